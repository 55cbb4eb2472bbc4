"""Date expressions -> EDTF date mentions (annotation.md, Mentions).

Two passes over the normalized text:

1. Candidates: a fixed set of patterns, built from the calendar tables in
   ``lang/bn/`` (months, weekdays, calendar words, Bengali months). No pattern
   scans the text: one cheap pass finds the anchors (digit runs, month and
   weekday names, calendar words) and the opening words before them (`গত`,
   `ওই একই`, `ছয়`), and only the rules that can start at such a token are
   tried there with one anchored `match` each (stdlib `re`: little overhead per
   call). Where candidates overlap the longest wins.
2. Resolution, left to right, keeping the narrative context a reader keeps: the
   year in focus, the fiscal year in focus, the "current" fiscal year and
   present time, the last day, month and period. Back-references (`ওই বছর`,
   `আগের অর্থবছরের একই সময়ে`, `পরদিন`) and partial dates take their missing
   parts from it; what nothing before resolves stays unspecified (`XXXX`) or,
   for pure references, is no mention at all.

A year in a comparison (`২০২২ সালের ডিসেম্বরের তুলনায়`) or a reference to a
previous period (`আগের অর্থবছর`) is a mention but does not move the focus: the
narrative stays in its own time.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass, field, replace
from typing import Any

from extractor.matches import Found
from extractor.resources import alternation, suffix_pattern, suffixes, table
from extractor.text import sentences

# ---------------------------------------------------------------- tables


@functools.cache
def _months() -> dict[str, int]:
    """Gregorian month names: CLDR (babel) wide forms plus the alias table."""
    from babel import Locale

    names: dict[str, int] = {}
    loc = Locale("bn")
    for ctx in ("format", "stand-alone"):
        for num, name in loc.months[ctx]["wide"].items():
            names[str(name)] = int(num)
    for row in table("months.tsv"):
        names[row["word"]] = int(row["month"])
    return names


@functools.cache
def _weekdays() -> dict[str, int]:
    """Weekday names (0 = Monday): CLDR wide forms plus the alias table."""
    from babel import Locale

    names = {str(name): int(num) for num, name in Locale("bn").days["format"]["wide"].items()}
    for row in table("weekdays.tsv"):
        names[row["word"]] = int(row["weekday"])
    return names


@functools.cache
def _bengali_months() -> dict[str, int]:
    return {row["word"]: int(row["month"]) for row in table("bengali_months.tsv")}


@functools.cache
def _words(role: str) -> tuple[str, ...]:
    return tuple(r["word"] for r in table("calendar_words.tsv") if r["role"] == role)


@functools.cache
def _word_values(role: str) -> dict[str, str]:
    return {r["word"]: r["value"] for r in table("calendar_words.tsv") if r["role"] == role}


@functools.cache
def _numerals() -> dict[str, int]:
    """Small number words (counts of months and years: `ছয় বছর পর`)."""
    return {r["word"]: int(r["value"]) for r in table("numerals.tsv")}


@functools.cache
def _blockers() -> str:
    """Words after a number that make it an amount, never a year or a day."""
    words: set[str] = set()
    for r in table("scales.tsv"):
        words.add(r["word"])
    for r in table("currencies.tsv"):
        words.add(r["form"])
    for r in table("units.tsv"):
        if r["role"] != "time":
            words.add(r["word"])
    words.update({"শতাংশ", "শতাংশে", "%", "ভাগ"})
    return alternation(words)


@functools.cache
def _labels() -> str:
    """Words before a number that make it a label (`পাতা 1250`, `ধারা ২০০৫`)."""
    words = {r["word"] for r in table("amount_context.tsv") if r["role"] == "label"}
    words.update({"পাতা", "পৃষ্ঠা", "নং", "নম্বর", "$", "৳", "ডলার", "টাকা", "রুপি"})
    return alternation(words)


# ---------------------------------------------------------------- values


@dataclass(frozen=True, slots=True)
class _D:
    """A calendar point; a part the text does not give is None (EDTF X)."""

    y: int | None
    m: int | None = None
    d: int | None = None

    def edtf(self) -> str:
        out = "XXXX" if self.y is None else f"{self.y:04d}"
        if self.m is not None:
            out += f"-{self.m:02d}"
            if self.d is not None:
                out += f"-{self.d:02d}"
        return out


@dataclass(frozen=True, slots=True)
class _Val:
    """A date value: one point, or an interval of two."""

    a: _D
    b: _D | None = None
    decade: bool = False

    def edtf(self) -> str:
        if self.decade and self.a.y is not None:
            return f"{self.a.y // 10:03d}X"
        if self.b is None:
            return self.a.edtf()
        return f"{self.a.edtf()}/{self.b.edtf()}"

    def shift_years(self, n: int) -> _Val:
        def sh(d: _D | None) -> _D | None:
            return None if d is None else replace(d, y=None if d.y is None else d.y + n)

        a = sh(self.a)
        assert a is not None
        return _Val(a, sh(self.b), self.decade)

    def months(self) -> int | None:
        """Length in whole months of an interval of months (None if not one)."""
        if self.b is None or self.a.m is None or self.b.m is None:
            return None
        if self.a.d not in (None, 1):
            return None
        years = 0 if self.a.y is None or self.b.y is None else self.b.y - self.a.y
        return years * 12 + self.b.m - self.a.m + 1

    def years(self) -> int | None:
        if self.b is None or self.a.m is not None or self.a.y is None or self.b.y is None:
            return None
        return self.b.y - self.a.y + 1


def _fy(start: int | None) -> _Val:
    """A fiscal year (July-June) by the year it starts in."""
    return _Val(_D(start), _D(None if start is None else start + 1))


def _fy_month_year(fy_start: int | None, month: int) -> int | None:
    """The calendar year of a month inside a July-June fiscal year."""
    if fy_start is None:
        return None
    return fy_start if month >= 7 else fy_start + 1


def _fy_of(d: dt.date) -> int:
    return d.year if d.month >= 7 else d.year - 1


# ---------------------------------------------------------------- Bengali calendar

# Revised Bangladesh calendar (2019): months 1-6 have 31 days, 7-10 and 12 have
# 30, Falgun (11) 29, or 30 when the Gregorian February it spans has 29 days.
_BN_MONTH_DAYS = (31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 29, 30)


def bengali_month_days(bengali_year: int, month: int) -> int:
    """Days in a month of the revised Bangladesh calendar."""
    if month == 11 and calendar.isleap(bengali_year + 594):
        return 30
    return _BN_MONTH_DAYS[month - 1]


def bengali_to_gregorian(bengali_year: int, month: int, day: int) -> dt.date:
    """Gregorian date of a day of the revised Bangladesh calendar (1 Boishakh = 14 April).

    `১ বৈশাখ ১৪৩০` is 2023-04-14; `১ পৌষ` is 16 December; `৮ ফাল্গুন` is 21 February.
    """
    if not 1 <= month <= 12 or not 1 <= day <= bengali_month_days(bengali_year, month):
        raise ValueError(f"no day {day} in month {month} of {bengali_year}")
    offset = sum(bengali_month_days(bengali_year, m) for m in range(1, month)) + day - 1
    return dt.date(bengali_year + 593, 4, 14) + dt.timedelta(days=offset)


def gregorian_to_bengali(date: dt.date) -> tuple[int, int, int]:
    """(Bengali year, month, day) of a Gregorian date (inverse of bengali_to_gregorian)."""
    year = date.year - 593 if date >= dt.date(date.year, 4, 14) else date.year - 594
    offset = (date - dt.date(year + 593, 4, 14)).days
    month = 1
    while offset >= bengali_month_days(year, month):
        offset -= bengali_month_days(year, month)
        month += 1
    return year, month, offset + 1


# EDTF writes a year with four digits (records.md); arithmetic on a written year
# (`ছয় বছর পর`) may leave that range.
_MAX_YEAR = 9999


def _writable_bengali_year(by: int) -> bool:
    """A Bengali year whose Gregorian years (it spans two) EDTF can write."""
    return 1 <= by + 594 <= _MAX_YEAR


# ---------------------------------------------------------------- patterns

_B = r"(?![\p{L}\p{M}])"  # end of a word
_S = r"(?<![\p{L}\p{M}\d])"  # start of a word or number
# The same for the stdlib `re` (far less overhead per call than `regex`): a letter
# is a word character that is no digit, a mark one of the Bengali vowel signs.
_MARKS = "[\u0981-\u0983\u09bc-\u09d7\u09e2\u09e3\u09fe]"
_LETTER = rf"(?:[^\W\d_]|{_MARKS})"
_B_RE = rf"(?!{_LETTER})"
_S_RE = rf"(?<!\w)(?<!{_MARKS})"
_SP = r"[ ]+"


def _alt(words: tuple[str, ...] | list[str] | set[str]) -> str:
    return f"(?:{alternation(words)})"


@functools.cache
def _fragments() -> dict[str, str]:
    suf = suffix_pattern()
    num_words = _alt(tuple(_numerals()))
    f = {
        "SUF": suf,
        # genitive endings only (`ডিসেম্বরের ২৮ দিনে`): the case endings ending in র
        "GEN": _alt([e for e in suffixes() if e.endswith("র") and not e.startswith(("ট", "দ"))]),
        "Y4": r"(?<![\d.,])\d{4}(?!\d)(?![.,]\d)",
        "DAY": r"(?<![\d.,])(?:0?[1-9]|[12]\d|3[01])(?!\d)(?![.,]\d)",
        "ORD": _alt(_words("ordinal")),
        "MON": _alt(tuple(_months())),
        "BMON": _alt(tuple(_bengali_months())),
        "WD": _alt(tuple(_weekdays())),
        "ERA": _alt(_words("era")),
        "BERA": _alt(_words("bengali_era")),
        "FYW": _alt(_words("fiscal")),
        "PART": _alt(_words("part")),
        "EDGE": _alt(_words("year_edge")),
        "NAMED": _alt(_words("named_month")),
        "DECW": _alt(_words("decade_word")),
        "SAMEDAY": _alt(_words("same_day")),
        "NEXTDAY": _alt(_words("next_day")),
        "N": rf"(?:(?<![\d.,])\d{{1,2}}(?!\d)(?![.,]\d)|{num_words})",
        # `(অক্টোবর-ডিসেম্বর)` restating the months of a named part of a year
        "PMON": r"(?:[ ]*\([ ]*{MON}[ ]*-[ ]*{MON}[ ]*\))?",
    }
    return f


def _p(template: str) -> str:
    out = template
    for key, frag in sorted(_fragments().items(), key=lambda kv: -len(kv[0])):
        out = out.replace("{" + key + "}", frag)
    return out


# Each rule: a name and a pattern template ({NAME} = a fragment above). Named
# groups carry the parts; the resolver reads them by name.
_RULE_TEMPLATES: tuple[tuple[str, str], ...] = (
    # ১৯৫৬ সালের ১ জানুয়ারি
    (
        "ymd",
        r"(?P<y>{Y4}|\d{3})[ ]*{ERA}{SUF}{_B}[ ]+(?P<d>{DAY})(?:{ORD})?[ ]+(?P<mon>{MON}){SUF}{_B}"
        r"(?:[ ]+তারিখ{SUF}{_B})?",
    ),
    # ২৬ জুলাই, ১৯৬৫ / 27 আগস্ট 2014 তারিখে / পরদিন ৫ ডিসেম্বর ১৯৭১
    (
        "dmy",
        r"{_S}(?:{WD}{SUF}[ ]*,?[ ]*)?(?P<d>{DAY})(?:{ORD})?[ ]+(?P<mon>{MON}){SUF}{_B}[ ]*,?[ ]*"
        r"(?P<y>{Y4})(?:[ ]*{ERA}{SUF}{_B})?(?:[ ]+তারিখ{SUF}{_B})?",
    ),
    # ডিসেম্বর ৬, ১৯৭১
    (
        "mdy",
        r"{_S}(?P<mon>{MON})[ ]+(?P<d>{DAY})(?:{ORD})?[ ]*,?[ ]*(?P<y>{Y4})(?:[ ]*{ERA}{SUF}{_B})?",
    ),
    # ২০১১ সালের মার্চ মাসে
    (
        "ym",
        r"(?P<y>{Y4}|\d{3})[ ]*{ERA}{SUF}{_B}[ ]+(?P<mon>{MON})"
        r"(?:(?:[ ]*-[ ]*|{SUF}[ ]+(?:থেকে|হতে)[ ]+)(?P<mon2>{MON}))?{SUF}{_B}(?:[ ]+মাস{SUF}{_B})?",
    ),
    # ২০১৯ সালের জুলাই থেকে ২০২০ সালের জুন (পর্যন্ত): one interval, as a range of years
    (
        "ymrange",
        r"(?P<y>{Y4})[ ]*{ERA}{SUF}{_B}[ ]+(?P<mon>{MON}){SUF}[ ]+(?:থেকে|হতে)[ ]+"
        r"(?P<y2>{Y4})[ ]*{ERA}{SUF}{_B}[ ]+(?P<mon2>{MON}){SUF}{_B}(?:[ ]+মাস{SUF}{_B})?",
    ),
    # ১৫ থেকে ২০ মার্চ / ২০২৪ সালের ১৫-২০ মার্চ / ২-৪ আগস্ট, ২০০৫: one interval of days
    (
        "drange",
        r"(?:(?P<y>{Y4})[ ]*{ERA}{SUF}{_B}[ ]+|{_S})(?P<d>{DAY})(?:{ORD})?"
        r"(?:[ ]*-[ ]*|[ ]+(?:থেকে|হতে)[ ]+)(?P<d2>{DAY})(?:{ORD})?[ ]+(?P<mon>{MON}){SUF}{_B}"
        r"(?:[ ]*,?[ ]*(?P<y2>{Y4})(?:[ ]*{ERA}{SUF}{_B})?)?(?:[ ]+তারিখ{SUF}{_B})?",
    ),
    # জুন 2011 সালে
    ("my", r"{_S}(?P<mon>{MON})[ ]+(?P<y>{Y4})(?:[ ]*{ERA}{SUF}{_B})?"),
    # সোমবার (২৯ ডিসেম্বর)
    (
        "wdm",
        r"{_S}(?P<wd>{WD}){SUF}[ ]*\([ ]*(?P<d>{DAY})(?:{ORD})?[ ]+(?P<mon>{MON}){SUF}{_B}[ ]*\)",
    ),
    # ৪ঠা ডিসেম্বর / পরদিন ৫ ডিসেম্বরে / শুক্রবার, ১৬ ডিসেম্বর
    (
        "dm",
        r"{_S}(?:(?P<pre>{NEXTDAY}|{SAMEDAY})[ ]+|(?P<wd>{WD}){SUF}[ ]*,?[ ]*"
        r"|(?P<rel>গত|চলতি|আগামী)[ ]+)?"
        r"(?P<d>{DAY})(?:{ORD})?[ ]+(?P<mon>{MON}){SUF}{_B}(?:[ ]+তারিখ{SUF}{_B})?",
    ),
    # ডিসেম্বরের ২৮ তারিখ
    ("md", r"{_S}(?P<mon>{MON}){SUF}[ ]+(?P<d>{DAY})[ ]+তারিখ{SUF}{_B}(?:[ ]+পর্যন্ত)?"),
    # (চলতি মাস) ডিসেম্বরের (প্রথম) ২৮ দিনে
    (
        "mdays",
        r"{_S}(?:(?P<cur>চলতি)[ ]+মাস[ ]+)?(?P<mon>{MON}){GEN}[ ]+(?:প্রথম[ ]+)?"
        r"(?P<n>{N})[ ]+দিন{SUF}{_B}",
    ),
    # (গত) জুলাই-ডিসেম্বরে / জুন থেকে সেপ্টেম্বর মাস / জুলাই থেকে ডিসেম্বরের ২৮ তারিখ পর্যন্ত
    (
        "mrange",
        r"{_S}(?:(?P<rel>গত|চলতি|আগামী)[ ]+)?(?P<mon>{MON})(?:[ ]*-[ ]*|{SUF}[ ]+(?:থেকে|হতে)[ ]+)"
        r"(?P<mon2>{MON}){SUF}{_B}(?:[ ]+(?P<d2>{DAY})[ ]+তারিখ{SUF}{_B}(?:[ ]+পর্যন্ত)?"
        r"|[ ]+মাস{SUF}{_B})?",
    ),
    # ডিসেম্বরে / গত ডিসেম্বরে / মার্চ মাসে / আগের মাস অর্থাৎ নভেম্বর
    (
        "month",
        r"{_S}(?:(?P<rel>গত|চলতি|আগামী|বিগত)[ ]+|(?P<rm>আগের|পরের|গত|চলতি)[ ]+মাস[ ]+অর্থাৎ[ ]+"
        r"|চলতি[ ]+মাস[ ]+)?(?P<mon>{MON}){SUF}{_B}(?:[ ]+(?P<mw>মাস){SUF}{_B})?",
    ),
    # বিজয়ের মাসে
    ("named", r"{_S}(?P<named>{NAMED}){SUF}{_B}"),
    # `প্রথম প্রান্তিকের` alone: a part of the (fiscal) year in focus
    ("partref", r"{_S}(?P<part>{PART}){SUF}{_B}"),
    # ১৯৮৩ সালে / ১৯৭১ খ্রিস্টাব্দে / 2013 সালের শেষ নাগাদ
    (
        "year",
        r"(?P<y>{Y4}|(?<![\d.,])\d{3}(?!\d))[ ]*{ERA}{SUF}{_B}"
        r"(?:[ ]+(?:{EDGE}{_B}|(?P<yend>শেষে){_B}|পুরো[ ]+বছর{SUF}{_B}|(?P<part>{PART}){SUF}{_B}"
        r"|(?P<samem>একই[ ]+মাস){SUF}{_B}"
        r"|(?P<edge>প্রথম|শেষ)[ ]+(?P<n>{N})[ ]+মাস{SUF}{_B}{PMON}))?",
    ),
    # বাংলা: ১ বৈশাখ ১৪৩০ (বঙ্গাব্দ) / ১৪৩০ বঙ্গাব্দ / বৈশাখ ১৪৩০
    (
        "bdate",
        r"(?P<d>{DAY})(?:{ORD})?[ ]+(?P<bmon>{BMON}){SUF}{_B}(?:[ ]*,?[ ]*(?P<y>{Y4})"
        r"(?:[ ]*{BERA}{SUF}{_B})?)?",
    ),
    (
        "byear",
        r"(?P<y>{Y4})[ ]*{BERA}{SUF}{_B}(?:[ ]+(?P<bmon>{BMON}){SUF}{_B}(?:[ ]+মাস{SUF}{_B})?)?",
    ),
    ("bmy", r"{_S}(?P<bmon>{BMON})[ ]+(?P<y>{Y4})(?:[ ]*{BERA}{SUF}{_B})?"),
    # ২০২৩-২৪ অর্থবছর, ১৯৭২-৭৩ সালে, ১৯৫১-১৯৫২, ১৯৯৫ থেকে ২০০৬ সাল, 2005 এবং 2012 সালের মধ্যে
    (
        "yrange",
        r"(?P<y>{Y4})(?:[ ]*{ERA}{SUF}{_B})?(?:[ ]*-[ ]*|[ ]+(?:থেকে|হতে)[ ]+)"
        r"(?P<y2>{Y4}|(?<![\d.,])\d{2}(?!\d)(?![.,]\d))(?:[ ]*{ERA}{SUF}{_B})?",
    ),
    (
        "ybetween",
        r"(?P<y>{Y4})[ ]+(?:ও|এবং)[ ]+(?P<y2>{Y4})[ ]*{ERA}(?:ের|এর|র){_B}[ ]+মধ্যে",
    ),
    # `2013 মাধ্যমে 2009 থেকে`: machine-translated "from 2009 through 2013"
    ("ythrough", r"(?P<y2>{Y4})[ ]+মাধ্যমে[ ]+(?P<y>{Y4})"),
    # ১৯৯০-এর দশকে / ১৯৯০ দশকে / নব্বইয়ের দশকে
    ("decade", r"(?P<y>{Y4})(?:[ ]*-?[ ]*(?:এর|র)|[ ]+এর)?[ ]*দশক{SUF}{_B}"),
    ("decw", r"{_S}(?P<decw>{DECW})[ ]+দশক{SUF}{_B}"),
    # fiscal years and their parts
    (
        "fy",
        r"{_S}(?:(?P<det>চলতি|গত|আগের|ওই|ঐ|সে|সেই|এ|এই|একই|পুরো|পরের|আগামী|পরবর্তী|বিগত|বর্তমান)[ ]+)?"
        r"(?:(?P<y>{Y4})(?:[ ]*-[ ]*(?P<y2>\d{4}|\d{2}(?!\d)))?[ ]*)?{FYW}{SUF}{_B}"
        r"(?:[ ]+(?:(?P<part>{PART}){SUF}{_B}"
        r"|প্রথম[ ]+(?P<n>{N})[ ]+মাস(?:{SUF}{_B}(?:[ ]+শেষে)?|[ ]+শেষে)"
        r"|(?P<same>একই[ ]+সময়){SUF}{_B}"
        r"|(?:প্রথম[ ]+মাস[ ]+)?(?P<mon>{MON})(?:{SUF}[ ]+(?:থেকে|হতে)[ ]+|[ ]*-[ ]*)"
        r"(?P<mon2>{MON}){SUF}{_B}(?:[ ]+(?P<d2>{DAY})[ ]+তারিখ{SUF}{_B}(?:[ ]+পর্যন্ত)?"
        r"|[ ]+মাস{SUF}{_B})?"
        r"|(?:(?:প্রথম|শেষ)[ ]+মাস[ ]+)?(?P<mon1>{MON}){SUF}{_B}(?:[ ]+মাস{SUF}{_B})?))?"
        r"(?:[ ]*\([ ]*(?P<pm>{MON})[ ]*-[ ]*(?P<pm2>{MON})[ ]*\)"
        # `গত অর্থবছরে (২০২৩-২৪)`: the years restated after a relative fiscal year
        r"|[ ]*\([ ]*(?P<py>{Y4})[ ]*-[ ]*(?P<py2>\d{4}|\d{2}(?!\d))[ ]*\))?",
    ),
    # a year in a list or range with a calendar word after the last one: ১৯৯৫, ১৯৯৬ খ্রিস্টাব্দে
    (
        "ylist",
        r"(?P<y>{Y4})(?=(?:[ ]*,[ ]*|[ ]+(?:ও|এবং)[ ]+)(?:\d{4}(?:[ ]*,[ ]*|[ ]+(?:ও|এবং)[ ]+))*"
        r"\d{4}[ ]*{ERA})",
    ),
    # a bare year: checked against the words around it when resolved
    ("bare", r"(?P<y>(?:1[89]|20)\d\d)(?<![\d.,]\d{4})(?!\d)(?![.,]\d)"),
    # back-references to a year and named parts of a year
    (
        "yref",
        r"{_S}(?:(?P<det>ওই|ঐ|সে|সেই|এ|এই|চলতি|তার|পুরো)[ ]+)?"
        r"(?:(?P<rel>পরের|আগের|গত|আগামী|পরবর্তী|বিগত|নতুন|চলতি)[ ]+)?"
        r"(?P<same1>একই[ ]+)?বছর(?P<suf>{SUF}){_B}"
        r"(?:[ ]+(?:(?P<part>{PART}){SUF}{_B}|(?P<same>একই[ ]+সময়){SUF}{_B}"
        r"|(?P<end>শেষে|শেষ[ ]+নাগাদ){_B}|(?P<samem>একই[ ]+মাস){SUF}{_B}"
        r"|(?P<edge>প্রথম|শেষ)[ ]+(?P<n>{N})[ ]+মাস{SUF}{_B}{PMON}"
        r"|(?:(?P<d>{DAY})(?:{ORD})?[ ]+)?(?P<mon>{MON}){SUF}{_B}(?:[ ]+মাস{SUF}{_B})?))?",
    ),
    # back-references to a month and a day
    (
        "mref",
        r"{_S}(?:(?P<det>এ|এই|ওই|ঐ|সে|সেই|একই|চলতি|গত|আগের|পরের|আগামী)[ ]+মাস|মাসটি)"
        r"{SUF}{_B}(?:[ ]+(?P<d>{DAY})(?:{ORD})?[ ]+তারিখ{SUF}{_B})?",
    ),
    ("dref", r"{_S}(?P<dw>{SAMEDAY}|{NEXTDAY}){SUF}{_B}"),
    # counted time: গত ৬ মাসে, ৬ মাস শেষে, ছয় বছর পর, স্বাধীনতার এক বছর আগে
    (
        "count",
        r"{_S}(?:(?P<last>গত|বিগত|ওই|ঐ|এই|সেই)[ ]+|(?P<first>প্রথম)[ ]+)?(?P<n>{N})[ ]+"
        r"(?P<unit>বছর|মাস|সপ্তাহ|দিন|দশক)(?P<suf>{SUF}){_B}"
        r"(?:[ ]+(?P<dir>আগে|পূর্বে|পরে|পর|শেষে)(?:ও|ই)?{_B})?"
        r"(?:[ ]*\([ ]*{MON}[ ]*-[ ]*{MON}[ ]*\))?",
    ),
    # weekdays (need a publication date unless a date is given with them)
    ("wday", r"{_S}(?:(?P<wrel>গত|আগামী|গতকাল|আগামীকাল)[ ]+)?(?P<wd>{WD}){SUF}{_B}"),
)


@functools.cache
def _rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for name, template in _RULE_TEMPLATES:
        pat = _p(template.replace("{_B}", _B_RE).replace("{_S}", _S_RE))
        out.append((name, re.compile(pat)))
    return tuple(out)


@functools.cache
def _after_amount() -> re.Pattern[str]:
    return re.compile(rf"[ ]*(?:{_blockers()}){_B_RE}")


@functools.cache
def _before_label() -> re.Pattern[str]:
    return re.compile(rf"(?:{_labels()})[ ]*-?[ ]*$")


@functools.cache
def _bare_year_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Contexts that make a bare 4-digit number a year: (after it, before it)."""
    f = _fragments()
    names = alternation(_words("year_name"))
    after = re.compile(
        rf"[ ]*-?[ ]*(?:এর|র)?[ ]*(?:{_alt(_words('year_after'))}){_B_RE}"  # ২০১৪ থেকে
        rf"|[ ]*(?:,|ও|এবং|বা)[ ]*(?:1[89]|20)\d\d(?!\d)"  # a list of years
        rf"|[ ]*,?[ ]*{f['MON']}{f['SUF']}{_B_RE}"  # ২০১৪ জানুয়ারি
        rf"|(?:[ ]+{_LETTER}++){{0,2}}[ ]+(?:{names}){f['SUF']}{_B_RE}"  # ২০১৩ বিশ্ব ক্ষুধা সূচক
    )
    before = re.compile(
        rf"(?:(?<!\d)(?:1[89]|20)\d\d[ ]*(?:,|ও|এবং|বা)"  # a list of years
        rf"|{_S_RE}{f['EDGE']}"  # প্রথম দিকে ২০০৯
        rf"|{f['MON']}{f['SUF']}[ ]*,?"  # জানুয়ারি ২০১৪
        rf"|{_S_RE}(?:{names})(?:{f['SUF']})?"  # নীতিমালা ২০২৫
        rf")[ ]*$"
    )
    return after, before


