"""Gold validation: every problem named by file, record and field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from extractor.cli import app
from extractor.validate import Problem, validate_file, validate_paths

ARTICLE = "মোট ১০০ টাকা, ২০১১ সালে।"


def _mention(sub: str, kind: str, value: str, **kw: Any) -> dict[str, Any]:
    start = ARTICLE.index(sub)
    return {
        "kind": kind,
        "start": start,
        "end": start + len(sub),
        "text": sub,
        "value": value,
        **kw,
    }


GOOD: dict[str, Any] = {
    "schema_version": "1",
    "doc_id": "a",
    "mentions": [
        _mention("১০০ টাকা", "money", "100", unit="BDT"),
        _mention("২০১১ সালে", "date", "2011"),
    ],
    "events": [
        {"type": "visit", "date": "2011", "participants": ["BD", "IN"], "actor": "IN"}
        | {"start": 0, "end": len(ARTICLE), "text": ARTICLE}
    ],
    "trade": [],
}


def _setup(tmp_path: Path, files: dict[str, str | dict[str, Any]]) -> Path:
    gold = tmp_path / "gold"
    gold.mkdir()
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    for name, content in files.items():
        text = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
        (gold / name).write_text(text, encoding="utf-8")
    return gold


def test_good_file_has_no_problems_with_default_corpus(tmp_path: Path) -> None:
    gold = _setup(tmp_path, {"a.json": GOOD})
    assert validate_paths([gold]) == []


def test_every_problem_is_named(tmp_path: Path) -> None:
    bad = json.loads(json.dumps(GOOD))
    bad["mentions"][0]["unit"] = "XXY"  # not ISO 4217
    bad["mentions"].append(dict(bad["mentions"][1], value="2011-XX"))  # same kind and span
    bad["mentions"].append(dict(bad["mentions"][1], value="2011-13"))  # not a valid month
    bad["mentions"].append(_mention("১০০", "number", "100") | {"start": 0, "end": 3})
    bad["events"][0]["participants"] = ["IN", "BD"]  # not sorted
    bad["events"][0]["kind"] = "visit"  # unknown field
    bad["trade"] = [
        {"period": "2011", "flow": "total", "exporter": "BD", "parties": ["BD", "IN"]}
        | {"value": "1", "currency": "USD", "start": 4, "end": 12, "text": "১০০ টাকা"}
    ]
    gold = _setup(tmp_path, {"a.json": bad})
    found = {(p.record, p.field) for p in validate_file(gold / "a.json")}
    assert found == {
        ("mentions[0]", "unit"),
        ("mentions[2]", None),  # same kind and span as mentions[1]
        ("mentions[3]", "value"),
        ("mentions[4]", "text"),  # not the article's text at its offsets
        ("events[0]", "participants"),
        ("events[0]", "kind"),
        ("trade[0]", "exporter"),
    }
    problems = validate_file(gold / "a.json")
    shown = [str(p) for p in problems]
    assert all(s.startswith(str(gold / "a.json") + ": ") for s in shown)
    assert f"{gold / 'a.json'}: mentions[2]: same kind and span as mentions[1]" in shown
    assert any("mentions[0].unit: 'XXY' is not an ISO 4217" in s for s in shown)
    assert any(
        "mentions[4].text: '১০০' is not the article's text at 0:3 ('মোট')" in s for s in shown
    )


def test_file_level_problems(tmp_path: Path) -> None:
    gold = _setup(
        tmp_path,
        {
            "a.json": dict(GOOD, doc_id="b"),
            "broken.json": '{"doc_id": "broken",',
            "list.json": "[]",
        },
    )
    problems = validate_paths([gold])
    assert (
        Problem(str(gold / "a.json"), None, "doc_id", "'b' differs from the file name 'a'")
        in problems
    )
    [broken] = [p for p in problems if p.file.endswith("broken.json")]
    assert "invalid JSON" in broken.message and "line 1" in broken.message
    [listed] = [p for p in problems if p.file.endswith("list.json")]
    assert "one JSON object" in listed.message


def test_missing_article_and_out_of_range_span(tmp_path: Path) -> None:
    far = dict(GOOD, mentions=[_mention("২০১১ সালে", "date", "2011") | {"start": 90, "end": 99}])
    gold = _setup(tmp_path, {"a.json": far, "z.json": dict(GOOD, doc_id="z")})
    problems = validate_paths([gold])
    assert any(p.record == "mentions[0]" and "outside the article" in p.message for p in problems)
    [missing] = [p for p in problems if p.file.endswith("z.json")]
    assert "no article" in missing.message and "z.txt" in missing.message
    # --texts points elsewhere.
    other = tmp_path / "texts"
    other.mkdir()
    (other / "z.txt").write_text(ARTICLE, encoding="utf-8")
    assert validate_file(gold / "z.json", texts=other) == []


def test_cli_exit_codes(tmp_path: Path) -> None:
    gold = _setup(tmp_path, {"a.json": GOOD})
    runner = CliRunner()
    ok = runner.invoke(app, ["validate", str(gold)])
    assert ok.exit_code == 0, ok.output
    (gold / "b.json").write_text(json.dumps(dict(GOOD, doc_id="b", trade="x")), encoding="utf-8")
    bad = runner.invoke(app, ["validate", str(gold / "a.json"), str(gold / "b.json")])
    assert bad.exit_code == 1
    assert f"{gold / 'b.json'}: trade:" in bad.stdout
    assert f"{gold / 'b.json'}: no article" in bad.stdout
