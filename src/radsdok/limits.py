"""A per-document time limit: a runaway document becomes a ParseTimeout for that file."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from .errors import ParseTimeout

DEFAULT_TIMEOUT = 60.0


@contextmanager
def time_limit(seconds: float | None, source: str) -> Iterator[None]:
    """Raise ParseTimeout naming `source` if the block runs longer than `seconds`.

    Uses SIGALRM, so it works in the main thread of a Unix process (the CLI, the dataset
    workers); elsewhere (other threads, Windows) the block runs without a limit.
    """
    usable = (
        seconds is not None
        and seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise ParseTimeout(source, f"took longer than the limit of {seconds:g} s (raise it with --timeout)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
