"""Score one candidate sentence against a claim and say how it relates: corroborates,
contradicts or merely related; and whether it is an independent source or an echo.

Scoring (all weights are idf weights of index tokens; stems make 'checked'/'checks' meet, news
synonyms 'killed'/'died', demonyms 'Ukraine'/'Ukrainian'):

* ``sentence`` — weighted cosine of the two sentences' content tokens (stopwords and the
  generic vocabulary of reporting excluded; numbers, dates and names included).
* ``context`` — tf-idf cosine of the two articles' contexts (headline + lead), when both are
  given. It separates the same event from the same kind of event (two earthquakes share
  'earthquake', 'magnitude' and 'killed'; their leads name different places and dates).
* ``cross`` — how well each sentence fits the other article's lead (mean of two cosines,
  floored at :data:`CROSS_FLOOR`): the same event told in other words.
* ``names`` — cosine of the two leads' names only (people, places, organisations).
* ``strength`` — 0 up to a fact evidence of :data:`STRONG_SENTENCE`, rising to 1 for the same
  fact (evidence: cosine and containment of the two facts, attribution left out).
* ``score`` = sentence^0.4 · (context^0.4 · cross^0.2 · names^0.2)^(1 − strength) with
  contexts, the sentence similarity alone without them: the articles decide when the sentence
  evidence is ambiguous, and do not overrule a sentence that states the claim's fact. Leads
  that share no name (:data:`OTHER_EVENT_NAMES`) rule a weak match out. Candidates below
  :data:`MATCH_THRESHOLD` (or :data:`SENTENCE_MATCH_THRESHOLD` without contexts) are not
  about the same event: ``None``.

Relations are decided on the facts (the sentences without their attribution clauses, see
:mod:`~verify.engine.crosscheck.facts`): a contradiction signal (figures for the same quantity,
dates, denial, another actor for the same verb) between facts at least
:data:`CONTRADICT_THRESHOLD` alike once the particulars are set aside, sharing the claim's names
(in the candidate or its lead) → ``contradicts``; differing figures described in the same words
('capping the military at 600,000 troops') contradict even inside a longer sentence. The same
fact (evidence at least :data:`CORROBORATE_THRESHOLD`, half the claim's names,
:data:`PREDICATE_COVERAGE` of its other content words, every figure of the claim) →
``corroborates``; anything else above the threshold → ``related``."""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from itertools import pairwise
from typing import Protocol

from verify.engine.crosscheck.decision import EMBEDDING, NEAR, models
from verify.engine.crosscheck.facts import fact_text
from verify.engine.crosscheck.frames import (
    Predicate,
    agreeing,
    class_of,
    head,
    is_verb,
    opposed,
    other_instance,
    phrase_spans,
    predicates,
    quote_span,
    recipient,
)
from verify.engine.crosscheck.independence import (
    echo_reason,
    other_speaker,
    shared_origin,
    speaker_reason,
)
from verify.engine.crosscheck.lexicon import (
    AUX_BEFORE_NOT,
    COMPANY_NOUNS,
    CONVERSES,
    COUNT_NOUNS,
    COUNTED_CLASSES,
    DEONTIC_MODALS,
    DIRECTIVE_VERBS,
    ERGATIVE_CLASSES,
    EXPLICIT_NEGATORS,
    FIGURE_BREAK,
    FIGURE_GAP,
    FURTHER_WORDS,
    INFINITIVE_NEGATORS,
    IRREGULAR_PASTS,
    IRREGULAR_VERBS,
    KINDRED,
    MEASURE_CLASSES,
    NEGATING_PHRASES,
    NEGATION_CUES,
    NUMBER_WORDS,
    OPPOSITES,
    ORGANISATION_NOUNS,
    ORIGIN_NOUNS,
    PREDICATE_AUX,
    PUBLIC_BODY_NOUNS,
    RANK_WORDS,
    SAME_ACT,
    SHARED_ACT_CLASSES,
    STOPWORDS,
    TITLE_WORDS,
    WORD_FAMILIES,
)
from verify.engine.crosscheck.particulars import (
    Clock,
    Figure,
    When,
    clause_time,
    clocks,
    clocks_meet,
    dates,
    dates_overlap,
    figures,
    figures_overlap,
    in_event_gap,
    same_measure,
    show_date,
)
from verify.engine.crosscheck.text import WORD_RE, Token, analyse, fold, stem
from verify.engine.vocabulary import Relation

# Below this score (both passages with a context), a candidate is not about the same event:
# compare returns None. Chosen on ECB+ topics 1-10 (bench/bench_retrieval.py), checked on 11-20.
MATCH_THRESHOLD = 0.08
# The same without contexts, where the score is the sentence similarity alone.
SENTENCE_MATCH_THRESHOLD = 0.30
# Exponents of the geometric mean: sentence, context and cross (sentence vs other lead).
SENTENCE_WEIGHT = 0.4
CONTEXT_WEIGHT = 0.4
CROSS_WEIGHT = 0.2
# Exponent of the leads' name similarity, and its floor (leads without names).
NAMES_WEIGHT = 0.2
NAMES_FLOOR = 0.05
# Below this name similarity of the two leads (both naming someone or somewhere), the articles
# are about different events: no match.
OTHER_EVENT_NAMES = 0.05
# The cross term never drops below this: a sentence need not repeat its article's lead.
CROSS_FLOOR = 0.05
# Sentence evidence (see _evidence) from which the contexts weigh less and less, down to
# nothing for a sentence that says exactly what the claim says.
STRONG_SENTENCE = 0.8
# Relations are about the sentence: same fact from this sentence similarity (with the claim's
# key entities, figures and dates present) ...
CORROBORATE_THRESHOLD = 0.5
# ... and a contradiction signal only counts between sentences this close (same statement,
# one particular changed); below, differing figures are more likely different facts.
CONTRADICT_THRESHOLD = 0.4
# Below this match score two sentences are too loosely tied to be one fact told two ways: a
# contradiction signal between them ('the paintings were taken on Sunday' / 'officers
# arrested him on Thursday') is two facts of one story, unless the rule proves one statement.
CONFLICT_SCORE = 0.15
# Opposite outcomes ('stays open' vs 'closed') contradict between facts this alike once the two
# predicates are set aside.
OPPOSITE_THRESHOLD = 0.4
# Facts this alike once their (different) predicates are set aside tell of another action on
# the same thing, not the same fact.
OTHER_ACTION_THRESHOLD = 0.5
# Share of the weight of the claim's content words (not names) a same-fact report must have.
PREDICATE_COVERAGE = 0.45
# A clause of the claim that states a fact of its own (at least this many content words and
# this share of the claim's weight) corroborates on its own when the candidate has this share
# of it.
CLAUSE_WORDS = 3
CLAUSE_SHARE = 0.3
CLAUSE_COVERAGE = 0.75
# For a contradiction, the share of one sentence's content words the other must have (either
# way round: 'would not return to talks until the strike ends' vs 'will return to talks').
CONTRADICT_COVERAGE = 0.5
# Differing figures whose surrounding words overlap this much (weighted, of the shorter phrase)
# are figures for the same quantity even in sentences that otherwise say more.
SAME_MEASURE = 0.75
# Differing figures or dates whose clauses share this much (weighted, of the lighter clause)
# are of the same thing or event ('homes were destroyed' / 'homes had been destroyed').
SAME_CLAUSE = 0.6
# Longest stretch of a sentence quoted in a reason, in words.
QUOTE_WORDS = 12
# Numbers within this relative difference are the same figure (84.5 million ~ 84.6 million).
NUMBER_TOLERANCE = 0.01

