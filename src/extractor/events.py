"""Dated events: happenings that the text places at a calendar time.

A happening is a trigger from ``lang/bn/event_triggers.tsv``: a noun (`চুক্তি`,
`দূতাবাস`, `স্বীকৃতি`; possibly none) followed within a few words by its
predicate (`সাক্ষর`, `স্থাপন`, `দান`), completed by a finite verb (`করে`,
`হয়`, ...). Future, negated and conditional forms are not finite, so plans
(`স্বাক্ষরিত হবে`) and negations (`করেনি`) never trigger. A dated verbal noun
followed by `পর` (`১৯৭১ সালে স্বাধীনতা অর্জনের পর`) states a completed act too.

The date is the date mention nearest before the trigger in its clause (else
after it), else in its sentence unless the clause moves in time (`... এবং ছয়
মাস পর ...`); a sentence with no date of its own continues the date of the
narration before it in the same paragraph, unless a relative-time word
(`এরও অনেক পরে`, `সম্প্রতি`) moves it away. Participants are the countries of
the trigger's clause: a place (a locative, a city) only when nothing else is
named or when the trigger says the place takes part (the host of a mission or a
visit); `এই দুই দেশ` is the article's two countries and `দেশটি` its main one.
A unilateral act by several subjects (`ভারত ও ভুটান ... স্বীকৃতি দান করে`) is
one record per subject. A sentence stating several happenings joined by `এবং`,
`;` or `,` gives each record its clause as span.

Speed: one compiled scan over the whole text finds the trigger words; only
sentences holding one, with a date of their own or a narrative date, are
tokenized, and words are classified through per-word caches.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass

import regex

from extractor.countries import kind_of, main_countries, main_country
from extractor.matches import CountryMatch, Found
from extractor.records import Event
from extractor.resources import suffixes, table, trie
from extractor.text import NormText, Sentence

TRIGGERS = "event_triggers.tsv"
_HOME = "BD"  # the home country of the Bengali press (the unnamed `সরকার`)
_WORD = regex.compile(r"[\p{L}\p{M}]+")
_WORD_CHAR = r"[\p{L}\p{M}]"
_PREDICATE_WINDOW = 6  # words between a trigger noun and its predicate
_FINITE_WINDOW = 2  # words between a predicate and its finite verb
_TAIL = 2  # words after the finite verb that still belong to its clause (`ভোট দেয় বিপক্ষে`)
_SPEECH_WINDOW = 4  # words between a participle `করে` and the speech verb it depends on
_NOMINAL_GAP = 24  # characters between a date and the verbal noun it dates
_ABSTRACT = "তা"  # the suffix making an abstract noun of an adjective (`স্বাধীন` -> `স্বাধীনতা`)
_PARTICIPLE = "িত"  # the Sanskrit past participle ending (`স্থাপিত`, `স্বাক্ষরিত`)


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
    place: bool
    figure: bool  # the act sets a figure: figures between noun and predicate are its object
    solo: bool  # one country's own act (independence): the country it is won from is no party
    object: bool  # the act needs a party it is done to (a recognition)
    mutual: bool = False  # the act needs two sides (a meeting)


@dataclass(frozen=True, slots=True)
class _Hit:
    trigger: _Trigger
    start: int  # first token of the noun (or of the predicate)
    pred: int  # predicate token
    end: int  # last token (the finite verb, or the predicate of a verbal noun)
    nominal: bool = False  # a verbal noun + `পর` (`অর্জনের পর`)


def _spec(value: str) -> tuple[str, bool]:
    return (value[:-1], True) if value.endswith("$") else (value, False)


@functools.cache
def _triggers() -> tuple[_Trigger, ...]:
    out = []
    for row in table(TRIGGERS):
        if row["role"] == "trigger":
            pred, exact = _spec(row["predicate"])
            noun = tuple(row["noun"].split())
            out.append(
                _Trigger(
                    row["type"],
                    noun,
                    pred,
                    exact,
                    row["actor"] == "yes",
                    row.get("place", "") == "yes",
                    row.get("figure", "") == "yes",
                    row.get("solo", "") == "yes",
                    row.get("object", "") == "yes",
                    row.get("mutual", "") == "yes",
                )
            )
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
def _words(role: str) -> frozenset[str]:
    """Exact single words of a role (`finite`, `speech`, `report`, `content`)."""
    return frozenset(p[0][0] for p in _phrases(role))


@functools.cache
def _phrase_re(role: str) -> regex.Pattern[str]:
    """Phrases of a role as one pattern: whole words, the last a word start unless exact."""
    alts = []
    for words, exact in _phrases(role):
        body = r"\s+".join(regex.escape(w) for w in words)
        alts.append(body + (rf"(?!{_WORD_CHAR})" if exact else ""))
    return regex.compile(rf"(?<!{_WORD_CHAR})(?:{'|'.join(alts)})")


@functools.cache
def _scan() -> re.Pattern[str]:
    """One pattern for every word that can start a trigger: the cheap pass over the
    whole text. Group `bare` marks the noun-less (generic) ones. The stdlib engine
    skips ahead on the first character in C, several times faster than `regex`
    here; it has no Bengali-aware word start, so callers check it (:func:`_at_word_start`)."""
    nouns = {t.noun[0] for t in _triggers() if t.noun}
    bare = {t.predicate for t in _triggers() if not t.noun}
    return re.compile(rf"(?P<noun>{trie(nouns)})|(?P<bare>{trie(bare)})")


@functools.cache
def _predicates() -> re.Pattern[str]:
    """The predicates of noun triggers (`স্থাপ`, `সই`, ...): a sentence with a trigger
    noun but none of these after it needs no closer look."""
    return re.compile(trie({t.predicate for t in _triggers() if t.noun}))


_LETTER = regex.compile(_WORD_CHAR)


def _at_word_start(text: str, i: int) -> bool:
    return i == 0 or _LETTER.match(text, i - 1) is None


def _word_is(word: str, target: str, exact: bool) -> bool:
    return word == target if exact else word.startswith(target)


_WORD_CACHE = (
    1 << 16
)  # per-word caches: bounded, a batch of many articles must not grow them forever


@functools.lru_cache(maxsize=_WORD_CACHE)
def _noun_heads(word: str) -> tuple[tuple[str, ...], ...]:
    """Trigger nouns that can start at this word (a one-word noun may carry a case ending)."""
    sufs = suffixes()
    out: dict[tuple[str, ...], None] = {}
    for t in _triggers():
        if not t.noun:
            continue
        head = t.noun[0]
        if len(t.noun) > 1:
            if word == head:
                out[t.noun] = None
        elif word == head or (word.startswith(head) and word[len(head) :] in sufs):
            out[t.noun] = None
    return tuple(out)


@functools.lru_cache(maxsize=_WORD_CACHE)
def _predicate_of(noun: tuple[str, ...], word: str) -> tuple[_Trigger, ...]:
    """Triggers of this noun whose predicate is this word."""
    return tuple(t for t in _triggers() if t.noun == noun and _word_is(word, t.predicate, t.exact))


@functools.lru_cache(maxsize=_WORD_CACHE)
def _bare_triggers(word: str) -> tuple[_Trigger, ...]:
    """Noun-less triggers whose predicate is this word."""
    return tuple(t for t in _triggers() if not t.noun and _word_is(word, t.predicate, t.exact))


@functools.lru_cache(maxsize=_WORD_CACHE)
def _blocking(word: str) -> bool:
    return any(len(w) == 1 and _word_is(word, w[0], e) for w, e in _phrases("block"))


def _noun_at(toks: list[_Tok], i: int, noun: tuple[str, ...]) -> bool:
    """The rest of a multi-word noun at token i; the last word may carry a case ending."""
    if i + len(noun) > len(toks):
        return False
    for k, w in enumerate(noun[1:], 1):
        tok = toks[i + k].word
        if k < len(noun) - 1:
            if tok != w:
                return False
        elif not (tok == w or (tok.startswith(w) and tok[len(w) :] in suffixes())):
            return False
    return True


def _completed(toks: list[_Tok], j: int, final: bool = False) -> int | None:
    """Index of the finite verb completing the predicate at j, if the act happened.

    ``final``: the tokens end where the sentence ends, so a past participle closing
    it (`... কূটনৈতিক সম্পর্ক প্রতিষ্ঠিত।`, telegraphic and translated prose) is a
    completed act on its own."""
    if final and j == len(toks) - 1 and toks[j].word.endswith(_PARTICIPLE):
        return j
    finite = _words("finite")
    # `X স্বাধীন হলে ... স্বীকৃতি দেয়`: a conditional in a sentence that ends in a
    # finite verb tells when, not if (``toks`` run to the sentence's end).
    temporal = _words("temporal") if toks[-1].word in finite else frozenset()
    for k in range(j, min(j + _FINITE_WINDOW + 1, len(toks))):
        if toks[k].word in temporal:
            return k
        if toks[k].word in finite:
            nxt = toks[k + 1].word if k + 1 < len(toks) else ""
            if _blocking(nxt):
                return None
            # `উত্থাপন করে ইন্দিরা গান্ধী বলেন`: `করে` is a participle of what was said.
            tail = toks[k + 1 : k + 1 + _SPEECH_WINDOW]
            if toks[k].word == "করে" and any(t.word in _words("speech") for t in tail):
                return None
            return k
    return None


def _nominal(toks: list[_Tok], j: int) -> bool:
    """`অর্জনের পর`: the predicate as a verbal noun in the genitive, followed by `পর`."""
    word = toks[j].word
    nxt = toks[j + 1].word if j + 1 < len(toks) else ""
    return nxt in ("পর", "পরে") and any(word.endswith(w[0]) for w, _ in _phrases("nominal"))


def _hits(toks: list[_Tok], final: bool = False) -> list[_Hit]:
    hits: list[_Hit] = []
    for i, tok in enumerate(toks):
        for noun in _noun_heads(tok.word):
            if not _noun_at(toks, i, noun):
                continue
            first = i + len(noun)
            # Each trigger of the noun takes the first word of the window that is its
            # predicate (one pass over the window for all of them).
            done: set[_Trigger] = set()
            for j in range(first, min(first + _PREDICATE_WINDOW + 1, len(toks))):
                for trig in _predicate_of(noun, toks[j].word):
                    if trig in done:
                        continue
                    done.add(trig)
                    end = _completed(toks, j, final)
                    if end is not None:
                        hits.append(_Hit(trig, i, j, end))
                    elif j == first and _nominal(toks, j):
                        hits.append(_Hit(trig, i, j, j, nominal=True))
        visit = _nominal_visit(toks, i)
        if visit is not None:
            hits.append(_Hit(visit, i, i, i, nominal=True))
        for trig in _bare_triggers(tok.word):
            end = _completed(toks, i)
            if end is None:
                continue
            nxt = toks[end + 1].word if end + 1 < len(toks) else ""
            if nxt in _words("report"):
                continue  # `ঘোষণা করা হলো যে ...`: the report of another happening
            hits.append(_Hit(trig, i, i, end))
    # One happening per finite verb: the most specific trigger (a typed one with
    # a noun) wins over the generic predicates.
    best: dict[int, _Hit] = {}
    for h in hits:
        cur = best.get(h.end)
        if cur is None or _rank(h) > _rank(cur):
            best[h.end] = h
    # One noun word is one happening: of two predicates of the same noun word
    # (`স্বাধীনতা স্বীকার করে ঘোষণা দেন`), the nearer one is its own.
    own: dict[int, _Hit] = {}
    for h in best.values():
        if not h.trigger.noun:
            continue
        cur = own.get(h.start)
        if cur is None or h.pred < cur.pred:
            own[h.start] = h
    kept = [h for h in best.values() if not h.trigger.noun or own[h.start] is h]
    return sorted(kept, key=lambda h: h.start)


@functools.cache
def _visit_trigger() -> _Trigger | None:
    return next((t for t in _triggers() if t.type == "visit" and t.noun == ("সফর",)), None)


def _nominal_visit(toks: list[_Tok], i: int) -> _Trigger | None:
    """`... প্রধানমন্ত্রীর ঢাকা সফরকালে`, `সফরের সময়`: a visit stated as the time of
    another act (dated by the date before it in its clause)."""
    word = toks[i].word
    nxt = toks[i + 1].word if i + 1 < len(toks) else ""
    if word in _words("visit_nominal") or (word == "সফরের" and nxt.startswith("সময়")):
        return _visit_trigger()
    return None


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
    starts: list[int]  # country starts, for bisect
    kinds: dict[int, str]  # how each country is named ("city", ...), filled on demand
    present: frozenset[str]  # every country the article names
    pair_title: bool = False  # the first line names exactly the article's two countries


def _in_span(ctx: _Ctx, lo: int, hi: int) -> list[CountryMatch]:
    i = bisect.bisect_left(ctx.starts, lo)
    out = []
    while i < len(ctx.countries) and ctx.countries[i].start < hi:
        if ctx.countries[i].end <= hi:
            out.append(ctx.countries[i])
        i += 1
    return out


def _is_place(ctx: _Ctx, c: CountryMatch) -> bool:
    if c.form == "loc":
        return True
    kind = ctx.kinds.get(c.start)
    if kind is None:
        kind = ctx.kinds[c.start] = kind_of(ctx.text, c)
    return kind == "city"


def _content_end(ctx: _Ctx, lo: int, noun_pos: int) -> int:
    """End of the last purpose/content phrase (`... করার জন্য`) before the trigger noun."""
    last = lo
    for m in _phrase_re("content").finditer(ctx.text, lo, noun_pos):
        last = m.end()
    return last


def _participants(
    ctx: _Ctx,
    toks: list[_Tok],
    lo: int,
    hi: int,
    hit: _Hit,
    dated: bool,
    sent_lo: int,
    inherited: list[str] | None = None,
    previous: list[str] | None = None,
) -> list[tuple[str | None, list[str]]]:
    """(actor, participants) records for a trigger whose clause spans text[lo:hi].

    ``inherited``: the participants of the sentence's previous happening, which a
    later clause without a subject of its own continues (`... সফর করেন এবং ...
    প্রেসিডেন্টের সঙ্গে বৈঠক করেন`). ``previous``: those of the happening of the
    sentence before, in the same paragraph, which a sentence naming no country
    continues (`একই দিনে ... একটি প্রটোকলেও সই হয়`)."""
    inside = _in_span(ctx, lo, hi)
    noun_pos = toks[hit.start].start
    pred_pos = toks[hit.pred].start
    cut = _content_end(ctx, lo, noun_pos)
    if cut > lo:
        # Countries inside `... করার জন্য এক প্রস্তাব` are what the act is about;
        # the subject before them (`মার্কিন প্রতিনিধি`) stays.
        subj = [c for c in inside if c.end <= cut and c.form in ("base", "adj", "gen")][:1]
        inside = subj + [c for c in inside if c.start >= cut]
    place = hit.trigger.place
    named = [c for c in inside if place or not _is_place(ctx, c)] or inside
    codes = {c.code for c in named}
    clause = ctx.text[lo:hi]
    both = _phrase_re("both").search(clause)
    if len(codes) < 2 and both:
        codes |= set(_both(ctx, sent_lo, lo + both.start(), _both_count(both.group())))
    government = _unnamed_government(ctx, lo, hi)
    if government:
        codes.add(_HOME)
    if len(codes) == 1 and _with_partner(ctx, named, hi):
        # `জাপানের সঙ্গে ... সই হয়`: the unnamed side is the home country, or in an
        # article that never names it, the article's own (`চীনের সঙ্গে` in a country article).
        side = _HOME if _HOME in ctx.present else ctx.main
        if side is not None:
            codes.add(side)
    pointer = _phrase_re("home").search(clause)
    if pointer and (government or codes):
        # `সরকার দেশটিতে ওষুধ পাঠায়`: `দেশটি` is the country named last before it.
        at = lo + pointer.start()
        # A nominative `দেশটি` continues the subject before it (`উজবেকিস্তান ...
        # যুক্তরাষ্ট্রের সাথে ...। ... দেশটি ... অনুমতি দেয়`); other cases the last name.
        nominative = not _LETTER.match(ctx.text, lo + pointer.end())
        last = (_last_subject(ctx, at) if nominative else None) or _last_named(ctx, at)
        if last is not None:
            codes.add(last)
    if len(codes) == 1 and hit.trigger.place and hit.trigger.type == "other":
        # `তুরস্কে ভূমিকম্প হয়; ... বাংলাদেশ ত্রাণ পাঠায়`: the place of the sentence receives it.
        receiver = _last_place(ctx, sent_lo, lo)
        if receiver is not None:
            codes.add(receiver)
    subject = any(c.form == "base" and c.end <= pred_pos for c in named)
    if lo > sent_lo and inherited and not subject and not both:
        # A later clause without a subject of its own (`... সফরে যান এবং তিনটি চুক্তি
        # স্বাক্ষরিত হয়`, `এবং ... প্রেসিডেন্টের সঙ্গে বৈঠক করেন`) continues with the
        # parties of the happening before it.
        codes |= set(inherited)
    if not codes and lo > sent_lo:
        codes = {c.code for c in _in_span(ctx, sent_lo, lo)}
    if not codes and previous and not pointer:
        codes = set(previous)
    if hit.trigger.mutual and ctx.pair_title and len(codes) == 1 and codes < set(ctx.pair):
        codes = set(ctx.pair)  # `২০১৪ সালে সভা হয় আক্রায়`: a meeting has two sides
    if not codes and ctx.main and (pointer or dated):
        # A clause naming no country is the article's own; an act between two sides
        # (`কমিটির প্রথম সভা বসে ...`, an agreement) in an article about a pair is the pair's.
        mutual = hit.trigger.mutual or hit.trigger.type in _BILATERAL
        codes |= set(ctx.pair) if mutual and ctx.pair_title else {ctx.main}
    if not codes:
        return []
    if hit.trigger.object and len(codes) == 1 and ctx.main and ctx.main not in codes:
        # `সোভিয়েত ইউনিয়ন ... অস্থায়ী সরকারকে স্বীকৃতি দেয়`: the recognised side
        # is the article's own country when the clause names none.
        codes.add(ctx.main)
    if hit.trigger.solo:
        # `কেনিয়া যুক্তরাজ্যের কাছ থেকে স্বাধীনতা লাভ করে`: the country that wins it
        # (the owner right before the noun, else the subject, else the article's).
        own = _solo(ctx, named, noun_pos, pred_pos)
        if own is not None:
            return [(own if hit.trigger.actor else None, [own])]
    if hit.trigger.type == "visit":
        visitor = _visitor(ctx, named, noun_pos, pred_pos)
        if visitor is None and len(codes) == 1 and ctx.main and ctx.main not in codes:
            # `রাষ্ট্রপতি ... চীনে একটি রাষ্ট্রীয় সফর করেন`: an unnamed leader is the
            # article's own country's.
            codes.add(ctx.main)
            visitor = ctx.main
        return [(visitor, sorted(codes))]
    before = [c for c in named if c.end <= pred_pos and not _is_place(ctx, c)]
    # A nominative name is the subject; an adjective (`বাংলাদেশি শ্রমিক`) only when
    # no name is (nor one after the verb: `তুলে নেয় সৌদি আরব`).
    subjects = [c.code for c in before if c.form == "base"]
    adjs = [c.code for c in before if c.form == "adj"]
    if (
        hit.trigger.actor
        and _coordinated(ctx.text, named, pred_pos)
        and hit.trigger.type == "other"
    ):
        others = codes - set(subjects)
        if hit.trigger.object and not others and ctx.main and ctx.main not in subjects:
            others = {ctx.main}  # `মিশর, মরক্কো ও ইরাক এই সরকারকে স্বীকৃতি দেয়`
        return [(s, sorted(others | {s})) for s in dict.fromkeys(subjects)]
    if (
        hit.trigger.actor
        and hit.trigger.place
        and both
        and len(codes) == 2
        and not ctx.text[_word_end(ctx.text, lo + both.end()) : noun_pos].strip()
    ):
        # `দুই দেশের রাষ্ট্রদূত ... ফিরে যান`: each side's own act, one record per actor.
        return [(c, sorted(codes)) for c in sorted(codes)]
    actor = None
    if hit.trigger.actor:
        fin = toks[hit.end].end
        after = [c.code for c in named if c.form == "base" and c.start >= fin]
        # `বাংলাদেশের কনস্যুলেট খোলা হয়`: the owner right before the noun opened it.
        owner = [
            c.code
            for c in named
            if c.form in ("gen", "base") and not ctx.text[c.end : noun_pos].strip()
        ]
        # `দেশটি ... শুরু করে`: the article's main country is the subject.
        home = _words("home")
        itself = [
            ctx.main
            for w in _WORD.findall(ctx.text, lo, pred_pos)
            if w in home and ctx.main in codes
        ]
        gov = [_HOME] if government and government < pred_pos else []
        chosen = subjects[-1:] or after[:1] or adjs[-1:] or gov or itself[:1] or owner[:1]
        actor = chosen[0] if chosen else None
    return [(actor, sorted(codes))]


def _word_end(text: str, i: int) -> int:
    """End of the word that ``i`` is inside (`দুই দেশ|ের` -> after `ের`)."""
    m = _LETTER.match(text, i)
    while m is not None:
        i = m.end()
        m = _LETTER.match(text, i)
    return i


def _both_count(phrase: str) -> int:
    for words, _exact in _phrases("both"):
        if phrase.startswith(" ".join(words)):
            return _both_counts().get(words, 2)
    return 2


@functools.cache
def _both_counts() -> dict[tuple[str, ...], int]:
    return {
        tuple(row["predicate"].split()): int(row["count"])
        for row in table(TRIGGERS)
        if row["role"] == "both" and row.get("count")
    }


def _paragraph_start(text: str, pos: int) -> int:
    i = text.rfind("\n", 0, pos)
    return 0 if i < 0 else i + 1


def _both(ctx: _Ctx, sent_lo: int, pos: int, count: int = 2) -> tuple[str, ...]:
    """`দুই দেশ` (`তিন দেশ`: three): the last countries named before it in its sentence
    (`নেপালের মন্ত্রী ঢাকায় আসেন; পরদিন দুই দেশের ...`); one named there with the
    article's main country (`তাজিকিস্তানের সাথে ... দুই দেশের রাষ্ট্রপতি`); none named
    there: the last ones of its paragraph before it; else the article's two main ones."""
    named: list[str] = []
    for c in reversed(_in_span(ctx, sent_lo, pos)):
        if c.code not in named:
            named.append(c.code)
        if len(named) == count:
            return tuple(named)
    if len(named) == 1 and count == 2 and ctx.main and ctx.main not in named:
        return (named[0], ctx.main)
    if not named:
        for c in reversed(_in_span(ctx, _paragraph_start(ctx.text, sent_lo), sent_lo)):
            if c.code not in named:
                named.append(c.code)
            if len(named) == count:
                return tuple(named)
    return ctx.pair if count == 2 else tuple(named)


