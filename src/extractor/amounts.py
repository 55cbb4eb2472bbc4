"""Money, percent, quantity and number mentions in normalized text.

One pass of the lexer (numbers.tokenize) over the text; heavier reading only
where a token can start an amount (a digit string, a number word, a fraction,
a hedge, a currency written before its number, শতকরা, প্রতি). An amount is

    [hedge] [প্রতি CUR] [CUR] [শতকরা] NUMBER [(RESTATEMENT)] [UNIT] [sub-unit]
    [বা/অর্থাৎ RESTATEMENT] [কাছাকাছি]

with ranges (`১৫০ থেকে ১৭০ টাকা`: the first end borrows the unit and scale of
the second) and split amounts (`৩৫ হাজার (...) ৮১৯ কোটি টাকা`: the parenthesis
sits inside one number and is read on its own). Which words make what comes
from the tables in ``lang/bn/`` (currencies, units, hedges, amount_context) and
CLDR currency names through babel.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Context, Decimal

import regex
from babel import Locale

from extractor import countries
from extractor.matches import CountryMatch, Found, Kind
from extractor.numbers import (
    DIGIT_RUN,
    NumParse,
    Token,
    adjacent,
    number_word_pattern,
    parse_at,
    tokenize,
)
from extractor.records import country_codes
from extractor.resources import suffixes, table, trie
from extractor.text import sentences

_LETTER = regex.compile(r"[\p{L}\p{M}]")


@functools.lru_cache(maxsize=4096)
def _is_letter(ch: str) -> bool:
    """A letter or mark (cached per character: asked before every number)."""
    return _LETTER.match(ch) is not None


# Year-like bare integers are the date stage's (`২০১১`, `১৯৭০-এর দশকে`).
_YEAR_MIN, _YEAR_MAX = 1000, 2100
_MAX_CLASSIFIER_LOOKAHEAD = 2
_MAX_SPLIT_PAREN_TOKENS = 16
# A bare number this large beside counted quantities is one more count of the list.
_LIST_COUNT_MIN = 1000


@dataclass(frozen=True, slots=True)
class _Phrase:
    words: tuple[str, ...]
    value: str  # ISO code, unit role, ...
    role: str


@dataclass(frozen=True, slots=True)
class _Tables:
    currencies: tuple[_Phrase, ...]  # longest first
    units: tuple[_Phrase, ...]
    roles: dict[str, frozenset[str]]  # amount_context role -> words
    hedges: dict[str, frozenset[str]]
    months: frozenset[str]  # wide month names (take case endings)
    month_abbrs: frozenset[str]  # CLDR abbreviations (only bare: আগ- is also আগে "before")
    demonyms: frozenset[str]  # country adjectives that name people (বাংলাদেশি)
    endings: frozenset[str]
    by_first: dict[str, tuple[_Phrase, ...]]  # currency and unit phrases by their first word
    starters: frozenset[str]  # words that can open an amount before its number
    person_words: frozenset[str]  # classifiers that are themselves the counted noun (জন)


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _words(form: str) -> tuple[str, ...]:
    return tuple(t.text for t in tokenize(_nfc(form)))


@functools.cache
def _tables() -> _Tables:
    currencies: list[_Phrase] = [
        _Phrase(_words(r["form"]), r["code"], r["role"]) for r in table("currencies.tsv")
    ]
    known = {p.words for p in currencies}
    for code, name in Locale("bn").currencies.items():
        if "(" in name or len(code) != 3:
            continue
        words = _words(name)
        if words not in known:
            currencies.append(_Phrase(words, code, "name"))
            known.add(words)
    units = [
        _Phrase(_words(r["word"]), r["word"], r["role"])
        for r in table("units.tsv")
        if r["role"] != "classifier"
    ]
    roles: dict[str, set[str]] = {}
    for r in table("amount_context.tsv"):
        roles.setdefault(r["role"], set()).add(r["word"])
    hedges: dict[str, set[str]] = {}
    for r in table("hedges.tsv"):
        hedges.setdefault(r["role"], set()).add(r["word"])
    loc = Locale("bn")
    months = {
        _nfc(name) for ctx in ("format", "stand-alone") for name in loc.months[ctx]["wide"].values()
    }
    abbrs = {
        _nfc(name)
        for ctx in ("format", "stand-alone")
        for name in loc.months[ctx]["abbreviated"].values()
    }
    by_first: dict[str, list[_Phrase]] = {}
    for p in sorted([*currencies, *units], key=lambda p: -len(p.words)):
        by_first.setdefault(p.words[0], []).append(p)
    starters = {p.words[0] for p in currencies if p.role in ("name", "symbol")}
    starters |= hedges.get("before", set()) | roles.get("rate", set())
    starters |= roles.get("percent_before", set())
    return _Tables(
        currencies=tuple(sorted(currencies, key=lambda p: -len(p.words))),
        units=tuple(sorted(units, key=lambda p: -len(p.words))),
        roles={k: frozenset(v) for k, v in roles.items()},
        hedges={k: frozenset(v) for k, v in hedges.items()},
        months=frozenset(months),
        month_abbrs=frozenset(abbrs),
        demonyms=frozenset(r["name"] for r in table("country_aliases.tsv") if r["kind"] == "adj"),
        endings=frozenset(s for s in suffixes() if not s.startswith("-")),
        by_first={k: tuple(v) for k, v in by_first.items()},
        starters=frozenset(starters),
        person_words=frozenset(r["word"] for r in table("units.tsv") if r["role"] == "classifier")
        & frozenset(r["word"] for r in table("units.tsv") if r["role"] == "count"),
    )


def _ending(tok: Token, form: str, endings: frozenset[str]) -> str | None:
    """The case ending that follows ``form`` in the token's text ('' if none), or None."""
    if tok.text == form:
        return ""
    if tok.kind == "word" and tok.text.startswith(form) and tok.text[len(form) :] in endings:
        return tok.text[len(form) :]
    return None


