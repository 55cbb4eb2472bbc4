"""Batch runs: many articles in, one contract document per line out, nothing lost.

Inputs are files, folders (every ``*.txt`` below them, in sorted order), JSON
Lines files (``*.jsonl``: one ``{"id", "text", "date"?}`` object per line) and
``-`` for standard input. Output is one ``Document.model_dump_json()`` line per
article, in input order, byte-identical whatever the number of workers.

Bad input never stops a run: each problem becomes one error record
``{"path", "line", "kind", "message"}`` and the run goes on. An exception
inside extraction (a bug) is an error of kind ``internal``; a worker process
that dies is replaced and its articles are retried one at a time.

Output goes to ``OUT.partial`` as whole lines while the run goes and is renamed
to ``OUT`` (after an fsync) only at the end, so ``OUT`` is never truncated and
an interrupted run can be resumed from ``OUT.partial``.

Three ways to run the same work:
- serially in this process (``workers=1``),
- over local processes, a bounded window of chunks in flight (memory stays
  bounded on millions of inputs, results are taken in submission order),
- on a Dask cluster, one task per group of text files or per chunk of a JSONL
  file; each task writes its own shard and the client concatenates the shards.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import traceback
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TextIO

from extractor.records import Document
from extractor.text import InputError, check_text, decode, read_article, sniff_utf16

ExtractFn = Callable[[str, str, dt.date | None], Document]

STDIN = "-"
# A chunk of work sent to one process: this many articles or this much text.
CHUNK_DOCS = 32
CHUNK_BYTES = 4 << 20
# A Dask task: this many text files, or a JSONL slice of this size.
UNIT_FILES = 64
UNIT_BYTES = 16 << 20
# A job in flight during this many worker deaths is given up as an internal error.
MAX_ATTEMPTS = 3


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    """One input that could not be processed (one line of the errors file)."""

    path: str
    line: int | None
    kind: str
    message: str

    def to_json(self) -> str:
        record = {"path": self.path, "line": self.line, "kind": self.kind, "message": self.message}
        return json.dumps(record, ensure_ascii=False)

    def describe(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.kind}: {self.message}"


@dataclass(frozen=True, slots=True)
class Job:
    """One article to extract. ``text`` None means: the worker reads ``path``."""

    path: str
    line: int | None
    doc_id: str
    text: str | None
    doc_date: dt.date | None
    size: int = 0


Item = Job | ErrorRecord


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one item: an output line or an error, and its size in bytes."""

    doc_id: str | None
    line: str | None
    error: ErrorRecord | None
    size: int


@dataclass(slots=True)
class Summary:
    documents: int = 0
    errors: int = 0
    skipped: int = 0
    error_kinds: Counter[str] = field(default_factory=Counter)

    @property
    def ok(self) -> bool:
        return self.errors == 0


def default_extract(text: str, doc_id: str, doc_date: dt.date | None) -> Document:
    from extractor.pipeline import extract

    return extract(text, doc_id=doc_id, doc_date=doc_date)


# ---------------------------------------------------------------- inputs


def iter_items(inputs: Iterable[str], doc_date: dt.date | None = None) -> Iterator[Item]:
    """Every article of the inputs, in order, as a Job, or an ErrorRecord for bad input.

    Streams: a folder is walked lazily and a JSONL file read line by line.
    """
    for name in inputs:
        if name == STDIN:
            yield from _iter_stdin(doc_date)
            continue
        path = Path(name)
        if path.is_dir():
            for file in _walk_txt(path):
                if isinstance(file, ErrorRecord):
                    yield file
                else:
                    yield Job(str(file), None, file.stem, None, doc_date)
        elif not path.exists() and not path.is_symlink():
            yield ErrorRecord(name, None, "missing", "no such file or folder")
        elif path.suffix.lower() == ".jsonl":
            yield from iter_jsonl(path, doc_date)
        else:
            yield Job(name, None, path.stem, None, doc_date)


