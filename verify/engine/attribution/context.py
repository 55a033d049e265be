"""Article-wide context: titles seen with names, and the sources suggested so far.

:class:`ArticleContext` is filled in body order; pronoun resolution
(:mod:`~verify.engine.attribution.resolve`) and source kinds
(:mod:`~verify.engine.attribution.kinds`) read it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

from verify.engine import lexicon as lx
from verify.engine.attribution.roles import (
    GENERIC_ORGANISATIONS,
    GENERIC_OUTLETS,
    INSTITUTION_ENDINGS,
    NAME_PARTICLES,
    OFFICES,
)
from verify.engine.attribution.tokens import WORD, Tokens, strip_possessive
from verify.engine.vocabulary import SourceKind


def is_place(low: str) -> bool:
    """Whether a lower-cased phrase names a country, capital or institution."""
    return low in lx.COUNTRIES or low in lx.ORGANISATION_NOUNS


def is_own(name: str, own: str | None) -> bool:
    """Whether an outlet's name is the article's own outlet: the same name without "the"
    ("Harbour Gazette" for "The Harbour Gazette"), or its last word when either is a single
    word ("the Ledger" for "Daily Ledger"; "New York Times" is not "Lakeside Times")."""
    a, b = _words(name), _words(own or "")
    if not a or not b:
        return False
    return a == b or ((len(a) == 1 or len(b) == 1) and a[-1] == b[-1])


def _words(name: str) -> list[str]:
    words = [strip_possessive(w.lower().strip("’'")) for w in name.split()]
    return words[1:] if words[:1] == ["the"] else words


PERSONAL = frozenset({SourceKind.PERSON, SourceKind.OFFICIAL})
# The kinds "it" may stand for.
_THINGS = frozenset({SourceKind.ORGANISATION, SourceKind.OUTLET, SourceKind.DOCUMENT})


@dataclass(slots=True)
class Referent:
    """A source suggested earlier in the article, as pronouns see it."""

    name: str
    kind: str
    plural: bool
    gender: str | None = None  # "f" or "m" where the text gives it
    roles: frozenset[str] = frozenset()  # the mention's role words ("finance", "minister")


class ArticleContext:
    """Article-wide context: titles seen with names, and the sources suggested so far."""

    def __init__(self) -> None:
        self.officials: set[str] = set()
        self.personal: set[str] = set()  # full names introduced with a personal role
        self.organisations: set[str] = set()  # lower-cased names of organisations
        self.full_names: dict[str, str] = {}
        self.history: list[Referent] = []
        self.genders: dict[str, str] = {}  # a source's gender, once the text gives it
        # the newsroom's own outlet: the article's Outlet field, else what its furniture names
        # (:func:`~verify.engine.attribution.newsroom.own_outlet`)
        self.own: str | None = None

    def is_own(self, name: str) -> bool:
        """Whether an outlet's name names the newsroom itself (:func:`is_own`)."""
        return is_own(name, self.own)

    def known_outlet(self, name: str) -> bool:
        """Whether a name is the newsroom's or an outlet suggested before, by its last word
        ("the Ledger" after "the Daily Ledger")."""
        if not name:
            return False
        last = name.split()[-1].lower()
        return self.is_own(name) or any(
            ref.kind == SourceKind.OUTLET and ref.name.split()[-1].lower() == last
            for ref in self.history
        )

    def remember_organisation(self, name: str) -> None:
        """Record an organisation's name, and the name without its institution ending ("Orrin
        Pharma", "Orrin"), so a later short reference is the organisation too."""
        words = [w for w in name.split() if w.lower() not in lx.DETERMINERS]
        if not words or not all(
            w[:1].isupper() or w.lower() in ("of", "for", "and") for w in words
        ):
            return  # not a proper name ("the Trump administration", "the company")
        self.organisations.add(" ".join(words).lower())
        if len(words) > 1 and words[-1].lower() in INSTITUTION_ENDINGS:
            self.organisations.add(" ".join(words[:-1]).lower())

    def learn_titles(self, toks: Tokens) -> None:
        """Record "Title First Last" names so later bare surnames count as officials."""
        i = 0
        while i < toks.n:
            if toks.lows[i] in OFFICES and toks.kinds[i] == WORD:
                j = i + 1
                names: list[str] = []
                while j < toks.n and toks.kinds[j] == WORD:
                    if not toks.caps[j]:
                        particle = toks.lows[j] in NAME_PARTICLES and j + 1 < toks.n
                        if not (names and particle and toks.caps[j + 1]):
                            break  # "Jan de Boer" goes on past "de"
                        names.append(toks.texts[j])
                    elif toks.lows[j] in OFFICES or toks.lows[j] in lx.HONORIFICS:
                        names = []
                    else:
                        names.append(strip_possessive(toks.texts[j]))
                    j += 1
                if names and not is_place(" ".join(names).lower()):
                    self.remember(" ".join(names), official=True)
                i = j
            else:
                i += 1

    def remember(self, name: str, *, official: bool) -> None:
        """Record a personal name (and, for officials, its surname; else, as speaking for
        themselves) for later mentions."""
        parts = name.split()
        if official:
            self.officials.add(name)
            self.officials.add(parts[-1])
        elif name not in self.officials:
            self.personal.add(name)
        if len(parts) > 1:
            self.full_names.setdefault(parts[-1], name)

    def mention(self, ref: Referent) -> None:
        """Record a source of the current sentence (in suggestion order: the relay last, so
        it is the nearest antecedent of the next sentence's pronoun)."""
        gender = ref.gender or self.genders.get(ref.name)
        if gender is not None:
            self.genders[ref.name] = gender
        self.history.append(Referent(ref.name, ref.kind, ref.plural, gender, ref.roles))

    def resolve(self, pronoun: str, sentence: Sequence[Referent] = ()) -> Referent | None:
        """The most recent compatible source for a pronoun, or None: the sentence's own sources
        before it first ("Holm said he would…"), then the article's; by number, by gender where
        the text gives it ("she" skips a source known to be a man), by kind ("it" a thing)."""
        cls, _plural = lx.PRONOUNS[pronoun]
        wanted = {"he": "m", "she": "f"}.get(pronoun)
        for ref in chain(reversed(sentence), reversed(self.history)):
            if cls == "personal" and (
                (ref.kind in PERSONAL and not ref.plural)
                or (ref.kind == SourceKind.ANONYMOUS and not ref.plural)
            ):
                gender = self.genders.get(ref.name, ref.gender)
                if wanted is not None and gender is not None and gender != wanted:
                    continue
                if wanted is not None:
                    self.genders[ref.name] = wanted
                return ref
            if cls == "group" and (ref.plural or ref.kind == SourceKind.ORGANISATION):
                return ref
            if cls == "thing" and ref.kind in _THINGS:
                return ref
        return None

    def resolve_reference(self, head: str, kind: str) -> Referent | None:
        """The source a short definite reference ("the company", "the agency", "the paper",
        "the diplomats", "the minister") stands for: the most recent one of its kind whose name
        has the same head noun (an official whose title had it, for a title); for a generic
        noun ("the company", "the paper"), the most recent organisation with a proper name, or
        outlet. None when nothing fits."""
        singular = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
        titled = kind == SourceKind.ANONYMOUS and head in OFFICES  # "the minister said"
        for ref in reversed(self.history):
            if titled and ref.kind == SourceKind.OFFICIAL and head in ref.roles:
                return ref
            if ref.kind != kind:
                continue
            words = ref.name.lower().split()
            if head in words or singular in words or (singular + "s") in words:
                return ref
            if ref.kind == SourceKind.OUTLET and head in GENERIC_OUTLETS:
                return ref
            if (
                ref.kind == SourceKind.ORGANISATION
                and head in GENERIC_ORGANISATIONS
                and ref.name[:1].isupper()
                and not is_place(ref.name.lower())
            ):
                return ref
        return None
