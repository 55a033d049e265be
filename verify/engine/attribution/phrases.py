"""Noun phrases around a cue: how far a source mention reaches to the left or to the right.

:func:`scan_left` finds the first token of the phrase ending at a given token, :func:`scan_right`
the phrase starting at one; both stop at clause boundaries, verbs of saying and pronouns, keep
prepositional modifiers of sources ("officials familiar with the talks", "a lawyer for the
firm") and return ``None`` when the phrase cannot be a source (its head is neither a name,
a pronoun nor a noun for people, institutions, outlets or documents).
"""

from __future__ import annotations

from dataclasses import dataclass

from verify.engine import lexicon as lx
from verify.engine.attribution.roles import INSTITUTION_WORDS, NAME_PARTICLES
from verify.engine.attribution.tokens import (
    CLOSE,
    DAYS,
    OPEN,
    PUNCT,
    WORD,
    Tokens,
    is_adverb,
    strip_possessive,
)

PEOPLE_SUFFIXES = ("ists", "ers", "ians", "ors", "ants", "ents", "ives", "ites")


# Singular agent nouns ("a questioner", "the businessman"); "-er"/"-or" only when a cue follows.
PERSON_SUFFIXES = ("ist", "ian", "man", "woman", "er", "or")


APPOSITIVE_OPENERS = lx.DETERMINERS | lx.TITLES | frozenset({"who", "whose", "of", "which"})
# Of those, the ones that open an appositive a mention after its cue takes in ("said Jane Doe,
# of the institute,"): a relative clause there is not part of the name.
_RIGHT_APPOSITIVE_OPENERS = APPOSITIVE_OPENERS - {"who", "which"}


MAX_NP = 14


@dataclass(slots=True)
class Mention:
    """A noun phrase found as a source.

    ``first..last`` is the phrase that is classified; ``span_first..span_last`` the mention
    reported (a relative "who" reports itself but is classified by its antecedent); ``alt``
    an appositive name ("a lawyer for the firm, Jane Doe,").
    """

    first: int
    last: int
    span_last: int
    span_first: int = -1
    alt: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        if self.span_first < 0:
            self.span_first = self.first


# Words that join the parts of an institution's name ("Department for Culture, Media and Sport").
_NAME_LINKS = frozenset({"of", "for", "on", "and", "&"})


def whole_institution(toks: Tokens, m: Mention) -> Mention:
    """``m`` extended back over the start of an institution's name that a comma splits
    ("The Department for Culture, Media and Sport", "The Association of Secondary Teachers,
    Ireland"): a mention of capitalised words after a comma, after a capitalised name with an
    institution word (``INSTITUTION_WORDS``) opened by "the" or the sentence start."""
    if m.first < 2 or m.span_first != m.first or toks.low(m.first - 1) != ",":
        return m
    if not all(toks.caps[k] or toks.lows[k] in _NAME_LINKS for k in range(m.first, m.last + 1)):
        return m
    k = m.first - 2
    institution = False
    while k >= 0 and toks.is_word(k) and (toks.caps[k] or toks.lows[k] in _NAME_LINKS):
        if toks.lows[k] == "the":
            break
        institution = institution or toks.lows[k] in INSTITUTION_WORDS
        k -= 1
    start = k if k >= 0 and toks.lows[k] == "the" else k + 1
    if not institution or (start > 0 and toks.lows[start] != "the"):
        return m
    return Mention(start, m.last, m.span_last, start, m.alt)


def head_ok(toks: Tokens, i: int) -> bool:
    """Whether token i can end a source noun phrase (a name, pronoun or source noun)."""
    if not toks.is_word(i):
        return False
    low = strip_possessive(toks.lows[i])
    if toks.caps[i]:
        return low not in DAYS and low not in lx.LEADING_NOISE
    return (
        low in lx.PRONOUNS
        or low in lx.ANONYMOUS_NOUNS
        or low in lx.DOCUMENT_NOUNS
        or low in lx.ORGANISATION_NOUNS
        or low in lx.OUTLET_NOUNS
        or low in lx.TITLES
        or (low.endswith(PEOPLE_SUFFIXES) and len(low) > 5)
        or (low.endswith(PERSON_SUFFIXES) and len(low) > 5 and low not in lx.NOT_PEOPLE)
    )


