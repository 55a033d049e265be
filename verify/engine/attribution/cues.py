"""Finding reporting cues in a sentence and attaching each to its source mention.

A cue is a verb of the lexicon in any inflection (with its auxiliaries and particles: "has also
said", "called for"), "according to", "citing", a speaker label before a colon or a dash
signature. :func:`find_cues` returns them in sentence order as :class:`CueMatch` objects whose
mention is found before the cue, after it (inverted "said Rubio", "according to X", passive
"by X"), or is left to the caller (``kind_hint == "participle"``: the clause subject).
Forms that read as nouns ("his claims", "the rules before the court") or infinitives are not
cues.
"""

from __future__ import annotations

from dataclasses import dataclass

from verify.engine import lexicon as lx
from verify.engine.attribution.complements import (
    in_fronted_clause,
    parenthetical,
    reports_content,
)
from verify.engine.attribution.phrases import (
    Mention,
    antecedent_of_who,
    compound_modifier,
    core_end,
    document_participle,
    head_ok,
    is_role,
    name_like,
    scan_left,
    scan_right,
)
from verify.engine.attribution.records import (
    access_agents,
    coordinated,
    passive_access,
    report_by,
)
from verify.engine.attribution.subjects import (
    object_relative,
    participle_subject,
    relative_subject,
    skip_time_left,
    subject_before,
)
from verify.engine.attribution.tokens import (
    CLOSE,
    DASHES,
    DAYS,
    NUM,
    OPEN,
    PUNCT,
    QUOTES,
    WORD,
    Tokens,
    is_adverb,
    strip_possessive,
)

PAST_PARTICIPLES = frozenset(
    {"said", "told", "known", "shown", "found", "written", "thought", "felt", "heard", "sworn"}
)


@dataclass(slots=True)
class CueMatch:
    """A cue (tokens ``cue_first..cue_last``) and the mention of its source; ``told_outlet``
    is the outlet a source told ("told CNN"), reported as ``via``."""

    cue_first: int
    cue_last: int
    mention: Mention
    kind_hint: str  # "pre" | "post" | "participle"
    told_outlet: str | None = None
    told: Mention | None = None  # the outlet's mention ("told the Courier"), a source too


def particle(toks: Tokens, verb: int, base: str) -> int | None:
    """The token of the cue verb's particle ("called for", "spoke emotionally of": one manner
    adverb may stand between), or None when it has none there."""
    particles = lx.PARTICLE_CUES.get(base)
    if not particles:
        return None
    k = verb + 1
    if is_adverb(toks.low(k)):
        k += 1
    if toks.low(k) == "it" and "it" not in particles and toks.low(k + 1) in particles:
        k += 1  # "made it clear"
    return k if toks.low(k) in particles else None


