"""Tests for radsdok.evaluate: the scoring rules of corpus/README.md."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from radsdok.evaluate import (
    FIELDS,
    Report,
    collect_pairs,
    format_errors,
    gold_path_for,
    load_gold,
    normalize_party,
    score,
)
from radsdok.models import (
    Addressee,
    CaseNumber,
    Document,
    DocumentKind,
    Evidence,
    Person,
    Proposal,
    Question,
    Quote,
)

EV = Evidence(start=0, end=1, rule="test")
CORPUS = Path("/work/shared/corpus")

QUESTION = (
    "Vilka åtgärder avser kommunstyrelsens ordförande att vidta för att säkerställa "
    "att alla barn i kommunen får plats i förskolan inom fyra månader från ansökan?"
)
QUESTION_ONE_WORD_CHANGED = QUESTION.replace("vidta", "göra")
OTHER_QUESTION = "Hur många parkbänkar finns det i dag i förhållande till år 1998?"


def make_doc(
    *,
    kind: DocumentKind = "interpellation",
    date: str | None = None,
    authors: Sequence[tuple[str | None, str | None]] = (),
    addressees: Sequence[tuple[str | None, str | None]] = (),
    questions: Sequence[str] = (),
    quotes: Sequence[str] = (),
    case_numbers: Sequence[str] = (),
    proposals: Sequence[str] = (),
    source: str = "test.txt",
) -> Document:
    return Document(
        source=source,
        kind=kind,
        date=date,
        authors=[Person(name=n, party=p, evidence=EV) for n, p in authors],
        addressees=[Addressee(name=n, role=r, evidence=EV) for n, r in addressees],
        questions=[Question(text=t, evidence=EV) for t in questions],
        quotes=[Quote(text=t, evidence=EV) for t in quotes],
        case_numbers=[CaseNumber(text=t, evidence=EV) for t in case_numbers],
        proposals=[Proposal(text=t, evidence=EV) for t in proposals],
    )


def municipal_gold(**overrides: Any) -> dict[str, Any]:
    gold: dict[str, Any] = {
        "doc_type": "interpellation",
        "title": "Interpellation om förskoleplatser",
        "municipality": "Exempelby",
        "body": None,
        "authors": [{"name": "Anna Andersson", "party": "V"}],
        "addressees": [{"name": "Bertil Berg", "role": "kommunstyrelsens ordförande"}],
        "questions": [QUESTION],
        "quotes": ["alla barn ska få plats"],
        "diarienummer": ["KS 2023/0048"],
        "proposals": ["att kommunen utreder behovet av fler förskoleplatser"],
        "date": "2023-05-02",
    }
    gold.update(overrides)
    return gold


def riksdagen_gold(**overrides: Any) -> dict[str, Any]:
    gold: dict[str, Any] = {
        "doc_type": "interpellation",
        "authors": [{"name": "Karin Karlsson", "party": "FP"}],
        "addressees": [{"name": "Margot Wallström", "role": None, "party": None}],
        "questions": [QUESTION],
        "date": "1996-03-22",
        "source": "test",
        "questions_scored": True,
    }
    gold.update(overrides)
    return gold


def perfect_doc() -> Document:
    return make_doc(
        date="2023-05-02",
        authors=[("Anna Andersson", "V")],
        addressees=[("Bertil Berg", "kommunstyrelsens ordförande")],
        questions=[QUESTION],
        quotes=["alla barn ska få plats"],
        case_numbers=["KS 2023/0048"],
        proposals=["att kommunen utreder behovet av fler förskoleplatser"],
    )


def test_perfect_prediction_gives_f1_one_for_every_field() -> None:
    report = score([(perfect_doc(), municipal_gold())])
    for name in FIELDS:
        s = report.fields[name]
        assert s.docs == 1, name
        assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0), name
        assert s.fp == s.fn == 0, name
    assert report.kind.value == 1.0
    assert report.date.value == 1.0
    assert format_errors(report, 10) == "no errors"


def test_missing_item_lowers_recall_only() -> None:
    gold = municipal_gold(questions=[QUESTION, OTHER_QUESTION])
    report = score([(perfect_doc(), gold)])
    q = report.fields["questions"]
    assert (q.tp, q.fp, q.fn) == (1, 0, 1)
    assert q.precision == 1.0
    assert q.recall == 0.5
    assert q.f1 == pytest.approx(2 / 3)
    assert report.documents[0].fields["questions"].missed == [OTHER_QUESTION]


def test_spurious_item_lowers_precision_only() -> None:
    doc = perfect_doc()
    doc.case_numbers.append(CaseNumber(text="KS 2023/0099", evidence=EV))
    report = score([(doc, municipal_gold())])
    d = report.fields["diarienummer"]
    assert (d.tp, d.fp, d.fn) == (1, 1, 0)
    assert d.recall == 1.0
    assert d.precision == 0.5
    assert report.documents[0].fields["diarienummer"].spurious == ["KS 2023/0099"]


def test_micro_average_sums_counts_over_documents() -> None:
    two_questions = municipal_gold(questions=[QUESTION, OTHER_QUESTION])
    report = score([(perfect_doc(), municipal_gold()), (perfect_doc(), two_questions)])
    q = report.fields["questions"]
    assert (q.docs, q.tp, q.fp, q.fn) == (2, 2, 0, 1)
    assert q.recall == pytest.approx(2 / 3)


def test_question_with_one_word_changed_still_matches_at_0_9() -> None:
    doc = make_doc(questions=[QUESTION_ONE_WORD_CHANGED])
    report = score([(doc, municipal_gold())])
    assert report.fields["questions"].tp == 1
    assert report.fields["questions"].f1 == 1.0


def test_different_question_does_not_match() -> None:
    doc = make_doc(questions=[OTHER_QUESTION])
    report = score([(doc, municipal_gold())])
    q = report.fields["questions"]
    assert (q.tp, q.fp, q.fn) == (0, 1, 1)


def test_long_texts_match_one_to_one() -> None:
    # Two near-identical predictions may not both claim the single gold question.
    doc = make_doc(questions=[QUESTION, QUESTION_ONE_WORD_CHANGED])
    report = score([(doc, municipal_gold())])
    q = report.fields["questions"]
    assert (q.tp, q.fp, q.fn) == (1, 1, 0)
    # The best pair wins: the exact copy is matched, the variant is spurious.
    assert report.documents[0].fields["questions"].spurious == [QUESTION_ONE_WORD_CHANGED]


def test_duplicates_count_as_separate_items() -> None:
    doc = make_doc(case_numbers=["KS 2023/0048", "KS 2023/0048"])
    gold = municipal_gold(diarienummer=["KS 2023/0048"])
    report = score([(doc, gold)])
    assert (report.fields["diarienummer"].tp, report.fields["diarienummer"].fp) == (1, 1)


def test_quote_marks_dashes_whitespace_and_case_are_normalised() -> None:
    gold = municipal_gold(
        quotes=["det är ”skiten” som – enligt oss – ska bort"],
        diarienummer=["KS 2003/0369-45"],
    )
    doc = make_doc(
        quotes=['DET är "skiten"   som\n- enligt oss - ska bort'],
        case_numbers=["ks  2003/0369–45"],
    )
    report = score([(doc, gold)])
    assert report.fields["quotes"].tp == 1
    assert report.fields["diarienummer"].tp == 1


def test_author_name_ignores_surrounding_punctuation() -> None:
    doc = make_doc(authors=[("  anna andersson, ", "V")])
    report = score([(doc, municipal_gold())])
    assert report.fields["authors"].tp == 1


def test_historical_party_code_fp_equals_l() -> None:
    gold = riksdagen_gold(
        authors=[{"name": "Karin Karlsson", "party": "FP"}, {"name": "Per Ek", "party": "kds"}]
    )
    doc = make_doc(authors=[("Karin Karlsson", "L"), ("Per Ek", "KD")])
    report = score([(doc, gold)])
    assert report.fields["author_party"].tp == 2
    assert report.fields["author_party"].f1 == 1.0


def test_party_name_resolves_to_abbreviation_and_dash_means_none() -> None:
    assert normalize_party("Vänsterpartiet") == normalize_party("V")
    assert normalize_party("-") is None
    assert normalize_party(None) is None
    gold = riksdagen_gold(authors=[{"name": "Karin Karlsson", "party": "-"}])
    report = score([(make_doc(authors=[("Karin Karlsson", None)]), gold)])
    assert report.fields["author_party"].tp == 1


def test_wrong_party_fails_author_party_but_not_authors() -> None:
    doc = make_doc(authors=[("Anna Andersson", "S")])
    report = score([(doc, municipal_gold())])
    assert report.fields["authors"].tp == 1
    assert (report.fields["author_party"].tp, report.fields["author_party"].fp) == (0, 1)


def test_author_without_name_matches_by_party() -> None:
    gold = municipal_gold(authors=[{"name": None, "party": "C"}])
    assert score([(make_doc(authors=[(None, "Centerpartiet")]), gold)]).fields["authors"].tp == 1
    assert score([(make_doc(authors=[(None, "M")]), gold)]).fields["authors"].tp == 0


def test_title_prefixed_addressee_name_matches() -> None:
    gold = riksdagen_gold(addressees=[{"name": "Utrikesminister Margot Wallström", "role": None}])
    doc = make_doc(addressees=[("Margot Wallström", "utrikesminister")])
    assert score([(doc, gold)]).fields["addressees"].tp == 1
    # ...and the other way round.
    gold = riksdagen_gold(addressees=[{"name": "Margot Wallström", "role": None}])
    doc = make_doc(addressees=[("Utrikesminister Margot Wallström", None)])
    assert score([(doc, gold)]).fields["addressees"].tp == 1


def test_addressee_suffix_must_start_at_a_word_boundary() -> None:
    gold = riksdagen_gold(addressees=[{"name": "Sven-Erik Bucht", "role": None}])
    doc = make_doc(addressees=[("Erik Bucht", None)])
    assert score([(doc, gold)]).fields["addressees"].tp == 0


def test_addressee_without_gold_name_is_matched_by_role() -> None:
    gold = municipal_gold(addressees=[{"name": None, "role": "Miljönämndens ordförande"}])
    right = make_doc(addressees=[("Lisa Ström", "miljönämndens ordförande")])
    wrong = make_doc(addressees=[(None, "socialnämndens ordförande")])
    assert score([(right, gold)]).fields["addressees"].tp == 1
    assert score([(wrong, gold)]).fields["addressees"].tp == 0


def test_addressee_without_gold_name_or_role_matches_any_one_prediction() -> None:
    gold = riksdagen_gold(addressees=[{"name": None, "role": None, "party": None}])
    doc = make_doc(addressees=[(None, "jordbruksministern"), ("Anna Ek", None)])
    a = score([(doc, gold)]).fields["addressees"]
    assert (a.tp, a.fp, a.fn) == (1, 1, 0)


def test_unscored_fields_are_not_counted() -> None:
    # Parliament golds have no quotes/diarienummer/proposals keys.
    gold = riksdagen_gold()
    doc = make_doc(
        authors=[("Karin Karlsson", "L")],
        addressees=[("Margot Wallström", None)],
        questions=[QUESTION],
        quotes=["något citat"],
        case_numbers=["KS 2020/1"],
        proposals=["att något görs"],
        date="1996-03-22",
    )
    report = score([(doc, gold)])
    for name in ("quotes", "diarienummer", "proposals"):
        s = report.fields[name]
        assert (s.docs, s.tp, s.fp, s.fn) == (0, 0, 0, 0), name
        assert name not in report.documents[0].fields
    assert report.fields["authors"].docs == 1
    assert "quotes" in report.format_table()


def test_null_gold_value_is_not_scored_but_empty_list_is() -> None:
    doc = make_doc(quotes=["något citat"], date="2020-01-01")
    null_gold = municipal_gold(quotes=None, date=None)
    empty_gold = municipal_gold(quotes=[])
    null_report = score([(doc, null_gold)])
    assert null_report.fields["quotes"].docs == 0
    assert null_report.date.total == 0
    empty_report = score([(doc, empty_gold)])
    assert (empty_report.fields["quotes"].docs, empty_report.fields["quotes"].fp) == (1, 1)


def test_questions_scored_false_skips_questions() -> None:
    gold = riksdagen_gold(questions=None, questions_scored=False)
    report = score([(make_doc(questions=[QUESTION]), gold)])
    assert report.fields["questions"].docs == 0
    assert report.fields["questions"].fp == 0
    # Even a question list in the gold is ignored when questions_scored is false.
    gold = riksdagen_gold(questions=[OTHER_QUESTION], questions_scored=False)
    assert score([(make_doc(questions=[QUESTION]), gold)]).fields["questions"].docs == 0


def test_kind_accuracy() -> None:
    pairs = [
        (make_doc(kind="interpellation"), municipal_gold(doc_type="interpellation")),
        (make_doc(kind="motion"), municipal_gold(doc_type="motion")),
        (make_doc(kind="other"), municipal_gold(doc_type="fraga")),
        (make_doc(kind="motion"), municipal_gold(doc_type="interpellation")),
    ]
    report = score(pairs)
    assert (report.kind.correct, report.kind.total) == (2, 4)
    assert report.kind.value == 0.5
    assert "kind accuracy: 0.500 (2/4)" in report.format_table()
    assert "kind: gold 'fraga', predicted 'other'" in format_errors(report, None)


def test_a_kind_the_gold_vocabulary_lacks_is_scored_as_other() -> None:
    """The gold format has no 'kallelse': a meeting notice annotated 'other' is a hit, and a
    kallelse where the gold says protokoll is still a miss."""
    pairs = [
        (make_doc(kind="kallelse"), municipal_gold(doc_type="other")),
        (make_doc(kind="kallelse"), municipal_gold(doc_type="protokoll")),
        (make_doc(kind="kallelse"), municipal_gold(doc_type="kallelse")),  # a sample's finer gold
    ]
    report = score(pairs)
    assert (report.kind.correct, report.kind.total) == (2, 3)
    assert "kind: gold 'protokoll', predicted 'other'" in format_errors(report, None)


def test_date_accuracy() -> None:
    pairs = [
        (make_doc(date="2023-05-02"), municipal_gold()),
        (make_doc(date="2023-05-03"), municipal_gold()),
        (make_doc(date=None), municipal_gold()),
    ]
    report = score(pairs)
    assert (report.date.correct, report.date.total) == (1, 3)


def test_empty_report_has_no_accuracy_and_dashes_in_table() -> None:
    report = Report()
    assert report.kind.value is None
    table = report.format_table().splitlines()
    assert table[0].split() == ["field", "docs", "P", "R", "F1"]
    assert table[1].split() == ["authors", "0", "-", "-", "-"]


def test_format_table_shows_three_decimals() -> None:
    gold = municipal_gold(questions=[QUESTION, OTHER_QUESTION, QUESTION + " Och sedan?"])
    table = score([(perfect_doc(), gold)]).format_table()
    row = next(line for line in table.splitlines() if line.startswith("questions"))
    assert row.split() == ["questions", "1", "1.000", "0.333", "0.500"]


def test_format_errors_lists_misses_and_spurious_and_respects_limit() -> None:
    bad = make_doc(source="bad.txt", authors=[("Fel Person", "V")])
    report = score([(perfect_doc(), municipal_gold()), (bad, municipal_gold())])
    text = format_errors(report, limit=5)
    assert "bad.txt" in text
    assert "test.txt" not in text  # the perfect document has no errors
    assert "- Anna Andersson (V)" in text
    assert "+ Fel Person (V)" in text
    limited = format_errors(score([(bad, municipal_gold()), (bad, municipal_gold())]), limit=1)
    assert limited.endswith("... 1 more documents with errors")


def test_to_dict_is_json_serialisable() -> None:
    report = score([(make_doc(questions=[OTHER_QUESTION]), municipal_gold())])
    data = json.loads(json.dumps(report.to_dict()))
    assert data["fields"]["questions"]["fn"] == 1
    assert data["fields"]["questions"]["precision"] == 0.0
    assert data["documents"][0]["fields"]["questions"]["missed"] == [QUESTION]
    assert data["kind"] == {"correct": 1, "total": 1, "accuracy": 1.0}


def test_gold_path_for_and_collect_pairs(tmp_path: Path) -> None:
    gold = municipal_gold()
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    (tmp_path / "a.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    (tmp_path / "a.source.json").write_text("{}", encoding="utf-8")
    (tmp_path / "b.md").write_text("x", encoding="utf-8")  # no gold
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "c.md").write_text("x", encoding="utf-8")
    (sub / "c.gold.json").write_text(json.dumps(gold), encoding="utf-8")

    assert gold_path_for(tmp_path / "a.txt") == tmp_path / "a.gold.json"
    assert gold_path_for(tmp_path / "b.md") is None
    assert gold_path_for(tmp_path / "a.gold.json") is None
    assert load_gold(tmp_path / "a.gold.json") == gold

    pairs = collect_pairs([tmp_path, tmp_path / "a.txt"])
    assert pairs == [
        (tmp_path / "a.pdf", tmp_path / "a.gold.json"),
        (tmp_path / "a.txt", tmp_path / "a.gold.json"),
        (sub / "c.md", sub / "c.gold.json"),
    ]
    assert collect_pairs([tmp_path / "b.md"]) == []


def test_load_gold_rejects_non_object(tmp_path: Path) -> None:
    path = tmp_path / "x.gold.json"
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(ValueError):
        load_gold(path)


def _document_from_gold(source: Path, gold: dict[str, Any]) -> Document:
    return make_doc(
        source=str(source),
        kind=gold.get("doc_type") or "other",
        date=gold.get("date"),
        authors=[(a.get("name"), a.get("party")) for a in gold.get("authors") or []],
        addressees=[(a.get("name"), a.get("role")) for a in gold.get("addressees") or []],
        questions=gold.get("questions") or [],
        quotes=gold.get("quotes") or [],
        case_numbers=gold.get("diarienummer") or [],
        proposals=gold.get("proposals") or [],
    )


@pytest.mark.skipif(not CORPUS.is_dir(), reason="evaluation corpus not present")
def test_every_corpus_gold_scores_perfectly_against_itself() -> None:
    pairs = collect_pairs([CORPUS])
    assert pairs
    golds = [load_gold(g) for _, g in pairs]
    report = score(
        (_document_from_gold(doc, gold), gold) for (doc, _), gold in zip(pairs, golds, strict=True)
    )
    for name in FIELDS:
        assert report.fields[name].f1 == 1.0, name
    assert report.kind.correct == report.kind.total
    assert report.date.correct == report.date.total


def test_quotes_and_proposals_use_the_lower_0_85_threshold() -> None:
    # Similarity 0.884: below the 0.9 for questions, above the 0.85 for quotes and proposals.
    gold_text = "Hur många parkbänkar finns det i kommunen i dag?"
    pred_text = "Hur många bänkar finns det i kommunen?"
    gold = municipal_gold(questions=[gold_text], quotes=[gold_text], proposals=[gold_text])
    doc = make_doc(questions=[pred_text], quotes=[pred_text], proposals=[pred_text])
    report = score([(doc, gold)])
    assert report.fields["questions"].tp == 0
    assert report.fields["quotes"].tp == 1
    assert report.fields["proposals"].tp == 1


def _split_corpus(tmp_path: Path) -> tuple[Path, Path]:
    """A folder of four gold pairs and a split file putting one site (two stems) aside."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for stem in ("a_motion_1", "b_motion_1", "c_fraga_1", "c_fraga_2"):
        (folder / f"{stem}.txt").write_text("Motion om parker", encoding="utf-8")
        (folder / f"{stem}.gold.json").write_text("{}", encoding="utf-8")
    split = tmp_path / "split.json"
    split.write_text(json.dumps({"check": {"c.example": ["c_fraga_1", "c_fraga_2"]}}), encoding="utf-8")
    return folder, split


