"""Whether a cue verb reports something: only sources, not the subjects of actions and plans.

A subject is a source when its verb passes on information. Verbs of saying do so on their own
("X said the plan was dead", "X announced a recall"); every other cue verb — requests,
reactions, intentions, refusals ("asked for a sentence", "welcomed the decision", "called for
calm", "wants to build") — does so only when reported content follows it: a clause marker
("that", "whether", a colon), a quotation, "as" ("dismissed the report as speculation"), or a
bare clause ("complained they had been sent"), possibly after an object ("asked the minister
whether …") or an adjunct ("said in a statement that …"). The same verbs set off as a
parenthetical ("…, she complained.") report the clause before them.

Whatever the verb, a negated cue ("did not respond to a request for comment", "would not
confirm"), a refusal ("declined to comment") and a plan ("will publish", "would retaliate") are
facts about the subject, not its claim, unless they introduce content explicitly ("did not
deny that …", "will say only that …").

:func:`reports_content` is the one test; it reads tokens only and classifies nothing.
"""

from __future__ import annotations

from verify.engine import lexicon as lx
from verify.engine.attribution.tokens import CLOSE, DASHES, DAYS, OPEN, PUNCT, Tokens, is_adverb

# Prepositions that open an adjunct between a cue and its content: "said in a statement that",
# "told reporters on Tuesday that", "wrote on social media:".
_ADJUNCT_PREPOSITIONS = frozenset({"in", "on", "at", "to", "during", "via", "over", "through"})
_TIME_WORDS = frozenset({"last", "this", "earlier", "later", "week", "month", "year", "today"})
# Words that end an object before its content could follow ("asked for", "called on").
_OBJECT_STOPS = frozenset({"to", "for", "and", "but", "or", "with", "against", "after"})
_MAX_ADJUNCT = 6
_MAX_OBJECT = 7
# What opens content after an object: "when", "who" there begin a relative or a time clause
# ("ruled out a recount when pressed"), "as" a description ("dismissed the report as …").
_AFTER_OBJECT = frozenset({"that", "whether", "how", "why", ":", "as"})
_CLAUSE_END = frozenset({".", ",", ";", "!", "?", ")"})


def _skip_adjuncts(toks: Tokens, k: int) -> int:
    """The first token after adverbs, day names and a short prepositional adjunct at k."""
    while k < toks.n:
        low = toks.lows[k]
        if toks.is_word(k) and (is_adverb(low) or low in DAYS or low in _TIME_WORDS):
            k += 1
            continue
        if toks.is_word(k) and low in _ADJUNCT_PREPOSITIONS:
            j = k + 1
            while j < toks.n and j - k <= _MAX_ADJUNCT and toks.is_word(j):
                if toks.lows[j] in lx.CONTENT_OPENERS:
                    break
                j += 1
            if j < toks.n and j - k <= _MAX_ADJUNCT and _opens_content(toks, j):
                return j
        break
    return k


def _opens_content(toks: Tokens, k: int) -> bool:
    """Whether token k opens reported content: a clause marker, a colon or a quotation."""
    if k >= toks.n:
        return False
    if toks.kinds[k] == OPEN or toks.lows[k] in lx.CONTENT_OPENERS:
        return True
    return toks.texts[k] == "," and k + 1 < toks.n and toks.kinds[k + 1] == OPEN


def _content_after(toks: Tokens, last: int, *, explicit: bool) -> bool:
    """Whether reported content follows the cue ending at token ``last``.

    ``explicit`` asks for a marker (a clause opener, a quotation or "as" after an object);
    otherwise a bare clause also counts ("complained they had been sent").
    """
    k = _skip_adjuncts(toks, last + 1)
    if _opens_content(toks, k):
        return toks.low(k + 1) != "to"  # "deciding whether to appeal" is not a report
    j = k
    while (
        j < toks.n
        and j - k < _MAX_OBJECT
        and toks.is_word(j)
        and toks.lows[j] not in _OBJECT_STOPS
        and toks.lows[j] not in lx.CONTENT_OPENERS
        and toks.lows[j] not in lx.FINITE_AUXILIARIES
        and toks.lows[j] != "as"
    ):
        j += 1
    if j == k or j >= toks.n:
        return False
    low = toks.lows[j]
    if low in _AFTER_OBJECT or toks.kinds[j] == OPEN or (low == "," and _opens_content(toks, j)):
        return toks.low(j + 1) != "to"  # "asked the minister whether …", "called it “a sham”"
    return not explicit and low in lx.FINITE_AUXILIARIES and toks.is_word(j)


def _addressee_then_infinitive(toks: Tokens, last: int) -> bool:
    """Whether an addressee and an infinitive follow the cue ending at ``last``: "asked the
    court to dismiss", "appealed to residents to stay"."""
    k = last + 1
    if toks.low(k) == "to":  # "appealed to residents"
        k += 1
    j = k
    while (
        j < toks.n
        and j - k < _MAX_OBJECT
        and toks.is_word(j)
        and toks.lows[j] != "to"
        and toks.lows[j] not in _OBJECT_STOPS
        and toks.lows[j] not in lx.CONTENT_OPENERS
        and toks.lows[j] not in lx.FINITE_AUXILIARIES
    ):
        j += 1
    return j > k and toks.low(j) == "to" and toks.is_word(j + 1) and toks.low(j + 1) != "the"


