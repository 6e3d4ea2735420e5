"""Document-level facts: kind, title, municipality, body addressed, and date."""

from __future__ import annotations

import regex
from spacy.language import Language
from spacy.tokens import Doc

from .findings import Hit, findings_of
from .layout import lines_of
from .lexicon import alternation, first_names, municipalities, patterns
from .titles import find_title, top_headings

_MONTHS = {name: number for number, name in enumerate(patterns()["months"], start=1)}
_ISO_DATE = regex.compile(r"\b(?<![/-])(?P<y>(?:19|20)\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d])")
_SPACED_DATE = regex.compile(r"\b(?P<y>(?:19|20)\d{2}) (?P<m>[01]\d) (?P<d>[0-3]\d)(?![\d])")
_WORD_DATE = regex.compile(
    r"\b(?P<d>[0-3]?\d)\s+(?P<m>(?i:" + "|".join(_MONTHS) + r"))\s+(?P<y>(?:19|20)\d{2})\b"
)
_DATE_WINDOW = 3000  # a document's own date stands in its head or by its signature
_PARAGRAPH_REF = regex.compile(r",?\s*§")  # "beslut 2022-05-24, § 112": another meeting
_MEETING_REF = regex.compile(r"\(\s*\p{Lu}{1,5}\s+$")  # "(KS 2009-05-26, § 104)"
# One alternation, a named group per kind; where two kinds' words start at the same place
# the longer word wins ("enkel fråga" before "fråga").
_ANY_KIND = regex.compile(
    r"\b(?:"
    + "|".join(f"(?P<{kind}>{alternation(words)})" for kind, words in patterns()["kind_keywords"].items())
    + r")(?![\p{L}])",
    regex.IGNORECASE,
)
_BODY = regex.compile(
    r"\b(?:(?P<body>(?i:"
    + alternation(patterns()["body_words"])
    + r"))(?:\s+i\s+(?P<place>\p{Lu}[\p{L}-]+))?|(?P<abbr>"
    + alternation(patterns()["body_abbreviations"])
    + r")(?![\p{L}]))"
)
_BODY_CUES = ("fullmäktige", "styrelse", "kf", "rf")  # every _BODY match holds one
_GENITIVE_BEFORE = regex.compile(r"(?P<gen>\p{Lu}[\p{L}-]+s)\s+$")
_KOMMUN = regex.compile(r"\b(?P<name>\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)s?\s+kommun(?:s|en)?\b")
_REGION = regex.compile(r"\bRegion\s+(?P<name>\p{Lu}[\p{L}-]+)")
_DATE_LABEL = regex.compile(patterns()["date_label_line"], regex.IGNORECASE)
_DATE_SKIP = regex.compile(patterns()["date_skip_lines"], regex.IGNORECASE)


_KIND_RULES = [
    (
        rule["kind"],
        rule["lines"],
        tuple(rule["cues"]),
        regex.compile(rule["pattern"], regex.IGNORECASE | regex.MULTILINE),
    )
    for rule in patterns()["kind_rules"]
]


def detect_kind(text: str) -> tuple[str, float, Hit | None]:
    """The document kind from its opening lines and headings, with a confidence in [0, 1]."""
    lines = lines_of(text)
    earliest: tuple[int, int, str] | None = None
    widest = max(scope for _, scope, _, _ in _KIND_RULES)
    folded_head = text[: lines[min(widest, len(lines)) - 1].end].casefold() if lines else ""
    for kind, scope, cues, pattern in _KIND_RULES:
        if not lines:
            break
        end = lines[min(scope, len(lines)) - 1].end
        head = folded_head[:end]
        if not any(cue in head for cue in cues):
            continue
        found = pattern.search(text, 0, end)
        if found and (earliest is None or found.start() < earliest[0]):
            earliest = (found.start(), found.end(), kind)
    if earliest is not None:
        start, end, kind = earliest
        return kind, 0.95, Hit(start, end, "kind:opening-lines", kind)
    headings = top_headings(text) or tuple(lines[:1])
    for heading in headings[:6]:
        found = _ANY_KIND.search(heading.text, 0, 40 + 30)
        if found and found.start() < 40:
            kind = found.lastgroup or "other"
            s = heading.start + found.start()
            return kind, 0.9, Hit(s, s + len(found.group(0)), "kind:heading", kind)
    counts: dict[str, int] = {}
    for found in _ANY_KIND.finditer(text, 0, 3000):
        counts[found.lastgroup or "other"] = counts.get(found.lastgroup or "other", 0) + 1
    if not counts:
        return "other", 0.0, None
    kind = max(counts, key=lambda k: counts[k])
    return kind, counts[kind] / sum(counts.values()) * 0.7, None


