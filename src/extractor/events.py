"""Dated events: happenings that the text places at a calendar time.

A happening is a trigger from ``lang/bn/event_triggers.tsv``: a noun (`চুক্তি`,
`দূতাবাস`, `স্বীকৃতি`; possibly none) followed within a few words by its
predicate (`সাক্ষর`, `স্থাপন`, `দান`), completed by a finite verb (`করে`,
`হয়`, ...). Future, negated and conditional forms are not finite, so plans
(`স্বাক্ষরিত হবে`) and negations (`করেনি`) never trigger.

The date is the date mention nearest before the trigger in its sentence (else
after it); a sentence with no date of its own continues the date of the
narration before it in the same paragraph, unless a relative-time word
(`এরও অনেক পরে`, `সম্প্রতি`) moves it away. Participants are the countries of
the trigger's clause: the venue (a locative) only when nothing else is named or
when the happening is a mission opened there; `এই দুই দেশ` is the article's
two countries and `দেশটি` its main one. A unilateral act by several subjects
(`ভারত ও ভুটান ... স্বীকৃতি দান করে`) is one record per subject.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass

import regex

from extractor.countries import kind_of, main_countries, main_country
from extractor.matches import CountryMatch, Found
from extractor.records import Event
from extractor.resources import suffixes, table
from extractor.text import NormText, Sentence

TRIGGERS = "event_triggers.tsv"
_WORD = regex.compile(r"[\p{L}\p{M}]+")
_PREDICATE_WINDOW = 6  # words between a trigger noun and its predicate
_FINITE_WINDOW = 2  # words between a predicate and its finite verb
_TAIL = 2  # words after the finite verb that still belong to its clause (`ভোট দেয় বিপক্ষে`)


@dataclass(frozen=True, slots=True)
class _Tok:
    start: int
    end: int
    word: str


@dataclass(frozen=True, slots=True)
class _Trigger:
    type: str
    noun: tuple[str, ...]
    predicate: str
    exact: bool
    actor: bool


@dataclass(frozen=True, slots=True)
class _Hit:
    trigger: _Trigger
    start: int  # first token of the noun (or of the predicate)
    pred: int  # predicate token
    end: int  # last token (the finite verb)


def _spec(value: str) -> tuple[str, bool]:
    return (value[:-1], True) if value.endswith("$") else (value, False)


@functools.cache
def _triggers() -> tuple[_Trigger, ...]:
    out = []
    for row in table(TRIGGERS):
        if row["role"] == "trigger":
            pred, exact = _spec(row["predicate"])
            noun = tuple(row["noun"].split())
            out.append(_Trigger(row["type"], noun, pred, exact, row["actor"] == "yes"))
    return tuple(out)


@functools.cache
def _phrases(role: str) -> tuple[tuple[tuple[str, ...], bool], ...]:
    out = []
    for row in table(TRIGGERS):
        if row["role"] == role:
            words, exact = _spec(row["predicate"])
            out.append((tuple(words.split()), exact))
    return tuple(out)


@functools.cache
def _finite() -> frozenset[str]:
    return frozenset(p[0][0] for p in _phrases("finite"))


def _word_is(word: str, target: str, exact: bool) -> bool:
    return word == target if exact else word.startswith(target)


def _noun_at(toks: list[_Tok], i: int, noun: tuple[str, ...]) -> bool:
    """The noun's words at token i; the last may carry a case ending."""
    if i + len(noun) > len(toks):
        return False
    for k, w in enumerate(noun):
        tok = toks[i + k].word
        if k < len(noun) - 1:
            if tok != w:
                return False
        elif not (tok == w or (tok.startswith(w) and tok[len(w) :] in suffixes())):
            return False
    return True


def _phrase_at(toks: list[_Tok], i: int, words: tuple[str, ...], exact: bool) -> bool:
    if i + len(words) > len(toks):
        return False
    for k, w in enumerate(words):
        last = k == len(words) - 1
        if not _word_is(toks[i + k].word, w, exact or not last):
            return False
    return True


