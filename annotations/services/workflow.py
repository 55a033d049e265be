"""The editorial workflow: annotate, submit, review, sign off, reopen.

Every rule of the desk lives here, checked under row locks, so that the pages, the admin, the
commands and the API all obey the same rules:

* only editors annotate, only reviewers approve or request changes, only reviewers sign off;
* nobody approves (or reviews) an annotation they made: the annotator is whoever last changed
  the sourcing, and the database refuses an approval by the annotator as well; a sentence
  whose annotator's account was deleted is not reviewed until an editor takes it over;
* an approved annotation, or any annotation of a signed-off article, is not edited without
  reopening it first; a submitted one is not edited without withdrawing it from review first
  (an edit never sends it back to draft behind the reviewer's back);
* a request for changes carries a comment; notes, comments and reasons keep to the limits of
  :mod:`annotations.limits`;
* a sentence resting on an anonymous source is submitted, approved and signed off only with
  the standards fields recorded on that attribution (why anonymity was granted, whether the
  source is in a position to know, that an editor knows the identity);
* an article is signed off only when every claim sentence is approved, no suggestion is left
  unresolved and every contradiction the cross-checks found is acknowledged on its sentence
  (confidence ``disputed``, or a note saying why the claim stands): :func:`sign_off_blockers`;
* an edit carries the ``version`` it was based on; a stale one raises :class:`StaleVersion`.

Each rule is a ``check_`` function that raises, with a ``can_`` predicate beside it: the
services call the ``check_`` under their locks, and the pages ask the ``can_`` what to offer,
so both read the same rule. Every edit of an annotation opens with :func:`_editing`.

Locks are taken article first, then annotation, so two services never deadlock each other.
This module is the one writer of status fields and of :class:`~annotations.models.Transition`
rows (revisions call :func:`reopen_changed_sentence` and :func:`reopen_revised_article`);
every change to an annotation or attribution is kept by django-simple-history with the acting
user.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.models import User as AuthUser
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from annotations import webhooks
from annotations.limits import MAX_COMMENT_CHARS, MAX_NOTE_CHARS, MAX_REASON_CHARS
from annotations.models import (
    CUE_MAX_LENGTH,
    Annotation,
    AnnotationStatus,
    Article,
    ArticleStatus,
    Attribution,
    AttributionMode,
    Comment,
    Confidence,
    CrossCheck,
    Sentence,
    SentenceKind,
    Source,
    Transition,
    TransitionAction,
    WebhookEvent,
)
from annotations.services.crosschecks import counted_contradictions

User = AuthUser | AnonymousUser

PERM_ANNOTATE = "annotations.annotate_sentence"
PERM_REVIEW = "annotations.review_annotation"
PERM_SIGN_OFF = "annotations.sign_off_article"

ERR_NOT_EDITOR = "Only editors can change the sourcing of a sentence."
ERR_NOT_REVIEWER = "Only reviewers can approve or request changes."
ERR_NOT_SIGNER = "Only reviewers can sign an article off or reopen it."
ERR_COMMENT_NEEDS_ROLE = "Only editors and reviewers can take part in the discussion."
ERR_ANNOTATOR_DELETED = (
    "The annotator's account was deleted: nobody can confirm this is another person's work. "
    "An editor must take the sentence over (withdraw it from review, edit it and submit it "
    "again) before it is reviewed."
)
ERR_OWN_WORK = "You made this annotation, so someone else must review it."
ERR_APPROVED = "This sentence is approved; reopen it before changing it."
ERR_SUBMITTED = "This sentence is submitted for review: withdraw it from review before changing it."
ERR_NOT_WITHDRAWABLE = (
    "Only a submitted sentence can be withdrawn from review (this one is {status})."
)
ERR_SIGNED_OFF = "This article is signed off; reopen it before changing it."
ERR_NOT_SUBMITTED = "Only a submitted sentence can be reviewed (this one is {status})."
ERR_CANNOT_SUBMIT = "Only a draft or a sentence with changes requested can be submitted."
ERR_NOT_APPROVED = "Only an approved sentence can be reopened (this one is {status})."
ERR_COMMENT_REQUIRED = "Say what needs to change: a comment is required."
ERR_EMPTY_COMMENT = "A comment cannot be empty."
ERR_BOILERPLATE = "Boilerplate is not annotated."
ERR_ARCHIVED = "This sentence was removed by a later revision of the article."
ERR_NOT_READY = "{count} claim sentence(s) are not approved yet."
ERR_SIGN_OFF_BLOCKED = "Sign-off is blocked: {blockers}"
ERR_TOO_LONG = "The {what} is {length:,} characters long; the limit is {limit:,}."
ERR_STANDARDS = (
    "Sentence {number} rests on an anonymous source ({source}) without {fields}: record "
    "{them} on the attribution first."
)
BLOCK_NOT_APPROVED = "not approved yet ({status})"
BLOCK_SUGGESTION = "{count} suggested attribution(s) neither accepted nor removed"
BLOCK_CONTRADICTED = (
    "contradicted by the cross-checks ({outlets}): set the confidence to disputed, or say in "
    "the note why the claim stands"
)
BLOCK_STANDARDS = "anonymous source ({source}) without {fields}"
ERR_NO_CLAIMS = "The article has no claim sentences to sign off."
ERR_ALREADY_SIGNED = "The article is already signed off."
ERR_NOT_SIGNED = "Only a signed-off article can be reopened."
ERR_NOT_DRAFT_ROLE = "Reference articles are not annotated."
ERR_STALE = "Someone else changed this sentence while you were editing it."
ERR_CONFIDENCE = "Unknown confidence '{value}'."
ERR_MODE = "Unknown attribution mode '{value}'."
ERR_WRONG_SENTENCE = "That attribution belongs to another sentence."
ERR_SPAN_OUTSIDE = "The marked {what} is not inside this sentence (characters {start}–{end})."
ERR_SPANS_OVERLAP = "The marked source and cue overlap: mark them separately."
ERR_CUE_NOT_MARKED = "The cue “{cue}” is not the words marked as the cue (“{marked}”)."
ERR_CUE_TOO_LONG = "The marked cue is over {limit} characters: mark only the verb or phrase."

ERR_ROLE_SIGNED_OFF = (
    "This draft is signed off: it cannot become a reference article. Reopen it first, or "
    "push the reference coverage under another external_id."
)
ERR_ROLE_ANNOTATED = (
    "{count} sentence(s) of this draft have been submitted or reviewed: it cannot become a "
    "reference article. Push the reference coverage under another external_id."
)

REVISED_METADATA = "The publishing system changed the article's {fields}."
EDITED_METADATA = "{user} changed the article's {fields} in the admin."
METADATA_FIELDS = ("headline", "url", "outlet", "byline", "published_at")
PERM_CHANGE_ARTICLE = "annotations.change_article"
ERR_CHANGE_ARTICLE = "You need permission to change articles."
ERR_NOT_METADATA = "Only an article's {allowed} can be edited here, not {fields}."
REVISED_SENTENCE = "The sentence's text changed in a new revision."
REVISED_ARTICLE = "Revision {revision} changed the text."

SUBMITTABLE = (AnnotationStatus.DRAFT, AnnotationStatus.CHANGES_REQUESTED)

_UNSET: Any = object()


class WorkflowError(Exception):
    """A rule of the desk was broken; ``message`` says which, for the person who tried."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotAllowed(WorkflowError):
    """The user's role does not allow this (HTTP 403)."""