def _walk_txt(folder: Path) -> Iterator[Path | ErrorRecord]:
    """``*.txt`` files below ``folder``, depth first in name order (not following
    links to folders, which could loop)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield ErrorRecord(str(folder), None, "unreadable", f"cannot list folder: {exc.strerror}")
        return
    for entry in entries:
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk_txt(Path(entry.path))
        elif entry.name.lower().endswith(".txt"):
            yield Path(entry.path)


def iter_jsonl(
    path: Path,
    doc_date: dt.date | None,
    start: int = 0,
    end: int | None = None,
    first_line: int = 1,
) -> Iterator[Item]:
    """Articles of a JSONL file (or of its byte range ``start:end``, which begins
    at line ``first_line``); malformed lines become errors, the rest go on."""
    try:
        f = open(path, "rb")  # closed below: open errors must become records
    except FileNotFoundError:
        yield ErrorRecord(str(path), None, "missing", "no such file")
        return
    except OSError as exc:
        yield ErrorRecord(str(path), None, "unreadable", exc.strerror or str(exc))
        return
    with f:
        yield from _jsonl_lines(f, str(path), path.stem, doc_date, start, end, first_line)


def _jsonl_lines(
    f: IO[bytes],
    shown: str,
    id_prefix: str,
    doc_date: dt.date | None,
    start: int = 0,
    end: int | None = None,
    first_line: int = 1,
) -> Iterator[Item]:
    try:
        if start == 0:
            # A UTF-16 file would fail on every line: one error for the file instead.
            try:
                sniff_utf16(f.read(1 << 16), shown)
            except InputError as exc:
                yield ErrorRecord(shown, None, exc.kind, exc.message)
                return
        f.seek(start)
        pos = start
        for number, raw in enumerate(f, first_line):
            if end is not None and pos >= end:
                break
            pos += len(raw)
            if raw.strip():
                yield parse_jsonl_line(raw, shown, number, id_prefix, doc_date)
    except OSError as exc:
        yield ErrorRecord(shown, None, "unreadable", exc.strerror or str(exc))


def parse_jsonl_line(
    raw: bytes, path: str, number: int, id_prefix: str, doc_date: dt.date | None
) -> Item:
    """One JSONL line as a Job: ``text`` required, ``id`` (else ``PREFIX:LINE``),
    ``date`` (YYYY-MM-DD, else the run's doc date) optional."""
    try:
        record = json.loads(raw)
    except UnicodeDecodeError as exc:
        return ErrorRecord(path, number, "encoding", f"line is not UTF-8 (byte {exc.start})")
    except ValueError as exc:
        return ErrorRecord(path, number, "malformed-json", str(exc))
    if not isinstance(record, dict):
        return ErrorRecord(path, number, "malformed-json", "line is not a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        message = "no 'text' field" if text is None else "'text' is not a string"
        return ErrorRecord(path, number, "bad-record", message)
    raw_id = record.get("id")
    if raw_id is None:
        doc_id = f"{id_prefix}:{number}"
    elif isinstance(raw_id, str | int) and not isinstance(raw_id, bool) and str(raw_id):
        doc_id = str(raw_id)
    else:
        return ErrorRecord(path, number, "bad-record", f"'id' {raw_id!r} is not a string or number")
    date = doc_date
    if record.get("date") is not None:
        try:
            date = dt.date.fromisoformat(str(record["date"])[:10])
        except ValueError:
            message = f"'date' {record['date']!r} is not YYYY-MM-DD"
            return ErrorRecord(path, number, "bad-record", message)
    return Job(path, number, doc_id, text.removeprefix("\ufeff"), date, len(raw))


def _iter_stdin(doc_date: dt.date | None) -> Iterator[Item]:
    """Standard input: JSON Lines when every non-empty line is a JSON object,
    otherwise one plain-text article with doc_id ``stdin``. Spooled to a
    temporary file so that a long JSONL stream is not held in memory."""
    with tempfile.TemporaryFile() as spool:
        all_objects, any_line = True, False
        for raw in sys.stdin.buffer:
            spool.write(raw)
            if all_objects and raw.strip():
                any_line = True
                all_objects = _is_json_object(raw)
        spool.seek(0)
        if any_line and all_objects:
            yield from _jsonl_lines(spool, STDIN, "stdin", doc_date)
            return
        data = spool.read()
    try:
        text = decode(data, STDIN)
    except InputError as exc:
        yield ErrorRecord(STDIN, None, exc.kind, exc.message)
        return
    yield Job(STDIN, None, "stdin", text, doc_date, len(data))


def _is_json_object(raw: bytes) -> bool:
    if not raw.lstrip().startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(raw), dict)
    except ValueError:
        return False


# ---------------------------------------------------------------- processing


def process_item(item: Item, extract_fn: ExtractFn = default_extract) -> Outcome:
    """Extract one article; every failure, a bug included, becomes an error record."""
    if isinstance(item, ErrorRecord):
        return Outcome(None, None, item, 0)
    size = item.size
    try:
        if item.text is None:
            text = read_article(item.path)
            size = len(text.encode("utf-8", "surrogatepass"))
        else:
            text = item.text
            check_text(text, item.path)
        doc = extract_fn(text, item.doc_id, item.doc_date)
        return Outcome(item.doc_id, doc.model_dump_json(), None, size)
    except InputError as exc:
        return Outcome(
            item.doc_id, None, ErrorRecord(item.path, item.line, exc.kind, exc.message), size
        )
    except Exception as exc:  # a bug in a stage: record it, keep the batch going
        return Outcome(item.doc_id, None, _internal(item, exc), size)


def _internal(item: Job, exc: BaseException) -> ErrorRecord:
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    message = f"{type(exc).__name__}: {exc}"[:500] + where
    return ErrorRecord(item.path, item.line, "internal", message)


def process_chunk(chunk: list[Item], extract_fn: ExtractFn = default_extract) -> list[Outcome]:
    return [process_item(item, extract_fn) for item in chunk]


def _chunks(items: Iterable[Item]) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += item.size if isinstance(item, Job) else 0
        if len(chunk) >= CHUNK_DOCS or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


@dataclass(slots=True)
class _Pending:
    items: list[Item]
    future: Future[list[Outcome]] | None = None
    result: list[Outcome] | None = None


def map_ordered(
    items: Iterable[Item], workers: int, extract_fn: ExtractFn = default_extract
) -> Iterator[Outcome]:
    """Outcomes of ``items`` in their order, computed by ``workers`` processes.

    At most ``2 * workers + 2`` chunks are in flight, so memory stays bounded
    however long ``items`` is. When a worker process dies (a crash, the OOM
    killer), the pool is rebuilt and the unfinished chunks are retried one
    article at a time, each alone; an article that dies alone MAX_ATTEMPTS times is given
    up as an internal error and the batch goes on.
    """
    if workers <= 1:
        for chunk in _chunks(items):
            yield from process_chunk(chunk, extract_fn)
        return
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    # Not fork: the progress bar runs a thread, and forking a threaded process is unsafe.
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    window = 2 * workers + 2
    chunks = _chunks(items)
    pending: deque[_Pending] = deque()
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    try:
        while True:
            while len(pending) < window and (chunk := next(chunks, [])):
                pending.append(_Pending(chunk, pool.submit(process_chunk, chunk, extract_fn)))
            if not pending:
                return
            head = pending[0]
            if head.result is None:
                assert head.future is not None
                try:
                    head.result = head.future.result()
                except BrokenProcessPool:
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
                    pending = _resubmit(pending, extract_fn)
                    continue
            pending.popleft()
            yield from head.result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _resubmit(pending: deque[_Pending], extract_fn: ExtractFn) -> deque[_Pending]:
    """After a worker died: keep finished chunks, retry the others article by article.

    The retries run one at a time in a pool of one process, so a further death
    is the fault of the one article in flight: innocent articles that happened
    to share the broken pool are never given up.
    """
    out: deque[_Pending] = deque()
    for entry in pending:
        if entry.result is None and entry.future is not None and entry.future.done():
            if entry.future.exception() is None:
                entry.result = entry.future.result()
        if entry.result is None:
            entry.result = [_retry_alone(item, extract_fn) for item in entry.items]
        out.append(entry)
    return out


def _retry_alone(item: Item, extract_fn: ExtractFn) -> Outcome:
    """One article in a process of its own, up to MAX_ATTEMPTS times."""
    import multiprocessing

    if not isinstance(item, Job):
        (passed_on,) = process_chunk([item], extract_fn)  # an input error: nothing to run
        return passed_on

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    for _ in range(MAX_ATTEMPTS):
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as solo:
            try:
                (outcome,) = solo.submit(process_chunk, [item], extract_fn).result()
                return outcome
            except BrokenProcessPool:
                continue
    error = ErrorRecord(item.path, item.line, "internal", "the worker process died on this article")
    return Outcome(item.doc_id, None, error, 0)


# ---------------------------------------------------------------- output


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def partial_path(out: Path) -> Path:
    return out.with_name(out.name + ".partial")


class _AtomicLines:
    """Lines written to ``PATH.partial`` as they come, renamed to ``PATH`` at the end."""

    def __init__(self, path: Path, resume: bool = False) -> None:
        self.path = path
        self.partial = partial_path(path)
        self.done: Counter[str] = Counter()
        path.parent.mkdir(parents=True, exist_ok=True)
        if resume:
            if not self.partial.exists() and path.exists():
                shutil.copyfile(path, self.partial)
            if self.partial.exists():
                self.done = recover_partial(self.partial)
        elif self.partial.exists():
            self.partial.unlink()
        self.file: TextIO = open(self.partial, "a", encoding="utf-8", newline="\n")

    def write(self, line: str) -> None:
        self.file.write(line + "\n")

    def flush(self) -> None:
        self.file.flush()

    def commit(self) -> None:
        self.file.flush()
        os.fsync(self.file.fileno())
        self.file.close()
        os.replace(self.partial, self.path)
        _fsync_dir(self.path.parent)

    def close(self) -> None:
        """Leave the partial file (whole lines flushed) for --resume."""
        if not self.file.closed:
            self.file.flush()
            self.file.close()


def recover_partial(partial: Path) -> Counter[str]:
    """doc_ids of the complete lines of an interrupted output; a trailing
    incomplete (or unreadable) line and everything after it are cut off."""
    done: Counter[str] = Counter()
    good = 0
    with open(partial, "rb") as f:
        for raw in f:
            if not raw.endswith(b"\n"):
                break
            try:
                doc_id = json.loads(raw)["doc_id"]
            except (ValueError, KeyError, TypeError):
                break
            done[str(doc_id)] += 1
            good += len(raw)
    with open(partial, "rb+") as f:
        f.truncate(good)
    return done


class _Report:
    """Counts, the errors file (or stderr), and the progress bar when stderr is a terminal."""

    def __init__(self, errors: Path | None, show_progress: bool, total: int | None) -> None:
        self.summary = Summary()
        self.errors_path = errors
        self.errors = _AtomicLines(errors) if errors else None
        self.progress: Any = None
        if show_progress:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
                TransferSpeedColumn,
            )

            self.progress = Progress(
                TextColumn("{task.fields[docs]} documents, {task.fields[errors]} errors"),
                BarColumn(),
                TransferSpeedColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=False,
            )
            self.task = self.progress.add_task("run", total=total, docs=0, errors=0)
            self.progress.start()

    def document(self, size: int) -> None:
        self.summary.documents += 1
        self._advance(size)

    def error(self, error: ErrorRecord, size: int = 0) -> None:
        self.summary.errors += 1
        self.summary.error_kinds[error.kind] += 1
        if self.errors is not None:
            self.errors.write(error.to_json())
        else:
            print(f"error: {error.describe()}", file=sys.stderr)
        self._advance(size)

    def skipped(self, size: int) -> None:
        self.summary.skipped += 1
        self._advance(size)

    def _advance(self, size: int) -> None:
        if self.progress is not None:
            s = self.summary
            self.progress.update(self.task, advance=size, docs=s.documents, errors=s.errors)

    def flush(self) -> None:
        if self.errors is not None:
            self.errors.flush()

    def finish(self, completed: bool) -> None:
        if self.progress is not None:
            self.progress.stop()
        if self.errors is not None:
            if completed:
                self.errors.commit()
            else:
                self.errors.close()
        s = self.summary
        line = f"{s.documents} documents, {s.errors} errors"
        if s.errors and self.errors_path:
            line += f" (see {self.errors_path})"
        if s.skipped:
            line += f"; {s.skipped} already done, skipped"
        if not completed:
            line += "; interrupted (rerun with --resume)"
        print(line, file=sys.stderr)


