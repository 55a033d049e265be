"""verify.engine.origins: where a sentence's information comes from (the cross-check's echo test
rests on it), through the public analyze() and origins()."""

from __future__ import annotations

from verify.engine.analysis import analyze
from verify.engine.origins import Span, origins


def sentence_origins(text: str) -> tuple[str, ...]:
    (item,) = analyze(text)
    spans = [
        Span(a.source, a.via, a.source_start, a.source_end, a.cue_start, a.cue_end)
        for a in item.attributions
    ]
    return origins(spans, text=item.sentence.text, start=item.sentence.start)


def test_origin_is_the_reporting_source_not_the_subject_it_reports_on():
    names = sentence_origins("A senior source told CNN that Kyiv rejected three points.")
    assert "Kyiv" not in names and "CNN" in names


def test_origin_of_a_nested_report_is_the_outlet_that_relayed_it():
    names = sentence_origins("Politico first reported that Marco Rubio told officials on Tuesday.")
    assert "Politico" in names and "Marco Rubio" not in names


def test_trailing_attribution_is_the_origin_of_what_precedes_it():
    names = sentence_origins(
        "Rubio said Trump plans to negotiate new measures, the diplomats said."
    )
    assert names == ("the diplomats",)
