"""Tokens with offsets: our regex tokenizer, a fixed spaCy tokenizer, and backend selection.

spaCy's rules for ``bn`` treat Bengali digits as letters, so ``১,০০০`` and
``১,২৫,০০০`` split at the comma while ``12,500`` stays whole, and ``১০০৳`` stays
one token while ``100৳`` splits (field notes). Our tokenizer keeps numbers whole
in either script (also mixed, ``২011``) with Western or Indian grouping and a
decimal part, and splits currency symbols off.

Every tokenizer here returns tokens with offsets into the text it was given;
no token covers whitespace, and ``text[t.start:t.end] == t.text``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import regex

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

TokenKind = Literal["number", "word", "currency", "punct", "symbol"]
Backend = Callable[[str], list["Token"]]
BACKENDS = ("regex", "spacy", "bnlp")


class Token(NamedTuple):
    """One token: ``text`` is ``source[start:end]`` (a tuple: cheap to make by the million)."""

    start: int
    end: int
    text: str
    kind: TokenKind


_DIGIT = "0-9\u09e6-\u09ef"  # ASCII and Bengali digits (mixed runs occur: ২011)
# Bengali letters, vowel signs, nukta, virama, khanda ta, au length mark,
# Assamese ra/wa and the later additions (U+09FC-U+09FE); digits, the currency
# signs and numerators (U+09F2-U+09FB) are not word characters.
_BN_LETTER = "\u0980-\u09e5\u09f0\u09f1\u09fc-\u09fe"
_JOINERS = "\u200c\u200d"  # ZWNJ/ZWJ shape a word (ত্‍ ends in ZWJ), never split it

# One alternative per token kind; each is a single pass over disjoint classes, so
# a scan is linear. The number alternative takes a whole digit-comma run (commas
# delimit the groups, so there is one way to match); its grouping is checked in
# Python, which keeps the regex free of backtracking over group lengths.
_TOKEN = regex.compile(
    rf"""
    (?P<number>[{_DIGIT}]+(?:,[{_DIGIT}]+)*(?:\.[{_DIGIT}]+)?)
    |(?P<word>[{_BN_LETTER}][{_BN_LETTER}{_JOINERS}]*)
    |(?P<latin>[\p{{L}}\p{{M}}][\p{{L}}\p{{M}}]*)
    |(?P<currency>\p{{Sc}})
    |(?P<punct>[\p{{P}}|\u09f7])
    |(?P<symbol>[^\s{_JOINERS}])
    """,
    regex.VERBOSE,
)


_KINDS: dict[str, TokenKind] = {
    "number": "number",
    "word": "word",
    "latin": "word",
    "currency": "currency",
    "punct": "punct",
    "symbol": "symbol",
}


def _grouping_ok(groups: list[str]) -> bool:
    """Western (1,234,567) or Indian (12,34,567) thousands grouping of a digit run."""
    if len(groups) == 1:
        return True
    first, *middle, last = groups
    if not 1 <= len(first) <= 3 or len(last) != 3:
        return False
    return all(len(g) == 3 for g in middle) or all(len(g) == 2 for g in middle)


def _number_tokens(text: str, start: int, end: int) -> Iterator[Token]:
    """A digit run as one number, or, if its commas are no grouping, numbers and commas."""
    run = text[start:end]
    integer = run.split(".", 1)[0]
    if _grouping_ok(integer.split(",")):
        yield Token(start, end, run, "number")
        return
    pos = start
    for piece in run.split(","):
        if pos > start:
            yield Token(pos - 1, pos, ",", "punct")
        yield Token(pos, pos + len(piece), piece, "number")
        pos += len(piece) + 1


def tokenize(text: str) -> list[Token]:
    """Our tokenizer: numbers whole, Bengali words with their marks, symbols split off."""
    out: list[Token] = []
    append = out.append
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "number" and "," in m.group():
            out.extend(_number_tokens(text, m.start(), m.end()))
        else:
            start, end = m.span()
            append(Token(start, end, text[start:end], _KINDS[kind]))  # type: ignore[index]
    return out


def classify(piece: str) -> TokenKind:
    """The kind our tokenizer gives a token text (for tokens of other backends)."""
    tokens = tokenize(piece)
    if len(tokens) == 1 and tokens[0].end == len(piece):
        return tokens[0].kind
    if tokens and all(t.kind == "number" or t.text in ",." for t in tokens):
        return "number"
    return "word" if any(t.kind == "word" for t in tokens) else "symbol"


# --------------------------------------------------------------------------- spaCy

_BN_DIGITS = "\u09e6-\u09ef"
# Danda, double danda, U+09F7 (a currency numerator typists use as a danda), em dash, `|`.
_SENTENCE_MARKS = "[\u0964\u0965\u09f7\u2014|]"


def _fixed_infixes(infixes: Iterable[str]) -> list[str]:
    """spaCy's bn infixes, fixed to cut where our tokenizer cuts.

    The rule ``(?<=[ALPHA]),(?=[ALPHA])`` splits ``১,০০০`` because Bengali digits
    are in ALPHA: it now leaves a comma between digits alone unless the groups
    around it cannot be thousands grouping (4+ digits before it, or 1 or 4+
    after it: ``১৯৭১,১৯৭২``). Currency symbols split off anywhere (``US$১০০``),
    and digits part from Bengali letters (``১০০টি``) with an empty infix.
    """
    from spacy.lang.char_classes import ALPHA

    comma_rule = rf"(?<=[{ALPHA}]),(?=[{ALPHA}])"
    d = _DIGIT
    fixed = (
        rf"(?<=[{ALPHA}])(?<![{d}]),(?=[{ALPHA}])"
        rf"|(?<=[{d}]),(?![{d}])(?=[{ALPHA}])"
        rf"|(?<=[{d}]{{4}}),(?=[{d}])"
        rf"|(?<=[{d}]),(?=[{d}](?![{d}])|[{d}]{{4}})"
    )
    return [
        *(fixed if p == comma_rule else p for p in infixes),
        f"[{_currency_class()}]",
        _SENTENCE_MARKS,
        rf"(?<=[{d}])(?=[{_BN_LETTER}])|(?<=[{_BN_LETTER}])(?=[{d}])",
    ]


def _fixed_suffixes(suffixes: Iterable[str]) -> list[str]:
    """spaCy's bn suffixes plus the after-digit rules for Bengali digits, ``|`` and currency."""
    after_digit = "(?<=[0-9])"
    out = list(suffixes)
    out += [
        f"(?<=[{_BN_DIGITS}])" + p[len(after_digit) :] for p in out if p.startswith(after_digit)
    ]
    return [*out, _SENTENCE_MARKS, f"[{_currency_class()}]"]


