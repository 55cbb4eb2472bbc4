"""Dated events from hand-built date mentions (texts written for this project)."""

from __future__ import annotations

from _records_helpers import mention
from extractor.countries import find_countries
from extractor.events import find_events
from extractor.matches import Found
from extractor.records import Event
from extractor.text import normalize, sentences


def _events(text: str, dates: list[tuple[str, str]]) -> list[Event]:
    nt = normalize(text)
    found: list[Found] = sorted(
        (mention(nt, piece, "date", value) for piece, value in dates), key=lambda f: f.start
    )
    return find_events(nt, sentences(nt.text), found, find_countries(nt.text))


def _keys(evs: list[Event]) -> list[tuple[str, str, list[str], str | None]]:
    return [(e.type, e.date, e.participants, e.actor) for e in evs]


def test_relations_and_mission() -> None:
    text = (
        "১৯৭২ সালে নেপাল ও ভুটানের মধ্যে কূটনৈতিক সম্পর্ক স্থাপিত হয়। একই বছর ভুটান কাঠমান্ডুতে তাদের দূতাবাস স্থাপন করে।"
    )
    got = _events(text, [("১৯৭২ সালে", "1972"), ("একই বছর", "1972")])
    assert _keys(got) == [
        ("relations_established", "1972", ["BT", "NP"], None),
        ("mission_opened", "1972", ["BT", "NP"], "BT"),
    ]
    assert text[got[0].start : got[0].end] == got[0].text


def test_agreement_both_spellings_and_pair() -> None:
    text = (
        "কেনিয়া ও উগান্ডা প্রতিবেশী। ২০০১ সালে কেনিয়া ও উগান্ডার মধ্যে একটি প্রটোকল স্বাক্ষরিত হয়। "
        "২০০৪ সালে এই দুই দেশ একটি বাণিজ্য চুক্তি সাক্ষর করে।"
    )
    got = _events(text, [("২০০১ সালে", "2001"), ("২০০৪ সালে", "2004")])
    assert _keys(got) == [
        ("agreement_signed", "2001", ["KE", "UG"], None),
        ("agreement_signed", "2004", ["KE", "UG"], None),
    ]


def test_unilateral_act_by_two_subjects_gives_two_records() -> None:
    text = "১৯৯০ সালের ৩ মার্চ নেপাল ও ভুটান নামিবিয়াকে স্বীকৃতি দান করে।"
    got = _events(text, [("১৯৯০ সালের ৩ মার্চ", "1990-03-03")])
    assert sorted(_keys(got)) == [
        ("other", "1990-03-03", ["BT", "NA"], "BT"),
        ("other", "1990-03-03", ["NA", "NP"], "NP"),
    ]


def test_narrative_date_carries_but_not_across_later() -> None:
    text = "১২ মার্চ পরিষদে প্রস্তাব আসে। ফিনল্যান্ড প্রস্তাবের পক্ষে ভোট দেয়। নরওয়ে এর অনেক পরে ভোট দেয়।"
    got = _events(text, [("১২ মার্চ", "XXXX-03-12")])
    assert _keys(got) == [("other", "XXXX-03-12", ["FI"], "FI")]


def test_not_events() -> None:
    text = (
        "২০৩০ সালে কেনিয়া ও উগান্ডার মধ্যে চুক্তি স্বাক্ষরিত হবে। "  # a plan
        "২০১০ সালে কেনিয়া উগান্ডার সাথে চুক্তি করেনি। "  # negated
        "সম্প্রতি কেনিয়া ও উগান্ডা একটি চুক্তি সাক্ষর করেছে।"  # undated
    )
    assert _events(text, [("২০৩০ সালে", "2030"), ("২০১০ সালে", "2010")]) == []


def test_main_country_for_event_inside_the_country() -> None:
    text = "পেরু পাহাড়ি দেশ। পেরুর রাজধানী সুন্দর। ১৯৮০ সালে দেশটিতে নির্বাচন হয়।"
    got = _events(text, [("১৯৮০ সালে", "1980")])
    assert _keys(got) == [("other", "1980", ["PE"], None)]


def test_venue_is_not_a_participant() -> None:
    text = "২০১২ সালে জেনেভাতে ফিনল্যান্ড ও নরওয়ের মধ্যে একটি চুক্তি স্বাক্ষরিত হয়। পরে ঢাকায় সভা।"
    got = _events(text, [("২০১২ সালে", "2012")])
    assert _keys(got) == [("agreement_signed", "2012", ["FI", "NO"], None)]