_SENTENCE_LEAD = re.compile(rf"(?:^|[।!?\n][ ]*)(?:{_LETTER}+[ ]+)?$")


def _bare_year_context(text: str, start: int, end: int) -> bool:
    """A bare year needs a date context (a time postposition, a list of years, a month
    beside it, a name it belongs to, or a sentence-initial `২০১৪,`)."""
    after, before = _bare_year_patterns()
    if after.match(text, end):
        return True
    if before.search(text, max(0, start - 40), start):
        return True
    if text.startswith(",", end):
        m = _SENTENCE_LEAD.search(text, max(0, start - 30), start)
        if m is not None and (m.group().strip() == "" or _is_year_lead(m.group())):
            return True
    return False


def _is_year_lead(lead: str) -> bool:
    word = lead.strip().lstrip("।!?").strip()
    return word in _words("year_lead")


# Rules whose dates take their year from the context.
_YEARLESS = frozenset({"wdm", "dm", "md", "mdays", "mrange", "month", "named"})
_CLAUSE_BREAK = re.compile(r"[,;]|[ ](?:এবং|আর|ও)[ ]")
_LOC_OR_GEN = re.compile(r"(?:ে|এ|ের|এর)$")
_NOUN_BEFORE = re.compile(rf"(?<!\w)(?<!{_MARKS})({_LETTER}+(?:ের|এর|র))[ ]+$")
_COMPARISON = re.compile(rf"[ ]*(?:তুলনায়|চেয়ে|চাইতে|পর|পরে){_B_RE}")
_GENITIVE_END = re.compile(r"(?:ের|এর|র|য়ের)$")
_RESTATE = re.compile(r"^[ ]*[;,]?[ ]*অর্থাৎ[ ]*$")
_CONTINUES = re.compile(r"[ ]?[-/:]\d")  # a phone number or a code goes on
_HEADLINE = re.compile(r"[^\n]{1,300}\n[ ]*\n")


