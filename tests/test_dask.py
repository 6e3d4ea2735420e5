"""radsdok.dask against a real dask.distributed LocalCluster (two worker processes)."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("distributed", reason="dask.distributed (the radsdok[dask] extra) is not installed")
pytest.importorskip("dask.dataframe", reason="dask[dataframe] (the radsdok[dask] extra) is not installed")
pytest.importorskip("pyarrow", reason="pyarrow (needed by dask.dataframe) is not installed")

import cloudpickle
import dask.bag
import pyarrow as pa
from distributed import Client, LocalCluster

import radsdok
import radsdok.dask as rdask
from radsdok.dataset import arrow_schema, column_names, read_rows, write_dataset

from .conftest import sample_paths

SAMPLES = sample_paths()
# the workers get this module's helper functions by value: they need not import the tests
cloudpickle.register_pickle_by_value(sys.modules[__name__])


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy of the samples (other tests may add files to samples/ meanwhile)."""
    folder = tmp_path_factory.mktemp("dask_in")
    for path in SAMPLES:
        shutil.copyfile(path, folder / path.name)
    (folder / "zz_empty.txt").write_bytes(b"")
    return folder


def _pipelines_built() -> int:
    from radsdok import parser

    return sum(1 for key in parser._DEFAULT if key[:2] == ("blank", True))


def _parser_of_this_process(_: object) -> tuple[int, int, int]:
    return os.getpid(), id(radsdok.load("blank", fast_pdf=True).nlp), _pipelines_built()


def test_each_worker_process_builds_its_pipeline_once_on_first_use(client: Client) -> None:
    # fast_pdf=True is a cache key no other test uses: nothing has built this pipeline yet
    assert set(client.run(_pipelines_built).values()) == {0}
    seen = dask.bag.from_sequence(range(16), npartitions=16).map(_parser_of_this_process).compute()
    by_pid: dict[int, set[int]] = {}
    for pid, nlp_id, built in seen:
        by_pid.setdefault(pid, set()).add(nlp_id)
        assert built <= 1
    assert len(by_pid) >= 1 and all(len(ids) == 1 for ids in by_pid.values())
    assert os.getpid() not in by_pid  # the work ran in the worker processes
    assert set(client.run(_pipelines_built).values()) <= {0, 1}


def test_read_documents_gives_what_parse_gives(client: Client, inputs: Path, parser: radsdok.Parser) -> None:
    bag = rdask.read_documents(str(inputs / "*.txt"), files_per_partition=4)
    assert isinstance(bag, dask.bag.Bag) and bag.npartitions > 1
    docs = bag.compute()
    expected = [p for p in sorted(inputs.glob("*.txt")) if p.stat().st_size]
    assert [d.source for d in docs] == [str(p) for p in expected]
    for doc, path in zip(docs, expected, strict=True):
        local = parser.parse(path, include_text=False)
        assert doc == local


def test_read_documents_keeps_failed_files_when_asked(client: Client, inputs: Path) -> None:
    items = rdask.read_documents(inputs, on_error="keep").compute()
    failed = [i for i in items if isinstance(i, rdask.FailedFile)]
    assert [(Path(f.source).name, f.code) for f in failed] == [("zz_empty.txt", "empty")]
    assert len(items) == len(list(inputs.iterdir()))


def test_questions_frame_has_the_dataset_columns_and_rows(
    client: Client, inputs: Path, tmp_path: Path
) -> None:
    frame = rdask.questions_frame(inputs, files_per_partition=5)
    assert list(frame.columns) == column_names("questions")
    local = tmp_path / "q.jsonl"
    write_dataset(inputs, local)
    pandas_frame = frame.compute()
    assert [str(t.pyarrow_dtype) for t in pandas_frame.dtypes] == [str(f.type) for f in arrow_schema()]
    got = pa.Table.from_pandas(pandas_frame, schema=arrow_schema(), preserve_index=False).to_pylist()
    expected = list(read_rows(local))
    assert got == expected and len(got) > 0


def test_write_dataset_on_an_existing_cluster_matches_a_local_run(
    client: Client, inputs: Path, tmp_path: Path
) -> None:
    address = client.scheduler.address
    summary = write_dataset(inputs, tmp_path / "remote.parquet", scheduler=address, chunk_size=3)
    write_dataset(inputs, tmp_path / "local.parquet")
    assert summary.failures == 1 and summary.documents == len(SAMPLES)
    assert list(read_rows(tmp_path / "remote.parquet")) == list(read_rows(tmp_path / "local.parquet"))
    assert (tmp_path / "remote.errors.jsonl").read_text() == (tmp_path / "local.errors.jsonl").read_text()


# ---------------------------------------------------------------- --mask personal on the workers

PRIVACY = Path(__file__).parent / "fixtures" / "privacy"
PROPOSAL = PRIVACY / "medborgarforslag_kontaktuppgifter.txt"
INTERPELLATION = PRIVACY / "interpellation_boende_kontakt.txt"
MASK_KEY = "test-key"
# What the fixtures hold that masking must remove (a subset of tests/test_mask.py's list).
PERSONAL = (
    "Johanna Lindqvist",
    "Lindqvist",
    "19121212-1212",
    "070-123 45 67",
    "johanna.lindqvist@example.se",
)


def test_read_documents_masks_on_the_workers(client: Client, parser: radsdok.Parser) -> None:
    paths = [PROPOSAL, INTERPELLATION]
    for include_text in (True, False):
        docs = rdask.read_documents(
            paths, mask="personal", mask_key=MASK_KEY, include_text=include_text, files_per_partition=1
        ).compute()
        dumped = "\n".join(d.model_dump_json() for d in docs)
        assert not [value for value in PERSONAL if value in dumped]
        for doc, path in zip(docs, paths, strict=True):
            expected = radsdok.mask(parser.parse(path), key=MASK_KEY)
            if not include_text:
                expected = expected.model_copy(update={"text": None})
            assert doc == expected
    plain = rdask.read_documents(paths, include_text=True).compute()
    assert "Lindqvist" in "\n".join(d.model_dump_json() for d in plain)


def test_questions_frame_masks_on_the_workers(client: Client) -> None:
    frame = rdask.questions_frame([INTERPELLATION], mask="phone,email", mask_key=MASK_KEY).compute()
    questions = [str(q) for q in frame["question"]]
    assert len(questions) == 2
    assert "070-123 45 67" not in questions[1] and "TEL-" in questions[1]
    plain = rdask.questions_frame([INTERPELLATION]).compute()
    assert "070-123 45 67" in str(plain["question"].iloc[1])


def test_across_tables_masks_before_the_records_are_taken(client: Client) -> None:
    bag = rdask.read_documents([PROPOSAL, INTERPELLATION], include_text=True, files_per_partition=1)
    masked = rdask.across_tables(bag, mask="personal", mask_key=MASK_KEY)
    plain = rdask.across_tables(bag)

    def names(tables: dict[str, Any]) -> str:
        return "\n".join(tables[t].astype(str).to_csv() for t in ("people", "mentions"))

    assert "Lindqvist" in names(plain)
    assert "Lindqvist" not in names(masked) and "NN-" in names(masked)
    assert "Bengt Åström" in names(masked)  # an office holder keeps his name
    # masking when reading gives the same tables as masking here
    read_masked = rdask.read_documents(
        [PROPOSAL, INTERPELLATION], include_text=True, mask="personal", mask_key=MASK_KEY
    )
    assert names(rdask.across_tables(read_masked)) == names(masked)
