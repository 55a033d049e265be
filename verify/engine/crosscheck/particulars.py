"""Particulars normalised before comparison: figures as intervals, dates resolved to days.

Two readers over one sentence, both pure and cached:

* :func:`figures` — every figure with what it measures: a count of a noun ('40 passengers'),
  money in a currency ('$1.2bn' = 1,200,000,000 dollars), a percentage ('three-quarters' =
  '75 per cent' = '75%', 'one in five' = 20%), percentage points (kept apart from per cent;
  '25 basis points' = 0.25), a duration in seconds ('a fortnight' = '14 days' = 'two weeks'),
  a measure with its unit ('2.5 million tonnes' = '2,500,000 tonnes'), an age, a vote score
  ('9-4'). Approximations and bounds become intervals: 'about 50' is 45..55, 'nearly 50'
  45..50, 'more than 40' 40..∞, 'up to 40' 0..40, 'between 449 and 599' 449..599.
  Not figures: years, days of the month, times of day, ordinals, identifiers ('runway 07',
  'NL412'), phone-number-like digit groups, 'one of the', 'one day'.
* :func:`dates` — every date or time reference resolved against the article's
  ``published_at`` into an interval of days: '14 June 2023', 'March 3' (the year nearest the
  article), 'on Monday' (the most recent Monday in a past-tense sentence, the coming one in a
  future one), 'next Thursday', 'last week', 'next year', 'yesterday', 'Q3', 'the third
  quarter', 'early next month', 'by the end of March' (from the article's day to 31 March),
  'late on Tuesday' (the day, with the part of day kept). Without ``published_at`` only dates
  that name a month or a year are read, and a day without a year is compared on month and day.

* :func:`clocks` — times of day in minutes after midnight ('5am', '11 p.m.', '10:30').

Two figures contradict when they measure the same thing and their intervals do not overlap
(:func:`figures_overlap`); two dates when their intervals do not (:func:`dates_overlap`); two
times of day more than :data:`CLOCK_TOLERANCE` minutes apart (:func:`clocks_meet`). Each
figure, date and time keeps the words of its clause, for the caller to judge whether two of
them are of the same thing or event.
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from verify.engine.crosscheck.lexicon import IRREGULAR_PASTS, MONTHS, REPORTING_CUES, STOPWORDS
from verify.engine.crosscheck.text import fold, number

INF = math.inf


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# --- figures ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure of a sentence.

    ``kind``: ``count`` | ``money`` | ``percent`` | ``points`` (percentage points) |
    ``duration`` (seconds) | ``measure`` | ``age`` | ``score``. ``unit``: the currency code
    ('usd', 'eur', 'gbp', '$' for an unqualified dollar), the canonical measure unit ('tonne',
    'metre'), '%', 'pp', 's'; '' for counts. ``noun``: the word the figure counts or describes
    as written ('passengers', 'homes', 'stake'), '' when the text gives none. ``low``..``high``
    is the interval the text allows (closed; ``high`` may be infinite); ``value`` the figure as
    stated. ``qualifier``: the approximation or bound as written ('nearly', 'at least'), ''.
    ``start``/``end``: character offsets in the folded text. ``bound``: how the qualifier
    bounds it (see :func:`figures_overlap`). ``clause``: the words of the clause it stands in,
    itself left out (what it is a figure of: 'homes were destroyed'). ``stance``: a figure
    asked for ('demanding a 12% rise', 'had sought 25 years'), offered ('offered 8%') or
    planned ('expects', 'target'), '' for one reported as it is: figures of other stances are
    of other things.
    """

    kind: str
    value: float
    low: float
    high: float
    unit: str
    noun: str
    surface: str
    qualifier: str
    start: int
    end: int
    bound: str = ""  # '' | approx | below | atleast | atmost | top | range | vague
    clause: tuple[str, ...] = ()  # the other words of its clause, lower case
    stance: str = ""  # '' | ask | offer | plan: whose figure it is ('demanding', 'offered')


# Relative width of a plain approximation ('about 1,900').
APPROXIMATE = 0.1
# ... and at most this many units of its last digit ('some 148,600': 148,100..149,100).
APPROXIMATE_PLACES = 5
# How far 'nearly' a round figure of one digit in thousands or more may fall short ('nearly
# half a million' for 412,000; 'nearly 50' stays 45..50).
ROUND_BELOW = 0.2
ROUND_PLACE = 1000
# Stated figures within this relative difference are the same (84.5 million ~ 84.6 million).
EXACT = 0.01
# 'Up to 300', 'as many as 300': the figure is the top of a range this wide (relative).
CEILING = 0.25
# A fraction in words is a rounded percentage: 'two-thirds' ~ 67%.
FRACTION_POINTS = 1.0

# The qualifier phrases (lower case, as token tuples) and how they bound a figure.
_APPROX: tuple[str, ...] = (
    "about",
    "around",
    "some",
    "roughly",
    "approximately",
    "an estimated",
    "estimated",
)
_APPROX += ("close to", "circa", "c", "~", "or so", "something like", "upwards of nearly")
_BELOW: tuple[str, ...] = (
    "nearly",
    "almost",
    "just under",
    "just below",
    "just short of",
    "not quite",
)
_ATLEAST: tuple[str, ...] = (
    "more than",
    "over",
    "above",
    "at least",
    "in excess of",
    "upwards of",
    "exceeding",
)
_ATLEAST += ("no fewer than", "no less than", "a minimum of", "at minimum", "just over")
_ATLEAST += ("well over", "well above", "more then", "greater than", "beyond")
_ATMOST: tuple[str, ...] = ("fewer than", "less than", "under", "below", "at most", "no more than")
_ATMOST += ("a maximum of", "at maximum", "not more than", "as few as", "well under")
_ATMOST += ("well below",)
# A ceiling that is the figure reported: 'a reward of up to £20,000', 'as many as 300 jobs'.
_TOP = ("up to", "as many as", "as much as", "as high as", "as large as")
_QUALIFIERS: dict[tuple[str, ...], str] = {}
for _bound, _phrases in (
    ("approx", _APPROX),
    ("below", _BELOW),
    ("atleast", _ATLEAST),
    ("atmost", _ATMOST),
    ("top", _TOP),
):
    for _phrase in _phrases:
        _QUALIFIERS[tuple(_phrase.split())] = _bound
