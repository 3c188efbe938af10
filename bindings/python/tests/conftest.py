"""Shared fixtures: an in-process emulator and a client pointed at it.

The tests import the installed ``bcc_image`` wheel, never the source tree, so
they check what a user gets from ``pip install``.
"""

import json
from pathlib import Path

import pytest

import bcc_image
from bcc_image.testing import Emulator

ACCESS_KEY_ID = "AKIDtest0001"
SECRET_ACCESS_KEY = "secret-key-for-tests-0001"
IMAGE_ID = "m-1849ef6b"
OLD_NAME = "oldName"

REPOSITORY_ROOT = Path(__file__).resolve().parents[3]
VECTORS_FILE = REPOSITORY_ROOT / "tests" / "data" / "bce_auth_v1.json"


def load_vectors():
    """Return the signing vectors that Baidu's Python SDK computed."""
    with VECTORS_FILE.open(encoding="utf-8") as file:
        return json.load(file)["vectors"]


@pytest.fixture
def emulator():
    with Emulator(
        credentials={ACCESS_KEY_ID: SECRET_ACCESS_KEY},
        images={IMAGE_ID: OLD_NAME, "m-second01": "secondName"},
    ) as running:
        yield running


@pytest.fixture
def client(emulator):
    # One attempt keeps error tests fast and their attempt counts exact.
    return bcc_image.Client(
        ACCESS_KEY_ID,
        SECRET_ACCESS_KEY,
        endpoint=emulator.endpoint,
        max_attempts=1,
    )


def pytest_sessionfinish(session, exitstatus):
    # A skipped test would hide a missing dependency or a broken emulator, so a
    # run that skips anything fails.
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None and reporter.stats.get("skipped") and exitstatus == 0:
        session.exitstatus = 1
