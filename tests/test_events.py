"""Dated events from hand-built date mentions (texts written for this project)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

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


def test_visit_has_visitor_and_host() -> None:
    text = (
        "২০০৫ সালের মে মাসে নেপালের প্রধানমন্ত্রী তিন দিনের সফরে থিম্পু যান। "
        "পরের বছর ভুটানের রাজা নেপাল সফর করেন। "
        "২০০৮ সালে শ্রীলঙ্কার প্রেসিডেন্ট সরকারি সফরে কাঠমান্ডুতে পৌঁছান।"
    )
    got = _events(
        text, [("২০০৫ সালের মে মাসে", "2005-05"), ("পরের বছর", "2006"), ("২০০৮ সালে", "2008")]
    )
    assert _keys(got) == [
        ("visit", "2005-05", ["BT", "NP"], "NP"),
        ("visit", "2006", ["BT", "NP"], "BT"),
        ("visit", "2008", ["LK", "NP"], "LK"),
    ]


def test_clause_takes_its_own_date_and_finite_khole() -> None:
    text = "নেপাল ১৯৭৫ সালে থিম্পুতে দূতাবাস চালু করে; ভুটান কাঠমান্ডুতে দূতাবাস খোলে অনেক পরে, ১৯৯০ সালে।"
    got = _events(text, [("১৯৭৫ সালে", "1975"), ("১৯৯০ সালে", "1990")])
    assert _keys(got) == [
        ("mission_opened", "1975", ["BT", "NP"], "NP"),
        ("mission_opened", "1990", ["BT", "NP"], "BT"),
    ]


def test_subjects_after_the_verb() -> None:
    text = "২০০১ সালের ৫ মে নাইরোবিতে একটি বাণিজ্য চুক্তি সই করে কেনিয়া ও উগান্ডা।"
    got = _events(text, [("২০০১ সালের ৫ মে", "2001-05-05")])
    assert _keys(got) == [("agreement_signed", "2001-05-05", ["KE", "UG"], None)]


def test_clause_that_moves_in_time_does_not_borrow_the_date() -> None:
    text = "২০০৩ সালে কেনিয়া ও উগান্ডা একটি চুক্তি সই করে এবং দুই মাস পর দুই দেশের বৈঠক অনুষ্ঠিত হয়।"
    got = _events(text, [("২০০৩ সালে", "2003")])
    assert _keys(got) == [("agreement_signed", "2003", ["KE", "UG"], None)]


def test_announcement_that_reports_another_act() -> None:
    text = "২০০১ সালের ৫ মে রেডিওতে ঘোষণা করা হলো যে নরওয়ে ফিনল্যান্ডকে স্বীকৃতি দিয়েছে।"
    got = _events(text, [("২০০১ সালের ৫ মে", "2001-05-05")])
    assert _keys(got) == [("other", "2001-05-05", ["FI", "NO"], "NO")]


def test_countries_a_proposal_is_about_do_not_take_part() -> None:
    text = "১২ মার্চ ফিনল্যান্ডের প্রতিনিধি কেনিয়া ও উগান্ডার সেনা প্রত্যাহারের জন্য এক প্রস্তাব উত্থাপন করেন।"
    got = _events(text, [("১২ মার্চ", "XXXX-03-12")])
    assert [(e.type, e.date, e.participants) for e in got] == [("other", "XXXX-03-12", ["FI"])]


def test_participle_of_a_speech_is_not_an_act() -> None:
    text = "২০০১ সালে সংসদে নরওয়েকে স্বীকৃতি প্রদানের প্রস্তাব উত্থাপন করে প্রধানমন্ত্রী বলেন, এটি জরুরি।"
    assert _events(text, [("২০০১ সালে", "2001")]) == []


def test_dated_verbal_noun_states_a_completed_act() -> None:
    text = "১৯৬২ সালে স্বাধীনতা অর্জনের পর উগান্ডার অর্থনীতি দ্রুত বাড়ে।"
    got = _events(text, [("১৯৬২ সালে", "1962")])
    assert _keys(got) == [("other", "1962", ["UG"], None)]
    later = "স্বাধীনতা অর্জনের পর ২০০০ সালে উগান্ডার রপ্তানি বাড়ে।"
    assert _events(later, [("২০০০ সালে", "2000")]) == []


def test_envoy_recalled_from_a_capital_and_relations_restored() -> None:
    text = (
        "২০০২ সালে ভুটান কাঠমান্ডু থেকে তার রাষ্ট্রদূতকে প্রত্যাহার করে নেয়। "
        "২০০৬ সালের ১ জুন নেপাল ও ভুটানের সম্পর্ক পুনঃস্থাপিত হয়।"
    )
    got = _events(text, [("২০০২ সালে", "2002"), ("২০০৬ সালের ১ জুন", "2006-06-01")])
    assert _keys(got) == [
        ("other", "2002", ["BT", "NP"], "BT"),
        ("relations_established", "2006-06-01", ["BT", "NP"], None),
    ]


def test_generic_verb_needs_a_date_in_its_own_sentence() -> None:
    text = "২০০১ সালে নেপালে নির্বাচন হয়। নতুন সরকার কর ব্যবস্থা চালু করে।"
    got = _events(text, [("২০০১ সালে", "2001")])
    assert _keys(got) == [("other", "2001", ["NP"], None)]


def test_more_happenings_of_news() -> None:
    text = (
        "২০১৮ সালের ২ মে কেনিয়ার প্রেসিডেন্ট উগান্ডার প্রেসিডেন্টের সঙ্গে বৈঠক করেন। "
        "২০১৯ সালের ১ জুলাই উগান্ডা কেনিয়ার চিনির ওপর শুল্ক আরোপ করে। "
        "২০২০ সালের ৩ মার্চ কেনিয়া ভুট্টা রপ্তানি নিষিদ্ধ করে। "
        "২০২১ সালের ৯ জুন উগান্ডার নতুন প্রেসিডেন্ট দায়িত্ব গ্রহণ করেন।"
    )
    got = _events(
        text,
        [
            ("২০১৮ সালের ২ মে", "2018-05-02"),
            ("২০১৯ সালের ১ জুলাই", "2019-07-01"),
            ("২০২০ সালের ৩ মার্চ", "2020-03-03"),
            ("২০২১ সালের ৯ জুন", "2021-06-09"),
        ],
    )
    assert [(e.type, e.date, e.participants) for e in got] == [
        ("other", "2018-05-02", ["KE", "UG"]),
        ("other", "2019-07-01", ["KE", "UG"]),
        ("other", "2020-03-03", ["KE"]),
        ("other", "2021-06-09", ["UG"]),
    ]
    assert got[1].actor == "UG"
    assert got[2].actor == "KE"


def test_exchange_at_a_price_is_not_a_happening() -> None:
    text = (
        "২০১৫ সালের ১ আগস্ট কেনিয়া ও উগান্ডার মধ্যে বন্দি বিনিময় হয়। "
        "২০১৬ সালের ২ মে প্রতি ডলার ১০০ শিলিং দরে বিনিময় হয়।"
    )
    nt = normalize(text)
    found = sorted(
        [
            mention(nt, "২০১৫ সালের ১ আগস্ট", "date", "2015-08-01"),
            mention(nt, "২০১৬ সালের ২ মে", "date", "2016-05-02"),
            mention(nt, "ডলার ১০০ শিলিং", "money", "100", "KES"),
        ],
        key=lambda f: f.start,
    )
    got = find_events(nt, sentences(nt.text), found, find_countries(nt.text))
    assert [(e.date, e.participants) for e in got] == [("2015-08-01", ["KE", "UG"])]


_POOL = [
    ("২০০১ সালে কেনিয়া ও উগান্ডা একটি চুক্তি সই করে।", "২০০১ সালে", "2001"),
    ("পরের বছর উগান্ডা নাইরোবিতে দূতাবাস খোলে।", "পরের বছর", "2002"),
    ("কেনিয়ার অর্থনীতি বড়।", None, None),
    ("সম্প্রতি উগান্ডা একটি চুক্তি সই করেছে।", None, None),
    ("দুই দেশের সম্পর্ক ভালো।", None, None),
    ("২০০৫ সালের মে মাসে কেনিয়ার প্রেসিডেন্ট উগান্ডা সফর করেন।", "২০০৫ সালের মে মাসে", "2005-05"),
]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(range(len(_POOL))), min_size=1, max_size=8))
def test_events_point_into_the_text_and_carry_stated_dates(picks: list[int]) -> None:
    text = " ".join(_POOL[i][0] for i in picks)
    nt = normalize(text)
    found: list[Found] = []
    pos = 0
    for i in picks:
        sent, piece, value = _POOL[i]
        at = nt.text.index(normalize(sent).text, pos)
        pos = at + 1
        if piece and value:
            start = at + normalize(sent).text.index(normalize(piece).text)
            found.append(Found(start, start + len(normalize(piece).text), "date", value))
    got = find_events(nt, sentences(nt.text), found, find_countries(nt.text))
    values = {f.value for f in found}
    for e in got:
        assert text[e.start : e.end] == e.text
        assert e.date in values
        assert e.participants == sorted(set(e.participants))


def test_setting_a_price_is_an_act_despite_the_figure() -> None:
    text = "কেনিয়া চা রপ্তানি করে। ২০১৯ সালের মার্চে দেশটি চায়ের ন্যূনতম মূল্য প্রতি কেজি ৩ ডলার নির্ধারণ করে।"
    nt = normalize(text)
    found = [
        mention(nt, "২০১৯ সালের মার্চে", "date", "2019-03"),
        mention(nt, "৩ ডলার", "money", "3", "USD"),
    ]
    got = find_events(nt, sentences(nt.text), found, find_countries(nt.text))
    assert _keys(got) == [("other", "2019-03", ["KE"], "KE")]


def test_own_relative_time_stops_the_narrative_date() -> None:
    text = "২০২৩ সালের জুলাই মাসে নেপালে নির্বাচন হয়। গত সপ্তাহে নেপাল চালের দাম নির্ধারণ করে।"
    got = _events(text, [("২০২৩ সালের জুলাই মাসে", "2023-07")])
    assert _keys(got) == [("other", "2023-07", ["NP"], None)]


def test_second_clause_takes_its_own_counted_date() -> None:
    # The date after the first happening belongs to its clause, not to the second one.
    text = "ঢাকায় শ্রীলঙ্কার দূতাবাস চালু হয় ১৯৮০ সালের জুনে, আর বাংলাদেশ কলম্বোতে তাদের দূতাবাস খোলে তিন বছর পর।"
    got = _events(text, [("১৯৮০ সালের জুনে", "1980-06"), ("তিন বছর পর", "1983")])
    assert _keys(got) == [
        ("mission_opened", "1980-06", ["BD", "LK"], "LK"),
        ("mission_opened", "1983", ["BD", "LK"], "BD"),
    ]
    assert got[1].text.endswith("তিন বছর পর।")


def test_dui_desh_as_subject_is_the_pair() -> None:
    text = (
        "কেনিয়ার রাষ্ট্রপতি ২০০৫ সালের মে মাসে উগান্ডা সফর করেন এবং সফরকালে দুই দেশ একটি বাণিজ্য চুক্তিতে সই করে।"
    )
    got = _events(text, [("২০০৫ সালের মে মাসে", "2005-05")])
    assert _keys(got) == [
        ("visit", "2005-05", ["KE", "UG"], "KE"),
        ("agreement_signed", "2005-05", ["KE", "UG"], None),
    ]


def test_protocol_inspection_meeting_law_quake_wage() -> None:
    text = (
        "কেনিয়া–উগান্ডা সম্পর্ক। ১৯৯৮ সালে দুই দেশের মধ্যে একটি প্রটোকল সই হয়। "
        "২০০২ সালে কেনিয়ার প্রেসিডেন্ট উগান্ডার একটি বাঁধ পরিদর্শন করেন। "
        "২০০৩ সালের মার্চে নাইরোবিতে দুই দেশের মন্ত্রীদের বৈঠক হয়। ২০০৬ সালে কেনিয়ায় নতুন খনিজ আইন পাস হয়। "
        "২০০৭ সালের জুনে উগান্ডায় ভূমিকম্প হয়। "
        "২০০৯ সালের ১ জুলাই থেকে কেনিয়া সরকার শ্রমিকদের ন্যূনতম মজুরি নির্ধারণ করে। "
        "২০১০ সালে নতুন একটি প্রটোকল সই হয়নি।"
    )
    dates = [
        ("১৯৯৮ সালে", "1998"),
        ("২০০২ সালে", "2002"),
        ("২০০৩ সালের মার্চে", "2003-03"),
        ("২০০৬ সালে", "2006"),
        ("২০০৭ সালের জুনে", "2007-06"),
        ("২০০৯ সালের ১ জুলাই", "2009-07-01"),
        ("২০১০ সালে", "2010"),
    ]
    assert _keys(_events(text, dates)) == [
        ("agreement_signed", "1998", ["KE", "UG"], None),
        ("visit", "2002", ["KE", "UG"], "KE"),
        ("other", "2003-03", ["KE", "UG"], None),
        ("other", "2006", ["KE"], None),
        ("other", "2007-06", ["UG"], None),
        ("other", "2009-07-01", ["KE"], "KE"),
    ]


def test_mission_begins_work_and_leader_arrives() -> None:
    text = (
        "মরক্কোয় তিউনিসিয়ার দূতাবাস ১৯৬৮ সালে কাজ শুরু করে। "
        "রাবাতে মিশরের হাইকমিশন যাত্রা শুরু করে ১৯৭০ সালে। "
        "১৯৭৪ সালের ২ মে তিউনিসিয়ার প্রেসিডেন্ট রাবাতে আসেন।"
    )
    got = _events(
        text, [("১৯৬৮ সালে", "1968"), ("১৯৭০ সালে", "1970"), ("১৯৭৪ সালের ২ মে", "1974-05-02")]
    )
    assert _keys(got) == [
        ("mission_opened", "1968", ["MA", "TN"], "TN"),
        ("mission_opened", "1970", ["EG", "MA"], "EG"),
        ("visit", "1974-05-02", ["MA", "TN"], "TN"),
    ]


def test_nominal_visit_and_both_from_the_sentence() -> None:
    # Three countries in the article: `দুই দেশ` is the pair of its own sentence.
    text = (
        "পেরু, চিলি ও বলিভিয়া প্রতিবেশী। চিলি ও বলিভিয়ার সীমান্ত দীর্ঘ। "
        "২০০৯ সালের জুনে পেরুর প্রেসিডেন্টের সান্তিয়াগো সফরকালে দুই দেশ একটি প্রটোকলে সই করে।"
    )
    got = _events(text, [("২০০৯ সালের জুনে", "2009-06")])
    assert _keys(got) == [
        ("visit", "2009-06", ["CL", "PE"], "PE"),
        ("agreement_signed", "2009-06", ["CL", "PE"], None),
    ]


def test_unnamed_government_is_bangladesh_and_partner_with() -> None:
    text = (
        "বাংলাদেশ ও মালদ্বীপের সম্পর্ক পুরোনো। ২০০৪ সালের ডিসেম্বরে মালদ্বীপে সুনামি আঘাত হানে। "
        "২০০৫ সালের ২ জানুয়ারি সরকার দেশটিতে জরুরি ত্রাণ পাঠায়। "
        "২০১১ সালে মালদ্বীপের সঙ্গে একটি সমঝোতা স্মারক সই হয়।"
    )
    got = _events(
        text,
        [
            ("২০০৪ সালের ডিসেম্বরে", "2004-12"),
            ("২০০৫ সালের ২ জানুয়ারি", "2005-01-02"),
            ("২০১১ সালে", "2011"),
        ],
    )
    assert _keys(got) == [
        ("other", "2005-01-02", ["BD", "MV"], "BD"),
        ("agreement_signed", "2011", ["BD", "MV"], None),
    ]


def test_aid_goes_to_the_place_of_the_sentence() -> None:
    text = "২০১৫ সালের ২৫ এপ্রিল নেপালে ভূমিকম্প হয়; এর দুই দিন পর ভারত ওষুধ পাঠায়।"
    got = _events(text, [("২০১৫ সালের ২৫ এপ্রিল", "2015-04-25"), ("দুই দিন পর", "2015-04-27")])
    assert ("other", "2015-04-27", ["IN", "NP"], "IN") in _keys(got)


def test_restated_date_after_the_verb_is_the_precise_one() -> None:
    text = "১৯৮০ সালে দুই দেশের সীমান্তে যুদ্ধ শুরু হয়। যুদ্ধ শেষ হয় আট বছর পর, ১৯৮৮ সালের ২০ আগস্ট।"
    got = _events(
        text, [("১৯৮০ সালে", "1980"), ("আট বছর পর", "1988"), ("১৯৮৮ সালের ২০ আগস্ট", "1988-08-20")]
    )
    assert [k[:2] for k in _keys(got)] == [("other", "1980"), ("other", "1988-08-20")]


def test_recognition_arrives_and_project_approved() -> None:
    text = (
        "ঘানা স্বাধীন হওয়ার পর নাইজেরিয়ার স্বীকৃতি আসে ১৯৬০ সালের ৩ মার্চ। "
        "২০১৯ সালে বিশ্বব্যাংক ঘানার একটি প্রকল্প অনুমোদন করে।"
    )
    got = _events(text, [("১৯৬০ সালের ৩ মার্চ", "1960-03-03"), ("২০১৯ সালে", "2019")])
    assert [k[:3] for k in _keys(got)] == [
        ("other", "1960-03-03", ["GH", "NG"]),
        ("other", "2019", ["GH"]),
    ]


def test_independence_is_the_winner_own_act() -> None:
    # `X-এর কাছ থেকে` / `X থেকে`: the country independence is won from takes no part.
    text = (
        "১৯৬০ সালের ১ অক্টোবর নাইজেরিয়া যুক্তরাজ্যের কাছ থেকে স্বাধীনতা লাভ করে। "
        "১৯৯১ সালের ২১ সেপ্টেম্বর আর্মেনিয়া সোভিয়েত ইউনিয়ন থেকে স্বাধীনতা ঘোষণা করে। "
        "ব্রিটিশ শাসন শেষে, ১৯৫৭ সালের ৬ মার্চ, নকরুমা ঘানার স্বাধীনতা ঘোষণা করেন।"
    )
    got = _events(
        text,
        [
            ("১৯৬০ সালের ১ অক্টোবর", "1960-10-01"),
            ("১৯৯১ সালের ২১ সেপ্টেম্বর", "1991-09-21"),
            ("১৯৫৭ সালের ৬ মার্চ", "1957-03-06"),
        ],
    )
    assert [k[:3] for k in _keys(got)] == [
        ("other", "1960-10-01", ["NG"]),
        ("other", "1991-09-21", ["AM"]),
        ("other", "1957-03-06", ["GH"]),
    ]


def test_statehood_office_and_membership_acts() -> None:
    text = (
        "জাম্বিয়া\n১৯৬৪ সালের ২৪ অক্টোবর জাম্বিয়া স্বাধীন হয়। একই মাসের ২৮ তারিখে দেশটি জাতিসংঘের সদস্যপদ পায়। "
        "দুই বছর পর দেশটি প্রজাতন্ত্র ঘোষিত হয় এবং কেনেথ কাউন্ডা রাষ্ট্রপতির দায়িত্ব নেন। "
        "১৯৯৪ সালে ফ্রেডরিক চিলুবা ক্ষমতায় আসেন। ১৯৯৫ সালে গণভোটে নতুন সংবিধান অনুমোদিত হয়।"
    )
    got = _events(
        text,
        [
            ("১৯৬৪ সালের ২৪ অক্টোবর", "1964-10-24"),
            ("একই মাসের ২৮ তারিখে", "1964-10-28"),
            ("দুই বছর পর", "1966"),
            ("১৯৯৪ সালে", "1994"),
            ("১৯৯৫ সালে", "1995"),
        ],
    )
    keys = [k[:3] for k in _keys(got)]
    assert ("other", "1964-10-28", ["ZM"]) in keys
    assert keys.count(("other", "1966", ["ZM"])) == 2  # declared a republic; took office
    assert ("other", "1994", ["ZM"]) in keys
    assert ("other", "1995", ["ZM"]) in keys


def test_later_clause_continues_the_parties_before_it() -> None:
    # The clause `এবং ... প্রেসিডেন্টের সঙ্গে বৈঠক করেন` has no subject of its own.
    text = (
        "২০১৬ সালের মে মাসে পেরুর প্রেসিডেন্ট চীন সফর করেন এবং বেইজিংয়ে চীনা প্রেসিডেন্টের সঙ্গে বৈঠক করেন।"
    )
    got = _events(text, [("২০১৬ সালের মে মাসে", "2016-05")])
    assert [k[:3] for k in _keys(got)] == [
        ("visit", "2016-05", ["CN", "PE"]),
        ("other", "2016-05", ["CN", "PE"]),
    ]
    assert got[1].text.endswith("বৈঠক করেন।")


def test_unnamed_leader_visits_for_the_article_country() -> None:
    text = (
        "ঘানা পশ্চিম আফ্রিকার দেশ। ঘানার প্রধান অংশীদার চীন ও ভারত। ঘানার অর্থনীতি সোনানির্ভর। "
        "২০১৮ সালের সেপ্টেম্বরে রাষ্ট্রপতি চীনে একটি রাষ্ট্রীয় সফর করেন, যার সময় কয়েকটি চুক্তি "
        "স্বাক্ষরিত হয়।"
    )
    got = _events(text, [("২০১৮ সালের সেপ্টেম্বরে", "2018-09")])
    assert _keys(got) == [
        ("visit", "2018-09", ["CN", "GH"], "GH"),
        ("agreement_signed", "2018-09", ["CN", "GH"], None),
    ]


def test_a_later_date_of_the_next_clause_does_not_date_this_one() -> None:
    text = (
        "২০১১ সালের ৫ মে প্রধানমন্ত্রীর লিমা সফরকালে পেরু ও চিলি একটি চুক্তি সই করে, "
        "যা পরের বছরের ১ মার্চ কার্যকর হয়।"
    )
    got = _events(text, [("২০১১ সালের ৫ মে", "2011-05-05"), ("পরের বছরের ১ মার্চ", "2012-03-01")])
    keys = [k[:2] for k in _keys(got)]
    assert ("agreement_signed", "2011-05-05") in keys
    assert ("other", "2012-03-01") in keys


def test_n_countries_point_back_to_the_last_named() -> None:
    text = (
        "১৯৯৪ সালে পেরু, চিলি ও কলম্বিয়া একটি জোট গঠনের চুক্তিতে সই করে। "
        "২০০২ সালের জুলাইয়ে তিন দেশ নতুন করে জোটটি চালু করে। "
        "বলিভিয়া সীমান্ত নিয়ে পেরুর সঙ্গে বিরোধে জড়ায়। "
        "২০১৪ সালের জানুয়ারিতে আন্তর্জাতিক আদালত দুই দেশের এ বিরোধে রায় দেয়।"
    )
    got = _events(
        text,
        [("১৯৯৪ সালে", "1994"), ("২০০২ সালের জুলাইয়ে", "2002-07"), ("২০১৪ সালের জানুয়ারিতে", "2014-01")],
    )
    keys = [k[:3] for k in _keys(got)]
    assert ("other", "2002-07", ["CL", "CO", "PE"]) in keys
    assert ("other", "2014-01", ["BO", "PE"]) in keys


def test_nominative_desh_ti_is_the_subject_before_it() -> None:
    text = (
        "কাজাখস্তান ১৯৯২ সালে জাপানের সঙ্গে কূটনৈতিক সম্পর্ক স্থাপন করে। "
        "২০০২ সালের মার্চে দেশটি মার্কিন বাহিনীকে একটি বিমানঘাঁটি ব্যবহারের অনুমতি দেয়।"
    )
    got = _events(text, [("১৯৯২ সালে", "1992"), ("২০০২ সালের মার্চে", "2002-03")])
    assert ("other", "2002-03", ["KZ", "US"]) in [k[:3] for k in _keys(got)]


def test_acts_over_a_span_of_years_are_no_happening() -> None:
    text = "২০১০ থেকে ২০১৫ সাল পর্যন্ত ঘানায় বিশটি প্রকল্প অনুমোদন পায়।"
    assert _events(text, [("২০১০ থেকে ২০১৫ সাল", "2010/2015")]) == []


def test_right_after_stops_the_narrative_date() -> None:
    text = "১৯৬০ থেকে ১৯৬৫ সাল পর্যন্ত দেশটিতে সংঘাত চলে। স্বাধীনতার পরপরই সেনাপ্রধান ক্ষমতা দখল করেন।"
    assert _events(text, [("১৯৬০ থেকে ১৯৬৫ সাল", "1960/1965")]) == []


def test_sentence_final_participle_completes_the_act() -> None:
    text = "মঙ্গোলিয়া 1987 সালে যুক্তরাষ্ট্রের সাথে কূটনৈতিক সম্পর্ক প্রতিষ্ঠিত।"
    got = _events(text, [("1987 সালে", "1987")])
    assert _keys(got) == [("relations_established", "1987", ["MN", "US"], None)]


def test_ban_rate_decision_and_price_cap() -> None:
    text = (
        "ভারত ২০২২ সালের ১৩ মে গম রপ্তানির ওপর নিষেধাজ্ঞা জারি করে। "
        "২০২২ সালের ৫ মে ইন্দোনেশিয়ার কেন্দ্রীয় ব্যাংক নীতি সুদহার ২৫ ভিত্তি পয়েন্ট বাড়িয়ে ৪ শতাংশ করে।"
    )
    got = _events(text, [("২০২২ সালের ১৩ মে", "2022-05-13"), ("২০২২ সালের ৫ মে", "2022-05-05")])
    assert [k[:3] for k in _keys(got)] == [
        ("other", "2022-05-13", ["IN"]),
        ("other", "2022-05-05", ["ID"]),
    ]


def test_recognition_without_its_object_takes_the_articles_country() -> None:
    text = (
        "নামিবিয়ার স্বাধীনতা সংগ্রাম দীর্ঘ ছিল। নামিবিয়ার অস্থায়ী সরকার ১৯৮৮ সালের ২ মে গঠিত হয়। "
        "একই দিনে ঘানা ও কেনিয়া এই সরকারকে স্বীকৃতি দেয়। ১৯৮৯ সালের জুনে ভারত অস্থায়ী সরকারকে স্বীকৃতি দেয়।"
    )
    got = _events(
        text,
        [
            ("১৯৮৮ সালের ২ মে", "1988-05-02"),
            ("একই দিনে", "1988-05-02"),
            ("১৯৮৯ সালের জুনে", "1989-06"),
        ],
    )
    keys = _keys(got)
    assert ("other", "1988-05-02", ["GH", "NA"], "GH") in keys
    assert ("other", "1988-05-02", ["KE", "NA"], "KE") in keys
    assert ("other", "1989-06", ["IN", "NA"], "IN") in keys


def test_one_noun_word_is_one_happening_with_its_nearer_predicate() -> None:
    text = "১৯৭৫ সালের ১০ নভেম্বর পর্তুগালের প্রেসিডেন্ট অ্যাঙ্গোলার স্বাধীনতা স্বীকার করে ঘোষণা দেন।"
    got = _events(text, [("১৯৭৫ সালের ১০ নভেম্বর", "1975-11-10")])
    assert [k[:3] for k in _keys(got)] == [("other", "1975-11-10", ["AO", "PT"])]


def test_where_clause_elaborates_the_happening_before() -> None:
    text = "২০১১ সালের ৯ জানুয়ারি সুদানে গণভোট অনুষ্ঠিত হয়, যেখানে বেশির ভাগ ভোটার বিচ্ছেদের পক্ষে রায় দেন।"
    got = _events(text, [("২০১১ সালের ৯ জানুয়ারি", "2011-01-09")])
    assert [k[:3] for k in _keys(got)] == [("other", "2011-01-09", ["SD"])]


def test_each_sides_envoy_returning_is_one_record_per_actor() -> None:
    text = (
        "থাইল্যান্ড ও কম্বোডিয়ার সম্পর্ক। ২০০৯ সালের ৫ নভেম্বর দুই দেশ রাষ্ট্রদূত প্রত্যাহার করে। "
        "২০১০ সালের ২৪ আগস্ট দুই দেশের রাষ্ট্রদূত নিজ নিজ দূতাবাসে ফিরে যান।"
    )
    got = _events(text, [("২০০৯ সালের ৫ নভেম্বর", "2009-11-05"), ("২০১০ সালের ২৪ আগস্ট", "2010-08-24")])
    back = [k for k in _keys(got) if k[1] == "2010-08-24"]
    assert sorted(back) == [
        ("other", "2010-08-24", ["KH", "TH"], "KH"),
        ("other", "2010-08-24", ["KH", "TH"], "TH"),
    ]


def test_sentence_naming_no_country_continues_the_parties_before() -> None:
    text = (
        "চিলি ও পেরুর সম্পর্ক। "
        "২০১৫ সালের ৩ মার্চ চিলি ও পেরু একটি বাণিজ্য চুক্তি সই করে। একই দিনে একটি প্রটোকলেও সই হয়।\n\n"
        "২০১৭ সালের ৫ মে একটি প্রটোকল সই হয়।"
    )
    got = _events(
        text,
        [
            ("২০১৫ সালের ৩ মার্চ", "2015-03-03"),
            ("একই দিনে", "2015-03-03"),
            ("২০১৭ সালের ৫ মে", "2017-05-05"),
        ],
    )
    keys = [k[:3] for k in _keys(got)]
    assert keys.count(("agreement_signed", "2015-03-03", ["CL", "PE"])) == 2
    # A new paragraph with a year of its own does not borrow them.
    assert [k for k in keys if k[1] == "2017-05-05"] != [
        ("agreement_signed", "2017-05-05", ["CL", "PE"])
    ]


def test_when_clause_states_a_completed_act() -> None:
    text = "১৯৬২ সালের জুলাইয়ে উগান্ডা স্বাধীন হলে কেনিয়া নতুন রাষ্ট্রটিকে স্বীকৃতি দেয়।"
    got = _events(text, [("১৯৬২ সালের জুলাইয়ে", "1962-07")])
    assert [k[:3] for k in _keys(got)] == [
        ("other", "1962-07", ["UG"]),
        ("other", "1962-07", ["KE", "UG"]),
    ]
    plan = "২০৩০ সালে ঘানা ও টোগোর মধ্যে চুক্তি স্বাক্ষরিত হলে বাণিজ্য বাড়বে।"
    assert _events(plan, [("২০৩০ সালে", "2030")]) == []


def test_bombing_resolution_membership_formation_aid_and_tranche() -> None:
    text = (
        "১৯৮১ সালের ৭ জুন ইসরায়েলের বিমান ইরাকে বোমা ফেলে। "
        "১৯৯০ সালের ২ মে সাধারণ পরিষদ নামিবিয়ার জনগণের পক্ষে একটি প্রস্তাব গ্রহণ করে। "
        "১৯৯০ সালের ২৩ এপ্রিল নামিবিয়া জাতিসংঘের সদস্য হয়। "
        "১৯৮১ সালের ২৫ মে সৌদি আরব, কুয়েত ও ওমান একটি জোট গঠন করে। "
        "১৯৯১ সালের বন্যায় জাপান বাংলাদেশকে সহায়তা করে। "
        "২০২৩ সালের ১২ ডিসেম্বর আইএমএফ বাংলাদেশের জন্য ৬৯ কোটি ডলারের কিস্তি অনুমোদন করে।"
    )
    dates = [
        ("১৯৮১ সালের ৭ জুন", "1981-06-07"),
        ("১৯৯০ সালের ২ মে", "1990-05-02"),
        ("১৯৯০ সালের ২৩ এপ্রিল", "1990-04-23"),
        ("১৯৮১ সালের ২৫ মে", "1981-05-25"),
        ("১৯৯১ সালের", "1991"),
        ("২০২৩ সালের ১২ ডিসেম্বর", "2023-12-12"),
    ]
    keys = [k[:3] for k in _keys(_events(text, dates))]
    assert ("other", "1981-06-07", ["IL", "IQ"]) in keys
    assert ("other", "1990-05-02", ["NA"]) in keys
    assert ("other", "1990-04-23", ["NA"]) in keys
    assert ("other", "1981-05-25", ["KW", "OM", "SA"]) in keys
    assert ("other", "1991", ["BD", "JP"]) in keys
    assert ("other", "2023-12-12", ["BD"]) in keys


def test_troops_sent_and_a_response_leaves_the_narrative_date() -> None:
    # `এর জবাবে`: a response is later than what it answers; it does not take its date.
    text = (
        "২০০৩ সালের আগস্টে নাইজেরিয়া লাইবেরিয়ায় সৈন্য পাঠায়। যুক্তরাষ্ট্র এর জবাবে উপকূলে জাহাজ পাঠায় এবং ঘানা সেনা পাঠায়।"
    )
    got = _events(text, [("২০০৩ সালের আগস্টে", "2003-08")])
    assert _keys(got) == [("other", "2003-08", ["NG"], "NG")]


def test_coup_expulsion_handover_and_participation() -> None:
    text = (
        "মালি\n\n১৯৬৮ সালের ১৯ নভেম্বর সেনাবাহিনী রাষ্ট্রপতিকে ক্ষমতাচ্যুত করে। "
        "১৯৯১ সালের মার্চে এক গণ-অভ্যুত্থানে সামরিক সরকার উৎখাত হয়। "
        "১৯৯২ সালের জুনে নির্বাচিত সরকারের কাছে ক্ষমতা হস্তান্তর হয়। "
        "২০২২ সালের ফেব্রুয়ারিতে মালি থেকে ফ্রান্সের রাষ্ট্রদূতকে বহিষ্কার করা হয়। "
        "১৯৬১ সালের সেপ্টেম্বরে দেশটি জোটনিরপেক্ষ সম্মেলনে অংশ নেয়।"
    )
    dates = [
        ("১৯৬৮ সালের ১৯ নভেম্বর", "1968-11-19"),
        ("১৯৯১ সালের মার্চে", "1991-03"),
        ("১৯৯২ সালের জুনে", "1992-06"),
        ("২০২২ সালের ফেব্রুয়ারিতে", "2022-02"),
        ("১৯৬১ সালের সেপ্টেম্বরে", "1961-09"),
    ]
    got = _events(text, dates)
    assert [(t, d, p) for t, d, p, _a in _keys(got)] == [
        ("other", "1968-11-19", ["ML"]),
        ("other", "1991-03", ["ML"]),
        ("other", "1992-06", ["ML"]),
        ("other", "2022-02", ["FR", "ML"]),
        ("other", "1961-09", ["ML"]),
    ]


def test_documents_signed_and_two_leaders_are_the_pair() -> None:
    text = (
        "লাওস-কম্বোডিয়া তিন চুক্তি সই\n\n"
        "লাওসের প্রধানমন্ত্রী বৃহস্পতিবার (৯ মার্চ) নমপেনে আসেন। "
        "শুক্রবার (১০ মার্চ) দুই দেশের মন্ত্রীরা তিনটি নথিতে সই করেন। "
        "একই দিন দুই প্রধানমন্ত্রী বৈঠক করেন।"
    )
    dates = [
        ("বৃহস্পতিবার (৯ মার্চ)", "XXXX-03-09"),
        ("শুক্রবার (১০ মার্চ)", "XXXX-03-10"),
        ("একই দিন", "XXXX-03-10"),
    ]
    got = _events(text, dates)
    assert _keys(got) == [
        ("visit", "XXXX-03-09", ["KH", "LA"], "LA"),
        ("agreement_signed", "XXXX-03-10", ["KH", "LA"], None),
        ("other", "XXXX-03-10", ["KH", "LA"], None),
    ]


def test_meeting_naming_no_country_in_a_pair_article_is_the_pairs() -> None:
    # A typed act inside a `যেখানে` clause is a happening of its own.
    text = (
        "ঘানা–কেনিয়া সম্পর্ক\n\n"
        "২০১২ সালে দুই দেশের যৌথ কমিটি গঠিত হয়। "
        "কমিটির প্রথম সভা বসে ২০১৩ সালের ৪ মে, যেখানে তিনটি সমঝোতা স্মারক সই হয়। "
        "২০১৪ সালে সভা হয়েছিল আক্রায়।"
    )
    dates = [("২০১২ সালে", "2012"), ("২০১৩ সালের ৪ মে", "2013-05-04"), ("২০১৪ সালে", "2014")]
    got = _events(text, dates)
    assert [(t, d, p) for t, d, p, _a in _keys(got)] == [
        ("other", "2012", ["GH", "KE"]),
        ("other", "2013-05-04", ["GH", "KE"]),
        ("agreement_signed", "2013-05-04", ["GH", "KE"]),
        ("other", "2014", ["GH", "KE"]),
    ]


def test_act_naming_no_country_in_a_country_article_is_its_own() -> None:
    text = "কেনিয়া\n\nকেনিয়া পূর্ব আফ্রিকার দেশ। ১৯৯২ সালে প্রথম বহুদলীয় নির্বাচন হয়েছিল।"
    got = _events(text, [("১৯৯২ সালে", "1992")])
    assert [(t, d, p) for t, d, p, _a in _keys(got)] == [("other", "1992", ["KE"])]


def test_partner_with_songe_in_a_country_article_adds_the_article_country() -> None:
    text = "কেনিয়া\n\nকেনিয়া পূর্ব আফ্রিকার দেশ। ১৯৮০ সালে চীনের সঙ্গে একটি বাণিজ্য চুক্তি সই হয়।"
    got = _events(text, [("১৯৮০ সালে", "1980")])
    assert [(t, d, p) for t, d, p, _a in _keys(got)] == [("agreement_signed", "1980", ["CN", "KE"])]


def test_several_states_cutting_ties_are_one_record_each() -> None:
    text = "২০১৭ সালের ৫ জুন বাহরাইন ও মিসর কাতারের সঙ্গে কূটনৈতিক সম্পর্ক ছিন্ন করে।"
    got = _events(text, [("২০১৭ সালের ৫ জুন", "2017-06-05")])
    assert sorted(_keys(got)) == [
        ("other", "2017-06-05", ["BH", "QA"], "BH"),
        ("other", "2017-06-05", ["EG", "QA"], "EG"),
    ]


def test_independence_and_becoming_independent_on_one_date_are_one_act() -> None:
    text = (
        "১৯৬২ সালের ৫ জুলাই আলজেরিয়া ফ্রান্সের কাছ থেকে স্বাধীনতা লাভ করে "
        "এবং আফ্রিকার একটি বড় স্বাধীন রাষ্ট্রে পরিণত হয়।"
    )
    got = _events(text, [("১৯৬২ সালের ৫ জুলাই", "1962-07-05")])
    assert [k[:3] for k in _keys(got)] == [("other", "1962-07-05", ["DZ"])]


def test_relations_restored_with_a_partner_and_approval_given() -> None:
    text = (
        "পেরু\n\nপেরু দক্ষিণ আমেরিকার দেশ। ১৯৮৫ সালের জুনে নতুন সরকার কিউবার সঙ্গে সম্পর্ক "
        "পুনঃস্থাপন করে। দুই দিন পর পেরুর সংসদ কিউবার সঙ্গে বাণিজ্য চুক্তির অনুমোদন দেয়।"
    )
    got = _events(text, [("১৯৮৫ সালের জুনে", "1985-06"), ("দুই দিন পর", "1985-06")])
    assert [(t, d, p) for t, d, p, _a in _keys(got)] == [
        ("relations_established", "1985-06", ["CU", "PE"]),
        ("other", "1985-06", ["CU", "PE"]),
    ]


def test_a_tax_cut_or_rise_is_a_happening_a_planned_one_is_not() -> None:
    text = (
        "যুক্তরাজ্যের অর্থনীতি মন্থর। সরকার ২০১৯ সালে করপোরেট কর হ্রাস করে। "
        "জাপানের সরকার ২০১৪ সালে ভোগ্যপণ্যে কর বাড়িয়ে ৮ শতাংশ করে। "
        "ভারতে আয়কর হ্রাস করা হবে ২০২৫ সালে।"
    )
    dates = [("২০১৯ সালে", "2019"), ("২০১৪ সালে", "2014"), ("২০২৫ সালে", "2025")]
    got = _events(text, dates)
    assert [(t, d, p) for t, d, p, _a in _keys(got)] == [
        ("other", "2019", ["GB"]),
        ("other", "2014", ["JP"]),
    ]