def cue_base(toks: Tokens, i: int) -> str | None:
    """The base form of the cue verb at token i, or None where the form is not a cue here
    (part of a name, a noun reading, an infinitive, a particle verb without its particle)."""
    low = toks.lows[i]
    base = lx.CUE_FORMS.get(low)
    if base is None:
        return None
    if toks.caps[i] and i > 0 and not toks.title_case:
        return None  # part of a name ("United States", "Kyiv Post")
    if (
        low.endswith("s")
        and base not in lx.INVERTIBLE
        and base in lx.NOUN_CUES | lx.DOCUMENT_NOUNS
        and (i + 1 >= toks.n or toks.kinds[i + 1] == PUNCT)
    ):
        return None  # a plural noun ending its clause ("key Kremlin demands.")
    if plural_noun_reading(toks, i, base) or noun_reading(toks, i, base):
        return None
    # "continued" alone is a cue only at the end of its clause ("…,” he continued.)
    if (
        base in lx.PARTICLE_ONLY
        and particle(toks, i, base) is None
        and not (base == "continue" and (i + 1 >= toks.n or toks.kinds[i + 1] == PUNCT))
    ):
        return None
    if toks.low(i + 1) in lx.NON_REPORTING_PARTICLES.get(base, ()):
        return None  # "showed up late", "found ways to"
    if base == "go" and toks.low(i + 2) == "to":
        return None  # "went on to explain": the verb after "to" is the cue ("went on to win": none)
    if low in lx.POSTMODIFIERS and toks.low(i + 1) in ("on", "about"):
        return None  # "an engineer briefed on the plans" describes the engineer
    if document_participle(toks, i) and strip_possessive(toks.low(i - 1)) in lx.DOCUMENT_NOUNS:
        return None  # "data published by Eurostat showed": describes the data
    prev = toks.low(i - 1)
    if prev == "having" or (prev == "all" and low == "told"):
        return None  # "Having said that, …", "All told, …" are connectives
    if prev == "to" and (
        toks.low(i - 2) in lx.RAISING_FORMS
        or (toks.low(i - 2) == "on" and toks.low(i - 3) in lx.RAISING_FORMS)
    ):
        return base  # "appeared to suggest", "went on to explain"
    if prev in lx.DETERMINERS and prev in lx.STANDALONE_DETERMINERS and is_past(low, base):
        return base  # "No one expected", "the mother of three replied", "many said"
    if prev in lx.DETERMINERS or prev == "to" or (prev.endswith(("'s", "so-")) and prev != "'s"):
        return None  # a noun ("the report", "his claims") or an infinitive ("declined to say")
    return base


def is_past(low: str, base: str) -> bool:
    """Whether a cue form is a past tense ("expected", "said"), never a noun."""
    return low != base and (low.endswith("ed") or low in PAST_PARTICIPLES or low in ("wrote",))


NOUN_FOLLOWERS = frozenset(
    {".", ";", "–", "—", ")", "as", "of", "about", "against", "before", "from", "in", "over"}
)


def plural_noun_reading(toks: Tokens, i: int, base: str) -> bool:
    """Whether an "-s" form that is also a plural noun reads as the noun here.

    "Republican claims as false", "the rules before the court", "early-morning tweets.": the
    form is followed by sentence punctuation or a preposition a verb of saying does not take
    (while "says of", "claims, without evidence, that" and "he calls." stay verbs).
    """
    low = toks.lows[i]
    if base not in lx.NOUN_CUES or low == base or not low.endswith("s"):
        return False
    if toks.low(i - 1) in lx.PRONOUNS:
        return False
    if document_participle(toks, i + 1):
        return True  # "cost estimates published by the council show …"
    return (
        i + 1 >= toks.n
        or toks.lows[i + 1] in NOUN_FOLLOWERS
        or toks.lows[i + 1] in lx.FINITE_AUXILIARIES  # "pay worries have haunted …"
    )


# Prepositions after which a cue form is a noun ("acts of protest", "amid worries").
NOUN_PREPOSITIONS = frozenset(
    {"of", "in", "with", "for", "against", "from", "over", "at", "by", "amid", "despite"}
)


def noun_reading(toks: Tokens, i: int, base: str) -> bool:
    """Whether a present form of a cue verb reads as a noun here: after a preposition ("acts of
    protest", "amid worries"), as a modifier between a name and the noun it qualifies ("White
    House press secretary", "a Harlow appeals court"), or counted ("0.4 percentage points to").
    Past and "-ing" forms are left to the participle rules."""
    low = toks.lows[i]
    if low.endswith(("ed", "ing")) or low in PAST_PARTICIPLES:
        return False
    if toks.low(i - 1) in NOUN_PREPOSITIONS or compound_modifier(toks, i):
        return True
    after = toks.low(i + 1)
    if toks.is_word(i - 1) and (
        (after in lx.CUE_FORMS and is_past(after, lx.CUE_FORMS[after]))
        or after in lx.DOCUMENT_PARTICIPLES
    ):
        return True  # the subject of the verb after it: "an Audit Office report found"
    # counted: a number, or a number and a modifier that names no source ("11 swing states",
    # while "a Channel 4 poll shows" is a poll showing)
    if i < 1 or low == base or not low.endswith("s"):
        return False
    return toks.kinds[i - 1] == NUM or (
        i >= 2 and toks.kinds[i - 2] == NUM and toks.is_word(i - 1) and not head_ok(toks, i - 1)
    )


