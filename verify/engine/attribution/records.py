"""Documents, data and reports as sources, and whoever relays them.

A sentence may rest on a record rather than a speaker: "according to its quarterly filing",
"court filings show", "a copy of the letter seen by the Tribune", "a report by the Evening Star
that …". Verbs and "according to" already find the document; this module adds what they do not:

* :func:`access_agents` — the agent of an access participle inside a document's mention
  ("emails obtained by the Courier", "the letter, which has been seen by the Ledger,"): the
  document comes to the reader via that agent, a source of the sentence in its own right (who
  *wrote* or *published* a document is part of its description, not a second source);
* :func:`passive_access` — the same as a clause: "A copy of the letter was seen by the Gazette"
  (the document and the agent);
* :func:`report_by` — a report noun with its author and its content: "a report by the Evening
  Star that …" (the author is the source; the mention is the whole phrase);
* :func:`coordinated` — "according to diplomats and a draft resolution": one mention per
  conjunct.

Each returns cue token ranges with a :class:`~verify.engine.attribution.phrases.Mention`;
:mod:`~verify.engine.attribution.cues` turns them into cue matches. Nothing here classifies.
"""

from __future__ import annotations

from verify.engine import lexicon as lx
from verify.engine.attribution.phrases import Mention, scan_right
from verify.engine.attribution.subjects import subject_before
from verify.engine.attribution.tokens import OPEN, Tokens, strip_possessive

Found = tuple[int, int, Mention]  # cue_first, cue_last, mention


def access_agents(toks: Tokens, first: int, last: int) -> list[Found]:
    """The agents of access participles ("obtained by X", "seen by X") in tokens first..last,
    each with the participle and "by" as its cue."""
    out: list[Found] = []
    for k in range(max(first, 0), min(last, toks.n - 2) + 1):
        if toks.is_word(k) and toks.lows[k] in lx.ACCESS_PARTICIPLES and toks.low(k + 1) == "by":
            m = scan_right(toks, k + 2)
            if m is not None:
                m.span_last = m.last  # "obtained by the Herald, the mayor …": no appositive
                out.append((k, k + 1, m))
    return out


def passive_access(toks: Tokens, aux: int, verb: int) -> list[Found]:
    """ "A copy of the letter was seen by the Gazette": the document (cue: the auxiliaries and
    the participle) and the agent (cue: the participle and "by"); [] when it is not that."""
    if toks.lows[verb] not in lx.ACCESS_PARTICIPLES or toks.low(verb + 1) != "by":
        return []
    if not any(toks.lows[k] in lx.BE_FORMS for k in range(aux, verb)):
        return []
    document = subject_before(toks, aux)
    agent = scan_right(toks, verb + 2)
    if document is None or agent is None or toks.lows[document.span_first] in lx.RELATIVE:
        return []  # "the letter, which has been seen by X, says": the main cue takes both
    if not any(
        strip_possessive(toks.lows[k]) in lx.DOCUMENT_NOUNS
        for k in range(document.first, document.last + 1)
    ):
        return []
    return [(aux, verb, document), (verb, verb + 1, agent)]


def report_by(toks: Tokens, noun: int) -> Found | None:
    """ "a report by the Evening Star that …", "an investigation by the Courier found that":
    a report noun, "by" and its author, then its content (a clause, a colon or a quote). The
    source is the author; the mention reported runs from the noun's determiner."""
    if toks.lows[noun] not in lx.REPORT_NOUNS or toks.low(noun + 1) != "by":
        return None
    m = scan_right(toks, noun + 2)
    if m is None:
        return None
    after = m.span_last + 1
    content = toks.low(after) in ("that", ":") or (after < toks.n and toks.kinds[after] == OPEN)
    if not content and toks.low(noun - 2) not in ("in", "from") and toks.low(noun - 1) != "in":
        return None  # "a report by X that …", "came in a report by X"
    start = noun
    while start > 0 and noun - start < 3 and toks.is_word(start - 1):
        low = toks.lows[start - 1]
        if low in lx.DETERMINERS:
            start -= 1
            break
        if low in lx.BOUNDARY or toks.caps[start - 1]:
            break
        start -= 1
    if toks.low(start) not in lx.DETERMINERS:
        start = noun
    return noun, noun + 1, Mention(m.first, m.last, m.span_last, span_first=start)


def coordinated(toks: Tokens, m: Mention) -> list[Mention]:
    """The mentions joined to ``m`` by "and" after "according to"/"citing": "according to
    diplomats and a draft resolution" gives the resolution after the diplomats."""
    out: list[Mention] = []
    while toks.low(m.span_last + 1) == "and" and len(out) < 3:
        nxt = scan_right(toks, m.span_last + 2)
        if nxt is None:
            break
        out.append(nxt)
        m = nxt
    return out
