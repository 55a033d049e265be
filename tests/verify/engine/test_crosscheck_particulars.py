"""Particulars normalised before comparison: one table per form, negatives included."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.engine.crosscheck import Passage, compare
from verify.engine.crosscheck.compare import conflict_signals
from verify.engine.crosscheck.particulars import (
    Figure,
    clocks,
    clocks_meet,
    dates,
    dates_overlap,
    figures,
    figures_overlap,
    same_measure,
    show_date,
)
from verify.engine.vocabulary import Relation

# A Wednesday afternoon.
WEDNESDAY = datetime(2026, 3, 11, 17, 40, tzinfo=UTC)


def _one(text: str) -> Figure:
    found = figures(text)
    assert len(found) == 1, found
    return found[0]


def _days(text: str, published_at: datetime | None = WEDNESDAY) -> list[tuple[date, date]]:
    return [(w.first, w.last) for w in dates(text, published_at)]


# --- figures: numbers with scale words and units ---------------------------------------------

SCALES = [
    ("2.5 million tonnes of grain", "measure", 2_500_000, "kg", 2_500_000_000),
    ("2,500,000 tonnes of grain", "measure", 2_500_000, "kg", 2_500_000_000),
    ("the 18-metre structure", "measure", 18, "m", 18),
    ("about 2.3 kilometres short of the runway", "measure", 2.3, "m", 2300),
    ("roughly 2,300 metres short of the runway", "measure", 2300, "m", 2300),
    ("a 1.200.000 strong crowd", "count", 1_200_000, "", 1_200_000),
    ("some 4m journeys a day", "count", 4_000_000, "", 4_000_000),
    ("3m people", "count", 3_000_000, "", 3_000_000),
    ("an 18m yacht", "measure", 18, "m", 18),
    ("3,5 litres", "measure", 3.5, "l", 3.5),
    # Unit abbreviations that are no other word stand apart from the number.
    ("a 1.2 km stretch of road", "measure", 1.2, "m", 1200),
    ("a 40 kg load", "measure", 40, "kg", 40),
    ("a 6 ft wall", "measure", 6, "m", 1.8288),
    # ... others must be glued: '5 m' may be millions.
    ("a 5 m fine", "count", 5, "", 5_000_000),
    # Power in megawatts, volume in litres, whatever the prefix.
    ("a peak of 10,850 megawatts", "measure", 10_850, "mw", 10_850),
    ("a peak of 10.85 gigawatts", "measure", 10.85, "mw", 10_850),
    ("a 5 kW panel", "measure", 5, "mw", 0.005),
    ("a tank of 40,000 litres", "measure", 40_000, "l", 40_000),
    ("a tank of 40 cubic metres", "measure", 40, "l", 40_000),
    ("a dose of 250 millilitres", "measure", 250, "l", 0.25),
]


@pytest.mark.parametrize(("text", "kind", "stated", "unit", "base"), SCALES)
def test_figures_read_scale_words_and_units(text, kind, stated, unit, base):
    figure = _one(text)
    assert (figure.kind, figure.unit) == (kind, unit)
    assert figure.value == pytest.approx(base)
    assert stated  # the value as written, for the table's reader


NUMBER_WORDS = [
    ("four thousand workers", 4000),
    ("a dozen eggs", 12),
    ("half a dozen officers", 6),
    ("two dozen boats", 24),
    ("twenty-five people", 25),
    ("two hundred and fifty thousand people", 250_000),
    ("a million visitors", 1_000_000),
    ("half a million vacuums", 500_000),
    ("one and a half million people", 1_500_000),
    ("two and a half million people", 2_500_000),
    ("three and a half thousand homes", 3_500),
    ("one person died", 1),
]


@pytest.mark.parametrize(("text", "value"), NUMBER_WORDS)
def test_figures_read_number_words(text, value):
    assert _one(text).value == value


# --- figures: approximations and bounds as intervals -----------------------------------------

BOUNDS = [
    ("about 50 people", 45, 55),
    ("some 4,000 staff", 3600, 4400),
    ("roughly 50 people", 45, 55),
    ("around 50 people", 45, 55),
    ("nearly 50 people", 45, 50),
    ("almost 50 people", 45, 50),
    ("more than 40 people", 40, math.inf),
    ("over 40 people", 40, math.inf),
    ("at least 120 people", 120, math.inf),
    ("fewer than 20 staff", 0, 20),
    ("less than 20 staff", 0, 20),
    ("at most 20 staff", 0, 20),
    ("up to 300 jobs", 225, 300),
    ("as many as 300 jobs", 225, 300),
    ("between 449 and 599 dollars", 449, 599),
    ("dozens of homes", 24, 144),
    ("tens of thousands of people", 20_000, 99_000),
    # An approximation is no wider than a few units of the last digit it gives.
    ("some 148,600 people", 148_100, 149_100),
    ("about 3,500 jobs", 3150, 3850),
    # 'Nearly' a round figure of one digit in thousands or more falls short by up to 20%.
    ("nearly half a million vacuums", 400_000, 500_000),
    ("nearly 5,000 homes", 4000, 5000),
    ("between A$3,000 and A$4,000 more", 3000, 4000),
    ("between $3 and $4", 3, 4),
]


@pytest.mark.parametrize(("text", "low", "high"), BOUNDS)
def test_approximations_and_bounds_are_intervals(text, low, high):
    figure = _one(text)
    assert figure.low == pytest.approx(low)
    assert figure.high == pytest.approx(high)


OVERLAPS = [
    ("nearly 50 people", "more than 40 people", True),
    ("nearly 50 people", "at least 120 people", False),
    ("more than nine hours", "nearly 10 hours", True),
    ("about 1,900 homes", "2,300 homes", False),
    ("about 1,900 homes", "about 2,300 homes", False),  # two estimates of one count
    ("at least 45 people", "at least 62 people", False),  # two tolls, each as reported
    ("at least 45 people", "at least 45 people", True),
    ("up to £20,000", "£10,000", False),
    ("more than 400 people", "412 people", True),
    ("2.5 million tonnes", "2,500,000 tonnes", True),
    ("about 2.3 kilometres", "roughly 2,300 metres", True),
    ("some 148,600 people", "some 158,000 people", False),  # each within the other's spread
    ("about 300 people", "about 3,000 people", False),
    ("about 412,000 vacuums", "nearly half a million vacuums", True),
    ("around A$3,500", "between A$3,000 and A$4,000", True),
]


@pytest.mark.parametrize(("a", "b", "meet"), OVERLAPS)
def test_figures_overlap_respects_approximations(a, b, meet):
    fa, fb = _one(a), _one(b)
    assert same_measure(fa, fb)
    assert figures_overlap(fa, fb) is meet


# --- figures: fractions, 'one in N' and percentages ------------------------------------------

SHARES = [
    ("three-quarters of voters", "percent", 75),
    ("three quarters of voters", "percent", 75),
    ("75 per cent of voters", "percent", 75),
    ("75 percent of voters", "percent", 75),
    ("75% of voters", "percent", 75),
    ("two-thirds of members", "percent", 200 / 3),
    ("a third of the staff", "percent", 100 / 3),
    ("one in five adults", "percent", 20),
    ("around half of the buildings", "percent", 50),
    ("four out of five dentists", "percent", 80),
    ("0.5 percentage points", "points", 0.5),
    ("25 basis points", "points", 0.25),
    ("a quarter of a percentage point", "points", 0.25),
    ("lowered by a quarter of a point", "points", 0.25),
    ("a quarter-point cut", "points", 0.25),
]


@pytest.mark.parametrize(("text", "kind", "value"), SHARES)
def test_fractions_and_percentages_normalise(text, kind, value):
    figure = _one(text)
    assert figure.kind == kind
    assert figure.value == pytest.approx(value)


def test_percentage_points_are_not_per_cent():
    assert not same_measure(_one("up 2 percentage points"), _one("up 2 per cent"))


def test_three_quarters_meets_75_per_cent():
    assert figures_overlap(_one("three-quarters of voters"), _one("75 per cent of voters"))
    assert not figures_overlap(_one("a three-quarters stake"), _one("an 80 per cent stake"))


# --- figures: durations ----------------------------------------------------------------------

DAY = 86400.0
DURATIONS = [
    ("a fortnight-long closure", 14 * DAY),
    ("the port ordered a fortnight-long closure", 14 * DAY),
    ("the talks lasted a week", 7 * DAY),
    ("closed for 14 days", 14 * DAY),
    ("two weeks of talks", 14 * DAY),
    ("a 48-hour strike", 48 * 3600.0),
    ("48 hours of strikes", 2 * DAY),
    ("waited half an hour", 1800.0),
    ("deliberated for nine hours", 9 * 3600.0),
    ("a six-week trial", 42 * DAY),
    ("14 seconds before impact", 14.0),
]


@pytest.mark.parametrize(("text", "seconds"), DURATIONS)
def test_durations_normalise_to_seconds(text, seconds):
    figure = _one(text)
    assert (figure.kind, figure.unit) == ("duration", "s")
    assert figure.value == pytest.approx(seconds)


# --- figures: money --------------------------------------------------------------------------

MONEY = [
    ("a $1.2bn deal", "$", 1.2e9),
    ("US$40 million in aid", "usd", 40e6),
    ("NZ$58 million contract", "nzd", 58e6),
    ("a €3m fine", "eur", 3e6),
    ("£450,000 in damages", "gbp", 450_000),
    ("1.5 billion euros", "eur", 1.5e9),
    ("USD 3 million", "usd", 3e6),
    ("40 million dollars", "$", 40e6),
    ("500 pounds", "gbp", 500),
    ("599 US dollars", "usd", 599),
]


@pytest.mark.parametrize(("text", "currency", "value"), MONEY)
def test_money_reads_symbols_codes_and_words(text, currency, value):
    figure = _one(text)
    assert (figure.kind, figure.unit) == ("money", currency)
    assert figure.value == pytest.approx(value)


def test_currencies_meet_only_their_own():
    assert same_measure(_one("$40 million"), _one("US$40 million"))
    assert not same_measure(_one("€40 million"), _one("£40 million"))


# --- figures: what they count ----------------------------------------------------------------

NOUNS = [
    ("the ferry carried 40 passengers", "passengers"),
    ("the ferry had 40 crew aboard", "crew"),
    ("2,300 homes had been destroyed", "homes"),
    ("killing 31 people", "people"),
    ("34 of the seats", "seats"),
    ("11 of the 16 ties", "ties"),
    ("38,000 Tidy S9 robot vacuums", "vacuums"),
    ("6 per cent; the operator offered", ""),  # punctuation ends the phrase
    # A part of a whole counts the whole's noun, past a possessor and a number word.
    ("two of the train's five carriages", "carriages"),
    ("ten of the capital's 16 metro lines", "lines"),
    ("two of the company's vans", "vans"),
    # A bare figure counts what its clause names as the count.
    ("the number of people out of work has risen to some 158,000", "people"),
    ("the total of homes destroyed stands at 1,900", "homes"),
]


@pytest.mark.parametrize(("text", "noun"), NOUNS)
def test_figures_keep_the_noun_they_count(text, noun):
    assert figures(text)[0].noun == noun


SCORES = [
    ("the council voted 9-4", 9004),
    ("passed by an 8-5 margin", 8005),
    ("a majority of 10 to 2", 10002),
    ("backed it by eight votes to five", 8005),
]


@pytest.mark.parametrize(("text", "code"), SCORES)
def test_vote_scores_are_one_figure(text, code):
    figure = _one(text)
    assert (figure.kind, figure.value) == ("score", code)


# --- figures: what is not a figure -----------------------------------------------------------

NOT_FIGURES = [
    "in 2023",
    "one of the largest mines",
    "no one was hurt",
    "call 020 7946 0958 for details",
    "call 555-0134 now",
    "dial +44 20 7946",
    "flight NL412 from Oslo",
    "short of runway 07",
    "at 5am on Thursday",
    "at 10:30 on Friday",
    "at 11 p.m. on Sunday",
    "on 14 June 2023",
    "on June 14",
    "the first time",
    "in the 1990s",
    "the 3rd round",
    "the big four banks",
    "twice a day",
    "a second request",
    "open 24/7",
    "Covid-19 cases",
    "Q3 results",
    "published on 2026-03-04",
    # A whole number that ends a name is a model, not a count.
    "the crash of a Nordlys Air ATR 72 near Bodø",
    "the Boeing 737 crashed",
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_years_days_times_labels_and_pronouns_are_not_figures(text):
    assert figures(text) == ()


def test_ages_are_ages_not_counts():
    figure = _one("a 34-year-old man")
    assert (figure.kind, figure.noun) == ("age", "man")
    assert _one("the suspect, aged 34, was").kind == "age"


def test_a_rate_is_not_a_duration():
    assert [f.kind for f in figures("it costs $5 a day")] == ["money"]


# --- dates: absolute -------------------------------------------------------------------------

ABSOLUTE = [
    ("on 14 June 2023", date(2023, 6, 14), date(2023, 6, 14)),
    ("on June 14, 2023", date(2023, 6, 14), date(2023, 6, 14)),
    ("the vote is scheduled for March 3", date(2026, 3, 3), date(2026, 3, 3)),
    ("by Nov. 27", date(2025, 11, 27), date(2025, 11, 27)),
    ("sold in January 2024", date(2024, 1, 1), date(2024, 1, 31)),
    ("in 2023", date(2023, 1, 1), date(2023, 12, 31)),
    ("in mid-2023", date(2023, 5, 2), date(2023, 9, 1)),
    ("the report is expected in early April", date(2026, 4, 1), date(2026, 4, 10)),
    ("the first case was detected in early February", date(2026, 2, 1), date(2026, 2, 9)),
    ("the station will reopen in January", date(2027, 1, 1), date(2027, 1, 31)),
    ("it will not reopen until January", date(2027, 1, 1), date(2028, 1, 1)),
    ("not expected before the end of the year", date(2026, 12, 31), date(2027, 12, 31)),
    ("in late May", date(2026, 5, 22), date(2026, 5, 31)),
    ("by the end of March", date(2026, 3, 11), date(2026, 3, 31)),
    ("Q3 2025", date(2025, 7, 1), date(2025, 9, 30)),
    ("Q3", date(2026, 7, 1), date(2026, 9, 30)),
    ("in the third quarter", date(2026, 7, 1), date(2026, 9, 30)),
    ("the fourth quarter of 2024", date(2024, 10, 1), date(2024, 12, 31)),
    ("the first half of 2025", date(2025, 1, 1), date(2025, 6, 30)),
]


@pytest.mark.parametrize(("text", "first", "last"), ABSOLUTE)
def test_absolute_dates_resolve_to_intervals(text, first, last):
    assert _days(text) == [(first, last)]


# --- dates: relative to published_at ---------------------------------------------------------

RELATIVE = [
    ("he was detained on Monday", date(2026, 3, 9), date(2026, 3, 9)),
    ("he was detained on Wednesday", date(2026, 3, 11), date(2026, 3, 11)),
    ("he was detained on Thursday morning", date(2026, 3, 5), date(2026, 3, 5)),
    ("he will appear in court on Monday", date(2026, 3, 16), date(2026, 3, 16)),
    ("he is due to be sentenced this Friday", date(2026, 3, 13), date(2026, 3, 13)),
    ("the vote will take place next Thursday", date(2026, 3, 12), date(2026, 3, 19)),
    ("the vote came late last Tuesday", date(2026, 3, 3), date(2026, 3, 10)),
    ("it struck late on Saturday", date(2026, 3, 7), date(2026, 3, 7)),
    ("yesterday", date(2026, 3, 10), date(2026, 3, 10)),
    ("tomorrow", date(2026, 3, 12), date(2026, 3, 12)),
    ("he will be sentenced a fortnight today", date(2026, 3, 25), date(2026, 3, 25)),
    ("three days ago", date(2026, 3, 8), date(2026, 3, 8)),
    ("last week", date(2026, 3, 2), date(2026, 3, 8)),
    ("next week", date(2026, 3, 16), date(2026, 3, 22)),
    ("next month", date(2026, 4, 1), date(2026, 4, 30)),
    ("early next month", date(2026, 4, 1), date(2026, 4, 10)),
    ("next year", date(2027, 1, 1), date(2027, 12, 31)),
    ("last year", date(2025, 1, 1), date(2025, 12, 31)),
    ("earlier this year", date(2026, 1, 1), date(2026, 3, 11)),
    ("by the end of this year", date(2026, 3, 11), date(2026, 12, 31)),
    ("next spring", date(2027, 3, 1), date(2027, 5, 31)),
    ("in the past three weeks", date(2026, 2, 18), date(2026, 3, 11)),
    ("within a month", date(2026, 3, 11), date(2026, 4, 10)),
    ("he was arrested at the weekend", date(2026, 3, 7), date(2026, 3, 8)),
    ("talks will resume at the weekend", date(2026, 3, 14), date(2026, 3, 15)),
    ("it opened in the autumn", date(2025, 9, 1), date(2025, 11, 30)),
    ("it will open in the spring", date(2026, 3, 1), date(2026, 5, 31)),
    ("next winter", date(2026, 12, 1), date(2027, 2, 28)),
    ("the vote was held on Thursday, March 5", date(2026, 3, 5), date(2026, 3, 5)),
    ("published on 2026-03-04", date(2026, 3, 4), date(2026, 3, 4)),
    ("the sides were urged to return to talks before Friday", date(2026, 3, 11), date(2026, 3, 13)),
    ("the report must be filed by Monday", date(2026, 3, 11), date(2026, 3, 16)),
    ("most staff had left by Monday", date(2026, 3, 9), date(2026, 3, 9)),
    ("the strike lasted until Tuesday", date(2026, 3, 10), date(2026, 3, 10)),
    # An end still to come: from the article's day until then.
    ("the resort will remain shut until Friday", date(2026, 3, 11), date(2026, 3, 13)),
]


@pytest.mark.parametrize(("text", "first", "last"), RELATIVE)
def test_relative_dates_resolve_against_published_at(text, first, last):
    assert _days(text) == [(first, last)]


def test_part_of_day_is_kept():
    (when,) = dates("the quake struck late on Saturday night", WEDNESDAY)
    assert when.part == "late"


WITHOUT_ANCHOR = [
    ("he was detained on Monday", []),
    ("last week", []),
    ("next year", []),
    ("yesterday", []),
    ("on 14 June", [(date(2000, 6, 14), date(2000, 6, 14))]),
    ("in 2023", [(date(2023, 1, 1), date(2023, 12, 31))]),
]


@pytest.mark.parametrize(("text", "expected"), WITHOUT_ANCHOR)
def test_without_published_at_only_named_months_and_years_are_read(text, expected):
    assert _days(text, None) == expected


NOT_DATES = [
    "May said the plan would work",
    "the march through the city",
    "an 18-year sentence",
    "flight 2024 from Oslo",
    "a $2023 fee",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_names_verbs_and_figures_are_not_dates(text):
    assert dates(text, WEDNESDAY) == ()


DATE_OVERLAPS = [
    ("on Thursday", "on 12 March", False),  # past tense: Thursday 5 March
    ("on Wednesday", "on March 11", True),
    ("the vote will take place next Thursday", "the vote is on March 3", False),
    ("in 2023", "on June 14, 2023", True),
    ("by the end of March", "on 27 March", True),
    ("on 14 June", "on June 14, 2023", True),  # no year: month and day
    ("on 14 June", "on June 12, 2023", False),
]


@pytest.mark.parametrize(("a", "b", "meet"), DATE_OVERLAPS)
def test_dates_overlap_on_their_intervals(a, b, meet):
    (wa,) = dates(a, WEDNESDAY if "14 June" not in a else None)
    (wb,) = dates(b, WEDNESDAY)
    assert dates_overlap(wa, wb) is meet


def test_a_day_is_shown_with_its_weekday():
    (when,) = dates("on 26 February", WEDNESDAY)
    assert show_date(when) == "Thursday 26 February"


# --- times of day ----------------------------------------------------------------------------

CLOCKS = [
    ("found missing at a roll check at 11pm", 23 * 60),
    ("at 6am on Monday", 6 * 60),
    ("at 11 p.m. on Sunday", 23 * 60),
    ("at 10:30 on Friday", 10 * 60 + 30),
    ("the train left at 6.15pm", 18 * 60 + 15),
    ("talks must end by noon", 12 * 60),
    ("12am", 0),
]


@pytest.mark.parametrize(("text", "minutes"), CLOCKS)
def test_times_of_day_read_as_minutes(text, minutes):
    (clock,) = clocks(text)
    assert clock.minutes == minutes


@pytest.mark.parametrize("text", ["killed 5 people", "in 2023", "a 24-hour strike", "noon prayers"])
def test_numbers_and_words_that_are_not_times(text):
    assert clocks(text) == ()


def test_times_meet_within_half_an_hour_round_midnight():
    (a,), (b,), (c,) = clocks("at 11.45pm"), clocks("at 12.05am"), clocks("at 6am")
    assert clocks_meet(a, b)
    assert not clocks_meet(a, c)


# --- in the comparison -----------------------------------------------------------------------


def _compare(a: str, b: str, *, published_a=None, published_b=None):
    return compare(Passage(a, published_at=published_a), Passage(b, published_at=published_b))


def test_incompatible_injury_figures_contradict():
    match = _compare(
        "Nearly 50 people were injured in the blast at the Harlow depot.",
        "At least 120 people were injured in the blast at the Harlow depot.",
    )
    assert match is not None and match.relation == Relation.CONTRADICTS
    assert match.reason == "figures differ: nearly 50 vs at least 120 people"


def test_compatible_approximations_do_not_contradict():
    match = _compare(
        "Nearly 50 people were injured in the blast at the Harlow depot.",
        "More than 40 people were injured in the blast at the Harlow depot.",
    )
    assert match is not None and match.relation != Relation.CONTRADICTS


def test_counts_of_different_nouns_neither_corroborate_nor_contradict():
    match = _compare(
        "The Skerry Star ferry carried 40 passengers when it ran aground off Islay.",
        "The Skerry Star ferry had 40 crew aboard when it ran aground off Islay.",
    )
    assert match is None or match.relation == Relation.RELATED


def test_the_same_figure_in_another_format_corroborates():
    match = _compare(
        "The Ostrava port handled 2.5 million tonnes of grain in the first half.",
        "The Ostrava port handled 2,500,000 tonnes of grain in the first half.",
    )
    assert match is not None and match.relation == Relation.CORROBORATES


def test_relative_date_against_another_date_contradicts():
    match = _compare(
        "The Dunmore council vote on the bypass will take place next Thursday.",
        "The Dunmore council vote on the bypass will take place on March 3.",
        published_a=datetime(2026, 2, 18, 9, 0, tzinfo=UTC),
        published_b=datetime(2026, 2, 20, 9, 0, tzinfo=UTC),
    )
    assert match is not None and match.relation == Relation.CONTRADICTS
    assert match.reason == "dates differ: next Thursday vs Tuesday 3 March"


def test_the_same_day_told_two_ways_corroborates():
    match = _compare(
        "The Dunmore council voted on Thursday to approve the bypass.",
        "The Dunmore council voted on 26 February to approve the bypass.",
        published_a=datetime(2026, 2, 27, 9, 0, tzinfo=UTC),
        published_b=datetime(2026, 2, 27, 12, 0, tzinfo=UTC),
    )
    assert match is not None and match.relation == Relation.CORROBORATES


def test_figures_of_one_clause_contradict_inside_longer_sentences():
    lead = "Floods in Tewkesbury\nThe Severn burst its banks at Tewkesbury overnight."
    match = compare(
        Passage(
            "About 300 homes were flooded in Tewkesbury, and the council opened two rest "
            "centres for families who could not return.",
            context=lead,
        ),
        Passage(
            "A spokesman for the Environment Agency told reporters that 520 homes had been "
            "flooded in Tewkesbury.",
            context=lead,
        ),
    )
    assert match is not None and match.relation == Relation.CONTRADICTS
    assert match.reason == "figures differ: about 300 vs 520 homes"


def test_one_event_on_two_days_contradicts_inside_longer_sentences():
    match = _compare(
        "The Ashby councillor was arrested by officers from the county's fraud unit at her "
        "home in Melton on Tuesday morning.",
        "The Ashby councillor was arrested on Monday, her solicitor said.",
        published_a=datetime(2026, 3, 11, 9, 0, tzinfo=UTC),
        published_b=datetime(2026, 3, 11, 9, 0, tzinfo=UTC),
    )
    assert match is not None and match.relation == Relation.CONTRADICTS
    assert match.reason == "dates differ: Tuesday 10 March vs Monday 9 March"


def test_one_event_at_two_times_contradicts():
    match = _compare(
        "Two Fenwick prison inmates were found missing at the evening roll check at 9pm.",
        "Two Fenwick prison inmates were found missing at the evening roll check at 7.30pm.",
    )
    assert match is not None and match.relation == Relation.CONTRADICTS
    assert match.reason == "times differ: 9pm vs 7.30pm"


STANCES = [
    ("the union is demanding a 12% pay rise", "ask"),
    ("prosecutors had sought 25 years in prison", "ask"),
    ("the operator has offered an 8% pay rise", "offer"),
    ("the bank expects growth of 2% next year", "plan"),
    ("prices rose 8% last year", ""),
    # A figure joined to its noun describes the thing planned; it is no planned figure.
    ("the 62,000-seat stadium is planned for the old rail yards", ""),
]


@pytest.mark.parametrize(("text", "stance"), STANCES)
def test_figures_asked_for_offered_or_planned_say_so(text, stance):
    assert figures(text)[0].stance == stance


def test_a_figure_demanded_does_not_contradict_a_figure_offered():
    match = _compare(
        "The Tallis rail union is demanding a 12% pay rise for drivers.",
        "The Tallis rail operator has offered an 8% pay rise for drivers.",
    )
    assert match is None or match.relation != Relation.CONTRADICTS


_VOCABULARY = (
    "0 07 12 31 2023 1.5 3,5 9-4 10:30 11 p.m. 5am $ £ € % per cent percentage points basis "
    "about nearly more than at least up to between and of the a an half quarter three-quarters "
    "one in five dozen million bn m Q3 H2 the third quarter next last this Monday Friday "
    "March May June 14 end by not until early late mid - / : , . ; ( ) weeks days hours ago "
    "within yesterday tomorrow spring winter weekend people passengers aged year-old"
)
_PIECES = st.sampled_from(_VOCABULARY.split())


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_PIECES, max_size=30).map(" ".join),
    st.one_of(
        st.none(), st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2099, 12, 31))
    ),
)
def test_readers_never_fail_and_give_well_formed_intervals(text, published):
    published_at = published.replace(tzinfo=UTC) if published else None
    assert all(f.low <= f.value * (1 + 1e-9) and f.value <= f.high for f in figures(text))
    assert all(w.first <= w.last for w in dates(text, published_at))
    assert all(0 <= c.minutes < 24 * 60 for c in clocks(text))


def test_a_count_of_people_may_be_a_count_of_passengers():
    match = _compare(
        "The Marlow ferry carried 60 people when it ran aground off Islay.",
        "The Marlow ferry carried 60 passengers when it ran aground off Islay.",
    )
    assert match is not None and match.relation == Relation.CORROBORATES


def test_lengths_of_different_things_do_not_meet():
    match = _compare(
        "The Ostrava quake's epicentre was about 35 kilometres north-east of Paucartambo.",
        "The Ostrava quake struck at a depth of about 35 kilometres.",
    )
    assert match is None or match.relation != Relation.CORROBORATES


GROUPS = [
    ("unemployment among those aged 15 to 24", 15, 24),
    ("patients aged between 25 and 74", 25, 74),
]


@pytest.mark.parametrize(("text", "low", "high"), GROUPS)
def test_an_age_range_names_a_group(text, low, high):
    figure = _one(text)
    assert (figure.kind, figure.low, figure.high) == ("age", low, high)


FIGURE_SIGNALS = [
    # A toll counts everyone it counts: skiers killed and people who died.
    (
        "An avalanche at Sable Peak killed two skiers on Saturday.",
        "Three people died in the avalanche at Sable Peak on Saturday.",
        True,
    ),
    # What a measure is of may stand elsewhere in the other's clause.
    (
        "Electricity demand on the Greek grid peaked at 10,850 megawatts.",
        "Peak demand on the Greek grid reached a record 11,850 MW.",
        True,
    ),
    # A count of a part and of its whole, from a possessive.
    (
        "Two of the train's five carriages left the rails.",
        "Two coaches of the five-coach train were derailed.",
        False,
    ),
    # The count a clause names.
    (
        "Some 148,600 people were out of work in Ireland.",
        "The number of people out of work in Ireland has risen to some 158,000.",
        True,
    ),
    # Figures of different groups, sums of different goods, stretches of different things.
    (
        "Unemployment among those aged 15 to 24 rose to 13.1%.",
        "Unemployment among those aged 25 to 74 rose to 4.6%.",
        False,
    ),
    (
        "Seoul exported A$1.9 billion of steel to Australia.",
        "Seoul exported A$1.1 billion of beef to Australia.",
        False,
    ),
    (
        "The governor declared a 60-day state of emergency in Cusco.",
        "The governor declared three days of mourning in Cusco.",
        False,
    ),
    (
        "The Tallis strike will last 72 hours.",
        "The Tallis strike will last 48 hours.",
        True,
    ),
    # A figure its own phrase dates to another year.
    (
        "The levy will protect about 3,000 jobs at the Kembla mill.",
        "BlueRidge cut 900 jobs at the Kembla mill in 2025 after a slump.",
        False,
    ),
    (
        "The recall notice lists six fires caused by the batteries.",
        "The batteries caused more than 20 house fires in the city last year.",
        False,
    ),
    (
        "The batteries caused six fires in the city last year.",
        "The batteries caused more than 20 fires in the city last year.",
        True,
    ),
]


@pytest.mark.parametrize(("a", "b", "differ"), FIGURE_SIGNALS)
def test_figures_differ_only_for_figures_of_one_thing(a, b, differ):
    kinds = [kind for kind, _ in conflict_signals(Passage(a), Passage(b))]
    assert ("figures" in kinds) is differ


@pytest.mark.parametrize("text", ["፩", "on ፲፪ May", "in ፩፱፻ the", "٣ May 2024"])
def test_digits_that_are_no_decimal_digits_never_crash_dates(text):
    dates(text, datetime(2024, 5, 20, tzinfo=UTC))
    figures(text)


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        # The noun a count counts comes after a hyphenated modifier.
        ("checks on around 4,300 high-risk customers", "customers"),
        ("it hired 200 part-time workers", "workers"),
        ("about 30 far-right protesters", "protesters"),
        ("it cut 3,000 office jobs", "jobs"),
    ],
)
def test_a_count_counts_the_noun_after_a_hyphenated_modifier(text, noun):
    assert _one(text).noun == noun