class TooLong(WorkflowError):
    """A note, comment or reason is over its limit (:mod:`annotations.limits`); HTTP 400."""


class MissingStandards(WorkflowError):
    """A sentence rests on an anonymous source whose standards fields are missing (HTTP 400)."""


@dataclass(frozen=True, slots=True)
class Blocker:
    """One reason an article cannot be signed off, on one of its sentences."""

    sentence_id: int
    index: int
    reason: str

    @property
    def number(self) -> int:
        return self.index + 1

    def __str__(self) -> str:
        return f"sentence {self.number}: {self.reason}"


class SignOffBlocked(WorkflowError):
    """The article is not ready to sign off; ``blockers`` says where and why (HTTP 400)."""

    def __init__(self, blockers: Sequence[Blocker]) -> None:
        self.blockers = list(blockers)
        not_approved = sum(b.reason.startswith("not approved") for b in self.blockers)
        shown = [str(b) for b in self.blockers[:5]]
        if len(self.blockers) > 5:
            shown.append(f"and {len(self.blockers) - 5} more")
        lead = ERR_NOT_READY.format(count=not_approved) + " " if not_approved else ""
        super().__init__(lead + ERR_SIGN_OFF_BLOCKED.format(blockers="; ".join(shown) + "."))


def check_length(value: str, *, limit: int, what: str) -> None:
    """Raise :class:`TooLong` when ``value`` is longer than ``limit`` characters."""
    if len(value) > limit:
        raise TooLong(ERR_TOO_LONG.format(what=what, length=len(value), limit=limit))


class AnnotatorDeleted(WorkflowError):
    """The annotation's annotator no longer exists, so four eyes cannot be shown (HTTP 400)."""

    def __init__(self) -> None:
        super().__init__(ERR_ANNOTATOR_DELETED)


class StaleVersion(WorkflowError):
    """The edit was based on an older version; ``current`` is the annotation as it is now."""

    def __init__(self, current: Annotation) -> None:
        super().__init__(ERR_STALE)
        self.current = current


def _actor(user: User | None) -> AuthUser | None:
    """The user to store on a row (an anonymous user, or none, is stored as nobody)."""
    return user if isinstance(user, AuthUser) else None


def _has(user: User, perm: str) -> bool:
    return bool(user.is_authenticated and user.is_active and user.has_perm(perm))


def _require(user: User, perm: str, message: str) -> None:
    if not _has(user, perm):
        raise NotAllowed(message)


def can_annotate(user: User) -> bool:
    return _has(user, PERM_ANNOTATE)


def can_review(user: User) -> bool:
    return _has(user, PERM_REVIEW)


def can_sign_off(user: User) -> bool:
    return _has(user, PERM_SIGN_OFF)


def has_desk_role(user: User) -> bool:
    return can_annotate(user) or can_review(user) or can_sign_off(user)


# --- the rules: check_ raises, can_ answers; the services call the check_ under their locks --


class Check(Protocol):
    def __call__(self, *, article: Article, annotation: Annotation, user: User) -> None: ...


def check_edit(*, article: Article, annotation: Annotation, user: User) -> None:
    """``user`` may change the sourcing (confidence, note, attributions) of ``annotation``."""
    _require(user, PERM_ANNOTATE, ERR_NOT_EDITOR)
    if article.status == ArticleStatus.SIGNED_OFF:
        raise WorkflowError(ERR_SIGNED_OFF)
    if annotation.status == AnnotationStatus.APPROVED:
        raise WorkflowError(ERR_APPROVED)
    if annotation.status == AnnotationStatus.SUBMITTED:
        raise WorkflowError(ERR_SUBMITTED)
    if annotation.sentence.archived_at is not None:
        raise WorkflowError(ERR_ARCHIVED)


def check_submit(*, article: Article, annotation: Annotation, user: User) -> None:
    """``user`` may send ``annotation`` to review: editable, and a draft or sent back."""
    check_edit(article=article, annotation=annotation, user=user)
    if annotation.status not in SUBMITTABLE:
        raise WorkflowError(ERR_CANNOT_SUBMIT)


def check_review(*, article: Article, annotation: Annotation, user: User) -> None:
    """``user`` may approve ``annotation`` or request changes to it: a reviewer who is not its
    annotator, on a submitted sentence of an article that is not signed off, whose annotator
    still exists."""
    _require(user, PERM_REVIEW, ERR_NOT_REVIEWER)
    if article.status == ArticleStatus.SIGNED_OFF:
        raise WorkflowError(ERR_SIGNED_OFF)
    if annotation.status != AnnotationStatus.SUBMITTED:
        raise WorkflowError(ERR_NOT_SUBMITTED.format(status=annotation.get_status_display()))
    if annotation.annotator_id is None:
        # Deleting a user clears the annotator: approving now would break four eyes (and
        # the database's `annotation_approved_by_another` check).
        raise AnnotatorDeleted()
    if annotation.annotator_id == user.pk:
        raise NotAllowed(ERR_OWN_WORK)


