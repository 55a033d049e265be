"""Article-wide context: titles seen with names, and the sources suggested so far.

:class:`ArticleContext` is filled in body order; pronoun resolution
(:mod:`~verify.engine.attribution.resolve`) and source kinds
(:mod:`~verify.engine.attribution.kinds`) read it.
"""

from __future__ import annotations

from dataclasses import dataclass

from verify.engine import lexicon as lx
from verify.engine.attribution.roles import INSTITUTION_ENDINGS, OFFICES
from verify.engine.attribution.tokens import WORD, Tokens, strip_possessive
from verify.engine.vocabulary import SourceKind


def is_place(low: str) -> bool:
    """Whether a lower-cased phrase names a country, capital or institution."""
    return low in lx.COUNTRIES or low in lx.ORGANISATION_NOUNS


PERSONAL = frozenset({SourceKind.PERSON, SourceKind.OFFICIAL})
# The kinds "it" may stand for.
_THINGS = frozenset({SourceKind.ORGANISATION, SourceKind.OUTLET, SourceKind.DOCUMENT})


@dataclass(slots=True)
class Referent:
    """A source suggested earlier in the article, as pronouns see it."""

    name: str
    kind: str
    plural: bool


class ArticleContext:
    """Article-wide context: titles seen with names, and the sources suggested so far."""

    def __init__(self) -> None:
        self.officials: set[str] = set()
        self.personal: set[str] = set()  # full names introduced with a personal role
        self.organisations: set[str] = set()  # lower-cased names of organisations
        self.full_names: dict[str, str] = {}
        self.history: list[Referent] = []

    def remember_organisation(self, name: str) -> None:
        """Record an organisation's name, and the name without its institution ending ("Orrin
        Pharma", "Orrin"), so a later short reference is the organisation too."""
        words = [w for w in name.split() if w[:1].isupper() and w.lower() not in lx.DETERMINERS]
        if not words:
            return
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
                while j < toks.n and toks.caps[j] and toks.kinds[j] == WORD:
                    if toks.lows[j] in OFFICES or toks.lows[j] in lx.HONORIFICS:
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

    def resolve(self, pronoun: str) -> Referent | None:
        """The most recent compatible source for a pronoun, or None."""
        cls, _plural = lx.PRONOUNS[pronoun]
        for ref in reversed(self.history):
            if cls == "personal" and (
                (ref.kind in PERSONAL and not ref.plural)
                or (ref.kind == SourceKind.ANONYMOUS and not ref.plural)
            ):
                return ref
            if cls == "group" and (ref.plural or ref.kind == SourceKind.ORGANISATION):
                return ref
            if cls == "thing" and ref.kind in _THINGS:
                return ref
        return None
