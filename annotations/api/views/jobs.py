"""Cross-checks: start a job for an article (202), poll its progress, list a claim's matches."""

from __future__ import annotations

from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from annotations.api import selectors
from annotations.api.errors import READ_ERRORS, WRITE_ERRORS
from annotations.api.serializers import CrosscheckJobSerializer, CrosscheckSummarySerializer
from annotations.api.views.base import ApiView, NoInput, id_parameter, parse_id, validated
from annotations.services.crosschecks import queue_crosscheck

TAG = "crosscheck jobs"


class StartCrosscheckView(ApiView):
    @extend_schema(
        operation_id="crosscheck_start",
        tags=[TAG],
        summary="Start a cross-check of the article's claims",
        description=(
            "Any desk role, as on the pages. The job runs on the workers; poll its `url`. "
            "For a reference article the job finds the draft claims it may match."
        ),
        parameters=[id_parameter("article_id", "The article's id.")],
        request=NoInput,
        responses={202: CrosscheckJobSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, article_id: str) -> Response:
        article = selectors.any_article(parse_id(article_id, "article_id"))
        validated(NoInput, request.data)
        with transaction.atomic():
            job = queue_crosscheck(
                article=article, trigger=f"requested by {request.user.get_username()} (API)"
            )
        job.refresh_from_db()
        data = CrosscheckJobSerializer(job, context={"request": request}).data
        return Response(data, status=status.HTTP_202_ACCEPTED, headers={"Location": data["url"]})


class CrosscheckJobView(ApiView):
    @extend_schema(
        operation_id="crosscheck_job_retrieve",
        tags=[TAG],
        summary="A cross-check job's status and progress",
        parameters=[id_parameter("job_id", "The job's id.")],
        responses={200: CrosscheckJobSerializer, **READ_ERRORS},
    )
    def get(self, request: Request, job_id: str) -> Response:
        job = selectors.crosscheck_job(parse_id(job_id, "job_id"))
        return Response(CrosscheckJobSerializer(job, context={"request": request}).data)


class SentenceCrosschecksView(ApiView):
    @extend_schema(
        operation_id="sentence_crosschecks_retrieve",
        tags=[TAG],
        summary="Every cross-check match of a claim sentence",
        description=(
            "The counts and suggested confidence of the article detail's summary, with every "
            "match (the detail shows the five most telling), strongest first. 404 for "
            "boilerplate and for sentences archived by a revision."
        ),
        parameters=[id_parameter("sentence_id", "The sentence's id.")],
        responses={200: CrosscheckSummarySerializer, **READ_ERRORS},
    )
    def get(self, request: Request, sentence_id: str) -> Response:
        summary = selectors.sentence_crosschecks(parse_id(sentence_id, "sentence_id"))
        return Response(CrosscheckSummarySerializer(summary).data)
