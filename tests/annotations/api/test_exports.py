"""Exports: W3C Web Annotation (checked against the W3C test suite), ClaimReview, CSV."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4
from rest_framework.test import APIClient

from annotations import exports
from annotations.api.exports import ERR_QUERY_PARAMETER
from annotations.models import Annotation, Article, Attribution, CrossCheck, Sentence, Source
from annotations.services import workflow
from annotations.services.tokens import issue_token
from tests.conftest import REPO
from tests.factories import STANDARDS, UserFactory, make_article

pytestmark = pytest.mark.django_db

CONFIDENCES = ["confirmed", "corroborated", "disputed"]


def api(user=None, *, token: bool = False) -> APIClient:
    client = APIClient()
    if user is not None and token:
        key = issue_token(user=user)[1]
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    elif user is not None:
        client.force_authenticate(user)
    return client


def url(article_id: int, name: str) -> str:
    return f"/api/v1/articles/{article_id}/export/{name}/"


def annotations_of(article: Article) -> list[Annotation]:
    return list(Annotation.objects.filter(sentence__article=article).order_by("sentence__index"))


@pytest.fixture
def annotated(article: Article, editor, reviewer) -> Article:
    """The story with its first suggestion accepted, every claim rated, the first two approved."""
    first = Attribution.objects.filter(sentence__article=article).order_by("sentence__index")[0]
    annotation = workflow.annotation_for(first.sentence)
    workflow.accept_attribution(
        attribution=first, user=editor, version=annotation.version, **STANDARDS
    )
    for n, annotation in enumerate(annotations_of(article)):
        annotation = workflow.update_annotation(
            annotation=annotation,
            user=editor,
            version=annotation.version,
            confidence=CONFIDENCES[n % len(CONFIDENCES)],
            note="Checked with the wire." if n == 0 else "",
        )
        workflow.submit(annotation=annotation, user=editor)
        if n < 2:
            workflow.approve(annotation=annotation, reviewer=reviewer)
    return article


# --- the W3C test suite ----------------------------------------------------------------------

RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]*$")


def format_checker() -> jsonschema.FormatChecker:
    """Draft-04 formats the suite relies on. jsonschema checks ``uri`` and ``date-time`` only
    with optional packages that are not installed, and would pass anything silently."""
    checker = jsonschema.FormatChecker()

    @checker.checks("date-time", raises=ValueError)
    def date_time(value: object) -> bool:
        if not isinstance(value, str):
            return True
        if not RFC3339.match(value):
            return False
        datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
        return True

    @checker.checks("uri")
    def uri(value: object) -> bool:
        return not isinstance(value, str) or bool(URI.match(value))

    return checker


class Suite:
    """The W3C Web Annotation model tests: JSON Schema draft-04 assertions listed by ``.test``
    files, resolved through a registry of every schema under its ``id``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.schemas: dict[str, dict[str, Any]] = {}
        for folder in ("definitions", "annotations", "collections"):
            for path in sorted((root / folder).rglob("*.json")):
                self.schemas[path.relative_to(root).as_posix()] = json.loads(path.read_text())
        self.registry: Registry = Registry().with_resources(
            (schema["id"], Resource.from_contents(schema, default_specification=DRAFT4))
            for schema in self.schemas.values()
            if "id" in schema
        )
        self.checker = format_checker()

    def assertions(self, test_file: str) -> list[str | dict[str, Any]]:
        return json.loads((self.root / test_file).read_text())["assertions"]

    def passes(self, assertion: str | dict[str, Any], document: Any) -> bool:
        """One assertion of a ``.test`` file, with the JSONtest semantics: a schema whose
        result must equal its ``expectedResult`` (``valid`` by default), or a group of
        assertions combined by ``compareWith`` (``and`` by default, or ``or``)."""
        if isinstance(assertion, dict) and "assertions" in assertion:
            results = [self.passes(a, document) for a in assertion["assertions"]]
            combined = any(results) if assertion.get("compareWith") == "or" else all(results)
            return combined == (assertion.get("expectedResult", "valid") == "valid")
        schema = self.schemas[assertion] if isinstance(assertion, str) else assertion
        validator = jsonschema.Draft4Validator(
            schema, registry=self.registry, format_checker=self.checker
        )
        return validator.is_valid(document) == (schema.get("expectedResult", "valid") == "valid")

    def failures(self, test_file: str, document: Any) -> list[str]:
        return [
            a if isinstance(a, str) else json.dumps(a)[:80]
            for a in self.assertions(test_file)
            if not self.passes(a, document)
        ]


