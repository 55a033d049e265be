"""Echo or second source: does a candidate rest on the claim's own origin?

A candidate is an echo when its outlet or one of its sources is the claim's outlet or one of
the claim's sources, as an outlet, an organisation or a document: the Daily Ledger's report
relayed by another outlet, or two outlets citing one statement. Two outlets that each quote the
same named person are not echoes of each other: each heard the person, so they independently
confirm that the person said it (not that what was said is true).
"""

from __future__ import annotations

import re
from functools import lru_cache

from verify.engine.crosscheck.lexicon import (
    DESCRIPTION_WORDS,
    NAME_NOISE,
    ORIGIN_NOUNS,
    STOPWORDS,
)
from verify.engine.crosscheck.text import analyse
from verify.engine.lexicon import (
    BE_FORMS,
    DOCUMENT_NOUNS,
    DOCUMENT_VERB_FORMS,
    OUTLET_NOUNS,
    OUTLET_SUFFIXES,
    OUTLETS,
    SAYING_VERBS,
    inflect,
)

# 'Detective Inspector Rhian Beddoe of South Wales Police': the affiliation is not the person.
_AFFILIATION = re.compile(r"\s+(?:of|from|at)\s+.*$|,.*$")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


@lru_cache(maxsize=16384)
def _name_tokens(name: str) -> frozenset[str]:
    words = analyse(name).raw_words
    return frozenset(w for w in words if w.isalnum() and w not in NAME_NOISE)


def _initials(name: str) -> str:
    words = [w for w in analyse(name).raw_words if w.isalnum() and w not in NAME_NOISE]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


@lru_cache(maxsize=16384)
def same_origin(a: str, b: str) -> bool:
    """'Politico' ~ 'Politico Europe' (token containment), 'AP' ~ 'The Associated Press' and
    'AFP' ~ 'Agence France-Presse' (an acronym written in capitals against the initials of
    the other name); descriptions only when identical."""
    ta, tb = _name_tokens(a), _name_tokens(b)
    if not ta or not tb:
        return False
    if ta & DESCRIPTION_WORDS or tb & DESCRIPTION_WORDS:
        return ta == tb
    if ta <= tb or tb <= ta:
        return True
    # A document of a body rests on the body: 'an HSE report' ~ 'a Health and Safety Executive'.
    a, b = _without_documents(a), _without_documents(b)
    ta, tb = ta - _DOCUMENTS, tb - _DOCUMENTS
    if not ta or not tb:
        return False
    for short, name, other in ((a, ta, b), (b, tb, a)):
        acronym = _ARTICLE.sub("", short.strip())
        if (
            len(name) == 1
            and acronym.isupper()
            and 2 <= len(acronym) <= 6
            and next(iter(name)) == _initials(other)
        ):
            return True
    return False


def _without_documents(name: str) -> str:
    return " ".join(w for w in name.split() if w.lower().strip(".,'’") not in _DOCUMENTS)


@lru_cache(maxsize=16384)
def is_person(name: str) -> bool:
    """A named person ('County Executive Dana Whitcombe', 'Okafor'): capitalised words, none
    of them an outlet's, an organisation's or a document's ('Harbour Times', 'Police
    Scotland', 'an HSE report'), no acronym, no description ('several diplomats')."""
    core = _AFFILIATION.sub("", _ARTICLE.sub("", name.strip()))
    words = [w for w in core.split() if w]
    if not words:
        return False
    if len(words) == 1 and (words[0].isupper() or len(words[0]) < 3):
        return False  # 'RATP', 'HSE': an organisation's initials
    for word in words:
        # A hyphenated title is capitalised on its first part ('Investigator-in-charge').
        if not word[:1].isupper():
            return False
        for part in word.split("-"):
            folded = part.lower().strip(".'’")
            if folded in ORIGIN_NOUNS or folded in DESCRIPTION_WORDS:
                return False
    return True