_QUALIFIER_MAX = max(len(k) for k in _QUALIFIERS)

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Scale suffixes glued to a figure or following it: '$1.2bn', '2.5m', '40k'.
_SCALE_SUFFIXES = {"bn": 1e9, "b": 1e9, "m": 1e6, "mn": 1e6, "mln": 1e6, "k": 1e3, "tn": 1e12}
_SCALE_SUFFIXES |= {"trn": 1e12, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_SCALE_SUFFIXES |= {"trillion": 1e12}
# Vague multitudes: 'dozens of', 'hundreds of', 'tens of thousands of'.
_MULTITUDES = {"dozens": (24.0, 144.0), "scores": (40.0, 200.0), "hundreds": (200.0, 999.0)}
_MULTITUDES |= {"thousands": (2e3, 9999.0), "millions": (2e6, 999e6), "billions": (2e9, 999e9)}
_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4}
_FRACTIONS |= {"fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8}
_FRACTIONS |= {"tenth": 10, "tenths": 10}

_CURRENCY_SYMBOLS = {"$": "$", "€": "eur", "£": "gbp", "¥": "jpy", "₹": "inr"}
# Letters glued before '$': 'US$', 'A$', 'NZ$', 'C$', 'HK$'.
_DOLLAR_PREFIXES = {"us": "usd", "a": "aud", "au": "aud", "nz": "nzd", "c": "cad", "ca": "cad"}
_DOLLAR_PREFIXES |= {"hk": "hkd", "s": "sgd"}
_CURRENCY_CODES = {
    c: c for c in _set("usd eur gbp jpy chf cad aud nzd cny rmb inr rub uah sek nok dkk hkd")
}
_CURRENCY_WORDS = {
    "dollars": "$", "dollar": "$", "euros": "eur", "euro": "eur", "pounds": "gbp",
    "sterling": "gbp", "pence": "gbp", "yen": "jpy", "francs": "chf", "yuan": "cny",
    "renminbi": "cny", "rupees": "inr", "roubles": "rub", "rubles": "rub", "hryvnias": "uah",
    "kronor": "sek", "kroner": "nok", "krona": "sek", "krone": "nok",
}  # fmt: skip
_DOLLARS = frozenset({"$", "usd", "aud", "nzd", "cad", "hkd", "sgd"})

_SECOND, _MINUTE, _HOUR, _DAY = 1.0, 60.0, 3600.0, 86400.0
_DURATIONS = {
    "second": _SECOND, "seconds": _SECOND, "sec": _SECOND, "secs": _SECOND,
    "minute": _MINUTE, "minutes": _MINUTE, "min": _MINUTE, "mins": _MINUTE,
    "hour": _HOUR, "hours": _HOUR, "hr": _HOUR, "hrs": _HOUR, "h": _HOUR,
    "day": _DAY, "days": _DAY, "night": _DAY, "nights": _DAY,
    "week": 7 * _DAY, "weeks": 7 * _DAY, "fortnight": 14 * _DAY, "fortnights": 14 * _DAY,
    "month": 30.44 * _DAY, "months": 30.44 * _DAY, "year": 365.25 * _DAY,
    "years": 365.25 * _DAY, "decade": 3652.5 * _DAY, "decades": 3652.5 * _DAY,
}  # fmt: skip
# Unit abbreviations that are no other word after a number ('1.2 km', '40 kg'); the rest
# must be glued to it ('5m' may be millions, '6 in' is a preposition).
_PLAIN_ABBREVIATIONS = _set("km kg cm mm ft lb lbs mw gw kw")
# Calendar units vary in length: 'a month' is 28 to 31 days.
_DURATION_SPREAD = {"month": 0.05, "months": 0.05, "year": 0.002, "years": 0.002}
# Measures in one base unit each: length in metres, mass in kilograms, area in hectares,
# speed in km/h, volume in litres, power in megawatts ('10,850 megawatts' = '10.85 gigawatts',
# '40,000 litres' = '40 cubic metres').
_BASE = {
    "km": ("m", 1000.0), "cm": ("m", 0.01), "mm": ("m", 0.001), "mile": ("m", 1609.344),
    "ft": ("m", 0.3048), "in": ("m", 0.0254), "tonne": ("kg", 1000.0), "g": ("kg", 0.001),
    "lb": ("kg", 0.4536), "acre": ("ha", 0.4047), "mph": ("kmh", 1.609344),
    "ml": ("l", 0.001), "m3": ("l", 1000.0), "gw": ("mw", 1000.0), "kw": ("mw", 0.001),
}  # fmt: skip
# Words of a cubic measure after 'cubic' ('40 cubic metres').
_CUBIC = {"metre": "m3", "metres": "m3", "meter": "m3", "meters": "m3"}
_MEASURES = {
    "tonne": "tonne", "tonnes": "tonne", "ton": "tonne", "tons": "tonne", "t": "tonne",
    "kilogram": "kg", "kilograms": "kg", "kg": "kg", "kilo": "kg", "kilos": "kg",
    "gram": "g", "grams": "g", "g": "g", "pound-weight": "lb", "lb": "lb", "lbs": "lb",
    "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km", "km": "km",
    "metre": "m", "metres": "m", "meter": "m", "meters": "m",
    "centimetre": "cm", "centimetres": "cm", "cm": "cm", "millimetre": "mm",
    "millimetres": "mm", "mm": "mm", "mile": "mile", "miles": "mile", "mi": "mile",
    "foot": "ft", "feet": "ft", "ft": "ft", "inch": "in", "inches": "in",
    "hectare": "ha", "hectares": "ha", "ha": "ha", "acre": "acre", "acres": "acre",
    "litre": "l", "litres": "l", "liter": "l", "liters": "l", "barrel": "barrel",
    "millilitre": "ml", "millilitres": "ml", "milliliter": "ml", "milliliters": "ml",
    "kilowatt": "kw", "kilowatts": "kw", "kw": "kw",
    "barrels": "barrel", "mph": "mph", "kph": "kmh", "kmh": "kmh", "knots": "knot",
    "degree": "degree", "degrees": "degree", "megawatt": "mw", "megawatts": "mw", "mw": "mw",
    "gigawatt": "gw", "gigawatts": "gw", "gw": "gw", "storey": "storey", "storeys": "storey",
    "m": "m", "c": "degree", "celsius": "degree",
}  # fmt: skip
# Words before a number that make it a label, not a figure: 'runway 07', 'flight 412'.
_LABELS = _set(
    """runway flight route number no platform gate room bus line article section chapter
    page paragraph clause rule case exit junction highway interstate road street avenue
    terminal pier berth bay ward unit lot item model version resolution bill amendment
    code zone district precinct sector track level floor apartment suite building block
    phase stage tier grade category class channel album episode season round game match
    pit lane seat row box"""
)


def _labelled(toks: tuple[_Tok, ...], i: int) -> bool:
    """The number at token i names a thing, not a figure: after a label word, its plural, or
    another label in a list ('line 14', 'lines 1 and 14', 'platforms 2, 3 and 4')."""
    k = i - 1
    while k > 1 and toks[k].text in ("and", "or", ",") and toks[k - 1].text[:1].isdigit():
        k -= 2
    if k < 0:
        return False
    word = toks[k].text
    return (
        word in _LABELS
        or (word.endswith("s") and word[:-1] in _LABELS)
        or (word.endswith("es") and word[:-2] in _LABELS)
    )


_TIME_SUFFIXES = frozenset({"am", "pm", "gmt", "bst", "utc", "cet", "est", "edt", "pst", "hrs"})
_ZONES = _TIME_SUFFIXES - {"am", "pm", "hrs"}


def _hhmm(toks: tuple[_Tok, ...], i: int) -> int | None:
    """A 24-hour time written as four digits with its zone ('0740 GMT', '0640 local time',
    'at 1500 hrs'): minutes after midnight, or None."""
    text = toks[i].text
    if not (text.isdigit() and len(text) == 4) or i + 1 >= len(toks):
        return None
    hour, minute = int(text[:2]), int(text[2:])
    if hour > 23 or minute > 59:
        return None
    after = toks[i + 1].text
    local = after == "local" and i + 2 < len(toks) and toks[i + 2].text == "time"
    hours = after in ("hrs", "hours") and i > 0 and toks[i - 1].text == "at"
    return hour * 60 + minute if after in _ZONES or local or hours else None


# Words that, after 'one', make it a pronoun or an article: 'one of the', 'one another'.
_NOT_ONE_AFTER = frozenset({"of", "another", "by", "day", "time", "way", "thing", "who", "that"})
_NOT_ONE_BEFORE = frozenset({"no", "any", "every", "some", "each", "someone", "the", "this"})
_NOT_ONE_BEFORE |= frozenset({"that", "which", "only", "little", "big"})
_SCORE_CUES = frozenset({"voted", "vote", "votes", "margin", "majority", "won", "beat", "lost"})
_SCORE_CUES |= frozenset({"win", "defeat", "defeated", "split", "ruling", "decision", "by"})
# Plurals without an s after '3m' ('3m people': millions, not metres).
_PLURALS = frozenset({"people", "children", "men", "women", "staff", "cattle", "sheep"})
_NAMED_GROUPS = frozenset({"big", "top", "group", "g"})
_NOUN_SKIP = frozenset({"more", "other", "further", "additional", "extra", "new", "of", "the"})

_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|[$€£¥₹%~+:/'-]|[,;.!?()\"]")
# Punctuation read only to stop a phrase ('6 per cent; RATP has offered').
_PUNCTUATION = frozenset(',;.!?()"')


@dataclass(slots=True)  # not frozen: built for every word, and never changed
class _Tok:
    text: str  # lower case
    start: int
    end: int
    glued: bool  # no space before it
    capital: bool


@lru_cache(maxsize=65536)
def _tokens(text: str) -> tuple[str, tuple[_Tok, ...]]:
    folded = text if text.isascii() else fold(text)  # fold changes no ASCII text
    out: list[_Tok] = []
    previous_end = -1
    for m in _TOKEN_RE.finditer(folded):
        word = m.group()
        out.append(
            _Tok(word.lower(), m.start(), m.end(), m.start() == previous_end, word[:1].isupper())
        )
        previous_end = m.end()
    return folded, tuple(out)


def _word_number(toks: tuple[_Tok, ...], i: int) -> tuple[float, int] | None:
    """A number in words from token i: 'four thousand', 'twenty-five', 'two hundred and
    fifty', 'a dozen', 'half a dozen', 'a million'. Returns (value, next index)."""
    n = len(toks)
    word = toks[i].text
    if word in ("a", "an") and i + 1 < n:
        nxt = toks[i + 1].text
        if nxt == "dozen":
            return 12.0, i + 2
        if nxt in ("hundred", "thousand", "million", "billion", "trillion"):
            return _word_number_tail(toks, i + 1, 1.0)
        return None
    if word == "half" and i + 2 < n and toks[i + 1].text == "a":
        scale = toks[i + 2].text
        if scale == "dozen":
            return 6.0, i + 3
        if scale in _SCALE_WORDS:
            return 0.5 * _SCALE_WORDS[scale], i + 3  # 'half a million'
    if (
        word == "half"
        and i + 2 < n
        and toks[i + 1].text in ("a", "an")
        and (
            toks[i + 2].text in _DURATIONS
            or (toks[i + 2].text in _MEASURES and len(toks[i + 2].text) > 2)
        )
    ):
        return 0.5, i + 2  # 'half an hour', 'half a mile': the unit follows
    if (
        word in ("one", "a")
        and i + 3 < n
        and [t.text for t in toks[i + 1 : i + 4]]
        == [
            "and",
            "a",
            "half",
        ]
    ):
        return _word_number_tail(toks, i + 4, 1.5)  # 'one and a half million'
    if word in _UNITS:
        value = float(_UNITS[word])
    elif word in _TENS:
        value = float(_TENS[word])
        if i + 2 < n and toks[i + 1].text == "-" and toks[i + 2].text in _UNITS:
            value += _UNITS[toks[i + 2].text]
            i += 2
    else:
        return None
    if [t.text for t in toks[i + 1 : i + 4]] == ["and", "a", "half"]:
        value, i = value + 0.5, i + 3  # 'three and a half per cent', 'two and a half million'
    return _word_number_tail(toks, i + 1, value)


def _tens(toks: tuple[_Tok, ...], i: int) -> tuple[float, int] | None:
    """A number below 100 in words at token i ('fifty', 'twenty-five'): (value, next)."""
    if i >= len(toks):
        return None
    word = toks[i].text
    if word in _UNITS:
        return float(_UNITS[word]), i + 1
    if word in _TENS:
        value = float(_TENS[word])
        if i + 2 < len(toks) and toks[i + 1].text == "-" and toks[i + 2].text in _UNITS:
            return value + _UNITS[toks[i + 2].text], i + 3
        return value, i + 1
    return None


def _word_number_tail(toks: tuple[_Tok, ...], j: int, value: float) -> tuple[float, int]:
    """Scale words after a number word: 'two hundred and fifty thousand'."""
    n = len(toks)
    total = 0.0
    while j < n:
        word = toks[j].text
        if word == "dozen":
            value *= 12
            j += 1
        elif word == "hundred":
            value *= 100
            j += 1
            if j + 1 < n and toks[j].text == "and":
                small = _tens(toks, j + 1)
                if small is not None:
                    value += small[0]
                    j = small[1]
        elif word in _SCALE_WORDS:
            total += value * _SCALE_WORDS[word]
            value = 0.0
            j += 1
            if j < n and toks[j].text == "and":
                small = _tens(toks, j + 1)
                if small is not None:
                    value, j = small
            break
        else:
            break
    return total + value, j


def _qualifier(toks: tuple[_Tok, ...], i: int) -> tuple[str, str, int]:
    """The bound phrase ending right before token i: (bound, phrase, its first index)."""
    for size in range(_QUALIFIER_MAX, 0, -1):
        if i - size < 0:
            continue
        phrase = tuple(t.text for t in toks[i - size : i])
        bound = _QUALIFIERS.get(phrase)
        if bound:
            return bound, " ".join(phrase), i - size
    return "", "", i


def _interval(value: float, bound: str, place: float = INF) -> tuple[float, float]:
    """The values a figure so qualified allows. An approximation spans
    :data:`APPROXIMATE` of the figure, but no more than :data:`APPROXIMATE_PLACES` units of
    the last digit it gives: 'about 300' is 270..330, 'some 148,600' is 148,100..149,100 (a
    figure told to the hundred is not also 'some 158,000'). 'Nearly' a round figure of one
    digit in thousands or more falls short of it by up to :data:`ROUND_BELOW`."""
    spread = min(APPROXIMATE * abs(value), APPROXIMATE_PLACES * place)
    if bound == "approx":
        return value - spread, value + spread
    if bound == "below":
        if place >= max(abs(value) / 5, ROUND_PLACE):
            spread = ROUND_BELOW * abs(value)  # 'nearly half a million' for 412,000
        return value - spread, value
    if bound == "atleast":
        return value, INF
    if bound == "atmost":
        return 0.0, value
    if bound == "top":
        return value * (1 - CEILING), value
    spread = EXACT * abs(value)
    return value - spread, value + spread


def _place(value: float) -> float:
    """The place of a figure's last significant digit: 148,600 → 100, 6.8 → 0.1, 1.2
    million → 100,000 (how finely it was told)."""
    if not value or not math.isfinite(value):
        return INF
    place = 10.0 ** math.floor(math.log10(abs(value)))
    while place > 1e-6 and abs(value / place - round(value / place)) > 1e-6:
        place /= 10
    return place


def _model_name(toks: tuple[_Tok, ...], i: int) -> bool:
    """A whole number that ends a name ('a Nordlys Air ATR 72 near Bodø', 'the Boeing 737
    crashed'): after a capitalised word inside the sentence (no month or weekday), with no
    plural noun after it ('Leith 40 people' would still be a count)."""
    before = toks[i - 1] if i > 1 else None
    if before is None or not before.capital or not before.text.isalpha():
        return False
    if before.text in MONTHS or before.text in _WEEKDAYS or not toks[i].text.isdecimal():
        return False
    noun = _noun_after(toks, i + 1)
    return not (noun.endswith("s") or noun in _PLURALS)


def _is_year(raw: str, value: float) -> bool:
    return raw.isdecimal() and len(raw) == 4 and 1800 <= value <= 2100


def _is_phone(toks: tuple[_Tok, ...], i: int) -> bool:
    """Digit groups run together ('020 7946 0958', '555-0134', '+44 20'): not a figure."""
    if i > 0 and toks[i - 1].text == "+" and toks[i].glued:
        return True
    groups = 1
    j = i + 1
    while j < len(toks):
        if toks[j].text[:1].isdigit() and not toks[j].glued:
            groups += 1
            j += 1
        elif (
            toks[j].text in ("-", ".")
            and j + 1 < len(toks)
            and toks[j].glued
            and toks[j + 1].glued
            and toks[j + 1].text.isdecimal()
            and len(toks[j + 1].text) >= 3
            and toks[i].text.isdecimal()
            and len(toks[i].text) >= 3
        ):
            return True
        else:
            break
    raw = toks[i].text
    return groups >= 3 or (raw.isdecimal() and raw.startswith("0") and len(raw) >= 3)


def _month_near(toks: tuple[_Tok, ...], i: int, j: int) -> bool:
    """A month name right before token i or right after token j-1 (a day of the month)."""
    before = toks[i - 1].text if i > 0 else ""
    if before == "of" and i > 1:
        before = toks[i - 2].text
    after = toks[j].text if j < len(toks) else ""
    if after == "of" and j + 1 < len(toks):
        after = toks[j + 1].text
    return before in MONTHS or after in MONTHS


# What ends a clause: punctuation and the conjunctions that start another statement.
_CLAUSE_BREAKS = _PUNCTUATION | _set("and but while whereas which who when after including")


def _clause(toks: tuple[_Tok, ...], start: int, end: int) -> tuple[str, ...]:
    """The words of the clause around tokens start..end-1, those left out."""
    first = start
    while first > 0 and toks[first - 1].text not in _CLAUSE_BREAKS:
        first -= 1
    last = end
    while last < len(toks) and toks[last].text not in _CLAUSE_BREAKS:
        last += 1
    return tuple(t.text for t in (*toks[first:start], *toks[end:last]) if t.text.isalpha())


def _clause_from(toks: tuple[_Tok, ...], start: int) -> tuple[str, ...]:
    """The words of the clause that starts at token ``start`` ('after the vote')."""
    last = start
    while last < len(toks) and toks[last].text not in _CLAUSE_BREAKS:
        last += 1
    return tuple(t.text for t in toks[start:last] if t.text.isalpha())


def _near(toks: tuple[_Tok, ...], start: int, end: int) -> tuple[str, ...]:
    """The nearest content word before tokens start..end-1 and after, within the clause."""
    out: list[str] = []
    for step, k in ((-1, start - 1), (1, end)):
        while 0 <= k < len(toks) and toks[k].text not in _CLAUSE_BREAKS:
            word = toks[k].text
            if word.isalpha() and word not in STOPWORDS and len(word) > 1:
                out.append(word)
                break
            k += step
    return tuple(out)


# Words that cannot be what a figure counts ('50 were injured', '40 of them', '12 in all'):
# function words only; nouns of reporting count ('23 reports', '40 people', '9 cases').
_FUNCTION_WORDS = _set(
    """a an the and or but nor of to in on at by for with from into onto over under about
    were was is are be been being have has had do does did will would shall should can could
    may might must who whom whose which that this these those it its they them their he him
    his she her we us our you your i me my there here than then so as if when while where
    not no more most less least such each every all both either neither per up down out off
    said says say told according also just only still even again"""
)


# Words that make a figure one asked for, offered or planned rather than one that is.
_STANCES = dict.fromkeys(
    _set("demand demands demanded demanding seek seeks seeking sought want wants wanted ask asks"
         " asked asking asking calls called urged pressing pushing"),
    "ask",
) | dict.fromkeys(
    _set("offer offers offered offering propose proposes proposed proposing bid pledged pledge"
         " promised promises"),
    "offer",
) | dict.fromkeys(
    _set("forecast forecasts forecasting expects expected predict predicts predicted target"
         " targets targeting plans planned aims projected budgeted"),
    "plan",
)  # fmt: skip


# Words before 'demand' that make it the amount used, a noun of a measure, not a request:
# 'electricity demand peaked at 10,850 megawatts', 'peak demand', 'consumer demand'.
_DEMAND_OF = _set(
    "electricity power energy peak gas water oil fuel consumer housing market global domestic"
    " heating grid"
)


def _stance(clause: tuple[str, ...]) -> str:
    return next(
        (
            _STANCES[w]
            for n, w in enumerate(clause)
            if w in _STANCES
            and not (w in ("demand", "demands") and n and clause[n - 1] in _DEMAND_OF)
        ),
        "",
    )


# Nouns of a figure that name the count itself: 'the number of people out of work rose to
# some 158,000', 'the total of homes destroyed stands at 1,900'.
_COUNT_HEADS = _set("number total tally count")


def _number_of(toks: tuple[_Tok, ...], i: int) -> str:
    """What a bare figure counts when its clause names the count before it ('the number of
    people out of work has risen to some 158,000' → people), or ''."""
    k = i - 1
    while k > 0 and toks[k].text not in _CLAUSE_BREAKS:
        if toks[k].text == "of" and toks[k - 1].text in _COUNT_HEADS:
            return _noun_after(toks, k + 1)
        k -= 1
    return ""


def _aged(toks: tuple[_Tok, ...], i: int) -> bool:
    """The figure at token i follows 'aged' ('aged 34', 'aged between 15 and 24')."""
    k = i - 1 if i > 0 and toks[i - 1].text == "between" else i
    return k > 0 and toks[k - 1].text == "aged"


def _modifier(toks: tuple[_Tok, ...], end: int) -> bool:
    """The figure is joined to its noun as a modifier ('the 62,000-seat stadium is planned'):
    it describes the thing, so the stance of the clause is the thing's, not the figure's."""
    return end + 1 < len(toks) and toks[end].text == "-" and toks[end].glued


def _is_number(word: str) -> bool:
    return word[:1].isdigit() or word in _UNITS or word in _TENS


def _noun_after(toks: tuple[_Tok, ...], j: int) -> str:
    """The word the figure counts: '40 passengers', '2,300 homes had', 'a three-quarters
    stake'; skipping 'more', 'of the' ('31 more people', '34 of the seats'); the whole's noun
    for a part ('11 of the 16 ties', '11 out of 16 anchor ties', "two of the train's five
    carriages" → ties, carriages); of two nouns, the plural one ('3,000 office jobs' → jobs;
    '40 crew aboard' → crew); past a hyphenated modifier ('4,300 high-risk customers',
    '200 part-time workers' → customers, workers)."""
    found: list[str] = []
    previous = ""
    compound = ""  # the last part of a hyphenated modifier, the noun if nothing follows
    window = toks[j : j + 9]
    for k, tok in enumerate(window):
        word = tok.text
        if compound == word and k and window[k - 1].text == "-":
            continue
        if (
            word == "-"
            and found
            and tok.glued
            and window[k + 1 : k + 2]
            and window[k + 1].glued
            and window[k + 1].text.isalpha()
        ):
            found.pop()
            compound = window[k + 1].text
            continue
        if found == [window[k - 1].text] and word == "'" and window[k + 1 : k + 2]:
            found = []  # a possessor: 'two of the train's five carriages' → carriages
            previous = "the"
            continue
        if not found and word == "s" and k and window[k - 1].text == "'":
            continue
        if not found and (word in _NOUN_SKIP or word in ("-", "out")):
            previous = word
            continue
        if not found and _is_number(word) and previous in ("of", "the"):
            continue
        if word in _PUNCTUATION or len(found) == 2:
            break
        if not found and (tok.capital or (word[:1].isdigit() and tok.glued)):
            continue  # a name before the noun: '38,000 Tidy S9 robot vacuums'
        if word.isalpha() and word not in _FUNCTION_WORDS and len(word) > 1:
            found.append(word)
            continue
        break
    found = found or [compound] * bool(compound)
    plural = [w for w in found if w.endswith("s") and not w.endswith("ss")]
    return plural[0] if plural else found[0] if found else ""


def _unit_after(toks: tuple[_Tok, ...], j: int) -> tuple[str, str, float, int]:
    """What follows a number: (kind, unit, factor, next index). kind '' for a plain count."""
    n = len(toks)
    if j >= n:
        return "", "", 1.0, j
    word = toks[j].text
    nxt = toks[j + 1].text if j + 1 < n else ""
    if word == "%" or word in ("percent", "pct", "pc"):
        k = j + 1
        if nxt in ("point", "points"):
            return "points", "pp", 1.0, k + 1
        return "percent", "%", 1.0, k
    if word == "per" and nxt == "cent":
        return "percent", "%", 1.0, j + 2
    if word in ("percentage", "per") and nxt in ("point", "points"):
        return "points", "pp", 1.0, j + 2
    if word == "pp" or word == "ppt":
        return "points", "pp", 1.0, j + 1
    if word == "basis" and nxt in ("point", "points"):
        return "points", "pp", 0.01, j + 2
    if word in ("bp", "bps"):
        return "points", "pp", 0.01, j + 1
    if word in _CURRENCY_WORDS:
        return "money", _CURRENCY_WORDS[word], 1.0, j + 1
    if word in _DOLLAR_PREFIXES and nxt in ("dollars", "dollar"):
        return "money", _DOLLAR_PREFIXES[word], 1.0, j + 2  # '599 US dollars'
    if word in _CURRENCY_CODES:
        return "money", _CURRENCY_CODES[word], 1.0, j + 1
    hyphen = word == "-"
    k = j + 1 if hyphen else j
    word = toks[k].text if k < n else ""
    following = tuple(t.text for t in toks[k + 1 : k + 3])
    if word in ("year", "years") and (following[:1] == ("old",) or following == ("-", "old")):
        return "age", "years", 1.0, k + (2 if following[:1] == ("old",) else 3)
    if word in _DURATIONS and not (word in ("h", "night", "nights") and not hyphen):
        end = k + 1
        if end + 1 < n and toks[end].text == "-" and toks[end + 1].text in ("long", "old"):
            end += 2
        return "duration", word, _DURATIONS[word], end
    if word == "cubic" and k + 1 < n and toks[k + 1].text in _CUBIC:
        unit, factor = _BASE[_CUBIC[toks[k + 1].text]]
        return "measure", unit, factor, k + 2
    if word in _MEASURES and (
        len(word) > 2 or toks[k].glued or hyphen or word in _PLAIN_ABBREVIATIONS
    ):
        unit, factor = _BASE.get(_MEASURES[word], (_MEASURES[word], 1.0))
        return "measure", unit, factor, k + 1
    return "", "", 1.0, j


def _figure_at(folded: str, toks: tuple[_Tok, ...], i: int) -> tuple[Figure | None, int]:
    """The figure starting at token i (or None) and the index to continue from."""
    n = len(toks)
    tok = toks[i]
    word = tok.text
    start_i = i
    currency = ""
    # A currency before the number: '$1.2bn', 'US$40', '€3m', 'USD 3 million'.
    if word in _CURRENCY_SYMBOLS or (word in _CURRENCY_CODES and i + 1 < n):
        if i + 1 < n and toks[i + 1].text[:1].isdigit():
            currency = _CURRENCY_SYMBOLS.get(word) or _CURRENCY_CODES[word]
            if word == "$" and i > 0 and tok.glued and toks[i - 1].text in _DOLLAR_PREFIXES:
                currency = _DOLLAR_PREFIXES[toks[i - 1].text]
                start_i = i - 1
            i += 1
            tok = toks[i]
            word = tok.text
        else:
            return None, i + 1
    multitude = None
    if _iso_at(toks, i) is not None:
        return None, i + 5  # a date: 2026-03-04
    if word[:1].isdigit():
        if tok.glued and i > 0 and toks[i - 1].text.isalpha() and not currency:
            return None, i + 1  # 'NL412', 'Q3', 'A1'
        if (
            tok.glued
            and i > 1
            and toks[i - 1].text == "-"
            and toks[i - 1].glued
            and toks[i - 2].text.isalpha()
            and toks[i - 2].text not in _FIGURE_STARTS
        ):
            return None, i + 1  # 'Covid-19', 'F-16'
        if i + 2 < n and toks[i + 1].text == "/" and toks[i + 1].glued and toks[i + 2].glued:
            return None, i + 3  # '24/7', '3/4': a label or a date, not a figure
        if not currency and _labelled(toks, i):
            return None, i + 1
        if not currency and _model_name(toks, i):
            return None, i + 1
        if not currency and _is_phone(toks, i):
            j = i + 1
            while j < n and (toks[j].text[:1].isdigit() or toks[j].text in ("-", ".", "+")):
                j += 1
            return None, j
        if (
            i + 2 < n
            and toks[i + 1].text == ":"
            and toks[i + 1].glued
            and toks[i + 2].glued
            and toks[i + 2].text.isdecimal()
        ):
            return None, i + 3  # 10:30
        if _hhmm(toks, i) is not None:
            return None, i + 2  # 0740 GMT
        value = number(word)
        if value is None:
            return None, i + 1
        j = i + 1
        if j < n and toks[j].text in ("st", "nd", "rd", "th") and toks[j].glued:
            return None, j + 1  # an ordinal
        if j < n and toks[j].text == "s" and toks[j].glued:
            return None, j + 1  # the 1990s
        if j < n and toks[j].text in _TIME_SUFFIXES:
            return None, j + 1  # 5am
        if j + 1 < n and toks[j].text in ("a", "p") and toks[j + 1].text == ".":
            return None, j + 2  # 11 p.m.
        if j < n and toks[j].text == "o" and j + 1 < n and toks[j + 1].text == "'":
            return None, j + 2  # five o'clock
        if j < n and toks[j].text in _SCALE_SUFFIXES:
            scale_word = toks[j].text
            # A glued 'm' is a million with a currency ('$2.5m') or before a plural noun ('4m
            # journeys'); '18m high', 'an 18m yacht' are metres.
            following = toks[j + 1].text if j + 1 < n else ""
            plural = following.isalpha() and (following.endswith("s") or following in _PLURALS)
            if toks[j].glued and scale_word in ("m", "b", "t") and not (currency or plural):
                pass
            else:
                value *= _SCALE_SUFFIXES[scale_word]
                j += 1
    elif word == "half" and i + 1 < n and toks[i + 1].text in ("of", "the", "its", "their"):
        # 'half of the buildings', 'around half the staff': a share.
        if i > 0 and toks[i - 1].text in ("first", "second", "the", "a"):
            return None, i + 1  # 'the first half of 2025', 'a half' (read as a fraction)
        bound, qualifier, q_start = _qualifier(toks, i)
        low, high = _bounded(50.0, bound, FRACTION_POINTS)
        start_char = toks[q_start].start if qualifier else tok.start
        figure = Figure(
            "percent", 50.0, low, high, "%", _noun_after(toks, i + 1), folded[start_char : tok.end],
            qualifier, start_char, tok.end, bound, _clause(toks, q_start, i + 1),
        )  # fmt: skip
        return figure, i + 1
    elif word in _MULTITUDES:
        if i + 1 < n and toks[i + 1].text == "of":
            multitude = _MULTITUDES[word]
            value = multitude[0]
            j = i + 1
        else:
            return None, i + 1
    elif word == "tens" and i + 3 < n and toks[i + 1].text == "of":
        scale = toks[i + 2].text
        if scale in ("thousands", "millions"):
            base = 1e3 if scale == "thousands" else 1e6
            multitude = (20 * base, 99 * base)
            value = multitude[0]
            j = i + 3
        else:
            return None, i + 1
    else:
        read = _word_number(toks, i)
        after = toks[i + 1].text if i + 1 < n else ""
        if (
            read is None
            and word in ("a", "an")
            and (after in _DURATIONS or after in _FRACTIONS)
            and after != "second"  # 'a second request': the ordinal
        ):
            read = (1.0, i + 1)  # 'a fortnight', 'an hour', 'a quarter of'
        if read is None or (i > 0 and toks[i - 1].text in _NAMED_GROUPS):
            return None, i + 1  # 'the big four banks', 'the top five'
        value, j = read
        if word == "one" and j == i + 1:
            before = toks[i - 1].text if i > 0 else ""
            after = toks[j].text if j < n else ""
            if after in _NOT_ONE_AFTER or before in _NOT_ONE_BEFORE:
                return None, j
    bound, qualifier, q_start = _qualifier(toks, start_i)
    surface_start = toks[q_start].start if qualifier else toks[start_i].start

    def make(
        kind: str,
        value: float,
        unit: str,
        noun: str,
        end: int,
        low: float,
        high: float,
        how: str = bound,
    ) -> tuple[Figure, int]:
        end_char = toks[end - 1].end
        surface = folded[surface_start:end_char]
        if kind == "count" and not noun:
            noun = _number_of(toks, start_i)
        return (
            Figure(
                kind,
                value,
                low,
                high,
                unit,
                noun,
                surface,
                qualifier,
                surface_start,
                end_char,
                "vague" if multitude else how,
                clause := _clause(toks, q_start if qualifier else start_i, end),
                "" if _modifier(toks, end) else _stance(clause),
            ),
            end,
        )

    # Fractions: 'three-quarters', 'two thirds', 'a quarter of', 'one in five', 'four in 10'.
    k = j + 1 if j < n and toks[j].text == "-" else j
    if (
        multitude is None
        and not currency
        and k < n
        and toks[k].text in _FRACTIONS
        and value < _FRACTIONS[toks[k].text]
        and not word[:1].isdigit()
        and not (i > 0 and toks[i - 1].text == "the")
    ):
        share = 100.0 * value / _FRACTIONS[toks[k].text]
        end = k + 1
        kind, unit = "percent", "%"
        # 'a quarter of a percentage point', 'a quarter of a point', 'a quarter-point',
        # 'half a percentage point': a share of one point.
        rest = [t.text for t in toks[end : end + 5]]
        skipped = 0
        for optional in (("-",), ("of",), ("a", "one"), ("percentage",)):
            if rest[skipped : skipped + 1] and rest[skipped] in optional:
                skipped += 1
        if rest[skipped : skipped + 1] and rest[skipped] in ("point", "points"):
            share, kind, unit, end = share / 100.0, "points", "pp", end + skipped + 1
        low, high = _bounded(share, bound, FRACTION_POINTS if kind == "percent" else 0.0)
        return make(kind, share, unit, _noun_after(toks, end), end, low, high)
    if (
        multitude is None
        and j + 1 < n
        and toks[j].text in ("in", "out")
        and not currency
        and word not in ("a", "an")
    ):
        k = j + 1
        if toks[j].text == "out" and k < n and toks[k].text == "of":
            k += 1
        denominator = _word_number(toks, k) if k < n else None
        if k < n and toks[k].text[:1].isdigit():
            d = number(toks[k].text)
            denominator = (d, k + 1) if d else None
        if denominator and denominator[0] > value and _round_base(denominator[0]):
            share = 100.0 * value / denominator[0]
            low, high = _bounded(share, bound, FRACTION_POINTS)
            end = denominator[1]
            return make("percent", share, "%", _noun_after(toks, end), end, low, high)
    if word[:1].isdigit() and not currency and not bound:
        if _is_year(word, value) and j == i + 1:
            return None, j
        if _month_near(toks, i, j) and value <= 31 and value == int(value):
            return None, j
    # Scores and ranges: '9-4', 'by 10 to 2', 'between 449 and 599', '10-12 people'.
    if multitude is None and j + 1 < n and toks[j].text in ("-", "to", "and"):
        second_i = j + 1
        if (
            second_i + 1 < n
            and toks[second_i].text in _DOLLAR_PREFIXES
            and toks[second_i + 1].text == "$"
            and toks[second_i + 1].glued
        ):
            second_i += 1  # 'between A$3,000 and A$4,000'
        if toks[second_i].text in _CURRENCY_SYMBOLS:
            second_i += 1
        if second_i < n and toks[second_i].text[:1].isdigit():
            other = number(toks[second_i].text)
            if other is not None:
                m = second_i + 1
                if m < n and toks[m].text in _SCALE_SUFFIXES and (currency or not toks[m].glued):
                    other *= _SCALE_SUFFIXES[toks[m].text]
                    m += 1
                cues = {t.text for t in toks[max(start_i - 3, 0) : start_i]}
                following_word = toks[m].text if m < n else ""
                is_between = (
                    toks[j].text == "and" and start_i > 0 and toks[start_i - 1].text == "between"
                )
                if toks[j].text == "and" and not is_between:
                    pass  # 'seven passengers and two crew': two figures
                elif (
                    cues & _SCORE_CUES
                    or following_word in _SCORE_CUES
                    or (toks[j].text == "-" and other < value)  # a range runs low to high
                ) and not is_between:
                    if toks[j].text == "-" or "majority" in cues or "margin" in cues:
                        code = _score(value, other)
                        return make("score", code, "score", "", m, code, code)
                elif other > value and (toks[j].text != "-" or toks[second_i].glued):
                    kind, unit, factor, end = _unit_after(toks, m)
                    if currency:
                        kind, unit = "money", currency
                    kind = kind or "count"
                    if kind == "count" and _aged(toks, start_i):
                        kind, unit = "age", "years"  # 'those aged 15 to 24': a group
                    low, high = value * factor, other * factor
                    noun = _noun_after(toks, end) if kind in ("count", "percent") else ""
                    return make(kind, value * factor, unit, noun, end, low, high, "range")
    # 'by eight votes to five': a score.
    if j + 2 < n and toks[j].text in ("votes", "vote") and toks[j + 1].text == "to":
        other_read = _number_at(toks, j + 2)
        if other_read is not None:
            code = _score(value, other_read[0])
            return make("score", code, "score", "", other_read[1], code, code)
    kind, unit, factor, end = _unit_after(toks, j)
    if kind == "duration" and qualifier in ("over", "under"):
        bound, qualifier = "", ""  # 'heard evidence over five weeks': during, not more than
        surface_start = toks[start_i].start
    if currency:
        kind, unit = "money", currency
    if word in ("a", "an") and j == i + 1 and (kind != "duration" or _rate(toks, i)):
        return None, i + 1  # an article ('a day' in 'twice a day'), not 'a dozen' or 'a fortnight'
    place = _place(value) * factor
    value *= factor
    if multitude is not None:
        low, high = multitude[0] * factor, multitude[1] * factor
    else:
        low, high = _interval(value, bound, place)
        spread = _DURATION_SPREAD.get(unit if kind == "duration" else "", 0.0)
        low, high = low * (1 - spread), high * (1 + spread) if high != INF else INF
    if kind == "duration":
        unit = "s"
    if kind == "age":
        unit = "years"
    if not kind and _aged(toks, start_i):
        kind, unit = "age", "years"  # 'aged 34'
    if not kind:
        kind = "count"
    noun = _noun_after(toks, end) if kind in ("count", "percent", "points", "money") else ""
    if kind == "age" and end < n and toks[end].text.isalpha():
        noun = _noun_after(toks, end)
    return make(kind, value, unit, noun, end, low, high)


# Words before 'a day', 'a week' that make it a stretch of time ('for a week', 'lasted a
# day'); elsewhere it is usually a rate ('twice a day', '4m journeys a day', '$5 a week').
_STRETCH_LEADS = _set(
    """for in within after took take takes taking lasted lasts lasting than about nearly almost
    over under some just only spent spend spends a half"""
)


def _rate(toks: tuple[_Tok, ...], i: int) -> bool:
    """'a day' at token i is a rate: not after a word of duration, nor 'a week-long'."""
    if i + 2 < len(toks) and toks[i + 2].text == "-":
        return False
    if i == 0:
        return False
    previous = toks[i - 1].text
    # After a noun ('4m journeys a day') or a figure ('$5 a day', '12 hours a day').
    return previous[:1].isdigit() or (previous.isalpha() and previous not in _STRETCH_LEADS)


def _score(a: float, b: float) -> float:
    """A vote or score as one value, larger side first: '6-7' and '7-6' are one result."""
    return max(a, b) * 1000 + min(a, b)


def _round_base(denominator: float) -> bool:
    """'one in five', 'four in 10', 'nine out of ten', 'one in 100' are shares; '11 out of
    16 ties' is two counts."""
    return 2 <= denominator <= 10 or math.log10(denominator).is_integer()


def _bounded(value: float, bound: str, tolerance: float) -> tuple[float, float]:
    low, high = _interval(value, bound)
    return max(low - tolerance, 0.0), high + tolerance if high != INF else INF


# Words a figure can start with (besides digits).
_FIGURE_STARTS = (
    frozenset(_CURRENCY_SYMBOLS)
    | frozenset(_CURRENCY_CODES)
    | frozenset(_UNITS)
    | frozenset(_TENS)
    | frozenset(_MULTITUDES)
    | _set("a an half tens")
)


@lru_cache(maxsize=65536)
def figures(text: str) -> tuple[Figure, ...]:
    """Every figure of ``text`` in order (see the module docstring)."""
    folded, toks = _tokens(text)
    out: list[Figure] = []
    i = 0
    n = len(toks)
    while i < n:
        word = toks[i].text
        if not (word[:1].isdigit() or word in _FIGURE_STARTS):
            i += 1  # cheap: most words cannot start a figure
            continue
        figure, i_next = _figure_at(folded, toks, i)
        if figure is not None:
            out.append(figure)
        i = max(i_next, i + 1)
    return tuple(out)


def figures_overlap(a: Figure, b: Figure) -> bool:
    """The figures may be the same (both of one measure, see :func:`same_measure`): their
    intervals meet ('nearly 50' and 'more than 40'). Two figures bounded alike are two
    reports of one count and compare on the figures stated: 'at least 45 killed' and 'at
    least 62 killed' differ, as do 'about 1,900' and 'about 2,300'."""
    if a.bound == b.bound == "approx":
        # Each within the other's spread: 'some 148,600' and 'some 158,000' differ.
        return abs(a.value - b.value) <= max(a.value - a.low, b.value - b.low)
    if a.bound == b.bound and a.bound in ("atleast", "atmost", "top", "below"):
        return abs(a.value - b.value) <= EXACT * max(abs(a.value), abs(b.value))
    return a.low <= b.high and b.low <= a.high


def same_measure(a: Figure, b: Figure) -> bool:
    """The two figures are of one kind and unit (a '$' meets any dollar): comparable values.
    Whether they count the same thing is the caller's to judge from the nouns and context."""
    if a.kind != b.kind:
        return False
    if a.kind == "money":
        return a.unit == b.unit or (
            a.unit in _DOLLARS and b.unit in _DOLLARS and "$" in (a.unit, b.unit)
        )
    return a.unit == b.unit


# --- dates -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class When:
    """A date or time reference as an interval of days, ``first``..``last`` inclusive.

    ``precision``: ``day`` | ``week`` | ``month`` | ``quarter`` | ``season`` | ``year`` |
    ``span`` (a deadline or a stretch: 'by the end of March', 'the past three weeks').
    ``clause``: the words of the clause it stands in, itself left out (what happened then:
    'he was detained'); ``near``: the content word either side of it within the clause, the
    event it most likely dates ('on Friday approved'). ``part``: the part of the day when
    given ('morning', 'late'). ``dated``:
    False when the year is unknown (no year in the text and no ``published_at``): such a date
    is compared on month and day only (``first.year`` is then :data:`NO_YEAR`). ``other``:
    the date of another event, told as a gap from a date of the sentence ('on Wednesday, a
    day after the county was notified': Tuesday, of the notice); its clause is that event.
    ``another``: the date of another instance of the thing the clause names ('the last major
    strike, in December 2024', 'the board's next meeting is on 16 June', 'a further cut in
    August'), not of the instance the story reports.
    """

    first: date
    last: date
    precision: str
    surface: str
    part: str
    dated: bool
    start: int
    end: int
    clause: tuple[str, ...] = ()  # the other words of its clause, lower case
    near: tuple[str, ...] = ()  # the content words next to it in its clause ('approved')
    other: bool = False  # the date of another event, by its gap from this one's
    another: bool = False  # of another instance of the thing ('the last strike, in 2024')


NO_YEAR = 2000  # a leap year, so that 29 February has a place
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
_MONTH_NUMBER = {
    c: n
    for n, c in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        start=1,
    )
}
_AMBIGUOUS_MONTHS = frozenset({"may", "march", "june", "august", "jan", "mar", "sat", "sun"})
_MONTH_LEADS = _set(
    """in on by since until till from early late mid last next this of before after through
    between and to end start beginning during"""
)
_PARTS = frozenset({"morning", "afternoon", "evening", "night", "overnight", "dawn", "midday"})
_QUARTER_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}
_HALF_ORDINALS = {"first": 1, "second": 2}
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
_SEASONS |= {"winter": (12, 14)}
_FUTURE_RE = re.compile(
    r"\b(?:will|won't|shall|due|expected|scheduled|set to|plans?|planned|planning|going to|"
    r"would|to be held|to take place|upcoming|coming|intends?|aims?|hopes? to|could|"
    r"might|is to|are to|begins?|starts?|opens?|resumes?)\b",
    re.IGNORECASE,
)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_span(year: int, month: int) -> tuple[date, date]:
    # Months past December (a winter from December) roll over.
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    return date(year, month, 1), _month_end(year, month)


