"""Dates: the Bengali calendar, EDTF validity and round trips of formatted dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from babel import Locale
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import dates
from extractor.dates import (
    bengali_month_days,
    bengali_to_gregorian,
    find_dates,
    gregorian_to_bengali,
)
from extractor.records import check_edtf
from extractor.text import BENGALI_DIGITS, normalize

MONTHS = Locale("bn").months["format"]["wide"]


def bn_digits(n: int) -> str:
    return "".join(BENGALI_DIGITS[int(c)] for c in str(n))


def dates_of(text: str, doc_date: dt.date | None = None) -> list[tuple[str, str]]:
    norm = normalize(text).text
    return [(norm[f.start : f.end], str(f.value)) for f in find_dates(norm, doc_date)]


# --- Bengali calendar (revised Bangladesh calendar, 2019)


@pytest.mark.parametrize(
    ("by", "month", "day", "greg"),
    [
        (1430, 1, 1, dt.date(2023, 4, 14)),  # Pohela Boishakh
        (1430, 9, 1, dt.date(2023, 12, 16)),  # Victory Day is 1 Poush
        (1430, 11, 8, dt.date(2024, 2, 21)),  # Language Martyrs' Day is 8 Falgun
        (1430, 12, 12, dt.date(2024, 3, 26)),  # Independence Day is 12 Chaitra
        (1431, 12, 12, dt.date(2025, 3, 26)),
        (1430, 12, 30, dt.date(2024, 4, 13)),  # the last day before the new year
        (1431, 12, 30, dt.date(2025, 4, 13)),
    ],
)
def test_bengali_to_gregorian(by: int, month: int, day: int, greg: dt.date) -> None:
    assert bengali_to_gregorian(by, month, day) == greg
    assert gregorian_to_bengali(greg) == (by, month, day)


def test_bengali_year_lengths() -> None:
    for by in range(1400, 1450):
        days = sum(bengali_month_days(by, m) for m in range(1, 13))
        next_new_year = bengali_to_gregorian(by + 1, 1, 1)
        assert (next_new_year - bengali_to_gregorian(by, 1, 1)).days == days


def test_bengali_invalid_day() -> None:
    with pytest.raises(ValueError):
        bengali_to_gregorian(1430, 7, 31)  # Kartik has 30 days


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1900, 4, 14), max_value=dt.date(2099, 12, 31)))
def test_gregorian_bengali_round_trip(day: dt.date) -> None:
    assert bengali_to_gregorian(*gregorian_to_bengali(day)) == day


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=dt.date(1950, 4, 14), max_value=dt.date(2090, 12, 31)))
def test_bengali_text_round_trip(day: dt.date) -> None:
    from extractor.resources import table

    by, month, d = gregorian_to_bengali(day)
    name = next(r["word"] for r in table("bengali_months.tsv") if int(r["month"]) == month)
    text = f"{bn_digits(d)} {name} {bn_digits(by)} বঙ্গাব্দে মেলা হয়।"
    assert dates_of(text)[0][1] == day.isoformat()


# --- Gregorian dates written as Bengali text parse back


@settings(max_examples=80, deadline=None)
@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
    st.sampled_from(["{d} {m}, {y}", "{d} {m} {y}", "{m} {d}, {y}", "{y} সালের {d} {m}"]),
    st.booleans(),
)
def test_formatted_date_round_trip(day: dt.date, pattern: str, bengali: bool) -> None:
    digits = bn_digits if bengali else str
    text = pattern.format(d=digits(day.day), m=MONTHS[day.month], y=digits(day.year))
    found = dates_of(f"সেদিন নয়, {text} তারিখে চুক্তি হয়।")
    assert [v for _, v in found] == [day.isoformat()]


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1900, max_value=2098), st.sampled_from(["সালে", "খ্রিস্টাব্দে"]))
def test_year_and_fiscal_year(year: int, word: str) -> None:
    assert dates_of(f"{bn_digits(year)} {word} সেতুটি চালু হয়।") == [(f"{year} {word}", str(year))]
    short = f"{(year + 1) % 100:02d}"
    found = dates_of(f"{bn_digits(year)}-{short} অর্থবছরে আয় বাড়ে।")
    assert [v for _, v in found] == [f"{year}/{year + 1}"]


# --- every value is valid EDTF


SAMPLES = [
    "১৯৮৩ সালে সম্পর্ক হয়। ওই একই বছরই দূতাবাস খোলে। পরের বছর সফর হয়।",
    "চলতি ২০২৩-২৪ অর্থবছরের প্রথমার্ধে রপ্তানি কম। আগের অর্থবছরের একই সময়ে বেশি ছিল। "
    "গত জুলাই-ডিসেম্বরে আয় বাড়ে। গত ৬ মাসে (জুলাই-ডিসেম্বর) আয় বাড়ে।",
    "সোমবার (২৯ ডিসেম্বর) বৈঠক হয়। ডিসেম্বরের প্রথম ২৮ দিনে আয় আসে।",
    "১৯৯০-এর দশকে প্রবৃদ্ধি কম। ১৯৯৫ থেকে ২০০৬ সাল পর্যন্ত। ১ বৈশাখ ১৪৩০ উৎসব।",
    "নতুন বছরের প্রথম প্রান্তিকে ছাড় নেই। বছর শেষে রিজার্ভ বাড়বে।",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_values_are_edtf(text: str) -> None:
    found = dates_of(text, None) + dates_of(text, dt.date(2024, 1, 10))
    assert found
    for _, value in found:
        assert check_edtf(value) == value


def test_no_today_without_doc_date() -> None:
    # A yearless day stays unspecified: never filled from today's date.
    assert dates_of("২৯ ডিসেম্বর বৈঠক হয়।") == [("২৯ ডিসেম্বর".translate(_ASCII), "XXXX-12-29")]


def test_headline_does_not_borrow() -> None:
    text = "ডিসেম্বরে রপ্তানি কমেছে\n\n২০২৩ সালের ডিসেম্বরে রপ্তানি কমেছে।"
    assert [v for _, v in dates_of(text)] == ["XXXX-12", "2023-12"]


_ASCII = {ord(b): str(i) for i, b in enumerate(BENGALI_DIGITS)}


# --- the fast candidate finder equals scanning every rule over the whole text

_EXAMPLES = Path(__file__).parent / "examples" / "dates.yaml"


def _example_texts() -> list[str]:
    data = yaml.safe_load(_EXAMPLES.read_text(encoding="utf-8"))
    out = [str(t) for t in data.get("negative", [])]
    for entry in data["examples"]:
        for t in entry["texts"]:
            out.append(str(entry.get("context", "")) + str(t).replace("[", "").replace("]", ""))
    return out


def _spans(cands: list[dates._Cand]) -> list[tuple[int, int, str]]:
    return [(c.start, c.end, c.rule) for c in cands]


def test_candidates_equal_full_scan_on_examples() -> None:
    texts = _example_texts() + SAMPLES
    assert len(texts) > 100
    for raw in texts:
        text = normalize(raw).text
        assert _spans(dates._candidates(text)) == _spans(dates._candidates_by_scan(text)), raw


_PIECES = [
    "২০২৩",
    "১৯৯৫",
    "৫",
    "১২",
    "৪ঠা",
    "১৪৩০",
    "সালের",
    "সালে",
    "খ্রিস্টাব্দে",
    "বঙ্গাব্দ",
    "জানুয়ারি",
    "জুন",
    "মে",
    "ডিসেম্বরে",
    "বৈশাখ",
    "সোমবার",
    "(",
    ")",
    ",",
    "-",
    "।",
    "থেকে",
    "পর্যন্ত",
    "অর্থবছরের",
    "প্রথমার্ধে",
    "গত",
    "চলতি",
    "আগের",
    "ওই",
    "একই",
    "বছরের",
    "মাসে",
    "মাস",
    "দিন",
    "সপ্তাহ",
    "পর",
    "আগে",
    "ছয়",
    "প্রথম",
    "দশকে",
    "এর",
    "পরদিন",
    "তারিখে",
    "ও",
    "এবং",
    "স্বাধীনতার",
    "রপ্তানি",
    "কোটি",
    "টাকা",
    "নীতিমালা",
    "গতকাল",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14), st.sampled_from([" ", "", "  "])
)
def test_candidates_equal_full_scan_random(pieces: list[str], sep: str) -> None:
    text = normalize(sep.join(pieces)).text
    assert _spans(dates._candidates(text)) == _spans(dates._candidates_by_scan(text))


# --- counted time and bare years need their context


def test_counted_time_in_one_clause_with_its_date_is_a_duration() -> None:
    # `ছয় বছর পর` ends in 2020 here: the count is how long, not when.
    assert [v for _, v in dates_of("২০২০ সালে ছয় বছর পর তিনি দেশে ফেরেন।")] == ["2020"]


def test_counted_time_after_a_clause_break_is_anchored() -> None:
    found = dates_of("২০১৫ সালের মার্চে চুক্তি হয়, আর দুই মাস পর কাজ শুরু হয়।")
    assert [v for _, v in found] == ["2015-03", "2015-05"]


@pytest.mark.parametrize(
    "text",
    ["মোট ২০১৮ গাড়ি আমদানি হয়েছে।", "দেশে ১৯৫৫ কারখানা আছে।", "তালিকায় ২০১১ নাম আছে।"],
)
def test_bare_number_without_date_context_is_no_year(text: str) -> None:
    assert dates_of(text) == []


def test_every_rule_has_a_start_token() -> None:
    # A rule that no start class names would never be tried.
    reachable = {r for rules in dates._START_RULES.values() for r in rules}
    reachable |= {r for rules in dates._YEAR_NEXT_RULES.values() for r in rules}
    assert {name for name, _ in dates._rules()} <= reachable


def test_bengali_year_beyond_the_gregorian_range_is_not_a_date() -> None:
    from extractor import extract

    doc = extract("বৈশাখ ৯৬৩৫ বঙ্গাব্দে এবং ৫ বৈশাখ ৯৬৩৫ বঙ্গাব্দে")
    assert [m for m in doc.mentions if m.kind == "date"] == []


def test_year_arithmetic_past_four_digits_is_no_date() -> None:
    text = "৯৯৯৭ সালে দুই দেশ সম্পর্ক স্থাপন করে। ছয় বছর পর রাষ্ট্রদূত আসেন।"
    values = [f.value for f in find_dates(normalize(text).text) if f.kind == "date"]
    assert values == ["9997"]