def _fixed_prefixes(prefixes: Iterable[str]) -> list[str]:
    """spaCy's bn prefixes plus currency symbols (৳১০০, $৫০) and ``|``."""
    return [*prefixes, _SENTENCE_MARKS, f"[{_currency_class()}]"]


def _patterns(rules: Iterable[str | re.Pattern[str]] | None) -> list[str]:
    """spaCy's rule lists as pattern strings (entries may be compiled patterns)."""
    return [r if isinstance(r, str) else r.pattern for r in rules or []]


def make_spacy_tokenizer(nlp: Language) -> Any:
    """spaCy's own rule-based Tokenizer for ``nlp``'s vocab with the bn rules fixed.

    Numbers with Bengali digits stay whole with their grouping commas and decimals,
    and currency symbols split off numbers in either script. The result is a plain
    ``spacy.tokenizer.Tokenizer`` (serializable and picklable like any other).
    """
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    defaults = nlp.Defaults
    prefixes = _fixed_prefixes(_patterns(defaults.prefixes))
    suffixes = _fixed_suffixes(_patterns(defaults.suffixes))
    infixes = _fixed_infixes(_patterns(defaults.infixes))
    return Tokenizer(
        nlp.vocab,
        rules=defaults.tokenizer_exceptions,
        prefix_search=compile_prefix_regex(prefixes).search,
        suffix_search=compile_suffix_regex(suffixes).search,
        infix_finditer=compile_infix_regex(infixes).finditer,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )


