"""Cross-checking claims against other articles: pure Python, no Django.

The split with the database: :func:`index_text` is what the full-text index stores (PostgreSQL
``tsvector`` with the ``simple`` configuration, or SQLite FTS5 ``unicode61``), and
:func:`search_terms` the tokens to OR together in a BM25-ranked query for a claim. The top
candidates come back to :func:`match_score`, which scores each against the claim and drops
the ones not about the same fact; :func:`compare` (the same score) says of the best whether
each corroborates, contradicts or is merely related, and whether it is independent of the
claim's own sources; :func:`one_account` reads one report's matches of a claim together.
:func:`summarise` turns a claim's matches into a suggested confidence level.
"""

from verify.engine.crosscheck.accounts import one_account
from verify.engine.crosscheck.compare import (
    CONTRADICT_THRESHOLD,
    CORROBORATE_THRESHOLD,
    MATCH_THRESHOLD,
    SENTENCE_MATCH_THRESHOLD,
    Match,
    Passage,
    compare,
    is_echo,
    match_score,
    similarity,
)
from verify.engine.crosscheck.summary import CREDIBLE_CONTRADICTION, Summary, summarise
from verify.engine.crosscheck.terms import search_terms
from verify.engine.crosscheck.text import index_text

__all__ = [
    "CONTRADICT_THRESHOLD",
    "CORROBORATE_THRESHOLD",
    "CREDIBLE_CONTRADICTION",
    "MATCH_THRESHOLD",
    "SENTENCE_MATCH_THRESHOLD",
    "Match",
    "Passage",
    "Summary",
    "compare",
    "index_text",
    "is_echo",
    "match_score",
    "one_account",
    "search_terms",
    "similarity",
    "summarise",
]