def compound_modifier(toks: Tokens, i: int) -> bool:
    """Whether token i modifies the singular title or institution noun after it, next to a
    name or institution before it: "White House press secretary", "a Harlow appeals court"
    (a verb there would want a determiner before its object)."""
    prev, after = toks.low(i - 1), toks.low(i + 1)
    return (
        toks.is_word(i - 1)
        and (toks.caps[i - 1] or prev in lx.ORGANISATION_NOUNS)
        and toks.is_word(i + 1)
        and not toks.caps[i + 1]
        and not after.endswith("s")
        and (after in lx.TITLES or after in lx.ORGANISATION_NOUNS)
    )


def np_word_ok(toks: Tokens, i: int) -> bool:
    """Whether token i may sit inside a noun phrase being scanned."""
    if not toks.is_word(i):
        return False
    low = toks.lows[i]
    if toks.caps[i]:  # a sentence's first word: "What the inspectors said is …"
        return low not in lx.PRONOUNS and low not in lx.RELATIVE and low != "what"
    if low in lx.BOUNDARY or low in lx.PRONOUNS:
        return False
    if low in lx.CUE_FORMS and low not in lx.DOCUMENT_NOUNS | lx.ANONYMOUS_NOUNS:
        return compound_modifier(toks, i)  # "the county press secretary"
    return True


def prep_joins(toks: Tokens, left: int, right: int) -> bool:
    """Whether a preposition between tokens left and right stays inside the phrase."""
    if not (toks.is_word(left) and toks.is_word(right)):
        return False
    low = strip_possessive(toks.lows[left])
    return (
        toks.caps[left]
        or low in lx.ANONYMOUS_NOUNS
        or low in lx.DOCUMENT_NOUNS
        or (low in lx.TITLES or low in lx.ORGANISATION_NOUNS or low in lx.POSTMODIFIERS)
        or low in lx.DOCUMENT_PARTICIPLES
        or (low in lx.QUANTITY_NOUNS and toks.low(left + 1) == "of")
    )


def scan_left(toks: Tokens, end: int, floor: int = 0, *, someone: bool = False) -> int | None:
    """First token of the noun phrase ending at token ``end``; None when there is none.

    ``someone`` says the grammar already makes the phrase name someone (the antecedent of
    "who": "an architect who said"), so its head need not be a known source noun."""
    if not toks.is_word(end):
        return None
    if toks.lows[end] in lx.PRONOUNS:
        return end
    first = end
    i = end - 1
    while i >= floor and end - i < MAX_NP:
        low = toks.lows[i]
        if toks.texts[i] == ")":
            k = i - 1
            while k >= floor and toks.texts[k] != "(" and i - k < 8:
                k -= 1
            if k < floor or toks.texts[k] != "(":
                break
            first, i = k, k - 1
            continue
        if toks.texts[i] in ("-", "&", "/") and toks.is_word(i - 1):  # "a Post/ABC poll"
            i -= 1
            continue
        if low in lx.NP_PREPOSITIONS and toks.is_word(i):
            if low in lx.POSTMODIFIERS or prep_joins(toks, i - 1, i + 1):
                i -= 1
                continue
            break
        if low == "and" and toks.is_word(i):
            before = i - 1 if i > 0 else i
            if (toks.caps[before] and toks.caps[i + 1]) or (
                i > floor and not toks.caps[i + 1] and head_ok(toks, before)
            ):
                i -= 1  # "Trump and Clinton", "Companies and individuals", "Federal and state …"
                continue
            break
        if low == "on" and i > floor and toks.caps[i - 1] and toks.caps[i + 1]:
            i -= 1  # "the Commission on Presidential Debates"
            continue
        if low in _POSTMODIFIER_LINKS and toks.low(i - 1) in lx.POSTMODIFIERS and i > floor:
            i -= 1  # "people close to the minister", "an engineer briefed on the plans"
            continue
        if low == "to" and i > floor and _role_to(toks, i):
            i -= 1  # "an aide to Marsh", "a senior adviser to the president"
            continue
        if low == "on" and i > floor and _on_modifies(toks, i):
            i -= 1  # "firefighters on the ground", "officials on the committee"
            continue
        if not np_word_ok(toks, i):
            break
        first = i
        i -= 1
    first = trim_premodifiers(toks, first, end)
    if not someone and not head_ok(toks, end):
        # "officials familiar with the matter": the head sits before its modifier
        core = core_end(toks, first, end)
        if core == end or not (toks.caps[core] or head_ok(toks, core)):
            return None
    # drop leading connectives and time words ("But", "On Tuesday")
    while first < end and (
        toks.lows[first] in lx.LEADING_NOISE
        or toks.lows[first] in lx.NP_PREPOSITIONS
        or toks.texts[first] in ("(", "-")
    ):
        first += 1
    return first


