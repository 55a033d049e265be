"""Per-sentence annotation: read, update (optimistic locking), review transitions, attributions.

Sentences are addressed by id. Only current claim sentences of draft articles have an
annotation: anything else (unknown id, archived by a revision, boilerplate, a reference
article) is a 404. Every change goes through one service of
:mod:`annotations.services.workflow`, so the API obeys exactly the pages' rules.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from annotations import selectors
from annotations.api.errors import (
    ANNOTATION_STATE_EXAMPLE,
    READ_ERRORS,
    VERSIONED_WRITE_ERRORS,
    WRITE_ERRORS,
)
from annotations.api.fields import EnumField, StrictCharField, StrictInputMixin
from annotations.api.permissions import (
    CanAnnotate,
    CanAnnotateOrReview,
    CanReview,
    HasDeskRole,
)
from annotations.api.serializers import AnnotationStateSerializer
from annotations.api.views.base import (
    MAX_ID,
    ApiView,
    NoInput,
    VersionInput,
    id_parameter,
    parse_id,
    validated,
    version_field,
)
from annotations.limits import MAX_COMMENT_CHARS, MAX_NOTE_CHARS, MAX_REASON_CHARS
from annotations.models import AttributionMode, Confidence, Source
from annotations.services import workflow

ERR_NOTHING_TO_SAVE = "Nothing to save: send a confidence or a note."
ERR_NO_SOURCE = "No source with this id in the registry."
ERR_SPAN_HALF = "Give both ends of the {what} span, or neither."
ERR_SPAN_EMPTY = "The span must end after it starts."
MAX_OFFSET = 2**31 - 1  # what the offset columns hold
TAG_ANNOTATION = "annotations"
TAG_TRANSITIONS = "transitions"
TAG_ATTRIBUTIONS = "attributions"

SENTENCE_ID = id_parameter("sentence_id", "The sentence's id.")
ATTRIBUTION_ID = id_parameter("attribution_id", "The attribution's id.")


def _state(sentence_id: int) -> Response:
    return Response(
        AnnotationStateSerializer(selectors.desk_sentence(sentence_id, annotated=True)).data
    )


# --- annotation ------------------------------------------------------------------------------


class AnnotationPatchInput(StrictInputMixin, serializers.Serializer):
    """The version the edit is based on, and a confidence and/or a note."""

    version = version_field()
    confidence = EnumField(Confidence, required=False)
    note = StrictCharField(required=False, allow_blank=True, max_length=MAX_NOTE_CHARS)

    # Never "partial": ``version`` stays required on PATCH. drf-spectacular (and DRF, for
    # ``partial=True``) would otherwise make every field optional.
    @property
    def partial(self) -> bool:
        return False

    @partial.setter
    def partial(self, value: bool) -> None:
        pass

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if "confidence" not in attrs and "note" not in attrs:
            raise serializers.ValidationError(ERR_NOTHING_TO_SAVE)
        return attrs


class AnnotationPutInput(StrictInputMixin, serializers.Serializer):
    """The version the edit is based on, the confidence and the note."""

    version = version_field()
    confidence = EnumField(Confidence)
    note = StrictCharField(allow_blank=True, max_length=MAX_NOTE_CHARS)


STALE_EXAMPLE = OpenApiExample(
    "Edit based on version 3",
    value={"version": 3, "confidence": "single_source", "note": "Only CNN has it."},
    request_only=True,
)


class AnnotationView(ApiView):
    """GET (any desk role); PATCH/PUT (editors) with the version the edit is based on."""

    def get_permissions(self) -> list[Any]:
        if self.request.method in ("PATCH", "PUT"):
            return [IsAuthenticated(), HasDeskRole(), CanAnnotate()]
        return list(super().get_permissions())

    @extend_schema(
        operation_id="annotation_retrieve",
        tags=[TAG_ANNOTATION],
        summary="A sentence's annotation and attributions",
        parameters=[SENTENCE_ID],
        examples=[
            OpenApiExample(
                "A sentence resting on an anonymous source via CNN",
                value=ANNOTATION_STATE_EXAMPLE,
                response_only=True,
            )
        ],
        responses={200: AnnotationStateSerializer, **READ_ERRORS},
    )
    def get(self, request: Request, sentence_id: str) -> Response:
        return _state(parse_id(sentence_id, "sentence_id"))

    def _update(self, request: Request, sentence_id: str, partial: bool) -> Response:
        sentence = selectors.desk_sentence(parse_id(sentence_id, "sentence_id"), annotated=True)
        data = validated(AnnotationPatchInput if partial else AnnotationPutInput, request.data)
        workflow.update_annotation(annotation=sentence.annotation, user=request.user, **data)
        return _state(sentence.pk)

    @extend_schema(
        operation_id="annotation_partial_update",
        tags=[TAG_ANNOTATION],
        summary="Change the confidence and/or the note",
        description=(
            "Editors. `version` is required: a stale one gets 409 with the annotation as it is "
            "now. A submitted sentence must be withdrawn from review first (`withdraw`), an "
            "approved sentence or a signed-off article reopened first (400 otherwise). The note "
            "is limited (`maxLength`; 400 `too_long` from the services as well)."
        ),
        parameters=[SENTENCE_ID],
        request=AnnotationPatchInput,
        examples=[STALE_EXAMPLE],
        responses={200: AnnotationStateSerializer, **VERSIONED_WRITE_ERRORS},
    )
    def patch(self, request: Request, sentence_id: str) -> Response:
        return self._update(request, sentence_id, partial=True)

    @extend_schema(
        operation_id="annotation_update",
        tags=[TAG_ANNOTATION],
        summary="Replace the confidence and the note",
        description="As PATCH, with both fields required.",
        parameters=[SENTENCE_ID],
        request=AnnotationPutInput,
        examples=[STALE_EXAMPLE],
        responses={200: AnnotationStateSerializer, **VERSIONED_WRITE_ERRORS},
    )
    def put(self, request: Request, sentence_id: str) -> Response:
        return self._update(request, sentence_id, partial=False)


# --- transitions -----------------------------------------------------------------------------


class ApproveInput(StrictInputMixin, serializers.Serializer):
    """Optionally the version the approval is based on (409 if stale) and a comment."""

    version = version_field(required=False)
    comment = StrictCharField(required=False, allow_blank=True, max_length=MAX_COMMENT_CHARS)


class RequestChangesInput(StrictInputMixin, serializers.Serializer):
    """What needs to change, and optionally the version the review is based on."""

    version = version_field(required=False)
    comment = StrictCharField(
        max_length=MAX_COMMENT_CHARS, help_text="What needs to change (required, not blank)."
    )


class SubmitView(ApiView):
    permission_classes = [IsAuthenticated, HasDeskRole, CanAnnotate]

    @extend_schema(
        operation_id="annotation_submit",
        tags=[TAG_TRANSITIONS],
        summary="Submit a sentence for review",
        description=(
            "Editors; a draft or a sentence with changes requested. A sentence resting on an "
            "anonymous source needs its standards fields on that attribution (400 "
            "`anonymous_source_standards`, naming the sentence and the field)."
        ),
        parameters=[SENTENCE_ID],
        request=VersionInput,
        examples=[OpenApiExample("Submit", value={"version": 4}, request_only=True)],
        responses={200: AnnotationStateSerializer, **VERSIONED_WRITE_ERRORS},
    )
    def post(self, request: Request, sentence_id: str) -> Response:
        sentence = selectors.desk_sentence(parse_id(sentence_id, "sentence_id"), annotated=True)
        data = validated(VersionInput, request.data)
        workflow.submit(annotation=sentence.annotation, user=request.user, **data)
        return _state(sentence.pk)


class ApproveView(ApiView):
    permission_classes = [IsAuthenticated, HasDeskRole, CanReview]

    @extend_schema(
        operation_id="annotation_approve",
        tags=[TAG_TRANSITIONS],
        summary="Approve a submitted sentence",
        description=(
            "Reviewers; never their own work (403). A sentence resting on an anonymous source "
            "needs its standards fields (400 `anonymous_source_standards`)."
        ),
        parameters=[SENTENCE_ID],
        request=ApproveInput,
        examples=[OpenApiExample("Approve", value={"version": 5}, request_only=True)],
        responses={200: AnnotationStateSerializer, **VERSIONED_WRITE_ERRORS},
    )
    def post(self, request: Request, sentence_id: str) -> Response:
        sentence = selectors.desk_sentence(parse_id(sentence_id, "sentence_id"), annotated=True)
        data = validated(ApproveInput, request.data)
        workflow.approve(annotation=sentence.annotation, reviewer=request.user, **data)
        return _state(sentence.pk)


class RequestChangesView(ApiView):
    permission_classes = [IsAuthenticated, HasDeskRole, CanReview]

    @extend_schema(
        operation_id="annotation_request_changes",
        tags=[TAG_TRANSITIONS],
        summary="Send a submitted sentence back with a comment",
        description="Reviewers; the comment is required; never their own work (403).",
        parameters=[SENTENCE_ID],
        request=RequestChangesInput,
        examples=[
            OpenApiExample(
                "Request changes",
                value={"version": 5, "comment": "Name the second source."},
                request_only=True,
            )
        ],
        responses={200: AnnotationStateSerializer, **VERSIONED_WRITE_ERRORS},
    )
    def post(self, request: Request, sentence_id: str) -> Response:
        sentence = selectors.desk_sentence(parse_id(sentence_id, "sentence_id"), annotated=True)
        data = validated(RequestChangesInput, request.data)
        workflow.request_changes(annotation=sentence.annotation, reviewer=request.user, **data)
        return _state(sentence.pk)


class WithdrawView(ApiView):
    permission_classes = [IsAuthenticated, HasDeskRole, CanAnnotate]

    @extend_schema(
        operation_id="annotation_withdraw",
        tags=[TAG_TRANSITIONS],
        summary="Withdraw a submitted sentence from review",
        description=(
            "Editors. The sentence goes back to draft (out of the review queue) so it can be "
            "changed; a submitted sentence is never changed in place."
        ),
        parameters=[SENTENCE_ID],
        request=VersionInput,
        examples=[OpenApiExample("Withdraw", value={"version": 5}, request_only=True)],
        responses={200: AnnotationStateSerializer, **VERSIONED_WRITE_ERRORS},
    )
    def post(self, request: Request, sentence_id: str) -> Response:
        sentence = selectors.desk_sentence(parse_id(sentence_id, "sentence_id"), annotated=True)
        data = validated(VersionInput, request.data)
        workflow.withdraw(annotation=sentence.annotation, user=request.user, **data)
        return _state(sentence.pk)


class ReopenSentenceView(ApiView):
    permission_classes = [IsAuthenticated, HasDeskRole, CanAnnotateOrReview]

    @extend_schema(
        operation_id="annotation_reopen",
        tags=[TAG_TRANSITIONS],
        summary="Take an approved sentence back to draft",
        description="Editors and reviewers; not while the article is signed off.",
        parameters=[SENTENCE_ID],
        request=NoInput,
        responses={200: AnnotationStateSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, sentence_id: str) -> Response:
        sentence = selectors.desk_sentence(parse_id(sentence_id, "sentence_id"), annotated=True)
        validated(NoInput, request.data)
        workflow.reopen_annotation(annotation=sentence.annotation, user=request.user)
        return _state(sentence.pk)


# --- attributions ----------------------------------------------------------------------------


class StandardsInput(serializers.Serializer):
    """The newsroom's standards for this use of an anonymous source; an omitted field keeps the
    attribution's value (or takes the registry entry's default). Ignored for named sources."""

    anonymity_reason = StrictCharField(
        required=False,
        allow_blank=True,
        max_length=MAX_REASON_CHARS,
        help_text="Why anonymity was granted.",
    )
    in_position_to_know = serializers.BooleanField(
        required=False, allow_null=True, help_text="Whether the source is in a position to know."
    )
    identity_known_to_editor = serializers.BooleanField(
        required=False, allow_null=True, help_text="That an editor knows who the source is."
    )


class AcceptInput(StrictInputMixin, StandardsInput):
    """The version the acceptance is based on, and the standards fields of an anonymous
    source."""

    version = version_field()


class AttributionInput(StrictInputMixin, StandardsInput):
    """A source from the registry behind the sentence, with its cue, mode and relay, and
    the standards fields when the source or the relay is anonymous."""

    version = version_field()
    source = serializers.IntegerField(  # type: ignore[assignment]  # popped by the metaclass
        min_value=1, max_value=MAX_ID, help_text="Id of a registry entry."
    )
    via = serializers.IntegerField(
        min_value=1,
        max_value=MAX_ID,
        required=False,
        allow_null=True,
        help_text="Id of whoever relayed it, outlet or not (Rubio via the diplomats).",
    )
    cue = StrictCharField(
        required=False,
        allow_blank=True,
        max_length=100,
        help_text="With a marked cue (`cue_start`/`cue_end`), blank or those very words.",
    )
    mode = EnumField(AttributionMode, required=False)
    source_start = serializers.IntegerField(
        required=False,
        min_value=0,
        max_value=MAX_OFFSET,
        help_text=(
            "The source mention's span, as character offsets into the article body (as "
            "`analyze` and the article detail give them), inside the sentence; with "
            "`source_end`. Omitted: an edit keeps the span it had (unless the source changes)."
        ),
    )
    source_end = serializers.IntegerField(required=False, min_value=0, max_value=MAX_OFFSET)
    cue_start = serializers.IntegerField(
        required=False,
        min_value=0,
        max_value=MAX_OFFSET,
        help_text=(
            "The cue's span (body offsets, inside the sentence, not overlapping the source "
            "mention), with `cue_end`; `cue` is then blank (the marked words become the cue) "
            "or those words."
        ),
    )
    cue_end = serializers.IntegerField(required=False, min_value=0, max_value=MAX_OFFSET)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        for what in ("source", "cue"):
            start, end = attrs.pop(f"{what}_start", None), attrs.pop(f"{what}_end", None)
            if (start is None) != (end is None):
                missing = f"{what}_end" if end is None else f"{what}_start"
                raise serializers.ValidationError({missing: [ERR_SPAN_HALF.format(what=what)]})
            if start is not None and end is not None and end <= start:
                raise serializers.ValidationError({f"{what}_end": [ERR_SPAN_EMPTY]})
            attrs[f"{what}_span"] = (start, end) if start is not None else None
        wanted = {attrs["source"]} | ({attrs["via"]} if attrs.get("via") else set())
        found = Source.objects.in_bulk(wanted)
        errors = {
            name: [ERR_NO_SOURCE]
            for name in ("source", "via")
            if attrs.get(name) and attrs[name] not in found
        }
        if errors:
            raise serializers.ValidationError(errors)
        attrs["source"] = found[attrs["source"]]
        attrs["via"] = found[attrs["via"]] if attrs.get("via") else None
        return attrs


ATTRIBUTION_EXAMPLE = OpenApiExample(
    "Rubio via Politico",
    value={"version": 2, "source": 12, "via": 3, "cue": "told", "mode": "indirect"},
    request_only=True,
)
SPANS_EXAMPLE = OpenApiExample(
    "With the words marked in the text",
    value={
        "version": 2,
        "source": 12,
        "mode": "indirect",
        "source_start": 412,
        "source_end": 423,
        "cue_start": 424,
        "cue_end": 428,
    },
    request_only=True,
)
SPANS_DESCRIPTION = (
    " The source and cue spans (`source_start`/`source_end`, `cue_start`/`cue_end`) are "
    "checked as on the desk's page: inside the sentence, not overlapping, the cue being the "
    "marked words; a span that breaks one of these is a 400 with the reason, nothing saved."
)


class AttributionCollectionView(ApiView):
    permission_classes = [IsAuthenticated, HasDeskRole, CanAnnotate]

    @extend_schema(
        operation_id="attribution_create",
        tags=[TAG_ATTRIBUTIONS],
        summary="Add an attribution to a sentence",
        description="Editors. Returns the annotation state (its version goes up)."
        + SPANS_DESCRIPTION,
        parameters=[SENTENCE_ID],
        request=AttributionInput,
        examples=[ATTRIBUTION_EXAMPLE, SPANS_EXAMPLE],
        responses={201: AnnotationStateSerializer, **VERSIONED_WRITE_ERRORS},
    )
    def post(self, request: Request, sentence_id: str) -> Response:
        sentence = selectors.desk_sentence(parse_id(sentence_id, "sentence_id"), annotated=True)
        data = validated(AttributionInput, request.data)
        workflow.save_attribution(sentence=sentence, user=request.user, **data)
        response = _state(sentence.pk)
        response.status_code = status.HTTP_201_CREATED
        return response


class AttributionView(ApiView):
    permission_classes = [IsAuthenticated, HasDeskRole, CanAnnotate]

    @extend_schema(
        operation_id="attribution_update",
        tags=[TAG_ATTRIBUTIONS],
        summary="Edit an attribution (it becomes accepted)",
        description="Editors." + SPANS_DESCRIPTION,
        parameters=[ATTRIBUTION_ID],
        request=AttributionInput,
        examples=[ATTRIBUTION_EXAMPLE, SPANS_EXAMPLE],
        responses={200: AnnotationStateSerializer, **VERSIONED_WRITE_ERRORS},
    )
    def put(self, request: Request, attribution_id: str) -> Response:
        attribution = selectors.desk_attribution(
            parse_id(attribution_id, "attribution_id"), claims_only=True
        )
        data = validated(AttributionInput, request.data)
        workflow.save_attribution(
            sentence=attribution.sentence, attribution=attribution, user=request.user, **data
        )
        return _state(attribution.sentence_id)

    @extend_schema(
        operation_id="attribution_delete",
        tags=[TAG_ATTRIBUTIONS],
        summary="Remove an attribution (its history is kept)",
        description="The annotation's version goes in the query string: `?version=N`.",
        parameters=[
            ATTRIBUTION_ID,
            OpenApiParameter(
                "version",
                {"type": "integer", "minimum": 1, "maximum": 2**31 - 1},
                required=True,
                description="The annotation's version the removal was based on.",
            ),
        ],
        responses={200: AnnotationStateSerializer, **VERSIONED_WRITE_ERRORS},
    )
    def delete(self, request: Request, attribution_id: str) -> Response:
        attribution = selectors.desk_attribution(
            parse_id(attribution_id, "attribution_id"), claims_only=True
        )
        data = validated(VersionInput, request.query_params, only=["version"])
        workflow.remove_attribution(attribution=attribution, user=request.user, **data)
        return _state(attribution.sentence_id)


class AcceptAttributionView(ApiView):
    permission_classes = [IsAuthenticated, HasDeskRole, CanAnnotate]

    @extend_schema(
        operation_id="attribution_accept",
        tags=[TAG_ATTRIBUTIONS],
        summary="Accept a suggested attribution",
        description=(
            "Editors. An anonymous source's standards fields may be given here; omitted ones "
            "take the registry entry's defaults."
        ),
        parameters=[ATTRIBUTION_ID],
        request=AcceptInput,
        examples=[
            OpenApiExample("Accept", value={"version": 2}, request_only=True),
            OpenApiExample(
                "Accept an anonymous source",
                value={
                    "version": 2,
                    "anonymity_reason": "Not authorised to speak on the negotiations.",
                    "in_position_to_know": True,
                    "identity_known_to_editor": True,
                },
                request_only=True,
            ),
        ],
        responses={200: AnnotationStateSerializer, **VERSIONED_WRITE_ERRORS},
    )
    def post(self, request: Request, attribution_id: str) -> Response:
        attribution = selectors.desk_attribution(
            parse_id(attribution_id, "attribution_id"), claims_only=True
        )
        data = validated(AcceptInput, request.data)
        workflow.accept_attribution(attribution=attribution, user=request.user, **data)
        return _state(attribution.sentence_id)
