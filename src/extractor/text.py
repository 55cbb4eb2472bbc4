"""Reading articles, the canonical (NFC) form with an offset map, and sentences.

Every stage matches against :class:`NormText.text`, a canonical form of the
article: NFC, Bengali digits as ASCII digits, every space character a plain
space, zero-width joiners removed, ``|`` read as a danda. Offsets found there are
mapped back to the text as read with :meth:`NormText.to_orig`, so every record
points into the article exactly as the user has it (records.md: decoded UTF-8,
BOM removed, nothing else changed).
"""

from __future__ import annotations

import bisect
import functools
import re
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
_SAME_LENGTH[ord("\u09f7")] = "।"  # currency numerator four, typed for a danda in news text
_SAME_LENGTH[ord("\u2013")] = "-"  # en dash: ২০২৩–২৪, জুলাই–ডিসেম্বর
_SAME_LENGTH[ord("\u2014")] = "-"
_SAME_LENGTH[ord("\u2212")] = "-"
# Characters that carry no meaning for matching and are removed.
_DROPPED = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
# Old-style khanda ta: TA + VIRAMA + ZWJ is U+09CE.
_KHANDA_TA_OLD = "\u09a4\u09cd\u200d"
# One compiled search instead of a Python loop over every character.
_DROPPED_RE = re.compile("[" + "".join(sorted(_DROPPED)) + "]")
# str.translate looks up every character; rewriting only the runs that change is
# about three times faster on Bengali text, where most characters stay.
_SAME_LENGTH_RUN = re.compile("[" + re.escape("".join(map(chr, sorted(_SAME_LENGTH)))) + "]+")


def _is_nfc(text: str) -> bool:
    """``unicodedata.is_normalized("NFC", text)``, fast on Bengali.

    The vowel sign U+09BE (and the length mark U+09D7) answer "maybe" to the NFC
    quick check, which turns the check into a full normalization on every
    Bengali text. They compose only with U+09C7 right before them, so with no
    such pair they are inert and a non-composing stand-in keeps the answer.
    """
    if "\u09c7\u09be" in text or "\u09c7\u09d7" in text:
        return unicodedata.is_normalized("NFC", text)
    return unicodedata.is_normalized("NFC", text.replace("\u09be", "#").replace("\u09d7", "#"))


def _same_length(text: str) -> str:
    return _SAME_LENGTH_RUN.sub(lambda m: m.group().translate(_SAME_LENGTH), text)


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

    The map is sparse: one entry per place where the length changed. Segment
    ``k`` says that ``text[norm_starts[k]:norm_ends[k]]`` was made from
    ``orig[orig_starts[k]:orig_ends[k]]``; between segments the two texts are
    aligned character for character. ``None`` means the identity map. A span
    boundary inside a segment widens to the whole original piece.
    """

    orig: str
    text: str
    norm_starts: tuple[int, ...] | None = None
    norm_ends: tuple[int, ...] = ()
    orig_starts: tuple[int, ...] = ()
    orig_ends: tuple[int, ...] = ()

    def _locate(self, i: int) -> tuple[int, int, int]:
        """(segment index or -1, shift to add outside segments, inside flag)."""
        assert self.norm_starts is not None
        k = bisect.bisect_right(self.norm_starts, i) - 1
        if k < 0:
            return -1, 0, 0
        inside = int(i < self.norm_ends[k])
        return k, self.orig_ends[k] - self.norm_ends[k], inside

    def orig_start(self, i: int) -> int:
        """Original offset of the start of normalized character ``i``."""
        if self.norm_starts is None:
            return i
        k, shift, inside = self._locate(i)
        return self.orig_starts[k] if inside else i + shift

    def orig_end(self, i: int) -> int:
        """Original offset just after normalized character ``i``."""
        if self.norm_starts is None:
            return i + 1
        k, shift, inside = self._locate(i)
        return self.orig_ends[k] if inside else i + shift + 1

    def to_orig(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``text`` to the span of ``orig`` it was made from."""
        if end <= start:
            pos = self.orig_start(start) if start < len(self.text) else len(self.orig)
            return pos, pos
        return self.orig_start(start), self.orig_end(end - 1)

    def orig_span_text(self, start: int, end: int) -> tuple[int, int, str]:
        """Original offsets and original text of a normalized span."""
        s, e = self.to_orig(start, end)
        return s, e, self.orig[s:e]


