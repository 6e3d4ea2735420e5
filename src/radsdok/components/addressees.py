"""Addressees: who a question or interpellation is put to ("vill jag fråga A och B",
"Interpellation till socialnämndens ordförande", "KSO Jacob Högfeldt (m)")."""

from __future__ import annotations

from functools import lru_cache

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..lazy_pattern import lazy_compile
from .authors import ASKER_RULES, BYLINE, prose_people
from .findings import Findings, Hit, findings_of, lists_documents, reading_kind
from .layout import Line, in_mail_wrapper, is_menu_line, lines_of, squash
from .lexicon import alternation, compile_any, first_names, parties, patterns
from .names import NAME, PARTY_MARK, NameMatch, find_names, is_plausible_name, role_regex
from .questions import ASKING_KINDS

_INTRO = compile_any("addressee_intro")
# An answer whose heading names its asker in the genitive ("Svar på Anna Bergs (S) interpellation",
# "… lämnade följande svar på Anna Bergs interpellation"),
# or whose opening reports who asked ("Anna Berg (S) har frågat mig …").
_ANSWERED_GENITIVE = lazy_compile(
    r"(?:"
    + "|".join(patterns()["addressee_answered_leadins"])
    + rf")svar på (?P<name>{NAME})"
    + patterns()["addressee_answered_genitive_tail"],
    regex.IGNORECASE | regex.MULTILINE,
)
_ANSWERED_ASKER = lazy_compile(
    rf"(?<![\p{{L}}-])(?P<name>{NAME})" + patterns()["addressee_answered_asker_tail"]
)
# An official's title right before a name ("förvaltningschefen Eva Ek"): officials answer to the
# council's politicians and are not asked in an interpellation or question.
_OFFICIAL_BEFORE = lazy_compile(patterns()["addressee_official_roles"], regex.IGNORECASE)
# A plural role before several names ("kommunalråden A och B", "ordförandena i X och Y, A och B").
_PLURAL_ROLE = lazy_compile(r"(?:råden|ordförandena|ministrarna|ledamöterna)(?!\p{L})", regex.IGNORECASE)
# Line openings that name the addressee: "Interpellation till …", "Enkel fråga från A till B",
# a "Till:" field line.
_HEADING = compile_any("addressee_heading")
# An answer's opening names the asker it answers: "Svar på interpellation från …".
_ANSWER_INTRO = compile_any("addressee_answer_intro")
# An intro that reports an earlier question ("För en tid sedan ställde jag en fråga till X"):
# where a heading or byline names the addressees, it is about someone else.
_REPORTED = lazy_compile(patterns()["addressee_reported_intro"], regex.IGNORECASE)
# Every addressee intro holds one of these; lines without them are skipped cheaply.
_SHORT_LINE = 300
_PROSE_TAIL = 300
_PROSE_HEAD = 120  # an intro this near the start of a long paragraph of questions
_INTRO_CUES: tuple[str, ...] = tuple(patterns()["addressee_intro_cues"])
# Kinds whose questions are put to the addressee (a motion's or an answer's are not).
# Kinds that address no one: minutes, notices, officials' reports, motions and citizens'
# proposals (put to the assembly, which is the document's body).
_KINDS_WITHOUT = frozenset(patterns()["kinds_without_addressees"])
_QUESTION_VERB = lazy_compile(
    r"(?:(?:hur|när|varför|vad|vilka|vilken|vilket|på vilket sätt|i vilken utsträckning|om)\s+)?"
    r"(?:" + "|".join(patterns()["question_subject_verbs"]) + r")\s+",
    regex.IGNORECASE,
)
_GENERIC_ROLES = frozenset(role.casefold() for role in patterns()["generic_addressee_roles"])
# Where an addressee phrase ends: punctuation, a new clause, or the topic ("om", "angående" …).
_PHRASE_END = lazy_compile(patterns()["addressee_phrase_end"], regex.IGNORECASE)
_MAX_PHRASE = 160
_BOARD = lazy_compile(patterns()["addressee_board"], regex.IGNORECASE)
_JOINERS = lazy_compile(r"^[\s,]*(?:till|och|samt|&)?[\s,]*|[\s,]*(?:och|samt|&)?[\s,]*$", regex.I)
_BODY_ONLY = lazy_compile(
    r"^(?:\p{L}+s\s+)?(?:kommun|region|landstings)?fullmäktige(?:\s+i\s+\p{Lu}\p{L}+)?$|^KF$|^RF$",
    regex.IGNORECASE,
)
# A word broken at a line end: "Hälsoskydds- nämndens".
# "barn- och utbildningsnämnden" is a shared word ending, not a break.
_BROKEN_WORD = lazy_compile(r"(?<=\p{L})-\s+(?!(?:och|eller|samt)\b)(?=\p{Ll})")
# A "Till" line with nothing after it: the addressees follow on the next lines.
_BARE_TO = lazy_compile(r"^[#*_> \t]*till\s*:?\s*$", regex.IGNORECASE)
_BARE_TO_LINES = 4
_TO_LINE = lazy_compile(r"^[#*_> \t]*till\b", regex.IGNORECASE)


