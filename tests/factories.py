"""factory_boy factories for the desk's models.

``make_article`` ingests a body the way the desk does (sentences, suggested attributions, the
search index, a cross-check job). The other factories write rows directly: an
``ArticleFactory`` article is segmented by the pure engine and nothing more, and its claims'
annotations are in the states a test asks for (``SubmittedAnnotationFactory``,
``ApprovedAnnotationFactory``, ``ChangesRequestedAnnotationFactory``), with the versions,
``Transition`` rows and comments the workflow services would have written on the way there.
Tests whose point is a service (submit, approve…) call the service instead.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime
from io import StringIO
from typing import Any

import factory
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.db.models import Q
from django.test import Client
from simple_history.utils import bulk_create_with_history

from annotations.models import (
    Annotation,
    AnnotationStatus,
    Article,
    ArticleRevision,
    Attribution,
    Comment,
    Confidence,
    CrossCheck,
    Sentence,
    Source,
    Transition,
    TransitionAction,
)
from annotations.services import workflow
from annotations.services.ingest import ingest_document
from annotations.services.workflow import refresh_article_status
from verify.engine.crosscheck import index_text
from verify.engine.documents import Document
from verify.engine.segmentation import segment


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@newsroom.example")
    is_staff = True
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def role(user: User, create: bool, extracted: str | None, **kwargs: object) -> None:
        if create and extracted:
            user.groups.add(Group.objects.get(name=extracted))
        if create:
            user.save()


class SourceFactory(factory.django.DjangoModelFactory[Source]):
    class Meta:
        model = Source

    name = factory.Sequence(lambda n: f"Source {n}")
    kind = Source.Kind.OUTLET


# The three standards fields of an anonymous use, all met.
STANDARDS: dict[str, Any] = {
    "anonymity_reason": "Not authorised to speak about the talks.",
    "in_position_to_know": True,
    "identity_known_to_editor": True,
}


def meet_standards(article: Article) -> None:
    """Record the standards fields on every anonymous attribution of ``article`` (rows written
    directly), for tests whose point is not the standards."""
    anonymous = Attribution.objects.filter(sentence__article=article).filter(
        Q(source__kind=Source.Kind.ANONYMOUS) | Q(via__kind=Source.Kind.ANONYMOUS)
    )
    anonymous.update(**STANDARDS)


STORY_BODY = (
    "Talks will resume next week, the foreign minister said on Tuesday.\n"
    "The draft has 22 points, according to two officials familiar with the plan.\n"
    "Kyiv rejected three of them, a senior Ukrainian source told CNN.\n"
    "Follow our coverage on @example_news.\n"
)


def make_article(
    external_id: str = "story-1",
    body: str = STORY_BODY,
    role: str = "draft",
    published_at: datetime | None = None,
) -> Article:
    """A draft article ingested the way the desk ingests files (sentences, suggestions)."""
    document = Document(
        body=body,
        external_id=external_id,
        headline=f"Headline {external_id}",
        published_at=published_at,
    )
    return ingest_document(document=document, role=role).article


# --- rows written directly (no ingest) ---------------------------------------------------------

CHANGES_COMMENT = "Name the source."
ONE_CLAIM = "Talks will resume next week, the foreign minister said on Tuesday.\n"

# What the services write on the way to each status: the transitions, in order, and the
# annotation's version after them (an edit setting the confidence, then each transition).
_PATHS: dict[str, tuple[tuple[str, ...], int]] = {
    AnnotationStatus.DRAFT: ((), 1),
    AnnotationStatus.SUBMITTED: ((TransitionAction.SUBMIT,), 3),
    AnnotationStatus.APPROVED: ((TransitionAction.SUBMIT, TransitionAction.APPROVE), 4),
    AnnotationStatus.CHANGES_REQUESTED: (
        (TransitionAction.SUBMIT, TransitionAction.REQUEST_CHANGES),
        4,
    ),
}
_STEPS: dict[str, tuple[str, str]] = {
    TransitionAction.SUBMIT: (AnnotationStatus.DRAFT, AnnotationStatus.SUBMITTED),
    TransitionAction.APPROVE: (AnnotationStatus.SUBMITTED, AnnotationStatus.APPROVED),
    TransitionAction.REQUEST_CHANGES: (
        AnnotationStatus.SUBMITTED,
        AnnotationStatus.CHANGES_REQUESTED,
    ),
}


def claims_of(article: Article) -> list[Sentence]:
    """The article's current claim sentences, in reading order."""
    return list(Sentence.objects.current().claims().filter(article=article).order_by("index"))


def annotation_of(sentence: Sentence) -> Annotation:
    """The sentence's annotation as the database holds it now."""
    return Annotation.objects.get(sentence=sentence)


def anonymous_suggestion() -> Attribution:
    """A fresh ``make_article()``'s suggested attribution to its anonymous source."""
    return Attribution.objects.get(
        sentence__article=make_article(), source__name="a senior Ukrainian source"
    )


