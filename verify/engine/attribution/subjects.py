"""Who a cue belongs to when its subject comes before it.

:func:`subject_before` reads leftwards from the cue's auxiliary chain over time phrases
("on Tuesday"), parentheses, asides and appositives between commas or dashes ("X, who …, said",
"X -- co-editor of Y -- said") and relative pronouns; :func:`relative_subject` handles subjects
carrying a restrictive relative clause ("Companies that had insured X agreed");
:func:`sentence_subject` is the main-clause subject for participles ("…, saying").
All return a :class:`~verify.engine.attribution.phrases.Mention` or ``None``; none classifies it.
"""

from __future__ import annotations

from verify.engine import lexicon as lx
from verify.engine.attribution.phrases import (
    APPOSITIVE_OPENERS,
    Mention,
    antecedent_of_who,
    document_participle,
    head_ok,
    is_role,
    name_like,
    scan_left,
    scan_right,
)
from verify.engine.attribution.tokens import (
    CLOSE,
    DASHES,
    DAYS,
    NUM,
    OPEN,
    TEMPORAL_NOUNS,
    WORD,
    Tokens,
    is_adverb,
    strip_possessive,
)

PARENTHETICAL_OPENERS = frozenset(
    {
        "in",
        "on",
        "at",
        "during",
        "after",
        "before",
        "speaking",
        "when",
        "while",
        "writing",
        "asked",
        "appearing",
        "responding",
        "however",
        "meanwhile",
        "though",
        "too",
        "for",
        "separately",
        "like",
        "unlike",
        "instead",
        "also",
    }
)


def skip_time_left(toks: Tokens, j: int) -> int:
    """Step left over "on Tuesday", "last week", "earlier this month" before a cue."""
    low = toks.low(j)
    if low in DAYS and toks.low(j - 1) in ("on", "last", "this"):
        return j - 2
    if low in TEMPORAL_NOUNS and toks.low(j - 1) in ("last", "this", "that", "on"):
        return j - 2 - (toks.low(j - 2) in ("earlier", "later", "on"))
    return j


def paren_start(toks: Tokens, j: int) -> int:
    """Index of the "(" closing at token j (a ")"), or j when there is none nearby."""
    k = j - 1
    while k >= 0 and j - k < 10 and toks.texts[k] != "(":
        k -= 1
    return k if k >= 0 and toks.texts[k] == "(" else j


def subject_before(toks: Tokens, aux: int) -> Mention | None:
    """The subject of a cue whose auxiliary chain starts at token ``aux``."""
    j = skip_time_left(toks, aux - 1)
    if j < 0 or toks.inq[j]:
        return None
    low = toks.lows[j]
    if toks.texts[j] == ",":
        return subject_across_comma(toks, j)
    if toks.texts[j] in DASHES or toks.texts[j] == "--":
        return subject_across_dashes(toks, j)
    if toks.texts[j] == ")":
        k = paren_start(toks, j) - 1
        first = scan_left(toks, k) if k < j - 1 else None
        if first is None or first > k:
            return None
        return Mention(first, k, j)
    if low in ("who", "that", "which") and toks.is_word(j):
        k = j - 1
        if toks.low(k) == ",":
            k -= 1
        while k > 0 and low != "that" and _is_dash(toks, k):
            k -= 1  # "the study -- which notes that …"
        first = scan_left(toks, k, someone=antecedent_of_who(toks, k))
        if first is None:
            return None
        return Mention(first, k, j, span_first=j)
    if not toks.is_word(j) or low in ("and", "or", "but"):
        return None  # "… and warned": a second verb of an earlier subject, not a phrase's end
    first = scan_left(toks, j)
    if first is None or first > j:
        return None
    return Mention(first, j, j)


REL_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they"})


MAX_RELATIVE = 12