def _has_phrase(toks: list[_Tok], role: str) -> list[int]:
    return [
        i
        for i in range(len(toks))
        for words, exact in _phrases(role)
        if _phrase_at(toks, i, words, exact)
    ]


def _completed(toks: list[_Tok], j: int) -> int | None:
    """Index of the finite verb completing the predicate at j, if the act happened."""
    finite = _finite()
    for k in range(j, min(j + _FINITE_WINDOW + 1, len(toks))):
        if toks[k].word in finite:
            nxt = toks[k + 1].word if k + 1 < len(toks) else ""
            blocked = any(_word_is(nxt, w[0], e) for w, e in _phrases("block") if len(w) == 1)
            return None if blocked else k
    return None


def _hits(toks: list[_Tok]) -> list[_Hit]:
    hits: list[_Hit] = []
    for trig in _triggers():
        starts = (
            [i for i in range(len(toks)) if _noun_at(toks, i, trig.noun)]
            if trig.noun
            else list(range(len(toks)))
        )
        for i in starts:
            first = i + len(trig.noun)
            last = first + (_PREDICATE_WINDOW if trig.noun else 0)
            for j in range(first, min(last + 1, len(toks))):
                if _word_is(toks[j].word, trig.predicate, trig.exact):
                    end = _completed(toks, j)
                    if end is not None:
                        hits.append(_Hit(trig, i, j, end))
                    break
    # One happening per finite verb: the most specific trigger (a typed one with
    # a noun) wins over the generic predicates.
    best: dict[int, _Hit] = {}
    for h in hits:
        cur = best.get(h.end)
        if cur is None or _rank(h) > _rank(cur):
            best[h.end] = h
    return sorted(best.values(), key=lambda h: h.start)


def _rank(h: _Hit) -> tuple[int, int, int]:
    # The noun nearest its predicate is the predicate's own (`ওই চুক্তি অনুসারে ...
    # স্বাধীনতা লাভ করে` is independence, not an agreement); then typed beats generic.
    return (len(h.trigger.noun) > 0, -(h.pred - h.start), h.trigger.type != "other")


@dataclass(frozen=True, slots=True)
class _Ctx:
    text: str
    main: str | None
    pair: tuple[str, ...]
    countries: list[CountryMatch]


def _participants(
    ctx: _Ctx, toks: list[_Tok], lo: int, hi: int, hit: _Hit, dated: bool
) -> list[tuple[str | None, list[str]]]:
    """(actor, participants) records for a trigger whose clause spans text[lo:hi]."""
    inside = [c for c in ctx.countries if lo <= c.start and c.end <= hi]
    mission = hit.trigger.type == "mission_opened"
    named = [
        c for c in inside if mission or (c.form != "loc" and kind_of(ctx.text, c) != "city")
    ] or inside
    codes = {c.code for c in named}
    clause_toks = [t for t in toks if lo <= t.start and t.end <= hi]
    if len(codes) < 2 and _has_phrase(clause_toks, "both"):
        codes |= set(ctx.pair)
    if not codes and ctx.main and (_has_phrase(clause_toks, "home") or dated):
        codes.add(ctx.main)
    if not codes:
        return []
    pred_pos = toks[hit.pred].start
    subjects = [c.code for c in named if c.form in ("base", "adj") and c.end <= pred_pos]
    if (
        hit.trigger.actor
        and _coordinated(ctx.text, named, pred_pos)
        and hit.trigger.type == "other"
    ):
        others = codes - set(subjects)
        return [(s, sorted(others | {s})) for s in dict.fromkeys(subjects)]
    actor = subjects[-1] if hit.trigger.actor and subjects else None
    return [(actor, sorted(codes))]


_AND = regex.compile(r"\s*(?:ও|এবং|আর|,)\s*")


