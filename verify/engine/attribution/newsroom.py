"""The article's own outlet: its mentions are the newsroom's own reporting, not a relay.

"The Ledger has confirmed …", "a copy seen by the Ledger", "our correspondent saw" in a Daily
Ledger story are ``own_reporting``; "Kessler told the Ledger" there is Kessler on the record,
not Kessler via an outlet. The outlet is the article's ``Outlet:`` field when the caller has it;
otherwise :func:`own_outlet` reads it from the page furniture (a dateline "CITY (Outlet) –",
"© Outlet 2026", a newsletter plug "Sign up for the Outlet's …", a photo credit ".../Outlet").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from verify.engine import lexicon as lx
from verify.engine.attribution.context import is_own
from verify.engine.attribution.kinds import SourceClass
from verify.engine.attribution.model import SentenceLike
from verify.engine.attribution.phrases import Mention, core_end
from verify.engine.attribution.tokens import Tokens, strip_possessive
from verify.engine.vocabulary import SourceKind

_NAME = r"((?:[A-Z][\w’'&.-]*\s+){0,3}[A-Z][\w’'&-]*)"
# Furniture that names the page's outlet, most telling first.
_OWN_PATTERNS = (
    re.compile(rf"^[A-Z][A-Z .'-]+\(\s*{_NAME}\s*\)\s*[-–—]"),  # AMSTERDAM (Northwind Wire) –
    re.compile(rf"(?:©|\((?i:c)\)|(?i:copyright))\s*(?:\d{{4}}\s+)?(?:(?i:the)\s+)?{_NAME}"),
    # "Sign up for the Outlet's newsletter", "Follow the Outlet's live coverage"
    re.compile(rf"^(?i:sign\s+up|subscribe|follow)\b.*?\b{_NAME}['’]s\b"),
    re.compile(rf"^(?i:photo|photograph|picture)s?:?.*?/\s*{_NAME}\)?\s*$"),  # Photo: A/Outlet
)
_MAX_LINE = 300
# Kinds an unknown outlet's name may have been given ("the Ledger" reads like a name).
_NAMED_KINDS = frozenset(
    {SourceKind.OUTLET, SourceKind.PERSON, SourceKind.OFFICIAL, SourceKind.ORGANISATION}
)
_ARTICLES = ("the ", "The ")


def own_outlet(body: str, sentences: Sequence[SentenceLike]) -> str | None:
    """The outlet the page names as its own in its furniture, or None."""
    lines = [body[s.start : s.end] for s in sentences if s.end - s.start <= _MAX_LINE]
    for pattern in _OWN_PATTERNS:
        for line in lines:
            found = pattern.search(line)
            if found is not None:
                name = found.group(1).strip()
                return name[4:] if name.startswith(_ARTICLES) else name
    return None


def own_reporting(toks: Tokens, m: Mention, c: SourceClass, own: str | None) -> SourceClass | None:
    """The class of a mention of the newsroom itself ("the Ledger", "our correspondent in
    Turin", "Harbour Gazette reporters"), or None when the mention is someone else."""
    if m.first < 0:
        return None
    texts = [strip_possessive(t) for t in toks.texts[m.first : m.last + 1]]
    named = texts[1:] if texts[0].lower() == "the" else texts
    if (
        c.kind in _NAMED_KINDS
        and named
        and all(t[:1].isupper() for t in named)
        and (c.kind == SourceKind.OUTLET or len(named) < len(texts) or len(named) > 1)
        and is_own(" ".join(named), own)
    ):
        return SourceClass(SourceKind.OWN_REPORTING, own or c.name, False)
    head = strip_possessive(toks.lows[core_end(toks, m.first, m.last)])
    if head not in lx.JOURNALIST_NOUNS:
        return None
    words = {strip_possessive(toks.lows[k]) for k in range(m.first, m.last + 1)}
    if "our" in words or (own and own.split()[-1].lower() in words):
        return SourceClass(
            SourceKind.OWN_REPORTING, own or " ".join(toks.texts[m.first : m.last + 1]), False
        )
    return None
