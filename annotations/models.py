"""Articles, their sentences, the source registry and the attributions that tie them together.

Names follow the product brief (``shared/PRODUCT.md``): an :class:`Article` is split into
:class:`Sentence` rows with exact offsets; each sentence has zero or more :class:`Attribution`
rows pointing at a :class:`Source` in the newsroom's registry.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Count, F, Q
from django.db.models.functions import Length, Lower
from django.utils import timezone
from simple_history.models import HistoricalRecords

from annotations.limits import MAX_COMMENT_CHARS, MAX_NOTE_CHARS, MAX_REASON_CHARS
from verify.engine import vocabulary


class ArticleRole(models.TextChoices):
    DRAFT = "draft", "Draft (ours, to be annotated)"
    REFERENCE = "reference", "Reference (other outlets' coverage)"


class ArticleStatus(models.TextChoices):
    IN_ANNOTATION = "in_annotation", "In annotation"
    IN_REVIEW = "in_review", "In review"
    SIGNED_OFF = "signed_off", "Signed off"


# The engine's vocabularies (verify.engine.vocabulary) with the desk's labels.


class SentenceKind(models.TextChoices):
    CLAIM = vocabulary.SentenceKind.CLAIM.value, "Claim"
    BOILERPLATE = vocabulary.SentenceKind.BOILERPLATE.value, "Boilerplate"


class SourceKind(models.TextChoices):
    OUTLET = vocabulary.SourceKind.OUTLET.value, "Outlet"
    OFFICIAL = vocabulary.SourceKind.OFFICIAL.value, "Official"
    PERSON = vocabulary.SourceKind.PERSON.value, "Person"
    ORGANISATION = vocabulary.SourceKind.ORGANISATION.value, "Organisation"
    ANONYMOUS = vocabulary.SourceKind.ANONYMOUS.value, "Anonymous"
    DOCUMENT = vocabulary.SourceKind.DOCUMENT.value, "Document"
    OWN_REPORTING = vocabulary.SourceKind.OWN_REPORTING.value, "Own reporting"


class Confidence(models.TextChoices):
    """How sure the desk is of a sentence, from strongest to weakest; ``disputed`` last."""

    CONFIRMED = vocabulary.Confidence.CONFIRMED.value, "Confirmed"
    CORROBORATED = vocabulary.Confidence.CORROBORATED.value, "Corroborated"
    SINGLE_SOURCE = vocabulary.Confidence.SINGLE_SOURCE.value, "Single source"
    UNVERIFIED = vocabulary.Confidence.UNVERIFIED.value, "Unverified"
    DISPUTED = vocabulary.Confidence.DISPUTED.value, "Disputed"


class AnnotationStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    APPROVED = "approved", "Approved"
    CHANGES_REQUESTED = "changes_requested", "Changes requested"


class AttributionMode(models.TextChoices):
    DIRECT_QUOTE = vocabulary.AttributionMode.DIRECT_QUOTE.value, "Direct quote"
    INDIRECT = vocabulary.AttributionMode.INDIRECT.value, "Indirect"
    REPORTED_BY = vocabulary.AttributionMode.REPORTED_BY.value, "Reported by"


# --- the desk's scope ---------------------------------------------------------------------
# The desk works on the current sentences (not archived by a revision) of draft articles, and
# rules apply to claim sentences. These are the only places that spell that out; every read
# reaches it through the QuerySet methods below. ``path`` leads from the model queried to
# the sentence ("" for Sentence itself, "sentence__" for an annotation...).


def current_q(path: str = "") -> Q:
    """The sentence at ``path`` is current: a revision has not archived it."""
    return Q(**{f"{path}archived_at__isnull": True})


def current_claim_q(path: str = "") -> Q:
    """The sentence at ``path`` is a current claim sentence."""
    return current_q(path) & Q(**{f"{path}kind": SentenceKind.CLAIM})


def on_desk_q(path: str = "") -> Q:
    """The sentence at ``path`` is a current sentence of a draft article."""
    return current_q(path) & Q(**{f"{path}article__role": ArticleRole.DRAFT})


class ArticleQuerySet(models.QuerySet["Article"]):
    def drafts(self) -> ArticleQuerySet:
        """The newsroom's own stories, the ones the desk annotates (not reference coverage)."""
        return self.filter(role=ArticleRole.DRAFT)

    def with_progress(self) -> ArticleQuerySet:
        """Annotated with ``claim_count`` (current claim sentences) and ``approved_count``."""
        claims = current_claim_q("sentences__")
        approved = claims & Q(sentences__annotation__status=AnnotationStatus.APPROVED)
        return self.annotate(
            claim_count=Count("sentences", filter=claims, distinct=True),
            approved_count=Count("sentences", filter=approved, distinct=True),
        )