def relative_subject(toks: Tokens, aux: int) -> Mention | None:
    """A subject carrying a restrictive relative clause, reported with the clause.

    "Companies that had insured the towers agreed", "people who know him say", "the experts I
    interviewed said": the source is the noun before "that"/"who"/"which" (or before a pronoun
    opening a contact clause), not the last noun of the clause. The relative must follow a
    source-like head directly (no comma: that case is :func:`subject_across_comma`), must not
    follow a cue ("said that" opens a complement), and its clause runs without punctuation,
    quotes or another relative up to the cue.
    """
    if not toks.is_word(aux - 1):
        return None
    lo = max(1, aux - MAX_RELATIVE)
    for k in range(aux - 2, lo - 1, -1):
        if not toks.is_word(k):
            return None
        low = toks.lows[k]
        antecedent = k - 1
        if low in ("who", "that", "which"):
            after = toks.low(k + 1)
            if after in lx.DETERMINERS or (toks.caps[k + 1] and after not in REL_PRONOUNS):
                return None  # "reports that the minister said": a complement clause
            if not relative_antecedent(toks, antecedent, low):
                return None
        elif low in REL_PRONOUNS and (low == "i" or not toks.caps[k]):
            if not relative_antecedent(toks, antecedent, "who"):
                continue
            if toks.caps[antecedent] and toks.lows[antecedent] not in lx.ANONYMOUS_NOUNS:
                continue  # "… Trump I …" is not a contact clause; "Everyone I asked" is
        elif low in lx.RELATIVE or low in lx.PRONOUNS:
            return None
        else:
            continue
        first = scan_left(toks, antecedent)
        if first is None or first > antecedent:
            return None
        return Mention(first, antecedent, aux - 1)
    return None


_PARTICIPLE_LINKS = frozenset(
    {"by", "in", "on", "at", "last", "this", "earlier", "from", "for", "with", "during", "after"}
)
_IRREGULAR_PARTICIPLES = frozenset(
    {"seen", "shown", "made", "taken", "written", "given", "done", "held", "put", "read", "run"}
)


def participle_subject(toks: Tokens, aux: int) -> Mention | None:
    """A subject carrying a reduced relative: "A poll released in late August found", "data
    compiled by the firm Kpler show". The source is the noun before the participle, reported
    with the participle phrase; the noun must name a document, an institution or people, and
    the phrase runs without punctuation up to the cue.
    """
    if not toks.is_word(aux - 1):
        return None
    lo = max(1, aux - MAX_RELATIVE)
    for k in range(aux - 2, lo - 1, -1):
        if not toks.is_word(k):
            return None
        low = toks.lows[k]
        described = low in lx.DOCUMENT_PARTICIPLES and strip_possessive(toks.low(k - 1)) in (
            lx.DOCUMENT_NOUNS
        )  # "data published by Eurostat show"
        if low in lx.RELATIVE or low in lx.PRONOUNS or (low in lx.CUE_FORMS and not described):
            return None
        participle = (low.endswith("ed") and len(low) > 4) or low in _IRREGULAR_PARTICIPLES
        linked = toks.low(k + 1) in _PARTICIPLE_LINKS or toks.low(k + 1) in DAYS
        if not participle or toks.caps[k] or not linked:  # "a poll released Sunday shows"
            continue
        head = k - 1
        if not relative_antecedent(toks, head, "which") or toks.lows[head] in lx.AUXILIARIES:
            return None
        first = scan_left(toks, head)
        if first is None or first > head:
            return None
        return Mention(first, head, aux - 1)
    return None


def relative_antecedent(toks: Tokens, i: int, relative: str) -> bool:
    """Whether token i can head a noun phrase modified by a following relative clause."""
    if not toks.is_word(i) or not head_ok(toks, i):
        return False
    low = strip_possessive(toks.lows[i])
    if low in lx.PRONOUNS or low in lx.BOUNDARY or low in lx.LEADING_NOISE:
        return False
    if low in lx.DOCUMENT_NOUNS and (
        toks.low(i - 1) in lx.DETERMINERS or document_participle(toks, i + 1)
    ):
        return relative == "which" or relative == "that"  # "a report (that was) published …"
    if low in lx.CUE_FORMS and low not in lx.ANONYMOUS_NOUNS:
        return False
    if low in lx.DOCUMENT_NOUNS:
        return relative == "which" or relative == "that"
    return True


