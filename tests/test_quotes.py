from __future__ import annotations

from radsdok.components.quotes import find_quotes


def texts(text: str) -> list[str]:
    return [hit.text for hit in find_quotes(text)]


def test_swedish_same_mark_quotes() -> None:
    assert texts("Han kallade det ”en satsning” i går.") == ["en satsning"]


def test_other_quote_styles() -> None:
    text = '„Ett citat“ och »ett annat« och "ett rakt" och «ett fjärde».'
    assert texts(text) == ["Ett citat", "ett annat", "ett rakt", "ett fjärde"]


def test_quote_over_line_break_is_one_quote() -> None:
    assert texts("Planen säger ”alla ska\nha tillgång” till det.") == ["alla ska\nha tillgång"]


def test_unbalanced_mark_does_not_swallow_the_rest() -> None:
    text = "Ett ” ensamt tecken här.\n\nSedan ett ”riktigt citat” och mer text."
    assert texts(text) == ["riktigt citat"]


def test_unbalanced_mark_before_balanced_pair_in_same_paragraph() -> None:
    assert texts("rubriken ”Vad är kvar av ”Arbetsförmedlingen” i staden?") == ["Arbetsförmedlingen"]


def test_quote_source_from_speech_verb() -> None:
    (hit,) = find_quotes("Men Socialkontoret har också konstaterat att: ”Det saknas resurser.”")
    assert hit.attrs["source"] == "Socialkontoret"


def test_quoted_report_title_source_is_its_case_number() -> None:
    (hit,) = find_quotes("I utredningen ”Hur ska vi arbeta? – SN 2023/0048” föreslås")
    assert hit.attrs["source"] == "SN 2023/0048"


def test_quote_evidence_excludes_marks() -> None:
    text = "Det kallas ”skiten” här."
    (hit,) = find_quotes(text)
    assert text[hit.start : hit.end] == "skiten"


def test_guillemets_set_apart_by_spaces_are_navigation_arrows_not_quote_marks() -> None:
    text = "« Föregående inlägg    Nästa inlägg »\n\nKommunen kallar planen ”ett lyft” i sin budget.\n"
    assert [h.text for h in find_quotes(text)] == ["ett lyft"]


def test_a_transcript_sites_button_before_a_quoted_title_is_no_quotation() -> None:
    text = (
        'Download "Protokoll från socialnämndens sammanträde 2019-03-04"\n\n'
        'Share "Protokoll från socialnämndens sammanträde 2019-03-04"\n\n'
        "Transkript\n\nNämnden kallar beslutet ”ett steg framåt” för de äldre.\n"
    )
    assert [hit.text for hit in find_quotes(text)] == ["ett steg framåt"]