class Article(models.Model):
    Role = ArticleRole
    Status = ArticleStatus

    external_id = models.CharField(
        max_length=200, unique=True, help_text="The publishing system's id for this story."
    )
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.DRAFT)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.IN_ANNOTATION)
    headline = models.CharField(max_length=500)
    outlet = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=2000, blank=True)
    byline = models.CharField(max_length=300, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    body = models.TextField()
    body_sha256 = models.CharField(max_length=64, editable=False)
    revision = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["body", "body_sha256", "updated_at"])

    class Meta:
        ordering = ["-updated_at", "-id"]
        permissions = [("sign_off_article", "Can sign articles off and reopen them")]
        indexes = [models.Index(fields=["role", "status"]), models.Index(fields=["updated_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(role__in=ArticleRole.values), name="article_role_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ArticleStatus.values),
                name="article_status_valid",
            ),
            models.CheckConstraint(condition=~Q(body=""), name="article_body_not_empty"),
        ]

    def __str__(self) -> str:
        return self.headline

    @property
    def workflow_status(self) -> str | None:
        """The article's workflow status; None for a reference article (never annotated)."""
        return None if self.role == ArticleRole.REFERENCE else self.status

    @property
    def workflow_label(self) -> str:
        """The article's place in the workflow, as pages show it: a reference article is
        never annotated, so it has none (its stored status is only the column's default)."""
        if self.role == ArticleRole.REFERENCE:
            return REFERENCE_LABEL
        return str(self.get_status_display())


REFERENCE_LABEL = "Reference (not annotated)"


class ArticleRevision(models.Model):
    """Every body an article has had, so that no text is ever lost to a re-ingest."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    body = models.TextField()
    body_sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["article", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "number"], name="article_revision_number_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article} (revision {self.number})"


class SentenceQuerySet(models.QuerySet["Sentence"]):
    def current(self) -> SentenceQuerySet:
        """Sentences of the article's current body (archived ones excluded)."""
        return self.filter(current_q())

    def claims(self) -> SentenceQuerySet:
        return self.filter(kind=SentenceKind.CLAIM)

    def on_desk(self) -> SentenceQuerySet:
        """Current sentences of draft articles: what the desk may open by id."""
        return self.filter(on_desk_q())


