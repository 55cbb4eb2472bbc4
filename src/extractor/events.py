"""Dated events (being written: issue 3)."""

from __future__ import annotations

from extractor.matches import CountryMatch, Found
from extractor.records import Event
from extractor.text import NormText, Sentence


def find_events(
    nt: NormText, sents: list[Sentence], found: list[Found], countries: list[CountryMatch]
) -> list[Event]:
    """Dated events stated in the article."""
    return []
