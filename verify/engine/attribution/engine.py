"""Suggesting attributions sentence by sentence: the public :func:`suggest`.

Ties the parts together: tokens per sentence (quotations carried across sentences of a
paragraph), cues with their mentions, classification, pronoun and short-reference
resolution, the newsroom's own reporting, the relays (``via``: the chain rules of
:mod:`~verify.engine.attribution.chain`, plus the outlet a source told or a document was
obtained by) and their order, and the quotation mode.
"""

from __future__ import annotations

from collections.abc import Sequence

from verify.engine import lexicon as lx
from verify.engine.attribution.chain import Link, chain_order, relays, root_and_depth
from verify.engine.attribution.context import PERSONAL, ArticleContext, Referent
from verify.engine.attribution.cues import CueMatch, find_cues
from verify.engine.attribution.kinds import SPOKES, SourceClass, classify
from verify.engine.attribution.model import Attribution, SentenceLike
from verify.engine.attribution.newsroom import own_outlet, own_reporting
from verify.engine.attribution.phrases import Mention, scan_right, whole_institution
from verify.engine.attribution.resolve import resolve_pronoun
from verify.engine.attribution.roles import FEMININE, MASCULINE, OFFICES, role_kind
from verify.engine.attribution.subjects import sentence_subject
from verify.engine.attribution.tokens import CLOSE, OPEN, PUNCT, WORD, Tokens, strip_possessive
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


# Verbs that are acts or intentions rather than reports, though the cue lexicon has them
# (PolNeAR counts them): a sentence rests on its reports first.
_NOT_REPORTING = frozenset({"decide", "aim", "seek", "offer", "call", "rule", "press", "publish"})


def _reporting(toks: Tokens, f: CueMatch) -> bool:
    """Whether the cue reports: a verb of saying, reporting or evidence ("said", "told",
    "promised", "reported", "records show"), "according to", "citing" or a noun of saying;
    not a belief or intention ("wants", "plans", "refused") or an act ("decided")."""
    low = toks.lows[f.cue_first]
    if low in ("according", "citing"):
        return True
    base = lx.CUE_FORMS.get(toks.lows[f.cue_last])
    if base is None:
        return True  # a noun of saying ("his claim that"), a speaker label
    if base in _NOT_REPORTING:
        return False
    return base in lx.SPEECH_VERBS or base in lx.REPORT_VERBS or base in lx.EVIDENCE_VERBS


def _gender(toks: Tokens, m: Mention) -> str | None:
    """ "f" or "m" where the mention's own words give it ("a spokeswoman", "Mr Paul Grant";
    "her husband" is a man: a possessive does not count), else None."""
    ranges = [range(m.last, m.first - 1, -1)]
    if m.alt is not None:  # "her deputy, Mr Paul Grant"
        ranges.append(range(m.alt[0], m.alt[1] + 1))
    for k in (k for r in ranges for k in r):
        low = toks.lows[k]
        if low in ("his", "her", "their", "its"):
            continue
        if low in FEMININE:
            return "f"
        if low in MASCULINE:
            return "m"
    return None


def _short_reference(
    toks: Tokens, m: Mention, c: SourceClass, article: ArticleContext
) -> SourceClass:
    """ "the company", "the agency", "the paper", "the diplomats": the source named before that
    the reference stands for (:meth:`ArticleContext.resolve_reference`), else ``c``."""
    if m.last != m.first + 1 or toks.lows[m.first] != "the" or not toks.is_word(m.last):
        return c
    if c.kind not in (SourceKind.ORGANISATION, SourceKind.OUTLET, SourceKind.ANONYMOUS):
        return c
    ref = article.resolve_reference(strip_possessive(toks.lows[m.last]), c.kind)
    return c if ref is None else SourceClass(ref.kind, ref.name, ref.plural)


def _spokesperson(toks: Tokens, f: CueMatch) -> bool:
    """Whether the mention is headed by "spokesman", "spokeswoman"… ("Brennan's spokesman")."""
    return any(toks.lows[k] in SPOKES for k in range(f.mention.first, f.mention.last + 1))


