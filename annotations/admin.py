"""The admin: browse articles with their sourcing, work annotations through the services,
keep the source registry tidy (merging duplicates).

Statuses are never edited as fields here: the admin calls the same services as the pages, so
the desk's rules (four eyes, no edits after approval, sign-off) hold in the admin too. The
history pages (django-simple-history) are read-only: a revert would write a past state
(``signed_off``, ``approved``) past the workflow, with no transition and no webhook.
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from annotations.models import (
    REFERENCE_LABEL,
    Annotation,
    Article,
    ArticleRevision,
    ArticleStatus,
    Attribution,
    Comment,
    Confidence,
    CrossCheck,
    CrosscheckJob,
    Sentence,
    SentenceQuerySet,
    Source,
    SourceAlias,
    Transition,
)
from annotations.services import workflow
from annotations.services.registry import EDITABLE_FIELDS, merge_sources, update_source
from annotations.services.workflow import WorkflowError

ERR_REVERT_DISABLED = (
    "Past versions are shown for reference only: reverting would bypass the review workflow."
)


SOURCE_REOPENED = (
    "{name} changed what it means: the sentences resting on it are back in draft for review "
    "in {articles}."
)


class ServiceSaveMixin:
    """For a ModelAdmin whose ``save_model`` calls a service: a refused save shows the
    refusal alone. Django would otherwise log the change and add "changed successfully"
    after the error; here the change form is shown again, as the database holds it, with only
    the refusal."""

    def save_through(self, request: HttpRequest, call: Any) -> None:
        """Run ``call`` (one service); a :class:`WorkflowError` becomes the page's only
        message."""
        try:
            call()
        except WorkflowError as exc:
            request._service_refusal = exc.message  # type: ignore[attr-defined]
            self.message_user(request, exc.message, messages.ERROR)  # type: ignore[attr-defined]

    def log_change(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        if getattr(request, "_service_refusal", None):
            return None
        return super().log_change(request, obj, message)  # type: ignore[misc]

    def response_change(self, request: HttpRequest, obj: Any) -> HttpResponse:
        if getattr(request, "_service_refusal", None):
            return HttpResponseRedirect(request.get_full_path())
        return super().response_change(request, obj)  # type: ignore[misc]


class ReadOnlyHistoryAdmin(SimpleHistoryAdmin):
    """simple-history's admin with its history list and records viewable, never reverted.

    ``SIMPLE_HISTORY_REVERT_DISABLED`` hides the revert button, but simple-history still saves
    a POST to a historical record's page; this refuses it, so nothing is written.
    """

    def revert_disabled(self, request: HttpRequest, obj: Any = None) -> bool:
        return True

    def history_form_view(
        self,
        request: HttpRequest,
        object_id: str,
        version_id: str,
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            raise PermissionDenied(ERR_REVERT_DISABLED)
        return super().history_form_view(request, object_id, version_id, extra_context)


class DeskEditedAdmin(ServiceSaveMixin, ReadOnlyHistoryAdmin):
    """What the desk makes (annotations, attributions): never added or deleted here, changed
    through the workflow services by whoever may annotate."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return workflow.can_annotate(request.user)


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters for a list column, an ellipsis marking the cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


def describe_standards(attribution: Attribution) -> str:
    """The standards fields of an anonymous use, or what is missing of them."""
    if not attribution.is_anonymous:
        return "—"
    missing = attribution.missing_standards
    return "missing: " + "; ".join(missing) if missing else "complete"


def describe_sources(sentence: Sentence) -> str:
    return (
        "; ".join(
            f"{a.source.name} ({a.source.kind}"
            + (f", via {a.via.name}" if a.via else "")
            + (", suggested" if a.is_suggestion else "")
            + ")"
            for a in sentence.attributions.all()
        )
        or "—"
    )