def _calls_an_event(toks: Tokens, k: int) -> bool:
    """Whether the object at token k of "call" is an event it convenes ("a strike", "an early
    election", "the police"), not something it characterises ("the plan a disgrace", "the vote
    a sham", "the inquiry “a waste of money”")."""
    j = k
    while j < toks.n and j - k < 3 and toks.is_word(j) and toks.lows[j] not in lx.CALLED_EVENTS:
        if toks.caps[j]:
            return False
        j += 1
    if toks.low(j) not in lx.CALLED_EVENTS:
        return False
    after = j + 1
    return not (after < toks.n and (toks.kinds[after] == OPEN or toks.lows[after] in ("a", "an")))


def in_fronted_clause(toks: Tokens, cue_first: int, cue_last: int, stop: int) -> bool:
    """Whether the cue at tokens cue_first..cue_last sits in an adverbial clause opening the
    sentence ("As Clinton talked about …,", "When the mayor said …,") that a comma ends before
    token ``stop``: the main clause after it is not what the cue reports, nor its relay."""
    k = 0
    while k < toks.n and (not toks.is_word(k) or toks.lows[k] in ("even", "but", "and")):
        k += 1
    if toks.low(k) not in lx.FRONTED_OPENERS or k >= cue_first:
        return False
    return any(toks.texts[j] == "," for j in range(cue_last + 1, stop))


def parenthetical(toks: Tokens, span_first: int, last: int) -> bool:
    """Whether "subject + cue" is set off after the clause it reports: "…, she complained.",
    or a comment clause "…, as a memo put it."."""
    before = span_first - 1
    if toks.low(before) == "as":
        before -= 1
    if before < 0 or not (
        toks.texts[before] in (",", ":")
        or toks.texts[before] in DASHES
        or toks.kinds[before] == CLOSE
    ):
        return False
    k = last + 1
    while k < toks.n and toks.is_word(k) and (is_adverb(toks.lows[k]) or toks.lows[k] in DAYS):
        k += 1
    return k >= toks.n or (toks.kinds[k] == PUNCT and toks.texts[k] in _CLAUSE_END)


def reports_content(
    toks: Tokens, aux: int, verb: int, last: int, base: str, span_first: int
) -> bool:
    """Whether the cue verb ``base`` (auxiliaries from ``aux``, verb at ``verb``, particle up to
    ``last``) reports what its subject said, thought or found, rather than something it did,
    will do or would not do. ``span_first`` is the first token of the subject mention (-1 when
    the subject is not known yet: a participle or a second verb after "and").
    """
    chain = toks.lows[aux:verb]
    if any(low in lx.REFUSAL_FORMS for low in chain):
        return False  # "declined to comment", "refused to say whether"
    if any(low in lx.NEGATIONS for low in chain):
        # "did not respond", "has not said when": a refusal; "did not deny that …" reports.
        # A negated belief is still a stance ("he doesn't think so"), but not knowing whether
        # something is so tells nothing ("did not know whether the plant would close").
        opener = toks.low(_skip_adjuncts(toks, last + 1))
        if base not in lx.BELIEF_VERBS or opener in ("whether", "if"):
            return opener == "that"
    if any(low in lx.MODALS for low in chain):
        # "will publish guidance" is a plan; "will say in her speech that …" reports
        return base in lx.SAYING_VERBS and _content_after(toks, last, explicit=True)
    if base in lx.REFUSAL_VERBS:
        return False  # "Whitcombe refused."
    if toks.low(last + 1) == "nothing":
        return False  # "the teachers said nothing" is a refusal too
    after = _skip_adjuncts(toks, last + 1)
    if toks.low(after) == "not" and toks.low(after + 1) == "to":
        return False  # "asked not to be named"
    k = last + 1
    while toks.is_word(k) and is_adverb(toks.lows[k]):
        k += 1
    if base in lx.INTENTION_VERBS and toks.low(k) == "to":
        return False  # "threatened to retaliate", "agreed to buy": a plan, not a claim
    if base == "call" and last == verb and _calls_an_event(toks, last + 1):
        return False  # "called a strike", "has called an election": an action
    if base not in lx.CONTENT_ONLY_VERBS:
        return True
    if (
        base in lx.DIRECTIVE_VERBS
        and toks.low(aux - 1) not in ("and", "or")  # "would cap … and ask": the plan's modal
        and _addressee_then_infinitive(toks, last)
    ):
        return True  # a request is the subject's statement of what others should do
    if span_first >= 0 and parenthetical(toks, span_first, last):
        return True
    return _content_after(toks, last, explicit=False)
