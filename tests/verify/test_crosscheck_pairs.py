"""The cross-check engine on the hand-written newsroom pairs (bench/bench_crosscheck_pairs.py).

The held-out half is never looked at pair by pair while rules change; only its totals are.
"""

from __future__ import annotations

import pytest

from bench.bench_crosscheck_pairs import run

HELD_OUT_RELATION_ACCURACY = 0.85
ECHO_ACCURACY = 0.9


@pytest.fixture(scope="module")
def figures():
    return run()["engine"]


# Known shortfall, kept visible: strict, so the marker has to go once the target is reached.
@pytest.mark.xfail(
    strict=True,
    reason="held-out relation accuracy is 0.696 (dev 0.859); the dev misses are contradictions "
    "paraphrased without shared words, same-event sentences with no word in common and other "
    "events of the same kind whose leads share some names",
)
def test_held_out_pairs_get_the_editors_relation(figures):
    held_out = figures["held_out"]
    accuracy = held_out["relation_accuracy"]
    assert accuracy >= HELD_OUT_RELATION_ACCURACY, (
        f"held-out relation accuracy {accuracy:.3f} < {HELD_OUT_RELATION_ACCURACY}"
        f" on {held_out['pairs']} pairs; confusion (gold -> predicted): {held_out['confusion']}"
    )


def test_echoes_are_told_from_independent_reports(figures):
    for half in ("dev", "held_out"):
        accuracy = figures[half]["echo_accuracy"]
        assert accuracy >= ECHO_ACCURACY, f"{half} echo accuracy {accuracy:.3f} < {ECHO_ACCURACY}"