class SentenceInline(ReadOnlyInline):
    model = Sentence
    fields = ("index", "kind", "text", "sources", "confidence", "status")
    readonly_fields = fields
    show_change_link = True

    def get_queryset(self, request: HttpRequest) -> QuerySet[Sentence]:
        return (
            cast(SentenceQuerySet, super().get_queryset(request))
            .current()
            .select_related("annotation")
            .prefetch_related("attributions__source", "attributions__via")
        )

    @admin.display(description="sources")
    def sources(self, sentence: Sentence) -> str:
        return describe_sources(sentence)

    @admin.display(description="confidence")
    def confidence(self, sentence: Sentence) -> str:
        annotation = getattr(sentence, "annotation", None)
        return annotation.get_confidence_display() if annotation else "—"

    @admin.display(description="status")
    def status(self, sentence: Sentence) -> str:
        annotation = getattr(sentence, "annotation", None)
        return annotation.get_status_display() if annotation else "—"


class ConfidenceFilter(admin.SimpleListFilter):
    title = "confidence (any sentence)"
    parameter_name = "confidence"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return list(Confidence.choices)

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() in Confidence.values:
            return queryset.filter(
                Exists(
                    Annotation.objects.current().filter(
                        sentence__article=OuterRef("pk"), confidence=self.value()
                    )
                )
            )
        return queryset


class AnonymousSourcesFilter(admin.SimpleListFilter):
    title = "anonymous sources"
    parameter_name = "anonymous"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("yes", "Has anonymous sources"), ("no", "No anonymous sources")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        anonymous = Exists(
            Attribution.objects.current().filter(
                sentence__article=OuterRef("pk"), source__kind=Source.Kind.ANONYMOUS
            )
        )
        if self.value() == "yes":
            return queryset.filter(anonymous)
        if self.value() == "no":
            return queryset.exclude(anonymous)
        return queryset


class WorkflowStatusFilter(admin.SimpleListFilter):
    """The workflow status of draft articles (references have none, so no status lists one)."""

    title = "status"
    parameter_name = "status"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [*ArticleStatus.choices, ("reference", REFERENCE_LABEL)]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() == "reference":
            return queryset.filter(role=Article.Role.REFERENCE)
        if self.value() in ArticleStatus.values:
            return queryset.filter(role=Article.Role.DRAFT, status=self.value())
        return queryset


