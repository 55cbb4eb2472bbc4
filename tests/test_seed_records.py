"""The seed article must give exactly its 6 events and 6 trade flows (the whole pipeline)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from extractor.pipeline import extract
from extractor.text import read_article

SEED = Path("/work/shared/seed/000_d69e61afd5523e7d.txt")

EVENTS = [
    ("relations_established", "1983", ["MY", "OM"], None),
    ("mission_opened", "1983", ["MY", "OM"], "MY"),
    ("mission_opened", "2011", ["MY", "OM"], "OM"),
    ("agreement_signed", "2009", ["MY", "OM"], None),
    ("agreement_signed", "2011", ["MY", "OM"], None),
    ("agreement_signed", "2015", ["MY", "OM"], None),
]
MY_OM = ["MY", "OM"]
TRADE = [
    ("1995", "total", None, None, MY_OM, Decimal("28100000"), "USD"),
    ("2006", "total", None, None, MY_OM, Decimal("1060000000"), "USD"),
    ("2006", "export", "OM", "MY", MY_OM, Decimal("956000000"), "USD"),
    ("2006", "export", "MY", "OM", MY_OM, Decimal("108000000"), "USD"),
    ("1995", "export", "OM", "MY", MY_OM, Decimal("26400000"), "USD"),
    ("1995", "export", "MY", "OM", MY_OM, Decimal("1700000"), "USD"),
]


@pytest.fixture(scope="module")
def doc():  # type: ignore[no-untyped-def]
    if not SEED.exists():
        pytest.skip("the seed article is not on this machine")
    return extract(read_article(SEED), doc_id=SEED.stem)


def test_seed_events(doc) -> None:  # type: ignore[no-untyped-def]
    got = [(e.type, e.date, e.participants, e.actor) for e in doc.events]
    assert sorted(got, key=repr) == sorted(EVENTS, key=repr)


def test_seed_trade(doc) -> None:  # type: ignore[no-untyped-def]
    got = [
        (t.period, t.flow, t.exporter, t.importer, t.parties, t.value, t.currency)
        for t in doc.trade
    ]
    assert got == TRADE