def suite_root() -> Path | None:
    candidates = [REPO.parent / "shared" / "eval"]
    if os.environ.get("SOURCEDESK_EVAL_DIR"):
        candidates.insert(0, Path(os.environ["SOURCEDESK_EVAL_DIR"]))
    for base in candidates:
        root = base / "w3c-annotation-model"
        if (root / "annotations" / "annotationMusts.test").is_file():
            return root
    return None


@pytest.fixture(scope="module")
def suite() -> Suite:
    root = suite_root()
    if root is None:
        # Shared evaluation data, not a service: absent, the conformance tests skip with a
        # message (also in CI; REQUIRE_SERVICES is about Redis, PostgreSQL and the browser).
        pytest.skip("the W3C annotation-model test suite is not in ../shared/eval")
    return Suite(root)


def test_suite_runner_rejects_the_suites_incorrect_samples(suite):
    samples = suite.root / "tools" / "samples"
    musts = "annotations/annotationMusts.test"
    incorrect = []
    for path in sorted((samples / "incorrect").glob("*.json")):
        try:
            incorrect.append(json.loads(path.read_text()))
        except ValueError:
            continue  # the suite's "not even JSON" samples
    # the runner can pass a correct annotation, and fails every incorrect one
    assert suite.failures(musts, json.loads((samples / "correct" / "anno1.json").read_text())) == []
    assert incorrect and all(suite.failures(musts, sample) for sample in incorrect)


def test_every_exported_annotation_passes_every_must_of_the_w3c_suite(annotated, editor, suite):
    collection = api(editor).get(url(annotated.pk, "web-annotation")).json()
    items = collection["first"]["items"]
    musts = suite.assertions("annotations/annotationMusts.test")
    failures = {
        item["id"]: suite.failures("annotations/annotationMusts.test", item) for item in items
    }
    # every assertion of annotationMusts.test, on every annotation
    assert len(musts) == 54 and len(items) == collection["total"] > 0
    assert failures == {item["id"]: [] for item in items}


def test_exported_collection_passes_every_must_of_the_w3c_collection_suite(
    annotated, editor, suite
):
    collection = api(editor).get(url(annotated.pk, "web-annotation")).json()
    assert suite.failures("collections/collectionMusts.test", collection) == []


def test_broken_annotation_fails_the_suite(annotated, editor, suite):
    item = api(editor).get(url(annotated.pk, "web-annotation")).json()["first"]["items"][0]
    broken = {**item, "created": "20 November 2026", "bodyValue": "both body and bodyValue"}
    failed = suite.failures("annotations/annotationMusts.test", broken)
    assert "annotations/3.3.1-annotationCreatedValidated.json" in failed
    assert "annotations/3.2.5-notBodyBodyValue.json" in failed


# --- W3C Web Annotation ----------------------------------------------------------------------


def test_one_annotation_per_attribution_and_per_sentence_confidence(annotated, editor):
    response = api(editor).get(url(annotated.pk, "web-annotation"))
    items = response.json()["first"]["items"]
    motivations = [item["motivation"] for item in items]
    # JSON-LD, one "describing" per attribution and one "assessing" per annotated sentence
    assert response["Content-Type"].startswith("application/ld+json")
    assert motivations.count("describing") == Attribution.objects.count()
    assert motivations.count("assessing") == Annotation.objects.count() == 3
    assert len({item["id"] for item in items}) == len(items)


def test_selectors_anchor_the_sentence_in_the_body(annotated, editor):
    items = api(editor).get(url(annotated.pk, "web-annotation")).json()["first"]["items"]
    body = annotated.body
    for item in items:
        quote, position = item["target"]["selector"]
        start, end = position["start"], position["end"]
        assert body[start:end] == quote["exact"]
        assert body[:start].endswith(quote.get("prefix", ""))
        assert body[end:].startswith(quote.get("suffix", ""))


def test_target_source_is_the_article_url_or_the_api_url(annotated, editor, settings):
    settings.SOURCEDESK_BASE_URL = "https://desk.example"
    items = api(editor).get(url(annotated.pk, "web-annotation")).json()["first"]["items"]
    assert items[0]["target"]["source"] == f"https://desk.example/api/v1/articles/{annotated.pk}/"
    Article.objects.filter(pk=annotated.pk).update(url="https://news.example/story-1")
    items = api(editor).get(url(annotated.pk, "web-annotation")).json()["first"]["items"]
    assert {item["target"]["source"] for item in items} == {"https://news.example/story-1"}