def premodifier_ok(low: str) -> bool:
    """Whether a lower-case word may stand before a name ("former", "the", a title)."""
    return (
        low in lx.DETERMINERS
        or low in lx.TITLES
        or low in lx.PREMODIFIERS
        or low in lx.ANONYMOUS_NOUNS
        or low in lx.NP_PREPOSITIONS
        or low == "and"
    )


def _head_before_modifier(toks: Tokens, k: int) -> bool:
    """Whether lower-case token k heads the phrase before a modifier naming someone: "a report
    by the Federal Highway Institute", "guidelines from the Commission"."""
    low = strip_possessive(toks.lows[k])
    return (low in lx.DOCUMENT_NOUNS or low in lx.ORGANISATION_NOUNS) and toks.low(
        k + 1
    ) in lx.NP_PREPOSITIONS


def _inside_title(toks: Tokens, k: int, first: int) -> bool:
    """Whether lower-case token k sits inside a title of several words: "Chief financial
    officer Tom Hale", "deputy foreign minister" (a title word on either side)."""
    return (
        k > first
        and toks.low(k + 1) in lx.TITLES
        and (toks.lows[k - 1] in lx.TITLES or toks.lows[k - 1] in lx.PREMODIFIERS)
    )


def _role_to(toks: Tokens, k: int) -> bool:
    """Whether "to" at token k links a role to whom it serves ("an aide to Marsh", "advisers
    to the president"): a lower-case role word before it."""
    before = toks.low(k - 1)
    lower = not toks.caps[k - 1] or k - 1 == 0  # a sentence's first word is capitalised anyway
    return toks.is_word(k - 1) and lower and is_role(before)


def _in_particle_run(toks: Tokens, k: int) -> bool:
    """Whether token k is a name particle in a run of them between two capitalised words."""
    if toks.lows[k] not in NAME_PARTICLES:
        return False
    left, right = k - 1, k + 1
    while left >= 0 and toks.lows[left] in NAME_PARTICLES and not toks.caps[left]:
        left -= 1
    while right < toks.n and toks.lows[right] in NAME_PARTICLES and not toks.caps[right]:
        right += 1
    return left >= 0 and right < toks.n and toks.caps[left] and toks.caps[right]


def trim_premodifiers(toks: Tokens, first: int, end: int) -> int:
    """For a proper-name phrase, cut at the last lower-case word that cannot modify a name.

    "ensure Ukraine" -> "Ukraine", "the Geneva talks Ukraine" -> "Ukraine", while "the former
    secretary of state John Kerry" stays whole.
    """
    if not toks.caps[end]:
        return first
    for k in range(end - 1, first - 1, -1):
        if toks.lows[k] == "on" and k > first and toks.caps[k - 1] and toks.caps[k + 1]:
            continue  # inside a name: "Commission on Presidential Debates"
        if k > first and _in_particle_run(toks, k):
            continue  # "Bill de Blasio", "Jan van der Berg"
        if toks.lows[k] in _POSTMODIFIER_LINKS and toks.low(k - 1) in lx.POSTMODIFIERS:
            continue  # "sources close to Marsh" are not Marsh
        if toks.lows[k] == "to" and _role_to(toks, k):
            continue  # nor is "an aide to Marsh"
        if (
            toks.kinds[k] == WORD
            and not toks.caps[k]
            and not premodifier_ok(toks.lows[k])
            and not _inside_title(toks, k, first)
            and not _head_before_modifier(toks, k)
            and not compound_modifier(toks, k)
            and not (toks.lows[k] in lx.QUANTITY_NOUNS and toks.low(k + 1) == "of")
        ):
            return k + 1
        if (
            toks.kinds[k] == WORD
            and not toks.caps[k]
            and toks.lows[k] not in lx.DETERMINERS
            and k + 1 <= end
            and toks.caps[k + 1]
            and k > first
            and toks.caps[k - 1]
            and toks.lows[k] not in lx.NP_PREPOSITIONS
            and toks.lows[k] not in lx.TITLES  # "Clinton spokesman Brian Fell" stays whole
            and toks.lows[k] != "and"
        ):
            return k + 1  # "Geneva talks Ukraine": a lower-case noun between two names
    return first


