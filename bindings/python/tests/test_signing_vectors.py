"""sign_request reproduces every vector computed by Baidu's official Python SDK."""

import pytest

import bcc_image
from conftest import load_vectors

VECTORS = load_vectors()


def test_vector_file_not_empty():
    assert len(VECTORS) >= 75


@pytest.mark.parametrize("vector", VECTORS, ids=[vector["name"] for vector in VECTORS])
def test_vector_authorization(vector):
    authorization = bcc_image.sign_request(
        vector["access_key_id"],
        vector["secret_access_key"],
        vector["method"],
        vector["path"],
        query=[tuple(pair) for pair in vector["query"]],
        headers=[tuple(pair) for pair in vector["headers"]],
        timestamp=vector["timestamp"],
        expiration_seconds=vector["expiration_seconds"],
        signed_headers=vector["signed_headers"],
    )

    assert authorization == vector["expected"]["authorization"]


def test_default_timestamp_is_now():
    import time

    before = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    authorization = bcc_image.sign_request("ak", "sk", "GET", "/")
    after = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    signed_time = authorization.split("/")[2]

    assert signed_time >= before
    assert signed_time <= after


def test_empty_signed_list_means_default():
    arguments = ("ak", "sk", "PUT", "/v2/image/rename", [], [("Host", "h")], 1439266649)

    assert bcc_image.sign_request(*arguments, signed_headers=[]) == bcc_image.sign_request(*arguments)
