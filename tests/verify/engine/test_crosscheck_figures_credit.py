"""Crediting the claim's figures in a report that tells them in other words: other units and
forms of one measure, a level reached told with another verb, a maker's 'units', an age that
only describes, an irregular verb's past and base. Invented sentences, each with a case that
must stay apart."""

from __future__ import annotations

import importlib

import pytest

from verify.engine.crosscheck.particulars import figures

# The module (the package exports its function ``compare`` under the same name).
compare_module = importlib.import_module("verify.engine.crosscheck.compare")


def _share(claim: str, candidate: str) -> float:
    return compare_module._figure_share(
        compare_module._features(claim), compare_module._features(candidate)
    )


@pytest.mark.parametrize(
    ("claim", "candidate", "share"),
    [
        # One volume in litres and in cubic metres, the verb's past and base ('held', 'holding').
        (
            "The silo was holding around 60,000 litres of diesel.",
            "The silo held roughly 60 cubic metres of diesel.",
            1.0,
        ),
        # A level reached, told with other verbs: 'peaked at' / 'hit a high of'.
        (
            "Gas demand peaked at 4,200 megawatts on Friday.",
            "Gas consumption hit a high of 4.2 gigawatts on Friday.",
            1.0,
        ),
        # A temperature glued to its 'C' is the one in degrees Celsius.
        ("The town reached 31C at noon.", "The mercury hit 31 degrees Celsius at noon.", 1.0),
        # A maker's 'units' are its products, whatever the other report calls them.
        (
            "About 12,000 units sold in Ireland are affected.",
            "Roughly 12,000 Brio kettles sold in Ireland are affected.",
            1.0,
        ),
        # Counts of one counted class: 'locations' ~ 'addresses'.
        ("Police searched 9 locations.", "Police searched 9 addresses.", 1.0),
        # Ages only describe: 'aged 52 and 60' need not be repeated.
        (
            "The two men, aged 52 and 60, were arrested in Leeds.",
            "Police arrested two men in Leeds.",
            1.0,
        ),
        # A distance in metres and in a fraction of a mile.
        (
            "The runner fell about 800 metres from the line.",
            "The runner fell roughly half a mile from the line.",
            1.0,
        ),
        # Apart: another measure, other things counted, another value.
        ("The silo held 60,000 litres of diesel.", "The pipe leaked 60,000 litres of diesel.", 0.0),
        ("The ferry carried 40 passengers.", "The ferry had 40 crew aboard.", 0.0),
        # An age the other report gives too must be the same.
        (
            "The 31-year-old faces fraud charges.",
            "Mr Lee was 26 years old when he was charged.",
            0.0,
        ),
        ("Gas demand peaked at 4,200 megawatts.", "Gas demand peaked at 5,100 megawatts.", 0.0),
    ],
)
def test_figures_told_in_other_words_are_credited(claim, candidate, share):
    assert _share(claim, candidate) == share


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # 'demand' after what is used is the amount used, not a request.
        ("Electricity demand rose to 9,000 megawatts.", ""),
        ("Peak demand reached 9,000 megawatts.", ""),
        # A request stays one.
        ("The union demanded a 12% pay rise.", "ask"),
    ],
)
def test_demand_of_a_measure_is_no_request(text, stance):
    assert figures(text)[0].stance == stance


@pytest.mark.parametrize(
    ("word", "other", "same"),
    [
        ("held", "holding", True),
        ("sold", "sells", True),
        ("won", "winning", True),
        ("held", "helped", False),
    ],
)
def test_irregular_pasts_key_as_their_base(word, other, same):
    assert (compare_module._word_key(word) == compare_module._word_key(other)) is same


@pytest.mark.parametrize(
    ("claim", "candidate", "coverage"),
    [
        # Words of one family meet: trigger ~ cause, likely ~ probable.
        (
            "Fog was the likely trigger of the pile-up.",
            "Fog was the probable cause of the pile-up.",
            1.0,
        ),
        # Preliminary ~ initial, entirely ~ completely, babies ~ infants, coaches ~ carriages.
        (
            "The board will publish preliminary findings.",
            "The board will publish initial findings.",
            1.0,
        ),
        ("The hut was entirely buried.", "The hut was completely buried.", 1.0),
        (
            "Parents must not feed the formula to babies.",
            "Parents must not feed the formula to infants.",
            1.0,
        ),
        ("Three coaches were derailed.", "Three carriages were derailed.", 1.0),
        # Words of other families stay apart: the cause is not the victim.
        (
            "Fog was the likely trigger of the pile-up.",
            "Fog was the likely victim of the pile-up.",
            0.62,
        ),
    ],
)
def test_words_of_one_family_cover_each_other(claim, candidate, coverage):
    fa, fb = compare_module._features(claim), compare_module._features(candidate)
    assert round(compare_module._coverage(fa, fb, None, frozenset()), 2) == coverage


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("She fell half a mile from the line.", "measure", 804.672),
        ("They seized half a tonne of resin.", "measure", 500.0),
        ("The delay lasted half an hour.", "duration", 1800.0),
        ("Half a million people marched.", "count", 500000.0),
    ],
)
def test_half_a_unit_is_a_figure(text, kind, value):
    figure = figures(text)[0]
    assert (figure.kind, round(figure.value, 3)) == (kind, value)


@pytest.mark.parametrize(
    ("text", "told"),
    [
        # Numbers after a label, its plural, or in a list of labels name things.
        ("Lines 3 and 9 will run as normal.", ()),
        ("Platforms 2, 3 and 4 were closed.", ()),
        ("Flights 412 and 413 were cancelled, stranding 300 passengers.", (300.0,)),
        # Figures in a list are still figures.
        ("Police arrested 3 and charged 2.", (3.0, 2.0)),
    ],
)
def test_numbers_that_name_things_are_no_figures(text, told):
    assert tuple(f.value for f in figures(text)) == told