def scan_right(toks: Tokens, begin: int) -> Mention | None:
    """The noun phrase starting at token ``begin`` (after "according to", inverted cues)."""
    possessor = toks.low(begin) in _POSSESSIVE_DETERMINERS and toks.is_word(begin + 1)
    if not toks.is_word(begin) or (
        not toks.caps[begin]
        and not possessor  # "according to its accounts", "citing his lawyer"
        and (toks.lows[begin] in lx.BOUNDARY or toks.lows[begin] in lx.NP_PREPOSITIONS)
    ):
        return None
    i = begin
    last = -1
    seen_cap = False
    document = False
    while i < toks.n and i - begin < MAX_NP:
        low = toks.lows[i]
        document = document or strip_possessive(low) in lx.DOCUMENT_NOUNS
        if document and i > begin and document_participle(toks, i):
            # "emails obtained by the Courier", "a trial published on Monday in the journal …"
            seen_cap = False
            last, i = i, i + 1
            while toks.is_word(i) and (toks.lows[i] in DAYS or toks.lows[i] in _TIME_LINKS):
                i += 1
            continue
        if not toks.is_word(i):
            if toks.texts[i] == "(":
                k = i + 1
                while k < toks.n and toks.texts[k] != ")" and k - i < 8:
                    k += 1
                if k < toks.n and toks.texts[k] == ")":
                    last, i = k, k + 1
                    continue
            if toks.texts[i] in ("-", "&", "/") and last == i - 1:  # "a Post/ABC poll"
                i += 1
                continue
            break
        if low in _POSTMODIFIER_LINKS and i > begin and toks.low(i - 1) in lx.POSTMODIFIERS:
            i += 1
            continue
        if low == "to" and i > begin and _role_to(toks, i):
            seen_cap = False
            i += 1  # "said an aide to Marsh"
            continue
        if low in lx.NP_PREPOSITIONS and i > begin:
            if low in lx.POSTMODIFIERS or prep_joins(toks, i - 1, i + 1):
                seen_cap = False
                i += 1
                continue
            break
        if low == "and" and i > begin:
            if toks.caps[i - 1] and toks.caps[min(i + 1, toks.n - 1)]:
                i += 1
                continue
            break
        if low in lx.RELATIVE or (
            not toks.caps[i] and low in lx.BOUNDARY and not (possessor and i == begin)
        ):
            break
        if low in lx.PRONOUNS:
            if i == begin:
                last = i
            break
        if low in lx.CUE_FORMS and not toks.caps[i] and low not in lx.DOCUMENT_NOUNS:
            break
        if not toks.caps[i] and seen_cap and not head_ok(toks, i) and low not in lx.PREMODIFIERS:
            break
        seen_cap = seen_cap or toks.caps[i]
        last = i
        i += 1
    # the head is the last word before any trailing preposition
    while last >= begin and (toks.lows[last] in lx.NP_PREPOSITIONS or not toks.is_word(last)):
        if toks.texts[last] == ")":
            break
        last -= 1
    if last < begin:
        return None
    head = last
    if toks.texts[head] == ")":
        head = begin
    if not head_ok(toks, head) and not head_ok(toks, core_end(toks, begin, last)):
        return None
    span_last = last
    # an appositive after a comma belongs to the mention: "said Jane Doe, of the institute,"
    if toks.low(last + 1) == "," and toks.low(last + 2) in _RIGHT_APPOSITIVE_OPENERS:
        k = last + 2
        while k < toks.n and toks.kinds[k] != PUNCT and toks.kinds[k] not in (OPEN, CLOSE):
            k += 1
        if k - last < 12 and (k >= toks.n or toks.texts[k] in (",", ".", ";")):
            span_last = k - 1
    return Mention(begin, last, span_last)


