"""Classifying a source mention into the registry's kinds and naming it.

:func:`classify` returns a :class:`SourceClass` (``outlet``, ``organisation``, ``document``,
``anonymous``, ``official``, ``person``, or ``pronoun`` for the caller to resolve) from small
lexicons and capitalisation, or ``None`` when the phrase is not a source. A bare surname takes
the full name and the title seen earlier in the article.
"""

from __future__ import annotations

from dataclasses import dataclass

from verify.engine import lexicon as lx
from verify.engine.attribution.context import ArticleContext, is_place
from verify.engine.attribution.phrases import (
    PEOPLE_SUFFIXES,
    PERSON_SUFFIXES,
    Mention,
    antecedent_of_who,
    core_end,
)
from verify.engine.attribution.roles import (
    GENERIC_ORGANISATIONS,
    INSTITUTION_ENDINGS,
    INSTITUTION_WORDS,
    NAME_PARTICLES,
    OFFICE_VERBS,
    OFFICES,
    PERSONAL_ROLES,
    role_kind,
)
from verify.engine.attribution.tokens import NUM, POSSESSIVE_RE, WORD, Tokens, strip_possessive
from verify.engine.vocabulary import SourceKind

# The kind of a pronoun's class until it is resolved to a source (``resolve_pronoun``).
PRONOUN = "pronoun"
SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople"})


@dataclass(slots=True)
class SourceClass:
    """The kind and display name of a mention (``pronoun`` set while still unresolved)."""

    kind: SourceKind | str  # a SourceKind, or PRONOUN while unresolved
    name: str
    plural: bool
    pronoun: str | None = None


