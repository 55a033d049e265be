"""What a sentence rests on: the main attribution's chain through ``via`` and its weakest link,
as the annotation page's badge and the summary's sourcing mix count it."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from annotations import selectors
from annotations.models import Attribution, Source
from annotations.services import workflow
from annotations.services.registry import SourceRegistry
from annotations.views._common import sentence_json
from tests.factories import annotation_of, claims_of, make_article

pytestmark = pytest.mark.django_db

# An on-record official heard only through anonymous diplomats; an official on the record;
# an outlet reporting, citing a named analyst.
RELAYED_BODY = (
    "Interior Minister Lena Vasquez told the cabinet the border would stay closed, two "
    "officials who attended the meeting said.\n"
    "Transport Minister Ivo Marek said on Tuesday that the bridge was safe.\n"
    "The Harbour Gazette reported that Senator Ruth Obi said the bill would fail.\n"
)


def sentences(article) -> list:
    return [s for s in selectors.article_sentences(article) if s.kind == "claim"]


def test_suggestions_keep_the_engines_order_the_anonymous_relay_first(db):
    # The sentence rests on the weakest link of its chain, which the one-key accept takes.
    article = make_article("relayed", RELAYED_BODY)
    first = sentences(article)[0]
    chain = [(a.source.name, a.source.kind, a.via and a.via.name) for a in first.attributions.all()]
    assert chain[0][1:] == ("anonymous", None)
    assert chain[1][:2] == ("Lena Vasquez", "official")
    assert chain[1][2] == chain[0][0]


def test_a_relay_that_is_not_an_outlet_is_saved_with_its_own_kind(db):
    article = make_article("relayed", RELAYED_BODY)
    relayed = sentences(article)[0].attributions.all()[1]
    assert relayed.via is not None and relayed.via.kind == Source.Kind.ANONYMOUS


def test_an_official_heard_through_anonymous_diplomats_rests_on_an_anonymous_source(db):
    article = make_article("relayed", RELAYED_BODY)
    relayed, on_record, reported = (selectors.rests_on(s) for s in sentences(article))
    assert relayed is not None and on_record is not None and reported is not None
    assert relayed.main.source.kind == Source.Kind.ANONYMOUS
    assert relayed.weakest.kind == Source.Kind.ANONYMOUS
    assert relayed.label.startswith("Lena Vasquez via two officials")
    assert (on_record.weakest.name, on_record.weakest.kind) == ("Ivo Marek", "official")
    assert [s.kind for s in reported.chain] == ["official", "outlet"]
    assert reported.weakest.kind == Source.Kind.OUTLET


def test_a_chain_follows_via_through_the_sentences_own_relays(db, editor):
    article = make_article("hand", "The port will close in May, the union said.\n")
    sentence = claims_of(article)[0]
    registry = SourceRegistry()
    minister = registry.resolve("Lena Vasquez", Source.Kind.OFFICIAL)
    diplomats = registry.resolve("two European diplomats", Source.Kind.ANONYMOUS)
    gazette = registry.resolve("Harbour Gazette", Source.Kind.OUTLET)
    Attribution.objects.filter(sentence=sentence).delete()
    version = annotation_of(sentence).version
    workflow.save_attribution(
        sentence=sentence, user=editor, version=version, source=minister, via=diplomats
    )
    workflow.save_attribution(
        sentence=sentence, user=editor, version=version + 1, source=diplomats, via=gazette
    )
    (loaded,) = sentences(article)
    rests = selectors.rests_on(loaded)
    assert rests is not None
    assert [s.name for s in rests.chain] == [
        "Lena Vasquez",
        "two European diplomats",
        "Harbour Gazette",
    ]
    assert rests.weakest == diplomats


def test_a_sentence_without_attributions_rests_on_nothing(db):
    article = make_article("none", "The port will close in May.\n")
    assert [selectors.rests_on(s) for s in sentences(article)] == [None]


def test_the_sourcing_mix_counts_the_weakest_link(db):
    mix = selectors.sourcing_mix(selectors.article_sentences(make_article("relayed", RELAYED_BODY)))
    kinds = {key: count for key, _, count in mix.by_source_kind}
    assert mix.claims == 3
    assert mix.anonymous == 1
    assert (kinds["anonymous"], kinds["official"], kinds["outlet"]) == (1, 1, 1)
    assert sum(kinds.values()) == mix.claims - mix.unsourced


def test_the_badge_on_the_annotation_page_shows_the_weakest_link(db, editor):
    article = make_article("relayed", RELAYED_BODY)
    client = Client()
    client.force_login(editor)
    html = client.get(reverse("desk:article", args=[article.pk])).content.decode()
    relayed, on_record, _ = sentences(article)
    badge = html.split(f'id="s-{relayed.pk}"', 1)[1].split("</sup>", 1)[0]
    assert 'class="badge k-anonymous suggested"' in badge
    assert "Lena Vasquez via two officials" in badge and "rests on: Anonymous" in badge
    badge = html.split(f'id="s-{on_record.pk}"', 1)[1].split("</sup>", 1)[0]
    assert 'class="badge k-official suggested"' in badge


def test_the_sentence_marks_after_a_save_carry_the_weakest_link(db, editor):
    article = make_article("relayed", RELAYED_BODY)
    relayed = claims_of(article)[0]
    client = Client()
    client.force_login(editor)
    assert client.get(reverse("desk:panel", args=[relayed.pk])).status_code == 200
    marks = sentence_json(selectors.desk_sentence(relayed.pk))
    assert marks["source_kind"] == "anonymous"
    assert marks["source_title"].startswith("Lena Vasquez via two officials")


def test_an_outlet_told_is_saved_as_the_outlet_relaying_the_suggestion(db):
    article = make_article(
        "told", "Its finance director, Carl Mendes, told the Harbour Gazette that sales fell.\n"
    )
    main, relay = sentences(article)[0].attributions.all()
    assert (main.source.name, main.source.kind) == ("Carl Mendes", Source.Kind.OFFICIAL)
    assert main.via is not None
    assert (main.via.name, main.via.kind) == ("Harbour Gazette", Source.Kind.OUTLET)
    assert (relay.source.name, relay.via) == ("Harbour Gazette", None)
    rests = selectors.rests_on(sentences(article)[0])
    assert rests is not None and rests.weakest.kind == Source.Kind.OUTLET
