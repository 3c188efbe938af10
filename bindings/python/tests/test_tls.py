"""https with a private CA: rejected without ca_file, renamed with it."""

import subprocess

import pytest

import bcc_image
from bcc_image.testing import Emulator

CREDENTIALS = {"tls-ak": "tls-sk"}


@pytest.fixture(scope="module")
def certificates(tmp_path_factory):
    """Make a CA and a server certificate for 127.0.0.1 with the openssl CLI."""
    folder = tmp_path_factory.mktemp("tls")
    (folder / "san.cnf").write_text("subjectAltName=IP:127.0.0.1\n", encoding="ascii")
    commands = [
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=bcc-test-ca",
         "-keyout", "ca.key", "-out", "ca.pem"],
        ["openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
         "-keyout", "server.key", "-out", "server.csr"],
        ["openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
         "-days", "1", "-extfile", "san.cnf", "-out", "server.pem"],
    ]
    for command in commands:
        subprocess.run(command, cwd=folder, check=True, capture_output=True)
    return folder


@pytest.fixture
def https_emulator(certificates):
    with Emulator(
        CREDENTIALS,
        {"m-1849ef6b": "oldName"},
        tls_certificate=certificates / "server.pem",
        tls_private_key=certificates / "server.key",
    ) as emulator:
        yield emulator


def test_https_endpoint_scheme(https_emulator):
    assert https_emulator.endpoint.startswith("https://127.0.0.1:")


def test_untrusted_certificate_rejected(https_emulator):
    client = bcc_image.Client("tls-ak", "tls-sk", endpoint=https_emulator.endpoint)
    with pytest.raises(bcc_image.TlsError) as caught:
        client.rename_image("m-1849ef6b", "newName")

    assert "UnknownIssuer" in str(caught.value)
    assert "trusted CA" in str(caught.value)
    assert caught.value.attempts == 1
    assert https_emulator.image_name("m-1849ef6b") == "oldName"


def test_private_ca_renames(https_emulator, certificates):
    client = bcc_image.Client("tls-ak", "tls-sk", endpoint=https_emulator.endpoint,
                              ca_file=certificates / "ca.pem")
    client.rename_image("m-1849ef6b", "newName")
    assert https_emulator.image_name("m-1849ef6b") == "newName"


def test_tls_needs_both_files(certificates):
    with pytest.raises(ValueError):
        Emulator(CREDENTIALS, tls_certificate=certificates / "server.pem")
