"""Batch runs: input formats, order, determinism across workers, resume, Dask."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from extractor import batch
from extractor.records import Document

SENTENCES = [
    "২০১৯ সালে দেশটির রপ্তানি আয় ছিল ৩২.৫ বিলিয়ন মার্কিন ডলার।",
    "সরকার ১২ লাখ টন চাল আমদানি করবে বলে জানিয়েছে।",
    "গত মার্চ মাসে মূল্যস্ফীতি ৯.৩ শতাংশে দাঁড়িয়েছে।",
    "চুক্তিটি ১৫ জানুয়ারি ২০২২ তারিখে স্বাক্ষরিত হয়।",
    "The report was published in English with figures of 4,500 tonnes.",
]


def article(i: int) -> str:
    return " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(1 + i % 4)) + "\n"


def make_corpus(root: Path, n: int) -> Path:
    folder = root / "corpus"
    for i in range(n):
        sub = folder / f"part{i % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"doc{i:04d}.txt").write_text(article(i), encoding="utf-8")
    return folder


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def tagging_extract(text: str, doc_id: str, doc_date: dt.date | None) -> Document:
    """A stand-in extraction that shows what the batch layer passed in."""
    return Document(doc_id=f"{doc_id}|{doc_date}|{len(text)}")


def failing_extract(text: str, doc_id: str, doc_date: dt.date | None) -> Document:
    if "boom" in doc_id:
        raise ZeroDivisionError("a bug in a stage")
    return batch.default_extract(text, doc_id, doc_date)


def dying_extract(text: str, doc_id: str, doc_date: dt.date | None) -> Document:
    if doc_id == "die":
        os._exit(3)  # a worker killed mid-article (segfault, OOM killer)
    return tagging_extract(text, doc_id, doc_date)


def test_inputs_in_order_with_doc_ids_and_dates(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path, 7)
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    single = tmp_path / "single.text"
    single.write_text(article(1), encoding="utf-8")
    jsonl = tmp_path / "feed.jsonl"
    jsonl.write_text(
        json.dumps({"id": "x1", "text": "abc", "date": "2021-02-03"})
        + "\n\n"
        + json.dumps({"id": 7, "text": "abcd"})
        + "\n"
        + json.dumps({"text": "ab"})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    summary = batch.run(
        [str(single), str(folder), str(jsonl)],
        out=out,
        workers=1,
        doc_date=dt.date(2020, 1, 1),
        progress=False,
        extract_fn=tagging_extract,
    )
    ids = [json.loads(line)["doc_id"] for line in lines(out)]
    files = sorted(folder.rglob("*.txt"))
    assert ids[0] == f"single|2020-01-01|{len(article(1))}"
    assert [i.split("|")[0] for i in ids[1:8]] == [p.stem for p in files]
    assert ids[8:] == ["x1|2021-02-03|3", "7|2020-01-01|4", "feed:4|2020-01-01|2"]
    assert summary.documents == 11 and summary.errors == 0


def test_output_is_identical_for_any_number_of_workers(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path, 40)
    jsonl = tmp_path / "feed.jsonl"
    jsonl.write_text(
        "".join(
            json.dumps({"id": f"j{i}", "text": article(i)}, ensure_ascii=False) + "\n"
            for i in range(30)
        ),
        encoding="utf-8",
    )
    outputs = []
    for workers in (1, 2, 3):
        out = tmp_path / f"out{workers}.jsonl"
        batch.run([str(folder), str(jsonl)], out=out, workers=workers, progress=False)
        outputs.append(out.read_bytes())
        assert not batch.partial_path(out).exists()
    assert outputs[0] == outputs[1] == outputs[2]
    docs = [Document.model_validate_json(line) for line in outputs[0].decode().splitlines()]
    assert len(docs) == 70


def test_internal_error_becomes_a_record(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path, 6)
    (folder / "boom.txt").write_text(article(0), encoding="utf-8")
    for workers in (1, 2):
        out, errors = tmp_path / f"o{workers}.jsonl", tmp_path / f"e{workers}.jsonl"
        summary = batch.run(
            [str(folder)],
            out=out,
            errors=errors,
            workers=workers,
            progress=False,
            extract_fn=failing_extract,
        )
        assert summary.documents == 6 and summary.errors == 1
        (record,) = [json.loads(line) for line in lines(errors)]
        assert record["kind"] == "internal"
        assert record["path"].endswith("boom.txt")
        assert "ZeroDivisionError: a bug in a stage" in record["message"]


def test_a_dying_worker_loses_nothing_else(tmp_path: Path) -> None:
    jsonl = tmp_path / "feed.jsonl"
    ids = [f"d{i}" for i in range(20)] + ["die"] + [f"e{i}" for i in range(20)]
    jsonl.write_text(
        "".join(json.dumps({"id": i, "text": "abc"}) + "\n" for i in ids), encoding="utf-8"
    )
    out, errors = tmp_path / "o.jsonl", tmp_path / "e.jsonl"
    summary = batch.run(
        [str(jsonl)],
        out=out,
        errors=errors,
        workers=2,
        progress=False,
        extract_fn=dying_extract,
    )
    got = [json.loads(line)["doc_id"].split("|")[0] for line in lines(out)]
    assert got == [i for i in ids if i != "die"]
    (record,) = [json.loads(line) for line in lines(errors)]
    assert record["kind"] == "internal" and record["line"] == 21
    assert summary.errors == 1


def test_recover_partial_drops_a_torn_line(tmp_path: Path) -> None:
    partial = tmp_path / "out.jsonl.partial"
    good = [Document(doc_id=d).model_dump_json() for d in ("a", "b", "a")]
    partial.write_text("\n".join(good) + '\n{"schema_version":"1","doc_', encoding="utf-8")
    done = batch.recover_partial(partial)
    assert done == {"a": 2, "b": 1}
    assert partial.read_text(encoding="utf-8") == "\n".join(good) + "\n"


def test_resume_skips_finished_documents(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path, 12)
    full = tmp_path / "full.jsonl"
    batch.run([str(folder)], out=full, workers=1, progress=False)
    out = tmp_path / "out.jsonl"
    head = lines(full)[:5]
    batch.partial_path(out).write_text("\n".join(head) + "\n" + head[-1][:9], encoding="utf-8")
    summary = batch.run([str(folder)], out=out, workers=2, resume=True, progress=False)
    assert summary.skipped == 5 and summary.documents == 7
    assert out.read_bytes() == full.read_bytes()


_RUNNER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from extractor import batch

    def slow_extract(text, doc_id, doc_date):
        time.sleep(0.01)
        return batch.default_extract(text, doc_id, doc_date)

    if __name__ == "__main__":
        summary = batch.run(
            [sys.argv[1]], out=Path(sys.argv[2]), workers=2,
            resume=sys.argv[3] == "resume", progress=False, extract_fn=slow_extract,
        )
        sys.exit(0 if summary.ok else 1)
    """
)


