"""A self-contained HTML review of a score: each article with its gold and
predicted spans side by side, each error marked in place.

The page has inline CSS only: no scripts, fonts or anything else from the
network. Everything that comes from an article, a gold file or a prediction is
passed through ``html.escape`` (attributes are always double-quoted), so a
hostile article shows as text. Spans may overlap or nest: the text is cut at
every span boundary (a sweep over offsets) and each piece is wrapped in one
element per span covering it, so the output is always well nested.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

from extractor.score import (
    FIELDS,
    RECORD_TYPES,
    DocResult,
    Record,
    RecordError,
    RecordType,
    ScoreResult,
    describe,
    fmt,
    records_of,
    summary_cells,
)

_CSS = """
body { font-family: sans-serif; margin: 1.5em; color: #222; }
table { border-collapse: collapse; margin: .5em 0 1em; }
th, td { border: 1px solid #ccc; padding: .2em .5em; text-align: right; vertical-align: top; }
th:first-child, td:first-child, td.l { text-align: left; }
.cols { display: flex; gap: 1em; }
.col { flex: 1 1 50%; min-width: 0; }
.text { white-space: pre-wrap; line-height: 2.1; border: 1px solid #ddd; padding: .6em; }
.legend span { margin-right: 1em; }
.mentions { padding: 0 1px; border-radius: 3px; }
.mentions.ok { background: #c8f0c8; }
.mentions.missed { background: #ffc4c4; }
.mentions.spurious { background: #ffe0a8; }
.mentions.mismatch { background: #e4ccff; }
.trade { border-bottom: 3px double; }
.events { text-decoration-line: underline; text-decoration-style: wavy;
          text-decoration-thickness: 1px; text-underline-offset: 4px; }
.trade.ok, .events.ok { border-color: #2a8a2a; text-decoration-color: #2a8a2a; }
.trade.missed, .events.missed { border-color: #d00; text-decoration-color: #d00; }
.trade.spurious, .events.spurious { border-color: #e08000; text-decoration-color: #e08000; }
.trade.mismatch, .events.mismatch { border-color: #8040c0; text-decoration-color: #8040c0; }
sup.tag { font-size: 70%; font-weight: bold; }
sup.tag.missed, td.missed { color: #d00; }
sup.tag.spurious, td.spurious { color: #e08000; }
sup.tag.mismatch, td.mismatch { color: #8040c0; }
td.ok { color: #2a8a2a; }
.missingdoc { color: #d00; font-weight: bold; }
.rtext { white-space: pre-wrap; }
"""

_SHORT: dict[RecordType, str] = {"mentions": "m", "events": "e", "trade": "t"}
# Outer layers first when one piece of text lies in several spans.
_LAYER_ORDER: dict[RecordType, int] = {"events": 0, "trade": 1, "mentions": 2}


@dataclass(frozen=True)
class Mark:
    """One record's span on one side, with its status and what to show."""

    start: int
    end: int
    kind: RecordType
    status: str  # ok | missed | spurious | mismatch
    title: str
    tag: str | None  # label placed after the span for errors
    anchor: str | None


def _status_maps(
    doc: DocResult, kind: RecordType
) -> tuple[dict[int, tuple[str, RecordError | None]], dict[int, tuple[str, RecordError | None]]]:
    tr = doc.types[kind]
    gold: dict[int, tuple[str, RecordError | None]] = {g: ("ok", None) for g, _ in tr.matched}
    pred: dict[int, tuple[str, RecordError | None]] = {p: ("ok", None) for _, p in tr.matched}
    for err in tr.errors:
        if err.gold_index is not None:
            gold[err.gold_index] = (err.error, err)
        if err.pred_index is not None:
            pred[err.pred_index] = (err.error, err)
    return gold, pred


def _error_ids(doc: DocResult) -> dict[int, str]:
    """A short label (m3, t1, ...) for every error of a document, by id() of the error."""
    ids: dict[int, str] = {}
    for kind in RECORD_TYPES:
        for n, err in enumerate(doc.types[kind].errors, 1):
            ids[id(err)] = f"{_SHORT[kind]}{n}"
    return ids


def _marks(
    result: ScoreResult, doc: DocResult, doc_no: int, side: str, text_len: int
) -> list[Mark]:
    ids = _error_ids(doc)
    source = result.gold if side == "gold" else result.pred
    marks = []
    for kind in RECORD_TYPES:
        gold_status, pred_status = _status_maps(doc, kind)
        status_map = gold_status if side == "gold" else pred_status
        for i, rec in enumerate(records_of(source.get(doc.doc_id), kind)):
            status, err = status_map.get(i, ("ok", None))
            start, end = max(0, rec.start), min(text_len, rec.end)
            if start >= end:
                continue
            title = f"{side} {kind}: {describe(kind, rec)} — {status}"
            tag = anchor = None
            if err is not None:
                label = ids[id(err)]
                anchor = f"d{doc_no}-{label}"
                tag = label
                if err.fields:
                    title += " (" + ", ".join(err.fields) + ")"
            marks.append(Mark(start, end, kind, status, title, tag, anchor))
    return marks


def render_marked(text: str, marks: Sequence[Mark]) -> str:
    """The text as HTML with every mark wrapped around its span (boundary sweep).

    Each piece between two consecutive boundaries is wrapped in one element per
    mark covering it (outer layers and longer spans outside), so overlapping and
    nested spans always give well-nested HTML. Error tags follow their span's end.
    """
    bounds = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    starts: dict[int, list[Mark]] = {}
    ends: dict[int, list[Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
        ends.setdefault(m.end, []).append(m)
    active: list[Mark] = []
    out: list[str] = []
    for a, b in itertools.pairwise(bounds):
        ending = ends.get(a, [])
        if ending:
            gone = {id(m) for m in ending}
            active = [m for m in active if id(m) not in gone]
            out += _tags(ending)
        active += starts.get(a, [])
        piece = escape(text[a:b])
        # Innermost first, so outer layers and longer spans end up outside.
        for m in sorted(active, key=_nesting, reverse=True):
            piece = f'<span class="{m.kind} {m.status}" title="{escape(m.title)}">{piece}</span>'
        out.append(piece)
    out += _tags(ends.get(len(text), []))
    return "".join(out)


def _nesting(mark: Mark) -> tuple[int, int]:
    return (_LAYER_ORDER[mark.kind], mark.start - mark.end)


def _tags(marks: Sequence[Mark]) -> list[str]:
    return [
        f'<sup class="tag {m.status}"><a href="#{m.anchor}">{escape(m.tag)}</a></sup>'
        for m in marks
        if m.tag and m.anchor
    ]


def _score_table(rows: Sequence[tuple[str, Sequence[str]]], head: Sequence[str]) -> str:
    parts = ["<table><tr>", *(f"<th>{escape(h)}</th>" for h in head), "</tr>"]
    for name, cells in rows:
        parts.append(f"<tr><td>{escape(name)}</td>")
        parts += [f"<td>{escape(c)}</td>" for c in cells]
        parts.append("</tr>")
    parts.append("</table>")
    return "".join(parts)


def _rec_cell(kind: RecordType, rec: Record | None) -> str:
    if rec is None:
        return '<td class="l">—</td>'
    return (
        f'<td class="l">{rec.start}:{rec.end} <span class="rtext">{escape(rec.text)}</span>'
        f"<br><small>{escape(describe(kind, rec))}</small></td>"
    )


def _error_table(doc: DocResult, doc_no: int) -> str:
    ids = _error_ids(doc)
    rows = []
    for kind in RECORD_TYPES:
        for err in doc.types[kind].errors:
            label = ids[id(err)]
            rows.append(
                f'<tr id="d{doc_no}-{label}"><td>{label}</td>'
                f'<td class="l {err.error}">{err.error}</td>'
                f'<td class="l">{escape(", ".join(err.fields))}</td>'
                f"{_rec_cell(kind, err.gold)}{_rec_cell(kind, err.pred)}</tr>"
            )
    if not rows:
        return "<p>No errors.</p>"
    head = "<tr><th>id</th><th>error</th><th>wrong fields</th><th>gold</th><th>predicted</th></tr>"
    return f"<table>{head}{''.join(rows)}</table>"


def _record_table(result: ScoreResult, doc: DocResult, side: str) -> str:
    source = result.gold if side == "gold" else result.pred
    rows = []
    for kind in RECORD_TYPES:
        gold_status, pred_status = _status_maps(doc, kind)
        status_map = gold_status if side == "gold" else pred_status
        for i, rec in enumerate(records_of(source.get(doc.doc_id), kind)):
            status = status_map.get(i, ("ok", None))[0]
            cells = f'<td>{kind}</td><td class="l {status}">{status}</td>{_rec_cell(kind, rec)}'
            rows.append(f"<tr>{cells}</tr>")
    if not rows:
        return "<p>No records.</p>"
    head = "<tr><th>type</th><th>status</th><th>record</th></tr>"
    return f"<table>{head}{''.join(rows)}</table>"


def _doc_scores(doc: DocResult) -> str:
    rows = []
    for kind in RECORD_TYPES:
        c = doc.types[kind].counts
        rows.append(
            (kind, [str(c.tp), str(c.fp), str(c.fn), fmt(c.precision), fmt(c.recall), fmt(c.f1)])
        )
    return _score_table(rows, ["type", "tp", "fp", "fn", "P", "R", "F1"])


def _summary(result: ScoreResult) -> str:
    rows = []
    for kind in RECORD_TYPES:
        c, m = result.micro(kind), result.macro(kind)
        rows.append((kind, summary_cells(c, m)))
    table = _score_table(
        rows, ["type", "tp", "fp", "fn", "P", "R", "F1", "macro P", "macro R", "macro F1"]
    )
    field_rows = []
    for kind in RECORD_TYPES:
        acc = result.field_accuracy(kind)
        field_rows.append(
            (kind, [str(result.aligned_count(kind)), *(f"{n} {fmt(acc[n])}" for n in FIELDS[kind])])
        )
    width = max(len(FIELDS[k]) for k in RECORD_TYPES)
    fields = _score_table(field_rows, ["type", "aligned pairs", *[""] * width])
    notes = ""
    if result.missing_documents:
        notes += (
            '<p class="missingdoc">Missing predictions: '
            + escape(", ".join(result.missing_documents))
            + "</p>"
        )
    if result.extra_documents:
        notes += (
            "<p>Predictions without gold (ignored): "
            + escape(", ".join(result.extra_documents))
            + "</p>"
        )
    return f"<h2>Summary</h2>{table}<h3>Field accuracy on span-aligned pairs</h3>{fields}{notes}"


def render_html(result: ScoreResult, texts: Mapping[str, str] | None = None) -> str:
    """The whole review page; ``texts`` maps doc_id to the article as read."""
    texts = texts or {}
    parts = [
        "<!DOCTYPE html>",
        '<html lang="bn"><head><meta charset="utf-8">',
        "<title>extractor score report</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>extractor score report</h1>",
        '<p class="legend">Marks: <span class="mentions ok">mention</span>'
        '<span class="trade ok">trade flow</span><span class="events ok">event</span>'
        ' — colours: <span class="mentions ok">matched</span>'
        '<span class="mentions missed">missed</span>'
        '<span class="mentions spurious">spurious</span>'
        '<span class="mentions mismatch">aligned, wrong field</span></p>',
        _summary(result),
        "<h2>Documents</h2><ul>",
    ]
    for n, doc in enumerate(result.documents):
        parts.append(f'<li><a href="#d{n}">{escape(doc.doc_id)}</a></li>')
    parts.append("</ul>")
    for n, doc in enumerate(result.documents):
        parts.append(f'<section id="d{n}"><h2>{escape(doc.doc_id)}</h2>')
        if doc.missing:
            parts.append('<p class="missingdoc">No prediction for this document.</p>')
        parts.append(_doc_scores(doc))
        text = texts.get(doc.doc_id)
        if text is not None:
            gold_html = render_marked(text, _marks(result, doc, n, "gold", len(text)))
            pred_html = render_marked(text, _marks(result, doc, n, "pred", len(text)))
            parts.append(
                '<div class="cols">'
                f'<div class="col"><h3>Gold</h3><div class="text">{gold_html}</div></div>'
                f'<div class="col"><h3>Predicted</h3><div class="text">{pred_html}</div></div>'
                "</div>"
            )
        else:
            parts.append(
                '<div class="cols">'
                f'<div class="col"><h3>Gold</h3>{_record_table(result, doc, "gold")}</div>'
                f'<div class="col"><h3>Predicted</h3>{_record_table(result, doc, "pred")}</div>'
                "</div>"
            )
        parts.append("<h3>Errors</h3>")
        parts.append(_error_table(doc, n))
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts)