def _match(
    text: str, toks: list[Token], j: int, phrases: tuple[_Phrase, ...], roles: tuple[str, ...]
) -> tuple[_Phrase, int, str] | None:
    """The longest phrase of the given roles at token ``j``: (phrase, stop, ending).

    ``phrases`` names the table searched (currencies or units, whose roles do
    not overlap); candidates come from the first-word index, so a token costs a
    few dictionary look-ups.
    """
    if j >= len(toks) or toks[j].kind == "digits":
        return None  # no phrase starts with digits (and digit strings would flood the cache)
    if not _candidates(toks[j].text, roles):
        return None  # first: a cached look-up, and most words start no phrase
    if j > 0 and not adjacent(text, toks[j - 1], toks[j]):
        return None
    best: tuple[_Phrase, int, str] | None = None
    for p in _candidates(toks[j].text, roles):
        if j + len(p.words) > len(toks):
            continue
        if best is not None and len(p.words) <= len(best[0].words):
            continue
        got = _match_phrase(text, toks, j, p, _tables().endings)
        if got is not None:
            best = (p, j + len(p.words), got)
    return best


@functools.lru_cache(maxsize=65536)
def _candidates(word: str, roles: tuple[str, ...]) -> tuple[_Phrase, ...]:
    """Phrases of these roles whose first word is ``word`` or its stem, in the
    order :func:`_match` tries them (cached: most words start no phrase at all)."""
    by_first = _tables().by_first
    return tuple(p for key in _stems(word) for p in by_first.get(key, ()) if p.role in roles)


def _match_phrase(
    text: str, toks: list[Token], j: int, p: _Phrase, endings: frozenset[str]
) -> str | None:
    for k, w in enumerate(p.words[:-1]):
        tok = toks[j + k]
        if tok.text != w or (k and not adjacent(text, toks[j + k - 1], tok)):
            return None
    last = toks[j + len(p.words) - 1]
    if len(p.words) > 1 and not adjacent(text, toks[j + len(p.words) - 2], last):
        return None
    return _ending(last, p.words[-1], endings)


@functools.lru_cache(maxsize=65536)
def _stems(word: str) -> tuple[str, ...]:
    """The word and the word without each case ending it may carry (longest stem first)."""
    out = {word}
    for suf in _tables().endings:
        if len(word) > len(suf) and word.endswith(suf):
            out.add(word[: -len(suf)])
    return tuple(sorted(out, key=len, reverse=True))


def _word_in(tok: Token | None, role: str) -> bool:
    # Context roles are words and signs; digit strings are many and would flood the cache.
    return tok is not None and tok.kind != "digits" and _in_role(tok.text, tok.stem, role)


@functools.lru_cache(maxsize=65536)
def _in_role(text: str, stem: str, role: str) -> bool:
    """The word (or its stem, or it without a case ending) has this context role
    (cached: the same words are asked about again and again)."""
    words = _tables().roles.get(role, frozenset())
    return text in words or stem in words or any(w in words for w in _stems(text))


@functools.lru_cache(maxsize=65536)
def _is_month(word: str) -> bool:
    """A CLDR month name, abbreviated bare or wide with a case ending (cached per word)."""
    tb = _tables()
    return word in tb.month_abbrs or any(w in tb.months for w in _stems(word))


def _stem(tok: Token) -> str:
    """The word without a case ending (for context words like সালে, তারিখে)."""
    stems = _stems(tok.text)
    return stems[1] if len(stems) > 1 else tok.text


@dataclass(slots=True)  # not frozen (slow to build, one per amount read); never changed
class _Amount:
    """An amount being read: token range, value and what kind the words make it."""

    first: int  # first token (hedge or prefix included)
    stop: int  # token after the last
    num: NumParse
    value: Decimal
    kind: Kind
    unit: str | None
    approximate: bool = False
    warning: str | None = None
    nested: tuple[Found, ...] = ()
    unit_kind: str = ""  # "money", "percent", a units.tsv role, or ""


def _is_year_like(num: NumParse) -> bool:
    if num.has_scale or num.words_only or len(num.tokens) != 1:
        return False
    tok = num.tokens[0]
    return (
        tok.kind == "digits"
        and len(tok.stem) == 4
        and tok.stem.isdigit()
        and _YEAR_MIN <= int(tok.stem) <= _YEAR_MAX
    )