_QUANTITY_KINDS = frozenset({"number", "money", "pct"})
_DATE_KINDS = frozenset({"date", "month", "year"})
_PARTICULAR_KINDS = _QUANTITY_KINDS | _DATE_KINDS


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence with what is known of its article (see the PRODUCT vocabulary)."""

    text: str
    outlet: str = ""
    sources: tuple[str, ...] = ()
    context: str = ""
    # When the article was published: relative dates ('on Monday', 'next week') are resolved
    # against it; without it only dates naming a month or a year are compared.
    published_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Match:
    """How a candidate sentence relates to a claim."""

    relation: Relation
    score: float  # 0..1, higher = more likely the same fact
    reason: str
    independent: bool  # False when the candidate traces to the claim's own origin (an echo)


@dataclass(frozen=True, slots=True)
class _Quantity:
    figure: Figure  # the normalised figure: kind, unit, interval, the noun it counts
    unit: str  # the noun or currency it counts, as shown in a reason
    surface: str
    units: frozenset[str]  # every key it can be compared on: nouns after, the word before
    earlier: frozenset[str]  # a year it is tied to ('since 2001, when 74 were killed'), or 'from'
    phrase: frozenset[str]  # content keys of the words around it ('capping the military at')
    measure: frozenset[str] = frozenset()  # what it measures: noun, unit, the word before
    of: frozenset[str] = frozenset()  # what a sum or a stretch of time is of ('of steel')


@dataclass(frozen=True, slots=True)
class _Features:
    terms: dict[str, Token]  # stem (or quantity/date token) → first token with that key
    quantities: tuple[_Quantity, ...]
    dates: tuple[Token, ...]  # day dates (nov27)
    months: tuple[Token, ...]  # month-only mentions
    years: tuple[Token, ...]
    whens: tuple[When, ...]  # every date reference, resolved against published_at
    clocks: tuple[Clock, ...]  # every time of day
    negations: tuple[_Negation, ...]
    words: tuple[str, ...]
    capitalised: tuple[bool, ...]
    text: str = ""  # the sentence these were read from (a key for cached weights)
    name_stems: frozenset[str] = frozenset()  # stems of the capitalised words
    tokens: tuple[Token, ...] = ()  # every token, for quoting
    keys_at: tuple[tuple[int, str], ...] = ()  # word position → its term key (content words)
    predicates: tuple[Predicate, ...] = ()  # who did what (see frames)
    groups: tuple[Figure, ...] = ()  # the groups its figures are of ('those aged 15 to 24')


def default_idf(token: Token) -> float:
    """Without index statistics: names, figures and dates are rare, long words rarer."""
    if token.kind in ("name", "number", "money", "pct", "date"):
        return 5.0
    if token.kind in ("year", "month"):
        return 3.0
    return 2.0 + min(max(len(token.norm) - 4, 0), 8) * 0.25


def _key(token: Token) -> str:
    if token.kind == "name":
        return _name_key(token.norm)
    if token.kind == "word":
        return _word_key(token.norm)
    return token.norm


def _word_key(word: str) -> str:
    """Every form of a predicate class or a word family as the class ('shut', 'closure' →
    clos; 'trigger' → caus), and an irregular verb's past forms as its base ('held' ~
    'holding', 'sold' ~ 'sells')."""
    return stem(class_of(word) or WORD_FAMILIES.get(word) or IRREGULAR_VERBS.get(word, word))


# Endings of demonyms and of the places they name: Ukraine/Ukrainian, Europe/European,
# Russia/Russian, Japan/Japanese, Andes/Andean meet on one key.
_NAME_ENDINGS = ("ians", "ian", "eans", "ean", "ese", "ans", "an", "ia", "e", "a", "i")
_NAME_KEY_MIN = 3


@lru_cache(maxsize=65536)
def _name_key(norm: str) -> str:
    return _strip_name_endings(stem(_strip_name_endings(norm)))


def _strip_name_endings(key: str) -> str:
    changed = True
    while changed:
        changed = False
        for ending in _NAME_ENDINGS:
            if key.endswith(ending) and len(key) - len(ending) >= _NAME_KEY_MIN:
                key = key[: -len(ending)]
                changed = True
                break
    return key


def _is_content(token: Token) -> bool:
    return token.kind != "word" or (token.norm not in STOPWORDS and len(token.norm) > 1)


_COUNTED = {
    _word_key(form): _word_key(canon)
    for canon, forms in COUNTED_CLASSES.items()
    for form in forms.split()
}


def _unit_key(word: str) -> str:
    """The key of what a figure counts or measures: nouns of one counted class meet
    ('households' ~ 'homes')."""
    key = _word_key(word)
    return _COUNTED.get(key, key)


def _units_after(words: tuple[str, ...], position: int) -> list[str]:
    """The nouns a bare number counts: '600,000 troops' → troop, '3,000 office jobs' → offic,
    job, '34 of the 100 seats' → seat (up to two words, within the figure's phrase)."""
    out: list[str] = []
    for word in words[position + 1 : position + 5]:
        if word in FIGURE_BREAK or len(out) == 2:
            break
        if word[:1].isdigit():
            if out:
                break
            continue  # '34 of the 100 seats': the noun of the second figure
        if word.isalpha() and (word in COUNT_NOUNS or word not in STOPWORDS):
            out.append(_unit_key(word))
        elif out:
            break
    return out


def _unit_before(words: tuple[str, ...], position: int) -> str:
    """The word a figure completes: 'killed at least 45' → kill, 'magnitude of 6.8' → magnitud,
    'voted 6-3' → vot."""
    i = position - 1
    while i >= 0 and words[i] in FIGURE_GAP:
        i -= 1
    if i >= 0 and words[i].isalpha() and words[i] not in STOPWORDS:
        return _unit_key(words[i])
    return ""


def _phrase(words: tuple[str, ...], position: int) -> frozenset[str]:
    """Content keys of the few words before a figure and the two after: what it measures
    ('capping the Ukrainian military at 600,000 troops' → capp, ukrainian, militari, troop)."""
    around = (
        *words[max(position - _PHRASE_BEFORE, 0) : position],
        *words[position + 1 : position + 3],
    )
    return frozenset(
        _unit_key(w) for w in around if w.isalpha() and (w in COUNT_NOUNS or w not in STOPWORDS)
    )


def _earlier(words: tuple[str, ...], position: int, last: int) -> frozenset[str]:
    """Marks of a figure from another time: a year shortly before it ('since 2001, when 74
    people were killed') or named in its phrase after it (:func:`_year_after`), or 'up/down
    from' ('61%, up from 59%')."""
    marks = {
        w for w in words[max(position - 5, 0) : position] if w.isdigit() and 1900 <= int(w) <= 2100
    }
    marks.update(_year_after(words, last))
    if position >= 2 and words[position - 1] == "from" and words[position - 2] in ("up", "down"):
        marks.add("from")
    return frozenset(marks)


_YEAR_REACH = 8
_LAST_YEAR = "last year"


def _year_after(words: tuple[str, ...], position: int) -> set[str]:
    """A year the figure's own phrase dates it to ('cut 900 jobs at its plant in 2025 after
    a slump', 'caused more than 20 house fires in the city last year'): 'in' and a year, or
    'last year', before the phrase ends."""
    following = words[position + 1 : position + 1 + _YEAR_REACH]
    for k, word in enumerate(following):
        if word in FIGURE_BREAK:
            break
        previous = following[k - 1] if k else ""
        if word.isdigit() and 1900 <= int(word) <= 2100 and previous == "in":
            return {word}
        if word == "year" and previous == "last":
            return {_LAST_YEAR}
    return set()


@dataclass(frozen=True, slots=True)
class _Negation:
    phrase: str  # as quoted in a reason: "did not", "rejected", "no plans to"
    explicit: bool  # a negator proper (not, never, no) rather than a verb of denial
    scope: frozenset[str]  # stems of the words it negates (the next few content words)


_NEGATION_SCOPE = 3
# How far before 'not to' a verb of telling still makes it an instruction ('urged all
# residents not to').
_DIRECTIVE_REACH = 4
_PHRASE_BEFORE = 4


def _negations(
    words: tuple[str, ...], inside: frozenset[int] = frozenset()
) -> tuple[_Negation, ...]:
    """Every negation cue with the stems of the content words it governs (none inside a set
    phrase: 'found not guilty' states an acquittal, not a denial)."""
    out: list[_Negation] = []
    for i, word in enumerate(words):
        if i in inside:
            continue
        word = "not" if word == "n't" else word
        contracted = word.endswith("n't") and len(word) > 3
        base = _negated_adjective(word)
        if base:
            out.append(_Negation(word, False, base))
            continue
        infinitive = word in INFINITIVE_NEGATORS and words[i + 1 : i + 2] == ("to",)
        refusal = i > 0 and (words[i - 1], word) in NEGATING_PHRASES  # 'ruled out'
        if word not in NEGATION_CUES and not contracted and not infinitive and not refusal:
            continue
        if word == "not" and words[i + 1 : i + 2] == ("to",) and _directive_before(words, i):
            continue  # 'told not to shower': an instruction, not a denial of the event
        if word == "not" and i > 0 and words[i - 1] in DEONTIC_MODALS:
            continue  # 'should not pay the price': a demand, not a denial of the event
        if word == "not" and _time_bound(words, i + 1):
            continue  # 'would not recoup it for 25 years': a delay, not a denial
        if words[i + 1 : i + 2] and words[i + 1] in FURTHER_WORDS:
            continue  # 'no further cuts this year': denies more of them, not the one reported
        explicit = contracted or word in EXPLICIT_NEGATORS
        phrase = word
        if word == "not" and i > 0 and words[i - 1] in AUX_BEFORE_NOT:
            phrase = f"{words[i - 1]} not"
        elif refusal:
            phrase = f"{words[i - 1]} out"
        elif word == "no" and words[i + 1 : i + 3] == ("plans", "to"):
            phrase = "no plans to"
        scope: list[str] = []
        for following in words[i + 1 :]:
            if len(scope) == _NEGATION_SCOPE:
                break
            if following.isalpha() and following not in STOPWORDS:
                scope.append(stem(following))
        out.append(_Negation(phrase, explicit, frozenset(scope)))
    return tuple(out)


# 'unaffordable', 'unavailable', 'inadmissible': shortest such adjective read as a negation.
_NEGATED_ADJECTIVE = 8


def _negated_adjective(word: str) -> frozenset[str]:
    """The stems an adjective of negated ability denies ('unaffordable' → afford, affordable),
    empty for any other word: 'had become unaffordable' says what 'could no longer afford'
    says, and what 'the scheme is affordable' denies."""
    if len(word) < _NEGATED_ADJECTIVE or not word.startswith("un"):
        return frozenset()
    if not word.endswith(("able", "ible")):
        return frozenset()
    return frozenset((stem(word[2:-4]), stem(word[2:])))


# How far after 'not' its time bound may stand ('will not reopen to traffic until').
_TIME_BOUND_REACH = 8
_TIME_UNITS = frozenset(("year", "years", "month", "months", "week", "weeks", "day", "days"))


def _time_bound(words: tuple[str, ...], start: int) -> bool:
    """Whether a negation's clause ends in a time bound ('would not recoup its investment for
    at least 25 years', 'will not reopen until March'): what is denied is the time, which
    says the event comes later ('would need 25 years to recover'), not that it never does."""
    for j in range(start, min(start + _TIME_BOUND_REACH, len(words))):
        if words[j] in ("and", "but", "because", "while", "though"):
            return False
        if words[j] == "until":
            return True
        if words[j] == "for":
            following = words[j + 1 : j + 4]
            return any(w[:1].isdigit() or w in NUMBER_WORDS for w in following) and any(
                w in _TIME_UNITS for w in words[j + 1 : j + 5]
            )
    return False


def _directive_before(words: tuple[str, ...], at: int) -> bool:
    """A verb of telling or advising shortly before ``at`` ('were told not to', 'urged
    residents not to')."""
    return any(w in DIRECTIVE_VERBS for w in words[max(at - _DIRECTIVE_REACH, 0) : at])


def _negated(negations: tuple[_Negation, ...], other_terms: dict[str, Token]) -> str:
    """The phrase negating what both sentences talk about, "" when that part is affirmative.

    Only negations whose scope reaches a word of the other sentence count ('police did not
    have any suspects' does not deny 'a bomb killed an officer'). A negator and a verb of
    denial cancel out: 'did not reject' affirms what 'rejected' denies.
    """
    relevant = [n for n in negations if n.scope & other_terms.keys()]
    explicit = [n for n in relevant if n.explicit]
    lexical = [n for n in relevant if not n.explicit]
    if bool(explicit) == bool(lexical):
        return ""
    return (explicit or lexical)[0].phrase


# 'Amara Osei, the fund's co-founder, will ...': an opening name and its apposition.
# A figure's thousands comma ('11,000') is no comma of the sentence.
_APPOSITION = re.compile(
    r"^\s*([A-Z](?:[^,]|(?<=\d),(?=\d)){1,50}),\s+(?:[^,]|(?<=\d),(?=\d)){2,90},\s+",
    re.UNICODE,
)


def _apposition(fact: str) -> tuple[int, int] | None:
    """(end of the opening name, end of its apposition) in raw words, or None."""
    found = _APPOSITION.match(fact)
    if not found:
        return None
    first = found.group(1).split()[0].lower()
    if first in STOPWORDS and first not in ("the", "a", "an"):
        return None  # 'In a statement, ...', 'After the vote, ...': no subject
    return len(analyse(found.group(1)).raw_words), len(analyse(fact[: found.end()]).raw_words)


@lru_cache(maxsize=65536)
def _features(text: str, published_at: datetime | None = None) -> _Features:
    """What comparison needs of a sentence: read from its fact (attribution left out);
    relative dates resolved against ``published_at``."""
    fact = fact_text(text)
    analysis = analyse(fact)
    words = analysis.raw_words
    capitalised = _capitals(text, fact, analysis.capitalised)
    terms: dict[str, Token] = {}
    # A set phrase is one term, its class: 'found not guilty' → acquit, 'stepped down' → resign.
    phrase_at: dict[int, str] = {}
    inner: dict[int, str] = {}
    for start, end, canon in phrase_spans(words):
        if end - start > 1:
            phrase_at.update(dict.fromkeys(range(start + 1, end), ""))
            phrase_at[start] = stem(canon)
            inner.update(dict.fromkeys(range(start, end), stem(canon)))
    keys_at: dict[int, str] = {}
    told = _figure_keys(fact)
    for token in analysis.tokens:
        if token.kind in _TOLD_KINDS and token.position in told:
            # A figure as its value, however told ('Fifty-eight' ~ '58', '10.85 gigawatts' ~
            # '10,850 megawatts'); the token keeps its weight.
            terms.setdefault(told[token.position], token)
            keys_at[token.position] = told[token.position]
            continue
        if token.position in phrase_at:
            if phrase_at[token.position]:
                terms.setdefault(phrase_at[token.position], token)
            # Every word of the phrase carries its key, so that a quote shows it whole.
            keys_at[token.position] = inner[token.position]
            continue
        if not _is_content(token):
            continue
        terms.setdefault(_key(token), token)
        keys_at[token.position] = _key(token)
    return _Features(
        terms=terms,
        quantities=_quantities(fact, words),
        dates=tuple(t for t in analysis.tokens if t.kind == "date"),
        months=tuple(t for t in analysis.tokens if t.kind == "month"),
        years=tuple(t for t in analysis.tokens if t.kind == "year"),
        whens=dates(fact, published_at),
        clocks=clocks(fact),
        negations=_negations(analysis.raw_words, frozenset(phrase_at)),
        words=analysis.raw_words,
        capitalised=capitalised,
        text=text,
        name_stems=frozenset(stem(w) for w, c in zip(words, capitalised, strict=True) if c),
        tokens=analysis.tokens,
        keys_at=tuple(sorted(keys_at.items())),
        predicates=predicates(words, _apposition(fact_text(text)), analysis.hyphenated),
        groups=tuple(f for f in figures(fact) if f.kind == "age" and f.bound == "range"),
    )


# Token kinds read as the figure they are part of.
_TOLD_KINDS = frozenset({"number", "money", "pct"})


@lru_cache(maxsize=65536)
def _figure_keys(fact: str) -> dict[int, str]:
    """Word position → the key of the figure (:func:`figures`) it is part of: its kind, value
    and unit, so that one figure told in two formats is one term."""
    starts = _word_starts(fact)
    out: dict[int, str] = {}
    for figure in figures(fact):
        first = bisect_right(starts, figure.start) - 1
        last = bisect_right(starts, figure.end - 1) - 1
        key = f"{figure.kind}:{figure.value:.10g}{figure.unit}"
        for position in range(first, last + 1):
            out.setdefault(position, key)
    return out


# What may end a sentence, or a dateline, before a word: a capital after it says nothing.
_SENTENCE_ENDS = tuple('.!?:"-\u2013\u2014)')


def _capitals(text: str, fact: str, capitalised: tuple[bool, ...]) -> tuple[bool, ...]:
    """Which words of the fact are written with a capital that marks a name. The fact's first
    word starts no sentence when an attribution before it was left out ('the court heard
    that Pellow had signed', 'According to police, Marsh was'): its capital is a name's."""
    first = fact.split(maxsplit=1)[:1]
    if not capitalised or capitalised[0] or not first or not first[0][:1].isupper():
        return capitalised
    at = text.find(first[0])
    before = text[:at].rstrip() if at > 0 else ""
    if not before or before.endswith(_SENTENCE_ENDS) or first[0].lower() in STOPWORDS:
        return capitalised
    return (True, *capitalised[1:])


# Kinds whose unit alone says what is measured (a currency, per cent, a duration, metres).
_UNIT_KINDS = frozenset({"money", "percent", "points", "duration", "measure", "score"})


def _quantities(fact: str, words: tuple[str, ...]) -> tuple[_Quantity, ...]:
    """The figures of a fact (:func:`~verify.engine.crosscheck.particulars.figures`), each
    with the keys it can be compared on: its unit, the nouns after it, the word it completes.
    A count that says nothing of what it counts is left out."""
    starts = _word_starts(fact)
    out: list[_Quantity] = []
    for figure in figures(fact):
        if in_event_gap(fact, figure):
            continue
        first = bisect_right(starts, figure.start) - 1
        last = bisect_right(starts, figure.end - 1) - 1
        after = _units_after(words, last)
        noun = _unit_key(figure.noun) if figure.noun else ""
        unit = figure.unit if figure.kind in _UNIT_KINDS else ""
        units = {u for u in (unit, noun, *after, _unit_before(words, first)) if u}
        if figure.kind == "age" and (figure.bound == "range" or not (units - {"years"})):
            # '36-year-old' and '40-year-old' are usually two people; 'those aged 15 to 24'
            # names a group, not a figure reported of it.
            continue
        if not units:
            continue
        shown = noun or (after[0] if after else "") or unit or next(iter(sorted(units)))
        before = _unit_before(words, first)
        out.append(
            _Quantity(
                figure,
                shown,
                figure.surface,
                frozenset(units),
                _earlier(words, first, last),
                _phrase(words, first),
                frozenset(k for k in (noun, unit, before) if k),
                _of(figure, words, last, after),
            )
        )
    return tuple(out)


def _of(figure: Figure, words: tuple[str, ...], last: int, after: list[str]) -> frozenset[str]:
    """What a sum of money or a stretch of time is of: 'A$1.1 billion of steel', 'three days
    of national mourning', 'a 60-day state of emergency' (a duration joined to its noun)."""
    joined = figure.kind == "duration" and "-" in figure.surface
    if figure.kind in ("money", "duration") and (joined or words[last + 1 : last + 2] == ("of",)):
        return frozenset(after)
    return frozenset()


@lru_cache(maxsize=65536)
def _word_starts(text: str) -> tuple[int, ...]:
    """Character offsets of the words :func:`analyse` reads (to place a figure among them)."""
    return tuple(m.start() for m in WORD_RE.finditer(fold(text)))


@lru_cache(maxsize=16384)
def _context_terms(context: str) -> tuple[tuple[str, Token, float], ...]:
    """A lead's content terms: (key, first token, term-frequency factor 1 + log count)."""
    counts: Counter[str] = Counter()
    first: dict[str, Token] = {}
    for token in analyse(context).tokens:
        if _is_content(token):
            key = _key(token)
            counts[key] += 1
            first.setdefault(key, token)
    return tuple((key, first[key], 1.0 + math.log(count)) for key, count in counts.items())


Idf = Callable[[str], float]


class Words(Protocol):
    """How alike words are, from word vectors (:class:`.embedding.WordVectors`), when the
    caller has them: cosines, -1..1, of lower-cased words."""

    def similarity(self, a: str, b: str) -> float:
        """The cosine of two words."""

    def nearest(self, words: Sequence[str], others: Sequence[str]) -> list[float]:
        """For each of ``words``, its highest cosine with one of ``others``."""


def _weight(token: Token, idf: Idf | None) -> float:
    return idf(token.norm) if idf is not None else default_idf(token)


# A weighted bag of terms and its Euclidean norm.
_Vector = tuple[dict[str, float], float]


def _vector(weights: dict[str, float]) -> _Vector:
    return weights, math.sqrt(sum(w * w for w in weights.values()))


def _cosine(a: _Vector, b: _Vector) -> float:
    (wa, na), (wb, nb) = a, b
    if not na or not nb:
        return 0.0
    if len(wa) > len(wb):
        wa, wb = wb, wa
    dot = sum(w * wb[k] for k, w in wa.items() if k in wb)
    return dot / (na * nb)


@lru_cache(maxsize=65536)
def _fact_vector(text: str, idf: Idf | None) -> _Vector:
    terms = _features(text).terms
    return _vector({key: _weight(token, idf) for key, token in terms.items()})


@lru_cache(maxsize=65536)
def _sentence_vector(text: str, idf: Idf | None) -> _Vector:
    """The whole sentence, attribution included, for the score: who reports a fact helps
    tell one event from another ('Apple said' vs 'Samsung said'); the relation rules read the
    fact alone (:func:`_features`)."""
    terms: dict[str, Token] = {}
    for token in analyse(text).tokens:
        if _is_content(token):
            terms.setdefault(_key(token), token)
    return _vector({key: _weight(token, idf) for key, token in terms.items()})


@lru_cache(maxsize=16384)
def _context_vector(context: str, idf: Idf | None, names: bool = False) -> _Vector:
    """tf-idf of a lead's content terms, or of its names only (``names``): the people, places
    and organisations that tell one event from another of the same kind."""
    terms = _context_terms(context)
    if names:  # the names' weights are those of the whole lead's vector (computed once)
        weights = _context_vector(context, idf)[0]
        return _vector({key: weights[key] for key, token, _ in terms if token.kind == "name"})
    if idf is None:
        return _vector({key: tf * default_idf(token) for key, token, tf in terms})
    return _vector({key: tf * idf(token.norm) for key, token, tf in terms})


@lru_cache(maxsize=65536)
def _fit(text: str, context: str, idf: Idf | None) -> float:
    # A claim meets many sentences of one article: its fit to that article's lead is reused.
    return _cosine(_sentence_vector(text, idf), _context_vector(context, idf))


def _has_names(context: str) -> bool:
    return bool(_context_vector(context, None, True)[1])


@lru_cache(maxsize=65536)
def _context_cosine(a: str, b: str, idf: Idf | None, names: bool = False) -> float:
    # Many candidates share an article: the two leads are compared once per pair of articles.
    return _cosine(_context_vector(a, idf, names), _context_vector(b, idf, names))


def similarity(claim: Passage, candidate: Passage, idf: Idf | None = None) -> float:
    """The score of :func:`compare` (0..1) without classification; for ranking and tuning.
    See the module docstring for the formula."""
    sa, sb = _sentence_vector(claim.text, idf), _sentence_vector(candidate.text, idf)
    sentence = _cosine(sa, sb)
    if not claim.context or not candidate.context:
        return sentence
    context = _context_cosine(claim.context, candidate.context, idf)
    # Does each sentence fit the other article's lead? (The same event told in other words.)
    fit = _fit(claim.text, candidate.context, idf) + _fit(candidate.text, claim.context, idf)
    cross = max(fit / 2, CROSS_FLOOR)
    names = _context_cosine(claim.context, candidate.context, idf, True)
    # The articles decide when the sentences alone are ambiguous; a sentence that states the
    # same thing as the claim is not overruled by leads written differently.
    evidence = _evidence(_fact_vector(claim.text, idf), _fact_vector(candidate.text, idf))
    strength = min(max((evidence - STRONG_SENTENCE) / (1.0 - STRONG_SENTENCE), 0.0), 1.0)
    # Leads that name different people, places and organisations tell of different events
    # (two floods, two central banks) when the sentences alone cannot say.
    if (
        not strength
        and names < OTHER_EVENT_NAMES
        and _has_names(claim.context)
        and _has_names(candidate.context)
    ):
        return 0.0
    support = context**CONTEXT_WEIGHT * cross**CROSS_WEIGHT
    support *= max(names, NAMES_FLOOR) ** NAMES_WEIGHT
    support **= 1.0 - strength
    return sentence**SENTENCE_WEIGHT * support


def match_score(claim: Passage, candidate: Passage, *, idf: Idf | None = None) -> float | None:
    """:func:`similarity`, or None below the threshold of a match (higher for sentences
    compared without their articles' leads): the score :func:`compare` gives, without the
    classification, so a caller can rank many candidates and classify only the best."""
    score = similarity(claim, candidate, idf)
    with_context = bool(claim.context and candidate.context)
    threshold = MATCH_THRESHOLD if with_context else SENTENCE_MATCH_THRESHOLD
    return score if score >= threshold else None


def _evidence(a: _Vector, b: _Vector) -> float:
    """How strongly the two sentences state one thing: the geometric mean of their cosine and
    the share of the lighter sentence found in the other (1 when one is contained in the
    other and as informative; 'The original document had 28 points' inside a longer sentence
    that goes on about territorial concessions still scores high)."""
    (wa, na), (wb, nb) = a, b
    if not na or not nb:
        return 0.0
    if len(wa) > len(wb):
        wa, wb = wb, wa
    dot = sum(w * wb[k] for k, w in wa.items() if k in wb)
    cosine = dot / (na * nb)
    contained = min(dot / min(na, nb) ** 2, 1.0)
    return math.sqrt(cosine * contained)


# --- contradiction signals -------------------------------------------------------------------


def _same_number(a: float, b: float) -> bool:
    return abs(a - b) <= NUMBER_TOLERANCE * max(abs(a), abs(b), 1e-9)


def _current(quantity: _Quantity, other: _Features) -> bool:
    """False for a figure from another time than the other sentence speaks of: tied to a
    year (or 'last year') the other does not mention, or the previous value in 'up from
    59%'."""
    if "from" in quantity.earlier:
        return False
    years = quantity.earlier - {"from"}
    told = {t.norm for t in other.years}
    if _LAST_YEAR in years and _said_last_year(other.words):
        told.add(_LAST_YEAR)
    return not years or years <= told


def _said_last_year(words: tuple[str, ...]) -> bool:
    return any(a == "last" and b == "year" for a, b in pairwise(words))


def _comparable(qa: _Quantity, qb: _Quantity) -> int:
    """How many keys two figures share (0: not figures of the same thing). A figure meets
    only one of its kind and unit (money of its currency, per cent not percentage points,
    durations, metres); counts of different nouns never meet ('40 passengers', '40 crew')."""
    if (
        not same_measure(qa.figure, qb.figure)
        or _other_nouns(qa, qb)
        # What one side asks for, offers or plans is not what the other reports or asks:
        # 'demanding a 12% pay rise' / 'offered an 8% pay rise'.
        or qa.figure.stance != qb.figure.stance
    ):
        return 0
    return len(qa.units & qb.units) + (qa.unit == qb.unit)


# Nouns that count anyone: '60 people' and '60 passengers' may be one count.
_GENERIC_NOUNS = frozenset({"people", "persons", "person", "others", "individuals", "men", "women"})


# Nouns that count any product: a maker's '38,000 units' are its vacuums, cars or phones.
_GENERIC_GOODS = frozenset({"unit", "units", "items", "products", "devices"})


# What a toll counts (everyone killed, everyone hurt): a count of people meets any.
_TOLLS = frozenset(_word_key(w) for w in ("killed", "injured"))


# Words that say a measure reached a level, not what is measured: 'demand peaked at 10,850
# megawatts' / 'consumption hit an all-time high of 10.85 gigawatts', 'reached 24C' / 'hit 24
# degrees'.
_LEVEL_KEYS = frozenset(
    _word_key(w) for w in ("reached", "hit", "peaked", "topped", "high", "record", "stood")
)


def _other_nouns(qa: _Quantity, qb: _Quantity, *, generic_meets: bool = False) -> bool:
    """The two counts say they count different things ('40 passengers', '40 crew'). (A
    share's noun is as often what it is a share of: '80 per cent of the club', 'a
    three-quarters stake'.) With ``generic_meets``, a count of people meets any count (the
    same figure may be told as '60 people' or '60 passengers'); a different one does not
    contradict a count of passengers ('52 people' may be passengers and crew)."""
    a, b = qa.figure, qb.figure
    if a.kind == "measure":
        # A length or a weight of something else: 'its epicentre about 35 kilometres
        # north-east of the town' / 'a depth of about 35 kilometres'.
        # What one measures may stand elsewhere in the other's clause: 'demand peaked at
        # 10,850 megawatts' / 'peak demand reached a record 11,850 MW'.
        of_a = qa.measure - {a.unit, _unit_key(a.noun)} - _LEVEL_KEYS
        of_b = qb.measure - {b.unit, _unit_key(b.noun)} - _LEVEL_KEYS
        return (
            bool(of_a and of_b)
            and not of_a & (of_b | _clause_keys(b.clause))
            and not of_b & _clause_keys(a.clause)
        )
    if a.kind in ("money", "duration"):
        # Sums or stretches of time of different things: 'A$1.1 billion of steel' / 'of beef',
        # 'a 60-day state of emergency' / 'three days of national mourning'.
        return (
            bool(qa.of and qb.of)
            and not qa.of & (qb.of | _clause_keys(b.clause))
            and not qb.of & _clause_keys(a.clause)
        )
    if a.kind in _UNIT_KINDS:
        return False
    if {a.noun, b.noun} == {"men", "women"}:
        return True
    generic = a.noun in _GENERIC_NOUNS or b.noun in _GENERIC_NOUNS
    if generic_meets and _GENERIC_GOODS & {a.noun, b.noun}:
        # '38,000 units sold in Canada' may be the '38,000 robot vacuums sold in Canada'.
        return False
    if generic and (generic_meets or qa.units & qb.units & _TOLLS):
        # '60 people' may be the '60 passengers'; a toll counts everyone it counts ('killing
        # two skiers' / 'three people died').
        return False
    noun_a, noun_b = _unit_key(a.noun), _unit_key(b.noun)
    return (
        bool(a.noun and b.noun)
        and noun_a != noun_b
        and not (noun_a in qb.units or noun_b in qa.units)
    )


def _agrees(qa: _Quantity, qb: _Quantity) -> bool:
    """The two figures measure one thing and may be the same: their intervals meet."""
    return bool(_comparable(qa, qb)) and figures_overlap(qa.figure, qb.figure)


def _same_figure(qa: _Quantity, qb: _Quantity, *, generic_meets: bool = True) -> bool:
    """The same figure, told with other words around it: one kind and unit, intervals that
    meet, and not counts of different nouns."""
    return (
        same_measure(qa.figure, qb.figure)
        and figures_overlap(qa.figure, qb.figure)
        and not _other_nouns(qa, qb, generic_meets=generic_meets)
    )


def _numbers_differ(fa: _Features, fb: _Features) -> str:
    """A figure of the claim whose counterpart in the candidate (same noun, currency or the
    word it completes) cannot be the same ('nearly 50' vs 'at least 120'), and no counterpart
    that can ('nearly 50' vs 'more than 40')."""
    for qa, qb in _differing_figures(fa, fb):
        return _figure_reason(fa, qa, qb)
    return ""


def _figure_reason(fa: _Features, qa: _Quantity, qb: _Quantity) -> str:
    """'figures differ: nearly 50 vs at least 120 injured', '$84 million vs $95 million'."""
    reason = f"figures differ: {_shown(qa)} vs {_shown(qb)}"
    if qa.figure.kind in _UNIT_KINDS:
        return reason  # the unit is in the figures as written
    return f"{reason} {_unit_word(fa, qa, qb)}"


def _shown(quantity: _Quantity) -> str:
    """A figure as written, without the capital of a sentence it opens ('Nearly 50')."""
    surface = quantity.surface
    if quantity.figure.start == 0 and surface[:1].isupper() and surface[1:2].islower():
        return surface[0].lower() + surface[1:]
    return surface


def _differing_figures(fa: _Features, fb: _Features) -> list[tuple[_Quantity, _Quantity]]:
    if _other_groups(fa, fb):
        return []
    out = []
    for qa in fa.quantities:
        if not _current(qa, fb):
            continue
        same_unit = [
            qb
            for qb in fb.quantities
            if _current(qb, fa)
            and _comparable(qa, qb)
            # A figure the claim also gives is no counterpart ('38 minutes ... by around 13
            # minutes' against '38 minutes'; 'two of them have died' against 'two patients
            # have died').
            and not any(
                _same_figure(other, qb, generic_meets=False)
                for other in fa.quantities
                if other is not qa
            )
        ]
        if same_unit and not any(figures_overlap(qa.figure, qb.figure) for qb in same_unit):
            out.append((qa, max(same_unit, key=lambda q: _comparable(qa, q))))
    return out


def _other_groups(fa: _Features, fb: _Features) -> bool:
    """The two sentences give figures of different groups ('unemployment among those aged
    15 to 24' / 'among those aged 25 to 74'): none is the other's counterpart."""
    return bool(fa.groups and fb.groups) and not any(
        figures_overlap(a, b) for a in fa.groups for b in fb.groups
    )


def _same_measure(fa: _Features, fb: _Features, idf: Idf | None) -> str:
    """Differing figures described in the same words ('capping the Ukrainian military at
    600,000 troops' vs 'cap the Ukrainian military at 800,000 troops'; 'about 1,900 homes were
    destroyed' vs 'said 2,300 homes had been destroyed'), or differing dates of one event told
    in the same words ('he was detained on Thursday' vs 'he was detained on Wednesday'),
    however much else the two sentences say: the reason, or "" when there are none."""
    for qa, qb in _differing_figures(fa, fb):
        weights = {k: _phrase_weight(k, fa, fb, idf) for k in qa.phrase | qb.phrase}
        shared = sum(weights[k] for k in qa.phrase & qb.phrase)
        smaller = min(sum(weights[k] for k in qa.phrase), sum(weights[k] for k in qb.phrase))
        if smaller and shared >= SAME_MEASURE * smaller and len(qa.phrase & qb.phrase) >= 3:
            return _figure_reason(fa, qa, qb)
        measure = qa.measure & qb.measure
        if _same_clause(qa.figure.clause, qb.figure.clause, fa, fb, idf, measure):
            return _figure_reason(fa, qa, qb)
    for a, b in _differing_dates(fa, fb):
        if _same_occasion(a, b, fa, fb, idf):
            return f"dates differ: {show_date(a)} vs {show_date(b)}"
    for ca, cb in _differing_clocks(fa, fb):
        if _same_occasion(ca, cb, fa, fb, idf):
            return f"times differ: {ca.surface} vs {cb.surface}"
    return ""


def _same_occasion(
    a: When | Clock, b: When | Clock, fa: _Features, fb: _Features, idf: Idf | None
) -> bool:
    """Two dates (or times of day) are told of one event: their clauses are one statement,
    counting the event next to either ('on Friday approved') when the other's clause tells it
    ('decision to grant approval ... was made on Thursday')."""
    near = (_clause_keys(a.near) & _clause_keys(b.clause)) | (
        _clause_keys(b.near) & _clause_keys(a.clause)
    )
    return _same_clause(a.clause, b.clause, fa, fb, idf, near) or _same_clause(
        a.clause, b.clause, fa, fb, idf, frozenset()
    )


def _clause_keys(clause: tuple[str, ...]) -> frozenset[str]:
    return frozenset(
        _event_key(w) for w in clause if w in COUNT_NOUNS or (w not in STOPWORDS and len(w) > 1)
    )


# Endings of nouns made from verbs: 'resigned' ~ 'his resignation', 'approved' ~ 'approval',
# 'announced' ~ 'the announcement', 'closed' ~ 'the closure' (an event told as a noun).
_NOMINAL_ENDINGS = ("ations", "ation", "ments", "ment", "als", "al", "ures", "ure")
_NOMINAL_MIN = 4


@lru_cache(maxsize=65536)
def _event_key(word: str) -> str:
    """The key of a word as a clause's event: nominalisations meet their verbs."""
    for ending in _NOMINAL_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _NOMINAL_MIN:
            return _unit_key(word[: -len(ending)] + "ed")
    return _unit_key(word)


def _same_clause(
    a: tuple[str, ...],
    b: tuple[str, ...],
    fa: _Features,
    fb: _Features,
    idf: Idf | None,
    measure: frozenset[str],
) -> bool:
    """Two particulars stand in clauses that say the same thing of them. With a ``measure``
    in common (the noun, unit or word before both figures: 'magnitude 6.8', 'measured at
    magnitude 7.1'), one more word of the clauses in common is enough ('Peru'); otherwise
    :data:`SAME_CLAUSE` of the lighter clause's weight and two words (one when the lighter
    clause has only one: 'he was detained on Wednesday'), beyond the measure itself."""
    keys_a, keys_b = _clause_keys(a), _clause_keys(b)
    shared_keys = (keys_a & keys_b) - measure
    if not shared_keys:
        return False
    if measure:
        return True
    weights = {k: _phrase_weight(k, fa, fb, idf) for k in keys_a | keys_b}
    shared = sum(weights[k] for k in shared_keys)
    smaller = min(sum(weights[k] for k in keys_a), sum(weights[k] for k in keys_b))
    return shared >= SAME_CLAUSE * smaller and len(shared_keys) >= min(2, len(keys_a), len(keys_b))


def _phrase_weight(key: str, fa: _Features, fb: _Features, idf: Idf | None) -> float:
    weights_a, weights_b = _fact_vector(fa.text, idf)[0], _fact_vector(fb.text, idf)[0]
    return weights_a.get(key) or weights_b.get(key) or 1.0


def _unit_word(fa: _Features, qa: _Quantity, qb: _Quantity) -> str:
    """The word, as the claim writes it, for what both figures count."""
    shared = qa.units & qb.units
    nouns = [_unit_key(q.figure.noun) for q in (qa, qb) if q.figure.noun]
    unit = next((k for k in (*nouns, qa.unit) if k in shared), "")
    unit = unit or next(iter(sorted(shared)), qa.unit)
    if qa.figure.noun and _unit_key(qa.figure.noun) == unit:
        return qa.figure.noun
    for word in fa.words:
        if _unit_key(word) == unit:
            return word
    return unit


# Dates this many orders of size apart (a day, a week, a month, a quarter, a year, longer)
# are not compared: 'on Wednesday' and 'a 2023 collapse' speak of different events.
_DATE_SCALES = (1, 10, 31, 92, 366)
_DATE_SCALE_GAP = 2


def _date_scale(when: When) -> int:
    days = (when.last - when.first).days + 1
    return next((k for k, limit in enumerate(_DATE_SCALES) if days <= limit), len(_DATE_SCALES))


def _dates_differ(fa: _Features, fb: _Features) -> str:
    """A date of the claim that no date of the candidate can be, against a date of the
    candidate that no date of the claim can be, of a like size ('Thursday 26 February' vs
    '3 March'; 'March' vs 'June'; not 'on Wednesday' vs 'in 2023')."""
    for a, b in _differing_dates(fa, fb):
        return f"dates differ: {show_date(a)} vs {show_date(b)}"
    for ca, cb in _differing_clocks(fa, fb):
        return f"times differ: {ca.surface} vs {cb.surface}"
    return ""


def _differing_clocks(fa: _Features, fb: _Features) -> list[tuple[Clock, Clock]]:
    """Times of day of the one sentence that none of the other's can be, both ways, whose
    clauses share a word: a story has a time for each of its events ('demand peaked shortly
    after 8pm' / 'solar generation set a record at midday'), so two times told of nothing in
    common are of two events, not one told two ways."""
    alone_a = [a for a in fa.clocks if not any(clocks_meet(a, b) for b in fb.clocks)]
    alone_b = [b for b in fb.clocks if not any(clocks_meet(a, b) for a in fa.clocks)]
    return [
        (a, b) for a in alone_a for b in alone_b if _clause_keys(a.clause) & _clause_keys(b.clause)
    ]


def _differing_dates(fa: _Features, fb: _Features) -> list[tuple[When, When]]:
    """Dates of the one sentence that none of the other's can be, paired with the other's
    (of a like size); the pairs whose clauses share most first, so that a reason names the
    dates of one event ('approved late Tuesday night' vs 'the vote came on Monday night',
    not the 'regrouping on Wednesday' of the same sentence). A state seen on a day is left
    out (:func:`_a_state`)."""
    return [(a, b) for a, b in _other_days(fa, fb) if not (_a_state(a) or _a_state(b))]


def _other_days(fa: _Features, fb: _Features) -> list[tuple[When, When]]:
    """The pairs of :func:`_differing_dates`, states seen on a day included."""
    alone_a = [a for a in fa.whens if not any(_dates_meet(a, b) for b in fb.whens)]
    alone_b = [b for b in fb.whens if not any(_dates_meet(a, b) for a in fa.whens)]
    pairs = [
        (a, b)
        for a in alone_a
        for b in alone_b
        if abs(_date_scale(a) - _date_scale(b)) <= _DATE_SCALE_GAP
        and not dates_overlap(a, b)
        and not _plan_and_past(a, b)
        and a.another == b.another  # 'the last strike, in 2024' dates no strike of today
    ]
    return sorted(pairs, key=lambda p: -len(_clause_keys(p[0].clause) & _clause_keys(p[1].clause)))


# Words that tell a state going on ('remained in custody on Wednesday', 'were still
# missing on Sunday'), not an event that happened on that day.
_STATE_WORDS = frozenset(
    [
        "remain",
        "remains",
        "remained",
        "remaining",
        "stay",
        "stays",
        "stayed",
        "staying",
        "still",
        "continue",
        "continues",
        "continued",
        "continuing",
    ]
)


def _a_state(when: When) -> bool:
    """A date of a state seen that day ('Both men remained in custody on Wednesday'): any day
    while it lasts, so it differs from no date of the event that began it ('detained on
    Tuesday') nor of another day it lasted. The day a state ends does ('will stay shut
    until Monday' vs 'expected to remain closed until at least Saturday')."""
    clause = frozenset(when.clause)
    return bool(clause & _STATE_WORDS) and not clause & _STATE_ENDS


_STATE_ENDS = frozenset(("until", "till"))


def _plan_and_past(a: When, b: When) -> bool:
    """One date told of what is to come, the other of what was ('said Saturday was "the
    darkest day"' / 'said the resort would close on Sunday'): two moments of the story."""
    return {clause_time(a.clause), clause_time(b.clause)} == {"future", "past"}


def _dates_meet(a: When, b: When) -> bool:
    """The two dates can be one. The date of another event ('a day after the county was
    notified', :attr:`When.other`) is met only by a date of that event: its day says nothing
    of the days of the sentence's own events."""
    if not dates_overlap(a, b):
        return False
    if a.other or b.other:
        return bool(_clause_keys(a.clause) & _clause_keys(b.clause))
    return True


def _denial(fa: _Features, fb: _Features) -> str:
    """A negation of what both talk about in one of them only; none when the negation turns
    an antonym into the other's predicate ('neither has been recovered' ~ 'still missing'),
    nor when both deny one action ('would not retaliate' ~ 'ruled out retaliatory measures')."""
    if any(
        agreeing(pa, pb) or (pa.lexical and pa.name == pb.name and pa.negated and pb.negated)
        for pa in fa.predicates
        for pb in fb.predicates
    ):
        return ""
    negated_a, negated_b = _negated(fa.negations, fb.terms), _negated(fb.negations, fa.terms)
    if bool(negated_a) == bool(negated_b):
        return ""
    denying, other = (fa, fb) if negated_a else (fb, fa)
    if _denies_another_action(denying, other):
        return ""
    return f"denies: '{negated_a or negated_b}'"


def _denies_another_action(denying: _Features, other: _Features) -> bool:
    """Whether the negation is of an action the other sentence does not report ('no schools
    will close, though two will merge' against 'two schools are to merge'): what is denied
    is then another fact, however many words the two share."""
    denied = [p for p in denying.predicates if p.lexical and p.negated]
    if not denied:
        return False
    stated = {p.name for p in other.predicates if p.lexical}
    return not any(p.name in stated or OPPOSITES.get(p.name, frozenset()) & stated for p in denied)


_TITLE_KEYS = frozenset(_name_key(w) for w in TITLE_WORDS) | frozenset(
    _word_key(w) for w in TITLE_WORDS
)


def _words_of(features: _Features, span: tuple[int, int]) -> str:
    """The words of a span as written: 'her deputy', 'Allegheny County', '$ 14.5 million'."""
    start, end = span
    shown = [t.surface for t in features.tokens if start <= t.position < end]
    if shown and shown[0].lower() in STOPWORDS:
        shown[0] = shown[0].lower()  # 'The governor' opening a sentence reads 'the governor'
    return " ".join(shown)


def _span_keys(features: _Features, span: tuple[int, int]) -> frozenset[str]:
    return frozenset(k for i, k in features.keys_at if span[0] <= i < span[1])


def _different_actor(fa: _Features, fb: _Features) -> tuple[str, frozenset[str]]:
    """Another actor for the same action ('the governor signed' vs 'was signed by her
    deputy'): the reason and the keys of both actors' words ("", empty when there is none)."""
    found = _differing_actors(fa, fb)
    if found is None:
        return _different_recipient(fa, fb)
    pa, pb, keys = found
    action = pa if not pa.passive else pb if not pb.passive else pa
    features = fa if action is pa else fb
    did = _words_of(features, (action.start, action.end))
    if not action.passive:
        target = _object_after(features, action.end)
        did = f"{did} {target}".strip()
    return f"different actor: {_words_of(fa, pa.actor)} vs {_words_of(fb, pb.actor)} {did}", keys


def _differing_actors(
    fa: _Features, fb: _Features
) -> tuple[Predicate, Predicate, frozenset[str]] | None:
    """The first two predicates of one action whose actors cannot be one, and the keys of
    both actors' words, or None. Actors that share a word, or one of which the other sentence
    names anywhere, are the same ('the county' vs 'Allegheny County'; 'a jury convicted
    Pellow' vs 'Pellow was convicted by a jury')."""
    for pa in fa.predicates:
        if not pa.has_actor or _a_measure(pa) or _describing(fa, pa):
            continue
        if pa.name in SHARED_ACT_CLASSES:
            continue  # 'the mayor voted with the majority' vs 'six members voted in favour'
        for pb in fb.predicates:
            one_act = pb.name == pa.name or pb.name in SAME_ACT.get(pa.name, ())
            if not one_act or not pb.has_actor or pa.negated != pb.negated:
                continue
            if _a_measure(pb) or _describing(fb, pb) or not _same_object(fa, pa, fb, pb):
                continue
            keys_a, keys_b = _span_keys(fa, pa.actor), _span_keys(fb, pb.actor)
            # 'Councilor Ana Ruiz' and 'Councilor Tom Hale' are two people: a title shared
            # is no shared actor when both name someone.
            names_a, names_b = keys_a - _TITLE_KEYS, keys_b - _TITLE_KEYS
            if names_a and names_b:
                keys_a, keys_b = names_a, names_b
            # 'the RMT union' and 'the Unite union' are two unions: when both actors are
            # named, the names decide, not the common noun they share.
            proper_a, proper_b = _proper_keys(fa, pa.actor), _proper_keys(fb, pb.actor)
            if proper_a and proper_b:
                keys_a, keys_b = proper_a, proper_b
                names_a, names_b = proper_a, proper_b
            if not keys_a or not keys_b:
                continue
            # 'the mayor' and 'the deputy mayor' are two people unless a name is shared.
            if not _other_rank(fa, pa, fb, pb) or names_a & names_b:
                named = bool(proper_a and proper_b)
                if _one_name(keys_a, keys_b, named) or _named_in(keys_a, fb, keys_b, fa, named):
                    continue
                if _described_as(fa, pa, fb, pb) or _described_as(fb, pb, fa, pa):
                    continue
                words_a = fa.words[pa.actor[0] : pa.actor[1]]
                words_b = fb.words[pb.actor[0] : pb.actor[1]]
                stems_a = {stem(w) for w in words_a if w not in TITLE_WORDS}
                stems_b = {stem(w) for w in words_b if w not in TITLE_WORDS}
                if not (proper_a and proper_b) and (
                    stems_a & fb.name_stems or stems_b & fa.name_stems
                ):
                    continue  # 'the county' vs 'Allegheny County'; two names: as above
            return pa, pb, keys_a | keys_b
    return None


# How many words after an active verb a quotation that describes its object may open.
_DESCRIBED_REACH = 3
_QUOTE_MARKS = '"“‘'


def _describing(features: _Features, predicate: Predicate) -> bool:
    """Whether an active verb is followed, after its object, by a quoted description of that
    object ('called the strike "disproportionate"', 'branded it "a disgrace"'): the verb then
    describes the thing, it does not do it ('the union called the strike')."""
    if predicate.passive or predicate.end - predicate.start != 1:
        return False
    verb = next((t.surface for t in features.tokens if t.position == predicate.start), "")
    if not verb:
        return False
    reach = _DESCRIBED_REACH
    pattern = rf"\b{re.escape(verb)}(?:\s+[\w'’-]+){{1,{reach}}}\s+[{_QUOTE_MARKS}]"
    return re.search(pattern, features.text) is not None


# How many words before a passive predicate, or after an active one, tell what it acts upon
# ('The inquiry into the sinking was ordered', 'ordered the evacuation of 300 homes').
_ACTED_UPON_WORDS = 6


def _acted_upon(features: _Features, predicate: Predicate) -> frozenset[str]:
    """The keys of the words that tell what a predicate acts upon: its object after an active
    one, its subject's clause before a passive one (through a participle it is coordinated
    with: 'the scaffold had been inspected and approved'); a word of a predicate class as its
    class ('the inquiry' and 'the investigation' are one thing acted upon), a personal pronoun
    as a person ('stopped him' and 'he was detained')."""
    words = features.words
    if predicate.passive:
        start = predicate.start
        while start > 0 and predicate.start - start < _ACTED_UPON_WORDS:
            before = words[start - 1]
            if before in _UPON_BREAK and not (
                before in ("and", "or") and start > 1 and _past_form(words[start - 2])
            ):
                break
            start -= 1
        span = range(start, predicate.start)
    else:
        span = range(predicate.end, min(predicate.end + _ACTED_UPON_WORDS, len(words)))
    keys = set()
    for word in (words[i] for i in span):
        if word in _PERSON_PRONOUNS:
            keys.add("person")
        elif word.isalpha() and word not in STOPWORDS and word not in PREDICATE_AUX:
            keys.add(class_of(word) or stem(word))
    return frozenset(keys)


# Words that end the clause of a passive's subject.
_UPON_BREAK = frozenset(("that", "which", "who", "and", "or", "but", "while", "because"))
_PERSON_PRONOUNS = frozenset(("he", "him", "she", "her", "they", "them"))


def _past_form(word: str) -> bool:
    return word.isalpha() and (word.endswith("ed") or word in IRREGULAR_PASTS)


def _specific_actor(features: _Features, span: tuple[int, int]) -> bool:
    """Whether an actor is someone in particular: named ('Cleveland Police'), or an office or
    an organisation ('the minister', 'the fire brigade', 'its board'), not anyone ('a man')."""
    words = features.words[span[0] : span[1]]
    return bool(_proper_keys(features, span) or _kinds(words)) or any(
        w.removesuffix("s") in ORGANISATION_NOUNS for w in words
    )


def _upon(features: _Features, predicate: Predicate) -> frozenset[str]:
    """What a predicate acts upon, for comparing two: a verb's own class left out (the word
    of its object's clause that repeats it), a noun's put in (what 'ordered the evacuation'
    ordered is the evacuation)."""
    upon = _acted_upon(features, predicate)
    if is_verb(features.words, predicate):
        return upon - {predicate.name}
    return upon | {predicate.name}


def _specific_actors(fa: _Features, fb: _Features) -> bool:
    """Another actor of one act where both actors are someone in particular and both tell the
    same thing acted upon ('the fire brigade ordered the evacuation' vs 'Cleveland Police,
    which ordered the evacuation'): two parties that each did something to the story's thing
    ('police arrested him' vs 'prosecutors charged him') rarely meet all three."""
    found = _differing_actors(fa, fb)
    if found is None:
        return False
    pa, pb, _ = found
    if not (_specific_actor(fa, pa.actor) and _specific_actor(fb, pb.actor)):
        return False
    if not (is_verb(fa.words, pa) and is_verb(fb.words, pb)):
        return True  # a noun act is what the verb's act upon: 'the fine was imposed by' ~ 'fined'
    upon_a, upon_b = _upon(fa, pa), _upon(fb, pb)
    return any(a == b or b in KINDRED.get(a, frozenset()) for a in upon_a for b in upon_b)


def _same_object(fa: _Features, pa: Predicate, fb: _Features, pb: Predicate) -> bool:
    """Whether two active predicates may act upon one thing ('declared a state of emergency'
    and 'declared three days of mourning' do not): two acts, whoever did them. A passive's
    subject is left aside (read before it, it may be the object of a preposition: 'the
    investigation into the disaster was ordered'). A verb of :data:`~.lexicon.ERGATIVE_CLASSES`
    used without an object in either ('the nurse began CPR' vs 'the race began at 9am', 'the
    exams begin' vs 'the boycott will start', 'two workers died' vs 'the collapse killed two')
    tells no actor twice: without its object, its subject is what the act befell."""
    if pa.passive or pb.passive:
        return True
    if (
        pa.name in ERGATIVE_CLASSES
        and is_verb(fa.words, pa)
        and is_verb(fb.words, pb)
        and not (_has_object(fa.words, pa) and _has_object(fb.words, pb))
    ):
        return False
    return _same_patient(fa, pa, fb, pb)


def _has_object(words: tuple[str, ...], predicate: Predicate) -> bool:
    """Whether an active predicate is followed by its object: the noun phrase read, or a
    determiner and a noun of the lexicon ('began the strike', 'closed the inquiry')."""
    if predicate.patient[1] > predicate.patient[0]:
        return True
    after = words[predicate.end : predicate.end + 2]
    return (
        len(after) == 2
        and after[0] in ("the", "a", "an", "its", "their")
        and bool(class_of(after[1]))
    )


def _a_measure(predicate: Predicate) -> bool:
    """A change or measure of quantity with no thing it acts upon ('the levies will raise
    A$1.8bn', 'prices rose'): what stands before it is the thing measured, not an actor
    ('the guard raised the alarm' has one)."""
    return predicate.name in MEASURE_CLASSES and predicate.patient[1] == predicate.patient[0]


def _different_recipient(fa: _Features, fb: _Features) -> tuple[str, frozenset[str]]:
    """Another named recipient of the same transfer ('the contract was awarded to
    Brightwater' vs 'awarded the contract to Kestrel Builders'), neither named in the other
    sentence: the reason and the keys of both ("", empty when there is none)."""
    for pa in fa.predicates:
        span_a = recipient(fa.words, pa)
        keys_a = _proper_keys(fa, span_a)
        if not keys_a:
            continue
        for pb in fb.predicates:
            if pb.name != pa.name or pa.negated != pb.negated:
                continue
            span_b = recipient(fb.words, pb)
            keys_b = _proper_keys(fb, span_b)
            if not keys_b or keys_a & keys_b:
                continue
            if keys_a & fb.terms.keys() or keys_b & fa.terms.keys():
                continue
            did = _words_of(fa, (pa.start, pa.end))
            reason = (
                f"different recipient: {_words_of(fa, span_a)} vs {_words_of(fb, span_b)} ({did})"
            )
            return reason, keys_a | keys_b
    found = _converse_recipient(fa, fb)
    return found if found[0] else _converse_recipient(fb, fa)


def _converse_recipient(fa: _Features, fb: _Features) -> tuple[str, frozenset[str]]:
    """Another named party on the other side of the same transfer ('the portfolio was handed
    to Dominic Hale' vs 'Teresa Ngata will take over the portfolio'): the recipient of one is
    the actor of its converse (see :data:`~.lexicon.CONVERSE_CLASSES`), of the same thing,
    neither named in the other sentence; the reason and the keys of both ("", empty when
    there is none)."""
    for pa in fa.predicates:
        converses = CONVERSES.get(pa.name, frozenset())
        span_a = recipient(fa.words, pa)
        keys_a = _proper_keys(fa, span_a) if converses else frozenset()
        if not keys_a:
            continue
        for pb in fb.predicates:
            if pb.name not in converses or pb.passive or pa.negated != pb.negated:
                continue
            keys_b = _proper_keys(fb, pb.actor)
            if not keys_b or _one_name(keys_a, keys_b, True):
                continue
            if _named_in(keys_a, fb, keys_b, fa, True) or not _same_patient(fa, pa, fb, pb):
                continue
            did = _words_of(fa, (pa.start, pa.end))
            other = _words_of(fb, (pb.start, pb.end))
            reason = (
                f"different recipient: {_words_of(fa, span_a)} vs {_words_of(fb, pb.actor)} "
                f"({did} / {other})"
            )
            return reason, keys_a | keys_b
    return "", frozenset()


def _one_name(keys_a: frozenset[str], keys_b: frozenset[str], named: bool) -> bool:
    """Whether two actors' words may be one actor: a word shared, or for two names one
    within the other ('Kestrel' ~ 'Kestrel Builders'); two names that share words but each
    have their own are two ('the Central Bank of Ireland' vs 'the European Central Bank',
    'Jane Hale' vs 'Tom Hale')."""
    if not named:
        return bool(keys_a & keys_b)
    return keys_a <= keys_b or keys_b <= keys_a


def _named_in(
    keys_a: frozenset[str], fb: _Features, keys_b: frozenset[str], fa: _Features, named: bool
) -> bool:
    """Whether either actor is named elsewhere in the other sentence (whole, for a name). A
    bare title there is no naming ('with the captain monitoring' tells another part for the
    captain, not that 'the captain' is the first sentence's actor)."""
    if not named:
        keys_a, keys_b = keys_a - _TITLE_KEYS, keys_b - _TITLE_KEYS
        return bool(keys_a & fb.terms.keys() or keys_b & fa.terms.keys())
    return keys_a <= fb.terms.keys() or keys_b <= fa.terms.keys()


_KIND_NOUNS = TITLE_WORDS | COMPANY_NOUNS | PUBLIC_BODY_NOUNS


def _kinds(words: Iterable[str]) -> frozenset[str]:
    """The kinds of actor words name ('Ashby Sports Group' → group, 'police officers' →
    police, officer), plurals as their singular."""
    return frozenset(
        kind for w in words for kind in (w, w.removesuffix("s")) if kind in _KIND_NOUNS
    )


def _described_as(fd: _Features, pd: Predicate, fn: _Features, pn: Predicate) -> bool:
    """Whether the actor of ``pd``, described but not named ('the company', 'the minister'),
    may be the named actor of ``pn`` ('Ardent Robotics', 'Housing Minister Callum Reddaway'):
    a bare name may be anyone described; a name that shows its kind only a description of
    that kind ('the company' is no council, 'the minister' no governor)."""
    if _proper_keys(fd, pd.actor):
        return False
    described = fd.words[pd.actor[0] : pd.actor[1]]
    if _opening_surname(fn, pn.actor):
        return bool(_kinds(described[-1:]) & TITLE_WORDS)  # 'Moynihan' may be 'the minister'
    if not _proper_keys(fn, pn.actor):
        return False
    named = _kinds(fn.words[pn.actor[0] : pn.actor[1]])
    if not named:
        return True
    head = _kinds(described[-1:])
    if head & TITLE_WORDS:
        return named <= _kinds(described)
    if head & COMPANY_NOUNS:
        return not named & PUBLIC_BODY_NOUNS
    if head & PUBLIC_BODY_NOUNS:
        return bool(head & named) or not named & (COMPANY_NOUNS | PUBLIC_BODY_NOUNS)
    return False


def _opening_surname(features: _Features, span: tuple[int, int]) -> bool:
    """Whether an actor is one capitalised word opening the sentence that may be a person's
    name ('Moynihan blamed'): its capital proves nothing there, but a word of no kind and no
    plural ('Police', 'Prosecutors' are kinds and groups) is as likely someone's surname."""
    if span != (0, 1) or not features.tokens or features.tokens[0].kind != "name":
        return False
    word = features.words[0]
    return not word.endswith("s") and not _kinds([word]) and word not in ORGANISATION_NOUNS


def _proper_keys(features: _Features, span: tuple[int, int]) -> frozenset[str]:
    """The keys of the capitalised words of a span, titles and possessors aside ('the RMT
    union' → rmt; 'New Zealand's housing minister' names no one: the possessor says whose
    minister, not which; nor does a phrase opened by an indefinite article, 'a Leeds firm')."""
    if features.words[span[0] : span[0] + 1] in (("a",), ("an",)):
        return frozenset()  # 'a British baby milk maker': a description, whatever its capitals
    return frozenset(
        k
        for i, k in features.keys_at
        if span[0] <= i < span[1]
        and features.capitalised[i]
        and k not in _TITLE_KEYS
        and not features.words[i].endswith(("'s", "'"))
    )


def _other_rank(fa: _Features, pa: Predicate, fb: _Features, pb: Predicate) -> bool:
    """Whether one actor holds a lower or past rank of an office the other holds ('the
    deputy mayor' vs 'the mayor', 'a former minister' vs 'the minister')."""
    ranks_a = RANK_WORDS.intersection(fa.words[pa.actor[0] : pa.actor[1]])
    ranks_b = RANK_WORDS.intersection(fb.words[pb.actor[0] : pb.actor[1]])
    return ranks_a != ranks_b


def _object_after(features: _Features, start: int) -> str:
    """The noun phrase right after an active predicate ('the decree'), up to four words."""
    words = features.words
    end = start
    if end < len(words) and words[end] in ("the", "a", "an", "her", "his", "its", "their"):
        end += 1
    taken = 0
    while end < len(words) and taken < 4 and words[end].isalnum() and words[end] not in STOPWORDS:
        end += 1
        taken += 1
    return _words_of(features, (start, end)) if taken else ""


def _opposite(fa: _Features, fb: _Features) -> tuple[str, frozenset[str]]:
    """Opposite outcomes of one predicate ('will stay open' vs 'will be closed', 'was
    released' vs 'remains in custody', 'will close' vs 'will not close'): the reason and the
    keys of both predicates ("", empty when there are none)."""
    for pa in fa.predicates:
        for pb in fb.predicates:
            if (
                opposed(pa, pb)
                and _same_patient(fa, pa, fb, pb)
                and not _other_actors(fa, pa, fb, pb)
                and not other_instance(fa.words, pa)
                and not other_instance(fb.words, pb)
                and not _more_denied(fa.words, pa, fb.words, pb)
                and not _more_denied(fb.words, pb, fa.words, pa)
            ):
                qa = _words_of(fa, quote_span(fa.words, pa))
                qb = _words_of(fb, quote_span(fb.words, pb))
                keys = _span_keys(fa, (pa.start, pa.end)) | _span_keys(fb, (pb.start, pb.end))
                return f"opposite: '{qa}' vs '{qb}'", keys
    return "", frozenset()


# How far before a denied predicate 'further' or 'more' still tells what is denied.
_FURTHER_REACH = 2


def _more_denied(
    words: tuple[str, ...], predicate: Predicate, other_words: tuple[str, ...], other: Predicate
) -> bool:
    """A predicate denied with 'further', 'more' or 'additional' before it ('there would be
    no further cuts this year', 'no more strikes are planned') against one that is not of
    more: what is denied is more of the thing, not the one reported ('the bank cut rates'),
    so it opposes nothing ('had not ruled out further easing' is of more, and does)."""
    return predicate.negated and _of_more(words, predicate) and not _of_more(other_words, other)


def _more_than_told(fa: _Features, fb: _Features) -> str:
    """One denies more of what the other reports ('the bank cut its rate' / 'there would be
    no further cuts this year'): another fact, neither the same nor its opposite. The
    reason, or "" when there is none."""
    for pa in fa.predicates:
        for pb in fb.predicates:
            if not (pa.name == pb.name or opposed(pa, pb)):
                continue
            for denying, fd, told, ft in ((pb, fb, pa, fa), (pa, fa, pb, fb)):
                if _more_denied(fd.words, denying, ft.words, told):
                    quoted = _words_of(fd, quote_span(fd.words, denying))
                    return f"other fact: '{quoted}' denies more than the one reported"
    return ""


def _of_more(words: tuple[str, ...], predicate: Predicate) -> bool:
    before = words[max(predicate.start - _FURTHER_REACH, 0) : predicate.start]
    return any(w in FURTHER_WORDS for w in before)


def _other_actors(fa: _Features, pa: Predicate, fb: _Features, pb: Predicate) -> bool:
    """Whether two predicates have actors that cannot be one ('the union welcomed' vs 'the
    employers criticised'): then opposite outcomes are two parties' actions, not one fact
    told two ways. Only named actors are told apart ('search teams' and 'rescuers' may be
    one party); one named anywhere in the other sentence may be the other's."""
    if not pa.has_actor or not pb.has_actor:
        return False
    keys_a, keys_b = _proper_keys(fa, pa.actor), _proper_keys(fb, pb.actor)
    if not keys_a or not keys_b:
        return False
    return not (keys_a & keys_b or keys_a & fb.terms.keys() or keys_b & fa.terms.keys())


def _same_patient(fa: _Features, pa: Predicate, fb: _Features, pb: Predicate) -> bool:
    """Whether two predicates act upon the same thing, as far as both say ('opened the
    library' and 'closed the pool' do not)."""
    head_a, head_b = head(fa.words, pa.patient), head(fb.words, pb.patient)
    if not head_a or not head_b:
        return True
    key_a, key_b = _word_key(head_a), _word_key(head_b)
    # The thing acted upon may stand elsewhere in the other (an intransitive 'the amendment
    # ... failed by one vote' against 'adopted the amendment').
    return key_a == key_b or key_a in fb.terms or key_b in fa.terms


# Two predicates' words whose word vectors' cosine reaches this tell one action (chosen on the
# dev story clusters; synonyms such as 'detained' / 'arrested' sit near 0.6, words of two
# actions such as 'inspected' / 'repaired' near 0.4; antonyms sit close too, and count as one
# action told with opposite outcomes, as the lexicon's opposed classes do).
NEAR_ACTION = 0.5
# A claim's word the candidate does not have counts towards :func:`_near_coverage` by its
# cosine with the candidate's nearest word when that reaches this (0.4 to 0.6 gave the same
# dev figures).
NEAR_WORD = 0.5

# Past forms that say little of the action ('was based in', 'were used', 'seemed').
_WEAK_VERBS = frozenset(
    stem(w) for w in ("based", "used", "seemed", "appeared", "involved", "needed")
)


def _one_action(pa: Predicate, pb: Predicate, words: Words | None = None) -> bool:
    """Whether two predicates tell one action: the same class or verb, agreeing or opposed
    outcomes of it ('stays open' / 'closed'), kindred classes ('a halt' / 'a ban'), or, with
    word vectors, words that sit as close as synonyms do ('halted' / 'suspended')."""
    return (
        pa.name == pb.name
        or agreeing(pa, pb)
        or opposed(pa, pb)
        or pb.name in KINDRED.get(pa.name, frozenset())
        or _near_verbs(pa, pb, words)
    )


def _near_verbs(pa: Predicate, pb: Predicate, words: Words | None) -> bool:
    """Whether two predicates' own words sit as close as synonyms in the word vectors
    (:data:`NEAR_ACTION`; False without them)."""
    return words is not None and words.similarity(pa.verb, pb.verb) >= NEAR_ACTION


def _other_action(fa: _Features, fb: _Features, idf: Idf | None, words: Words | None = None) -> str:
    """The same words about another action: both facts name predicates of the lexicon, none
    the same, and the rest of the two is one statement ('the bridge was inspected in 2022' vs
    'the bridge was repaired in 2022'). The reason, or "" when there is none."""
    a = [p for p in fa.predicates if p.lexical]
    b = [p for p in fb.predicates if p.lexical]
    if not a and not b:
        # Neither names an action of the lexicon: their other verbs ('met' vs 'toured').
        a = [p for p in fa.predicates if p.name not in _WEAK_VERBS]
        b = [p for p in fb.predicates if p.name not in _WEAK_VERBS]
    if not a or not b:
        return ""
    if any(_one_action(pa, pb, words) for pa in a for pb in b):
        return ""
    keys = frozenset().union(
        *(_span_keys(fa, (p.start, p.end)) for p in a),
        *(_span_keys(fb, (p.start, p.end)) for p in b),
    )
    if _frame(fa, fb, idf, keys) < OTHER_ACTION_THRESHOLD:
        return ""
    qa = _words_of(fa, quote_span(fa.words, a[0]))
    qb = _words_of(fb, quote_span(fb.words, b[0]))
    return f"other action: '{qa}' vs '{qb}'"


# Words before a predicate that put it ahead ('is expected to sign', 'will be closed', 'is
# due to open'): what is planned is not yet what was done.
# 'would' is the future of reported speech ('said it would stay closed on Monday').
_AHEAD = frozenset(
    {
        "will",
        "would",
        "expected",
        "due",
        "scheduled",
        "plans",
        "planned",
        "intends",
        "poised",
        "set",
    }
)
_AHEAD_REACH = 3


def _ahead(words: tuple[str, ...], predicate: Predicate) -> bool:
    before = words[max(predicate.start - _AHEAD_REACH, 0) : predicate.start]
    # 'set' only as 'set to' ('is set to close'), not 'set a price'.
    return any(w in _AHEAD and (w != "set" or "to" in before) for w in before)


def _done(words: tuple[str, ...], predicate: Predicate) -> bool:
    word = words[predicate.start]
    past = word.isalpha() and (word.endswith("ed") or word in IRREGULAR_PASTS)
    return past and not _ahead(words, predicate)


def _other_time(fa: _Features, fb: _Features) -> str:
    """One action planned on one side and done on the other ('is expected to sign the
    budget' / 'signed the budget'), or a state seen on another day than the other's date:
    two moments of the story, not one fact. The reason, or ""."""
    for pa in fa.predicates:
        for pb in fb.predicates:
            if not (pa.lexical and pb.lexical and pa.name == pb.name):
                continue
            if (_ahead(fa.words, pa) and _done(fb.words, pb)) or (
                _done(fa.words, pa) and _ahead(fb.words, pb)
            ):
                qa = _words_of(fa, quote_span(fa.words, pa))
                qb = _words_of(fb, quote_span(fb.words, pb))
                return f"planned vs done: '{qa}' vs '{qb}'"
    for a, b in _other_days(fa, fb):
        if _a_state(a) or _a_state(b):
            # 'detained on Tuesday' / 'remained in custody on Wednesday': two days of it.
            return f"other days: {show_date(a)} vs {show_date(b)}"
    return ""


def _other_occasions(fa: _Features, fb: _Features) -> str:
    """Both facts are dated and no date of one can be a date of the other ('will open a new
    terminal next month' / 'the last terminal opened in October 2015'; 'the ferry was last
    serviced in May' / 'the ferry that sank last week'): each tells of its own occasion, so
    neither confirms the other, whatever words they share. The reason, or ""."""
    dated_a = [w for w in fa.whens if w.dated]
    dated_b = [w for w in fb.whens if w.dated]
    if not dated_a or not dated_b:
        return ""
    if any(_dates_meet(a, b) for a in dated_a for b in dated_b):
        return ""
    return f"other occasions: {show_date(dated_a[0])} vs {show_date(dated_b[0])}"


def _one_term_shared(fa: _Features, fb: _Features) -> str:
    """The two facts meet on one term alone, of a claim that says more ('It is the first
    walkout at the port since 2019' / 'pickets are expected on the first walkout day'): a
    shared word is a topic, not a fact. Beside the shared terms, what else aligns counts: a
    figure told in other words ('some 148,600' ~ 'nearly 150,000'), a date the other can be,
    predicates that agree ('has not been recovered' ~ 'is still missing'). The reason, or
    ""."""
    shared = [k for k in fa.terms if k in fb.terms]
    if len(shared) > 1 or len(fa.terms) < 2:
        return ""
    aligned = len(shared)
    aligned += any(
        _agrees(qa, qb) or _same_figure(qa, qb) for qa in fa.quantities for qb in fb.quantities
    )
    aligned += any(_dates_meet(a, b) for a in fa.whens for b in fb.whens)
    aligned += any(agreeing(pa, pb) for pa in fa.predicates for pb in fb.predicates)
    if aligned > 1:
        return ""
    quoted = _quote(fa, frozenset(shared))
    return f"one term shared: '{quoted}'" if quoted else "nothing shared but the event"


def _quote(features: _Features, shared: frozenset[str]) -> str:
    """The shortest stretch of the fact holding most of the terms it shares with the other
    ('the court acquitted the driver'), at most :data:`QUOTE_WORDS` words."""
    hits = [i for i, k in features.keys_at if k in shared]
    if not hits:
        return ""
    best = (hits[0], hits[0])
    best_count = 1
    for i, start in enumerate(hits):
        for j in range(i, len(hits)):
            if hits[j] - start >= QUOTE_WORDS:
                break
            if j - i + 1 > best_count or (
                j - i + 1 == best_count and hits[j] - start < best[1] - best[0]
            ):
                best, best_count = (start, hits[j]), j - i + 1
    start, end = best
    if start > 0 and features.words[start - 1] in ("the", "a", "an"):
        start -= 1
    return " ".join(t.surface for t in features.tokens if start <= t.position <= end)


def _same_fact_reason(fa: _Features, fb: _Features) -> str:
    shared = frozenset(fa.terms.keys() & fb.terms.keys())
    qa, qb = _quote(fa, shared), _quote(fb, shared)
    if not qa or not qb:
        return "same fact"
    if qa.lower() == qb.lower():
        return f"same fact: '{qa}'"
    return f"same fact: '{qa}' ≈ '{qb}'"


# --- corroboration and independence ----------------------------------------------------------


def _key_terms(
    features: _Features, idf: Idf | None, lead: frozenset[str] = frozenset()
) -> list[str]:
    """The names of a claim: the entities a report of the same fact must share. (Figures and
    dates only have to be compatible: a changed one is a contradiction signal.) A lone
    capitalised word opening the sentence counts only when its article's lead has it too
    (``lead``: the lead's name keys): it is as often a common noun ('Turnout was 58%',
    'Policymakers voted') as a name ('Nordvik's profit fell')."""
    return [
        key for key, lone_opening in _names(features.text, idf) if not lone_opening or key in lead
    ]


@lru_cache(maxsize=65536)
def _names(text: str, idf: Idf | None) -> tuple[tuple[str, bool], ...]:
    """The name keys of a sentence's fact, heaviest first, each with whether it is a lone
    capitalised word opening the sentence."""
    features = _features(text)
    opening_name = len(features.capitalised) > 1 and features.capitalised[1]
    weights = _fact_vector(text, idf)[0]
    keys = [
        (key, token.position == 0 and not opening_name)
        for key, token in features.terms.items()
        if token.kind == "name" and len(token.norm) > 1  # 'U.S.': initials are not the name
    ]
    return tuple(sorted(keys, key=lambda item: -weights[item[0]]))


@lru_cache(maxsize=16384)
def _context_keys(context: str) -> frozenset[str]:
    return frozenset(key for key, _, _ in _context_terms(context))


@lru_cache(maxsize=16384)
def _context_names(context: str) -> frozenset[str]:
    return frozenset(key for key, token, _ in _context_terms(context) if token.kind == "name")


@dataclass(frozen=True, slots=True)
class _Agreement:
    names: bool  # at least half of the claim's names in the candidate (or its article's lead)
    coverage: float  # share of the claim's content-word weight the candidate has
    back_coverage: float  # the same the other way round
    shared: list[str]  # shared terms, names first, then by weight (for the reason)


def _coverage(fa: _Features, fb: _Features, idf: Idf | None, drop: frozenset[str]) -> float:
    """The share of the claim's content-word weight the candidate has; or, when the claim
    states several facts and the candidate reports one of them whole ('Landslides cut the
    road in three places, forcing crews to continue on foot' / 'The road has been cut by
    landslides in three places'), that clause's share."""
    predicate = _content_weights(fa, idf, drop)
    total = sum(w for _, w in predicate)
    if not total:
        return 1.0
    covered = sum(w for k, w in predicate if k in fb.terms) / total
    weights = dict(predicate)
    for clause in _clauses(fa.text):
        keys = [k for k in clause if k in weights]
        weight = sum(weights[k] for k in keys)
        if len(keys) < CLAUSE_WORDS or weight < CLAUSE_SHARE * total:
            continue
        share = sum(weights[k] for k in keys if k in fb.terms) / weight
        if share >= CLAUSE_COVERAGE:
            covered = max(covered, share)
    return covered


def _content_weights(
    fa: _Features, idf: Idf | None, drop: frozenset[str]
) -> list[tuple[str, float]]:
    """The claim's content words and their weights (:func:`_predicate`), ``drop`` left out:
    what the coverages share out."""
    return [(k, w) for k, w in _predicate(fa.text, idf) if k not in drop]


# Where a fact's clauses part: punctuation, coordinating conjunctions, a participle clause,
# a subordinate clause of time or cause ('the toll climbed to 58 as rescuers dug through the
# rubble', 'cut through the bars before breaking open a case').
_CLAUSE_SPLIT = re.compile(
    r"[,;:]\s*|\s+(?:and|but|while|whereas|as|after|before|when|because)\s+", re.IGNORECASE
)


@lru_cache(maxsize=65536)
def _clauses(text: str) -> tuple[frozenset[str], ...]:
    """The content-word keys of each clause of a sentence's fact (set phrases as their class);
    a sentence of one clause has none."""
    parts = [p for p in _CLAUSE_SPLIT.split(fact_text(text)) if p.strip()]
    if len(parts) < 2:
        return ()
    return tuple(frozenset(_features(part).terms) for part in parts)


@lru_cache(maxsize=65536)
def _predicate(text: str, idf: Idf | None) -> tuple[tuple[str, float], ...]:
    """The content words of a sentence's fact (not names, figures or dates) with weights."""
    weights = _fact_vector(text, idf)[0]
    return tuple((k, weights[k]) for k, t in _features(text).terms.items() if t.kind == "word")


def _agreement(
    fa: _Features,
    fb: _Features,
    idf: Idf | None,
    leads: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
    drop: frozenset[str] = frozenset(),
) -> _Agreement:
    """What the candidate shares of the claim's statement. ``leads`` are the name keys of the
    claim's article lead and the terms of the candidate's (a name the candidate sentence leaves
    implicit, 'the judge', is usually there); ``drop`` terms are left out (differing actors)."""
    lead_a, lead_b = leads
    keys = [k for k in _key_terms(fa, idf, lead_a) if k not in drop]
    shared_keys = [k for k in keys if k in fb.terms or k in lead_b]
    others = sorted(
        (k for k in fa.terms if k in fb.terms and k not in shared_keys),
        key=lambda k: -_fact_vector(fa.text, idf)[0][k],
    )
    entities = _entities(fa, keys)
    found = frozenset(shared_keys)
    return _Agreement(
        names=not entities or sum(bool(e & found) for e in entities) * 2 >= len(entities),
        coverage=_coverage(fa, fb, idf, drop),
        back_coverage=_coverage(fb, fa, idf, drop),
        shared=[k for k in shared_keys if k in fb.terms] + others,
    )


# Words that join the words of one name ('Bank of England', 'Marks and Spencer').
_NAME_JOINS = frozenset(("of", "and", "de", "du", "la", "del", "von", "van", "the"))
# Keys that alone do not tell one name from another: titles, and the kind of body ('Bank of
# England' is not 'Bank of Japan').
_GENERIC_NAME_KEYS = _TITLE_KEYS | frozenset(_name_key(w) for w in ORIGIN_NOUNS)


def _entities(features: _Features, keys: list[str]) -> list[frozenset[str]]:
    """The claim's names as whole names: keys of adjacent capitalised words ('Pellow
    Structures Ltd', 'Mrs Justice Harcourt') make one, told by its distinctive keys (another
    report names 'Pellow', or 'Justice Harcourt' as 'Harcourt'). Titles and body nouns
    alone tell no name."""
    placed = sorted((features.terms[k].position, k) for k in keys if k in features.terms)
    groups: list[list[tuple[int, str]]] = []
    for position, key in placed:
        if groups:
            last = groups[-1][-1][0]
            between = features.words[last + 1 : position]
            if position - last == 1 or (
                position - last <= 3 and all(w in _NAME_JOINS for w in between)
            ):
                groups[-1].append((position, key))
                continue
        groups.append([(position, key)])
    out = []
    for group in groups:
        names = frozenset(k for _, k in group)
        out.append(names - _GENERIC_NAME_KEYS or names)
    return out


def _other_things(fa: _Features, fb: _Features) -> str:
    """One count of different things ('60 passengers' vs '60 crew', 'nine hours' vs 'nine
    days'): the reason, or "" when there is none. Only a noun right after a bare number
    counts: the last plural or collective noun of up to three words ('16 anchor ties'
    counts ties, '40 crew aboard' crew); generic nouns ('60 people') count anything."""
    heads_b = _counted(fb.text)
    for value, word_a, shown_a in _counted(fa.text):
        for other, word_b, shown_b in heads_b:
            if value != other:  # a count of things is exact
                continue
            key_a, key_b = _unit_key(word_a), _unit_key(word_b)
            if key_a == key_b or {key_a, key_b} & _GENERIC_COUNTS:
                continue
            return f"other things counted: {shown_a} {word_a} vs {shown_b} {word_b}"
    return ""


_GENERIC_COUNTS = frozenset(_word_key(w) for w in ("people", "persons", "person", "others"))
# Nouns that count without a plural ending ('40 crew'); other counted nouns are plurals.
_COLLECTIVES = frozenset(("crew", "staff", "personnel", "police", "cattle", "livestock"))


@lru_cache(maxsize=65536)
def _counted(text: str) -> tuple[tuple[float, str, str], ...]:
    """(value, counted noun, number as written) of every bare number followed by a noun."""
    features = _features(text)
    words = features.words
    out = []
    for token in features.tokens:
        if token.kind != "number" or token.value is None:
            continue
        noun = ""
        for word in words[token.position + 1 : token.position + 4]:
            if not word.isalpha() or word in STOPWORDS or word in FIGURE_BREAK:
                break
            if class_of(word) or word.endswith(("ed", "ing", "ly")):
                break
            if word in _COLLECTIVES or (word.endswith("s") and not word.endswith("ss")):
                noun = word
        if noun:
            out.append((token.value, noun, token.surface))
    return tuple(out)


def _has_figures(fa: _Features, fb: _Features) -> bool:
    """Every figure of the claim is in the candidate, as written or normalised ('2.5 million
    tonnes' = '2,500,000 tonnes', 'more than nine hours' ~ 'nearly 10 hours'), counting the
    same thing ('40 passengers' is not '40 crew'): a report that leaves out the claim's figure
    does not confirm it. (A date left out is usually the article's own date; labels such as
    'flight NL412' and years are no figures.)"""
    return _figure_share(fa, fb) >= 1.0


def _figure_share(fa: _Features, fb: _Features) -> float:
    """The share of the claim's figures (those that state the fact) the candidate has (1.0
    when the claim has none): a report of one clause of a claim that says more ('the warning
    sounded 14 seconds before the aircraft hit the ground 2.3 km short') has part of them."""
    measured = {q.figure.start: q for q in fa.quantities}
    others = figures(fact_text(fb.text))
    folded = fold(fact_text(fa.text))
    claimed = figures(fact_text(fa.text))
    found = total = 0
    summed = _summed(claimed, others)
    for n, figure in enumerate(claimed):
        if _aside(folded, figure, claimed[n - 1] if n else None, others):
            continue
        total += 1
        if summed or _in_score(figure, others):
            found += 1
            continue
        qa = measured.get(figure.start)
        if qa is None:
            # A figure that does not say what it counts: the same value is enough.
            found += any(same_measure(figure, g) and figures_overlap(figure, g) for g in others)
        else:
            # (Told with other words around it, 'below 22 in every kindergarten' / 'under 22
            # pupils', the same figure still counts, unless it counts something else.)
            found += any(_agrees(qa, qb) or _same_figure(qa, qb) for qb in fb.quantities)
    return found / total if total else 1.0


# A bare number in commas after a name is the person's age ('Callum Reddaway, 46, resigned');
# money in brackets after a figure is its conversion ('45 million soles (about $12m)').
_AGE_BEFORE = re.compile(r"[A-Z][\w'-]*,\s*$")
_AGE_AFTER = re.compile(r"^\s*(?:,|and\b)")


def _aside(
    folded: str, figure: Figure, previous: Figure | None, others: tuple[Figure, ...]
) -> bool:
    """A figure that describes rather than states the fact: an age ('aged 34 and 41', 'the
    29-year-old', in apposition 'Reddaway, 46,'), or a conversion in brackets of the figure
    before it (a currency the lexicon may not know, '45 million soles (about $12m)'). A report
    of the fact need not repeat it; one that gives an age of its own (``others``, the other
    report's figures) must give the same."""
    before = folded[: figure.start]
    aged = (
        figure.kind == "age"
        or before.lower().rstrip().endswith(("aged", "aged between"))
        or (
            previous is not None
            and previous.kind == "age"
            and folded[previous.end : figure.start].strip() in ("and", "or", ",")
        )  # 'aged 34 and 41'
    )
    if aged:
        # Unless the other report gives an age too: then it must be the same ('the
        # 29-year-old' is not the man who 'was 24 years old').
        return not any(g.kind == "age" for g in others)
    if (
        figure.kind == "count"
        and not figure.noun
        and not figure.qualifier
        and _AGE_BEFORE.search(before)
        and _AGE_AFTER.match(folded[figure.end :])
    ):
        return True
    return (
        figure.kind == "money"
        and previous is not None
        and folded[: figure.start].rstrip().endswith("(")
    )


def _summed(claimed: tuple[Figure, ...], others: tuple[Figure, ...]) -> bool:
    """The claim's counts told as their total: '48 passengers and four crew' / 'carrying 52
    people' (a count of people, or of nothing named, that is their exact sum)."""
    counts = [f for f in claimed if f.kind == "count" and f.noun]
    if len(counts) < 2 or len(counts) != len(claimed) or any(f.qualifier for f in counts):
        return False
    total = sum(f.value for f in counts)
    return any(
        g.kind == "count"
        and not g.qualifier
        and (not g.noun or g.noun in _GENERIC_NOUNS)
        and _same_number(g.value, total)
        for g in others
    )


def _in_score(figure: Figure, others: tuple[Figure, ...]) -> bool:
    """A vote told as a score on one side and as its two counts on the other ('voted 9-4' /
    'nine members voting in favor and four against')."""
    if figure.kind == "score":
        high, low = divmod(figure.value, 1000)
        counts = {g.value for g in others if g.kind == "count"}
        return any(_same_number(high, c) for c in counts) and any(
            _same_number(low, c) for c in counts
        )
    if figure.kind == "count" and figure.value < 1000:
        return any(g.kind == "score" and figure.value in divmod(g.value, 1000) for g in others)
    return False


def _same_particulars(fa: _Features, fb: _Features, agreement: _Agreement) -> bool:
    """The candidate gives every figure and date of the claim (normalised: 'three-quarters'
    = '75 per cent', 'on Thursday' = '26 February' for an article of that week), and what
    else it says is mostly in the claim: it reports the claim's checkable fact, though the
    claim goes on ('the draft was reduced to 22 points' inside a sentence that also tells how)."""
    dates_agree = all(any(_dates_meet(a, b) for b in fb.whens) for a in fa.whens)
    return (
        bool(
            fa.quantities or fa.whens or any(t.kind in _PARTICULAR_KINDS for t in fa.terms.values())
        )
        and _has_figures(fa, fb)
        and dates_agree
        and all(
            key in fb.terms for key, t in fa.terms.items() if t.kind in _DATE_KINDS and not fa.whens
        )
        and agreement.back_coverage >= PREDICATE_COVERAGE
        and any(k in fb.terms for k in agreement.shared)
    )


def _frame(fa: _Features, fb: _Features, idf: Idf | None, drop: frozenset[str]) -> float:
    """Cosine of the two sentences without their particulars (figures, dates) and ``drop``:
    whether they make the same statement with one particular changed."""

    def vector(features: _Features) -> _Vector:
        weights = _fact_vector(features.text, idf)[0]
        return _vector(
            {
                key: weights[key]
                for key, token in features.terms.items()
                if token.kind not in _PARTICULAR_KINDS and key not in drop
            }
        )

    return _evidence(vector(fa), vector(fb))


def _origin(claim: Passage, candidate: Passage) -> tuple[bool, str, str]:
    """:func:`~verify.engine.crosscheck.independence.shared_origin` of two passages."""
    return shared_origin(
        claim.outlet,
        claim.sources,
        candidate.outlet,
        candidate.sources,
        claim.text,
        candidate.text,
    )


def is_echo(claim: Passage, candidate: Passage) -> bool:
    """True when the candidate relays the claim's origin: its outlet or sources share an
    outlet, organisation or document with the claim's outlet or sources (the claim rests on
    Politico and the candidate is Politico's report or cites it). A person both quote is not a
    shared origin (see :func:`~verify.engine.crosscheck.independence.shared_origin`)."""
    return _origin(claim, candidate)[0]


def compare(
    claim: Passage,
    candidate: Passage,
    *,
    idf: Idf | None = None,
    embedding: float | None = None,
    words: Words | None = None,
    score: float | None = None,
) -> Match | None:
    """How ``candidate`` relates to ``claim``, or None when it is not about the same fact.

    ``idf(token)`` weighs index tokens (as :func:`index_text` emits them) from the caller's
    index statistics; without it names, figures and dates weigh most (:func:`default_idf`).
    ``embedding``, when the caller has the word vectors (:mod:`.embedding`, as the jobs do
    where its packages are installed), is the cosine of the vectors of the two sentences'
    facts (:func:`.embedding.fact_words`, as the models were fitted): the decision then weighs
    it too, with the models fitted with it (:func:`.decision.models`); without it, with those
    fitted without it (see the README's ablation).
    ``words``, the same word vectors' table (:class:`Words`), tells predicates that name one
    action in other words ('halted' / 'suspended', 'disclosed' / 'was revealed') where the
    lexicon has no class for them (:data:`NEAR_ACTION`), and gives the 'same' model the
    claim's words the candidate tells with near synonyms (:func:`_near_coverage`); the jobs
    give both or neither.
    ``score`` is the pair's :func:`match_score` when the caller has ranked candidates by it
    already (it is not computed twice).
    """
    if score is None:
        score = match_score(claim, candidate, idf=idf)
    if score is None:
        return None
    score = round(min(score, 1.0), 4)
    fa = _features(claim.text, claim.published_at)
    fb = _features(candidate.text, candidate.published_at)
    echo, origin, speaker = _origin(claim, candidate)
    relation, reason = _relation(claim, candidate, fa, fb, idf, score, embedding, words)
    if not echo:
        speaker_conflict = other_speaker(
            claim.sources, claim.text, candidate.sources, candidate.text
        )
        if speaker_conflict:
            relation, reason = Relation.CONTRADICTS, speaker_conflict
    if echo:
        reason = f"{echo_reason(origin)}; {reason}"
    elif speaker and relation is Relation.CORROBORATES:
        reason = f"{reason}; {speaker_reason(speaker)}"
    return Match(relation, score, reason, not echo)


@dataclass(frozen=True, slots=True)
class Assessment:
    """What the decision weighs for one pair: its signals, which model decides (``conflict``
    when a contradiction signal fired, else ``same``) and the reasons of either outcome."""

    model: str
    features: dict[str, float]
    conflict: str  # the contradiction's reason ("" for the 'same' model)
    difference: str  # what keeps it from the same fact, shown when only related


def conflict_signals(claim: Passage, candidate: Passage) -> tuple[tuple[str, str], ...]:
    """Every contradiction signal between two passages as (kind, reason), whether or not the
    decision calls the pair a contradiction (for diagnostics: why one was missed or made)."""
    fa = _features(claim.text, claim.published_at)
    fb = _features(candidate.text, candidate.published_at)
    found = (
        ("figures", _numbers_differ(fa, fb)),
        ("dates", _dates_differ(fa, fb)),
        ("denial", _denial(fa, fb)),
        ("opposite", _opposite(fa, fb)[0]),
        ("actor", _different_actor(fa, fb)[0]),
    )
    return tuple((kind, reason) for kind, reason in found if reason)


def assess(
    claim: Passage,
    candidate: Passage,
    *,
    idf: Idf | None = None,
    embedding: float | None = None,
    words: Words | None = None,
) -> Assessment | None:
    """The signals :func:`compare` decides on (with ``embedding`` and ``words`` as there), or
    None when the pair is no match at all (for fitting the decision,
    ``bench/train_crosscheck_decision.py``)."""
    score = match_score(claim, candidate, idf=idf)
    if score is None:
        return None
    fa = _features(claim.text, claim.published_at)
    fb = _features(candidate.text, candidate.published_at)
    return _assess(claim, candidate, fa, fb, idf, score, embedding, words, full=True)


def _relation(
    claim: Passage,
    candidate: Passage,
    fa: _Features,
    fb: _Features,
    idf: Idf | None,
    score: float,
    embedding: float | None = None,
    words: Words | None = None,
) -> tuple[Relation, str]:
    """The relation of two facts about one event (decided by :mod:`.decision`) and the reason
    a person reads."""
    found = _assess(claim, candidate, fa, fb, idf, score, embedding, words)
    decided = (
        models(embedded=embedding is not None)[found.model].decides(found.features)
        if modelled(found, claim, candidate)
        else found.features["rule"] >= 1.0
    )
    # Reasons are quoted only for the relation decided (quoting is the costlier part).
    if decided and found.model == "conflict":
        return Relation.CONTRADICTS, found.conflict
    if decided:
        return Relation.CORROBORATES, _same_fact_reason(fa, fb)
    return Relation.RELATED, _related_reason(fa, fb, found.difference)


def modelled(found: Assessment, claim: Passage, candidate: Passage) -> bool:
    """Whether the calibrated models decide a pair (the pairs they are fitted on); otherwise
    the hand-written rule alone does."""
    if not (claim.context and candidate.context):
        # The models were fitted on passages with their articles' contexts, as the jobs
        # build them.
        return False
    if found.model == "conflict":
        # Too loosely tied for the model: only the rule's proof of one statement contradicts.
        return found.features["score"] >= CONFLICT_SCORE
    # Another action or other things counted, or figures of its own that are not the
    # claim's: never the same fact, whatever else the two share.
    own_figures = not found.features["figures"] and bool(
        _features(candidate.text, candidate.published_at).quantities
    )
    return not found.features["other_action"] and not own_figures


def _assess(
    claim: Passage,
    candidate: Passage,
    fa: _Features,
    fb: _Features,
    idf: Idf | None,
    score: float,
    embedding: float | None = None,
    words: Words | None = None,
    full: bool = False,
) -> Assessment:
    actor_reason, actors = _different_actor(fa, fb)
    opposite, opposite_keys = _opposite(fa, fb)
    # How strongly the two facts agree: containment counts, so that a report adding detail
    # to the claim's fact ('... after a five-week trial') is not held against it.
    va, vb = _fact_vector(claim.text, idf), _fact_vector(candidate.text, idf)
    sentence = _evidence(va, vb)
    leads = (
        _context_names(claim.context) if claim.context else frozenset(),
        _context_keys(candidate.context) if candidate.context else frozenset(),
    )
    agreement = _agreement(fa, fb, idf, leads)
    same = agreement.names and agreement.coverage >= PREDICATE_COVERAGE
    conflict = ""
    kind = ""
    for name, signal in (
        ("figures_differ", _numbers_differ),
        ("dates_differ", _dates_differ),
        ("denial", _denial),
    ):
        conflict = signal(fa, fb)
        if conflict:
            kind = name
            break
    if kind == "denial" and f"'{conflict.removeprefix('denies: ')[1:-1]}" in opposite:
        # The opposite quotes the denial on the aligned predicates ('declined to sign' vs
        # 'signed'), which says what is denied: it tells the contradiction (below).
        conflict = kind = ""
    if kind == "figures_differ" and _dates_differ(fa, fb):
        # Other figures on other dates ('voted 9-4 on Wednesday' vs 'voted 11-2 last month'):
        # two occasions, not one figure told two ways.
        conflict = kind = ""
    if kind == "dates_differ" and not _frame(fa, fb, idf, frozenset()):
        # Two sentences that share nothing but particulars date two events ('Two guards were
        # questioned on Monday' / 'Police arrested two men on Tuesday'), not one two ways.
        conflict = kind = ""
    rule_conflict = ""
    drop: frozenset[str] = frozenset()
    if (
        conflict
        and agreement.names
        and max(agreement.coverage, agreement.back_coverage) >= CONTRADICT_COVERAGE
        and _frame(fa, fb, idf, frozenset()) >= CONTRADICT_THRESHOLD
    ):
        rule_conflict = conflict
    if not rule_conflict and conflict.startswith(("figures", "dates", "times")):
        # The figure's own words carry this one; of the claim's names (a list sentence names
        # many things) one shared is enough.
        names = _key_terms(fa, idf, leads[0])
        if not names or any(k in fb.terms or k in leads[1] for k in names):
            rule_conflict = _same_measure(fa, fb, idf)
    if not conflict and opposite:
        conflict, kind, drop = opposite, "opposite", opposite_keys
        # Opposite outcomes contradict only when the rest of the two facts is one statement.
        without = _agreement(fa, fb, idf, leads, opposite_keys)
        if without.names and _frame(fa, fb, idf, opposite_keys) >= OPPOSITE_THRESHOLD:
            rule_conflict = opposite
    if not conflict and actor_reason:
        conflict, kind, drop = actor_reason, "actor", actors
        without = _agreement(fa, fb, idf, leads, actors)
        if (
            without.names
            and without.coverage >= PREDICATE_COVERAGE
            and _frame(fa, fb, idf, actors) >= CONTRADICT_THRESHOLD
        ):
            rule_conflict = actor_reason
    other_action = (
        _other_action(fa, fb, idf, words)
        or _other_things(fa, fb)
        or _other_time(fa, fb)
        or _more_than_told(fa, fb)
        # (Dates that differ on one statement are a contradiction signal, above.)
        or ("" if conflict else _other_occasions(fa, fb) or _one_term_shared(fa, fb))
    )
    if not same and not conflict:
        same = _same_particulars(fa, fb, agreement)
    rule_same = bool(
        same
        and sentence >= CORROBORATE_THRESHOLD
        and not conflict
        and not other_action
        and _has_figures(fa, fb)
    )
    rule = float(bool(rule_conflict) if conflict else rule_same)
    if not full and not (claim.context and candidate.context):
        # Without contexts the rule decides (see _relation): the model's signals are not needed.
        features = {
            "rule": rule,
            "other_action": float(bool(other_action)),
            "figures": _figure_share(fa, fb),
        }
    else:
        features = _model_features(
            claim, candidate, fa, fb, idf, score, leads, drop, agreement, words
        )
        features["other_action"] = float(bool(other_action))
        features["rule"] = rule
        if embedding is not None:
            features[EMBEDDING] = max(embedding, 0.0)
    if conflict:
        features[kind] = 1.0
        # For a contradiction only whether the candidate has every figure tells (a partial
        # share is the 'same' model's question: a report of one clause of the claim).
        features["figures"] = float(features["figures"] >= 1.0)
        return Assessment("conflict", features, rule_conflict or conflict, conflict)
    return Assessment("same", features, "", other_action)


def _model_features(
    claim: Passage,
    candidate: Passage,
    fa: _Features,
    fb: _Features,
    idf: Idf | None,
    score: float,
    leads: tuple[frozenset[str], frozenset[str]],
    drop: frozenset[str],
    agreement: _Agreement,
    words: Words | None = None,
) -> dict[str, float]:
    """The signals the learned decision weighs (see :data:`.decision.FEATURES`)."""
    va, vb = _fact_vector(claim.text, idf), _fact_vector(candidate.text, idf)
    keys_a = _key_terms(fa, idf, leads[0])
    keys_b = _key_terms(fb, idf, frozenset())
    back_leads = _context_keys(claim.context) if claim.context else frozenset()
    without = _agreement(fa, fb, idf, leads, drop) if drop else agreement
    return {
        "evidence": _evidence(va, vb),
        "cosine": _cosine(va, vb),
        "coverage": without.coverage,
        "back_coverage": without.back_coverage,
        "names": _share(keys_a, fb.terms.keys() | leads[1]),
        "back_names": _share(keys_b, fa.terms.keys() | back_leads),
        "frame": _frame(fa, fb, idf, drop),
        "predicate": float(_shared_predicate(fa, fb)),
        "figures": _figure_share(fa, fb),
        "particulars": float(_same_particulars(fa, fb, agreement)),
        "score": min(score, 1.0),
        "clause": _clause_share(fa, fb, idf),
        "shared_figure": float(_shares_specific_figure(fa, fb)),
        "action": _action_share(fa, fb, words),
        "back_action": _action_share(fb, fa, words),
        "dates": _date_share(fa, fb, candidate.published_at),
        "back_dates": _date_share(fb, fa, claim.published_at),
        "actor_specific": float(_specific_actors(fa, fb)),
    } | ({NEAR: _near_coverage(fa, fb, idf, drop, words)} if words is not None else {})


def _near_coverage(
    fa: _Features, fb: _Features, idf: Idf | None, drop: frozenset[str], words: Words
) -> float:
    """The share of the claim's content-word weight the candidate has, a word it does not
    have counting by its nearest word there when that is as close as synonyms are
    ('demand' / 'consumption', 'blamed' / 'attributed')."""
    predicate = _content_weights(fa, idf, drop)
    total = sum(w for _, w in predicate)
    if not total:
        return 1.0
    covered = sum(w for k, w in predicate if k in fb.terms)
    missing = [(k, w) for k, w in predicate if k not in fb.terms]
    others = [t.surface.lower() for t in fb.terms.values() if t.kind == "word"]
    if missing and others:
        nearest = words.nearest([fa.terms[k].surface.lower() for k, _ in missing], others)
        covered += sum(w * c for (_, w), c in zip(missing, nearest, strict=True) if c >= NEAR_WORD)
    return covered / total


# A sentence that gives no date speaks of its article's days: from this many days before it
# was published (a story's own span, 'on Sunday', 'last month') to this many after.
OWN_DAYS_BEFORE = 31
OWN_DAYS_AFTER = 1


def _date_share(fa: _Features, fb: _Features, published: datetime | None) -> float:
    """The share of the claim's dates the candidate can be speaking of (1 when the claim
    dates nothing): a date it gives that meets one of the claim's, or, for a date it does not
    give, the days of its own article (a report of this week's fact need not repeat 'on
    Sunday'). A date of the claim far from them ('the first walkout since 2019', 'will be
    sentenced on 9 April', 'the terminal opened in 2015') is a particular the candidate does
    not confirm: its words may be about another occasion. Without the candidate's publication
    date only the dates it gives count."""
    whens = [w for w in fa.whens if w.dated]
    if not whens:
        return 1.0
    told = 0
    for when in whens:
        if any(_dates_meet(when, other) for other in fb.whens):
            told += 1
        elif published is not None:
            first = published.date() - timedelta(days=OWN_DAYS_BEFORE)
            last = published.date() + timedelta(days=OWN_DAYS_AFTER)
            told += when.last >= first and when.first <= last
    return told / len(whens)


def _action_share(fa: _Features, fb: _Features, words: Words | None = None) -> float:
    """The share of the claim's actions (its predicates, the weak verbs left out) the
    candidate also tells: one of its predicates the same, agreeing, opposed or kindred, or the
    action's word among its terms (a nominalisation, 'the closure'); 1 when the claim names
    none. 'The bank admitted the failings' / 'The bank was fined over the failings' share
    their nouns but no action."""
    actions = [p for p in fa.predicates if p.name not in _WEAK_VERBS]
    if not actions:
        return 1.0
    told = 0
    for pa in actions:
        if stem(pa.name) in fb.terms or any(_one_action(pa, pb, words) for pb in fb.predicates):
            told += 1
    return told / len(actions)


def _specific(figure: Figure) -> bool:
    """A figure that two reports of different facts rarely share by chance: money, a share,
    a measure, or a count of 100 or more, or with decimals ('€18.9 million', '26C', '148,600';
    not 'two', 'five')."""
    return figure.kind != "age" and (
        figure.kind in ("money", "percent", "points", "measure")
        or abs(figure.value) >= 100
        or figure.value != int(figure.value)
    )


def _shares_specific_figure(fa: _Features, fb: _Features) -> bool:
    """The two give one specific figure of the same thing, told alike or not ('€18.9 million'
    / '€18,900,000', '$148,000' / 'USD 148,000')."""
    return any(
        _specific(qa.figure)
        and _same_figure(qa, qb)
        and _same_number(qa.figure.value, qb.figure.value)
        for qa in fa.quantities
        for qb in fb.quantities
    )


def _clause_share(fa: _Features, fb: _Features, idf: Idf | None) -> float:
    """How much the clauses of two differing particulars say the same thing of them (0..1:
    the shared weight over the lighter clause's, best pair): 'Twenty-three people were taken
    to hospital' vs 'Thirty-two people were taken to hospital after...' share nearly all;
    '40 passengers' vs 'a crew of 40' little."""
    clauses = [(qa.figure.clause, qb.figure.clause) for qa, qb in _differing_figures(fa, fb)]
    clauses += [(a.clause, b.clause) for a, b in _differing_dates(fa, fb)]
    clauses += [(a.clause, b.clause) for a, b in _differing_clocks(fa, fb)]
    best = 0.0
    for clause_a, clause_b in clauses:
        keys_a, keys_b = _clause_keys(clause_a), _clause_keys(clause_b)
        if not keys_a or not keys_b:
            continue
        weights = {k: _phrase_weight(k, fa, fb, idf) for k in keys_a | keys_b}
        shared = sum(weights[k] for k in keys_a & keys_b)
        smaller = min(sum(weights[k] for k in keys_a), sum(weights[k] for k in keys_b))
        best = max(best, shared / smaller)
    return best


def _share(keys: list[str], present: Iterable[str] | frozenset[str]) -> float:
    if not keys:
        return 1.0
    found = present if isinstance(present, (set, frozenset)) else set(present)
    return sum(k in found for k in keys) / len(keys)


def _shared_predicate(fa: _Features, fb: _Features) -> bool:
    return any(
        pa.lexical and pb.lexical and (pa.name == pb.name or agreeing(pa, pb))
        for pa in fa.predicates
        for pb in fb.predicates
    )


def _related_reason(fa: _Features, fb: _Features, difference: str) -> str:
    """Why a match is only related: what it shares, and what keeps it from the same fact."""
    shared = frozenset(fa.terms.keys() & fb.terms.keys())
    qa, qb = _quote(fa, shared), _quote(fb, shared)
    about = f"same event: '{qa}' / '{qb}'" if qa and qb else "same event, other facts"
    return f"{about} ({difference})" if difference else about
