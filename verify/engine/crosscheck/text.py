"""Text analysis shared by indexing and comparison: tokens, numbers, dates, stems.

Everything is derived from one pass over the text (:func:`analyse`, cached), so the tokens the
full-text index stores and the tokens :func:`~verify.engine.crosscheck.compare.compare`
weighs are the same strings. Index tokens are ``[a-z0-9]+`` only, so PostgreSQL's ``simple``
configuration and SQLite FTS5's ``unicode61`` tokenizer split them identically.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from verify.engine.crosscheck.lexicon import (
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    MONTHS,
    NUMBER_WORDS,
    SCALES,
    STOPWORDS,
)

# A word (with inner apostrophes or hyphen-free letters), a number with separators, or a symbol
# that changes the meaning of an adjacent number.
_TOKEN_RE = re.compile(
    r"[$€£¥]|%|\d+(?:[.,]\d+)*(?:st|nd|rd|th|s)?|[^\W\d_]+(?:['’][^\W\d_]+)*",
    re.UNICODE,
)
# The words :func:`analyse` reads, in order (``Analysis.raw_words``), for callers that place
# character offsets among them.
WORD_RE = _TOKEN_RE
_ORDINAL_RE = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Words before a capitalised 'May'/'March' that make it a month rather than a verb or a name.
_MONTH_LEADS = frozenset(
    {
        "in",
        "on",
        "by",
        "since",
        "until",
        "till",
        "from",
        "early",
        "late",
        "mid",
        "last",
        "next",
        "this",
        "of",
        "before",
        "after",
        "through",
    }
)
_AMBIGUOUS_MONTHS = frozenset({"may", "march", "june", "august"})


@dataclass(frozen=True, slots=True)
class Token:
    """One unit of meaning: ``norm`` is the index token, ``kind`` says how to compare it.

    kind: ``word`` | ``name`` (capitalised word not at a sentence start, or a known proper
    noun) | ``number`` | ``money`` | ``pct`` | ``date`` (month+day) | ``month`` | ``year``.
    ``value`` holds the numeric value of numbers, money and percentages; ``surface`` the text
    as written (for readable reasons); ``unit`` the noun or currency a quantity counts.
    """

    norm: str
    kind: str
    surface: str
    position: int
    value: float | None = None
    unit: str = ""


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Strip accents and unify quotes so that 'Zelenskyy’s' and "Zelenskyy's" tokenise alike."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("’", "'").replace("‘", "'")


def number(raw: str) -> float | None:
    """600,000 → 600000; 3.5 → 3.5; 3,5 → 3.5; 1.200.000 (European grouping) → 1200000."""
    if raw.count(",") and raw.count("."):
        raw = raw.replace(",", "")
    elif raw.count(",") == 1 and len(raw.split(",")[1]) != 3:
        raw = raw.replace(",", ".")  # decimal comma: 3,5
    elif raw.count(".") > 1:
        raw = raw.replace(".", "")
    else:
        raw = raw.replace(",", "")
    try:
        return float(raw)
    except ValueError:
        return None


def number_token(value: float) -> str:
    """The index spelling of a number: 600000, 3p5 (the point as 'p' keeps it one token)."""
    if value == int(value):
        return str(int(value))
    return f"{value:.6f}".rstrip("0").replace(".", "p")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix stripper: checked/checks/checking → check; hired/hire/hiring → hir.

    Deliberately conservative (no Porter): it only has to make inflections of one word meet.
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    base = word
    for suffix in ("ings", "ing", "ied", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                break
            base = word[: -len(suffix)]
            if suffix in ("ied", "ies"):
                return base + "y"
            doubled = len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz"
            if doubled and suffix in ("ings", "ing", "ed"):
                base = base[:-1]  # stopped → stopp → stop; a plural doubles none (tariffs)
            break
    # A final e goes too, so that the bare form meets the inflected ones (hire ~ hired).
    return base[:-1] if base.endswith("e") and len(base) > 3 else base


@dataclass(frozen=True, slots=True)
class Analysis:
    """The tokens of one text, in order, and derived views used by comparison."""

    tokens: tuple[Token, ...]
    raw_words: tuple[str, ...]  # lower-cased surface words in order (negation, verbs, actors)
    capitalised: tuple[bool, ...]  # per raw word: written with a capital (not sentence-initial)
    # Per raw word: joined to the next by a hyphen ('off-duty'), one word of a compound.
    hyphenated: tuple[bool, ...] = ()

    def index_tokens(self) -> list[str]:
        out: list[str] = []
        for token in self.tokens:
            out.append(token.norm)
            if token.kind == "date":  # nov27 also counts as 'nov' for month-only queries
                out.append(token.norm.rstrip("0123456789"))
        return out


def _month_at(words: list[str], caps: list[bool], i: int) -> str | None:
    """The canonical month of word i, or None when it is not (or may not be) a month."""
    word = words[i].lower().rstrip(".")
    month = MONTHS.get(word)
    if month is None:
        return None
    if word in _AMBIGUOUS_MONTHS or len(word) == 3:
        # 'may', 'march', 'jan' need a capital and a day, a year or a date preposition nearby.
        if not caps[i] and not words[i][0].isupper():
            return None
        nxt = words[i + 1] if i + 1 < len(words) else ""
        prev = words[i - 1].lower() if i > 0 else ""
        if not (nxt[:1].isdigit() or prev in _MONTH_LEADS or prev[:1].isdigit()):
            return None
    return month


@lru_cache(maxsize=65536)
def analyse(text: str) -> Analysis:
    """Tokenise ``text`` once: quantities, dates, names and words. Cached (texts repeat)."""
    folded = fold(text)
    matches = list(_TOKEN_RE.finditer(folded))
    words = [m.group() for m in matches]
    # A capital means a name unless the word starts a sentence: the text's start, or after
    # . ! ? : a double quote or a line break (looked up in the gap before the word only, so
    # this stays linear in the length of the text).
    starts = [
        i == 0 or any(c in '.!?:"\n' for c in folded[matches[i - 1].end() : m.start()])
        for i, m in enumerate(matches)
    ]
    caps = [w[:1].isupper() and not s for w, s in zip(words, starts, strict=True)]

    tokens: list[Token] = []
    i = 0
    n = len(words)
    while i < n:
        w = words[i]
        lw = w.lower()
        pos = i
        # Currency symbol, then a number (and maybe a scale word): $84.5 million → 84500000usd.
        if lw in CURRENCY_SYMBOLS and i + 1 < n and words[i + 1][:1].isdigit():
            amount = number(words[i + 1])
            if amount is not None:
                j = i + 2
                if j < n and words[j].lower() in SCALES:
                    amount *= SCALES[words[j].lower()]
                    j += 1
                unit = CURRENCY_SYMBOLS[lw]
                surface = " ".join(words[i:j])
                tokens.append(
                    Token(number_token(amount) + unit, "money", surface, pos, amount, unit)
                )
                i = j
                continue
        if w[:1].isdigit() or (lw in NUMBER_WORDS and not caps[i]):
            value: float | None
            ordinal = _ORDINAL_RE.match(lw)
            if lw in NUMBER_WORDS:
                value = float(NUMBER_WORDS[lw])
            elif ordinal:
                value = float(ordinal.group(1))
            elif lw.endswith("s") and lw[:-1].isdigit():  # the 1990s
                value = number(lw[:-1])
            else:
                value = number(lw)
            if value is None:
                i += 1
                continue
            j = i + 1
            # Day then month: 27 November.
            if (
                value == int(value)
                and 1 <= value <= 31
                and j < n
                and (month := _month_at(words, caps, j)) is not None
            ):
                tokens.append(
                    Token(f"{month}{int(value)}", "date", " ".join(words[i : j + 1]), pos)
                )
                i = j + 1
                continue
            if j < n and words[j].lower() in SCALES:
                value *= SCALES[words[j].lower()]
                j += 1
            surface = " ".join(words[i:j])
            nxt = words[j].lower() if j < n else ""
            after = words[j + 1].lower() if j + 1 < n else ""
            if nxt == "%" or nxt in ("percent", "pct") or (nxt == "per" and after == "cent"):
                skip = 2 if nxt == "per" else 1
                tokens.append(
                    Token(number_token(value) + "pct", "pct", surface + "%", pos, value, "%")
                )
                i = j + skip
                continue
            if nxt in CURRENCY_WORDS:
                unit = CURRENCY_WORDS[nxt]
                tokens.append(
                    Token(
                        number_token(value) + unit, "money", surface + " " + nxt, pos, value, unit
                    )
                )
                i = j + 1
                continue
            if value == int(value) and 1000 <= value <= 2100 and "," not in w and j == i + 1:
                tokens.append(Token(number_token(value), "year", surface, pos, value))
            else:
                tokens.append(Token(number_token(value), "number", surface, pos, value))
            i = j
            continue
        month = _month_at(words, caps, i)
        if month is not None:
            nxt = words[i + 1] if i + 1 < n else ""
            ordinal = _ORDINAL_RE.match(nxt.lower())
            day = ordinal.group(1) if ordinal else nxt
            if day.isdigit() and 1 <= int(day) <= 31:
                surface = f"{w}{'.' if len(w) == 3 else ''} {int(day)}"
                tokens.append(Token(f"{month}{int(day)}", "date", surface, pos))
                i += 2
                continue
            tokens.append(Token(month, "month", w, pos))
            i += 1
            continue
        norm = _NON_ALNUM.sub("", lw)
        if lw.endswith("'s"):
            norm = _NON_ALNUM.sub("", lw[:-2])
        elif lw.endswith("n't"):
            stem_word = lw[:-3] if lw not in ("can't", "won't") else lw[:2]
            if lw == "won't":
                stem_word = "will"
            norm = _NON_ALNUM.sub("", stem_word)
            if norm:
                tokens.append(Token(norm, "word", w, pos))
            tokens.append(Token("not", "word", "n't", pos + 1))
            i += 1
            continue
        elif lw == "n't":
            norm = "not"
        if norm:
            # A capitalised word at a sentence start is a name unless it is a function word or
            # looks like an inflected verb or adverb ('Kyiv rejected' vs 'Speaking to CNN'). A
            # possessive is read on its word: 'Sunday's quake' names no one.
            is_name = (
                lw not in STOPWORDS
                and norm not in STOPWORDS
                and (caps[i] or (w[:1].isupper() and not lw.endswith(("ing", "ed", "ly"))))
            )
            tokens.append(Token(norm, "name" if is_name else "word", w, pos))
        i += 1
    hyphenated = tuple(
        i + 1 < len(matches) and folded[m.end() : matches[i + 1].start()] == "-"
        for i, m in enumerate(matches)
    )
    return Analysis(tuple(tokens), tuple(w.lower() for w in words), tuple(caps), hyphenated)


def smoothed_idf(df: int, total: int) -> float:
    """The index's idf of a term in ``df`` of ``total`` sentences. Smoothed, not BM25's: on a
    young index of a few sentences BM25 gives the terms two sentences share almost no weight,
    and a plain contradiction scores as noise."""
    return math.log((total + 1) / (df + 1)) + 1.0


def index_text(text: str) -> str:
    """Normalised text to store in the full-text index (see the package docstring)."""
    return " ".join(analyse(text).index_tokens())
