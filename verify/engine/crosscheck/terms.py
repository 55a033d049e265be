"""Query terms for the full-text index: the most informative tokens of a claim."""

from __future__ import annotations

from verify.engine.crosscheck.lexicon import STOPWORDS
from verify.engine.crosscheck.text import Token, analyse

_PRIORITY = {"date": 6.0, "money": 6.0, "pct": 6.0, "name": 5.0, "number": 4.0, "year": 3.0}


def _priority(token: Token) -> float:
    if token.kind in _PRIORITY:
        return _PRIORITY[token.kind]
    # Content words: longer ones are rarer; a month alone says less than a day date.
    return 1.0 + min(len(token.norm), 12) / 12 + (0.5 if token.kind == "month" else 0.0)


def search_terms(text: str, *, limit: int = 12) -> list[str]:
    """The most informative index tokens of ``text`` for an OR query, best first.

    Stopwords and the generic vocabulary of reporting ('said', 'according', 'officials' is
    kept) are dropped; day dates, amounts and percentages come first, then names, figures,
    years and the longer content words. Every term is a token :func:`index_text` emits.
    """
    seen: dict[str, float] = {}
    order: dict[str, int] = {}
    for token in analyse(text).tokens:
        if token.kind == "word" and (token.norm in STOPWORDS or len(token.norm) < 3):
            continue
        if token.norm in STOPWORDS and token.kind not in ("date", "month", "year"):
            continue
        priority = _priority(token)
        if priority > seen.get(token.norm, 0.0):
            seen[token.norm] = priority
        order.setdefault(token.norm, len(order))
    ranked = sorted(seen, key=lambda t: (-seen[t], order[t]))
    return ranked[: max(limit, 0)]