def _sub(first: date, last: date, part: str) -> tuple[date, date]:
    """'early', 'mid', 'late' parts of a month or a year: thirds of the interval."""
    if part not in ("early", "mid", "late", "end", "start", "beginning"):
        return first, last
    days = (last - first).days + 1
    third = days // 3
    if part in ("early", "start", "beginning"):
        return first, first + timedelta(days=third - 1)
    if part == "mid":
        return first + timedelta(days=third), last - timedelta(days=third)
    return last - timedelta(days=third - 1), last


def _future(sentence: str) -> bool:
    """A sentence about what is to come (tense and modal cues anywhere in it)."""
    return _FUTURE_RE.search(sentence) is not None


_FUTURE_WORDS = _set(
    """will wont shall due expected expects scheduled plans plan planned planning going would
    upcoming coming intends intend aims aim hopes hope could might begins starts opens
    resumes meets returns ends"""
)
_PAST_WORDS = IRREGULAR_PASTS | _set("was were had did ago came made went told saw got")


def _future_at(toks: tuple[_Tok, ...], i: int, sentence_future: bool) -> bool:
    """Whether the clause of token i speaks of what is to come: its own tense and modal
    cues first ('decision was made on Thursday, a day ahead of the deadline'), then the
    sentence's ('said the walkout would begin on Thursday')."""
    tense = _clause_tense(toks, i)
    return tense == "future" or (not tense and sentence_future)


