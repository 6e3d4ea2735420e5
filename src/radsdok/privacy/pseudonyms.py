"""Stable pseudonyms: a keyed hash of a normalised value, fitted to the length of the original.

The pseudonym of a value depends only on the key, the category and the normalised value, so the
same name or number gets the same pseudonym in every document, run and process. It has exactly
the length of the text it replaces, so that every offset into the document text stays valid.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import string
from functools import cache

from .data import privacy_data

KEY_ENV = "RADSDOK_MASK_KEY"
# The public default key: pseudonyms stay stable across runs and machines, but anyone can compute
# the pseudonym of a guessed value with it. Set a secret key (--mask-key, RADSDOK_MASK_KEY) for
# data that is published.
DEFAULT_KEY = "radsdok-public-default-mask-key"
_ALPHABET = string.digits + string.ascii_uppercase  # base 36: no character a detector reads


def resolve_key(key: str | bytes | None = None) -> bytes:
    """The masking key: `key`, else $RADSDOK_MASK_KEY, else the public default."""
    if key is None:
        key = os.environ.get(KEY_ENV) or DEFAULT_KEY
    return key.encode("utf-8") if isinstance(key, str) else key


def is_default_key(key: str | bytes | None) -> bool:
    return resolve_key(key) == DEFAULT_KEY.encode("utf-8")


@cache
def _code(key: bytes, category: str, value: str) -> str:
    """A long base-36 code of HMAC-SHA512(key, category:value)."""
    digest = hmac.new(key, f"{category}:{value}".encode(), hashlib.sha512).digest()
    number = int.from_bytes(digest, "big")
    out = []
    while number:
        number, digit = divmod(number, 36)
        out.append(_ALPHABET[digit])
    return "".join(out)


@cache
def _prefixes() -> dict[str, str]:
    return dict(privacy_data()["pseudonym_prefixes"])


def pseudonym(category: str, value: str, length: int, key: bytes) -> str:
    """The pseudonym of a normalised `value`, exactly `length` characters long.

    "NN-7K3F9X2Q" for a name, "TEL-0ZP4R1" for a phone number: the category's prefix, a dash and
    the code, cut to length; a span too short for the prefix gets the code alone. Two lengths of
    the same value share a beginning."""
    code = _code(key, category, value)
    prefix = _prefixes()[category] + "-"
    body = prefix + code if length >= len(prefix) + 3 else code
    while len(body) < length:  # longer than the code: continue with the code of the code
        code = _code(key, category, code)
        body += code
    return body[:length]


def fit(original: str, replacement: str) -> str:
    """`replacement` with the line breaks of `original` kept in their places (same length)."""
    if "\n" not in original:
        return replacement
    return "".join("\n" if o == "\n" else r for o, r in zip(original, replacement, strict=True))