def aux_start(toks: Tokens, i: int) -> int:
    """First token of the auxiliary/adverb chain right before token i ("has also" said)."""
    j = i
    while j > 0 and toks.is_word(j - 1):
        low = toks.lows[j - 1]
        if toks.caps[j - 1] and j > 1 and not toks.title_case:
            break  # a name, not an auxiliary: "Theresa May said", "Will Doyle said"
        if low in lx.AUXILIARIES or is_adverb(low):
            j -= 1
        elif low == "to" and toks.is_word(j - 2) and toks.lows[j - 2] in lx.RAISING_FORMS:
            j -= 2  # "appeared to suggest" keeps the subject further left
        elif low == "to" and toks.low(j - 2) == "on" and toks.low(j - 3) in lx.RAISING_FORMS:
            j -= 3  # "went on to say"
        else:
            break
    return j


def is_passive(toks: Tokens, aux: int, verb: int) -> bool:
    """Whether tokens aux..verb are a passive ("was told"), whose source follows "by"."""
    low = toks.lows[verb]
    if low.endswith("ing"):
        return False
    if not (low.endswith("ed") or low in PAST_PARTICIPLES):
        return False
    return any(toks.lows[k] in lx.BE_FORMS for k in range(aux, verb))


def punctuation_cues(toks: Tokens) -> list[CueMatch]:
    """ "Rubio: We will…" (a speaker before a colon) and "…” ― Jane Doe" (a dash signature)."""
    found: list[CueMatch] = []
    i = 0
    while i < toks.n and toks.kinds[i] in (OPEN, PUNCT) and toks.texts[i] not in DASHES:
        i += 1
    if i < toks.n and toks.caps[i] and toks.kinds[i] == WORD:
        k = i
        while k + 1 < toks.n and k - i < 3 and toks.is_word(k + 1) and toks.caps[k + 1]:
            k += 1
        label = " ".join(toks.lows[i : k + 1])
        if (
            toks.low(k + 1) == ":"
            and k + 2 < toks.n
            and (head_ok(toks, k) or (toks.texts[k].isupper() and len(toks.texts[k]) > 2))
            and label not in lx.EDITORIAL_LABELS
            # "The Latest: …" heads a story; "The Mayor: …" names a speaker by role
            and (toks.lows[i] not in lx.DETERMINERS or is_role(toks.lows[k]))
        ):
            found.append(CueMatch(k + 1, k + 1, Mention(i, k, k), "post"))
    for d in range(toks.n - 1):
        if toks.texts[d] in DASHES or toks.texts[d] == "--":
            before = d - 1
            while before >= 0 and toks.kinds[before] == PUNCT:
                before -= 1
            if (before < 0 or toks.kinds[before] == CLOSE) and toks.caps[d + 1]:
                m = scan_right(toks, d + 1)
                if m is not None and name_like(toks, m.first, m.last):
                    found.append(CueMatch(d, d, m, "post"))
    return found


def find_cues(toks: Tokens) -> list[CueMatch]:
    """Every cue of the sentence with its mention, in sentence order; the agent a document
    was obtained or seen by follows the document's cue."""
    return with_access_agents(toks, _find_cues(toks))


