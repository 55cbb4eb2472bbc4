"""The merge of date and amount matches (mentions.merge) against a brute-force rule."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from extractor.matches import Found
from extractor.mentions import merge


def _found(kind: str) -> st.SearchStrategy[Found]:
    return st.tuples(st.integers(0, 60), st.integers(1, 12)).map(
        lambda t: Found(t[0], t[0] + t[1], kind, "1983" if kind == "date" else Decimal(1))  # type: ignore[arg-type]
    )


def _overlaps(a: Found, b: Found) -> bool:
    return a.start < b.end and b.start < a.end


@given(
    st.lists(_found("date"), max_size=8),
    st.lists(
        st.one_of(*(_found(k) for k in ("money", "percent", "quantity", "number"))), max_size=8
    ),
)
def test_merge_matches_brute_force(dates: list[Found], amounts: list[Found]) -> None:
    strong = [a for a in amounts if a.kind in ("money", "percent")]
    kept_dates = [d for d in dates if not any(_overlaps(d, a) for a in strong)]
    kept_amounts = [
        a for a in amounts if a in strong or not any(_overlaps(a, d) for d in kept_dates)
    ]
    expected = sorted(kept_dates + kept_amounts, key=lambda f: (f.start, -f.end))
    assert merge(dates, amounts) == expected


def test_money_beats_date_and_date_beats_number() -> None:
    money = Found(0, 10, "money", Decimal("956000000"), "USD")
    year_inside_money = Found(0, 4, "date", "1995")
    year = Found(20, 29, "date", "2011")
    bare = Found(20, 24, "number", Decimal(2011))
    assert merge([year_inside_money, year], [money, bare]) == [money, year]