# ---------------------------------------------------------------- candidates


class _Groups:
    """A rule's named groups; a group the rule does not have reads as None."""

    __slots__ = ("_m",)

    def __init__(self, m: re.Match[str]) -> None:
        self._m = m

    def __getitem__(self, name: str) -> Any:  # str | None, as re.Match.__getitem__
        try:
            return self._m.group(name)
        except IndexError:  # a group the rule does not have (handlers shared by rules)
            return None


@dataclass(frozen=True, slots=True)
class _Cand:
    start: int
    end: int
    rule: str
    order: int
    m: _Groups
    noun: str | None = None  # a genitive noun before a counted time (`স্বাধীনতার এক বছর আগে`)


# Which rules may start at which token. Every rule's match begins with one of these
# tokens, so a rule is tried (`match`, never a scan) only where such a token starts.
_START_RULES: dict[str, tuple[str, ...]] = {
    "D4": ("bare",),  # and more by the word after it (_YEAR_NEXT)
    "D3": (),
    "D12": ("dmy", "dm", "bdate", "count", "drange"),
    "MON": ("mdy", "my", "md", "mdays", "mrange", "month"),
    "BMON": ("bmy",),
    "WD": ("dmy", "wdm", "dm", "wday"),
    "NAMED": ("named",),
    "DECW": ("decw",),
    "DAYW": ("dm", "dref"),
    "FYW": ("fy",),
    "YEARW": ("yref",),
    "UNIT": (),  # মাস, দিন, ...: only the words before them start a rule
    "REFW": ("mref",),  # `মাসটিতে`: the definite noun alone points back
    "PREFIX": ("dm", "mdays", "mrange", "month", "fy", "yref", "mref", "count", "wday"),
    "NUMW": ("count",),  # a number word (`ছয় মাস পর`), `প্রথম` (`প্রথম ছয় মাসে`)
    "DAYREL": ("wday",),  # `গতকাল`, `আগামীকাল`
    "PART": ("partref",),  # `প্রথম প্রান্তিক`, `প্রথমার্ধ`
}
# What follows a 3- or 4-digit number decides the rules that may start at it.
_YEAR_NEXT_RULES: dict[str, tuple[str, ...]] = {
    "era": ("ymd", "ym", "ymrange", "year", "yrange", "ylist", "drange"),
    "bera": ("byear",),
    "fyw": ("fy",),
    "rng": ("yrange", "fy", "decade"),
    "dec": ("decade",),
    "lst": ("ylist", "ybetween"),
    "thru": ("ythrough",),
}


