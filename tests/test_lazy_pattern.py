"""Patterns compiled on first use: the same answers as `regex.compile`, no compiling at import."""

from __future__ import annotations

import pickle
import subprocess
import sys

import regex

from radsdok.lazy_pattern import LazyPattern, lazy_compile


def test_a_lazy_pattern_is_not_compiled_until_it_is_used() -> None:
    pattern = lazy_compile(r"\bmotion(?:en|er)?\b", regex.IGNORECASE)
    assert isinstance(pattern, LazyPattern)
    assert pattern._compiled is None
    assert pattern.pattern == r"\bmotion(?:en|er)?\b"  # its source is there without compiling
    assert pattern._compiled is None
    assert pattern.search("Om MOTIONEN") is not None
    assert pattern._compiled is not None


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    source, flags, text = r"(?P<serial>\d{1,4})/(?P<year>\d{4})", regex.MULTILINE, "KS 12/2021 och 7/2020"
    lazy, eager = lazy_compile(source, flags), regex.compile(source, flags)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.findall(text) == eager.findall(text)
    assert lazy.sub("N", text) == eager.sub("N", text)
    assert lazy.split(text) == eager.split(text)
    assert lazy.search(text, 5).span() == eager.search(text, 5).span()  # type: ignore[union-attr]
    assert lazy.flags == eager.flags and lazy.groupindex == eager.groupindex


def test_after_first_use_the_compiled_patterns_own_methods_answer() -> None:
    pattern = lazy_compile(r"att\s")
    pattern.match("att bygga")
    assert pattern.search.__self__ is pattern._compiled  # type: ignore[attr-defined]


def test_a_lazy_pattern_survives_pickling() -> None:
    pattern = lazy_compile(r"\bdnr\b", regex.IGNORECASE)
    pattern.search("Dnr 12")
    copy = pickle.loads(pickle.dumps(pattern))
    assert copy.search("DNR 2021/12") is not None and copy.pattern == pattern.pattern


def test_importing_the_rules_compiles_none_of_their_module_patterns() -> None:
    code = (
        "import radsdok.components.metadata as m, radsdok.components.authors as a\n"
        "from radsdok.lazy_pattern import LazyPattern\n"
        "lazy = [v for mod in (m, a) for v in vars(mod).values() if isinstance(v, LazyPattern)]\n"
        "print(len(lazy), sum(v._compiled is not None for v in lazy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    held, compiled = map(int, out.stdout.split())
    assert held > 50
    assert compiled == 0