def suggest_sentence(
    body: str, sent: SentenceLike, toks: Tokens, article: ArticleContext
) -> list[Attribution]:
    """The attributions of one tokenized sentence; records its sources in ``article``."""
    out: list[Attribution] = []
    classes: list[tuple[CueMatch, SourceClass]] = []
    for f in find_cues(toks):
        base = lx.CUE_FORMS.get(toks.lows[f.cue_last], "")
        if classes and base in lx.COGNITION_VERBS and base not in lx.SPEECH_VERBS:
            continue  # a belief inside reported speech ("said she wanted …")
        if f.kind_hint == "participle":
            # "…, saying" is the clause subject's, not a relative's ("X defended an architect
            # who said …, saying …" is X)
            subjects = [(g, d) for g, d in classes if g.mention.span_first == g.mention.first]
            if subjects:
                prev_f, prev_c = subjects[-1]
                f.mention = prev_f.mention
                classes.append((f, prev_c))
                continue
            subject = sentence_subject(toks, f.cue_first)
            if subject is None:
                continue
            f.mention = subject
        f.mention = whole_institution(toks, f.mention)
        c = classify(toks, f.mention, article)
        spokes = c is not None and c.kind == SourceKind.ORGANISATION and _spokesperson(toks, f)
        if f.mention.alt is not None and (c is None or c.kind == SourceKind.ANONYMOUS or spokes):
            a_first, a_last = f.mention.alt
            named = classify(toks, Mention(a_first, a_last, a_last), article)
            if named is not None and named.kind in PERSONAL:
                # "Its country manager, Paolo Ricci": the role says the kind
                role = role_kind(toks.lows[k] for k in range(f.mention.first, f.mention.last + 1))
                kind = role or (SourceKind.OFFICIAL if c is not None else named.kind)
                c = SourceClass(kind, named.name, False)
        if c is None:
            continue
        if c.pronoun is not None:
            c = resolve_pronoun(
                c, article, [Referent(d.name, d.kind, d.plural) for _, d in classes]
            )
        else:
            c = _short_reference(toks, f.mention, c, article)
        ours = own_reporting(toks, f.mention, c, article.own)
        if ours is not None:
            if classes and classes[-1][0].told is f.mention:
                classes[-1][0].told_outlet = None  # "X told the Ledger" in the Ledger: X itself
                continue
            c = ours
        if c.kind in PERSONAL:
            article.remember(c.name, official=c.kind == SourceKind.OFFICIAL)
        elif c.kind == SourceKind.ORGANISATION:
            article.remember_organisation(c.name)
        classes.append((f, c))
    entries, told = _with_relays(toks, classes, article)
    links = [
        Link(
            start=min(f.cue_first, f.mention.span_first),
            cue_first=f.cue_first,
            cue_last=f.cue_last,
            kind=c.kind,
            name=c.name,
            citing=toks.lows[f.cue_first] == "citing",
            according=toks.lows[f.cue_first] == "according",
            reporting=_reporting(toks, f),
            participle=f.kind_hint == "participle",
            pronoun=f.mention.first == f.mention.last
            and (
                toks.lows[f.mention.first] in lx.PRONOUNS
                or toks.lows[f.mention.first] in _INDEFINITES
            ),
        )
        for f, c, _ in entries
    ]
    via_of = relays(toks, links)
    for i, (_, _, relay) in enumerate(entries):
        if relay is not None:
            via_of[i] = relay
    seen: set[int | str] = set()
    # subjects of a main clause: their relative clause ("X, who has said …, said") is not kept
    mains = {f.mention.first for f, _, _ in entries if f.mention.span_first == f.mention.first}
    # and a relative inside another mention describes that source ("said Ana Kell, a lawyer
    # who has advised the union")
    spans = [
        (f.mention.span_first, f.mention.span_last)
        for f, _, _ in entries
        if f.mention.span_first == f.mention.first
    ]
    referents: list[tuple[int, Referent]] = []
    for i in chain_order(links, via_of):
        f, c, _ = entries[i]
        relay = via_of[i]
        via = entries[relay][1].name if relay is not None else told.get(i)
        # one suggestion per source per sentence: "praised the plan, saying …", "he said … he
        # added"; mentions starting at the same word are one source ("A UN report published …"),
        # and so is a relative and its antecedent ("The mayor, who has said …, said")
        first, phrase, name = f.mention.span_first, f.mention.first, c.name.lower()
        if first in seen or phrase in seen or (c.kind in _NAMED and name in seen):
            continue
        if first != phrase and (phrase in mains or any(a <= first <= b for a, b in spans)):
            continue
        seen.update((first, phrase, name))
        roles = frozenset(
            toks.lows[k]
            for k in range(f.mention.first, f.mention.span_last + 1)
            if toks.lows[k] in OFFICES
        )
        referents.append((i, Referent(c.name, c.kind, c.plural, _gender(toks, f.mention), roles)))
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
    # The article's antecedents in reading order: what the sentence tells about its subjects
    # first, then what it reports, the relay last (the next sentence's "he" is the speaker).
    for _, ref in sorted(
        referents, key=lambda ir: links[root_and_depth(via_of, ir[0])[0]].reporting
    ):
        article.mention(ref)
    return _rests_on_first(out)


