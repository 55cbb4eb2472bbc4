"""Language data loading and the patterns built from the tables."""

from __future__ import annotations

import re
import unicodedata
from importlib import resources as importlib_resources

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.resources import DATA_PACKAGE, alternation, table, trie


def test_every_data_file_is_nfc_with_a_source_line() -> None:
    folder = importlib_resources.files(DATA_PACKAGE)
    names = [p.name for p in folder.iterdir() if p.name.endswith((".tsv", ".txt"))]
    assert len(names) >= 10
    for name in names:
        raw = folder.joinpath(name).read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", raw), name
        assert raw.startswith("#"), f"{name} must start with a comment saying its source"
        assert table(name), name


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="কখগাি ", min_size=1, max_size=5), min_size=1, max_size=12))
def test_trie_matches_like_the_plain_alternation(words: list[str]) -> None:
    for engine in (re, regex):
        fast = engine.compile(f"(?:{trie(words)})")
        plain = engine.compile(f"(?:{alternation(words)})")
        for w in words:
            assert fast.fullmatch(w)
            probe = w + "ক" + w
            assert [m.span() for m in fast.finditer(probe)] == [
                m.span() for m in plain.finditer(probe)
            ]
