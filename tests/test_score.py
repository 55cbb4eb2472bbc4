"""The scorer on small hand-made cases: matching rules, one-to-one, figures, output."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.cli import app
from extractor.records import Document, Event, Mention, TradeFlow
from extractor.score import (
    RECORD_TYPES,
    ScoreInputError,
    assign,
    check_baseline,
    load_documents,
    score_documents,
    score_to_json,
)


def _text(start: int, end: int) -> str:
    return "ক" * (end - start)


def mention(start: int, end: int, value: str, kind: str = "number", **kw: Any) -> Mention:
    return Mention.model_validate(
        {"kind": kind, "start": start, "end": end, "text": _text(start, end), "value": value, **kw}
    )


def event(start: int, end: int, date: str, participants: list[str], **kw: Any) -> Event:
    data = {"type": "visit", "start": start, "end": end, "text": _text(start, end)}
    data |= {"date": date, "participants": participants, **kw}
    return Event.model_validate(data)


def trade(start: int, end: int, **kw: Any) -> TradeFlow:
    data: dict[str, Any] = {
        "period": "2011",
        "flow": "export",
        "exporter": "BD",
        "importer": "IN",
        "parties": ["BD", "IN"],
        "value": "1000",
        "currency": "USD",
        "start": start,
        "end": end,
        "text": _text(start, end),
    }
    data.update(kw)
    return TradeFlow.model_validate(data)


def doc(doc_id: str = "d", **records: list[Any]) -> Document:
    return Document(doc_id=doc_id, **records)


def score(gold: list[Document], pred: list[Document]) -> Any:
    return score_documents({d.doc_id: d for d in gold}, {d.doc_id: d for d in pred})


FULL = doc(
    mentions=[
        mention(0, 5, "28100000", kind="money", unit="USD"),
        mention(10, 14, "1983", kind="date"),
        mention(20, 24, "12.5", kind="percent", unit="%"),
    ],
    events=[event(30, 60, "1983", ["MY", "OM"], actor="MY")],
    trade=[trade(0, 5)],
)


def test_perfect_prediction_scores_one_everywhere() -> None:
    result = score([FULL], [FULL])
    for kind in RECORD_TYPES:
        c = result.micro(kind)
        assert (c.precision, c.recall, c.f1) == (1.0, 1.0, 1.0)
        assert result.macro(kind) == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
        assert all(v == 1.0 for v in result.field_accuracy(kind).values())
    assert result.errors() == []


def test_empty_prediction_has_recall_zero_and_precision_na() -> None:
    result = score([FULL], [doc()])
    c = result.micro("mentions")
    assert (c.tp, c.fp, c.fn) == (0, 0, 3)
    assert c.recall == 0.0
    assert c.precision is None  # nothing predicted: n/a, not 0 and not 1
    assert c.f1 == 0.0
    assert {e.error for e in result.errors()} == {"missed"}
    assert len(result.errors()) == 5


def test_no_records_on_either_side_is_na() -> None:
    result = score([doc()], [doc()])
    c = result.micro("events")
    assert (c.precision, c.recall, c.f1) == (None, None, None)
    assert result.macro("events")["f1"] is None


def test_missing_document_counts_as_missed_and_extra_is_ignored() -> None:
    other = doc("other", mentions=[mention(0, 2, "5")])
    extra = doc("extra", mentions=[mention(0, 2, "7")])
    result = score([FULL, other], [FULL, extra])
    assert result.missing_documents == ["other"]
    assert result.extra_documents == ["extra"]
    c = result.micro("mentions")
    assert (c.tp, c.fp, c.fn) == (3, 0, 1)
    per_doc = {d.doc_id: d for d in result.documents}
    assert per_doc["other"].missing
    assert per_doc["other"].types["mentions"].counts.recall == 0.0
    # Macro: the mean of the two documents' F1 (1.0 and 0.0).
    assert result.macro("mentions")["f1"] == 0.5


def test_duplicate_prediction_is_spurious() -> None:
    m = mention(0, 4, "30000", kind="quantity", unit="পর্যটক")
    result = score([doc(mentions=[m])], [doc(mentions=[m, m])])
    c = result.micro("mentions")
    assert (c.tp, c.fp, c.fn) == (1, 1, 0)
    [err] = result.errors()
    assert err.error == "spurious" and err.pred_index == 1


def test_one_prediction_overlapping_two_gold_matches_once() -> None:
    gold = doc(mentions=[mention(0, 4, "7"), mention(6, 10, "7")])
    pred = doc(mentions=[mention(2, 8, "7")])
    c = score([gold], [pred]).micro("mentions")
    assert (c.tp, c.fp, c.fn) == (1, 0, 1)


def test_matching_is_maximum_where_nearest_first_would_fail() -> None:
    # Nearest-first greedy pairs X with A (distance 0) and leaves Y and B alone;
    # the maximum matching pairs X with B and Y with A.
    gold = doc(mentions=[mention(0, 20, "1"), mention(19, 30, "1")])  # A, B
    pred = doc(mentions=[mention(0, 20, "1"), mention(18, 19, "1")])  # X, Y
    result = score([gold], [pred])
    c = result.micro("mentions")
    assert (c.tp, c.fp, c.fn) == (2, 0, 0)


def test_strict_match_prefers_overlapping_then_nearest() -> None:
    e = event(100, 120, "1983", ["OM"])
    far, near = event(10, 20, "1983", ["OM"]), event(101, 119, "1983", ["OM"])
    result = score([doc(events=[e])], [doc(events=[far, near])])
    tr = result.documents[0].types["events"]
    assert tr.matched == [(0, 1)]
    # Events and trade match without overlap: only a span-less pair is left.
    result = score([doc(events=[e])], [doc(events=[far])])
    assert result.micro("events").tp == 1


def test_decimal_values_compare_exactly() -> None:
    gold = doc(mentions=[mention(0, 5, "28100000", kind="money", unit="USD")])
    same = doc(mentions=[mention(0, 5, "28100000.0", kind="money", unit="USD")])
    near = doc(mentions=[mention(0, 5, "28100000.01", kind="money", unit="USD")])
    assert score([gold], [same]).micro("mentions").tp == 1
    assert score([gold], [near]).micro("mentions").tp == 0


def test_money_needs_the_same_currency_and_kinds_must_agree() -> None:
    gold = doc(mentions=[mention(0, 5, "100", kind="money", unit="USD")])
    bdt = doc(mentions=[mention(0, 5, "100", kind="money", unit="BDT")])
    number = doc(mentions=[mention(0, 5, "100")])
    for pred, wrong in ((bdt, ["unit"]), (number, ["kind", "unit"])):
        result = score([gold], [pred])
        assert result.micro("mentions").tp == 0
        [err] = result.errors()
        assert err.error == "mismatch" and list(err.fields) == wrong


def test_disjoint_spans_do_not_match_mentions() -> None:
    result = score([doc(mentions=[mention(0, 4, "5")])], [doc(mentions=[mention(4, 8, "5")])])
    assert result.micro("mentions").tp == 0
    assert sorted(e.error for e in result.errors()) == ["missed", "spurious"]


def test_partial_date_is_a_miss() -> None:
    gold = doc(mentions=[mention(0, 8, "2011-03", kind="date")])
    pred = doc(mentions=[mention(0, 8, "2011", kind="date")])
    result = score([gold], [pred])
    c = result.micro("mentions")
    assert (c.tp, c.fp, c.fn) == (0, 1, 1)
    [err] = result.errors()
    assert err.error == "mismatch" and err.fields == ("value",)
    assert result.field_accuracy("mentions")["value"] == 0.0
    assert result.field_accuracy("mentions")["kind"] == 1.0


def test_event_participants_are_a_set_and_date_must_be_equal() -> None:
    gold = doc(events=[event(0, 10, "1971-12-06", ["BD", "IN"], actor="IN")])
    wrong_actor = doc(events=[event(0, 10, "1971-12-06", ["BD", "IN"], actor="BD")])
    wrong_date = doc(events=[event(0, 10, "1971-12", ["BD", "IN"], actor="IN")])
    assert score([gold], [wrong_actor]).micro("events").tp == 1  # actor is not strict
    result = score([gold], [wrong_date])
    assert result.micro("events").tp == 0
    assert result.field_accuracy("events")["actor"] == 1.0
    assert result.field_accuracy("events")["date"] == 0.0


def test_trade_wrong_importer_shows_as_field_error() -> None:
    gold = doc(trade=[trade(0, 6), trade(20, 26, value="2000")])
    pred = doc(
        trade=[trade(0, 6, importer="CN", parties=["BD", "CN"]), trade(20, 26, value="2000")]
    )
    result = score([gold], [pred])
    c = result.micro("trade")
    assert (c.tp, c.fp, c.fn) == (1, 1, 1)
    [err] = result.errors()
    assert err.error == "mismatch"
    assert err.fields == ("importer", "parties")
    acc = result.field_accuracy("trade")
    assert acc["importer"] == 0.5 and acc["value"] == 1.0 and acc["exporter"] == 1.0


def test_span_alignment_takes_most_overlap() -> None:
    gold = doc(mentions=[mention(0, 10, "5")])
    pred = doc(mentions=[mention(0, 3, "6"), mention(1, 10, "7")])
    [mismatch, spurious] = sorted(score([gold], [pred]).errors(), key=lambda e: e.error)
    assert mismatch.error == "mismatch" and mismatch.pred_index == 1
    assert spurious.error == "spurious" and spurious.pred_index == 0


def test_json_output_structure() -> None:
    result = score([FULL, doc("gone")], [doc(mentions=FULL.mentions[:2])])
    data = json.loads(json.dumps(score_to_json(result)))
    assert set(data) == {
        "version",
        "documents_scored",
        "missing_documents",
        "extra_documents",
        "scores",
        "fields",
        "documents",
        "errors",
    }
    assert data["version"] == 1 and data["documents_scored"] == 2
    assert data["missing_documents"] == ["gone"]
    assert set(data["scores"]) == set(RECORD_TYPES)
    micro = data["scores"]["mentions"]["micro"]
    assert micro == {"tp": 2, "fp": 0, "fn": 1, "precision": 1.0, "recall": 2 / 3, "f1": 0.8}
    assert set(data["scores"]["trade"]["macro"]) == {"precision", "recall", "f1"}
    assert data["fields"]["mentions"]["aligned"] == 2
    assert set(data["fields"]["trade"]["accuracy"]) >= {"importer", "value", "period"}
    assert [d["doc_id"] for d in data["documents"]] == ["d", "gone"]
    assert data["documents"][1]["scores"]["events"]["f1"] is None
    missed = [e for e in data["errors"] if e["type"] == "mentions"]
    assert missed == [
        {
            "doc_id": "d",
            "type": "mentions",
            "error": "missed",
            "fields": [],
            "gold": FULL.mentions[2].model_dump(mode="json"),
            "pred": None,
            "gold_index": 2,
            "pred_index": None,
        }
    ]


def _write(folder: Path, docs: list[Document]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for d in docs:
        (folder / f"{d.doc_id}.json").write_text(d.to_json(), encoding="utf-8")


def test_load_folder_and_jsonl(tmp_path: Path) -> None:
    _write(tmp_path / "gold", [FULL, doc("x")])
    lines = tmp_path / "pred.jsonl"
    lines.write_text(FULL.to_json() + "\n\n" + doc("x").to_json() + "\n", encoding="utf-8")
    assert load_documents(tmp_path / "gold") == load_documents(lines)
    lines.write_text(FULL.to_json() + "\n" + FULL.to_json() + "\n", encoding="utf-8")
    with pytest.raises(ScoreInputError, match="more than once"):
        load_documents(lines)
    lines.write_text("{", encoding="utf-8")
    with pytest.raises(ScoreInputError, match=":1:"):
        load_documents(lines)


def test_baseline_check() -> None:
    pred = doc(mentions=FULL.mentions[:1])  # mentions F1 0.5
    result = score([FULL], [pred])
    floors = {"corpus": {"mentions": 0.6, "events": 0, "trade": 0}, "dev": {"mentions": 0.5}}
    [message] = check_baseline(result, floors, "corpus")
    assert "corpus mentions micro F1 0.5000" in message and "0.6" in message
    assert check_baseline(result, floors, "dev") == []
    assert check_baseline(result, floors, "other") == ["baseline has no section 'other'"]


def test_cli_score_baseline_exit_codes(tmp_path: Path) -> None:
    _write(tmp_path / "gold", [FULL])
    pred = tmp_path / "pred.jsonl"
    pred.write_text(doc(mentions=FULL.mentions[:1]).to_json() + "\n", encoding="utf-8")
    base = tmp_path / "baseline.json"
    base.write_text(json.dumps({"corpus": {"mentions": 0.9}, "dev": {"mentions": 0}}))
    runner = CliRunner()
    args = ["score", str(tmp_path / "gold"), str(pred), "--baseline", str(base)]
    failed = runner.invoke(app, args)
    assert failed.exit_code == 1
    assert "mentions micro F1 0.5000 is below the baseline 0.9" in failed.output
    passed = runner.invoke(app, [*args, "--baseline-key", "dev", "--json"])
    assert passed.exit_code == 0
    assert json.loads(passed.stdout)["scores"]["mentions"]["micro"]["tp"] == 1
    shown = runner.invoke(app, ["score", str(tmp_path / "gold"), str(pred)])
    assert shown.exit_code == 0
    assert "MISSED" in shown.stdout and "mentions" in shown.stdout


def _brute_force(n: int, m: int, table: dict[tuple[int, int], int | None]) -> tuple[int, int]:
    for size in range(min(n, m), -1, -1):
        costs = [
            sum(table[p] or 0 for p in zip(rows, cols, strict=True))
            for rows in itertools.combinations(range(n), size)
            for cols in itertools.permutations(range(m), size)
            if all(table[p] is not None for p in zip(rows, cols, strict=True))
        ]
        if costs:
            return size, min(costs)
    return 0, 0


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 4), st.integers(0, 4), st.data())
def test_assign_is_a_maximum_matching_of_least_cost(n: int, m: int, data: st.DataObject) -> None:
    cell = st.one_of(st.none(), st.integers(0, 6))
    table = {(i, j): data.draw(cell) for i in range(n) for j in range(m)}
    pairs = assign(n, m, lambda i, j: table[i, j])
    assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
    assert all(table[p] is not None for p in pairs)
    assert (len(pairs), sum(table[p] or 0 for p in pairs)) == _brute_force(n, m, table)


def test_cli_refuses_empty_gold_and_bad_baseline(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    pred = tmp_path / "pred.jsonl"
    pred.write_text(FULL.to_json() + "\n", encoding="utf-8")
    runner = CliRunner()
    empty = runner.invoke(app, ["score", str(tmp_path / "gold"), str(pred)])
    assert empty.exit_code == 2 and "no gold documents" in empty.output
    result = score([FULL], [FULL])
    assert check_baseline(result, {"corpus": {"trade": "high"}}, "corpus") == [
        "baseline corpus.trade is not a number: 'high'"
    ]


def test_cli_writes_html_with_texts(tmp_path: Path) -> None:
    text = "মোট ১০০ টাকা <b>"
    # The report marks the article by offsets; the record's own text is not used there.
    gold = doc("a", mentions=[mention(4, 12, "100", kind="money", unit="BDT")])
    _write(tmp_path / "gold", [gold])
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text(text, encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(doc("a").to_json() + "\n", encoding="utf-8")
    page = tmp_path / "report.html"
    args = ["score", str(tmp_path / "gold"), str(pred), "--html", str(page)]
    ran = CliRunner().invoke(app, [*args, "--texts", str(tmp_path / "texts")])
    assert ran.exit_code == 0, ran.output
    html = page.read_text(encoding="utf-8")
    assert 'class="mentions missed"' in html and "&lt;b&gt;" in html