def test_attribution_body_names_source_via_and_cue(annotated, editor):
    attribution = Attribution.objects.filter(
        sentence__article=annotated, cue="told", source__kind=Source.Kind.ANONYMOUS
    ).get()
    attribution.via = Attribution.objects.exclude(pk=attribution.pk).first().source
    attribution.save(update_fields=["via"])
    items = api(editor).get(url(annotated.pk, "web-annotation")).json()["first"]["items"]
    item = next(i for i in items if i["id"].endswith(f"#attribution-{attribution.pk}"))
    expected = (
        f"{attribution.source.name} ({attribution.source.kind}) via {attribution.via.name}"
        " — cue 'told'"
    )
    assert item["body"][0] == {
        "type": "TextualBody",
        "value": expected,
        "format": "text/plain",
        "purpose": "describing",
    }


def test_suggestions_are_created_by_software_and_accepted_ones_by_the_annotator(annotated, editor):
    items = api(editor).get(url(annotated.pk, "web-annotation")).json()["first"]["items"]
    describing = [i for i in items if i["motivation"] == "describing"]
    accepted = Attribution.objects.get(sentence__article=annotated, is_suggestion=False)
    creators = {i["id"].rsplit("-", 1)[1]: i["creator"]["type"] for i in describing}
    assert creators.pop(str(accepted.pk)) == "Person"
    assert set(creators.values()) == {"Software"}


def test_confidence_annotation_assesses_with_label_and_level(annotated, editor):
    items = api(editor).get(url(annotated.pk, "web-annotation")).json()["first"]["items"]
    first = next(i for i in items if i["motivation"] == "assessing")
    values = {(body["purpose"], body["value"]) for body in first["body"]}
    assert ("assessing", "Confirmed: on-record primary source or document seen by us") in values
    assert {("tagging", "confirmed"), ("commenting", "Checked with the wire.")} <= values
    assert first["creator"] == {"type": "Person", "nickname": "editor", "name": "editor"}


# --- schema.org ClaimReview ------------------------------------------------------------------


def test_claim_review_lists_only_approved_claims(annotated, reviewer):
    reviews = api(reviewer).get(url(annotated.pk, "claim-review")).json()
    approved = [a.sentence.text for a in annotations_of(annotated) if a.is_approved]
    assert [r["claimReviewed"] for r in reviews] == approved and len(approved) == 2
    assert {r["@type"] for r in reviews} == {"ClaimReview"}


def test_claim_review_rating_and_authors(annotated, reviewer, settings):
    settings.SOURCEDESK_NEWSROOM_NAME = "Example News"
    review = api(reviewer).get(url(annotated.pk, "claim-review")).json()[0]
    accepted = Attribution.objects.get(sentence__article=annotated, is_suggestion=False)
    # rated on a 1-5 scale with the confidence label
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 5,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Confirmed",
        "ratingExplanation": "on-record primary source or document seen by us",
    }
    assert review["author"]["name"] == "Example News"
    # the claim's author is the accepted source; suggestions are not authors
    assert [a["name"] for a in review["itemReviewed"]["author"]] == [accepted.source.name]
    assert review["itemReviewed"]["appearance"]["url"].endswith(f"/articles/{annotated.pk}/")
    assert datetime.fromisoformat(review["datePublished"]).date()


def test_claim_review_is_empty_before_approval(article, reviewer):
    assert api(reviewer).get(url(article.pk, "claim-review")).json() == []


# --- CSV -------------------------------------------------------------------------------------


def read_csv(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_csv_has_one_row_per_current_sentence(annotated, editor):
    response = api(editor).get(url(annotated.pk, "csv"))
    rows = read_csv(response)
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == f'attachment; filename="sourcing-{annotated.pk}.csv"'
    assert [r["text"] for r in rows] == list(
        Sentence.objects.current()
        .filter(article=annotated)
        .order_by("index")
        .values_list("text", flat=True)
    )
    assert list(rows[0]) == list(exports.CSV_COLUMNS)


def test_csv_row_carries_sourcing_review_and_crosschecks(annotated, editor):
    claim = Sentence.objects.get(article=annotated, index=0)
    reference = make_article("ref-1", role="reference")
    match, other = Sentence.objects.filter(article=reference).order_by("index")[:2]
    CrossCheck.objects.create(
        claim=claim, match=match, relation="corroborates", score=0.9, reason="r", independent=True
    )
    CrossCheck.objects.create(
        claim=claim, match=other, relation="contradicts", score=0.9, reason="r", independent=True
    )
    row = read_csv(api(editor).get(url(annotated.pk, "csv")))[0]
    assert (row["confidence"], row["status"]) == ("confirmed", "approved")
    assert (row["annotator"], row["reviewer"], row["kind"]) == ("editor", "reviewer", "claim")
    assert (row["independent_corroborations"], row["contradictions"]) == ("1", "1")
    assert "(" in row["sources"] and row["index"] == "0" and row["paragraph"] == "0"


def test_csv_defuses_formulas(editor):
    body = (
        '=HYPERLINK("http://evil.example","click") was posted, the ministry said.\n'
        "@everyone should read this, a spokesman said.\n"
    )
    article = make_article("formula", body=body)
    rows = read_csv(api(editor).get(url(article.pk, "csv")))
    assert rows[0]["text"].startswith("'=HYPERLINK")
    assert rows[1]["text"].startswith("'@everyone")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("plain", "plain"),
        (3, 3),
    ],
)
def test_safe_cell(value, expected):
    assert exports.safe_cell(value) == expected


