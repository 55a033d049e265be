"""Tokenizing one sentence into parallel lists of words, numbers, quotes and punctuation.

Promises: every token's span indexes into the sentence (``Tokens.start``/``end`` into the body);
``lows`` are lower-cased with curly apostrophes made straight; a subject pronoun with a contracted
auxiliary ("he's") is two tokens; ``inq`` marks the tokens inside quotation marks, a sentence
starting inside a quotation when told so. Also small word tests that need no context (possessive
stripping, manner adverbs).
"""

from __future__ import annotations

import re

from verify.engine import lexicon as lx

ABBREVIATIONS = (
    "Mr|Mrs|Ms|Dr|Prof|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Rev|Jr|Sr|St|Supt|Cmdr|"
    "Maj|Pres|Amb|Gens|Corp|Inc|Ltd|Mt|Ft|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|Gov"
)


TOKEN_RE = re.compile(
    r"(?P<q>``|''|[“”\"«»„])"
    r"|(?P<w>(?:[A-Za-z]\.){2,}"
    rf"|(?:{ABBREVIATIONS})\."
    r"|[A-Z]\.(?=\s+[A-Z])"
    r"|[^\W\d_][\w]*(?:['’][\w]+|-[\w]+)*(?:(?<=[sS])['’](?![\w'’]))?"
    r"|\d[\d,.:]*\d%?|\d%?)"
    r"|(?P<p>[^\w\s])"
)


# A subject pronoun with a contracted auxiliary ("he's", "they're", "we've", "she'll").
CLITIC_RE = re.compile(r"(he|she|it|they|we|i|you)('s|'re|'ve|'ll|'d|'m)$")


POSSESSIVE_RE = re.compile(r"['’]s?$")


OPEN_CONTEXT = frozenset(" \t\n\r([{—–-")


WORD, NUM, OPEN, CLOSE, PUNCT = "w", "n", "o", "c", "p"


QUOTES = (OPEN, CLOSE)


TEMPORAL_NOUNS = frozenset({"week", "month", "year", "morning", "afternoon", "evening", "night"})


DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


class Tokens:
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
        for m in TOKEN_RE.finditer(text):
            tok = m.group()
            if m.lastgroup == "q":
                kind = quote_direction(text, m.start(), tok)
            elif m.lastgroup == "w":
                kind = NUM if tok[0].isdigit() else WORD
            else:
                kind = PUNCT
            low = tok.lower().replace("’", "'")
            clitic = CLITIC_RE.match(low) if kind == WORD and "'" in low else None
            if clitic is not None:  # "He's claiming": the pronoun, then its auxiliary
                cut = m.start() + clitic.end(1)
                self._add(m.start(), cut, tok[: clitic.end(1)], clitic.group(1), kind)
                self._add(cut, m.end(), tok[clitic.end(1) :], clitic.group(2), kind)
                continue
            self._add(m.start(), m.end(), tok, low, kind)
        self.n = len(self.texts)
        self.inq, self.quote_open_at_end = quoted_tokens(self.kinds, quoted_at_start)
        words = [c for c, k in zip(self.caps, self.kinds, strict=True) if k == WORD]
        self.title_case = len(words) >= 3 and sum(words) > 0.6 * len(words)

    def _add(self, start: int, end: int, tok: str, low: str, kind: str) -> None:
        self.spans.append((start, end))
        self.texts.append(tok)
        self.lows.append(low)
        self.kinds.append(kind)
        self.caps.append(tok[0].isupper())

    def is_word(self, i: int) -> bool:
        return 0 <= i < self.n and self.kinds[i] in (WORD, NUM) and not self.inq[i]

    def low(self, i: int) -> str:
        return self.lows[i] if 0 <= i < self.n else ""

    def start(self, i: int) -> int:
        return self.offset + self.spans[i][0]

    def end(self, i: int) -> int:
        return self.offset + self.spans[i][1]


def quote_direction(text: str, pos: int, tok: str) -> str:
    """Whether a quotation mark at ``pos`` opens or closes (straight quotes by context)."""
    if tok in ("“", "«", "„", "``"):
        return OPEN
    if tok in ("”", "»"):
        return CLOSE
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + len(tok)] if pos + len(tok) < len(text) else " "
    return OPEN if before in OPEN_CONTEXT and not after.isspace() else CLOSE


def quoted_tokens(kinds: list[str], quoted_at_start: bool) -> tuple[list[bool], bool]:
    """Which tokens lie inside quotation marks, and whether a quote is still open at the end.

    A sentence starts inside a quote when the previous sentence of its paragraph left one
    open, or when its first quotation mark is a closing one.
    """
    inq = [False] * len(kinds)
    state = quoted_at_start
    first_quote = next((k for k in kinds if k in (OPEN, CLOSE)), None)
    if first_quote == CLOSE:
        state = True
    for i, kind in enumerate(kinds):
        if kind == OPEN:
            state = True
        elif kind == CLOSE:
            state = False
        else:
            inq[i] = state
    return inq, state


def strip_possessive(word: str) -> str:
    """The word without a possessive ending ("Trump's" -> "Trump", "voters'" -> "voters")."""
    if len(word) > 2 and word[-2:] in ("'s", "’s"):
        return word[:-2]
    if len(word) > 1 and word[-1] in "'’" and word[-2] in "sS":
        return word[:-1]
    return word


def is_adverb(low: str) -> bool:
    """A manner adverb in -ly ("steadfastly", "largely"), not a noun like "family"."""
    return (
        low.endswith("ly")
        and len(low) > 4
        and low not in lx.NOT_ADVERBS
        and low not in lx.ANONYMOUS_NOUNS
        and low not in lx.DOCUMENT_NOUNS
    )


DASHES = frozenset({"―", "—", "–", "-"})