def check_withdraw(*, article: Article, annotation: Annotation, user: User) -> None:
    """``user`` (an editor) may take the submitted ``annotation`` out of review, back to draft,
    to change it."""
    _require(user, PERM_ANNOTATE, ERR_NOT_EDITOR)
    if article.status == ArticleStatus.SIGNED_OFF:
        raise WorkflowError(ERR_SIGNED_OFF)
    if annotation.status != AnnotationStatus.SUBMITTED:
        raise WorkflowError(ERR_NOT_WITHDRAWABLE.format(status=annotation.get_status_display()))


def check_reopen(*, article: Article, annotation: Annotation, user: User) -> None:
    """``user`` (an editor or a reviewer) may take the approved ``annotation`` back to draft."""
    if not (can_annotate(user) or can_review(user)):
        raise NotAllowed(ERR_NOT_EDITOR)
    if article.status == ArticleStatus.SIGNED_OFF:
        raise WorkflowError(ERR_SIGNED_OFF)
    if annotation.status != AnnotationStatus.APPROVED:
        raise WorkflowError(ERR_NOT_APPROVED.format(status=annotation.get_status_display()))


def check_sign_off(
    *, article: Article, user: User, claims: int, blockers: Sequence[Blocker]
) -> None:
    """``user`` may sign ``article`` off, given its count of current claim sentences and what
    blocks it (:func:`sign_off_blockers`)."""
    _require(user, PERM_SIGN_OFF, ERR_NOT_SIGNER)
    if article.status == ArticleStatus.SIGNED_OFF:
        raise WorkflowError(ERR_ALREADY_SIGNED)
    if not claims:
        raise WorkflowError(ERR_NO_CLAIMS)
    if blockers:
        raise SignOffBlocked(blockers)


def standards_problem(sentence: Sentence, attributions: Iterable[Attribution]) -> str | None:
    """What the first accepted anonymous attribution of ``sentence`` lacks, as a message
    naming the sentence and the fields; None when nothing is missing."""
    attribution = _lacking_standards(attributions)
    if attribution is None:
        return None
    missing = attribution.missing_standards
    return ERR_STANDARDS.format(
        number=sentence.index + 1,
        source=attribution.source.name
        if attribution.source.is_anonymous
        else f"{attribution.source.name} via {attribution.via.name}",  # type: ignore[union-attr]
        fields=_and(missing),
        them="it" if len(missing) == 1 else "them",
    )


def _lacking_standards(attributions: Iterable[Attribution]) -> Attribution | None:
    """The first accepted anonymous attribution still without all its standards fields."""
    return next((a for a in attributions if not a.is_suggestion and a.missing_standards), None)


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def check_standards(*, sentence: Sentence) -> None:
    """The sentence's accepted anonymous attributions carry their standards fields."""
    problem = standards_problem(sentence, _attributions_of([sentence.pk]).get(sentence.pk, []))
    if problem:
        raise MissingStandards(problem)


def _attributions_of(sentence_ids: Iterable[int]) -> dict[int, list[Attribution]]:
    found: dict[int, list[Attribution]] = {}
    for attribution in (
        Attribution.objects.filter(sentence_id__in=list(sentence_ids))
        .select_related("source", "via")
        .order_by("sentence_id", "is_suggestion", "source_start", "id")
    ):
        found.setdefault(attribution.sentence_id, []).append(attribution)
    return found


def sign_off_blockers(article: Article) -> list[Blocker]:
    """Everything that keeps ``article`` from being signed off, sentence by sentence in
    reading order: claims not approved, suggested attributions neither accepted nor removed,
    contradictions found by the cross-checks
    (:func:`~annotations.services.crosschecks.counts_as_contradiction`) and not acknowledged
    (the confidence is not ``disputed`` and the note is empty), anonymous sources without
    their standards fields. Four queries."""
    claims = list(
        Sentence.objects.current()
        .claims()
        .filter(article=article)
        .select_related("annotation")
        .defer("search_text")
        .order_by("index")
    )
    attributions = _attributions_of(s.pk for s in claims)
    contradicted: dict[int, list[str]] = {}
    for claim_id, outlet, external_id in (
        CrossCheck.objects.of_current_claims()
        .filter(counted_contradictions(), claim__article=article)
        .order_by("claim_id", "-score")
        .values_list("claim_id", "match__article__outlet", "match__article__external_id")
    ):
        names = contradicted.setdefault(claim_id, [])
        name = outlet or external_id
        if name not in names:
            names.append(name)
    blockers = []
    for sentence in claims:
        annotation = getattr(sentence, "annotation", None)

        def block(reason: str, sentence: Sentence = sentence) -> None:
            blockers.append(Blocker(sentence_id=sentence.pk, index=sentence.index, reason=reason))

        if annotation is None or annotation.status != AnnotationStatus.APPROVED:
            status = annotation.get_status_display() if annotation else "no annotation"
            block(BLOCK_NOT_APPROVED.format(status=status.lower()))
        own = attributions.get(sentence.pk, [])
        for reason in unanswered(
            annotation,
            suggestions=sum(a.is_suggestion for a in own),
            contradicted_by=contradicted.get(sentence.pk, []),
        ):
            block(reason)
        lacking = _lacking_standards(own)
        if lacking is not None:
            block(
                BLOCK_STANDARDS.format(
                    source=lacking.source.name, fields=_and(lacking.missing_standards)
                )
            )
    return blockers


def unanswered(
    annotation: Annotation | None, *, suggestions: int, contradicted_by: Sequence[str]
) -> list[str]:
    """What a sentence blocks at sign-off while the desk has not answered it: its
    ``suggestions`` left, and a contradiction from the outlets ``contradicted_by`` (those of
    its counted contradictions) not acknowledged. The summary and the panel say the same."""
    reasons = []
    if suggestions:
        reasons.append(BLOCK_SUGGESTION.format(count=suggestions))
    if contradicted_by and not contradiction_acknowledged(annotation):
        reasons.append(BLOCK_CONTRADICTED.format(outlets=", ".join(contradicted_by)))
    return reasons