def test_select_part_divides_a_corpus_by_the_split_files_check_stems(tmp_path: Path) -> None:
    from radsdok.evaluate import select_part, split_stems

    folder, split = _split_corpus(tmp_path)
    pairs = collect_pairs([folder])
    stems = split_stems(split)
    check = [doc.stem for doc, _ in select_part(pairs, stems, "check")]
    development = [doc.stem for doc, _ in select_part(pairs, stems, "development")]
    assert check == ["c_fraga_1", "c_fraga_2"]
    assert development == ["a_motion_1", "b_motion_1"]
    with pytest.raises(ValueError):
        select_part(pairs, stems, "training")


def test_split_file_without_a_check_object_is_refused(tmp_path: Path) -> None:
    from radsdok.evaluate import split_stems

    bad = tmp_path / "split.json"
    bad.write_text(json.dumps({"check": ["a"]}), encoding="utf-8")
    with pytest.raises(ValueError, match="check"):
        split_stems(bad)


def test_repository_check_set_names_corpus_documents_with_gold() -> None:
    from radsdok.evaluate import split_stems

    stems = split_stems(Path(__file__).parents[1] / "evaluation" / "municipal_split.json")
    assert len(stems) >= 25
    folder = CORPUS / "municipal"
    if not folder.is_dir():
        pytest.skip("evaluation corpus not present")
    assert all((folder / f"{stem}.gold.json").is_file() for stem in stems)