def appositive_opener(toks: Tokens, i: int) -> str | None:
    """How the comma-delimited segment starting at token i reads: appositive/aside/None."""
    low = toks.low(i)
    if low in PARENTHETICAL_OPENERS or (low.endswith("ing") and not toks.caps[i]):
        return "aside"
    if low == "dated" or (
        (low in lx.DOCUMENT_PARTICIPLES or low.endswith("ed"))
        and toks.low(i + 1) in (_PARTICIPLE_LINKS | {"out"})
    ):
        return "aside"  # "A report by the inspectorate, published in April, found …"
    if low == "from" and toks.low(i + 1) in lx.DETERMINERS:
        return "appositive"  # "the club's lawyers, from the firm Ames & Co, said …"
    if low in ("who", "whose", "which"):
        return "relative"
    if (
        low in APPOSITIVE_OPENERS
        or low in lx.PREMODIFIERS
        or (0 <= i < toks.n and (toks.caps[i] or toks.kinds[i] == NUM))
    ):
        return "appositive"
    return None


def described_role(toks: Tokens, first: int, stop: int) -> str | None:
    """ "political science professor at Seton Hall": a role without an article is an appositive
    when it holds a title or a noun for people and no cue."""
    if stop - first > 14:
        return None
    for k in range(first, stop):
        low = toks.lows[k]
        if low in lx.CUE_FORMS and low not in lx.ANONYMOUS_NOUNS and low not in lx.TITLES:
            return None
        if toks.kinds[k] == WORD and not toks.caps[k] and is_role(low):
            return "appositive"
    return None


def subject_across_comma(toks: Tokens, comma: int) -> Mention | None:
    """ "X, who …, said" / "X, the minister, said" / "X, 59, of Ashton, said"."""
    right = comma
    alt: tuple[int, int] | None = None
    relative = False
    for _ in range(3):
        k = right - 1
        while k >= 0 and right - k < 32 and toks.texts[k] != ",":
            if toks.kinds[k] in (OPEN, CLOSE):
                return None
            k -= 1
        if k < 1 or toks.texts[k] != ",":
            return None
        how = appositive_opener(toks, k + 1) or described_role(toks, k + 1, right)
        if how is None or (how == "appositive" and has_finite_verb(toks, k + 1, right)):
            return None  # "…, the losses would outstrip the gains, said X" is a clause
        relative = relative or how == "relative"
        if how == "appositive" and toks.caps[k + 1] and name_like(toks, k + 1, right - 1):
            alt = (k + 1, right - 1)
        end = k - 1
        if toks.is_word(end):
            # a name in apposition makes the phrase before it name someone, whatever its head
            # ("Quince's running mate, Tom Kell, said")
            first = scan_left(toks, end, someone=alt is not None)
            if first is not None and first <= end and _of_place(toks, first):
                # "Ana Kell, (59,) of Ashton, Md., said": the place is where she is from
                named = scan_left(toks, first - 3)
                if named is not None and named <= first - 3:
                    return Mention(named, first - 3, comma - 1)
                right = first - 2
                continue
            if first is not None and first <= end:
                span_last = end if relative and how == "relative" else comma - 1
                if how == "aside" and right == comma:
                    span_last = end  # "X, in remarks on Tuesday, said": the aside is not X
                group = list_head(toks, first, comma) if how == "appositive" else None
                if group is not None:
                    return Mention(group, first - 2, comma - 1)
                return Mention(first, end, span_last, alt=alt)
        if toks.texts[end] == ")":
            k2 = paren_start(toks, end) - 1
            first = scan_left(toks, k2) if k2 < end - 1 else None
            if first is not None and first <= k2:
                return Mention(first, k2, comma - 1, alt=alt)
        right = k
    return None


def _of_place(toks: Tokens, first: int) -> bool:
    """Whether the capitalised phrase at token ``first`` follows ", of" (", of Ashton, Md.,"):
    where the person named before it comes from."""
    return toks.caps[first] and toks.low(first - 1) == "of" and toks.low(first - 2) == ","


