"""Article-wide context: names seen with titles, and pronouns resolved to earlier sources.

:class:`ArticleContext` is filled in body order; :func:`resolve_pronoun` maps "he", "they",
"it" to the most recent compatible source suggested before, falling back to an unnamed kind.
"""

from __future__ import annotations

from dataclasses import dataclass

from verify import lexicon as lx
from verify.attribution.kinds import SourceClass, is_place
from verify.attribution.tokens import WORD, Tokens, strip_possessive

PERSONAL = frozenset({"person", "official"})


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
        self.full_names: dict[str, str] = {}
        self.history: list[Referent] = []

    def learn_titles(self, toks: Tokens) -> None:
        """Record "Title First Last" names so later bare surnames count as officials."""
        i = 0
        while i < toks.n:
            if toks.lows[i] in lx.TITLES and toks.kinds[i] == WORD:
                j = i + 1
                names: list[str] = []
                while j < toks.n and toks.caps[j] and toks.kinds[j] == WORD:
                    if toks.lows[j] in lx.TITLES or toks.lows[j] in lx.HONORIFICS:
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
        """Record a personal name (and, for officials, its surname) for later mentions."""
        parts = name.split()
        if official:
            self.officials.add(name)
            self.officials.add(parts[-1])
        if len(parts) > 1:
            self.full_names.setdefault(parts[-1], name)

    def resolve(self, pronoun: str) -> Referent | None:
        """The most recent compatible source for a pronoun, or None."""
        cls, _plural = lx.PRONOUNS[pronoun]
        for ref in reversed(self.history):
            if cls == "personal" and (
                (ref.kind in PERSONAL and not ref.plural)
                or (ref.kind == "anonymous" and not ref.plural)
            ):
                return ref
            if cls == "group" and (ref.plural or ref.kind == "organisation"):
                return ref
            if cls == "thing" and ref.kind in ("organisation", "outlet", "document"):
                return ref
        return None


def resolve_pronoun(c: SourceClass, article: ArticleContext) -> SourceClass:
    """The referent class of pronoun class ``c``: the latest compatible source, else a kind
    guessed from the pronoun ("I" a person, "we" an organisation, "they" anonymous)."""
    assert c.pronoun is not None
    if c.pronoun in ("i", "we"):
        return SourceClass("person" if c.pronoun == "i" else "organisation", c.name, c.plural)
    ref = article.resolve(c.pronoun)
    if ref is not None:
        return SourceClass(ref.kind, ref.name, ref.plural)
    fallback = {"he": "person", "she": "person", "they": "anonymous", "it": "organisation"}
    return SourceClass(fallback[c.pronoun], c.name, c.plural)
