"""The whole flow for one article: text -> contract Document.

text ──normalize──▶ NormText (NFC + offset map)
     ──countries──▶ CountryMatch
     ──dates / amounts──▶ Found (mentions, normalized offsets; a bare রিয়াল reads
                                 the countries)
     ──events / trade──▶ Event, TradeFlow
     ──records──▶ Document (validated against the text)
"""

from __future__ import annotations

import datetime as dt

from extractor import countries, events, mentions, trade
from extractor.records import Document
from extractor.text import normalize, sentences


def extract(text: str, doc_id: str = "doc", doc_date: dt.date | None = None) -> Document:
    """Extract mentions, dated events and trade flows from one article's text.

    ``text`` is the article as read (records.md: decoded UTF-8, BOM removed);
    every offset in the result points into it. ``doc_date`` (the publication
    date, when known) resolves expressions such as `গত বছর`.
    """
    if text.startswith("\ufeff"):
        raise ValueError("remove the BOM before extraction (offsets count from after it)")
    nt = normalize(text)
    sents = sentences(nt.text)
    found_countries = countries.find_countries(nt.text)
    found = mentions.find(nt.text, doc_date, found_countries)
    data = {
        "doc_id": doc_id,
        "mentions": mentions.record_data(nt, found),
        "events": [e.model_dump() for e in events.find_events(nt, sents, found, found_countries)],
        "trade": [t.model_dump() for t in trade.find_trade(nt, sents, found, found_countries)],
    }
    # One validation of every record, offsets checked against the article: an
    # invalid record is a bug, never written out.
    return Document.model_validate(data, context={"text": text})