_GOVERNMENT = regex.compile(r"(?<![\p{L}\p{M}])সরকার(?:ও|ই)?(?![\p{L}\p{M}])")


def _solo(ctx: _Ctx, named: list[CountryMatch], noun_pos: int, pred_pos: int) -> str | None:
    """The country whose own act this is: the owner right before the noun
    (`ইন্দোনেশিয়ার স্বাধীনতা`), else the nominative subject, else the article's."""
    for c in named:
        if c.form == "gen" and not ctx.text[c.end : noun_pos].strip():
            return c.code
    subjects = [c.code for c in named if c.form == "base" and c.end <= pred_pos]
    if subjects:
        return subjects[0]
    return ctx.main


def _unnamed_government(ctx: _Ctx, lo: int, hi: int) -> int:
    """Position (+1) of `সরকার` with no country before it (`... ঘোষণা করে সরকার`): in
    the Bengali press the unnamed government is Bangladesh's, when the article names
    Bangladesh at all. 0 when there is none."""
    if _HOME not in ctx.present:
        return 0
    for m in _GOVERNMENT.finditer(ctx.text, lo, hi):
        before = _in_span(ctx, max(lo, m.start() - 30), m.start())
        if before and not ctx.text[before[-1].end : m.start()].strip():
            continue  # `ওমান সরকার`, `ভারতের সরকার`
        return m.start() + 1
    return 0