def with_access_agents(toks: Tokens, found: list[CueMatch]) -> list[CueMatch]:
    """``found`` with, after each cue, the agents of access participles in its mention ("emails
    obtained by the Courier show …": the emails, then the Courier)."""
    out: list[CueMatch] = []
    for f in found:
        out.append(f)
        if f.told is not None:  # "two of the people told the Post": the Post relays them
            out.append(CueMatch(f.cue_first, f.cue_last, f.told, "post"))
        if f.mention.first < 0 or (f.cue_first == f.cue_last - 1 and toks.low(f.cue_last) == "by"):
            continue
        last = f.mention.span_last
        if f.kind_hint == "pre" and f.mention.span_last < f.cue_first:
            last = f.cue_first - 1
        agents = access_agents(toks, f.mention.span_first, last)
        if f.kind_hint == "pre":  # "said in a report seen by Reuters that …"
            agents += access_agents(toks, f.cue_last + 1, adjunct_end(toks, f.cue_last + 1))
        for cue_first, cue_last, m in agents:
            out.append(CueMatch(cue_first, cue_last, m, "post"))
    return out


def adjunct_end(toks: Tokens, k: int) -> int:
    """The last token of an "in a report …" adjunct starting at token k (up to a clause
    marker or punctuation), or k - 1 when none starts there."""
    if toks.low(k) not in ("in", "according"):
        return k - 1
    j = k
    while j + 1 < toks.n and toks.is_word(j + 1) and toks.lows[j + 1] not in lx.CONTENT_OPENERS:
        j += 1
    return j


def _find_cues(toks: Tokens) -> list[CueMatch]:
    found: list[CueMatch] = punctuation_cues(toks)
    i = 0
    while i < toks.n:
        if not toks.is_word(i):
            i += 1
            continue
        low = toks.lows[i]
        if (low == "according" and toks.low(i + 1) == "to") or low == "citing":
            last = i + 1 if low == "according" else i
            m = scan_right(toks, last + 1)
            if m is not None and (i == 0 or toks.lows[i - 1] in lx.LEADING_NOISE):
                m.span_last = m.last  # "According to X, the mayor knew …": the comma ends X
            if m is not None:
                found.append(CueMatch(i, last, m, "post"))
                found.extend(CueMatch(i, last, more, "post") for more in coordinated(toks, m))
            i = last + 1
            continue
        if low in lx.ACCESS_PARTICIPLES:
            access = passive_access(toks, aux_start(toks, i), i)
            if access:
                pre, agent = access
                found.append(CueMatch(*pre, "pre"))
                found.append(CueMatch(*agent, "post"))
                i += 2
                continue
        if low in lx.REPORT_NOUNS:
            nominal_report = report_by(toks, i)
            if nominal_report is not None:
                found.append(CueMatch(*nominal_report, "post"))
                i += 2
                continue
        base = cue_base(toks, i)
        if base is None and (
            low in lx.DOCUMENT_VERB_FORMS
            or (
                low in lx.HAVE_FORMS
                and (toks.low(i + 1) in lx.DETERMINERS or toks.kinds[min(i + 1, toks.n - 1)] == NUM)
                and i + 1 < toks.n
            )
        ):
            listed = document_cue(toks, i)
            if listed is not None and not reported_inside(toks, listed, "", found):
                found.append(listed)
                i += 1
                continue
        if base is None and low in lx.OBSERVATION_FORMS:
            seen = observation_cue(toks, i)
            if seen is not None and not reported_inside(toks, seen, "", found):
                found.append(seen)
                i += 1
                continue
        if base is None:
            if low in lx.NOMINAL_CUES:
                nominal = nominal_cue(toks, i)
                if nominal is not None:
                    found.append(nominal)
            i += 1
            continue
        last = particle(toks, i, base) or i
        f = attach_cue(toks, i, last, base)
        if f is not None and (
            f.kind_hint == "post"
            or (
                reports_content(
                    toks,
                    aux_start(toks, i),
                    i,
                    last,
                    base,
                    f.mention.span_first if f.kind_hint == "pre" else -1,
                )
                and not reported_inside(toks, f, base, found)
            )
        ):
            found.append(f)
        i = last + 1
    return found