def _unit_after(
    text: str, toks: list[Token], j: int, num: NumParse, pct_before: bool
) -> tuple[str, str | None, int]:
    """What follows a number: (unit kind, unit, stop). Unit kind '' when nothing."""
    tb = _tables()
    if num.ended and not num.classifier:
        return _unit_past_bound(text, toks, j, num)
    if not num.classifier:
        cur = _match(text, toks, j, tb.currencies, ("name", "symbol"))
        if cur is not None:
            return "money", cur[0].value, cur[1]
        adj = _match(text, toks, j, tb.currencies, ("adjective",))
        if adj is not None and (adj[1] >= len(toks) or toks[adj[1]].kind == "sign"):
            return "money", adj[0].value, adj[1]
        if j < len(toks) and adjacent(text, toks[j - 1], toks[j]):
            tok = toks[j]
            if _word_in(tok, "percent"):
                stop = j + 1
                if pct_before and stop < len(toks) and _word_in(toks[stop], "percent_part"):
                    stop += 1
                return "percent", "%", stop
            if pct_before and _word_in(tok, "percent_part"):
                return "percent", "%", j + 1
        if pct_before:
            return "percent", "%", j
    unit = _match(text, toks, j, tb.units, ("measure", "count", "time", "kind", "multiplier"))
    if unit is None and not num.classifier and not num.ambiguous and not _is_year_like(num):
        unit = _noun_later(text, toks, j)
    if unit is None and num.classifier:
        # A classifier counts the noun a word or two later (তিনটি বাণিজ্যিক ব্যাংক).
        for k in range(j + 1, min(j + 1 + _MAX_CLASSIFIER_LOOKAHEAD, len(toks))):
            if toks[k - 1].kind != "word" or not adjacent(text, toks[k - 1], toks[k - 1]):
                break
            unit = _match(text, toks, k, tb.units, ("measure", "count", "time"))
            if unit is not None:
                break
    if unit is None:
        if num.classifier:
            # দুজন, ২৫জন: persons; তিনটি alone: a count of something unnamed.
            return "count", (num.classifier if num.classifier in tb.person_words else None), j
        return "", None, j
    phrase, stop, _ = unit
    role, name = phrase.role, phrase.value
    if role == "kind":
        # "two kinds of X": the count is of the noun after it.
        if (
            stop < len(toks)
            and toks[stop].kind == "word"
            and adjacent(text, toks[stop - 1], toks[stop])
        ):
            return "count", _stem(toks[stop]), stop + 1
        return "", None, j
    if name == "জন":
        more = _match(text, toks, stop, tb.units, ("count",))
        if more is not None:
            name, stop = more[0].value, more[1]
    # A unit written twice or with its last word again (ঘনফুট ঘনফুটের, ঘনফুট ফুট).
    while role == "measure":
        again = _match(text, toks, stop, tb.units, ("measure",))
        if again is None:
            break
        stop = again[1]
    return role, name, stop


# `ভারত ও ভুটান`, `ভারত, ভুটান`: what joins the names of a list.
_LIST_JOIN = re.compile(r"\s*(?:,|ও|এবং)\s*")


@functools.cache
def _denominators() -> dict[str, int]:
    """Fraction parts (denominators.tsv): `চতুর্থাংশ` -> 4."""
    return {r["word"]: int(r["denominator"]) for r in table("denominators.tsv")}


class _Places:
    """The text's country references: the caller's, or found once when first asked for."""

    def __init__(self, text: str, named: list[CountryMatch] | None) -> None:
        self.text = text
        self._named = named

    @functools.cached_property
    def named(self) -> list[CountryMatch]:
        return self._named if self._named is not None else countries.find_countries(self.text)

    @functools.cached_property
    def starts(self) -> list[int]:
        return [c.start for c in self.named]

    def listed_at(self, pos: int) -> bool:
        """Two country names joined as a list start at ``pos`` (`দুই দেশ ভারত ও ভুটান`
        names the two; `দুই দেশ ইরান থেকে ...` does not)."""
        k = bisect.bisect_left(self.starts, pos)
        if k + 1 >= len(self.named) or self.starts[k] != pos:
            return False
        first, second = self.named[k], self.named[k + 1]
        return _LIST_JOIN.fullmatch(self.text, first.end, second.start) is not None


def _unit_past_bound(
    text: str, toks: list[Token], j: int, num: NumParse
) -> tuple[str, str | None, int]:
    """`২ হাজারের বেশি শিক্ষার্থী`, `১০০ কোটির বেশি ডলার`: a number in the genitive,
    a bound (more/less than), then a counted noun or a currency: the number counts
    that noun or is that money. The span ends at the number (bounds stay outside).
    (unit kind, unit, stop) as :func:`_unit_after` gives them; unit kind '' if none."""
    if not num.tokens[-1].suffix.endswith(_GENITIVE) or j + 1 >= len(toks):
        return "", None, j
    if not (_word_in(toks[j], "bound_after") and adjacent(text, toks[j - 1], toks[j])):
        return "", None, j
    if not adjacent(text, toks[j], toks[j + 1]):
        return "", None, j
    tb = _tables()
    cur = _match(text, toks, j + 1, tb.currencies, ("name", "symbol"))
    if cur is not None:
        return "money", cur[0].value, j
    unit = _match(text, toks, j + 1, tb.units, ("count",)) or _noun_later(text, toks, j + 1)
    if unit is not None and unit[0].role == "count":
        return "count", unit[0].value, j
    return "", None, j


_MAX_NOUN_LOOKAHEAD = 3
# How many words back a counted_before noun may stand (`জনসংখ্যা ছিল প্রায় ৩.৫ কোটি`).
_COUNTED_BEFORE_WINDOW = 3
_GENITIVE = ("র", "রও", "রই")


@functools.cache
def _locative_endings() -> tuple[str, ...]:
    """Locative endings after a consonant (-ে, -তে, ...): a word with one is an
    adverbial (`অর্থবছরে`, `বিজ্ঞপ্তিতে`) or a verb form (`করে`), never an
    adjective inside a counted noun phrase. (-য় is left out: ভারতীয় is an adjective.)"""
    return tuple(
        r["suffix"]
        for r in table("suffixes.tsv")
        if r["meaning"].startswith("locative") and not r["suffix"].startswith(("য়", "এ", "-"))
    )


def _noun_later(text: str, toks: list[Token], j: int) -> tuple[_Phrase, int, str] | None:
    """The counted noun a few words after a number, past adjectives and demonyms
    (`৮ লাখ বাংলাদেশি শ্রমিক`, `৪৫টি আফ্রিকার দেশ`); or a demonym that is itself
    the counted people (`২৫ লাখ বাংলাদেশি`). Words that end a noun phrase
    (conjunctions, verbs, postpositions: amount_context role np_break) stop the
    search, and so do signs and numbers."""
    tb = _tables()
    k = j
    while k < min(j + _MAX_NOUN_LOOKAHEAD, len(toks)):
        tok = toks[k]
        if (
            tok.kind != "word"
            or not adjacent(text, toks[k - 1], tok)
            or _word_in(tok, "np_break")
            or (tok.text.endswith(_locative_endings()) and tok.text not in tb.demonyms)
        ):
            break
        k += 1
        if k < len(toks):
            unit = _match(text, toks, k, tb.units, ("measure", "count"))
            if unit is not None and (not unit[2] or unit[2].endswith(_GENITIVE)):
                return unit
    if j < len(toks) and toks[j].text in tb.demonyms and adjacent(text, toks[j - 1], toks[j]):
        word = toks[j].text
        return _Phrase((word,), word, "count"), j + 1, ""
    return None