def _input_bytes(inputs: Iterable[str]) -> int | None:
    """Total size of the inputs, for the progress bar's time left (None for stdin)."""
    total = 0
    for name in inputs:
        if name == STDIN:
            return None
        path = Path(name)
        try:
            if path.is_dir():
                total += sum(p.stat().st_size for p in _walk_txt(path) if isinstance(p, Path))
            elif path.exists():
                total += path.stat().st_size
        except OSError:
            continue
    return total


# ---------------------------------------------------------------- runs


def run(
    inputs: list[str],
    out: Path | None = None,
    errors: Path | None = None,
    workers: int | None = None,
    resume: bool = False,
    doc_date: dt.date | None = None,
    dask: str | None = None,
    progress: bool | None = None,
    extract_fn: ExtractFn = default_extract,
) -> Summary:
    """Extract every article of ``inputs`` into ``out`` (JSON Lines; stdout when None).

    Prints a one-line summary on stderr; ``Summary.ok`` is False when some input failed.
    """
    if resume and out is None:
        raise ValueError("--resume needs --out (the partial output is read from OUT.partial)")
    show = sys.stderr.isatty() if progress is None else progress
    total = _input_bytes(inputs) if show else None
    if dask is not None:
        if out is None:
            raise ValueError("--dask needs --out (shards are written next to it)")
        if STDIN in inputs:
            raise ValueError("--dask reads files on the workers: standard input is not supported")
        return run_dask(inputs, out, errors, dask, resume, doc_date, show, total, extract_fn)
    report = _Report(errors, show, total)
    sink = _AtomicLines(out, resume) if out is not None else None
    done = sink.done if sink is not None else Counter()
    completed = False
    try:
        items = _skip_done(iter_items(inputs, doc_date), done, report)
        for outcome in map_ordered(items, workers or os.cpu_count() or 1, extract_fn):
            if outcome.error is not None:
                report.error(outcome.error, outcome.size)
            elif outcome.line is not None:
                if sink is not None:
                    sink.write(outcome.line)
                else:
                    sys.stdout.write(outcome.line + "\n")
                report.document(outcome.size)
            # Whole lines reach the file as they come, so a killed run can resume.
            if sink is not None:
                sink.flush()
            report.flush()
        if sink is not None:
            sink.commit()
        completed = True
    finally:
        if sink is not None and not completed:
            sink.close()
        report.finish(completed)
    return report.summary


