"""Trade flows: money values of exports, imports and bilateral trade volume.

Only sentences that hold a money mention are read (one compiled scan of the
words of ``lang/bn/trade_words.tsv`` per such sentence). For each figure the
flow is named by the nearest trade word of its clause; a nearer word for money
that is not trade (remittance, loans, prices, ...) vetoes it, and so does a
price or rate (`প্রতি টন ৮০০ ডলার`, `প্রতি ডলার ১২০ টাকা`).

Direction comes from the case of the country words: for exports the genitive
or nominative (or `X থেকে`) is the exporter and the locative the importer
(`মালয়েশিয়ায় ওমানের রপ্তানি`: OM → MY); for imports the genitive, nominative or
locative is the importer and `X থেকে` the exporter. A side the text leaves
unnamed while naming the other is the article's home economy (`জার্মানিতে রপ্তানি`
in a Dhaka paper is BD → DE; `দেশের` is the home economy itself).

Restatements: `যা`/`তা`/`এর পরিমাণ` with no trade word restate the previous
sentence's flow; `ওই রপ্তানির মূল্য` restates the last export; `যথাক্রমে`
pairs figures with the flows, or the coordinated countries, named before it;
`X বা Y`/`X (Y)` is one figure.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import NamedTuple

from extractor.countries import main_countries
from extractor.matches import CountryMatch, Found
from extractor.records import TradeFlow
from extractor.resources import suffixes, table, trie
from extractor.text import NormText, Sentence

WORDS = "trade_words.tsv"
_FLOWS = ("export", "import", "total")
# Verbs and nouns that name a flow only from their clause (see trade_words.tsv).
_WEAK = ("went", "sent", "came", "earn", "bought")
# A strong flow word this close before a weak one is its phrase (`রপ্তানি আয় এসেছে`).
_WEAK_JOIN = 8
# A target or forecast word this close after a figure, with no comma between, is its verb.
_PLAN_GAP = 40
_ANAPHOR_REACH = 3  # sentences back that `দেশটি` looks for the economy it points to
_HOME_PRESS = "BD"  # the home economy of the Bengali press (annotation.md: `দেশের`)
_HOME_CURRENCY = "BDT"

# Word boundaries without the `regex` module (stdlib `re` scans about twice as
# fast): a letter is `[^\W\d_]`, and Bengali vowel signs and marks are not
# `\w` in `re`, so they are listed.
_MARKS = "\u0981-\u0983\u09bc\u09be-\u09cd\u09d7\u09e2\u09e3"
_NOT_BEFORE_LETTER = rf"(?![^\W\d_])(?![{_MARKS}])"

_GEN_END = ("র", "রও", "রই")
_LOC_END = ("ে", "এ", "-এ", "য়", "য়ে", "তে", "েই", "য়েই", "তেই", "েও", "য়ও", "তেও")


@functools.cache
def _roles() -> dict[str, str]:
    return {row["word"]: row["role"] for row in table(WORDS)}


@functools.cache
def _pattern() -> re.Pattern[str]:
    # No lookbehind in front: it would cost the first-character skip; a match
    # that starts inside a word is dropped by `_words` instead. Time units are
    # only read after `প্রতি` (`_per_time`).
    words = [w for w, role in _roles().items() if role != "time"]
    return re.compile(rf"(?P<w>{trie(words)})(?P<suf>(?:{trie(suffixes())})?){_NOT_BEFORE_LETTER}")


@functools.cache
def _per_time() -> re.Pattern[str]:
    """`প্রতি বছর`, `প্রতি মাসে`: `প্রতি` before a time unit is "every", not a price."""
    roles = _roles()
    per = [w for w, r in roles.items() if r == "per"]
    time = [w for w, r in roles.items() if r == "time"]
    return re.compile(rf"(?:{trie(per)})\s+(?:{trie(time)})")


@functools.cache
def _trigger() -> re.Pattern[str]:
    """A word that names a flow: a sentence without one (that does not follow a
    sentence with flows) is skipped unread."""
    roles = ("export", "import", "total", "respectively", *_WEAK)
    return re.compile(trie([w for w, r in _roles().items() if r in roles]))


@functools.cache
def _source_after() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{trie([w for w, r in _roles().items() if r == 'source'])})")


_LETTER = re.compile(rf"[^\W\d_]|[{_MARKS}]")


# Clauses of a sentence: a semicolon, a colon or a spaced dash separates statements.
_CLAUSE_SEP = re.compile(r"[;:]|\s-\s")
# `X বা Y`, `X (Y)`: a figure restated in another scale or currency.
_RESTATE_GAP = re.compile(r"\s*(?:বা|অর্থাৎ|\()\s*")
# `কেজিপ্রতি ৩০ টাকা`: a per-unit price written as one word.
_PER_SUFFIXED = re.compile(rf"(?:[^\W\d_]|[{_MARKS}])প্রতি{_NOT_BEFORE_LETTER}\s*$")
# `X থেকে Y`, `X-Y`: the second end of a range.
_RANGE_GAP = re.compile(r"\s*(?:থেকে|হতে|-|ও)\s*")
# A date mention that names the same time of another year is a comparison base.
_SAME_TIME_BASE = re.compile(r"একই[ ]+সম")
# Coordination between two country words of one list (`চীন ও ভারত থেকে`).
_COORD_GAP = re.compile(r"\s*(?:,|ও|এবং|আর)\s*")


class _Word(NamedTuple):  # a tuple: thousands are made per megabyte
    start: int
    end: int
    role: str
    suffix: str


class _Ref(NamedTuple):
    pos: int
    code: str
    form: str  # gen / loc / obj / base / src


@dataclass(frozen=True, slots=True)
class _Flow:
    flow: str
    exporter: str | None
    importer: str | None
    parties: tuple[str, ...]
    period: str
    money: Found
    sent: int  # index of the sentence that states it


@dataclass(frozen=True, slots=True)
class _Context:
    home: str
    pair: tuple[str, ...]


def _words(text: str, start: int, end: int) -> list[_Word]:
    roles = _roles()
    letter = _LETTER.match
    out: list[_Word] = []
    for m in _pattern().finditer(text, start, end):
        s, e = m.span()
        if s and letter(text, s - 1):
            continue  # starts inside a word
        w, suf = m.groups()
        out.append(_Word(s, e, roles[w], suf))
    return out


def _suffix_form(suffix: str) -> str | None:
    """Case of a noun's ending: gen, loc, base (none, or a classifier); None for plurals."""
    if suffix.endswith(_GEN_END):
        return "gen"
    if suffix in _LOC_END:
        return "loc"
    if suffix in ("", "টি", "টা", "ই", "ও"):
        return "base"
    return None


