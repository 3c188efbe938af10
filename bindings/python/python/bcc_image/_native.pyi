"""Type stubs of the native module, compiled from the Rust crate ``bcc-image``."""

from os import PathLike
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

DEFAULT_EXPIRATION_SECONDS: int
"""Signature lifetime in seconds that every official SDK uses: 1800."""

class RenameResult:
    """Result of a successful rename."""

    @property
    def request_id(self) -> Optional[str]:
        """``x-bce-request-id`` of the response, or None if the server sent none."""
    @property
    def client_token(self) -> str:
        """The clientToken sent: the caller's, or the UUID v4 generated for the call."""
    @property
    def attempts(self) -> int:
        """HTTP attempts the call made, the successful one included."""

class Client:
    """A BCC client that renames custom images.

    One client is safe to share across threads, and sharing it reuses its
    pooled connections. ``rename_image`` releases the GIL while it waits on
    the network.

    Options left as None keep the library defaults. ``connect_timeout`` is
    5 s (TLS handshake included) and ``request_timeout`` 30 s per attempt.
    ``validate_names`` is True and ``expiration_seconds`` 1800.
    ``max_attempts`` is 3, the first included. Retry delays start at
    ``retry_base_delay`` 0.1 s and double up to ``retry_max_delay`` 2 s, and
    ``deadline`` bounds all attempts of one call to 60 s. ``ca_file`` is the path of a PEM file whose CAs replace the system
    ones, for a private endpoint.

    Raises ``MissingCredentialsError`` when a key is missing or empty and
    ``InvalidArgumentError`` for any invalid setting.
    """

    def __init__(
        self,
        access_key_id: Optional[str] = None,
        secret_access_key: Optional[str] = None,
        security_token: Optional[str] = None,
        region: str = "bj",
        endpoint: Optional[str] = None,
        *,
        connect_timeout: Optional[float] = None,
        request_timeout: Optional[float] = None,
        validate_names: Optional[bool] = None,
        expiration_seconds: Optional[int] = None,
        max_attempts: Optional[int] = None,
        retry_base_delay: Optional[float] = None,
        retry_max_delay: Optional[float] = None,
        deadline: Optional[float] = None,
        ca_file: Optional[Union[str, PathLike[str]]] = None,
    ) -> None: ...
    @staticmethod
    def from_env(
        *,
        connect_timeout: Optional[float] = None,
        request_timeout: Optional[float] = None,
        validate_names: Optional[bool] = None,
        expiration_seconds: Optional[int] = None,
        max_attempts: Optional[int] = None,
        retry_base_delay: Optional[float] = None,
        retry_max_delay: Optional[float] = None,
        deadline: Optional[float] = None,
        ca_file: Optional[Union[str, PathLike[str]]] = None,
    ) -> "Client":
        """Build a client from ``BCE_ACCESS_KEY_ID``, ``BCE_SECRET_ACCESS_KEY``,
        ``BCE_SECURITY_TOKEN``, ``BCE_REGION`` and ``BCE_ENDPOINT``.

        When the environment has no keys, the ``current`` profile of bce-cli's
        ``~/.bce/config.json`` is used if that file exists. Raises
        ``MissingCredentialsError`` when no keys are found.
        """
    @staticmethod
    def from_profile(
        name: Optional[str] = None,
        *,
        connect_timeout: Optional[float] = None,
        request_timeout: Optional[float] = None,
        validate_names: Optional[bool] = None,
        expiration_seconds: Optional[int] = None,
        max_attempts: Optional[int] = None,
        retry_base_delay: Optional[float] = None,
        retry_max_delay: Optional[float] = None,
        deadline: Optional[float] = None,
        ca_file: Optional[Union[str, PathLike[str]]] = None,
    ) -> "Client":
        """Build a client from profile ``name`` of bce-cli's ``~/.bce/config.json``.

        ``None`` selects the file's ``current`` profile. The profile gives the
        credentials, region and endpoint, and empty fields are filled from the
        ``BCE_*`` environment variables, as bce-cli does. Raises
        ``MissingCredentialsError`` naming the path and the profile when the file
        is missing or malformed, the profile is unknown or its keys are missing.
        """
    def rename_image(
        self, image_id: str, name: str, client_token: Optional[str] = None
    ) -> RenameResult:
        """Rename the custom image ``image_id`` to ``name``, retrying as configured.

        Without a ``client_token``, a UUID v4 is generated. Every attempt sends
        the same token, so the server applies the rename at most once.

        Raises ``InvalidArgumentError`` before sending when an argument breaks
        BCC's rules, ``NoSuchObjectError``, ``AuthenticationError`` or another
        ``ServiceError`` when the service rejects the call, and
        ``TransportError`` or ``RequestTimeoutError`` when no response arrives.
        """
    @property
    def endpoint(self) -> str:
        """Base URL that requests go to, such as ``https://bcc.bj.baidubce.com``."""
    @property
    def region(self) -> str:
        """Region id from the configuration. An explicit endpoint overrides it."""
    @property
    def access_key_id(self) -> str:
        """Access key ID that signs the requests; it is not secret."""

