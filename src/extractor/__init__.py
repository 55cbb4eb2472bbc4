"""extractor: offline Bengali extraction of numbers, money, dates, dated events and trade flows.

>>> from extractor import extract
>>> doc = extract("১৯৮৩ সালে দুই দেশের মধ্যে কূটনৈতিক সম্পর্ক স্থাপিত হয়।", doc_id="x")
"""

from extractor.pipeline import extract
from extractor.records import Document, Event, Mention, TradeFlow

__all__ = ["Document", "Event", "Mention", "TradeFlow", "extract"]
__version__ = "0.1.0"