def _on_modifies(toks: Tokens, i: int) -> bool:
    """Whether "on" at token i opens a modifier of the people noun before it ("workers on
    the site"), not a time or a topic ("said on Monday", "data on prices")."""
    before = toks.low(i - 1)
    if strip_possessive(before) in lx.DOCUMENT_NOUNS and toks.is_word(i + 1):
        # "guidelines on AI models", "data on admissions"; not "the report on Monday"
        return toks.low(i + 1) not in DAYS and toks.low(i + 1) not in _TIME_LINKS
    return (
        toks.is_word(i - 1)
        and toks.low(i + 1) == "the"
        and (before in lx.ANONYMOUS_NOUNS or (before.endswith(PEOPLE_SUFFIXES) and len(before) > 5))
        and before not in lx.DOCUMENT_NOUNS
    )


_POSTMODIFIER_LINKS = frozenset({"on", "to", "about"})
_POSSESSIVE_DETERMINERS = frozenset({"its", "his", "her", "their", "our"})
_TIME_LINKS = frozenset({"on", "last", "this", "earlier", "week", "month", "year"})
PARTICIPLE_LINKS = frozenset(
    {"by", "in", "on", "at", "last", "this", "earlier", "from", "for", "with", "during", "to"}
)


def document_participle(toks: Tokens, i: int) -> bool:
    """Whether token i is a participle describing a document before it ("emails obtained by",
    "a report published in"): a lower-case form of the lexicon followed by its complement."""
    return (
        toks.is_word(i)
        and not toks.caps[i]
        and toks.lows[i] in lx.DOCUMENT_PARTICIPLES
        and toks.low(i + 1) in PARTICIPLE_LINKS
    )


def core_end(toks: Tokens, first: int, last: int) -> int:
    """Last token of the phrase's core, before a preposition opening its modifier."""
    for k in range(first + 1, last + 1):
        low = toks.lows[k]
        if (low == "on" and _on_modifies(toks, k)) or document_participle(toks, k):
            return k - 1
        if low in lx.NP_PREPOSITIONS and toks.kinds[k] == WORD:
            if low in ("of", "for", "on") and toks.caps[k - 1] and toks.caps[min(k + 1, last)]:
                continue
            if low == "of" and toks.lows[k - 1] in lx.QUANTITY_NOUNS:
                continue  # "a number of tax experts": the core is the people counted
            return k - 1
        if toks.texts[k] == "(":
            return k - 1
        if low == "to" and _role_to(toks, k):
            return k - 1  # "an aide to Marsh": the core is the aide
    return last


def is_role(low: str) -> bool:
    """Whether a lower-case word names a role or a kind of people ("professor", "aides")."""
    return (
        low in lx.TITLES
        or low in lx.ANONYMOUS_NOUNS
        or (low.endswith(PERSON_SUFFIXES) and len(low) > 5 and low not in lx.NOT_PEOPLE)
    )


def name_like(toks: Tokens, first: int, last: int) -> bool:
    """Whether tokens first..last are all capitalised words (a personal name)."""
    if last - first > 4 or last < first:
        return False
    return all(toks.caps[k] and toks.kinds[k] == WORD for k in range(first, last + 1))


def common_noun(toks: Tokens, i: int) -> bool:
    """Whether token i may be a lower-case noun ending a phrase ("architect", "surrogates"):
    a word that is no function word, cue, pronoun or adverb."""
    low = toks.low(i)
    return (
        toks.is_word(i)
        and not toks.caps[i]
        and low not in lx.BOUNDARY
        and low not in lx.DETERMINERS
        and low not in lx.AUXILIARIES
        and low not in lx.CUE_FORMS
        and low not in lx.LEADING_NOISE
        and low not in lx.PRONOUNS
        and not is_adverb(low)
    )


def antecedent_of_who(toks: Tokens, last: int) -> bool:
    """Whether the phrase ending at token ``last`` is the antecedent of "who" ("an architect
    who said", "the architect, who said"): the relative makes it name someone."""
    k = last + 1 + (toks.low(last + 1) == ",")
    return toks.low(k) == "who" and common_noun(toks, last)