def _genitive_before(text: str, start: int) -> regex.Match[str] | None:
    return _GENITIVE_BEFORE.search(text, max(0, start - 40), start)


def find_body(text: str) -> Hit | None:
    """The assembly addressed ('Norrköpings kommunfullmäktige', 'KF')."""
    if not any(cue in text[:1500].casefold() for cue in _BODY_CUES):
        return None
    found = _BODY.search(text, 0, 1500)
    if found is None:
        return None
    start = found.start()
    gen = _genitive_before(text, start) if found.group("body") else None
    if gen and municipalities().canonical(gen.group("gen")):
        start = gen.start("gen")
    return Hit(start, found.end(), "body:first-mention", text[start : found.end()])


_WORD_BEFORE = regex.compile(r"(\p{Lu}\p{Ll}+)\s+$")


def _after_first_name(text: str, start: int) -> bool:
    """'Bengt Berg': a place name right after a first name is a surname."""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return bool(before and before.group(1).casefold() in first_names())


def find_municipality(text: str) -> Hit | None:
    """The municipality or region the document belongs to: named with its assembly or
    'X kommun' / 'Region X', else the municipality the head of the text names most."""
    places = municipalities()
    window = text[:4000]
    folded = window.casefold()
    bodies = _BODY.finditer(window) if any(c in folded for c in _BODY_CUES) else ()
    for found in bodies:
        gen = _genitive_before(window, found.start()) if found.group("body") else None
        for word, span, rule in (
            (gen.group("gen") if gen else None, gen.span("gen") if gen else None, "gen"),
            (found.group("place"), found.span("place"), "place"),
        ):
            if word and span and places.canonical(word):
                return Hit(span[0], span[1], f"municipality:{rule}", places.canonical(word) or word)
    for pattern, cue in ((_KOMMUN, "kommun"), (_REGION, "region")):
        if cue not in folded:
            continue
        for found in pattern.finditer(window):
            word = found.group("name")
            if places.canonical(word):
                s, e = found.span("name")
                return Hit(s, e, "municipality:name", places.canonical(word) or word)
    counts: dict[str, tuple[int, int, int]] = {}
    for found in places.mention_regex.finditer(window, 0, 1500):
        name = places.canonical(found.group(0))
        if name and not _after_first_name(window, found.start()):
            n, s, e = counts.get(name, (0, found.start(), found.end()))
            counts[name] = (n + 1, s, e)
    if counts:
        name, (n, s, e) = max(counts.items(), key=lambda kv: kv[1][0])
        if n >= 2:
            return Hit(s, e, "municipality:mentions", name)
    return None


def find_date(text: str) -> Hit | None:
    """The document's own date: a place-and-date or date line, else the first date in the head."""
    candidates: list[Hit] = []
    head_end = min(len(text), _DATE_WINDOW)
    tail_start = max(head_end, len(text) - _DATE_WINDOW)
    for pattern, rule in ((_ISO_DATE, "date:iso"), (_WORD_DATE, "date:words"), (_SPACED_DATE, "date:spaced")):
        found_all = [*pattern.finditer(text, 0, head_end), *pattern.finditer(text, tail_start)]
        for found in found_all:
            if _MEETING_REF.search(text[max(0, found.start() - 12) : found.start()]):
                continue
            if _PARAGRAPH_REF.match(text, found.end()):
                continue
            y, d = int(found.group("y")), int(found.group("d"))
            m_raw = found.group("m")
            m = int(m_raw) if m_raw.isdigit() else _MONTHS[m_raw.casefold()]
            if not (1 <= m <= 12 and 1 <= d <= 31):
                continue
            candidates.append(Hit(found.start(), found.end(), rule, f"{y:04d}-{m:02d}-{d:02d}"))
    if not candidates:
        return _session_date(text)
    lines = lines_of(text)

    def line_of(hit: Hit) -> str:
        """The date's line, from the last sentence end before the date ('…göra?Lund 2024-03-02')."""
        for line in lines:
            if line.start <= hit.start < line.end:
                head = text[line.start : hit.start]
                cut = max(head.rfind("?"), head.rfind(". "), head.rfind("!"))
                return text[line.start + cut + 1 : line.end] if cut >= 0 else line.text
        return ""

    labelled = [h for h in candidates if _DATE_LABEL.match(line_of(h))]
    if labelled:
        return labelled[0]
    short = [h for h in candidates if len(line_of(h)) <= 60 and not _DATE_SKIP.search(line_of(h))]
    if short:
        return short[-1] if short[-1].start > len(text) * 0.6 else short[0]
    return _session_date(text)  # the full dates found are in prose, not the document's own


