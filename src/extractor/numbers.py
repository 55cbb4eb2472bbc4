"""Bengali numbers: a word lexer and a small compound grammar with exact values.

The lexer cuts normalized text into tokens (digit strings, Bengali words,
Latin words, single signs) and reads each Bengali word against the tables in
``lang/bn/`` (numerals, scales, fractions), splitting off case endings and
classifiers (`কোটির`, `তিনটি`) and fused hundreds (`দুইশো`, `দেড়শো`).

The grammar (:func:`parse_at`) reads one compound number from a token list:
the value is a sum of groups, a group is a number times a scale; a later,
smaller scale adds a group (`২৮৮ কোটি ৯৫ লাখ`), a larger one multiplies
everything before it (`১ লাখ ৭৬ হাজার ৩৫০ কোটি`, `হাজার কোটি`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from extractor.resources import alternation, suffixes, table, trie
from extractor.text import normalize

TokenKind = Literal["digits", "num", "scale", "add", "whole", "point", "word", "sign"]

# Grouped digits: Western (1,234,567) or Indian (12,34,567; also 04,52,485).
_DIGITS = r"\d+(?:,\d{2,3})*(?:\.\d+)?"
# Bengali letters and marks without digits (normalized away) and the taka sign.
_BN_WORD = r"[\u0980-\u09e5\u09f0-\u09f2\u09f4-\u09ff]+"


@functools.cache
def _token_pattern() -> re.Pattern[str]:
    """Digits, dotted abbreviations from the scale table (লা.কো.), words, signs
    (``re``: several times faster per match than ``regex`` for these plain classes;
    ``re`` counts U+001C..U+001F as spaces, ``regex`` does not, so they are signs here too)."""
    dotted = [w for w in table("scales.tsv") if "." in w["word"]]
    abbr = alternation([w["word"] for w in dotted]) or r"(?!)"
    return re.compile(
        rf"(?P<d>{_DIGITS})|(?P<w>(?:{abbr})|{_BN_WORD})|(?P<l>[A-Za-z]+)|(?P<s>\S|[\x1c-\x1f])"
    )


_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})*,\d{3}(?:\.\d+)?|\d+,\d{3}")

DECIMAL_WORD = "দশমিক"


@dataclass(slots=True)  # not frozen: a frozen dataclass is slow to build, and tokens are many
class Token:
    """One token of normalized text.

    ``kind``: ``digits`` (a digit string), ``num`` (a number word), ``scale``,
    ``add`` (সাড়ে/সোয়া/পৌনে), ``whole`` (অর্ধেক, দ্বিগুণ), ``point`` (দশমিক),
    ``word`` (any other word), ``sign`` (punctuation or a symbol). ``stem`` is
    the word without its ending; ``classifier`` and ``suffix`` are the endings.
    """

    start: int
    end: int
    text: str
    kind: TokenKind
    stem: str
    value: Decimal | None = None
    classifier: str = ""
    suffix: str = ""
    ambiguous: bool = False
    ordinal: bool = False
    attached: bool = False  # a fused word's second half (same span as the first)

    @property
    def ended(self) -> bool:
        """A case ending or classifier closes the expression (`কোটির`, `তিনটি`)."""
        return bool(self.classifier or self.suffix)


@dataclass(frozen=True, slots=True)
class Lexicon:
    numerals: dict[str, Decimal]
    ambiguous: frozenset[str]
    scales: dict[str, Decimal]
    fusable: tuple[str, ...]
    fractions: dict[str, tuple[str, Decimal]]
    classifiers: tuple[str, ...]
    endings: tuple[str, ...]
    ordinal_endings: tuple[str, ...]
    units: frozenset[str]  # unit words that look like a numeral + ending (দশকে = দশক + ে)


@functools.cache
def lexicon() -> Lexicon:
    numerals: dict[str, Decimal] = {}
    ambiguous: set[str] = set()
    for row in table("numerals.tsv"):
        numerals.setdefault(row["word"], Decimal(row["value"]))
        if row["ambiguous"]:
            ambiguous.add(row["word"])
    scales = {row["word"]: Decimal(row["value"]) for row in table("scales.tsv")}
    fusable = tuple(r["word"] for r in table("scales.tsv") if r["fusable"] == "yes")
    fractions = {r["word"]: (r["role"], Decimal(r["value"])) for r in table("fractions.tsv")}
    classifiers = tuple(
        sorted((r["word"] for r in table("units.tsv") if r["role"] == "classifier"), key=len)
    )
    ordinals = tuple(r["word"] for r in table("amount_context.tsv") if r["role"] == "ordinal")
    return Lexicon(
        numerals=numerals,
        ambiguous=frozenset(ambiguous),
        scales=scales,
        fusable=tuple(sorted(fusable, key=len, reverse=True)),
        fractions=fractions,
        classifiers=tuple(reversed(classifiers)),
        endings=suffixes(),
        ordinal_endings=tuple(sorted(ordinals, key=len, reverse=True)),
        units=frozenset(r["word"] for r in table("units.tsv") if r["role"] != "classifier"),
    )


@functools.cache
def _plain_endings() -> tuple[str, ...]:
    """Case endings that are no classifier (those are split with their own endings)."""
    lex = lexicon()
    return tuple(
        suf
        for suf in lex.endings
        if not suf.startswith("-") and not any(suf.startswith(cl) for cl in lex.classifiers)
    )


def _split_endings(word: str, lex: Lexicon) -> list[tuple[str, str, str]]:
    """Ways to read ``word`` as stem + classifier + case ending (longest stem first)."""
    out = [(word, "", "")]
    for suf in _plain_endings():
        if len(word) > len(suf) and word.endswith(suf):
            out.append((word[: -len(suf)], "", suf))
    for stem, _, suf in list(out):
        for cl in lex.classifiers:
            if len(stem) > len(cl) and stem.endswith(cl):
                out.append((stem[: -len(cl)], cl, suf))
    return out


@functools.lru_cache(maxsize=65536)
def _read_word(word: str) -> tuple[Token, ...] | None:
    """The tokens of one word at offset 0, None for a plain word (cached: words repeat)."""
    lex = lexicon()
    end = len(word)
    splits = _split_endings(word, lex)
    if any(stem in lex.units for stem, _, _ in splits):
        return None
    for stem, cl, suf in splits:
        if stem in lex.numerals:
            amb = stem in lex.ambiguous and not cl
            return (Token(0, end, word, "num", stem, lex.numerals[stem], cl, suf, amb),)
        if stem in lex.scales and not cl:
            return (Token(0, end, word, "scale", stem, lex.scales[stem], "", suf),)
        if stem in lex.fractions:
            role, val = lex.fractions[stem]
            kind: TokenKind = "num" if role == "value" else ("add" if role == "add" else "whole")
            return (Token(0, end, word, kind, stem, val, cl, suf),)
        if stem == DECIMAL_WORD and not cl:
            return (Token(0, end, word, "point", stem, None, "", suf),)
        # A numeral fused with a hundred: দুইশো, পাঁচশত, দেড়শো, আড়াইশ.
        for hundred in lex.fusable:
            head = stem[: -len(hundred)]
            if not (stem.endswith(hundred) and head):
                continue
            if head in lex.numerals:
                val = lex.numerals[head]
            elif lex.fractions.get(head, ("", Decimal(0)))[0] == "value":
                val = lex.fractions[head][1]
            else:
                continue
            hundreds = lex.scales[hundred]
            return (
                Token(0, end, word, "num", head, val),
                Token(0, end, word, "scale", hundred, hundreds, cl, suf, attached=True),
            )
    return None


def _digit_token(start: int, end: int, raw: str, text: str, lex: Lexicon) -> Token:
    """A digit string, with a classifier/case ending or ordinal ending written onto it."""
    digits = raw
    if "," in raw and not _GROUPED.fullmatch(raw):
        # Not a grouping: read up to the first comma only.
        digits = raw.split(",")[0]
        end = start + len(digits)
    value = Decimal(digits.replace(",", ""))
    # A word written onto the digits (১০টি, ১৭তম, ৪ঠা, ২০১১-এর).
    m = _TAIL.match(text, end, end + 12) if end < len(text) else None
    if m:
        read = _digit_tail(m.group())
        if read is not None:
            stop = end + len(m.group())
            ordinal, cl, suf = read
            return Token(
                start, stop, text[start:stop], "digits", digits, value, cl, suf, False, ordinal
            )
    # A classifier typed apart (`১০০ টিরও বেশি`, common in translated text) is the
    # same word as `১০০টিরও`; any other word after a space is a word of its own.
    m = _APART.match(text, end, end + 13) if end < len(text) else None
    if m:
        read = _digit_tail(m.group(1))
        if read is not None and read[1]:
            stop = m.end()
            _, cl, suf = read
            return Token(start, stop, text[start:stop], "digits", digits, value, cl, suf)
    return Token(start, end, digits, "digits", digits, value)


_TAIL = re.compile(rf"-?{_BN_WORD}")
_APART = re.compile(rf" ({_BN_WORD})")


@functools.lru_cache(maxsize=4096)
def _digit_tail(written: str) -> tuple[bool, str, str] | None:
    """How a word written onto digits reads: (ordinal, classifier, ending), or
    None when it is no ending (cached: the same few endings repeat)."""
    lex = lexicon()
    tail = written.lstrip("-")
    if tail in lex.ordinal_endings:
        return True, "", ""
    for stem, cl, suf in _split_endings("x" + tail, lex):
        if stem == "x":
            return False, cl, suf
    if written.startswith("-") and ("-" + tail) in lex.endings:
        return False, "", tail
    return None


def tokenize(text: str, lo: int = 0, hi: int | None = None) -> list[Token]:
    """Tokens of a normalized text (or of ``text[lo:hi]``, offsets into the whole
    text), in order (fused words give two tokens)."""
    lex = lexicon()
    out: list[Token] = []
    append = out.append
    read_word = _read_word
    pos = lo
    # The hot loop of the amounts stage: group numbers instead of names, locals.
    for m in _token_pattern().finditer(text, lo, len(text) if hi is None else hi):
        start, end = m.span()
        if start < pos:
            continue  # inside an ending already read onto digits (১০টি)
        group = m.lastindex
        word = m.group()
        pos = end
        if group == _W:
            read = read_word(word)
            if read is None:
                append(Token(start, end, word, "word", word))
            else:
                for t in read:
                    append(_placed(t, start, end))
        elif group == _D:
            tok = _digit_token(start, end, word, text, lex)
            append(tok)
            pos = tok.end
        else:
            append(Token(start, end, word, "word" if group == _L else "sign", word))
    return out


_D, _W, _L = 1, 2, 3  # group numbers of _token_pattern()


def _placed(t: Token, start: int, end: int) -> Token:
    """A cached word token moved to its place in the text (faster than dataclasses.replace)."""
    return Token(
        start, end, t.text, t.kind, t.stem, t.value, t.classifier, t.suffix, t.ambiguous,
        t.ordinal, t.attached,
    )  # fmt: skip


# Bengali block letters and marks (digits are ASCII in normalized text).
_BN_LETTER = "[\u0980-\u09ff]"
# ASCII digits only: normalized text has no others, and a plain range scans fastest.
DIGIT_RUN = re.compile(r"[0-9]+")


@functools.cache
def number_word_pattern() -> re.Pattern[str]:
    """A whole word made of a numeral or fraction word, with an optional fused
    hundred, classifier and case ending (দুইশো, তিনটির, দেড়): the words where a
    spelled-out number can start. Built from the tables as a trie, compiled with
    ``re`` (faster than ``regex`` for this literal scan)."""
    lex = lexicon()
    stems = trie([*lex.numerals, *lex.fractions])
    hundreds = trie(list(lex.fusable))
    classifiers = trie(list(lex.classifiers))
    endings = trie([e for e in lex.endings if not e.startswith("-")])
    return re.compile(
        rf"(?<!{_BN_LETTER}){stems}(?:{hundreds})?(?:{classifiers})?(?:{endings})?(?!{_BN_LETTER})"
    )


def adjacent(text: str, a: Token, b: Token) -> bool:
    """Only spaces between two tokens (a fused word's halves are adjacent too)."""
    return b.start <= a.end or text[a.end : b.start].isspace()


@dataclass(slots=True)  # not frozen (slow to build, one per number read); never changed
class NumParse:
    """A compound number read from tokens ``[first, stop)``."""

    value: Decimal
    first: int
    stop: int
    has_scale: bool
    last_scale: Decimal | None  # the scale of the last group (to share across a range)
    largest: Decimal
    words_only: bool  # no digits: a number word (may be an article or a back-reference)
    ambiguous: bool  # a single ambiguous word (এক, নয়) and nothing else
    classifier: str
    ended: bool  # its last token carries an ending: nothing can follow in the amount
    quantum: Decimal  # the place value of its last written digit (for rounding checks)
    tokens: tuple[Token, ...] = field(default=())


_ZERO, _ONE = Decimal(0), Decimal(1)  # built once: Decimal() is slow, and values are immutable


def _quantum(num_text: str, scale: Decimal) -> Decimal:
    places = len(num_text.split(".")[1]) if "." in num_text else 0
    return scale * _place(places)


@functools.lru_cache(maxsize=256)
def _place(places: int) -> Decimal:
    """The value of the last of ``places`` decimal places (1, 0.1, 0.01, ...)."""
    return Decimal(1).scaleb(-places)


def _decimal_digits(text: str, toks: list[Token], j: int) -> tuple[str, int] | None:
    """Digits after দশমিক: one digit string (`০১`), or number words (শূন্য সাত)."""
    if j < len(toks) and toks[j].kind == "digits" and "." not in toks[j].stem:
        if "," not in toks[j].stem and adjacent(text, toks[j - 1], toks[j]):
            return toks[j].stem, j + 1
        return None
    parts: list[str] = []
    # Spoken digits, each a word or a single digit (শূন্য সাত, শূন্য ৭).
    while j < len(toks) and adjacent(text, toks[j - 1], toks[j]):
        tok = toks[j]
        if tok.kind == "digits" and len(tok.stem) == 1:
            parts.append(tok.stem)
        elif tok.kind == "num" and tok.value is not None and tok.value == int(tok.value):
            parts.append(str(int(tok.value)))
        else:
            break
        j += 1
        if toks[j - 1].ended:
            break
    return ("".join(parts), j) if parts else None


def parse_at(
    text: str, toks: list[Token], i: int, stop: int | None = None, join: int = -1
) -> NumParse | None:
    """Read the longest compound number starting at token ``i`` (None if none starts there).

    ``join``: a token index where the gap before it is not checked (a number
    split by a parenthesis, read as if the parenthesis were not there).
    """
    limit = len(toks) if stop is None else stop
    acc = _ZERO
    pending: Decimal | None = None
    largest = _ZERO
    last_scale: Decimal | None = None
    add: Decimal | None = None
    j = i
    words_only = True
    n_values = 0
    ambiguous = False
    ended = False
    classifier = ""
    quantum = _ONE
    pending_text = ""
    while j < limit and not ended:
        t = toks[j]
        if j > i and j != join and not adjacent(text, toks[j - 1], t):
            break
        if t.ordinal:
            break
        if t.kind == "add" and pending is None and add is None and not t.ended:
            if j + 1 < limit and toks[j + 1].kind in ("num", "digits"):
                add = t.value
                j += 1
                continue
            break
        if t.kind in ("num", "digits"):
            if pending is not None or t.value is None:
                break
            pending = t.value
            pending_text = t.stem if t.kind == "digits" else str(t.value)
            words_only = words_only and t.kind == "num"
            ambiguous = t.ambiguous
            n_values += 1
            j += 1
            classifier, ended = t.classifier, t.ended
            if not ended and j < limit and toks[j].kind == "point" and adjacent(text, t, toks[j]):
                if pending == pending.to_integral_value() and "." not in pending_text:
                    frac = _decimal_digits(text, toks, j + 1)
                    if frac is not None:
                        words_only = words_only and all(
                            tok.kind == "num" for tok in toks[j + 1 : frac[1]]
                        )
                        ambiguous = False  # এক দশমিক সাত: no article
                        pending_text = f"{int(pending)}.{frac[0]}"
                        pending = Decimal(pending_text)
                        j = frac[1]
                        classifier, ended = toks[j - 1].classifier, toks[j - 1].ended
            if add is not None:
                pending += add
                add = None
            quantum = _quantum(pending_text, _ONE)
            continue
        if t.kind == "scale" and t.value is not None and (pending is not None or largest):
            s = t.value
            if pending is None and s <= largest:
                break  # a bare repeated scale (কোটি কোটি) is no group
            if s > largest:
                acc = (acc + (pending or 0)) * s
                largest = s
            else:
                acc += (pending or 0) * s
            quantum = _quantum(pending_text, s) if pending is not None else quantum * s
            last_scale = s
            pending = None
            j += 1
            classifier, ended = t.classifier, t.ended
            continue
        break
    if n_values == 0:
        return None
    value = acc + (pending or 0)
    return NumParse(
        value=value,
        first=i,
        stop=j,
        has_scale=last_scale is not None,
        last_scale=last_scale if pending is None else None,
        largest=largest,
        words_only=words_only,
        ambiguous=ambiguous and n_values == 1 and last_scale is None,
        classifier=classifier,
        ended=ended,
        quantum=quantum,
        tokens=tuple(toks[i:j]),
    )


def parse_number(s: str) -> Decimal | None:
    """The exact value of a complete numeric expression, or None if ``s`` is not one.

    `১ লাখ ৭৬ হাজার ৩৫০ কোটি` → 1763500000000; `৩ দশমিক শূন্য ৭` → 3.07;
    `সাড়ে ৬` → 6.5; `১২,৩৪,৫৬৭` → 1234567; `দ্বিগুণ` → 2.
    """
    text = normalize(s).text.strip()
    toks = tokenize(text)
    if not toks:
        return None
    if len(toks) == 1 and toks[0].kind == "whole" and not toks[0].classifier:
        return toks[0].value
    parsed = parse_at(text, toks, 0)
    if parsed is None or parsed.stop != len(toks):
        return None
    return parsed.value