_WITH = regex.compile(r"\s*(?:সঙ্গে|সাথে|সহিত)(?![\p{L}\p{M}])")


def _with_partner(ctx: _Ctx, named: list[CountryMatch], hi: int) -> bool:
    """`জাপানের সঙ্গে`: one side named as the partner of an unnamed one."""
    return any(c.form == "gen" and _WITH.match(ctx.text, c.end) for c in named if c.end < hi)


def _last_named(ctx: _Ctx, pos: int) -> str | None:
    i = bisect.bisect_left(ctx.starts, pos)
    return ctx.countries[i - 1].code if i else None


_SUBJECT_REACH = 400  # characters back that a nominative `দেশটি` looks for its subject


def _last_subject(ctx: _Ctx, pos: int) -> str | None:
    i = bisect.bisect_left(ctx.starts, pos)
    while i > 0:
        i -= 1
        c = ctx.countries[i]
        if pos - c.end > _SUBJECT_REACH:
            break
        if c.form == "base" and not _is_place(ctx, c):
            return c.code
    return None


def _last_place(ctx: _Ctx, sent_lo: int, pos: int) -> str | None:
    places = [c for c in _in_span(ctx, sent_lo, pos) if c.form == "loc"]
    return places[-1].code if places else None


def _visitor(ctx: _Ctx, named: list[CountryMatch], noun_pos: int, pred_pos: int) -> str | None:
    """The visiting side: the first country before the predicate that is not the
    destination (a place, or the name right before `সফর`: `জাপান সফর করেন`)."""
    for c in named:
        if c.end > pred_pos:
            break
        # (a genitive right before the noun is its owner: `ভিয়েতনামের প্রধানমন্ত্রী`)
        dest = _is_place(ctx, c) or (c.form != "gen" and not ctx.text[c.end : noun_pos].strip())
        if not dest:
            return c.code
    return None


