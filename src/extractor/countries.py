"""Country names, aliases, adjectives and capitals -> ISO 3166-1 (being written: issue 3)."""

from __future__ import annotations

from extractor.matches import CountryMatch


def find_countries(text: str) -> list[CountryMatch]:
    """Country references in a normalized text, in order."""
    return []
