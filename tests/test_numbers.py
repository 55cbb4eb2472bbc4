"""Unit tests for numbers.parse_number, the number tables and amounts.find_amounts."""

from __future__ import annotations

from decimal import Decimal

import pytest
from num2words import num2words

from extractor.amounts import find_amounts
from extractor.matches import Found
from extractor.numbers import lexicon, parse_number, tokenize
from extractor.resources import table
from extractor.text import BENGALI_DIGITS, normalize

PARSES = [
    ("১ লাখ ৭৬ হাজার ৩৫০ কোটি", "1763500000000"),
    ("২৮৮ কোটি ৯৫ লাখ ২০ হাজার", "2889520000"),
    ("দুই হাজার ৪০০ কোটি", "24000000000"),
    ("এক হাজার ৫৯৭ কোটি ৪০ লাখ", "15974000000"),
    ("৫.৫ বিলিয়ন", "5500000000"),
    ("২.৮১ কোটি", "28100000"),
    ("৩ দশমিক শূন্য ৭", "3.07"),
    ("শূন্য দশমিক ৮৪", "0.84"),
    ("১ দশমিক ৭২", "1.72"),
    ("এক দশমিক সাত দুই", "1.72"),
    ("৩৪ দশমিক ০১ ট্রিলিয়ন", "34010000000000"),
    ("এক হাজার কোটি", "10000000000"),
    ("৩৪ লাখ কোটি", "34000000000000"),
    ("দেড়", "1.5"),
    ("আড়াই", "2.5"),
    ("সাড়ে ৬", "6.5"),
    ("সোয়া ১০", "10.25"),
    ("পৌনে ২", "1.75"),
    ("সাড়ে তিন হাজার", "3500"),
    ("দেড়শো", "150"),
    ("সাড়ে তিনশো", "350"),
    ("অর্ধেক", "0.5"),
    ("দ্বিগুণ", "2"),
    ("এক ডজন", "12"),
    ("দুই ডজন", "24"),
    ("১২,৩৪,৫৬৭", "1234567"),
    ("04,52,485", "452485"),
    ("1,234,567.5", "1234567.5"),
    ("একশত কোটি", "1000000000"),
    ("পাঁচশো বিশ", "520"),
    ("এক হাজার পাঁচশো বিশ", "1520"),
    ("বারো লাখ চৌত্রিশ হাজার পাঁচশত সাতষট্টি", "1234567"),
    ("চল্লিশ হাজার", "40000"),
    ("তিরিশ লক্ষ", "3000000"),
    ("কুড়ি", "20"),
    ("১ লা.কো.", "1000000000000"),
]


@pytest.mark.parametrize(("text", "value"), PARSES)
def test_parse_number(text: str, value: str) -> None:
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize(
    "text", ["", "কোটি", "কোটি কোটি", "হাজার হাজার", "টাকা", "১৭তম", "৫ টাকা", "abc", "দশমিক"]
)
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None


def test_numerals_table_covers_0_to_99_and_num2words() -> None:
    words = {row["word"]: Decimal(row["value"]) for row in table("numerals.tsv")}
    assert set(words.values()) == {Decimal(n) for n in range(100)}
    for n in range(100):
        assert words[num2words(n, lang="bn")] == n


def test_scales_and_fractions_tables() -> None:
    lex = lexicon()
    assert lex.scales["কোটি"] == 10**7
    assert lex.scales["লাখ"] == lex.scales["লক্ষ"] == 10**5
    assert lex.fractions["পৌনে"] == ("add", Decimal("-0.25"))


def test_word_endings_split_off() -> None:
    toks = tokenize(normalize("তিনটি কোটির দশকে").text)
    assert (toks[0].kind, toks[0].value, toks[0].classifier) == ("num", 3, "টি")
    assert (toks[1].kind, toks[1].suffix) == ("scale", "র")
    assert toks[2].kind == "word"  # দশক + এ, not দশ + কে


def _amounts(raw: str) -> list[tuple[str, str, str, str | None]]:
    """(kind, span text with Bengali digits, value, unit) of each mention."""
    text = normalize(raw).text
    return [(f.kind, _bn(text[f.start : f.end]), str(f.value), f.unit) for f in find_amounts(text)]


def _bn(s: str) -> str:
    return s.translate(str.maketrans("0123456789", BENGALI_DIGITS))


def _found(raw: str) -> list[Found]:
    return find_amounts(normalize(raw).text)


def test_restatement_that_disagrees_warns() -> None:
    (one,) = _found("২৮.১ মিলিয়ন (৩.৯ কোটি) মার্কিন ডলার")
    assert one.value == Decimal("28100000")
    assert one.warning is not None


def test_restatement_that_rounds_does_not_warn() -> None:
    (one,) = _found("প্রায় ২৯৪ কোটি (২৯৩ কোটি ৬০ লাখ) ডলারের")
    assert (one.value, one.unit, one.approximate, one.warning) == (
        Decimal("2940000000"),
        "USD",
        True,
        None,
    )


def test_split_amount_holds_the_nested_rate() -> None:
    got = _amounts("মোট ৩৫ হাজার (প্রতি ডলার ১২২ টাকা হিসাবে) ৮১৯ কোটি ২০ লাখ টাকা।")
    assert ("money", "প্রতি ডলার ১২২ টাকা", "122", "BDT") in got
    whole = [g for g in got if g[2] == "358192000000"]
    assert whole and whole[0][1].startswith("৩৫ হাজার") and whole[0][3] == "BDT"


def test_range_shares_unit_and_scale() -> None:
    assert _amounts("দাম ১৫০ থেকে ১৭০ টাকা।") == [
        ("money", "১৫০", "150", "BDT"),
        ("money", "১৭০ টাকা", "170", "BDT"),
    ]
    assert _amounts("৫ থেকে ৬ কোটি ডলার")[0][2] == "50000000"


def test_alternatives_with_ba_are_two_values() -> None:
    got = _amounts("৫ বা ৬ কোটি টাকা")
    assert [g[2] for g in got] == ["50000000", "60000000"]


def test_list_borrows_the_sentence_currency() -> None:
    got = _amounts("জুলাইয়ে ১০০ কোটি, আগস্টে ১২০ কোটি এবং সেপ্টেম্বরে ১৩০ কোটি ডলার।")
    assert [(g[0], g[3]) for g in got] == [("money", "USD")] * 3


def test_without_currency_in_sentence_a_scaled_number_is_a_number() -> None:
    got = _amounts("আয় ১০০ কোটি। পরে ১২০ কোটি ডলার হয়।")
    assert got[0][0] == "number"


def test_article_backreference_and_dates_are_not_amounts() -> None:
    assert _amounts("একটি চুক্তি হয়। এই দুই দেশ একমত। দুই দেশের মধ্যে বাণিজ্য।") == []
    assert _amounts("১৯৮৩ সালে এবং ২৯ ডিসেম্বর, ২০২৩-২৪ অর্থবছরে") == []


def test_hedges_outside_the_span_do_not_make_it_approximate() -> None:
    (one,) = _found("কমপক্ষে ১০০ কোটি টাকার বেশি")
    assert not one.approximate
    text = normalize("কমপক্ষে ১০০ কোটি টাকার বেশি").text
    assert _bn(text[one.start : one.end]) == "১০০ কোটি টাকার"


def test_offsets_follow_the_normalized_text() -> None:
    raw = "মোট ১,২৩৪ টন।"
    (one,) = _found(raw)
    assert normalize(raw).text[one.start : one.end] == "1,234 টন"
