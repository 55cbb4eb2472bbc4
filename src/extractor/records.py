"""The record contract (../shared/spec/records.md, version 1) as pydantic models.

These models are the one source of the contract: the pipeline builds its output
with them, gold files are read with them, and `extractor schema` prints their
JSON Schema. Every model is frozen and forbids unknown fields; values are
validated at construction, so an invalid record can never be written out.

Offsets are checked against the article when a validation context carries the
text: ``Document.model_validate(data, context={"text": text})``.
"""

from __future__ import annotations

import functools
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

import regex
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    ValidationInfo,
    model_validator,
)

SCHEMA_VERSION = "1"

# Country codes that ISO 3166-3 keeps for historical states which Bengali
# history articles name (the Soviet Union is `SU` per annotation.md).
_HISTORIC_COUNTRIES = frozenset({"SU", "YU", "CS", "DD", "ZR"})


@functools.cache
def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes known to CLDR (through babel), plus historic ones."""
    from babel import Locale

    codes = {
        c
        for c in Locale("en").territories
        if isinstance(c, str) and len(c) == 2 and c.isalpha() and c.isupper()
    }
    # CLDR lists a few pseudo/macro regions with two letters that are not countries.
    codes -= {"EU", "EZ", "UN", "QO", "XA", "XB", "XK", "ZZ"}
    return frozenset(codes | _HISTORIC_COUNTRIES)


@functools.cache
def currency_codes() -> frozenset[str]:
    """ISO 4217 codes known to CLDR (through babel)."""
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def _check_country(code: str) -> str:
    if code not in country_codes():
        raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-2 country code")
    return code


def _check_currency(code: str) -> str:
    if code not in currency_codes():
        raise ValueError(f"{code!r} is not an ISO 4217 currency code")
    return code


# EDTF level 0/1 as used by the contract: a year, year-month or full date, with
# unspecified digits (X), a decade (199X) and intervals of two such dates.
_EDTF_PART = r"(?:\d{4}|\d{3}X|\d{2}XX|XXXX)(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?)?"
_EDTF_RE = regex.compile(rf"^{_EDTF_PART}(?:/{_EDTF_PART})?$")


def _check_month_day(part: str) -> None:
    pieces = part.split("-")
    if len(pieces) >= 2 and "X" not in pieces[1] and not 1 <= int(pieces[1]) <= 12:
        raise ValueError(f"month {pieces[1]} out of range in {part!r}")
    if len(pieces) == 3 and "X" not in pieces[2] and not 1 <= int(pieces[2]) <= 31:
        raise ValueError(f"day {pieces[2]} out of range in {part!r}")


def check_edtf(value: str) -> str:
    """Validate an EDTF (level 0/1) date or interval string; return it unchanged."""
    if not _EDTF_RE.match(value):
        raise ValueError(f"{value!r} is not an EDTF date or interval")
    for part in value.split("/"):
        _check_month_day(part)
    return value


def _check_decimal(value: Any) -> Decimal:
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{value!r} is not a finite number")
        return value
    if isinstance(value, float):
        raise ValueError("numbers must be exact decimals (strings), not floats")
    try:
        dec = Decimal(str(value))
    except InvalidOperation as exc:
        raise ValueError(f"{value!r} is not a decimal number") from exc
    if not dec.is_finite():
        raise ValueError(f"{value!r} is not a finite number")
    return dec


def format_decimal(value: Decimal) -> str:
    """Plain decimal string: no exponent, no grouping, no trailing zeros beyond those given."""
    text = format(value, "f")
    return text


Country = Annotated[str, AfterValidator(_check_country)]
Currency = Annotated[str, AfterValidator(_check_currency)]
EDTF = Annotated[str, AfterValidator(check_edtf)]
ExactDecimal = Annotated[
    Decimal,
    AfterValidator(_check_decimal),
    PlainSerializer(format_decimal, return_type=str, when_used="always"),
    Field(json_schema_extra={"type": "string", "pattern": r"^-?\d+(\.\d+)?$"}),
]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class _Spanned(_Record):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str = Field(min_length=1)

    @model_validator(mode="after")
    def _check_span(self, info: ValidationInfo) -> _Spanned:
        if self.end <= self.start:
            raise ValueError(f"end {self.end} must be greater than start {self.start}")
        if self.end - self.start != len(self.text):
            raise ValueError(
                f"span {self.start}:{self.end} has length {self.end - self.start} "
                f"but text has length {len(self.text)}"
            )
        doc_text = info.context.get("text") if isinstance(info.context, dict) else None
        if doc_text is not None:
            found = doc_text[self.start : self.end]
            if found != self.text:
                raise ValueError(
                    f"text {self.text!r} does not match the article at "
                    f"{self.start}:{self.end} ({found!r})"
                )
        return self


class Mention(_Spanned):
    """Every number-bearing expression (records.md, 'Mention')."""

    kind: Literal["date", "money", "percent", "quantity", "number"]
    value: str | ExactDecimal
    unit: str | None = None
    approximate: bool = False
    warning: str | None = Field(default=None, description="optional: why the value is uncertain")

    @model_validator(mode="before")
    @classmethod
    def _coerce_value(cls, data: Any) -> Any:
        # Dates keep their EDTF string; every other kind holds an exact decimal.
        if isinstance(data, dict) and "value" in data:
            value = data["value"]
            if data.get("kind") == "date":
                checked: str | Decimal = check_edtf(str(value))
            else:
                checked = _check_decimal(value)
            if checked is not value:
                data = {**data, "value": checked}
        return data

    @model_validator(mode="after")
    def _check_unit(self) -> Mention:
        if self.kind == "money":
            _check_currency(self.unit or "")
        elif self.kind == "percent" and self.unit != "%":
            raise ValueError("a percent mention has unit '%'")
        elif self.kind in ("date", "number") and self.unit is not None:
            raise ValueError(f"a {self.kind} mention has no unit")
        return self

    @property
    def decimal(self) -> Decimal | None:
        return self.value if isinstance(self.value, Decimal) else None


EventType = Literal["relations_established", "mission_opened", "agreement_signed", "visit", "other"]


def _sorted_unique(codes: list[str]) -> list[str]:
    if codes != sorted(set(codes)):
        raise ValueError(f"codes must be sorted and unique, got {codes}")
    return codes


class Event(_Spanned):
    """A happening placed at a calendar time (records.md, 'Event')."""

    type: EventType
    date: EDTF
    participants: Annotated[list[Country], AfterValidator(_sorted_unique)] = Field(min_length=1)
    actor: Country | None = None


class TradeFlow(_Spanned):
    """A traded value between economies (records.md, 'TradeFlow')."""

    period: EDTF
    flow: Literal["total", "export", "import"]
    exporter: Country | None = None
    importer: Country | None = None
    parties: Annotated[list[Country], AfterValidator(_sorted_unique)]
    value: ExactDecimal
    currency: Currency
    approximate: bool = False

    @model_validator(mode="after")
    def _check_parties(self) -> TradeFlow:
        if self.flow == "total":
            if self.exporter is not None or self.importer is not None:
                raise ValueError("a total flow has no exporter or importer")
        else:
            named = {c for c in (self.exporter, self.importer) if c}
            if not named <= set(self.parties):
                raise ValueError("exporter and importer must be among the parties")
        return self


class Document(_Record):
    """One article's records (records.md, 'One document')."""

    schema_version: Literal["1"] = "1"
    doc_id: str = Field(min_length=1)
    events: list[Event] = Field(default_factory=list)
    trade: list[TradeFlow] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)

    def to_json(self, indent: int | None = None) -> str:
        return self.model_dump_json(indent=indent)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of one output document (what `extractor schema` prints)."""
    return Document.model_json_schema(mode="serialization")
