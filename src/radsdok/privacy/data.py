"""The vocabulary of the privacy detectors, loaded once from `data/privacy.json`."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def privacy_data() -> dict[str, Any]:
    with resources.files("radsdok.data").joinpath("privacy.json").open(encoding="utf-8") as fh:
        return json.load(fh)
