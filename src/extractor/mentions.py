"""Mentions: every number-bearing expression, from the date and amount stages.

Dates (dates.py) and amounts (amounts.py) are found separately on the
normalized text; where they overlap, the reading that the words around the
number support wins: a money or percent amount beats a date (`৯৫.৬ কোটি` is no
year), a date beats a bare number or a counted quantity (`১৯৮৩ সালে`,
`ছয় মাস পর` anchored to a dated event).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools

from extractor import amounts, dates
from extractor.matches import CountryMatch, Found
from extractor.records import Mention
from extractor.text import NormText

_STRONG_AMOUNTS = ("money", "percent")


class _Blockers:
    """Answers "does a span overlap any of these?" in O(log n): sorted starts, prefix max ends."""

    def __init__(self, spans: list[Found]) -> None:
        ordered = sorted(spans, key=lambda f: f.start)
        self.starts = [f.start for f in ordered]
        self.max_ends = list(itertools.accumulate((f.end for f in ordered), max))

    def overlap(self, f: Found) -> bool:
        k = bisect.bisect_left(self.starts, f.end) - 1
        return k >= 0 and self.max_ends[k] > f.start


def merge(date_found: list[Found], amount_found: list[Found]) -> list[Found]:
    """Combine date and amount matches into one list, resolving overlaps (sorted)."""
    strong = _Blockers([a for a in amount_found if a.kind in _STRONG_AMOUNTS])
    kept_dates = [d for d in date_found if not strong.overlap(d)]
    dates = _Blockers(kept_dates)
    kept_amounts = [a for a in amount_found if a.kind in _STRONG_AMOUNTS or not dates.overlap(a)]
    return sorted(kept_dates + kept_amounts, key=lambda f: (f.start, -f.end))


def find(
    text: str, doc_date: dt.date | None = None, named: list[CountryMatch] | None = None
) -> list[Found]:
    """All mentions of a normalized text, sorted by position (``named``: its
    country references, if known, so they are not looked for again)."""
    return merge(dates.find_dates(text, doc_date), amounts.find_amounts(text, named))


def record_data(nt: NormText, found: list[Found]) -> list[dict[str, object]]:
    """Mention records as plain data, offsets into the text as read (validated
    once, with the rest of the document, by the caller)."""
    out: list[dict[str, object]] = []
    for f in found:
        start, end, text = nt.orig_span_text(f.start, f.end)
        out.append(
            {
                "kind": f.kind,
                "start": start,
                "end": end,
                "text": text,
                "value": f.value,
                "unit": f.unit,
                "approximate": f.approximate,
                "warning": f.warning,
            }
        )
    return out


def to_records(nt: NormText, found: list[Found]) -> list[Mention]:
    """Contract Mention records with offsets into the text as read."""
    return [Mention.model_validate(d) for d in record_data(nt, found)]
