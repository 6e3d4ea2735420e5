"""The Tesseract command: find it, check its language models, run it on one page image.

Tesseract runs as a child process (no Python binding needed) with a timeout, so that a page
never gets more time than its document has left (`limits.remaining`), and the child is killed
when the document's time is up."""

from __future__ import annotations

import os
import shutil
import subprocess
from functools import lru_cache

from ..errors import OcrUnavailable, ParseTimeout, UnreadablePDF


def find_tesseract(source: str, languages: str, hint: str) -> str:
    """The path of the `tesseract` command, checked to have the `languages` models
    ("swe", "swe+eng"); `OcrUnavailable` naming `source` and saying how to install it if not."""
    exe = shutil.which("tesseract")
    if exe is None:
        raise OcrUnavailable(
            source,
            f"has pages without a text layer (a scan?) to recognise, but Tesseract is not installed: {hint}",
        )
    installed = _languages(exe)
    missing = [lang for lang in languages.split("+") if lang not in installed]
    if missing:
        raise OcrUnavailable(
            source,
            f"has pages without a text layer (a scan?) to recognise, but Tesseract has no "
            f"{'+'.join(missing)} language model (it has {', '.join(sorted(installed)) or 'none'}): {hint}",
        )
    return exe


@lru_cache(maxsize=8)
def _languages(exe: str) -> frozenset[str]:
    """The language models `tesseract --list-langs` reports (an empty set if it fails)."""
    try:
        done = subprocess.run([exe, "--list-langs"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    lines = done.stdout.decode("utf-8", "replace").splitlines()
    return frozenset(line.strip() for line in lines[1:] if line.strip())


def run_tesseract(
    exe: str,
    image: bytes,
    *,
    source: str,
    page: int,
    languages: str,
    dpi: int,
    psm: int,
    thread_limit: int,
    timeout: float,
    limited_by_document: bool,
) -> str:
    """Tesseract's hOCR of one page image (PNM bytes).

    `timeout` is how long the page may take; when it runs out, the error is `ParseTimeout`
    if the document's time limit set it (`limited_by_document`), else `UnreadablePDF`."""
    command = [exe, "stdin", "stdout", "-l", languages, "--dpi", str(dpi), "--psm", str(psm), "hocr"]
    env = {**os.environ, "OMP_THREAD_LIMIT": str(thread_limit)}
    try:
        done = subprocess.run(
            command, input=image, capture_output=True, timeout=timeout, env=env, check=False
        )
    except subprocess.TimeoutExpired as exc:
        if limited_by_document:
            raise ParseTimeout(
                source,
                f"took longer than its time limit while recognising page {page} by OCR (about 3-6 s "
                "a page; raise the limit with --timeout)",
            ) from exc
        raise UnreadablePDF(
            source, f"page {page}: Tesseract did not finish within {timeout:g} s; the page may be damaged"
        ) from exc
    except OSError as exc:
        raise OcrUnavailable(source, f"Tesseract ({exe}) could not be run ({exc.strerror or exc})") from exc
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = said[-1] if said else f"exit status {done.returncode}"
        raise UnreadablePDF(source, f"page {page} could not be recognised by Tesseract ({reason})")
    return done.stdout.decode("utf-8", "replace")