def _agree(a: Decimal, qa: Decimal, b: Decimal, qb: Decimal) -> bool:
    """Two written values are one amount up to the rounding of the coarser one."""
    return abs(a - b) * 2 <= max(qa, qb)


_ONE = Decimal(1)


def _clean(value: Decimal) -> Decimal:
    """Drop the zeros that scale multiplication leaves (28.1 × 10^6 → 28100000)."""
    if value == value.to_integral_value():
        # A context wide enough for every digit: a long digit run is still exact.
        return value.quantize(_ONE, context=_context(max(28, value.adjusted() + 2)))
    return value


@functools.lru_cache(maxsize=64)
def _context(prec: int) -> Context:
    """A decimal context of this precision (built once: a Context is slow to make;
    quantize only sets its flags, which no result depends on)."""
    return Context(prec=prec)


# Token kinds that can open an amount (besides starter words: hedges, currencies, ...).
_OPENING_KINDS = frozenset(("digits", "num", "add", "whole"))


class _Reader:
    """Reads amounts from one token list of one normalized text."""

    def __init__(self, text: str, toks: list[Token], places: _Places) -> None:
        self.text = text
        self.toks = toks
        self.places = places
        self.n = len(toks)  # the token list is never changed while it is read
        self.tb = _tables()

    def tok(self, j: int) -> Token | None:
        return self.toks[j] if 0 <= j < self.n else None

    def adj(self, a: int, b: int) -> bool:
        n = self.n
        return 0 <= a < n and 0 <= b < n and adjacent(self.text, self.toks[a], self.toks[b])

    def scan(self, lo: int, hi: int) -> list[Found]:
        out: list[Found] = []
        i = lo  # tokens before i are inside an amount already read
        starters = self.tb.starters
        toks = self.toks
        # Only a few tokens can open an amount: find them in one pass, read only them.
        opening = [
            k for k in range(lo, hi) if toks[k].kind in _OPENING_KINDS or toks[k].text in starters
        ]
        for k in opening:
            if k < i:
                continue
            res = self.read(k, hi)
            if res is not None:
                found, nxt = res
                out.extend(found)
                i = max(nxt, k + 1)
        return out

    # -- one amount -------------------------------------------------------

    def read(self, i: int, hi: int) -> tuple[list[Found], int] | None:
        """Mentions of the amount starting at token ``i`` and the token after it."""
        tok = self.toks[i]
        if tok.kind == "whole":
            return self._whole(i)
        amt = self.amount(i, hi)
        if amt is None:
            return None
        found: list[Found] = []
        # A range or alternative: the first end borrows unit and scale of the second.
        nxt = self.tok(amt.stop)
        if (
            amt.unit_kind == ""
            and nxt is not None
            and (_word_in(nxt, "range") or _word_in(nxt, "restate"))
            and self.adj(amt.stop - 1, amt.stop)
        ):
            other = self.amount(amt.stop + 1, hi)
            if other is not None and other.unit_kind and self.adj(amt.stop, amt.stop + 1):
                first = self._borrow(amt, other)
                if first is not None:
                    return [*self._emit(first), *self._emit(other)], other.stop
        if _is_year_like(amt.num) and amt.unit_kind in ("", "time"):
            # A fiscal year or year range (২০২৩-২৪, ১৯৭২-৭৩) is the date stage's too.
            if nxt is not None and nxt.text == "-" and self.tok(amt.stop + 1) is not None:
                return [], amt.stop + 2
            return [], amt.stop
        found.extend(self._emit(amt))
        return found, amt.stop

    def _borrow(self, first: _Amount, other: _Amount) -> _Amount | None:
        value = first.value
        if not first.num.has_scale and other.num.last_scale is not None:
            value = value * other.num.last_scale
        if _is_year_like(first.num) and _is_year_like(other.num):
            return None
        return replace(
            first, value=value, kind=other.kind, unit=other.unit, unit_kind=other.unit_kind
        )

    def _whole(self, i: int) -> tuple[list[Found], int]:
        tok = self.toks[i]
        start = tok.start
        approx = False
        prev = self.tok(i - 1)
        if (
            prev is not None
            and prev.text in self.tb.hedges.get("before", ())
            and self.adj(i - 1, i)
        ):
            start, approx = prev.start, True
        assert tok.value is not None
        stop = i + 1
        while (
            self.tok(stop) is not None
            and self.toks[stop].text == tok.text
            and self.adj(stop - 1, stop)
        ):
            stop += 1  # অর্ধেকের অর্ধেকের: a repeated word is one mention
        end = self.toks[stop - 1].end
        return [Found(start, end, "number", tok.value, None, approx)], stop

    def amount(self, i: int, hi: int) -> _Amount | None:
        """Read one amount (hedge, prefixes, number, restatements, unit) at token ``i``."""
        tb = self.tb
        j = i
        approx = False
        if i >= min(hi, len(self.toks)):
            return None
        tok = self.toks[j]
        if tok.text in tb.hedges.get("before", ()):
            if tok.kind in ("num", "digits"):
                approx = True  # দুয়েক: a hedge that is its own number
            elif self.adj(j, j + 1):
                approx = True
                j += 1
        pre_cur: str | None = None
        rate_stop: int | None = None
        t = self.tok(j)
        if t is not None and _word_in(t, "rate"):
            m = _match(self.text, self.toks, j + 1, tb.currencies, ("name", "symbol"))
            if m is not None and self._number_starts(m[1]) and self.adj(j, j + 1):
                rate_stop = m[1]
                j = m[1]
        if rate_stop is None:
            m = _match(self.text, self.toks, j, tb.currencies, ("name", "symbol"))
            if m is not None and self._number_starts(m[1]) and self.adj(m[1] - 1, m[1]):
                pre_cur = m[0].value
                j = m[1]
        pct_before = False
        t = self.tok(j)
        if t is not None and _word_in(t, "percent_before") and self._number_starts(j + 1):
            pct_before = True
            j += 1
        if j >= hi or not self._number_starts(j):
            return None
        num = parse_at(self.text, self.toks, j, hi)
        if num is None or self._excluded(num):
            return None
        j = num.stop
        part = self._fraction_part(num, j)
        if part is not None:
            denominator, stop = part
            value = num.value / denominator
            if value * denominator != num.value:
                return None  # এক-তৃতীয়াংশ: no exact decimal, no mention
            return _Amount(i, stop, num, value, "number", None, approx)
        value = num.value
        warning: str | None = None
        nested: tuple[Found, ...] = ()
        # A restatement in parentheses right after the number: (২.৮১ কোটি).
        paren = self._paren_restatement(j, hi)
        if paren is not None:
            inner, inner_kind, _, j = paren
            if not _agree(num.value, num.quantum, inner.value, inner.quantum) and not inner_kind:
                warning = f"restatement {_clean(inner.value)} differs from {_clean(num.value)}"
        else:
            split = self._split(num, j, hi)
            if split is not None:
                num, nested, j = split
                value = num.value
        unit_kind, unit, j = _unit_after(self.text, self.toks, j, num, pct_before)
        if paren is not None and not unit_kind and paren[1]:
            unit_kind, unit = paren[1], paren[2]
        if pre_cur is not None:
            if unit_kind == "money" and unit != pre_cur:
                return None
            unit_kind, unit = "money", pre_cur
        if rate_stop is not None and unit_kind != "money":
            return None
        kind = self._kind(unit_kind, num, j)
        if kind is None:
            return None
        if unit_kind == "measure":
            j = self._conversion(j, hi)
        if kind == "money":
            value, j = self._subunit(value, unit, j)
        if (
            kind == "quantity"
            and unit_kind in ("count", "time")
            and self._points_back(j, num, unit_kind)
        ):
            return None
        amt = _Amount(i, j, num, value, kind, unit, approx, warning, nested, unit_kind)
        amt = self._restatement(amt, hi)
        # প্রায় ... কাছাকাছি: the closing hedge is inside the span.
        nxt = self.tok(amt.stop)
        if (
            approx
            and nxt is not None
            and nxt.text in tb.hedges.get("after", ())
            and self.adj(amt.stop - 1, amt.stop)
        ):
            amt = replace(amt, stop=amt.stop + 1)
        return amt

    def _fraction_part(self, num: NumParse, j: int) -> tuple[int, int] | None:
        """`এক-চতুর্থাংশ`, `তিন চতুর্থাংশ`: (denominator, token after the fraction)."""
        if num.ended or num.has_scale:
            return None
        k = j + 1 if (t := self.tok(j)) is not None and t.text == "-" else j
        part = self.tok(k)
        if part is None or part.text not in _denominators() or not self.adj(k - 1, k):
            return None
        return _denominators()[part.text], k + 1

    def _number_starts(self, j: int) -> bool:
        t = self.tok(j)
        return t is not None and t.kind in ("digits", "num", "add") and not t.ordinal

    def _excluded(self, num: NumParse) -> bool:
        """Labels, ordinals and numbers that belong to a date."""
        first = num.tokens[0]
        prev = self.tok(num.first - 1)
        if first.start > 0 and _is_letter(self.text[first.start - 1]):
            return True  # written onto a word: জি২, কোভিড19
        if prev is not None and prev.text == "-" and first.start == prev.end:
            before = self.tok(num.first - 2)
            if before is not None and before.kind == "word" and before.end == prev.start:
                return True  # জি-২০, ইউনিট-৩
        if prev is not None and _word_in(prev, "label") and self.adj(num.first - 1, num.first):
            return True
        if self._joined(num):
            return True
        if num.has_scale:
            return False
        nxt = self.tok(num.stop)
        near = nxt is not None and self.adj(num.stop - 1, num.stop)
        if near and nxt is not None and (_word_in(nxt, "date") or self._month(nxt)):
            return True  # ২০১১ সালে, ২৯ ডিসেম্বর, ৬ তারিখ
        if prev is not None and not num.words_only and self._month(prev):
            # ডিসেম্বর ২০২৩, মার্চ ২২: digits only (`মার্চ দুই দিনের সফরে` counts days)
            if (self.adj(num.first - 1, num.first) and num.value <= 31) or _is_year_like(num):
                return True
        return False

    def _joined(self, num: NumParse) -> bool:
        """Digits glued to other digits by / or : (২৯/১২/২০২৩, ১০:৩০) are no amount."""
        first, last = num.tokens[0], num.tokens[-1]
        # The offset tests first: they are cheap and almost always fail.
        prev, before = self.tok(num.first - 1), self.tok(num.first - 2)
        if (
            prev is not None
            and before is not None
            and prev.end == first.start
            and before.end == prev.start
            and before.kind == "digits"
            and _word_in(prev, "joined")
        ):
            return True
        nxt, after = self.tok(num.stop), self.tok(num.stop + 1)
        return (
            nxt is not None
            and after is not None
            and last.end == nxt.start
            and nxt.end == after.start
            and after.kind == "digits"
            and _word_in(nxt, "joined")
        )

    def _month(self, tok: Token) -> bool:
        return tok.kind == "word" and _is_month(tok.text)

    def _paren_restatement(self, j: int, hi: int) -> tuple[NumParse, str, str | None, int] | None:
        """`(২.৮১ কোটি)` or `(২৯৩ কোটি ৬০ লাখ ডলার)` right after a number."""
        t = self.tok(j)
        if t is None or t.text != "(" or not self._number_starts(j + 1):
            return None
        inner = parse_at(self.text, self.toks, j + 1, hi)
        if inner is None:
            return None
        k = inner.stop
        kind, unit, k = _unit_after(self.text, self.toks, k, inner, False)
        close = self.tok(k)
        if close is None or close.text != ")" or kind not in ("", "money"):
            return None
        return inner, kind, unit, k + 1

    def _split(
        self, num: NumParse, j: int, hi: int
    ) -> tuple[NumParse, tuple[Found, ...], int] | None:
        """`৩৫ হাজার (প্রতি ডলার ১২২ টাকা হিসাবে) ৮১৯ কোটি ২০ লাখ`: one number around a parenthesis."""
        t = self.tok(j)
        if t is None or t.text != "(" or not num.has_scale or num.last_scale is None:
            return None
        close = None
        for k in range(j + 1, min(j + _MAX_SPLIT_PAREN_TOKENS, hi)):
            if self.toks[k].text == ")":
                close = k
                break
            if self.toks[k].text in "(।\n":
                return None
        if close is None or not self._number_starts(close + 1):
            return None
        joined = list(num.tokens) + self.toks[close + 1 : min(hi, close + 1 + 40)]
        whole = parse_at(self.text, joined, 0, join=len(num.tokens))
        if whole is None or whole.stop <= len(num.tokens) or whole.largest <= num.largest:
            return None
        stop = close + 1 + (whole.stop - len(num.tokens))
        inner = _Reader(self.text, self.toks, self.places).scan(j + 1, close)
        merged = NumParse(
            value=whole.value,
            first=num.first,
            stop=stop,
            has_scale=True,
            last_scale=whole.last_scale,
            largest=whole.largest,
            words_only=whole.words_only,
            ambiguous=False,
            classifier=whole.classifier,
            ended=whole.ended,
            quantum=whole.quantum,
            tokens=tuple(self.toks[num.first : stop]),
        )
        return merged, tuple(inner), stop

    def _conversion(self, j: int, hi: int) -> int:
        """`৫৩২ কিলোমিটার (৩৩১ মাইল)`: a measure restated in another unit is one mention."""
        t = self.tok(j)
        if t is None or t.text != "(" or not self._number_starts(j + 1):
            return j
        inner = parse_at(self.text, self.toks, j + 1, hi)
        if inner is None:
            return j
        kind, _, k = _unit_after(self.text, self.toks, inner.stop, inner, False)
        close = self.tok(k)
        if kind != "measure" or close is None or close.text != ")":
            return j
        return k + 1

    def _kind(self, unit_kind: str, num: NumParse, j: int) -> Kind | None:
        if unit_kind == "money":
            return "money"
        if unit_kind == "percent":
            return "percent"
        if num.classifier:
            if num.words_only and num.value == 1 and unit_kind in ("", "count"):
                return None  # একটি, একজন: the indefinite article
            if num.classifier.startswith("টা") and (
                _word_in(self.tok(j), "clock") or _word_in(self.tok(num.first - 1), "clock_before")
            ):
                return "number"  # এগারোটার সময়, সকাল ১০টায়: a time of day
            return "quantity"
        if unit_kind == "count" and num.ambiguous and num.value == 1:
            if _word_in(self.tok(j - 1), "person"):
                return None  # এক কর্মকর্তা জানান: "an official", the indefinite article
        if unit_kind in ("measure", "count"):
            return "quantity"
        if unit_kind == "multiplier":
            return "number"  # চার গুণ: a multiple, like দ্বিগুণ
        if unit_kind == "time":
            last = num.tokens[-1]
            unit_tok = self.tok(j - 1)
            if unit_tok is not None and _stem(unit_tok).startswith("দশক") and last.suffix:
                return None  # আশির দশকে, ৯০-এর দশকে: a decade is a date
            return "quantity"
        if num.words_only and not num.has_scale and num.value == int(num.value):
            return None  # a bare number word: an article, a back-reference or an idiom
        if num.ambiguous:
            return None
        if (num.has_scale or num.value >= _LIST_COUNT_MIN) and self._counted_before(num.first):
            return "quantity"  # জনসংখ্যা প্রায় ৩.৫ কোটি (not a growth rate of ১.২)
        return "number"

    def _counted_before(self, first: int) -> bool:
        """A word a few tokens back, within the clause, says the number counts people."""
        for k in range(first - 1, max(first - 1 - _COUNTED_BEFORE_WINDOW, -1), -1):
            tok = self.toks[k]
            if tok.kind == "sign" or not self.adj(k, k + 1):
                return False
            if _word_in(tok, "counted_before"):
                return True
        return False

    def _points_back(self, j: int, num: NumParse, unit_kind: str) -> bool:
        """`এই দুই দেশ`, `দুই দেশের মধ্যে`: a number word that points back to named things.

        `দুই মাসের মধ্যে` (within two months) is a duration: only counted nouns
        point back through মধ্যে or a case ending."""
        if not num.words_only:
            return False
        prev = self.tok(num.first - 1)
        if prev is not None and _word_in(prev, "backref") and self.adj(num.first - 1, num.first):
            return True
        if unit_kind != "count":
            return False
        nxt = self.tok(j)
        if nxt is not None and _word_in(nxt, "between") and self.adj(j - 1, j):
            return True
        # দুই দেশের, দুই পক্ষকে: a bare number word before a party noun with a case
        # ending means "the two (already named)"; দুই দেশ ভারত ও ভুটান counts.
        noun = self.toks[j - 1]
        if num.classifier or num.stop != j - 1:
            return False
        parties = self.tb.roles.get("party", frozenset())
        if noun.text in parties:
            # `দুই দেশ একটি চুক্তি সই করে`: "the two countries" as a subject points
            # back too, unless the names follow (an apposition counts them).
            nxt = self.tok(j)
            named = nxt is not None and self.adj(j - 1, j) and self.places.listed_at(nxt.start)
            return num.value > 1 and not named
        return any(w in parties for w in _stems(noun.text))

    def _subunit(self, value: Decimal, unit: str | None, j: int) -> tuple[Decimal, int]:
        """`১২২ টাকা ৩০ পয়সা` = 122.30 (two decimals kept)."""
        t = self.tok(j)
        if t is None or t.kind not in ("digits", "num") or not self.adj(j - 1, j):
            return value, j
        if t.value is None or t.value != int(t.value) or not 0 <= t.value < 100:
            return value, j
        sub = _match(self.text, self.toks, j + 1, self.tb.currencies, ("subunit",))
        if sub is None or sub[0].value != unit or value != int(value):
            return value, j
        return Decimal(f"{int(value)}.{int(t.value):02d}"), sub[1]

    def _restatement(self, amt: _Amount, hi: int) -> _Amount:
        """`৫০ বিলিয়ন বা ৫ হাজার কোটি ডলার`, `৪৭০ কোটি রিয়াল (১২৫ কোটি ডলার)`: one
        amount said twice is one mention (in the first-stated currency)."""
        t = self.tok(amt.stop)
        if t is None or not self.adj(amt.stop - 1, amt.stop):
            return amt
        paren = t.text == "("
        if not paren and not _word_in(t, "restate"):
            return amt
        if paren and amt.kind != "money":
            return amt
        if amt.unit_kind and amt.unit_kind not in ("money", "percent", "measure"):
            return amt
        other = self.amount(amt.stop + 1, hi)
        if other is None or not self.adj(amt.stop, amt.stop + 1):
            return amt
        stop = other.stop
        if paren:
            close = self.tok(stop)
            if close is None or close.text != ")" or other.kind != "money":
                return amt
            stop += 1
        converted = amt.kind == other.kind == "money" and other.unit != amt.unit
        if amt.unit_kind and (other.kind != amt.kind or other.unit != amt.unit) and not converted:
            return amt
        if not amt.unit_kind and not other.unit_kind:
            return amt
        if not converted and not _agree(amt.value, amt.num.quantum, other.value, other.num.quantum):
            return amt  # "5 or 6 crore": two values (read as a range by the caller)
        return replace(
            amt,
            stop=stop,
            kind=other.kind if not amt.unit_kind else amt.kind,
            unit=other.unit if not amt.unit_kind else amt.unit,
            unit_kind=other.unit_kind if not amt.unit_kind else amt.unit_kind,
            approximate=amt.approximate or other.approximate,
            warning=amt.warning or other.warning,
        )

    def _emit(self, amt: _Amount) -> list[Found]:
        start = self.toks[amt.first].start
        end = self.toks[amt.stop - 1].end
        unit = amt.unit
        if amt.kind == "number":
            unit = None
        found = Found(start, end, amt.kind, _clean(amt.value), unit, amt.approximate, amt.warning)
        return [found, *amt.nested]