def _coordinated(text: str, named: list[CountryMatch], pred_pos: int) -> bool:
    """Two or more nominative countries joined by `ও`/`এবং`/`,` (`ভারত ও ভুটান`)."""
    subj = [c for c in named if c.form == "base" and c.end <= pred_pos]
    return len({c.code for c in subj}) > 1 and all(
        _AND.fullmatch(text[a.end : b.start]) for a, b in itertools.pairwise(subj)
    )


def _own_date(found: list[Found], lo: int, hi: int, pos: int) -> str | None:
    dates = [f for f in found if f.kind == "date" and lo <= f.start and f.end <= hi]
    before = [d for d in dates if d.end <= pos]
    if before:
        return str(before[-1].value)
    after = [d for d in dates if d.start >= pos]
    return str(after[0].value) if after else None


def _has_figure(found: list[Found], lo: int, hi: int) -> bool:
    return any(f.kind != "date" and lo <= f.start and f.end <= hi for f in found)


def _moves_time(toks: list[_Tok]) -> bool:
    """A relative-time word (`এরও অনেক পরে`) detaches the sentence from the narrative date."""
    verbal = _phrases("verbal_noun")
    for i in _has_phrase(toks, "nocarry"):
        prev = toks[i - 1].word if i > 0 else ""
        if toks[i].word == "পর" and any(prev.endswith(w[0]) for w, _ in verbal):
            continue
        return True
    return False


def find_events(
    nt: NormText, sents: list[Sentence], found: list[Found], countries: list[CountryMatch]
) -> list[Event]:
    """Dated events stated in the article."""
    text = nt.text
    ranked = main_countries(countries)
    ctx = _Ctx(text, main_country(text, countries), tuple(sorted(ranked[:2])), countries)
    events: list[Event] = []
    seen: set[tuple[str, str, tuple[str, ...], str]] = set()
    narrative: str | None = None
    prev_end = 0
    for sent in sents:
        if "\n" in text[prev_end : sent.start]:
            narrative = None  # a new paragraph starts a new narration
        prev_end = sent.end
        toks = [
            _Tok(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, sent.start, sent.end)
        ]
        sent_dates = [f for f in found if f.kind == "date" and sent.start <= f.start < sent.end]
        carried = None if (sent_dates or _moves_time(toks)) else narrative
        hits = _hits(toks)
        for n, hit in enumerate(hits):
            lo = sent.start if n == 0 else toks[hits[n - 1].end].end
            hi = toks[hits[n + 1].start].start if n + 1 < len(hits) else sent.end
            pos = toks[hit.pred].start
            if _has_figure(found, toks[hit.start].start, pos):
                continue  # `স্বাধীনতার পরপরই ... ৫৭% প্রবৃদ্ধি অর্জন করে` states a figure
            hi = min(hi, toks[min(hit.end + _TAIL, len(toks) - 1)].end)
            date = _own_date(found, sent.start, sent.end, pos) or carried
            if date is None:
                continue
            for actor, parts in _participants(ctx, toks, lo, hi, hit, bool(sent_dates)):
                # The same act restated (`স্বীকৃতি দান করে` ... `স্বীকৃতি দিয়েছে`) is one record.
                act = hit.trigger.noun[0] if hit.trigger.noun else hit.trigger.predicate
                key = (hit.trigger.type, date, tuple(parts), act)
                if key in seen:
                    continue
                seen.add(key)
                start, end, span = nt.orig_span_text(sent.start, sent.end)
                events.append(
                    Event(
                        type=hit.trigger.type,  # type: ignore[arg-type]
                        date=date,
                        participants=parts,
                        actor=actor if actor in parts else None,
                        start=start,
                        end=end,
                        text=span,
                    )
                )
        if sent_dates:
            narrative = str(sent_dates[-1].value)
        elif carried is None:
            narrative = None
    return events
