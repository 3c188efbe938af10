"""Client.rename_image against the in-process emulator over real sockets."""

import socket
import uuid

import pytest

import bcc_image
from conftest import ACCESS_KEY_ID, IMAGE_ID, OLD_NAME, SECRET_ACCESS_KEY


def test_rename_changes_name(client, emulator):
    client.rename_image(IMAGE_ID, "newName")

    assert emulator.image_name(IMAGE_ID) == "newName"


def test_rename_applied_once(client, emulator):
    client.rename_image(IMAGE_ID, "newName")

    assert emulator.renames_applied(IMAGE_ID) == 1


def test_rename_leaves_other_images(client, emulator):
    client.rename_image(IMAGE_ID, "newName")

    assert emulator.images == {IMAGE_ID: "newName", "m-second01": "secondName"}


def test_result_has_request_id(client):
    result = client.rename_image(IMAGE_ID, "newName")

    assert result.request_id


def test_result_generates_uuid_token(client):
    result = client.rename_image(IMAGE_ID, "newName")

    assert uuid.UUID(result.client_token).version == 4


def test_result_keeps_caller_token(client):
    result = client.rename_image(IMAGE_ID, "newName", client_token="token-0001")

    assert result.client_token == "token-0001"


def test_repeated_token_renames_once(client, emulator):
    client.rename_image(IMAGE_ID, "newName", client_token="token-0002")
    client.rename_image(IMAGE_ID, "newName", client_token="token-0002")

    assert emulator.renames_applied(IMAGE_ID) == 1


def test_chinese_name_renamed(client, emulator):
    client.rename_image(IMAGE_ID, "a镜像-1.0")

    assert emulator.image_name(IMAGE_ID) == "a镜像-1.0"


def test_missing_image_raises_no_such_object(client):
    with pytest.raises(bcc_image.NoSuchObjectError) as raised:
        client.rename_image("m-missing0", "newName")
    error = raised.value

    assert isinstance(error, bcc_image.ServiceError)
    assert error.status == 404
    assert error.code == "NoSuchObject"
    assert error.request_id
    assert error.attempts == 1
    assert "m-missing0" in error.message


def test_wrong_secret_raises_authentication_error(emulator):
    client = bcc_image.Client(ACCESS_KEY_ID, "wrong-secret", endpoint=emulator.endpoint, max_attempts=1)

    with pytest.raises(bcc_image.AuthenticationError) as raised:
        client.rename_image(IMAGE_ID, "newName")
    error = raised.value

    assert error.code == "SignatureDoesNotMatch"
    assert error.status == 400
    assert error.request_id
    assert emulator.image_name(IMAGE_ID) == OLD_NAME


def test_unknown_key_raises_authentication_error(emulator):
    client = bcc_image.Client("AKIDunknown", SECRET_ACCESS_KEY, endpoint=emulator.endpoint, max_attempts=1)

    with pytest.raises(bcc_image.AuthenticationError) as raised:
        client.rename_image(IMAGE_ID, "newName")

    assert raised.value.code == "InvalidAccessKeyId"


def test_invalid_name_sends_nothing(client, emulator):
    with pytest.raises(bcc_image.InvalidArgumentError) as raised:
        client.rename_image(IMAGE_ID, "new name")

    assert raised.value.attempts == 0
    assert emulator.renames_applied(IMAGE_ID) == 0


def test_invalid_name_is_value_error(client):
    with pytest.raises(ValueError):
        client.rename_image(IMAGE_ID, "1abc")


def test_invalid_token_rejected(client):
    with pytest.raises(bcc_image.InvalidArgumentError) as raised:
        client.rename_image(IMAGE_ID, "newName", client_token="has space")

    assert "clientToken" in str(raised.value)


def test_validation_off_lets_server_decide(emulator):
    client = bcc_image.Client(
        ACCESS_KEY_ID, SECRET_ACCESS_KEY, endpoint=emulator.endpoint, max_attempts=1, validate_names=False
    )

    with pytest.raises(bcc_image.ServiceError) as raised:
        client.rename_image(IMAGE_ID, "1abc")

    assert raised.value.code == "Image.ImageNameInvalid"


def test_injected_503_retried(emulator):
    client = bcc_image.Client(
        ACCESS_KEY_ID, SECRET_ACCESS_KEY, endpoint=emulator.endpoint, max_attempts=3, retry_base_delay=0.01
    )
    emulator.inject_error(503, "ServiceUnavailable", times=2)

    result = client.rename_image(IMAGE_ID, "newName")

    assert emulator.image_name(IMAGE_ID) == "newName"
    assert result.attempts == 3


def test_first_try_counts_one_attempt(client):
    result = client.rename_image(IMAGE_ID, "newName")

    assert result.attempts == 1


def test_retries_exhausted_count_attempts(emulator):
    client = bcc_image.Client(
        ACCESS_KEY_ID, SECRET_ACCESS_KEY, endpoint=emulator.endpoint, max_attempts=2, retry_base_delay=0.01
    )
    emulator.inject_error(503, "ServiceUnavailable", times=2)

    with pytest.raises(bcc_image.ServiceError) as raised:
        client.rename_image(IMAGE_ID, "newName")

    assert raised.value.status == 503
    assert raised.value.attempts == 2


def test_slow_response_times_out(emulator):
    client = bcc_image.Client(
        ACCESS_KEY_ID, SECRET_ACCESS_KEY, endpoint=emulator.endpoint, max_attempts=1, request_timeout=0.2
    )
    emulator.inject_delay(1.0)

    with pytest.raises(bcc_image.RequestTimeoutError) as raised:
        client.rename_image(IMAGE_ID, "newName")

    assert isinstance(raised.value, TimeoutError)
    assert isinstance(raised.value, bcc_image.TransportError)


def test_closed_port_raises_transport_error():
    # Bind a port, then close it, so nothing listens there during the call.
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        port = listener.getsockname()[1]
    client = bcc_image.Client(
        ACCESS_KEY_ID, SECRET_ACCESS_KEY, endpoint=f"http://127.0.0.1:{port}", max_attempts=1
    )

    with pytest.raises(bcc_image.TransportError) as raised:
        client.rename_image(IMAGE_ID, "newName")

    assert isinstance(raised.value, ConnectionError)
    assert raised.value.attempts == 1
