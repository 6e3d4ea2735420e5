"""A per-document time limit: a runaway document becomes a ParseTimeout for that file."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from .errors import ParseTimeout

DEFAULT_TIMEOUT = 60.0

# The deadline of the innermost time limit, per thread: what a step that waits on another
# process (OCR) reads to give that process no more time than the document has left.
_deadline = threading.local()


def remaining() -> float | None:
    """Seconds left under the time limit of the running block (None: no limit)."""
    at: float | None = getattr(_deadline, "at", None)
    return None if at is None else max(0.0, at - time.monotonic())


@contextmanager
def time_limit(seconds: float | None, source: str) -> Iterator[None]:
    """Raise ParseTimeout naming `source` if the block runs longer than `seconds`.

    Uses SIGALRM, so it works in the main thread of a Unix process (the CLI, the dataset
    workers); elsewhere (other threads, Windows) the block runs without an alarm, but
    `remaining()` still tells a step that waits on another process (OCR) how long it may wait.
    """
    limited = seconds is not None and seconds > 0
    outer: float | None = getattr(_deadline, "at", None)
    if limited:
        assert seconds is not None
        own = time.monotonic() + seconds
        _deadline.at = own if outer is None else min(own, outer)
    try:
        with _alarm(seconds if limited else None, source):
            yield
    finally:
        _deadline.at = outer


@contextmanager
def _alarm(seconds: float | None, source: str) -> Iterator[None]:
    usable = (
        seconds is not None
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise ParseTimeout(source, f"took longer than the limit of {seconds:g} s (raise it with --timeout)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)  # type: ignore[arg-type]
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
