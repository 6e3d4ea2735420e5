"""The party a document's signers speak for, gathered from the whole document.

A signer's party is often not written beside the name but elsewhere: a party letterhead or
site header ("Vänsterpartiet 2023", "<Title> | Sverigedemokraterna i Mark"), a "Parti:" field,
a "För Socialdemokraterna" line, the party as the subject of the proposal ("Vänsterpartiet
yrkar …", "Centerpartiet i X föreslår …"), the writers speaking as a party ("vi i
Liberalerna", "Vi Sverigedemokrater") or, last, a party site's copyright line ("© 2012
Arbogapartiet"). Each source is a `Hit` with its own rule, so the party
given to an unmarked signer carries the evidence it came from.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache

import regex

from ..lazy_pattern import lazy_compile
from .findings import Hit
from .layout import lines_of
from .lexicon import alternation, parties, patterns
from .names import party_line_regex
from .titles import top_headings

# a site header's segments: 'Titel | Parti Ort', 'Parti i Län › Våra kommuner › Ort'
_SEGMENT_SEPARATORS = lazy_compile(r"(?<!\s)\s++[|–—›»>/-]\s+")


def _resolve_line(text: str) -> str | None:
    found = party_line_regex().match(text.strip())
    if found is None and text.isupper():  # 'LJUNGBYPARTIET': a letterhead set in capitals
        found = party_line_regex().match(text.strip().title())
    return parties().resolve(found.group("party")) if found else None


def letterhead(text: str) -> Hit | None:
    """A party named alone in a heading line at the top, or as one segment of a site header
    ('Kommunal folkomröstning | Sverigedemokraterna i Mark')."""
    for heading in top_headings(text)[:4]:
        first_line = heading.text.split("\n", 1)[0]
        pos = 0
        for segment in [first_line, *_SEGMENT_SEPARATORS.split(first_line)]:
            at = first_line.find(segment, pos)
            pos = at + len(segment) if segment != first_line else 0
            party = _resolve_line(segment)
            if party:
                start = heading.start + at
                end = start + len(segment.rstrip())
                return Hit(start, end, "authors:letterhead", segment, {"party": party})
    return None


@cache
def _label_regex() -> regex.Pattern[str]:
    labels = alternation(patterns()["party_labels"])
    return regex.compile(
        rf"^(?:{labels})\s*:\s*(?P<party>[^\n]{{1,60}}?)\s*$", regex.IGNORECASE | regex.MULTILINE
    )


def party_label(text: str) -> Hit | None:
    """A 'Parti: Sverigedemokraterna' field line."""
    for found in _label_regex().finditer(text):
        party = parties().resolve(found.group("party")) or _resolve_line(found.group("party"))
        if party:
            s, e = found.span("party")
            return Hit(s, e, "authors:party-label", found.group("party"), {"party": party})
    return None


def for_party_line(text: str) -> Hit | None:
    """A short line 'För Socialdemokraterna i Kävlinge' / 'Från Vänsterpartiet'."""
    for line in lines_of(text):
        if len(line.text) > 80 or not line.text.casefold().startswith(("för ", "från ")):
            continue
        party = _resolve_line(line.text)
        if party:
            return Hit(line.start, line.end, "authors:for-party", line.text, {"party": party})
    return None


@cache
def _verb_regex() -> regex.Pattern[str]:
    verbs = alternation(patterns()["party_subject_verbs"])
    return regex.compile(r"(?<![\p{L}-])(?:" + verbs + r")(?![\p{L}-])", regex.IGNORECASE)


# What may stand between the party and the verb: 'i Mark', 'har', 'därför'.
_SUBJECT = lazy_compile(
    r"(?P<party>\p{Lu}[\p{L}-]*+(?:[ ]\p{L}[\p{L}-]*+){0,3}?)"
    r"(?:[ ](?:i|på)[ ]\p{Lu}[\p{L}-]*+(?:[ ]\p{Lu}[\p{L}-]*+)?)?(?:[ ](?:har|därför))*[ ]?"
)
_SENTENCE_END = lazy_compile(r"[.!?:\n][ \t]*+")


def party_subject(text: str) -> Hit | None:
    """A party as the subject of a sentence that proposes or demands ('Vänsterpartiet yrkar
    därför', 'Sverigedemokraterna i Mark föreslår'), when the document names only one so."""
    lexicon = parties()
    found_parties: dict[str, Hit] = {}
    for verb in _verb_regex().finditer(text):
        lo = max(0, verb.start() - 80)
        ends = list(_SENTENCE_END.finditer(text, lo, verb.start()))
        start = ends[-1].end() if ends else (0 if lo == 0 else -1)
        if start < 0:
            continue
        subject = _SUBJECT.fullmatch(text, start, verb.start())
        if subject is None:
            continue
        name = subject.group("party")
        party = lexicon.from_name(name) or (name if lexicon.local_suffix_regex.fullmatch(name) else None)
        if party and party not in found_parties:
            s, e = subject.span("party")
            found_parties[party] = Hit(s, e, "authors:party-subject", name, {"party": party})
    for hit in _inverted_subjects(text):
        found_parties.setdefault(hit.attrs["party"], hit)
    return next(iter(found_parties.values())) if len(found_parties) == 1 else None


def _inverted_pattern() -> str:
    """The verb before its party where a sentence opens with something else ('Därför yrkar
    Vänsterpartiet att', 'I dag har Centerpartiet lämnat in'): the verb's first word, the
    party (up to four words, a town after 'i'), then the verb's other words."""
    adverbs = alternation(patterns()["party_subject_inverted_adverbs"])
    forms = []
    for verb in sorted(patterns()["party_subject_verbs_inverted"], key=len, reverse=True):
        first, _, rest = verb.partition(" ")
        tail = r"[ ]" + regex.escape(rest).replace(r"\ ", "[ ]") if rest else ""
        forms.append(
            rf"{regex.escape(first)}[ ](?P<party>\p{{L}}[\p{{L}}-]*+(?:[ ]\p{{Lu}}[\p{{L}}-]*+){{0,3}}?)"
            rf"(?:[ ](?:i|på)[ ]\p{{Lu}}[\p{{L}}-]*+)?(?:[ ](?:{adverbs}))?{tail}(?![\p{{L}}-])"
        )
    return r"(?<![\p{L}-])(?:" + "|".join(f"(?:{form})" for form in forms) + ")"


_INVERTED = lazy_compile(_inverted_pattern(), regex.IGNORECASE)


def _inverted_subjects(text: str) -> list[Hit]:
    """Parties named just after their verb, in a sentence opened by an adverbial that does not
    name a document: in 'I motionen föreslår Vänsterpartiet' an answer reports another's text."""
    lexicon = parties()
    hits = []
    for found in _INVERTED.finditer(text):
        lo = max(0, found.start() - 80)
        ends = list(_SENTENCE_END.finditer(text, lo, found.start()))
        start = ends[-1].end() if ends else (0 if lo == 0 else -1)
        fronted = text[start : found.start()] if start >= 0 else ""
        if not fronted.strip() or _DOCUMENT_WORD.search(fronted) or _is_question(text, found.end()):
            continue
        name = found.captures("party")[0]
        party = lexicon.from_name(name) or (name if lexicon.local_suffix_regex.fullmatch(name) else None)
        if party:
            s = found.starts("party")[0]
            hits.append(Hit(s, s + len(name), "authors:party-subject", name, {"party": party}))
    return hits


def _is_question(text: str, position: int) -> bool:
    """Whether the sentence going on at `position` ends with a question mark ('Varför yrkar
    Sverigedemokraterna …?' asks about a party, in its opponent's words)."""
    end = _SENTENCE_END.search(text, position)
    return end is not None and end.group(0).startswith("?")


_DOCUMENT_WORD = lazy_compile(
    r"(?<![\p{L}])(?:" + alternation(patterns()["party_subject_document_words"]) + r")\p{L}*",
    regex.IGNORECASE,
)


_COPYRIGHT = lazy_compile(
    r"^[ \t]*(?:©|\(c\)|copyright)[ \t]*(?:(?:19|20)\d{2}[ \t]*)?(?P<rest>[^\n]{1,100})$",
    regex.IGNORECASE | regex.MULTILINE,
)
_TRAILING_YEAR = lazy_compile(r"(?<![ \t,])[ \t,]*+(?:19|20)\d{2}[ \t]*+$")


def site_footer(text: str) -> Hit | None:
    """A party site's copyright line ('© 2012 Arbogapartiet – för hela Arboga',
    '© Socialdemokraterna i Åre 2009'): the party the site speaks for."""
    for found in _COPYRIGHT.finditer(text):
        rest = found.group("rest")
        pos = 0
        for segment in _SEGMENT_SEPARATORS.split(rest):
            at = rest.find(segment, pos)
            pos = at + len(segment)
            name = _TRAILING_YEAR.sub("", segment)
            party = _resolve_line(name)
            if party:
                start = found.start("rest") + at
                return Hit(start, start + len(name), "authors:site-footer", name, {"party": party})
    return None


@cache
def _party_name_regex() -> regex.Pattern[str]:
    names = [n for entry in parties().national.values() for n in entry["names"]]
    return regex.compile(
        r"(?<![\p{L}-])(?P<name>" + alternation(names) + r")s?(?![\p{L}-])", regex.IGNORECASE
    )


@cache
def _we_regex() -> regex.Pattern[str]:
    return regex.compile(
        r"(?<![\p{L}-])(?:" + alternation(patterns()["party_voice"]["we_words"]) + r")(?![\p{L}-])",
        regex.IGNORECASE,
    )


_QUOTED = lazy_compile(r"[”\"«»][^”\"«»\n]{1,400}[”\"«»]")


def party_voice(text: str, sample: int = 4000) -> Hit | None:
    """The party an unsigned page speaks as: it says 'vi' / 'våra' and names one party far
    more often than all the others together, first near its top ('Här kan du läsa vilka
    motioner Vänsterpartiet har ställt … våra budgetförslag'): a party group's own page."""
    settings = patterns()["party_voice"]
    quoted = [m.span() for m in _QUOTED.finditer(text, 0, sample)]
    we = [m for m in _we_regex().finditer(text, 0, sample) if not any(a <= m.start() < b for a, b in quoted)]
    if len(we) < settings["min_we"]:  # 'vi' said in a quotation is the speaker's, not the page's
        return None
    counts: dict[str, list[regex.Match[str]]] = {}
    for found in _party_name_regex().finditer(text, 0, sample):
        party = parties().from_name(found.group("name"))
        if party:
            counts.setdefault(party, []).append(found)
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda item: len(item[1]), reverse=True)
    party, found = ranked[0]
    first = found[0]
    if len(ranked) == 1 and _OWN_DOCUMENTS.search(text, 0, sample):
        # 'vår motion', 'vi har lagt två motioner' with one party named on the page
        return Hit(first.start(), first.end(), "authors:party-voice", first.group(0), {"party": party})
    others = sum(len(f) for _, f in ranked[1:])
    if len(found) < settings["min_named"] or len(found) < settings["times_the_others"] * others:
        return None
    if first.start() > settings["named_within"]:  # a page names its own party at its top
        return None
    return Hit(first.start(), first.end(), "authors:party-voice", first.group(0), {"party": party})


_OWN_DOCUMENTS = lazy_compile(
    r"(?<![\p{L}-])(?:" + patterns()["party_voice"]["own_documents"] + r")(?![\p{L}-])", regex.IGNORECASE
)


# Strongest first: a letterhead or field says who writes; prose only suggests it, and a
# site's footer speaks for whatever the site publishes.
_SOURCES: tuple[Callable[[str], Hit | None], ...] = (
    letterhead,
    party_label,
    for_party_line,
    party_subject,
    site_footer,
)


@lru_cache(maxsize=8)
def document_party(text: str, context: Callable[[str], Hit | None] | None = None) -> Hit | None:
    """The party the document's writers speak for, from the strongest source that names
    exactly one; `context` is a last, weaker source ('vi i X')."""
    for source in _SOURCES:
        hit = source(text)
        if hit is not None:
            return hit
    return context(text) if context is not None else None


__all__ = [
    "document_party",
    "for_party_line",
    "letterhead",
    "party_label",
    "party_subject",
    "party_voice",
    "site_footer",
]