def _flow_word(
    words: list[_Word], money: Found, lo: int, hi: int, figures: Sequence[Found] = ()
) -> _Word | None:
    """The trade or veto word nearest the figure: the noun right after it (`৫০ কোটি
    টাকার তহবিল`), else the nearest before it in the clause, else after.

    A verb-final flow word (`X ১১৮ কোটি ডলারের পণ্য রপ্তানি করে এবং Y থেকে ৩২ কোটি
    ডলারের পণ্য আমদানি করে`) belongs to the figure before it when that figure has
    no flow word of its own before it: the next figure then takes the word after it."""
    kinds = (*_FLOWS, "block")
    for w in words:
        if w.start >= money.end:
            if w.role in kinds and w.start - money.end <= 1:
                return _head(words, w)
            break
    before = [w for w in words if w.role in kinds and lo <= w.start and w.end <= money.start]
    after = [w for w in words if w.role in kinds and w.start >= money.end and w.end <= hi]
    if before:
        last = before[-1]
        earlier = [f for f in figures if lo <= f.start and f.end <= last.start]
        if after and earlier and not any(w.end <= earlier[0].start for w in before):
            return _head(words, after[0])
        return last
    return _head(words, after[0]) if after else None


def _head(words: list[_Word], w: _Word) -> _Word:
    """A flow word right before a block noun only modifies it (`আমদানি ঋণপত্র`,
    `আমদানির এলসি`, `রপ্তানি প্রণোদনা`): the figure is the block noun's."""
    if w.role not in _FLOWS:
        return w
    nxt = next((x for x in words if x.start >= w.end), None)
    if nxt is not None and nxt.role == "block" and nxt.start - w.end <= 1:
        return nxt
    return w


def _is_difference(money: Found, words: list[_Word]) -> bool:
    """`চেয়ে ০.৪ বিলিয়ন ডলার বেশি`, `২ বিলিয়ন ডলার বেড়েছে`: the amount by which
    another differs is no flow."""
    nxt = [w for w in words if w.start >= money.end]
    if nxt and nxt[0].role == "change" and nxt[0].start - money.end <= 2:
        return True  # `২ বিলিয়ন ডলার বেড়েছে`: grew by, not to
    if not (nxt and nxt[0].role == "more_less" and nxt[0].start - money.end <= 2):
        return False
    prv = [w for w in words if w.end <= money.start]
    return bool(prv and prv[-1].role == "compare" and money.start - prv[-1].end <= 2)


def _is_price(text: str, money: Found, words: list[_Word], lo: int) -> bool:
    """A rate (`প্রতি ডলার ১২০ টাকা`) or a per-unit price (`প্রতি টন ৮০০ ডলার`)."""
    for w in words:
        if w.role != "per":
            continue
        if money.start <= w.start < money.end:
            return True  # the mention itself is a rate
        if lo <= w.start and w.end <= money.start:
            gap = text[w.end : money.start].split()
            if 1 <= len(gap) <= 2 and not _per_time().match(text, w.start):
                return True
    return bool(_PER_SUFFIXED.search(text, max(lo, money.start - 40), money.start))