_AND = regex.compile(r"\s*(?:ও|এবং|আর|,)\s*")


def _coordinated(text: str, named: list[CountryMatch], pred_pos: int) -> bool:
    """Two or more nominative countries joined by `ও`/`এবং`/`,` (`ভারত ও ভুটান`)."""
    subj = [c for c in named if c.form == "base" and c.end <= pred_pos]
    return len({c.code for c in subj}) > 1 and all(
        _AND.fullmatch(text[a.end : b.start]) for a, b in itertools.pairwise(subj)
    )


def _extend_list(ctx: _Ctx, fin: int, hi: int, limit: int) -> int:
    """Carry a clause end over a list of countries after the verb (`সই করে বাংলাদেশ ও ভারত`)."""
    after = _in_span(ctx, fin, limit)
    if not after or after[0].start >= hi:
        return hi
    prev = after[0]
    hi = max(hi, prev.end)
    for c in after[1:]:
        if not _AND.fullmatch(ctx.text[prev.end : c.start]):
            break
        prev = c
        hi = max(hi, c.end)
    return hi


def _own_date(dates: list[Found], lo: int, hi: int, pos: int, text: str = "") -> str | None:
    inside = [d for d in dates if lo <= d.start and d.end <= hi]
    before = [d for d in inside if d.end <= pos]
    if before:
        return str(before[-1].value)
    after = [d for d in inside if d.start >= pos]
    if not after:
        return None
    first = str(after[0].value)
    if len(after) > 1 and _APPOSITION.fullmatch(text, after[0].end, after[1].start):
        # `শেষ হয় দুই বছর পর, ১৯৭৫ সালের ৩০ এপ্রিল`: the restatement is more precise.
        second = str(after[1].value)
        if second.startswith(first) and len(second) > len(first):
            return second
    return first


