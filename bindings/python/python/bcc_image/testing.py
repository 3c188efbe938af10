"""Offline testing support: a BCC emulator that runs inside the process.

>>> from bcc_image.testing import Emulator
>>> with Emulator(credentials={"AK": "SK"}, images={"m-1849ef6b": "oldName"}) as emulator:
...     client = bcc_image.Client("AK", "SK", endpoint=emulator.endpoint)  # doctest: +SKIP
...     client.rename_image("m-1849ef6b", "newName")                       # doctest: +SKIP

The emulator listens on 127.0.0.1 at a free port and verifies every request's
bce-auth-v1 signature as Baidu documents it, so code that works against it
signs correctly.
"""

from ._native import Emulator

__all__ = ["Emulator"]