def _rests_on_first(found: list[Attribution]) -> list[Attribution]:
    """The suggestions with each anonymous relay moved before the first source it relays: a
    sentence rests on the weakest link of its chain and that comes first (PRODUCT.md: an
    official heard only through anonymous diplomats rests on them), so the editor's one-key
    accept takes it. A named relay, an outlet or a person, follows what it relays (Rubio via
    Politico). Only the order changes; coreference reads the chain order (the relay last)."""
    out = list(found)
    for relay in found:
        if relay.source_kind != SourceKind.ANONYMOUS:
            continue
        relayed = [k for k, a in enumerate(out) if a.via == relay.source and a is not relay]
        at = out.index(relay)
        if relayed and relayed[0] < at:
            out.insert(relayed[0], out.pop(at))
    return out


# Indefinite pronouns: a speaker's "anyone who…" is not someone they heard it from.
_INDEFINITES = frozenset(
    {"anyone", "anybody", "everyone", "everybody", "someone", "somebody", "nobody", "none"}
)

# Participles that make a document relayed by whoever holds it ("emails obtained by the Post").
_RELAYED_BY = frozenset({"obtained", "seen", "reviewed", "published", "leaked", "released"})


def _with_relays(
    toks: Tokens, classes: list[tuple[CueMatch, SourceClass]], article: ArticleContext
) -> tuple[list[tuple[CueMatch, SourceClass, int | None]], dict[int, str]]:
    """The sentence's cues, each with the index of an outlet that relays it and that the cue
    itself names, and the outlets a cue's source told, by cue index, where no cue names them.
    The outlet a source told ("told CNN", a cue of its own from
    :func:`~verify.engine.attribution.cues.find_cues`) is the teller's ``via`` and a source
    after it: it relays the teller, as the newsroom gold counts it (PolNeAR does not count the
    addressee; suggesting it costs 0.003 of overlap F1 there and gains 0.013 of newsroom
    recall). A document's outlet ("emails obtained by the Post") is added as its own source
    after the cues the same way. The newsroom itself relays no one ("X told the Ledger" in the
    Ledger is X on the record)."""
    entries: list[tuple[CueMatch, SourceClass, int | None]] = [(f, c, None) for f, c in classes]
    told: dict[int, str] = {}
    named = {(f.mention.span_first, f.mention.span_last) for f, _ in classes}
    for i, (f, c) in enumerate(classes):
        found = _relaying_outlet(toks, f, c)
        if found is None:
            continue
        m, outlet = found
        if article.is_own(outlet.name) or own_reporting(toks, m, outlet, article.own):
            continue  # "X told the Ledger" in the Ledger: X on the record, no relay
        at = next(
            (
                k
                for k, (g, d, _) in enumerate(entries)
                if d.name == outlet.name or (k != i and g.mention.span_first == m.span_first)
            ),
            None,
        )
        if at is None and (m.span_first, m.span_last) in named:
            continue
        if at is None and c.kind != SourceKind.DOCUMENT:
            told[i] = outlet.name  # "told CNN": CNN is the via, not a second suggestion
            continue
        if at is None:
            cue = CueMatch(f.cue_first, f.cue_last, m, "post")
            entries.append((cue, outlet, None))
            at = len(entries) - 1
        if at != i:
            entries[i] = (f, c, at)
    return entries, told


def _relaying_outlet(
    toks: Tokens, f: CueMatch, c: SourceClass
) -> tuple[Mention, SourceClass] | None:
    """The outlet a cue's source was told to ("told the Post") or a document was obtained by
    ("a letter seen by the Tribune"), with its mention; None when there is none."""
    begin: int | None = None
    if lx.CUE_FORMS.get(toks.lows[f.cue_last]) == "tell" and f.kind_hint == "pre":
        begin = f.cue_last + 1
    elif c.kind == SourceKind.DOCUMENT:
        for k in range(f.mention.first, f.mention.span_last):
            if toks.lows[k] in _RELAYED_BY and toks.low(k + 1) == "by":
                begin = k + 2
                break
    if begin is None:
        return None
    m = scan_right(toks, begin)
    if m is None:
        return None
    outlet = classify(toks, m, ArticleContext())
    if outlet is None or outlet.kind != SourceKind.OUTLET:
        return None
    return m, outlet


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
    article.own = outlet or own_outlet(body, sentences)
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
            result.append(suggest_sentence(body, sent, maybe_toks, article))
    return result