def _clause_tense(toks: tuple[_Tok, ...], i: int) -> str:
    """'future', 'past' or '' (no cue) for the clause of token i."""
    clause = _clause(toks, i, i + 1)
    if any(w in _FUTURE_WORDS for w in clause):
        return "future"
    if any(w in _PAST_WORDS or (w.endswith("ed") and len(w) > 4) for w in clause):
        return "past"
    return ""


# A day or month named without a year is taken in the year nearest the article, unless that
# puts it more than this many days before the article in a clause about the future ('will
# reopen in January', said in July, is next January).
_TENSE_SLACK = 14


def clause_time(clause: tuple[str, ...]) -> str:
    """'future' or 'past' when the words of a clause tell only the one (reporting verbs left
    out: 'said the resort would close'), else ''."""
    words = [w for w in clause if w not in REPORTING_CUES]
    ahead = any(w in _FUTURE_WORDS for w in words)
    done = any(w in _PAST_WORDS or (w.endswith("ed") and len(w) > 4) for w in words)
    return "future" if ahead and not done else "past" if done and not ahead else ""


def _nearest_year(month: int, day: int | None, anchor: date, tense: str = "") -> int:
    """The year that puts a month (and day) nearest the article's date, not in the past of
    a clause about the future (see :data:`_TENSE_SLACK`). (A past tense is no such guide:
    'a further cut in August was their base case'.)"""
    best, best_distance = anchor.year, None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            first = date(year, month, day or 1)
        except ValueError:
            continue
        last = first if day else _month_end(year, month)
        if anchor < first:
            distance = (first - anchor).days
        elif anchor > last:
            distance = (anchor - last).days
            if tense == "future" and distance > _TENSE_SLACK:
                continue
        else:
            distance = 0
        if best_distance is None or distance < best_distance:
            best, best_distance = year, distance
    return best


