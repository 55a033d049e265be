"""The list filters (django-filter FilterSets) the selectors apply to their querysets.

A selector takes ``filters`` (a mapping: request parameters, or values an input serializer
validated) and returns ``SomeFilter(filters, queryset=...).qs``; values a filter cannot read
are left out rather than guessed at.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms

from annotations.models import Annotation, Article, ArticleRole, ArticleStatus, Confidence


class IdFilter(django_filters.NumberFilter):
    """A row id: a whole number (anything else is ignored)."""

    field_class = forms.IntegerField


class ReviewQueueFilter(django_filters.FilterSet):
    """The review queue's filters: article, annotator (ids) and confidence (a known level)."""

    article = IdFilter(field_name="sentence__article_id", min_value=0)
    annotator = IdFilter(field_name="annotator_id", min_value=0)
    confidence = django_filters.ChoiceFilter(choices=Confidence.choices)

    class Meta:
        model = Annotation
        fields = ["article", "annotator", "confidence"]

    @classmethod
    def values(cls, params: Any) -> dict[str, Any]:
        """The filters as read from ``params`` (the page shows them), ignored ones left out."""
        filterset = cls(params, queryset=Annotation.objects.none())
        filterset.is_valid()
        return {
            name: value
            for name, value in filterset.form.cleaned_data.items()
            if value not in (None, "")
        }


class ArticleFilter(django_filters.FilterSet):
    """The API article list's filters, already validated by its input serializer."""

    # A workflow status names draft articles only (references have none).
    status = django_filters.ChoiceFilter(choices=ArticleStatus.choices, method="filter_status")
    role = django_filters.ChoiceFilter(choices=ArticleRole.choices)
    outlet = django_filters.CharFilter(lookup_expr="iexact")
    updated_since = django_filters.IsoDateTimeFilter(field_name="updated_at", lookup_expr="gte")
    external_id = django_filters.CharFilter()

    class Meta:
        model = Article
        fields = ["status", "role", "outlet", "updated_since", "external_id"]

    def filter_status(self, queryset: Any, name: str, value: str) -> Any:
        return queryset.filter(role=ArticleRole.DRAFT, status=value)