def contradiction_acknowledged(annotation: Annotation | None) -> bool:
    """The desk has answered a contradiction found by the cross-checks on this sentence: the
    claim is marked disputed, or its note says why it stands."""
    return annotation is not None and (
        annotation.confidence == Confidence.DISPUTED or bool(annotation.note.strip())
    )


def check_reopen_article(*, article: Article, user: User) -> None:
    """``user`` may take the signed-off ``article`` back into annotation."""
    _require(user, PERM_SIGN_OFF, ERR_NOT_SIGNER)
    if article.status != ArticleStatus.SIGNED_OFF:
        raise WorkflowError(ERR_NOT_SIGNED)


def _allows(check: Callable[..., None], **arguments: Any) -> bool:
    try:
        check(**arguments)
    except WorkflowError:
        return False
    return True


def refusal(check: Callable[..., None], **arguments: Any) -> str:
    """What ``check`` would refuse with (its message), or "" when it allows: the pages show it
    where the action is offered, so a refusal is never only a disabled button."""
    try:
        check(**arguments)
    except WorkflowError as exc:
        return exc.message
    return ""


def can_edit(*, article: Article, annotation: Annotation, user: User) -> bool:
    return _allows(check_edit, article=article, annotation=annotation, user=user)


def can_submit(*, article: Article, annotation: Annotation, user: User) -> bool:
    return _allows(check_submit, article=article, annotation=annotation, user=user)


def can_approve(*, article: Article, annotation: Annotation, user: User) -> bool:
    return _allows(check_review, article=article, annotation=annotation, user=user)


def can_request_changes(*, article: Article, annotation: Annotation, user: User) -> bool:
    # The same rule as approving; only the comment differs, and the form asks for it.
    return _allows(check_review, article=article, annotation=annotation, user=user)


def can_reopen(*, article: Article, annotation: Annotation, user: User) -> bool:
    return _allows(check_reopen, article=article, annotation=annotation, user=user)


def can_withdraw(*, article: Article, annotation: Annotation, user: User) -> bool:
    return _allows(check_withdraw, article=article, annotation=annotation, user=user)


def can_sign_off_article(
    *, article: Article, user: User, claims: int, blockers: Sequence[Blocker]
) -> bool:
    return _allows(check_sign_off, article=article, user=user, claims=claims, blockers=blockers)


def can_reopen_article(*, article: Article, user: User) -> bool:
    return _allows(check_reopen_article, article=article, user=user)


# --- locking helpers -------------------------------------------------------------------------


def _lock(annotation_id: int) -> tuple[Article, Annotation]:
    """Lock the annotation's article, then the annotation; must run inside ``atomic``."""
    article_id = (
        Annotation.objects.filter(pk=annotation_id).values_list("sentence__article_id", flat=True)
    ).get()
    article = Article.objects.select_for_update().get(pk=article_id)
    annotation = (
        Annotation.objects.select_for_update(of=("self",))
        .select_related("sentence")
        .get(pk=annotation_id)
    )
    return article, annotation


def _check_version(annotation: Annotation, version: int | None) -> None:
    if version is not None and version != annotation.version:
        raise StaleVersion(annotation)


@contextmanager
def _editing(
    *, annotation_id: int, user: User, version: int | None, check: Check = check_edit
) -> Iterator[tuple[Article, Annotation]]:
    """Open a change of one annotation by ``user``: yields its article and itself, locked.

    Opens a transaction, takes the SELECT FOR UPDATE locks (the article, then the annotation),
    raises :class:`StaleVersion` when ``version`` is given and is not the annotation's, then
    whatever ``check`` raises. The body runs inside that transaction, holding both locks, and
    a raise in it rolls everything back. The caller has checked the user's role first, so that
    a refusal comes before anything is read.
    """
    with transaction.atomic():
        article, locked = _lock(annotation_id)
        _check_version(locked, version)
        check(article=article, annotation=locked, user=user)
        yield article, locked


def _save(annotation: Annotation, user: User, fields: list[str]) -> None:
    """Save the annotation's ``fields`` as a new version by ``user``; the caller holds its lock."""
    # The caller holds the row lock, so a plain increment is safe.
    annotation.version += 1
    annotation._history_user = _actor(user)  # type: ignore[attr-defined]
    annotation.save(update_fields=[*fields, "version", "updated_at"])
    # The article's sourcing changed: readers polling `updated_since` (and cached copies of
    # the article) see it.
    Article.objects.filter(pk=annotation.sentence.article_id).update(updated_at=timezone.now())


def _record(
    article: Article,
    annotation: Annotation | None,
    *,
    action: str,
    before: str,
    user: User | None,
    comment: str = "",
) -> None:
    """Record the move of ``annotation`` (without one, of ``article``) from ``before`` to its
    status now. The one writer of :class:`Transition` rows."""
    Transition.objects.create(
        article=article,
        annotation=annotation,
        action=action,
        from_status=before,
        to_status=(annotation or article).status,
        actor=_actor(user),
        comment=comment,
    )


def _move(
    article: Article,
    annotation: Annotation,
    user: User,
    *,
    to: str,
    action: str,
    fields: tuple[str, ...] = (),
    comment: str = "",
) -> None:
    """Change a locked annotation's status, save it, record the transition, update the article."""
    before = annotation.status
    annotation.status = to
    _save(annotation, user, ["status", *fields])
    _record(article, annotation, action=action, before=before, user=user, comment=comment)
    refresh_article_status(article, user)


