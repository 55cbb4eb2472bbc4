"""Trade flows (being written: issue 3)."""

from __future__ import annotations

from extractor.matches import CountryMatch, Found
from extractor.records import TradeFlow
from extractor.text import NormText, Sentence


def find_trade(
    nt: NormText, sents: list[Sentence], found: list[Found], countries: list[CountryMatch]
) -> list[TradeFlow]:
    """Trade flows stated in the article."""
    return []
