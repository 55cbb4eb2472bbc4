"""Trade flows from hand-built mentions (texts written for this project)."""

from __future__ import annotations

from decimal import Decimal

from _records_helpers import mention
from extractor.countries import find_countries
from extractor.matches import Found
from extractor.records import TradeFlow
from extractor.text import normalize, sentences
from extractor.trade import find_trade

Key = tuple[str, str, str | None, str | None, list[str], Decimal]


def _trade(text: str, dates: list[tuple[str, str]], money: list[tuple[str, str]]) -> list[Key]:
    nt = normalize(text)
    found: list[Found] = [mention(nt, p, "date", v) for p, v in dates]
    found += [mention(nt, p, "money", v, "USD") for p, v in money]
    found.sort(key=lambda f: f.start)
    flows: list[TradeFlow] = find_trade(nt, sentences(nt.text), found, find_countries(nt.text))
    for f in flows:
        assert text[f.start : f.end] == f.text
    return [(f.period, f.flow, f.exporter, f.importer, f.parties, f.value) for f in flows]


def test_directions_and_respectively() -> None:
    text = (
        "২০১০ সালে নেপাল ও ভুটানের দ্বিপাক্ষিক বাণিজ্যের পরিমাণ ছিল ৫০ মিলিয়ন ডলার। "
        "২০১২ সালে ভুটানে নেপালের রপ্তানি ৩০ মিলিয়ন ডলার এবং নেপালে ভুটানের রপ্তানি ছিল ২০ মিলিয়ন ডলার। "
        "২০১০ সালে এর পরিমাণ ছিল যথাক্রমে ১২ মিলিয়ন ডলার এবং ৯ মিলিয়ন ডলার।"
    )
    dates = [("২০১০ সালে", "2010"), ("২০১২ সালে", "2012"), ("২০১০ সালে এর", "2010")]
    money = [
        ("৫০ মিলিয়ন ডলার", "50000000"),
        ("৩০ মিলিয়ন ডলার", "30000000"),
        ("২০ মিলিয়ন ডলার", "20000000"),
        ("১২ মিলিয়ন ডলার", "12000000"),
        ("৯ মিলিয়ন ডলার", "9000000"),
    ]
    assert _trade(text, dates, money) == [
        ("2010", "total", None, None, ["BT", "NP"], Decimal("50000000")),
        ("2012", "export", "NP", "BT", ["BT", "NP"], Decimal("30000000")),
        ("2012", "export", "BT", "NP", ["BT", "NP"], Decimal("20000000")),
        ("2010", "export", "NP", "BT", ["BT", "NP"], Decimal("12000000")),
        ("2010", "export", "BT", "NP", ["BT", "NP"], Decimal("9000000")),
    ]


def test_import_from_and_restatement() -> None:
    text = (
        "২০১৫ সালে কেনিয়ার আমদানি ছিল ৭ বিলিয়ন ডলার, যার বড় অংশ চীন থেকে। "
        "কেনিয়া ২০১৬ সালে উগান্ডা থেকে ২ বিলিয়ন ডলার আমদানি করে। যা ২০১৭ সালে হয় ৩ বিলিয়ন ডলার।"
    )
    dates = [("২০১৫ সালে", "2015"), ("২০১৬ সালে", "2016"), ("২০১৭ সালে", "2017")]
    money = [("৭ বিলিয়ন ডলার", "7e9"), ("২ বিলিয়ন ডলার", "2e9"), ("৩ বিলিয়ন ডলার", "3e9")]
    assert _trade(text, dates, money) == [
        ("2015", "import", None, "KE", ["KE"], Decimal("7e9")),
        ("2016", "import", "UG", "KE", ["KE", "UG"], Decimal("2e9")),
        ("2017", "import", "UG", "KE", ["KE", "UG"], Decimal("3e9")),
    ]


def test_not_trade() -> None:
    text = (
        "২০২০ সালে প্রবাসী আয় এসেছে ২০ বিলিয়ন ডলার। "
        "রপ্তানির লক্ষ্যমাত্রা ছিল ৫০ বিলিয়ন ডলার। "
        "২০২১ সালে দেশটি ৪ বিলিয়ন ডলার ঋণ পায়।"
    )
    dates = [("২০২০ সালে", "2020"), ("২০২১ সালে", "2021")]
    money = [("২০ বিলিয়ন ডলার", "2e10"), ("৫০ বিলিয়ন ডলার", "5e10"), ("৪ বিলিয়ন ডলার", "4e9")]
    assert _trade(text, dates, money) == []


def test_home_country_and_fiscal_period() -> None:
    # No country named: the Bengali press's home economy exports to the world.
    text = "২০২২-২৩ অর্থবছরে পণ্য রপ্তানি হয় ৫৫ বিলিয়ন ডলার, যা আগের চেয়ে ২ বিলিয়ন ডলার বেশি।"
    dates = [("২০২২-২৩ অর্থবছরে", "2022/2023")]
    money = [("৫৫ বিলিয়ন ডলার", "5.5e10"), ("২ বিলিয়ন ডলার", "2e9")]
    assert _trade(text, dates, money) == [
        ("2022/2023", "export", "BD", None, ["BD"], Decimal("5.5e10")),
    ]
