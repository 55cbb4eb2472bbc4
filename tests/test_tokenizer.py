"""The regex tokenizer, the fixed spaCy tokenizer and backend selection."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.tokenizer import (
    Token,
    doc_from_tokens,
    get_backend,
    spacy_tokenize,
    tokenize,
)

BN = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")

# text -> expected token texts (all examples written for these tests)
EXAMPLES = [
    ("দাম ১,০০০ টাকা", ["দাম", "১,০০০", "টাকা"]),
    ("৫,২৫০.৫০", ["৫,২৫০.৫০"]),
    ("১,২৫,০০০ জন", ["১,২৫,০০০", "জন"]),
    ("১২,৩৪,৫৬,৭৮৯", ["১২,৩৪,৫৬,৭৮৯"]),
    ("২011 সালে", ["২011", "সালে"]),
    ("12,500 টন", ["12,500", "টন"]),
    ("1,234,567.5", ["1,234,567.5"]),
    ("১০০৳", ["১০০", "৳"]),
    ("100৳", ["100", "৳"]),
    ("৳২০", ["৳", "২০"]),
    ("US$৭৫", ["US", "$", "৭৫"]),
    ("৩০টি গাড়ি।", ["৩০", "টি", "গাড়ি", "।"]),
    ("কী হল? চলো!", ["কী", "হল", "?", "চলো", "!"]),
    ("নদী|পাহাড়", ["নদী", "|", "পাহাড়"]),
    ("হঠাত্\u200d দেখা", ["হঠাত্\u200d", "দেখা"]),
    ("র\u200cয়", ["র\u200cয়"]),
    # commas that are no thousands grouping separate numbers
    ("১৯৭১,১৯৭২ ও ১৯৭৩", ["১৯৭১", ",", "১৯৭২", "ও", "১৯৭৩"]),
    ("১,২,৩", ["১", ",", "২", ",", "৩"]),
    ("১২৩৪,৫৬৭", ["১২৩৪", ",", "৫৬৭"]),
    ("২০২৩-২৪ অর্থবছর", ["২০২৩", "-", "২৪", "অর্থবছর"]),
]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES, ids=[t for t, _ in EXAMPLES])
def test_regex_tokens(text: str, expected: list[str]) -> None:
    tokens = tokenize(text)
    assert [t.text for t in tokens] == expected
    assert all(text[t.start : t.end] == t.text for t in tokens)


@pytest.mark.parametrize(("text", "expected"), EXAMPLES, ids=[t for t, _ in EXAMPLES])
def test_fixed_spacy_matches_regex_tokens(text: str, expected: list[str]) -> None:
    assert [t.text for t in spacy_tokenize(text)] == expected


def test_kinds() -> None:
    kinds = {t.text: t.kind for t in tokenize("মোট ১,০০০ $ টাকা। (ok)")}
    assert kinds == {
        "মোট": "word",
        "১,০০০": "number",
        "$": "currency",
        "টাকা": "word",
        "।": "punct",
        "(": "punct",
        "ok": "word",
        ")": "punct",
    }


def test_unpatched_spacy_splits_bengali_groups() -> None:
    """The trap the fix exists for (if spaCy ever fixes it, this test says so)."""
    import spacy

    nlp = spacy.blank("bn")
    assert len(nlp.tokenizer("১,০০০")) == 3
    assert len(nlp.tokenizer("১০০৳")) == 1


def _group(n: int, indian: bool) -> str:
    s = str(n)
    if not indian or len(s) <= 3:
        return f"{n:,}"
    head, tail = s[:-3], s[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([head, *groups, tail])


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(min_value=0, max_value=10**12),
    indian=st.booleans(),
    bengali=st.booleans(),
    decimals=st.one_of(st.none(), st.integers(min_value=0, max_value=99)),
)
def test_grouped_numbers_stay_whole(
    n: int, indian: bool, bengali: bool, decimals: int | None
) -> None:
    number = _group(n, indian) + ("" if decimals is None else f".{decimals:02d}")
    if bengali:
        number = number.translate(BN)
    text = f"মোট {number}৳ খরচ"
    for backend in ("regex", "spacy"):
        texts = [t.text for t in get_backend(backend)(text)]
        assert texts == ["মোট", number, "৳", "খরচ"], backend


_ALPHABET = st.sampled_from(
    [
        *"কখগমরলসহয়ড়ািীুেোৌ্ংঃঁ০১২৩৪৫৬৭৮৯0123456789,.।?!|৳$%()- \n",
        *("\u200c", "\u200d", "\u09bc", "\u09df", "A", "z"),
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.text(_ALPHABET, max_size=60))
def test_regex_tokens_are_ordered_substrings(text: str) -> None:
    tokens = tokenize(text)
    pos = 0
    for t in tokens:
        assert t.start >= pos and t.end > t.start
        assert text[t.start : t.end] == t.text
        assert not any(ch.isspace() for ch in t.text)
        # Only whitespace and stray joiners lie between tokens.
        assert all(ch.isspace() or ch in "\u200c\u200d" for ch in text[pos : t.start])
        pos = t.end
    assert all(ch.isspace() or ch in "\u200c\u200d" for ch in text[pos:])


@settings(max_examples=100, deadline=None)
@given(st.text(_ALPHABET, max_size=60))
def test_spacy_docs_keep_the_text(text: str) -> None:
    from extractor.spacy_components import blank

    for backend in ("spacy", "regex"):
        assert blank(backend).make_doc(text).text == text


def test_doc_from_tokens_spaces() -> None:
    import spacy

    text = "  ক  খ\n\nগ ১,০০০ "
    doc = doc_from_tokens(spacy.blank("bn").vocab, text, tokenize(text))
    assert doc.text == text
    assert [t.text for t in doc if not t.is_space] == ["ক", "খ", "গ", "১,০০০"]


def test_adversarial_comma_runs() -> None:
    """Long digit-comma runs that are no grouping still split right (a linear scan)."""
    text = "১" + ",১১১" * 20000 + ",১১,১"  # the last groups break the grouping
    tokens = tokenize(text)
    assert tokens[0] == Token(0, 1, "১", "number")
    assert sum(t.kind == "number" for t in tokens) == 20003
    assert all(t.text in {"১", "১১১", "১১", ","} for t in tokens)


def test_unknown_backend() -> None:
    with pytest.raises(ValueError, match="regex, spacy, bnlp"):
        get_backend("nltk")


def test_default_backend_is_regex() -> None:
    assert get_backend() is tokenize
