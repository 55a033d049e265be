"""Who relays whom inside one sentence, and the order the sentence's sources come in.

A sentence may name a source and whoever passed it on: "Politico reported that Rubio told…"
(Rubio via Politico), "Rubio said…, the diplomats said" and "…, according to two officials"
(Rubio via the diplomats, via the officials), "The Post reported, citing three people…" (the
three people via the Post), "Rubio told CNN…" (Rubio via CNN). :func:`relays` finds, for each
cue of a sentence, the cue whose source relays it (or None); :func:`chain_order` puts each
relayed source before its relay (the origin of the information, carrying ``via``, then its
relay), the order the article's coreference reads. The suggestions' own order then moves an
anonymous relay first, the weakest link the sentence rests on (``engine._rests_on_first``).

The rules read the sentence's shape only, never its words beyond a few function words:

* a *trailing frame* — a cue after a comma, a dash or a closing quotation mark, later than
  another cue ("…, the diplomats said", "…, according to two officials", "…,” she said") —
  relays every earlier source that nothing relays yet;
* a *leading frame* — a cue followed by "that" or directly by the next source ("X reported
  on Sunday that…", "a diplomat said Rubio said…") — relays the later sources of its clause,
  up to a contrast ("but", "while", "whereas") or a semicolon: an outlet any source, a
  speaker only people, a document nobody;
* a leading "According to X," frames what follows it like a "that";
* "citing X" is relayed by the nearest other source (before it, else after it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from verify.engine.attribution.complements import in_fronted_clause
from verify.engine.attribution.tokens import CLOSE, Tokens
from verify.engine.vocabulary import SourceKind


@dataclass(frozen=True, slots=True)
class Link:
    """One cue of a sentence as the chain rules see it (token indices)."""

    start: int  # the first token of the cue or of its mention, whichever comes first
    cue_first: int
    cue_last: int
    kind: str  # the source kind
    name: str  # the resolved source name
    citing: bool = False  # a "citing X" cue
    participle: bool = False  # ", saying …": the same source as the clause's subject
    pronoun: bool = False  # the mention is a pronoun or an indefinite ("he", "anyone")
    according: bool = False  # an "according to X" cue
    reporting: bool = True  # a cue of reporting ("said", "told", "according to", "showed")


# Tokens that end the clause a leading frame governs.
_CONTRASTS = frozenset({"but", "while", "whereas", "although", "though", ";"})
# The kinds a speaker's leading frame relays.
_PEOPLE = frozenset({SourceKind.OFFICIAL, SourceKind.PERSON, SourceKind.ANONYMOUS})


def _trailing(toks: Tokens, link: Link) -> bool:
    """Whether the cue stands after a comma, a dash or a closing quotation mark (not as a
    second verb: "…, I laughed and said" opens a clause of its own)."""
    k = link.start - 1
    if toks.low(link.cue_first - 1) in ("and", "but"):
        return False
    return k >= 0 and (toks.lows[k] in (",", "—", "–") or toks.kinds[k] == CLOSE)


def _frames(toks: Tokens, outer: Link, inner: Link) -> bool:
    """Whether ``outer``'s cue frames ``inner``'s clause: "that" between them ("reported on
    Sunday that Rubio told…") or the inner source right after the cue ("said Rubio said…").
    An outlet relays any source; a speaker only people named or described ("Rubio said that
    Trump told him"), not a pronoun (most often the speaker again: "Holm said he had…"), a
    document or an institution in what they said ("said the data showed…"); a document
    relays nobody ("court papers show that consultants advised…" is what the papers show)."""
    if outer.kind == SourceKind.DOCUMENT:
        return False
    if outer.kind != SourceKind.OUTLET and (inner.kind not in _PEOPLE or inner.pronoun):
        return False  # "Holm said he would…", "said anyone who…": no one else speaks
    if inner.start - outer.cue_last <= 2 or outer.according:
        return True  # "said Rubio said…"; "According to the Post, Rubio said…"
    return any(toks.lows[k] == "that" for k in range(outer.cue_last + 1, inner.start))


def _contrast_between(toks: Tokens, left: int, right: int) -> bool:
    return any(toks.lows[k] in _CONTRASTS for k in range(left, right))


def relays(toks: Tokens, links: Sequence[Link]) -> list[int | None]:
    """For each link, the index of the link that relays it, or None (see the module rules)."""
    n = len(links)
    via: list[int | None] = [None] * n

    def chain_has(start: int, target: int) -> bool:
        k: int | None = start
        seen = 0
        while k is not None and seen <= n:
            if k == target:
                return True
            k, seen = via[k], seen + 1
        return False

    def link(inner: int, outer: int) -> None:
        if via[inner] is not None or inner == outer or links[inner].name == links[outer].name:
            return
        if links[inner].participle or not links[inner].reporting or chain_has(outer, inner):
            return  # "X, which wants…, the union said": X wants, it relays nothing
        via[inner] = outer

    for j, lj in enumerate(links):
        if lj.citing:
            before = [i for i in range(j) if not links[i].citing and not links[i].participle]
            after = [i for i in range(j + 1, n) if not links[i].citing]
            if before or after:
                link(j, before[-1] if before else after[0])
    for j, lj in enumerate(links):
        if lj.citing or lj.participle or not _trailing(toks, lj):
            continue
        for i in range(j):
            li = links[i]
            if in_fronted_clause(toks, li.cue_first, li.cue_last, lj.start):
                continue  # "When the mayor said …, residents argued …": no relay
            if li.cue_first < lj.start and via[i] is None and not li.according:
                link(i, j)  # a leading "According to X," frames what follows it instead
    for i, li in enumerate(links):
        if li.citing or li.participle:
            continue
        for j in range(i + 1, n):
            lj = links[j]
            if lj.start <= li.cue_last or _contrast_between(toks, li.cue_last + 1, lj.start):
                break
            if _trailing(toks, lj) and not lj.citing and not li.according:
                break
            if _frames(toks, li, lj):
                link(j, i)
    return via


def root_and_depth(via: Sequence[int | None], i: int) -> tuple[int, int]:
    """The outermost relay of link ``i`` and how many relays lie between (0: ``i`` itself)."""
    depth = 0
    k = i
    while depth <= len(via):
        nxt = via[k]
        if nxt is None:
            break
        k, depth = nxt, depth + 1
    return k, depth


def chain_order(links: Sequence[Link], via: Sequence[int | None]) -> list[int]:
    """The links' indices in suggestion order: grouped by the outermost relay, a group whose
    relay reports ("said", "according to") before one that does not ("wants", "plans": what
    the sentence tells about its subject more often than what it rests on), then in sentence
    order; in a group a relayed source before the one relaying it."""
    n = len(via)
    placed = [root_and_depth(via, i) for i in range(n)]
    group_at: dict[int, int] = {}
    for i, (root, _) in enumerate(placed):
        group_at.setdefault(root, i)

    def key(i: int) -> tuple[bool, int, int, int]:
        root = placed[i][0]
        return (not links[root].reporting, group_at[root], -placed[i][1], i)

    return sorted(range(n), key=key)
