"""Helpers for stage tests: hand-built mentions located by substring in normalized text."""

from __future__ import annotations

from decimal import Decimal

from extractor.matches import Found
from extractor.text import NormText, normalize


def mention(nt: NormText, piece: str, kind: str, value: str, unit: str | None = None) -> Found:
    """A Found covering the first occurrence of ``piece`` (normalized) in ``nt.text``."""
    norm = normalize(piece).text
    start = nt.text.index(norm)
    val: str | Decimal = value if kind == "date" else Decimal(value)
    return Found(start, start + len(norm), kind, val, unit)  # type: ignore[arg-type]
