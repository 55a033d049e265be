"""Align the sentences of two revisions of a body, so annotations follow their text.

Pure Python (no Django). Each new sentence is paired with at most one old sentence:

1. identical text first (a moved sentence follows its text; repeated sentences pair in order);
2. then, among what is left, the most similar pairs by :class:`difflib.SequenceMatcher` ratio,
   greedily, above ``threshold``: a typo fix, a reworded sentence, or the larger half of a
   split sentence is *changed*, not new.

Old sentences left unpaired were removed; new ones left unpaired were added.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

DEFAULT_THRESHOLD = 0.5
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Alignment:
    same: dict[int, int]  # new index -> old index, identical text
    changed: dict[int, int]  # new index -> old index, similar text
    added: list[int]  # new indexes with no old sentence
    removed: list[int]  # old indexes with no new sentence


def align(
    old: Sequence[str], new: Sequence[str], *, threshold: float = DEFAULT_THRESHOLD
) -> Alignment:
    """Pair ``new`` sentences with ``old`` ones (see the module docstring)."""
    by_text: dict[str, list[int]] = defaultdict(list)
    for i, text in enumerate(old):
        by_text[text].append(i)
    same: dict[int, int] = {}
    for j, text in enumerate(new):
        if by_text.get(text):
            same[j] = by_text[text].pop(0)

    old_left = [i for i in range(len(old)) if i not in set(same.values())]
    new_left = [j for j in range(len(new)) if j not in same]
    old_words = {i: set(_WORD.findall(old[i].lower())) for i in old_left}
    candidates: list[tuple[float, int, int, int]] = []
    for j in new_left:
        words = set(_WORD.findall(new[j].lower()))
        for i in old_left:
            # Cheap filters first: sentences with no word in common are never the same one.
            if words and old_words[i] and words.isdisjoint(old_words[i]):
                continue
            matcher = SequenceMatcher(None, old[i], new[j], autojunk=False)
            if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
                continue
            ratio = matcher.ratio()
            if ratio >= threshold:
                # Prefer nearby positions between equally similar pairs.
                candidates.append((ratio, -abs(i - j), j, i))
    changed: dict[int, int] = {}
    taken: set[int] = set()
    for _ratio, _distance, j, i in sorted(candidates, reverse=True):
        if j in changed or i in taken:
            continue
        changed[j] = i
        taken.add(i)
    matched_old = set(same.values()) | taken
    return Alignment(
        same=same,
        changed=changed,
        added=[j for j in range(len(new)) if j not in same and j not in changed],
        removed=[i for i in range(len(old)) if i not in matched_old],
    )