def refresh_article_status(article: Article, user: User | None = None) -> None:
    """Move an article between ``in_annotation`` and ``in_review`` to match its sentences.

    ``in_review`` when every claim sentence is submitted or approved, ``in_annotation`` when
    any is a draft or has changes requested. A signed-off article is left alone.
    """
    if article.status == ArticleStatus.SIGNED_OFF:
        return
    pending = (
        Annotation.objects.of_current_claims()
        .filter(
            sentence__article=article,
            status__in=[AnnotationStatus.DRAFT, AnnotationStatus.CHANGES_REQUESTED],
        )
        .exists()
    )
    missing = (
        Sentence.objects.current()
        .claims()
        .filter(article=article, annotation__isnull=True)
        .exists()
    )
    target = ArticleStatus.IN_ANNOTATION if pending or missing else ArticleStatus.IN_REVIEW
    if article.status != target:
        article.status = target
        article._history_user = user  # type: ignore[attr-defined]
        article.save(update_fields=["status", "updated_at"])


# --- annotations -----------------------------------------------------------------------------


def ensure_annotations(article: Article) -> None:
    """Give every current claim sentence of a draft article its (draft) annotation."""
    if article.role != Article.Role.DRAFT:
        return
    missing = (
        Sentence.objects.current()
        .claims()
        .filter(article=article, annotation__isnull=True)
        .values_list("pk", flat=True)
    )
    Annotation.objects.bulk_create(
        [Annotation(sentence_id=pk) for pk in missing], ignore_conflicts=True
    )


def annotation_for(sentence: Sentence) -> Annotation:
    """The sentence's annotation, created as a draft when missing."""
    if sentence.kind != SentenceKind.CLAIM:
        raise WorkflowError(ERR_BOILERPLATE)
    if sentence.article.role != Article.Role.DRAFT:
        raise WorkflowError(ERR_NOT_DRAFT_ROLE)
    annotation, _ = Annotation.objects.get_or_create(sentence=sentence)
    return annotation


def update_annotation(
    *,
    annotation: Annotation,
    user: User,
    version: int,
    confidence: str = _UNSET,
    note: str = _UNSET,
) -> Annotation:
    """Set confidence and/or note. The caller passes the ``version`` the edit was based on.

    The editor becomes the annotator. A submitted sentence is refused (withdraw it first).
    """
    _require(user, PERM_ANNOTATE, ERR_NOT_EDITOR)
    if confidence is not _UNSET and confidence not in Confidence.values:
        raise WorkflowError(ERR_CONFIDENCE.format(value=confidence))
    if note is not _UNSET:
        check_length(note, limit=MAX_NOTE_CHARS, what="note")
    with _editing(annotation_id=annotation.pk, user=user, version=version) as (article, locked):
        fields = []
        if confidence is not _UNSET:
            locked.confidence = confidence
            fields.append("confidence")
        if note is not _UNSET:
            locked.note = note
            fields.append("note")
        _touch(article, locked, user, fields)
    return locked


def _touch(article: Article, annotation: Annotation, user: User, fields: list[str]) -> None:
    """Save a change by ``user`` to the sourcing of the locked ``annotation`` (its ``fields``,
    or its attributions): ``user`` becomes the annotator. The caller has checked the edit
    (:func:`check_edit`: never a submitted sentence, so no status changes here)."""
    fields = [*fields, "annotator"]
    annotation.annotator = _actor(user)
    _save(annotation, user, fields)
    refresh_article_status(article, user)


STANDARDS_FIELDS = ("anonymity_reason", "in_position_to_know", "identity_known_to_editor")


def _apply_standards(attribution: Attribution, given: dict[str, Any]) -> list[str]:
    """Set the standards fields of ``attribution`` (its source and via already set): for an
    anonymous one, each value ``given`` (not ``_UNSET``), else the one it has, else the
    registry entry's default; for a named one, none. Returns the fields set."""
    reason = given.get("anonymity_reason", _UNSET)
    if reason is not _UNSET:
        check_length(reason, limit=MAX_REASON_CHARS, what="reason anonymity was granted")
    if not attribution.is_anonymous:
        attribution.anonymity_reason = ""
        attribution.in_position_to_know = None
        attribution.identity_known_to_editor = None
        return list(STANDARDS_FIELDS)
    registry = attribution.standards_defaults
    assert registry is not None
    defaults = {
        "anonymity_reason": registry.anonymity_reason,
        "in_position_to_know": registry.in_position_to_know,
        "identity_known_to_editor": registry.identity_known_to_editor or None,
    }
    for name in STANDARDS_FIELDS:
        value = given.get(name, _UNSET)
        if value is _UNSET:
            value = getattr(attribution, name)
            if value in (None, ""):
                value = defaults[name]
        if name == "anonymity_reason":
            value = (value or "").strip()
        setattr(attribution, name, value)
    return list(STANDARDS_FIELDS)


def accept_attribution(
    *,
    attribution: Attribution,
    user: User,
    version: int,
    anonymity_reason: str = _UNSET,
    in_position_to_know: bool | None = _UNSET,
    identity_known_to_editor: bool | None = _UNSET,
) -> Attribution:
    """Accept a suggested attribution as the desk's own. An anonymous one takes the standards
    fields given, and the registry entry's defaults for the others (submitting the sentence
    needs all three)."""
    _require(user, PERM_ANNOTATE, ERR_NOT_EDITOR)
    annotation = annotation_for(attribution.sentence)
    with _editing(annotation_id=annotation.pk, user=user, version=version) as (article, locked):
        fields = _apply_standards(
            attribution,
            {
                "anonymity_reason": anonymity_reason,
                "in_position_to_know": in_position_to_know,
                "identity_known_to_editor": identity_known_to_editor,
            },
        )
        attribution._history_user = user  # type: ignore[attr-defined]
        attribution.is_suggestion = False
        attribution.save(update_fields=["is_suggestion", *fields])
        _touch(article, locked, user, [])
    return attribution


def remove_attribution(*, attribution: Attribution, user: User, version: int) -> None:
    """Remove an attribution (a wrong suggestion or a wrong entry); history keeps it."""
    _require(user, PERM_ANNOTATE, ERR_NOT_EDITOR)
    annotation = annotation_for(attribution.sentence)
    with _editing(annotation_id=annotation.pk, user=user, version=version) as (article, locked):
        attribution._history_user = user  # type: ignore[attr-defined]
        attribution.delete()
        _touch(article, locked, user, [])


