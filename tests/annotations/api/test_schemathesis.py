"""Property-based run of the whole API against its own OpenAPI schema (schemathesis).

Every operation of ``/api/schema/`` gets generated requests, valid and invalid ones, with an
editor's token (a reviewer's for reviewers' operations), through the WSGI application inside
the test's transaction: half with random ids, half aimed at real objects. Each response must
not be a server error, must have a documented status code and content type, and must match
the documented schema. Bounded to keep the run short in CI.
"""

from __future__ import annotations

from collections import Counter

import pytest
import schemathesis
from django.core.cache import cache
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from annotations.models import Attribution, Source
from annotations.services.crosschecks import queue_crosscheck
from tests.factories import claims_of, make_article

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]

EXAMPLES_PER_OPERATION = 25
# Reviewers' operations are run with a reviewer's token, so that they get past the role check.
REVIEWER_OPERATIONS = {
    "annotation_approve",
    "annotation_request_changes",
    "article_sign_off",
    "article_reopen",
}
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def wsgi_app():
    """The WSGI application, kept from closing the test's connection between requests (as
    Django's test client does): the requests run inside the test's transaction."""
    from django.core import signals
    from django.db import close_old_connections

    from config.wsgi import application

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield application
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def real_ids(editor):
    article = make_article("story-1")
    sentence = claims_of(article)[0]
    source = Source.objects.create(name="Politico", kind="outlet")
    return {
        "article_id": article.pk,
        "sentence_id": sentence.pk,
        "attribution_id": Attribution.objects.filter(sentence=sentence).first().pk,
        "job_id": queue_crosscheck(article=article, send=False).pk,
        "source_id": source.pk,
    }


def test_schemathesis_finds_no_server_error_and_no_schema_violation(
    client_for, editor, reviewer, real_ids, wsgi_app
):
    token = client_for(editor)._credentials["HTTP_AUTHORIZATION"]
    reviewer_token = client_for(reviewer)._credentials["HTTP_AUTHORIZATION"]
    schema = schemathesis.openapi.from_wsgi(
        "/api/schema/?format=json", wsgi_app, headers={"Authorization": token}
    )
    examples: Counter[str] = Counter()
    statuses: Counter[tuple[str, int]] = Counter()
    operations = [result.ok() for result in schema.get_all_operations()]

    for operation in operations:
        names = {p.name for p in operation.path_parameters}
        aimed = {name: value for name, value in real_ids.items() if name in names}
        # Valid and invalid requests, to random ids and to real objects.
        strategy = st.one_of(
            [
                operation.as_strategy(mode, path_parameters=ids)
                for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
                for ids in ([None, aimed] if aimed else [None])
            ]
        )

        @given(case=strategy)
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            derandomize=True,
            database=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        def run(case):
            examples[case.operation.label] += 1
            reviewing = case.operation.definition.raw.get("operationId") in REVIEWER_OPERATIONS
            cache.clear()  # no throttling: a 429 would hide what the request itself gets
            response = case.call(headers={"Authorization": reviewer_token if reviewing else token})
            statuses[case.operation.label, response.status_code] += 1
            case.validate_response(response, checks=CHECKS)

        run()

    print(f"schemathesis: {len(operations)} operations, {sum(examples.values())} examples")
    for (label, code), count in sorted(statuses.items()):
        print(f"  {label}: {code} x{count}")
    assert len(operations) >= 23
    assert not any(code == 429 for _, code in statuses)
    assert all(examples[operation.label] > 0 for operation in operations)