def _month_at(toks: tuple[_Tok, ...], i: int) -> int | None:
    """The month number of token i, or None when it is not (or may not be) a month."""
    word = toks[i].text
    canon = MONTHS.get(word)
    if canon is None:
        return None
    if word in _AMBIGUOUS_MONTHS or len(word) == 3:
        if not toks[i].capital:
            return None
        nxt = toks[i + 1].text if i + 1 < len(toks) else ""
        prev = toks[i - 1].text if i > 0 else ""
        if not (nxt[:1].isdigit() or prev in _MONTH_LEADS or prev[:1].isdigit()):
            return None
    return _MONTH_NUMBER[canon]


def _year_at(toks: tuple[_Tok, ...], i: int) -> int | None:
    if i < len(toks) and toks[i].text.isdecimal() and len(toks[i].text) == 4:
        year = int(toks[i].text)
        if 1800 <= year <= 2100:
            return year
    return None


def _day_at(toks: tuple[_Tok, ...], i: int) -> tuple[int, int] | None:
    """A day of the month at token i ('14', '14th'): (day, next index)."""
    if i >= len(toks) or not toks[i].text.isdecimal() or len(toks[i].text) > 2:
        return None
    day = int(toks[i].text)
    if not 1 <= day <= 31:
        return None
    j = i + 1
    if j < len(toks) and toks[j].text in ("st", "nd", "rd", "th") and toks[j].glued:
        j += 1
    return day, j


def _lead(toks: tuple[_Tok, ...], i: int) -> tuple[str, int]:
    """The word before a date that shapes it: 'early', 'mid', 'late', 'end' (of), 'by the end
    of', 'before', 'by', 'until' (a deadline: 'by'); with the index the date's text starts."""
    j = i
    words = [t.text for t in toks[max(i - 5, 0) : i]]
    tail = " ".join(words[-4:])
    for phrase, part, size in (
        ("by the end of", "by-end", 4),
        ("before the end of", "by-end", 4),
        ("until the end of", "by-end", 4),
        ("by the start of", "by-start", 4),
        ("at the end of", "end", 4),
        ("the end of", "end", 3),
        ("at the start of", "start", 4),
        ("the start of", "start", 3),
        ("the beginning of", "start", 3),
        ("end of", "end", 2),
        ("start of", "start", 2),
        ("mid -", "mid", 2),
        ("early", "early", 1),
        ("late", "late", 1),
        ("mid", "mid", 1),
        ("by", "by", 1),
        ("before", "before", 1),
        ("since", "since", 1),
        ("until", "until", 1),
        ("till", "until", 1),
    ):
        if tail == phrase or tail.endswith(" " + phrase):
            j = i - size
            return part, j
    return "", j