# --- access and cost -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["web-annotation", "claim-review", "csv"])
def test_every_desk_role_may_export(article, editor, reviewer, name):
    administrator = UserFactory(username="admin", role="administrator")
    statuses = {
        user.username: api(user, token=True).get(url(article.pk, name)).status_code
        for user in (editor, reviewer, administrator)
    }
    assert statuses == {"editor": 200, "reviewer": 200, "admin": 200}


@pytest.mark.parametrize("name", ["web-annotation", "claim-review", "csv"])
def test_others_are_refused_and_unknown_articles_not_found(article, editor, outsider, name):
    assert api(outsider).get(url(article.pk, name)).status_code == 403
    assert api().get(url(article.pk, name)).status_code == 401
    assert api(editor).get(url(article.pk + 1000, name)).status_code == 404
    assert api(editor).get(f"/api/v1/articles/x1/export/{name}/").status_code == 400


def test_csv_is_served_and_errors_are_json_whatever_the_client_accepts(article, editor, outsider):
    refused = api(outsider).get(url(article.pk, "csv"), HTTP_ACCEPT="text/csv")
    served = api(editor).get(url(article.pk, "csv"), HTTP_ACCEPT="application/json")
    assert refused.status_code == 403 and refused["Content-Type"] == "application/json"
    assert refused.json()["detail"]
    assert served.status_code == 200 and served["Content-Type"].startswith("text/csv")


# --- query parameters: none taken, DRF's ?format= override included (issue 10, item 8) ------


@pytest.mark.parametrize("name", ["web-annotation", "claim-review", "csv"])
@pytest.mark.parametrize("query", ["format=json", "format=jsonld", "format=api", "page=2"])
def test_exports_refuse_any_query_parameter_with_400(article, editor, name, query):
    response = api(editor).get(url(article.pk, name) + "?" + query)
    field = query.split("=")[0]
    assert response.status_code == 400
    assert response.json()["fields"][field] == [ERR_QUERY_PARAMETER]


def test_export_query_parameters_are_judged_after_the_role(article, outsider):
    assert api(outsider).get(url(article.pk, "web-annotation") + "?format=json").status_code == 403
    assert api().get(url(article.pk, "claim-review") + "?format=jsonld").status_code == 401


def test_json_ld_or_json_is_chosen_with_the_accept_header(article, editor):
    linked = api(editor).get(url(article.pk, "web-annotation"), HTTP_ACCEPT="application/ld+json")
    plain = api(editor).get(url(article.pk, "claim-review"), HTTP_ACCEPT="application/json")
    assert linked["Content-Type"] == "application/ld+json"
    assert plain["Content-Type"] == "application/json"


def test_schema_documents_no_query_parameter_on_the_exports():
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    exported = [item["get"] for path, item in schema["paths"].items() if "/export/" in path]
    assert len(exported) == 3
    assert all(p["in"] == "path" for operation in exported for p in operation["parameters"])


def long_body(n: int) -> str:
    return "".join(
        f"Officials in city {i} said talks on point {i + 1} would resume, a diplomat told CNN.\n"
        for i in range(n)
    )


@pytest.mark.parametrize("size", [10, 200])
@pytest.mark.parametrize("name", ["web-annotation", "claim-review", "csv"])
def test_exports_cost_a_constant_number_of_queries(
    editor, reviewer, size, name, django_assert_max_num_queries
):
    article = make_article(f"long-{size}", body=long_body(size))
    for annotation in annotations_of(article)[:5]:
        annotation = workflow.submit(annotation=annotation, user=editor)
        workflow.approve(annotation=annotation, reviewer=reviewer)
    client = api(editor, token=True)
    with django_assert_max_num_queries(10):
        response = client.get(url(article.pk, name))
    assert response.status_code == 200
    assert Sentence.objects.filter(article=article).count() == size
