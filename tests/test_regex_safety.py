"""No regular expression in radsdok backtracks catastrophically.

Every compiled pattern radsdok holds (module constants, patterns kept in module-level
containers and rule objects, patterns built by cached no-argument builders such as
`lexicon.parties()` or `reading.pdf_cleanup._rules()`, and literal patterns passed straight to
`re`/`regex` functions) is run with the `regex` module's `timeout=` against long
adversarial texts: runs of quote marks, "att ", letters without spaces, whitespace,
parentheses, digits, names and abbreviations. A safe pattern scans such a text in
milliseconds; a pattern that needs longer than the timeout backtracks exponentially or
polynomially and would hang the parser on a hostile document.

The regexes in `data/patterns.json` and `data/pdf_cleanup.json` are taken from the patterns
the code compiles from them, and a coverage test checks that each one did reach the set.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import json
import pkgutil
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import regex

import radsdok
from radsdok.lazy_pattern import LazyPattern

REGEX_PATTERN: type = type(regex.compile(""))
# a pattern compiled on first use (radsdok.lazy_pattern) is collected as the pattern it stands for
PATTERN_TYPES: tuple[type, ...] = (re.Pattern, REGEX_PATTERN, LazyPattern)
TIMEOUT_SECONDS = 2.0
# The collector found 127 distinct patterns when this test was written; far fewer means it broke.
MINIMUM_PATTERNS = 115
# Containers and radsdok objects are searched this deep (a list of tuples of patterns is 2).
CONTAINER_DEPTH = 2
DATA_DIR = Path(radsdok.__file__).resolve().parent / "data"
RE_TO_REGEX_FLAGS: dict[int, int] = {
    re.IGNORECASE: regex.IGNORECASE,
    re.MULTILINE: regex.MULTILINE,
    re.DOTALL: regex.DOTALL,
    re.VERBOSE: regex.VERBOSE,
    re.UNICODE: regex.UNICODE,
    re.ASCII: regex.ASCII,
}
REGEX_MODULES: dict[str, ModuleType] = {"re": re, "regex": regex}
REGEX_FUNCTIONS = {"compile", "search", "match", "fullmatch", "findall", "finditer", "split", "sub", "subn"}


@dataclass(frozen=True)
class FoundPattern:
    """A pattern radsdok uses, and where it was found (`module:attribute`)."""

    where: str
    source: str | bytes  # bytes for patterns over raw PDF bytes
    flags: int
    is_re: bool  # compiled by the standard `re` module, not by `regex`


# ---------------------------------------------------------------------------------------------
# Collecting the patterns


def radsdok_modules() -> list[ModuleType]:
    """Every importable module of the package; modules whose optional dependency is missing are skipped."""
    modules = [radsdok]
    for info in pkgutil.walk_packages(radsdok.__path__, "radsdok."):
        try:
            modules.append(importlib.import_module(info.name))
        except ImportError as error:  # an optional dependency (dask, an extra) is not installed
            if (error.name or "").split(".")[0] == "radsdok":
                raise
    return modules


def module_tree(module: ModuleType) -> ast.Module | None:
    """The parsed source of a module (None for a namespace package without a file)."""
    path = getattr(module, "__file__", None)
    if not path or not path.endswith(".py"):
        return None
    return ast.parse(Path(path).read_text("utf-8"))


def names_assigned_at_top(tree: ast.Module) -> set[str]:
    """Names a module binds itself by assignment (so imported patterns are named by their own module)."""
    names: set[str] = set()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        for target in targets:
            names.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
    return names


def patterns_inside(value: Any, where: str, depth: int = CONTAINER_DEPTH) -> Iterator[tuple[str, Any]]:
    """Compiled patterns in a value: itself, or inside its containers and radsdok objects."""
    if isinstance(value, PATTERN_TYPES):
        yield where, value
        return
    if depth == 0:
        return
    if isinstance(value, dict):
        for key, item in value.items():
            yield from patterns_inside(item, f"{where}[{key!r}]", depth - 1)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for index, item in enumerate(value):
            yield from patterns_inside(item, f"{where}[{index}]", depth - 1)
    elif is_radsdok_object(value):
        for attribute, item in attributes_of(value).items():
            yield from patterns_inside(item, f"{where}.{attribute}", depth - 1)


def is_radsdok_object(value: Any) -> bool:
    """An instance or class defined in radsdok (only those are searched for held patterns)."""
    cls = value if isinstance(value, type) else type(value)
    return cls.__module__.startswith("radsdok")


def attributes_of(value: Any) -> dict[str, Any]:
    """The attributes a radsdok object or class holds (dataclass fields, slots or `__dict__`)."""
    if isinstance(value, type):
        return {k: v for k, v in vars(value).items() if not k.startswith("__")}
    if dataclasses.is_dataclass(value):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    return dict(getattr(value, "__dict__", {}))


def cached_builders(module: ModuleType) -> dict[str, Callable[[], Any]]:
    """Functions of the module wrapped in functools.cache/lru_cache that take no arguments."""
    builders: dict[str, Callable[[], Any]] = {}
    for name, value in vars(module).items():
        if not (callable(value) and hasattr(value, "cache_info")):
            continue
        if getattr(value, "__module__", None) != module.__name__:
            continue
        if not inspect.signature(value).parameters:
            builders[name] = value
    return builders


def literal_flags(node: ast.expr | None) -> int | None:
    """The value of a flags argument such as `re.I | regex.MULTILINE`; None if it is not literal."""
    if node is None:
        return 0
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        left, right = literal_flags(node.left), literal_flags(node.right)
        return None if left is None or right is None else left | right
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        flag = getattr(REGEX_MODULES.get(node.value.id), node.attr, None)
        return int(flag) if flag is not None else None
    return None


def literal_calls(tree: ast.Module) -> Iterator[tuple[int, str, str, int]]:
    """`re.search(r"...")`-style calls with a literal pattern: (line, module name, pattern, flags).

    Calls whose flags are a variable (`_FLAGS`) are left out: at module level they are collected as
    attributes anyway."""
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        owner = node.func.value
        if not (isinstance(owner, ast.Name) and owner.id in REGEX_MODULES):
            continue
        if node.func.attr not in REGEX_FUNCTIONS or not node.args:
            continue
        pattern = node.args[0]
        if not (isinstance(pattern, ast.Constant) and isinstance(pattern.value, str)):
            continue
        flags_node = next((k.value for k in node.keywords if k.arg == "flags"), None)
        if node.func.attr == "compile" and len(node.args) > 1:
            flags_node = node.args[1]
        flags = literal_flags(flags_node)
        if flags is not None:
            yield node.lineno, owner.id, pattern.value, flags


def found_pattern(where: str, compiled: Any) -> FoundPattern:
    """A compiled `re` or `regex` pattern, named by where it was found."""
    return FoundPattern(where, compiled.pattern, compiled.flags, isinstance(compiled, re.Pattern))


def patterns_of_module(module: ModuleType) -> Iterator[FoundPattern]:
    """The patterns a module defines, holds, builds in cached builders or passes as literals."""
    tree = module_tree(module)
    if tree is None:
        return
    own_names = names_assigned_at_top(tree)
    for name, value in vars(module).items():
        if name in own_names or (isinstance(value, type) and value.__module__ == module.__name__):
            for where, compiled in patterns_inside(value, f"{module.__name__}:{name}"):
                yield found_pattern(where, compiled)
    for name, build in cached_builders(module).items():
        for where, compiled in patterns_inside(build(), f"{module.__name__}:{name}()"):
            yield found_pattern(where, compiled)
    for line, owner, source, flags in literal_calls(tree):
        compiled = REGEX_MODULES[owner].compile(source, flags)
        yield found_pattern(f"{module.__name__}:line{line}", compiled)


def collect_patterns() -> list[FoundPattern]:
    """All distinct patterns of radsdok, the first place each was found naming it."""
    seen: dict[tuple[str | bytes, int, bool], FoundPattern] = {}
    for module in radsdok_modules():
        for found in patterns_of_module(module):
            seen.setdefault((found.source, found.flags, found.is_re), found)
    return list(seen.values())


PATTERNS = collect_patterns()


# ---------------------------------------------------------------------------------------------
# The regexes of the data files, to check the collection reached them


def json_regexes(value: Any) -> Iterator[str]:
    """Strings in a data file that read as regexes (they hold regex syntax); the notes under
    keys starting with "_" (`_comment`, `_signer_labels` …) are prose and left out."""
    if isinstance(value, dict):
        for key, item in value.items():
            if not key.startswith("_"):
                yield from json_regexes(item)
    elif isinstance(value, list):
        for item in value:
            yield from json_regexes(item)
    elif isinstance(value, str) and regex.search(r"\\[dswbpSWDB]|\(\?|\[.+\]|[|*+?]|^\^|\$$", value):
        yield value


def is_in_some_pattern(text: str, sources: Iterable[str]) -> bool:
    """Whether `text` (or its pieces around a placeholder: NAME, NAMES, PARTY, PARTYCODE) is in a pattern."""
    pieces = [p for p in regex.split(r"\b(?:NAMES|NAME|PARTYCODE|PARTY)\b", text) if p]
    return any(all(piece in source for piece in pieces) for source in sources)


# ---------------------------------------------------------------------------------------------
# Running them with a timeout


def regex_flags(found: FoundPattern) -> int:
    """The `regex` module's flags equal to the pattern's own (mapped from `re` where needed)."""
    if not found.is_re:
        return found.flags
    flags = regex.V0
    for re_flag, regex_flag in RE_TO_REGEX_FLAGS.items():
        if found.flags & re_flag:
            flags |= regex_flag
    return flags


def scan_with_timeout(compiled: Any, text: str, timeout: float) -> None:
    """Run search() and consume finditer(); TimeoutError if either takes longer than `timeout`.

    A bytes pattern gets the text encoded as UTF-8."""
    subject: str | bytes = text.encode("utf-8") if isinstance(compiled.pattern, bytes) else text
    compiled.search(subject, timeout=timeout)
    for _ in compiled.finditer(subject, timeout=timeout):
        pass


def repeated(unit: str, size: int) -> str:
    """`unit` repeated to exactly `size` characters."""
    return (unit * (size // len(unit) + 1))[:size]


SIZE = 30_000
ADVERSARIAL_TEXTS: dict[str, str] = {
    "50,000 closing Swedish quotes": "\u201d" * 50_000,
    "50,000 opening quotes": "\u201c" * 50_000,
    "50,000 guillemets": "\u00ab" * 50_000,
    "50,000 straight quotes": '"' * 50_000,
    "att repeated": repeated("att ", 40_000),
    "a without spaces": "a" * SIZE + "!",
    "A without spaces": "A" * SIZE + "!",
    "Å without spaces": "\u00c5" * SIZE + "!",
    "spaces and tabs": repeated(" \t", SIZE) + "x",
    "spaces": " " * SIZE + "x",
    "newlines": "\n" * SIZE + "x",
    "question marks": "?" * SIZE,
    "open parentheses": "(" * SIZE,
    "digits": "1" * SIZE + "x",
    "year slashes": repeated("2023/", SIZE),
    "names with party marks": repeated("Anna Svensson (S) ", SIZE),
    "dash items": repeated("- ", SIZE),
    "full stops": repeated(". ", SIZE),
    "open case numbers": repeated("KS 2021/", SIZE),
    "capitalised words": repeated("Anna Berg Karlsson Nilsson Eriksson Lindqvist ", SIZE) + "!",
    "abbreviation dots": repeated("a.", SIZE),
}


# ---------------------------------------------------------------------------------------------
# Tests


def test_enough_patterns_are_collected() -> None:
    assert len(PATTERNS) >= MINIMUM_PATTERNS, f"only {len(PATTERNS)} patterns collected"


@pytest.mark.parametrize(
    "data_file", ["patterns.json", "pdf_cleanup.json", "kinds.json", "case_numbers.json", "privacy.json"]
)
def test_the_regexes_of_the_data_files_are_collected(data_file: str) -> None:
    sources = [found.source for found in PATTERNS if isinstance(found.source, str)]
    data = json.loads((DATA_DIR / data_file).read_text("utf-8"))
    missing = [text for text in json_regexes(data) if not is_in_some_pattern(text, sources)]
    assert not missing, f"regexes of {data_file} the collector did not find compiled: {missing}"


@pytest.mark.parametrize("found", PATTERNS, ids=[found.where for found in PATTERNS])
def test_pattern_does_not_backtrack_catastrophically(found: FoundPattern) -> None:
    compiled = regex.compile(found.source, regex_flags(found))
    for name, text in ADVERSARIAL_TEXTS.items():
        try:
            scan_with_timeout(compiled, text, TIMEOUT_SECONDS)
        except TimeoutError:
            pytest.fail(
                f"{found.where} took over {TIMEOUT_SECONDS} s on {name!r} "
                f"(catastrophic: exponential or polynomial backtracking): {found.source!r}"
            )


def test_the_timeout_catches_a_catastrophic_pattern() -> None:
    # The textbook `(a+)+$` is defused by the regex module's optimiser; overlapping alternatives are not.
    catastrophic = regex.compile(r"(a|aa)+$")
    with pytest.raises(TimeoutError):
        scan_with_timeout(catastrophic, "a" * 40 + "!", 0.5)
