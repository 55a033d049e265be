"""Word lists for cross-checking: stopwords, months, number words, negation and echo cues.

All general English news vocabulary, lower case.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _ordered(text: str) -> list[str]:
    return text.split()


MONTHS: dict[str, str] = {}
for _canon, _forms in {
    "jan": "jan january",
    "feb": "feb febr february",
    "mar": "mar march",
    "apr": "apr april",
    "may": "may",
    "jun": "jun june",
    "jul": "jul july",
    "aug": "aug august",
    "sep": "sep sept september",
    "oct": "oct october",
    "nov": "nov november",
    "dec": "dec december",
}.items():
    for _form in _forms.split():
        MONTHS[_form] = _canon

NUMBER_WORDS: dict[str, int] = {
    word: value
    for value, word in enumerate(
        _ordered(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen twenty"
        )
    )
    if value >= 2  # 'one' is mostly a pronoun ('one of the'), 'zero' rare in claims
} | {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "hundred": 100,
}

SCALES: dict[str, float] = {
    "thousand": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
}
CURRENCY_SYMBOLS = {"$": "usd", "€": "eur", "£": "gbp", "¥": "jpy"}
CURRENCY_WORDS = {
    "dollars": "usd",
    "dollar": "usd",
    "usd": "usd",
    "euros": "eur",
    "euro": "eur",
    "eur": "eur",
    "pounds": "gbp",
    "sterling": "gbp",
    "yen": "jpy",
    "rubles": "rub",
    "roubles": "rub",
    "hryvnias": "uah",
}

WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")

# Function words and the generic vocabulary of news reporting: they say nothing about which
# fact a sentence states, so they are neither query terms nor evidence of the same fact.
STOPWORDS = _words(
    """a about above after again against all also although am an and any are aren as at be
    because been before being below between both but by can cannot could did do does doing
    down during each either else even ever every few for from further had has have having he
    her here hers herself him himself his how however i if in into is it its itself just let
    like may me might more most much must my myself neither no nor not now of off on once only
    or other others our ours ourselves out over own per perhaps same shall she should since so
    some such than that the their theirs them themselves then there these they this those
    though through thus to too under until up upon us very via was we were what whatever when
    where whether which while who whom whose why will with within without would yet you your
    yours yourself yourselves
    said says say saying told tell tells according reported reports report reportedly added
    adding stated statement asked claimed noted explained announced confirmed comment
    source sources official officials senior
    mr mrs ms dr news today yesterday tomorrow week weeks year years month months day days
    time times one ones two first new also just still already well many several
    get got gets make made makes take took taken go goes went gone come came
    people thing things way lot lots part including include includes s t n nt
    monday tuesday wednesday thursday friday saturday sunday
    meanwhile earlier later instead indeed moreover furthermore besides overall
    http https www com org net html htm php index article articles story stories"""
)

# Words that make a sentence deny or negate its event.
NEGATION_CUES = _words(
    """not no never denied denies deny denying rejected rejects reject rejecting refused
    refuses refuse refusing nobody none neither nor"""
)
# Negators proper; the other cues are verbs of denial ('did not reject' is no denial).
EXPLICIT_NEGATORS = _words("not no never nobody none neither nor")

# Auxiliaries quoted with a following 'not' in a reason ("denies: 'did not'").
AUX_BEFORE_NOT = _words("did does do has have had was were is are will would could should can")

# Words of a source description that are not a name: 'several European diplomats familiar with
# the conversations' is a description; two descriptions only echo each other when identical.
DESCRIPTION_WORDS = _words(
    """official officials source sources diplomat diplomats person people spokesman
    spokeswoman spokesperson aide aides adviser advisers advisor advisors analyst analysts
    expert experts insider insiders witness witnesses resident residents familiar senior
    anonymous unnamed several some two three many member members negotiator negotiators
    lawmaker lawmakers employee employees staff"""
)
# Words that carry no weight in a name ('the Associated Press' ~ 'Associated Press').
NAME_NOISE = _words("the a an of and for de la le el news")

# Auxiliaries and adverbs allowed between an actor and its verb ('Kyiv has also rejected').
ACTOR_GAP = _words(
    """has have had was were is are will would could should may might also reportedly
    already then later initially officially formally quickly swiftly flatly publicly
    not never did does do been be"""
)

# Irregular past tenses: verbs whose actor can be compared ('Moscow struck' vs 'Kyiv struck').
IRREGULAR_PASTS = _words(
    """began bought brought built caught chose drew drove fell fled fought found froze gave
    grew hit held hurt kept knew laid led left lost met paid put quit ran rose sent set shot
    sold sought spent split spoke stole stood struck swore took threw tore understood won
    wrote"""
)

# Reporting verbs that mark a clause as attribution ('..., a Saudi official said.'): the clause
# says who reports the fact, not the fact, so comparison leaves it out.
REPORTING_CUES = _words(
    """said says told tells reported reports announced added adds wrote writes claimed claims
    noted notes confirmed confirms calculated showed shows estimated stated according citing
    quoted quoting insisted insists"""
)

# Nouns a figure can count although they are generic ('45 people', '12 years', '48 hours'). Ages
# ('36-year-old', '40 years old') are excluded where quantities are read.
COUNT_NOUNS = _words("people persons year years month months week weeks day days")

# Words that may stand between a figure and the noun or verb it belongs to ('killed at least 45
# people', 'fell to 4.2 billion', 'a magnitude of 6.8').
FIGURE_GAP = _words(
    """a an the of at to by about around some nearly almost roughly approximately least more
    than over under up just was were is are be been had has have only another further"""
)
# Words that end the phrase a figure belongs to ('12 people and wounded 30').
FIGURE_BREAK = _words("and or but while when whereas as after before since with from including")

# Inflections and news synonyms that name the same thing or event: compared as one term.
# (Only comparison uses them; the index keeps the words as written.)
SYNONYMS: dict[str, str] = {}
for _canon, _forms in {
    "kill": "killed kills killing died dies dead",
    "quake": "earthquake earthquakes quakes tremor",
    "fall": "fell falls fallen falling dropped drop drops declined decline declines slid slipped",
    "rise": "rose risen rises rising climbed increased grew grown jumped",
    "cut": "cuts cutting reduced reduce reduces lowered slashed trimmed",
    "ceasefire": "ceasefires truce truces",
    "strike": "strikes walkout walkouts",
    "blast": "blasts explosion explosions",
    "talk": "talks negotiations",
    "approve": "approved approves approval",
    "extradite": "extradited extradition",
    "jail": "jailed imprisoned",
    "evacuate": "evacuated evacuation",
    "win": "won wins winning",
    "begin": "began begins start starts started",
    "collapse": "collapsed collapses",
    "hospitalise": "hospitalised hospitalized hospitalisations hospitalizations hospitalisation",
}.items():
    for _form in _forms.split():
        SYNONYMS[_form] = _canon
