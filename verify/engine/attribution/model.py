"""What the attribution engine returns and what it needs from a sentence.

:class:`Attribution` is the contract other code builds on (``verify.engine.analysis``, the
suggestion service): its fields and their meaning do not change. Offsets index into the
article body.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from verify.engine.vocabulary import AttributionMode, SourceKind


class SentenceLike(Protocol):
    """What ``suggest`` needs from a segmented sentence (``segmentation.Sentence``)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def kind(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Attribution:
    """One source behind one sentence; offsets index into the article body.

    ``via`` names whoever relayed it, outlet or not ("Rubio via Politico", "Rubio via the
    diplomats"): when the relay is one of the sentence's sources too, the name of that other
    attribution's ``source``, which :func:`suggest` puts after this one.
    """

    source: str
    source_kind: SourceKind
    cue: str
    mode: AttributionMode
    via: str | None
    source_start: int
    source_end: int
    cue_start: int
    cue_end: int
