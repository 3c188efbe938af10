"""Test the C library through Python's ctypes, with the declarations of
examples/scripting/rename_ctypes.py, against a running bcc-emulator.

Usage: python3 ctypes_test.py ENDPOINT

BCC_IMAGE_LIBRARY names the library to load. The emulator must accept
BCE_ACCESS_KEY_ID:BCE_SECRET_ACCESS_KEY and contain the image m-1849ef6b.
Exits with 1 when any check failed.
"""

import ctypes
import json
import os
import re
import subprocess
import sys
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLE = os.path.join(ROOT, "examples", "scripting", "rename_ctypes.py")
sys.path.insert(0, os.path.dirname(EXAMPLE))

import rename_ctypes  # noqa: E402  (found through the path added above)
from rename_ctypes import BCC_BUFFER_TOO_SMALL, BCC_INVALID_ARGUMENT, BCC_OK, BCC_SERVICE_ERROR  # noqa: E402

IMAGE_ID = "m-1849ef6b"
failures = []
checks = 0


def check(test, condition, detail=""):
    global checks
    checks += 1
    if not condition:
        failures.append(f"{test}: {detail}")
        print(f"FAIL {test}: {detail}", file=sys.stderr)


def wire_query(pairs):
    """Encode decoded (name, value) pairs as a query string, as a client sends it.

    RFC 3986 unreserved characters stay as they are and everything else is
    percent-encoded; a None value is a parameter without '='.
    """
    encode = lambda text: urllib.parse.quote(text, safe="-_.~")  # noqa: E731
    parts = [encode(name) if value is None else f"{encode(name)}={encode(value)}" for name, value in pairs]
    return "&".join(parts)


def sign(library, vector, out_len=1024):
    """Call bcc_sign_request for a vector; return (status, value, needed)."""
    headers = "\n".join(f"{name}: {value}" for name, value in vector["headers"])
    signed = ";".join(vector["signed_headers"]) if vector["signed_headers"] is not None else None
    buffer = ctypes.create_string_buffer(out_len) if out_len else None
    needed = ctypes.c_size_t(0)
    status = library.bcc_sign_request(
        vector["access_key_id"].encode(), vector["secret_access_key"].encode(), vector["method"].encode(),
        vector["path"].encode(), wire_query(vector["query"]).encode(), headers.encode(), vector["timestamp"],
        vector["expiration_seconds"], signed.encode() if signed is not None else None, buffer, out_len,
        ctypes.byref(needed))
    value = buffer.value.decode() if status == BCC_OK else None
    return status, value, needed.value


def test_version_matches_cargo(library):
    with open(os.path.join(ROOT, "Cargo.toml"), encoding="utf-8") as manifest:
        cargo_version = re.search(r'^version\s*=\s*"([^"]+)"', manifest.read(), re.MULTILINE).group(1)
    version = library.bcc_version().decode()
    check("version matches Cargo.toml", version == cargo_version, f"{version} != {cargo_version}")


def test_sign_request_vectors(library):
    with open(os.path.join(ROOT, "tests", "data", "bce_auth_v1.json"), encoding="utf-8") as data:
        vectors = json.load(data)["vectors"]
    check("signing vectors loaded", len(vectors) > 0, "tests/data/bce_auth_v1.json has no vectors")
    names = [vector["name"] for vector in vectors]
    check("Baidu example present", "Baidu documentation example (object storage upload part)" in names)
    for vector in vectors:
        status, value, _ = sign(library, vector)
        expected = vector["expected"]["authorization"]
        check(f"sign_request vector {vector['name']!r}", status == BCC_OK and value == expected,
              f"status {status}, {value!r} != {expected!r}")


def test_sign_request_buffer_too_small(library):
    with open(os.path.join(ROOT, "tests", "data", "bce_auth_v1.json"), encoding="utf-8") as data:
        vector = json.load(data)["vectors"][0]
    expected = vector["expected"]["authorization"]

    status, _, needed = sign(library, vector, out_len=0)
    check("size query returns BUFFER_TOO_SMALL", status == BCC_BUFFER_TOO_SMALL, f"status {status}")
    check("size query gives size with NUL", needed == len(expected) + 1, f"needed {needed}")

    status, _, needed_again = sign(library, vector, out_len=needed - 1)
    check("one byte short is too small", status == BCC_BUFFER_TOO_SMALL, f"status {status}")
    check("short buffer gives same size", needed_again == needed, f"{needed_again} != {needed}")

    status, value, _ = sign(library, vector, out_len=needed)
    check("exact buffer succeeds", status == BCC_OK and value == expected, f"status {status}, {value!r}")


