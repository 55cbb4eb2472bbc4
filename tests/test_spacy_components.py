"""The spaCy components: thin wrappers whose results equal extractor.extract()."""

from __future__ import annotations

import datetime as dt
import pickle
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from extractor import extract
from extractor.records import Document, Event, Mention, TradeFlow
from extractor.spacy_components import blank
from extractor.tokenizer import tokenize

SEED = sorted(Path("/work/shared/seed").glob("*.txt"))

# Texts written for these tests.
TEXTS = [
    "২০১৯ সালে দুই দেশের মধ্যে বাণিজ্য ছিল প্রায় ৩৫০ কোটি টাকা।",
    "সংস্থাটি ১,২৫,০০০ জন কর্মী নিয়োগ দেয়; খরচ হয় ৫,২৫০.৫০ মার্কিন ডলার।",
    "২০০৫ সালের মার্চ মাসে ঢাকায় একটি চুক্তি স্বাক্ষরিত হয়। রপ্তানি বাড়ে ১২.৫ শতাংশ।",
    "কোনো সংখ্যা নেই এখানে।",
    "দাম ১০০৳ থেকে বেড়ে $৭৫ হয়েছে,  আর\n\nগত বছর ৩০টি গাড়ি বিক্রি হয়।",
]


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in SEED] + TEXTS


def _nlp(backend: str | None = None, **config: str | None) -> Language:
    nlp = spacy.blank("bn") if backend is None else blank(backend)
    nlp.add_pipe("bn_mentions", config=dict(config))
    nlp.add_pipe("bn_records", config=dict(config))
    return nlp


def test_entry_points_are_installed() -> None:
    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert {"bn_mentions", "bn_records"} <= names
    tokenizers = {ep.name for ep in entry_points(group="spacy_tokenizers")}
    assert "extractor.bn_tokenizer.v1" in tokenizers


@pytest.mark.parametrize("backend", [None, "spacy", "regex"])
def test_results_equal_extract(backend: str | None) -> None:
    nlp = _nlp(backend)
    for text in _texts():
        ref = extract(text)
        doc = nlp(text)
        assert doc.text == text
        assert isinstance(doc._.record, Document)
        assert doc._.record == ref
        assert doc._.mentions == list(ref.mentions)
        assert doc._.events == list(ref.events)
        assert doc._.trade == list(ref.trade)
        assert all(isinstance(m, Mention) for m in doc._.mentions)
        assert all(isinstance(e, Event) for e in doc._.events)
        assert all(isinstance(t, TradeFlow) for t in doc._.trade)


def test_spans_cover_the_mentions() -> None:
    nlp = _nlp("spacy")
    for text in _texts():
        doc = nlp(text)
        spans = list(doc.spans["mentions"])
        assert len(spans) == len(doc._.mentions)
        for span, m in zip(spans, doc._.mentions, strict=True):
            assert span.label_ == m.kind
            assert span.start_char <= m.start and m.end <= span.end_char


def test_seed_has_records() -> None:
    if not SEED:
        pytest.skip("no seed article in /work/shared/seed")
    text = SEED[0].read_text(encoding="utf-8")
    doc = _nlp("spacy")(text)
    assert doc._.record == extract(text)
    assert doc._.mentions, "the seed article has dated and money mentions"
    # Every number of the seed (by our tokenizer) is a single spaCy token.
    spacy_spans = {(t.idx, t.idx + len(t.text)) for t in doc}
    numbers = {(t.start, t.end) for t in tokenize(text) if t.kind == "number"}
    assert numbers and numbers <= spacy_spans


def test_doc_id_and_doc_date() -> None:
    text = "গত বছর দুই দেশ একটি চুক্তি স্বাক্ষর করে। বাণিজ্য ছিল ২০ কোটি টাকা।"
    nlp = _nlp("regex", doc_date="2024-05-01")
    doc = nlp.make_doc(text)
    doc.user_data["doc_id"] = "article-7"
    doc = nlp(doc)
    assert doc._.record == extract(text, "article-7", dt.date(2024, 5, 1))
    assert doc._.record.doc_id == "article-7"


def test_no_values_before_the_components_run() -> None:
    doc = blank().make_doc("১,০০০ টাকা")
    assert doc._.mentions is None and doc._.record is None and doc._.events is None


def test_n_process_2_equals_n_process_1() -> None:
    nlp = _nlp("spacy")
    texts = _texts()
    one = [
        (d._.record, d._.mentions, [s.text for s in d.spans["mentions"]]) for d in nlp.pipe(texts)
    ]
    two = [
        (d._.record, d._.mentions, [s.text for s in d.spans["mentions"]])
        for d in nlp.pipe(texts, n_process=2, batch_size=2)
    ]
    assert one == two
    assert [r for r, _, _ in two] == [extract(t) for t in texts]


def test_pickle_round_trip() -> None:
    nlp = _nlp("regex", doc_date="2020-01-01")
    copy = pickle.loads(pickle.dumps(nlp))
    assert copy.pipe_names == ["bn_mentions", "bn_records"]
    for text in TEXTS:
        assert copy(text)._.record == nlp(text)._.record
        assert [t.text for t in copy(text)] == [t.text for t in nlp(text)]


def test_to_disk_keeps_the_tokenizer(tmp_path: Path) -> None:
    nlp = _nlp("spacy")
    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    assert loaded.config["nlp"]["tokenizer"]["backend"] == "spacy"
    assert [t.text for t in loaded("মোট ১,২৫,০০০ টাকা")] == ["মোট", "১,২৫,০০০", "টাকা"]
    assert loaded(TEXTS[0])._.record == extract(TEXTS[0])


@pytest.mark.parametrize("backend", ["spacy", "regex"])
def test_blank_keeps_numbers_whole(backend: str) -> None:
    doc = blank(backend)("দাম ১,০০০৳, মোট ৫,২৫০.৫০ ও ১,২৫,০০০ টাকা")
    assert [t.text for t in doc] == [
        "দাম",
        "১,০০০",
        "৳",
        ",",
        "মোট",
        "৫,২৫০.৫০",
        "ও",
        "১,২৫,০০০",
        "টাকা",
    ]
