from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

from annotations.models import Article
from tests.conftest import seed_body

pytestmark = pytest.mark.django_db

STORY = (
    "Headline: Guarantees later\n"
    "Outlet: Example Post\n"
    "External-ID: ep-7\n"
    "\n"
    "Politico first reported that Secretary of State Marco Rubio told allies on Tuesday that "
    "guarantees would come later.\n"
    "He added that Washington wants the package finalized quickly.\n"
)


def analyze(*args: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("analyze", *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def test_json_is_one_object_per_file_with_header_fields(write_file, seed_path):
    story = write_file("story.txt", STORY)
    code, out, _ = analyze(str(story), str(seed_path), "--format", "json")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [r["path"] for r in records] == [str(story), str(seed_path)]
    assert records[0]["external_id"] == "ep-7" and records[0]["headline"] == "Guarantees later"
    assert set(records[0]["sentences"][0]) == {
        "index",
        "paragraph",
        "start",
        "end",
        "text",
        "kind",
        "attributions",
    }


def test_json_offsets_index_into_the_body_as_read(write_file, seed_path):
    story = write_file("story.txt", STORY)
    _, out, _ = analyze(str(story), str(seed_path), "--format", "json")
    bodies = [STORY.split("\n\n", 1)[1], seed_body()]
    for body, line in zip(bodies, out.splitlines(), strict=True):
        for sentence in json.loads(line)["sentences"]:
            assert body[sentence["start"] : sentence["end"]] == sentence["text"]
            for a in sentence["attributions"]:
                assert sentence["start"] <= a["source_start"] < a["source_end"] <= sentence["end"]
                assert body[a["cue_start"] : a["cue_end"]] == a["cue"]


def test_nested_attribution_and_pronoun_are_resolved(write_file):
    _, out, _ = analyze(str(write_file("story.txt", STORY)), "--format", "json")
    first, second = json.loads(out)["sentences"]
    # "Politico first reported that Rubio told…" is Rubio via Politico
    by_kind = {a["source_kind"]: a for a in first["attributions"]}
    assert by_kind["outlet"]["source"] == "Politico"
    assert "Rubio" in by_kind["official"]["source"] and by_kind["official"]["via"] == "Politico"
    # "He added" resolves to Rubio while the span marks "He"
    (pronoun,) = second["attributions"]
    assert "Rubio" in pronoun["source"] and second["text"].startswith("He")


def test_table_fits_in_100_columns_and_lists_sources(seed_path):
    code, out, _ = analyze(str(seed_path), "--format", "table")
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= 100
    assert "Politico (outlet)" in out


def test_analyze_saves_nothing_and_reports_bad_files(write_file, seed_path):
    bad = write_file("bad.txt", b"\xff\xfe\x00binary")
    code, out, err = analyze(str(seed_path), str(bad), "--format", "json")
    assert code == 1 and f"{bad}: the file looks binary" in err
    assert len(out.splitlines()) == 1
    assert Article.objects.count() == 0


def test_json_output_of_the_real_command_is_pure_json_lines(seed_path):
    import subprocess
    import sys

    from tests.conftest import REPO

    result = subprocess.run(
        [sys.executable, "manage.py", "analyze", str(seed_path), "--format", "json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["external_id"] == seed_path.stem