def _outer_money(text: str, found: Sequence[Found]) -> list[Found]:
    """Money mentions that are figures of their own.

    A mention nested in another (`(১২৫ কোটি ডলার)` inside its restatement) is
    part of it; one that restates the previous figure (`X বা Y`, `X (Y)`) is
    joined to it, keeping the first-stated value and currency.
    """
    out: list[Found] = []
    for f in found:
        if f.kind != "money" or not f.unit:
            continue
        if out and f.start < out[-1].end:
            continue
        if out and _RESTATE_GAP.fullmatch(text, out[-1].end, f.start):
            prev = out[-1]
            end = f.end + 1 if text[f.end : f.end + 1] == ")" else f.end
            out[-1] = replace(prev, end=end)
            continue
        out.append(f)
    return out


class _Doc:
    """Per-article lookups: sentences, dates and country words by position."""

    def __init__(
        self,
        text: str,
        sents: list[Sentence],
        found: Sequence[Found],
        countries: list[CountryMatch],
    ) -> None:
        self.text = text
        self.sents = sents
        self.sent_starts = [s.start for s in sents]
        self.dates = [f for f in found if f.kind == "date"]
        self.date_starts = [d.start for d in self.dates]
        self.countries = [c for c in countries if c.form != "adj"]
        self.country_starts = [c.start for c in self.countries]
        self._words: dict[int, list[_Word]] = {}
        self._seps: dict[int, list[tuple[int, int]]] = {}

    def sentence_of(self, pos: int) -> int:
        return bisect.bisect_right(self.sent_starts, pos) - 1

    def words(self, si: int) -> list[_Word]:
        got = self._words.get(si)
        if got is None:
            s = self.sents[si]
            got = self._words[si] = _words(self.text, s.start, s.end)
        return got

    def dates_in(self, lo: int, hi: int) -> list[Found]:
        i = bisect.bisect_left(self.date_starts, lo)
        j = bisect.bisect_left(self.date_starts, hi)
        return [d for d in self.dates[i:j] if d.end <= hi]

    def countries_in(self, lo: int, hi: int) -> list[CountryMatch]:
        i = bisect.bisect_left(self.country_starts, lo)
        j = bisect.bisect_left(self.country_starts, hi)
        return [c for c in self.countries[i:j] if c.end <= hi]

    def last_country_before(self, pos: int) -> str | None:
        """The antecedent of `দেশটির`: the last country named before pos, passing over
        a locative of the same sentence (`বাংলাদেশে দেশটির রপ্তানি`: the place the
        goods go, not the country `দেশটি` points back to)."""
        si = self.sentence_of(pos)
        lo = self.sents[si].start
        i = bisect.bisect_left(self.country_starts, pos)
        # (`অস্ট্রেলিয়া থেকে দেশটি ... আমদানি করেছে`: nor the source it buys from)
        while (
            i
            and self.countries[i - 1].start >= lo
            and (
                self.countries[i - 1].form == "loc"
                or _source_after().match(self.text, self.countries[i - 1].end)
            )
        ):
            i -= 1
        # A place of the sentences just before (`রাশিয়ায় চালান বেড়েছে। অস্ট্রেলিয়া
        # থেকে দেশটি ...`) is passed over for the economy it was said of.
        far = self.sents[max(0, si - _ANAPHOR_REACH)].start
        k = i
        while k and self.countries[k - 1].start >= far:
            if self.countries[k - 1].form != "loc":
                return self.countries[k - 1].code
            k -= 1
        return self.countries[i - 1].code if i else None

    def last_place_before(self, pos: int) -> str | None:
        """The antecedent of `সেখান`: the last country named as a place (a locative)
        in this sentence or the one before, else the last country named there."""
        si = self.sentence_of(pos)
        lo = self.sents[max(0, si - 1)].start
        named = self.countries_in(lo, pos)
        places = [c for c in named if c.form == "loc"]
        if places:
            return places[-1].code
        return named[-1].code if named else None

    def clause(self, si: int, pos: int) -> tuple[int, int]:
        """The clause of sentence si around pos (separators found once per sentence)."""
        seps = self._seps.get(si)
        if seps is None:
            s = self.sents[si]
            seps = self._seps[si] = [
                (m.start(), m.end()) for m in _CLAUSE_SEP.finditer(self.text, s.start, s.end)
            ]
        start, end = self.sents[si].start, self.sents[si].end
        for a, b in seps:
            if b <= pos:
                start = b
            elif a >= pos:
                end = a
                break
        return start, end

    def same_paragraph(self, a: int, b: int) -> bool:
        return "\n" not in self.text[a:b]


