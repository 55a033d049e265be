"""Dates and times of day in the cross-check: forms read, and which dates are compared."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from verify.engine.crosscheck import Passage
from verify.engine.crosscheck.compare import assess, conflict_signals
from verify.engine.crosscheck.particulars import clocks, dates, dates_overlap, figures

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


# --- times of day ------------------------------------------------------------------------------

FOUR_DIGIT_TIMES = [
    ("The accident happened at 0740 GMT near Shap.", 7 * 60 + 40, "0740 GMT"),
    ("The ferry overturned at 0640 local time.", 6 * 60 + 40, "0640 local time"),
    ("Troops moved in at 1500 hrs.", 15 * 60, "1500 hrs"),
    ("The strike ends at 1930 GMT on Friday.", 19 * 60 + 30, "1930 GMT"),
]


@pytest.mark.parametrize(("text", "minutes", "surface"), FOUR_DIGIT_TIMES)
def test_four_digit_times_with_a_zone_are_times_not_years_or_counts(text, minutes, surface):
    (clock,) = clocks(text)
    assert (clock.minutes, clock.surface) == (minutes, surface)
    assert not any(w.precision == "year" for w in dates(text, WEDNESDAY))
    assert not figures(text)


@pytest.mark.parametrize("text", ["in 1930 the plant opened", "flight 2024 from Oslo", "1500 jobs"])
def test_four_digits_without_a_zone_are_no_time(text):
    assert clocks(text) == ()


TIME_SIGNALS = [
    # One event: the times differ.
    ("The alarm was raised at 11pm.", "The alarm was raised at 6am.", ["dates"]),
    # Told roughly, one time: 'shortly before 4am' is 3.42am.
    ("Police were called shortly before 4am.", "Police were called at 3.42am.", []),
    # Two events of a story, each at its time.
    (
        "Electricity demand peaked shortly after 8pm.",
        "Solar generation set a record at midday.",
        [],
    ),
]


@pytest.mark.parametrize(("a", "b", "kinds"), TIME_SIGNALS)
def test_times_differ_only_for_one_event(a, b, kinds):
    assert _signals(a, b) == kinds


# --- a day ahead told as a duration ------------------------------------------------------------

TIMES_AHEAD = [
    ("Replacement packs will be shipped in 12 days' time.", date(2026, 3, 21), date(2026, 3, 25)),
    ("The line will reopen in two weeks.", date(2026, 3, 23), date(2026, 3, 27)),
    ("The review is expected to take about six weeks.", date(2026, 4, 16), date(2026, 4, 28)),
    ("Repairs could take up to three months.", date(2026, 3, 11), date(2026, 6, 10)),
]


@pytest.mark.parametrize(("text", "first", "last"), TIMES_AHEAD)
def test_a_duration_ahead_is_a_day_that_far_from_the_article(text, first, last):
    assert [(w.first, w.last) for w in dates(text, WEDNESDAY)] == [(first, last)]


NOT_AHEAD = [
    "Prices rose for the first time in six weeks.",
    "It was the biggest fall in two years.",
    "The repairs took six weeks.",
    "He was released in three years.",
]


@pytest.mark.parametrize("text", NOT_AHEAD)
def test_a_stretch_back_or_a_past_duration_is_no_day_ahead(text):
    assert dates(text, WEDNESDAY) == ()


def test_a_duration_ahead_against_a_deadline_differs():
    kinds = _signals(
        "The commission is expected to report by the end of the month.",
        "The commission's review is expected to take about six weeks.",
    )
    assert kinds == ["dates"]


# --- one night, two days -----------------------------------------------------------------------

NIGHTS = [
    (
        "the fire broke out late on Saturday",
        "the fire broke out in the early hours of Sunday",
        True,
    ),
    (
        "the fire broke out on Saturday night",
        "the fire broke out in the small hours of Sunday",
        True,
    ),
    ("the fire broke out on Saturday night", "the fire broke out early on Sunday", True),
    # Not one night: a whole day, or the morning of the day before.
    ("the fire broke out on Saturday", "the fire broke out in the early hours of Sunday", False),
    ("the fire broke out late on Saturday", "the fire broke out on Sunday", False),
    (
        "the fire broke out late on Sunday",
        "the fire broke out in the early hours of Saturday",
        False,
    ),
]


@pytest.mark.parametrize(("a", "b", "meet"), NIGHTS)
def test_the_night_of_a_day_meets_the_early_hours_of_the_next(a, b, meet):
    (wa,) = dates(a, WEDNESDAY)
    (wb,) = dates(b, WEDNESDAY)
    assert dates_overlap(wa, wb) is meet
    assert dates_overlap(wb, wa) is meet


def test_the_early_hours_of_a_day_are_its_early_part():
    (when,) = dates("thieves broke in in the early hours of Sunday", WEDNESDAY)
    assert (when.first, when.part, when.surface) == (
        date(2026, 3, 8),
        "early",
        "early hours of Sunday",
    )


# --- dates of two events -----------------------------------------------------------------------

TWO_EVENTS = [
    # Nothing shared but particulars: two events, each on its day.
    (
        "Two night guards were questioned by detectives on Monday.",
        "Police arrested two men on Tuesday.",
    ),
    (
        "Two climbers were rescued by helicopter on Sunday.",
        "Rangers closed two trails on Saturday.",
    ),
    ("Three people were questioned on Monday.", "Police detained three men on Tuesday."),
]


@pytest.mark.parametrize(("a", "b"), TWO_EVENTS)
def test_sentences_sharing_only_particulars_date_two_events(a, b):
    match = assess(Passage(a, published_at=WEDNESDAY), Passage(b, published_at=WEDNESDAY))
    assert match is None or "dates_differ" not in match.features


def test_one_statement_on_two_days_is_still_a_dates_conflict():
    match = assess(
        Passage("The ferry capsized off Batangas on Saturday.", published_at=WEDNESDAY),
        Passage("The ferry capsized off Batangas on Friday.", published_at=WEDNESDAY),
    )
    assert match is not None and match.features.get("dates_differ") == 1.0


# --- a plan and what was ---------------------------------------------------------------------

PLAN_AND_PAST = [
    # One date of what was, one of what is to come: two moments, no dates conflict.
    (
        'Lindqvist said Saturday was "the darkest day" for the resort.',
        "Lindqvist said the resort would close on Sunday.",
        [],
    ),
    ("The ferry capsized on Saturday.", "The inquiry will open on Monday.", []),
    # Both of what was (or both of what is to come): one event on two days.
    ("The ferry sank on Saturday.", "The ferry sank on Sunday.", ["dates"]),
    ("The inquiry will open on Monday.", "The inquiry will open on Tuesday.", ["dates"]),
    # A clause that tells both ('began ... what the grid could supply') is no plan.
    (
        "Greece began rolling blackouts on Tuesday as demand rose beyond what the grid could "
        "supply.",
        "Greece began rolling blackouts on Monday.",
        ["dates"],
    ),
]


@pytest.mark.parametrize(("a", "b", "kinds"), PLAN_AND_PAST)
def test_a_date_of_a_plan_is_not_set_against_a_date_of_what_was(a, b, kinds):
    assert _signals(a, b) == kinds


# --- dates and windows that are not when the fact happened -----------------------------------

NOT_THE_FACTS_DATE = [
    # A comparison's baseline: the period the figure is measured against.
    ("Unemployment is now 0.5 percentage points higher than in February.", ()),
    ("Sales were up 4% compared with March.", ()),
    ("Exports fell 3% compared to 2024.", ()),
    ("The rate rose to 5.3% in April, higher than in February.", ("April",)),
    # A window counted from another event, not from the article's day.
    ("Police reached the museum within four minutes of the alarm.", ()),
    ("The fire was out within two hours after the blast.", ()),
    ("Repairs will be done within a month from the closure.", ()),
    ("A decision is expected within two weeks.", ("within two weeks",)),
]


@pytest.mark.parametrize(("text", "surfaces"), NOT_THE_FACTS_DATE)
def test_baselines_and_event_windows_are_no_dates_of_the_fact(text, surfaces):
    assert tuple(w.surface for w in dates(text, WEDNESDAY)) == surfaces


def test_a_baseline_month_does_not_contradict_the_facts_month():
    assert (
        _signals(
            "Unemployment rose to 5.3% in April, the statistics office said.",
            "Unemployment is now 0.5 percentage points higher than in February.",
        )
        == []
    )


# --- the date of another instance of the thing ------------------------------------------------

INSTANCES = [
    ("The last major metro strike, in December 2024, lasted four days.", [True]),
    ("The board's next meeting is on 16 June.", [True]),
    ("Economists see a further reduction in August.", [True]),
    ("A similar notice in Alnwick in 2022 was lifted.", [True]),
    ("Unemployment was last at this level in October 2021.", [True]),
    # 'last' and 'next' that are dates themselves, and an instance word in another clause.
    ("The council met last week and will vote next Thursday.", [False, False]),
    ("The vote came late last Tuesday.", [False]),
    ("The strike began on Thursday, the last day of talks.", [False]),
    ("The last train had left when the bridge closed on Friday.", [False]),
]


@pytest.mark.parametrize(("text", "another"), INSTANCES)
def test_a_date_governed_by_last_next_or_further_is_of_another_instance(text, another):
    assert [w.another for w in dates(text, WEDNESDAY)] == another


INSTANCE_SIGNALS = [
    # Another instance against the story's own: two occasions, no contradiction.
    (
        "The last major metro strike, in December 2024, lasted four days.",
        "A 72-hour metro strike began early on Thursday.",
        [],
    ),
    (
        "The bank's next rate meeting is on 16 June.",
        "The bank announced its rate decision on Tuesday after a two-day meeting.",
        [],
    ),
    # Both of the other instance: their dates are compared.
    (
        "The board's next meeting is on 16 June.",
        "The board's next meeting is on 23 June.",
        ["dates"],
    ),
]


@pytest.mark.parametrize(("a", "b", "kinds"), INSTANCE_SIGNALS)
def test_only_dates_of_one_instance_differ(a, b, kinds):
    assert _signals(a, b) == kinds


# --- a state seen on a day ---------------------------------------------------------------------

STATE_SIGNALS = [
    # A state seen on a later day: no date of the event that began it differs from it.
    ("Police detained the two men on Monday.", "Both men remained in custody on Tuesday.", []),
    ("The ferry capsized on Monday.", "Rescuers were still searching on Tuesday.", []),
    ("The resort closed on Monday.", "The resort stayed closed on Tuesday.", []),
    # The day a state ends is its own particular, and two such days differ.
    (
        "The line is expected to remain closed until at least Saturday.",
        "The line will stay shut until next Monday at the earliest.",
        ["dates"],
    ),
    # Two events on two days still differ.
    (
        "Police detained the two men on Monday.",
        "Police detained the two men on Tuesday.",
        ["dates"],
    ),
]


@pytest.mark.parametrize(("a", "b", "kinds"), STATE_SIGNALS)
def test_a_state_seen_on_a_day_is_no_date_of_the_event(a, b, kinds):
    assert _signals(a, b) == kinds