def _phrase_after(text: str, start: int) -> tuple[int, int]:
    window = text[start : start + _MAX_PHRASE]
    found = _PHRASE_END.search(window)
    # a line wrapped inside the phrase ('… till kommunalrådet med ansvar för\nskolfrågor:')
    while (
        found
        and found.group(0) == "\n"
        and window[found.end() : found.end() + 1].islower()
        and not _PHRASE_END.match(" " + window[found.end() : found.end() + 40])  # '\nfrån X'
    ):
        found = _PHRASE_END.search(window, found.end())
    end = start + (found.start() if found else len(window))
    return start, end


# after a name, the rest of a role it splits: 'i Kommunstyrelsen', 'för tekniska nämnden'
_ROLE_GOES_ON = lazy_compile(r"(?<![ \t])[ \t]*+(?:\([^()\n]{1,30}\)[ \t]*+)?,?[ \t]*+(?:i|för)[ \t]++\p{L}")


def _role_in(segment: str) -> str | None:
    """The role written in a stretch of an addressee phrase, without names' party marks and
    joining words ("kommunstyrelsens ordförande", "ordförande i tekniska nämnden")."""
    role_text = squash(_JOINERS.sub("", squash(PARTY_MARK.sub(" ", segment))))
    role_found = role_regex().search(role_text)
    if not role_found or not role_found.group(0).strip():
        return None
    if len(role_text) > len(role_found.group(0)) + 40:
        return role_found.group(0)
    return role_text


def _without_trailing_joiner(segment: str) -> str:
    """ "kommunalrådet A (M) och " -> "kommunalrådet A (M)"."""
    head = segment.rstrip(" \t\n,")
    for joiner in (" och", " samt", " &"):
        if head.casefold().endswith(joiner):
            return head[: -len(joiner)].rstrip(" \t\n,")
    return head


def _party_after(phrase: str, end: int) -> tuple[str | None, int]:
    """The party mark right after a name ("(S)"), and where the mark ends."""
    after = phrase[end : end + 40]
    mark = PARTY_MARK.match(after.lstrip())
    if not mark:
        return None, end
    skipped = len(after) - len(after.lstrip())
    return parties().resolve(mark.group("party")), end + skipped + mark.end()


def _without_leading_word(name: NameMatch) -> NameMatch:
    """A capitalised word before a known first name is no part of the name ("Dig Bengt
    Gunnarsson", "Kommunalrådet Åsa Herbst" at a line start)."""
    first, _, rest = name.text.partition(" ")
    if (
        len(name.text.split()) > 2
        and first.casefold() not in first_names()
        and rest.split()[0].split("-")[0].casefold() in first_names()
        and is_plausible_name(rest, strict=True)
    ):
        return NameMatch(name.end - len(rest), name.end, rest)
    return name


_WORDS_AND_GAPS = lazy_compile(r"([^\p{L}-]+)")


def _uncapitalised(phrase: str) -> str | None:
    """A phrase set in capitals ('TILL SOCIALNÄMNDENS ORDFÖRANDE BRITT-MARIE HOLM (S)') in the
    case it would have in running text, letter for letter: a known first name and the words
    after it as a name, everything else in lower case; None where the phrase is not in capitals."""
    if any(c.islower() for c in phrase) or sum(c.isalpha() for c in phrase) < 4:
        return None
    out: list[str] = []
    in_name = False
    for piece in _WORDS_AND_GAPS.split(phrase):
        if not piece or not piece[0].isalpha():
            in_name = in_name and not any(c in piece for c in "(,.:;")
            out.append(piece)
            continue
        if len(piece) <= 3 and piece.isupper() and out and out[-1].endswith("("):
            out.append(piece)  # a party mark: '(S)', '(FP)'
            continue
        lowered = piece.lower()
        in_name = lowered.split("-")[0] in first_names() or (in_name and lowered not in _NAME_BREAKS)
        out.append(piece.title() if in_name else lowered)
    cased = "".join(out)
    return cased if len(cased) == len(phrase) else None


