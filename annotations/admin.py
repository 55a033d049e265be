from __future__ import annotations

from django.contrib import admin
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest

from annotations.models import (
    Article,
    ArticleRevision,
    Attribution,
    Sentence,
    Source,
    SourceAlias,
)


class SentenceInline(admin.TabularInline):
    model = Sentence
    fields = ("index", "paragraph", "kind", "text", "sources")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def get_queryset(self, request: HttpRequest) -> QuerySet[Sentence]:
        return (
            super()
            .get_queryset(request)
            .filter(archived_at__isnull=True)
            .prefetch_related("attributions__source", "attributions__via")
        )

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    @admin.display(description="sources")
    def sources(self, sentence: Sentence) -> str:
        return (
            "; ".join(
                f"{a.source.name} ({a.source.kind}{', via ' + a.via.name if a.via else ''})"
                for a in sentence.attributions.all()
            )
            or "—"
        )


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = (
        "headline",
        "external_id",
        "outlet",
        "role",
        "status",
        "revision",
        "sentence_count",
        "published_at",
        "updated_at",
    )
    list_filter = ("role", "status", "outlet")
    search_fields = ("headline", "external_id", "outlet", "byline")
    date_hierarchy = "published_at"
    readonly_fields = ("body_sha256", "revision", "created_at", "updated_at")
    inlines = [SentenceInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        return (
            super()
            .get_queryset(request)
            .annotate(n_sentences=Count("sentences", filter=Q(sentences__archived_at__isnull=True)))
        )

    @admin.display(description="sentences", ordering="n_sentences")
    def sentence_count(self, article: Article) -> int:
        return article.n_sentences  # type: ignore[attr-defined]


@admin.register(ArticleRevision)
class ArticleRevisionAdmin(admin.ModelAdmin):
    list_display = ("article", "number", "created_at")
    list_select_related = ("article",)
    readonly_fields = ("article", "number", "body", "body_sha256", "created_at")


class AttributionInline(admin.TabularInline):
    model = Attribution
    fk_name = "sentence"
    fields = ("source", "source_kind", "cue", "mode", "via", "is_suggestion")
    readonly_fields = ("source_kind",)
    autocomplete_fields = ("source", "via")
    extra = 0

    @admin.display(description="kind")
    def source_kind(self, attribution: Attribution) -> str:
        return attribution.source.get_kind_display() if attribution.source_id else ""


@admin.register(Sentence)
class SentenceAdmin(admin.ModelAdmin):
    list_display = ("short_text", "article", "index", "paragraph", "kind", "archived_at")
    list_filter = ("kind", ("archived_at", admin.EmptyFieldListFilter))
    list_select_related = ("article",)
    search_fields = ("text", "article__headline", "article__external_id")
    readonly_fields = ("article", "index", "paragraph", "start", "end", "text", "archived_at")
    inlines = [AttributionInline]

    @admin.display(description="text")
    def short_text(self, sentence: Sentence) -> str:
        return sentence.text if len(sentence.text) <= 100 else sentence.text[:99] + "…"


class SourceAliasInline(admin.TabularInline):
    model = SourceAlias
    extra = 1


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "alias_list", "attribution_count", "updated_at")
    list_filter = ("kind", "identity_known_to_editor")
    search_fields = ("name", "aliases__name")
    inlines = [SourceAliasInline]
    fieldsets = (
        (None, {"fields": ("name", "kind", "description")}),
        (
            "Anonymous sources (newsroom standards)",
            {
                "fields": ("anonymity_reason", "in_position_to_know", "identity_known_to_editor"),
                "description": "Why anonymity was granted, whether the source is in a position "
                "to know, and that an editor knows who the source is.",
            },
        ),
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
