"""Score one candidate sentence against a claim and say how it relates: corroborates,
contradicts or merely related; and whether it is an independent source or an echo.

Scoring (all weights are idf weights of index tokens; stems make 'checked'/'checks' meet):

* ``sentence`` — weighted cosine of the two sentences' content tokens (stopwords and the
  generic vocabulary of reporting excluded; numbers, dates and names included).
* ``context`` — tf-idf cosine of the two articles' contexts (headline + lead), when both are
  given. It separates the same event from the same kind of event (two earthquakes share
  'earthquake', 'magnitude' and 'killed'; their leads name different places and dates).
* ``cross`` — how well each sentence fits the other article's lead (mean of two cosines): the
  same event told in other words.
* ``score`` = sentence^0.4 · context^0.4 · cross^0.2 with contexts, the sentence similarity
  alone without them. Candidates below :data:`MATCH_THRESHOLD` (or
  :data:`SENTENCE_MATCH_THRESHOLD` without contexts) are not about the same event: ``None``.

Relations are decided on the sentences (the context says "same event", the sentence "same
fact"): a contradiction signal (figures for the same unit, dates, denial, another actor for
the same verb) between sentences at least :data:`CONTRADICT_THRESHOLD` alike that share the
claim's names → ``contradicts``; the same fact (sentence similarity at least
:data:`CORROBORATE_THRESHOLD`, half the claim's names, most of its other content words) →
``corroborates``; anything else above the threshold → ``related``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from verify.crosscheck.lexicon import (
    ACTOR_GAP,
    AUX_BEFORE_NOT,
    DESCRIPTION_WORDS,
    EXPLICIT_NEGATORS,
    IRREGULAR_PASTS,
    NAME_NOISE,
    NEGATION_CUES,
    STOPWORDS,
)
from verify.crosscheck.text import Token, analyse, display_number, stem

# Below this score (both passages with a context), a candidate is not about the same event:
# compare returns None. Chosen on ECB+ topics 1-10 (bench/bench_ecbplus.py), checked on 11-20.
MATCH_THRESHOLD = 0.15
# The same without contexts, where the score is the sentence similarity alone.
SENTENCE_MATCH_THRESHOLD = 0.30
# Exponents of the geometric mean: sentence, context and cross (sentence vs other lead).
SENTENCE_WEIGHT = 0.4
CONTEXT_WEIGHT = 0.4
CROSS_WEIGHT = 0.2
# Relations are about the sentence: same fact from this sentence similarity (with the claim's
# key entities, figures and dates present) ...
CORROBORATE_THRESHOLD = 0.5
# ... and a contradiction signal only counts between sentences this close (same statement,
# one particular changed); below, differing figures are more likely different facts.
CONTRADICT_THRESHOLD = 0.4
# Share of the weight of the claim's content words (not names) a same-fact report must have.
PREDICATE_COVERAGE = 0.6
# Numbers within this relative difference are the same figure (84.5 million ~ 84.6 million).
NUMBER_TOLERANCE = 0.01

RELATIONS = ("corroborates", "contradicts", "related")
_QUANTITY_KINDS = frozenset({"number", "money", "pct"})
_DATE_KINDS = frozenset({"date", "month", "year"})


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence with what is known of its article (see the PRODUCT vocabulary)."""

    text: str
    outlet: str = ""
    sources: tuple[str, ...] = ()
    context: str = ""


@dataclass(frozen=True, slots=True)
class Match:
    """How a candidate sentence relates to a claim."""

    relation: str  # "corroborates" | "contradicts" | "related"
    score: float  # 0..1, higher = more likely the same fact
    reason: str
    independent: bool  # False when the candidate traces to the claim's own origin (an echo)


@dataclass(frozen=True, slots=True)
class _Quantity:
    value: float
    unit: str
    surface: str


@dataclass(frozen=True, slots=True)
class _Features:
    terms: dict[str, Token]  # stem (or quantity/date token) → first token with that key
    quantities: tuple[_Quantity, ...]
    dates: tuple[Token, ...]  # day dates (nov27)
    months: tuple[Token, ...]  # month-only mentions
    years: tuple[Token, ...]
    negations: tuple[_Negation, ...]
    words: tuple[str, ...]
    capitalised: tuple[bool, ...]


