"""Command line: argument parsing only; every command calls the library."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Offline Bengali extraction of numbers, money, dates, dated events and trade flows.",
)


@app.command()
def run(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders (every *.txt below), JSONL files (*.jsonl), or - for stdin"
        ),
    ],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Output JSONL (default stdout)")
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-j", min=1, help="Worker processes (default: CPU count)"),
    ] = None,
    errors: Annotated[
        Path | None,
        typer.Option("--errors", help="Write one JSON error record per bad input here"),
    ] = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue an interrupted run from OUT.partial")
    ] = False,
    doc_date: Annotated[
        str | None, typer.Option("--doc-date", help="Publication date YYYY-MM-DD for all inputs")
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option("--dask", help="Run on this Dask scheduler (tcp://host:8786); needs --out"),
    ] = None,
) -> None:
    """Extract one contract document per article, as JSON Lines (exit 1 if an input failed)."""
    from extractor import batch

    try:
        date = dt.date.fromisoformat(doc_date) if doc_date else None
        summary = batch.run(
            inputs,
            out=out,
            errors=errors,
            workers=workers,
            resume=resume,
            doc_date=date,
            dask=dask,
        )
    except (ValueError, RuntimeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise typer.Exit(2) from exc
    raise typer.Exit(0 if summary.ok else 1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output document."""
    from extractor.records import json_schema

    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))


@app.command()
def score(
    gold: Annotated[Path, typer.Argument(help="Gold: a folder of JSON files or a JSONL file")],
    pred: Annotated[Path, typer.Argument(help="Predictions: a JSONL file or a folder of JSON")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the score as JSON (see score.score_to_json)")
    ] = False,
    html: Annotated[
        Path | None, typer.Option("--html", help="Write a self-contained HTML review here")
    ] = None,
    texts: Annotated[
        Path | None, typer.Option("--texts", help="Folder of articles <doc_id>.txt for --html")
    ] = None,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Fail when a micro F1 is below this file's")
    ] = None,
    baseline_key: Annotated[
        str, typer.Option("--baseline-key", help="Section of the baseline file: corpus or dev")
    ] = "corpus",
) -> None:
    """Score predicted documents against gold: strict P/R/F1, field accuracy, every error."""
    from rich.console import Console

    from extractor.score import (
        ScoreInputError,
        check_baseline,
        render_text,
        score_paths,
        score_to_json,
    )
    from extractor.text import InputError, read_article

    try:
        result = score_paths(gold, pred)
    except ScoreInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise typer.Exit(2) from exc
    if not result.documents:
        print(f"error: no gold documents in {gold}", file=sys.stderr)
        raise typer.Exit(2)
    if as_json:
        print(json.dumps(score_to_json(result), ensure_ascii=False, indent=2))
    else:
        render_text(result, Console(soft_wrap=True))
    if html is not None:
        from extractor.report import render_html

        articles: dict[str, str] = {}
        if texts is not None:
            for doc in result.documents:
                try:
                    articles[doc.doc_id] = read_article(texts / f"{doc.doc_id}.txt")
                except InputError as exc:
                    print(f"warning: {exc}", file=sys.stderr)
        html.write_text(render_html(result, articles), encoding="utf-8")
    if baseline is not None:
        try:
            floors = json.loads(baseline.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            print(f"error: baseline {baseline}: {exc}", file=sys.stderr)
            raise typer.Exit(2) from exc
        failures = check_baseline(result, floors, baseline_key)
        for message in failures:
            print(f"FAIL: {message}", file=sys.stderr)
        raise typer.Exit(1 if failures else 0)


@app.command()
def validate(
    paths: Annotated[list[Path], typer.Argument(help="Gold JSON files or folders of them")],
    texts: Annotated[
        Path | None,
        typer.Option("--texts", help="Folder of articles <doc_id>.txt (default: ../corpus)"),
    ] = None,
) -> None:
    """Check gold files against the contract and their articles; list every problem."""
    from extractor.validate import gold_files, validate_paths

    problems = validate_paths(paths, texts)
    for problem in problems:
        print(problem)
    files = len(gold_files(paths))
    bad = len({p.file for p in problems})
    print(
        f"{files} file(s) checked, {bad} with problems, {len(problems)} problem(s)", file=sys.stderr
    )
    raise typer.Exit(1 if problems or not files else 0)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