def _shape(
    first: date, last: date, lead: str, anchor: date | None, precision: str
) -> tuple[date, date, str]:
    """Apply a lead word: a part of the interval, or a deadline from the article's day."""
    if lead in ("early", "mid", "late", "end", "start"):
        if precision in ("month", "year", "quarter", "season", "week"):
            first, last = _sub(first, last, lead)
        return first, last, precision
    if lead in ("by", "by-end", "before") and anchor is not None and anchor <= last:
        return anchor, last, "span"
    if lead == "by-start" and anchor is not None and anchor <= first:
        return anchor, first, "span"
    if lead == "since" and anchor is not None and first <= anchor:
        return first, anchor, "span"
    return first, last, precision


# Words that make a weekday a deadline or an end ('before Thursday', 'by Friday', 'until
# Friday').
_DEADLINE_LEADS = frozenset(("by", "before", "until", "till"))


def _aim(toks: tuple[_Tok, ...], i: int) -> bool:
    """Whether the clause of token i sets an aim rather than tells what was done: not in the
    past tense, or an infinitive or an obligation ('urged both sides to return before
    Thursday', 'must be filed by Monday')."""
    clause = _clause(toks, i, i + 1)
    return _clause_tense(toks, i) != "past" or any(w in _AIM_WORDS for w in clause)


_AIM_WORDS = frozenset(("to", "must", "should", "ought"))


def _weekday(
    toks: tuple[_Tok, ...], i: int, anchor: date, future: bool
) -> tuple[date, date, int, str, int]:
    """The day(s) a weekday name at token i stands for: (first, last, start index, part, end
    index). 'next Thursday' said on a Wednesday is tomorrow or the week after, depending on the
    writer: both, as an interval; 'last Tuesday' likewise."""
    target = _WEEKDAYS[toks[i].text]
    start = i
    before = toks[i - 1].text if i > 0 else ""
    relative = before if before in ("next", "last", "this", "coming", "past") else ""
    if relative:
        start = i - 1
    lead = toks[start - 1].text if start > 0 else ""
    part = ""
    if lead == "on" and start > 1 and toks[start - 2].text in ("late", "early"):
        part, start = toks[start - 2].text, start - 2
    elif lead in ("late", "early"):
        part, start = lead, start - 1
    elif [t.text for t in toks[max(start - 3, 0) : start]] in _SMALL_HOURS:
        part, start = "early", start - 3  # 'in the early hours of Sunday'
    end = i + 1
    if end < len(toks) and toks[end].text in _PARTS:
        part = part or toks[end].text
        end += 1
    ahead = (target - anchor.weekday()) % 7
    back = (anchor.weekday() - target) % 7
    if relative in ("next", "coming"):
        coming = anchor + timedelta(days=ahead or 7)
        next_week = anchor - timedelta(days=anchor.weekday()) + timedelta(days=7 + target)
        return coming, max(coming, next_week), start, part, end
    if relative in ("last", "past"):
        recent = anchor - timedelta(days=back or 7)
        last_week = anchor - timedelta(days=anchor.weekday()) - timedelta(days=7 - target)
        return min(recent, last_week), recent, start, part, end
    if relative == "this":
        future = future or not back
    day = anchor + timedelta(days=ahead) if future else anchor - timedelta(days=back)
    return day, day, start, part, end


_SMALL_HOURS = (["early", "hours", "of"], ["small", "hours", "of"], ["wee", "hours", "of"])
_RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
_UNIT_WORDS = frozenset({"week", "month", "year", "quarter", "weekend"})


def _relative_unit(unit: str, anchor: date, shift: int) -> tuple[date, date, str]:
    """The week, month, quarter or year ``shift`` units from the article's."""
    if unit in ("week", "weekend"):
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=shift)
        if unit == "weekend":
            return monday + timedelta(days=5), monday + timedelta(days=6), "day"
        return monday, monday + timedelta(days=6), "week"
    if unit == "month":
        first, last = _month_span(anchor.year, anchor.month + shift)
        return first, last, "month"
    if unit == "quarter":
        quarter = (anchor.month - 1) // 3 + shift
        year = anchor.year + quarter // 4
        quarter %= 4
        return date(year, quarter * 3 + 1, 1), _month_end(year, quarter * 3 + 3), "quarter"
    year = anchor.year + shift
    return date(year, 1, 1), date(year, 12, 31), "year"


def _number_before(toks: tuple[_Tok, ...], i: int) -> tuple[float, int] | None:
    """A number ending right before token i (digits or words, 'a'): (value, its index)."""
    if i <= 0:
        return None
    if toks[i - 1].text.isdecimal():
        return float(toks[i - 1].text), i - 1
    for size in (3, 2, 1):
        k = i - size
        if k < 0:
            continue
        read = _word_number(toks, k) if toks[k].text not in ("a", "an") else None
        if toks[k].text in ("a", "an") and size == 1:
            return 1.0, k
        if read is not None and read[1] == i:
            return read[0], k
    return None


# Words a date can start with (besides digits).
_DATE_STARTS = (
    frozenset(MONTHS)
    | frozenset(_WEEKDAYS)
    | frozenset(_QUARTER_ORDINALS)
    | frozenset(_SEASONS)
    | frozenset(_RELATIVE_DAYS)
    | _set("q h weekend this last next past previous coming the within ago in take takes taking")
)


