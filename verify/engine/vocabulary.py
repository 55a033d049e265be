"""The engine's closed vocabularies, each defined once (the product brief's exact names).

Each is a :class:`~enum.StrEnum`: a member is the string itself (``SourceKind.OUTLET ==
"outlet"``), so it is stored, compared and serialised as the brief spells it. The apps'
``TextChoices`` (``annotations.models``) take their values from these.
"""

from __future__ import annotations

from enum import StrEnum


class SentenceKind(StrEnum):
    """What a sentence is: a claim to source, or page furniture."""

    CLAIM = "claim"
    BOILERPLATE = "boilerplate"


class SourceKind(StrEnum):
    """The kinds of source in the registry."""

    OUTLET = "outlet"
    OFFICIAL = "official"
    PERSON = "person"
    ORGANISATION = "organisation"
    ANONYMOUS = "anonymous"
    DOCUMENT = "document"
    OWN_REPORTING = "own_reporting"


# The kinds of source from the weakest link of a sourcing chain to the strongest: a sentence
# rests on the weakest link of its chain (an on-record official heard only through anonymous
# diplomats rests on an anonymous source; one relayed by an outlet, on that outlet's report).
WEAKEST_FIRST: tuple[SourceKind, ...] = (
    SourceKind.ANONYMOUS,
    SourceKind.OUTLET,
    SourceKind.PERSON,
    SourceKind.ORGANISATION,
    SourceKind.OFFICIAL,
    SourceKind.DOCUMENT,
    SourceKind.OWN_REPORTING,
)


def weakness(kind: str) -> int:
    """The rank of a source kind in :data:`WEAKEST_FIRST` (0 for the weakest, anonymous)."""
    return WEAKEST_FIRST.index(SourceKind(kind))


class AttributionMode(StrEnum):
    """How a sentence carries its source's words."""

    DIRECT_QUOTE = "direct_quote"
    INDIRECT = "indirect"
    REPORTED_BY = "reported_by"


class Relation(StrEnum):
    """How a cross-check match relates to the claim."""

    CORROBORATES = "corroborates"
    CONTRADICTS = "contradicts"
    RELATED = "related"


class Confidence(StrEnum):
    """How sure the desk is of a sentence, from strongest to weakest; ``disputed`` last."""

    CONFIRMED = "confirmed"
    CORROBORATED = "corroborated"
    SINGLE_SOURCE = "single_source"
    UNVERIFIED = "unverified"
    DISPUTED = "disputed"
