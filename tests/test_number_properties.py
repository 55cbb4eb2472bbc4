"""Property tests: other libraries write numbers, parse_number reads them back.

Oracles: num2words(lang="bn") spells integers; babel (CLDR) writes grouped
decimals (Indian grouping for "bn") and compact forms (`12 লাখ`, `1 লা.কো.`).
Compact forms are rounded, so the expected value is what the string itself
says: its leading number times the scale its suffix names (CLDR's own meaning
of each suffix, written out here independently of the parser's tables).
"""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_compact_decimal, format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

from extractor.amounts import find_amounts
from extractor.numbers import parse_number
from extractor.text import BENGALI_DIGITS, normalize

_TO_BENGALI = str.maketrans("0123456789", BENGALI_DIGITS)

# CLDR "bn" compact suffixes and the power of ten each one names.
_COMPACT = {
    "হা": Decimal(10) ** 3,
    "লা": Decimal(10) ** 5,
    "কো": Decimal(10) ** 7,
    "শত কো": Decimal(10) ** 9,
    "লা.কো.": Decimal(10) ** 12,
    "হাজার": Decimal(10) ** 3,
    "লাখ": Decimal(10) ** 5,
    "কোটি": Decimal(10) ** 7,
    "লাখ কোটি": Decimal(10) ** 12,
}

_INTS = st.integers(min_value=0, max_value=10**13)


def _said(compact: str) -> Decimal:
    """The value a compact string states: leading number times its suffix's scale."""
    s = compact.replace("\xa0", " ").strip()
    head = ""
    while s and (s[0].isdigit() or s[0] in ".,"):
        head, s = head + s[0], s[1:]
    suffix = s.strip()
    return Decimal(head.replace(",", "")) * (_COMPACT[suffix] if suffix else 1)


@settings(max_examples=150, deadline=None)
@given(_INTS)
def test_num2words_round_trip(n: int) -> None:
    assert parse_number(num2words(n, lang="bn")) == n


@settings(max_examples=100, deadline=None)
@given(_INTS)
def test_grouped_digits_latin_and_bengali(n: int) -> None:
    written = format_decimal(n, locale="bn")
    assert parse_number(written) == n
    assert parse_number(written.translate(_TO_BENGALI)) == n


@settings(max_examples=100, deadline=None)
@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False))
def test_decimal_fractions(d: Decimal) -> None:
    written = format_decimal(d, locale="bn", decimal_quantization=False)
    assert parse_number(written) == d
    assert parse_number(written.translate(_TO_BENGALI)) == d


@settings(max_examples=150, deadline=None)
@given(
    _INTS,
    st.sampled_from(["short", "long"]),
    st.integers(min_value=0, max_value=2),
    st.booleans(),
)
def test_compact_forms(n: int, kind: str, digits: int, bengali: bool) -> None:
    written = format_compact_decimal(n, locale="bn", format_type=kind, fraction_digits=digits)
    expected = _said(written)
    if bengali:
        written = written.translate(_TO_BENGALI)
    assert parse_number(written) == expected


_PIECES = [
    *"০১২৩৪৫৬৭৮৯0123456789 ,.-()%$৳।",
    *("দুই", "হাজার", "কোটি", "লাখ", "টাকা", "ডলার", "শতাংশ", "দশমিক", "সাড়ে", "প্রায়"),
    *("টি", "জন", "টন", "বছর", "থেকে", "বা", "এক", "অর্ধেক", "প্রতি", "সালে", "মার্কিন"),
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_find_amounts_is_total_and_in_bounds(raw: str) -> None:
    text = normalize(raw).text
    for f in find_amounts(text):
        assert 0 <= f.start < f.end <= len(text)
        assert isinstance(f.value, Decimal)
        assert f.kind in ("money", "percent", "quantity", "number")
        if f.kind == "money":
            assert f.unit is not None and len(f.unit) == 3
        if f.kind == "percent":
            assert f.unit == "%"


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40))
def test_parse_number_never_raises(raw: str) -> None:
    value = parse_number(raw)
    assert value is None or isinstance(value, Decimal)
