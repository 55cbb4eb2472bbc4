"""Internal match objects passed between stages, in normalized-text coordinates.

Stages find things in :attr:`extractor.text.NormText.text`; only the final step
turns them into contract records with offsets into the text as read.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

Kind = Literal["date", "money", "percent", "quantity", "number"]


@dataclass(frozen=True, slots=True)
class Found:
    """A number-bearing expression: a future Mention (normalized offsets).

    ``value`` is an EDTF string for dates and an exact Decimal for all other kinds.
    """

    start: int
    end: int
    kind: Kind
    value: str | Decimal
    unit: str | None = None
    approximate: bool = False
    warning: str | None = None


@dataclass(frozen=True, slots=True)
class CountryMatch:
    """A word naming a country (or its capital, adjective, demonym), normalized offsets."""

    start: int
    end: int
    code: str
    form: str  # the word's ending class: "gen" (X-এর), "loc" (X-এ), "obj" (X-কে), "adj", "base"
