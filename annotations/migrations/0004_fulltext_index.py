"""The full-text index over sentences: FTS5 on SQLite, a stored tsvector with GIN on PostgreSQL.

Both index ``Sentence.search_text``, which the application fills with the cross-check engine's
normalised tokens (only ``[a-z0-9]`` words), so that both databases tokenise it identically.

SQLite: an external-content FTS5 table kept in step by triggers. Django rebuilds a SQLite table
for some later ALTERs, which drops its triggers: a later migration that alters
``annotations_sentence`` must run ``SQLITE_TRIGGERS`` again.
"""

from django.db import migrations

SQLITE_TABLE = """
CREATE VIRTUAL TABLE annotations_sentence_fts USING fts5(
    search_text, content='annotations_sentence', content_rowid='id', tokenize='unicode61'
)
"""
SQLITE_TRIGGERS = [
    """CREATE TRIGGER annotations_sentence_fts_insert AFTER INSERT ON annotations_sentence BEGIN
        INSERT INTO annotations_sentence_fts(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    """CREATE TRIGGER annotations_sentence_fts_delete AFTER DELETE ON annotations_sentence BEGIN
        INSERT INTO annotations_sentence_fts(annotations_sentence_fts, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
    END""",
    """CREATE TRIGGER annotations_sentence_fts_update
    AFTER UPDATE OF search_text ON annotations_sentence BEGIN
        INSERT INTO annotations_sentence_fts(annotations_sentence_fts, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
        INSERT INTO annotations_sentence_fts(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS annotations_sentence_fts_insert",
    "DROP TRIGGER IF EXISTS annotations_sentence_fts_delete",
    "DROP TRIGGER IF EXISTS annotations_sentence_fts_update",
    "DROP TABLE IF EXISTS annotations_sentence_fts",
]

POSTGRES = [
    """ALTER TABLE annotations_sentence ADD COLUMN search_vector tsvector
       GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED""",
    "CREATE INDEX annotations_sentence_search_gin ON annotations_sentence USING GIN (search_vector)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS annotations_sentence_search_gin",
    "ALTER TABLE annotations_sentence DROP COLUMN IF EXISTS search_vector",
]


def create_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": [SQLITE_TABLE, *SQLITE_TRIGGERS], "postgresql": POSTGRES}
    if vendor not in statements:
        raise RuntimeError(f"No full-text index for the {vendor} database.")
    for statement in statements[vendor]:
        schema_editor.execute(statement)
    if vendor == "sqlite":
        schema_editor.execute(
            "INSERT INTO annotations_sentence_fts(annotations_sentence_fts) VALUES ('rebuild')"
        )


def drop_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in {"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}.get(vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("annotations", "0003_crosscheck")]

    operations = [migrations.RunPython(create_index, drop_index)]
