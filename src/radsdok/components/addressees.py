"""Addressees: who a question or interpellation is put to ("vill jag fråga A och B",
"Interpellation till socialnämndens ordförande", "KSO Jacob Högfeldt (m)")."""

from __future__ import annotations

import regex
from spacy.language import Language
from spacy.tokens import Doc

from .authors import ASKER_RULES, BYLINE, prose_people
from .findings import Hit, findings_of
from .layout import lines_of, squash
from .lexicon import compile_any, parties, patterns
from .names import PARTY_MARK, find_names, is_plausible_name, role_regex

_INTRO = compile_any("addressee_intro")
# Every addressee intro holds one of these; lines without them are skipped cheaply.
_SHORT_LINE = 300
_PROSE_TAIL = 300
_INTRO_CUES = ("till", "fråg", "från")
# Kinds whose questions are put to the addressee (a motion's or an answer's are not).
_ASKING_KINDS = frozenset({"interpellation", "fraga"})
_QUESTION_VERB = regex.compile(
    r"(?:" + "|".join(patterns()["question_subject_verbs"]) + r")\s+", regex.IGNORECASE
)
_GENERIC_ROLES = frozenset(role.casefold() for role in patterns()["generic_addressee_roles"])
# Where an addressee phrase ends: punctuation, a new clause, or the topic ("om", "angående" …).
_PHRASE_END = regex.compile(patterns()["addressee_phrase_end"], regex.IGNORECASE)
_MAX_PHRASE = 160
_JOINERS = regex.compile(r"^[\s,]*(?:till|och|samt|&)?[\s,]*|[\s,]*(?:och|samt|&)?[\s,]*$", regex.I)
_BODY_ONLY = regex.compile(
    r"^(?:\p{L}+s\s+)?(?:kommun|region|landstings)?fullmäktige(?:\s+i\s+\p{Lu}\p{L}+)?$|^KF$|^RF$",
    regex.IGNORECASE,
)


def _phrase_after(text: str, start: int) -> tuple[int, int]:
    window = text[start : start + _MAX_PHRASE]
    found = _PHRASE_END.search(window)
    end = start + (found.start() if found else len(window))
    return start, end


def parse_addressee_phrase(text: str, start: int, end: int, rule: str) -> list[Hit]:
    """Names, roles and parties in one addressee phrase."""
    phrase = text[start:end]
    hits: list[Hit] = []
    names = find_names(phrase, strict=False)
    if names:
        role_text = phrase
        for name in names:
            role_text = role_text.replace(name.text, " ")
        role_text = PARTY_MARK.sub(" ", role_text)
        role_text = squash(_JOINERS.sub("", squash(role_text)))
        role_found = role_regex().search(role_text)
        role = squash(role_text) if role_found and len(names) == 1 else None
        if role and role_found and len(role) > len(role_found.group(0)) + 40:
            role = role_found.group(0)
        for name in names:
            after = phrase[name.end : name.end + 40]
            mark = PARTY_MARK.match(after.lstrip())
            party = parties().resolve(mark.group("party")) if mark else None
            hits.append(
                Hit(start + name.start, start + name.end, rule, name.text, {"role": role, "party": party})
            )
        return hits
    cleaned = squash(_JOINERS.sub("", phrase))
    if not cleaned or _BODY_ONLY.match(cleaned):
        return []
    searched_from = 0
    for role_found in role_regex().finditer(cleaned):  # "finansministern och jordbruksministern"
        role = role_found.group(0).strip()
        if not role:
            continue
        at = phrase.find(role, searched_from)
        if at < 0:
            continue
        searched_from = at + len(role)
        hits.append(
            Hit(start + at, start + at + len(role), rule, "", {"role": role, "party": None, "name": None})
        )
    return hits


def find_addressees(text: str) -> list[Hit]:
    """Everyone a document's questions are put to, each once."""
    hits: list[Hit] = []
    lines = lines_of(text)
    if lines:
        head_end = lines[min(2, len(lines) - 1)].end
        byline = BYLINE.search(text, 0, head_end)
        if byline:
            s, e = _phrase_after(text, byline.start("to"))
            hits.extend(parse_addressee_phrase(text, s, max(e, byline.end("to")), "addressees:byline"))
    for line in lines:
        # An intro opens a short line or closes a paragraph ("… vill jag fråga X:"); a long
        # paragraph of prose is read only at its end.
        offset = max(0, len(line.text) - _PROSE_TAIL) if len(line.text) > _SHORT_LINE else 0
        scope = line.text[offset:]
        lowered = scope.casefold()
        if not any(cue in lowered for cue in _INTRO_CUES):
            continue
        for found in _INTRO.finditer(scope):
            s, e = _phrase_after(text, line.start + offset + found.end())
            hits.extend(parse_addressee_phrase(text, s, e, "addressees:intro"))
    return _dedupe(hits)


def _dedupe(hits: list[Hit]) -> list[Hit]:
    out: list[Hit] = []
    by_key: dict[str, Hit] = {}
    for hit in sorted(hits, key=lambda h: h.start):
        key = (hit.text or hit.attrs.get("role") or "").casefold()
        if not key:
            continue
        if key in by_key:
            kept = by_key[key]
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
        kind = found.meta.get("kind")
        # Minutes list interpellations put to others; they address no one themselves.
        if kind and kind.text == "protokoll":
            found.addressees = []
            return doc
        hits = find_addressees(found.text)
        if kind and kind.text == "svar":
            askers = [h for h in prose_people(found.text) if h.rule in ASKER_RULES]
            hits = _dedupe(
                [*hits, *(Hit(h.start, h.end, "addressees:asker", h.text, dict(h.attrs)) for h in askers)]
            )
        if not hits and kind and kind.text in _ASKING_KINDS:
            hits = subjects_of_questions(found.text, found.questions)
        if doc.has_annotation("ENT_IOB"):
            hits = [name_role_from_entities(doc, hit) for hit in hits]
        found.addressees = _dedupe(hits)
        return doc


_DEFINITE = regex.compile(r"(?:en|et|n|t)$")


def subjects_of_questions(text: str, questions: list[Hit]) -> list[Hit]:
    """Where no one is addressed by name or intro, a role that is the subject of a question
    ("Anser ansvarigt regionråd att …?", "Avser ministern att …?") is the addressee."""
    hits: list[Hit] = []
    for question in questions:
        verb = _QUESTION_VERB.match(text, question.start, question.end)
        if not verb:
            continue
        role = role_regex().match(text, verb.end(), question.end)
        if role and role.group(0).strip():
            hits.append(
                Hit(
                    role.start(),
                    role.end(),
                    "addressees:question-subject",
                    "",
                    {"role": role.group(0), "party": None},
                )
            )
    return _dedupe(hits)


def name_role_from_entities(doc: Doc, hit: Hit) -> Hit:
    """A role-only addressee ('socialministern') named elsewhere in the text as role + person
    ('socialminister Margot Wallström'), found with the trained pipeline's PER entities."""
    role = (hit.attrs.get("role") or "").strip()
    if hit.text or not role or " " in role:
        return hit
    stem = _DEFINITE.sub("", role.casefold()) if len(role) > 6 else role.casefold()
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
