"""Patterns compiled on first use, so that starting radsdok does not compile them all.

The rules hold about three hundred patterns, many built from word lists; compiling them all
at import took about 0.6 s of a short text's whole run, and one short text uses fewer than half
of them. `lazy_compile` returns a stand-in that compiles on its first search and then puts the
compiled pattern's own methods in its place, so later calls cost what the pattern's own do.
"""

from __future__ import annotations

from typing import Any, cast

import regex

# the methods of a compiled pattern a stand-in answers (each replaced by the real one on first use)
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "splititer")


class LazyPattern:
    """A `regex` pattern that is compiled the first time one of its methods is called."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiled: regex.Pattern[str] | None = None

    def compiled(self) -> regex.Pattern[str]:
        """The compiled pattern; its methods then stand in this object's place."""
        if self._compiled is None:
            self._compiled = regex.compile(self.pattern, self._flags)
            for name in _METHODS:
                setattr(self, name, getattr(self._compiled, name))
        return self._compiled

    @property
    def flags(self) -> int:
        return self.compiled().flags

    @property
    def groupindex(self) -> Any:
        return self.compiled().groupindex

    @property
    def groups(self) -> int:
        return self.compiled().groups

    def __reduce__(self) -> tuple[type, tuple[str, int]]:
        return LazyPattern, (self.pattern, self._flags)

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r}, {self._flags})"


def _delegate(name: str) -> Any:
    """The stand-in's method `name`: compile, then answer with the compiled pattern's own."""

    def method(self: LazyPattern, *args: Any, **kwargs: Any) -> Any:
        return getattr(self.compiled(), name)(*args, **kwargs)

    method.__name__ = name
    return method


for _name in _METHODS:
    setattr(LazyPattern, _name, _delegate(_name))


def lazy_compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """`regex.compile(pattern, flags)`, done on first use; typed as the pattern it stands for."""
    return cast("regex.Pattern[str]", LazyPattern(pattern, flags))


__all__ = ["LazyPattern", "lazy_compile"]