_NAME_BREAKS = frozenset(patterns()["capitals_name_breaks"])


def parse_addressee_phrase(text: str, start: int, end: int, rule: str) -> list[Hit]:
    """Names, roles and parties in one addressee phrase (a phrase in capitals is read in the
    case of running text; what is returned is as written)."""
    written = text[start:end]
    cased = _uncapitalised(written)
    if cased is not None:
        hits = _parse_phrase(text[:start] + cased + text[end:], start, end, rule)
        for hit in hits:  # names and roles as written: the two phrases match letter for letter
            if hit.text:
                hit.text = text[hit.start : hit.end]
            role = hit.attrs.get("role")
            at = cased.find(role) if isinstance(role, str) else -1
            if at >= 0:
                hit.attrs["role"] = written[at : at + len(role)]
        return hits
    return _parse_phrase(text, start, end, rule)


def _parse_phrase(text: str, start: int, end: int, rule: str) -> list[Hit]:
    phrase = text[start:end]
    hits: list[Hit] = []
    names = [_without_leading_word(name) for name in find_names(phrase, strict=False)]
    officials = [name for name in names if _OFFICIAL_BEFORE.search(phrase, 0, name.start)]
    if officials:
        # The phrase ends before the first official's title ("… och förvaltningschefen Eva Ek").
        title = _OFFICIAL_BEFORE.search(phrase, 0, officials[0].start)
        cut = _without_trailing_joiner(phrase[: title.start() if title else officials[0].start])
        return parse_addressee_phrase(text, start, start + len(cut), rule) if cut.strip() else []
    if len(names) == 1:
        name = names[0]
        # the role before the name ('socialnämndens ordförande Anders Öhman (S) vid sammanträdet'),
        # else after it ('Anna Berg (S), kommunalråd'); a role the name splits ('ordförande Pia
        # Almström i Kommunstyrelsen') is read around it
        if _ROLE_GOES_ON.match(phrase, name.end):
            role = _role_in(phrase.replace(name.text, " "))
        else:
            role = _role_in(phrase[: name.start]) or _role_in(phrase[name.end :])
        party, _ = _party_after(phrase, name.end)
        return [Hit(start + name.start, start + name.end, rule, name.text, {"role": role, "party": party})]
    if names:
        return _several_named(phrase, start, names, rule)
    cleaned = squash(_JOINERS.sub("", phrase))
    if not cleaned or _BODY_ONLY.match(cleaned):
        return []
    board = _BOARD.match(cleaned)
    if board and not role_regex().search(cleaned):
        where = _as_written(phrase, cleaned)
        if where is not None:
            attrs = {"role": where.group(0), "party": None, "name": None}
            return [Hit(start + where.start(), start + where.end(), rule, "", attrs)]
    # A role's abbreviation in brackets is the same role: "kommunstyrelsens ordförande (KSO)".
    cleaned = squash(PARTY_MARK.sub(" ", cleaned))
    searched_from = 0
    for role_found in role_regex().finditer(cleaned):  # "finansministern och jordbruksministern"
        role = role_found.group(0).strip()
        if not role:
            continue
        where = _as_written(phrase, role, searched_from)  # as written, line breaks and all
        if where is None:
            continue
        searched_from = where.end()
        attrs = {"role": role, "party": None, "name": None}
        hits.append(Hit(start + where.start(), start + where.end(), rule, "", attrs))
    return hits


def _as_written(phrase: str, words: str, pos: int = 0) -> regex.Match[str] | None:
    """Where words found in a squashed copy of a phrase stand in the phrase as written (its
    spacing and line breaks kept)."""
    return regex.compile(r"\s+".join(regex.escape(word) for word in words.split())).search(phrase, pos)


def _several_named(phrase: str, start: int, names: list[NameMatch], rule: str) -> list[Hit]:
    """Several people in one phrase, each with the role written next to them: before the
    name ("kommunstyrelsens ordförande A och kommunalrådet B") or after it ("A (S),
    ordförande i X, och B (M), ordförande i Y"), whichever the first name shows."""
    parties_and_ends = [_party_after(phrase, name.end) for name in names]
    befores = [phrase[(parties_and_ends[i - 1][1] if i else 0) : name.start] for i, name in enumerate(names)]
    afters = [
        phrase[parties_and_ends[i][1] : (names[i + 1].start if i + 1 < len(names) else len(phrase))]
        for i in range(len(names))
    ]
    first_role = _role_in(befores[0])
    role_first = first_role is not None
    # A plural role before the names is each one's ("kommunalråden A och B").
    shared = first_role if first_role and _PLURAL_ROLE.search(first_role) else None
    hits: list[Hit] = []
    for i, name in enumerate(names):
        role = _role_in(befores[i] if role_first else afters[i]) or shared
        attrs = {"role": role, "party": parties_and_ends[i][0]}
        hits.append(Hit(start + name.start, start + name.end, rule, name.text, attrs))
    return hits


