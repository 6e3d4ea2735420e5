"""Privacy: personal data in a Document replaced by stable pseudonyms of the same length.

`mask(document)` finds personnummer, phone numbers, e-mail and street addresses and the names
of private persons (`detect`), replaces each with a keyed pseudonym fitted to its length
(`pseudonyms`), so that every offset in the Document stays valid (`mask`)."""

from __future__ import annotations

from .detect import CATEGORIES
from .mask import PERSONAL, Masking, mask, masking
from .pseudonyms import DEFAULT_KEY, KEY_ENV, is_default_key

__all__ = ["CATEGORIES", "DEFAULT_KEY", "KEY_ENV", "PERSONAL", "Masking", "is_default_key", "mask", "masking"]