@functools.cache
def _year_next() -> re.Pattern[str]:
    f = _fragments()
    return re.compile(
        rf"[ ]*(?:(?P<era>{f['ERA']})|(?P<bera>{f['BERA']})|(?P<fyw>{f['FYW']})"
        rf"|(?P<dec>-?[ ]*(?:এর|র)?[ ]*দশক)|(?P<rng>-|থেকে|হতে)|(?P<lst>,|ও|এবং)"
        rf"|(?P<thru>মাধ্যমে[ ]))"
    )


_DIGITS = re.compile(r"[0-9]+")
_AFTER_SMALL = frozenset({"MON", "BMON", "UNIT", "YEARW"})
_LAST_WORD = re.compile(rf"{_LETTER}+$")


@functools.cache
def _anchor_words() -> dict[str, str]:
    """Words that anchor a date (each with its start class), found with str.find."""
    out: dict[str, str] = {}
    for word, cls in (
        *((w, "UNIT") for w in ("মাস", "দিন", "সপ্তাহ", "দশক")),
        ("বছর", "YEARW"),
        ("মাসটি", "REFW"),
        *((w, "FYW") for w in _words("fiscal")),
        *((w, "DAYW") for w in _words("same_day") + _words("next_day")),
        *((w, "DECW") for w in _words("decade_word")),
        *((w, "NAMED") for w in _words("named_month")),
        *((w, "PART") for w in _words("part")),
        *((w, "WD") for w in _weekdays()),
        *((w, "BMON") for w in _bengali_months()),
        *((w, "MON") for w in _months()),
    ):
        out[word] = cls
    return out


@functools.cache
def _prefix_words() -> dict[str, str]:
    """Words that may open a date before its anchor (`গত`, `ওই একই`, `ছয়` in `গত ছয় মাসে`),
    each with its start class."""
    out = {w: "NUMW" for w in _numerals()}
    out["প্রথম"] = "NUMW"
    for r in table("calendar_words.tsv"):
        if r["role"] in ("yesterday", "tomorrow"):
            out[r["word"]] = "DAYREL"
        elif r["role"] in ("same", "current", "previous", "next", "new"):
            out[r["word"]] = "PREFIX"
    out["তার"] = "PREFIX"
    return {w: c for w, c in out.items() if " " not in w}


def _is_word_char(ch: str) -> bool:
    return ch.isalpha() or "\u0980" <= ch <= "\u09ff"


_DAY_RANGE_GAP = re.compile(r"[ ]*(?:-|থেকে|হতে)[ ]*[0-9]{1,2}(?![0-9])")


def _day_range_next(text: str, end: int, after_small: bytearray) -> bool:
    """`১৫ থেকে ২০ মার্চ`: the first day of a range, its month after the second day."""
    m = _DAY_RANGE_GAP.match(text, end)
    return m is not None and after_small.find(1, m.end(), m.end() + 6) >= 0