def _home_and_pair(
    found: Sequence[Found], countries: list[CountryMatch], subjects: set[str], traders: set[str]
) -> tuple[str, tuple[str, ...]]:
    """The home economy (`দেশের`) and the article's two main countries.

    Bengali news quoting amounts in taka, or naming Bangladesh among its two main
    countries, or naming none, is Bangladeshi: its home is BD even when another
    country is named more often (an article on imports from India). So is an
    article whose most named country is only ever a partner (`জাপান থেকে`,
    `জাপানে`). Otherwise (an encyclopedia article about Tanzania, `তানজানিয়ার
    রপ্তানি`) the most named country is home. ``subjects``: countries named at
    least once in the genitive or nominative, not as `X থেকে`. ``traders``: those
    named so in a sentence with a flow word: Bangladesh among them (`ভুটান ও নেপালে
    বাংলাদেশের পণ্য রফতানি`) makes the article Bangladeshi however often it names
    its partners.
    """
    ranked = main_countries(countries)
    taka = any(f.kind == "money" and f.unit == _HOME_CURRENCY for f in found)
    home = _HOME_PRESS
    bangladeshi = taka or not ranked or _HOME_PRESS in ranked[:2] or _HOME_PRESS in traders
    if not bangladeshi and ranked[0] in subjects:
        home = ranked[0]
    others = [c for c in ranked if c != home]
    return home, tuple(sorted([home, *others[:1]]))


def _traders(text: str, sents: list[Sentence], countries: list[CountryMatch]) -> set[str]:
    """Countries named in the genitive or nominative in a sentence with a flow word."""
    flow = _trigger()
    roles = _roles()
    starts = [s.start for s in sents]
    out: set[str] = set()
    checked: dict[int, bool] = {}
    for c in countries:
        if c.form not in ("gen", "base") or _source_after().match(text, c.end):
            continue
        si = bisect.bisect_right(starts, c.start) - 1
        if si < 0:
            continue
        if si not in checked:
            s = sents[si]
            found = flow.finditer(text, s.start, s.end)
            checked[si] = any(roles.get(m.group()) in _FLOWS for m in found)
        if checked[si]:
            out.add(c.code)
    return out


def _subjects(text: str, countries: list[CountryMatch]) -> set[str]:
    out: set[str] = set()
    for c in countries:
        if c.form == "gen" or (c.form == "base" and not _source_after().match(text, c.end)):
            out.add(c.code)
    return out


def _refs(doc: _Doc, lo: int, hi: int, words: list[_Word], ctx: _Context) -> list[_Ref]:
    """Country references between lo and hi; `X থেকে` is a source, `X-এর মুদ্রায়` no party."""
    text = doc.text
    refs: list[_Ref] = []
    ends: list[int] = []
    marks = {w.start: w for w in words if w.role in ("source", "currency", "market")}
    for c in doc.countries_in(lo, hi):
        after = c.end + 1 if text[c.end : c.end + 1] == " " else c.end
        mark = marks.get(after)
        form = c.form
        if mark is not None:
            if mark.role == "currency":
                continue
            if mark.role == "source":
                form = "src"
            elif form == "gen" and _suffix_form(mark.suffix) == "loc":
                form = "loc"  # `যুক্তরাষ্ট্রের বাজারে`: the buyer's market
        ends.append(c.end)
        refs.append(_Ref(c.start, c.code, form))
    # `তুরস্ক ও চীনে`, `ভারত ও চীন থেকে`: the case of the last conjunct is the list's.
    for k in range(len(refs) - 2, -1, -1):
        a, b = refs[k], refs[k + 1]
        if a.form == "base" and b.form != "base" and _COORD_GAP.fullmatch(text, ends[k], b.pos):
            refs[k] = a._replace(form=b.form)
    for w in words:
        if not (lo <= w.start and w.end <= hi):
            continue
        case = _suffix_form(w.suffix)
        if case is None:
            continue
        if w.role == "both":
            refs.extend(_Ref(w.start, code, case) for code in _both(doc, w, ctx))
        elif w.role == "home" and case != "base":
            refs.append(_Ref(w.start, ctx.home, case))
        elif w.role == "anaphor":
            code = doc.last_country_before(w.start) or ctx.home
            refs.append(_Ref(w.start, code, case))
        elif w.role == "there":
            # `সেখান থেকে আমদানি`: the place named last (`শ্রীলঙ্কায় ..., আর সেখান থেকে`).
            place = doc.last_place_before(w.start)
            if place is not None:
                src = marks.get(w.end + 1)
                form = "src" if src is not None and src.role == "source" else case
                refs.append(_Ref(w.start, place, form))
    return sorted(refs, key=lambda r: r.pos)


def _both(doc: _Doc, w: _Word, ctx: _Context) -> tuple[str, ...]:
    """`দুই দেশ`: the last two countries named before it in its sentence, else the article's pair."""
    sent = doc.sents[doc.sentence_of(w.start)]
    named: list[str] = []
    for c in reversed(doc.countries_in(sent.start, w.start)):
        if c.code not in named:
            named.append(c.code)
        if len(named) == 2:
            return tuple(reversed(named))
    return ctx.pair


