"""Seeded random signing inputs, and the same inputs in the official SDK's form.

Baidu's Python SDK (bce-python-sdk 0.9.79) takes bytes, a pre-encoded path and
dicts, and differs from the documented algorithm in a few places. The
generator keeps to inputs on which the documented algorithm and the SDK must
agree, and each limit has a comment with its reason.
"""

import random
from dataclasses import dataclass
from typing import List, Optional, Tuple

from baidubce.utils import normalize_string

# Characters that stress percent-encoding: ASCII punctuation, Chinese, accented
# letters, a no-break space (inside values only), emoji and a few controls.
SPECIAL_CHARACTERS = (
    " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
    "镜像名称测试中文"
    "éüñçØß"
    "\u00a0"
    "😀🚀"
    "\t\x01\x7f"
)
ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

# Header names: the default signed set, x-bce-* names, and names that are only
# signed when listed.
HEADER_NAMES = [
    "Host",
    "Content-Type",
    "Content-Length",
    "Content-MD5",
    "x-bce-date",
    "x-bce-request-id",
    "X-Bce-Meta-Owner",
    "x-bce-security-token",
    "User-Agent",
    "Accept",
    "X-Custom-Trace",
]

METHODS = ["GET", "PUT", "POST", "DELETE", "HEAD"]


@dataclass
class SigningCase:
    access_key_id: str
    secret_access_key: str
    method: str
    path: str
    query: List[Tuple[str, Optional[str]]]
    headers: List[Tuple[str, str]]
    timestamp: int
    expiration_seconds: int
    signed_headers: Optional[List[str]]


def random_text(rng: random.Random, max_length: int, allow_empty: bool = True) -> str:
    length = rng.randint(0 if allow_empty else 1, max_length)
    characters = []
    for _ in range(length):
        pool = rng.choice([ASCII_LETTERS, SPECIAL_CHARACTERS, None])
        if pool is None:
            characters.append(random_code_point(rng))
        else:
            characters.append(rng.choice(pool))
    return "".join(characters)


def random_code_point(rng: random.Random) -> str:
    """Return any Unicode scalar value, since Rust strings cannot hold surrogates."""
    while True:
        code_point = rng.randint(0x20, 0x10FFFF)
        if not 0xD800 <= code_point <= 0xDFFF:
            return chr(code_point)


def header_value(rng: random.Random) -> str:
    """Return a value whose ends may carry ASCII or Unicode whitespace.

    Both signers trim only the ASCII whitespace that bytes.strip removes, so a
    no-break space or an ideographic space at either end must be kept by both.
    """
    edges = ["", "", " ", "\t", "\u00a0", "\u3000"]
    return rng.choice(edges) + random_text(rng, 20) + rng.choice(edges)


def generate_case(seed: int) -> SigningCase:
    rng = random.Random(seed)

    # The SDK passes query parameters as a dict, so names are unique. It keeps a
    # parameter named "authorization" because of a bug, so none is generated.
    query = {}
    for _ in range(rng.randint(0, 5)):
        name = random_text(rng, 12, allow_empty=False)
        if name.lower() != "authorization":
            query[name] = None if rng.random() < 0.2 else random_text(rng, 24)

    # Header names are unique ignoring case, because the SDK passes a dict.
    names = rng.sample(HEADER_NAMES, rng.randint(0, len(HEADER_NAMES)))
    headers = [(name, header_value(rng)) for name in names]
    if rng.random() < 0.15 and headers:
        # An empty value is skipped by both signers.
        headers[0] = (headers[0][0], "")

    signed_headers = None
    if rng.random() < 0.5:
        chosen = {name.lower() for name in names if rng.random() < 0.6}
        # The SDK signs every x-bce-* header even when it is not listed, so the
        # list always includes them. The core sorts the list, so it is sorted.
        chosen |= {name.lower() for name in names if name.lower().startswith("x-bce-")}
        if rng.random() < 0.2:
            chosen.add("x-not-sent")
        signed_headers = sorted(chosen) or None

    segments = [random_text(rng, 10, allow_empty=False) for _ in range(rng.randint(1, 4))]
    return SigningCase(
        access_key_id="".join(rng.choice(ASCII_LETTERS) for _ in range(rng.randint(8, 32))),
        secret_access_key="".join(chr(rng.randint(0x21, 0x7E)) for _ in range(rng.randint(8, 40))),
        method=rng.choice(METHODS),
        path="/" + "/".join(segments),
        query=list(query.items()),
        headers=headers,
        # The SDK reads a timestamp of 0 as "now", so the range starts later.
        timestamp=rng.randint(1_000_000_000, 2_000_000_000),
        expiration_seconds=rng.choice([1, 60, 1800, 3600, 86400]),
        signed_headers=signed_headers,
    )


def sdk_arguments(case: SigningCase):
    """Return the positional and keyword arguments of bce_v1_signer.sign."""
    from baidubce.auth.bce_credentials import BceCredentials

    credentials = BceCredentials(case.access_key_id, case.secret_access_key)
    headers = {name.encode(): value.encode() for name, value in case.headers}
    params = {
        name.encode(): None if value is None else value.encode() for name, value in case.query
    }
    headers_to_sign = None
    if case.signed_headers is not None:
        headers_to_sign = [name.encode() for name in case.signed_headers]
    # The SDK signs the path as given, so its callers pass it already encoded
    # with slashes kept, as its own clients do.
    canonical_path = normalize_string(case.path, False)
    positional = (credentials, case.method.encode(), canonical_path, headers, params)
    keywords = {
        "timestamp": case.timestamp,
        "expiration_in_seconds": case.expiration_seconds,
        "headers_to_sign": headers_to_sign,
    }
    return positional, keywords