def list_head(toks: Tokens, first: int, stop: int) -> int | None:
    """ "The three Baltic states, Estonia, Latvia and Lithuania, said": when the names at token
    ``first`` list the members of a group named before a comma, the first token of that group's
    phrase (the group is the source); else None. The names run to token ``stop`` and hold an
    "and" (a list, not one appositive name)."""
    if toks.low(first - 1) != "," or not toks.caps[first]:
        return None
    if "and" not in toks.lows[first:stop]:
        return None
    end = first - 2
    if not toks.is_word(end) or toks.caps[end]:
        return None
    low = strip_possessive(toks.lows[end])
    if not (low in lx.ANONYMOUS_NOUNS or low in lx.ORGANISATION_NOUNS or low.endswith("s")):
        return None
    start = scan_left(toks, end)
    return start if start is not None and start <= end else None


def subject_across_dashes(toks: Tokens, dash: int) -> Mention | None:
    """ "Kall -- co-editor of a book on the debates -- said": the name before the opening dash.

    A dash may be one token or a run ("--" is two "-"). The aside between the dashes is
    reported with the mention (as an appositive between commas is); it may hold commas but no
    quotation marks.
    """
    close_first = dash
    while close_first > 0 and _is_dash(toks, close_first - 1):
        close_first -= 1
    k = close_first - 1
    while k >= 0 and close_first - k < 40 and not _is_dash(toks, k):
        if toks.kinds[k] in (OPEN, CLOSE):
            return None
        k -= 1
    if k < 1 or close_first - k < 2 or not _is_dash(toks, k):
        return None
    while k > 0 and _is_dash(toks, k - 1):
        k -= 1
    end = k - 1
    if not toks.is_word(end):
        return None
    first = scan_left(toks, end)
    if first is None or first > end:
        return None
    return Mention(first, end, close_first - 1)


def _is_dash(toks: Tokens, i: int) -> bool:
    return toks.texts[i] in DASHES or toks.texts[i] == "--"


def has_finite_verb(toks: Tokens, first: int, stop: int) -> bool:
    """Whether tokens first..stop-1 hold a finite auxiliary (a clause, not an appositive).

    A verb inside a relative clause of the segment does not count: "a cardiologist who was not
    involved in the study" is still an appositive.
    """
    for k in range(first, stop):
        low = toks.lows[k]
        if low in ("who", "which", "whose") or (low == "that" and k > first):
            return False
        if low in lx.FINITE_AUXILIARIES:
            return True
    return False


def sentence_subject(toks: Tokens, before: int) -> Mention | None:
    """The first noun phrase of the main clause (for "…, saying …")."""
    i = 0
    while i < before and (
        toks.lows[i] in lx.LEADING_NOISE or not toks.is_word(i) or toks.lows[i] in lx.AUXILIARIES
    ):
        i += 1
    if i >= before:
        return None
    mention = scan_right(toks, i)
    if mention is None or mention.last >= before:
        return None
    return mention


def object_relative(toks: Tokens, m: Mention, cue_last: int) -> bool:
    """Whether the cue sits in an object relative clause: "what he called", "the plan she has
    proposed" (the cue describes, it does not attribute). A verb of saying in a pseudo-cleft
    still reports: "what the senators said was gerrymandering", "That was what Wahl said"
    (the clause is identified with its content, :func:`pseudo_cleft`)."""
    before = m.span_first - 1
    if before < 0 or toks.inq[before]:
        return False
    low = toks.lows[before]
    if low == "what":
        return not pseudo_cleft(toks, before, cue_last)
    is_pronoun = m.first == m.last and toks.lows[m.first] in lx.PRONOUNS
    return (
        is_pronoun
        and toks.kinds[before] == WORD
        and not toks.caps[before]
        and low not in lx.BOUNDARY
        and low not in lx.LEADING_NOISE
        and low not in lx.AUXILIARIES
        and low not in lx.CUE_FORMS
        and not is_adverb(low)
    )


def pseudo_cleft(toks: Tokens, what: int, cue_last: int) -> bool:
    """Whether "what" at token ``what`` opens the free relative of a verb of saying ending at
    ``cue_last`` that a copula identifies with its content: "what X said was …", "That was
    what X said" (not "what he called a gamble", which names, nor "condemned what X said")."""
    if lx.CUE_FORMS.get(toks.lows[cue_last]) not in lx.SAYING_VERBS:
        return False
    k = cue_last + 1
    while toks.is_word(k) and is_adverb(toks.lows[k]):
        k += 1
    return toks.low(k) in lx.BE_FORMS or toks.low(what - 1) in lx.BE_FORMS