def _starts(text: str) -> dict[int, set[str]]:
    """Positions where a date may start, each with the rules to try there."""
    starts: dict[int, set[str]] = {}
    anchors: list[int] = []
    # Words after which a day or a count may stand (`৫ ডিসেম্বর`, `৬ মাস`).
    after_small = bytearray(len(text) + 8)
    find = text.find
    for word, cls in _anchor_words().items():
        i = find(word)
        while i >= 0:
            if i == 0 or not _is_word_char(text[i - 1]):
                starts.setdefault(i, set()).update(_START_RULES[cls])
                anchors.append(i)
                if cls in _AFTER_SMALL:
                    after_small[i] = 1
            i = find(word, i + 1)
    for m in _DIGITS.finditer(text):
        s, e = m.span()
        n = e - s
        if n in (3, 4):
            rules_here = set(_START_RULES["D4" if n == 4 else "D3"])
            nx = _year_next().match(text, e)
            if nx is not None and nx.lastgroup is not None:
                rules_here.update(_YEAR_NEXT_RULES[nx.lastgroup])
            if not rules_here:
                continue
            starts.setdefault(s, set()).update(rules_here)
        elif n <= 2 and (
            after_small.find(1, e, e + 6) >= 0 or _day_range_next(text, e, after_small)
        ):
            # a day or a count needs its month or unit right after it (or after
            # the second day of a range: `১৫ থেকে ২০ মার্চ`)
            starts.setdefault(s, set()).update(_START_RULES["D12"])
        else:
            continue
        anchors.append(s)
    prefix = _prefix_words()
    longest = max(map(len, prefix)) + 1
    for a in anchors:
        # Up to three opening words before the anchor (`ওই পরের একই বছর`).
        k = a
        for _ in range(3):
            if k == 0 or text[k - 1] != " ":
                break
            k -= 1
            while k > 0 and text[k - 1] == " ":
                k -= 1
            # The word before: at most `longest` characters back (a longer one is no prefix).
            wm = _LAST_WORD.search(text[max(0, k - longest) : k])
            if wm is None:
                break
            word = wm.group()
            pcls = prefix.get(word)
            if pcls is None:
                break
            k -= len(word)
            starts.setdefault(k, set()).update(_START_RULES[pcls])
    return starts


def _candidate(text: str, pos: int, end: int, name: str, order: int, g: _Groups) -> _Cand:
    if name == "count" and g["dir"] and g["dir"] != "শেষে" and not g["last"]:
        # `স্বাধীনতার এক বছর আগে`: the genitive names the event counted from
        nm = _NOUN_BEFORE.search(text, max(0, pos - 40), pos)
        if nm and len(nm.group(1)) > 2 and nm.group(1) not in _words("pronoun"):
            # (a pronoun, `তার দুই বছর পর`, names no event: the last date is the anchor)
            return _Cand(nm.start(1), end, name, order, g, nm.group(1))
    return _Cand(pos, end, name, order, g)


def _longest_first(text: str, cands: list[_Cand]) -> list[_Cand]:
    """Longest first, then the earlier rule; keep those that overlap nothing kept."""
    cands.sort(key=lambda c: (-(c.end - c.start), c.order, c.start))
    kept: list[_Cand] = []
    taken = bytearray(len(text))
    for c in cands:
        if not any(taken[c.start : c.end]):
            kept.append(c)
            taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    return sorted(kept, key=lambda c: c.start)


def _candidates(text: str) -> list[_Cand]:
    cands: list[_Cand] = []
    rules = _rule_map()
    for pos, names in _starts(text).items():
        for name in names:
            order, pat = rules[name]
            m = pat.match(text, pos)
            if m is not None and m.end() > pos:
                cands.append(_candidate(text, pos, m.end(), name, order, _Groups(m)))
    return _longest_first(text, cands)


def _candidates_by_scan(text: str) -> list[_Cand]:
    """Reference for tests: every rule tried at every position (slow)."""
    cands: list[_Cand] = []
    for order, (name, pat) in enumerate(_rules()):
        for pos in range(len(text)):
            m = pat.match(text, pos)
            if m is not None and m.end() > pos:
                cands.append(_candidate(text, pos, m.end(), name, order, _Groups(m)))
    return _longest_first(text, cands)


@functools.cache
def _rule_map() -> dict[str, tuple[int, re.Pattern[str]]]:
    return {name: (order, pat) for order, (name, pat) in enumerate(_rules())}


# ---------------------------------------------------------------- resolution


@dataclass(slots=True)
class _State:
    year: int | None = None  # the year in focus
    fy: int | None = None  # the fiscal year in focus (start year)
    fy_ctx: bool = False  # the last focus-setting date was fiscal
    cur_fy: int | None = None  # the current fiscal year ("চলতি")
    now: _D | None = None  # the present of the text (publication date or চলতি period)
    day: _D | None = None
    month: _D | None = None
    period: _Val | None = None  # the last stated interval (for একই সময়)
    spans: list[tuple[int, _Val]] = field(default_factory=list)  # (position, interval)
    # (start, end, point) of every date with a known year: anchors of counted time
    dated: list[tuple[int, int, _D]] = field(default_factory=list)


def _last_y(val: _Val) -> int | None:
    return val.b.y if val.b is not None else val.a.y


def _count(word: str | None) -> int | None:
    if word is None:
        return None
    if word.isdigit():
        return int(word)
    return _numerals().get(word)


def _month_year(st: _State, month: int) -> int | None:
    """The year of a month named without one, as a reader takes it from the context."""
    if st.fy_ctx and st.fy is not None:
        return _fy_month_year(st.fy, month)
    if st.year is not None:
        return st.year
    if st.now is not None and st.now.y is not None and st.now.m is not None:
        return st.now.y if month <= st.now.m else st.now.y - 1
    return None


def _last_month_year(st: _State, month: int) -> int | None:
    """`গত ডিসেম্বরে`: the latest such month before the present, else the focus."""
    if st.now is not None and st.now.y is not None and st.now.m is not None:
        return st.now.y if month < st.now.m else st.now.y - 1
    if st.fy_ctx and st.fy is not None:
        return _fy_month_year(st.fy, month)
    return st.year


def _day_year(st: _State, month: int, day: int) -> int | None:
    if st.fy_ctx and st.fy is not None:
        return _fy_month_year(st.fy, month)
    if st.year is not None:
        return st.year
    now = st.now
    if now is not None and now.y is not None and now.m is not None:
        if (month, day) <= (now.m, now.d or 31):
            return now.y
        return now.y - 1
    return None


def _valid_day(y: int | None, m: int, d: int) -> bool:
    return d <= calendar.monthrange(2000 if y is None else y, m)[1]


