"""The exception hierarchy lets callers catch failures by class."""

import pickle

import pytest

import bcc_image

SUBCLASSES = [
    (bcc_image.InvalidArgumentError, bcc_image.BccError),
    (bcc_image.InvalidArgumentError, ValueError),
    (bcc_image.MissingCredentialsError, bcc_image.BccError),
    (bcc_image.ServiceError, bcc_image.BccError),
    (bcc_image.NoSuchObjectError, bcc_image.ServiceError),
    (bcc_image.AuthenticationError, bcc_image.ServiceError),
    (bcc_image.TransportError, bcc_image.BccError),
    (bcc_image.TransportError, ConnectionError),
    (bcc_image.RequestTimeoutError, bcc_image.TransportError),
    (bcc_image.RequestTimeoutError, TimeoutError),
    (bcc_image.TlsError, bcc_image.TransportError),
]


@pytest.mark.parametrize("subclass,base", SUBCLASSES, ids=[f"{sub.__name__}-{base.__name__}" for sub, base in SUBCLASSES])
def test_exception_subclass(subclass, base):
    assert issubclass(subclass, base)


def test_no_such_object_not_authentication():
    assert not issubclass(bcc_image.NoSuchObjectError, bcc_image.AuthenticationError)


def test_service_error_pickles_fields(client):
    with pytest.raises(bcc_image.NoSuchObjectError) as raised:
        client.rename_image("m-missing0", "newName")

    copy = pickle.loads(pickle.dumps(raised.value))

    assert type(copy) is bcc_image.NoSuchObjectError
    assert copy.request_id == raised.value.request_id
    assert str(copy) == str(raised.value)


def test_str_includes_code_and_request_id(client):
    with pytest.raises(bcc_image.NoSuchObjectError) as raised:
        client.rename_image("m-missing0", "newName")
    error = raised.value

    assert "code NoSuchObject" in str(error)
    assert f"request id {error.request_id}" in str(error)
