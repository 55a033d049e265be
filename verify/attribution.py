"""Suggest who each sentence of an article is attributed to.

A rule-based engine, pure Python and without Django: every sentence is tokenized with one
precompiled regular expression, reporting cues are looked up in a lexicon of verbs in all their
inflections (plus "according to" and "citing"), and the source of each cue is the noun phrase
found next to it inside its clause:

* before the cue ("Rubio said", "The Post has learned", "the diplomats said"), skipping
  auxiliaries and adverbs ("has also said"), "on Tuesday", a relative or appositive clause
  between commas ("X, who …, said") and a parenthetical ("X, in a statement, said");
* after it when inverted ("…,” said Rubio), after "according to" and "citing";
* for a participle after a comma ("…, saying …"), the subject of the main clause.

Pronouns ("he added") resolve to the most recent compatible source of the article. Sources are
classed by small lexicons of outlets, titles, anonymity nouns, documents and organisations, and
by capitalisation; a surname inherits the title seen earlier with the full name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from verify import lexicon as lx

__all__ = ["Attribution", "SentenceLike", "suggest"]


class SentenceLike(Protocol):
    """What ``suggest`` needs from a segmented sentence (``verify.segmentation.Sentence``)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def kind(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Attribution:
    """One source behind one sentence; offsets index into the article body."""

    source: str
    source_kind: str
    cue: str
    mode: str
    via: str | None
    source_start: int
    source_end: int
    cue_start: int
    cue_end: int


_ABBREVIATIONS = (
    "Mr|Mrs|Ms|Dr|Prof|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Rev|Jr|Sr|St|Supt|Cmdr|"
    "Maj|Pres|Amb|Gens|Corp|Inc|Ltd|Mt|Ft|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|Gov"
)
_TOKEN_RE = re.compile(
    r"(?P<q>``|''|[“”\"«»„])"
    r"|(?P<w>(?:[A-Za-z]\.){2,}"
    rf"|(?:{_ABBREVIATIONS})\."
    r"|[A-Z]\.(?=\s+[A-Z])"
    r"|[^\W\d_][\w]*(?:['’][\w]+|-[\w]+)*"
    r"|\d[\d,.:]*\d%?|\d%?)"
    r"|(?P<p>[^\w\s])"
)
# A subject pronoun with a contracted auxiliary ("he's", "they're", "we've", "she'll").
_CLITIC_RE = re.compile(r"(he|she|it|they|we|i|you)('s|'re|'ve|'ll|'d|'m)$")
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_OPEN_CONTEXT = frozenset(" \t\n\r([{—–-")

_WORD, _NUM, _OPEN, _CLOSE, _PUNCT = "w", "n", "o", "c", "p"
_QUOTES = (_OPEN, _CLOSE)
_PERSONAL = frozenset({"person", "official"})
_PAST_PARTICIPLES = frozenset(
    {"said", "told", "known", "shown", "found", "written", "thought", "felt", "heard", "sworn"}
)
_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople"})
_PEOPLE_SUFFIXES = ("ists", "ers", "ians", "ors", "ants", "ents", "ives", "ites")
# Singular agent nouns ("a questioner", "the businessman"); "-er"/"-or" only when a cue follows.
_PERSON_SUFFIXES = ("ist", "ian", "man", "woman", "er", "or")
_TEMPORAL_NOUNS = frozenset({"week", "month", "year", "morning", "afternoon", "evening", "night"})
_DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_PARENTHETICAL_OPENERS = frozenset(
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
_APPOSITIVE_OPENERS = lx.DETERMINERS | lx.TITLES | frozenset({"who", "whose", "of", "which"})
_MAX_NP = 14


class _Tokens:
    """The tokens of one sentence as parallel lists (cheaper than one object per token)."""

    __slots__ = (
        "caps",
        "inq",
        "kinds",
        "lows",
        "n",
        "offset",
        "quote_open_at_end",
        "spans",
        "texts",
        "title_case",
    )

    def __init__(self, text: str, offset: int, quoted_at_start: bool = False) -> None:
        self.offset = offset
        self.spans: list[tuple[int, int]] = []
        self.texts: list[str] = []
        self.lows: list[str] = []
        self.kinds: list[str] = []
        self.caps: list[bool] = []
        for m in _TOKEN_RE.finditer(text):
            tok = m.group()
            if m.lastgroup == "q":
                kind = _quote_direction(text, m.start(), tok)
            elif m.lastgroup == "w":
                kind = _NUM if tok[0].isdigit() else _WORD
            else:
                kind = _PUNCT
            low = tok.lower().replace("’", "'")
            clitic = _CLITIC_RE.match(low) if kind == _WORD and "'" in low else None
            if clitic is not None:  # "He's claiming": the pronoun, then its auxiliary
                cut = m.start() + clitic.end(1)
                self._add(m.start(), cut, tok[: clitic.end(1)], clitic.group(1), kind)
                self._add(cut, m.end(), tok[clitic.end(1) :], clitic.group(2), kind)
                continue
            self._add(m.start(), m.end(), tok, low, kind)
        self.n = len(self.texts)
        self.inq, self.quote_open_at_end = _quoted(self.kinds, quoted_at_start)
        words = [c for c, k in zip(self.caps, self.kinds, strict=True) if k == _WORD]
        self.title_case = len(words) >= 3 and sum(words) > 0.6 * len(words)

    def _add(self, start: int, end: int, tok: str, low: str, kind: str) -> None:
        self.spans.append((start, end))
        self.texts.append(tok)
        self.lows.append(low)
        self.kinds.append(kind)
        self.caps.append(tok[0].isupper())

    def is_word(self, i: int) -> bool:
        return 0 <= i < self.n and self.kinds[i] in (_WORD, _NUM) and not self.inq[i]

    def low(self, i: int) -> str:
        return self.lows[i] if 0 <= i < self.n else ""

    def start(self, i: int) -> int:
        return self.offset + self.spans[i][0]

    def end(self, i: int) -> int:
        return self.offset + self.spans[i][1]


def _quote_direction(text: str, pos: int, tok: str) -> str:
    if tok in ("“", "«", "„", "``"):
        return _OPEN
    if tok in ("”", "»"):
        return _CLOSE
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + len(tok)] if pos + len(tok) < len(text) else " "
    return _OPEN if before in _OPEN_CONTEXT and not after.isspace() else _CLOSE


def _quoted(kinds: list[str], quoted_at_start: bool) -> tuple[list[bool], bool]:
    """Which tokens lie inside quotation marks, and whether a quote is still open at the end.

    A sentence starts inside a quote when the previous sentence of its paragraph left one
    open, or when its first quotation mark is a closing one.
    """
    inq = [False] * len(kinds)
    state = quoted_at_start
    first_quote = next((k for k in kinds if k in (_OPEN, _CLOSE)), None)
    if first_quote == _CLOSE:
        state = True
    for i, kind in enumerate(kinds):
        if kind == _OPEN:
            state = True
        elif kind == _CLOSE:
            state = False
        else:
            inq[i] = state
    return inq, state


@dataclass(slots=True)
class _Mention:
    """A noun phrase found as a source.

    ``first..last`` is the phrase that is classified; ``span_first..span_last`` the mention
    reported (a relative "who" reports itself but is classified by its antecedent); ``alt``
    an appositive name ("a lawyer for the firm, Jane Doe,").
    """

    first: int
    last: int
    span_last: int
    span_first: int = -1
    alt: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        if self.span_first < 0:
            self.span_first = self.first


@dataclass(slots=True)
class _Found:
    cue_first: int
    cue_last: int
    mention: _Mention
    kind_hint: str  # "pre" | "post" | "participle"
    told_outlet: str | None = None


@dataclass(slots=True)
class _Referent:
    name: str
    kind: str
    plural: bool


class _Article:
    """Article-wide context: titles seen with names, and the sources suggested so far."""

    def __init__(self) -> None:
        self.officials: set[str] = set()
        self.full_names: dict[str, str] = {}
        self.history: list[_Referent] = []

    def learn_titles(self, toks: _Tokens) -> None:
        """Record "Title First Last" names so later bare surnames count as officials."""
        i = 0
        while i < toks.n:
            if toks.lows[i] in lx.TITLES and toks.kinds[i] == _WORD:
                j = i + 1
                names: list[str] = []
                while j < toks.n and toks.caps[j] and toks.kinds[j] == _WORD:
                    if toks.lows[j] in lx.TITLES or toks.lows[j] in lx.HONORIFICS:
                        names = []
                    else:
                        names.append(_strip_possessive(toks.texts[j]))
                    j += 1
                if names and not _is_place(" ".join(names).lower()):
                    self.remember(" ".join(names), official=True)
                i = j
            else:
                i += 1

    def remember(self, name: str, *, official: bool) -> None:
        parts = name.split()
        if official:
            self.officials.add(name)
            self.officials.add(parts[-1])
        if len(parts) > 1:
            self.full_names.setdefault(parts[-1], name)

    def resolve(self, pronoun: str) -> _Referent | None:
        cls, _plural = lx.PRONOUNS[pronoun]
        for ref in reversed(self.history):
            if cls == "personal" and (
                (ref.kind in _PERSONAL and not ref.plural)
                or (ref.kind == "anonymous" and not ref.plural)
            ):
                return ref
            if cls == "group" and (ref.plural or ref.kind == "organisation"):
                return ref
            if cls == "thing" and ref.kind in ("organisation", "outlet", "document"):
                return ref
        return None


def _strip_possessive(word: str) -> str:
    if len(word) > 2 and word[-2:] in ("'s", "’s"):
        return word[:-2]
    if len(word) > 1 and word[-1] in "'’" and word[-2] in "sS":
        return word[:-1]
    return word


def _is_place(low: str) -> bool:
    return low in lx.COUNTRIES or low in lx.ORGANISATION_NOUNS


# --------------------------------------------------------------------------- cue finding


def _cue_base(toks: _Tokens, i: int) -> str | None:
    low = toks.lows[i]
    base = lx.CUE_FORMS.get(low)
    if base is None:
        return None
    if toks.caps[i] and i > 0 and not toks.title_case:
        return None  # part of a name ("United States", "Kyiv Post")
    if (
        low.endswith("s")
        and base not in lx.INVERTIBLE
        and (i + 1 >= toks.n or toks.kinds[i + 1] == _PUNCT)
    ):
        return None  # a plural noun ending its clause ("key Kremlin demands.")
    if _plural_noun_reading(toks, i, base):
        return None
    # "continued" alone is a cue only at the end of its clause ("…,” he continued.)
    if (
        base in lx.PARTICLE_ONLY
        and toks.low(i + 1) not in lx.PARTICLE_CUES[base]
        and not (base == "continue" and (i + 1 >= toks.n or toks.kinds[i + 1] == _PUNCT))
    ):
        return None
    prev = toks.low(i - 1)
    if prev == "having":
        return None  # "Having said that, …" is a connective
    if prev == "to" and toks.low(i - 2) in lx.RAISING_FORMS:
        return base
    if prev in lx.DETERMINERS and prev in lx.STANDALONE_DETERMINERS and _is_past(low, base):
        return base  # "No one expected", "the mother of three replied", "many said"
    if prev in lx.DETERMINERS or prev == "to" or prev.endswith(("'s", "so-")):
        return None  # a noun ("the report", "his claims") or an infinitive ("declined to say")
    return base


def _is_past(low: str, base: str) -> bool:
    """Whether a cue form is a past tense ("expected", "said"), never a noun."""
    return low != base and (low.endswith("ed") or low in _PAST_PARTICIPLES or low in ("wrote",))


_NOUN_FOLLOWERS = frozenset(
    {".", ";", "–", "—", ")", "as", "of", "about", "against", "before", "from", "in", "over"}
)


def _plural_noun_reading(toks: _Tokens, i: int, base: str) -> bool:
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
    return i + 1 >= toks.n or toks.lows[i + 1] in _NOUN_FOLLOWERS


def _aux_start(toks: _Tokens, i: int) -> int:
    """First token of the auxiliary/adverb chain right before token i ("has also" said)."""
    j = i
    while j > 0 and toks.is_word(j - 1):
        low = toks.lows[j - 1]
        if low in lx.AUXILIARIES or _is_adverb(low):
            j -= 1
        elif low == "to" and toks.is_word(j - 2) and toks.lows[j - 2] in lx.RAISING_FORMS:
            j -= 2  # "appeared to suggest", "went on to say" keep the subject further left
            if toks.low(j - 1) == "on" and toks.low(j) == "to":
                j -= 1
        elif low == "on" and toks.low(j) == "to" and toks.low(j - 2) in lx.RAISING_FORMS:
            j -= 2
        else:
            break
    return j


def _is_adverb(low: str) -> bool:
    """A manner adverb in -ly ("steadfastly", "largely"), not a noun like "family"."""
    return (
        low.endswith("ly")
        and len(low) > 4
        and low not in lx.NOT_ADVERBS
        and low not in lx.ANONYMOUS_NOUNS
        and low not in lx.DOCUMENT_NOUNS
    )


def _is_passive(toks: _Tokens, aux: int, verb: int) -> bool:
    low = toks.lows[verb]
    if low.endswith("ing"):
        return False
    if not (low.endswith("ed") or low in _PAST_PARTICIPLES):
        return False
    return any(toks.lows[k] in lx.BE_FORMS for k in range(aux, verb))


# --------------------------------------------------------------------------- noun phrases


def _head_ok(toks: _Tokens, i: int) -> bool:
    """Whether token i can end a source noun phrase (a name, pronoun or source noun)."""
    if not toks.is_word(i):
        return False
    low = _strip_possessive(toks.lows[i])
    if toks.caps[i]:
        return low not in _DAYS and low not in lx.LEADING_NOISE
    return (
        low in lx.PRONOUNS
        or low in lx.ANONYMOUS_NOUNS
        or low in lx.DOCUMENT_NOUNS
        or low in lx.ORGANISATION_NOUNS
        or low in lx.OUTLET_NOUNS
        or low in lx.TITLES
        or (low.endswith(_PEOPLE_SUFFIXES) and len(low) > 5)
        or (low.endswith(_PERSON_SUFFIXES) and len(low) > 5 and low not in lx.NOT_PEOPLE)
    )


def _np_word_ok(toks: _Tokens, i: int) -> bool:
    """Whether token i may sit inside a noun phrase being scanned."""
    if not toks.is_word(i):
        return False
    low = toks.lows[i]
    if toks.caps[i]:
        return low not in lx.PRONOUNS and low not in lx.RELATIVE
    if low in lx.BOUNDARY or low in lx.PRONOUNS:
        return False
    return not (low in lx.CUE_FORMS and low not in lx.DOCUMENT_NOUNS | lx.ANONYMOUS_NOUNS)


def _prep_joins(toks: _Tokens, left: int, right: int) -> bool:
    """Whether a preposition between tokens left and right stays inside the phrase."""
    if not (toks.is_word(left) and toks.is_word(right)):
        return False
    low = _strip_possessive(toks.lows[left])
    return (
        toks.caps[left]
        or low in lx.ANONYMOUS_NOUNS
        or low in lx.DOCUMENT_NOUNS
        or (low in lx.TITLES or low in lx.ORGANISATION_NOUNS or low in ("familiar", "close"))
    )


def _scan_left(toks: _Tokens, end: int, floor: int = 0) -> int | None:
    """First token of the noun phrase ending at token ``end``; None when there is none."""
    if not toks.is_word(end):
        return None
    if toks.lows[end] in lx.PRONOUNS:
        return end
    first = end
    i = end - 1
    while i >= floor and end - i < _MAX_NP:
        low = toks.lows[i]
        if toks.texts[i] == ")":
            k = i - 1
            while k >= floor and toks.texts[k] != "(" and i - k < 8:
                k -= 1
            if k < floor or toks.texts[k] != "(":
                break
            first, i = k, k - 1
            continue
        if toks.texts[i] in ("-", "&") and toks.is_word(i - 1):
            i -= 1
            continue
        if low in lx.NP_PREPOSITIONS and toks.is_word(i):
            if low in ("familiar", "close") or _prep_joins(toks, i - 1, i + 1):
                i -= 1
                continue
            break
        if low == "and" and toks.is_word(i):
            if toks.caps[i - 1 if i > 0 else i] and toks.caps[i + 1]:
                i -= 1
                continue
            break
        if not _np_word_ok(toks, i):
            break
        first = i
        i -= 1
    first = _trim_premodifiers(toks, first, end)
    if not _head_ok(toks, end):
        # "officials familiar with the matter": the head sits before its modifier
        core = _core_last(toks, first, end)
        if core == end or not (toks.caps[core] or toks.lows[core] in lx.ANONYMOUS_NOUNS):
            return None
    # drop leading connectives and time words ("But", "On Tuesday")
    while first < end and (
        toks.lows[first] in lx.LEADING_NOISE
        or toks.lows[first] in lx.NP_PREPOSITIONS
        or toks.texts[first] in ("(", "-")
    ):
        first += 1
    return first


def _premodifier_ok(low: str) -> bool:
    return (
        low in lx.DETERMINERS
        or low in lx.TITLES
        or low in lx.PREMODIFIERS
        or low in lx.ANONYMOUS_NOUNS
        or low in lx.NP_PREPOSITIONS
        or low == "and"
    )


def _trim_premodifiers(toks: _Tokens, first: int, end: int) -> int:
    """For a proper-name phrase, cut at the last lower-case word that cannot modify a name.

    "ensure Ukraine" -> "Ukraine", "the Geneva talks Ukraine" -> "Ukraine", while "the former
    secretary of state John Kerry" stays whole.
    """
    if not toks.caps[end]:
        return first
    for k in range(end - 1, first - 1, -1):
        if toks.kinds[k] == _WORD and not toks.caps[k] and not _premodifier_ok(toks.lows[k]):
            return k + 1
        if (
            toks.kinds[k] == _WORD
            and not toks.caps[k]
            and toks.lows[k] not in lx.DETERMINERS
            and k + 1 <= end
            and toks.caps[k + 1]
            and k > first
            and toks.caps[k - 1]
            and toks.lows[k] not in lx.NP_PREPOSITIONS
            and toks.lows[k] != "and"
        ):
            return k + 1  # "Geneva talks Ukraine": a lower-case noun between two names
    return first


def _scan_right(toks: _Tokens, begin: int) -> _Mention | None:
    """The noun phrase starting at token ``begin`` (after "according to", inverted cues)."""
    if not toks.is_word(begin) or (
        not toks.caps[begin]
        and (toks.lows[begin] in lx.BOUNDARY or toks.lows[begin] in lx.NP_PREPOSITIONS)
    ):
        return None
    i = begin
    last = -1
    seen_cap = False
    while i < toks.n and i - begin < _MAX_NP:
        low = toks.lows[i]
        if not toks.is_word(i):
            if toks.texts[i] == "(":
                k = i + 1
                while k < toks.n and toks.texts[k] != ")" and k - i < 8:
                    k += 1
                if k < toks.n and toks.texts[k] == ")":
                    last, i = k, k + 1
                    continue
            if toks.texts[i] in ("-", "&") and last == i - 1:
                i += 1
                continue
            break
        if low in lx.NP_PREPOSITIONS and i > begin:
            if low in ("familiar", "close") or _prep_joins(toks, i - 1, i + 1):
                seen_cap = False
                i += 1
                continue
            break
        if low == "and" and i > begin:
            if toks.caps[i - 1] and toks.caps[min(i + 1, toks.n - 1)]:
                i += 1
                continue
            break
        if low in lx.RELATIVE or (not toks.caps[i] and low in lx.BOUNDARY):
            break
        if low in lx.PRONOUNS:
            if i == begin:
                last = i
            break
        if low in lx.CUE_FORMS and not toks.caps[i] and low not in lx.DOCUMENT_NOUNS:
            break
        if not toks.caps[i] and seen_cap and not _head_ok(toks, i) and low not in lx.PREMODIFIERS:
            break
        seen_cap = seen_cap or toks.caps[i]
        last = i
        i += 1
    # the head is the last word before any trailing preposition
    while last >= begin and (toks.lows[last] in lx.NP_PREPOSITIONS or not toks.is_word(last)):
        if toks.texts[last] == ")":
            break
        last -= 1
    if last < begin:
        return None
    head = last
    if toks.texts[head] == ")":
        head = begin
    if not _head_ok(toks, head) and not _head_ok(toks, _core_last(toks, begin, last)):
        return None
    span_last = last
    # an appositive after a comma belongs to the mention: "said Jane Doe, of the institute,"
    if toks.low(last + 1) == "," and toks.low(last + 2) in _APPOSITIVE_OPENERS - {"who", "which"}:
        k = last + 2
        while k < toks.n and toks.kinds[k] != _PUNCT and toks.kinds[k] not in (_OPEN, _CLOSE):
            k += 1
        if k - last < 12 and (k >= toks.n or toks.texts[k] in (",", ".", ";")):
            span_last = k - 1
    return _Mention(begin, last, span_last)


def _core_last(toks: _Tokens, first: int, last: int) -> int:
    """Last token of the phrase's core, before a preposition opening its modifier."""
    for k in range(first + 1, last + 1):
        low = toks.lows[k]
        if low in lx.NP_PREPOSITIONS and toks.kinds[k] == _WORD:
            if low == "of" and toks.caps[k - 1] and toks.caps[min(k + 1, last)]:
                continue
            return k - 1
        if toks.texts[k] == "(":
            return k - 1
    return last


def _skip_time_left(toks: _Tokens, j: int) -> int:
    """Step left over "on Tuesday", "last week", "earlier this month" before a cue."""
    low = toks.low(j)
    if low in _DAYS and toks.low(j - 1) in ("on", "last", "this"):
        return j - 2
    if low in _TEMPORAL_NOUNS and toks.low(j - 1) in ("last", "this", "that", "on"):
        return j - 2 - (toks.low(j - 2) in ("earlier", "later", "on"))
    return j


def _paren_start(toks: _Tokens, j: int) -> int:
    """Index of the "(" closing at token j (a ")"), or j when there is none nearby."""
    k = j - 1
    while k >= 0 and j - k < 10 and toks.texts[k] != "(":
        k -= 1
    return k if k >= 0 and toks.texts[k] == "(" else j


def _subject_before(toks: _Tokens, aux: int) -> _Mention | None:
    """The subject of a cue whose auxiliary chain starts at token ``aux``."""
    j = _skip_time_left(toks, aux - 1)
    if j < 0 or toks.inq[j]:
        return None
    low = toks.lows[j]
    if toks.texts[j] == ",":
        return _subject_across_comma(toks, j)
    if toks.texts[j] in _DASHES or toks.texts[j] == "--":
        return _subject_across_dashes(toks, j)
    if toks.texts[j] == ")":
        k = _paren_start(toks, j) - 1
        first = _scan_left(toks, k) if k < j - 1 else None
        if first is None or first > k:
            return None
        return _Mention(first, k, j)
    if low in ("who", "that", "which") and toks.is_word(j):
        k = j - 1
        if toks.low(k) == ",":
            k -= 1
        first = _scan_left(toks, k)
        if first is None:
            return None
        return _Mention(first, k, j, span_first=j)
    if not toks.is_word(j):
        return None
    first = _scan_left(toks, j)
    if first is None or first > j:
        return None
    return _Mention(first, j, j)


_REL_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they"})
_MAX_RELATIVE = 12


def _relative_subject(toks: _Tokens, aux: int) -> _Mention | None:
    """A subject carrying a restrictive relative clause, reported with the clause.

    "Companies that had insured the towers agreed", "people who know him say", "the experts I
    interviewed said": the source is the noun before "that"/"who"/"which" (or before a pronoun
    opening a contact clause), not the last noun of the clause. The relative must follow a
    source-like head directly (no comma: that case is :func:`_subject_across_comma`), must not
    follow a cue ("said that" opens a complement), and its clause runs without punctuation,
    quotes or another relative up to the cue.
    """
    if not toks.is_word(aux - 1):
        return None
    lo = max(1, aux - _MAX_RELATIVE)
    for k in range(aux - 2, lo - 1, -1):
        if not toks.is_word(k):
            return None
        low = toks.lows[k]
        antecedent = k - 1
        if low in ("who", "that", "which"):
            after = toks.low(k + 1)
            if after in lx.DETERMINERS or (toks.caps[k + 1] and after not in _REL_PRONOUNS):
                return None  # "reports that the minister said": a complement clause
            if not _relative_antecedent(toks, antecedent, low):
                return None
        elif low in _REL_PRONOUNS and (low == "i" or not toks.caps[k]):
            if not _relative_antecedent(toks, antecedent, "who"):
                continue
            if toks.caps[antecedent] and toks.lows[antecedent] not in lx.ANONYMOUS_NOUNS:
                continue  # "… Trump I …" is not a contact clause; "Everyone I asked" is
        elif low in lx.RELATIVE or low in lx.PRONOUNS:
            return None
        else:
            continue
        first = _scan_left(toks, antecedent)
        if first is None or first > antecedent:
            return None
        return _Mention(first, antecedent, aux - 1)
    return None


def _relative_antecedent(toks: _Tokens, i: int, relative: str) -> bool:
    """Whether token i can head a noun phrase modified by a following relative clause."""
    if not toks.is_word(i) or not _head_ok(toks, i):
        return False
    low = _strip_possessive(toks.lows[i])
    if low in lx.PRONOUNS or low in lx.BOUNDARY or low in lx.LEADING_NOISE:
        return False
    if low in lx.CUE_FORMS and low not in lx.ANONYMOUS_NOUNS:
        return False
    if low in lx.DOCUMENT_NOUNS:
        return relative == "which" or relative == "that"
    return True


def _appositive_opener(toks: _Tokens, i: int) -> str | None:
    """How the comma-delimited segment starting at token i reads: appositive/aside/None."""
    low = toks.low(i)
    if low in _PARENTHETICAL_OPENERS or (low.endswith("ing") and not toks.caps[i]):
        return "aside"
    if low in ("who", "whose", "which"):
        return "relative"
    if (
        low in _APPOSITIVE_OPENERS
        or low in lx.PREMODIFIERS
        or (0 <= i < toks.n and (toks.caps[i] or toks.kinds[i] == _NUM))
    ):
        return "appositive"
    return None


def _described_role(toks: _Tokens, first: int, stop: int) -> str | None:
    """ "political science professor at Seton Hall": a role without an article is an appositive
    when it holds a title or a noun for people and no cue."""
    if stop - first > 14:
        return None
    for k in range(first, stop):
        low = toks.lows[k]
        if low in lx.CUE_FORMS and low not in lx.ANONYMOUS_NOUNS and low not in lx.TITLES:
            return None
        if toks.kinds[k] == _WORD and not toks.caps[k] and _is_role(low):
            return "appositive"
    return None


def _is_role(low: str) -> bool:
    return (
        low in lx.TITLES
        or low in lx.ANONYMOUS_NOUNS
        or (low.endswith(_PERSON_SUFFIXES) and len(low) > 5 and low not in lx.NOT_PEOPLE)
    )


def _subject_across_comma(toks: _Tokens, comma: int) -> _Mention | None:
    """ "X, who …, said" / "X, the minister, said" / "X, 59, of Ashton, said"."""
    right = comma
    alt: tuple[int, int] | None = None
    relative = False
    for _ in range(3):
        k = right - 1
        while k >= 0 and right - k < 32 and toks.texts[k] != ",":
            if toks.kinds[k] in (_OPEN, _CLOSE):
                return None
            k -= 1
        if k < 1 or toks.texts[k] != ",":
            return None
        how = _appositive_opener(toks, k + 1) or _described_role(toks, k + 1, right)
        if how is None or (how == "appositive" and _has_finite_verb(toks, k + 1, right)):
            return None  # "…, the losses would outstrip the gains, said X" is a clause
        relative = relative or how == "relative"
        if how == "appositive" and toks.caps[k + 1] and _name_like(toks, k + 1, right - 1):
            alt = (k + 1, right - 1)
        end = k - 1
        if toks.is_word(end):
            first = _scan_left(toks, end)
            if first is not None and first <= end:
                span_last = end if relative and how == "relative" else comma - 1
                return _Mention(first, end, span_last, alt=alt)
        if toks.texts[end] == ")":
            k2 = _paren_start(toks, end) - 1
            first = _scan_left(toks, k2) if k2 < end - 1 else None
            if first is not None and first <= k2:
                return _Mention(first, k2, comma - 1, alt=alt)
        right = k
    return None


def _subject_across_dashes(toks: _Tokens, dash: int) -> _Mention | None:
    """ "Kall -- co-editor of a book on the debates -- said": the name before the opening dash.

    The aside between the dashes is reported with the mention (as an appositive between commas
    is); it may hold commas but no quotation marks.
    """
    k = dash - 1
    while k >= 0 and dash - k < 40 and toks.texts[k] not in _DASHES and toks.texts[k] != "--":
        if toks.kinds[k] in (_OPEN, _CLOSE):
            return None
        k -= 1
    if k < 1 or dash - k < 2 or toks.texts[k] != toks.texts[dash]:
        return None
    end = k - 1
    if not toks.is_word(end):
        return None
    first = _scan_left(toks, end)
    if first is None or first > end:
        return None
    return _Mention(first, end, dash - 1)


def _has_finite_verb(toks: _Tokens, first: int, stop: int) -> bool:
    return any(toks.lows[k] in lx.FINITE_AUXILIARIES for k in range(first, stop))


def _name_like(toks: _Tokens, first: int, last: int) -> bool:
    """Whether tokens first..last are all capitalised words (a personal name)."""
    if last - first > 4 or last < first:
        return False
    return all(toks.caps[k] and toks.kinds[k] == _WORD for k in range(first, last + 1))


def _sentence_subject(toks: _Tokens, before: int) -> _Mention | None:
    """The first noun phrase of the main clause (for "…, saying …")."""
    i = 0
    while i < before and (
        toks.lows[i] in lx.LEADING_NOISE or not toks.is_word(i) or toks.lows[i] in lx.AUXILIARIES
    ):
        i += 1
    if i >= before:
        return None
    mention = _scan_right(toks, i)
    if mention is None or mention.last >= before:
        return None
    return mention


# --------------------------------------------------------------------------- classification


@dataclass(slots=True)
class _Class:
    kind: str
    name: str
    plural: bool
    pronoun: str | None = None


def _classify(toks: _Tokens, m: _Mention, article: _Article) -> _Class | None:
    core_last = _core_last(toks, m.first, m.last)
    words = [
        _strip_possessive(toks.texts[k])
        for k in range(m.first, core_last + 1)
        if toks.kinds[k] in (_WORD, _NUM)
    ]
    if not words:
        return None
    lows = [w.lower().replace("’", "'") for w in words]
    if len(words) == 1 and lows[0] in lx.PRONOUNS:
        return _Class("pronoun", words[0], lx.PRONOUNS[lows[0]][1], pronoun=lows[0])
    head = lows[-1]
    bare = [w for w, lo in zip(words, lows, strict=True) if lo not in lx.DETERMINERS]
    bare_low = " ".join(bare).lower()
    full_text = _text(toks, m.first, m.last)
    plural = (
        (head.endswith("s") and not head.endswith("ss")) or head in lx.PLURAL_WORDS
    ) or "and" in lows
    # a trailing run of capitalised non-title words is a name
    name_words: list[str] = []
    for k in range(len(words) - 1, -1, -1):
        w, lo = words[k], lows[k]
        if not w[:1].isupper() or lo in lx.TITLES or lo in lx.HONORIFICS:
            break
        if lo in lx.DETERMINERS or (k > 0 and lows[k - 1] == "of" and name_words):
            break
        name_words.insert(0, w)
    name = " ".join(name_words)
    name_low = name.lower()
    if (
        bare_low in lx.OUTLETS
        or "the " + bare_low in lx.OUTLETS
        or name_low in lx.OUTLETS
        or (name_low.startswith("the ") and name_low[4:] in lx.OUTLETS)
        or (len(name_words) >= 2 and head in lx.OUTLET_SUFFIXES and not _is_place(name_low))
        or (head in lx.OUTLET_NOUNS and lows[0] == "the" and len(lows) <= 3)
    ):
        return _Class("outlet", name or full_text, False)
    if _is_place(bare_low) or _is_place(name_low) or _is_place(head):
        return _Class("organisation", full_text, False)
    if name_words and (head in lx.CORPORATE_SUFFIXES):
        return _Class("organisation", full_text, False)
    if head in lx.DOCUMENT_NOUNS and not words[-1][:1].isupper():
        return _Class("document", full_text, plural)
    if head in _SPOKES and any(w[:1].isupper() for w in words[:-1]):
        return _Class("organisation", full_text, False)
    if head in lx.ANONYMOUS_NOUNS or (
        not name_words
        and (
            head in lx.TITLES
            or head.endswith(_PEOPLE_SUFFIXES)
            or (head.endswith(_PERSON_SUFFIXES) and len(head) > 5 and head not in lx.NOT_PEOPLE)
        )
    ):
        return _Class("anonymous", full_text, plural)
    if head in lx.DOCUMENT_NOUNS:
        return _Class("document", full_text, plural)
    if name_words:
        if len(name_words) == 1 and name.isupper() and len(name) <= 6:
            return _Class("organisation", name, False)
        full = article.full_names.get(name, name) if len(name_words) == 1 else name
        titled = any(lo in lx.TITLES for lo in lows[: len(lows) - len(name_words)])
        official = titled or full in article.officials or name in article.officials
        return _Class("official" if official else "person", full, plural and "and" in lows)
    return None


def _text(toks: _Tokens, first: int, last: int) -> str:
    """The phrase as a name: possessive dropped, a capitalised leading article lower-cased."""
    texts = toks.texts[first : last + 1]
    if len(texts) > 1 and texts[0].lower() in lx.DETERMINERS:
        texts = [texts[0].lower(), *texts[1:]]
    raw = " ".join(texts)
    return _POSSESSIVE_RE.sub("", raw) if raw.endswith(("'s", "’s")) else raw


# --------------------------------------------------------------------------- per sentence


_DASHES = frozenset({"―", "—", "–", "-"})


def _punctuation_cues(toks: _Tokens) -> list[_Found]:
    """ "Rubio: We will…" (a speaker before a colon) and "…” ― Jane Doe" (a dash signature)."""
    found: list[_Found] = []
    i = 0
    while i < toks.n and toks.kinds[i] in (_OPEN, _PUNCT) and toks.texts[i] not in _DASHES:
        i += 1
    if i < toks.n and toks.caps[i] and toks.kinds[i] == _WORD:
        k = i
        while k + 1 < toks.n and k - i < 3 and toks.is_word(k + 1) and toks.caps[k + 1]:
            k += 1
        label = " ".join(toks.lows[i : k + 1])
        if (
            toks.low(k + 1) == ":"
            and k + 2 < toks.n
            and (_head_ok(toks, k) or (toks.texts[k].isupper() and len(toks.texts[k]) > 2))
            and label not in lx.EDITORIAL_LABELS
        ):
            found.append(_Found(k + 1, k + 1, _Mention(i, k, k), "post"))
    for d in range(toks.n - 1):
        if toks.texts[d] in _DASHES or toks.texts[d] == "--":
            before = d - 1
            while before >= 0 and toks.kinds[before] == _PUNCT:
                before -= 1
            if (before < 0 or toks.kinds[before] == _CLOSE) and toks.caps[d + 1]:
                m = _scan_right(toks, d + 1)
                if m is not None and _name_like(toks, m.first, m.last):
                    found.append(_Found(d, d, m, "post"))
    return found


def _find(toks: _Tokens) -> list[_Found]:
    found: list[_Found] = _punctuation_cues(toks)
    i = 0
    while i < toks.n:
        if not toks.is_word(i):
            i += 1
            continue
        low = toks.lows[i]
        if low == "according" and toks.low(i + 1) == "to":
            m = _scan_right(toks, i + 2)
            if m is not None:
                found.append(_Found(i, i + 1, m, "post"))
            i += 2
            continue
        if low == "citing":
            m = _scan_right(toks, i + 1)
            if m is not None:
                found.append(_Found(i, i, m, "post"))
            i += 1
            continue
        base = _cue_base(toks, i)
        if base is None:
            i += 1
            continue
        last = i
        if base in lx.PARTICLE_CUES and toks.low(i + 1) in lx.PARTICLE_CUES[base]:
            last = i + 1
        f = _attach(toks, i, last, base)
        if f is not None:
            found.append(f)
        i = last + 1
    return found


def _attach(toks: _Tokens, verb: int, last: int, base: str) -> _Found | None:
    aux = _aux_start(toks, verb)
    low = toks.lows[verb]
    cue_first = aux
    while cue_first < verb and toks.lows[cue_first] in ("himself", "herself", "themselves"):
        cue_first += 1
    if base in lx.STANCE_ADJECTIVES:
        if not any(toks.lows[k] in lx.BE_FORMS for k in range(aux, verb)):
            return None
    elif _is_passive(toks, aux, verb):
        if toks.low(last + 1) == "by":
            m = _scan_right(toks, last + 2)
            if m is not None:
                return _Found(verb, last, m, "post")
        return None
    if low.endswith("ing") and not any(toks.lows[k] in lx.BE_FORMS for k in range(aux, verb)):
        prev = toks.low(aux - 1)
        if prev in (",", "—", "–", "by", "while", "after", "before", "when") or aux == 0:
            return _Found(cue_first, last, _Mention(-1, -1, -1), "participle")
        return _participle_after_noun(toks, aux, cue_first, last)
    mention = _relative_subject(toks, aux) or _subject_before(toks, aux)
    if mention is not None and _object_relative(toks, mention):
        return None
    if mention is not None:
        found = _Found(cue_first, last, mention, "pre")
        if base == "tell":
            obj = _scan_right(toks, last + 1)
            if obj is not None:
                found.told_outlet = _outlet_name(toks, obj)
        return found
    prev = toks.low(aux - 1)
    if prev in ("and", "but") and aux > 1:
        # a second verb of the same subject: "… beamed and asked", "agreed, but also contended"
        return _Found(cue_first, last, _Mention(-1, -1, -1), "participle")
    clause_start = aux == 0 or prev in (",", ":", "—", "–") or toks.kinds[aux - 1] in _QUOTES
    if base in lx.INVERTIBLE and clause_start:
        # "…,” said Rubio on Tuesday: skip a day name between the cue and the speaker
        k = last + 1
        while toks.low(k) in _DAYS or toks.low(k) in ("on", "late", "earlier"):
            k += 1
        m = _scan_right(toks, k)
        if m is not None:
            return _Found(verb, last, m, "post")
    return None


_SUBORDINATORS = frozenset(
    {"after", "before", "when", "while", "because", "since", "that", "as", "if", "although"}
)
_OBJECT_PREPOSITIONS = frozenset({"to", "for", "at", "with", "from", "by", "on", "in", "against"})


def _participle_after_noun(toks: _Tokens, aux: int, cue_first: int, last: int) -> _Found | None:
    """A participle right after a noun: "footage of Trump saying …" (the speaker is that noun),
    "a series of tweets early Friday saying …" (a document: the speaker is the clause subject).
    """
    j = _skip_time_left(toks, aux - 1)
    while toks.low(j) in _DAYS or toks.low(j) in ("early", "late", "last", "earlier", "later"):
        j -= 1
    base = lx.CUE_FORMS.get(toks.lows[last if last == cue_first else cue_first], "")
    if not toks.is_word(j) or j == 0 or base not in lx.SPEECH_VERBS:
        return None
    low = _strip_possessive(toks.lows[j])
    if low in lx.DOCUMENT_NOUNS:
        if any(toks.lows[k] in _SUBORDINATORS for k in range(j)):
            return None  # the document may belong to a later clause's subject
        return _Found(cue_first, last, _Mention(-1, -1, -1), "participle")
    if low in lx.PRONOUNS or not (toks.caps[j] or _is_role(low)):
        return None
    first = _scan_left(toks, j)
    if first is None or first > j or toks.low(first - 1) in _OBJECT_PREPOSITIONS:
        return None  # "sent a letter to Senate leaders opposing …": not the speaker
    return _Found(cue_first, last, _Mention(first, j, j), "pre")


def _object_relative(toks: _Tokens, m: _Mention) -> bool:
    """Whether the cue sits in an object relative clause: "what he called", "the plan she has
    proposed" (the cue describes, it does not attribute)."""
    before = m.span_first - 1
    if before < 0 or toks.inq[before]:
        return False
    low = toks.lows[before]
    if low == "what":
        return True
    is_pronoun = m.first == m.last and toks.lows[m.first] in lx.PRONOUNS
    return (
        is_pronoun
        and toks.kinds[before] == _WORD
        and not toks.caps[before]
        and low not in lx.BOUNDARY
        and low not in lx.LEADING_NOISE
        and low not in lx.AUXILIARIES
        and low not in lx.CUE_FORMS
        and not _is_adverb(low)
    )


def _outlet_name(toks: _Tokens, m: _Mention) -> str | None:
    words = " ".join(_strip_possessive(toks.texts[k]) for k in range(m.first, m.last + 1))
    low = words.lower()
    if low in lx.OUTLETS or (low.startswith("the ") and low[4:] in lx.OUTLETS):
        return words
    return None


def _mode(toks: _Tokens, f: _Found, kind: str) -> str:
    if kind == "outlet":
        return "reported_by"
    left = min(f.cue_first, f.mention.span_first)
    k = left - 1
    while k >= 0 and toks.kinds[k] == _PUNCT:
        k -= 1
    if k >= 0 and toks.kinds[k] == _CLOSE:
        return "direct_quote"
    right = max(f.cue_last, f.mention.span_last)
    for k in range(right + 1, min(right + 4, toks.n)):
        if toks.kinds[k] == _OPEN:
            return "direct_quote"
        if toks.kinds[k] == _WORD and toks.lows[k] not in ("that", "reporters"):
            break
    return "indirect"


def _sentence(body: str, sent: SentenceLike, toks: _Tokens, article: _Article) -> list[Attribution]:
    out: list[Attribution] = []
    classes: list[tuple[_Found, _Class]] = []
    for f in _find(toks):
        base = lx.CUE_FORMS.get(toks.lows[f.cue_last], "")
        if classes and base in lx.COGNITION_VERBS and base not in lx.SPEECH_VERBS:
            continue  # a belief inside reported speech ("said she wanted …")
        if f.kind_hint == "participle":
            if classes:
                prev_f, prev_c = classes[-1]
                f.mention = prev_f.mention
                classes.append((f, prev_c))
                continue
            subject = _sentence_subject(toks, f.cue_first)
            if subject is None:
                continue
            f.mention = subject
        c = _classify(toks, f.mention, article)
        if f.mention.alt is not None and (c is None or c.kind == "anonymous"):
            a_first, a_last = f.mention.alt
            named = _classify(toks, _Mention(a_first, a_last, a_last), article)
            if named is not None and named.kind in _PERSONAL:
                described = c is not None or any(
                    toks.lows[k] in lx.TITLES for k in range(f.mention.first, f.mention.last + 1)
                )
                c = _Class("official" if described else named.kind, named.name, False)
        if c is None:
            continue
        if c.pronoun is not None:
            c = _resolve_pronoun(c, article)
        if c.kind in ("person", "official"):
            article.remember(c.name, official=c.kind == "official")
        article.history.append(_Referent(c.name, c.kind, c.plural))
        classes.append((f, c))
    outlets = [(f, c) for f, c in classes if c.kind == "outlet"]
    seen: set[tuple[int, int, int, int]] = set()
    for f, c in classes:
        via = f.told_outlet
        if via is None and c.kind != "outlet" and outlets:
            via = min(outlets, key=lambda fc: abs(fc[0].cue_first - f.cue_first))[1].name
        key = (f.mention.span_first, f.mention.span_last, f.cue_first, f.cue_last)
        if key in seen:
            continue
        seen.add(key)
        cue_start, cue_end = toks.start(f.cue_first), toks.end(f.cue_last)
        out.append(
            Attribution(
                source=c.name,
                source_kind=c.kind,
                cue=body[cue_start:cue_end],
                mode=_mode(toks, f, c.kind),
                via=via,
                source_start=toks.start(f.mention.span_first),
                source_end=toks.end(f.mention.span_last),
                cue_start=cue_start,
                cue_end=cue_end,
            )
        )
    return out


def _resolve_pronoun(c: _Class, article: _Article) -> _Class:
    assert c.pronoun is not None
    if c.pronoun in ("i", "we"):
        return _Class("person" if c.pronoun == "i" else "organisation", c.name, c.plural)
    ref = article.resolve(c.pronoun)
    if ref is not None:
        return _Class(ref.kind, ref.name, ref.plural)
    fallback = {"he": "person", "she": "person", "they": "anonymous", "it": "organisation"}
    return _Class(fallback[c.pronoun], c.name, c.plural)


def suggest(body: str, sentences: Sequence[SentenceLike]) -> list[list[Attribution]]:
    """One list of suggested attributions per sentence, in the order given.

    Boilerplate sentences get ``[]``. Sentences must come in body order (pronouns resolve to
    the most recent compatible source before them); offsets are taken from each sentence's
    ``start``/``end`` into ``body``. Every returned span lies inside its sentence and
    ``body[cue_start:cue_end] == cue``.
    """
    article = _Article()
    tokenized: list[_Tokens | None] = []
    open_quote = False
    previous_end = 0
    for sent in sentences:
        if "\n" in body[previous_end : sent.start] or sent.start < previous_end:
            open_quote = False  # a quotation does not run on into the next paragraph
        previous_end = sent.end
        if sent.kind == "boilerplate":
            tokenized.append(None)
            open_quote = False
            continue
        toks = _Tokens(body[sent.start : sent.end], sent.start, open_quote)
        open_quote = toks.quote_open_at_end
        article.learn_titles(toks)
        tokenized.append(toks)
    result: list[list[Attribution]] = []
    for sent, maybe_toks in zip(sentences, tokenized, strict=True):
        result.append([] if maybe_toks is None else _sentence(body, sent, maybe_toks, article))
    return result