def document_cue(toks: Tokens, verb: int) -> CueMatch | None:
    """ "The register lists no gifts", "A report by the institute put the number at 5,000": a
    verb of the lexicon whose subject is a document (its head a document noun), not negated or
    modal; None otherwise."""
    if toks.caps[verb] or toks.low(verb - 1) in lx.DETERMINERS or toks.low(verb - 1) == "to":
        return None
    if noun_reading(toks, verb, lx.CUE_FORMS.get(toks.lows[verb], "")):
        return None  # "polls in 11 swing states"
    aux = aux_start(toks, verb)
    chain = toks.lows[aux:verb]
    if any(low in lx.NEGATIONS or low in lx.MODALS or low in lx.BE_FORMS for low in chain):
        return None
    m = participle_subject(toks, aux) or subject_before(toks, aux)
    if m is None or m.first < 0:
        return None
    head = strip_possessive(toks.lows[core_end(toks, m.first, m.last)])
    if _puts_a_figure(toks, verb) and head_ok(toks, core_end(toks, m.first, m.last)):
        return CueMatch(aux, verb, m, "pre")  # "Local officials put the death toll at 42"
    if head not in lx.DOCUMENT_NOUNS or toks.caps[core_end(toks, m.first, m.last)]:
        return None
    return CueMatch(aux, verb, m, "pre")


_CURRENCY = frozenset({"$", "£", "€", "¥"})


def _puts_a_figure(toks: Tokens, verb: int) -> bool:
    """ "put the number at 5,000": "put", an object of a few words, "at" and an amount."""
    if toks.lows[verb] not in ("put", "puts"):
        return False
    for k in range(verb + 1, min(verb + 6, toks.n - 1)):
        if toks.lows[k] == "at":
            amount = k + 1 + (toks.texts[k + 1] in _CURRENCY)  # "at $498 billion"
            return toks.kinds[amount] == NUM or toks.low(amount) in ("about", "around", "least")
    return False


def observation_cue(toks: Tokens, verb: int) -> CueMatch | None:
    """ "Our correspondent in Turin saw …", "The Courier verified …": an observation verb whose
    subject is a journalist or an outlet (the newsroom's own reporting); None otherwise."""
    if toks.caps[verb] or toks.low(verb - 1) in lx.DETERMINERS:
        return None
    aux = aux_start(toks, verb)
    if any(low in lx.NEGATIONS or low in lx.MODALS for low in toks.lows[aux:verb]):
        return None  # "The Herald has not seen the emails" is a fact, not an observation
    m = subject_before(toks, aux)
    if m is None or m.first < 0:
        return None
    head = core_end(toks, m.first, m.last)
    low = strip_possessive(toks.lows[head])
    if low in lx.JOURNALIST_NOUNS or (
        toks.caps[head] and outlet_name(toks, Mention(m.first, head, head)) is not None
    ):
        return CueMatch(aux, verb, m, "pre")
    return None


def reported_inside(toks: Tokens, f: CueMatch, base: str, earlier: list[CueMatch]) -> bool:
    """Whether cue ``f`` sits inside what an earlier subject said, and only tells what the
    reported people did: "X said the city had asked …", "records show that consultants advised
    …", "X said he welcomed …". Verbs of saying stay sources there ("X said Y told him …", Y via
    X), and so does a tail after the content ("…, while B argued …, the paper reported").
    """
    if f.kind_hint != "pre" or (base in lx.RELAYED_SAYING_VERBS and not _described(toks, f)):
        return False
    if parenthetical(toks, f.mention.span_first, f.cue_last):
        return False
    return any(
        e.kind_hint != "post"
        and not opening_participle(toks, e)
        and not in_fronted_clause(toks, e.cue_first, e.cue_last, f.mention.span_first)
        and e.cue_last < f.mention.span_first
        and not _clause_break(toks, e.cue_last + 1, f.mention.span_first)
        for e in earlier
    )