@admin.register(Article)
class ArticleAdmin(ServiceSaveMixin, ReadOnlyHistoryAdmin):
    list_display = (
        "headline",
        "external_id",
        "outlet",
        "role",
        "workflow_status",
        "revision",
        "progress",
        "published_at",
        "updated_at",
    )
    list_filter = (WorkflowStatusFilter, "role", "outlet", ConfidenceFilter, AnonymousSourcesFilter)
    search_fields = ("headline", "external_id", "outlet", "byline", "body")
    date_hierarchy = "published_at"
    # The body changes only by re-ingesting (which makes a revision); the status only through
    # the workflow services (shown as ``workflow_status``, which knows references have none).
    exclude = ("status",)
    readonly_fields = (
        "external_id",
        "role",
        "workflow_status",
        "body",
        "body_sha256",
        "revision",
        "created_at",
        "updated_at",
    )
    inlines = [SentenceInline]
    actions = ["sign_off", "reopen"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # articles arrive through `manage.py ingest` or the API

    def save_model(self, request: HttpRequest, obj: Article, form: Any, change: bool) -> None:
        # Metadata edits go through the workflow: a signed-off article is reopened by them.
        values = {name: form.cleaned_data[name] for name in form.changed_data}
        self.save_through(
            request, lambda: workflow.edit_metadata(article=obj, user=request.user, values=values)
        )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        # Every article (references too), with the same progress as the desk's article list.
        return super().get_queryset(request).with_progress()

    @admin.display(description="status", ordering="status")
    def workflow_status(self, article: Article) -> str:
        return article.workflow_label

    @admin.display(description="approved", ordering="approved_count")
    def progress(self, article: Article) -> str:
        if article.role == Article.Role.REFERENCE:
            return "—"  # not annotated, so nothing to approve
        return f"{article.approved_count}/{article.claim_count}"  # type: ignore[attr-defined]

    @admin.action(description="Sign off the selected articles")
    def sign_off(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        for article in queryset:
            try:
                workflow.sign_off(article=article, user=request.user)
            except WorkflowError as exc:
                self.message_user(request, f"{article}: {exc.message}", messages.ERROR)
            else:
                self.message_user(request, f"{article}: signed off.", messages.SUCCESS)

    @admin.action(description="Reopen the selected articles")
    def reopen(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        for article in queryset:
            try:
                workflow.reopen_article(article=article, user=request.user)
            except WorkflowError as exc:
                self.message_user(request, f"{article}: {exc.message}", messages.ERROR)
            else:
                self.message_user(request, f"{article}: reopened.", messages.SUCCESS)


@admin.register(ArticleRevision)
class ArticleRevisionAdmin(admin.ModelAdmin):
    list_display = ("article", "number", "created_at")
    list_select_related = ("article",)
    readonly_fields = ("article", "number", "body", "body_sha256", "created_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


class AttributionInline(ReadOnlyInline):
    model = Attribution
    fk_name = "sentence"
    fields = ("source", "source_kind", "cue", "mode", "via", "is_suggestion", "standards")
    readonly_fields = fields
    show_change_link = True

    @admin.display(description="standards (anonymous)")
    def standards(self, attribution: Attribution) -> str:
        return describe_standards(attribution)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Attribution]:
        return super().get_queryset(request).select_related("source", "via")

    @admin.display(description="kind")
    def source_kind(self, attribution: Attribution) -> str:
        return attribution.source.get_kind_display()


class CommentInline(ReadOnlyInline):
    model = Comment
    fields = ("created_at", "author", "body")
    readonly_fields = fields


class CrossCheckInline(ReadOnlyInline):
    model = CrossCheck
    fk_name = "claim"
    fields = ("match", "relation", "independent", "score", "reason")
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest) -> QuerySet[CrossCheck]:
        return super().get_queryset(request).select_related("match__article")


@admin.register(Sentence)
class SentenceAdmin(ReadOnlyHistoryAdmin):
    list_display = ("short_text", "article", "index", "kind", "archived_at")
    list_filter = ("kind", ("archived_at", admin.EmptyFieldListFilter))
    list_select_related = ("article",)
    search_fields = ("text", "article__headline", "article__external_id")
    readonly_fields = (
        "article",
        "index",
        "paragraph",
        "start",
        "end",
        "text",
        "kind",
        "archived_at",
    )
    inlines = [AttributionInline, CommentInline, CrossCheckInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description="text")
    def short_text(self, sentence: Sentence) -> str:
        return clip(sentence.text, 100)


class TransitionInline(ReadOnlyInline):
    model = Transition
    fields = ("created_at", "action", "from_status", "to_status", "actor", "comment")
    readonly_fields = fields


class AnnotationAdminForm(forms.ModelForm):
    """Carries the version the editor saw, so a stale save is refused, not applied."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Annotation
        fields = ("confidence", "note")


@admin.register(Annotation)
class AnnotationAdmin(DeskEditedAdmin):
    """Confidence and note are edited here through the services; statuses by the actions."""

    list_display = (
        "sentence_text",
        "article",
        "confidence",
        "status",
        "annotator",
        "reviewer",
        "updated_at",
    )
    list_filter = ("status", "confidence", "sentence__article__outlet")
    list_select_related = ("sentence__article", "annotator", "reviewer")
    search_fields = ("sentence__text", "note", "sentence__article__headline")
    form = AnnotationAdminForm
    fields = (
        "sentence",
        "confidence",
        "note",
        "status",
        "annotator",
        "reviewer",
        "version",
        "updated_at",
    )
    readonly_fields = ("sentence", "status", "annotator", "reviewer", "updated_at")
    inlines = [TransitionInline]
    actions = ["submit", "withdraw", "approve", "reopen"]

    @admin.display(description="sentence")
    def sentence_text(self, annotation: Annotation) -> str:
        return clip(annotation.sentence.text, 90)

    @admin.display(description="article")
    def article(self, annotation: Annotation) -> Article:
        return annotation.sentence.article

    def save_model(self, request: HttpRequest, obj: Annotation, form: Any, change: bool) -> None:
        """Save through the workflow service, so the rules and optimistic locking apply."""
        current = Annotation.objects.get(pk=obj.pk)
        self.save_through(
            request,
            lambda: workflow.update_annotation(
                annotation=current,
                user=request.user,
                version=form.cleaned_data["version"],
                confidence=form.cleaned_data["confidence"],
                note=form.cleaned_data["note"],
            ),
        )

    def _each(self, request: HttpRequest, queryset: QuerySet[Annotation], action: Any) -> None:
        done = 0
        for annotation in queryset.select_related("sentence"):
            try:
                action(annotation)
            except WorkflowError as exc:
                label = f"Sentence {annotation.sentence.index + 1}"
                self.message_user(request, f"{label}: {exc.message}", messages.ERROR)
            else:
                done += 1
        if done:
            self.message_user(request, f"{done} sentence(s) updated.", messages.SUCCESS)

    @admin.action(description="Submit the selected sentences for review")
    def submit(self, request: HttpRequest, queryset: QuerySet[Annotation]) -> None:
        self._each(request, queryset, lambda a: workflow.submit(annotation=a, user=request.user))

    @admin.action(description="Withdraw the selected sentences from review (to change them)")
    def withdraw(self, request: HttpRequest, queryset: QuerySet[Annotation]) -> None:
        self._each(request, queryset, lambda a: workflow.withdraw(annotation=a, user=request.user))

    @admin.action(description="Approve the selected sentences")
    def approve(self, request: HttpRequest, queryset: QuerySet[Annotation]) -> None:
        self._each(
            request, queryset, lambda a: workflow.approve(annotation=a, reviewer=request.user)
        )

    @admin.action(description="Reopen the selected approved sentences")
    def reopen(self, request: HttpRequest, queryset: QuerySet[Annotation]) -> None:
        self._each(
            request,
            queryset,
            lambda a: workflow.reopen_annotation(annotation=a, user=request.user),
        )


class AttributionAdminForm(forms.ModelForm):
    """An attribution's cue, mode and standards fields, with the version of the sentence's
    annotation the editor saw (a stale save is refused)."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Attribution
        fields = ("cue", "mode", *workflow.STANDARDS_FIELDS)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        annotation = Annotation.objects.filter(sentence_id=self.instance.sentence_id).first()
        if annotation is not None and "version" in self.fields:
            self.fields["version"].initial = annotation.version


@admin.register(Attribution)
class AttributionAdmin(DeskEditedAdmin):
    """Attributions, with the standards fields of each use of an anonymous source, edited
    through the workflow service (the sentence's rules and its annotation's version apply).
    They are added and removed on the desk."""

    list_display = ("__str__", "sentence_text", "source", "via", "is_suggestion", "standards")
    list_filter = ("is_suggestion", "source__kind")
    list_select_related = ("sentence", "source", "via")
    search_fields = ("source__name", "sentence__text", "anonymity_reason")
    form = AttributionAdminForm
    fields = (
        "sentence",
        "source",
        "via",
        "cue",
        "mode",
        "is_suggestion",
        *workflow.STANDARDS_FIELDS,
        "version",
    )
    readonly_fields = ("sentence", "source", "via", "is_suggestion")

    @admin.display(description="sentence")
    def sentence_text(self, attribution: Attribution) -> str:
        return clip(attribution.sentence.text, 80)

    @admin.display(description="standards (anonymous)")
    def standards(self, attribution: Attribution) -> str:
        return describe_standards(attribution)

    def save_model(self, request: HttpRequest, obj: Attribution, form: Any, change: bool) -> None:
        """Save through the workflow service: an approved or submitted sentence, or a
        signed-off article, refuses the change; saving a suggestion accepts it."""
        current = Attribution.objects.select_related("sentence", "source", "via").get(pk=obj.pk)
        data = form.cleaned_data
        self.save_through(
            request,
            lambda: workflow.save_attribution(
                sentence=current.sentence,
                attribution=current,
                user=request.user,
                version=data["version"],
                source=current.source,
                via=current.via,
                cue=data["cue"],
                mode=data["mode"],
                **{name: data[name] for name in workflow.STANDARDS_FIELDS},
            ),
        )


class SourceAliasInline(admin.TabularInline):
    model = SourceAlias
    extra = 1


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "alias_list", "attribution_count", "updated_at")
    list_filter = ("kind", "identity_known_to_editor")
    search_fields = ("name", "aliases__name")
    inlines = [SourceAliasInline]
    actions = ["merge"]
    fieldsets = (
        (None, {"fields": ("name", "kind", "description")}),
        (
            "Anonymous sources: defaults for new uses (newsroom standards)",
            {
                "fields": ("anonymity_reason", "in_position_to_know", "identity_known_to_editor"),
                "description": "Why anonymity was granted, whether the source is in a position "
                "to know, and that an editor knows who the source is. Each use of the source "
                "(an attribution) records its own; these are only what a new use starts from.",
            },
        ),
    )

    def save_model(self, request: HttpRequest, obj: Source, form: Any, change: bool) -> None:
        """A change goes through the registry service: renaming an entry or changing its kind
        reopens the sentences that rest on it for review."""
        if not change:
            super().save_model(request, obj, form, change)
            return
        values = {name: getattr(obj, name) for name in form.changed_data if name in EDITABLE_FIELDS}
        result = update_source(source=obj, user=request.user, values=values)
        if result.reopened:
            self.message_user(
                request,
                SOURCE_REOPENED.format(
                    name=result.source.name,
                    articles="; ".join(article.headline for article in result.reopened),
                ),
                messages.WARNING,
            )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Source]:
        return (
            super()
            .get_queryset(request)
            .annotate(n_attributions=Count("attributions", distinct=True))
            .prefetch_related("aliases")
        )

    @admin.display(description="aliases")
    def alias_list(self, source: Source) -> str:
        return ", ".join(alias.name for alias in source.aliases.all())

    @admin.display(description="attributions", ordering="n_attributions")
    def attribution_count(self, source: Source) -> int:
        return source.n_attributions  # type: ignore[attr-defined]

    @admin.action(
        description="Merge the selected sources into one", permissions=["change", "delete"]
    )
    def merge(self, request: HttpRequest, queryset: QuerySet[Source]) -> HttpResponse | None:
        sources = list(queryset.order_by("-n_attributions", "created_at"))
        if len(sources) < 2:
            self.message_user(request, "Select at least two sources to merge.", messages.ERROR)
            return None
        target_id = request.POST.get("target")
        if "apply" in request.POST and target_id:
            target = next((s for s in sources if str(s.pk) == target_id), None)
            if target is None:
                self.message_user(request, "Choose one of the selected sources.", messages.ERROR)
                return None
            others = [s for s in sources if s.pk != target.pk]
            merge_sources(target=target, others=others, user=request.user)  # type: ignore[arg-type]
            self.message_user(
                request,
                f"Merged {', '.join(s.name for s in others)} into {target.name}.",
                messages.SUCCESS,
            )
            return None
        return TemplateResponse(
            request,
            "admin/annotations/source/merge.html",
            {
                **self.admin_site.each_context(request),
                "title": "Merge sources",
                "sources": sources,
                "opts": self.model._meta,
                "action_checkbox_name": ACTION_CHECKBOX_NAME,
            },
        )


@admin.register(CrosscheckJob)
class CrosscheckJobAdmin(admin.ModelAdmin):
    list_display = ("article", "kind", "status", "progress", "attempts", "trigger", "created_at")
    list_filter = ("status", "kind")
    list_select_related = ("article",)
    search_fields = ("article__headline", "article__external_id", "trigger")
    readonly_fields = [f.name for f in CrosscheckJob._meta.fields if f.name != "id"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description="progress")
    def progress(self, job: CrosscheckJob) -> str:
        return format_html(
            '<progress max="100" value="{}"></progress> {}',
            job.progress_percent,
            job.progress_label,
        )


from annotations import admin_tokens, admin_webhooks  # noqa: E402,F401
