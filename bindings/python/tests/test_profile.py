"""Client.from_profile and Client.from_env read bce-cli's ~/.bce/config.json."""

import json

import pytest

import bcc_image
from bcc_image.testing import Emulator


def write_config(home, endpoint):
    folder = home / ".bce"
    folder.mkdir()
    config = {
        "current": "emu",
        "profiles": [
            {"name": "emu", "mode": "AK", "access_key_id": "profile-ak",
             "secret_access_key": "profile-sk", "endpoint": endpoint},
            {"name": "sts", "mode": "StsToken", "access_key_id": "a", "secret_access_key": "b"},
        ],
    }
    (folder / "config.json").write_text(json.dumps(config), encoding="utf-8")
    return folder / "config.json"


@pytest.fixture
def profile_home(tmp_path, monkeypatch):
    for name in ["BCE_ACCESS_KEY_ID", "BCE_SECRET_ACCESS_KEY", "BCE_SECURITY_TOKEN", "BCE_REGION", "BCE_ENDPOINT"]:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


def test_named_profile_renames(profile_home):
    with Emulator(credentials={"profile-ak": "profile-sk"}, images={"m-1849ef6b": "oldName"}) as emulator:
        write_config(profile_home, emulator.endpoint)
        client = bcc_image.Client.from_profile("emu")
        client.rename_image("m-1849ef6b", "profileName")
        assert emulator.image_name("m-1849ef6b") == "profileName"


def test_current_profile_and_env_fallback(profile_home):
    with Emulator(credentials={"profile-ak": "profile-sk"}, images={"m-1849ef6b": "oldName"}) as emulator:
        write_config(profile_home, emulator.endpoint)
        assert bcc_image.Client.from_profile().access_key_id == "profile-ak"
        assert bcc_image.Client.from_env().access_key_id == "profile-ak"


def test_unknown_profile_names_path(profile_home):
    path = write_config(profile_home, "http://127.0.0.1:9")
    with pytest.raises(bcc_image.MissingCredentialsError) as caught:
        bcc_image.Client.from_profile("prod")
    assert '"prod" not found' in str(caught.value)
    assert str(path) in str(caught.value)


def test_sts_profile_needs_token(profile_home):
    write_config(profile_home, "http://127.0.0.1:9")
    with pytest.raises(bcc_image.MissingCredentialsError) as caught:
        bcc_image.Client.from_profile("sts")
    assert "StsToken but no security_token" in str(caught.value)


def test_missing_file_names_path(profile_home):
    with pytest.raises(bcc_image.MissingCredentialsError) as caught:
        bcc_image.Client.from_profile("emu")
    assert "config.json" in str(caught.value)
    assert "not found" in str(caught.value)