def test_sigkill_then_resume_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path, 300)
    (tmp_path / "runner.py").write_text(_RUNNER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    runner = [sys.executable, str(tmp_path / "runner.py"), str(folder)]
    full = tmp_path / "full.jsonl"
    subprocess.run([*runner, str(full), "fresh"], env=env, check=True)

    out = tmp_path / "out.jsonl"
    partial = batch.partial_path(out)
    proc = subprocess.Popen([*runner, str(out), "fresh"], env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and proc.poll() is None:
            if partial.exists() and partial.read_bytes().count(b"\n") >= 60:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the run finished before it could be killed"
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert not out.exists()  # the final file appears only when a run completes
    assert 60 <= partial.read_bytes().count(b"\n") < 300

    subprocess.run([*runner, str(out), "resume"], env=env, check=True)
    assert out.read_bytes() == full.read_bytes()
    assert not partial.exists()


def test_stdin_text_and_jsonl(tmp_path: Path) -> None:
    cmd = [sys.executable, "-m", "extractor.cli", "run", "-", "--workers", "1"]
    plain = subprocess.run(
        cmd, input=article(2).encode(), capture_output=True, check=True
    ).stdout.decode()
    assert json.loads(plain)["doc_id"] == "stdin"
    feed = "".join(
        json.dumps({"id": f"s{i}", "text": article(i)}, ensure_ascii=False) + "\n" for i in range(3)
    )
    done = subprocess.run(cmd, input=feed.encode(), capture_output=True, check=True)
    assert [json.loads(x)["doc_id"] for x in done.stdout.decode().splitlines()] == [
        "s0",
        "s1",
        "s2",
    ]
    # One line that is not a JSON object makes the whole input one plain-text article.
    mixed = subprocess.run(
        cmd, input=(feed + "plain words\n").encode(), capture_output=True, check=True
    )
    assert [json.loads(x)["doc_id"] for x in mixed.stdout.decode().splitlines()] == ["stdin"]


def test_progress_bar_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_corpus(tmp_path, 3)
    batch.run([str(folder)], out=tmp_path / "o.jsonl", workers=1, progress=True)
    assert "3 documents, 0 errors" in capsys.readouterr().err


def test_dask_run_equals_local_run(tmp_path: Path) -> None:
    distributed = pytest.importorskip(
        "distributed", reason="dask.distributed is not installed (pip install .[dask])"
    )
    folder = make_corpus(tmp_path, 150)
    (folder / "bad.txt").write_bytes(b"\xff\xfeh\x00i\x00")
    jsonl = tmp_path / "feed.jsonl"
    jsonl.write_text(
        "".join(
            json.dumps({"id": f"j{i}", "text": article(i)}, ensure_ascii=False) + "\n"
            for i in range(40)
        )
        + "{broken\n",
        encoding="utf-8",
    )
    inputs = [str(folder), str(tmp_path / "missing.txt"), str(jsonl)]
    local_out, local_err = tmp_path / "local.jsonl", tmp_path / "local.errors.jsonl"
    batch.run(inputs, out=local_out, errors=local_err, workers=2, progress=False)

    old_units = batch.UNIT_FILES, batch.UNIT_BYTES
    batch.UNIT_FILES, batch.UNIT_BYTES = 16, 4096  # many shards, JSONL slices too
    try:
        with distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster:
            out, err = tmp_path / "dask.jsonl", tmp_path / "dask.errors.jsonl"
            summary = batch.run(
                inputs, out=out, errors=err, dask=cluster.scheduler_address, progress=False
            )
    finally:
        batch.UNIT_FILES, batch.UNIT_BYTES = old_units
    assert out.read_bytes() == local_out.read_bytes()
    assert err.read_bytes() == local_err.read_bytes()
    assert summary.documents == 190 and summary.errors == 3
    assert not (tmp_path / "dask.jsonl.shards").exists()


def test_output_folder_is_created(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, 3)
    out = tmp_path / "new" / "folder" / "out.jsonl"
    batch.run([str(corpus)], out=out, workers=1)
    assert len(lines(out)) == 3