def default_idf(token: Token) -> float:
    """Without index statistics: names, figures and dates are rare, long words rarer."""
    if token.kind in ("name", "number", "money", "pct", "date"):
        return 5.0
    if token.kind in ("year", "month"):
        return 3.0
    return 2.0 + min(max(len(token.norm) - 4, 0), 8) * 0.25


def _key(token: Token) -> str:
    return stem(token.norm) if token.kind in ("word", "name") else token.norm


def _is_content(token: Token) -> bool:
    return token.kind != "word" or (token.norm not in STOPWORDS and len(token.norm) > 1)


def _unit_after(words: tuple[str, ...], position: int) -> str:
    """The noun a bare number counts: '600,000 troops' → troop, '28-point plan' → point."""
    for word in words[position + 1 : position + 4]:
        if word.isalpha() and word not in STOPWORDS and word not in ("-", "more", "than"):
            return stem(word)
        if word[:1].isdigit():
            return ""
    return ""


@dataclass(frozen=True, slots=True)
class _Negation:
    phrase: str  # as quoted in a reason: "did not", "rejected", "no plans to"
    explicit: bool  # a negator proper (not, never, no) rather than a verb of denial
    scope: frozenset[str]  # stems of the words it negates (the next few content words)


_NEGATION_SCOPE = 3


def _negations(words: tuple[str, ...]) -> tuple[_Negation, ...]:
    """Every negation cue with the stems of the content words it governs."""
    out: list[_Negation] = []
    for i, word in enumerate(words):
        word = "not" if word == "n't" else word
        contracted = word.endswith("n't") and len(word) > 3
        if word not in NEGATION_CUES and not contracted:
            continue
        explicit = contracted or word in EXPLICIT_NEGATORS
        phrase = word
        if word == "not" and i > 0 and words[i - 1] in AUX_BEFORE_NOT:
            phrase = f"{words[i - 1]} not"
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


@lru_cache(maxsize=65536)
def _features(text: str) -> _Features:
    analysis = analyse(text)
    terms: dict[str, Token] = {}
    quantities: list[_Quantity] = []
    for token in analysis.tokens:
        if not _is_content(token):
            continue
        terms.setdefault(_key(token), token)
        if token.kind in _QUANTITY_KINDS and token.value is not None:
            following = analysis.raw_words[token.position + 1 : token.position + 3]
            if following in (("year", "old"), ("years", "old")):
                continue  # ages: '36-year-old' and '40-year-old' are usually two people
            unit = token.unit or _unit_after(analysis.raw_words, token.position)
            if unit:
                quantities.append(_Quantity(token.value, unit, token.surface))
    return _Features(
        terms=terms,
        quantities=tuple(quantities),
        dates=tuple(t for t in analysis.tokens if t.kind == "date"),
        months=tuple(t for t in analysis.tokens if t.kind == "month"),
        years=tuple(t for t in analysis.tokens if t.kind == "year"),
        negations=_negations(analysis.raw_words),
        words=analysis.raw_words,
        capitalised=analysis.capitalised,
    )


@lru_cache(maxsize=16384)
def _context_terms(context: str) -> tuple[tuple[str, Token, int], ...]:
    counts: Counter[str] = Counter()
    first: dict[str, Token] = {}
    for token in analyse(context).tokens:
        if _is_content(token):
            key = _key(token)
            counts[key] += 1
            first.setdefault(key, token)
    return tuple((key, first[key], count) for key, count in counts.items())


Idf = Callable[[str], float]


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
def _sentence_vector(text: str, idf: Idf | None) -> _Vector:
    terms = _features(text).terms
    return _vector({key: _weight(token, idf) for key, token in terms.items()})


@lru_cache(maxsize=16384)
def _context_vector(context: str, idf: Idf | None) -> _Vector:
    return _vector(
        {
            key: (1.0 + math.log(count)) * _weight(token, idf)
            for key, token, count in _context_terms(context)
        }
    )


def similarity(claim: Passage, candidate: Passage, idf: Idf | None = None) -> float:
    """The score of :func:`compare` (0..1) without classification; for ranking and tuning."""
    return _scores(claim, candidate, idf)[0]


