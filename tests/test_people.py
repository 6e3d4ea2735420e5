from __future__ import annotations

import pytest

from radsdok.components.addressees import find_addressees
from radsdok.components.authors import find_authors

BODY = "Kommunen har under lång tid arbetat med frågan och mycket återstår att göra för invånarna.\n\n"


def authors(text: str) -> list[tuple[str | None, str | None]]:
    return [(h.text or None, h.attrs.get("party")) for h in find_authors(text)]


def addressees(text: str) -> list[tuple[str | None, str | None]]:
    return [(h.text or None, h.attrs.get("role")) for h in find_addressees(text)]


@pytest.mark.parametrize(
    ("signature", "expected"),
    [
        ("Nicklas Lundström (V)", [("Nicklas Lundström", "V")]),
        ("Patrik Nimmerstam (c)", [("Patrik Nimmerstam", "C")]),
        ("Jerker Nilsson, Vänsterpartiet", [("Jerker Nilsson", "V")]),
        ("Karin Ek (fp)", [("Karin Ek", "L")]),
        ("Anna Berg m.fl. (MP)", [("Anna Berg", "MP")]),
        ("Gunnar Ek\nKirunapartiet", [("Gunnar Ek", "Kirunapartiet")]),
        ("Anna Berg\nErik Ström\n(samtliga V)", [("Anna Berg", "V"), ("Erik Ström", "V")]),
        (
            "För Socialdemokraterna i Kävlinge\nCatrin Tufvesson\n3:e vice ordförande",
            [("Catrin Tufvesson", "S")],
        ),
    ],
)
def test_signature_forms(signature: str, expected: list[tuple[str, str]]) -> None:
    assert authors(BODY + signature) == expected


def test_slash_signature_without_party() -> None:
    assert authors(BODY + "/Lina Berg") == [("Lina Berg", None)]


def test_party_letterhead_is_the_only_author() -> None:
    assert authors("Vänsterpartiet 2023\n\n" + BODY) == [(None, "V")]


def test_local_party_yrkar_is_the_author() -> None:
    assert authors(BODY + "Sjöbopartiet yrkar:\n\natt kommunen gör något") == [(None, "Sjöbopartiet")]


def test_byline_gives_author_and_addressee() -> None:
    text = (
        "Interpellation 2010/11:216 Vården av Isak From (S) till socialminister Göran Hägglund (KD)\n\n"
        + BODY
    )
    assert authors(text) == [("Isak From", "S")]
    assert addressees(text) == [("Göran Hägglund", "socialminister")]


def test_vill_jag_fraga_two_names() -> None:
    text = BODY + "Därför vill jag fråga Patrik Palm och Monica Holtstad:\n\n- Hur går det?"
    assert addressees(text) == [("Patrik Palm", None), ("Monica Holtstad", None)]


def test_role_only_addressee() -> None:
    assert addressees("Interpellation till socialnämndens ordförande\n\n" + BODY) == [
        (None, "socialnämndens ordförande")
    ]


def test_role_then_name_with_party() -> None:
    text = "Till kommunstyrelsens ordförande, Ebba Östlin (S)\n\n" + BODY
    assert addressees(text) == [("Ebba Östlin", "kommunstyrelsens ordförande")]


def test_kso_abbreviation() -> None:
    assert addressees("Interpellation: Ställd till KSO Jacob Högfeldt (m)\n\n" + BODY) == [
        ("Jacob Högfeldt", "KSO")
    ]


def test_ordforande_name_i_body() -> None:
    text = "Enkel fråga till ordförande Pia Almström i Kommunstyrelsen\n\n" + BODY
    assert addressees(text) == [("Pia Almström", "ordförande i Kommunstyrelsen")]


def test_anhaller_om_tillstand_att_till() -> None:
    text = BODY + (
        "Jag anhåller om kommunfullmäktiges tillstånd att till tekniska nämndens ordförande "
        "Sven Berg få ställa följande frågor:"
    )
    assert addressees(text) == [("Sven Berg", "tekniska nämndens ordförande")]


def test_assembly_is_not_an_addressee() -> None:
    assert addressees("Interpellation till Norrköpings kommunfullmäktige\n\n" + BODY) == []


def test_every_addressee_intro_holds_a_cue_word() -> None:
    from radsdok.components.addressees import _INTRO_CUES
    from radsdok.components.lexicon import patterns

    for key in ("addressee_intro", "addressee_heading", "addressee_answer_intro"):
        for pattern in patterns()[key]:
            assert any(cue in pattern for cue in _INTRO_CUES), pattern


