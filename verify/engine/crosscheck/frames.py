"""Who did what: the predicates of a sentence, each with its actor, what it acts upon and its
polarity, read from the words alone (no parser).

A predicate is a word or set phrase of a class of
:data:`~verify.engine.crosscheck.lexicon.PREDICATE_CLASSES` ('acquitted', 'found not guilty',
'closure', 'stepped down'), or any other past-tense verb. Its actor is the noun phrase before
it in the active voice ('the governor signed'), after 'by' in the passive ('was signed by her
deputy') or the focus of a cleft ('it was the deputy who signed'); its polarity is negative
after a negator or a verb of refusal close before it ('did not close', 'refused to release').
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from verify.engine.crosscheck.lexicon import (
    ACTOR_GAP,
    CONTROL_WORDS,
    FEELING_PARTICIPLES,
    IMPOSING_VERBS,
    INFINITIVE_NEGATORS,
    IRREGULAR_PASTS,
    IRREGULAR_VERBS,
    ISSUED_NOUNS,
    LIGHT_VERBS,
    MONTHS,
    NEGATING_PHRASES,
    NUMBER_WORDS,
    OPPOSITES,
    OTHER_INSTANCE_WORDS,
    PARTICLES,
    PASSIVE_AUX,
    PHRASE_BREAK,
    PHRASES,
    PREDICATE_AUX,
    PREDICATE_CLASSES,
    PREDICATE_NEGATORS,
    PREPOSITIONS,
    STOPWORDS,
    SYNONYMS,
)
from verify.engine.crosscheck.text import stem

_LONGEST_PHRASE = max(len(p) for p in PHRASES)
# How far an actor's 'by' may follow a passive predicate ('closed to traffic on Tuesday by').
_BY_REACH = 8
# How far before a 'to' clause its controlling verb may stand ('voted in February to').
_CONTROL_REACH = 4
# Words of a noun phrase read as an actor or the acted-upon.
_PHRASE_WORDS = 5
# How far before a predicate a negator still governs it ('did not immediately close').
_NEGATOR_REACH = 3
# How far before a predicate a negative subject still governs it ('no serious injuries have').
_SUBJECT_REACH = 8
_NEGATIVE_SUBJECTS = frozenset(("no", "neither", "none", "nobody", "nothing"))
# 'that morning', 'that day': a determiner, not a clause.
_TIME_AFTER_THAT = frozenset(
    (w,) for w in ("morning", "afternoon", "evening", "night", "day", "week", "month", "year")
)
# Words after 'by' that make it a measure, not an agent ('by a quarter', 'by about 5%').
_MEASURE_WORDS = frozenset(
    (
        "quarter",
        "half",
        "third",
        "about",
        "around",
        "nearly",
        "almost",
        "roughly",
        "some",
        "more",
        "less",
        "up",
        "far",
        "much",
        "as",
        "just",
        "only",
        "percent",
        "per",
        "cent",
    )
)
# Words after 'by' that make it a deadline, not an agent ('by mid-morning', 'by Monday', 'by
# the end of the week', 'by then').
_DEADLINE_WORDS = frozenset(MONTHS) | frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mid",
        "early",
        "late",
        "noon",
        "midday",
        "midnight",
        "dawn",
        "dusk",
        "then",
        "now",
        "today",
        "tonight",
        "tomorrow",
        "yesterday",
        "morning",
        "afternoon",
        "evening",
        "night",
        "next",
        "last",
        "this",
    ]
)
_DEADLINE_PHRASES = frozenset(("the end", "the time", "the weekend", "the start"))
# Endings of nouns made from verbs: never read as a verb with an actor before it.
_NOUN_ENDINGS = ("al", "ure", "ion", "ment", "ance", "ence", "age", "ery")
# Words before a predicate that make it a verb ('will close', 'to open', 'has approved').
_MODALS = frozenset(
    (
        "will",
        "would",
        "could",
        "should",
        "can",
        "may",
        "might",
        "must",
        "shall",
        "to",
        "has",
        "have",
        "had",
        "did",
        "does",
        "do",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
    )
)
# Adjectives among the stopwords that may open a noun phrase after its determiner ('the
# then chief executive': who held the office at the time).
_LIGHT_ADJECTIVES = frozenset(("new", "own", "other", "first", "second", "then"))
# Possessives and determiners that open a noun phrase (kept when quoting it).
_DETERMINERS = frozenset(
    ("the", "a", "an", "her", "his", "its", "their", "our", "my", "your", "this", "these")
)
# Words that close a clause: an actor is never read across them.
_CLAUSE_BREAK = frozenset(
    ("that", "which", "who", "whom", "when", "where", "while", "because", "and", "but", "or")
)
# Relative pronouns whose verb's actor is the noun phrase before them ('the union, which
# called the strike'); 'that' is left out, mostly a conjunction ('said that officers ...').
_RELATIVES = frozenset(("who", "which"))
# How far before its verb the relative pronoun of a subject's relative clause may stand ('an
# off-duty nurse who had been watching from the crowd began').
_RELATIVE_REACH = 10
_NONE: frozenset[int] = frozenset()
# Prefixes a hyphen joins to a verb ('re-marked', 'co-signed', 'pre-approved').
_VERB_PREFIXES = frozenset(("re", "co", "pre", "un", "mis", "over", "under", "out", "cross"))
# Personal pronouns as objects: the one acted upon is a person.
_PERSONS = frozenset((w,) for w in ("him", "her", "them"))


_BY_STEM: dict[str, str] = {}
for _canon, _forms in PREDICATE_CLASSES.items():
    for _form in _forms.split():
        if "_" not in _form:
            _BY_STEM.setdefault(stem(_form), _canon)
_ISSUED = frozenset(stem(w) for w in ISSUED_NOUNS)
_STEM_PHRASES = {tuple(stem(w) for w in words): canon for words, canon in PHRASES.items()}


@lru_cache(maxsize=65536)
def class_of(word: str) -> str:
    """The predicate class of one word ('shut' → 'close', 'resignation' → 'resign'), or ""."""
    return SYNONYMS.get(word) or _BY_STEM.get(stem(word), "")


@dataclass(frozen=True, slots=True)
class Predicate:
    """One predicate of a sentence, positions in its raw words."""

    name: str  # its class ('close'), or the stem of a past-tense verb outside the lexicon
    start: int
    end: int  # exclusive
    negated: bool
    passive: bool
    actor: tuple[int, int]  # span of the actor's noun phrase (start == end: none read)
    patient: tuple[int, int]  # span of what it acts upon (the object, or a passive's subject)
    lexical: bool  # a class of the lexicon (not just a past-tense verb)
    verb: str  # the predicate's own word, lower-cased ('halted', 'found' of 'found guilty')

    @property
    def has_actor(self) -> bool:
        return self.actor[1] > self.actor[0]


def phrase_spans(words: tuple[str, ...]) -> tuple[tuple[int, int, str], ...]:
    """Where the lexicon's classes occur: (start, end, class), longest phrase first, no two
    overlapping ('found not guilty' is one 'acquit', not 'found' and 'not guilty')."""
    stems = tuple(stem(w) for w in words)
    phrases = _STEM_PHRASES
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        for length in range(min(_LONGEST_PHRASE, len(words) - i), 1, -1):
            canon = phrases.get(stems[i : i + length])
            if canon:
                out.append((i, i + length, canon))
                i += length
                break
        else:
            word = words[i]
            canon = class_of(word) if word.isalpha() and len(word) > 2 else ""
            if canon:
                out.append((i, i + 1, canon))
            i += 1
    return tuple(out)


def _denies_infinitive(words: tuple[str, ...], at: int) -> bool:
    """Whether ``at`` is a verb of failure or refusal before an infinitive ('failed to carry
    out', 'refused to sign', 'declined to attend'): the verb after 'to' is the predicate,
    negated, and the one at ``at`` only its polarity ('declined to attend' is no fall, 'shares
    declined to 4.2' is)."""
    if at < 0 or at + 2 >= len(words) or words[at + 1] != "to":
        return False
    if words[at] not in INFINITIVE_NEGATORS and not words[at].startswith("refus"):
        return False
    following = words[at + 2]
    return following.isalpha() and following not in STOPWORDS


def _is_past(word: str) -> bool:
    return word.isalpha() and (word.endswith("ed") or word in IRREGULAR_PASTS)


def _gap(word: str) -> bool:
    """Auxiliaries and adverbs between an actor and its verb ('had personally signed')."""
    return word in ACTOR_GAP or word in PREDICATE_AUX or (len(word) > 4 and word.endswith("ly"))


def _possessive(word: str) -> bool:
    """'gendarmerie's', 'members'': a possessor, part of the noun phrase it opens."""
    base = word.removesuffix("'s").removesuffix("'")
    return base != word and base.isalpha()


def _nominal(word: str, possessives: bool) -> bool:
    """Whether a word may stand in a noun phrase (not a function word, a predicate or a
    figure)."""
    if word in STOPWORDS or word in PHRASE_BREAK or class_of(word):
        return False
    return word.isalpha() or (possessives and _possessive(word))


def _noun_phrase_before(
    words: tuple[str, ...], end: int, *, actor: bool = False, joined: frozenset[int] = _NONE
) -> tuple[int, int]:
    """The noun phrase ending just before ``end`` (auxiliaries and adverbs skipped).

    ``actor``: read as someone who acts, the phrase keeps its possessor and the name its
    'of' joins ('Kestrel Pharma's chief executive', 'the Central Bank of Ireland'), and a
    relative pronoun stands for the phrase before it ('Cleveland Police, which ordered').
    ``joined``: positions inside a hyphenated compound, one modifier whatever its parts are
    ('off-duty', 'state-owned', 'so-called')."""
    i = end - 1
    while i >= 0 and _gap(words[i]):
        i -= 1
    if actor and i > 0 and words[i] in _RELATIVES:
        return _noun_phrase_before(words, i, actor=True, joined=joined)
    last = i + 1
    taken = 0
    while i >= 0 and taken < _PHRASE_WORDS:
        word = words[i]
        if word in _DETERMINERS:
            i -= 1
            break
        if actor and word == "of" and taken and i > 0 and _nominal(words[i - 1], True):
            taken += 1  # 'the Central Bank of Ireland'
            i -= 1
            continue
        if not _nominal(word, actor) and not (i in joined and word.isalpha()):
            break
        taken += 1
        i -= 1
    if actor and _object_of_preposition(words, i):
        return (last, last)
    return (i + 1, last) if taken else (last, last)


def _subject_before_relative(
    words: tuple[str, ...], start: int, read: tuple[int, int], joined: frozenset[int]
) -> tuple[int, int]:
    """The subject of a verb whose subject a relative clause follows ('an off-duty nurse who
    had been watching from the crowd began CPR': the nurse; 'the council, which owns the site,
    closed the road': the council), when the phrase ``read`` right before the verb is no
    subject of its own: none (the clause ends in a preposition's object or a verb), or the
    object of the relative clause's verb. ``read`` itself when no such clause stands before."""
    end = read[0]
    if read[1] > read[0]:
        before = end - 1
        if before >= 0 and words[before] in _DETERMINERS:
            before -= 1
        if before < 0 or not (_is_past(words[before]) or class_of(words[before])):
            return read
        end = before
    for j in range(end - 1, max(end - 1 - _RELATIVE_REACH, 0), -1):
        if words[j] in _RELATIVES:
            return _noun_phrase_before(words, j, actor=True, joined=joined)
        if words[j] in _CLAUSE_BREAK:
            break
    return read


def _object_of_preposition(words: tuple[str, ...], before: int) -> bool:
    """Whether a noun phrase whose preceding word is at ``before`` follows a preposition, past
    any figure ('the blast at the site on Haverton Road happened', 'with more than 11,000
    flight hours, was'): the object of a preposition is not the subject of the verb after."""
    i = before
    while i >= 0 and (_figure(words[i]) or words[i] in _MEASURE_WORDS):
        i -= 1
    return i >= 0 and words[i] in PREPOSITIONS


def _noun_phrase_after(
    words: tuple[str, ...], start: int, *, actor: bool = False, joined: frozenset[int] = _NONE
) -> tuple[int, int]:
    """The noun phrase starting at ``start`` (a determiner included).

    ``actor``, ``joined``: as in :func:`_noun_phrase_before`, with its possessor and the
    phrase its 'of' or 'from' joins ('the gendarmerie's research section', 'officers of the
    Lyon judicial police', 'officers from Police Scotland')."""
    i = start
    if i < len(words) and words[i] in _DETERMINERS:
        i += 1
    while i < len(words) and words[i] in _LIGHT_ADJECTIVES:
        i += 1  # 'a new wing', 'its own plant'
    if actor and i + 1 < len(words) and words[i] in NUMBER_WORDS:
        i += 1  # 'two off-duty guides'
    taken = 0
    while i < len(words) and taken < _PHRASE_WORDS:
        word = words[i]
        if i in joined and word.isalnum():
            taken += 1  # 'two off-duty guides', 'a 60-day state'
            i += 1
            continue
        if (
            actor
            and taken
            and word in _LIGHT_ADJECTIVES
            and i + 1 < len(words)
            and _nominal(words[i + 1], actor)
        ):
            taken += 1  # 'WorkSafe New Zealand', 'the board's new chair'
            i += 1
            continue
        if not _nominal(word, actor):
            break
        if len(word) > 5 and _is_past(word):
            break  # 'proposed by Ana Ruiz, failed by one vote
        taken += 1
        i += 1
    if actor and taken and words[i : i + 1] in (("of",), ("from",)):
        of_phrase = _noun_phrase_after(words, i + 1, actor=True, joined=joined)
        if of_phrase[1] > of_phrase[0]:
            i = of_phrase[1]
    return (start, i) if taken else (start, start)


def _negated(words: tuple[str, ...], start: int) -> bool:
    """A negator or verb of refusal just before (through auxiliaries: 'did not', 'refused
    to'), or a negative subject ('no schools will close', 'neither painting has been')."""
    window = words[max(start - _SUBJECT_REACH, 0) : start]
    breaks = [i for i, w in enumerate(window) if w in _CLAUSE_BREAK]
    if any(w in _NEGATIVE_SUBJECTS for w in window[breaks[-1] + 1 if breaks else 0 :]):
        return True
    i = start - 1
    reach = 0
    while i >= 0 and reach < _NEGATOR_REACH:
        word = words[i]
        if word in PREDICATE_NEGATORS or word.endswith("n't") or word == "longer":
            return True
        if i and (words[i - 1], word) in NEGATING_PHRASES:
            return True
        if word not in PREDICATE_AUX and word not in ACTOR_GAP and word != "to":
            return False
        i -= 1
        reach += 1
    return False


def _passive(words: tuple[str, ...], start: int) -> bool:
    """'was signed', 'has been shut', and the second of two ('was inspected and approved')."""
    if words[start].endswith(("ing", "able", "ible")) or words[start] in STOPWORDS:
        return False  # 'was flying': progressive; 'is liable', 'was at the controls': a state
    i = start - 1
    while i >= 0 and words[i] in ACTOR_GAP and words[i] not in PASSIVE_AUX:
        i -= 1
    if i >= 1 and words[i] in ("and", "or") and _is_past(words[i - 1]):
        return _passive(words, i - 1)
    return i >= 0 and words[i] in PASSIVE_AUX


def _figure(word: str) -> bool:
    return word[:1].isdigit() or word in NUMBER_WORDS


def _reduced_relative(words: tuple[str, ...], start: int, end: int) -> bool:
    """'38,000 units sold in Canada', 'some 400 homes destroyed by': a participle after a
    counted noun phrase, with no object of its own, tells what was done to the things
    counted (passive), not what they did."""
    if not _is_past(words[start]) or (end < len(words) and words[end] not in PHRASE_BREAK):
        return False
    phrase = _noun_phrase_before(words, start)
    return phrase[1] == start and phrase[0] > 0 and _figure(words[phrase[0] - 1])


def _by_actor(
    words: tuple[str, ...], end: int, *, nominal: bool = False, joined: frozenset[int] = _NONE
) -> tuple[int, int]:
    """The agent after 'by' ('was signed by her deputy'); not a measure ('lowered by a
    quarter of a point', 'fell by 5%'). ``nominal``: the predicate is a noun, whose agent
    may follow a light verb ('the decision was taken by') but not another verb ('the recall
    was announced by the regulator')."""
    for i in range(end, min(end + _BY_REACH, len(words))):
        if words[i] in _CLAUSE_BREAK and words[i + 1 : i + 2] not in _TIME_AFTER_THAT:
            break
        if nominal and _is_past(words[i]) and words[i] not in LIGHT_VERBS:
            break
        if nominal and i > end and words[i].endswith(_NOUN_ENDINGS) and class_of(words[i]):
            break  # 'the takeover is subject to approval by': the agent of the approval
        if words[i] == "by":
            following = words[i + 1 : i + 3]
            if any(w[:1].isdigit() or w in _MEASURE_WORDS for w in following):
                return (end, end)
            if following[:1] and following[0] in _DEADLINE_WORDS:
                return (end, end)  # 'plucked 146 survivors from the water by mid-morning'
            if " ".join(following) in _DEADLINE_PHRASES:
                return (end, end)
            return _noun_phrase_after(words, i + 1, actor=True, joined=joined)
    return (end, end)


def _by_follows(words: tuple[str, ...], end: int) -> bool:
    """Whether 'by' follows a participle, through its particle ('proposed by', 'dug out by',
    'carried out by'): a passive whose auxiliary is left out ('the plan, proposed by')."""
    if words[end : end + 1] == ("by",):
        return True
    return words[end + 1 : end + 2] == ("by",) and words[end] in PARTICLES


def _verbal(words: tuple[str, ...], start: int) -> bool:
    """Whether a predicate is used as a verb ('closed', 'will close', 'has been shut'), not a
    noun ('the closure', 'subject to approval'): a noun's actor is only read after 'by'."""
    word = words[start]
    if _is_past(word):
        return True
    if word.endswith(_NOUN_ENDINGS):
        return False  # 'subject to approval', 'the closure
    i = start - 1
    while i >= 0 and words[i] in ACTOR_GAP and words[i] not in _MODALS:
        i -= 1
    return i >= 0 and words[i] in _MODALS


def _cleft_actor(words: tuple[str, ...], start: int) -> tuple[int, int]:
    """'it was the deputy who signed': the focus before 'who'/'that' after 'it was'."""
    i = start - 1
    while i >= 0 and words[i] in PREDICATE_AUX:
        i -= 1
    if i < 0 or words[i] not in ("who", "that"):
        return (start, start)
    for j in range(i - 1, max(i - 1 - _PHRASE_WORDS - 1, -1), -1):
        if words[j] in ("was", "is", "were") and j > 0 and words[j - 1] == "it":
            return (j + 1, i)
    return (start, start)


def _imposed_actor(words: tuple[str, ...], start: int, joined: frozenset[int]) -> tuple[int, int]:
    """The actor of a noun that is the object of a verb imposing it ('the ministry ordered a
    halt', 'the council has imposed a temporary ban'): the verb's subject, or none."""
    for j in range(start - 1, max(start - 4, -1), -1):
        if words[j] in IMPOSING_VERBS:
            return _noun_phrase_before(words, j, actor=True, joined=joined)
        if words[j] not in _DETERMINERS and not _nominal(words[j], False):
            break  # only 'a temporary', 'the' between
    return (start, start)


def _controller(words: tuple[str, ...], start: int) -> int | None:
    """Where the verb or noun stands whose 'to' clause a predicate opens ('voted in February
    to close', 'the decision to close', and any past verb right before the 'to': 'it hoped
    to begin', 'the firm planned to open'), or None."""
    if start < 2 or words[start - 1] != "to":
        return None
    if _is_past(words[start - 2]) and words[start - 2] not in STOPWORDS:
        return start - 2
    for j in range(start - 2, max(start - 2 - _CONTROL_REACH, -1), -1):
        if words[j] in CONTROL_WORDS:
            return j
        if words[j] in _CLAUSE_BREAK or not (words[j].isalnum() or _gap(words[j])):
            return None
    return None


def _controlled_actor(words: tuple[str, ...], start: int) -> tuple[int, int] | None:
    """The actor of a 'to' clause its controller shares ('the court voted to close': the
    court; 'the decision to close ... was taken by its trustees': the trustees), or None
    when no controller stands before it."""
    j = _controller(words, start)
    if j is None:
        return None
    if _verbal(words, j) or (j > 0 and words[j - 1] not in _DETERMINERS):
        actor = _cleft_actor(words, j)
        return actor if actor[1] > actor[0] else _noun_phrase_before(words, j, actor=True)
    if j > 0 and _possessive(words[j - 1]):
        return _noun_phrase_before(words, j, actor=True)  # 'the board's decision to'
    return _by_actor(words, j + 1, nominal=True)


def _adjunct(words: tuple[str, ...], start: int, subject: tuple[int, int], verbal: bool) -> bool:
    """Whether a predicate is the verb right after an opening name and its apposition, or a
    participle later in its clause ('Ana Ruiz, the co-founder, will become chair, replacing
    Tom Hale'): the name is its actor."""
    if start < subject[1]:
        return False
    if verbal and all(map(_gap, words[subject[1] : start])):
        return True
    return not verbal and words[start].endswith("ing") and start > subject[1]


@lru_cache(maxsize=65536)
def predicates(
    words: tuple[str, ...],
    subject: tuple[int, int] | None = None,
    hyphenated: tuple[bool, ...] = (),
) -> tuple[Predicate, ...]:
    """Every predicate of a sentence's raw words, with actor, voice and polarity.

    ``subject``: (end of the opening name, end of its apposition) when the sentence opens
    'Amara Osei, the fund's co-founder, will ...': the name is the actor of a verb right after
    the apposition. ``hyphenated``: per word, joined to the next by a hyphen (an actor's
    compound modifier is read whole: 'two off-duty guides')."""
    joined = frozenset(j for i, h in enumerate(hyphenated) if h for j in (i, i + 1))
    spans = [s for s in phrase_spans(words) if not _denies_infinitive(words, s[0])]
    covered = {i for s, e, _ in spans for i in range(s, e)}
    for i, word in enumerate(words):
        if i in covered or word in STOPWORDS or _denies_infinitive(words, i):
            continue
        if _is_past(word) or _denies_infinitive(words, i - 2):
            spans.append((i, i + 1, ""))
    out: list[Predicate] = []
    starts = {s for s, _, _ in spans}
    for start, end, canon in sorted(spans):
        verb = words[start]
        if start and start - 1 in joined and words[start - 1] in _VERB_PREFIXES:
            start -= 1  # 're-marked', 'co-signed': the prefix is the verb's, no actor
        if canon == "stay" and end in starts:
            continue  # 'will stay open': the predicate is 'open'
        if canon == "suspend" and words[end : end + 1] in _PERSONS:
            canon = "detain"  # 'officers stopped him': a person stopped is held, not paused
        passive = (
            _passive(words, start)
            or (_is_past(verb) and _by_follows(words, end))  # 'proposed by', 'dug out by'
            or _reduced_relative(words, start, end)
        )
        actor = _cleft_actor(words, start)
        controlled = None if passive else _controlled_actor(words, start)
        if controlled is not None:
            actor = controlled
        elif actor[0] == actor[1]:
            verbal = _verbal(words, start)
            if subject and not passive and _adjunct(words, start, subject, verbal):
                actor = (0, subject[0])
            elif passive and verb in FEELING_PARTICIPLES:
                actor = (end, end)  # 'devastated by the ruling': a cause, not an actor
            elif passive or not verbal:
                actor = _by_actor(words, end, nominal=not passive, joined=joined)
                if not passive and actor[0] == actor[1]:
                    actor = _imposed_actor(words, start, joined)
            else:
                actor = _noun_phrase_before(words, start, actor=True, joined=joined)
                actor = _subject_before_relative(words, start, actor, joined)
        patient = (
            _noun_phrase_before(words, start, joined=joined)
            if passive
            else _noun_phrase_after(words, end, joined=joined)
        )
        if canon == "contained" and verb == "put" and head(words, patient) in _ISSUED:
            canon = "issue"  # 'the notice was put out by the council': issued, not extinguished
        out.append(
            Predicate(
                name=canon or stem(IRREGULAR_VERBS.get(verb, verb)),
                start=start,
                end=end,
                negated=_negated(words, start),
                passive=passive,
                actor=actor,
                patient=patient,
                lexical=bool(canon),
                verb=verb.lower(),
            )
        )
    return tuple(out)


_QUOTED_BEFORE = PREDICATE_AUX | PREDICATE_NEGATORS | {"to", "n't"}


# Classes whose action goes to someone ('awarded the contract to Brightwater', 'sold to').
_TRANSFERS = frozenset(("award", "sell", "appoint", "hand"))
# How far after such a predicate its 'to' may stand ('awarded the Harlow contract to').
_TO_REACH = 6


def recipient(words: tuple[str, ...], predicate: Predicate) -> tuple[int, int]:
    """Who a transfer goes to: the noun phrase after its 'to' ('was awarded to Kestrel
    Builders', 'handed the portfolio to Dominic Hale'); (end, end) when none is read."""
    none = (predicate.end, predicate.end)
    if predicate.name not in _TRANSFERS:
        return none
    if words[predicate.end - 1] == "to":
        return _noun_phrase_after(words, predicate.end)  # the set phrase 'handed to'
    for i in range(predicate.end, min(predicate.end + _TO_REACH, len(words) - 1)):
        if words[i] in _CLAUSE_BREAK:
            return none
        if words[i] == "to":
            return _noun_phrase_after(words, i + 1)
    return none


def quote_span(words: tuple[str, ...], predicate: Predicate) -> tuple[int, int]:
    """The predicate with the auxiliaries and negators before it: 'will stay open',
    'declined to sign'."""
    i = predicate.start
    while i > 0 and i - predicate.start > -4 and words[i - 1] in _QUOTED_BEFORE:
        i -= 1
    return i, predicate.end


def is_verb(words: tuple[str, ...], predicate: Predicate) -> bool:
    """Whether a predicate is used as a verb ('began', 'will close', '..., killing two'), not a
    noun ('a halt', 'the killing')."""
    word, before = words[predicate.start], words[predicate.start - 1 : predicate.start]
    if word.endswith("ing") and not (before and before[0] in _DETERMINERS):
        return True
    return _verbal(words, predicate.start)


def head(words: tuple[str, ...], span: tuple[int, int]) -> str:
    """The last word of a noun phrase: 'the Avon library' → library ("" for none)."""
    return stem(words[span[1] - 1]) if span[1] > span[0] else ""


def opposed(a: Predicate, b: Predicate) -> bool:
    """Opposite outcomes: antonymous classes of one polarity ('released' vs 'in custody'), or
    one class affirmed and denied ('will close' vs 'will not close')."""
    if not a.lexical or not b.lexical:
        return False
    if a.name == b.name:
        return a.negated != b.negated
    return b.name in OPPOSITES.get(a.name, frozenset()) and a.negated == b.negated


def agreeing(a: Predicate, b: Predicate) -> bool:
    """One outcome told both ways: an antonym denied ('neither has been recovered' ~ 'both
    are still missing', 'did not close' ~ 'stayed open')."""
    if not a.lexical or not b.lexical or a.name == b.name:
        return False
    return b.name in OPPOSITES.get(a.name, frozenset()) and a.negated != b.negated


def other_instance(words: tuple[str, ...], predicate: Predicate) -> bool:
    """Whether the clause of a predicate, up to it, is about another instance of its thing
    ('A similar notice in Alnwick in 2022 was lifted', 'another school will close'): its
    outcome is then no outcome of the story's own."""
    before = words[: predicate.start]
    breaks = [i for i, w in enumerate(before) if w in _CLAUSE_BREAK]
    clause = before[breaks[-1] + 1 :] if breaks else before
    return any(w in OTHER_INSTANCE_WORDS for w in clause)
