"""Country names, aliases, adjectives and capitals -> ISO 3166-1 alpha-2.

Names come from CLDR (``babel.Locale("bn").territories``, NFC-normalized: CLDR
spells `য়` precomposed, the canonical text has it decomposed) plus
``lang/bn/country_aliases.tsv`` (spelling variants, adjectives and demonyms,
capitals, and blocking phrases such as `মার্কিন ডলার` that contain a country
word but name no country). A name matches only as a whole word, optionally
followed by a case ending from ``suffixes.tsv``; the ending gives the form.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter

import regex

from extractor.matches import CountryMatch
from extractor.records import country_codes
from extractor.resources import suffixes, table, trie

ALIASES = "country_aliases.tsv"
_BLOCK = "-"

# Letters and marks: a name must not touch them (whole words only, so a person's
# name or `চীনামাটি` does not count).
_WORD_CHAR = r"[\p{L}\p{M}]"


@functools.cache
def _names() -> dict[str, tuple[str, str]]:
    """NFC name -> (code, kind); kind is "name", "alias", "adj", "city" or "block"."""
    from babel import Locale

    valid = country_codes()
    names: dict[str, tuple[str, str]] = {}
    for code, name in Locale("bn").territories.items():
        if not (isinstance(code, str) and len(code) == 2 and code in valid):
            continue
        nfc = unicodedata.normalize("NFC", name)
        # `মায়ানমার (বার্মা)`: the part outside the parentheses is the name.
        nfc = regex.sub(r"\s*\(.*?\)", "", nfc).strip()
        names[nfc] = (code, "name")
    for row in table(ALIASES):
        names[row["name"]] = (row["code"], row["kind"])
    return names


@functools.cache
def _pattern() -> regex.Pattern[str]:
    # `\b` (a word start: letters, marks and digits count as word characters) is
    # much cheaper than a look-behind at every position; the trie avoids retrying
    # hundreds of names there.
    return regex.compile(
        rf"\b(?P<name>{trie(list(_names()))})"
        rf"(?P<suf>(?:{trie(suffixes())})?)(?!{_WORD_CHAR})"
    )


_GEN_END = ("র", "রও", "রই")
_LOC_END = ("ে", "এ", "-এ", "য়", "য়ে", "তে", "েই", "য়েই", "তেই", "েও", "য়ও", "তেও")


def _form(suffix: str, kind: str) -> str:
    if suffix.startswith("কে"):
        return "obj"
    if suffix.endswith(_GEN_END):
        return "gen"
    if suffix in _LOC_END:
        return "loc"
    if kind == "adj" and not suffix:
        return "adj"
    return "base"


def find_countries(text: str) -> list[CountryMatch]:
    """Country references in a normalized text, in order."""
    names = _names()
    out: list[CountryMatch] = []
    for m in _pattern().finditer(text):
        code, kind = names[m.group("name")]
        if code == _BLOCK:
            continue
        out.append(CountryMatch(m.start(), m.end(), code, _form(m.group("suf"), kind)))
    return out


def kind_of(text: str, match: CountryMatch) -> str:
    """How a match names its country: "name", "alias", "adj" or "city"."""
    m = _pattern().match(text, match.start)
    if m is None:
        return "name"
    return _names()[m.group("name")][1]


def main_country(text: str, matches: list[CountryMatch]) -> str | None:
    """The article's main country: the most often named (ties: named first).

    Bengali-language news with no country named at all is about Bangladesh,
    the home economy of the Bengali press (`দেশের রপ্তানি` in a Dhaka paper).
    """
    ranked = main_countries(matches)
    if ranked:
        return ranked[0]
    return "BD" if text.strip() else None


def main_countries(matches: list[CountryMatch]) -> list[str]:
    """Countries by how often the article names them (ties: named first)."""
    counts = Counter(m.code for m in matches)
    first: dict[str, int] = {}
    for m in matches:
        first.setdefault(m.code, m.start)
    return sorted(counts, key=lambda c: (-counts[c], first[c]))