def _sentence_context(text: str, found: list[Found], scaled: set[int]) -> list[Found]:
    """A number in a list whose amounts share one unit takes it: a scaled number
    is money when the sentence's money has one currency (`জুলাইয়ে ১৯১.৩৭ কোটি, ...
    জুনে ২৮২ কোটি ডলার`); a large bare count is a quantity beside quantities of one
    unit (`... ৪,৫২,৪৮৫ জন পর্যটক, তারপরে (১,৮৭,৭৭৩)`)."""
    sents = sentences(text)
    starts = [s.start for s in sents]

    def sentence_of(f: Found) -> int | None:
        k = bisect.bisect_right(starts, f.start) - 1
        return k if k >= 0 and f.start < sents[k].end else None

    # The currencies and quantity units of each sentence, gathered in one pass
    # (a number itself is neither, so it never counts towards its own sentence).
    codes: dict[int, set[str | None]] = defaultdict(set)
    units: dict[int, set[str | None]] = defaultdict(set)
    for g in found:
        k = sentence_of(g)
        if k is not None and g.kind == "money":
            codes[k].add(g.unit)
        elif k is not None and g.kind == "quantity":
            units[k].add(g.unit)
    out: list[Found] = []
    for idx, f in enumerate(found):
        k = sentence_of(f)
        if f.kind != "number" or k is None or not isinstance(f.value, Decimal):
            out.append(f)
        elif idx in scaled and len(codes[k]) == 1:
            out.append(replace(f, kind="money", unit=next(iter(codes[k]))))
        elif not codes[k] and len(units[k]) == 1 and f.value >= _LIST_COUNT_MIN:
            out.append(replace(f, kind="quantity", unit=None))
        else:
            out.append(f)
    return out