def _top_level_alternatives(pattern: str) -> list[str]:
    """A regex split at its top-level '|' (not inside a group, a character class or escaped)."""
    parts, current, depth, in_class, escaped = [], [], 0, False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    return [*parts, "".join(current)]


def test_top_level_alternatives_ignore_bars_in_groups_and_classes() -> None:
    assert _top_level_alternatives(r"^a(?=b|c)|[|(]d|e\|f") == [r"^a(?=b|c)", "[|(]d", r"e\|f"]


def test_every_kind_rule_pattern_needs_one_of_its_cues() -> None:
    from radsdok.components.lexicon import patterns

    for rule in patterns()["kind_rules"]:
        for alternative in _top_level_alternatives(rule["pattern"]):
            assert any(cue in alternative.casefold() for cue in rule["cues"]), (rule["kind"], alternative)


def test_byline_with_a_home_town_gives_the_name_without_it() -> None:
    head = (
        "Interpellation 2008/09:493 Smittskydd av Helén Pettersson i Umeå (s) "
        "till jordbruksminister Eskil Erlandsson (c)\n\n"
    )
    assert authors(head + BODY) == [("Helén Pettersson", "S")]
    assert addressees(head + BODY) == [("Eskil Erlandsson", "jordbruksminister")]


def test_byline_of_several_with_home_towns() -> None:
    head = "Motion 2023/24:7 av Anna Berg i Hisings Backa och Per Ek i Umeå (båda S)\n\n"
    assert authors(head + BODY) == [("Anna Berg", "S"), ("Per Ek", "S")]


def test_a_later_generic_or_shortened_role_is_the_same_addressee() -> None:
    head = "Interpellation 1998/99:284 av Anna Berg (s) till finansministern om skatter\n\n"
    tail = "\n\nMed anledning av detta vill jag fråga statsrådet:\n\nNär kommer förslaget?"
    assert addressees(head + BODY + tail) == [(None, "finansministern")]
    tail = "\n\nMed anledning av detta vill jag fråga ministern:\n\nNär kommer förslaget?"
    assert addressees(head.replace("finans", "jordbruks") + BODY + tail) == [(None, "jordbruksministern")]


def test_two_spellings_of_one_named_addressee_are_one() -> None:
    head = "Interpellation 2023/24:596 av Sofia Amloh (S) till Socialminister Jakob Forssmed (KD)\n\n"
    tail = "\n\nMot den bakgrunden vill jag fråga socialminister Jacob Forssmed:\n\nKommer kortet?"
    assert addressees(head + BODY + tail) == [("Jakob Forssmed", "Socialminister")]


def test_two_ministers_asked_are_both_kept() -> None:
    head = "Interpellation 1998/99:284 av Anna Berg (s) till finansministern om skatter\n\n"
    tail = "\n\nDärför vill jag också fråga jordbruksministern:\n\nNär kommer förslaget?"
    assert addressees(head + BODY + tail) == [(None, "finansministern"), (None, "jordbruksministern")]


def test_two_roles_joined_by_och_are_two_addressees() -> None:
    text = BODY + "Därför vill jag fråga finansministern och jordbruksministern:\n\nNär kommer förslaget?"
    assert addressees(text) == [(None, "finansministern"), (None, "jordbruksministern")]


@pytest.mark.parametrize("intro", ["Jag vill fråga", "Därför vill jag fråga", "Vi vill därför fråga"])
def test_intro_in_either_word_order(intro: str) -> None:
    text = BODY + f"{intro} kommunstyrelsens ordförande:\n\nNär kommer förslaget?"
    assert addressees(text) == [(None, "kommunstyrelsens ordförande")]


def test_intro_with_the_addressee_before_the_verb() -> None:
    text = BODY + "Därför vill jag till statsrådet Karin Ek (S) ställa följande frågor:\n\nNär?"
    assert addressees(text) == [("Karin Ek", "statsrådet")]
    assert addressees(BODY + "Jag vill till sist säga att det är bra.\n\nNär kommer det?") == []


def test_a_role_that_is_the_subject_of_a_question_is_the_addressee() -> None:
    import radsdok

    question = "Anser ansvarigt regionråd att pengarna var väl använda?"
    text = "Interpellation om konsulterna\n\n" + BODY + question
    doc = radsdok.load("blank").parse_text(text)
    assert [(a.name, a.role, a.evidence.rule) for a in doc.addressees] == [
        (None, "ansvarigt regionråd", "addressees:question-subject")
    ]


def test_a_motions_questions_name_no_addressee() -> None:
    import radsdok

    text = "Motion om konsulterna\n\n" + BODY + "Anser ansvarigt regionråd att pengarna var väl använda?"
    assert radsdok.load("blank").parse_text(text).addressees == []
