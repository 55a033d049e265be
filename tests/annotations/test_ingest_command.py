from __future__ import annotations

import hashlib
import json

import pytest

from annotations.models import Article, ArticleRevision, Attribution, Sentence
from tests.factories import run_ingest

# The seed's body as it was before it had a header (issue 13): the header added nothing to it.
SEED_BODY_SHA256 = "48385242654966c0df7c1c25d362ef5d2a87abb49abee049d00103c02cf51e49"

pytestmark = pytest.mark.django_db

STORY = (
    "Headline: Talks to resume\n"
    "Outlet: Example Post\n"
    "External-ID: ep-100\n"
    "Published: 2025-11-26\n"
    "\n"
    "Talks will resume next week, the foreign minister said on Tuesday.\n"
    "\n"
    "The draft has 22 points, according to two officials familiar with the plan. "
    "Kyiv rejected three of them, a senior Ukrainian source told CNN.\n"
)


ingest = run_ingest


def test_ingest_creates_article_with_exact_sentences(write_file):
    path = write_file("story.txt", STORY)
    code, out, _ = ingest(str(path))
    article = Article.objects.get(external_id="ep-100")
    # created and reported
    assert code == 0
    assert "created" in out and "ep-100" in out
    # every sentence's offsets match the stored body
    sentences = list(article.sentences.all())
    assert len(sentences) == 3
    assert all(article.body[s.start : s.end] == s.text for s in sentences)


def test_ingest_saves_suggested_attributions_with_registry_sources(write_file):
    ingest(str(write_file("story.txt", STORY)))
    attributions = Attribution.objects.select_related("source", "sentence__article")
    # each span points into the body
    for attribution in attributions:
        body = attribution.sentence.article.body
        assert attribution.source_start is not None and attribution.source_end is not None
        assert attribution.sentence.start <= attribution.source_start
        assert attribution.source_end <= attribution.sentence.end
        assert body[attribution.cue_start : attribution.cue_end] == attribution.cue
    assert attributions.filter(is_suggestion=True).count() == attributions.count() > 0


def test_reingesting_identical_content_changes_nothing(write_file):
    path = write_file("story.txt", STORY)
    ingest(str(path))
    before = list(Sentence.objects.values_list("id", "index", "start", "end"))
    updated_at = Article.objects.get().updated_at
    code, out, _ = ingest(str(path))
    assert code == 0 and "unchanged" in out
    assert list(Sentence.objects.values_list("id", "index", "start", "end")) == before
    assert Article.objects.get().updated_at == updated_at


def test_changed_body_makes_a_revision_keeping_surviving_sentences(write_file):
    path = write_file("story.txt", STORY)
    ingest(str(path))
    kept = Sentence.objects.get(text__startswith="Kyiv rejected")
    reworded = Sentence.objects.get(text__contains="22 points")
    revised = STORY.replace("The draft has 22 points", "The draft now has 20 points")
    write_file("story.txt", "Headline: Talks to resume\n" + revised.split("\n", 1)[1])
    code, out, _ = ingest(str(path))
    article = Article.objects.get()
    assert code == 0 and "revised" in out
    # the surviving sentence keeps its row; the reworded one keeps its row with the new text
    assert Sentence.objects.current().get(pk=kept.pk).start == article.body.index("Kyiv rejected")
    assert "now has 20 points" in Sentence.objects.current().get(pk=reworded.pk).text
    assert ArticleRevision.objects.filter(article=article).count() == 2


def test_folder_ingest_reports_bad_files_and_ingests_the_rest(write_file, tmp_path):
    write_file("good.txt", STORY)
    write_file("empty.txt", "")
    write_file("bad.json", json.dumps({"external_id": "x", "body": "text"}))
    code, out, err = ingest(str(tmp_path))
    # one line per bad file naming the file and the problem
    assert code == 1
    assert "empty.txt: the file is empty" in err
    assert "bad.json: missing required field(s): headline" in err
    assert Article.objects.count() == 1 and "1 of 3" in out


def test_bad_file_writes_nothing(write_file):
    code, _, err = ingest(str(write_file("bad.txt", "Headline: x\nColour: red\n\nBody.")))
    assert code == 1 and "unknown header key" in err
    assert Article.objects.count() == 0
    assert Sentence.objects.count() == 0