# A region around each place a number can be: enough words before it for a hedge,
# a rate or a currency written first, and after it for units, restatements and
# ranges (whose numbers are places of their own, so regions chain).
_BEFORE, _AFTER = 24, 48
# Unicode White_Space as ``regex`` has it: ``re`` also counts U+001C..U+001F.
_SPACE = re.compile(r"[^\S\x1c-\x1f]")


def _regions(text: str) -> list[tuple[int, int]]:
    """Disjoint text regions around every digit run and number word, cut at spaces
    (tokens never cross a space, so a region tokenizes as the whole text does)."""
    anchors = [m.span() for m in DIGIT_RUN.finditer(text)]
    anchors += [m.span() for m in number_word_pattern().finditer(text)]
    anchors.sort()
    out: list[tuple[int, int]] = []
    n = len(text)
    for s, e in anchors:
        if out and e + _AFTER <= out[-1][1]:
            continue  # inside the last region, and so is its after-context (a space or the end)
        lo = s - _BEFORE
        if out and lo <= out[-1][1]:
            lo = out[-1][0]
        else:
            lo = max(text.rfind(" ", 0, max(lo, 0)), text.rfind("\n", 0, max(lo, 0))) + 1
        m = _SPACE.search(text, min(e + _AFTER, n))
        hi = m.start() if m else n
        if out and lo == out[-1][0]:
            out[-1] = (lo, max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


def _scaled(toks: list[Token], here: list[Found], offset: int) -> list[int]:
    """Indices (from ``offset``) of the bare numbers in ``here`` that contain a scale word."""
    scale_starts = [t.start for t in toks if t.kind == "scale"]
    return [
        k
        for k, f in enumerate(here, offset)
        if f.kind == "number"
        and bisect.bisect_left(scale_starts, f.start) < bisect.bisect_left(scale_starts, f.end)
    ]


def find_amounts(text: str, named: list[CountryMatch] | None = None) -> list[Found]:
    """Amount mentions of a normalized text, in order.

    Only regions around digits and number words are tokenized and read.
    ``named``: the text's country references, when the caller has them already
    (a bare `রিয়াল` is read by them; found here when needed and not given).
    """
    found: list[Found] = []
    scaled: set[int] = set()
    places = _Places(text, named)
    for lo, hi in _regions(text):
        toks = tokenize(text, lo, hi)
        here = _Reader(text, toks, places).scan(0, len(toks))
        if any(f.kind == "number" for f in here):
            scaled.update(_scaled(toks, here, len(found)))
        found.extend(here)
    if any(f.kind == "number" for f in found):
        found = _sentence_context(text, found, scaled)
    found = _local_currencies(text, found, places)
    return sorted(found, key=lambda f: (f.start, -f.end))


# annotation.md fixes these bare words: `ডলার` is USD, `টাকা` BDT, `রুপি` INR.
_FIXED_BARE = frozenset({"USD", "BDT", "INR"})
# Currencies in use on this date (babel's CLDR territory data; fixed for reproducible output).
_CURRENCY_DATE = dt.date(2024, 1, 1)


@functools.cache
def _ambiguous_heads() -> dict[str, frozenset[str]]:
    """Bare currency words that several countries' currencies end in (`রিয়াল`:
    SAR, QAR, OMR, ...), with the codes in use; the fixed ones left out."""
    in_use = {c for codes in _territory_currencies().values() for c in codes}
    heads: dict[str, set[str]] = defaultdict(set)
    for p in _tables().currencies:
        if p.role == "name" and p.value in in_use:
            heads[p.words[-1]].add(p.value)
    bare = {p.words[0]: p.value for p in _tables().currencies if len(p.words) == 1}
    return {
        h: frozenset(codes)
        for h, codes in heads.items()
        if len(codes) > 1 and h in bare and bare[h] not in _FIXED_BARE
    }


@functools.cache
def _territory_currencies() -> dict[str, tuple[str, ...]]:
    from babel.numbers import get_territory_currencies

    return {
        code: tuple(get_territory_currencies(code, _CURRENCY_DATE, tender=True))
        for code in country_codes()
    }


@functools.cache
def _qualified() -> frozenset[tuple[str, ...]]:
    """The last two words of every currency name of two words or more (`সৌদি রিয়াল`)."""
    return frozenset(p.words[-2:] for p in _tables().currencies if len(p.words) > 1)


@functools.cache
def _heads_pattern() -> re.Pattern[str]:
    return re.compile(trie(list(_ambiguous_heads())) or "(?!)")


def _bare_head(text: str, f: Found) -> str | None:
    """The currency word of a money mention when it stands bare (`৪৭০ কোটি রিয়াল`,
    not `সৌদি রিয়াল`): the ambiguous head it is, or None."""
    if _heads_pattern().search(text, f.start, f.end) is None:
        return None  # almost every money mention: one C-level scan decides
    heads = _ambiguous_heads()
    words = text[f.start : f.end].split()
    for k in range(len(words) - 1, -1, -1):
        head = next((w for w in _stems(words[k]) if w in heads), None)
        if head is None:
            continue
        qualified = k > 0 and (words[k - 1], head) in _qualified()
        return None if qualified else head
    return None


def _local_currencies(text: str, found: list[Found], places: _Places) -> list[Found]:
    """A bare `রিয়াল`, `দিনার`, `পেসো` is the currency of the country it is said
    of: the country named last before it in its sentence, else the article's most
    named country with such a currency (an Oman article's `রিয়াল` is OMR)."""
    bare = [(k, h) for k, f in enumerate(found) if f.kind == "money" and (h := _bare_head(text, f))]
    if not bare:
        return found
    named = places.named
    ranked = countries.main_countries(named)
    sents = sentences(text)
    starts = [s.start for s in sents]
    currencies = _territory_currencies()
    out = list(found)
    for k, head in bare:
        f = found[k]
        codes = _ambiguous_heads()[head]
        si = bisect.bisect_right(starts, f.start) - 1
        lo = sents[si].start if si >= 0 else 0
        before = [c.code for c in named if lo <= c.start < f.start]
        for country in [*reversed(before), *ranked]:
            local = [c for c in currencies.get(country, ()) if c in codes]
            if local:
                out[k] = replace(f, unit=local[0])
                break
    return out