def _last(codes: list[str], skip: str | None = None) -> str | None:
    return next((c for c in reversed(codes) if c != skip), None)


def _direction(flow: str, refs: list[_Ref], home: str | None) -> tuple[str | None, str | None]:
    if flow == "total":
        return None, None
    sellers = [r.code for r in refs if r.form == "src"]
    own = [r.code for r in refs if r.form in ("gen", "base")]
    loc = [r.code for r in refs if r.form == "loc"]
    if flow == "export":
        exporter = _last(sellers) or _last(own)
        importer = _last(loc, exporter)
        if exporter is None:
            if importer is None or importer == home:
                # `দেশের রপ্তানি আয়`, `বাংলাদেশে ... রপ্তানি`: the home's own exports.
                return importer or home, None
            exporter = home
        return exporter, importer
    importer = _last(own) or _last(loc)
    exporter = _last(sellers, importer)
    if exporter is None and own and loc:
        # `ভিয়েতনামে বাংলাদেশের রফতানি বাড়ে, তবে আমদানি কমে`: the partner of the
        # export clause is the seller of the import.
        exporter = _last(loc, importer)
    if importer is None and exporter != home:
        # `ভারত থেকে ... আমদানি হয়েছে`: bought by the home economy.
        importer = home
    return exporter, importer


def _parties(
    flow: str, exporter: str | None, importer: str | None, refs: list[_Ref], ctx: _Context
) -> tuple[str, ...]:
    if flow != "total":
        return tuple(sorted({c for c in (exporter, importer) if c}))
    named = sorted({r.code for r in refs})
    if len(named) >= 2:
        return tuple(named)
    # `দ্বিপাক্ষিক বাণিজ্য` with one side or none named: the article's two countries.
    if not named or named[0] in ctx.pair:
        return ctx.pair
    return tuple(sorted({named[0], *(c for c in (ctx.home,) if c)}))


def _period(doc: _Doc, si: int, money: Found, words: list[_Word], flows: list[_Flow]) -> str:
    """The date nearest before the figure in its sentence, else the one after it
    (unless it is only compared with), else the period of the sentence it continues."""
    sent = doc.sents[si]
    dates = doc.dates_in(sent.start, sent.end)
    before = [d for d in dates if d.end <= money.start]
    framing = _frames(before, words)
    if framing or before:
        # `২০২৩ সালের প্রথম ছয় মাসে ... আগের বছরের একই সময়ের তুলনায় ... ডলারে`: the
        # base of a comparison is not the figure's time.
        return str((framing or before)[-1].value)
    for d in _frames(dates, words):
        if d.start >= money.end:
            return str(d.value)
    back = any(w.role == "same_time" and w.end <= money.start for w in words)
    return _continued_period(doc, si, flows, back)


def _frames(dates: list[Found], words: list[_Word]) -> list[Found]:
    """Dates that frame a statement, not the base of a comparison (`২০২৩ সালের তুলনায়`)."""
    compare = [w.start for w in words if w.role == "compare"]
    return [d for d in dates if not any(0 <= p - d.end <= 2 for p in compare)]


def _continued_period(doc: _Doc, si: int, flows: list[_Flow], back: bool) -> str:
    """The period of the nearest earlier sentence of the paragraph with a flow or a
    date; with `একই সময়ে` (back) and none in the paragraph, the last flow's period."""
    here = doc.sents[si].start
    for sj in range(si - 1, -1, -1):
        s = doc.sents[sj]
        if not doc.same_paragraph(s.end, here):
            break
        stated = _flows_of(flows, sj)
        if stated:
            return stated[-1].period
        dates = _frames(doc.dates_in(s.start, s.end), doc.words(sj))
        if dates:
            return str(dates[0].value)
    if flows and (back or not _dated_between(doc, flows[-1].sent, si)):
        # `এ সময়ে`: the period in focus, not the base of a comparison before it
        # (`আগের অর্থবছরের একই সময়ে ... ছিল`); so is a new paragraph that names no
        # time at all after the figures (`যুক্তরাষ্ট্রে রপ্তানি ... কমেছে`).
        for f in reversed(flows):
            if not _is_base_period(doc, f):
                return f.period
        return flows[-1].period
    return "XXXX"


def _dated_between(doc: _Doc, sa: int, sb: int) -> bool:
    """A date between sentence sa (the last stated flow) and sentence sb moves the
    narrative to another time: sb no longer continues the flow's period."""
    return bool(doc.dates_in(doc.sents[sa].end, doc.sents[sb].start))


def _is_base_period(doc: _Doc, f: _Flow) -> bool:
    """The flow's period is `X-এর একই সময়`: the same time of another year."""
    s = doc.sents[f.sent]
    for d in doc.dates_in(s.start, f.money.start):
        if str(d.value) == f.period and _SAME_TIME_BASE.search(doc.text, d.start, d.end):
            return True
    return False


