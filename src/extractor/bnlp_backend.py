"""bnlp-toolkit's BasicTokenizer as an optional tokenizer backend (``extractor[bnlp]``).

bnlp is imported lazily, only when this backend is selected, and guarded:
``import bnlp`` tries to download NLTK's ``punkt_tab`` and prints
``punkt not found. downloading...`` to stdout (field notes). During the import
NLTK_DATA points at a private temporary folder holding empty ``punkt`` and
``punkt_tab`` folders (so NLTK finds them and nothing is downloaded), every
outgoing connection raises, and stdout goes to stderr, so JSON written to
stdout is never corrupted and the network is never touched.

BasicTokenizer returns strings without offsets and splits ``১,০০০`` at the
comma; :func:`tokenize` aligns its tokens to the text and re-draws number
boundaries with our tokenizer's numbers (numbers are ours, the rest is bnlp's).
"""

from __future__ import annotations

import contextlib
import functools
import os
import socket
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from extractor.tokenizer import Token, classify
from extractor.tokenizer import tokenize as regex_tokenize

INSTALL_HINT = "pip install 'extractor[bnlp]'"


class BnlpNotInstalled(ImportError):
    """bnlp-toolkit is missing: the message names the extra that installs it."""


class BnlpAlignmentError(ValueError):
    """A bnlp token that is not the next piece of the text (never expected)."""


def _refuse(*args: Any, **kwargs: Any) -> Any:
    raise OSError("network access is disabled while bnlp-toolkit is imported")


@contextlib.contextmanager
def _offline_quiet_nltk() -> Iterator[None]:
    """No network, stdout to stderr, and NLTK pointed at an empty private data folder."""
    saved_env = os.environ.get("NLTK_DATA")
    saved = (socket.socket.connect, socket.socket.connect_ex, socket.create_connection)
    with tempfile.TemporaryDirectory(prefix="extractor-nltk-") as data:
        for name in ("punkt", "punkt_tab"):
            (Path(data) / "tokenizers" / name).mkdir(parents=True)
        os.environ["NLTK_DATA"] = data
        nltk = sys.modules.get("nltk")
        if nltk is not None:  # already imported: its search path was fixed then
            nltk.data.path.insert(0, data)
        socket.socket.connect = _refuse  # type: ignore[method-assign]
        socket.socket.connect_ex = _refuse  # type: ignore[method-assign]
        socket.create_connection = _refuse
        try:
            with contextlib.redirect_stdout(sys.stderr):
                yield
        finally:
            socket.socket.connect, socket.socket.connect_ex, socket.create_connection = saved  # type: ignore[method-assign]
            if saved_env is None:
                os.environ.pop("NLTK_DATA", None)
            else:
                os.environ["NLTK_DATA"] = saved_env
            nltk = sys.modules.get("nltk")
            if nltk is not None and data in nltk.data.path:
                nltk.data.path.remove(data)


@functools.cache
def basic_tokenizer() -> Callable[[str], list[str]]:
    """bnlp's BasicTokenizer, imported offline and quietly (cached)."""
    import importlib.util

    if importlib.util.find_spec("bnlp") is None:
        raise BnlpNotInstalled(f"the bnlp tokenizer backend needs bnlp-toolkit: {INSTALL_HINT}")
    with _offline_quiet_nltk():
        from bnlp import BasicTokenizer
    tok: Callable[[str], list[str]] = BasicTokenizer().tokenize
    return tok


def align(text: str, pieces: list[str]) -> list[tuple[int, int]]:
    """Offsets of ``pieces`` found in order in ``text`` (only whitespace may lie between)."""
    spans = []
    pos = 0
    for piece in pieces:
        start = text.find(piece, pos)
        if start < 0 or text[pos:start].strip():
            raise BnlpAlignmentError(f"bnlp token {piece!r} not found at offset {pos}")
        spans.append((start, start + len(piece)))
        pos = start + len(piece)
    return spans


def rejoin_numbers(
    spans: list[tuple[int, int]], numbers: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Token spans with every number whole: ``spans`` cut at number edges, merged inside numbers.

    ``numbers`` are sorted, non-overlapping spans of whitespace-free numbers.
    """
    # Cut each span at the number edges it contains.
    pieces: list[tuple[int, int]] = []
    edges = sorted({e for n in numbers for e in n})
    i = 0
    for start, end in spans:
        while i < len(edges) and edges[i] <= start:
            i += 1
        pos = start
        j = i
        while j < len(edges) and edges[j] < end:
            pieces.append((pos, edges[j]))
            pos = edges[j]
            j += 1
        pieces.append((pos, end))
    # Merge consecutive pieces that lie inside the same number.
    out: list[tuple[int, int]] = []
    k = 0
    for start, end in pieces:
        while k < len(numbers) and numbers[k][1] <= start:
            k += 1
        inside = k < len(numbers) and numbers[k][0] <= start and end <= numbers[k][1]
        if inside and out and numbers[k][0] <= out[-1][0] and out[-1][1] == start:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def tokenize(text: str) -> list[Token]:
    """Tokens of bnlp's BasicTokenizer with offsets, numbers kept whole."""
    spans = align(text, basic_tokenizer()(text))
    numbers = [(t.start, t.end) for t in regex_tokenize(text) if t.kind == "number"]
    return [Token(s, e, text[s:e], classify(text[s:e])) for s, e in rejoin_numbers(spans, numbers)]
