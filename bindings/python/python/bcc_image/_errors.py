"""Exceptions raised by bcc_image.

Every exception is a ``BccError``. Catch a subclass to handle one failure, and
read ``status``, ``code`` and ``request_id`` to report a service error.
"""

from __future__ import annotations


# BCE error codes that mean the request was not authenticated or not allowed.
# The client retries RequestExpired with a fresh signature, so one that remains
# after the retries usually means the local clock is off.
AUTHENTICATION_CODES = frozenset(
    {
        "SignatureDoesNotMatch",
        "InvalidAccessKeyId",
        "RequestExpired",
        "InvalidHTTPAuthHeader",
        "AccessDenied",
    }
)


class BccError(Exception):
    """Base class of every error that bcc_image raises.

    ``str(error)`` is the full message, with the HTTP status, code and request
    id when there are any. ``message`` is the message alone.
    """

    def __init__(
        self,
        description: str,
        *,
        message: str | None = None,
        status: int | None = None,
        code: str | None = None,
        request_id: str | None = None,
        attempts: int = 0,
    ) -> None:
        super().__init__(description)
        self.message: str = description if message is None else message
        #: HTTP status of the last response, if one arrived.
        self.status: int | None = status
        #: BCE error code such as ``NoSuchObject``, if the service sent one.
        self.code: str | None = code
        #: ``x-bce-request-id`` of the last response, for Baidu support.
        self.request_id: str | None = request_id
        #: HTTP attempts made, 0 when a local check failed before any.
        self.attempts: int = attempts

    def __reduce__(self):
        # The default pickling passes only args, which would lose the fields.
        fields = {
            "message": self.message,
            "status": self.status,
            "code": self.code,
            "request_id": self.request_id,
            "attempts": self.attempts,
        }
        return (_rebuild, (type(self), str(self), fields))


class InvalidArgumentError(BccError, ValueError):
    """A local check rejected an argument before anything was sent."""


class MissingCredentialsError(BccError):
    """No access key ID or secret access key was given or found in the environment."""


class ServiceError(BccError):
    """The service returned an error status (4xx or 5xx)."""


class NoSuchObjectError(ServiceError):
    """The image does not exist (BCE code ``NoSuchObject``, HTTP 404)."""


class AuthenticationError(ServiceError):
    """The service rejected the credentials or the signature.

    ``code`` names the failed check: ``SignatureDoesNotMatch`` (wrong secret
    key), ``InvalidAccessKeyId``, ``RequestExpired`` (clock skew),
    ``InvalidHTTPAuthHeader`` or ``AccessDenied``.
    """


class TransportError(BccError, ConnectionError):
    """The request could not be sent or the response could not be read."""


class RequestTimeoutError(TransportError, TimeoutError):
    """A connect or response timeout, or the retry deadline, ran out."""


class TlsError(TransportError):
    """The TLS handshake failed, for example on an untrusted certificate."""


_CLASS_BY_KIND = {
    "invalid_argument": InvalidArgumentError,
    "missing_credentials": MissingCredentialsError,
    "service": ServiceError,
    "transport": TransportError,
    "timed_out": RequestTimeoutError,
    "tls": TlsError,
}


def _rebuild(cls, description, fields):
    return cls(description, **fields)


def _from_native(
    kind: str,
    description: str,
    message: str,
    status: int | None,
    code: str | None,
    request_id: str | None,
    attempts: int,
) -> BccError:
    """Build the exception for an error of the native module.

    ``kind`` is the core error kind in snake case. An unknown kind gives a plain
    ``BccError``.
    """
    cls = _CLASS_BY_KIND.get(kind, BccError)
    if cls is ServiceError and code == "NoSuchObject":
        cls = NoSuchObjectError
    elif cls is ServiceError and code in AUTHENTICATION_CODES:
        cls = AuthenticationError
    return cls(
        description,
        message=message,
        status=status,
        code=code,
        request_id=request_id,
        attempts=attempts,
    )