def _skip_done(items: Iterator[Item], done: Counter[str], report: _Report) -> Iterator[Item]:
    """Drop the articles a resumed run already has (by doc_id, counting repeats)."""
    for item in items:
        if isinstance(item, Job) and done[item.doc_id] > 0:
            done[item.doc_id] -= 1
            report.skipped(item.size)
            continue
        yield item


# ---------------------------------------------------------------- Dask


@dataclass(frozen=True, slots=True)
class Unit:
    """One Dask task: some text files (and input errors, kept in order), or a
    slice ``start:end`` of a JSONL file that begins at line ``first_line``."""

    index: int
    entries: tuple[str | ErrorRecord, ...] = ()
    jsonl: str | None = None
    start: int = 0
    end: int | None = None
    first_line: int = 1

    def items(self, doc_date: dt.date | None) -> Iterator[Item]:
        if self.jsonl is not None:
            yield from iter_jsonl(Path(self.jsonl), doc_date, self.start, self.end, self.first_line)
        for entry in self.entries:
            if isinstance(entry, ErrorRecord):
                yield entry
            else:
                yield Job(entry, None, Path(entry).stem, None, doc_date)

    def paths(self) -> list[str]:
        if self.jsonl is not None:
            return [self.jsonl]
        return [e for e in self.entries if isinstance(e, str)]


