"""Small builders the API tests share (states reached through the services, as in use)."""

from __future__ import annotations

from django.contrib.auth.models import User

from annotations.models import Annotation, Article, Sentence
from annotations.services import workflow


def claims(article: Article) -> list[Sentence]:
    return list(Sentence.objects.current().claims().filter(article=article).order_by("index"))


def annotation(sentence: Sentence) -> Annotation:
    return Annotation.objects.get(sentence=sentence)


def submitted(sentence: Sentence, editor: User) -> Annotation:
    """The sentence's annotation, edited and submitted by ``editor``."""
    note = annotation(sentence)
    note = workflow.update_annotation(
        annotation=note, user=editor, version=note.version, confidence="single_source"
    )
    return workflow.submit(annotation=note, user=editor, version=note.version)


def approved(sentence: Sentence, editor: User, reviewer: User) -> Annotation:
    note = submitted(sentence, editor)
    return workflow.approve(annotation=note, reviewer=reviewer, version=note.version)


def all_approved(article: Article, editor: User, reviewer: User) -> Article:
    for sentence in claims(article):
        approved(sentence, editor, reviewer)
    article.refresh_from_db()
    return article
