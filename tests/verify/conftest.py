"""Fixtures shared by the worker's and the engine's tests."""

from __future__ import annotations

import importlib.util

import pytest

from verify.engine.crosscheck import embedding


@pytest.fixture
def nothing_installed(monkeypatch):
    """As on a machine without any of the embedding packages."""
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *args: None)
    embedding.default_encoder.cache_clear()
    embedding.default_words.cache_clear()
    yield
    embedding.default_encoder.cache_clear()
    embedding.default_words.cache_clear()
