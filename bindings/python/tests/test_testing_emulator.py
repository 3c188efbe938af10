"""bcc_image.testing.Emulator: arguments, inspection, faults and stopping."""

import pytest

import bcc_image
from bcc_image.testing import Emulator
from conftest import ACCESS_KEY_ID, IMAGE_ID, OLD_NAME, SECRET_ACCESS_KEY


def test_pairs_accepted_like_dicts():
    with Emulator(credentials=[(ACCESS_KEY_ID, SECRET_ACCESS_KEY)], images=[(IMAGE_ID, OLD_NAME)]) as emulator:
        client = bcc_image.Client(ACCESS_KEY_ID, SECRET_ACCESS_KEY, endpoint=emulator.endpoint)
        client.rename_image(IMAGE_ID, "fromPairs")

        assert emulator.images == {IMAGE_ID: "fromPairs"}


def test_endpoint_is_loopback_http(emulator):
    assert emulator.endpoint.startswith("http://127.0.0.1:")


def test_unknown_image_name_is_none(emulator):
    assert emulator.image_name("m-missing0") is None


def test_unrenamed_image_count_zero(emulator):
    assert emulator.renames_applied(IMAGE_ID) == 0


def test_invalid_credentials_type_rejected():
    with pytest.raises(ValueError) as raised:
        Emulator(credentials="AK:SK")

    assert "credentials" in str(raised.value)


def test_invalid_fault_status_rejected(emulator):
    with pytest.raises(ValueError):
        emulator.inject_error(99, "Nonsense")


def test_clock_offset_expires_signature(client, emulator):
    # Two hours ahead puts the signature past its 1800 s lifetime.
    emulator.set_clock_offset(7200)

    with pytest.raises(bcc_image.AuthenticationError) as raised:
        client.rename_image(IMAGE_ID, "newName")

    assert raised.value.code == "RequestExpired"


def test_dropped_response_retried_once_applied(emulator):
    client = bcc_image.Client(
        ACCESS_KEY_ID, SECRET_ACCESS_KEY, endpoint=emulator.endpoint, max_attempts=2, retry_base_delay=0.01
    )
    emulator.inject_dropped_response()

    client.rename_image(IMAGE_ID, "newName")

    assert emulator.image_name(IMAGE_ID) == "newName"
    assert emulator.renames_applied(IMAGE_ID) == 1


def test_stopped_emulator_raises():
    emulator = Emulator(credentials={ACCESS_KEY_ID: SECRET_ACCESS_KEY})
    emulator.stop()

    with pytest.raises(RuntimeError):
        emulator.image_name(IMAGE_ID)


def test_stop_twice_is_harmless():
    emulator = Emulator(credentials={ACCESS_KEY_ID: SECRET_ACCESS_KEY})
    emulator.stop()
    emulator.stop()

    assert repr(emulator) == "Emulator(stopped)"


def test_exit_closes_port():
    with Emulator(credentials={ACCESS_KEY_ID: SECRET_ACCESS_KEY}, images={IMAGE_ID: OLD_NAME}) as emulator:
        endpoint = emulator.endpoint
    client = bcc_image.Client(ACCESS_KEY_ID, SECRET_ACCESS_KEY, endpoint=endpoint, max_attempts=1)

    with pytest.raises(bcc_image.TransportError):
        client.rename_image(IMAGE_ID, "newName")
