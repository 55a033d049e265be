"""Suggesting attributions sentence by sentence: the public :func:`suggest`.

Ties the parts together: tokens per sentence (quotations carried across sentences of a
paragraph), cues with their mentions, classification, pronoun resolution, the outlet a source
was relayed by (``via``) and the quotation mode.
"""

from __future__ import annotations

from collections.abc import Sequence

from verify.engine import lexicon as lx
from verify.engine.attribution.context import PERSONAL, ArticleContext, Referent
from verify.engine.attribution.cues import CueMatch, find_cues
from verify.engine.attribution.kinds import SourceClass, classify
from verify.engine.attribution.model import Attribution, SentenceLike
from verify.engine.attribution.newsroom import own_outlet, own_reporting
from verify.engine.attribution.phrases import Mention
from verify.engine.attribution.resolve import resolve_pronoun
from verify.engine.attribution.subjects import sentence_subject
from verify.engine.attribution.tokens import CLOSE, OPEN, PUNCT, WORD, Tokens
from verify.engine.vocabulary import AttributionMode, SentenceKind, SourceKind


def attribution_mode(toks: Tokens, f: CueMatch, kind: str) -> AttributionMode:
    """``reported_by`` for outlets, ``direct_quote`` next to a quotation, else ``indirect``."""
    if kind == SourceKind.OUTLET:
        return AttributionMode.REPORTED_BY
    left = min(f.cue_first, f.mention.span_first)
    k = left - 1
    while k >= 0 and toks.kinds[k] == PUNCT:
        k -= 1
    if k >= 0 and toks.kinds[k] == CLOSE:
        return AttributionMode.DIRECT_QUOTE
    right = max(f.cue_last, f.mention.span_last)
    for k in range(right + 1, min(right + 4, toks.n)):
        if toks.kinds[k] == OPEN:
            return AttributionMode.DIRECT_QUOTE
        if toks.kinds[k] == WORD and toks.lows[k] not in ("that", "reporters"):
            break
    return AttributionMode.INDIRECT


# Kinds whose name identifies one source: "Trump said … he added" is Trump once (unnamed
# "officials" twice may be two groups).
_NAMED = frozenset({SourceKind.PERSON, SourceKind.OFFICIAL})


def suggest_sentence(
    body: str, sent: SentenceLike, toks: Tokens, article: ArticleContext, own: str | None = None
) -> list[Attribution]:
    """The attributions of one tokenized sentence; records its sources in ``article``."""
    out: list[Attribution] = []
    classes: list[tuple[CueMatch, SourceClass]] = []
    for f in find_cues(toks):
        base = lx.CUE_FORMS.get(toks.lows[f.cue_last], "")
        if classes and base in lx.COGNITION_VERBS and base not in lx.SPEECH_VERBS:
            continue  # a belief inside reported speech ("said she wanted …")
        if f.kind_hint == "participle":
            if classes:
                prev_f, prev_c = classes[-1]
                f.mention = prev_f.mention
                classes.append((f, prev_c))
                continue
            subject = sentence_subject(toks, f.cue_first)
            if subject is None:
                continue
            f.mention = subject
        c = classify(toks, f.mention, article)
        if f.mention.alt is not None and (c is None or c.kind == SourceKind.ANONYMOUS):
            a_first, a_last = f.mention.alt
            named = classify(toks, Mention(a_first, a_last, a_last), article)
            if named is not None and named.kind in PERSONAL:
                described = c is not None or any(
                    toks.lows[k] in lx.TITLES for k in range(f.mention.first, f.mention.last + 1)
                )
                kind = SourceKind.OFFICIAL if described else named.kind
                c = SourceClass(kind, named.name, False)
        if c is None:
            continue
        if c.pronoun is not None:
            c = resolve_pronoun(c, article)
        ours = own_reporting(toks, f.mention, c, own)
        if ours is not None:
            if classes and classes[-1][0].told is f.mention:
                classes[-1][0].told_outlet = None  # "X told the Ledger" in the Ledger: X itself
                continue
            c = ours
        if c.kind in PERSONAL:
            article.remember(c.name, official=c.kind == SourceKind.OFFICIAL)
        article.history.append(Referent(c.name, c.kind, c.plural))
        classes.append((f, c))
    outlets = [(f, c) for f, c in classes if c.kind == SourceKind.OUTLET]
    seen: set[int | str] = set()
    # subjects of a main clause: their relative clause ("X, who has said …, said") is not kept
    mains = {f.mention.first for f, _ in classes if f.mention.span_first == f.mention.first}
    for f, c in classes:
        via = f.told_outlet
        if via is None and c.kind != SourceKind.OUTLET and outlets:
            via = min(outlets, key=lambda fc: abs(fc[0].cue_first - f.cue_first))[1].name
        # one suggestion per source per sentence: "praised the plan, saying …", "he said … he added"
        # mentions starting at the same word are one source ("A UN report published …"), and
        # so is a relative and its antecedent ("The mayor, who has said …, said")
        first, phrase, name = f.mention.span_first, f.mention.first, c.name.lower()
        if first in seen or phrase in seen or (c.kind in _NAMED and name in seen):
            continue
        if first != phrase and phrase in mains:
            continue
        seen.update((first, phrase, name))
        cue_start, cue_end = toks.start(f.cue_first), toks.end(f.cue_last)
        out.append(
            Attribution(
                source=c.name,
                source_kind=SourceKind(c.kind),
                cue=body[cue_start:cue_end],
                mode=attribution_mode(toks, f, c.kind),
                via=via,
                source_start=toks.start(f.mention.span_first),
                source_end=toks.end(f.mention.span_last),
                cue_start=cue_start,
                cue_end=cue_end,
            )
        )
    return out


# The longest sentence that gets suggestions: news sentences run to a few hundred characters.
MAX_SENTENCE_CHARS = 5000


def suggest(
    body: str, sentences: Sequence[SentenceLike], *, outlet: str | None = None
) -> list[list[Attribution]]:
    """One list of suggested attributions per sentence, in the order given.

    Boilerplate sentences get ``[]``, and so do sentences longer than
    :data:`MAX_SENTENCE_CHARS` (no news sentence is; a hostile one would only cost time).
    Sentences must come in body order (pronouns resolve to
    the most recent compatible source before them); offsets are taken from each sentence's
    ``start``/``end`` into ``body``. Every returned span lies inside its sentence and
    ``body[cue_start:cue_end] == cue``.
    """
    article = ArticleContext()
    own = outlet or own_outlet(body, sentences)
    tokenized: list[Tokens | None] = []
    open_quote = False
    previous_end = 0
    for sent in sentences:
        if "\n" in body[previous_end : sent.start] or sent.start < previous_end:
            open_quote = False  # a quotation does not run on into the next paragraph
        previous_end = sent.end
        if sent.kind == SentenceKind.BOILERPLATE or sent.end - sent.start > MAX_SENTENCE_CHARS:
            tokenized.append(None)
            open_quote = False
            continue
        toks = Tokens(body[sent.start : sent.end], sent.start, open_quote)
        open_quote = toks.quote_open_at_end
        article.learn_titles(toks)
        tokenized.append(toks)
    result: list[list[Attribution]] = []
    for sent, maybe_toks in zip(sentences, tokenized, strict=True):
        if maybe_toks is None:
            result.append([])
        else:
            result.append(suggest_sentence(body, sent, maybe_toks, article, own))
    return result