def _bare_to_block(
    text: str,
    lines: tuple[Line, ...],
    index: int,
    *,
    rule: str = "addressees:to-line",
    first_line_only: bool = False,
) -> list[Hit]:
    """A "Till" line alone, its addressees on the lines after it, up to a blank line
    ("TILL / KOMMUNFULLMÄKTIGE / ÅSTORPS KOMMUN / MILJÖNÄMNDENS ORDFÖRANDE"); or a heading
    ending in "till", its addressee on the next line (`first_line_only`)."""
    hits: list[Hit] = []
    paragraph = lines[index].paragraph
    for line in lines[index + 1 : index + 1 + _BARE_TO_LINES]:
        if line.paragraph != paragraph:
            break
        s, e = _phrase_after(text, line.start)
        found = parse_addressee_phrase(text, s, e, rule)
        if first_line_only:
            return found
        hits.extend(found)
    return hits


_NEXT_LINE_MAX = 70


def _with_next_line(text: str, hit: Hit, line: Line, following: Line) -> list[Hit]:
    """A "Till" field whose name and role stand on two lines ("Till: Anna Berg (S)" /
    "Kommunalråd", or "Till: Kommunstyrelsens ordförande" / "Anna Berg (S)"): the next line of
    the same paragraph, when it holds just a name or just a role, completes it."""
    if following.paragraph != line.paragraph or len(following.text) > _NEXT_LINE_MAX:
        return [hit]
    if hit.text and hit.attrs.get("role"):
        # 'Till:     Socialnämndens ordförande Eva Ek (KD)' / '          Kommunstyrelsens
        # ordförande Bo Ask (M)': an indented line under the field's value is a second addressee
        if text.rfind("\n", 0, following.start) + 1 < following.start:  # the line is indented
            below = parse_addressee_phrase(text, following.start, following.end, hit.rule)
            if len(below) == 1 and below[0].text and below[0].attrs.get("role"):
                return [hit, below[0]]
        return [hit]
    if line.text.rstrip().endswith((".", "?", "!")) and not hit.text.endswith("."):
        return [hit]
    below = parse_addressee_phrase(text, following.start, following.end, hit.rule)
    if len(below) != 1:
        return [hit]
    other = below[0]
    written = squash(PARTY_MARK.sub(" ", following.text)).strip(" ,.")
    if hit.text and not other.text and squash(str(other.attrs.get("role") or "")) == written:
        return [Hit(hit.start, hit.end, hit.rule, hit.text, {**hit.attrs, "role": other.attrs["role"]})]
    if not hit.text and other.text and other.text == written:
        attrs = {**other.attrs, "role": hit.attrs.get("role")}
        return [Hit(other.start, other.end, hit.rule, other.text, attrs)]
    return [hit]


