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
from collections import Counter
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
    """Decode an article's bytes as UTF-8 (BOM removed) or raise a clear InputError.

    records.md fixes the offsets to UTF-8 text, so other encodings are refused
    with the encoding guessed (``kind`` "encoding"), Bengali typed in a legacy
    Bijoy/SutonnyMJ font encoding is refused as such ("legacy-encoding"), and
    empty or binary input is named ("empty", "binary").
    """
    if not data or data.isspace():
        raise InputError(path, "empty", "the file is empty")
    data = data.removeprefix(b"\xef\xbb\xbf")
    sniff_utf16(data, path)
    if b"\x00" in data:
        raise InputError(path, "binary", "the file contains NUL bytes (binary data?)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _not_utf8(data, path, exc.start) from exc
    check_text(text, path)
    return text


def check_text(text: str, path: str = "<input>") -> None:
    """Refuse decoded text that is no article: empty, binary, or legacy-font Bengali."""
    if not text.strip():
        raise InputError(path, "empty", "the text is empty")
    if "\x00" in text or _control_share(text) > 0.01:
        raise InputError(path, "binary", "the text is full of control characters (binary data?)")
    if looks_like_bijoy(text):
        raise InputError(
            path,
            "legacy-encoding",
            "Bengali in a legacy ASCII font encoding (Bijoy/SutonnyMJ), not Unicode: "
            "convert it to Unicode first",
        )


def sniff_utf16(data: bytes, path: str = "<input>") -> None:
    """Refuse bytes (or the first bytes of a file) that are UTF-16 or UTF-32."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            raise InputError(path, "encoding", f"not UTF-8: {name} (byte order mark)")
    utf16 = _utf16_without_bom(data)
    if utf16:
        raise InputError(
            path, "encoding", f"not UTF-8: looks like {utf16} without a byte order mark"
        )


# UTF-32 first: its little-endian mark begins with UTF-16's.
_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32LE"),
    (b"\x00\x00\xfe\xff", "UTF-32BE"),
    (b"\xff\xfe", "UTF-16LE"),
    (b"\xfe\xff", "UTF-16BE"),
)
_SAMPLE = 1 << 16


def _utf16_without_bom(data: bytes) -> str | None:
    """Name the UTF-16 byte order when the sample decodes as UTF-16 text.

    UTF-16 puts the high byte of every code unit in the same position of each
    pair; for ASCII (00) and Bengali (09) text that byte takes one or two values
    almost everywhere, which no UTF-8 or single-byte text does.
    """
    sample = data[: _SAMPLE - _SAMPLE % 2] if len(data) > 1 else b""
    sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 4:
        return None
    for name, high in (("UTF-16LE", sample[1::2]), ("UTF-16BE", sample[0::2])):
        counts = Counter(high).most_common(2)
        if sum(n for _, n in counts) < 0.9 * len(high) or counts[0][0] not in _HIGH_BYTES:
            continue
        try:
            text = sample.decode(name.lower(), errors="strict")
        except UnicodeDecodeError:
            # The sample may end inside a surrogate pair.
            text = sample[:-2].decode(name.lower(), errors="replace")
        if _control_share(text) < 0.01 and "\ufffd" not in text:
            return name
    return None


# High bytes of Latin (00), Bengali (09) and general punctuation (20) code units.
_HIGH_BYTES = frozenset({0x00, 0x09, 0x20})
_CONTROLS = frozenset(chr(c) for c in [*range(0x20), 0x7F]) - set("\t\n\r\f\v")


def _control_share(text: str) -> float:
    sample = text[:_SAMPLE]
    return sum(ch in _CONTROLS for ch in sample) / max(len(sample), 1)


def _not_utf8(data: bytes, path: str, position: int) -> InputError:
    """The error for bytes that are not UTF-8, naming the encoding they look like."""
    if (
        sum(b < 0x20 and b not in b"\t\n\r\f\v" for b in data[:_SAMPLE])
        > len(data[:_SAMPLE]) // 100
    ):
        return InputError(
            path, "binary", f"not text: control bytes and invalid UTF-8 (byte {position})"
        )
    try:
        text = data.decode("cp1252")
        name = (
            "cp1252 (Windows-1252)"
            if any(0x80 <= b <= 0x9F for b in data)
            else "Latin-1 (ISO-8859-1)"
        )
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        name = "Latin-1 (ISO-8859-1)"
    if looks_like_bijoy(text):
        return InputError(
            path,
            "legacy-encoding",
            f"Bengali in a legacy ASCII font encoding (Bijoy/SutonnyMJ, {name} bytes), "
            "not Unicode: convert it to Unicode first",
        )
    return InputError(
        path, "encoding", f"not UTF-8 (invalid byte at {position}): looks like {name}"
    )


# Bijoy keymaps (SutonnyMJ and its family) put Bengali glyphs on ASCII letters and
# on Latin-1/cp1252 symbols that Latin-script prose hardly uses: pre-base vowel
# signs (‡ † ˆ ‰ for ে ৈ), reph and ra/ya phala (© ª ¨ Ö), conjunct glyphs (¯ ¶ ¸ ¤
# ¦ µ Í Î ¡ ¢ ¥ ÷). Words also mix case inside (`AvKvk`, `‡`L‡Qv`), since upper-case
# letters are consonants and lower-case letters vowel signs and other consonants.
_BIJOY_SIGNS = "‡†ˆ‰©ª¨¯¶¸¤¦µÍÎ¡¢¥÷Ö"
# A glyph word: a pre-base vowel sign before a letter, or a conjunct glyph after one.
_BIJOY_GLYPH_WORD = regex.compile(r"[‡†ˆ‰][A-Za-z`]|[A-Za-z][©ª¨¯¶¸¤¦µÍÎ¡¢¥÷Ö]")
# Also Bijoy-like: a lower-to-upper case change or a backtick (দ) inside a word.
_BIJOY_WORD = regex.compile(rf"[a-z][A-Z`]|`[a-zA-Z]|{_BIJOY_GLYPH_WORD.pattern}")
_WORD = regex.compile(r"\S+")
_BENGALI = regex.compile(r"\p{Bengali}")


def looks_like_bijoy(text: str) -> bool:
    """True when a (mostly ASCII) text is Bengali typed in a Bijoy font encoding.

    Bijoy text is full of glyph words (every ে and most conjuncts make one) and
    of words with case changes inside, since upper-case keys are consonants and
    lower-case keys vowel signs; Latin-script prose has almost no glyph words,
    and camelCase alone (code, brand names) is not enough.
    """
    sample = text[:_SAMPLE]
    words = _WORD.findall(sample)
    if len(words) < 3 or len(_BENGALI.findall(sample)) > 0.1 * len(sample):
        return False
    glyph = sum(1 for w in words if _BIJOY_GLYPH_WORD.search(w))
    if glyph < 3 or glyph < 0.1 * len(words):
        return False
    odd = sum(1 for w in words if _BIJOY_WORD.search(w))
    return odd >= 0.2 * len(words)


def read_article(path: str | Path) -> str:
    """Read one article file as records.md defines it (UTF-8, BOM removed)."""
    p = Path(path)
    try:
        with open(p, "rb") as f:
            data = f.read()
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
