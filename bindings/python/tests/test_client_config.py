"""Client construction: credentials, environment, options and repr."""

import pytest

import bcc_image
from conftest import ACCESS_KEY_ID, IMAGE_ID, SECRET_ACCESS_KEY

ENVIRONMENT_VARIABLES = [
    "BCE_ACCESS_KEY_ID",
    "BCE_SECRET_ACCESS_KEY",
    "BCE_SECURITY_TOKEN",
    "BCE_REGION",
    "BCE_ENDPOINT",
]


@pytest.fixture
def clean_environment(monkeypatch):
    for name in ENVIRONMENT_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_repr_hides_secret():
    client = bcc_image.Client(ACCESS_KEY_ID, SECRET_ACCESS_KEY, security_token="session-token-0001")

    assert SECRET_ACCESS_KEY not in repr(client)
    assert "session-token-0001" not in repr(client)
    assert ACCESS_KEY_ID in repr(client)


def test_default_endpoint_is_https_region():
    client = bcc_image.Client(ACCESS_KEY_ID, SECRET_ACCESS_KEY, region="gz")

    assert client.endpoint == "https://bcc.gz.baidubce.com"


def test_default_region_is_bj():
    client = bcc_image.Client(ACCESS_KEY_ID, SECRET_ACCESS_KEY)

    assert client.region == "bj"


def test_missing_secret_raises():
    with pytest.raises(bcc_image.MissingCredentialsError) as raised:
        bcc_image.Client(ACCESS_KEY_ID)

    assert "secret access key" in str(raised.value)


def test_from_env_without_keys_raises(clean_environment):
    with pytest.raises(bcc_image.MissingCredentialsError) as raised:
        bcc_image.Client.from_env()

    assert "BCE_ACCESS_KEY_ID and BCE_SECRET_ACCESS_KEY not set" in str(raised.value)


def test_from_env_without_secret_names_it(clean_environment):
    clean_environment.setenv("BCE_ACCESS_KEY_ID", ACCESS_KEY_ID)

    with pytest.raises(bcc_image.MissingCredentialsError) as raised:
        bcc_image.Client.from_env()

    assert "BCE_SECRET_ACCESS_KEY not set" in str(raised.value)


def test_missing_credentials_not_value_error():
    # Missing keys are a setup problem, not a bad argument value.
    assert not issubclass(bcc_image.MissingCredentialsError, ValueError)


def test_from_env_renames(clean_environment, emulator):
    clean_environment.setenv("BCE_ACCESS_KEY_ID", ACCESS_KEY_ID)
    clean_environment.setenv("BCE_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY)
    clean_environment.setenv("BCE_ENDPOINT", emulator.endpoint)
    client = bcc_image.Client.from_env(max_attempts=1)

    client.rename_image(IMAGE_ID, "fromEnv")

    assert emulator.image_name(IMAGE_ID) == "fromEnv"


def test_from_env_reads_region(clean_environment):
    clean_environment.setenv("BCE_ACCESS_KEY_ID", ACCESS_KEY_ID)
    clean_environment.setenv("BCE_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY)
    clean_environment.setenv("BCE_REGION", "su")

    assert bcc_image.Client.from_env().endpoint == "https://bcc.su.baidubce.com"


@pytest.mark.parametrize(
    "option,value,fragment",
    [
        ("connect_timeout", -1.0, "connect_timeout"),
        ("request_timeout", float("nan"), "request_timeout"),
        ("request_timeout", 0.0, "greater than zero"),
        ("max_attempts", 0, "max_attempts"),
        ("deadline", 0.0, "deadline"),
        ("retry_base_delay", 5.0, "base_delay"),
        ("expiration_seconds", 0, "expiration"),
    ],
)
def test_invalid_option_rejected(option, value, fragment):
    with pytest.raises(bcc_image.InvalidArgumentError) as raised:
        bcc_image.Client(ACCESS_KEY_ID, SECRET_ACCESS_KEY, **{option: value})

    assert fragment in str(raised.value)


def test_invalid_endpoint_rejected():
    with pytest.raises(bcc_image.InvalidArgumentError):
        bcc_image.Client(ACCESS_KEY_ID, SECRET_ACCESS_KEY, endpoint="ftp://127.0.0.1")


def test_missing_ca_file_rejected(tmp_path):
    missing = tmp_path / "missing.pem"

    with pytest.raises(bcc_image.InvalidArgumentError) as raised:
        bcc_image.Client(ACCESS_KEY_ID, SECRET_ACCESS_KEY, ca_file=missing)

    assert str(missing) in str(raised.value)


def test_result_repr_shows_fields(client):
    result = client.rename_image(IMAGE_ID, "newName", client_token="token-repr")

    assert "token-repr" in repr(result)
