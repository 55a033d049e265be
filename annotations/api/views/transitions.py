"""Article transitions: sign-off and reopening (reviewers and administrators)."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from annotations.api import selectors
from annotations.api.errors import WRITE_ERRORS
from annotations.api.fields import StrictCharField, StrictInputMixin
from annotations.api.permissions import CanSignOff, HasDeskRole
from annotations.api.serializers import ArticleSerializer, SignOffSerializer
from annotations.api.views.base import ApiView, NoInput, id_parameter, parse_id, validated
from annotations.limits import MAX_REASON_CHARS
from annotations.selectors import desk_article
from annotations.services import workflow
from verify.engine.crosscheck import CREDIBLE_CONTRADICTION

TAG = "transitions"
ARTICLE_ID = id_parameter("article_id", "The (draft) article's id.")


class ReopenArticleInput(StrictInputMixin, serializers.Serializer):
    """Optionally why the article is reopened."""

    comment = StrictCharField(required=False, allow_blank=True, max_length=MAX_REASON_CHARS)


class ArticleStateSerializer(ArticleSerializer):
    """The article's fields and its sign-off state."""

    sign_off = SignOffSerializer(source="api_sign_off")


def _article_state(article_id: int) -> Response:
    article = desk_article(article_id)
    article.api_sign_off = selectors.sign_off_state(article)  # type: ignore[attr-defined]
    return Response(ArticleStateSerializer(article).data)


class SignOffView(ApiView):
    permission_classes = [IsAuthenticated, HasDeskRole, CanSignOff]

    @extend_schema(
        operation_id="article_sign_off",
        tags=[TAG],
        summary="Sign the article off",
        description=(
            "Reviewers. Every current claim sentence must be approved, no suggested attribution "
            "left unresolved, every contradiction found by the cross-checks (from an "
            f"independent report, scoring at least {CREDIBLE_CONTRADICTION}: those the "
            "cross-check summary counts in "
            "`contradictions`) acknowledged on its sentence (confidence `disputed`, or a note) "
            "and every anonymous source recorded "
            "with its standards fields: otherwise 400 `sign_off_blocked` with `blockers`, one "
            "per sentence and reason. 400 too when the article is already signed off. "
            "Reference articles are 404."
        ),
        parameters=[ARTICLE_ID],
        request=NoInput,
        responses={200: ArticleStateSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, article_id: str) -> Response:
        article = desk_article(parse_id(article_id, "article_id"))
        validated(NoInput, request.data)
        workflow.sign_off(article=article, user=request.user)
        return _article_state(article.pk)


class ReopenArticleView(ApiView):
    permission_classes = [IsAuthenticated, HasDeskRole, CanSignOff]

    @extend_schema(
        operation_id="article_reopen",
        tags=[TAG],
        summary="Take a signed-off article back into annotation",
        description="Reviewers; only a signed-off article (400 otherwise).",
        parameters=[ARTICLE_ID],
        request=ReopenArticleInput,
        examples=[
            OpenApiExample(
                "Reopen", value={"comment": "Correction on the troop figure."}, request_only=True
            )
        ],
        responses={200: ArticleStateSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, article_id: str) -> Response:
        article = desk_article(parse_id(article_id, "article_id"))
        data = validated(ReopenArticleInput, request.data)
        workflow.reopen_article(article=article, user=request.user, **data)
        return _article_state(article.pk)