def find_trade(
    nt: NormText, sents: list[Sentence], found: list[Found], countries: list[CountryMatch]
) -> list[TradeFlow]:
    """Trade flows stated in the article."""
    text = nt.text
    money = _outer_money(text, found)
    if not money or not sents:
        return []
    doc = _Doc(text, sents, found, countries)
    home, pair = _home_and_pair(
        found, countries, _subjects(text, countries), _traders(text, sents, countries)
    )
    ctx = _Context(home, pair)
    by_sentence: dict[int, list[Found]] = {}
    for m in money:
        si = doc.sentence_of(m.start)
        if si >= 0 and m.start < sents[si].end:
            by_sentence.setdefault(si, []).append(m)
    flows: list[_Flow] = []
    for si, ms in by_sentence.items():
        flows.extend(_sentence_flows(doc, si, ms, flows, ctx))
    return [_record(nt, f) for f in flows]


def _sentence_flows(
    doc: _Doc, si: int, money: list[Found], flows: list[_Flow], ctx: _Context
) -> list[_Flow]:
    text = doc.text
    sent = doc.sents[si]
    prev = _flows_of(flows, si - 1)
    if not (prev or _trigger().search(text, sent.start, sent.end)):
        return []
    words = _resolve_weak(doc, si, doc.words(si), flows)
    if not any(w.role in _FLOWS or w.role in ("backref", "respectively") for w in words):
        return []
    slots = _respectively_slots(doc, si, money, words, ctx)
    current: list[_Flow] = []
    inherited_count = 0
    price_end = -1
    for m in money:
        lo, hi = doc.clause(si, m.start)
        if _is_difference(m, words) or _planned(text, m, words, hi):
            continue
        if _is_price(text, m, words, lo) or (
            price_end >= 0 and _RANGE_GAP.fullmatch(text, price_end, m.start)
        ):
            price_end = m.end  # `প্রতি ডলার ১১১ টাকা থেকে ১১২ টাকা`: both ends are rates
            continue
        period = _period(doc, si, m, words, [*flows, *current])
        if m.start in slots:
            role, exporter, importer, parties = slots[m.start]
            current.append(_Flow(role, exporter, importer, parties, period, m, si))
            continue
        word = _flow_word(words, m, lo, hi, money)
        if word is None:
            inherited = _inherit(words, m, lo, prev, inherited_count)
            if inherited is not None:
                inherited_count += 1
                current.append(replace(inherited, period=period, money=m, sent=si))
            continue
        if word.role == "block":
            continue
        prev_money = [x.money.end for x in current if lo <= x.money.start]
        seg_lo = max([lo, *prev_money])
        seg_hi = m.start if word.end <= m.start else word.end
        refs = _refs(doc, seg_lo, seg_hi, words, ctx) or _refs(doc, lo, seg_hi, words, ctx)
        if seg_lo > lo and refs and all(r.form in ("src", "loc") for r in refs):
            # `তুরস্ক কাতারে ... রপ্তানি করে এবং কাতার থেকে ... আমদানি করে`: a later
            # coordinated clause naming only a source or destination keeps the subject.
            subject = [r for r in _refs(doc, lo, seg_lo, words, ctx) if r.form == "base"][:1]
            refs = sorted(subject + refs, key=lambda r: r.pos)
        restated = _restated(doc, word, words, refs, [*flows, *current])
        if restated is not None:
            own_date = any(d.end <= m.start for d in doc.dates_in(sent.start, sent.end))
            current.append(
                replace(restated, period=period if own_date else restated.period, money=m, sent=si)
            )
            continue
        region = any(w.role == "region" and lo <= w.start < seg_hi for w in words)
        if not refs and word.role != "total" and si > 0 and not region:
            # (`ইইউতে রপ্তানি`: a partner that is no country is named, not borrowed)
            refs = _previous_statement(doc, si - 1, word.role, ctx)
        exporter, importer = _direction(word.role, refs, ctx.home)
        parties = _parties(word.role, exporter, importer, refs, ctx)
        if not parties:
            continue
        current.append(_Flow(word.role, exporter, importer, parties, period, m, si))
    return current


def _planned(text: str, money: Found, words: list[_Word], hi: int) -> bool:
    """`৫০ কোটি ডলারে উন্নীত করার লক্ষ্য`, `১০০ কোটি ডলার ছাড়াতে পারে`: a target or
    a forecast, not a traded value."""
    for w in words:
        if w.start < money.end or w.start > hi:
            continue
        if w.start - money.end > _PLAN_GAP or "," in text[money.end : w.start]:
            return False
        if w.role == "plan":
            return True
    return False