def classify(toks: Tokens, m: Mention, article: ArticleContext) -> SourceClass | None:
    """The kind and name of mention ``m``, or None when it is not a source."""
    core_last = core_end(toks, m.first, m.last)
    words = [
        strip_possessive(toks.texts[k])
        for k in range(m.first, core_last + 1)
        if toks.kinds[k] in (WORD, NUM)
    ]
    if not words:
        return None
    lows = [w.lower().replace("’", "'") for w in words]
    if len(words) == 1 and lows[0] in _POSSESSIVE_PRONOUNS:  # "his claim that …"
        lows = [_POSSESSIVE_PRONOUNS[lows[0]]]
    if len(words) == 1 and lows[0] in lx.PRONOUNS:
        return SourceClass(PRONOUN, words[0], lx.PRONOUNS[lows[0]][1], pronoun=lows[0])
    head = lows[-1]
    bare = [w for w, lo in zip(words, lows, strict=True) if lo not in lx.DETERMINERS]
    bare_low = " ".join(bare).lower()
    full_text = phrase_text(toks, m.first, m.last)
    plural = (
        (head.endswith("s") and not head.endswith("ss")) or head in lx.PLURAL_WORDS
    ) or "and" in lows
    # a trailing run of capitalised non-title words is a name; a sentence's first word is
    # capitalised anyway ("Traders at a fund said", "Residents say")
    common_first = m.first == 0 and (
        lows[0] in PERSONAL_ROLES
        or lows[0] in lx.ANONYMOUS_NOUNS
        or (lows[0].endswith(PEOPLE_SUFFIXES) and toks.low(m.first + 1) in ("at", "from", "in"))
    )
    name_words: list[str] = []
    for k in range(len(words) - 1, -1, -1):
        w, lo = words[k], lows[k]
        if lo in NAME_PARTICLES and name_words and k > 0 and words[k - 1][:1].isupper():
            name_words.insert(0, w)  # "Jan de Boer"
            continue
        if not w[:1].isupper() or lo in OFFICES or lo in lx.HONORIFICS:
            break
        if name_words and lo in PERSONAL_ROLES:
            break  # "Headteacher Ruth Kane", "Patient Tom Wells"
        if k == 0 and common_first:
            break
        if lo in lx.DETERMINERS or (k > 0 and lows[k - 1] == "of" and name_words):
            break
        name_words.insert(0, w)
    name = " ".join(name_words)
    name_low = name.lower()
    if (
        bare_low in lx.OUTLETS
        or "the " + bare_low in lx.OUTLETS
        or name_low in lx.OUTLETS
        or (name_low.startswith("the ") and name_low[4:] in lx.OUTLETS)
        or (len(name_words) >= 2 and head in lx.OUTLET_SUFFIXES and not is_place(name_low))
        or (len(name_words) == 1 and lows[0] == "the" and head in lx.OUTLET_SUFFIXES)
        or (head in lx.OUTLET_NOUNS and lows[0] == "the" and len(lows) <= 3)
        or (name_words and any(lo in lx.OUTLET_NOUNS for lo in lows[: -len(name_words)]))
        or (len(name_words) == len(words) and _outlet_before(toks, m))
    ):
        return SourceClass(SourceKind.OUTLET, name or full_text, False)
    if name_words and article.known_outlet(name):  # "the Ledger", named as an outlet before
        return SourceClass(SourceKind.OUTLET, name, False)
    if is_place(bare_low) or is_place(name_low) or is_place(head):
        return SourceClass(SourceKind.ORGANISATION, full_text, False)
    # "Commission spokesman Lars Mertens": an office right before the name makes it a person's,
    # whatever institution the words before it name
    titled = 0 < len(name_words) < len(words) and lows[-len(name_words) - 1] in OFFICES
    if (name_words and not titled) and (
        _described_before(toks, m, len(name_words) == len(words))
        or head in INSTITUTION_ENDINGS
        or name_low in article.organisations
        or any(w.lower() in INSTITUTION_WORDS for w in words if w[:1].isupper())
        or _described_as_institution(lows, len(name_words))
    ):
        return SourceClass(SourceKind.ORGANISATION, full_text, False)
    if head in lx.DOCUMENT_NOUNS and not words[-1][:1].isupper():
        return SourceClass(SourceKind.DOCUMENT, full_text, plural)
    if head in SPOKES and not name_words:  # an unnamed spokesperson speaks for the body
        return SourceClass(SourceKind.ORGANISATION, full_text, False)
    if _institution_in_place(lows, len(name_words)):  # "a labour court in Milan"
        return SourceClass(SourceKind.ORGANISATION, full_text, False)
    if head in lx.ANONYMOUS_NOUNS or (
        not name_words
        and (
            head in lx.TITLES
            or head.endswith(PEOPLE_SUFFIXES)
            or (head.endswith(PERSON_SUFFIXES) and len(head) > 5 and head not in lx.NOT_PEOPLE)
        )
    ):
        return SourceClass(SourceKind.ANONYMOUS, full_text, plural)
    if head in lx.DOCUMENT_NOUNS:
        return SourceClass(SourceKind.DOCUMENT, full_text, plural)
    if _institution_name(words, lows):
        return SourceClass(SourceKind.ORGANISATION, full_text, False)
    if name_words:
        if len(name_words) == 1 and name.isupper() and len(name) <= 6:
            return SourceClass(SourceKind.ORGANISATION, name, False)
        full = article.full_names.get(name, name) if len(name_words) == 1 else name
        described = _appositive_kind(toks, m)
        whole_name = len(name_words) == len(words) - (lows[0] == "the")
        if described == SourceKind.ORGANISATION and whole_name:
            return SourceClass(SourceKind.ORGANISATION, full_text, False)
        if len(name_words) == 1 and name not in article.full_names and _speaks_as_body(toks, m):
            # "Veldstra said in a statement"
            return SourceClass(SourceKind.ORGANISATION, name, False)
        role = role_kind(lows[: len(lows) - len(name_words)]) or described
        known = full in article.officials or name in article.officials
        if role is None and full in article.personal:
            role = SourceKind.PERSON
        official = role == SourceKind.OFFICIAL or (role is None and known)
        kind = SourceKind.OFFICIAL if official else SourceKind.PERSON
        return SourceClass(kind, full, plural and "and" in lows)
    if antecedent_of_who(toks, m.last):  # "an architect who said": "who" names someone
        return SourceClass(SourceKind.ANONYMOUS, full_text, plural)
    return None


def _described_as_institution(lows: list[str], named: int) -> bool:
    """ "the regulator Ofwat", "riders' union Filt", "the charity Riverside Relief": an
    institution noun right before the name."""
    at = len(lows) - named - 1
    if named == 0 or at < 0:
        return False
    low = lows[at]
    return low in INSTITUTION_WORDS or low in GENERIC_ORGANISATIONS or low in _DESCRIBED


def _described_before(toks: Tokens, m: Mention, whole_name: bool) -> bool:
    """ "the regulator Ofwat", "the charity Riverside Relief" where the mention is the name
    alone: the institution noun just before it."""
    if not whole_name or m.first == 0:
        return False
    low = strip_possessive(toks.lows[m.first - 1])
    return not toks.caps[m.first - 1] and (
        low in INSTITUTION_WORDS or low in GENERIC_ORGANISATIONS or low in _DESCRIBED
    )


