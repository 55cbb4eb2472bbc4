"""Canonical text form, offset map and sentences."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from extractor.text import _is_nfc, normalize, sentences

PRECOMPOSED_YA = "\u09df"  # য় as one code point (news sites)
DECOMPOSED_YA = "\u09af\u09bc"  # য + nukta (NFC form)


def test_identity_when_already_canonical() -> None:
    nt = normalize("১৯৮৩ সালে ওমান")
    assert nt.text == "1983 সালে ওমান"
    assert nt.norm_starts is None
    assert nt.to_orig(0, 4) == (0, 4)


def test_precomposed_nukta_maps_back() -> None:
    orig = f"মাল{PRECOMPOSED_YA}েশিয়া ১,০০০ টাকা"
    nt = normalize(orig)
    assert DECOMPOSED_YA in nt.text and PRECOMPOSED_YA not in nt.text
    i = nt.text.index("1,000")
    assert nt.orig_span_text(i, i + 5)[2] == "১,০০০"
    assert nt.orig_span_text(0, len(nt.text))[2] == orig


def test_zero_width_and_spaces() -> None:
    orig = "র\u200c্যাব\u00a0১২\u200d টাকা"
    nt = normalize(orig)
    assert "\u200c" not in nt.text and "\u00a0" not in nt.text
    i = nt.text.index("12")
    assert nt.orig_span_text(i, i + 2)[2] == "১২"


def test_old_khanda_ta() -> None:
    nt = normalize("উ\u09a4\u09cd\u200dসব")
    assert nt.text == "উ\u09ceসব"
    assert nt.orig_span_text(0, 4)[2] == "উ\u09a4\u09cd\u200dসব"


def test_danda_lookalikes_and_dashes() -> None:
    assert normalize("হয়| তবে").text.endswith("।\u0020তবে")
    assert normalize("হয়\u09f7 তবে").text.endswith("।\u0020তবে")
    assert normalize("২০২৩–২৪").text == "2023-24"


ALPHABET = st.sampled_from(
    [
        *"কখগয়রলসহ়ািীুেোৈৌ্ৎং০১২৩৪৫৬৭৮৯0123456789 ,.।|-–",
        "\u00a0",
        "\u200c",
        "\u200d",
        PRECOMPOSED_YA,
        "\u09dc",
        "\u09c7\u09be",
        "\u09a4\u09cd\u200d",
    ]
)


@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_offset_map_round_trip(orig: str) -> None:
    nt = normalize(orig)
    assert unicodedata.is_normalized("NFC", nt.text)
    # Every normalized span maps into the original, monotonically.
    prev = 0
    for i in range(len(nt.text)):
        s, e = nt.to_orig(i, i + 1)
        assert 0 <= s < e <= len(orig)
        assert s >= prev or s == nt.to_orig(i - 1, i)[0]
        prev = s
    if nt.text:
        assert nt.to_orig(0, len(nt.text))[1] <= len(orig)


def test_sentences_split_at_danda_and_headings() -> None:
    text = "প্রথম বাক্য। == ইতিহাস == দ্বিতীয় বাক্য? তৃতীয়\nচতুর্থ"
    got = [text[s.start : s.end] for s in sentences(text)]
    assert got == ["প্রথম বাক্য।", "দ্বিতীয় বাক্য?", "তৃতীয়", "চতুর্থ"]


# Every Bengali code point plus marks of other scripts that combine with a starter
# (an acute, a cedilla, a Devanagari nukta) and plain letters.
BENGALI_AND_MARKS = st.sampled_from(
    [chr(c) for c in range(0x0980, 0x0A00)] + ["a", " ", "\u0301", "\u0327", "\u093c"]
)


@given(st.lists(BENGALI_AND_MARKS, max_size=12).map("".join))
def test_fast_nfc_check_agrees_with_unicodedata(s: str) -> None:
    assert _is_nfc(s) == unicodedata.is_normalized("NFC", s)
