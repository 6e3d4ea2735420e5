"""Mutations of PDF bytes for fuzzing the readers: truncation, flipped bytes, a broken
cross-reference table, cut streams. Deterministic for a given seed."""

from __future__ import annotations

import random
from collections.abc import Iterator


def mutations(data: bytes, count: int, seed: int = 0) -> Iterator[tuple[str, bytes]]:
    """`count` mutated copies of `data`, each with a label saying what was done."""
    rng = random.Random(seed)
    for n in range(count):
        kind = n % 4
        if kind == 0:
            cut = rng.randrange(1, max(2, len(data)))
            yield f"truncated at {cut}", data[:cut]
        elif kind == 1:
            mutated = bytearray(data)
            for _ in range(rng.randint(1, 20)):
                at = rng.randrange(len(mutated))
                mutated[at] = rng.randrange(256)
            yield "flipped bytes", bytes(mutated)
        elif kind == 2:
            at = data.rfind(b"xref")
            junk = bytes(rng.randrange(256) for _ in range(rng.randint(1, 40)))
            yield "broken xref", data[:at] + junk + data[at + 4 :] if at >= 0 else data[::-1]
        else:
            start = data.find(b"stream", rng.randrange(max(1, len(data) // 2)))
            end = data.find(b"endstream", start)
            if start < 0 or end < 0:
                yield "no stream to cut", data[: len(data) // 2]
            else:
                cut = rng.randint(start + 6, end)
                yield f"stream cut at {cut}", data[:cut] + data[end:]