def _outlet_before(toks: Tokens, m: Mention) -> bool:
    """ "the Dutch newspaper Amstelbode", "the broadcaster RTV": an outlet noun just before a
    mention that is the name alone."""
    return (
        m.first > 0
        and not toks.caps[m.first - 1]
        and strip_possessive(toks.lows[m.first - 1]) in lx.OUTLET_NOUNS
    )


# Institution nouns that describe a name without being one of its words.
_DESCRIBED = frozenset({"charity", "regulator", "watchdog", "operator", "broadcaster", "insurer"})


def _institution_in_place(lows: list[str], named: int) -> bool:
    """ "a labour court in Milan", "the council at Eastgate": an institution noun before a
    place name (the name is the place, not the source)."""
    at = len(lows) - named - 1
    return (
        named > 0
        and at >= 1
        and lows[at] in ("in", "at")
        and (lows[at - 1] in INSTITUTION_WORDS or lows[at - 1] in lx.ORGANISATION_NOUNS)
    )


def _appositive_kind(toks: Tokens, m: Mention) -> SourceKind | None:
    """What an appositive after a name says it is: "Jane Doe, a spokeswoman for the UN," an
    official; "Norvik Foods, the Danish dairy group," an organisation; otherwise None."""
    if toks.low(m.last + 1) == "," and toks.low(m.last + 2) == "who":
        # "Jane Doe, who chairs the trust,": an office held
        return SourceKind.OFFICIAL if toks.low(m.last + 3) in OFFICE_VERBS else None
    if m.span_last <= m.last + 1 or toks.low(m.last + 1) != ",":
        return None
    first = m.last + 2
    head = core_end(toks, first, m.span_last)
    while head > first and not toks.is_word(head):
        head -= 1
    low = toks.lows[head]
    if toks.caps[head]:
        return None  # another name ("…, Jane Doe,")
    if low in lx.ORGANISATION_NOUNS or low in lx.CORPORATE_SUFFIXES:
        return SourceKind.ORGANISATION
    return role_kind(toks.lows[k] for k in range(first, head + 1))


# Tokens after a bare name that show an institution speaking as a body.
_BODY_STATEMENT = 6


def _speaks_as_body(toks: Tokens, m: Mention) -> bool:
    """Whether the name speaks "in a statement", before or after it (companies and agencies
    do; a person so introduced has been named in full before)."""
    end = min(toks.n, m.span_last + 1 + _BODY_STATEMENT)
    before = max(1, m.first - _BODY_STATEMENT)  # "In a statement, Hallworth said"
    return any(
        toks.lows[k] == "statement" and toks.lows[k - 1] in ("a", "an", "emailed", "written")
        for k in [*range(before, m.first), *range(m.span_last + 2, end)]
    )


_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}
_INSTITUTION_LINKS = frozenset({"of", "for", "on"})


def _institution_name(words: list[str], lows: list[str]) -> bool:
    """ "Centers for Disease Control and Prevention", "Commission on Presidential Debates": a
    capitalised name with an inner "of"/"for"/"on", not opened by a title or an honorific
    ("Secretary of State Marco Rubio" is a person)."""
    caps = [i for i, w in enumerate(words) if w[:1].isupper()]
    if len(caps) < 2 or lows[caps[0]] in lx.TITLES or lows[caps[0]] in lx.HONORIFICS:
        return False
    if any(lo in lx.TITLES or lo in lx.HONORIFICS for lo in lows):
        return False
    return any(
        lows[i] in _INSTITUTION_LINKS and words[i - 1][:1].isupper() and words[i + 1][:1].isupper()
        for i in range(caps[0] + 1, len(words) - 1)
    )


def phrase_text(toks: Tokens, first: int, last: int) -> str:
    """The phrase as a name: possessive dropped, a capitalised leading article lower-cased."""
    texts = toks.texts[first : last + 1]
    if len(texts) > 1 and texts[0].lower() in lx.DETERMINERS:
        texts = [texts[0].lower(), *texts[1:]]
    raw = " ".join(texts).replace(" , ", ", ")  # "Department for Culture, Media and Sport"
    return POSSESSIVE_RE.sub("", raw) if raw.endswith(("'s", "’s")) else raw
