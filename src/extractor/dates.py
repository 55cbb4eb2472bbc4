"""Date expressions -> EDTF (being written: see issue 2)."""

from __future__ import annotations

import datetime as dt

from extractor.matches import Found


def find_dates(text: str, doc_date: dt.date | None = None) -> list[Found]:
    """Date mentions of a normalized text (kind "date", EDTF values), in order."""
    return []