def find_addressees(text: str, *, answer: bool = False) -> list[Hit]:
    """Everyone a document's questions are put to, each once: a byline, a heading or "Till"
    line, or an intro phrase ("… vill jag fråga X:"). In an answer (`answer`), only the
    asker named in its opening ("Svar på interpellation från X")."""
    hits: list[Hit] = []
    lines = lines_of(text)
    if answer:
        for line in lines:
            for found in _ANSWER_INTRO.finditer(line.text):
                s, e = _phrase_after(text, line.start + found.end())
                hits.extend(parse_addressee_phrase(text, s, e, "addressees:answered-asker"))
        return _dedupe(_outside_mail(text, [*hits, *answered_askers(text)]))
    if lines:
        head_end = lines[min(2, len(lines) - 1)].end
        byline = BYLINE.search(text, 0, head_end)
        if byline:
            s, e = _phrase_after(text, byline.start("to"))
            hits.extend(parse_addressee_phrase(text, s, max(e, byline.end("to")), "addressees:byline"))
    for index, line in enumerate(lines):
        lowered = line.text.casefold()
        if not any(cue in lowered for cue in _INTRO_CUES):
            continue
        named = PARTY_MARK.search(line.text) or role_regex().search(line.text)
        if is_menu_line(line.text) and not named:
            continue  # 'Till startsidan    Lättläst    In English': a site's links, no one asked
        if len(line.text) <= _SHORT_LINE:
            if _BARE_TO.match(line.text):
                hits.extend(_bare_to_block(text, lines, index))
                continue
            for found in _HEADING.finditer(line.text):
                rule = "addressees:to-line" if _TO_LINE.match(found.group(0)) else "addressees:heading"
                if not line.text[found.end() :].strip(" \t:"):
                    # "Interpellation till" ending its line: the addressee is on the next one.
                    hits.extend(_bare_to_block(text, lines, index, rule=rule, first_line_only=True))
                    continue
                s, e = _phrase_after(text, line.start + found.end())
                found_hits = parse_addressee_phrase(text, s, e, rule)
                if rule == "addressees:to-line" and len(found_hits) == 1 and index + 1 < len(lines):
                    found_hits = _with_next_line(text, found_hits[0], line, lines[index + 1])
                hits.extend(found_hits)
        # An intro opens a short line or closes a paragraph ("… vill jag fråga X:"); a long
        # paragraph of prose is read only at its end.
        offset = max(0, len(line.text) - _PROSE_TAIL) if len(line.text) > _SHORT_LINE else 0
        # … or opens a paragraph whose questions follow in it ("Därför vänder jag mig till X
        # med tre frågor. Min första fråga är …?")
        opening = [] if not offset else list(_INTRO.finditer(line.text, 0, _PROSE_HEAD))
        if opening and "?" not in line.text[opening[0].end() :]:
            opening = []
        for found in [*opening, *_INTRO.finditer(line.text, offset)]:
            s, e = _phrase_after(text, line.start + found.end())
            rule = "addressees:reported" if _REPORTED.search(found.group(0)) else "addressees:intro"
            hits.extend(parse_addressee_phrase(text, s, e, rule))
    if any(hit.rule in ("addressees:heading", "addressees:to-line", "addressees:byline") for hit in hits):
        hits = [hit for hit in hits if hit.rule != "addressees:reported"]
    return _dedupe(_outside_mail(text, hits))


def _outside_mail(text: str, hits: list[Hit]) -> list[Hit]:
    """A mail's recipient ('Till: Kristina Ek' in its header, a cover note's 'Hej Kristina!')
    is not whom the document it carries asks, where the document names its own addressee."""
    own = [hit for hit in hits if not in_mail_wrapper(text, hit.start)]
    return own or hits


_ASKER_PROSE_SPAN = 3000


def answered_askers(text: str) -> list[Hit]:
    """The asker an answer names in its heading, in the genitive ("Svar på Anna Bergs (S)
    interpellation"), or at its opening ("Anna Berg (S) har frågat mig om …")."""
    hits: list[Hit] = []
    for pattern in (_ANSWERED_GENITIVE, _ANSWERED_ASKER):
        for found in pattern.finditer(text, 0, _ASKER_PROSE_SPAN):
            name = found.group("name")
            if pattern is _ANSWERED_GENITIVE:
                name = _genitive_stem(name)
            if not is_plausible_name(name, strict=True):
                continue
            party, _ = _party_after(text, found.end("name"))
            attrs = {"role": None, "party": party}
            start = found.start("name")
            hits.append(Hit(start, start + len(name), "addressees:answered-asker", name, attrs))
    return hits


def answers_by_heading(text: str) -> bool:
    """Whether the first lines are an answer's heading naming its asker in the genitive."""
    lines = lines_of(text)
    return bool(lines) and bool(_ANSWERED_GENITIVE.search(text, 0, lines[min(2, len(lines) - 1)].end))


def _genitive_stem(name: str) -> str:
    """ "Anna Bergs" -> "Anna Berg"; "Lars Ros'" -> "Lars Ros"."""
    if name.endswith(("'", "’", "´")):
        return name[:-1]
    return name[:-1] if name.endswith("s") else name


def _key(hit: Hit) -> str:
    """Who an addressee is: the name, or the role with its role nouns in the base form
    ('Ordförande i X' and 'ordföranden i X' are one role)."""
    if hit.text:
        return _BROKEN_WORD.sub("", squash(hit.text)).casefold()
    role = _BROKEN_WORD.sub("", squash(hit.attrs.get("role") or "")).casefold()
    role = " ".join(_ROLE_BASE.get(word, word) for word in role.split())
    # 'miljönämndens ordförande' and 'ordförande i miljönämnden' are one role
    genitive = _GENITIVE_ORGAN.match(role)
    return f"{_CHAIR_NOUNS[0]} i {genitive.group('organ')}" if genitive else role