def opening_participle(toks: Tokens, e: CueMatch) -> bool:
    """Whether cue ``e`` is a participle opening the sentence ("Bemoaning the system, Trump
    accused …"): its subject is the main clause's, whose verb it does not report."""
    return e.kind_hint == "participle" and all(
        not toks.is_word(k) or toks.lows[k] in lx.LEADING_NOISE for k in range(e.cue_first)
    )


def _described(toks: Tokens, f: CueMatch) -> bool:
    """Whether the cue's subject is someone only a relative clause describes ("users who said
    they were under 18"): inside another source's words that tells who they are, not what
    they say."""
    m = f.mention
    return m.span_first != m.first and not head_ok(toks, m.last) and antecedent_of_who(toks, m.last)


# Words that, after a comma, open a clause of the writer's own rather than more of what the
# earlier subject said: "X accused Y of lying, though records show …".
_CONCESSIVE = frozenset({"though", "although", "whereas", "yet", "but"})


def _clause_break(toks: Tokens, first: int, stop: int) -> bool:
    """Whether tokens first..stop-1 hold a semicolon or a comma and a concessive word."""
    for k in range(first, stop):
        if toks.texts[k] == ";":
            return True
        if toks.texts[k] == "," and toks.low(k + 1) in _CONCESSIVE:
            return True
    return False


_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}


def nominal_cue(toks: Tokens, noun: int) -> CueMatch | None:
    """A noun of saying with its possessor: "his claim that …", "the IMF's estimate that …",
    "Clinton's infamous comment about …". The possessor (a possessive pronoun, or a phrase
    ending in "'s") is the source; at most two modifiers stand between it and the noun, and the
    noun must introduce its content ("that", a colon or a quotation: with "of"/"about" the noun
    is more often a topic than a report, which lowered precision on both benchmark halves).
    """
    after = toks.low(noun + 1)
    if after not in _NOMINAL_LINKS and not (noun + 1 < toks.n and toks.kinds[noun + 1] == OPEN):
        return None
    for k in range(noun - 1, max(-1, noun - 4), -1):
        if not toks.is_word(k):
            return None
        low = toks.lows[k]
        if low in _POSSESSIVE_PRONOUNS:
            return CueMatch(noun, noun, Mention(k, k, k), "pre")
        if low.endswith(("'s", "s'")) and low != "'s" and head_ok(toks, k):
            first = scan_left(toks, k)
            if first is None or first > k:
                return None
            return CueMatch(noun, noun, Mention(first, k, k), "pre")
        if toks.caps[k] or low in lx.BOUNDARY or low in lx.DETERMINERS:
            return None
    return None


_NOMINAL_LINKS = frozenset({"that", ":"})


