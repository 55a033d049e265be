"""Dates and times of day in the cross-check: forms read, and which dates are compared."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from verify.engine.crosscheck import Passage
from verify.engine.crosscheck.compare import conflict_signals
from verify.engine.crosscheck.particulars import dates

# A Wednesday afternoon.
WEDNESDAY = datetime(2026, 3, 11, 17, 40, tzinfo=UTC)


def _signals(a: str, b: str) -> list[str]:
    found = conflict_signals(Passage(a, published_at=WEDNESDAY), Passage(b, published_at=WEDNESDAY))
    return [kind for kind, _ in found]


# --- the date of another event, told as a gap from a date ------------------------------------

EVENT_GAPS = [
    (
        "The hospital made the outbreak public on Wednesday, a day after the county was notified.",
        (date(2026, 3, 11), date(2026, 3, 11)),
        (date(2026, 3, 10), date(2026, 3, 10)),
        ("the", "county", "was", "notified"),
    ),
    (
        "Pellow was charged in June 2024, a year after the collapse.",
        (date(2024, 6, 1), date(2024, 6, 30)),
        (date(2023, 6, 1), date(2023, 6, 30)),
        ("the", "collapse"),
    ),
    (
        "The museum was closed on Friday, two days before it was due to open.",
        (date(2026, 3, 6), date(2026, 3, 6)),
        (date(2026, 3, 8), date(2026, 3, 8)),
        ("it", "was", "due", "to", "open"),
    ),
    (
        "The talks broke down on 2 March, a week after they began.",
        (date(2026, 3, 2), date(2026, 3, 2)),
        (date(2026, 2, 23), date(2026, 2, 23)),
        ("they", "began"),
    ),
]


@pytest.mark.parametrize(("text", "own", "other", "clause"), EVENT_GAPS)
def test_a_gap_after_a_date_dates_the_other_event(text, own, other, clause):
    first, second = dates(text, WEDNESDAY)
    assert (first.first, first.last, first.other) == (*own, False)
    assert (second.first, second.last, second.other) == (*other, True)
    assert second.clause == clause


GAP_SIGNALS = [
    # The notice's Tuesday is no day of the disclosure: Tuesday vs Wednesday still differ.
    (
        "The hospital disclosed the outbreak on Tuesday.",
        "The hospital made the outbreak public on Wednesday, a day after the county was notified.",
        ["dates"],
    ),
    # The collapse is dated by both: June 2023.
    (
        "The bridge collapsed on June 14, 2023.",
        "The builder was charged in June 2024, a year after the collapse.",
        [],
    ),
    # Of one event (the notice), Monday vs Tuesday.
    (
        "The county was notified on Monday.",
        "The hospital made the outbreak public on Wednesday, a day after the county was notified.",
        ["dates"],
    ),
    # The gap is no figure to set against 'three weeks'.
    (
        "Nine patients fell ill in the past three weeks, the hospital disclosed on Wednesday.",
        "The hospital made the outbreak public on Wednesday, a day after the county was notified.",
        [],
    ),
]


@pytest.mark.parametrize(("a", "b", "kinds"), GAP_SIGNALS)
def test_the_date_of_another_event_is_met_only_by_that_event(a, b, kinds):
    assert _signals(a, b) == kinds


def test_a_reason_names_the_dates_of_one_event():
    found = dict(
        conflict_signals(
            Passage(
                "Opponents were regrouping on Wednesday after the council approved the "
                "stadium late Tuesday night.",
                published_at=WEDNESDAY,
            ),
            Passage("The council approved the stadium on Monday night.", published_at=WEDNESDAY),
        )
    )
    assert found["dates"] == "dates differ: Tuesday 10 March vs Monday 9 March"
