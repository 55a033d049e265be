from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from annotations.models import Source
from tests.factories import SourceFactory


@pytest.fixture
def anonymous(db) -> Source:
    """An anonymous source in the registry (the seed article's name for one), with none of
    the standards fields: they belong to each use."""
    return SourceFactory.create(name="a senior Ukrainian source", kind=Source.Kind.ANONYMOUS)


@pytest.fixture
def latest_schema_afterwards():
    """For a test that migrates backwards and forwards: whatever it migrated to, the tests
    after it get every migration."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