class Sentence(models.Model):
    Kind = SentenceKind

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sentences")
    index = models.PositiveIntegerField()
    paragraph = models.PositiveIntegerField()
    start = models.PositiveIntegerField(help_text="Offset of the first character in the body.")
    end = models.PositiveIntegerField(help_text="Offset just past the last character.")
    text = models.TextField()
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.CLAIM)
    search_text = models.TextField(
        blank=True, editable=False, help_text="Normalised text for the full-text index."
    )
    archived_at = models.DateTimeField(
        null=True, blank=True, help_text="Set when a revision removed this sentence's text."
    )
    crosschecked_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When a cross-check job last compared this text with the other articles.",
    )

    objects = SentenceQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text", "crosschecked_at"])

    class Meta:
        ordering = ["article", "index"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "index"],
                condition=Q(archived_at__isnull=True),
                name="sentence_index_unique_per_article",
            ),
            models.CheckConstraint(
                condition=Q(end=F("start") + Length("text")), name="sentence_offsets_match_text"
            ),
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="sentence_not_empty"),
            models.CheckConstraint(
                condition=Q(kind__in=SentenceKind.values), name="sentence_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.index}: {self.text[:80]}"


class Source(models.Model):
    """An entry of the newsroom's source registry, reused across articles."""

    Kind = SourceKind

    name = models.CharField(max_length=300)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    description = models.TextField(blank=True)
    # Newsroom standards for unnamed sources (AP, NYT): why anonymity was granted, whether the
    # source is in a position to know, and that an editor knows who the source is. They belong
    # to each use of the source (the attribution); here they are only the defaults a new use
    # starts from.
    anonymity_reason = models.TextField(
        blank=True,
        max_length=MAX_REASON_CHARS,
        help_text="Default for new uses: why anonymity was granted.",
    )
    in_position_to_know = models.BooleanField(
        null=True, blank=True, help_text="Default for new uses."
    )
    identity_known_to_editor = models.BooleanField(default=False, help_text="Default for new uses.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        # The API's cached article detail reads the registry's latest change on every request.
        indexes = [models.Index(fields=["updated_at"], name="source_updated_at")]
        constraints = [
            models.UniqueConstraint(Lower("name"), "kind", name="source_name_kind_unique"),
            models.CheckConstraint(
                condition=Q(kind__in=SourceKind.values),
                name="source_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"

    @property
    def is_anonymous(self) -> bool:
        return self.kind == self.Kind.ANONYMOUS


class SourceAlias(models.Model):
    """Another name the same source goes by (POLITICO, Politico Europe for Politico)."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=300)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "source aliases"
        constraints = [
            models.UniqueConstraint("source", Lower("name"), name="source_alias_unique"),
        ]

    def __str__(self) -> str:
        return self.name


# The standards fields as messages name them.
STANDARD_REASON = "why anonymity was granted"
STANDARD_POSITION = "whether the source is in a position to know"
STANDARD_IDENTITY = "that an editor knows the identity"


class AttributionQuerySet(models.QuerySet["Attribution"]):
    def current(self) -> AttributionQuerySet:
        """Attributions of current sentences (any article)."""
        return self.filter(current_q("sentence__"))

    def on_desk(self) -> AttributionQuerySet:
        """Attributions of current sentences of draft articles."""
        return self.filter(on_desk_q("sentence__"))


CUE_MAX_LENGTH = 100


class Attribution(models.Model):
    """One source behind one sentence, with the cue that attributes it."""

    Mode = AttributionMode

    sentence = models.ForeignKey(Sentence, on_delete=models.CASCADE, related_name="attributions")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="attributions")
    via = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="relayed_attributions",
        help_text=(
            "Whoever relayed it, outlet or not (Rubio via Politico; Rubio via the diplomats)."
        ),
    )
    cue = models.CharField(max_length=CUE_MAX_LENGTH, blank=True)
    mode = models.CharField(max_length=16, choices=Mode.choices, default=Mode.INDIRECT)
    # Offsets into the article body; empty for an attribution an editor added by hand.
    source_start = models.PositiveIntegerField(null=True, blank=True)
    source_end = models.PositiveIntegerField(null=True, blank=True)
    cue_start = models.PositiveIntegerField(null=True, blank=True)
    cue_end = models.PositiveIntegerField(null=True, blank=True)
    is_suggestion = models.BooleanField(
        default=True, help_text="Suggested by the analysis engine and not yet accepted."
    )
    # The newsroom's standards for this use of an unnamed source (its source or its relay is
    # anonymous): "a senior Ukrainian source" in one story is not the same person in another.
    anonymity_reason = models.TextField(
        blank=True, max_length=MAX_REASON_CHARS, help_text="Why anonymity was granted."
    )
    in_position_to_know = models.BooleanField(
        null=True, blank=True, help_text="Whether the source is in a position to know."
    )
    identity_known_to_editor = models.BooleanField(
        null=True, blank=True, help_text="That an editor knows who the source is."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AttributionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["sentence", "id"]  # as suggested: the source a sentence rests on first
        constraints = [
            models.CheckConstraint(
                condition=Q(source_start__isnull=True, source_end__isnull=True)
                | Q(source_end__gte=F("source_start")),
                name="attribution_source_span_valid",
            ),
            models.CheckConstraint(
                condition=Q(cue_start__isnull=True, cue_end__isnull=True)
                | Q(cue_end__gte=F("cue_start")),
                name="attribution_cue_span_valid",
            ),
            models.CheckConstraint(
                condition=Q(mode__in=AttributionMode.values),
                name="attribution_mode_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source.name} {self.cue}".strip()

    @property
    def is_anonymous(self) -> bool:
        """The sentence rests on an unnamed source here: the source, or whoever relayed it."""
        return self.source.is_anonymous or bool(self.via and self.via.is_anonymous)

    @property
    def standards_defaults(self) -> Source | None:
        """The registry entry whose standards fields are this use's defaults: the anonymous
        source, else the anonymous relay."""
        if self.source.is_anonymous:
            return self.source
        if self.via is not None and self.via.is_anonymous:
            return self.via
        return None

    @property
    def standards_initial(self) -> dict[str, object]:
        """What a form asking for the standards fields starts from: this use's values, else the
        registry entry's defaults (``reason``, ``position``, ``identity``; None: not stated)."""
        defaults = self.standards_defaults
        identity = self.identity_known_to_editor
        if identity is None and defaults is not None and defaults.identity_known_to_editor:
            identity = True
        position = self.in_position_to_know
        if position is None and defaults is not None:
            position = defaults.in_position_to_know
        return {
            "reason": self.anonymity_reason or (defaults.anonymity_reason if defaults else ""),
            "position": position,
            "identity": identity,
        }

    @property
    def missing_standards(self) -> list[str]:
        """The standards fields an accepted anonymous attribution still lacks, as the desk
        names them (empty when none is missing, or the source is named)."""
        if not self.is_anonymous:
            return []
        missing = []
        if not self.anonymity_reason.strip():
            missing.append(STANDARD_REASON)
        if self.in_position_to_know is None:
            missing.append(STANDARD_POSITION)
        if self.identity_known_to_editor is not True:
            missing.append(STANDARD_IDENTITY)
        return missing

    def as_json(self) -> dict[str, object]:
        """The attribution as ``analyze`` and ``report`` print it (spans index the body)."""
        return {
            "source": self.source.name,
            "source_kind": self.source.kind,
            "cue": self.cue,
            "mode": self.mode,
            "via": self.via.name if self.via else None,
            "source_start": self.source_start,
            "source_end": self.source_end,
            "cue_start": self.cue_start,
            "cue_end": self.cue_end,
            "suggested": self.is_suggestion,
            # The standards fields of this use of the source (as the API's attributions).
            "anonymity_reason": self.anonymity_reason,
            "in_position_to_know": self.in_position_to_know,
            "identity_known_to_editor": self.identity_known_to_editor,
            "missing_standards": self.missing_standards,
        }

    @property
    def standards_label(self) -> str:
        """This use's standards fields in words, for exports ("" for a named source):
        "anonymity granted: ...; in a position to know: yes; identity known to an editor: not
        stated"."""
        if not self.is_anonymous:
            return ""

        def stated(value: bool | None) -> str:
            return "not stated" if value is None else ("yes" if value else "no")

        reason = self.anonymity_reason.strip() or "not stated"
        return (
            f"anonymity granted: {reason}; in a position to know: "
            f"{stated(self.in_position_to_know)}; identity known to an editor: "
            f"{stated(self.identity_known_to_editor)}"
        )


class AnnotationQuerySet(models.QuerySet["Annotation"]):
    def current(self) -> AnnotationQuerySet:
        """Annotations of current sentences (any article)."""
        return self.filter(current_q("sentence__"))

    def of_current_claims(self) -> AnnotationQuerySet:
        """Annotations of current claim sentences (any article)."""
        return self.filter(current_claim_q("sentence__"))

    def on_desk(self) -> AnnotationQuerySet:
        """Annotations of current sentences of draft articles."""
        return self.filter(on_desk_q("sentence__"))

    def submitted(self) -> AnnotationQuerySet:
        return self.filter(status=AnnotationStatus.SUBMITTED)


def keep_approvals(collector: Any, field: Any, sub_objs: Any, using: str) -> None:
    """``on_delete`` for the people named on an annotation. An approved sentence keeps both
    its annotator and its reviewer (four eyes, held by the database), so deleting either
    account is refused with :class:`~django.db.models.ProtectedError` (deactivate the account
    instead); on any other sentence the name is cleared, as ``SET_NULL`` does."""
    approved = {a for a in sub_objs if a.status == AnnotationStatus.APPROVED}
    if approved:
        raise models.ProtectedError(
            f"This account is the {field.name} of {len(approved)} approved sentence(s), which "
            "must keep both names; deactivate the account instead of deleting it.",
            approved,
        )
    models.SET_NULL(collector, field, sub_objs, using)


class Annotation(models.Model):
    """The desk's sourcing verdict on one sentence: confidence, note and review state.

    Change it only through :mod:`annotations.services.workflow`, which checks the rules and
    bumps :attr:`version` for optimistic locking.
    """

    Confidence = Confidence
    Status = AnnotationStatus

    sentence = models.OneToOneField(Sentence, on_delete=models.CASCADE, related_name="annotation")
    confidence = models.CharField(
        max_length=16, choices=Confidence.choices, default=Confidence.UNVERIFIED
    )
    note = models.TextField(blank=True, max_length=MAX_NOTE_CHARS)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    annotator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=keep_approvals,
        null=True,
        blank=True,
        related_name="+",
        help_text="Who last changed the sourcing; never the one who approves it.",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=keep_approvals,
        null=True,
        blank=True,
        related_name="+",
    )
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AnnotationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        permissions = [
            ("annotate_sentence", "Can annotate sentences"),
            ("review_annotation", "Can approve or request changes on annotations"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(confidence__in=Confidence.values), name="annotation_confidence_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=AnnotationStatus.values), name="annotation_status_valid"
            ),
            # Four eyes, held by the database too: an approval names a reviewer who is not the
            # annotator.
            models.CheckConstraint(
                condition=~Q(status=AnnotationStatus.APPROVED)
                | (
                    Q(reviewer__isnull=False)
                    & Q(annotator__isnull=False)
                    & ~Q(reviewer=F("annotator"))
                ),
                name="annotation_approved_by_another",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sentence} [{self.confidence}, {self.status}]"

    @property
    def is_approved(self) -> bool:
        return self.status == AnnotationStatus.APPROVED


class TransitionAction(models.TextChoices):
    SUBMIT = "submit", "Submitted"
    APPROVE = "approve", "Approved"
    REQUEST_CHANGES = "request_changes", "Requested changes"
    REOPEN = "reopen", "Reopened"
    SIGN_OFF = "sign_off", "Signed off"
    REVISE = "revise", "Text revised"
    WITHDRAW = "withdraw", "Withdrew from review"


class Transition(models.Model):
    """A recorded workflow step on a sentence's annotation or on a whole article."""

    Action = TransitionAction

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="transitions")
    annotation = models.ForeignKey(
        Annotation, on_delete=models.CASCADE, null=True, blank=True, related_name="transitions"
    )
    action = models.CharField(max_length=20, choices=TransitionAction.choices)
    from_status = models.CharField(max_length=20)
    to_status = models.CharField(max_length=20)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    comment = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["article", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.from_status} -> {self.to_status}"


class Comment(models.Model):
    """One message of a sentence's discussion thread between editors and reviewers."""

    sentence = models.ForeignKey(Sentence, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(max_length=MAX_COMMENT_CHARS)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.CheckConstraint(condition=~Q(body=""), name="comment_not_empty")]

    def __str__(self) -> str:
        return self.body[:80]


class CrosscheckRelation(models.TextChoices):
    CORROBORATES = vocabulary.Relation.CORROBORATES.value, "Corroborates"
    CONTRADICTS = vocabulary.Relation.CONTRADICTS.value, "Contradicts"
    RELATED = vocabulary.Relation.RELATED.value, "Related"


class CrossCheckQuerySet(models.QuerySet["CrossCheck"]):
    def of_current_claims(self) -> CrossCheckQuerySet:
        """Matches of claims a revision has not archived (a match may be in any article)."""
        return self.filter(current_q("claim__"))


class CrossCheck(models.Model):
    """A sentence of another article that matches a claim sentence."""

    Relation = CrosscheckRelation

    claim = models.ForeignKey(Sentence, on_delete=models.CASCADE, related_name="crosschecks")
    match = models.ForeignKey(Sentence, on_delete=models.CASCADE, related_name="+")
    relation = models.CharField(max_length=16, choices=CrosscheckRelation.choices)
    score = models.FloatField()
    reason = models.CharField(max_length=500)
    independent = models.BooleanField(
        help_text="False when the match traces to the same origin as the claim (an echo)."
    )
    job = models.ForeignKey(
        "CrosscheckJob", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CrossCheckQuerySet.as_manager()

    class Meta:
        ordering = ["claim", "-score", "id"]
        constraints = [
            # A redelivered job can never write the same match twice.
            models.UniqueConstraint(fields=["claim", "match"], name="crosscheck_unique_match"),
            models.CheckConstraint(
                condition=Q(relation__in=CrosscheckRelation.values),
                name="crosscheck_relation_valid",
            ),
            models.CheckConstraint(condition=~Q(claim=F("match")), name="crosscheck_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.claim_id} {self.relation} {self.match_id} ({self.score:.2f})"


class JobStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class JobKind(models.TextChoices):
    CLAIMS = "claims", "Check claims"
    REFERENCE = "reference", "Plan checks for a new reference"


class CrosscheckJob(models.Model):
    """One run of the cross-check over some or all claim sentences of a draft article.

    The row is the source of truth; the Celery message only says "work on job N". A worker
    claims the row with a conditional update (queued, or running with an expired lease), so a
    redelivered message is harmless; results are written claim by claim in the same
    transaction as the progress, so a job resumed after a crash continues where it stopped.
    """

    Status = JobStatus
    Kind = JobKind

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="crosscheck_jobs")
    sentence_ids = models.JSONField(
        null=True,
        blank=True,
        help_text="Claims to check; empty means every current claim of the article.",
    )
    kind = models.CharField(max_length=16, choices=JobKind.choices, default=JobKind.CLAIMS)
    trigger = models.CharField(
        max_length=200, blank=True, help_text="Why the job exists (ingest, a new reference…)."
    )
    status = models.CharField(max_length=16, choices=JobStatus.choices, default=JobStatus.QUEUED)
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    attempts = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    lease_token = models.CharField(max_length=32, blank=True, editable=False)
    dispatched_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "dispatched_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=JobStatus.values), name="crosscheck_job_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(progress_done__lte=F("progress_total")),
                name="crosscheck_job_progress_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"Cross-check of {self.article} ({self.status}, {self.progress_label})"

    @property
    def progress_label(self) -> str:
        return f"{self.progress_done} of {self.progress_total} sentences"

    @property
    def progress_percent(self) -> int:
        if not self.progress_total:
            return 100 if self.status == JobStatus.DONE else 0
        return round(100 * self.progress_done / self.progress_total)


class SearchTerm(models.Model):
    """How many indexed sentences contain each index term (for choosing query terms and idf)."""

    term = models.CharField(max_length=100, primary_key=True)
    df = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.term} ({self.df})"


class WebhookEvent(models.TextChoices):
    ARTICLE_SIGNED_OFF = "article.signed_off", "Article signed off"
    ARTICLE_REOPENED = "article.reopened", "Article reopened"


def new_webhook_secret() -> str:
    import secrets

    return secrets.token_urlsafe(32)


class WebhookEndpoint(models.Model):
    """Where the publishing system wants to hear about events, and the secret that signs them."""

    name = models.CharField(max_length=200)
    url = models.URLField(max_length=2000)
    secret = models.CharField(
        max_length=200,
        default=new_webhook_secret,
        help_text="Shared secret for the HMAC-SHA256 signature (X-Sourcedesk-Signature).",
    )
    events = models.JSONField(
        default=list, blank=True, help_text="Event names to send; empty means all events."
    )
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.url})"

    def wants(self, event: str) -> bool:
        return self.is_active and (not self.events or event in self.events)

    def clean(self) -> None:
        """Refuse a URL that points inside the network (see :mod:`annotations.webhook_addresses`;
        each delivery checks it again after resolving the name)."""
        from django.core.exceptions import ValidationError

        from annotations.webhook_addresses import RefusedAddress, check_url

        super().clean()
        if not self.url:
            return
        try:
            check_url(self.url)
        except RefusedAddress as exc:
            raise ValidationError({"url": str(exc)}) from None


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    SUCCEEDED = "succeeded", "Succeeded"
    FAILED = "failed", "Failed"


class WebhookDelivery(models.Model):
    """One event for one endpoint, with every attempt's outcome (the delivery log)."""

    Status = DeliveryStatus

    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.CharField(max_length=50, choices=WebhookEvent.choices)
    event_id = models.UUIDField(help_text="Stable across retries, for the receiver to dedupe.")
    payload = models.JSONField()
    status = models.CharField(
        max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveIntegerField(default=0)
    response_status = models.PositiveIntegerField(null=True, blank=True)
    response_body = models.TextField(blank=True)
    error = models.TextField(blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    attempt_started_at = models.DateTimeField(
        null=True, blank=True, help_text="Set while an attempt is being sent."
    )
    delivered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "webhook deliveries"
        indexes = [models.Index(fields=["status", "next_attempt_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["endpoint", "event_id"], name="webhook_delivery_once_per_endpoint"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} → {self.endpoint.name} ({self.status})"


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def live(self) -> ApiTokenQuerySet:
        """Tokens that still authenticate: not expired, of an active user."""
        return self.filter(expires_at__gt=timezone.now(), user__is_active=True)


class ApiToken(models.Model):
    """An API token. Only a SHA-256 digest of the key is stored; the key is shown once.

    Keys are 32 random bytes (URL-safe base64), so a plain digest is as strong as a slow
    password hash would be and costs nothing per request. ``prefix`` (the key's first
    characters) finds the row; the digest is then compared in constant time.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, blank=True, help_text="What the token is for.")
    prefix = models.CharField(max_length=12, unique=True, editable=False)
    digest = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "API token"

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()
