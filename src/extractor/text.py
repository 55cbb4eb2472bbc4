"""Reading articles, the canonical (NFC) form with an offset map, and sentences.

Every stage matches against :class:`NormText.text`, a canonical form of the
article: NFC, Bengali digits as ASCII digits, every space character a plain
space, zero-width joiners removed, ``|`` read as a danda. Offsets found there are
mapped back to the text as read with :meth:`NormText.to_orig`, so every record
points into the article exactly as the user has it (records.md: decoded UTF-8,
BOM removed, nothing else changed).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import regex

BENGALI_DIGITS = "০১২৩৪৫৬৭৮৯"
_DIGIT_TABLE = {ord(b): str(i) for i, b in enumerate(BENGALI_DIGITS)}
# Characters that change in place (same length): digits, spaces, danda look-alikes.
_SAME_LENGTH = dict(_DIGIT_TABLE)
_SPACES = "\u00a0\u1680\u202f\u205f\u3000\t" + "".join(map(chr, range(0x2000, 0x200B)))
_SAME_LENGTH.update({ord(c): " " for c in _SPACES})
_SAME_LENGTH[ord("|")] = "।"
_SAME_LENGTH[ord("\u0965")] = "।"  # double danda ends a sentence like a danda
_SAME_LENGTH[ord("\u2013")] = "-"  # en dash: ২০২৩–২৪, জুলাই–ডিসেম্বর
_SAME_LENGTH[ord("\u2014")] = "-"
_SAME_LENGTH[ord("\u2212")] = "-"
# Characters that carry no meaning for matching and are removed.
_DROPPED = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
# Old-style khanda ta: TA + VIRAMA + ZWJ is U+09CE.
_KHANDA_TA_OLD = "\u09a4\u09cd\u200d"


class InputError(ValueError):
    """A file that cannot be read as a UTF-8 article; the message names file and problem."""

    def __init__(self, path: str, kind: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.kind = kind
        self.message = message


@functools.cache
def _composing_marks() -> frozenset[str]:
    """Characters that NFC may compose with what precedes them (e.g. U+09BE in ো)."""
    marks: set[str] = set()
    for cp in range(0x0900, 0x0E00):
        decomposition = unicodedata.decomposition(chr(cp))
        if decomposition and not decomposition.startswith("<"):
            parts = decomposition.split()
            if len(parts) == 2:
                marks.add(chr(int(parts[1], 16)))
    return frozenset(marks)


def _is_boundary(ch: str) -> bool:
    return unicodedata.combining(ch) == 0 and ch not in _composing_marks()


@dataclass(frozen=True, slots=True)
class NormText:
    """The canonical text of an article and the map back to the text as read.

    ``starts[i]`` is the offset in ``orig`` where normalized character ``i``
    comes from; ``ends[i]`` is the offset just after it. A character that
    normalization splits maps every piece to the whole original character.
    """

    orig: str
    text: str
    starts: tuple[int, ...] | None
    ends: tuple[int, ...] | None

    def to_orig(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``text`` to the span of ``orig`` it was made from."""
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.orig)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def orig_span_text(self, start: int, end: int) -> tuple[int, int, str]:
        """Original offsets and original text of a normalized span."""
        s, e = self.to_orig(start, end)
        return s, e, self.orig[s:e]


def normalize(orig: str) -> NormText:
    """Canonical form of ``orig`` with an offset map (identity when nothing moved)."""
    text = orig.translate(_SAME_LENGTH)
    if unicodedata.is_normalized("NFC", text) and not any(c in _DROPPED for c in text):
        return NormText(orig, text, None, None)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    n = len(text)
    i = 0
    while i < n:
        if text.startswith(_KHANDA_TA_OLD, i):
            out.append("\u09ce")
            starts.append(i)
            ends.append(i + 3)
            i += 3
            continue
        ch = text[i]
        if ch in _DROPPED:
            i += 1
            continue
        # A segment is a boundary character and the marks that may combine with it.
        j = i + 1
        while j < n and not _is_boundary(text[j]) and text[j] not in _DROPPED:
            j += 1
        segment = text[i:j]
        normal = unicodedata.normalize("NFC", segment)
        if len(normal) == len(segment):
            out.append(normal)
            starts.extend(range(i, j))
            ends.extend(range(i + 1, j + 1))
        else:
            out.append(normal)
            starts.extend([i] * len(normal))
            ends.extend([j] * len(normal))
        i = j
    return NormText(orig, "".join(out), tuple(starts), tuple(ends))


def decode(data: bytes, path: str = "<input>") -> str:
    """Decode an article's bytes as UTF-8 (BOM removed) or raise a clear InputError."""
    if not data.strip():
        raise InputError(path, "empty", "the file is empty")
    if b"\x00" in data:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(data):
            raise InputError(path, "encoding", "not UTF-8: the file looks like UTF-16")
        raise InputError(path, "binary", "the file contains NUL bytes (binary data?)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            path, "encoding", f"not UTF-8 (byte {exc.start}); {_guess_encoding(data)}"
        ) from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def _looks_utf16(data: bytes) -> bool:
    sample = data[:2000]
    return sample.count(0) > len(sample) // 4


def _guess_encoding(data: bytes) -> str:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return "the encoding is unknown"
    return "it looks like cp1252/Latin-1"


def read_article(path: str | Path) -> str:
    """Read one article file as records.md defines it (UTF-8, BOM removed)."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(str(p), "missing", "no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(str(p), "unreadable", "is a directory") from exc
    except PermissionError as exc:
        raise InputError(str(p), "unreadable", "permission denied") from exc
    except OSError as exc:
        raise InputError(str(p), "unreadable", str(exc)) from exc
    return decode(data, str(p))


# Sentences end at a danda, ? or !, at a line break, and around wiki headings
# (`== ইতিহাস ==`), which stand in the middle of a line in crawled articles.
_HEADING = r"={2,}[^=\n]{1,80}?={2,}"
_SENT_END = regex.compile(rf"[।?!]+|\n+|{_HEADING}")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


def sentences(text: str) -> list[Sentence]:
    """Sentence spans of a normalized text: terminators belong to their sentence,
    headings and blank lines to none; surrounding spaces are trimmed."""
    out: list[Sentence] = []
    pos = 0
    for m in _SENT_END.finditer(text):
        is_heading = m.group().startswith("=")
        end = m.start() if (is_heading or m.group().startswith("\n")) else m.end()
        _add_sentence(text, pos, end, out)
        pos = m.end()
    _add_sentence(text, pos, len(text), out)
    return out


def _add_sentence(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end))


def iter_sentence_texts(text: str) -> Iterator[tuple[int, int, str]]:
    for s in sentences(text):
        yield s.start, s.end, text[s.start : s.end]
