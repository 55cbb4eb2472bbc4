"""Trade flows: money values of exports, imports and bilateral trade volume.

For each money mention the flow is named by the nearest trade word of its
clause (``lang/bn/trade_words.tsv``); a nearer word for money that is not trade
(remittance, loans, targets, ...) vetoes it. Direction comes from the case of the
country words before the figure: in `মালয়েশিয়ায় ওমানের রপ্তানি` the genitive
(or nominative, or `X থেকে`) is the exporter and the locative the importer; for
imports the genitive/nominative/locative is the importer and `X থেকে` the
exporter. A sentence with no trade word that restates the previous one
(`যা, ২০০৬ সালে ...`, `তার পরিমাণ ছিল ...`) inherits its flow, and `যথাক্রমে`
pairs its figures with the previous sentence's flows in order.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from decimal import Decimal

import regex

from extractor.countries import main_countries, main_country
from extractor.matches import CountryMatch, Found
from extractor.records import TradeFlow
from extractor.resources import alternation, suffix_pattern, table
from extractor.text import NormText, Sentence

WORDS = "trade_words.tsv"
_WORD_CHAR = r"[\p{L}\p{M}]"
_FLOWS = ("export", "import", "total")


@functools.cache
def _roles() -> dict[str, str]:
    return {row["word"]: row["role"] for row in table(WORDS)}


@functools.cache
def _pattern() -> regex.Pattern[str]:
    return regex.compile(
        rf"(?<!{_WORD_CHAR})(?P<w>{alternation(list(_roles()))})"
        rf"(?P<suf>{suffix_pattern()})(?!{_WORD_CHAR})"
    )


# Clauses of a sentence: a semicolon or a dash separates statements.
_CLAUSE_SEP = regex.compile(r"[;:]|\s-\s")


@dataclass(frozen=True, slots=True)
class _Word:
    start: int
    end: int
    role: str
    suffix: str


@dataclass(frozen=True, slots=True)
class _Flow:
    flow: str
    exporter: str | None
    importer: str | None
    parties: tuple[str, ...]
    period: str
    money: Found


def _words(text: str, start: int, end: int) -> list[_Word]:
    roles = _roles()
    return [
        _Word(m.start(), m.end(), roles[m.group("w")], m.group("suf"))
        for m in _pattern().finditer(text, start, end)
    ]


def _clause(text: str, sent: Sentence, pos: int) -> tuple[int, int]:
    start, end = sent.start, sent.end
    for m in _CLAUSE_SEP.finditer(text, sent.start, sent.end):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


def _flow_word(words: list[_Word], money: Found, lo: int, hi: int) -> _Word | None:
    """The trade or veto word nearest the figure: before it in the clause, else after."""
    kinds = (*_FLOWS, "block")
    before = [w for w in words if w.role in kinds and lo <= w.start and w.end <= money.start]
    if before:
        return before[-1]
    after = [w for w in words if w.role in kinds and w.start >= money.end and w.end <= hi]
    return after[0] if after else None


def _is_difference(money: Found, words: list[_Word]) -> bool:
    """`চেয়ে ০.৪ বিলিয়ন ডলার বেশি`: the amount by which another differs is no flow."""
    nxt = [w for w in words if w.start >= money.end]
    if not (nxt and nxt[0].role == "more_less" and nxt[0].start - money.end <= 2):
        return False
    prv = [w for w in words if w.end <= money.start]
    return bool(prv and prv[-1].role == "compare" and money.start - prv[-1].end <= 2)


@dataclass(frozen=True, slots=True)
class _Ref:
    pos: int
    code: str
    form: str  # gen / loc / obj / base / adj / src


def _refs(
    text: str, lo: int, hi: int, countries: list[CountryMatch], words: list[_Word], ctx: _Context
) -> list[_Ref]:
    """Country references between lo and hi, `X থেকে` marked as a source."""
    refs: list[_Ref] = []
    sources = {w.start for w in words if w.role == "source"}
    for c in countries:
        if lo <= c.start and c.end <= hi and c.form != "adj":
            after = c.end + 1 if text[c.end : c.end + 1] == " " else c.end
            refs.append(_Ref(c.start, c.code, "src" if after in sources else c.form))
    for w in words:
        if not (lo <= w.start and w.end <= hi):
            continue
        if w.role == "both":
            refs.extend(_Ref(w.start, code, "both") for code in ctx.pair)
        elif w.role == "home" and ctx.main and w.suffix:
            form = "gen" if w.suffix.endswith(("র", "রও")) else "loc"
            refs.append(_Ref(w.start, ctx.main, form))
    return sorted(refs, key=lambda r: r.pos)


@dataclass(frozen=True, slots=True)
class _Context:
    main: str | None
    pair: tuple[str, ...]


def _direction(flow: str, refs: list[_Ref], ctx: _Context) -> tuple[str | None, str | None]:
    if flow == "total":
        return None, None
    sellers = [r.code for r in refs if r.form == "src"]
    own = [r.code for r in refs if r.form in ("gen", "base", "both")]
    loc = [r.code for r in refs if r.form == "loc"]
    exporter: str | None
    importer: str | None
    if flow == "export":
        exporter = (sellers or own)[-1] if (sellers or own) else None
        importer = next((c for c in reversed(loc) if c != exporter), None)
        if exporter is None and importer is not None and not sellers:
            # `বাংলাদেশে ... রপ্তানি আয়`: a country's own exports, no partner named.
            exporter, importer = importer, None
    else:
        importer = (own or loc)[-1] if (own or loc) else None
        exporter = next((c for c in reversed(sellers) if c != importer), None)
    if exporter is None and importer is None:
        if flow == "export":
            exporter = ctx.main
        else:
            importer = ctx.main
    return exporter, importer


def _period(found: list[Found], sent: Sentence, money: Found, fallback: str) -> str:
    dates = [f for f in found if f.kind == "date" and sent.start <= f.start and f.end <= sent.end]
    before = [d for d in dates if d.end <= money.start]
    if before:
        return str(before[-1].value)
    after = [d for d in dates if d.start >= money.end]
    return str(after[0].value) if after else fallback


def _paragraph_break(text: str, a: int, b: int) -> bool:
    return "\n" in text[a:b]


def find_trade(
    nt: NormText, sents: list[Sentence], found: list[Found], countries: list[CountryMatch]
) -> list[TradeFlow]:
    """Trade flows stated in the article."""
    text = nt.text
    ranked = main_countries(countries)
    ctx = _Context(main_country(text, countries), tuple(sorted(ranked[:2])))
    flows: list[_Flow] = []
    prev_sentence: list[_Flow] = []
    for sent in sents:
        money = [f for f in found if f.kind == "money" and sent.start <= f.start < sent.end]
        if not money:
            if prev_sentence and _paragraph_break(text, prev_sentence[-1].money.end, sent.start):
                prev_sentence = []
            continue
        words = _words(text, sent.start, sent.end)
        current: list[_Flow] = []
        respectively = 0
        for m in money:
            lo, hi = _clause(text, sent, m.start)
            if _is_difference(m, words):
                continue
            fallback = "XXXX"
            if flows and not _paragraph_break(text, flows[-1].money.end, sent.start):
                fallback = flows[-1].period
            period = _period(found, sent, m, fallback)
            word = _flow_word(words, m, lo, hi)
            if word is None:
                inherited = _inherit(words, m, lo, prev_sentence, respectively)
                if inherited is not None:
                    respectively += 1
                    current.append(replace(inherited, period=period, money=m))
                continue
            if word.role == "block":
                continue
            prev_money = [x.money.end for x in current if lo <= x.money.start]
            seg_lo = max([lo, *prev_money])
            seg_hi = m.start if word.end <= m.start else word.end
            refs = _refs(text, seg_lo, seg_hi, countries, words, ctx)
            if not refs:
                refs = _refs(text, lo, seg_hi, countries, words, ctx)
            exporter, importer = _direction(word.role, refs, ctx)
            if word.role == "total":
                parties = tuple(sorted({r.code for r in refs})) or ((ctx.main,) if ctx.main else ())
            else:
                parties = tuple(sorted({c for c in (exporter, importer) if c}))
            if not parties:
                continue
            current.append(_Flow(word.role, exporter, importer, parties, period, m))
        flows.extend(current)
        if current:
            prev_sentence = current
    return [_record(nt, f) for f in flows]


def _inherit(
    words: list[_Word], money: Found, lo: int, prev: list[_Flow], index: int
) -> _Flow | None:
    """The previous sentence's flow restated by `যা`/`তার পরিমাণ`/`যথাক্রমে`."""
    if not prev:
        return None
    before = [w for w in words if lo <= w.start and w.end <= money.start]
    if any(w.role == "respectively" for w in before):
        return prev[index] if index < len(prev) else None
    if any(w.role == "backref" for w in before):
        return prev[-1]
    return None


def _record(nt: NormText, f: _Flow) -> TradeFlow:
    start, end, text = nt.orig_span_text(f.money.start, f.money.end)
    value = f.money.value if isinstance(f.money.value, Decimal) else Decimal(str(f.money.value))
    return TradeFlow(
        period=f.period,
        flow=f.flow,  # type: ignore[arg-type]
        exporter=f.exporter,
        importer=f.importer,
        parties=list(f.parties),
        value=value,
        currency=f.money.unit or "",
        approximate=f.money.approximate,
        start=start,
        end=end,
        text=text,
    )
