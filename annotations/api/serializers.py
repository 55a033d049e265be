"""Output serializers shared by several endpoints (inputs live next to their views).

Every field is listed explicitly. The objects they read are shaped by
:mod:`annotations.api.selectors`, which loads everything a response needs up front.
"""

from __future__ import annotations

from rest_framework import serializers

from annotations.api.fields import EnumField
from annotations.models import (
    AnnotationStatus,
    ArticleRole,
    ArticleStatus,
    AttributionMode,
    Confidence,
    CrosscheckRelation,
    JobStatus,
    SentenceKind,
    SourceKind,
)


class SourceRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    kind = EnumField(SourceKind)


class SourceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    kind = EnumField(SourceKind)
    aliases = serializers.SerializerMethodField()
    description = serializers.CharField()
    anonymity_reason = serializers.CharField(
        help_text="Default for new uses of an anonymous source: why anonymity was granted."
    )
    in_position_to_know = serializers.BooleanField(
        allow_null=True, help_text="Default for new uses."
    )
    identity_known_to_editor = serializers.BooleanField(help_text="Default for new uses.")
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()

    def get_aliases(self, source: object) -> list[str]:
        return [alias.name for alias in source.aliases.all()]  # type: ignore[attr-defined]


class AttributionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    source = SourceRefSerializer()  # type: ignore[assignment]  # popped by the metaclass
    via = SourceRefSerializer(
        allow_null=True,
        help_text=(
            "Whoever relayed it, outlet or not: Rubio via Politico ('Politico reported that "
            "Rubio told…'), Rubio via the diplomats ('Rubio said…, the diplomats said')."
        ),
    )
    cue = serializers.CharField(help_text="said, told, reported, according to…")
    mode = EnumField(AttributionMode)
    source_start = serializers.IntegerField(
        allow_null=True, help_text="Offset of the source mention in the body."
    )
    source_end = serializers.IntegerField(allow_null=True)
    cue_start = serializers.IntegerField(allow_null=True)
    cue_end = serializers.IntegerField(allow_null=True)
    suggested = serializers.BooleanField(
        source="is_suggestion", help_text="Suggested by the analysis and not yet accepted."
    )
    anonymity_reason = serializers.CharField(
        help_text="Why anonymity was granted (when the source or its relay is anonymous)."
    )
    in_position_to_know = serializers.BooleanField(
        allow_null=True, help_text="Whether the source is in a position to know; null: not stated."
    )
    identity_known_to_editor = serializers.BooleanField(
        allow_null=True, help_text="That an editor knows the identity; null: not stated."
    )
    missing_standards = serializers.ListField(
        child=serializers.CharField(),
        help_text=(
            "The standards fields an anonymous attribution still lacks; the sentence is not "
            "submitted, approved or signed off until it is empty."
        ),
    )


class AnnotationSerializer(serializers.Serializer):
    confidence = EnumField(Confidence)
    note = serializers.CharField()
    status = EnumField(AnnotationStatus)
    version = serializers.IntegerField(help_text="Send it back with every change (409 if stale).")
    annotator = serializers.CharField(
        source="annotator.username", allow_null=True, help_text="Who last changed the sourcing."
    )
    reviewer = serializers.CharField(source="reviewer.username", allow_null=True)
    updated_at = serializers.DateTimeField()


def sentence_attributions() -> serializers.BaseSerializer:
    """A sentence's attributions, in the order the desk lists them."""
    return AttributionSerializer(
        many=True,
        source="attributions.all",
        help_text=(
            "Accepted first, then suggestions; among suggestions the one the sentence rests on "
            "first (the weakest link of its chain: an anonymous relay before what it relays)."
        ),
    )


class AnnotationStateSerializer(serializers.Serializer):
    """A claim sentence's annotation with its attributions: what the annotation endpoints
    return, and ``current`` in a 409."""

    sentence_id = serializers.IntegerField(source="pk")
    article_id = serializers.IntegerField()
    article_status = EnumField(ArticleStatus, source="article.status")
    index = serializers.IntegerField()
    text = serializers.CharField()
    confidence = EnumField(Confidence, source="annotation.confidence")
    note = serializers.CharField(source="annotation.note")
    status = EnumField(AnnotationStatus, source="annotation.status")
    version = serializers.IntegerField(
        source="annotation.version", help_text="Send it back with every change (409 if stale)."
    )
    annotator = serializers.CharField(source="annotation.annotator.username", allow_null=True)
    reviewer = serializers.CharField(source="annotation.reviewer.username", allow_null=True)
    updated_at = serializers.DateTimeField(source="annotation.updated_at")
    attributions = sentence_attributions()