def save_attribution(
    *,
    sentence: Sentence,
    user: User,
    version: int,
    source: Source,
    cue: str = "",
    mode: str = AttributionMode.INDIRECT,
    via: Source | None = None,
    attribution: Attribution | None = None,
    anonymity_reason: str = _UNSET,
    in_position_to_know: bool | None = _UNSET,
    identity_known_to_editor: bool | None = _UNSET,
    source_span: tuple[int, int] | None = None,
    cue_span: tuple[int, int] | None = None,
) -> Attribution:
    """Add an attribution to ``sentence``, or edit ``attribution``; either is accepted. An
    anonymous one (its source or ``via``) takes the standards fields given, and keeps (or, new,
    takes the registry entry's defaults for) the others; a named one has none.

    ``source_span`` and ``cue_span`` are the words an editor marked in the text: character
    offsets into the article body, inside the sentence. A marked cue is the cue (``cue`` may
    be left blank, or must be those words).
    """
    _require(user, PERM_ANNOTATE, ERR_NOT_EDITOR)
    if mode not in AttributionMode.values:
        raise WorkflowError(ERR_MODE.format(value=mode))
    if attribution is not None and attribution.sentence_id != sentence.pk:
        raise WorkflowError(ERR_WRONG_SENTENCE)
    cue = check_spans(sentence=sentence, source_span=source_span, cue_span=cue_span, cue=cue)
    annotation = annotation_for(sentence)
    with _editing(annotation_id=annotation.pk, user=user, version=version) as (article, locked):
        if attribution is None:
            attribution = Attribution(sentence=sentence)
        else:
            if attribution.source_id != source.pk and source_span is None:
                # The mention in the text no longer names this source.
                attribution.source_start = attribution.source_end = None
            if (attribution.source_id, attribution.via_id) != (source.pk, via and via.pk):
                # Another source (or relay): what was recorded of the old one does not carry
                # over; the new one's defaults and the values given apply.
                attribution.anonymity_reason = ""
                attribution.in_position_to_know = attribution.identity_known_to_editor = None
            if cue_span is None and attribution.cue != cue.strip():
                attribution.cue_start = attribution.cue_end = None  # the marked words changed
        if source_span is not None:
            attribution.source_start, attribution.source_end = source_span
        if cue_span is not None:
            attribution.cue_start, attribution.cue_end = cue_span
        attribution.source = source
        attribution.cue = cue.strip()[:CUE_MAX_LENGTH]
        attribution.mode = mode
        attribution.via = via
        _apply_standards(
            attribution,
            {
                "anonymity_reason": anonymity_reason,
                "in_position_to_know": in_position_to_know,
                "identity_known_to_editor": identity_known_to_editor,
            },
        )
        attribution.is_suggestion = False
        attribution._history_user = user  # type: ignore[attr-defined]
        attribution.save()
        _touch(article, locked, user, [])
    return attribution


def check_spans(
    *,
    sentence: Sentence,
    source_span: tuple[int, int] | None,
    cue_span: tuple[int, int] | None,
    cue: str,
) -> str:
    """Check the marked words of an attribution of ``sentence`` (body offsets) and return the
    cue: the marked cue's words when ``cue`` is blank. Raises WorkflowError with the reason."""
    for what, span in (("source", source_span), ("cue", cue_span)):
        if span is not None and not sentence.start <= span[0] < span[1] <= sentence.end:
            raise WorkflowError(ERR_SPAN_OUTSIDE.format(what=what, start=span[0], end=span[1]))
    if source_span and cue_span and source_span[0] < cue_span[1] and cue_span[0] < source_span[1]:
        raise WorkflowError(ERR_SPANS_OVERLAP)
    if cue_span is None:
        return cue
    marked = sentence.text[cue_span[0] - sentence.start : cue_span[1] - sentence.start]
    if len(marked) > CUE_MAX_LENGTH:
        raise WorkflowError(ERR_CUE_TOO_LONG.format(limit=CUE_MAX_LENGTH))
    if not cue.strip():
        return marked
    if " ".join(cue.split()).casefold() != " ".join(marked.split()).casefold():
        raise WorkflowError(ERR_CUE_NOT_MARKED.format(cue=cue.strip()[:100], marked=marked))
    return cue


# --- transitions -----------------------------------------------------------------------------


def submit(*, annotation: Annotation, user: User, version: int | None = None) -> Annotation:
    """Send a draft (or a sentence with changes requested) to review; an anonymous source
    behind it must carry its standards fields (:class:`MissingStandards`)."""
    _require(user, PERM_ANNOTATE, ERR_NOT_EDITOR)
    with _editing(annotation_id=annotation.pk, user=user, version=version, check=check_submit) as (
        article,
        locked,
    ):
        check_standards(sentence=locked.sentence)
        fields: tuple[str, ...] = ()
        if locked.annotator_id is None:
            locked.annotator = _actor(user)
            fields = ("annotator",)
        _move(
            article,
            locked,
            user,
            to=AnnotationStatus.SUBMITTED,
            action=TransitionAction.SUBMIT,
            fields=fields,
        )
    return locked


def _review(
    annotation: Annotation, reviewer: User, *, version: int | None, approve: bool, comment: str
) -> Annotation:
    """Approve ``annotation`` or request changes to it, with ``comment`` (kept when not blank).
    An approval needs the standards fields of an anonymous source behind the sentence."""
    _require(reviewer, PERM_REVIEW, ERR_NOT_REVIEWER)
    comment = comment.strip()
    check_length(comment, limit=MAX_COMMENT_CHARS, what="comment")
    with _editing(
        annotation_id=annotation.pk, user=reviewer, version=version, check=check_review
    ) as (article, locked):
        if approve:
            check_standards(sentence=locked.sentence)
        locked.reviewer = _actor(reviewer)
        if comment:
            Comment.objects.create(sentence=locked.sentence, author=_actor(reviewer), body=comment)
        _move(
            article,
            locked,
            reviewer,
            to=AnnotationStatus.APPROVED if approve else AnnotationStatus.CHANGES_REQUESTED,
            action=TransitionAction.APPROVE if approve else TransitionAction.REQUEST_CHANGES,
            fields=("reviewer",),
            comment=comment,
        )
    return locked