def _role_bases() -> dict[str, str]:
    """Definite singular role nouns the data lists and their base forms ('ordföranden':
    'ordförande', 'statsrådet': 'statsråd')."""
    nouns = {w.casefold() for w in patterns()["role_nouns"] if " " not in w}
    return {
        noun: noun[: -len(ending)]
        for noun in nouns
        for ending in ("n", "et")
        if noun.endswith(ending) and noun[: -len(ending)] in nouns
    }


_ROLE_BASE = _role_bases()


def _dedupe(hits: list[Hit]) -> list[Hit]:
    out: list[Hit] = []
    by_key: dict[str, Hit] = {}
    for hit in sorted(hits, key=lambda h: h.start):
        key = _key(hit)
        if not key:
            continue
        if key in by_key:
            kept = by_key[key]
            if not hit.text and _BROKEN_WORD.search(kept.attrs.get("role") or ""):
                # "Hälsoskydds- nämndens ordförande" broken at a line end in the heading: the
                # role as the text writes it whole.
                out[out.index(kept)] = by_key[key] = hit
                continue
            for attr in ("role", "party"):
                if not kept.attrs.get(attr) and hit.attrs.get(attr):
                    kept.attrs[attr] = hit.attrs[attr]
            continue
        by_key[key] = hit
        out.append(hit)
    # Where the addressees are named, later role-only mentions ("ministern", "ordföranden")
    # refer to them.
    if any(h.text for h in out):
        return _one_per_role_and_surname([h for h in out if h.text])
    return _without_later_short_roles(out)


def _role_key(hit: Hit) -> str:
    return str(hit.attrs.get("role") or "").casefold()


def _one_per_role_and_surname(hits: list[Hit]) -> list[Hit]:
    """One of two named addressees with the same role and surname: the text spells the
    first name two ways ("Jakob Forssmed" in the byline, "Jacob Forssmed" later)."""
    seen: set[tuple[str, str]] = set()
    kept: list[Hit] = []
    for hit in hits:
        key = (_role_key(hit), hit.text.split()[-1].casefold())
        if key[0] and key in seen:
            continue
        seen.add(key)
        kept.append(hit)
    return kept


def _without_later_short_roles(hits: list[Hit]) -> list[Hit]:
    """Role-only addressees: a later generic role ("statsrådet", "ministern") or the tail of
    an earlier role ("ministern" after "jordbruksministern") refers to the earlier one."""
    kept: list[Hit] = []
    for hit in hits:
        role = _role_key(hit)
        if kept and (role in _GENERIC_ROLES or any(_role_key(k).endswith(role) for k in kept)):
            continue
        kept.append(hit)
    return kept


class AddresseeFinder:
    """spaCy component: fills `doc._.radsdok.addressees`."""

    def __call__(self, doc: Doc) -> Doc:
        found = findings_of(doc)
        kind = reading_kind(found)
        listing = kind == "other" and lists_documents(found.meta.get("kind"))
        if kind in _KINDS_WITHOUT or listing:
            # a page listing documents: the addressees on it are its entries', not its own
            found.addressees = []
            return doc
        if kind == "svar" or answers_by_heading(found.text):
            # An answer is addressed to the one who asked.
            hits = find_addressees(found.text, answer=True)
            askers = [h for h in prose_people(found.text) if h.rule in ASKER_RULES]
            hits = _dedupe(
                [*hits, *(Hit(h.start, h.end, "addressees:asker", h.text, dict(h.attrs)) for h in askers)]
            )
            if not hits:
                hits = _answer_sent_to(found)
            _drop_askers_from_authors(found, hits)
        else:
            hits = find_addressees(found.text)
            if kind == "other":
                # a page about a document reports whom it was put to ('vi har ställt en
                # interpellation till X', 'Ställd till X. Besvarad 2013-03-20.'); it addresses
                # only whom it itself writes to
                hits = [h for h in hits if h.rule != "addressees:reported" and not _described(found.text, h)]
        if not hits and kind in ASKING_KINDS:
            hits = subjects_of_questions(found.text, found.questions)
        authors = {author.text.casefold() for author in found.authors if author.text}
        hits = [holder_named_in_text(found.text, hit, authors) for hit in hits]
        if doc.has_annotation("ENT_IOB"):
            hits = [name_role_from_entities(doc, hit) for hit in hits]
        found.addressees = _dedupe(_outside_mail(found.text, hits))
        _drop_addressed_from_authors(found)
        return doc