def sign_request(
    access_key_id: str,
    secret_access_key: str,
    method: str,
    path: str,
    query: Sequence[Tuple[str, Optional[str]]] = (),
    headers: Sequence[Tuple[str, str]] = (),
    timestamp: Optional[int] = None,
    expiration_seconds: int = 1800,
    signed_headers: Optional[Sequence[str]] = None,
) -> str:
    """Sign one request with bce-auth-v1 and return the Authorization value.

    ``path``, query names and values, and header values are decoded text,
    which the signer percent-encodes. A query value of None is a parameter
    sent without a value. ``timestamp`` is in Unix seconds, None meaning now.
    ``signed_headers`` lists the header names to sign; None or an empty list
    signs the default set (``host``, ``content-length``, ``content-type``,
    ``content-md5`` and every ``x-bce-*`` header).
    """

def validate_image_name(name: str) -> None:
    """Check ``name`` against BCC's image name rule, as the client does.

    The rule: 1 to 65 characters, starting with an ASCII letter, then ASCII
    letters, digits, Chinese characters, ``-``, ``_``, ``/`` or ``.``.
    Raises ``InvalidArgumentError`` naming the broken point.
    """

class Emulator:
    """A local BCC image API on 127.0.0.1 that verifies bce-auth-v1 signatures.

    It starts on construction at a free port. Use it as a context manager, or
    call ``stop()``, to close its socket and end its threads.
    ``credentials`` maps access key IDs to secret keys, and ``images`` maps
    image ids to names; each may also be a list of pairs. With
    ``tls_certificate`` and ``tls_private_key`` (PEM files), it serves https,
    for testing a client's ``ca_file``.
    """

    def __init__(
        self,
        credentials: Union[Mapping[str, str], Iterable[Tuple[str, str]]],
        images: Optional[Union[Mapping[str, str], Iterable[Tuple[str, str]]]] = None,
        *,
        tls_certificate: Optional[Union[str, PathLike[str]]] = None,
        tls_private_key: Optional[Union[str, PathLike[str]]] = None,
    ) -> None: ...
    @property
    def endpoint(self) -> str:
        """Base URL to pass as a client's ``endpoint``, such as ``http://127.0.0.1:40123``."""
    @property
    def images(self) -> Dict[str, str]:
        """Current names of all images, by image id."""
    def image_name(self, image_id: str) -> Optional[str]:
        """Return the current name of one image, or None if there is no such image."""
    def renames_applied(self, image_id: str) -> int:
        """Return how many renames were applied to the image; a repeated clientToken counts once."""
    def inject_error(self, status: int, code: str, times: int = 1) -> None:
        """Make the next ``times`` API requests fail with ``status`` and BCE code ``code``."""
    def inject_delay(self, seconds: float, times: int = 1) -> None:
        """Make the next ``times`` API requests wait ``seconds`` before they are handled."""
    def inject_dropped_response(self, times: int = 1) -> None:
        """Make the next ``times`` API requests apply the rename, then close the connection unanswered."""
    def set_clock_offset(self, seconds: int) -> None:
        """Shift the emulator's clock by ``seconds``, to test ``RequestExpired``."""
    def stop(self) -> None:
        """Close the socket and end the server threads. Stopping twice does nothing."""
    def __enter__(self) -> "Emulator": ...
    def __exit__(self, exc_type: object, exc_value: object, traceback: object) -> bool: ...
