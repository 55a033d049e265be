"""A deterministic synthetic news corpus for the cross-check benchmarks (no Django).

Sentences read like wire copy: "Anna Kowalski said on Tuesday that the Baltic Freight Union
would cut 4,500 jobs in Gdansk by March 3." The content vocabulary (a few hundred real news words
at the head, pronounceable made-up words in the long tail, several thousand in all) is drawn with
a Zipf distribution; people, places and organisations come from fixed pools. Articles of about
30 sentences report one of :data:`STORIES` recurring stories, each a set of facts (who did what,
how many, where, when) told with varying templates, reporting verbs and numbers, so a draft about
a story has real matches (paraphrases, changed figures) among the corpus sentences.

Article ``i`` reports story ``i % STORIES``, so a small corpus holds the low-numbered stories;
:func:`draft` writes about :data:`DRAFT_STORY`, present at every size.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass

SEED = 20_251_127
STORIES = 2_000
SENTENCES_PER_ARTICLE = 30
FACTS_PER_STORY = 12
DRAFT_STORY = 7
VOCABULARY = 6_000
ZIPF_S = 1.07


def _words(text: str) -> list[str]:
    return text.split()


_HEAD = _words("""
government officials ministry minister president talks deal plan agreement law court police
army troops border election vote party parliament budget tax tariffs trade exports imports
prices inflation market shares bank rates economy growth jobs workers union strike factory
company firm contract investors oil gas energy power grid water climate emissions drought
flood storm fire hospital patients doctors health vaccine virus school students teachers
university research scientists study report data survey results figures percent record
attack strike missile drones ceasefire peace aid refugees migrants visa sanctions embassy
summit leaders allies coalition opposition protest crowd rally arrest charges trial judge
ruling appeal prison investigation probe fraud corruption scandal resignation spokesman
statement interview conference meeting committee council commission agency regulator board
project program funding spending billion million loan debt bonds currency dollar euro
housing rent property construction roads rail airport flights passengers port ships cargo
farmers crops wheat food supply shortage demand production output sales revenue profit loss
losses quarter annual monthly weekly deadline review proposal measure rules reform policy
security defence military navy air forces weapons nuclear program talks negotiators envoy
diplomats sources documents email letter memo website platform network phone internet users
technology software chips data centre artificial intelligence battery electric vehicles cars
tourism visitors hotel festival museum team match season coach players fans stadium league
""")
_ONSETS = _words("b c d f g h j k l m n p r s t v w z br ch cl dr fl fr gl gr kr pl pr sh st tr th")
_VOWELS = _words("a e i o u ai ea ie oa ou")
_CODAS = ["", "", "", "n", "r", "s", "t", "l", "m", "nd", "rk", "st"]

_FIRST = _words("""
Anna Maria Olena Sofia Elena Laura Sarah Emma Julia Hanna Ewa Irina Yasmin Amina Fatima
Grace Helen Ingrid Karin Lucia Marta Nadia Petra Rosa Tanya Vera Zofia Adam Ahmed Andrei Boris
Carlos David Dmitro Erik Felix George Hans Igor Ivan James John Jonas Karl Lukas Marco Mehmet
Michael Nikolai Omar Pavel Pedro Peter Rafael Robert Samuel Stefan Thomas Viktor Yusuf""")
_LAST = _words("""Kowalski Novak Horvat Petrov Ivanova Schmidt Muller Rossi Bianchi Garcia Martinez
Lopez Silva Santos Costa Dubois Laurent Moreau Jensen Nielsen Hansen Larsen Berg Lindqvist
Virtanen Korhonen Tamm Kask Ozols Kalnins Jankauskas Kovacs Nagy Popescu Ionescu Dimitrov
Georgiou Papadopoulos Yilmaz Demir Kaya Haddad Khalil Nasser Okafor Mensah Diallo Kimani
Otieno Tanaka Sato Suzuki Kim Park Chen Wang Li Zhang Nguyen Tran Singh Patel Sharma Khan
Ahmed Rahman Hussain Ali Hassan Ibrahim Cohen Levy Friedman Walsh Murphy Kelly Byrne
O'Brien Campbell Stewart Reid Morgan Hughes Evans Clarke Wright Turner Baker Fisher Wagner
Becker Hoffmann Koch Richter Wolf Klein Schulz Zimmermann Kruger Hartmann Lange Werner""")
_PLACES = _words("""
Gdansk Warsaw Krakow Vilnius Riga Tallinn Helsinki Stockholm Oslo Copenhagen Hamburg
Berlin Munich Vienna Prague Bratislava Budapest Zagreb Belgrade Sofia Bucharest Athens Istanbul
Ankara Kyiv Kharkiv Odesa Lviv Dnipro Minsk Chisinau Tbilisi Yerevan Baku Tehran Baghdad
Damascus Beirut Amman Cairo Tunis Algiers Rabat Lagos Accra Nairobi Kampala Asmara Dakar
Kinshasa Luanda Harare Lusaka Johannesburg Durban Madrid Lisbon Porto Seville Marseille Lyon
Paris Brussels Antwerp Rotterdam Amsterdam Dublin Belfast Glasgow Edinburgh Manchester Leeds
Bristol London Geneva Zurich Milan Turin Naples Rome Valletta Nicosia Karachi Lahore Delhi
Mumbai Dhaka Colombo Kathmandu Bangkok Hanoi Manila Jakarta Singapore Seoul Tokyo Osaka
Taipei Shanghai Beijing Sydney Melbourne Auckland Toronto Montreal Ottawa Chicago Detroit
Houston Denver Phoenix Seattle Boston Atlanta Miami Bogota Lima Quito Santiago Caracas""")
_ORG_HEADS = _words("""
Baltic Northern Eastern Western Southern Central National Federal Royal United
Atlantic Pacific Continental Regional Metropolitan Coastal Alpine Danube Carpathian Nordic""")
_ORG_TAILS_TEXT = """
Freight Union, Energy Group, Rail Authority, Health Service, Water Board, Steel Works,
Farmers Association, Airlines, Shipping Line, Investment Bank, Grid Operator, Mining Company,
Teachers Union, Police Federation, Chamber of Commerce, Development Agency, Port Authority,
Statistics Office, Election Commission, Audit Office, Transport Ministry, Defence Ministry,
Finance Ministry, Central Bank, Competition Authority, Medical Council, Broadcasting Corporation,
Housing Fund, Pension Fund, Customs Service"""
_OUTLETS_TEXT = """
Reuters, Associated Press, Agence France-Presse, BBC News, The Guardian, Politico,
Deutsche Welle, Euronews, Financial Times, Bloomberg, Al Jazeera, Kyiv Independent,
Notes from Poland, LRT, ERR News, Yle, The Local, Balkan Insight, Daily Sabah, The Hindu"""
_ORG_TAILS = [item.strip() for item in _ORG_TAILS_TEXT.split(",")]
_OUTLETS = [item.strip() for item in _OUTLETS_TEXT.split(",")]
_REPORTING = [
    "said",
    "told reporters",
    "announced",
    "confirmed",
    "stated",
    "claimed",
    "told Reuters",
    "wrote on social media",
    "said in a statement",
    "told a news conference",
]
_VERBS = _words("""cut add send approve reject deploy fund close open build sign suspend hire import
export sell buy repair replace evacuate inspect release detain train vaccinate relocate
withdraw deliver produce lease insure audit""")
_PAST = {v: (v + "ed" if not v.endswith("e") else v + "d") for v in _VERBS} | {
    "cut": "cut",
    "send": "sent",
    "build": "built",
    "sell": "sold",
    "buy": "bought",
}
_WEEKDAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
_MONTHS = _words("""January February March April May June July August September October November
December""")
_TEMPLATES = [
    "{reporter} {reporting} on {weekday} that {actor} would {verb} {qty} {noun} in {place}.",
    "{actor} will {verb} {qty} {mod} {noun} in {place}, {reporter} {reporting} on {weekday}.",
    "According to {reporter}, {actor} plans to {verb} {qty} {noun} in {place} by {month} {day}.",
    "{actor} agreed on {month} {day} to {verb} {qty} {noun} in {place}, {reporter} {reporting}.",
    "In {place}, {actor} {past} {qty} {mod} {noun} last {weekday}, {reporter} {reporting}.",
    "{reporter} {reporting} that {actor} had {past} {qty} {noun} in {place} since {month} {day}.",
    "{actor} expects to {verb} {qty} {noun} around {place} before {month} {day}, "
    "{reporter} {reporting}.",
    "The {mod} {noun} in {place} rose by {pct} percent in {month}, {actor} {reporting}.",
]
_FILLERS = [
    "The {w1} {w2} of {place} has {w3} the {w4} for {w5} {n} {unit}, {reporter} {reporting}.",
    "{reporter}, who leads the {w1} {w2} at {actor}, {reporting} the {w3} was {w4}.",
    "Critics in {place} say the {w1} {w2} will {w3} {w4} {w5} and the {w6}.",
    "It was not immediately clear whether the {w1} {w2} would affect {w3} {w4}.",
    "The {w1} comes after {n} {w2} {w3} in {place} earlier this year.",
    "{actor} did not respond to a request for comment on the {w1} {w2}.",
    "Talks between {actor} and the {w1} {w2} are due to resume in {month}.",
    "Local {w1} {reporting} the {w2} {w3} had been {w4} for {n} {unit}.",
]
_UNITS = ["days", "weeks", "months", "years", "hours"]


def _vocabulary(rng: random.Random) -> list[str]:
    words = list(dict.fromkeys(_HEAD))
    seen = set(words)
    while len(words) < VOCABULARY:
        parts = [rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(rng.choice((2, 2, 3)))]
        word = "".join(parts) + rng.choice(_CODAS)
        if word not in seen and len(word) >= 4:
            seen.add(word)
            words.append(word)
    return words


@dataclass(frozen=True, slots=True)
class Fact:
    actor: str
    verb: str
    qty: int
    noun: str
    mod: str
    place: str
    month: str
    day: int
    weekday: str
    pct: int


@dataclass(frozen=True, slots=True)
class Story:
    people: tuple[str, ...]
    actors: tuple[str, ...]
    places: tuple[str, ...]
    theme: tuple[str, ...]
    facts: tuple[Fact, ...]


@dataclass(frozen=True, slots=True)
class Article:
    external_id: str
    headline: str
    outlet: str
    sentences: tuple[str, ...]

    def layout(self) -> tuple[str, list[tuple[int, int, int]]]:
        """The body (four sentences to a paragraph) and each sentence's (paragraph, start, end)."""
        parts: list[str] = []
        spans: list[tuple[int, int, int]] = []
        position = 0
        for i, sentence in enumerate(self.sentences):
            if i:
                separator = "\n\n" if i % 4 == 0 else " "
                parts.append(separator)
                position += len(separator)
            spans.append((i // 4, position, position + len(sentence)))
            parts.append(sentence)
            position += len(sentence)
        return "".join(parts) + "\n", spans


class Generator:
    """The corpus, article by article, always the same for the same seed."""

    def __init__(self, seed: int = SEED) -> None:
        rng = random.Random(seed)
        self.words = _vocabulary(rng)
        weights = [1 / (rank**ZIPF_S) for rank in range(1, len(self.words) + 1)]
        self.cum = list(itertools.accumulate(weights))
        people = [f"{f} {s}" for f in _FIRST for s in _LAST]
        rng.shuffle(people)
        self.people = people[:4_000]
        self.orgs = [f"the {h} {t}" for h in _ORG_HEADS for t in _ORG_TAILS]
        self.stories = [self._story(random.Random(seed * 7919 + i)) for i in range(STORIES)]

    def zipf(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cum, k=k)

    def _story(self, rng: random.Random) -> Story:
        people = tuple(rng.sample(self.people, 4))
        actors = (*rng.sample(self.orgs, 2), *people[:2])
        places = tuple(rng.sample(_PLACES, 2))
        # A story's theme: words from the middle of the distribution (ranks 100 to 4,000).
        theme = tuple(self.words[int(10 ** rng.uniform(2, 3.6))] for _ in range(6))
        facts = tuple(
            Fact(
                actor=rng.choice(actors),
                verb=rng.choice(_VERBS),
                qty=int(10 ** rng.uniform(1, 5)),
                noun=rng.choice(theme),
                mod=self.zipf(rng, 1)[0],
                place=rng.choice(places),
                month=rng.choice(_MONTHS),
                day=rng.randint(1, 28),
                weekday=rng.choice(_WEEKDAYS),
                pct=rng.randint(2, 60),
            )
            for _ in range(FACTS_PER_STORY)
        )
        return Story(people, actors, places, theme, facts)

    def fact_sentence(
        self, rng: random.Random, story: Story, fact: Fact, *, change: bool = False
    ) -> str:
        qty, pct = fact.qty, fact.pct
        if change:  # another outlet's figure, or a correction
            qty = max(2, int(qty * rng.choice((0.5, 0.8, 1.25, 2, 3))))
            pct = max(1, pct + rng.choice((-7, -3, 4, 9)))
        template = rng.choice(_TEMPLATES)
        text = template.format(
            reporter=rng.choice(story.people),
            reporting=rng.choice(_REPORTING),
            actor=fact.actor,
            verb=fact.verb,
            past=_PAST[fact.verb],
            qty=f"{qty:,}",
            noun=fact.noun,
            mod=fact.mod if rng.random() < 0.7 else self.zipf(rng, 1)[0],
            place=fact.place,
            weekday=fact.weekday,
            month=fact.month,
            day=fact.day,
            pct=pct,
        )
        if rng.random() < 0.3:
            extra = self.zipf(rng, 3)
            text = text[:-1] + f", amid {extra[0]} over the {extra[1]} {extra[2]}."
        return text[0].upper() + text[1:]

    def filler(self, rng: random.Random, story: Story) -> str:
        w = self.zipf(rng, 6)
        for i in range(len(w)):
            if rng.random() < 0.25:
                w[i] = rng.choice(story.theme)
        text = rng.choice(_FILLERS).format(
            w1=w[0],
            w2=w[1],
            w3=w[2],
            w4=w[3],
            w5=w[4],
            w6=w[5],
            place=rng.choice(story.places),
            reporter=rng.choice(story.people),
            reporting=rng.choice(_REPORTING),
            actor=rng.choice(story.actors),
            month=rng.choice(_MONTHS),
            n=rng.randint(2, 40),
            unit=rng.choice(_UNITS),
        )
        return text[0].upper() + text[1:]

    def article(self, number: int) -> Article:
        rng = random.Random(SEED * 104_729 + number)
        story = self.stories[number % STORIES]
        sentences = []
        for _ in range(SENTENCES_PER_ARTICLE):
            if rng.random() < 0.6:
                fact = rng.choice(story.facts)
                sentences.append(self.fact_sentence(rng, story, fact, change=rng.random() < 0.15))
            else:
                sentences.append(self.filler(rng, story))
        headline = f"{story.actors[0][4:]}: {story.theme[0]} in {story.places[0]}"
        return Article(
            external_id=f"ref-{number}",
            headline=headline,
            outlet=rng.choice(_OUTLETS),
            sentences=tuple(sentences),
        )

    def articles(self, sentences: int) -> Iterator[Article]:
        """Reference articles holding ``sentences`` sentences in all (the last one cut short)."""
        left, number = sentences, 0
        while left > 0:
            article = self.article(number)
            if len(article.sentences) > left:
                article = Article(
                    article.external_id,
                    article.headline,
                    article.outlet,
                    article.sentences[:left],
                )
            left -= len(article.sentences)
            number += 1
            yield article

    def draft(self, claims: int = 30, *, story: int = DRAFT_STORY, label: str = "draft") -> Article:
        """Our draft about ``story``: two thirds its facts retold (a quarter of those with other
        figures), the rest background sentences of the same story."""
        rng = random.Random(SEED * 15_485_863 + story * 31 + claims)
        subject = self.stories[story]
        sentences = []
        for i in range(claims):
            if i % 3 != 2:
                fact = subject.facts[i % FACTS_PER_STORY]
                sentences.append(self.fact_sentence(rng, subject, fact, change=i % 4 == 1))
            else:
                sentences.append(self.filler(rng, subject))
        return Article(
            external_id=f"{label}-{story}-{claims}",
            headline=f"Draft: {subject.theme[0]} in {subject.places[0]}",
            outlet="Sourcedesk",
            sentences=tuple(sentences),
        )
