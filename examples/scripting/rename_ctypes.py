"""Rename a BCC custom image by loading libbcc_image.so with Python's ctypes.

No compiled glue is needed: load_library() declares the C functions of
bcc_image.h with their argument and result types.

Usage: python3 rename_ctypes.py ENDPOINT IMAGE_ID NAME [CLIENT_TOKEN]

The credentials come from BCE_ACCESS_KEY_ID and BCE_SECRET_ACCESS_KEY (and
BCE_SECURITY_TOKEN for STS credentials). The library is BCC_IMAGE_LIBRARY when
set, such as /usr/local/lib/libbcc_image.so.0.1, or else the one the dynamic
loader finds.
"""

import ctypes
import ctypes.util
import os
import sys

# bcc_status values from bcc_image.h.
BCC_OK = 0
BCC_INVALID_ARGUMENT = 1
BCC_MISSING_CREDENTIALS = 2
BCC_SERVICE_ERROR = 3
BCC_BUFFER_TOO_SMALL = 7


class Client(ctypes.Structure):
    """Opaque struct bcc_client."""


class Error(ctypes.Structure):
    """Opaque struct bcc_error."""


class RenameResult(ctypes.Structure):
    """Opaque struct bcc_rename_result."""


class ClientConfig(ctypes.Structure):
    """struct bcc_client_config: every field left at 0 or None takes its default."""

    _fields_ = [
        ("access_key_id", ctypes.c_char_p),
        ("secret_access_key", ctypes.c_char_p),
        ("security_token", ctypes.c_char_p),
        ("region", ctypes.c_char_p),
        ("endpoint", ctypes.c_char_p),
        ("ca_file", ctypes.c_char_p),
        ("connect_timeout_ms", ctypes.c_uint32),
        ("request_timeout_ms", ctypes.c_uint32),
        ("max_attempts", ctypes.c_uint32),
        ("retry_base_delay_ms", ctypes.c_uint32),
        ("retry_max_delay_ms", ctypes.c_uint32),
        ("deadline_ms", ctypes.c_uint32),
        ("expiration_seconds", ctypes.c_uint32),
        ("disable_name_validation", ctypes.c_int32),
    ]


def _declare(library, name, restype, argtypes):
    function = getattr(library, name)
    function.restype = restype
    function.argtypes = argtypes


def load_library(path=None):
    """Load libbcc_image.so and declare the functions of bcc_image.h on it."""
    path = path or os.environ.get("BCC_IMAGE_LIBRARY") or ctypes.util.find_library("bcc_image")
    if not path:
        raise OSError("libbcc_image.so not found: set BCC_IMAGE_LIBRARY to its path")
    library = ctypes.CDLL(path)

    # An enum is an int in the C ABI. Accessors that return `const char *`
    # use c_char_p, which copies the string into Python bytes at once, before
    # the owning object is freed.
    status = ctypes.c_int
    client_p = ctypes.POINTER(Client)
    error_p = ctypes.POINTER(Error)
    result_p = ctypes.POINTER(RenameResult)
    text = ctypes.c_char_p

    _declare(library, "bcc_client_new", status,
             [ctypes.POINTER(ClientConfig), ctypes.POINTER(client_p), ctypes.POINTER(error_p)])
    _declare(library, "bcc_client_new_from_env", status, [ctypes.POINTER(client_p), ctypes.POINTER(error_p)])
    _declare(library, "bcc_client_free", None, [client_p])
    _declare(library, "bcc_image_rename", status,
             [client_p, text, text, text, ctypes.POINTER(result_p), ctypes.POINTER(error_p)])

    _declare(library, "bcc_error_status", status, [error_p])
    _declare(library, "bcc_error_http_status", ctypes.c_uint16, [error_p])
    _declare(library, "bcc_error_code", text, [error_p])
    _declare(library, "bcc_error_message", text, [error_p])
    _declare(library, "bcc_error_request_id", text, [error_p])
    _declare(library, "bcc_error_attempts", ctypes.c_uint32, [error_p])
    _declare(library, "bcc_error_free", None, [error_p])

    _declare(library, "bcc_rename_result_request_id", text, [result_p])
    _declare(library, "bcc_rename_result_client_token", text, [result_p])
    _declare(library, "bcc_rename_result_free", None, [result_p])

    _declare(library, "bcc_sign_request", status,
             [text, text, text, text, text, text, ctypes.c_int64, ctypes.c_uint32, text,
              ctypes.c_char_p, ctypes.c_size_t, ctypes.POINTER(ctypes.c_size_t)])
    _declare(library, "bcc_status_str", text, [ctypes.c_int32])
    _declare(library, "bcc_version", text, [])
    return library


def describe_error(library, error):
    """Return the fields of a bcc_error as a dict of Python values."""
    return {
        "status": library.bcc_error_status(error),
        "http_status": library.bcc_error_http_status(error),
        "code": library.bcc_error_code(error).decode(),
        "message": library.bcc_error_message(error).decode(),
        "request_id": library.bcc_error_request_id(error).decode(),
        "attempts": library.bcc_error_attempts(error),
    }


def main(argv):
    if len(argv) not in (4, 5):
        print(f"usage: {argv[0]} ENDPOINT IMAGE_ID NAME [CLIENT_TOKEN]", file=sys.stderr)
        return 2
    endpoint, image_id, name = argv[1:4]
    client_token = argv[4].encode() if len(argv) == 5 else None

    library = load_library()
    config = ClientConfig()
    config.access_key_id = os.environ.get("BCE_ACCESS_KEY_ID", "").encode()
    config.secret_access_key = os.environ.get("BCE_SECRET_ACCESS_KEY", "").encode()
    token = os.environ.get("BCE_SECURITY_TOKEN")
    config.security_token = token.encode() if token else None
    config.endpoint = endpoint.encode()

    client = ctypes.POINTER(Client)()
    error = ctypes.POINTER(Error)()
    if library.bcc_client_new(ctypes.byref(config), ctypes.byref(client), ctypes.byref(error)) != BCC_OK:
        print(f"client creation failed: {describe_error(library, error)['message']}", file=sys.stderr)
        library.bcc_error_free(error)
        return 1

    result = ctypes.POINTER(RenameResult)()
    try:
        status = library.bcc_image_rename(client, image_id.encode(), name.encode(), client_token,
                                          ctypes.byref(result), ctypes.byref(error))
        if status != BCC_OK:
            for field, value in describe_error(library, error).items():
                print(f"{field}: {value}", file=sys.stderr)
            return 1
        print(f"renamed {image_id} to {name}")
        print(f"request id:  {library.bcc_rename_result_request_id(result).decode()}")
        print(f"clientToken: {library.bcc_rename_result_client_token(result).decode()}")
        return 0
    finally:
        # Each free accepts NULL, so every object is freed whichever path ran.
        library.bcc_rename_result_free(result)
        library.bcc_error_free(error)
        library.bcc_client_free(client)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