def client_for(user: User) -> Client:
    """A Django test client logged in as ``user``."""
    client = Client()
    client.force_login(user)
    return client


def annotations_of(article: Article) -> list[Annotation]:
    """The annotations of the article's current claim sentences, in reading order."""
    return list(
        Annotation.objects.filter(sentence__article=article, sentence__archived_at__isnull=True)
        .select_related("sentence")
        .order_by("sentence__index")
    )


class AnnotationFactory(factory.django.DjangoModelFactory[Annotation]):
    """A claim sentence's annotation, in ``draft`` here; the state factories below move it on.

    ``sentence`` is a current claim of a draft article that has no annotation yet; without one
    the annotation gets a one-claim article of its own. The status leads to the ``Transition``
    rows and version the services would have written; the article's status follows.
    """

    class Meta:
        model = Annotation
        skip_postgeneration_save = True

    sentence = factory.LazyFunction(
        lambda: claims_of(ArticleFactory.create(body=ONE_CLAIM, states=()))[0]
    )
    status = AnnotationStatus.DRAFT
    confidence = Confidence.UNVERIFIED
    annotator: object = None
    reviewer: object = None
    version = factory.LazyAttribute(lambda o: _PATHS[o.status][1])

    @factory.post_generation
    def comment(annotation: Annotation, create: bool, extracted: str | None, **kwargs: object):
        """Record the path to the status; ``comment`` is the reviewer's (changes requested
        always carry one, posted to the sentence's thread as the service does)."""
        if not create:
            return
        body = extracted or ""
        if annotation.status == AnnotationStatus.CHANGES_REQUESTED:
            body = body or CHANGES_COMMENT
        if body and annotation.reviewer is not None:
            Comment.objects.create(
                sentence=annotation.sentence, author=annotation.reviewer, body=body
            )
        article = Article.objects.get(pk=annotation.sentence.article_id)
        for action in _PATHS[annotation.status][0]:
            before, after = _STEPS[action]
            by_annotator = action == TransitionAction.SUBMIT
            Transition.objects.create(
                article=article,
                annotation=annotation,
                action=action,
                from_status=before,
                to_status=after,
                actor=annotation.annotator if by_annotator else annotation.reviewer,
                comment="" if by_annotator else body,
            )
        refresh_article_status(article)


class SubmittedAnnotationFactory(AnnotationFactory):
    """Edited (the confidence set) and submitted by ``annotator``, an editor by default."""

    status = AnnotationStatus.SUBMITTED
    confidence = Confidence.SINGLE_SOURCE
    annotator = factory.SubFactory(UserFactory, role="editor")


class ApprovedAnnotationFactory(SubmittedAnnotationFactory):
    """Then approved by ``reviewer``, a reviewer by default; pass one who is not the annotator
    (the database refuses the other)."""

    status = AnnotationStatus.APPROVED
    reviewer = factory.SubFactory(UserFactory, role="reviewer")


class ChangesRequestedAnnotationFactory(SubmittedAnnotationFactory):
    """Then sent back by ``reviewer`` with ``comment`` (``CHANGES_COMMENT`` by default)."""

    status = AnnotationStatus.CHANGES_REQUESTED
    reviewer = factory.SubFactory(UserFactory, role="reviewer")


_STATE_FACTORIES: dict[str, type[AnnotationFactory]] = {
    AnnotationStatus.DRAFT: AnnotationFactory,
    AnnotationStatus.SUBMITTED: SubmittedAnnotationFactory,
    AnnotationStatus.APPROVED: ApprovedAnnotationFactory,
    AnnotationStatus.CHANGES_REQUESTED: ChangesRequestedAnnotationFactory,
}


class ArticleFactory(factory.django.DjangoModelFactory[Article]):
    """A draft article written directly: its body segmented by the pure engine (no suggested
    attributions, no cross-check job), revision 1, and an annotation for each claim.

    ``states`` gives the claims' annotation statuses: one status for every claim, or one per
    claim in reading order (``()`` leaves them without annotations). ``annotator`` and
    ``reviewer`` are who edited and reviewed them, as in the annotation factories.
    """

    class Meta:
        model = Article
        skip_postgeneration_save = True

    class Params:
        annotator = None
        reviewer = None

    external_id = factory.Sequence(lambda n: f"built-{n}")
    headline = factory.LazyAttribute(lambda o: f"Headline {o.external_id}")
    body = STORY_BODY
    body_sha256 = factory.LazyAttribute(lambda o: hashlib.sha256(o.body.encode()).hexdigest())
    role = Article.Role.DRAFT
    states__annotator = factory.SelfAttribute("..annotator")
    states__reviewer = factory.SelfAttribute("..reviewer")

    @factory.post_generation
    def states(
        article: Article, create: bool, extracted: str | Sequence[str] | None, **kwargs: object
    ) -> None:
        if not create:
            return
        ArticleRevision.objects.create(
            article=article, number=1, body=article.body, body_sha256=article.body_sha256
        )
        bulk_create_with_history(
            [
                Sentence(
                    article=article,
                    index=s.index,
                    paragraph=s.paragraph,
                    start=s.start,
                    end=s.end,
                    text=s.text,
                    kind=s.kind,
                    search_text=index_text(s.text),
                )
                for s in segment(article.body)
            ],
            Sentence,
        )
        if article.role != Article.Role.DRAFT:
            return
        claims = claims_of(article)
        wanted = AnnotationStatus.DRAFT if extracted is None else extracted
        statuses = [wanted] * len(claims) if isinstance(wanted, str) else list(wanted)
        if not statuses:
            return
        people = {"annotator": kwargs.get("annotator"), "reviewer": kwargs.get("reviewer")}
        for sentence, status in zip(claims, statuses, strict=True):
            given = {k: v for k, v in people.items() if v is not None}
            if status == AnnotationStatus.DRAFT:
                given = {}
            elif status == AnnotationStatus.SUBMITTED:
                given.pop("reviewer", None)
            _STATE_FACTORIES[status](sentence=sentence, **given)
        refresh_article_status(article)


