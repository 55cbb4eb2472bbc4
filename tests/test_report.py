"""The HTML review: escaping of hostile text, nested spans, the project corpus."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from extractor.records import Document, Event, Mention, TradeFlow
from extractor.report import Mark, render_html, render_marked
from extractor.score import load_documents, score_documents
from extractor.text import read_article

ROOT = Path(__file__).parents[1]
HOSTILE = 'মোট ১০০ টাকা <script>alert(1)</script> এবং "><img src=x onerror=alert(1)> ২০১১ সালে'
VOID = {"br", "meta", "img", "hr", "input", "link"}


class Collector(HTMLParser):
    """Records every tag and attribute, the text, and checks that tags nest properly."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.stack: list[str] = []
        self.data: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.data.append(data)


def parse(html: str) -> Collector:
    c = Collector()
    c.feed(html)
    c.close()
    assert c.errors == [] and c.stack == []
    return c


def _m(text: str, sub: str, kind: str = "number", **kw: str) -> Mention:
    start = text.index(sub)
    data = {"kind": kind, "start": start, "end": start + len(sub), "text": sub, **kw}
    return Mention.model_validate(data)


def test_hostile_article_and_records_are_escaped() -> None:
    script = "<script>alert(1)</script>"
    img = '"><img src=x onerror=alert(1)>'
    doc_id = '<script>alert("id")</script>'
    gold = Document(
        doc_id=doc_id,
        mentions=[_m(HOSTILE, "১০০ টাকা", "money", value="100", unit="BDT")],
        events=[
            Event(
                type="other",
                date="2011",
                participants=["BD"],
                start=0,
                end=len(HOSTILE),
                text=HOSTILE,
            )
        ],
        trade=[
            TradeFlow(
                period="2011",
                flow="export",
                exporter="BD",
                parties=["BD"],
                value="100",
                currency="BDT",
                start=HOSTILE.index(script),
                end=HOSTILE.index(script) + len(script),
                text=script,
            )
        ],
    )
    pred = Document(doc_id=doc_id, mentions=[_m(HOSTILE, img, value="1")])
    result = score_documents({doc_id: gold}, {doc_id: pred})
    for texts in ({doc_id: HOSTILE}, None):
        page = parse(render_html(result, texts))
        names = {tag for tag, _ in page.tags}
        assert "script" not in names and "img" not in names
        for _, attrs in page.tags:
            assert not any(name.startswith("on") for name, _ in attrs)
        text = "".join(page.data)
        assert script in text and doc_id in text
        assert img in text
    assert columns(render_html(result, {doc_id: HOSTILE})) == [HOSTILE, HOSTILE]
    assert "<script" not in render_html(result, {doc_id: HOSTILE})


def _coverage(html: str) -> list[frozenset[str]]:
    """For each character of the rendered text, the titles of the spans around it."""

    class Cover(Collector):
        def __init__(self) -> None:
            super().__init__()
            self.open: list[str | None] = []
            self.chars: list[frozenset[str]] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            super().handle_starttag(tag, attrs)
            self.open.append(dict(attrs).get("title") if tag == "span" else None)

        def handle_endtag(self, tag: str) -> None:
            super().handle_endtag(tag)
            self.open.pop()

        def handle_data(self, data: str) -> None:
            super().handle_data(data)
            titles = frozenset(t for t in self.open if t)
            self.chars += [titles] * len(data)

    c = Cover()
    c.feed(html)
    c.close()
    assert c.errors == [] and c.stack == []
    return c.chars


def test_overlapping_and_nested_spans_render_well_nested() -> None:
    text = "০১২৩৪৫৬৭৮৯ <&>"
    marks = [
        Mark(0, 6, "events", "ok", "A", None, None),
        Mark(3, 9, "mentions", "missed", "B", None, None),
        Mark(4, 5, "mentions", "ok", "C", None, None),
        Mark(3, 9, "trade", "spurious", "D", None, None),
        Mark(11, 14, "mentions", "ok", "E", None, None),
    ]
    html = render_marked(text, marks)
    chars = _coverage(html)
    assert len(chars) == len(text)
    for i in range(len(text)):
        expected = {m.title for m in marks if m.start <= i < m.end}
        assert chars[i] == expected, i
    assert "&lt;&amp;&gt;" in html


def test_error_tags_link_to_the_error_table() -> None:
    text = "মোট ১০০ টাকা এবং ২০ টাকা"
    gold = Document(doc_id="g", mentions=[_m(text, "১০০ টাকা", "money", value="100", unit="BDT")])
    pred = Document(doc_id="g", mentions=[_m(text, "২০ টাকা", "money", value="20", unit="BDT")])
    html = render_html(score_documents({"g": gold}, {"g": pred}), {"g": text})
    page = parse(html)
    hrefs = {dict(a)["href"] for t, a in page.tags if t == "a" and dict(a).get("href", "")}
    ids = {dict(a)["id"] for _, a in page.tags if dict(a).get("id")}
    assert {"#d0-m1", "#d0-m2"} <= hrefs
    assert {"d0-m1", "d0-m2"} <= ids
    assert "missed" in html and "spurious" in html


class Columns(Collector):
    """The text of each ``div.text`` column, without the error tags placed in it."""

    def __init__(self) -> None:
        super().__init__()
        self.columns: list[str] = []
        self.inside: list[str] = []  # "text", "tag" or "" for each open element

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        super().handle_starttag(tag, attrs)
        if tag in VOID:
            return
        cls = (dict(attrs).get("class") or "").split()
        role = "text" if tag == "div" and "text" in cls else "tag" if tag == "sup" else ""
        if role == "text":
            self.columns.append("")
        self.inside.append(role)

    def handle_endtag(self, tag: str) -> None:
        super().handle_endtag(tag)
        self.inside.pop()

    def handle_data(self, data: str) -> None:
        super().handle_data(data)
        if "text" in self.inside and "tag" not in self.inside:
            self.columns[-1] += data


def columns(html: str) -> list[str]:
    c = Columns()
    c.feed(html)
    c.close()
    assert c.errors == [] and c.stack == []
    return c.columns


def test_project_corpus_renders() -> None:
    gold_dir, corpus_dir = ROOT / "gold", ROOT / "corpus"
    if not list(gold_dir.glob("*.json")):
        pytest.skip("no gold files in gold/ yet")
    gold = load_documents(gold_dir)
    texts = {
        doc_id: read_article(corpus_dir / f"{doc_id}.txt")
        for doc_id in gold
        if (corpus_dir / f"{doc_id}.txt").is_file()
    }
    # Gold against an empty prediction: every gold span is marked as missed.
    empty = {doc_id: Document(doc_id=doc_id) for doc_id in gold}
    html = render_html(score_documents(gold, empty), texts)
    page = parse(html)
    text = "".join(page.data)
    assert all(doc_id in text for doc_id in gold)
    # Gold and predicted column of every article, each the whole article however
    # its spans overlap, in the order of the documents.
    expected = [t for doc_id in sorted(gold) if (t := texts.get(doc_id)) is not None]
    assert columns(html) == [t for t in expected for _ in range(2)]