def attach_cue(toks: Tokens, verb: int, last: int, base: str) -> CueMatch | None:
    """The mention of the cue verb at tokens verb..last (base form ``base``), or None."""
    aux = aux_start(toks, verb)
    low = toks.lows[verb]
    cue_first = aux
    while cue_first < verb and toks.lows[cue_first] in ("himself", "herself", "themselves"):
        cue_first += 1
    if base in lx.STANCE_ADJECTIVES:
        if not any(toks.lows[k] in lx.BE_FORMS for k in range(aux, verb)):
            return None
    elif is_passive(toks, aux, verb):
        # "was told by X", "was reported by X"; "the strike was called by X" is an action
        if toks.low(last + 1) == "by" and base in lx.SAYING_VERBS:
            m = scan_right(toks, last + 2)
            if m is not None:
                return CueMatch(verb, last, m, "post")
        return None
    if low.endswith("ing") and not any(toks.lows[k] in lx.BE_FORMS for k in range(aux, verb)):
        prev = toks.low(aux - 1)
        quoted_as = prev == "as" and toks.low(aux - 2) in ("quoted", "cited", "heard")
        if (
            prev in (",", "—", "–", "by", "while", "after", "before", "when")
            or aux == 0
            or quoted_as
        ):
            return CueMatch(cue_first, last, Mention(-1, -1, -1), "participle")
        return with_subject(toks, aux, cue_first, last) or participle_after_noun(
            toks, aux, cue_first, last
        )
    mention = (
        relative_subject(toks, aux) or participle_subject(toks, aux) or subject_before(toks, aux)
    )
    if mention is not None and object_relative(toks, mention, last):
        return None
    if mention is not None and _object_of_preposition(toks, mention, verb, base):
        return None
    if mention is not None:
        found = CueMatch(cue_first, last, mention, "pre")
        obj = told_object(toks, last, base)
        if obj is not None:
            found.told_outlet = outlet_name(toks, obj)
            if found.told_outlet is not None:
                found.told = obj
        return found
    prev = toks.low(aux - 1)
    if prev in ("and", "but") and aux > 1:
        # a second verb of the same subject: "I laughed and said" (the subject of the first
        # verb), "agreed, but also contended" (the subject of the clause's cue)
        first_verb = coordinated_subject(toks, aux - 2)
        if first_verb is not None:
            return CueMatch(cue_first, last, first_verb, "pre")
        return CueMatch(cue_first, last, Mention(-1, -1, -1), "participle")
    clause_start = aux == 0 or prev in (",", ":", "—", "–") or toks.kinds[aux - 1] in QUOTES
    if base in lx.INVERTIBLE and clause_start:
        # "…,” said Rubio on Tuesday: skip a day name between the cue and the speaker
        k = last + 1
        while toks.low(k) in DAYS or toks.low(k) in ("on", "late", "earlier"):
            k += 1
        m = scan_right(toks, k)
        if m is not None and not _opens_clause(toks, m.span_last + 1):
            return CueMatch(verb, last, m, "post")
    return None


def with_subject(toks: Tokens, aux: int, cue_first: int, last: int) -> CueMatch | None:
    """ "…, with the Gazette poll showing her ahead", "…, with aides saying he was tired": a
    participle after "with" and a noun phrase has that phrase for its subject."""
    j = aux - 1
    if not toks.is_word(j) or toks.inq[j]:
        return None
    first = scan_left(toks, j)
    if first is None or first > j or toks.low(first - 1) != "with":
        return None
    recorded = _recorded_speaker(toks, first, j)  # "with footage of Marsh saying"
    return CueMatch(cue_first, last, Mention(first if recorded is None else recorded, j, j), "pre")


def _object_of_preposition(toks: Tokens, m: Mention, verb: int, base: str) -> bool:
    """Whether a noun form of the cue ends a phrase governed by a preposition ("because of the
    union's repeated claims, …", "despite Marsh's warnings"): the noun, not a verb."""
    low = toks.lows[verb]
    return (
        base in lx.NOUN_CUES
        and low != base
        and low.endswith("s")
        and m.first == m.span_first
        and toks.low(m.first - 1) in NOUN_PREPOSITIONS | {"because"}
    )


def coordinated_subject(toks: Tokens, verb: int) -> Mention | None:
    """The subject of the past-tense verb at token ``verb`` that stands right before "and"
    ("I laughed and said", "the mayor paused and added"), when that verb is no cue (a cue
    brings its own subject) and its subject is right before it; else None."""
    low = toks.low(verb)
    if (
        not toks.is_word(verb)
        or toks.caps[verb]
        or low in lx.CUE_FORMS
        or not low.endswith("ed")
        or low in lx.DOCUMENT_NOUNS
    ):
        return None
    j = aux_start(toks, verb) - 1
    if not toks.is_word(j) or toks.inq[j] or not head_ok(toks, j):
        return None
    first = scan_left(toks, j)
    if first is None or first > j:
        return None
    return Mention(first, j, j)


