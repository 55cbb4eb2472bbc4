"""The contract models: validation, serialization, schema file."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import ValidationError

from extractor.records import Document, Event, Mention, TradeFlow, check_edtf, json_schema

SCHEMA_FILE = Path(__file__).parents[1] / "src/extractor/schema/document.schema.json"


def _mention(**kw: object) -> Mention:
    base: dict[str, object] = {
        "kind": "money",
        "start": 0,
        "end": 4,
        "text": "১ টা",
        "value": "1",
        "unit": "BDT",
    }
    base.update(kw)
    return Mention.model_validate(base)


def test_schema_file_is_current() -> None:
    on_disk = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert on_disk == json_schema(), (
        "run: extractor schema > src/extractor/schema/document.schema.json"
    )


@pytest.mark.parametrize(
    "value",
    [
        "1983",
        "2011-03",
        "2011-03-15",
        "199X",
        "XXXX-12-29",
        "2020/2021",
        "2023-07/2023-12",
        "XXXX-01/XXXX-06",
        "XXXX-12-01/XXXX-12-28",
    ],
)
def test_edtf_accepts(value: str) -> None:
    assert check_edtf(value) == value


@pytest.mark.parametrize("value", ["83", "2011-13", "2011-02-32", "2011/3", "1983-", "today", ""])
def test_edtf_rejects(value: str) -> None:
    with pytest.raises(ValueError):
        check_edtf(value)


def test_decimal_values_are_exact_and_serialize_plain() -> None:
    m = _mention(value="28100000.0")
    assert m.value == Decimal("28100000")
    assert json.loads(m.model_dump_json())["value"] == "28100000.0"
    assert json.loads(_mention(value=Decimal("2.81E+7")).model_dump_json())["value"] == "28100000"


def test_float_values_are_refused() -> None:
    with pytest.raises(ValidationError):
        _mention(value=28.1)


@pytest.mark.parametrize(
    "change",
    [
        {"unit": "XYZ"},  # not ISO 4217
        {"unit": None},  # money without currency
        {"end": 3},  # span length differs from text
        {"kind": "percent", "unit": "BDT"},
        {"kind": "date", "value": "1983-1", "unit": None},
        {"extra": 1},  # extra fields forbidden
    ],
)
def test_invalid_mentions_are_refused(change: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        _mention(**change)


def test_offsets_checked_against_text() -> None:
    data = {"doc_id": "d", "mentions": [_mention().model_dump()]}
    Document.model_validate(data, context={"text": "১ টা বাকি"})
    with pytest.raises(ValidationError, match="does not match"):
        Document.model_validate(data, context={"text": "২ টা বাকি"})


def test_event_codes_and_sorting() -> None:
    ok = {
        "type": "visit",
        "date": "2011",
        "participants": ["MY", "OM"],
        "actor": "OM",
        "start": 0,
        "end": 1,
        "text": "x",
    }
    Event.model_validate(ok)
    for bad in (
        {"participants": ["OM", "MY"]},
        {"participants": ["XX"]},
        {"actor": "om"},
        {"type": "war"},
        {"date": "1983-00"},
    ):
        with pytest.raises(ValidationError):
            Event.model_validate({**ok, **bad})


def test_trade_flow_rules() -> None:
    ok = {
        "period": "1995",
        "flow": "export",
        "exporter": "OM",
        "importer": "MY",
        "parties": ["MY", "OM"],
        "value": "26400000",
        "currency": "USD",
        "start": 0,
        "end": 1,
        "text": "x",
    }
    assert TradeFlow.model_validate(ok).value == Decimal(26400000)
    with pytest.raises(ValidationError):
        TradeFlow.model_validate({**ok, "flow": "total"})  # total has no direction
    with pytest.raises(ValidationError):
        TradeFlow.model_validate({**ok, "parties": ["OM"]})  # importer not a party
    TradeFlow.model_validate({**ok, "flow": "total", "exporter": None, "importer": None})


def test_records_are_frozen() -> None:
    m = _mention()
    with pytest.raises(ValidationError):
        m.start = 3  # type: ignore[misc]