@lru_cache(maxsize=65536)
def dates(text: str, published_at: datetime | None = None) -> tuple[When, ...]:
    """Every date reference of ``text`` resolved against ``published_at`` (module docstring)."""
    folded, toks = _tokens(text)
    anchor = published_at.date() if published_at is not None else None
    future = _future(folded)
    out: list[When] = []
    n = len(toks)
    i = 0

    def add(first: date, last: date, precision: str, s: int, e: int, part: str = "") -> None:
        if _baseline(toks, s):
            return  # 'higher than in February': the date measured against, not the fact's
        dated = first.year != NO_YEAR or anchor is not None
        if toks[s].text in ("by", "before", "until", "till") and _negated_before(toks, s):
            # 'not expected to be completed before the end of the year', 'not until
            # January': at that date or after it.
            since = first if toks[s].text in ("until", "till") else last
            first, last, precision = since, since + timedelta(days=365), "span"
        elif toks[s].text in ("until", "till") and anchor is not None and anchor <= last:
            first, precision = min(first, anchor), "span"  # 'will remain shut until Friday'
        out.append(
            When(
                first,
                last,
                precision,
                folded[toks[s].start : toks[e - 1].end],
                part,
                dated,
                toks[s].start,
                toks[e - 1].end,
                _clause(toks, s, e),
                _near(toks, s, e),
                another=_another_instance(toks, s),
            )
        )
        gap = _event_gap(toks, e)
        if gap is not None:
            amount, unit, g, k = gap
            out.append(
                When(
                    _shift(first, amount, unit),
                    _shift(last, amount, unit),
                    precision,
                    folded[toks[g].start : toks[k].end],
                    "",
                    dated,
                    toks[g].start,
                    toks[k].end,
                    _clause_from(toks, k + 1),
                    _near(toks, k + 1, k + 1),
                    other=True,
                )
            )

    while i < n:
        word = toks[i].text
        if not (word[:1].isdigit() or word in _DATE_STARTS):
            i += 1  # cheap: most words cannot start a date
            continue
        # ISO dates: '2026-03-04'.
        iso = _iso_at(toks, i)
        if iso is not None:
            add(iso, iso, "day", i, i + 5)
            i += 5
            continue
        # Day month (year): '14 June 2023', '14th of June'.
        day = _day_at(toks, i)
        if day is not None:
            k = day[1] + (1 if day[1] < n and toks[day[1]].text == "of" else 0)
            month = _month_at(toks, k) if k < n else None
            if month is not None:
                year = _year_at(toks, k + 1)
                end = k + 2 if year else k + 1
                lead, s = _lead(toks, i)
                out_len = len(out)
                _add_day(add, toks, day[0], month, year, anchor, s, end, lead)
                i = end if len(out) > out_len else i + 1
                continue
        month = _month_at(toks, i)
        if month is not None:
            lead, s = _lead(toks, i)
            if (
                i + 2 < n
                and toks[i + 1].text == "."
                and toks[i + 1].glued
                and toks[i + 2].text.isdecimal()
            ):
                i += 1  # 'Nov. 27': the abbreviation's point
            nxt = _day_at(toks, i + 1)
            if nxt is not None and not (i + 2 < n and toks[i + 2].text in _MONTHS_AND_UNITS):
                k = nxt[1]
                if k < n and toks[k].text in (",",):
                    k += 1
                year = _year_at(toks, k) if nxt[0] <= 31 else None
                end = k + 1 if year else nxt[1]
                _add_day(add, toks, nxt[0], month, year, anchor, s, end, lead)
                i = end
                continue
            year = _year_at(toks, i + 1)
            if year is None and i + 2 < n and toks[i + 1].text == "of":
                year = _year_at(toks, i + 2)
                end = i + 3 if year else i + 1
            else:
                end = i + 2 if year else i + 1
            prev = toks[s - 1].text if s > 0 else ""
            if year is None:
                if prev in ("next", "last", "this") and anchor is not None:
                    shift = {"next": 1, "last": -1, "this": 0}[prev]
                    year = anchor.year
                    if shift == 1 and month <= anchor.month:
                        year += 1
                    if shift == -1 and month >= anchor.month:
                        year -= 1
                    s -= 1
                elif anchor is not None:
                    year = _nearest_year(month, None, anchor, _clause_tense(toks, i))
                else:
                    year = NO_YEAR
            first, last = _month_span(year, month)
            first, last, precision = _shape(first, last, lead, anchor, "month")
            add(first, last, precision, s, end)
            i = end
            continue
        # Quarters: 'Q3', 'Q3 2025', 'the third quarter', 'third-quarter', 'the first half'.
        if (
            word == "q"
            and i + 1 < n
            and toks[i + 1].glued
            and toks[i + 1].text in ("1", "2", "3", "4")
        ):
            q = int(toks[i + 1].text)
            year = _year_at(toks, i + 2)
            end = i + 3 if year else i + 2
            year = year or (anchor.year if anchor else NO_YEAR)
            add(date(year, q * 3 - 2, 1), _month_end(year, q * 3), "quarter", i, end)
            i = end
            continue
        if word == "h" and i + 1 < n and toks[i + 1].glued and toks[i + 1].text in ("1", "2"):
            h = int(toks[i + 1].text)
            year = _year_at(toks, i + 2)
            end = i + 3 if year else i + 2
            year = year or (anchor.year if anchor else NO_YEAR)
            add(date(year, h * 6 - 5, 1), _month_end(year, h * 6), "quarter", i, end)
            i = end
            continue
        if word in _QUARTER_ORDINALS and i + 1 < n:
            k = i + 2 if toks[i + 1].text == "-" else i + 1
            unit = toks[k].text if k < n else ""
            table = _QUARTER_ORDINALS if unit == "quarter" else _HALF_ORDINALS
            if unit in ("quarter", "half") and word in table and i > 0:
                number = table[word]
                size = 3 if unit == "quarter" else 6
                end = k + 1
                year = None
                if end + 1 < n and toks[end].text == "of":
                    year = _year_at(toks, end + 1)
                    end = end + 2 if year else end
                elif _year_at(toks, end):
                    year = _year_at(toks, end)
                    end += 1
                s = i - 1 if toks[i - 1].text in ("the", "its", "this", "a") else i
                if year is None and s > 0 and _year_at(toks, s - 1) and toks[s - 1].glued is False:
                    year = _year_at(toks, s - 1)
                if year is None:
                    year = anchor.year if anchor else NO_YEAR
                if toks[i - 1].text == "a" or (word == "last" and unit == "quarter" and s == i):
                    i += 1
                    continue
                add(
                    date(year, number * size - size + 1, 1),
                    _month_end(year, number * size),
                    "quarter",
                    s,
                    end,
                )
                i = end
                continue
        # A year: '2023', 'in 2023', 'mid-2023', 'by the end of 2024'.
        year = _year_at(toks, i)
        if year is not None and _hhmm(toks, i) is not None:
            year = None  # '1930 GMT' is a time of day
        if year is not None and not (i > 0 and toks[i - 1].text in _CURRENCY_SYMBOLS):
            after = toks[i + 1].text if i + 1 < n else ""
            if (
                after not in _DURATIONS
                and after not in _MEASURES
                and after != "%"
                and not (i > 0 and toks[i - 1].text in _LABELS)
            ):
                lead, s = _lead(toks, i)
                first, last, precision = _shape(
                    date(year, 1, 1), date(year, 12, 31), lead, anchor, "year"
                )
                add(first, last, precision, s, i + 1)
                i += 1
                continue
        # Seasons: 'next spring', 'this summer', 'spring 2025', 'last autumn', 'in the spring'.
        if word in _SEASONS and not (i + 1 < n and toks[i + 1].text in ("-",)):
            prev = toks[i - 1].text if i > 0 else ""
            year = _year_at(toks, i + 1)
            first_month, last_month = _SEASONS[word]
            season: tuple[date, date] | None = None
            if year is not None:
                season = _month_span(year, first_month)[0], _month_span(year, last_month)[1]
            elif anchor is not None and (prev in ("next", "last", "this", "the") or i == 0):
                relative = prev if prev != "the" else ""
                season = _season_near(first_month, last_month, anchor, relative, toks, i, future)
            if season is not None:
                s = i - 1 if prev in ("next", "last", "this", "the") else i
                s = s - 1 if s > 0 and toks[s - 1].text == "in" and prev == "the" else s
                end = i + 2 if year is not None else i + 1
                add(season[0], season[1], "season", s, end)
                i = end
                continue
        if anchor is None:
            i += 1
            continue
        # Weekdays: 'on Monday', 'next Thursday', 'late on Tuesday', 'Wednesday night'.
        if (
            word in _WEEKDAYS
            and toks[i].capital
            and not (i > 0 and toks[i - 1].text in ("a", "every", "each"))  # 'on a Saturday'
            and not _dated_weekday(toks, i)
        ):
            deadline = i > 0 and toks[i - 1].text in _DEADLINE_LEADS and _aim(toks, i)
            ahead = deadline or _future_at(toks, i, future)
            first, last, s, part, end = _weekday(toks, i, anchor, ahead)
            if deadline and first >= anchor:
                # 'before Thursday', 'by Friday': a deadline is the coming one, and any day
                # from the article's up to it.
                add(anchor, last, "span", s, end, part)
            else:
                add(first, last, "day", s, end, part)
            i = end
            continue
        # 'at the weekend', 'over the weekend': the one under way, past or coming by tense.
        if word == "weekend" and i > 0 and toks[i - 1].text == "the":
            saturday = anchor + timedelta(days=5 - anchor.weekday())
            if anchor.weekday() < 5 and not _future_at(toks, i, future):
                saturday -= timedelta(days=7)
            add(saturday, saturday + timedelta(days=1), "day", i - 1, i + 1)
            i += 1
            continue
        if word in _RELATIVE_DAYS:
            day_date = anchor + timedelta(days=_RELATIVE_DAYS[word])
            s = i
            # 'a fortnight today', 'a week tomorrow', 'two weeks from today'.
            k = i - 2 if i > 1 and toks[i - 1].text == "from" else i - 1
            if k > 0 and toks[k].text in _DURATIONS and word != "yesterday":
                read = _number_before(toks, k)
                if read is not None:
                    days = round(read[0] * _DURATIONS[toks[k].text] / _DAY)
                    day_date += timedelta(days=days)
                    s = read[1]
            end = i + 1
            part = "night" if word == "tonight" else ""
            if end < n and toks[end].text in _PARTS:
                part, end = toks[end].text, end + 1
            add(day_date, day_date, "day", s, end, part)
            i = end
            continue
        if word in ("this", "last") and i + 1 < n and toks[i + 1].text in _PARTS:
            shift = -1 if word == "last" else 0
            day_date = anchor + timedelta(days=shift)
            add(day_date, anchor, "day", i, i + 2, toks[i + 1].text)
            i += 2
            continue
        # 'last week', 'next month', 'this year', 'earlier this year', 'early next month'.
        # 'the end of the year': the current one.
        the_current = word == "the" and i > 0 and toks[i - 1].text == "of"
        if (
            word in ("last", "next", "this", "past", "previous", "coming") or the_current
        ) and i + 1 < n:
            unit = toks[i + 1].text
            if unit in _UNIT_WORDS and not (i > 0 and toks[i - 1].text in ("the", "a")):
                shift = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(
                    word, 0
                )
                first, last, precision = _relative_unit(unit, anchor, shift)
                s = i
                prev = toks[i - 1].text if i > 0 else ""
                lead, s = _lead(toks, i)
                if prev == "earlier" and first <= anchor:
                    first, last, precision, s = first, anchor, "span", i - 1
                elif prev == "later" and last >= anchor:
                    first, last, precision, s = anchor, last, "span", i - 1
                else:
                    first, last, precision = _shape(first, last, lead, anchor, precision)
                add(first, last, precision, s, i + 2)
                i += 2
                continue
        # 'the past three weeks', 'the last 48 hours', 'in the past year'.
        if word in ("past", "last") and i > 0 and toks[i - 1].text == "the":
            read = _number_at(toks, i + 1)
            if read is not None and read[1] < n and toks[read[1]].text in _DURATIONS:
                seconds = read[0] * _DURATIONS[toks[read[1]].text]
                span_days = max(round(seconds / _DAY), 1)
                add(anchor - timedelta(days=span_days), anchor, "span", i - 1, read[1] + 1)
                i = read[1] + 1
                continue
        # 'three days ago', 'a week ago'.
        if word == "ago" and i > 1 and toks[i - 1].text in _DURATIONS:
            read = _number_before(toks, i - 1)
            if read is not None:
                seconds = read[0] * _DURATIONS[toks[i - 1].text]
                days = round(seconds / _DAY)
                day_date = anchor - timedelta(days=days)
                slack = timedelta(days=max(days // 10, 0))
                add(day_date - slack, day_date + slack, "day", read[1], i + 1)
                i += 1
                continue
        # 'in 12 days' time', 'will reopen in six weeks', 'is expected to take about six
        # weeks': a day that far from the article's, told roughly.
        time_ahead = _time_ahead(toks, i, future)
        if time_ahead is not None:
            _, low, high, end = time_ahead
            add(anchor + timedelta(days=low), anchor + timedelta(days=high), "span", i, end)
            i = end
            continue
        # 'within a month', 'within two weeks' (not 'within four minutes of the alarm': a
        # window counted from another event, which says nothing of the calendar).
        if word == "within" and i + 1 < n:
            read = _number_at(toks, i + 1)
            if (
                read is not None
                and read[1] < n
                and toks[read[1]].text in _DURATIONS
                and not (read[1] + 1 < n and toks[read[1] + 1].text in _WINDOW_ANCHORS)
            ):
                seconds = read[0] * _DURATIONS[toks[read[1]].text]
                span_days = max(round(seconds / _DAY), 1)
                add(anchor, anchor + timedelta(days=span_days), "span", i, read[1] + 1)
                i = read[1] + 1
                continue
        i += 1
    return tuple(out)


# Words that make a noun phrase another instance of its thing than the story's ('the last
# major strike', 'the board's next meeting', 'a further reduction', 'a similar notice'), and
# how far before a date they still govern it ('the last major metro strike, in December').
_INSTANCE_WORDS = _set("last next further another similar previous separate")
_INSTANCE_REACH = 8
# Words after 'last' or 'next' that make it a date ('last week', 'next spring', 'last night').
_DATE_WORDS = _UNIT_WORDS | _PARTS | frozenset(_DURATIONS) | _set("night time")
# Words that open another clause: an instance word before them says nothing of a date after.
_INSTANCE_BREAKS = _set("and but or while whereas which who that when after before because ;")


def _another_instance(toks: tuple[_Tok, ...], s: int) -> bool:
    """Whether an instance word governs the date starting at token ``s`` from its clause
    ('The last major metro strike, in December 2024, lasted'; 'a further reduction in
    August'), not one that is itself a date ('last week', 'next Thursday', 'last night')."""
    for k in range(s - 1, max(s - 1 - _INSTANCE_REACH, -1), -1):
        word = toks[k].text
        if word in _INSTANCE_BREAKS:
            return False
        if word in _INSTANCE_WORDS:
            following = toks[k + 1].text if k + 1 < len(toks) else ""
            return not (following in _DATE_STARTS or following in _DATE_WORDS)
    return False


# 'within two hours of the blast', 'within a week after the vote': a window from an event.
_WINDOW_ANCHORS = frozenset(("of", "after", "from"))
# 'than in February', 'compared with March', 'versus 2024': the period a figure is measured
# against (the words before a date, a preposition of time left out).
_BASELINE_LEADS = (("than",), ("compared", "with"), ("compared", "to"), ("versus",), ("vs",))
_TIME_PREPOSITIONS = frozenset(("in", "on", "at", "during"))


def _baseline(toks: tuple[_Tok, ...], s: int) -> bool:
    """The date starting at token ``s`` is the baseline of a comparison ('5.3%, higher than
    in February', 'up 4% compared with March'): the period the figure is set against, not
    when the sentence's fact happened, so it is no date of the fact to compare."""
    k = s
    while k > 0 and toks[k - 1].text in _TIME_PREPOSITIONS:
        k -= 1
    before = tuple(t.text for t in toks[max(k - 2, 0) : k])
    return any(before[-len(lead) :] == lead for lead in _BASELINE_LEADS)


# 'on Wednesday, a day after the county was notified', 'in June 2024, a year after the
# collapse', 'on Thursday, two days before it was due to open': the gap to another event.
_GAP_WORDS = {"after": -1, "before": 1}
_CALENDAR_UNITS = {"month": 1, "months": 1, "year": 12, "years": 12, "decade": 120}
_CALENDAR_UNITS |= {"decades": 120}


def _event_gap(toks: tuple[_Tok, ...], e: int) -> tuple[float, str, int, int] | None:
    """A gap told right after a date, set off by a comma ('…, a day after the vote'):
    (signed amount of the unit from this date to the other event's, the unit, the gap's first
    token, the index of 'after' or 'before')."""
    if e + 3 >= len(toks) or toks[e].text != ",":
        return None
    read = _number_at(toks, e + 1)
    if read is None or read[1] + 1 >= len(toks) or toks[read[1]].text not in _DURATIONS:
        return None
    k = read[1] + 1
    if toks[k].text not in _GAP_WORDS:
        return None
    return read[0] * _GAP_WORDS[toks[k].text], toks[read[1]].text, e + 1, k


def in_event_gap(text: str, figure: Figure) -> bool:
    """A duration that is the gap set off after a date ('on Wednesday, a day after the
    county was notified'): it dates the other event (:func:`dates`), it is no figure of a
    fact."""
    if figure.kind != "duration":
        return False
    folded = text if text.isascii() else fold(text)
    after = folded[figure.end :].lstrip().split(" ", 1)[0].lower()
    return after in _GAP_WORDS and folded[: figure.start].rstrip().endswith(",")


def _shift(day: date, amount: float, unit: str) -> date:
    """``day`` moved by ``amount`` of ``unit``: months and years by the calendar."""
    if unit in _CALENDAR_UNITS:
        months = round(amount * _CALENDAR_UNITS[unit])
        month = day.month - 1 + months
        year, month = day.year + month // 12, month % 12 + 1
        return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
    return day + timedelta(days=round(amount * _DURATIONS[unit] / _DAY))


# A time ahead told as a duration is rough: this share of it either way ('six weeks' is
# 36 to 48 days); 'up to' is any day until then.
_AHEAD_SLACK = 0.15
_TAKE_WORDS = _set("take takes taking")
_TAKE_QUALIFIERS = _set("about around roughly some approximately")
# 'the first rise in six weeks', 'the highest in two years': a stretch back, not a day ahead.
_BACK_BEFORE_IN = _set("time first high low record")


def _time_ahead(
    toks: tuple[_Tok, ...], i: int, sentence_future: bool
) -> tuple[int, int, int, int] | None:
    """A day ahead of the article's told as a duration at token i: 'in 12 days' time' (in
    any clause), 'in six weeks' and 'take (about, up to) six weeks' in a clause about the
    future. (days, first and last day from the article's, end index) or None."""
    word = toks[i].text
    if word not in _TAKE_WORDS and word != "in":
        return None
    k = i + 1
    up_to = False
    if word in _TAKE_WORDS and k < len(toks) and toks[k].text in _TAKE_QUALIFIERS:
        k += 1
    elif word in _TAKE_WORDS and [t.text for t in toks[k : k + 2]] == ["up", "to"]:
        k, up_to = k + 2, True
    read = _number_at(toks, k)
    if read is None or read[1] >= len(toks) or toks[read[1]].text not in _DURATIONS:
        return None
    unit = toks[read[1]].text
    end = read[1] + 1
    told_time = [t.text for t in toks[end : end + 3]]
    if word == "in" and told_time[:2] == ["'", "time"]:
        end += 2
    elif word == "in" and told_time[:3] == ["'", "s", "time"]:
        end += 3
    elif not _future_at(toks, i, sentence_future) or (
        word == "in"
        and i > 0
        and (toks[i - 1].text in _BACK_BEFORE_IN or toks[i - 1].text.endswith("est"))
    ):
        return None
    days = round(read[0] * _DURATIONS[unit] / _DAY)
    if days < 1:
        return None
    if up_to:
        return days, 0, days, end
    slack = round(days * _AHEAD_SLACK)
    return days, days - slack, days + slack, end


_MONTHS_AND_UNITS = frozenset(_DURATIONS) | frozenset(_MEASURES) | {"%", "per", "percent"}


def _number_at(toks: tuple[_Tok, ...], i: int) -> tuple[float, int] | None:
    if i >= len(toks):
        return None
    if toks[i].text.isdecimal():
        return float(toks[i].text), i + 1
    if toks[i].text in ("a", "an"):
        return 1.0, i + 1
    return _word_number(toks, i)


def _iso_at(toks: tuple[_Tok, ...], i: int) -> date | None:
    """'2026-03-04' at token i (five tokens: year, '-', month, '-', day)."""
    if i + 4 >= len(toks) or _year_at(toks, i) is None:
        return None
    parts = toks[i : i + 5]
    if not (parts[1].text == parts[3].text == "-" and all(t.glued for t in parts[1:])):
        return None
    if not (parts[2].text.isdecimal() and parts[4].text.isdecimal()):
        return None
    try:
        return date(int(parts[0].text), int(parts[2].text), int(parts[4].text))
    except ValueError:
        return None


def _dated_weekday(toks: tuple[_Tok, ...], i: int) -> bool:
    """A weekday written with its date ('Thursday, March 5', 'Tuesday 10 March'): the date
    says the day."""
    k = i + 1
    if k < len(toks) and toks[k].text == ",":
        k += 1
    if k < len(toks) and _month_at(toks, k) is not None:
        return True
    day = _day_at(toks, k)
    return day is not None and day[1] < len(toks) and _month_at(toks, day[1]) is not None


def _negated_before(toks: tuple[_Tok, ...], i: int) -> bool:
    """A 'not' (or 'n't') earlier in the clause of token i."""
    k = i - 1
    while k >= 0 and toks[k].text not in _CLAUSE_BREAKS:
        if toks[k].text in ("not", "never") or (toks[k].text == "t" and toks[k - 1].text == "'"):
            return True
        k -= 1
    return False


def _season_near(
    first_month: int,
    last_month: int,
    anchor: date,
    relative: str,
    toks: tuple[_Tok, ...],
    i: int,
    sentence_future: bool,
) -> tuple[date, date]:
    """The season a name without a year stands for: 'this' the one under way or nearest,
    'next' the first one after the article's, 'last' the latest one before; bare ('in the
    spring'), the coming one in a clause about the future, else the latest one begun."""
    spans = [
        (_month_span(year, first_month)[0], _month_span(year, last_month)[1])
        for year in (anchor.year - 2, anchor.year - 1, anchor.year, anchor.year + 1)
    ]
    current = next((span for span in spans if span[0] <= anchor <= span[1]), None)
    if relative == "next":
        return next(span for span in spans if span[0] > anchor)
    if relative == "last":
        return [span for span in spans if span[1] < anchor][-1]
    if current is not None:
        return current
    if relative == "this" or _future_at(toks, i, sentence_future):
        return next(span for span in spans if span[0] > anchor)
    return [span for span in spans if span[1] < anchor][-1]


def _add_day(
    add: object,
    toks: tuple[_Tok, ...],
    day: int,
    month: int,
    year: int | None,
    anchor: date | None,
    start: int,
    end: int,
    lead: str,
) -> None:
    if year is None:
        tense = _clause_tense(toks, start)
        year = _nearest_year(month, day, anchor, tense) if anchor is not None else NO_YEAR
    try:
        first = date(year, month, day)
    except ValueError:
        return
    first, last, precision = _shape(first, first, lead, anchor, "day")
    add(first, last, precision, start, end)  # type: ignore[operator]


# The parts of a day that run into the night, and those that start the next day: 'late on
# Saturday', 'Saturday night' and 'the early hours of Sunday' can be one night.
_NIGHT_PARTS = frozenset({"night", "overnight", "late"})
_SMALL_HOUR_PARTS = frozenset({"early", "dawn"})


def dates_overlap(a: When, b: When) -> bool:
    """The two intervals meet. A date without a year meets the other on month and day. The
    night of a day meets the early hours of the next (:data:`_NIGHT_PARTS`)."""
    if _one_night(a, b) or _one_night(b, a):
        return True
    if a.dated and b.dated:
        return a.first <= b.last and b.first <= a.last
    if (a.last - a.first).days >= 365 or (b.last - b.first).days >= 365:
        return True  # a year or more holds every month and day
    return not _month_days(a.first, a.last).isdisjoint(_month_days(b.first, b.last))


def _one_night(evening: When, morning: When) -> bool:
    """``evening`` is the night of the day before ``morning``'s early hours."""
    return (
        evening.part in _NIGHT_PARTS
        and morning.part in _SMALL_HOUR_PARTS
        and evening.first == evening.last
        and morning.first == morning.last
        and morning.first - evening.last == timedelta(days=1)
    )


@lru_cache(maxsize=4096)
def _month_days(first: date, last: date) -> frozenset[tuple[int, int]]:
    """The (month, day) of every day from ``first`` to ``last`` (under a year: see
    :func:`dates_overlap`), once per interval (the same dates recur in every pair)."""
    days = min((last - first).days, 366)
    return frozenset(
        ((first + timedelta(days=k)).month, (first + timedelta(days=k)).day)
        for k in range(days + 1)
    )


def show_date(when: When) -> str:
    """A date as a reason shows it: 'Thursday 26 February', 'March 2026', 'Q3 2025'."""
    if when.precision == "day" and when.first == when.last:
        day = f"{when.first.day} {calendar.month_name[when.first.month]}"
        return f"{calendar.day_name[when.first.weekday()]} {day}" if when.dated else day
    return when.surface


# --- times of day ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Clock:
    """A time of day: ``minutes`` after midnight, as written (``surface``), with the other
    words of its clause and the content words next to it (see :class:`When`)."""

    minutes: int
    surface: str
    clause: tuple[str, ...]
    near: tuple[str, ...]


_MERIDIEM = {"am": 0, "pm": 12}
_NAMED_TIMES = {"noon": 12 * 60, "midday": 12 * 60, "midnight": 0}
# Times of day this many minutes apart are the same time, told roughly.
CLOCK_TOLERANCE = 30


@lru_cache(maxsize=65536)
def clocks(text: str) -> tuple[Clock, ...]:
    """Every time of day in ``text``: '5am', '11 p.m.', '10:30', '6.15pm', 'noon', '0740 GMT'."""
    folded, toks = _tokens(text)
    out: list[Clock] = []
    n = len(toks)
    for i, tok in enumerate(toks):
        minutes: int | None = None
        end = i + 1
        if tok.text in _NAMED_TIMES and i > 0 and toks[i - 1].text in ("at", "by", "before"):
            minutes = _NAMED_TIMES[tok.text]
        elif _hhmm(toks, i) is not None:
            minutes = _hhmm(toks, i)
            end = i + 3 if toks[i + 1].text == "local" else i + 2
        elif tok.text.isdecimal() and len(tok.text) <= 2 and int(tok.text) <= 24:
            hour, minute = int(tok.text), 0
            k = i + 1
            if k + 1 < n and toks[k].text in (":", ".") and toks[k + 1].text.isdecimal():
                minute, k = int(toks[k + 1].text), k + 2
            elif "." in tok.text:
                k = i + 1
            meridiem = toks[k].text if k < n else ""
            after = k + 1  # the token after the meridiem
            if meridiem in ("a", "p") and [t.text for t in toks[k + 1 : k + 3]] == [".", "m"]:
                meridiem, after = meridiem + "m", k + 3  # a.m. / p.m.
                if after < n and toks[after].text == ".":
                    after += 1
            if meridiem in _MERIDIEM and hour <= 12 and minute < 60:
                minutes = (hour % 12 + _MERIDIEM[meridiem]) * 60 + minute
                end = after
            elif k > i + 1 and minute < 60 and toks[i + 1].text == ":":
                minutes, end = hour * 60 + minute, k  # 10:30, 23:15
        elif tok.text[:1].isdigit() and "." in tok.text and i + 1 < n:
            # '6.15pm': the number regex keeps the point.
            hour_text, _, minute_text = tok.text.partition(".")
            if toks[i + 1].text in _MERIDIEM and len(minute_text) == 2:
                hour, minute = int(hour_text), int(minute_text)
                if hour <= 12 and minute < 60:
                    minutes = (hour % 12 + _MERIDIEM[toks[i + 1].text]) * 60 + minute
                    end = i + 2
        if minutes is not None:
            out.append(
                Clock(
                    minutes % (24 * 60),
                    folded[tok.start : toks[end - 1].end],
                    _clause(toks, i, end),
                    _near(toks, i, end),
                )
            )
    return tuple(out)


def clocks_meet(a: Clock, b: Clock) -> bool:
    """Within :data:`CLOCK_TOLERANCE` minutes of each other (round midnight too)."""
    gap = abs(a.minutes - b.minutes)
    return min(gap, 24 * 60 - gap) <= CLOCK_TOLERANCE