def _year2(y: int, y2s: str) -> int | None:
    """The second year of `২০২৩-২৪` / `১৯৫১-১৯৫২` (None if it does not follow the first)."""
    y2 = int(y2s) if len(y2s) == 4 else (y // 100) * 100 + int(y2s)
    if len(y2s) == 2 and y2 < y:
        y2 += 100
    return y2 if y < y2 <= y + 50 else None


def _edge_months(edge: str | None, count: str) -> tuple[int, int] | None:
    """`প্রথম তিন মাস` = months 1-3, `শেষ তিন মাস` = months 10-12 of a calendar year."""
    n = _count(count)
    if n is None or not 1 <= n <= 12:
        return None
    return (13 - n, 12) if edge == "শেষ" else (1, n)


def _part_months(word: str) -> tuple[int, int]:
    first, last = _word_values("part")[word].split("-")
    return int(first), int(last)


def _fy_part(fy: int | None, first: int, last: int) -> _Val:
    """Months first..last counted from July of fiscal year ``fy``."""
    m1 = (first + 5) % 12 + 1
    m2 = (last + 5) % 12 + 1
    return _Val(_D(_fy_month_year(fy, m1), m1), _D(_fy_month_year(fy, m2), m2))


def _next_day(d: _D) -> _D | None:
    if d.m is None or d.d is None:
        return None
    base = dt.date(2001 if d.y is None else d.y, d.m, d.d) + dt.timedelta(days=1)
    return _D(None if d.y is None else base.year, base.month, base.day)


class _Resolver:
    def __init__(self, text: str, doc_date: dt.date | None) -> None:
        self.text = text
        self.doc_date = doc_date
        self.st = _State()
        if doc_date is not None:
            self.st.now = _D(doc_date.year, doc_date.month, doc_date.day)
            self.st.cur_fy = _fy_of(doc_date)
        self._sent_starts: list[int] | None = None
        self.prev: tuple[_Cand, bool] | None = None

    # --- helpers
    @property
    def sent_starts(self) -> list[int]:
        """Sentence starts, computed only when a rule needs them."""
        if self._sent_starts is None:
            self._sent_starts = [s.start for s in sentences(self.text)]
        return self._sent_starts

    def _sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)

    def _is_comparison(self, c: _Cand) -> bool:
        if _GENITIVE_END.search(self.text, c.start, c.end) and _COMPARISON.match(self.text, c.end):
            return True
        if self.prev is not None and self.prev[1]:
            between = self.text[self.prev[0].end : c.start]
            if _RESTATE.match(between):
                return True
        return False

    def _focus(self, val: _Val, pos: int, fiscal: bool = False, fy: int | None = None) -> None:
        """A non-comparison date moves the narrative to its time."""
        st = self.st
        a, b = val.a, val.b
        last = b if b is not None else a
        if fiscal:
            st.fy_ctx = True
            if fy is not None:
                st.fy = fy
        elif a.y is not None or last.y is not None:
            st.fy_ctx = False
        if last.y is not None and not val.decade:
            st.year = last.y
        if b is None:
            if a.m is not None:
                st.month = _D(a.y, a.m)
            if a.d is not None:
                st.day = a
        else:
            st.period = val
            st.spans.append((pos, val))

    # --- the pass
    def resolve(self, cands: list[_Cand]) -> list[Found]:
        out: list[Found] = []
        for c in cands:
            res = self._one(c)
            if res is None:
                continue
            val, start, end = res
            if not all(0 <= d.y <= _MAX_YEAR for d in (val.a, val.b) if d is not None and d.y):
                continue  # `৯৯৯৭ সালের ... ছয় বছর পর`: a year EDTF cannot write is no date
            value = val.edtf()
            out.append(Found(start, end, "date", value))
            point = val.b if val.b is not None else val.a
            if (point.y is not None or point.m is not None) and not val.decade:
                self.st.dated.append((start, end, point))
        return out

    def _one(self, c: _Cand) -> tuple[_Val, int, int] | None:
        handler = getattr(self, f"_r_{c.rule}")
        comparison = self._is_comparison(c)
        res: tuple[_Val, bool, int | None, bool] | None = handler(c)
        # handler -> (value, fiscal, fy, is_reference_to_previous)
        if res is None:
            return None
        val, fiscal, fy, previous = res
        if c.rule in _YEARLESS and self.st.fy_ctx:
            fiscal = True  # a month of the fiscal year in focus keeps it in focus
        comparison = comparison or previous
        if not comparison:
            self._focus(val, c.start, fiscal, fy)
        self.prev = (c, comparison)
        return val, c.start, c.end

    # --- rules: each returns (value, fiscal, fy start, refers-to-previous) or None
    def _r_ymd(self, c: _Cand) -> tuple[_Val, bool, int | None, bool] | None:
        y, mon, d = int(c.m["y"]), _months()[c.m["mon"]], int(c.m["d"])
        if not _valid_day(y, mon, d):
            return None
        return _Val(_D(y, mon, d)), False, None, False

    _r_dmy = _r_ymd
    _r_mdy = _r_ymd

    def _r_ym(self, c: _Cand) -> tuple[_Val, bool, int | None, bool] | None:
        y, mon = int(c.m["y"]), _months()[c.m["mon"]]
        if c.m["mon2"]:
            # `২০২৪ সালের জানুয়ারি-জুন`: months of the stated year, one interval
            mon2 = _months()[c.m["mon2"]]
            if mon2 <= mon:
                return None
            return _Val(_D(y, mon), _D(y, mon2)), False, None, False
        return _Val(_D(y, mon)), False, None, False

    _r_my = _r_ym

    def _r_wdm(self, c: _Cand) -> tuple[_Val, bool, int | None, bool] | None:
        mon, d = _months()[c.m["mon"]], int(c.m["d"])
        if not _valid_day(None, mon, d):
            return None
        y = _day_year(self.st, mon, d)
        return _Val(_D(y, mon, d)), False, None, False

    def _r_dm(self, c: _Cand) -> tuple[_Val, bool, int | None, bool] | None:
        mon, d = _months()[c.m["mon"]], int(c.m["d"])
        now = self.st.now
        if c.m["rel"] in ("গত", "আগামী") and now is not None and now.y is not None:
            # `গত ১৫ মার্চ`: the latest such day before the present (`আগামী`: the next one)
            if not _valid_day(None, mon, d):
                return None
            past = (mon, d) < (now.m or 12, now.d or 31)
            if c.m["rel"] == "গত":
                y = now.y if past else now.y - 1
            else:
                y = now.y + 1 if past else now.y
            if not _valid_day(y, mon, d):
                return None
            return _Val(_D(y, mon, d)), False, None, False
        return self._r_wdm(c)

    def _r_drange(self, c: _Cand) -> tuple[_Val, bool, int | None, bool] | None:
        mon, d, d2 = _months()[c.m["mon"]], int(c.m["d"]), int(c.m["d2"])
        if c.m["y"] and c.m["y2"]:
            return None  # two years for one range of days
        given = c.m["y"] or c.m["y2"]
        y = int(given) if given else _day_year(self.st, mon, d)
        if not (d < d2 and _valid_day(y, mon, d2)):
            return None
        # A range without a year, read in a fiscal year, keeps that fiscal year in focus.
        return _Val(_D(y, mon, d), _D(y, mon, d2)), not given and self.st.fy_ctx, None, False

    def _r_partref(self, c: _Cand) -> tuple[_Val, bool, int | None, bool] | None:
        st = self.st
        if _NOUN_BEFORE.search(self.text, max(0, c.start - 40), c.start):
            return None  # `খেলার প্রথমার্ধে`: a part of something else, not of the year
        first, last = _part_months(c.m["part"])
        if st.fy is not None and (st.fy_ctx or st.year in (st.fy, st.fy + 1)):
            # A text that counts in fiscal years counts its quarters in them too,
            # while the narrative stays within the fiscal year in focus.
            return _fy_part(st.fy, first, last), True, st.fy, False
        if st.year is None:
            return None  # no year to be a part of
        return _Val(_D(st.year, first), _D(st.year, last)), False, None, False

    def _r_ymrange(self, c: _Cand) -> tuple[_Val, bool, int | None, bool] | None:
        y, y2 = int(c.m["y"]), int(c.m["y2"])
        m1, m2 = _months()[c.m["mon"]], _months()[c.m["mon2"]]
        if not (y, m1) < (y2, m2) or y2 - y > 50:
            return None
        return _Val(_D(y, m1), _D(y2, m2)), False, None, False

    def _r_md(self, c: _Cand) -> tuple[_Val, bool, int | None, bool] | None:
        return self._r_wdm(c)

    def _r_mdays(self, c: _Cand) -> tuple[_Val, bool, int | None, bool] | None:
        mon, n = _months()[c.m["mon"]], _count(c.m["n"])
        if n is None or not 1 <= n <= 31 or not _valid_day(None, mon, n):
            return None
        y = _month_year(self.st, mon)
        if c.m["cur"] and self.st.now is not None and self.st.now.m == mon:
            y = self.st.now.y
        val = _Val(_D(y, mon, 1), _D(y, mon, n))
        if c.m["cur"]:
            self.st.now = _D(y, mon, n)
        return val, False, None, False

    def _r_mrange(self, c: _Cand) -> tuple[_Val, bool, int | None, bool] | None:
        m1, m2 = _months()[c.m["mon"]], _months()[c.m["mon2"]]
        st = self.st
        if st.fy_ctx and st.fy is not None and (m1 >= 7 or m1 <= m2):
            y1, y2 = _fy_month_year(st.fy, m1), _fy_month_year(st.fy, m2)
        elif c.m["rel"] == "গত":
            y2 = _last_month_year(st, m2)
            y1 = None if y2 is None else (y2 if m1 <= m2 else y2 - 1)
        else:
            y2 = _month_year(st, m2)
            y1 = None if y2 is None else (y2 if m1 <= m2 else y2 - 1)
        if m1 > m2 and y1 is None:
            return None
        d2 = int(c.m["d2"]) if c.m["d2"] else None
        if d2 is not None and not _valid_day(y2, m2, d2):
            return None
        return _Val(_D(y1, m1), _D(y2, m2, d2)), False, None, False

    def _r_month(self, c: _Cand) -> tuple[_Val, bool, int | None, bool] | None:
        word = c.m["mon"]
        mon = _months()[word]
        if len(word) <= 2 and not (c.m["mw"] or c.m["rel"] or c.m["rm"]):
            return None  # `মে` alone is too short a word to trust
        if c.m["rel"] in ("গত", "বিগত"):
            y = _last_month_year(self.st, mon)
        elif c.m["rel"] == "আগামী":
            y = None
            if self.st.now is not None and self.st.now.y is not None and self.st.now.m is not None:
                y = self.st.now.y if mon > self.st.now.m else self.st.now.y + 1
        else:
            y = _month_year(self.st, mon)
        return _Val(_D(y, mon)), False, None, False

    def _r_named(self, c: _Cand) -> tuple[_Val, bool, int | None, bool] | None:
        mon = int(_word_values("named_month")[c.m["named"]])
        return _Val(_D(_month_year(self.st, mon), mon)), False, None, False

    def _r_year(self, c: _Cand) -> tuple[_Val, bool, int | None, bool] | None:
        y = int(c.m["y"])
        if y < 100:
            return None
        if c.m["part"]:
            first, last = _part_months(c.m["part"])
            return _Val(_D(y, first), _D(y, last)), False, None, False
        if c.m["n"]:
            months = _edge_months(c.m["edge"], c.m["n"])
            if months is None:
                return None
            return _Val(_D(y, months[0]), _D(y, months[1])), False, None, False
        if c.m["samem"]:
            # `২০২৩ সালের একই মাসে`: the month in focus, in the stated year (a comparison)
            month = self.st.month
            if month is None or month.m is None:
                return None
            return _Val(_D(y, month.m)), False, None, True
        if c.m["yend"]:
            # `২০২৩ সালের শেষে`: the end of a stated year is its December (`বছর শেষে`)
            return _Val(_D(y, 12)), False, None, False
        return _Val(_D(y)), False, None, False

    def _r_bdate(self, c: _Cand) -> tuple[_Val, bool, int | None, bool] | None:
        bmon, d = _bengali_months()[c.m["bmon"]], int(c.m["d"])
        if not c.m["y"]:
            return None  # without a Bengali year there is no Gregorian value
        by = int(c.m["y"])
        if not _writable_bengali_year(by):
            return None  # no Gregorian (EDTF) year for it
        try:
            g = bengali_to_gregorian(by, bmon, d)
        except ValueError:
            return None
        return _Val(_D(g.year, g.month, g.day)), False, None, False

    def _r_byear(self, c: _Cand) -> tuple[_Val, bool, int | None, bool] | None:
        by = int(c.m["y"])
        if not _writable_bengali_year(by):
            return None  # no Gregorian (EDTF) year for it
        if c.m["bmon"]:
            bmon = _bengali_months()[c.m["bmon"]]
            first = bengali_to_gregorian(by, bmon, 1)
            last = bengali_to_gregorian(by, bmon, bengali_month_days(by, bmon))
        else:
            first = bengali_to_gregorian(by, 1, 1)
            last = bengali_to_gregorian(by, 12, 30)
        return (
            _Val(_D(first.year, first.month, first.day), _D(last.year, last.month, last.day)),
            False,
            None,
            False,
        )

    _r_bmy = _r_byear

    def _r_yrange(self, c: _Cand) -> tuple[_Val, bool, int | None, bool] | None:
        y = int(c.m["y"])
        y2 = _year2(y, c.m["y2"])
        if y2 is None or not 1000 <= y <= 2199:
            return None
        if _after_amount().match(self.text, c.end):
            return None
        return _Val(_D(y), _D(y2)), False, None, False

    _r_ybetween = _r_yrange

    def _r_ythrough(self, c: _Cand) -> tuple[_Val, bool, int | None, bool] | None:
        y, y2 = int(c.m["y"]), int(c.m["y2"])
        if not (1000 <= y < y2 <= 2199):
            return None  # the translation names the later year first
        return _Val(_D(y), _D(y2)), False, None, False

    def _r_decade(self, c: _Cand) -> tuple[_Val, bool, int | None, bool] | None:
        y = int(c.m["y"])
        if y % 10:
            return None
        return _Val(_D(y), decade=True), False, None, False

    def _r_decw(self, c: _Cand) -> tuple[_Val, bool, int | None, bool] | None:
        return (
            _Val(_D(int(_word_values("decade_word")[c.m["decw"]]) * 10), decade=True),
            False,
            None,
            False,
        )

    def _r_fy(self, c: _Cand) -> tuple[_Val, bool, int | None, bool] | None:
        st, m = self.st, c.m
        det = m["det"]
        previous = False
        if m["y"]:
            y = int(m["y"])
            if m["y2"]:
                y2 = _year2(y, m["y2"])
                if y2 != y + 1:
                    return None
                fy: int | None = y
            else:
                fy = y - 1  # a fiscal year named by one year ends in it
        elif m["py"]:
            # `গত অর্থবছরে (২০২৩-২৪)`: the restated years name it; `গত` also
            # places the present in the fiscal year after it.
            py = int(m["py"])
            if _year2(py, m["py2"]) != py + 1:
                return None
            fy = py
            if det == "গত" and st.cur_fy is None:
                st.cur_fy = py + 1
            elif det in ("চলতি", "বর্তমান"):
                st.cur_fy = py
            det = None
        elif det in ("চলতি", "বর্তমান"):
            fy = st.cur_fy
        elif det == "গত" and st.cur_fy is not None and not m["same"]:
            # `গত অর্থবছরে` after `চলতি ২০২৪-২৫ অর্থবছরে`: the year before the
            # present, named as the frame of what follows (`একই অর্থবছরে` = it).
            fy = st.cur_fy - 1
        elif det in ("গত", "আগের", "বিগত"):
            base = st.cur_fy if det == "গত" and st.cur_fy is not None else st.fy
            if base is None:
                base = st.cur_fy
            fy = None if base is None else base - 1
            previous = True
        elif det in ("পরের", "আগামী", "পরবর্তী"):
            base = st.fy if det == "পরের" else st.cur_fy
            fy = None if base is None else base + 1
        else:
            fy = st.fy if st.fy is not None else st.cur_fy
        if m["y"] and det in ("চলতি", "বর্তমান"):
            st.cur_fy = fy
        val: _Val | None
        if m["part"]:
            first, last = _part_months(m["part"])
            val = _fy_part(fy, first, last)
        elif m["n"]:
            n = _count(m["n"])
            if n is None or not 1 <= n <= 12 or fy is None:
                return None
            val = _fy_part(fy, 1, n)
        elif m["same"]:
            if st.period is None:
                return None
            # `আগের অর্থবছরের একই সময়ে`: the last stated period, a year earlier.
            val = st.period.shift_years(-1) if previous else st.period
            return val, True, None, True
        elif m["mon"]:
            m1, m2 = _months()[m["mon"]], _months()[m["mon2"]]
            d2 = int(m["d2"]) if m["d2"] else None
            y2 = _fy_month_year(fy, m2)
            if d2 is not None and not _valid_day(y2, m2, d2):
                return None
            val = _Val(_D(_fy_month_year(fy, m1), m1), _D(y2, m2, d2))
        elif m["mon1"]:
            m1 = _months()[m["mon1"]]
            val = _Val(_D(_fy_month_year(fy, m1), m1))
        else:
            if fy is None or (det is None and not m["y"] and not m["py"]):
                return None  # `অর্থবছর হিসাবে`: the word alone names no year
            val = _fy(fy)
        if m["pm"] and val.b is None and fy is None:
            return None
        if det in ("চলতি", "বর্তমান") and val.b is not None and val.b.m is not None:
            end = val.b
            if end.d is not None:
                self.st.now = _next_day(end) or end
            else:
                nm = end.m % 12 + 1 if end.m is not None else None
                ny = None if end.y is None else (end.y + 1 if end.m == 12 else end.y)
                self.st.now = _D(ny, nm)
        return val, True, fy, previous

    def _r_ylist(self, c: _Cand) -> tuple[_Val, bool, int | None, bool] | None:
        return _Val(_D(int(c.m["y"]))), False, None, False

    def _r_bare(self, c: _Cand) -> tuple[_Val, bool, int | None, bool] | None:
        y = int(c.m["y"])
        if not 1800 <= y <= 2099 or y % 100 == 0:
            return None  # round hundreds alone are more often counts than years
        if _after_amount().match(self.text, c.end):
            return None
        before = self.text[max(0, c.start - 12) : c.start]
        if _before_label().search(before):
            return None
        # A digit string that continues (a phone number, a code) is not a year.
        if _CONTINUES.match(self.text, c.end):
            return None
        if not _bare_year_context(self.text, c.start, c.end):
            return None  # `২০১৮ গাড়ি`: a number with no date context is a count
        return _Val(_D(y)), False, None, False

    def _r_yref(self, c: _Cand) -> tuple[_Val, bool, int | None, bool] | None:
        st, m = self.st, c.m
        det, rel = m["det"], m["rel"]
        same = bool(m["same1"]) or det in ("ওই", "ঐ", "সে", "সেই", "এ", "এই", "তার", "পুরো")
        now_y = st.now.y if st.now is not None else None
        previous = False
        fiscal = False
        y: int | None
        if rel in ("পরের", "পরবর্তী"):
            y = None if st.year is None else st.year + 1
            if rel == "পরের" and det is None and not m["part"] and not m["mon"] and y is None:
                return None
        elif rel in ("আগের",):
            if (
                st.fy_ctx
                and st.fy is not None
                and not m["mon"]
                and not m["part"]
                and not m["same"]
                and not m["samem"]
                and not m["n"]
            ):
                return _fy(st.fy - 1), True, None, True
            y = None if st.year is None else st.year - 1
            previous = True
        elif rel in ("গত", "বিগত"):
            y = None if now_y is None else now_y - 1
            previous = True
        elif rel in ("আগামী", "নতুন"):
            y = None if now_y is None else now_y + 1
        elif rel == "চলতি" or det == "চলতি":
            # `চলতি বছর` is the year of publication: the narrative's year is not it.
            y = now_y
        elif same:
            y = st.year if st.year is not None else now_y
        else:
            y = st.year
        if m["same"]:
            if st.period is None:
                return None
            if rel in ("গত", "আগের", "বিগত"):
                return st.period.shift_years(-1), fiscal, None, True
            return st.period, fiscal, None, True
        if m["samem"]:
            # `আগের বছরের একই মাসের`: the month in focus, in the year referred to
            month = st.month
            if month is None or month.m is None:
                return None
            if rel in ("আগের", "গত", "বিগত"):
                y = None if month.y is None else month.y - 1
            elif same:
                y = month.y
            return _Val(_D(y, month.m)), False, None, True
        if m["part"]:
            first, last = _part_months(m["part"])
            return _Val(_D(y, first), _D(y, last)), False, None, previous
        if m["n"]:
            months = _edge_months(m["edge"], m["n"])
            if months is None:
                return None
            return _Val(_D(y, months[0]), _D(y, months[1])), False, None, previous
        if m["d"]:
            mon, d = _months()[m["mon"]], int(m["d"])
            if not _valid_day(y, mon, d):
                return None
            return _Val(_D(y, mon, d)), False, None, previous
        if m["end"]:
            return _Val(_D(y, 12)), False, None, previous
        if m["mon"]:
            mon = _months()[m["mon"]]
            return _Val(_D(y, mon)), False, None, previous
        if y is None:
            return None
        if rel is None and not same and det is None:
            return None
        return _Val(_D(y)), False, None, previous

    def _r_mref(self, c: _Cand) -> tuple[_Val, bool, int | None, bool] | None:
        st, det = self.st, c.m["det"]
        if det in ("গত", "আগের", "পরের", "আগামী", "চলতি"):
            base = st.now if det in ("গত", "চলতি", "আগামী") else st.month
            if base is None or base.m is None:
                return None
            step = {"গত": -1, "আগের": -1, "পরের": 1, "আগামী": 1, "চলতি": 0}[det]
            idx = base.m - 1 + step
            y = None if base.y is None else base.y + idx // 12
            return _Val(_D(y, idx % 12 + 1)), False, None, det != "পরের"
        if st.month is None:
            return None
        if c.m["d"]:
            # `একই মাসের ১৬ তারিখে`: a day of the month in focus
            d = int(c.m["d"])
            if st.month.m is None or not _valid_day(st.month.y, st.month.m, d):
                return None
            return _Val(_D(st.month.y, st.month.m, d)), False, None, False
        return _Val(st.month), False, None, False

    def _r_dref(self, c: _Cand) -> tuple[_Val, bool, int | None, bool] | None:
        day = self.st.day
        if day is None:
            return None
        if c.m["dw"] in _words("next_day"):
            nxt = _next_day(day)
            if nxt is None:
                return None
            return _Val(nxt), False, None, False
        return _Val(day), False, None, False

    def _r_count(self, c: _Cand) -> tuple[_Val, bool, int | None, bool] | None:
        st, m = self.st, c.m
        n = _count(m["n"])
        if n is None or n <= 0:
            return None
        unit, direction, noun = m["unit"], m["dir"], c.noun
        if m["first"]:
            # `প্রথম ছয় মাসে`: the first months of the (fiscal) year in focus
            if unit != "মাস" or noun or direction not in (None, "শেষে") or not 1 <= n <= 12:
                return None
            if st.fy_ctx and st.fy is not None:
                return _fy_part(st.fy, 1, n), True, st.fy, False
            if st.year is None:
                return None
            return _Val(_D(st.year, 1), _D(st.year, n)), False, None, False
        bare_span = direction is None and unit == "মাস" and _LOC_OR_GEN.search(m["unit"] + m["suf"])
        if m["last"] or direction == "শেষে" or bare_span:
            # `গত ছয় মাসে`, `ছয় মাস শেষে`, `ছয় মাসে`: the stated period of that length
            if noun or unit not in ("মাস", "বছর"):
                return None
            spans = st.spans if (m["last"] or direction) else st.spans[-1:]
            for _pos, span in reversed(spans):
                length = span.months() if unit == "মাস" else span.years()
                if length == n:
                    if not (m["last"] or direction) and st.year not in (span.a.y, _last_y(span)):
                        return None  # the narrative has moved on to another year
                    return span, False, None, True
            return None
        if direction is None:
            return None
        sign = -1 if direction in ("আগে", "পূর্বে") else 1
        anchor = self._anchor(c, noun)
        if anchor is None or (anchor.y is None and unit in ("বছর", "দশক")):
            return None
        if unit in ("বছর", "দশক"):
            assert anchor.y is not None
            years = n * 10 if unit == "দশক" else n  # `এক দশক পর`
            return _Val(_D(anchor.y + sign * years)), False, None, False
        if unit == "মাস":
            if anchor.m is None:
                return None
            idx = anchor.m - 1 + sign * n
            y = None if anchor.y is None else anchor.y + idx // 12
            return _Val(_D(y, idx % 12 + 1)), False, None, False
        if anchor.m is None or anchor.d is None:
            return None
        days = n * (7 if unit == "সপ্তাহ" else 1)
        base = dt.date(2001 if anchor.y is None else anchor.y, anchor.m, anchor.d)
        try:
            moved = base + dt.timedelta(days=sign * days)
        except OverflowError:
            return None
        if anchor.y is None and moved.year != base.year:
            return None  # the year it crosses into is unknown
        y2 = None if anchor.y is None else moved.year
        return _Val(_D(y2, moved.month, moved.day)), False, None, False

    def _anchor(self, c: _Cand, noun: str | None) -> _D | None:
        """The dated event a counted time points back to (`ছয় মাস পর`, `স্বাধীনতার এক বছর আগে`)."""
        here = self._sentence_of(c.start)
        for s, e, point in reversed(self.st.dated):
            if e > c.start:
                continue
            sent = self._sentence_of(s)
            if sent == here:
                if noun is not None and c.start - e <= 1:
                    return point  # `২০০৮ সালের নির্বাচনের পাঁচ বছর পর`: the date names the event
                if not _CLAUSE_BREAK.search(self.text, e, c.start):
                    # `২০২০ সালে ছয় বছর পর ফেরেন`: in one clause the date is when the
                    # count ends, and the count is a duration
                    return None
            if noun is None:
                return point if here - sent <= 2 else None
            s0 = self.sent_starts[sent]
            s1 = self.sent_starts[sent + 1] if sent + 1 < len(self.sent_starts) else len(self.text)
            stem = noun[: max(3, len(noun) - 1)]
            if sent < here and noun[:-1] and stem in self.text[s0:s1]:
                return point
        return None

    def _r_wday(self, c: _Cand) -> tuple[_Val, bool, int | None, bool] | None:
        if self.doc_date is None:
            return None
        wd = _weekdays()[c.m["wd"]]
        rel = c.m["wrel"]
        base = self.doc_date
        if rel in ("আগামী", "আগামীকাল"):
            delta = (wd - base.weekday()) % 7 or 7
            day = base + dt.timedelta(days=delta)
        else:
            delta = (base.weekday() - wd) % 7
            if rel == "গত" and delta == 0:
                delta = 7
            day = base - dt.timedelta(days=delta)
        # Read from the publication date, not the text: the narrative keeps its focus.
        return _Val(_D(day.year, day.month, day.day)), False, None, True


