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
    inputs: Annotated[list[str], typer.Argument(help="Files, folders (*.txt), JSONL files, or -")],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Output JSONL (default stdout)")
    ] = None,
    doc_date: Annotated[
        str | None, typer.Option("--doc-date", help="Publication date YYYY-MM-DD for all inputs")
    ] = None,
) -> None:
    """Extract one contract document per input article, as JSON Lines."""
    from extractor.pipeline import extract
    from extractor.text import InputError, read_article

    date = dt.date.fromisoformat(doc_date) if doc_date else None
    sink = out.open("w", encoding="utf-8") if out else sys.stdout
    failed = 0
    for name in inputs:
        try:
            text = read_article(name)
        except InputError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed += 1
            continue
        doc = extract(text, doc_id=Path(name).stem, doc_date=date)
        sink.write(doc.model_dump_json() + "\n")
    if out:
        sink.close()
    raise typer.Exit(1 if failed else 0)


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output document."""
    from extractor.records import json_schema

    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