def _scores(claim: Passage, candidate: Passage, idf: Idf | None) -> tuple[float, float]:
    """(score, sentence similarity). See the module docstring for the formula."""
    sa, sb = _sentence_vector(claim.text, idf), _sentence_vector(candidate.text, idf)
    sentence = _cosine(sa, sb)
    if not claim.context or not candidate.context:
        return sentence, sentence
    ca, cb = _context_vector(claim.context, idf), _context_vector(candidate.context, idf)
    context = _cosine(ca, cb)
    # Does each sentence fit the other article's lead? (The same event told in other words.)
    cross = (_cosine(sa, cb) + _cosine(sb, ca)) / 2
    score = sentence**SENTENCE_WEIGHT * context**CONTEXT_WEIGHT * cross**CROSS_WEIGHT
    return score, sentence


# --- contradiction signals -------------------------------------------------------------------


def _same_number(a: float, b: float) -> bool:
    return abs(a - b) <= NUMBER_TOLERANCE * max(abs(a), abs(b), 1e-9)


def _numbers_differ(fa: _Features, fb: _Features) -> str:
    for qa in fa.quantities:
        same_unit = [qb for qb in fb.quantities if qb.unit == qa.unit]
        if same_unit and not any(_same_number(qa.value, qb.value) for qb in same_unit):
            qb = same_unit[0]
            if qa.unit in ("usd", "eur", "gbp", "jpy", "rub", "uah", "%"):
                return f"numbers differ: {qa.surface} vs {qb.surface}"
            return (
                f"numbers differ: {display_number(qa.value)} vs {display_number(qb.value)}"
                f" {_unit_word(fa, qa)}"
            )
    return ""


def _unit_word(features: _Features, quantity: _Quantity) -> str:
    for word in features.words:
        if stem(word) == quantity.unit:
            return word
    return quantity.unit


def _dates_differ(fa: _Features, fb: _Features) -> str:
    for a, b in ((fa.dates, fb.dates), (fa.months, fb.months), (fa.years, fb.years)):
        if a and b and not {t.norm for t in a} & {t.norm for t in b}:
            return f"dates differ: {a[0].surface} vs {b[0].surface}"
    # A day date against a month-only mention of another month (Nov. 27 vs December).
    for a, b in ((fa.dates, fb.months), (fa.months, fb.dates)):
        months_a = {t.norm.rstrip("0123456789") for t in a}
        months_b = {t.norm.rstrip("0123456789") for t in b}
        if a and b and not months_a & months_b:
            return f"dates differ: {a[0].surface} vs {b[0].surface}"
    return ""


def _denial(fa: _Features, fb: _Features) -> str:
    negated_a, negated_b = _negated(fa.negations, fb.terms), _negated(fb.negations, fa.terms)
    if bool(negated_a) != bool(negated_b):
        return f"denies: '{negated_a or negated_b}'"
    return ""


def _actor(features: _Features, verb_position: int) -> tuple[str, ...]:
    """The capitalised words right before a verb, skipping auxiliaries: 'Kyiv has rejected'."""
    i = verb_position - 1
    while i >= 0 and features.words[i] in ACTOR_GAP:
        i -= 1
    actor: list[str] = []
    while i >= 0 and (features.capitalised[i] or (i == 0 and features.words[i][:1].isalpha())):
        word = features.words[i]
        if word in STOPWORDS:
            break
        actor.append(word)
        i -= 1
    return tuple(reversed(actor))


def _verb_positions(features: _Features) -> dict[str, int]:
    out: dict[str, int] = {}
    for i, word in enumerate(features.words):
        if features.capitalised[i] or word in STOPWORDS or not word.isalpha():
            continue
        if word.endswith("ed") or word in IRREGULAR_PASTS or word in NEGATION_CUES:
            out.setdefault(stem(word), i)
    return out


def _different_actor(fa: _Features, fb: _Features) -> str:
    verbs_b = _verb_positions(fb)
    names_a = {stem(w) for w, c in zip(fa.words, fa.capitalised, strict=True) if c}
    names_b = {stem(w) for w, c in zip(fb.words, fb.capitalised, strict=True) if c}
    for verb, position_a in _verb_positions(fa).items():
        if verb not in verbs_b:
            continue
        actor_a = _actor(fa, position_a)
        actor_b = _actor(fb, verbs_b[verb])
        if not actor_a or not actor_b:
            continue
        stems_a = {stem(w) for w in actor_a}
        stems_b = {stem(w) for w in actor_b}
        if stems_a & stems_b or stems_a & names_b or stems_b & names_a:
            continue
        return (
            f"different actor for '{fa.words[position_a]}': {_title(actor_a)} vs {_title(actor_b)}"
        )
    return ""