def approve(
    *, annotation: Annotation, reviewer: User, version: int | None = None, comment: str = ""
) -> Annotation:
    """Approve a submitted sentence; the reviewer must not be its annotator."""
    return _review(annotation, reviewer, version=version, approve=True, comment=comment)


def request_changes(
    *, annotation: Annotation, reviewer: User, comment: str, version: int | None = None
) -> Annotation:
    """Send a submitted sentence back to its editor with a comment saying what to change."""
    if not comment or not comment.strip():
        _require(reviewer, PERM_REVIEW, ERR_NOT_REVIEWER)
        raise WorkflowError(ERR_COMMENT_REQUIRED)
    return _review(annotation, reviewer, version=version, approve=False, comment=comment)


def approve_many(*, annotations: Iterable[Annotation], reviewer: User) -> list[str]:
    """Approve several sentences; returns one message per sentence that could not be approved."""
    problems = []
    for annotation in annotations:
        try:
            approve(annotation=annotation, reviewer=reviewer)
        except MissingStandards as exc:
            problems.append(exc.message)  # names the sentence itself
        except WorkflowError as exc:
            problems.append(f"Sentence {annotation.sentence.index + 1}: {exc.message}")
    return problems


def withdraw(*, annotation: Annotation, user: User, version: int | None = None) -> Annotation:
    """Take a submitted sentence out of review, back to draft, so an editor can change it
    (the reviewer's queue no longer shows it; the article goes back to annotation)."""
    _require(user, PERM_ANNOTATE, ERR_NOT_EDITOR)
    with _editing(
        annotation_id=annotation.pk, user=user, version=version, check=check_withdraw
    ) as (article, locked):
        _move(
            article,
            locked,
            user,
            to=AnnotationStatus.DRAFT,
            action=TransitionAction.WITHDRAW,
        )
    return locked


def reopen_annotation(*, annotation: Annotation, user: User) -> Annotation:
    """Take an approved sentence back to draft so it can be edited again."""
    if not (can_annotate(user) or can_review(user)):
        raise NotAllowed(ERR_NOT_EDITOR)
    with _editing(annotation_id=annotation.pk, user=user, version=None, check=check_reopen) as (
        article,
        locked,
    ):
        locked.reviewer = None
        _move(
            article,
            locked,
            user,
            to=AnnotationStatus.DRAFT,
            action=TransitionAction.REOPEN,
            fields=("reviewer",),
        )
    return locked


def _set_article_status(
    article: Article, user: User | None, *, to: str, action: str, comment: str = ""
) -> None:
    """Move the locked ``article`` to ``to`` and record the transition."""
    before = article.status
    article.status = to
    if user is not None:
        article._history_user = user  # type: ignore[attr-defined]
    article.save(update_fields=["status", "updated_at"])
    _record(article, None, action=action, before=before, user=user, comment=comment)


def sign_off(*, article: Article, user: User) -> Article:
    """Sign the article off: nothing may block it (:func:`sign_off_blockers`: every current
    claim approved, no suggestion unresolved, every contradiction acknowledged, every anonymous
    source with its standards fields); :class:`SignOffBlocked` lists what does."""
    _require(user, PERM_SIGN_OFF, ERR_NOT_SIGNER)
    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        claims = Sentence.objects.current().claims().filter(article=locked)
        check_sign_off(
            article=locked,
            user=user,
            claims=claims.count(),
            blockers=sign_off_blockers(locked),
        )
        _set_article_status(
            locked, user, to=ArticleStatus.SIGNED_OFF, action=TransitionAction.SIGN_OFF
        )
        webhooks.article_event(article=locked, event=WebhookEvent.ARTICLE_SIGNED_OFF)
    return locked


def reopen_article(*, article: Article, user: User, comment: str = "") -> Article:
    """Take a signed-off article back into annotation (its approvals stand until edited)."""
    _require(user, PERM_SIGN_OFF, ERR_NOT_SIGNER)
    check_length(comment.strip(), limit=MAX_REASON_CHARS, what="reason for reopening")
    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        check_reopen_article(article=locked, user=user)
        _set_article_status(
            locked,
            user,
            to=ArticleStatus.IN_ANNOTATION,
            action=TransitionAction.REOPEN,
            comment=comment.strip(),
        )
        refresh_article_status(locked, user)
        webhooks.article_event(article=locked, event=WebhookEvent.ARTICLE_REOPENED)
    return locked


# --- revisions -------------------------------------------------------------------------------


def reopen_changed_sentence(*, article: Article, sentence: Sentence) -> None:
    """Return the annotation of a sentence whose text a revision changed to draft.

    Its reviewer is cleared and its version moves on; its earlier state stays in the history,
    and a transition is recorded unless it was a draft already. Should be called inside
    ``atomic`` while holding the SELECT FOR UPDATE lock on ``article`` (the revision's
    caller takes it); it locks the annotation itself.
    """
    try:
        annotation = Annotation.objects.select_for_update().get(sentence=sentence)
    except Annotation.DoesNotExist:
        return
    before = annotation.status
    annotation.status = AnnotationStatus.DRAFT
    annotation.reviewer = None
    annotation.version += 1
    annotation.save(update_fields=["status", "reviewer", "version", "updated_at"])
    if before != AnnotationStatus.DRAFT:
        _record(
            article,
            annotation,
            action=TransitionAction.REVISE,
            before=before,
            user=None,
            comment=REVISED_SENTENCE,
        )


def reopen_revised_article(*, article: Article) -> None:
    """A revision changed the article's claims: take it back to ``in_annotation``.

    From ``in_review`` or ``signed_off``, with a recorded transition; then the status follows
    the sentences again, and a signed-off article fires ``article.reopened`` once its status
    is final (so the payload carries it). Should be called inside ``atomic`` while holding the
    SELECT FOR UPDATE lock on ``article``, once the revision's sentences and annotations are
    saved.
    """
    _back_to_annotation(
        article,
        None,
        action=TransitionAction.REVISE,
        comment=REVISED_ARTICLE.format(revision=article.revision),
    )


