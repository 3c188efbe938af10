"""Requests signed and sent by Baidu's official SDK reach our emulator.

The SDK (bce-python-sdk 0.9.79) has no call for image rename, so these tests
use its generic transport, baidubce.http.bce_http_client.send_request, the way
its BccClient does for other calls: bce_v1_signer.sign as the signer and its
JSON error handler.
"""

import json

import pytest
from baidubce import protocol
from baidubce.auth import bce_v1_signer
from baidubce.auth.bce_credentials import BceCredentials
from baidubce.bce_client_configuration import BceClientConfiguration
from baidubce.exception import BceHttpClientError
from baidubce.http import bce_http_client, handler, http_headers, http_methods
from baidubce.retry.retry_policy import NoRetryPolicy

from conftest import ACCESS_KEY_ID, IMAGE_ID, OLD_NAME, SECRET_ACCESS_KEY

CLIENT_TOKEN = "1849ef6b-f73c-4f5d-b88b-259ca47af849"


def send_rename(endpoint, secret_access_key, name):
    """Send PUT /v2/image/rename through the SDK and return its BceResponse."""
    config = BceClientConfiguration(
        credentials=BceCredentials(ACCESS_KEY_ID, secret_access_key),
        endpoint=endpoint,
        protocol=protocol.HTTP,
        connection_timeout_in_mills=5000,
        send_buf_size=1024 * 1024,
        recv_buf_size=1024 * 1024,
        # One attempt, so a rejected signature surfaces at once.
        retry_policy=NoRetryPolicy(),
    )
    body = json.dumps({"name": name, "imageId": IMAGE_ID})
    headers = {http_headers.CONTENT_TYPE: b"application/json;charset=UTF-8"}
    params = {b"clientToken": CLIENT_TOKEN.encode()}
    return bce_http_client.send_request(
        config,
        bce_v1_signer.sign,
        [handler.parse_error, handler.parse_json],
        http_methods.PUT,
        b"/v2/image/rename",
        body,
        headers,
        params,
    )


def test_sdk_request_renames_image(emulator):
    send_rename(emulator.endpoint, SECRET_ACCESS_KEY, "renamedBySdk")

    assert emulator.image_name(IMAGE_ID) == "renamedBySdk"


def test_sdk_response_has_request_id(emulator):
    response = send_rename(emulator.endpoint, SECRET_ACCESS_KEY, "renamedBySdk")

    assert response.metadata.bce_request_id


def test_sdk_chinese_name_renames_image(emulator):
    send_rename(emulator.endpoint, SECRET_ACCESS_KEY, "a镜像")

    assert emulator.image_name(IMAGE_ID) == "a镜像"


def test_sdk_wrong_secret_rejected(emulator):
    with pytest.raises(BceHttpClientError) as raised:
        send_rename(emulator.endpoint, "wrong-secret", "renamedBySdk")
    error = raised.value

    assert error.code == "SignatureDoesNotMatch"
    assert error.status_code == 400
    assert emulator.image_name(IMAGE_ID) == OLD_NAME
