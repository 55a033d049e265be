"""The API's attribution create and edit take the source and cue spans (body offsets, as
PRODUCT.md defines them) through the same service checks the desk's page uses (issue 13,
item 6): inside the sentence, not overlapping, a cue that is the marked words."""

from __future__ import annotations

import pytest
from drf_spectacular.generators import SchemaGenerator

from annotations.models import Annotation, Attribution, Source
from annotations.services.workflow import ERR_CUE_NOT_MARKED, ERR_SPANS_OVERLAP
from tests.factories import ArticleFactory, AttributionFactory, SourceFactory, claims_of

pytestmark = pytest.mark.django_db

SOURCE = "a senior Ukrainian source"


@pytest.fixture
def claim():
    """ "Kyiv rejected three of them, a senior Ukrainian source told CNN." (a draft)."""
    sentence = claims_of(ArticleFactory.create())[2]
    assert SOURCE in sentence.text
    return sentence


@pytest.fixture
def rubio() -> Source:
    return SourceFactory.create(name="Marco Rubio", kind=Source.Kind.OFFICIAL)


def span(sentence, words: str) -> tuple[int, int]:
    """Body offsets of ``words`` in ``sentence``."""
    start = sentence.start + sentence.text.index(words)
    return start, start + len(words)


def spans(sentence, *, source: str = SOURCE, cue: str = "told") -> dict[str, int]:
    (source_start, source_end), (cue_start, cue_end) = span(sentence, source), span(sentence, cue)
    return {
        "source_start": source_start,
        "source_end": source_end,
        "cue_start": cue_start,
        "cue_end": cue_end,
    }


def create(client, sentence, **body):
    return client.post(
        f"/api/v1/sentences/{sentence.pk}/attributions/",
        {"version": 1, **body},
        format="json",
    )


def test_create_saves_the_marked_spans_and_takes_the_marked_cue(as_editor, claim, rubio):
    response = create(as_editor, claim, source=rubio.pk, **spans(claim))

    assert response.status_code == 201, response.json()
    (attribution,) = response.json()["attributions"]
    assert {k: attribution[k] for k in spans(claim)} == spans(claim)
    assert attribution["cue"] == "told"  # blank cue: the marked words
    body = claim.article.body
    assert body[attribution["source_start"] : attribution["source_end"]] == SOURCE
    assert body[attribution["cue_start"] : attribution["cue_end"]] == "told"


def test_a_cue_that_is_the_marked_words_is_accepted_in_any_case(as_editor, claim, rubio):
    response = create(as_editor, claim, source=rubio.pk, cue="Told", **spans(claim))

    assert response.status_code == 201, response.json()


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda c, s: {**s, "source_start": c.start - 5}, "is not inside this sentence"),
        (lambda c, s: {**s, "cue_end": c.end + 1}, "is not inside this sentence"),
        (lambda c, s: {**s, "cue_start": s["source_start"] + 2}, ERR_SPANS_OVERLAP),
    ],
    ids=["source-outside", "cue-outside", "overlap"],
)
def test_spans_the_service_refuses_are_400_and_save_nothing(
    as_editor, claim, rubio, change, reason
):
    body = change(claim, spans(claim))

    response = create(as_editor, claim, source=rubio.pk, **body)

    assert response.status_code == 400
    assert response.json()["code"] == "workflow_error"
    assert reason in response.json()["detail"]
    assert not Attribution.objects.filter(sentence=claim, is_suggestion=False).exists()
    assert Annotation.objects.get(sentence=claim).version == 1


def test_a_cue_other_than_the_marked_words_is_refused(as_editor, claim, rubio):
    response = create(as_editor, claim, source=rubio.pk, cue="said", **spans(claim))

    assert response.status_code == 400
    assert response.json()["detail"] == ERR_CUE_NOT_MARKED.format(cue="said", marked="told")
    assert not Attribution.objects.filter(sentence=claim, is_suggestion=False).exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"source_start": 10}, "source_end"),
        ({"cue_end": 10}, "cue_start"),
        ({"source_start": 10, "source_end": 10}, "source_end"),
        ({"cue_start": -1, "cue_end": 3}, "cue_start"),
    ],
    ids=["half-source", "half-cue", "empty", "negative"],
)
def test_malformed_spans_are_400_naming_the_field(as_editor, claim, rubio, body, field):
    response = create(as_editor, claim, source=rubio.pk, **body)

    assert response.status_code == 400
    assert field in response.json()["fields"]
    assert not Attribution.objects.filter(sentence=claim, is_suggestion=False).exists()


def test_edit_moves_the_spans_through_the_same_checks(as_editor, claim, rubio):
    attribution = AttributionFactory.create(sentence=claim, source=rubio, cue="told")
    target = f"/api/v1/attributions/{attribution.pk}/"
    version = Annotation.objects.get(sentence=claim).version
    wrong = {**spans(claim), "cue_start": claim.end - 3, "cue_end": claim.end + 4}

    refused = as_editor.put(
        target, {"version": version, "source": rubio.pk, **wrong}, format="json"
    )
    saved = as_editor.put(
        target, {"version": version, "source": rubio.pk, **spans(claim)}, format="json"
    )

    assert refused.status_code == 400 and "not inside this sentence" in refused.json()["detail"]
    assert saved.status_code == 200, saved.json()
    attribution.refresh_from_db()
    assert (attribution.source_start, attribution.source_end) == span(claim, SOURCE)
    assert (attribution.cue_start, attribution.cue_end, attribution.cue) == (
        *span(claim, "told"),
        "told",
    )


def test_the_schema_gives_the_span_fields_of_attribution_input():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    properties = schema["components"]["schemas"]["AttributionInputRequest"]["properties"]

    for name in ("source_start", "source_end", "cue_start", "cue_end"):
        assert properties[name]["type"] == "integer" and properties[name]["minimum"] == 0
    assert "body" in properties["source_start"]["description"]
    create_doc = schema["paths"]["/api/v1/sentences/{sentence_id}/attributions/"]["post"]
    assert "inside the sentence" in create_doc["description"]
