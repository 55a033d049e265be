from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from verify.engine.documents import DocumentError, iter_article_files, read_document

HEADER = (
    "Headline: Allies told guarantees come later\n"
    "Outlet: Kyiv Post\n"
    "URL: https://example.org/story\n"
    "Published: 2025-11-26T10:30:00Z\n"
    "Byline: A. Reporter\n"
    "External-ID: kp-1\n"
    "Role: draft\n"
    "\n"
)
BODY = "The minister said talks would resume. Officials agreed.\n"


def test_txt_header_fields_are_read_and_body_starts_after_blank_line(write_file):
    document = read_document(write_file("a.txt", HEADER + BODY))
    # header fields
    assert document.headline == "Allies told guarantees come later"
    assert document.external_id == "kp-1"
    assert document.published_at == datetime(2025, 11, 26, 10, 30, tzinfo=UTC)
    # the body is the text after the header, exactly
    assert document.body == BODY


def test_txt_without_header_is_all_body_with_stem_as_external_id(write_file):
    text = "Breaking: a first line that looks like a key.\nMore text.\n"
    document = read_document(write_file("story-42.txt", text))
    assert document.body == text
    assert document.external_id == "story-42"
    assert document.role is None


def test_crlf_header_and_body_keep_their_line_endings(write_file):
    raw = HEADER.replace("\n", "\r\n") + "One.\r\nTwo.\r\n"
    document = read_document(write_file("crlf.txt", raw))
    assert document.body == "One.\r\nTwo.\r\n"
    assert document.outlet == "Kyiv Post"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("", "empty"),
        ("   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"Caf\xe9 society reported.", "not valid UTF-8"),
        ("Headline: x\nColour: blue\n\nBody.", "unknown header key 'Colour'"),
        ("Headline: x\nPublished: 26/11/2025\n\nBody.", "invalid date"),
        ("Headline: x\nPublished: 0001-01-01T00:00+14:00\n\nBody.", "invalid date"),
        ("Headline: x\nRole: opinion\n\nBody.", "invalid role"),
        ("Headline: x\nURL: javascript:alert(1)\n\nBody.", "invalid URL"),
        ("Headline: x\nHeadline: y\n\nBody.", "appears twice"),
        ("Headline: only a header\n", "not followed by any article text"),
        ("Headline: x\nthis is not a header line\n\nBody.", "not 'Key: value'"),
        ("Text with a stray \x07 bell.", "control characters"),
    ],
)
def test_bad_txt_input_gets_a_clear_error(write_file, content, problem):
    with pytest.raises(DocumentError, match=problem):
        read_document(write_file("bad.txt", content))


def test_body_over_the_size_limit_is_refused(write_file):
    path = write_file("big.txt", "Word. " * 400)
    with pytest.raises(DocumentError, match="over the limit of 1,000 bytes"):
        read_document(path, max_body_bytes=1000)


def test_json_article_fields_are_read(write_file):
    data = {
        "external_id": "wire-7",
        "headline": "Wire report",
        "body": BODY,
        "outlet": "Wire",
        "published_at": "2025-11-25",
        "role": "reference",
    }
    document = read_document(write_file("a.json", json.dumps(data)))
    assert document.role == "reference"
    assert document.published_at == datetime(2025, 11, 25, tzinfo=UTC)
    assert document.body == BODY


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({"external_id": "x", "headline": "h"}, "missing required field"),
        ({"external_id": "x", "headline": "h", "body": "b", "colour": "blue"}, "unknown field"),
        ({"external_id": "x", "headline": "h", "body": 5}, "must be a string"),
        ({"external_id": "x y", "headline": "h", "body": "b"}, "invalid external id"),
        (["not", "an", "object"], "one object"),
    ],
)
def test_bad_json_input_gets_a_clear_error(write_file, data, problem):
    with pytest.raises(DocumentError, match=problem):
        read_document(write_file("bad.json", json.dumps(data)))


def test_malformed_json_names_the_problem(write_file):
    with pytest.raises(DocumentError, match="invalid JSON"):
        read_document(write_file("bad.json", '{"external_id": "x",'))


def test_html_main_text_is_extracted_without_page_chrome(write_file):
    html = """<html><head><title>Talks resume | Example News</title>
    <meta property="og:site_name" content="Example News"></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Talks resume</h1>
    <p>The foreign minister said on Tuesday that talks with the delegation would resume next
    week in Geneva, according to two officials familiar with the plans.</p>
    <p>The officials, who spoke on condition of anonymity, said the draft had 22 points and
    that both sides expected a long negotiation before any agreement could be signed.</p>
    </article><footer>Copyright Example News. All rights reserved.</footer></body></html>"""
    document = read_document(write_file("page.html", html))
    assert "talks with the delegation would resume" in document.body
    assert "Home" not in document.body
    assert document.external_id == "page"


def test_html_without_article_text_is_refused(write_file):
    with pytest.raises(DocumentError, match="no article text"):
        read_document(
            write_file("empty.html", "<html><body><script>var a = 1;</script></body></html>")
        )


def test_unsupported_suffix_is_refused(write_file):
    with pytest.raises(DocumentError, match=r"unsupported file type '\.pdf'"):
        read_document(write_file("story.pdf", "text"))


def test_folders_yield_supported_files_in_order_and_skip_hidden(write_file, tmp_path):
    write_file("b.txt", "B.")
    write_file("a.json", "{}")
    write_file("notes.md", "skip me")
    write_file(".hidden/c.txt", "C.")
    write_file("sub/d.html", "<p>D</p>")
    names = [p.name for p in iter_article_files([tmp_path])]
    assert names == ["a.json", "b.txt", "d.html"]


def test_missing_path_is_reported(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file"):
        list(iter_article_files([tmp_path / "nope"]))