# Runs of characters that NFC or the dropped set may change: any non-ASCII,
# non-space run (a word). Only runs that are not already canonical are rebuilt
# character by character; everything else is copied with an identity map.
_NON_ASCII_RUN = regex.compile(r"[^\x00-\x7f\s]+")


def _word_is_canonical(word: str) -> bool:
    return unicodedata.is_normalized("NFC", word) and _DROPPED_RE.search(word) is None


class _Builder:
    """Collects the canonical text and its sparse offset map."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.length = 0
        self.segments: list[tuple[int, int, int, int]] = []

    def copy(self, piece: str) -> None:
        self.out.append(piece)
        self.length += len(piece)

    def rewrite(self, new: str, orig_start: int, orig_end: int, same_map: bool = False) -> None:
        if same_map and len(new) == orig_end - orig_start:
            self.copy(new)
            return
        self.segments.append((self.length, self.length + len(new), orig_start, orig_end))
        self.copy(new)

    def build(self, orig: str) -> NormText:
        if not self.segments:
            return NormText(orig, "".join(self.out))
        ns, ne, os_, oe = (tuple(col) for col in zip(*self.segments, strict=True))
        return NormText(orig, "".join(self.out), ns, ne, os_, oe)


def _normalize_word(text: str, i: int, n: int, b: _Builder) -> None:
    """Canonical form of text[i:n], segment by segment."""
    while i < n:
        if text.startswith(_KHANDA_TA_OLD, i):
            b.rewrite("\u09ce", i, i + 3)
            i += 3
            continue
        if text[i] in _DROPPED:
            b.rewrite("", i, i + 1)
            i += 1
            continue
        # A segment is a boundary character and the marks that may combine with it.
        j = i + 1
        while j < n and not _is_boundary(text[j]) and text[j] not in _DROPPED:
            j += 1
        b.rewrite(unicodedata.normalize("NFC", text[i:j]), i, j, same_map=True)
        i = j


# The length-changing rewrites that real Bengali text needs, found in one scan:
# precomposed nukta letters (NFC splits them), two-part vowel signs (NFC joins
# them), old-style khanda ta, and zero-width characters (dropped).
_REWRITES = {
    "\u09dc": "\u09a1\u09bc",
    "\u09dd": "\u09a2\u09bc",
    "\u09df": "\u09af\u09bc",
    "\u09c7\u09be": "\u09cb",
    "\u09c7\u09d7": "\u09cc",
    _KHANDA_TA_OLD: "\u09ce",
    **{c: "" for c in _DROPPED},
}
_REWRITE_RE = regex.compile(
    "|".join(regex.escape(k) for k in sorted(_REWRITES, key=len, reverse=True))
)


def normalize(orig: str) -> NormText:
    """Canonical form of ``orig`` with an offset map (identity when nothing moved)."""
    text = _same_length(orig)
    if _DROPPED_RE.search(text) is None and _is_nfc(text):
        return NormText(orig, text)
    b = _Builder()
    pos = 0
    for m in _REWRITE_RE.finditer(text):
        b.copy(text[pos : m.start()])
        b.rewrite(_REWRITES[m.group()], m.start(), m.end())
        pos = m.end()
    b.copy(text[pos:])
    fast = b.build(orig)
    if _is_nfc(fast.text):
        return fast
    # Anything else (other scripts' accents, unusual mark orders): rebuild the
    # words that are not canonical segment by segment.
    b = _Builder()
    pos = 0
    for m in _NON_ASCII_RUN.finditer(text):
        if _word_is_canonical(m.group()):
            continue
        b.copy(text[pos : m.start()])
        _normalize_word(text, m.start(), m.end(), b)
        pos = m.end()
    b.copy(text[pos:])
    return b.build(orig)


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
    return list(_sentences(text))


# Several stages split the same article: keep the last split (a str caches its hash,
# so a hit costs an identity check).
@functools.lru_cache(maxsize=2)
def _sentences(text: str) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    pos = 0
    for m in _SENT_END.finditer(text):
        is_heading = m.group().startswith("=")
        end = m.start() if (is_heading or m.group().startswith("\n")) else m.end()
        _add_sentence(text, pos, end, out)
        pos = m.end()
    _add_sentence(text, pos, len(text), out)
    return tuple(out)


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
