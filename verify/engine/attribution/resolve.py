"""Article-wide context: names seen with titles, and pronouns resolved to earlier sources.

:class:`ArticleContext` is filled in body order; :func:`resolve_pronoun` maps "he", "they",
"it" to the most recent compatible source suggested before, falling back to an unnamed kind.
"""

from __future__ import annotations

from verify.engine.attribution.context import ArticleContext
from verify.engine.attribution.kinds import SourceClass


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
