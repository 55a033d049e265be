"""The calibrated decision: logistic models fitted deterministically over the signals."""

from __future__ import annotations

import importlib
import json

import pytest

from verify.engine.crosscheck import Passage, embedding
from verify.engine.crosscheck.compare import CONFLICT_SCORE, assess
from verify.engine.crosscheck.decision import (
    EMBEDDING,
    EMBEDDING_WEIGHTS_FILE,
    FEATURES,
    NEAR,
    WEIGHTS_FILE,
    Model,
    fit,
    models,
)
from verify.engine.vocabulary import Relation

# The module (the package exports its function ``compare`` under the same name).
compare_module = importlib.import_module("verify.engine.crosscheck.compare")


def test_fit_separates_a_separable_table_deterministically():
    rows = [
        ({"evidence": e, "names": n}, int(e + n > 1.0))
        for e in (0.1, 0.4, 0.7, 0.9)
        for n in (0.0, 0.5, 1.0)
    ]
    first = fit(rows, ("evidence", "names"), iterations=2000)
    assert fit(rows, ("evidence", "names"), iterations=2000) == first
    model = Model(*first, threshold=0.5)
    assert all(
        model.decides(f) == bool(label)
        for f, label in rows
        if abs(f["evidence"] + f["names"] - 1) > 0.2
    )


def test_the_rule_verdict_is_a_signal_the_model_weighs():
    model = Model(bias=-5.0, weights={"evidence": 4.0, "rule": 3.0}, threshold=0.5)
    assert not model.decides({"rule": 1.0, "evidence": 0.0})
    assert model.decides({"rule": 1.0, "evidence": 1.0})
    assert not model.decides({"rule": 0.0, "evidence": 1.0})
    assert model.decides({"rule": 0.0, "evidence": 1.5})


def test_the_stored_models_cover_the_features_and_were_fitted_on_dev():
    stored = json.loads(WEIGHTS_FILE.read_text("utf-8"))
    assert "dev" in stored["about"]
    for name in ("same", "conflict"):
        model = models()[name]
        assert set(model.weights) == set(FEATURES)
        assert 0.5 <= model.threshold <= 1.0


def test_the_shipped_weights_are_what_make_crosscheck_model_rebuilds():
    # The model ships only as its training script's output: a change to the signals it learns
    # from must come with a refit (``make crosscheck-model``), or this fails.
    from bench.train_crosscheck_decision import train

    shipped = json.loads(WEIGHTS_FILE.read_text("utf-8"))
    assert train() == shipped


def test_the_models_with_the_embedding_weigh_it_beside_every_other_signal():
    stored = json.loads(EMBEDDING_WEIGHTS_FILE.read_text("utf-8"))
    assert "dev" in stored["about"]
    assert set(models(embedded=True)["same"].weights) == {*FEATURES, EMBEDDING, NEAR}
    assert set(models(embedded=True)["conflict"].weights) == {*FEATURES, EMBEDDING}
    for name in ("same", "conflict"):
        assert not {EMBEDDING, NEAR} & set(models()[name].weights)


@pytest.mark.skipif(not embedding.available(), reason="sentence-embedding packages not installed")
def test_the_models_with_the_embedding_are_what_the_training_rebuilds():
    from bench.train_crosscheck_decision import dev_vectors, train

    shipped = json.loads(EMBEDDING_WEIGHTS_FILE.read_text("utf-8"))
    assert train(dev_vectors()) == shipped


BUDGET = Passage(
    text="The Harlow council approved a budget of $4.2 million on Monday.",
    outlet="Coast Wire",
    context="Harlow council budget vote.",
)
PASSED = Passage(
    text="On Monday the Harlow council passed its $4.2 million budget.",
    outlet="Daily Ledger",
    context="Harlow budget passed.",
)


def test_the_embedding_is_a_signal_only_when_the_caller_gives_it():
    without = assess(BUDGET, PASSED)
    given = assess(BUDGET, PASSED, embedding=0.8)
    assert without is not None and given is not None
    assert EMBEDDING not in without.features
    assert given.features[EMBEDDING] == 0.8
    # A negative cosine says no more than an unrelated pair's: it counts as 0.
    negative = assess(BUDGET, PASSED, embedding=-0.2)
    assert negative is not None and negative.features[EMBEDDING] == 0.0


def test_compare_decides_with_the_models_fitted_with_the_embedding_only_when_given(monkeypatch):
    asked = []

    def recorded(embedded: bool = False) -> dict[str, Model]:
        asked.append(embedded)
        return models(embedded)

    monkeypatch.setattr(compare_module, "models", recorded)
    compare_module.compare(BUDGET, PASSED)
    compare_module.compare(BUDGET, PASSED, embedding=0.8)
    assert asked == [False, True]


@pytest.mark.parametrize(
    ("score", "rule", "relation"),
    [
        # Loosely tied sentences: another fact of the story, unless the rule proves one
        # statement with the particular changed.
        (CONFLICT_SCORE - 0.05, 0.0, Relation.RELATED),
        (CONFLICT_SCORE - 0.05, 1.0, Relation.CONTRADICTS),
        # Tied closely enough for the model to weigh.
        (CONFLICT_SCORE + 0.2, 0.0, Relation.CONTRADICTS),
    ],
)
def test_a_contradiction_needs_sentences_tied_to_one_fact(monkeypatch, score, rule, relation):
    conflict = models()["conflict"]
    features = {k: float(w > 0) for k, w in conflict.weights.items()}
    features |= {"dates_differ": 1.0, "score": score, "rule": rule}
    assert conflict.decides(features)
    found = compare_module.Assessment("conflict", features, "dates differ: x vs y", "")
    monkeypatch.setattr(compare_module, "_assess", lambda *args, **kwargs: found)
    passage = Passage(text="The vote was held on Monday.", outlet="Coast Wire", context="Lead.")
    facts = compare_module._features(passage.text)
    found = compare_module._relation(passage, passage, facts, facts, None, score)
    assert found[0] is relation


def test_a_row_of_weight_zero_does_not_move_the_fit():
    rows = [({"evidence": e}, int(e > 0.5)) for e in (0.1, 0.3, 0.6, 0.9)]
    noise = [({"evidence": 0.95}, 0), ({"evidence": 0.9}, 0)]
    plain = fit(rows, ("evidence",), iterations=200)
    weighted = fit(rows + noise, ("evidence",), iterations=200, weights=[1, 1, 1, 1, 0, 0])
    assert abs(weighted[0] - plain[0]) < 1e-9
    assert abs(weighted[1]["evidence"] - plain[1]["evidence"]) < 1e-9
    down = fit(rows + noise, ("evidence",), iterations=200, weights=[1, 1, 1, 1, 1, 1])
    assert down[1]["evidence"] < plain[1]["evidence"]


@pytest.mark.parametrize(
    ("claim", "candidate", "share"),
    [
        # The same action, told by another form or a nominalisation.
        ("The council closed the bridge on Monday.", "The bridge was closed by the council.", 1.0),
        ("The council closed the bridge on Monday.", "The closure of the bridge began.", 1.0),
        # Same nouns, another action.
        ("The bank admitted the failings.", "The bank was fined over the failings.", 0.0),
        # A sentence naming no action leaves nothing to miss.
        ("The fine is the largest on record.", "The bank was fined on Thursday.", 1.0),
    ],
)
def test_the_action_share_says_whether_the_candidate_tells_the_claims_action(
    claim, candidate, share
):
    features = compare_module._features
    assert compare_module._action_share(features(claim), features(candidate)) == share