def _title(words: Iterable[str]) -> str:
    return " ".join(w.capitalize() for w in words)


# --- corroboration and independence ----------------------------------------------------------


def _key_terms(features: _Features, idf: Idf | None) -> list[str]:
    """The names of a claim: the entities a report of the same fact must share. (Figures and
    dates only have to be compatible: a changed one is a contradiction signal.)"""
    keys = [key for key, token in features.terms.items() if token.kind == "name"]
    return sorted(keys, key=lambda k: -_weight(features.terms[k], idf))


def _same_fact(fa: _Features, fb: _Features, idf: Idf | None) -> tuple[bool, list[str]]:
    """Whether the candidate states the claim's fact: at least half of the claim's names, and
    at least :data:`PREDICATE_COVERAGE` of the weight of its other content words (what is said
    of them: 'wants a peace deal signed before guarantees' is not 'guarantees remain a central
    demand'). Also the shared terms, names first, then by weight (for the reason)."""
    keys = _key_terms(fa, idf)
    shared_keys = [k for k in keys if k in fb.terms]
    names_ok = not keys or len(shared_keys) * 2 >= len(keys)
    predicate = {k: _weight(t, idf) for k, t in fa.terms.items() if t.kind in ("word", "month")}
    total = sum(predicate.values())
    covered = sum(w for k, w in predicate.items() if k in fb.terms)
    predicate_ok = not total or covered >= PREDICATE_COVERAGE * total
    others = sorted(
        (k for k in fa.terms if k in fb.terms and k not in shared_keys),
        key=lambda k: -_weight(fa.terms[k], idf),
    )
    return names_ok and predicate_ok, shared_keys + others


def _name_tokens(name: str) -> frozenset[str]:
    words = analyse(name).raw_words
    return frozenset(w for w in words if w.isalnum() and w not in NAME_NOISE)


def _same_origin(a: str, b: str) -> bool:
    """'Politico' ~ 'Politico Europe' (token containment); descriptions only when identical."""
    ta, tb = _name_tokens(a), _name_tokens(b)
    if not ta or not tb:
        return False
    if ta & DESCRIPTION_WORDS or tb & DESCRIPTION_WORDS:
        return ta == tb
    return ta <= tb or tb <= ta


def is_echo(claim: Passage, candidate: Passage) -> bool:
    """True when the candidate's outlet or sources share a name with the claim's sources or
    outlet: the claim rests on Politico and the candidate is Politico's report or cites it."""
    origins = [s for s in (*claim.sources, claim.outlet) if s]
    others = [s for s in (*candidate.sources, candidate.outlet) if s]
    return any(_same_origin(a, b) for a in origins for b in others)


def compare(claim: Passage, candidate: Passage, *, idf: Idf | None = None) -> Match | None:
    """How ``candidate`` relates to ``claim``, or None when it is not about the same fact.

    ``idf(token)`` weighs index tokens (as :func:`index_text` emits them) from the caller's
    index statistics; without it names, figures and dates weigh most (:func:`default_idf`).
    """
    fa, fb = _features(claim.text), _features(candidate.text)
    score, sentence = _scores(claim, candidate, idf)
    with_context = bool(claim.context and candidate.context)
    if score < (MATCH_THRESHOLD if with_context else SENTENCE_MATCH_THRESHOLD):
        return None
    score = min(score, 1.0)
    independent = not is_echo(claim, candidate)
    same, shared = _same_fact(fa, fb, idf)
    if sentence >= CONTRADICT_THRESHOLD and same:
        for signal in (_numbers_differ, _dates_differ, _denial, _different_actor):
            reason = signal(fa, fb)
            if reason:
                return Match("contradicts", round(score, 4), reason, independent)
    shown = ", ".join(fa.terms[k].surface for k in shared[:4])
    if same and sentence >= CORROBORATE_THRESHOLD:
        return Match("corroborates", round(score, 4), f"same fact: {shown}", independent)
    if not same:
        reason = f"same topic, other particulars: shares only {shown or 'general words'}"
    else:
        reason = f"related: {shown}"
    return Match("related", round(score, 4), reason, independent)
