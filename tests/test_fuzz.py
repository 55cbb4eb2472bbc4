"""Fuzzing the whole pipeline: whatever the text, extraction never raises, every
record validates, and every offset points at its text in the article."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from babel import Locale
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.pipeline import extract
from extractor.records import Document

NUMBER_WORDS = ["এক", "দুই", "তিন", "দশ", "বিশ", "একশো", "আড়াই", "দেড়", "সাড়ে", "অর্ধেক"]
SCALE_WORDS = ["শত", "হাজার", "লাখ", "লক্ষ", "কোটি", "মিলিয়ন", "বিলিয়ন", "ট্রিলিয়ন"]
UNIT_WORDS = ["টাকা", "ডলার", "মার্কিন ডলার", "রুপি", "শতাংশ", "টন", "জন", "সালে", "সালের"]
OTHER_WORDS = ["প্রায়", "আনুমানিক", "থেকে", "অর্থবছরে", "দশকে", "এর", "বা", "ও", "গত", "ওই একই বছরই"]
# Nukta letters precomposed (U+09DC, U+09DD, U+09DF) and decomposed (letter + U+09BC).
NUKTA = ["\u09dc", "\u09dd", "\u09df", "\u09a1\u09bc", "\u09a2\u09bc", "\u09af\u09bc"]
CHARS = "০১২৩৪৫৬৭৮৯0123456789,.()-%৳$।|–/: \n\u00a0\u200d\u200cকখগদনবমরলসহািীুেোৌং্ঁৎabcxyzAUSD"


@functools.cache
def month_names() -> list[str]:
    """Bengali month names as CLDR (through babel) writes them."""
    locale = Locale("bn")
    names = list(locale.months["format"]["wide"].values())
    names += list(locale.months["format"]["abbreviated"].values())
    return sorted(set(names))


def tokens() -> st.SearchStrategy[str]:
    words = NUMBER_WORDS + SCALE_WORDS + UNIT_WORDS + OTHER_WORDS + NUKTA + month_names()
    return st.one_of(
        st.sampled_from(words),
        st.text(alphabet=CHARS, min_size=1, max_size=6),
        st.integers(min_value=0, max_value=10**15).map(str),
        st.decimals(min_value=0, max_value=10**6, places=2).map(str),
        st.integers(min_value=0, max_value=10**9).map(
            lambda n: f"{n:,}".translate(str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯"))
        ),
    )


articles = st.lists(
    st.tuples(tokens(), st.sampled_from([" ", "", " ", ", ", "। ", "\n", "\u00a0"])),
    max_size=40,
).map(lambda parts: "".join(a + b for a, b in parts))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles)
def test_extract_never_raises_and_every_offset_points_at_its_text(text: str) -> None:
    doc = extract(text, doc_id="fuzz")
    again = Document.model_validate(doc.model_dump(), context={"text": text})
    assert again == doc
    for record in [*doc.mentions, *doc.events, *doc.trade]:
        assert text[record.start : record.end] == record.text


@settings(max_examples=50, deadline=None)
@given(articles)
def test_extraction_is_deterministic(text: str) -> None:
    assert extract(text, "a").model_dump_json() == extract(text, "a").model_dump_json()


@functools.cache
def corpus_sentences() -> tuple[str, ...]:
    """Sentences of the bundled corpus: real sentence shapes for figures to vary in."""
    root = Path(__file__).resolve().parents[1] / "corpus"
    out: list[str] = []
    for path in sorted(root.glob("*.txt")):
        out += [s.strip() for s in re.split(r"(?<=[।?!\n])", path.read_text("utf-8"))]
    return tuple(s for s in out if s)


DIGIT_RUN = re.compile(r"[0-9০-৯]+")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_corpus_sentences_with_any_figures(data: st.DataObject) -> None:
    # Any year, day or amount in a real sentence shape (`৯৯৯৭ সালের ... ছয় বছর পর`
    # once made a year EDTF cannot write).
    picked = data.draw(st.lists(st.sampled_from(corpus_sentences()), min_size=1, max_size=6))
    digits = st.text(alphabet="0123456789০১২৩৪৫৬৭৮৯", min_size=1, max_size=5)
    text = " ".join(DIGIT_RUN.sub(lambda _m: data.draw(digits), s) for s in picked)
    doc = extract(text, doc_id="fuzz")
    for record in [*doc.mentions, *doc.events, *doc.trade]:
        assert text[record.start : record.end] == record.text
