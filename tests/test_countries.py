"""Country references: CLDR names, aliases, adjectives, capitals, case endings."""

from __future__ import annotations

import unicodedata

import pytest
from babel import Locale
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.countries import find_countries, main_country
from extractor.text import normalize

CASES = [
    ("ভুটানের রাজা এলেন।", "ভুটানের", "BT", "gen"),
    ("প্রতিনিধিদল নেপালে পৌঁছায়।", "নেপালে", "NP", "loc"),
    ("তারা কানাডাতে থাকে।", "কানাডাতে", "CA", "loc"),
    ("সরকার জাপানকে ধন্যবাদ জানায়।", "জাপানকে", "JP", "obj"),
    ("কেনিয়া নতুন নীতি নেয়।", "কেনিয়া", "KE", "base"),
    ("মার্কিন কর্মকর্তারা বললেন।", "মার্কিন", "US", "adj"),
    ("যুক্তরাষ্ট্রের বাজার বড়।", "যুক্তরাষ্ট্রের", "US", "gen"),
    ("ব্রিটেনের সংসদ বসে।", "ব্রিটেনের", "GB", "gen"),
    ("মিশরের পিরামিড দেখা হলো।", "মিশরের", "EG", "gen"),
    ("সোভিয়েত ইউনিয়ন ভেঙে যায়।", "সোভিয়েত ইউনিয়ন", "SU", "base"),
    ("প্রতিনিধিরা বেইজিংয়ে যান।", "বেইজিংয়ে", "CN", "loc"),
    ("মালেশিয়ার পাম তেল।", "মালেশিয়ার", "MY", "gen"),
    # press spellings that CLDR (বাহারিন, কোট ডি‘আইভোর) does not have
    ("বাহরাইনের রাজা এলেন।", "বাহরাইনের", "BH", "gen"),
    ("আইভরি কোস্ট কোকো রপ্তানি করে।", "আইভরি কোস্ট", "CI", "base"),
]


@pytest.mark.parametrize(("text", "word", "code", "form"), CASES)
def test_country(text: str, word: str, code: str, form: str) -> None:
    nt = normalize(text)
    found = find_countries(nt.text)
    assert [(nt.text[m.start : m.end], m.code, m.form) for m in found] == [
        (normalize(word).text, code, form)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "দাম ১০ মার্কিন ডলার।",  # a currency, not a country
        "চীনামাটির বাসন কেনা হলো।",  # a word that contains a country name
        "জাহাজটি ভারত মহাসাগরে ছিল।",  # an ocean
        "খেলোয়াড়রা নতুন জার্সি পেল।",  # a shirt
    ],
)
def test_not_a_country(text: str) -> None:
    assert find_countries(normalize(text).text) == []


def test_precomposed_ya_matches() -> None:
    # News sites write U+09DF; the canonical text holds য + nukta.
    raw = "মালয়েশিয়ায় সম্মেলন হয়।".replace("য়", "\u09df")
    assert [m.code for m in find_countries(normalize(raw).text)] == ["MY"]


def test_main_country_defaults_to_bangladesh() -> None:
    assert main_country("রপ্তানি বেড়েছে।", []) == "BD"
    text = normalize("কেনিয়া ও উগান্ডা। কেনিয়ার অর্থনীতি।").text
    assert main_country(text, find_countries(text)) == "KE"


_NAMES = sorted(
    (code, unicodedata.normalize("NFC", name))
    for code, name in Locale("bn").territories.items()
    if code in {"OM", "MY", "IN", "PK", "NP", "LK", "TH", "VN", "DE", "FR", "BR", "AR"}
)


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(_NAMES),
    st.sampled_from([("", "base"), ("ের", "gen"), ("কে", "obj"), ("তে", "loc")]),
)
def test_cldr_name_with_ending(pair: tuple[str, str], ending: tuple[str, str]) -> None:
    code, name = pair
    suffix, form = ending
    text = f"গতকাল {name}{suffix} খবর এলো।"
    found = find_countries(normalize(text).text)
    assert [(m.code, m.form) for m in found] == [(code, form)]


DEMONYMS = [
    ("উজবেক তুলাচাষিরা মিছিল করেন।", "উজবেক", "UZ"),
    ("কাজাখ নেতারা বৈঠকে বসেন।", "কাজাখ", "KZ"),
    ("ইন্দোনেশীয় মুদ্রা দুর্বল হয়।", "ইন্দোনেশীয়", "ID"),
    ("থাই চালের দাম বাড়ে।", "থাই", "TH"),
    ("ভিয়েতনামি কোম্পানি কারখানা খোলে।", "ভিয়েতনামি", "VN"),
    ("ডাচ বণিকেরা বন্দরে আসেন।", "ডাচ", "NL"),
    ("কেনীয় দৌড়বিদ জয়ী হন।", "কেনীয়", "KE"),
]


@pytest.mark.parametrize(("text", "word", "code"), DEMONYMS)
def test_demonym_is_an_adjective_of_its_country(text: str, word: str, code: str) -> None:
    nt = normalize(text)
    found = find_countries(nt.text)
    assert [(nt.text[m.start : m.end], m.code, m.form) for m in found] == [
        (normalize(word).text, code, "adj")
    ]


def test_demonym_adjectives_and_historic_names() -> None:
    text = "আলজেরীয় নেতা, তিউনিসীয় গ্রাম, কিউবান সরকার, উত্তর ভিয়েতনাম ও ইরানী প্রতিনিধি"
    assert [c.code for c in find_countries(normalize(text).text)] == ["DZ", "TN", "CU", "VN", "IR"]