def _resolve_weak(doc: _Doc, si: int, words: list[_Word], flows: list[_Flow]) -> list[_Word]:
    """Weak flow words (`গেছে`, `পাঠিয়েছে`, `এসেছে`, `আয়`) as the flow their clause
    makes of them, or dropped (role `neutral`)."""
    if not any(w.role in _WEAK for w in words):
        return words
    out: list[_Word] = []
    for w in words:
        if w.role not in _WEAK:
            out.append(w)
            continue
        lo, hi = doc.clause(si, w.start)
        role = "neutral"
        joined = any(
            x.role in _FLOWS and x.end <= w.start and w.start - x.end <= _WEAK_JOIN for x in words
        )
        blocked = any(x.role == "block" and lo <= x.start < hi for x in words)
        if not (joined or blocked):
            role = _weak_role(doc, si, w, words, flows, lo, hi)
        out.append(w._replace(role=role))
    return out


def _weak_role(
    doc: _Doc, si: int, w: _Word, words: list[_Word], flows: list[_Flow], lo: int, hi: int
) -> str:
    text = doc.text
    named = doc.countries_in(lo, hi)
    marks = {x.start: x for x in words if x.role in ("source", "market")}

    def after(c: CountryMatch) -> _Word | None:
        return marks.get(c.end + 1 if text[c.end : c.end + 1] == " " else c.end)

    if w.role in ("went", "sent"):
        # `নেপালে গেছে`, `জাপানের বাজারে গেছে`, `দেশটি বাংলাদেশে ... পাঠিয়েছে`
        dest = any(
            c.form == "loc"
            or (c.form == "gen" and (m := after(c)) is not None and m.role == "market")
            for c in named
        )
        return "export" if dest else "neutral"
    if w.role in ("came", "bought"):
        src = any(
            (m := after(c)) is not None and m.role == "source" for c in named if c.end <= w.start
        )
        if src:
            return "import"  # `ভুটান থেকে এসেছে ... পণ্য`, `চীন থেকে ... কিনেছে`
        if w.role == "bought":
            return "neutral"  # `ডলার কিনেছে`: a purchase that names no seller is no trade
    # Earnings (`আয় করেছে`, `এ খাত থেকে দেশে এসেছে`): export earnings in an export context.
    if any(x.role == "export" or (x.role in ("went", "sent") and x is not w) for x in words):
        if _weak_export_here(doc, si, words, w):
            return "export"
    if si > 0 and doc.same_paragraph(doc.sents[si - 1].end, doc.sents[si].start):
        if any(x.role == "export" for x in doc.words(si - 1)):
            return "export"
    # `আয়` never names imports (their cost is `ব্যয়`): once the article has stated
    # exports, a bare `আয়` with a figure is export earnings.
    if any(f.flow == "export" for f in flows):
        return "export"
    return "neutral"


def _weak_export_here(doc: _Doc, si: int, words: list[_Word], w: _Word) -> bool:
    """An export word of this sentence, or a destination-verb that is an export."""
    for x in words:
        if x is w:
            continue
        if x.role == "export":
            return True
        if x.role in ("went", "sent"):
            lo, hi = doc.clause(si, x.start)
            if _weak_role(doc, si, x, words, [], lo, hi) == "export":
                return True
    return False


def _flows_of(flows: list[_Flow], si: int) -> list[_Flow]:
    """The flows stated by sentence si (flows are in sentence order)."""
    i = len(flows)
    while i and flows[i - 1].sent > si:
        i -= 1
    j = i
    while j and flows[j - 1].sent == si:
        j -= 1
    return flows[j:i]


def _restated(
    doc: _Doc, word: _Word, words: list[_Word], refs: list[_Ref], flows: list[_Flow]
) -> _Flow | None:
    """`ওই রপ্তানির মূল্য`, `এই বাণিজ্যের`, `ভারতীয় মুদ্রায় ... আমদানির মূল্য`: the
    last flow of that kind, stated again (in another currency).

    A country named as the flow's own side picks among several (`বাংলাদেশের ওই
    রপ্তানির` is the export whose exporter is BD).
    """
    this = any(w.role == "this" and w.end + 1 == word.start for w in words)
    lo, _ = doc.clause(doc.sentence_of(word.start), word.start)
    currency = any(w.role == "currency" and lo <= w.start < word.start for w in words)
    if not (this or currency):
        return None
    named = {r.code for r in refs if r.form in ("gen", "base")}
    last: _Flow | None = None
    for f in reversed(flows[-20:]):  # a restatement follows its figure closely
        if f.flow != word.role:
            continue
        last = last or f
        side = f.exporter if f.flow == "export" else f.importer
        if side in named:
            return f
    return last