def _answer_sent_to(found: Findings) -> list[Hit]:
    """Whom an answer that names no asker in its opening or its prose is sent to: the person
    on its 'Till' line ('Till Anna Berg (V)', 'Till: Anna Berg'), the one who asked. A role on
    that line names the office asked (an interpellation quoted above the answer), and the
    answer's own signer is not its addressee."""
    signers = {author.text.casefold() for author in found.authors if author.text}
    return [
        Hit(hit.start, hit.end, "addressees:answer-to-line", hit.text, dict(hit.attrs))
        for hit in find_addressees(found.text)
        if hit.rule == "addressees:to-line"
        and hit.text
        and not hit.attrs.get("role")
        and hit.text.casefold() not in signers
    ]


_DESCRIBED = lazy_compile(patterns()["addressee_described"], regex.IGNORECASE)


def _described(text: str, hit: Hit) -> bool:
    """Whether the words before an addressee on its line describe a document's addressee."""
    line_start = text.rfind("\n", 0, hit.start) + 1
    return _DESCRIBED.search(text, max(line_start, hit.start - 60), hit.start) is not None


def _drop_addressed_from_authors(found: Findings) -> None:
    """A name the text addresses is not its signer where the two are the same words: a
    letter's address block ("Till / Kommunstyrelsens ordförande / Sven Ek") is set like a
    signature, a name alone on its line."""
    named = [(hit.start, hit.end) for hit in found.addressees if hit.text]
    found.authors = [
        author for author in found.authors if not any(s < author.end and author.start < e for s, e in named)
    ]


def _drop_askers_from_authors(found: Findings, askers: list[Hit]) -> None:
    """An answer's asker ('Svar på enkel fråga ställd av X', 'X har frågat mig') is its
    addressee: a signature-shaped line naming them does not make them an author too, as long
    as someone else signs the answer."""
    asked = {hit.text.casefold() for hit in askers if hit.text}
    kept = [author for author in found.authors if author.text.casefold() not in asked]
    if kept and len(kept) < len(found.authors):
        found.authors = kept


_NAME_AT = lazy_compile(NAME + r"(?![\p{L}-])")
_DEFINITE = lazy_compile(r"(?:en|et|n|t)$")


def subjects_of_questions(text: str, questions: list[Hit]) -> list[Hit]:
    """Where no one is addressed by name or intro, a role or a person that is the subject of
    a question ("Anser ansvarigt regionråd att …?", "Avser ministern att …?", "Hur tänker
    Anna Berg lösa …?") is the addressee."""
    hits: list[Hit] = []
    for question in questions:
        verb = _QUESTION_VERB.match(text, question.start, question.end)
        if not verb:
            continue
        role = role_regex().match(text, verb.end(), question.end)
        role_text = role.group(0).strip() if role else ""
        after_role = role.end() if role_text and role else verb.end()
        name = _NAME_AT.match(text, after_role + (1 if role_text else 0), question.end)
        if name and is_plausible_name(name.group(0), strict=True):
            attrs = {"role": role_text or None, "party": None}
            hits.append(Hit(name.start(), name.end(), "addressees:question-subject", name.group(0), attrs))
        elif role_text and role:
            attrs = {"role": role_text, "party": None}
            hits.append(Hit(role.start(), role.end(), "addressees:question-subject", "", attrs))
    return _dedupe(hits)


_FORMER = lazy_compile(patterns()["addressee_former_holder"] + r"\s*$", regex.IGNORECASE)
_HOLDER_NAME = lazy_compile(rf"(?<![^\S\n])(?>[^\S\n]*+(?:[,\n][^\S\n]*+)?)(?P<name>{NAME})(?![\p{{L}}-])")
# a name set before the role it holds, with its party mark: 'Dan Nyberg (S), socialnämndens …'
_NAME_BEFORE_ROLE = lazy_compile(
    rf"(?<![\p{{L}}-])(?P<name>{NAME})(?:[^\S\n]*+{PARTY_MARK.pattern})?,[^\S\n]*+\Z"
)
_CHAIR_NOUNS: tuple[str, ...] = tuple(patterns()["chair_nouns"])  # the base form first
_CHAIR = alternation(list(_CHAIR_NOUNS))
_GENITIVE_ORGAN = lazy_compile(rf"^(?P<organ>.+?)s\s+(?P<noun>{_CHAIR})$", regex.IGNORECASE)
_ORGAN_AFTER = lazy_compile(rf"^(?P<noun>{_CHAIR})\s+i\s+(?P<organ>.+)$", regex.IGNORECASE)


