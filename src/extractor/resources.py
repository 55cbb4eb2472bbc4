"""Loading the language data files under ``lang/bn/`` and building patterns from them.

Every data file is UTF-8, NFC, tab-separated. Lines starting with ``#`` are
comments; the first of them says where the data comes from. The first other line
names the columns. Patterns are built from these tables (see :func:`alternation`),
never retyped in a regex.
"""

from __future__ import annotations

import functools
import unicodedata
from importlib import resources

import regex

DATA_PACKAGE = "extractor.lang.bn"


class DataFileError(ValueError):
    """A language data file that breaks the format (names the file and line)."""


@functools.cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``lang/bn/<name>`` as dicts keyed by the header's column names.

    Empty cells are empty strings; missing trailing cells too.
    """
    raw = resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    for lineno, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if unicodedata.normalize("NFC", line) != line:
            raise DataFileError(f"{name}:{lineno}: not NFC")
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) > len(header):
            raise DataFileError(f"{name}:{lineno}: {len(cells)} cells for {len(header)} columns")
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells, strict=True)))
    if header is None:
        raise DataFileError(f"{name}: no header line")
    return tuple(rows)


def column(name: str, col: str) -> tuple[str, ...]:
    return tuple(row[col] for row in table(name))


def alternation(words: list[str] | tuple[str, ...] | set[str]) -> str:
    """A regex alternation of literal words, longest first (so `লাখ কোটি` beats `লাখ`)."""
    unique = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w) for w in unique)


@functools.cache
def suffixes() -> tuple[str, ...]:
    """Case endings and emphatic particles that attach to a word (longest first)."""
    return tuple(sorted(column("suffixes.tsv", "suffix"), key=len, reverse=True))


def suffix_pattern() -> str:
    """Optional case ending after a word, as a regex fragment."""
    return f"(?:{alternation(suffixes())})?"