def iter_units(inputs: Iterable[str]) -> Iterator[Unit]:
    """The inputs cut into tasks, in input order: consecutive text files in groups
    of UNIT_FILES, JSONL files in slices of about UNIT_BYTES (cut at line ends)."""
    index = 0
    group: list[str | ErrorRecord] = []

    def flush() -> Iterator[Unit]:
        nonlocal index, group
        if group:
            yield Unit(index, tuple(group))
            index += 1
            group = []

    for name in inputs:
        path = Path(name)
        if path.is_dir():
            for file in _walk_txt(path):
                group.append(file if isinstance(file, ErrorRecord) else str(file))
                if len(group) >= UNIT_FILES:
                    yield from flush()
        elif not path.exists() and not path.is_symlink():
            group.append(ErrorRecord(name, None, "missing", "no such file or folder"))
        elif path.suffix.lower() == ".jsonl":
            yield from flush()
            for start, end, first_line in _jsonl_slices(path):
                yield Unit(index, jsonl=name, start=start, end=end, first_line=first_line)
                index += 1
        else:
            group.append(name)
            if len(group) >= UNIT_FILES:
                yield from flush()
    yield from flush()


def _jsonl_slices(path: Path) -> Iterator[tuple[int, int | None, int]]:
    try:
        f = open(path, "rb")
    except OSError:
        yield 0, None, 1  # the worker reports the error
        return
    with f:
        start = pos = 0
        lines = 0
        first = 1
        for raw in f:
            pos += len(raw)
            lines += 1
            if pos - start >= UNIT_BYTES:
                yield start, pos, first
                start, first = pos, lines + 1
        if pos > start or start == 0:
            yield start, None, first