_FUNCTION_WORDS = frozenset(patterns()["swedish_function_words"])
_STRIP = ".,;:!?()\"'”“»«-–"


_FOREIGN_WORDS = frozenset(patterns()["foreign_function_words"])


def _sample_words(text: str, sample: int) -> list[str]:
    words = [w.strip(_STRIP) for w in text[:sample].lower().split()]
    return [w for w in words if w.isalpha()]


def reads_as_foreign(text: str, sample: int = 1500) -> tuple[bool, float]:
    """Whether a text reads as another language: few Swedish function words and more of
    another language's (a list of names or a table has few function words of any kind)."""
    head = text[:sample].lower()
    if sum(head.count(letter) for letter in "åäö") >= 3 and (" och " in head or " att " in head):
        return False, 1.0  # plainly Swedish: skip counting
    words = _sample_words(text, sample)
    if len(words) < 30:
        return False, 0.0
    swedish = sum(w in _FUNCTION_WORDS for w in words) / len(words)
    foreign = sum(w in _FOREIGN_WORDS for w in words) / len(words)
    return swedish < 0.04 and foreign > swedish, swedish


_SESSION = regex.compile(r"\b(?P<y>(?:19|20)\d{2})/(?P<yy>\d{2}):\d+")
_DAY_MONTH = regex.compile(r"\b(?P<d>[0-3]?\d)\s+(?P<m>(?i:" + "|".join(_MONTHS) + r"))\b(?!\s+\d{4})")


def _session_date(text: str) -> Hit | None:
    """'den 11 oktober' in a document numbered by parliamentary session ('2011/12:36'):
    autumn months fall in the session's first year, the rest in its second."""
    head = text[:600]
    session = _SESSION.search(head)
    day_month = _DAY_MONTH.search(head)
    if not (session and day_month):
        return None
    month = _MONTHS[day_month.group("m").casefold()]
    year = int(session.group("y")) + (0 if month >= 7 else 1)
    day = int(day_month.group("d"))
    if not 1 <= day <= 31:
        return None
    return Hit(day_month.start(), day_month.end(), "date:session", f"{year:04d}-{month:02d}-{day:02d}")


class MetadataFinder:
    """spaCy component: fills `doc._.radsdok.meta` (kind, title, municipality, body, date)."""

    def __call__(self, doc: Doc) -> Doc:
        found = findings_of(doc)
        text = found.text
        kind, confidence, evidence = detect_kind(text)
        found.meta["kind"] = evidence or Hit(0, 0, "kind:keywords", kind)
        found.meta["kind"].attrs["confidence"] = confidence
        if kind == "other" or confidence < 0.5:
            found.warnings.append(("kind-uncertain", f"document kind unsure (best guess {kind!r})"))
        foreign, share = reads_as_foreign(text)
        if foreign:
            found.warnings.append(
                ("not-swedish", f"the text does not read as Swedish ({share:.0%} Swedish function words)")
            )
        for key, finder in (
            ("title", find_title),
            ("body", find_body),
            ("municipality", find_municipality),
            ("date", find_date),
        ):
            hit = finder(text)
            if hit is not None:
                found.meta[key] = hit
        return doc


@Language.factory("radsdok_metadata")
def make_metadata_finder(nlp: Language, name: str) -> MetadataFinder:
    return MetadataFinder()