_APPOSITION = regex.compile(r"\s*,\s*")


def _over_years(date: str) -> bool:
    """`১৯৫৫ থেকে ১৯৭২ সাল পর্যন্ত`: what goes on over a span of years is a state or a
    trend, not one happening (a span of days, `২ থেকে ৪ আগস্ট`, is a meeting's time)."""
    first, sep, last = date.partition("/")
    return bool(sep) and first[:4] != last[:4]


def _has_figure(
    found: list[Found],
    lo: int,
    hi: int,
    kinds: tuple[str, ...] = ("money", "percent", "quantity", "number"),
) -> bool:
    return any(f.kind in kinds and lo <= f.start and f.end <= hi for f in found)


def _moves_time(text: str, lo: int, hi: int) -> bool:
    """A relative-time word (`এরও অনেক পরে`) detaches the sentence from the narrative date."""
    verbal = _phrases("verbal_noun")
    for m in _phrase_re("nocarry").finditer(text, lo, hi):
        if m.group() == "পর":
            prev = _WORD.findall(text, lo, m.start())
            if prev and any(prev[-1].endswith(w[0]) for w, _ in verbal):
                continue  # `শুরু হবার পর`: right after, the same narrative time
        return True
    return False


_YEAR = regex.compile(r"\d{3,4}")  # a year (digits are ASCII in the normalized text)

