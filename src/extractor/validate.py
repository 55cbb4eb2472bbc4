"""Gold file validation: contract, article offsets, doc_id and duplicates.

Pure functions returning every problem found (not only the first), each naming
the file, the record (type and index, e.g. ``mentions[3]``) and the field.
The article of a gold file is ``<texts>/<doc_id>.txt``; without ``texts`` it is
looked up in ``corpus/`` next to the gold file's folder (``gold/../corpus``).
"""

from __future__ import annotations

import json
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from extractor.records import Document, Event, Mention, TradeFlow
from extractor.text import InputError, read_article

_MODELS: dict[str, type[BaseModel]] = {"mentions": Mention, "events": Event, "trade": TradeFlow}


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    record: str | None  # "mentions[3]"; None for the whole document
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.record:
            where += f": {self.record}"
        if self.field:
            where += f".{self.field}" if self.record else f": {self.field}"
        return f"{where}: {self.message}"


def gold_files(paths: Iterable[str | Path]) -> list[Path]:
    """The JSON files named, or found (``*.json``) in the folders named."""
    out: list[Path] = []
    for path in paths:
        p = Path(path)
        out += sorted(p.glob("*.json")) if p.is_dir() else [p]
    return out


def default_texts_dir(gold_file: Path) -> Path:
    """``corpus/`` beside the folder that holds the gold file."""
    return gold_file.resolve().parent.parent / "corpus"


def _location(loc: tuple[int | str, ...]) -> tuple[str | None, str | None]:
    """(record, field) for a pydantic error location like ('mentions', 3, 'value')."""
    if len(loc) >= 2 and loc[0] in _MODELS and isinstance(loc[1], int):
        rest = [str(x) for x in loc[2:]]
        return f"{loc[0]}[{loc[1]}]", (".".join(rest) or None)
    return None, ".".join(str(x) for x in loc) or None


# Record-level validators in records.py name their field only in the message;
# these words point a message at the field it is about.
_FIELD_WORDS: tuple[tuple[str, str], ...] = (
    ("currency code", "unit"),
    ("a percent mention has unit", "unit"),
    ("mention has no unit", "unit"),
    ("EDTF", "value"),
    ("out of range", "value"),
    ("decimal", "value"),
    ("finite", "value"),
    ("total flow has no exporter", "exporter"),
    ("must be among the parties", "parties"),
    ("must be greater than start", "end"),
    ("but text has length", "text"),
)


def _field_from_message(message: str) -> str | None:
    return next((f for words, f in _FIELD_WORDS if words in message), None)


def schema_problems(name: str, data: Any) -> list[Problem]:
    """Every contract violation of one parsed JSON document."""
    try:
        Document.model_validate(data)
    except ValidationError as exc:
        out = []
        for err in exc.errors():
            record, fld = _location(tuple(err["loc"]))
            msg = err["msg"].removeprefix("Value error, ")
            if record is not None and fld is None:
                fld = _field_from_message(msg)
            out.append(Problem(name, record, fld, msg))
        return out
    return []


def _records(data: Any, kind: str) -> list[Any]:
    items = data.get(kind) if isinstance(data, dict) else None
    return items if isinstance(items, list) else []


def offset_problems(name: str, data: Any, article: str) -> list[Problem]:
    """Records whose ``text`` is not ``article[start:end]`` (checked on the raw data)."""
    out = []
    for kind in _MODELS:
        for i, rec in enumerate(_records(data, kind)):
            if not isinstance(rec, dict):
                continue
            start, end, text = rec.get("start"), rec.get("end"), rec.get("text")
            if not (isinstance(start, int) and isinstance(end, int) and isinstance(text, str)):
                continue  # reported by the schema check
            where = f"{kind}[{i}]"
            if not 0 <= start < end <= len(article):
                out.append(
                    Problem(
                        name,
                        where,
                        "end",
                        f"span {start}:{end} is outside the article ({len(article)} characters)",
                    )
                )
            elif article[start:end] != text:
                out.append(
                    Problem(
                        name,
                        where,
                        "text",
                        f"{text!r} is not the article's text at {start}:{end} "
                        f"({article[start:end]!r})",
                    )
                )
    return out


def _duplicate_key(kind: str, rec: BaseModel) -> Hashable:
    # One expression has one mention of a kind; events and trade flows may
    # legitimately repeat their values (two agreements, a restated figure), so
    # only a record equal in every field, span included, is a duplicate there.
    if isinstance(rec, Mention):
        return (rec.kind, rec.start, rec.end)
    dumped = rec.model_dump()
    return tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in sorted(dumped.items()))


def duplicate_problems(name: str, data: Any) -> list[Problem]:
    """Records repeated within a list (records that fail the schema are skipped)."""
    out = []
    for kind, model in _MODELS.items():
        seen: dict[Hashable, int] = {}
        for i, raw in enumerate(_records(data, kind)):
            try:
                rec = model.model_validate(raw)
            except ValidationError:
                continue
            key = _duplicate_key(kind, rec)
            if key in seen:
                what = "same kind and span as" if kind == "mentions" else "duplicate of"
                out.append(Problem(name, f"{kind}[{i}]", None, f"{what} {kind}[{seen[key]}]"))
            else:
                seen[key] = i
    return out


def validate_file(path: Path, texts: Path | None = None) -> list[Problem]:
    """Every problem of one gold file."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return [Problem(name, None, None, f"cannot read: {exc.strerror or exc}")]
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        return [Problem(name, None, None, f"not UTF-8: {exc.reason} at byte {exc.start}")]
    except json.JSONDecodeError as exc:
        return [
            Problem(
                name, None, None, f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
            )
        ]
    if not isinstance(data, dict):
        return [Problem(name, None, None, "a gold file holds one JSON object (a Document)")]
    problems = schema_problems(name, data)
    doc_id = data.get("doc_id")
    if isinstance(doc_id, str) and doc_id != path.stem:
        problems.append(
            Problem(name, None, "doc_id", f"{doc_id!r} differs from the file name {path.stem!r}")
        )
    problems += duplicate_problems(name, data)
    folder = texts if texts is not None else default_texts_dir(path)
    # The article is <doc_id>.txt; a wrong doc_id is reported above, so fall back
    # to the file name rather than lose the offset checks.
    article_path = folder / f"{path.stem}.txt"
    if isinstance(doc_id, str) and doc_id and (folder / f"{doc_id}.txt").is_file():
        article_path = folder / f"{doc_id}.txt"
    try:
        article = read_article(article_path)
    except InputError as exc:
        problems.append(Problem(name, None, None, f"no article to check offsets against: {exc}"))
    else:
        problems += offset_problems(name, data, article)
    return sorted(problems, key=_order)


def _order(problem: Problem) -> tuple[str, int, str, str]:
    # Document-level problems first, then records in list order (mentions[2] < mentions[10]).
    kind, _, index = (problem.record or "").partition("[")
    return (kind, int(index.rstrip("]") or -1), problem.field or "", problem.message)


def validate_paths(paths: Iterable[str | Path], texts: Path | None = None) -> list[Problem]:
    """Every problem of every gold file named (folders are searched for ``*.json``)."""
    files = gold_files(paths)
    problems = [p for f in files for p in validate_file(f, texts)]
    return problems
