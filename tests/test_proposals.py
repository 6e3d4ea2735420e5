from __future__ import annotations

from radsdok.components.proposals import find_proposals

BODY = "Kommunen behöver göra mer för att fler ska kunna cykla till skolan och till jobbet.\n\n"


def proposals(text: str) -> list[str]:
    return [hit.text for hit in find_proposals(text)]


def test_att_lines_after_yrkar() -> None:
    text = BODY + "Vi yrkar:\n\natt kommunen bygger cykelbanor\n\natt arbetet startar 2025"
    assert proposals(text) == ["att kommunen bygger cykelbanor", "att arbetet startar 2025"]


def test_capital_att_with_bullets() -> None:
    text = BODY + "Jag yrkar därför på\n\n- Att skolan får mer resurser\n- Att uppföljning sker"
    assert proposals(text) == ["Att skolan får mer resurser", "Att uppföljning sker"]


def test_numbered_att() -> None:
    text = BODY + "Vi föreslår:\n\natt1 kommunen utreder frågan\natt2 resultatet redovisas"
    assert proposals(text) == ["att kommunen utreder frågan", "att resultatet redovisas"]


def test_inline_yrkar_att() -> None:
    text = BODY + "Vi yrkar därför att kommunfullmäktige inför en cykelplan."
    assert proposals(text) == ["att kommunfullmäktige inför en cykelplan."]


def test_foreslar_att_kf_beslutar_att() -> None:
    text = BODY + "Jag föreslår att kommunfullmäktige beslutar att en cykelplan tas fram."
    assert proposals(text) == ["att en cykelplan tas fram."]


def test_att_in_prose_without_intro_is_not_a_proposal() -> None:
    text = BODY + "Att kostnader inte ska drabba invånarna är viktigt.\n\nDet är allt."
    assert proposals(text) == []


def test_numbered_points_under_decision_heading() -> None:
    points = "1. Kommunen inför en cykelplan.\n2. Planen följs upp årligen."
    text = BODY + "Förslag till beslut\n\n" + points + "\n\nBakgrund"
    assert proposals(text) == ["Kommunen inför en cykelplan.", "Planen följs upp årligen."]


def test_decision_points_run_together_after_foreslar_besluta() -> None:
    text = BODY + "Kommunstyrelsen föreslår kommunfullmäktige besluta 1. Notera rapporten. 2. Uppdra åt KS."
    assert proposals(text) == ["Notera rapporten.", "Uppdra åt KS."]