@lru_cache(maxsize=16384)
def is_speaking_body(name: str) -> bool:
    """A body or group that speaks for itself ('the coast guard', 'Network Rail', 'the civil
    protection agency', 'survivors'): not a person, not unnamed people described ('several
    diplomats'), not an outlet (by its name or its last
    word: 'the Harbour Times', 'the broadcaster'), no document ('the final report',
    'figures'), and no acronym alone (an outlet's as often: 'AP', 'RATP'). Two outlets that
    each heard it say something are, like two outlets quoting one person, independent
    confirmations that it said it."""
    core = _ARTICLE.sub("", name.strip()).lower()
    words = [w.strip(".'’") for w in re.split(r"[\s\-]+", core) if w]
    words = [w for w in words if w and w not in NAME_NOISE]
    if not words or is_person(name) or core in OUTLETS:
        return False
    if len(words) == 1 and name.strip().isupper():
        return False
    if words[-1] in OUTLET_SUFFIXES or words[-1] in OUTLET_NOUNS:
        return False
    # Unnamed people described alike ('several European diplomats') may be the same people:
    # one origin, as before; so may a document.
    return not any(w in DOCUMENT_NOUNS or w in _DOCUMENTS or w in DESCRIPTION_WORDS for w in words)


_DOCUMENTS = frozenset(
    (
        "report",
        "memo",
        "survey",
        "email",
        "letter",
        "statement",
        "forecast",
        "filing",
        "filings",
        "study",
        "notice",
        "audit",
        "note",
        "poll",
    )
)


@lru_cache(maxsize=65536)
def _named_documents(text: str) -> frozenset[tuple[str, str]]:
    """The documents a sentence names with a modifier ('the approval letter', 'an internal
    audit report'): (modifier, document noun) pairs. A bare 'a statement' names none."""
    words = analyse(text).raw_words
    out = set()
    for i, word in enumerate(words):
        if word in _DOCUMENTS and i > 0:
            before = words[i - 1]
            if before.isalpha() and before not in STOPWORDS and before not in _DOCUMENTS:
                out.add((before, word))
    return frozenset(out)


_ACCORDING_TO = re.compile(r"\baccording to\b((?:\W+[\w'’-]+){1,8})", re.IGNORECASE)
# What a document does when it is the origin of what a sentence says: 'the letter says',
# 'the audit found', 'the memo, posted online, sets a deadline'.
_CITING_FORMS = DOCUMENT_VERB_FORMS | frozenset(
    form for base in SAYING_VERBS for form in inflect(base) if not form.endswith("ing")
)
_CITING_REACH = 3


