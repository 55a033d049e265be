"""The part of a sentence that states the fact: attribution clauses left out.

'After the meeting in Geneva, the draft was reduced to 19 points, a European official said.'
states that the draft was reduced to 19 points; who said so is the sentence's source, recorded
separately (``Passage.sources``) and judged by the echo rule. Leaving the attribution out of the
comparison keeps an outlet's name or 'a European official' from counting as a difference in
the fact (or as a shared name that makes two different facts look alike).
"""

from __future__ import annotations

import re
from functools import lru_cache

from verify.engine.crosscheck.lexicon import (
    FINITE_AUX,
    NOT_A_SPEAKER,
    REPORTING_CUES,
    SPEAKER_PRONOUNS,
)

# A trailing clause longer than this (in words) is more than an attribution.
_MAX_ATTRIBUTION_WORDS = 14
# What must remain of a sentence for the stripped form to be used.
_MIN_FACT_WORDS = 3
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+", re.UNICODE)
_LEADING_ACCORDING = re.compile(r"^\s*According to [^,]{1,120},\s*", re.IGNORECASE)
# 'The deal, Kovac said, leaves out steel': an attribution between two commas.
_INNER = re.compile(r",\s+(?:[^,]{1,60}\s)?(?:said|says|told \w+)\s*,\s+", re.IGNORECASE)
# A wire dateline opening the story: 'SYDNEY, May 5 (PMW) - ', 'CARDIFF (Northwind) — ': where
# and when it was filed and by whom, not the fact.
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z'.-]+(?:\s[A-Z][A-Z'.-]+){0,2}"
    r"(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*(?:\([^()]{1,40}\))?|\s*\([^()]{1,40}\))"
    r"\s*[-\u2013\u2014]+\s+"
)
# 'Superintendent Alana Whitfield said the plan would ...', 'Declan Furey, chief economist at
# Harbourline Bank, said monthly estimates were ...': a leading speaker and verb of saying.
_LEADING_SAID = re.compile(
    r"^\s*(?P<who>[^,;:\"“”]{2,60}?(?:,[^,;:\"“”]{2,60},)?)\s+"
    r"(?:said|says|told\s+(?:[\w'’-]+\s+){1,5}?that)\s+"
    r"(?:(?:on|last|this)\s+[A-Za-z]+\s+)?(?:that\s+)?(?P<fact>\S.*)$",
    re.DOTALL,
)
# Longest speaker read at the start of a sentence, in words.
_MAX_SPEAKER_WORDS = 10
_END = re.compile(r"[\s.!?;:\"'”’)\]]+$")


def _without_speaker(text: str) -> str:
    """``text`` without a leading 'X said (that)': what X said, or ``text`` itself."""
    found = _LEADING_SAID.match(text)
    if not found:
        return text
    who = [w.lower() for w in _WORD.findall(found["who"])]
    if not who or len(who) > _MAX_SPEAKER_WORDS or any(w in NOT_A_SPEAKER for w in who):
        return text
    fact = found["fact"]
    first = _WORD.findall(fact)[:1]
    if not first or first[0].lower() in SPEAKER_PRONOUNS:
        return text
    return fact[:1].upper() + fact[1:]


def _is_attribution(clause: str) -> bool:
    words = [w.lower() for w in _WORD.findall(clause)]
    if not words or len(words) > _MAX_ATTRIBUTION_WORDS:
        return False
    if words[0] in REPORTING_CUES and any(w in FINITE_AUX for w in words[1:]):
        return False  # '..., said he was deeply sorry': what was said, not who said it
    return words[0] in ("according", "citing", "quoting") or any(w in REPORTING_CUES for w in words)


@lru_cache(maxsize=65536)
def fact_text(text: str) -> str:
    """``text`` without a leading 'According to X,' or 'X said (that)', trailing ', X said (on
    Monday).' clauses and an inner ', X said,'. The text itself when too little would be left."""
    fact = _without_speaker(_LEADING_ACCORDING.sub("", _DATELINE.sub("", text)))
    fact = _INNER.sub(" ", fact)
    body = _END.sub("", fact)
    for _ in range(2):  # '..., X said on Monday, citing Y.'
        head, comma, tail = body.rpartition(",")
        if not comma or not _is_attribution(tail):
            break
        body = head
    if len(_WORD.findall(body)) < _MIN_FACT_WORDS:
        return text
    return body + "." if body != text else text