_SEP = regex.compile(r"\s*(?:[;,]|(?<!\S)এবং(?!\S))\s*")


def _clauses(
    text: str, sent: Sentence, toks: list[_Tok], hits: list[_Hit]
) -> list[tuple[int, int]]:
    """The span of each happening: the sentence, or, when it states several joined by
    `এবং`, `;` or `,` (`... স্বীকৃতি দেয় এবং দুই দেশের মধ্যে ...`), each clause."""
    # Happenings with no separator between them (`... সফরকালে দুই দেশ চুক্তি সই করে`)
    # share one clause; a separator starts the next one.
    group = [0]
    cuts: list[tuple[int, int]] = []
    for a, b in itertools.pairwise(hits):
        m = _SEP.search(text, toks[a.end].end, toks[b.start].start)
        if m is not None:
            cuts.append((m.start(), m.end()))
        group.append(len(cuts))
    bounds = [sent.start] + [x for cut in cuts for x in cut] + [sent.end]
    spans = list(zip(bounds[::2], bounds[1::2], strict=True))
    return [spans[g] for g in group]


_BILATERAL = ("agreement_signed", "relations_established")  # acts that always have two sides


def _pair_title(text: str, countries: list[CountryMatch], pair: tuple[str, ...]) -> bool:
    """The first line is a title or headline (no sentence ends in it) naming the article's
    two countries and no other (`কাতার–তুরস্ক সম্পর্ক`, `বাংলাদেশ-থাইল্যান্ড ... সই`)."""
    end = text.find("\n")
    if end < 0 or "।" in text[:end]:
        return False
    named = {c.code for c in countries if c.end <= end}
    return len(pair) == 2 and named == set(pair)


