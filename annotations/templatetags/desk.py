"""Small presentation helpers of the desk's templates: badges, legends, keys."""

from __future__ import annotations

from django import template

from annotations import selectors
from annotations.models import Confidence, CrossCheck, CrosscheckRelation, Sentence, SourceKind
from annotations.selectors import RestsOn
from annotations.services.crosschecks import counts_as_contradiction

register = template.Library()

# One letter per kind of source, shown as a badge after the sentence; the legend spells it out.
KIND_LETTERS: dict[str, str] = {
    SourceKind.OUTLET: "N",
    SourceKind.OFFICIAL: "O",
    SourceKind.PERSON: "P",
    SourceKind.ORGANISATION: "G",
    SourceKind.ANONYMOUS: "A",
    SourceKind.DOCUMENT: "D",
    SourceKind.OWN_REPORTING: "R",
}

KEYS: list[tuple[str, str]] = [
    ("j / ↓", "next sentence"),
    ("k / ↑", "previous sentence"),
    ("a", "accept first suggestion"),
    ("1–5", "set confidence (1 confirmed … 5 disputed)"),
    ("s", "submit for review"),
    ("w", "withdraw from review (to change a submitted sentence)"),
    ("?", "show or hide these keys"),
]


# The review queue's keys (annotations/static/desk/desk.js), shown above the queue.
QUEUE_KEYS: list[tuple[str, str]] = [
    ("j / ↓", "next sentence"),
    ("k / ↑", "previous sentence"),
    ("a", "approve"),
    ("r", "request changes (type the comment, Ctrl+Enter sends)"),
    ("x", "tick for Approve selected"),
    ("o", "open the sentence on its article page"),
    ("?", "show or hide these keys"),
]


@register.filter
def get_item(mapping: dict[object, object], key: object) -> object:
    return mapping.get(key)


@register.simple_tag
def queue_keys() -> list[tuple[str, str]]:
    return QUEUE_KEYS


@register.filter
def weak_contradiction(check: CrossCheck) -> bool:
    """An independent contradiction scoring too low to count (the articles may be about
    another event): listed, but neither counted nor blocking sign-off."""
    return (
        check.relation == CrosscheckRelation.CONTRADICTS
        and check.independent
        and not counts_as_contradiction(
            relation=check.relation, independent=check.independent, score=check.score
        )
    )


@register.filter
def kind_letter(kind: str) -> str:
    return KIND_LETTERS.get(kind, "?")


@register.filter
def rests_on(sentence: Sentence) -> RestsOn | None:
    """The chain the sentence rests on; its badge shows the weakest link's kind."""
    return selectors.rests_on(sentence)


@register.simple_tag
def kind_legend() -> list[tuple[str, str, str]]:
    return [(kind.value, KIND_LETTERS[kind.value], str(kind.label)) for kind in SourceKind]


@register.simple_tag
def confidence_legend() -> list[tuple[int, str, str]]:
    return [(n, level.value, str(level.label)) for n, level in enumerate(Confidence, start=1)]


@register.simple_tag
def desk_keys() -> list[tuple[str, str]]:
    return KEYS