def _previous_statement(doc: _Doc, sj: int, role: str, ctx: _Context) -> list[_Ref]:
    """Countries of the same kind of flow in the sentence before (`মালয়েশিয়া থেকে
    আমদানি হয়েছে ... টন। এ সময়ে আমদানি ব্যয় ...`): the figure continues it."""
    s = doc.sents[sj]
    if not doc.same_paragraph(s.end, doc.sents[sj + 1].start):
        return []
    words = doc.words(sj)
    same = [w for w in words if w.role == role]
    if not same or any(w.role == "respectively" for w in words):
        # A sentence that spread its figures over several partners (`যথাক্রমে`)
        # gives no single partner to continue with.
        return []
    w = same[-1]
    lo, hi = doc.clause(sj, w.start)
    return _refs(doc, lo, hi, words, ctx)


def _respectively_slots(
    doc: _Doc, si: int, money: list[Found], words: list[_Word], ctx: _Context
) -> dict[int, tuple[str, str | None, str | None, tuple[str, ...]]]:
    """`যথাক্রমে` in the sentence: each following figure gets the flow or the country
    listed in the same place before it (money start -> flow, exporter, importer, parties)."""
    resp = next((w for w in words if w.role == "respectively"), None)
    if resp is None:
        return {}
    sent = doc.sents[si]
    lo, hi = doc.clause(si, resp.start)
    after = [m for m in money if resp.end <= m.start and m.end <= hi]
    # Only the statement that `যথাক্রমে` closes: after any figure before it
    # (`জাপানে গেছে ৭ কোটি ডলারের, আর জার্মানি ও যুক্তরাষ্ট্রে গেছে যথাক্রমে ...`).
    lo = max([lo, *(m.end for m in money if lo <= m.start and m.end <= resp.start)])
    flow_words = [w for w in words if w.role in _FLOWS and lo <= w.start and w.end <= resp.start]
    if len(after) < 2 or not flow_words:
        return {}
    out: dict[int, tuple[str, str | None, str | None, tuple[str, ...]]] = {}
    if len(flow_words) == len(after):
        # `বাংলাদেশে মালয়েশিয়ার রপ্তানি এবং মালয়েশিয়ায় বাংলাদেশের রপ্তানি ... যথাক্রমে`
        seg_lo = lo
        shared: list[_Ref] = []
        for w, m in zip(flow_words, after, strict=True):
            refs = _refs(doc, seg_lo, w.end, words, ctx) or shared
            shared = refs
            seg_lo = w.end
            exporter, importer = _direction(w.role, refs, ctx.home)
            out[m.start] = (
                w.role,
                exporter,
                importer,
                _parties(w.role, exporter, importer, refs, ctx),
            )
        return out
    if len(flow_words) != 1:
        return {}
    # `চীন ও ভারত থেকে আমদানি ... যথাক্রমে`: the listed countries, one per figure,
    # in the case the last of them carries.
    role = flow_words[0].role
    refs = _refs(doc, sent.start, resp.start, words, ctx)
    group = _listed(doc, refs, words, len(after))
    if group is None:
        return {}
    listed = {r.code for r in group}
    others = [r for r in refs if r.code not in listed and r.pos < group[0].pos]
    form = group[-1].form
    for r, m in zip(group, after, strict=True):
        these = [*others, _Ref(r.pos, r.code, form)]
        exporter, importer = _direction(role, these, ctx.home)
        out[m.start] = (role, exporter, importer, _parties(role, exporter, importer, these, ctx))
    return out


def _listed(doc: _Doc, refs: list[_Ref], words: list[_Word], n: int) -> list[_Ref] | None:
    """The last n references, when they are one list (`X ও Y`, or `এই দুই দেশ`)."""
    both = [w for w in words if w.role == "both"]
    if both:
        pos = both[-1].start
        group = [r for r in refs if r.pos == pos]
        return group if len(group) == n else None
    if len(refs) < n:
        return None
    group = refs[-n:]
    if len({r.code for r in group}) != n:
        return None
    for a, b in itertools.pairwise(group):
        # Only country names form a list (not `দেশের`, whose ref has no CountryMatch).
        end = next((c.end for c in doc.countries_in(a.pos, b.pos + 1) if c.start == a.pos), None)
        if end is None or not _COORD_GAP.fullmatch(doc.text, end, b.pos):
            return None
    return group


def _inherit(
    words: list[_Word], money: Found, lo: int, prev: list[_Flow], index: int
) -> _Flow | None:
    """The previous sentence's flow restated by `যা`/`তা`/`তার পরিমাণ`/`যথাক্রমে`."""
    if not prev:
        return None
    before = [w for w in words if lo <= w.start and w.end <= money.start]
    if any(w.role == "respectively" for w in before):
        return prev[index] if index < len(prev) else None
    if any(w.role == "backref" for w in before):
        return prev[-1]
    return None


def _record(nt: NormText, f: _Flow) -> TradeFlow:
    """The contract record. Built unvalidated (`model_construct`): its invariants hold
    by construction here, and the pipeline validates the whole Document anyway."""
    start, end, text = nt.orig_span_text(f.money.start, f.money.end)
    value = f.money.value if isinstance(f.money.value, Decimal) else Decimal(str(f.money.value))
    return TradeFlow.model_construct(
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