def _headline_end(text: str) -> int:
    """End of a headline: the first line when a blank line follows it (else 0)."""
    m = _HEADLINE.match(text)
    return m.end() if m else 0


# `রোববার (২৮ ডিসম্বের)`: a day in parentheses, as news gives its date line.
_PAREN_DAY_WORD = re.compile(rf"\([ ]*\d{{1,2}}[ ]+({_LETTER}+)[ ]*\)")


def _mend_month_typos(text: str) -> str:
    """The text with a misspelt month in a parenthesized day (`(২৮ ডিসম্বের)`, two
    letters swapped) replaced by the month it can only be: a month name of the same
    length with the same letters or one letter different. Offsets do not move."""
    out: list[str] = []
    pos = 0
    for m in _PAREN_DAY_WORD.finditer(text):
        word = m.group(1)
        fix = None if word in _months() else _month_like(word)
        if fix is not None:
            out += [text[pos : m.start(1)], fix]
            pos = m.end(1)
    return "".join([*out, text[pos:]]) if out else text


@functools.lru_cache(maxsize=256)
def _month_like(word: str) -> str | None:
    if len(word) < _MIN_MENDED:
        return None
    near = {
        name
        for name in _months()
        if len(name) == len(word)
        and (
            sorted(name) == sorted(word)
            or sum(a != b for a, b in zip(name, word, strict=True)) == 1
        )
    }
    return near.pop() if len(near) == 1 else None


_MIN_MENDED = 4  # shorter words are too close to each other to mend


def find_dates(text: str, doc_date: dt.date | None = None) -> list[Found]:
    """Date mentions of a normalized text (kind "date", EDTF values), in order."""
    text = _mend_month_typos(text)
    cands = _candidates(text)
    head = _headline_end(text)
    out: list[Found] = []
    if head:
        # The headline is read on its own: it cannot borrow the body's dates,
        # and the body starts fresh (a headline restates the body's news).
        out += _Resolver(text, doc_date).resolve([c for c in cands if c.end <= head])
        out += _Resolver(text, doc_date).resolve([c for c in cands if c.start >= head])
    else:
        out = _Resolver(text, doc_date).resolve(cands)
    return sorted(out, key=lambda f: (f.start, -f.end))