def test_sign_request_invalid_argument(library):
    needed = ctypes.c_size_t(12345)
    buffer = ctypes.create_string_buffer(256)
    status = library.bcc_sign_request(b"ak", b"sk", None, b"/", None, None, 0, 0, None, buffer, 256,
                                      ctypes.byref(needed))
    check("NULL method is invalid", status == BCC_INVALID_ARGUMENT, f"status {status}")
    check("invalid call writes nothing", needed.value == 12345, f"needed {needed.value}")
    check("status string", library.bcc_status_str(status) == b"invalid argument", library.bcc_status_str(status))


def emulator_image_name(endpoint, image_id):
    with urllib.request.urlopen(f"{endpoint}/_emulator/images", timeout=5) as response:
        images = json.load(response)["images"]
    return next((image["name"] for image in images if image["id"] == image_id), None)


def new_client(library, endpoint, secret_access_key=None):
    config = rename_ctypes.ClientConfig()
    config.access_key_id = os.environ["BCE_ACCESS_KEY_ID"].encode()
    config.secret_access_key = (secret_access_key or os.environ["BCE_SECRET_ACCESS_KEY"]).encode()
    config.endpoint = endpoint.encode()
    config.max_attempts = 1
    client = ctypes.POINTER(rename_ctypes.Client)()
    error = ctypes.POINTER(rename_ctypes.Error)()
    status = library.bcc_client_new(ctypes.byref(config), ctypes.byref(client), ctypes.byref(error))
    check("client created", status == BCC_OK, f"status {status}")
    check("no error object on success", not error, "error_out was written on success")
    return client


def rename(library, client, image_id, name, client_token=None):
    """Call bcc_image_rename; return (status, result fields or None, error fields or None)."""
    result = ctypes.POINTER(rename_ctypes.RenameResult)()
    error = ctypes.POINTER(rename_ctypes.Error)()
    try:
        status = library.bcc_image_rename(client, image_id.encode(), name.encode(), client_token,
                                          ctypes.byref(result), ctypes.byref(error))
        result_fields = None
        if result:
            result_fields = {
                "request_id": library.bcc_rename_result_request_id(result).decode(),
                "client_token": library.bcc_rename_result_client_token(result).decode(),
            }
        error_fields = rename_ctypes.describe_error(library, error) if error else None
        return status, result_fields, error_fields
    finally:
        library.bcc_rename_result_free(result)
        library.bcc_error_free(error)


def test_rename(library, endpoint):
    client = new_client(library, endpoint)
    try:
        status, result, error = rename(library, client, IMAGE_ID, "renamedByCtypes", b"ctypes-token-1")
        check("rename succeeds", status == BCC_OK, f"status {status}, error {error}")
        check("rename writes no error", error is None, f"{error}")
        check("rename returns request id", result is not None and result["request_id"] != "", f"{result}")
        check("rename echoes client token", result is not None and result["client_token"] == "ctypes-token-1",
              f"{result}")
        name = emulator_image_name(endpoint, IMAGE_ID)
        check("emulator has new name", name == "renamedByCtypes", f"name {name!r}")

        status, result, error = rename(library, client, "m-00000000", "newName")
        check("missing image fails", status == BCC_SERVICE_ERROR, f"status {status}")
        check("missing image writes no result", result is None, f"{result}")
        check("missing image has error", error is not None, "no error object")
        if error is not None:
            check("missing image HTTP status", error["http_status"] == 404, f"{error}")
            check("missing image code", error["code"] == "NoSuchObject", f"{error}")
            check("missing image request id", error["request_id"] != "", f"{error}")
            check("missing image attempts", error["attempts"] == 1, f"{error}")
    finally:
        library.bcc_client_free(client)

    client = new_client(library, endpoint, secret_access_key="wrong-secret")
    try:
        status, _, error = rename(library, client, IMAGE_ID, "newName")
        check("wrong secret fails", status == BCC_SERVICE_ERROR, f"status {status}")
        check("wrong secret code", error is not None and error["code"] == "SignatureDoesNotMatch", f"{error}")
    finally:
        library.bcc_client_free(client)


def test_example_script(endpoint):
    completed = subprocess.run([sys.executable, EXAMPLE, endpoint, IMAGE_ID, "renamedByExample"],
                               capture_output=True, text=True, timeout=60, check=False)
    check("example exits 0", completed.returncode == 0, completed.stderr)
    check("example prints rename", f"renamed {IMAGE_ID} to renamedByExample" in completed.stdout, completed.stdout)
    name = emulator_image_name(endpoint, IMAGE_ID)
    check("example renamed image", name == "renamedByExample", f"name {name!r}")


def main(argv):
    if len(argv) != 2:
        print(f"usage: {argv[0]} ENDPOINT", file=sys.stderr)
        return 2
    endpoint = argv[1]
    library = rename_ctypes.load_library()

    test_version_matches_cargo(library)
    test_sign_request_vectors(library)
    test_sign_request_buffer_too_small(library)
    test_sign_request_invalid_argument(library)
    test_rename(library, endpoint)
    test_example_script(endpoint)

    print(f"ctypes: {checks - len(failures)} checks passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
