"""Cross-check jobs in-process (no broker): claiming, resuming, results, incremental checks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from annotations.models import CrossCheck, CrosscheckJob, JobStatus, Sentence
from annotations.services.crosschecks import queue_crosscheck
from tests.factories import make_article
from verify import jobs, tasks
from verify.engine.crosscheck import embedding
from verify.search import TermStats, search

pytestmark = pytest.mark.django_db

DRAFT = (
    "A senior Ukrainian source told CNN that Kyiv rejected three major points of the plan, "
    "including capping the army at 600,000 troops.\n"
    "Washington had pushed Ukraine to accept the terms by Nov. 27, officials said.\n"
    "The weather in Kyiv was cold on Tuesday.\n"
)
WIRE = (
    "Kyiv rejected three major points of the US plan, including a cap of 800,000 troops on "
    "its army, a Ukrainian official told Reuters.\n"
)
ECHO = (
    "According to CNN, a senior Ukrainian source said Kyiv rejected three major points of the "
    "plan, including capping the army at 600,000 troops.\n"
)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what the code defers to "after commit" (the test's transaction never commits)."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


@pytest.fixture
def draft(committed):
    committed(make_article, "wire-1", body=WIRE, role="reference")
    committed(make_article, "echo-1", body=ECHO, role="reference")
    return committed(make_article, "draft-1", body=DRAFT)


def claim(article, index: int = 0) -> Sentence:
    return Sentence.objects.get(article=article, index=index)


def test_ingesting_a_draft_runs_its_job_in_process_without_a_broker(draft):
    job = CrosscheckJob.objects.filter(article=draft).latest("pk")
    assert job.status == JobStatus.DONE
    assert job.progress_done == job.progress_total == 3
    assert CrossCheck.objects.filter(claim=claim(draft)).exists()


def test_search_uses_the_index_and_skips_the_claims_own_article(draft):
    first = claim(draft)
    found = search(TermStats().query_terms(first.text), exclude_article=draft.pk)
    articles = set(
        Sentence.objects.filter(pk__in=found).values_list("article__external_id", flat=True)
    )
    assert articles == {"wire-1", "echo-1"}


def test_numbers_that_differ_are_a_contradiction_and_a_cnn_echo_is_not_independent(draft):
    checks = {
        c.match.article.external_id: c
        for c in CrossCheck.objects.filter(claim=claim(draft)).select_related("match__article")
    }
    assert checks["wire-1"].relation == "contradicts" and "600,000" in checks["wire-1"].reason
    assert checks["echo-1"].independent is False


def test_only_the_best_scoring_candidates_are_classified(draft, settings):
    # Both reference sentences are candidates; with room for one match, the claim keeps the
    # one that scores higher (the echo, nearly the claim's words) and compare never sees the
    # other.
    settings.CROSSCHECK_MATCHES = 1
    first = claim(draft)
    matches = jobs.crosscheck_sentences([first])[first.pk]
    assert len(matches) == 1
    best = Sentence.objects.get(pk=matches[0][0])
    assert best.article.external_id == "echo-1"


needs_words = pytest.mark.skipif(
    not embedding.available(), reason="the word vectors' packages are not installed"
)


def _wire_sentence() -> Sentence:
    return Sentence.objects.get(article__external_id="wire-1", index=0)


@pytest.fixture
def cosines_given(monkeypatch):
    """The ``embedding`` and ``words`` arguments of every compare() the jobs make (compare
    itself runs)."""
    given = []
    real = jobs.compare

    def spy(*args, **kwargs):
        given.append((kwargs.get("embedding"), kwargs.get("words")))
        return real(*args, **kwargs)

    monkeypatch.setattr(jobs, "compare", spy)
    return given


@needs_words
def test_the_jobs_weigh_the_cosine_of_the_two_facts_word_vectors(draft, cosines_given):
    first, wire = claim(draft), _wire_sentence()
    corpus = jobs.Corpus()
    corpus.passages([first.pk, wire.pk])
    words = embedding.default_words()
    expected = float(
        words.sentence(embedding.fact_words(first.text, corpus.stats.idf))
        @ words.sentence(embedding.fact_words(wire.text, corpus.stats.idf))
    )
    cosine = corpus.cosine(first.pk, wire.pk)
    assert cosine is not None and 0.3 < cosine <= 1.0
    assert abs(cosine - expected) < 1e-6

    jobs.crosscheck_sentences([first])
    assert cosines_given and all(isinstance(value, float) for value, _ in cosines_given)
    # The table itself goes with the cosine: compare reads predicates and near synonyms.
    assert all(table is words for _, table in cosines_given)


def test_with_the_embedding_off_the_jobs_decide_without_it(draft, settings, cosines_given):
    settings.CROSSCHECK_EMBEDDING = False
    first, wire = claim(draft), _wire_sentence()
    corpus = jobs.Corpus()
    corpus.passages([first.pk, wire.pk])
    assert corpus.words is None and corpus.cosine(first.pk, wire.pk) is None
    matches = jobs.crosscheck_sentences([first])[first.pk]
    assert cosines_given and all(given == (None, None) for given in cosines_given)
    # Still the same verdict on the plain contradiction of figures.
    by_article = {Sentence.objects.get(pk=pk).article.external_id: m for pk, m in matches}
    assert by_article["wire-1"].relation == "contradicts"


def test_a_job_claimed_once_is_not_run_again(draft):
    job = CrosscheckJob.objects.filter(article=draft).latest("pk")
    before = list(CrossCheck.objects.values_list("pk", flat=True))
    assert jobs.run_job(job.pk) is False  # a redelivered message finds it done
    assert list(CrossCheck.objects.values_list("pk", flat=True)) == before


def test_rerunning_a_claim_replaces_its_results_without_duplicates(draft):
    job = queue_crosscheck(article=draft, send=False)
    assert jobs.run_job(job.pk) is True
    pairs = list(CrossCheck.objects.values_list("claim_id", "match_id"))
    assert len(pairs) == len(set(pairs)) > 0


def test_a_running_job_with_a_live_lease_is_left_alone(draft):
    job = queue_crosscheck(article=draft, send=False)
    CrosscheckJob.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING, lease_until=timezone.now() + timedelta(minutes=1)
    )
    assert jobs.run_job(job.pk) is False
    assert CrosscheckJob.objects.get(pk=job.pk).status == JobStatus.RUNNING


def test_a_job_whose_worker_died_resumes_where_it_stopped(draft):
    job = queue_crosscheck(article=draft, send=False)
    # A worker died after the first claim: its lease ran out.
    CrosscheckJob.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING,
        progress_done=1,
        attempts=1,
        lease_token="dead",
        lease_until=timezone.now() - timedelta(seconds=1),
    )
    seen: list[int] = []
    assert jobs.run_job(job.pk, progress=lambda j: seen.append(j.progress_done)) is True
    job.refresh_from_db()
    # the two claims left were checked (one batch); the first was not checked again
    assert seen == [3] and job.attempts == 2 and job.status == JobStatus.DONE
    assert not CrossCheck.objects.filter(claim=claim(draft, 0), job=job).exists()


def test_a_worker_that_lost_its_lease_writes_nothing_more(draft):
    body = "".join(
        f"Kyiv rejected point {n} of the plan, a senior source told CNN.\n" for n in range(15)
    )
    long_draft = make_article("draft-long", body=body)
    job = queue_crosscheck(article=long_draft, send=False)

    def taken_over(current: CrosscheckJob) -> None:
        # Another worker presumed this one dead after its first batch.
        CrosscheckJob.objects.filter(pk=current.pk).update(lease_token="someone-else")

    assert jobs.run_job(job.pk, progress=taken_over) is False
    checked = set(CrossCheck.objects.filter(job=job).values_list("claim__index", flat=True))
    assert checked and max(checked) < jobs.BATCH  # nothing after the lease was lost
    assert CrosscheckJob.objects.get(pk=job.pk).progress_done == jobs.BATCH


def test_requeue_sends_jobs_never_sent_and_jobs_of_dead_workers(draft, committed):
    never_sent = queue_crosscheck(article=draft, send=False)
    dead = queue_crosscheck(article=draft, send=False)
    old = timezone.now() - timedelta(minutes=5)
    CrosscheckJob.objects.filter(pk=never_sent.pk).update(created_at=old)
    CrosscheckJob.objects.filter(pk=dead.pk).update(
        created_at=old, status=JobStatus.RUNNING, lease_until=old, dispatched_at=old
    )
    assert committed(tasks.requeue_stuck_jobs) == 2
    statuses = set(
        CrosscheckJob.objects.filter(pk__in=[never_sent.pk, dead.pk]).values_list(
            "status", flat=True
        )
    )
    assert statuses == {JobStatus.DONE}  # in-process: sent means run


def test_a_new_reference_rechecks_only_the_claims_it_matches(draft, committed):
    before = CrosscheckJob.objects.count()
    committed(
        make_article,
        "wire-2",
        body="Ukraine had been pushed to accept the terms by Dec. 1, officials said.\n",
        role="reference",
    )
    follow_up = CrosscheckJob.objects.filter(article=draft).latest("pk")
    assert CrosscheckJob.objects.count() == before + 2  # the planning job and one re-check
    assert follow_up.sentence_ids == [claim(draft, 1).pk]
    assert CrossCheck.objects.filter(
        claim=claim(draft, 1), match__article__external_id="wire-2"
    ).exists()


def test_passages_carry_their_articles_published_at(committed):
    published = datetime(2026, 3, 11, 17, 40, tzinfo=UTC)
    article = committed(
        make_article, "dated-1", body=WIRE, role="reference", published_at=published
    )
    sentence = claim(article)
    assert jobs.Corpus().passages([sentence.pk])[sentence.pk].passage.published_at == published


def test_passages_load_the_frequencies_of_their_articles_context_terms(committed):
    """compare weighs the lead's terms too: each with its own frequency, not as the rarest
    (which it would be, unloaded, until another sentence using it was read)."""
    article = committed(make_article, "kyiv-1", body=DRAFT, role="reference")
    weather = claim(article, 2)
    corpus = jobs.Corpus()
    corpus.passages([weather.pk])
    lead_only = set(claim(article, 1).search_text.split()) - set(weather.search_text.split())
    assert lead_only
    assert all(corpus.stats.df(term) >= 1 for term in lead_only)


def test_a_relative_date_is_resolved_against_each_articles_publication(committed):
    committed(
        make_article,
        "vote-wire",
        body="The Dunmore council vote on the bypass will take place on March 3.\n",
        role="reference",
        published_at=datetime(2026, 2, 20, 9, 0, tzinfo=UTC),
    )
    draft = committed(
        make_article,
        "vote-draft",
        body="The Dunmore council vote on the bypass will take place next Thursday.\n",
        published_at=datetime(2026, 2, 18, 9, 0, tzinfo=UTC),
    )
    check = CrossCheck.objects.get(claim=claim(draft))
    assert check.relation == "contradicts"
    assert check.reason == "dates differ: next Thursday vs Tuesday 3 March"
