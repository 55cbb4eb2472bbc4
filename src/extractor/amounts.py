"""Money, percent, quantity and number mentions (being written: see issue 2)."""

from __future__ import annotations

from extractor.matches import Found


def find_amounts(text: str) -> list[Found]:
    """Amount mentions of a normalized text, in order."""
    return []