def told_object(toks: Tokens, last: int, base: str) -> Mention | None:
    """Who a source told: the object of "told" ("told the Courier"), or the phrase after "to"
    in the same clause of another verb of saying ("confirmed the figures to the Courier")."""
    if base == "tell":
        return scan_right(toks, last + 1)
    if base not in lx.SAYING_VERBS:
        return None
    for k in range(last + 1, min(last + 9, toks.n - 1)):
        if not toks.is_word(k) or toks.lows[k] in lx.CONTENT_OPENERS:
            return None
        if toks.lows[k] == "to":
            return scan_right(toks, k + 1)
    return None


def _opens_clause(toks: Tokens, i: int) -> bool:
    """Whether token i continues the phrase after a cue as a clause ("said the results were
    …"): then the phrase is the subject of reported speech, not an inverted speaker."""
    low = toks.low(i)
    return toks.is_word(i) and (low in lx.FINITE_AUXILIARIES or low in ("had", "has", "have"))


SUBORDINATORS = frozenset(
    {"after", "before", "when", "while", "because", "since", "that", "as", "if", "although"}
)


OBJECT_PREPOSITIONS = frozenset({"to", "for", "at", "with", "from", "by", "on", "in", "against"})


def participle_after_noun(toks: Tokens, aux: int, cue_first: int, last: int) -> CueMatch | None:
    """A participle right after a noun: "footage of Trump saying …" (the speaker is that noun),
    "a series of tweets early Friday saying …" (a document: the speaker is the clause subject).
    """
    j = skip_time_left(toks, aux - 1)
    while toks.low(j) in DAYS or toks.low(j) in ("early", "late", "last", "earlier", "later"):
        j -= 1
    base = lx.CUE_FORMS.get(toks.lows[last if last == cue_first else cue_first], "")
    if not toks.is_word(j) or j == 0 or base not in lx.SPEECH_VERBS:
        return None
    low = strip_possessive(toks.lows[j])
    if low in lx.DOCUMENT_NOUNS:
        if any(toks.lows[k] in SUBORDINATORS for k in range(j)):
            return None  # the document may belong to a later clause's subject
        return CueMatch(cue_first, last, Mention(-1, -1, -1), "participle")
    if low in lx.PRONOUNS or not (toks.caps[j] or is_role(low)):
        return None
    first = scan_left(toks, j)
    if first is None or first > j:
        return None
    recorded = _recorded_speaker(toks, first, j)
    if recorded is not None:
        return CueMatch(cue_first, last, Mention(recorded, j, j), "pre")
    if toks.low(first - 1) in OBJECT_PREPOSITIONS:
        return None  # "sent a letter to Senate leaders opposing …": not the speaker
    return CueMatch(cue_first, last, Mention(first, j, j), "pre")


def _recorded_speaker(toks: Tokens, first: int, j: int) -> int | None:
    """The first token of the person a recording shows ("ends with footage of Marsh saying",
    "a clip of Marsh saying"): the phrase after "of" when a document noun comes before it."""
    for k in range(j - 1, first, -1):
        if toks.lows[k] == "of" and toks.caps[k + 1]:
            return k + 1 if toks.lows[k - 1] in lx.DOCUMENT_NOUNS else None
    return None


def outlet_name(toks: Tokens, m: Mention) -> str | None:
    """The outlet's name when the mention is an outlet ("told CNN", "told the Evening Star"):
    a known outlet, or capitalised words ending in an outlet word; else None."""
    texts = [strip_possessive(toks.texts[k]) for k in range(m.first, m.last + 1)]
    names = texts[1:] if texts and texts[0].lower() == "the" else texts
    low = " ".join(texts).lower()
    if low in lx.OUTLETS or (low.startswith("the ") and low[4:] in lx.OUTLETS):
        return " ".join(names)  # the outlet's name, as a source's name reads: "Valley Herald"
    if (
        names
        and all(w[:1].isupper() for w in names)
        and names[-1].lower() in lx.OUTLET_SUFFIXES
        and (len(names) >= 2 or len(names) < len(texts))
    ):
        return " ".join(names)
    return None