def _first_in(starts: list[int], sent: Sentence) -> int | None:
    i = bisect.bisect_left(starts, sent.start)
    return starts[i] if i < len(starts) and starts[i] < sent.end else None


def find_events(
    nt: NormText, sents: list[Sentence], found: list[Found], countries: list[CountryMatch]
) -> list[Event]:
    """Dated events stated in the article."""
    text = nt.text
    ranked = main_countries(countries)
    ctx = _Ctx(
        text,
        main_country(text, countries),
        tuple(sorted(ranked[:2])),
        countries,
        [c.start for c in countries],
        {},
        frozenset(c.code for c in countries),
        _pair_title(text, countries, tuple(sorted(ranked[:2]))),
    )
    dates = sorted((f for f in found if f.kind == "date"), key=lambda f: f.start)
    date_starts = [d.start for d in dates]
    cands: list[int] = []
    bare: list[int] = []
    for m in _scan().finditer(text):
        if _at_word_start(text, m.start()):
            (bare if m.group("bare") is not None else cands).append(m.start())
    figures = sorted((f for f in found if f.kind != "date"), key=lambda f: f.start)
    figure_starts = [f.start for f in figures]
    events: list[Event] = []
    seen: set[tuple[str, str, tuple[str, ...], str]] = set()
    narrative: str | None = None
    prev_end = 0
    prev_parts: list[str] | None = None  # the previous sentence's last happening's
    for sent in sents:
        if "\n" in text[prev_end : sent.start]:
            narrative = None  # a new paragraph starts a new narration
            prev_parts = None
        prev_end = sent.end
        a = bisect.bisect_left(date_starts, sent.start)
        b = bisect.bisect_left(date_starts, sent.end)
        sent_dates = dates[a:b]
        first = _first_in(cands, sent) if (sent_dates or narrative) else None
        if first is not None and _predicates().search(text, first, sent.end) is None:
            first = None  # a trigger noun without any predicate after it (`সম্পর্ক ভালো`)
        carried = None
        if sent_dates:
            # A generic verb (`চালু করেন`) needs a date of its own sentence.
            first_bare = _first_in(bare, sent)
            if first_bare is not None and (first is None or first_bare < first):
                first = first_bare
        elif narrative is not None and not _moves_time(text, sent.start, sent.end):
            carried = narrative
        if first is not None and (sent_dates or carried):
            fa = bisect.bisect_left(figure_starts, sent.start)
            fz = bisect.bisect_left(figure_starts, sent.end)
            before = len(events)
            # Only a sentence dated relative to the one before (`একই দিনে`, `পরদিন`)
            # or not dated at all continues its parties; a year starts afresh.
            relative = not any(_YEAR.search(text, d.start, d.end) for d in sent_dates)
            _sentence_events(
                nt,
                ctx,
                sent,
                first,
                sent_dates,
                figures[fa:fz],
                carried,
                seen,
                events,
                prev_parts if relative else None,
            )
            prev_parts = events[-1].participants if len(events) > before else None
        else:
            prev_parts = None
        if sent_dates:
            narrative = str(sent_dates[-1].value)
        elif carried is None:
            narrative = None
    return events


