"""Article-wide context: names seen with titles, and pronouns resolved to earlier sources.

:class:`ArticleContext` is filled in body order; :func:`resolve_pronoun` maps "he", "they",
"it" to the most recent compatible source suggested before, falling back to an unnamed kind.
"""

from __future__ import annotations

from collections.abc import Sequence

from verify.engine.attribution.context import ArticleContext, Referent
from verify.engine.attribution.kinds import SourceClass
from verify.engine.vocabulary import SourceKind

# The kind a pronoun stands for when no earlier source fits.
_FALLBACK = {
    "he": SourceKind.PERSON,
    "she": SourceKind.PERSON,
    "they": SourceKind.ANONYMOUS,
    "it": SourceKind.ORGANISATION,
}


def resolve_pronoun(
    c: SourceClass, article: ArticleContext, sentence: Sequence[Referent] = ()
) -> SourceClass:
    """The referent class of pronoun class ``c``: the latest compatible source (of
    ``sentence``, the sources before it in its sentence, first), else a kind guessed from the
    pronoun ("I" a person, "we" an organisation, "they" anonymous)."""
    assert c.pronoun is not None
    if c.pronoun in ("i", "we"):
        kind = SourceKind.PERSON if c.pronoun == "i" else SourceKind.ORGANISATION
        return SourceClass(kind, c.name, c.plural)
    ref = article.resolve(c.pronoun, sentence)
    if ref is not None:
        return SourceClass(ref.kind, ref.name, ref.plural)
    return SourceClass(_FALLBACK[c.pronoun], c.name, c.plural)