class AttributionFactory(factory.django.DjangoModelFactory[Attribution]):
    """An attribution the desk accepted (not a suggestion), on ``sentence``; pass the
    standards fields (``**STANDARDS``) for an anonymous source that meets them."""

    class Meta:
        model = Attribution

    sentence = factory.LazyFunction(lambda: AnnotationFactory().sentence)
    source = factory.SubFactory(SourceFactory)
    cue = "said"
    mode = Attribution.Mode.INDIRECT
    is_suggestion = False


def contradiction(
    claim: Sentence, *, outlet: str = "Wire", independent: bool = True, score: float = 0.9
) -> CrossCheck:
    """A cross-check result: a sentence of a new reference article from ``outlet``
    contradicts ``claim`` (an echo when not ``independent``) with ``score``."""
    reference = ArticleFactory.create(role=Article.Role.REFERENCE, outlet=outlet)
    return CrossCheck.objects.create(
        claim=claim,
        match=claims_of(reference)[0],
        relation=CrossCheck.Relation.CONTRADICTS,
        score=score,
        reason="numbers differ: 600,000 vs 800,000",
        independent=independent,
    )


# --- the service path (for tests that need what ingest writes, or test the services) -------


def submitted_through_services(sentence: Sentence, editor: User) -> Annotation:
    """The sentence's annotation, its confidence set and submitted by ``editor``, through the
    workflow services (what the state factories stand for)."""
    note = annotation_of(sentence)
    note = workflow.update_annotation(
        annotation=note, user=editor, version=note.version, confidence="single_source"
    )
    return workflow.submit(annotation=note, user=editor, version=note.version)


def suggestions_resolved(article: Article, editor: User) -> Article:
    """Every suggested attribution of ``article`` accepted by ``editor`` through the services
    (anonymous ones with the standards fields met), as sign-off requires."""
    for suggestion in Attribution.objects.filter(sentence__article=article, is_suggestion=True):
        if suggestion.sentence.kind != Sentence.Kind.CLAIM:
            continue
        note = annotation_of(suggestion.sentence)
        workflow.accept_attribution(
            attribution=suggestion, user=editor, version=note.version, **STANDARDS
        )
    return article


def approved_through_services(
    article: Article, editor: User, reviewer: User, *, resolve_suggestions: bool = True
) -> Article:
    """Every claim of ``article`` submitted by ``editor`` and approved by ``reviewer``, its
    suggestions accepted first (:func:`suggestions_resolved`) unless not
    ``resolve_suggestions``: what sign-off needs."""
    if resolve_suggestions:
        suggestions_resolved(article, editor)
    for sentence in claims_of(article):
        note = submitted_through_services(sentence, editor)
        workflow.approve(annotation=note, reviewer=reviewer, version=note.version)
    article.refresh_from_db()
    return article


def run_ingest(*args: str) -> tuple[int, str, str]:
    """``manage.py ingest ARGS``: its exit code, standard output and standard error."""
    out, err = StringIO(), StringIO()
    try:
        call_command("ingest", *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def no_inline_rows(prefix: str) -> dict[str, str]:
    """The management form of an admin inline sent with no rows, as a browser sends it."""
    return {
        f"{prefix}-TOTAL_FORMS": "0",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def article_admin_form(article: Article, **values: object) -> dict[str, object]:
    """The article's admin change form as a browser sends it, with ``values`` changed."""
    return {
        "headline": article.headline,
        "outlet": article.outlet,
        "url": article.url,
        "byline": article.byline,
        "published_at_0": "",
        "published_at_1": "",
        **no_inline_rows("sentences"),
        **values,
    }


def annotation_admin_form(annotation: Annotation, **values: object) -> dict[str, object]:
    """The annotation's admin change form as a browser sends it, at its current version."""
    return {"version": annotation.version, **no_inline_rows("transitions"), **values}
