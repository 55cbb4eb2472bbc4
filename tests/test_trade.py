"""Trade flows from hand-built mentions (texts written for this project)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _records_helpers import mention
from extractor.countries import find_countries
from extractor.matches import Found
from extractor.records import TradeFlow
from extractor.text import normalize, sentences
from extractor.trade import find_trade

Key = tuple[str, str, str | None, str | None, list[str], Decimal]


def _trade(text: str, dates: list[tuple[str, str]], money: list[tuple[str, str]]) -> list[Key]:
    nt = normalize(text)
    found: list[Found] = [mention(nt, p, "date", v) for p, v in dates]
    found += [mention(nt, p, "money", v, "USD") for p, v in money]
    found.sort(key=lambda f: f.start)
    flows: list[TradeFlow] = find_trade(nt, sentences(nt.text), found, find_countries(nt.text))
    for f in flows:
        assert text[f.start : f.end] == f.text
        TradeFlow.model_validate(f.model_dump())  # built unvalidated: check the contract
    return [(f.period, f.flow, f.exporter, f.importer, f.parties, f.value) for f in flows]


def test_directions_and_respectively() -> None:
    text = (
        "২০১০ সালে নেপাল ও ভুটানের দ্বিপাক্ষিক বাণিজ্যের পরিমাণ ছিল ৫০ মিলিয়ন ডলার। "
        "২০১২ সালে ভুটানে নেপালের রপ্তানি ৩০ মিলিয়ন ডলার এবং নেপালে ভুটানের রপ্তানি ছিল ২০ মিলিয়ন ডলার। "
        "২০১০ সালে এর পরিমাণ ছিল যথাক্রমে ১২ মিলিয়ন ডলার এবং ৯ মিলিয়ন ডলার।"
    )
    dates = [("২০১০ সালে", "2010"), ("২০১২ সালে", "2012"), ("২০১০ সালে এর", "2010")]
    money = [
        ("৫০ মিলিয়ন ডলার", "50000000"),
        ("৩০ মিলিয়ন ডলার", "30000000"),
        ("২০ মিলিয়ন ডলার", "20000000"),
        ("১২ মিলিয়ন ডলার", "12000000"),
        ("৯ মিলিয়ন ডলার", "9000000"),
    ]
    assert _trade(text, dates, money) == [
        ("2010", "total", None, None, ["BT", "NP"], Decimal("50000000")),
        ("2012", "export", "NP", "BT", ["BT", "NP"], Decimal("30000000")),
        ("2012", "export", "BT", "NP", ["BT", "NP"], Decimal("20000000")),
        ("2010", "export", "NP", "BT", ["BT", "NP"], Decimal("12000000")),
        ("2010", "export", "BT", "NP", ["BT", "NP"], Decimal("9000000")),
    ]


def test_import_from_and_restatement() -> None:
    text = (
        "২০১৫ সালে কেনিয়ার আমদানি ছিল ৭ বিলিয়ন ডলার, যার বড় অংশ চীন থেকে। "
        "কেনিয়া ২০১৬ সালে উগান্ডা থেকে ২ বিলিয়ন ডলার আমদানি করে। যা ২০১৭ সালে হয় ৩ বিলিয়ন ডলার।"
    )
    dates = [("২০১৫ সালে", "2015"), ("২০১৬ সালে", "2016"), ("২০১৭ সালে", "2017")]
    money = [("৭ বিলিয়ন ডলার", "7e9"), ("২ বিলিয়ন ডলার", "2e9"), ("৩ বিলিয়ন ডলার", "3e9")]
    assert _trade(text, dates, money) == [
        ("2015", "import", None, "KE", ["KE"], Decimal("7e9")),
        ("2016", "import", "UG", "KE", ["KE", "UG"], Decimal("2e9")),
        ("2017", "import", "UG", "KE", ["KE", "UG"], Decimal("3e9")),
    ]


def test_not_trade() -> None:
    text = (
        "২০২০ সালে প্রবাসী আয় এসেছে ২০ বিলিয়ন ডলার। "
        "রপ্তানির লক্ষ্যমাত্রা ছিল ৫০ বিলিয়ন ডলার। "
        "২০২১ সালে দেশটি ৪ বিলিয়ন ডলার ঋণ পায়।"
    )
    dates = [("২০২০ সালে", "2020"), ("২০২১ সালে", "2021")]
    money = [("২০ বিলিয়ন ডলার", "2e10"), ("৫০ বিলিয়ন ডলার", "5e10"), ("৪ বিলিয়ন ডলার", "4e9")]
    assert _trade(text, dates, money) == []


def test_home_country_and_fiscal_period() -> None:
    # No country named: the Bengali press's home economy exports to the world.
    text = "২০২২-২৩ অর্থবছরে পণ্য রপ্তানি হয় ৫৫ বিলিয়ন ডলার, যা আগের চেয়ে ২ বিলিয়ন ডলার বেশি।"
    dates = [("২০২২-২৩ অর্থবছরে", "2022/2023")]
    money = [("৫৫ বিলিয়ন ডলার", "5.5e10"), ("২ বিলিয়ন ডলার", "2e9")]
    assert _trade(text, dates, money) == [
        ("2022/2023", "export", "BD", None, ["BD"], Decimal("5.5e10")),
    ]


# ---------------------------------------------------------------------------
# Rule-by-rule cases. Texts are written for these tests. Mentions come from a
# tiny test-only annotator (`N কোটি/বিলিয়ন ডলার|টাকা|ইউরো`, `YYYY সালে`,
# `YYYY-YY অর্থবছরে`, `প্রতি X N টাকা`), so each case exercises the trade rules
# alone, whatever the amount and date stages do.

_SCALE = {"": 1, "হাজার": 10**3, "লাখ": 10**5, "কোটি": 10**7, "মিলিয়ন": 10**6, "বিলিয়ন": 10**9}
_CURRENCY = {"ডলার": "USD", "টাকা": "BDT", "ইউরো": "EUR", "রুপি": "INR", "ইয়েন": "JPY"}
_MONEY = re.compile(
    r"(?:প্রতি \S+ )?(\d+(?:\.\d+)?) ?(হাজার|লাখ|কোটি|মিলিয়ন|বিলিয়ন)? ?"
    r"(ডলার|টাকা|ইউরো|রুপি|ইয়েন)(?:ের|এর|র|ে)?"
)
_DATE = re.compile(r"(\d{4})(?:-(\d{2}) অর্থবছরে| সালে| সালের)")


def _auto(text: str) -> list[Key]:
    """find_trade over mentions found by the test annotator above."""
    nt = normalize(text)
    found: list[Found] = []
    for m in _DATE.finditer(nt.text):
        year = int(m.group(1))
        edtf = f"{year}/{year + 1}" if m.group(2) else str(year)
        found.append(Found(m.start(), m.end(), "date", edtf))
    for m in _MONEY.finditer(nt.text):
        value = Decimal(m.group(1)) * _SCALE[m.group(2) or ""]
        found.append(Found(m.start(), m.end(), "money", value, _CURRENCY[m.group(3)]))
    found.sort(key=lambda f: (f.start, -f.end))
    flows = find_trade(nt, sentences(nt.text), found, find_countries(nt.text))
    for f in flows:
        assert text[f.start : f.end] == f.text
        TradeFlow.model_validate(f.model_dump())  # built unvalidated: check the contract
    return [(f.period, f.flow, f.exporter, f.importer, f.parties, f.value) for f in flows]


def _d(n: str) -> Decimal:
    return Decimal(n)


CASES: list[tuple[str, str, list[Key]]] = [
    (
        "genitive exports, locative imports",
        "২০১৯ সালে থাইল্যান্ডে ভিয়েতনামের রপ্তানি ছিল ৩ বিলিয়ন ডলার।",
        [("2019", "export", "VN", "TH", ["TH", "VN"], _d("3e9"))],
    ),
    (
        "import: genitive buyer, `থেকে` seller",
        "২০১৯ সালে ভিয়েতনাম থেকে থাইল্যান্ডের আমদানি ছিল ৪ বিলিয়ন ডলার।",
        [("2019", "import", "VN", "TH", ["TH", "VN"], _d("4e9"))],
    ),
    (
        "respectively pairs figures with flows in order",
        "২০১৮ সালে কেনিয়ায় জাপানের রপ্তানি এবং জাপানে কেনিয়ার রপ্তানি ছিল যথাক্রমে ৯০ কোটি ডলার ও ১২ কোটি ডলার।",
        [
            ("2018", "export", "JP", "KE", ["JP", "KE"], _d("9e8")),
            ("2018", "export", "KE", "JP", ["JP", "KE"], _d("1.2e8")),
        ],
    ),
    (
        "respectively pairs figures with listed countries; the home buys",
        "২০২০ সালে মিসরের সঙ্গে বাণিজ্য বাড়ে। ২০২১ সালে তুরস্ক ও মিসর থেকে আমদানি হয়েছে "
        "যথাক্রমে ৫০০ কোটি টাকা ও ৩০০ কোটি টাকার পণ্য।",
        [
            ("2021", "import", "TR", "BD", ["BD", "TR"], _d("5e9")),
            ("2021", "import", "EG", "BD", ["BD", "EG"], _d("3e9")),
        ],
    ),
    (
        "`এই দুই দেশে` distributes the two countries just named",
        "২০২২ সালে বাংলাদেশের বড় ক্রেতা ছিল ইতালি ও পোল্যান্ড; এই দুই দেশে রপ্তানি হয়েছে "
        "যথাক্রমে ৭০ কোটি ইউরো ও ৪০ কোটি ইউরোর পণ্য।",
        [
            ("2022", "export", "BD", "IT", ["BD", "IT"], _d("7e8")),
            ("2022", "export", "BD", "PL", ["BD", "PL"], _d("4e8")),
        ],
    ),
    (
        "a restatement in another currency copies its flow",
        "২০১৭ সালে নেপালে ভুটানের রপ্তানি ছিল ২০ কোটি ডলার। "
        "ভুটানে নেপালের রপ্তানি ছিল ৫ কোটি ডলার। "
        "ভুটানি মুদ্রায় নেপালের ওই রপ্তানির মূল্য ৪০ কোটি রুপি।",
        [
            ("2017", "export", "BT", "NP", ["BT", "NP"], _d("2e8")),
            ("2017", "export", "NP", "BT", ["BT", "NP"], _d("5e7")),
            ("2017", "export", "NP", "BT", ["BT", "NP"], _d("4e8")),
        ],
    ),
    (
        "`দেশের` in a taka-quoting article is Bangladesh; a named buyer is the partner",
        "২০২৩ সালে দেশের পণ্য রপ্তানি হয়েছে ৪০০০ কোটি টাকার। এর মধ্যে কানাডায় রপ্তানি হয়েছে ৩০০ কোটি টাকার পণ্য।",
        [
            ("2023", "export", "BD", None, ["BD"], _d("4e10")),
            ("2023", "export", "BD", "CA", ["BD", "CA"], _d("3e9")),
        ],
    ),
    (
        "a buyer's market (`X-এর বাজারে`) is the destination",
        "২০২৩ সালে ব্রাজিলের বাজারে রপ্তানি হয়েছে ২০০ কোটি টাকার পণ্য।",
        [("2023", "export", "BD", "BR", ["BD", "BR"], _d("2e9"))],
    ),
    (
        "prices and rates are no trade; `প্রতি বছর` is no price",
        "২০২৩ সালে প্রতি ডলার ১১০ টাকা দরে কেনা হয়। আমদানি করা গমের দাম পড়ে প্রতি টন ৩০০ ডলার। "
        "রপ্তানির ন্যূনতম মূল্য প্রতি কেজি ২ ডলার। প্রতি বছর ভারত থেকে ২০০ কোটি ডলারের পণ্য আমদানি হয়।",
        [("2023", "import", "IN", "BD", ["BD", "IN"], _d("2e9"))],
    ),
    (
        "`X বা Y` is one figure with the first value",
        "২০২১ সালে জার্মানিতে রপ্তানি হয়েছে ১৫ কোটি ইউরো বা ১৭ কোটি ডলারের পণ্য। দাম ১০০ টাকা।",
        [("2021", "export", "BD", "DE", ["BD", "DE"], _d("1.5e8"))],
    ),
    (
        "a figure by which another grew is no flow",
        "২০২১ সালে চীনে রপ্তানি হয়েছে ৯০ কোটি টাকার। ২০২২ সালে চীনে রপ্তানি ১০ কোটি টাকা বেড়েছে।",
        [("2021", "export", "BD", "CN", ["BD", "CN"], _d("9e8"))],
    ),
    (
        "a bilateral total names the article's two countries",
        "২০১০ সালে ব্রাজিল ও আর্জেন্টিনা চুক্তি করে। ২০১৫ সালে ব্রাজিলের সঙ্গে আর্জেন্টিনার "
        "দূতাবাস খোলে। ২০২০ সালে দ্বিপাক্ষিক বাণিজ্য ছিল ২৫ বিলিয়ন ডলার।",
        [("2020", "total", None, None, ["AR", "BR"], _d("2.5e10"))],
    ),
    (
        "a total with one country named has the home economy as its other side",
        "২০২৩ সালে ভারতের সঙ্গে বাণিজ্য হয়েছে ৫০০ কোটি টাকার।",
        [("2023", "total", None, None, ["BD", "IN"], _d("5e9"))],
    ),
    (
        "`দেশটির` is the country named last; an encyclopedia article's home is its subject",
        "তানজানিয়ার অর্থনীতি কৃষিনির্ভর। তানজানিয়ার প্রধান পণ্য সোনা। "
        "২০২২ সালে দেশটির রপ্তানি ছিল ৫ বিলিয়ন ডলার এবং আমদানি ৯ বিলিয়ন ডলার।",
        [
            ("2022", "export", "TZ", None, ["TZ"], _d("5e9")),
            ("2022", "import", None, "TZ", ["TZ"], _d("9e9")),
        ],
    ),
    (
        "no date in the sentence: the period of the sentence it continues, not a compared one",
        "২০১৯-২০ অর্থবছরে জাপান থেকে আমদানি হয়েছে ৮০ লাখ টন। এ সময়ে আমদানি ব্যয় ছিল ৫০ কোটি ডলার। "
        "২০১৮ সালের তুলনায় রপ্তানি কম ছিল। জাপানে রপ্তানি ছিল ৭ কোটি ডলার।",
        [
            ("2019/2020", "import", "JP", "BD", ["BD", "JP"], _d("5e8")),
            ("2019/2020", "export", "BD", "JP", ["BD", "JP"], _d("7e7")),
        ],
    ),
    (
        "`যা` restates only the sentence right before",
        "২০২০ সালে ভারতে রপ্তানি ছিল ২০০ কোটি ডলার। বিশ্ববাজারে চালের দাম ৫০০ ডলার। যা আগের চেয়ে ৫০ ডলার বেশি।",
        [("2020", "export", "BD", "IN", ["BD", "IN"], _d("2e9"))],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_rules(name: str, text: str, expected: list[Key]) -> None:
    assert _auto(text) == expected


NEGATIVE = [
    "২০২৩ সালে প্রবাসী আয় এসেছে ২০০ কোটি ডলার, যা রপ্তানির চেয়ে কম।",
    "২০২৩ সালে রপ্তানিকারকেরা ১০০ কোটি টাকা প্রণোদনা পেয়েছেন।",
    "২০২৩ সালে আমদানির ঋণপত্র খোলা হয়েছে ৫০০ কোটি ডলারের।",
    # A flow word right before a block noun only modifies it.
    "২০২৩ সালে দেশে ৫০০ কোটি ডলারের আমদানি ঋণপত্র খোলা হয়েছে।",
    "২০২৩ সালে ৮০ কোটি ডলারের যন্ত্রপাতি আমদানির এলসি খোলা হয়েছে।",
    "রপ্তানি বাড়াতে সরকার ৫০ কোটি টাকার তহবিল গঠন করেছে।",
    "২০২২ সালে বাণিজ্য ঘাটতি দাঁড়ায় ১৫ বিলিয়ন ডলার।",
    "প্রতি ডলার ১২০ টাকা হিসাবে রপ্তানি আয় হিসাব করা হয়।",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_trade_rules(text: str) -> None:
    assert _auto(text) == []


_NAMES = [("থাইল্যান্ড", "TH"), ("ভিয়েতনাম", "VN"), ("নেপাল", "NP"), ("জাপান", "JP"), ("কেনিয়া", "KE")]


@settings(max_examples=40, deadline=None)
@given(
    pair=st.permutations(_NAMES).map(lambda p: p[:2]),
    amount=st.integers(min_value=1, max_value=9999),
    flow=st.sampled_from(["রপ্তানি", "আমদানি"]),
    year=st.integers(min_value=1950, max_value=2030),
)
def test_direction_property(pair: list[tuple[str, str]], amount: int, flow: str, year: int) -> None:
    """`Y-এ X-এর রপ্তানি` is X → Y; `Y থেকে X-এর আমদানি` is Y → X; any names, figures."""
    (x, cx), (y, cy) = pair
    loc = y + ("য়" if y.endswith(("া", "ি")) else "ে")
    if flow == "রপ্তানি":
        text = f"{year} সালে {loc} {x}ের রপ্তানি ছিল {amount} কোটি ডলার।"
        want = ("export", cx, cy)
    else:
        text = f"{year} সালে {y} থেকে {x}ের আমদানি ছিল {amount} কোটি ডলার।"
        want = ("import", cy, cx)
    got = _auto(text)
    assert got == [(str(year), *want, sorted([cx, cy]), Decimal(amount) * 10**7)]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "রপ্তানি",
                "আমদানি",
                "যথাক্রমে",
                "যা",
                "৫ কোটি ডলার",
                "প্রতি টন",
                "ভারত থেকে",
                "চীনে",
                "দুই দেশের",
                "দেশের",
                "দেশটিতে",
                "জাপানের মুদ্রায়",
                "ওই",
                "একই সময়ে",
                "বাণিজ্য",
                "২০২০ সালে",
                "।",
                "ও",
                ";",
                "বা",
                "(",
                ")",
                "\n",
            ]
        ),
        max_size=30,
    )
)
def test_never_crashes(pieces: list[str]) -> None:
    """Any arrangement of trade words yields valid records whose parties hold both sides."""
    for key in _auto(" ".join(pieces)):
        _, flow, exporter, importer, parties, _ = key
        assert {c for c in (exporter, importer) if c} <= set(parties)
        if flow == "total":
            assert exporter is None and importer is None


def test_list_of_home_word_and_country() -> None:
    """`দেশের ও ভারত থেকে`: a home word is no list member (and must not break pairing)."""
    text = "২০২০ সালে দেশের ও ভারত থেকে আমদানি যথাক্রমে ৫ কোটি ডলার ও ৬ কোটি ডলার।"
    for key in _auto(text):
        assert key[1] == "import"


def test_anaphor_skips_a_locative_of_its_own_sentence() -> None:
    # `উগান্ডায় দেশটির রপ্তানি`: the locative is where the goods go; `দেশটি` is Kenya.
    text = "কেনিয়ার পরিসংখ্যান দপ্তরের হিসাবে ২০২০ সালে উগান্ডায় দেশটির রপ্তানি ছিল ৬০ কোটি ডলার।"
    got = _trade(text, [("২০২০ সালে", "2020")], [("৬০ কোটি ডলার", "600000000")])
    assert got == [("2020", "export", "KE", "UG", ["KE", "UG"], Decimal("600000000"))]


def test_coordinated_destinations_and_no_partner_after_respectively() -> None:
    # A later figure with no partner does not continue one of the `যথাক্রমে` pairs;
    # `নেপাল ও ভুটানে`: the locative ending of the last conjunct is the whole list's.
    text = (
        "বাংলাদেশ পাটপণ্য রপ্তানি করে। "
        "২০২১ সালে বাংলাদেশ থেকে নেপাল ও ভুটানে রপ্তানি হয়েছে যথাক্রমে ৯ কোটি ও ৭ কোটি ডলারের পণ্য। "
        "শুধু ডিসেম্বরেই রপ্তানি আয় এসেছে ২ কোটি ডলার। "
        "২০২২ সালে বাংলাদেশের পণ্য নেপাল ও ভুটানে রপ্তানি হয়েছে ১৮ কোটি ডলারের।"
    )
    dates = [("২০২১ সালে", "2021"), ("ডিসেম্বরেই", "2021-12"), ("২০২২ সালে", "2022")]
    money = [
        ("৯ কোটি", "90000000"),
        ("৭ কোটি ডলারের", "70000000"),
        ("২ কোটি ডলার", "20000000"),
        ("১৮ কোটি ডলারের", "180000000"),
    ]
    got = _trade(text, dates, money)
    assert got[:3] == [
        ("2021", "export", "BD", "NP", ["BD", "NP"], Decimal("90000000")),
        ("2021", "export", "BD", "BT", ["BD", "BT"], Decimal("70000000")),
        ("2021-12", "export", "BD", None, ["BD"], Decimal("20000000")),
    ]
    # Neither listed destination is the seller.
    assert got[3][:3] == ("2022", "export", "BD")


def test_rate_range_trade_office_and_target_are_no_flows() -> None:
    text = (
        "২০২২ সালে যুক্তরাষ্ট্রের বাণিজ্য বিভাগের হিসাবে দেশটি কেনিয়া থেকে ৫০ কোটি ডলারের পণ্য আমদানি করেছে। "
        "আমদানি দায় মেটাতে ব্যাংকগুলো প্রতি ডলার ১১১ টাকা থেকে ১১২ টাকা নিচ্ছে। "
        "দুই দেশ ২০৩০ সালের মধ্যে দ্বিপাক্ষিক বাণিজ্য ৩ বিলিয়ন ডলারে নিতে চায়।"
    )
    dates = [("২০২২ সালে", "2022"), ("২০৩০ সালের", "2030")]
    money = [
        ("৫০ কোটি ডলারের", "500000000"),
        ("প্রতি ডলার ১১১ টাকা", "111"),
        ("১১২ টাকা", "112"),
        ("৩ বিলিয়ন ডলারে", "3000000000"),
    ]
    # `বাণিজ্য বিভাগ` is an office, not a total; the second end of a rate range is a
    # rate; `... ডলারে নিতে চায়` is an aim.
    assert _trade(text, dates, money) == [
        ("2022", "import", "KE", "US", ["KE", "US"], Decimal("500000000"))
    ]


def test_weak_flow_verbs() -> None:
    # `গেছে`/`পাঠিয়েছে` with a destination are exports, `X থেকে এসেছে` an import,
    # and `আয়` in an export context export earnings; none of them without their cue.
    text = (
        "২০১৮ সালে পোশাক বিদেশে বিক্রি করে বাংলাদেশ আয় করেছে ৩০ বিলিয়ন ডলার। "
        "২০১৭ সালে এই আয় ছিল ২৭ বিলিয়ন ডলার। "
        "২০১৮ সালে কানাডার বাজারে গেছে ১ বিলিয়ন ডলারের পোশাক। "
        "একই বছর মিয়ানমার থেকে এসেছে ৫০ কোটি ডলারের চাল। "
        "২০১৯ সালে দেশটি নেপালে ৫ কোটি ডলারের ওষুধ পাঠিয়েছে।"
    )
    dates = [
        ("২০১৮ সালে পোশাক", "2018"),
        ("২০১৭ সালে", "2017"),
        ("২০১৮ সালে কানাডার", "2018"),
        ("একই বছর", "2018"),
        ("২০১৯ সালে", "2019"),
    ]
    money = [
        ("৩০ বিলিয়ন ডলার", "3e10"),
        ("২৭ বিলিয়ন ডলার", "2.7e10"),
        ("১ বিলিয়ন ডলারের", "1e9"),
        ("৫০ কোটি ডলারের", "5e8"),
        ("৫ কোটি ডলারের", "5e7"),
    ]
    assert _trade(text, dates, money) == [
        ("2018", "export", "BD", None, ["BD"], Decimal("3e10")),
        ("2017", "export", "BD", None, ["BD"], Decimal("2.7e10")),
        ("2018", "export", "BD", "CA", ["BD", "CA"], Decimal("1e9")),
        ("2018", "import", "MM", "BD", ["BD", "MM"], Decimal("5e8")),
        ("2019", "export", "MM", "NP", ["MM", "NP"], Decimal("5e7")),
    ]


def test_weak_words_yield_to_block_words_and_plans() -> None:
    text = (
        "২০২২ সালে রপ্তানি ছিল ৪০ বিলিয়ন ডলার। "
        "২০২২ সালে প্রবাসী আয় এসেছে ২১ বিলিয়ন ডলার। "
        "জানা গেছে, দুই দেশ ২০৩০ সালের মধ্যে বাণিজ্য ১০ বিলিয়ন ডলারে উন্নীত করার লক্ষ্য নিয়েছে। "
        "ব্যবসায়ীরা বলছেন, রপ্তানি ৫০ বিলিয়ন ডলার ছাড়াতে পারে।"
    )
    dates = [("২০২২ সালে রপ্তানি", "2022"), ("২০২২ সালে প্রবাসী", "2022"), ("২০৩০ সালের", "2030")]
    money = [
        ("৪০ বিলিয়ন ডলার", "4e10"),
        ("২১ বিলিয়ন ডলার", "2.1e10"),
        ("১০ বিলিয়ন ডলারে", "1e10"),
        ("৫০ বিলিয়ন ডলার", "5e10"),
    ]
    assert _trade(text, dates, money) == [("2022", "export", "BD", None, ["BD"], Decimal("4e10"))]


def test_there_and_partner_of_the_export_clause() -> None:
    text = (
        "২০২০ সালে মালয়েশিয়ায় বাংলাদেশের রপ্তানি ছিল ৩০ কোটি ডলার, "
        "আর সেখান থেকে আমদানি হয় ৯০ কোটি ডলারের পণ্য। "
        "২০২১ সালে থাইল্যান্ডে বাংলাদেশের রপ্তানি বাড়ে ৫ কোটি ডলারে, তবে আমদানি কমে ৭০ কোটি ডলারে নামে।"
    )
    dates = [("২০২০ সালে", "2020"), ("২০২১ সালে", "2021")]
    money = [
        ("৩০ কোটি ডলার", "3e8"),
        ("৯০ কোটি ডলারের", "9e8"),
        ("৫ কোটি ডলারে", "5e7"),
        ("৭০ কোটি ডলারে", "7e8"),
    ]
    assert _trade(text, dates, money) == [
        ("2020", "export", "BD", "MY", ["BD", "MY"], Decimal("3e8")),
        ("2020", "import", "MY", "BD", ["BD", "MY"], Decimal("9e8")),
        ("2021", "export", "BD", "TH", ["BD", "TH"], Decimal("5e7")),
        ("2021", "import", "TH", "BD", ["BD", "TH"], Decimal("7e8")),
    ]


def test_bangladesh_as_a_trader_is_home_and_respectively_after_a_figure() -> None:
    # Sri Lanka and the Maldives are named more often, but Bangladesh trades: the
    # unnamed importer is Bangladesh. `যথাক্রমে` closes only its own statement.
    text = (
        "শ্রীলঙ্কা ও মালদ্বীপে বাংলাদেশের রপ্তানি ২০২৩ সালে বেড়েছে। শ্রীলঙ্কা ও মালদ্বীপ দ্বীপরাষ্ট্র। "
        "শ্রীলঙ্কা থেকে আমদানি ছিল ১২ কোটি ডলার। "
        "২০২৩ সালে ভারতে গেছে ৮০ কোটি ডলারের পণ্য, "
        "আর শ্রীলঙ্কা ও মালদ্বীপে গেছে যথাক্রমে ৭ কোটি ও ২ কোটি ডলারের।"
    )
    dates = [("২০২৩ সালে বেড়েছে", "2023"), ("২০২৩ সালে ভারতে", "2023")]
    money = [
        ("১২ কোটি ডলার", "1.2e8"),
        ("৮০ কোটি ডলারের", "8e8"),
        ("৭ কোটি", "7e7"),
        ("২ কোটি ডলারের", "2e7"),
    ]
    assert _trade(text, dates, money) == [
        ("2023", "import", "LK", "BD", ["BD", "LK"], Decimal("1.2e8")),
        ("2023", "export", "BD", "IN", ["BD", "IN"], Decimal("8e8")),
        ("2023", "export", "BD", "LK", ["BD", "LK"], Decimal("7e7")),
        ("2023", "export", "BD", "MV", ["BD", "MV"], Decimal("2e7")),
    ]


def test_same_time_is_the_period_in_focus_not_the_comparison_base() -> None:
    text = (
        "২০২৪ সালের জানুয়ারি-জুনে রপ্তানি হয়েছে ২০ বিলিয়ন ডলারের। "
        "আগের বছরের একই সময়ে রপ্তানি ছিল ১৮ বিলিয়ন ডলার।\n\n"
        "এ সময়ে জার্মানিতে রপ্তানি হয়েছে ৩ বিলিয়ন ডলারের।"
    )
    dates = [("২০২৪ সালের জানুয়ারি-জুনে", "2024-01/2024-06"), ("আগের বছরের একই সময়ে", "2023-01/2023-06")]
    money = [("২০ বিলিয়ন ডলারের", "2e10"), ("১৮ বিলিয়ন ডলার", "1.8e10"), ("৩ বিলিয়ন ডলারের", "3e9")]
    got = _trade(text, dates, money)
    assert got[2] == ("2024-01/2024-06", "export", "BD", "DE", ["BD", "DE"], Decimal("3e9"))


def test_bought_from_a_named_source_is_an_import() -> None:
    # `কিনেছে` with `X থেকে` names the seller; `দেশটি` is the buyer named before.
    text = (
        "মিসর বিশ্বের বড় গম আমদানিকারক। ২০২১ সালে দেশটি রাশিয়া থেকে ২০০ কোটি ডলারের গম কিনেছে। "
        "একই বছর কেন্দ্রীয় ব্যাংক ৫০ কোটি ডলার কিনেছে।"
    )
    dates = [("২০২১ সালে", "2021"), ("একই বছর", "2021")]
    money = [("২০০ কোটি ডলারের", "2000000000"), ("৫০ কোটি ডলার", "500000000")]
    assert _trade(text, dates, money) == [
        ("2021", "import", "RU", "EG", ["EG", "RU"], Decimal("2000000000")),
    ]


def test_customs_office_is_no_tariff() -> None:
    text = "মেক্সিকোর শুল্ক প্রশাসন জানিয়েছে, ২০২২ সালে মেক্সিকো ৫৮ হাজার কোটি ডলারের পণ্য রপ্তানি করেছে।"
    dates = [("২০২২ সালে", "2022")]
    money = [("৫৮ হাজার কোটি ডলারের", "580000000000")]
    assert _trade(text, dates, money) == [
        ("2022", "export", "MX", None, ["MX"], Decimal("580000000000")),
    ]


def test_region_partner_is_null_and_not_borrowed() -> None:
    text = (
        "২০২২ সালে তুরস্কের রপ্তানি ছিল ২৫ হাজার ৪০০ কোটি ডলার। "
        "জার্মানিতে তুরস্কের রপ্তানি ২ হাজার ১০০ কোটি ডলার। "
        "ইইউতে রপ্তানি ছিল ১০ হাজার ৩০০ কোটি ডলার।"
    )
    dates = [("২০২২ সালে", "2022")]
    money = [
        ("২৫ হাজার ৪০০ কোটি ডলার", "254000000000"),
        ("২ হাজার ১০০ কোটি ডলার", "21000000000"),
        ("১০ হাজার ৩০০ কোটি ডলার", "103000000000"),
    ]
    got = _trade(text, dates, money)
    assert got[2] == ("2022", "export", "TR", None, ["TR"], Decimal("103000000000"))


def test_anaphor_passes_over_places_and_sources_before_it() -> None:
    text = (
        "২০২২ সালে ব্রাজিলের রপ্তানি বেড়েছে। চীনে ব্রাজিলের রপ্তানি ৮৯ বিলিয়ন ডলার। "
        "আর্জেন্টিনায় চালান কমেছে। যুক্তরাষ্ট্র থেকে দেশটি ৫১ বিলিয়ন ডলারের পণ্য আমদানি করেছে।"
    )
    dates = [("২০২২ সালে", "2022")]
    money = [("৮৯ বিলিয়ন ডলার", "89000000000"), ("৫১ বিলিয়ন ডলারের", "51000000000")]
    assert _trade(text, dates, money)[1] == (
        "2022",
        "import",
        "US",
        "BR",
        ["BR", "US"],
        Decimal("51000000000"),
    )


def test_comparison_base_before_the_figure_is_not_its_period() -> None:
    text = (
        "২০২২ সালের প্রথম ছয় মাসে চিলিতে পেরুর রপ্তানি আগের বছরের একই সময়ের তুলনায় "
        "৮ শতাংশ কমে ১৫০ কোটি ডলারে দাঁড়ায়।"
    )
    dates = [
        ("২০২২ সালের প্রথম ছয় মাসে", "2022-01/2022-06"),
        ("আগের বছরের একই সময়ের", "2021-01/2021-06"),
    ]
    money = [("১৫০ কোটি ডলারে", "1500000000")]
    assert _trade(text, dates, money)[0][0] == "2022-01/2022-06"


def test_new_paragraph_without_a_time_continues_the_last_period() -> None:
    text = (
        "শুল্ক দপ্তর জানায়, মার্চ মাসে জাপান ৮ হাজার কোটি ডলারের পণ্য রপ্তানি করেছে।\n\n"
        "বাজারভিত্তিক হিসাবে চীনে জাপানের রপ্তানি ১ হাজার ৫০০ কোটি ডলার।"
    )
    dates = [("মার্চ মাসে", "XXXX-03")]
    money = [("৮ হাজার কোটি ডলারের", "80000000000"), ("১ হাজার ৫০০ কোটি ডলার", "15000000000")]
    assert [k[0] for k in _trade(text, dates, money)] == ["XXXX-03", "XXXX-03"]


def test_verb_final_flow_word_belongs_to_the_figure_before_it() -> None:
    # `X ... রপ্তানি করে এবং Y থেকে ... আমদানি করে`: the second figure is the import,
    # and its clause keeps the subject of the first.
    text = (
        "২০২০ সালে মিসর সুদানে ৪০ কোটি ডলারের পণ্য রপ্তানি করে এবং সুদান থেকে ১২ কোটি ডলারের পণ্য আমদানি করে।"
    )
    money = [("৪০ কোটি ডলারের", "400000000"), ("১২ কোটি ডলারের", "120000000")]
    assert _trade(text, [("২০২০ সালে", "2020")], money) == [
        ("2020", "export", "EG", "SD", ["EG", "SD"], Decimal("400000000")),
        ("2020", "import", "SD", "EG", ["EG", "SD"], Decimal("120000000")),
    ]


def test_export_promotion_bureau_names_no_flow() -> None:
    text = "রপ্তানি উন্নয়ন ব্যুরোর তথ্য অনুযায়ী, ২০২১ সালে বাংলাদেশ মিসর থেকে ৫ কোটি ডলারের পণ্য আমদানি করেছে।"
    money = [("৫ কোটি ডলারের", "50000000")]
    assert _trade(text, [("২০২১ সালে", "2021")], money) == [
        ("2021", "import", "EG", "BD", ["BD", "EG"], Decimal("50000000")),
    ]
