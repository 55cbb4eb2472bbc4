"""The scorer: strict P/R/F1 per record type, field accuracy, and every error.

Matching follows records.md "Scoring":

- mentions match when kinds are equal, spans overlap, values are equal (exact
  ``Decimal`` for numbers, the EDTF string for dates) and, for money, currencies
  are equal;
- events match when ``type``, ``date`` and the ``participants`` set are equal;
- trade flows match when period, flow, exporter, importer, parties, currency and
  value are equal.

Matching is one-to-one and maximal: among all compatible gold/predicted pairs we
take a maximum matching, and among the maximum ones the one with the smallest
total cost, where overlapping spans cost less than disjoint ones and closer spans
less than distant ones (``_pair_cost``). It is solved exactly per connected
component with the Hungarian algorithm (``assign``), so a greedy choice can
never steal a gold record that another prediction needed.

Field accuracy is computed on pairs *aligned by span*: the strict matches whose
spans overlap, plus the left-over missed and spurious records whose spans
overlap (one-to-one, most overlap first). A left-over aligned pair is reported
as one "mismatch" naming the fields that differ (it still counts as one miss and
one spurious record in the strict figures).

Undefined ratios are ``None`` (shown as ``n/a``): precision when nothing was
predicted, recall when there is nothing to find. F1 is ``None`` only when both
sides are empty; when exactly one side is empty it is 0. Macro figures are the
means of the per-document figures that are defined, over the gold documents.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from extractor.records import Document, Event, Mention, TradeFlow

RecordType = Literal["mentions", "events", "trade"]
RECORD_TYPES: tuple[RecordType, ...] = ("mentions", "events", "trade")
Record = Mention | Event | TradeFlow

# Version of the JSON structure written by ``score_to_json`` (bump on any change).
JSON_VERSION = 1

# Fields compared on span-aligned pairs, per record type ("span" = same start and end).
FIELDS: dict[RecordType, tuple[str, ...]] = {
    "mentions": ("kind", "value", "unit", "approximate", "span"),
    "events": ("type", "date", "participants", "actor", "span"),
    "trade": (
        "period",
        "flow",
        "exporter",
        "importer",
        "parties",
        "value",
        "currency",
        "approximate",
        "span",
    ),
}


class ScoreInputError(ValueError):
    """A gold or prediction file that cannot be read as contract documents."""


# ---------------------------------------------------------------- reading


def _parse_document(data: Any, where: str) -> Document:
    try:
        return Document.model_validate(data)
    except ValidationError as exc:
        raise ScoreInputError(f"{where}: not a contract document: {exc}") from exc


def _read_json_file(path: Path) -> Document:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ScoreInputError(f"{path}: {exc}") from exc
    return _parse_document(data, str(path))


def _read_jsonl_file(path: Path) -> list[Document]:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ScoreInputError(f"{path}: {exc}") from exc
    docs = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ScoreInputError(f"{path}:{number}: {exc}") from exc
        docs.append(_parse_document(data, f"{path}:{number}"))
    return docs


def load_documents(path: str | Path) -> dict[str, Document]:
    """Documents by doc_id from a folder of ``*.json`` files, a JSONL file or one JSON file.

    Raises ScoreInputError on unreadable input, invalid documents and repeated doc_ids.
    """
    p = Path(path)
    if p.is_dir():
        docs = [_read_json_file(f) for f in sorted(p.glob("*.json"))]
        docs += [d for f in sorted(p.glob("*.jsonl")) for d in _read_jsonl_file(f)]
    elif p.suffix == ".json":
        docs = [_read_json_file(p)]
    elif p.exists():
        docs = _read_jsonl_file(p)
    else:
        raise ScoreInputError(f"{p}: no such file or folder")
    out: dict[str, Document] = {}
    for doc in docs:
        if doc.doc_id in out:
            raise ScoreInputError(f"{p}: doc_id {doc.doc_id!r} appears more than once")
        out[doc.doc_id] = doc
    return out


# ---------------------------------------------------------------- matching


def assign(
    n_rows: int, n_cols: int, cost: Callable[[int, int], int | None]
) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of minimum total cost (Hungarian algorithm).

    ``cost(i, j)`` is a non-negative integer for an allowed pair and None for a
    forbidden one. Among all matchings with the most pairs, the returned one has
    the least total cost. Exact integer arithmetic; O(n^2 m) for n <= m.
    """
    if n_rows == 0 or n_cols == 0:
        return []
    transpose = n_rows > n_cols
    rows, cols = (n_cols, n_rows) if transpose else (n_rows, n_cols)
    table: list[list[int | None]] = [
        [cost(j, i) if transpose else cost(i, j) for j in range(cols)] for i in range(rows)
    ]
    allowed = [c for line in table for c in line if c is not None]
    if not allowed:
        return []
    # A forbidden pair costs more than every allowed pairing together, so the
    # optimum first maximizes the number of allowed pairs, then minimizes cost.
    big = (max(allowed) + 1) * (rows + 1)
    matrix = [[big if c is None else c for c in line] for line in table]
    # e-maxx formulation with potentials u (rows) and v (columns), 1-based.
    u = [0] * (rows + 1)
    v = [0] * (cols + 1)
    owner = [0] * (cols + 1)  # owner[j] = row assigned to column j (0 = none)
    way = [0] * (cols + 1)
    for i in range(1, rows + 1):
        owner[0] = i
        j0 = 0
        minv: list[int | None] = [None] * (cols + 1)
        used = [False] * (cols + 1)
        while True:
            used[j0] = True
            i0 = owner[j0]
            delta: int | None = None
            j1 = 0
            for j in range(1, cols + 1):
                if used[j]:
                    continue
                cur = matrix[i0 - 1][j - 1] - u[i0] - v[j]
                mj = minv[j]
                if mj is None or cur < mj:
                    minv[j] = mj = cur
                    way[j] = j0
                if delta is None or mj < delta:
                    delta = mj
                    j1 = j
            assert delta is not None
            for j in range(cols + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    mj = minv[j]
                    if mj is not None:
                        minv[j] = mj - delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    pairs = []
    for j in range(1, cols + 1):
        i = owner[j]
        if i and table[i - 1][j - 1] is not None:
            pairs.append((j - 1, i - 1) if transpose else (i - 1, j - 1))
    return sorted(pairs)


def _components(
    n_rows: int, n_cols: int, edges: Iterable[tuple[int, int]]
) -> list[tuple[list[int], list[int]]]:
    """Connected components (rows, cols) of a bipartite graph, isolated nodes left out."""
    parent = list(range(n_rows + n_cols))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in edges:
        a, b = find(i), find(n_rows + j)
        if a != b:
            parent[a] = b
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for i in range(n_rows):
        groups.setdefault(find(i), ([], []))[0].append(i)
    for j in range(n_cols):
        groups.setdefault(find(n_rows + j), ([], []))[1].append(j)
    return [g for g in groups.values() if g[0] and g[1]]


def _restricted(
    costs: dict[tuple[int, int], int], rows: list[int], cols: list[int]
) -> Callable[[int, int], int | None]:
    """The cost function of one component, in its own row and column numbering."""
    return lambda a, b: costs.get((rows[a], cols[b]))


def match_pairs(
    n_rows: int, n_cols: int, cost: Callable[[int, int], int | None]
) -> list[tuple[int, int]]:
    """``assign`` solved separately on each connected component of the allowed pairs."""
    costs = {
        (i, j): c for i in range(n_rows) for j in range(n_cols) if (c := cost(i, j)) is not None
    }
    pairs: list[tuple[int, int]] = []
    for rows, cols in _components(n_rows, n_cols, costs):
        sub = assign(len(rows), len(cols), _restricted(costs, rows, cols))
        pairs += [(rows[a], cols[b]) for a, b in sub]
    return sorted(pairs)


def overlap(a: Record, b: Record) -> int:
    """Number of code points two records' spans share (0 when disjoint)."""
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _pair_cost(a: Record, b: Record, scale: int) -> int:
    # Overlapping pairs always cost less than disjoint ones; within each tier,
    # the nearer the boundaries, the cheaper.
    distance = abs(a.start - b.start) + abs(a.end - b.end)
    return distance if overlap(a, b) else scale + distance


def strict_key(kind: RecordType, rec: Record) -> Hashable:
    """What must be equal for a strict match (besides overlap for mentions)."""
    if isinstance(rec, Mention):
        # Equal Decimals hash equal (Decimal("1.0") == Decimal("1")), dates are strings.
        currency = rec.unit if rec.kind == "money" else None
        return (rec.kind, rec.value, currency)
    if isinstance(rec, Event):
        return (rec.type, rec.date, frozenset(rec.participants))
    return (
        rec.period,
        rec.flow,
        rec.exporter,
        rec.importer,
        tuple(rec.parties),
        rec.currency,
        rec.value,
    )


def strict_matches(
    kind: RecordType, gold: Sequence[Record], pred: Sequence[Record]
) -> list[tuple[int, int]]:
    """One-to-one strict matches (gold index, predicted index), maximum and nearest."""
    gkeys = [strict_key(kind, g) for g in gold]
    pkeys = [strict_key(kind, p) for p in pred]
    ends = [r.end for r in (*gold, *pred)]
    scale = 2 * max(ends, default=0) + 1

    def cost(i: int, j: int) -> int | None:
        if gkeys[i] != pkeys[j]:
            return None
        if kind == "mentions" and not overlap(gold[i], pred[j]):
            return None
        return _pair_cost(gold[i], pred[j], scale)

    return match_pairs(len(gold), len(pred), cost)


def align_by_span(
    gold: Sequence[Record], pred: Sequence[Record], gold_idx: Sequence[int], pred_idx: Sequence[int]
) -> list[tuple[int, int]]:
    """Pair up the given gold and predicted records whose spans overlap, most overlap first."""
    longest = max((r.end - r.start for r in (*gold, *pred)), default=0)

    def cost(a: int, b: int) -> int | None:
        shared = overlap(gold[gold_idx[a]], pred[pred_idx[b]])
        return longest - shared if shared else None

    pairs = match_pairs(len(gold_idx), len(pred_idx), cost)
    return [(gold_idx[a], pred_idx[b]) for a, b in pairs]


def field_value(rec: Record, name: str) -> Any:
    if name == "span":
        return (rec.start, rec.end)
    if name == "participants":
        return frozenset(getattr(rec, name))
    return getattr(rec, name)


def differing_fields(kind: RecordType, gold: Record, pred: Record) -> list[str]:
    return [f for f in FIELDS[kind] if field_value(gold, f) != field_value(pred, f)]


# ---------------------------------------------------------------- figures


@dataclass(frozen=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None and r is None:
            return None
        if p is None or r is None or p + r == 0:
            return 0.0
        return 2 * p * r / (p + r)

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


def _mean(values: Iterable[float | None]) -> float | None:
    defined = [v for v in values if v is not None]
    return sum(defined) / len(defined) if defined else None


ErrorKind = Literal["missed", "spurious", "mismatch"]


@dataclass(frozen=True)
class RecordError:
    """A missed gold record, a spurious prediction, or a span-aligned pair that differs."""

    doc_id: str
    type: RecordType
    error: ErrorKind
    gold: Record | None
    pred: Record | None
    fields: tuple[str, ...] = ()
    gold_index: int | None = None
    pred_index: int | None = None


@dataclass(frozen=True)
class TypeResult:
    """One record type in one document."""

    counts: Counts
    matched: list[tuple[int, int]]
    aligned: list[tuple[int, int]]  # every span-aligned pair (strict or not)
    errors: list[RecordError]


@dataclass(frozen=True)
class DocResult:
    doc_id: str
    missing: bool  # a gold document without prediction
    types: dict[RecordType, TypeResult]


@dataclass(frozen=True)
class ScoreResult:
    documents: list[DocResult]
    missing_documents: list[str]
    extra_documents: list[str]
    gold: dict[str, Document] = field(repr=False)
    pred: dict[str, Document] = field(repr=False)

    def micro(self, kind: RecordType) -> Counts:
        total = Counts()
        for doc in self.documents:
            total = total + doc.types[kind].counts
        return total

    def macro(self, kind: RecordType) -> dict[str, float | None]:
        counts = [d.types[kind].counts for d in self.documents]
        return {
            "precision": _mean(c.precision for c in counts),
            "recall": _mean(c.recall for c in counts),
            "f1": _mean(c.f1 for c in counts),
        }

    def field_accuracy(self, kind: RecordType) -> dict[str, float | None]:
        """Share of span-aligned pairs (over the corpus) on which each field agrees."""
        agree = dict.fromkeys(FIELDS[kind], 0)
        total = 0
        for doc in self.documents:
            gold = records_of(self.gold.get(doc.doc_id), kind)
            pred = records_of(self.pred.get(doc.doc_id), kind)
            for gi, pi in doc.types[kind].aligned:
                total += 1
                wrong = set(differing_fields(kind, gold[gi], pred[pi]))
                for name in agree:
                    agree[name] += name not in wrong
        return {name: (n / total if total else None) for name, n in agree.items()}

    def aligned_count(self, kind: RecordType) -> int:
        return sum(len(d.types[kind].aligned) for d in self.documents)

    def errors(self) -> list[RecordError]:
        return [e for d in self.documents for k in RECORD_TYPES for e in d.types[k].errors]


def records_of(doc: Document | None, kind: RecordType) -> list[Record]:
    if doc is None:
        return []
    return list(getattr(doc, kind))


def score_type(
    doc_id: str, kind: RecordType, gold: Sequence[Record], pred: Sequence[Record]
) -> TypeResult:
    """Strict matches, span alignment and errors for one record type of one document."""
    matched = strict_matches(kind, gold, pred)
    gold_left = sorted(set(range(len(gold))) - {g for g, _ in matched})
    pred_left = sorted(set(range(len(pred))) - {p for _, p in matched})
    mismatched = align_by_span(gold, pred, gold_left, pred_left)
    aligned = sorted([(g, p) for g, p in matched if overlap(gold[g], pred[p])] + mismatched)
    errors: list[RecordError] = []
    paired_gold = {g: p for g, p in mismatched}
    paired_pred = {p for _, p in mismatched}
    for g in gold_left:
        if g in paired_gold:
            p = paired_gold[g]
            diff = tuple(differing_fields(kind, gold[g], pred[p]))
            errors.append(RecordError(doc_id, kind, "mismatch", gold[g], pred[p], diff, g, p))
        else:
            errors.append(RecordError(doc_id, kind, "missed", gold[g], None, (), g, None))
    for p in pred_left:
        if p not in paired_pred:
            errors.append(RecordError(doc_id, kind, "spurious", None, pred[p], (), None, p))
    errors.sort(key=lambda e: _error_pos(e))
    counts = Counts(tp=len(matched), fp=len(pred) - len(matched), fn=len(gold) - len(matched))
    return TypeResult(counts, matched, aligned, errors)


def _error_pos(err: RecordError) -> tuple[int, int]:
    rec = err.gold or err.pred
    assert rec is not None
    return (rec.start, rec.end)


def score_documents(gold: dict[str, Document], pred: dict[str, Document]) -> ScoreResult:
    """Score predicted documents against gold documents, paired by doc_id."""
    docs = []
    for doc_id in sorted(gold):
        p = pred.get(doc_id)
        types = {
            kind: score_type(doc_id, kind, records_of(gold[doc_id], kind), records_of(p, kind))
            for kind in RECORD_TYPES
        }
        docs.append(DocResult(doc_id, p is None, types))
    return ScoreResult(
        documents=docs,
        missing_documents=sorted(set(gold) - set(pred)),
        extra_documents=sorted(set(pred) - set(gold)),
        gold=gold,
        pred=pred,
    )


def score_paths(gold: str | Path, pred: str | Path) -> ScoreResult:
    return score_documents(load_documents(gold), load_documents(pred))


# ---------------------------------------------------------------- output


def record_json(rec: Record | None) -> dict[str, Any] | None:
    return None if rec is None else rec.model_dump(mode="json")


def score_to_json(result: ScoreResult) -> dict[str, Any]:
    """The machine-readable score; its structure is stable (see JSON_VERSION).

    ``{"version": 1,
       "documents_scored": int, "missing_documents": [doc_id], "extra_documents": [doc_id],
       "scores": {type: {"micro": {tp, fp, fn, precision, recall, f1},
                         "macro": {precision, recall, f1}}},
       "fields": {type: {"aligned": int, "accuracy": {field: share}}},
       "documents": [{"doc_id", "missing": bool, "scores": {type: {tp, fp, fn, precision,
                      recall, f1}}}],
       "errors": [{"doc_id", "type", "error": "missed"|"spurious"|"mismatch",
                   "fields": [field], "gold": record|null, "pred": record|null,
                   "gold_index": int|null, "pred_index": int|null}]}``

    type is one of mentions, events, trade; a ratio with an empty denominator is null.
    """
    return {
        "version": JSON_VERSION,
        "documents_scored": len(result.documents),
        "missing_documents": result.missing_documents,
        "extra_documents": result.extra_documents,
        "scores": {
            k: {"micro": result.micro(k).as_dict(), "macro": result.macro(k)} for k in RECORD_TYPES
        },
        "fields": {
            k: {"aligned": result.aligned_count(k), "accuracy": result.field_accuracy(k)}
            for k in RECORD_TYPES
        },
        "documents": [
            {
                "doc_id": d.doc_id,
                "missing": d.missing,
                "scores": {k: d.types[k].counts.as_dict() for k in RECORD_TYPES},
            }
            for d in result.documents
        ],
        "errors": [
            {
                "doc_id": e.doc_id,
                "type": e.type,
                "error": e.error,
                "fields": list(e.fields),
                "gold": record_json(e.gold),
                "pred": record_json(e.pred),
                "gold_index": e.gold_index,
                "pred_index": e.pred_index,
            }
            for e in result.errors()
        ],
    }


def fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def describe(kind: RecordType, rec: Record) -> str:
    """A one-line summary of a record's values (no offsets or text)."""
    if isinstance(rec, Mention):
        unit = f" {rec.unit}" if rec.unit else ""
        approx = " ~" if rec.approximate else ""
        return f"{rec.kind} {rec.value}{unit}{approx}"
    if isinstance(rec, Event):
        actor = f" actor={rec.actor}" if rec.actor else ""
        return f"{rec.type} {rec.date} [{','.join(rec.participants)}]{actor}"
    return (
        f"{rec.flow} {rec.period} {rec.exporter or '-'}→{rec.importer or '-'} "
        f"[{','.join(rec.parties)}] {rec.value} {rec.currency}"
    )


def check_baseline(result: ScoreResult, baseline: dict[str, Any], key: str) -> list[str]:
    """Messages for every micro F1 below the baseline's figure (empty list = pass).

    A figure that is n/a (no gold and no predicted record of that type) passes.
    """
    section = baseline.get(key)
    if not isinstance(section, dict):
        return [f"baseline has no section {key!r}"]
    failures = []
    for kind in RECORD_TYPES:
        if kind not in section:
            continue
        try:
            floor = Decimal(str(section[kind]))
        except InvalidOperation:
            failures.append(f"baseline {key}.{kind} is not a number: {section[kind]!r}")
            continue
        f1 = result.micro(kind).f1
        if f1 is not None and Decimal(repr(f1)) < floor:
            failures.append(f"{key} {kind} micro F1 {f1:.4f} is below the baseline {floor}")
    return failures


def summary_cells(c: Counts, m: Mapping[str, float | None]) -> list[str]:
    """One summary row's cells: tp, fp, fn, micro P/R/F1, macro P/R/F1."""
    return [
        str(c.tp),
        str(c.fp),
        str(c.fn),
        *(fmt(v) for v in (c.precision, c.recall, c.f1)),
        *(fmt(m[key]) for key in ("precision", "recall", "f1")),
    ]


def render_text(result: ScoreResult, console: Any) -> None:
    """Print the score for people with rich: summary, per document, fields, errors."""
    from rich.table import Table

    summary = Table(title="Strict scores (micro over records; mac- = macro over documents)")
    for col in ("type", "tp", "fp", "fn", "P", "R", "F1", "mac-P", "mac-R", "mac-F1"):
        summary.add_column(col, justify="left" if col == "type" else "right", no_wrap=True)
    for k in RECORD_TYPES:
        c, m = result.micro(k), result.macro(k)
        summary.add_row(k, *summary_cells(c, m))
    console.print(summary)
    if result.missing_documents:
        console.print(f"missing predictions for: {', '.join(result.missing_documents)}")
    if result.extra_documents:
        console.print(f"predictions without gold (ignored): {', '.join(result.extra_documents)}")

    per_doc = Table(title="Per document (F1, tp/fp/fn)")
    per_doc.add_column("doc_id", no_wrap=True)
    for k in RECORD_TYPES:
        per_doc.add_column(k, justify="right", no_wrap=True)
    for d in result.documents:
        cells = []
        for k in RECORD_TYPES:
            c = d.types[k].counts
            cells.append(f"{fmt(c.f1)} {c.tp}/{c.fp}/{c.fn}")
        per_doc.add_row(d.doc_id + (" (missing)" if d.missing else ""), *cells)
    console.print(per_doc)

    fields = Table(title="Field accuracy on span-aligned pairs")
    for col in ("type", "pairs", "field", "accuracy"):
        fields.add_column(col, justify="left" if col in ("type", "field") else "right")
    for k in RECORD_TYPES:
        pairs = str(result.aligned_count(k))
        for n, (name, value) in enumerate(result.field_accuracy(k).items()):
            fields.add_row(k if n == 0 else "", pairs if n == 0 else "", name, fmt(value))
        fields.add_section()
    console.print(fields)
    console.rule("Errors (missed, spurious, mismatch = span-aligned pair with wrong fields)")

    from rich.markup import escape

    for e in result.errors():
        where = ""
        if e.error == "mismatch":
            assert e.gold is not None and e.pred is not None
            where = (
                f"{e.gold.start}:{e.gold.end} {e.gold.text!r} wrong {', '.join(e.fields)}: "
                f"gold {describe(e.type, e.gold)} | pred {describe(e.type, e.pred)}"
            )
            if e.pred.start != e.gold.start or e.pred.end != e.gold.end:
                where += f" (pred {e.pred.start}:{e.pred.end} {e.pred.text!r})"
        else:
            rec = e.gold or e.pred
            assert rec is not None
            where = f"{rec.start}:{rec.end} {rec.text!r} {describe(e.type, rec)}"
        console.print(escape(f"{e.doc_id} {e.type} {e.error.upper()} {where}"), soft_wrap=True)