def _cited_documents(text: str, sources: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    """The named documents a sentence cites as its origin: among its sources, after
    'according to', or saying what the sentence says ('the approval letter sets May'). A
    document the sentence is about ('the authority expects to publish its final report',
    'the boil-water notice was issued by the company') is its topic, not its origin."""
    cited_text = " ".join((*sources, *(m.group(1) for m in _ACCORDING_TO.finditer(text))))
    cited = set(analyse(cited_text).raw_words) if cited_text else set()
    words = analyse(text).raw_words
    for i, word in enumerate(words):
        after = words[i + 1 : i + 1 + _CITING_REACH]
        if word in _DOCUMENTS and after and after[0] not in BE_FORMS and _CITING_FORMS & set(after):
            cited.add(word)
    return frozenset(d for d in _named_documents(text) if d[1] in cited)


def _names_document(text: str) -> bool:
    """The sentence names a document ('according to the board's annual report'): a body's
    words relayed from it rest on that one document."""
    return bool(_DOCUMENTS & set(analyse(text).raw_words))


def _mentions(text: str, name: str) -> bool:
    """Whether ``text`` names ``name`` as a whole ('... told the Seine Post', 'first reported
    by the Desert Sentinel'); a name of one short word is too ambiguous to count."""
    core = _ARTICLE.sub("", name.strip())
    if not text or len(core) < 4 or " " not in core:
        return False
    return re.search(rf"(?<!\w){re.escape(core)}(?!\w)", text) is not None


def _document_in(text: str, source: str) -> bool:
    """A document the source names ('a council budget memo') is named in ``text`` too."""
    words = [w for w in _name_tokens(source) if w not in DESCRIPTION_WORDS]
    if not words or not set(words) & _DOCUMENTS or len(words) < 2:
        return False
    found = set(analyse(text).raw_words)
    return all(w in found for w in words)


def _relayed(
    claim_outlet: str,
    claim_sources: tuple[str, ...],
    claim_text: str,
    candidate_outlet: str,
    candidate_sources: tuple[str, ...],
    candidate_text: str,
) -> str:
    """The origin one sentence relays from the other's side, named in its text: the claim's
    outlet ('..., the SUT leader told the Seine Post'), or a document the other cites (one
    document both name is an origin when at least one of them cites it)."""
    if _mentions(candidate_text, claim_outlet):
        return claim_outlet
    if _mentions(claim_text, candidate_outlet):
        return candidate_outlet
    for source in claim_sources:
        if _document_in(candidate_text, source):
            return source
    for source in candidate_sources:
        if _document_in(claim_text, source):
            return source
    shared = (_cited_documents(claim_text, claim_sources) & _named_documents(candidate_text)) | (
        _named_documents(claim_text) & _cited_documents(candidate_text, candidate_sources)
    )
    if shared:
        modifier, noun = min(shared)
        return f"the {modifier} {noun}"
    return ""


def shared_origin(
    claim_outlet: str,
    claim_sources: tuple[str, ...],
    candidate_outlet: str,
    candidate_sources: tuple[str, ...],
    claim_text: str = "",
    candidate_text: str = "",
) -> tuple[bool, str, str]:
    """(echo, origin, speaker): ``echo`` when the two rest on one outlet, organisation or
    document (``origin``, as the claim's side names it), as their sources say or as one
    sentence names the other's outlet or document; otherwise ``speaker`` names a person both
    quote ("" when none)."""
    relayed = _relayed(
        claim_outlet, claim_sources, claim_text, candidate_outlet, candidate_sources, candidate_text
    )
    if relayed:
        return True, relayed, ""
    origins = [s for s in (*claim_sources, claim_outlet) if s]
    others = [s for s in (*candidate_sources, candidate_outlet) if s]
    outlets = [o for o in (claim_outlet, candidate_outlet) if o]
    speaker = ""
    for a in origins:
        for b in others:
            if not same_origin(a, b):
                continue
            # A body heard on one side and its spokesperson, or the body, on the other
            # ('the Motor Retailers Federation said' / 'its chief executive said'): each
            # outlet heard the body speak.
            body = (
                _speaks(a)
                and _speaks(b)
                and not _names_document(claim_text)
                and not _names_document(candidate_text)
            )
            person = ((is_person(a) and is_person(b)) or body) and not any(
                same_origin(o, x) for o in outlets for x in (a, b)
            )
            if not person:
                return True, a, ""
            speaker = speaker or (a if len(a) <= len(b) else b)
    return False, "", speaker


def _speaks(name: str) -> bool:
    """A person or a body speaking for itself (see :func:`is_speaking_body`)."""
    return is_person(name) or is_speaking_body(name)


def echo_reason(origin: str) -> str:
    """'echo: both rest on the Daily Ledger's report', 'echo: both rest on an HSE report'."""
    name = origin.strip()
    words = {w.lower().strip(".,") for w in name.split()}
    if words & {"report", "statement", "survey", "memo", "email", "letter", "forecast", "note"}:
        return f"echo: both rest on {name}"
    if not name.lower().startswith(("the ", "a ", "an ")) and words & ORIGIN_NOUNS:
        name = f"the {name}"
    return f"echo: both rest on {name}'s report"


def speaker_reason(speaker: str) -> str:
    return f"independent: both quote {speaker}, confirming that {speaker} said it"


_QUOTED = re.compile(r"[\"“”]([^\"“”]{12,})[\"“”]")
# Share of the shorter quote's words the other must have to be the same quotation.
SAME_QUOTE = 0.8


def _quoted_words(text: str) -> frozenset[str]:
    return frozenset(w for q in _QUOTED.findall(text) for w in analyse(q).raw_words if w.isalnum())


def other_speaker(
    claim_sources: tuple[str, ...],
    claim_text: str,
    candidate_sources: tuple[str, ...],
    candidate_text: str,
) -> str:
    """The same words quoted from two different named people ('"We have no evidence of any
    risk," Olaiya said' vs 'Greaves said: "We have no evidence of any risk."'): the reason,
    or "" when the quotes differ, a speaker is unnamed or both name one person."""
    qa, qb = _quoted_words(claim_text), _quoted_words(candidate_text)
    if not qa or not qb or len(qa & qb) < SAME_QUOTE * min(len(qa), len(qb)):
        return ""
    people_a = [x for x in claim_sources if is_person(x)]
    people_b = [x for x in candidate_sources if is_person(x)]
    if not people_a or not people_b:
        return ""
    if any(same_origin(a, b) for a in people_a for b in people_b):
        return ""
    return f"different speaker: the same words from {people_a[0]} vs {people_b[0]}"
