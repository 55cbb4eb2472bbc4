"""The optional bnlp-toolkit backend (skipped when the `bnlp` extra is not installed)."""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import bnlp_backend, extract
from extractor.bnlp_backend import BnlpNotInstalled, align, rejoin_numbers
from extractor.tokenizer import get_backend, tokenize

HAS_BNLP = importlib.util.find_spec("bnlp") is not None
needs_bnlp = pytest.mark.skipif(
    not HAS_BNLP, reason="bnlp-toolkit not installed (pip install 'extractor[bnlp]')"
)

SEED = sorted(Path("/work/shared/seed").glob("*.txt"))
# Texts written for these tests.
TEXTS = [
    "২০১৯ সালে দুই দেশের মধ্যে বাণিজ্য ছিল প্রায় ৩৫০ কোটি টাকা।",
    "সংস্থাটি ১,২৫,০০০ জন কর্মী নিয়োগ দেয়; খরচ হয় ৫,২৫০.৫০ মার্কিন ডলার।",
    "২০০৫ সালের মার্চ মাসে একটি চুক্তি স্বাক্ষরিত হয়। রপ্তানি বাড়ে ১২.৫ শতাংশ।",
    "দাম ১০০৳ থেকে বেড়ে $৭৫ হয়েছে,  আর\n\nগত বছর ৩০টি গাড়ি বিক্রি হয়।",
]


def test_missing_extra_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "bnlp" else real(name, *a)
    )
    bnlp_backend.basic_tokenizer.cache_clear()
    try:
        with pytest.raises(BnlpNotInstalled, match=r"pip install 'extractor\[bnlp\]'"):
            get_backend("bnlp")("১,০০০ টাকা")
    finally:
        bnlp_backend.basic_tokenizer.cache_clear()


def test_rejoin_numbers() -> None:
    # "১,০০০৳ ক": bnlp-like spans 1 | , | 000৳ | ক ; our number is 0..5
    spans = [(0, 1), (1, 2), (2, 6), (7, 8)]
    assert rejoin_numbers(spans, [(0, 5)]) == [(0, 5), (5, 6), (7, 8)]
    assert rejoin_numbers(spans, []) == spans


def test_align_refuses_foreign_tokens() -> None:
    assert align("ক  খ", ["ক", "খ"]) == [(0, 1), (3, 4)]
    with pytest.raises(ValueError, match="not found"):
        align("ক খ", ["ক", "গ"])


@needs_bnlp
def test_basic_tokenizer_splits_but_backend_keeps_numbers() -> None:
    text = "দাম ১,০০০ টাকা, মোট ১,২৫,০০০।"
    raw = bnlp_backend.basic_tokenizer()(text)
    assert "১,০০০" not in raw and ["১", ",", "০০০"] == raw[1:4]
    ours = [t.text for t in get_backend("bnlp")(text)]
    assert ours == ["দাম", "১,০০০", "টাকা", ",", "মোট", "১,২৫,০০০", "।"]


@needs_bnlp
def test_import_is_quiet_and_offline(tmp_path: Path) -> None:
    """A fresh interpreter imports bnlp through the backend: nothing on stdout."""
    env = {k: v for k, v in os.environ.items() if k != "NLTK_DATA"}
    env["HOME"] = str(tmp_path)  # no NLTK data of the user's
    code = (
        "import os, socket\n"
        "from extractor.bnlp_backend import basic_tokenizer\n"
        "connect = socket.create_connection\n"
        "assert basic_tokenizer()('১ ২') == ['১', '২']\n"
        "assert socket.create_connection is connect\n"
        "assert 'NLTK_DATA' not in os.environ\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout == ""
    assert "downloading" not in run.stderr
    # The guard is lifted after the import in this process too.
    bnlp_backend.basic_tokenizer()
    assert socket.socket.connect is not bnlp_backend._refuse


_ALPHABET = st.sampled_from(list("কখগমরলসহািীেো্ং০১২৩৪৫৬৭৮৯09,.।?!৳$%()- \n"))


@needs_bnlp
@settings(max_examples=80, deadline=None)
@given(st.text(_ALPHABET, max_size=50))
def test_bnlp_tokens_have_offsets_and_whole_numbers(text: str) -> None:
    tokens = get_backend("bnlp")(text)
    pos = 0
    for t in tokens:
        assert t.start >= pos and text[t.start : t.end] == t.text
        pos = t.end
    spans = {(t.start, t.end) for t in tokens}
    assert {(t.start, t.end) for t in tokenize(text) if t.kind == "number"} <= spans


@needs_bnlp
def test_pipeline_results_identical_with_bnlp_backend() -> None:
    from extractor.spacy_components import blank

    docs = {}
    for backend in ("regex", "bnlp"):
        nlp = blank(backend)
        nlp.add_pipe("bn_mentions")
        nlp.add_pipe("bn_records")
        docs[backend] = nlp
    texts = [p.read_text(encoding="utf-8") for p in SEED] + TEXTS
    for text in texts:
        regex_doc, bnlp_doc = docs["regex"](text), docs["bnlp"](text)
        assert bnlp_doc.text == text
        assert bnlp_doc._.record == regex_doc._.record == extract(text)
        spans = list(bnlp_doc.spans["mentions"])
        assert len(spans) == len(bnlp_doc._.mentions)
        for span, m in zip(spans, bnlp_doc._.mentions, strict=True):
            assert span.start_char <= m.start and m.end <= span.end_char