def _detail(text: str, lo: int, pos: int) -> bool:
    """The clause from ``lo`` opens with an elaborating word (`যেখানে`)."""
    words = _WORD.findall(text, lo, pos)
    return bool(words) and words[0] in _words("detail")


def _sentence_events(
    nt: NormText,
    ctx: _Ctx,
    sent: Sentence,
    first: int,
    sent_dates: list[Found],
    figures: list[Found],
    carried: str | None,
    seen: set[tuple[str, str, tuple[str, ...], str]],
    events: list[Event],
    previous: list[str] | None = None,
) -> None:
    text = nt.text
    # Words from the first trigger word on: nothing before it can be a trigger.
    toks = [_Tok(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, first, sent.end)]
    final = not _WORD.search(text, toks[-1].end, sent.end) if toks else False
    hits = _hits(toks, final)
    spans = _clauses(text, sent, toks, hits)
    inherited: list[str] = []  # the participants of the sentence's previous happening
    for n, hit in enumerate(hits):
        lo = sent.start if n == 0 else toks[hits[n - 1].end].end
        nxt = toks[hits[n + 1].start].start if n + 1 < len(hits) else sent.end
        pos = toks[hit.pred].start
        if not hit.trigger.figure and _has_figure(figures, toks[hit.start].start, pos):
            continue  # `স্বাধীনতার পরপরই ... ৫৭% প্রবৃদ্ধি অর্জন করে` states a figure
        if not hit.trigger.noun and _has_figure(figures, lo, pos, ("money", "percent")):
            continue  # `প্রতি রুপি ১ টাকা ৪০ পয়সা দরে বিনিময় হয়`: a price, not a happening
        hi = min(nxt, toks[min(hit.end + _TAIL, len(toks) - 1)].end)
        hi = _extend_list(ctx, toks[hit.end].end, hi, nxt)
        if hit.nominal:
            # `১৯৭১ সালে স্বাধীনতা অর্জনের পর`: only a date right before the noun dates it.
            noun = toks[hit.start].start
            # A nominal visit is dated by any date of its clause before it.
            gap = noun - lo if hit.trigger.type == "visit" else _NOMINAL_GAP
            near = [d for d in sent_dates if d.end <= noun and noun - d.end <= gap]
            if not near:
                continue
            date: str | None = str(near[-1].value)
        else:
            # A date between the previous happening and this clause's separator is the
            # previous clause's (`... চালু হয় ওই বছরের ডিসেম্বরে, আর ... খোলে দুই বছর পর`).
            date = _own_date(sent_dates, max(lo, spans[n][0]), min(nxt, spans[n][1]), pos, text)
            if date is None and not _moves_time(text, lo, nxt):
                # A clause without a date of its own (`... সই করে এবং সে দেশে ...`)
                # takes the sentence's, unless it moves in time (`ছয় মাস পর`).
                date = _own_date(sent_dates, sent.start, sent.end, pos) or carried
        if date is None or _over_years(date):
            continue
        if not hit.trigger.noun and not sent_dates:
            continue  # a generic verb (`চালু করেন`) needs a date of its own sentence
        if (
            n > 0
            and hit.trigger.type == "other"
            and _detail(text, lo, pos)
            and _own_date(sent_dates, lo, nxt, pos) is None
        ):
            # `..., যেখানে ... রায় দেন`: the happening before, elaborated; a typed act
            # there (`সভা বসে ..., যেখানে ... সমঝোতা স্মারক সই হয়`) is a happening of its own.
            continue
        records = _participants(
            ctx, toks, lo, hi, hit, bool(sent_dates), sent.start, inherited, previous
        )
        if records:
            inherited = records[-1][1]
        # The same act restated (`স্বীকৃতি দান করে` ... `স্বীকৃতি দিয়েছে`) is one record;
        # one statement may give several (`দুই দেশের রাষ্ট্রদূত ফিরে যান`: one per actor).
        act = hit.trigger.noun[0] if hit.trigger.noun else hit.trigger.predicate
        # The abstract noun in `-তা` is its adjective's act: `স্বাধীনতা অর্জন করে` and
        # `স্বাধীন রাষ্ট্রে পরিণত হয়` on one date are one independence.
        act = act.removesuffix(_ABSTRACT)
        keys = [(hit.trigger.type, date, tuple(parts), act) for _actor, parts in records]
        fresh = [r for r, key in zip(records, keys, strict=True) if key not in seen]
        seen.update(keys)
        for actor, parts in fresh:
            start, end, span = nt.orig_span_text(*spans[n])
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