def _back_to_annotation(article: Article, user: User | None, *, action: str, comment: str) -> None:
    """Take the locked ``article`` from ``in_review`` or ``signed_off`` back to
    ``in_annotation`` with a transition, let its status follow its sentences again, and fire
    ``article.reopened`` if it was signed off (once the status is final)."""
    was_signed_off = article.status == ArticleStatus.SIGNED_OFF
    if article.status != ArticleStatus.IN_ANNOTATION:
        _set_article_status(
            article, user, to=ArticleStatus.IN_ANNOTATION, action=action, comment=comment
        )
    refresh_article_status(article, user)
    if was_signed_off:
        webhooks.article_event(article=article, event=WebhookEvent.ARTICLE_REOPENED)


def check_role_change(*, article: Article, role: str) -> None:
    """``article`` may take ``role``. A draft leaves the desk (becomes a reference article)
    only while nobody has worked on it: it is not signed off and none of its annotations has
    gone beyond draft. The caller holds the article's lock."""
    if article.role != Article.Role.DRAFT or role == Article.Role.DRAFT:
        return
    if article.status == ArticleStatus.SIGNED_OFF:
        raise WorkflowError(ERR_ROLE_SIGNED_OFF)
    worked = (
        Annotation.objects.current()
        .filter(sentence__article=article)
        .exclude(status=AnnotationStatus.DRAFT)
        .count()
    )
    if worked:
        raise WorkflowError(ERR_ROLE_ANNOTATED.format(count=worked))


def can_change_role(*, article: Article, role: str) -> bool:
    return _allows(check_role_change, article=article, role=role)


def edit_metadata(*, article: Article, user: User, values: dict[str, Any]) -> Article:
    """``user`` changes what ``article`` says about itself (``values``: some of
    :data:`METADATA_FIELDS`), as the admin's change form does. Writes only the fields that
    changed; a signed-off article then goes back through the workflow to be signed off again,
    as when the publishing system sends new metadata. Returns the saved article."""
    _require(user, PERM_CHANGE_ARTICLE, ERR_CHANGE_ARTICLE)
    unknown = sorted(set(values) - set(METADATA_FIELDS))
    if unknown:
        raise WorkflowError(
            ERR_NOT_METADATA.format(allowed=", ".join(METADATA_FIELDS), fields=", ".join(unknown))
        )
    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        changed = [name for name, value in values.items() if getattr(locked, name) != value]
        if not changed:
            return locked
        for name in changed:
            setattr(locked, name, values[name])
        locked.save(update_fields=[*changed, "updated_at"])
        reopen_for_metadata(article=locked, fields=changed, user=user)
        return locked


def reopen_for_metadata(
    *, article: Article, fields: Iterable[str], user: User | None = None
) -> None:
    """What a signed-off ``article`` says about itself changed (``fields``: some of
    :data:`METADATA_FIELDS`), from the publishing system or, when ``user`` is given, from the
    admin: it goes back through the workflow to be signed off again, as a revision does
    (``article.reopened`` fires); its sentences keep their approvals. Nothing happens to an
    article not signed off. Should be called inside ``atomic`` while holding the SELECT FOR
    UPDATE lock on ``article``, once the new values are saved."""
    if article.status != ArticleStatus.SIGNED_OFF:
        return
    named = ", ".join(fields)
    _back_to_annotation(
        article,
        user,
        action=TransitionAction.REVISE,
        comment=EDITED_METADATA.format(user=user, fields=named)
        if user
        else REVISED_METADATA.format(fields=named),
    )


# --- the source registry ---------------------------------------------------------------------

SOURCE_CHANGED = "The registry entry {name!r} changed ({what}): this sourcing needs review again."
UNDER_REVIEW = (AnnotationStatus.SUBMITTED, AnnotationStatus.APPROVED)


def reopen_resting_on_sources(
    *, source_ids: Iterable[int], user: User, comment: str
) -> list[Article]:
    """A registry change altered what ``source_ids`` mean (a name or a kind): every submitted
    or approved annotation of a current sentence attributed to one of them (as source or as
    ``via``) goes back to draft, with a transition carrying ``comment``, and its article back
    to ``in_annotation`` as a revision does (``article.reopened`` if it was signed off).

    Returns the articles touched, in id order. Should be called inside ``atomic``; the caller
    holds the SELECT FOR UPDATE locks on the sources (always taken before any article, so a
    registry change and the desk's services lock in the same order). Locks each article,
    then its annotations, in id order.
    """
    ids = list(source_ids)
    on_sources = Attribution.objects.filter(Q(source_id__in=ids) | Q(via_id__in=ids))
    resting = Annotation.objects.of_current_claims().filter(
        status__in=UNDER_REVIEW, sentence_id__in=on_sources.values("sentence_id")
    )
    by_article: dict[int, list[int]] = {}
    for annotation_id, article_id in resting.values_list("pk", "sentence__article_id"):
        by_article.setdefault(article_id, []).append(annotation_id)
    touched = []
    for article_id in sorted(by_article):
        article = Article.objects.select_for_update().get(pk=article_id)
        locked = (
            Annotation.objects.select_for_update(of=("self",))
            .select_related("sentence")
            .filter(pk__in=by_article[article_id], status__in=UNDER_REVIEW)
            .order_by("pk")
        )
        for annotation in locked:
            before = annotation.status
            annotation.status = AnnotationStatus.DRAFT
            annotation.reviewer = None
            _save(annotation, user, ["status", "reviewer"])
            _record(
                article,
                annotation,
                action=TransitionAction.REOPEN,
                before=before,
                user=user,
                comment=comment,
            )
        _back_to_annotation(article, user, action=TransitionAction.REOPEN, comment=comment)
        touched.append(article)
    return touched


def add_comment(*, sentence: Sentence, user: User, body: str) -> Comment:
    """Add a message to the sentence's discussion thread."""
    if not has_desk_role(user):
        raise NotAllowed(ERR_COMMENT_NEEDS_ROLE)
    if not body or not body.strip():
        raise WorkflowError(ERR_EMPTY_COMMENT)
    check_length(body.strip(), limit=MAX_COMMENT_CHARS, what="comment")
    return Comment.objects.create(sentence=sentence, author=_actor(user), body=body.strip())