def _role_forms(role: str) -> list[str]:
    """A board's chair written either way round: 'tekniska nämndens ordförande' and
    'ordförande(n) i tekniska nämnden'."""
    role = squash(role)
    forms = [role]
    genitive, after = _GENITIVE_ORGAN.match(role), _ORGAN_AFTER.match(role)
    if genitive:
        forms += [f"{noun} i {genitive.group('organ')}" for noun in _CHAIR_NOUNS]
    elif after:
        forms += [f"{after.group('organ')}s {noun}" for noun in _CHAIR_NOUNS]
    return forms


@lru_cache(maxsize=256)
def _role_written(form: str) -> regex.Pattern[str]:
    """A role as a text may write it: any case, any spacing, its nouns with or without the
    definite ending ('ordförande'/'ordföranden', 'socialministern'/'socialminister')."""
    words = []
    for word in form.casefold().split():
        base = _ROLE_BASE.get(word) or (_DEFINITE.sub("", word) if len(word) > 6 else word)
        words.append(regex.escape(base) + r"(?:en|et|n|t)?")
    return regex.compile(r"(?<![\p{L}-])" + r"\s+".join(words), regex.IGNORECASE)


def holder_named_in_text(text: str, hit: Hit, authors: set[str]) -> Hit:
    """A role-only addressee ('frågor till tekniska nämndens ordförande') that the same text
    names with that role elsewhere, as the role and a name ('Tekniska nämndens ordförande
    Kristoffer Wahlund (M)', 'ordföranden i tekniska nämnden, Kristoffer Wahlund (M)') is that
    person, unless the text names two people so, or the one it names signs it, or is a former
    holder ('förre ordföranden …'). Roles many hold at once ('kommunalrådet') name no one."""
    role = squash(str(hit.attrs.get("role") or ""))
    if hit.text or not role or role.casefold() in _GENERIC_ROLES or _PLURAL_ROLE.search(role):
        return hit
    if _SHARED_ROLE.search(role):
        return hit
    found: dict[str, Hit] = {}

    def take(named: regex.Match[str]) -> None:
        """Keep the person a match names, unless a signer or not a name."""
        person = _without_leading_word(NameMatch(named.start("name"), named.end("name"), named.group("name")))
        if not is_plausible_name(person.text, strict=True) or person.text.casefold() in authors:
            return
        party, _ = _party_after(text, person.end)
        attrs = {**hit.attrs, "party": party or hit.attrs.get("party")}
        found.setdefault(
            person.text.casefold(), Hit(person.start, person.end, "addressees:role-named", person.text, attrs)
        )

    for form in _role_forms(role):
        for written in _role_written(form).finditer(text):
            if _FORMER.search(text, max(0, written.start() - 30), written.start()):
                continue
            before = _NAME_BEFORE_ROLE.search(text, max(0, written.start() - 60), written.start())
            if before is not None and not _FORMER.search(text, max(0, before.start() - 30), before.start()):
                take(before)  # 'Dan Nyberg, socialnämndens ordförande, …': the name before the role
            name = _HOLDER_NAME.match(text, written.end())
            if name and not (
                "," in name.group(0)[: name.start("name") - name.start()]
                and not PARTY_MARK.match(text[name.end() : name.end() + 30].lstrip())
            ):
                take(name)
    return next(iter(found.values())) if len(found) == 1 else hit


_SHARED_ROLE = lazy_compile(patterns()["addressee_shared_role"], regex.IGNORECASE)


def role_stem(hit: Hit) -> str | None:
    """For an addressee given by a one-word role only ('socialministern'), the form a token
    before the person's name starts with ('socialminister'); None for any other addressee."""
    role = (hit.attrs.get("role") or "").strip()
    if hit.text or not role or " " in role:
        return None
    return _DEFINITE.sub("", role.casefold()) if len(role) > 6 else role.casefold()


def name_role_from_entities(doc: Doc, hit: Hit) -> Hit:
    """A role-only addressee ('socialministern') named elsewhere in the text as role + person
    ('socialminister Margot Wallström'), found with the trained pipeline's PER entities."""
    stem = role_stem(hit)
    if stem is None:
        return hit
    for ent in doc.ents:
        if ent.label_ != "PER" or ent.start == 0 or len(ent) < 2:
            continue
        before = doc[ent.start - 1].text.casefold()
        if before.startswith(stem) and is_plausible_name(ent.text, strict=False):
            attrs = {**hit.attrs, "name": ent.text}
            return Hit(ent.start_char, ent.end_char, "addressees:role-named-by-ner", ent.text, attrs)
    return hit


@Language.factory("radsdok_addressees")
def make_addressee_finder(nlp: Language, name: str) -> AddresseeFinder:
    return AddresseeFinder()