def _shard_names(shard_dir: Path, index: int) -> tuple[Path, Path]:
    return shard_dir / f"{index:09d}.jsonl", shard_dir / f"{index:09d}.errors.jsonl"


def _write_atomic(path: Path, lines: list[str]) -> None:
    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.writelines(line + "\n" for line in lines)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def run_unit(
    unit: Unit, shard_dir: str, doc_date: dt.date | None, extract_fn: ExtractFn = default_extract
) -> tuple[int, int, int]:
    """A Dask task: extract one unit into its shard files; (documents, errors, bytes).

    The errors shard is written first and the documents shard last, so an
    existing documents shard marks a complete unit (for --resume)."""
    docs: list[str] = []
    errors: list[str] = []
    size = 0
    for item in unit.items(doc_date):
        outcome = process_item(item, extract_fn)
        size += outcome.size
        if outcome.error is not None:
            errors.append(outcome.error.to_json())
        elif outcome.line is not None:
            docs.append(outcome.line)
    docs_path, errors_path = _shard_names(Path(shard_dir), unit.index)
    _write_atomic(errors_path, errors)
    _write_atomic(docs_path, docs)
    return len(docs), len(errors), size


def run_dask(
    inputs: list[str],
    out: Path,
    errors: Path | None,
    address: str,
    resume: bool,
    doc_date: dt.date | None,
    show_progress: bool,
    total: int | None,
    extract_fn: ExtractFn = default_extract,
) -> Summary:
    """The same job on a Dask cluster: workers write shards next to ``out``
    (in ``OUT.shards/``, so they need the same file system), the client joins
    them in input order into ``out`` atomically. With ``resume``, units whose
    shard is complete are not run again."""
    try:
        from distributed import Client, as_completed
    except ImportError as exc:
        raise RuntimeError("--dask needs dask.distributed: pip install 'extractor[dask]'") from exc
    shard_dir = out.with_name(out.name + ".shards")
    if shard_dir.exists() and not resume:
        shutil.rmtree(shard_dir)
    shard_dir.mkdir(parents=True, exist_ok=True)
    report = _Report(None, show_progress, total)
    completed = False
    count = 0
    try:
        with Client(address) as client:
            window = 4 * max(len(client.scheduler_info().get("workers", {})), 1) + 4
            running: Any = as_completed()
            units: dict[str, Unit] = {}

            def collect(future: Any) -> None:
                unit = units.pop(future.key)
                try:
                    _, _, size = future.result()
                except Exception as exc:  # the task died (KilledWorker, ...): record it
                    lines = [
                        ErrorRecord(
                            p, None, "internal", f"Dask task failed: {exc!r}"[:500]
                        ).to_json()
                        for p in unit.paths()
                    ]
                    docs_path, errors_path = _shard_names(shard_dir, unit.index)
                    _write_atomic(errors_path, lines)
                    _write_atomic(docs_path, [])
                    size = 0
                report._advance(size)

            for unit in iter_units(inputs):
                count += 1
                if resume and _shard_names(shard_dir, unit.index)[0].exists():
                    continue
                future = client.submit(
                    run_unit, unit, str(shard_dir), doc_date, extract_fn, pure=False
                )
                units[future.key] = unit
                running.add(future)
                while running.count() >= window:
                    collect(next(running))
            for future in running:
                collect(future)
        _join_shards(shard_dir, count, out, errors, report)
        completed = True
    finally:
        report.finish(completed)
    shutil.rmtree(shard_dir, ignore_errors=True)
    return report.summary


def _join_shards(
    shard_dir: Path, count: int, out: Path, errors: Path | None, report: _Report
) -> None:
    sink = _AtomicLines(out)
    error_sink = _AtomicLines(errors) if errors else None
    for index in range(count):
        docs_path, errors_path = _shard_names(shard_dir, index)
        with open(docs_path, encoding="utf-8") as f:
            for line in f:
                sink.write(line.rstrip("\n"))
                report.summary.documents += 1
        with open(errors_path, encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                report.summary.errors += 1
                report.summary.error_kinds[record["kind"]] += 1
                if error_sink is not None:
                    error_sink.write(line.rstrip("\n"))
                else:
                    print(f"error: {ErrorRecord(**record).describe()}", file=sys.stderr)
    sink.commit()
    if error_sink is not None:
        error_sink.commit()
    report.errors_path = errors
