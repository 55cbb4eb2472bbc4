"""Run the example corpora in tests/examples/*.yaml (format: tests/examples/README.md)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from extractor.pipeline import extract

EXAMPLES = Path(__file__).parent / "examples"


def _split_marked(text: str) -> tuple[str, int, int]:
    """Remove the [ ] marks; return text and the marked span (whole text if unmarked)."""
    if "[" not in text:
        return text, 0, len(text)
    start = text.index("[")
    end = text.index("]", start) - 1
    plain = text[:start] + text[start + 1 : end + 1] + text[end + 2 :]
    return plain, start, end


def _cases() -> list[Any]:
    cases = []
    for path in sorted(EXAMPLES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for entry in data.get("examples", []):
            for raw in entry["texts"]:
                cases.append(pytest.param(path.stem, entry, raw, None, id=f"{path.stem}:{raw}"))
        kinds = {e["value"]["kind"] for e in data.get("examples", [])}
        for raw in data.get("negative", []):
            cases.append(pytest.param(path.stem, None, raw, kinds, id=f"{path.stem}:NOT:{raw}"))
    return cases


def _value_equal(expected: dict[str, Any], got: Any) -> bool:
    if expected["kind"] == "date":
        return bool(got.value == str(expected["value"]))
    return bool(got.decimal is not None and got.decimal == Decimal(str(expected["value"])))


@pytest.mark.parametrize(("corpus", "entry", "raw", "neg_kinds"), _cases())
def test_example(corpus: str, entry: Any, raw: str, neg_kinds: set[str] | None) -> None:
    if entry is None:
        doc = extract(raw, doc_id="neg")
        bad = [m for m in doc.mentions if m.kind in (neg_kinds or set())]
        assert not bad, f"expected no {sorted(neg_kinds or [])} mention, got {bad}"
        return
    context = entry.get("context", "")
    text, start, end = _split_marked(raw)
    text = context + text
    start += len(context)
    end += len(context)
    doc_date = entry.get("doc_date")
    doc = extract(
        text, doc_id="ex", doc_date=dt.date.fromisoformat(str(doc_date)) if doc_date else None
    )
    expected = entry["value"]
    covering = [m for m in doc.mentions if m.start == start and m.end == end]
    assert len(covering) == 1, (
        f"expected one mention at {start}:{end} {text[start:end]!r}, got "
        f"{[(m.kind, m.text, str(m.value)) for m in doc.mentions]}"
    )
    got = covering[0]
    assert got.kind == expected["kind"], got
    assert _value_equal(expected, got), f"value {got.value} != {expected['value']}"
    if expected["kind"] not in ("date", "number"):
        assert got.unit == expected.get("unit"), f"unit {got.unit} != {expected.get('unit')}"
    assert got.approximate == bool(expected.get("approximate", False)), got
