"""sign_request agrees with baidubce.auth.bce_v1_signer.sign on random inputs."""

import pytest
from baidubce.auth import bce_v1_signer

import bcc_image
from official_sdk_inputs import generate_case, sdk_arguments

CASE_COUNT = 400


@pytest.mark.parametrize("seed", range(CASE_COUNT))
def test_signature_matches_official_sdk(seed):
    case = generate_case(seed)
    positional, keywords = sdk_arguments(case)

    expected = bce_v1_signer.sign(*positional, **keywords).decode()
    actual = bcc_image.sign_request(
        case.access_key_id,
        case.secret_access_key,
        case.method,
        case.path,
        query=case.query,
        headers=case.headers,
        timestamp=case.timestamp,
        expiration_seconds=case.expiration_seconds,
        signed_headers=case.signed_headers,
    )

    assert actual == expected, case


def test_generator_covers_listed_and_default_sets():
    cases = [generate_case(seed) for seed in range(CASE_COUNT)]

    assert any(case.signed_headers is None for case in cases)
    assert any(case.signed_headers for case in cases)
    assert any(value is None for case in cases for _, value in case.query)
    assert any(ord(character) > 0xFFFF for case in cases for character in case.path)