class CrosscheckMatchSerializer(serializers.Serializer):
    article = serializers.CharField(help_text="External id of the matching article.")
    sentence_index = serializers.IntegerField()
    text = serializers.CharField()
    relation = EnumField(CrosscheckRelation)
    independent = serializers.BooleanField(
        help_text="False when the match traces to the same origin as the claim (an echo)."
    )
    score = serializers.FloatField()
    reason = serializers.CharField()


class CrosscheckSummarySerializer(serializers.Serializer):
    independent_corroborations = serializers.IntegerField()
    echoes = serializers.IntegerField()
    contradictions = serializers.IntegerField()
    suggested_confidence = EnumField(
        Confidence, allow_null=True, help_text="None when the matches are no evidence either way."
    )
    matches = CrosscheckMatchSerializer(
        many=True,
        help_text=(
            "In the article detail, the five most telling matches: contradictions, then "
            "independent corroborations, echoes and related sentences, strongest first. "
            "`GET /api/v1/sentences/{id}/crosschecks/` lists them all, strongest first."
        ),
    )
    matches_total = serializers.IntegerField(help_text="How many matches the claim has in all.")


class SentenceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    index = serializers.IntegerField()
    paragraph = serializers.IntegerField()
    start = serializers.IntegerField(help_text="body[start:end] == text")
    end = serializers.IntegerField()
    text = serializers.CharField()
    kind = EnumField(SentenceKind)
    annotation = AnnotationSerializer(
        source="api_annotation", allow_null=True, help_text="None for boilerplate."
    )
    attributions = sentence_attributions()
    crosscheck = CrosscheckSummarySerializer(
        source="api_crosscheck", allow_null=True, help_text="None for boilerplate."
    )


class SignOffSerializer(serializers.Serializer):
    status = EnumField(ArticleStatus)
    signed_off_by = serializers.CharField(allow_null=True)
    signed_off_at = serializers.DateTimeField(allow_null=True)
    reopened_by = serializers.CharField(allow_null=True)
    reopened_at = serializers.DateTimeField(allow_null=True)
    reopen_comment = serializers.CharField()


class ArticleSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    external_id = serializers.CharField()
    role = EnumField(ArticleRole)
    status = EnumField(
        ArticleStatus,
        source="workflow_status",
        allow_null=True,
        help_text="Null for a reference article: it is never annotated, reviewed or signed off.",
    )
    headline = serializers.CharField()
    outlet = serializers.CharField()
    url = serializers.CharField()
    byline = serializers.CharField()
    published_at = serializers.DateTimeField(allow_null=True)
    revision = serializers.IntegerField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class ArticleDetailSerializer(ArticleSerializer):
    body = serializers.CharField()
    sign_off = SignOffSerializer(source="api_sign_off")
    sentences = SentenceSerializer(many=True, source="api_sentences")


class CrosscheckJobSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    article = serializers.IntegerField(source="article_id")
    kind = serializers.CharField()
    status = EnumField(JobStatus)
    progress_done = serializers.IntegerField()
    progress_total = serializers.IntegerField()
    progress_percent = serializers.IntegerField()
    attempts = serializers.IntegerField()
    error = serializers.CharField()
    trigger = serializers.CharField()
    created_at = serializers.DateTimeField()
    started_at = serializers.DateTimeField(allow_null=True)
    finished_at = serializers.DateTimeField(allow_null=True)
    url = serializers.SerializerMethodField(help_text="Poll this for progress.")
    article_url = serializers.SerializerMethodField()

    def _absolute(self, name: str, pk: int) -> str:
        from django.urls import reverse

        path = reverse(name, args=[pk])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path

    def get_url(self, job: object) -> str:
        return self._absolute("api:crosscheck-job", job.pk)  # type: ignore[attr-defined]

    def get_article_url(self, job: object) -> str:
        return self._absolute("api:article", job.article_id)  # type: ignore[attr-defined]
