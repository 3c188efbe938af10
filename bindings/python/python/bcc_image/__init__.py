"""Rename Baidu AI Cloud BCC custom images with bce-auth-v1 signed requests.

>>> import bcc_image
>>> client = bcc_image.Client("my-access-key-id", "my-secret-access-key", region="bj")
>>> client.rename_image("m-1849ef6b", "newName")  # doctest: +SKIP

The client, the signer and the name check are the Rust crate ``bcc-image``,
compiled into ``bcc_image._native``. Rust log records reach the ``bcc_image``
logger of the standard ``logging`` module.
"""

from ._errors import (
    AuthenticationError,
    BccError,
    InvalidArgumentError,
    MissingCredentialsError,
    NoSuchObjectError,
    RequestTimeoutError,
    ServiceError,
    TlsError,
    TransportError,
)
from ._native import (
    DEFAULT_EXPIRATION_SECONDS,
    Client,
    RenameResult,
    sign_request,
    validate_image_name,
)

__all__ = [
    "DEFAULT_EXPIRATION_SECONDS",
    "AuthenticationError",
    "BccError",
    "Client",
    "InvalidArgumentError",
    "MissingCredentialsError",
    "NoSuchObjectError",
    "RenameResult",
    "RequestTimeoutError",
    "ServiceError",
    "TlsError",
    "TransportError",
    "sign_request",
    "validate_image_name",
]
