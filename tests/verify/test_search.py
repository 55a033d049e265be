"""Retrieval from the full-text index: candidates for a claim, and the index's term weights."""

from __future__ import annotations

import pytest

from annotations.models import Sentence
from tests.factories import claims_of, make_article
from verify.search import TermStats, find_candidates

pytestmark = pytest.mark.django_db

CLAIM = "The Vostrava council dismissed harbour director Ilse Brannick on Friday.\n"
# Shares two of the claim's rare terms (Brannick, dismissed).
PAIR_MATCH = "Ilse Brannick was dismissed after the audit, council members said.\n"
# Each shares one rare term only.
SINGLE_MATCHES = (
    "Vostrava will host the regional fair next spring.\n"
    "The harbour director of Keltmoor resigned in March.\n"
)
UNRELATED = "Rainfall in the northern valleys was above average this year.\n"


def external_ids(ids: list[int]) -> list[str]:
    found = dict(Sentence.objects.filter(pk__in=ids).values_list("pk", "article__external_id"))
    return [found[pk] for pk in ids]


@pytest.fixture
def claim() -> Sentence:
    make_article("pair-1", body=PAIR_MATCH, role="reference")
    make_article("singles-1", body=SINGLE_MATCHES, role="reference")
    make_article("unrelated-1", body=UNRELATED, role="reference")
    return claims_of(make_article("draft-1", body=CLAIM))[0]


def test_sentences_sharing_two_rare_terms_come_first(claim):
    found = find_candidates(TermStats(), claim.text, exclude_article=claim.article_id)
    assert external_ids(found)[0] == "pair-1"
    assert "unrelated-1" not in external_ids(found)


def test_too_few_pair_matches_are_filled_up_with_single_term_matches(claim):
    # One sentence shares two rare terms; the limit of three is filled with sentences that
    # share one term, after it.
    found = find_candidates(TermStats(), claim.text, exclude_article=claim.article_id, limit=3)
    assert external_ids(found) == ["pair-1", "singles-1", "singles-1"]


def test_the_claims_own_article_is_never_a_candidate(claim):
    found = find_candidates(TermStats(), claim.text, exclude_article=claim.article_id)
    assert "draft-1" not in external_ids(found)


def test_candidates_sharing_the_rarer_claim_terms_come_first_on_every_database():
    # "council" and "harbour" are in many sentences, "Brannick" and "dismissed" in few. A
    # sentence repeating the common pair would lead PostgreSQL's ts_rank (which knows no
    # idf); candidates are ordered by the weight of the claim terms they share.
    common = "".join(f"The harbour council met on day {n}.\n" for n in range(8))
    make_article("common-1", body=common, role="reference")
    make_article(
        "repeats-1",
        body="Harbour council, harbour council: the harbour council spoke.\n",
        role="reference",
    )
    make_article(
        "rare-1",
        body="Brannick, who ran the port for a decade and more, was dismissed by a narrow "
        "vote on a long evening of debate.\n",
        role="reference",
    )
    claim = claims_of(
        make_article("draft-2", body="The harbour council dismissed Brannick on Friday.\n")
    )[0]
    found = find_candidates(TermStats(), claim.text, exclude_article=claim.article_id)
    ids = external_ids(found)
    assert ids[0] == "rare-1"
    assert ids.index("rare-1") < ids.index("repeats-1")