@functools.cache
def _currency_class() -> str:
    r"""Every currency symbol (Unicode category Sc), escaped for a ``re`` class.

    spaCy compiles its rules with ``re``, which has no ``\p{Sc}``.
    """
    import sys
    import unicodedata

    chars = (chr(c) for c in range(sys.maxunicode + 1))
    return regex.escape("".join(ch for ch in chars if unicodedata.category(ch) == "Sc"))


def fix_tokenizer(nlp: Language) -> Language:
    """Replace ``nlp.tokenizer`` by :func:`make_spacy_tokenizer` (returns ``nlp``)."""
    nlp.tokenizer = make_spacy_tokenizer(nlp)
    return nlp


@functools.cache
def _spacy_nlp() -> Language:
    import spacy

    return fix_tokenizer(spacy.blank("bn"))


def spacy_tokenize(text: str) -> list[Token]:
    """Tokens of the fixed spaCy tokenizer (whitespace tokens left out)."""
    doc = _spacy_nlp().tokenizer(text)
    return [
        Token(t.idx, t.idx + len(t.text), t.text, classify(t.text)) for t in doc if not t.is_space
    ]


def doc_from_tokens(vocab: Vocab, text: str, tokens: list[Token]) -> Doc:
    """A spaCy Doc whose text is exactly ``text``, with ``tokens`` as its tokens.

    A single space after a token is its ``whitespace_``; any other whitespace
    between tokens becomes a whitespace token, as spaCy's own tokenizer does.
    """
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    pos = 0
    for tok in [*tokens, Token(len(text), len(text), "", "symbol")]:
        gap = text[pos : tok.start]
        if gap:
            if words and gap[0] == " ":
                spaces[-1] = True
                gap = gap[1:]
            if gap:
                words.append(gap)
                spaces.append(False)
        if tok.text:
            words.append(tok.text)
            spaces.append(False)
        pos = tok.end
    return Doc(vocab, words=words, spaces=spaces)


class BackendTokenizer:
    """A spaCy tokenizer built on one of our backends ("regex" or "bnlp").

    Stateless apart from the backend's name, so it pickles and serializes trivially.
    """

    def __init__(self, vocab: Vocab, backend: str = "regex") -> None:
        self.vocab = vocab
        self.backend = backend
        self._tokenize = get_backend(backend)

    def __call__(self, text: str) -> Doc:
        return doc_from_tokens(self.vocab, text, self._tokenize(text))

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __reduce__(self) -> tuple[Any, ...]:
        return (BackendTokenizer, (self.vocab, self.backend))

    # spaCy calls these when the pipeline is saved or loaded; the backend name is
    # in the config, so there is nothing else to store.
    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> BackendTokenizer:
        return self

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        return None

    def from_disk(self, path: Any, **kwargs: Any) -> BackendTokenizer:
        return self


def create_tokenizer(backend: str = "spacy") -> Callable[[Language], Any]:
    """spaCy registry function ``extractor.bn_tokenizer.v1`` (config: ``backend``)."""
    _check_name(backend)

    def make(nlp: Language) -> Any:
        if backend == "spacy":
            return make_spacy_tokenizer(nlp)
        return BackendTokenizer(nlp.vocab, backend)

    return make


# --------------------------------------------------------------------------- backends


def _check_name(name: str) -> None:
    if name not in BACKENDS:
        raise ValueError(f"unknown tokenizer backend {name!r}: choose one of {', '.join(BACKENDS)}")


def get_backend(name: str = "regex") -> Backend:
    """The tokenizer called ``name``: "regex" (ours, default), "spacy" or "bnlp".

    "bnlp" needs the optional extra (``pip install 'extractor[bnlp]'``) and is
    imported only here, when selected.
    """
    _check_name(name)
    if name == "regex":
        return tokenize
    if name == "spacy":
        return spacy_tokenize
    from extractor import bnlp_backend

    return bnlp_backend.tokenize
