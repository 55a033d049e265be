"""Where a sentence's information comes from, for telling echoes from second sources."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """Where one attribution of a sentence sits: its source, relay and character offsets."""

    source: str
    via: str | None
    source_start: int | None
    source_end: int | None
    cue_start: int | None
    cue_end: int | None


def origins(spans: Sequence[Span], *, text: str, start: int) -> tuple[str, ...]:
    """The names a sentence's information comes from, for telling echoes from second sources.

    A source whose mention sits inside what another attribution reports is content, not
    origin: in "a senior source told CNN that Kyiv rejected…" the origin is the source (and
    CNN), not Kyiv; in "Rubio said …, the diplomats said." it is the diplomats. Relaying
    outlets (``via``) always count; so do attributions an editor added without spans.
    """
    names: list[str] = []
    for span in spans:
        if not any(_inside(span, other, text, start) for other in spans if other is not span):
            names.append(span.source)
        if span.via:
            names.append(span.via)
    return tuple(dict.fromkeys(names))


def _trailing(span: Span, text: str, start: int) -> bool:
    """ "…, the diplomats said." / "…, a source told CNN on Tuesday.": the attribution follows
    the content it reports (after a comma, a quote or a dash) and closes the sentence."""
    if span.source_start is None or span.cue_end is None or span.cue_start is None:
        return False
    before = text[: min(span.source_start, span.cue_start) - start].rstrip()
    after = text[max(span.cue_end, span.source_end or 0) - start :]
    return bool(before) and before[-1] in ',”"’—–-' and len(after.split()) <= 6


def _inside(span: Span, other: Span, text: str, start: int) -> bool:
    """Whether ``span``'s mention lies in the content that ``other`` attributes."""
    if None in (span.source_start, span.cue_end, other.source_start, other.cue_start):
        return False
    if _trailing(span, text, start):
        return False
    assert span.source_start is not None and span.cue_end is not None
    assert other.source_start is not None and other.cue_start is not None
    if _trailing(other, text, start):
        return min(other.source_start, other.cue_start) >= span.cue_end
    # "OTHER said that SPAN …": the mention follows the other's cue.
    return other.source_start < other.cue_start <= span.source_start