def test_role_flag_sets_role_and_conflicting_header_is_refused(write_file):
    code, _, _ = ingest(str(write_file("ref.txt", STORY)), "--role", "reference")
    assert code == 0 and Article.objects.get().role == "reference"
    conflicting = STORY.replace("External-ID: ep-100\n", "External-ID: ep-101\nRole: draft\n")
    code, _, err = ingest(str(write_file("other.txt", conflicting)), "--role", "reference")
    assert code == 1 and "Role: draft but --role reference" in err
    assert not Article.objects.filter(external_id="ep-101").exists()


def test_duplicate_external_id_in_one_run_is_refused(write_file, tmp_path):
    write_file("a.txt", STORY)
    write_file("b.txt", STORY.replace("Talks will resume", "Talks may resume"))
    code, _, err = ingest(str(tmp_path))
    assert code == 1 and "already ingested from" in err
    assert Article.objects.get().body.startswith("Talks will resume")


def test_seed_article_ingests_with_boilerplate_marked(seed_path):
    code, _, _ = ingest(str(seed_path))
    article = Article.objects.get()
    kinds = dict(article.sentences.values_list("text", "kind"))
    assert code == 0
    assert kinds["Other Topics of Interest"] == "boilerplate"
    assert any(kind == "boilerplate" and "Follow our coverage" in t for t, kind in kinds.items())


def test_seed_article_has_its_header_and_the_body_as_before(seed_path):
    ingest(str(seed_path))
    article = Article.objects.get()
    # the header names the story; the body is the text after it, unchanged
    assert article.outlet == "Kyiv Post" and article.published_at is not None
    assert article.headline.startswith("US tells Europe") and len(article.headline) < 100
    assert hashlib.sha256(article.body.encode()).hexdigest() == SEED_BODY_SHA256


def test_a_body_over_the_sentence_limit_gets_one_line_and_writes_nothing(write_file, settings):
    settings.SOURCEDESK_MAX_SENTENCES = 50
    path = write_file("flood.txt", "A said B. " * 5000)
    code, _, err = ingest(str(path))
    assert code == 1
    assert err.strip().splitlines() == [
        f"error      {path}: the text has more than 50 sentences, over the limit per article"
    ]
    assert not Article.objects.exists()


def test_a_revision_over_the_sentence_limit_keeps_the_article_as_it_was(write_file, settings):
    path = write_file("story.txt", STORY)
    ingest(str(path))
    settings.SOURCEDESK_MAX_SENTENCES = 3
    write_file("story.txt", STORY + "\nOne more. And another. And a third.\n")
    code, _, err = ingest(str(path))
    article = Article.objects.get()
    assert code == 1 and "more than 3 sentences" in err
    assert article.revision == 1 and Sentence.objects.filter(article=article).count() == 3


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"external_id": "x", "headline": "H", "body": "A\\u0000B said."}', "NUL character"),
        ('{"external_id": "x", "headline": "H", "body": "A \\ud800 said."}', "unpaired surrogate"),
        ("[" * 5000 + "]" * 5000, "nested too deeply"),
        ('{"external_id": "x", "headline": "H", "headline": "I", "body": "B."}', "appears twice"),
        ('{"external_id": "x", "headline": 0, "body": "B."}', "'headline' must be a string"),
        ('{"external_id": "x", "headline": ["H"], "body": "B."}', "'headline' must be a string"),
        ('{"external_id": "x", "headline": "H", "body": "\\u200b\\u200d\\ufeff "}', "article text"),
    ],
)
def test_bad_json_files_get_one_line_and_write_nothing(write_file, content, message):
    path = write_file("bad.json", content)
    code, _, err = ingest(str(path))
    assert code == 1
    (line,) = err.strip().splitlines()
    assert line.startswith(f"error      {path}: ") and message in line
    assert not Article.objects.exists()


def test_a_txt_body_of_only_zero_width_characters_is_refused(write_file):
    code, _, err = ingest(str(write_file("blank.txt", "Headline: H\n\n\u200b\u2060\u200c\n")))
    assert code == 1 and "article text" in err and not Article.objects.exists()
