"""The standards desk in a real browser (issue 13): the queue's flags and keys, the
cross-check panel's progress and links, and marking source and cue spans in the text."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from annotations.models import Attribution
from tests.e2e.test_desk_flow import claim_ids, log_in, sentence
from tests.factories import UserFactory, claims_of, make_article, submitted_through_services

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

WIRE = "Kyiv rejected capping its army at 800,000 troops, a Ukrainian official told Reuters.\n"
DRAFT = (
    "Kyiv rejected capping its army at 600,000 troops, a senior source told CNN.\n"
    "Talks will resume next week, the foreign minister said on Tuesday.\n"
)
SPANS = (
    "Talks will resume next week, the foreign minister said on Tuesday.\n"
    "Kyiv rejected three of them, a senior Ukrainian source told CNN.\n"
)


def new_page(browser: Browser) -> Page:
    return browser.new_context(viewport={"width": 1400, "height": 900}).new_page()


def test_queue_flags_keys_and_a_refused_request_shown_on_its_row(
    live_server, browser: Browser, artifacts, transactional_db
):
    editor = UserFactory.create(username="editor", role="editor")
    UserFactory(username="reviewer", role="reviewer")
    make_article("wire", body=WIRE, role="reference")
    draft = make_article("draft", body=DRAFT)
    contradicted, plain = (submitted_through_services(s, editor) for s in claims_of(draft))
    page = new_page(browser)
    log_in(page, live_server.url, "reviewer")
    page.goto(f"{live_server.url}/desk/review/")

    # The contradicted claim carries its flag; the keys are shown above the queue.
    first = page.locator(f'tr[data-annotation-id="{contradicted.pk}"]')
    expect(first.locator(".flag-contradicted")).to_have_text("Contradicted (1) · not acknowledged")
    # The other rests on an unnamed minister only, and nothing contradicts it.
    other = page.locator(f'tr[data-annotation-id="{plain.pk}"]')
    expect(other.locator(".flag-anonymous")).to_have_text("Anonymous only")
    expect(other.locator(".flag-contradicted")).to_have_count(0)
    expect(page.locator("#queue-keys")).to_contain_text("request changes")
    page.screenshot(path=str(artifacts / "review-queue-flags.png"), full_page=True)

    # j selects the first row; r opens its comment. An empty one is stopped by the browser
    # (the field is required); one of spaces is refused by the service, on the row.
    page.keyboard.press("j")
    expect(first).to_have_class(re.compile(r"\bcurrent\b"))
    page.keyboard.press("r")
    comment = first.locator("textarea[name=comment]")
    expect(comment).to_be_focused()
    page.keyboard.press("Control+Enter")
    expect(first.locator("textarea[name=comment]:invalid")).to_have_count(1)
    page.keyboard.type("   ")
    page.keyboard.press("Control+Enter")
    expect(first.locator("[data-messages]")).to_have_text(
        "Say what needs to change: a comment is required."
    )
    expect(first.locator("[data-field=status]")).to_have_text("Submitted")

    # Escape leaves the comment; j moves on and a approves the second row.
    page.keyboard.press("Escape")
    page.keyboard.press("j")
    page.keyboard.press("a")
    expect(other.locator("[data-field=status]")).to_have_text("Approved")
    page.context.close()


def test_crosscheck_panel_counts_the_article_and_links_each_match(
    live_server, browser: Browser, transactional_db
):
    UserFactory(username="editor", role="editor")
    reference = make_article("wire", body=WIRE, role="reference")
    draft = make_article("draft", body=DRAFT)
    page = new_page(browser)
    log_in(page, live_server.url, "editor")
    page.goto(f"{live_server.url}/desk/articles/{draft.pk}/")

    expect(page.locator("#crosscheck [data-xc-text]")).to_contain_text("2 of 2 claims checked")
    page.keyboard.press("j")
    match = page.locator(".panel-inner .xc-contradicts").first
    expect(match.locator(".xc-reason")).to_contain_text("600,000 vs 800,000")  # engine's words
    match.locator("a.xc-link").click()

    target = reference.sentences.get()
    expect(page).to_have_url(re.compile(rf"/desk/articles/{reference.pk}/text/#s-{target.pk}$"))
    expect(page.locator(f"#s-{target.pk}")).to_have_text(WIRE.strip())
    expect(page.locator(f"#s-{target.pk}:target")).to_have_count(1)
    page.context.close()


def words_box(page: Page, pk: int, words: str) -> dict[str, float]:
    """Where ``words`` sit on screen in the sentence's text (first and last character)."""
    return page.evaluate(
        """([pk, words]) => {
            const holder = document.querySelector('#s-' + pk + ' .s-text');
            const at = holder.textContent.indexOf(words);
            // The text may be split by highlights: find the text node of character i.
            const place = (i) => {
                const walker = document.createTreeWalker(holder, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    if (i < node.length) return [node, i];
                    i -= node.length;
                }
                throw new Error('offset past the text');
            };
            const rect = (i) => { const [node, offset] = place(i); const r = document.createRange();
                r.setStart(node, offset); r.setEnd(node, offset + 1);
                return r.getBoundingClientRect(); };
            const a = rect(at), b = rect(at + words.length - 1);
            return {x1: a.left + 1, y1: a.top + a.height / 2,
                    x2: b.right - 1, y2: b.top + b.height / 2};
        }""",
        [pk, words],
    )


def test_editor_marks_source_with_the_mouse_and_cue_with_the_keyboard(
    live_server, browser: Browser, artifacts, transactional_db
):
    UserFactory(username="editor", role="editor")
    article = make_article("spans", body=SPANS)
    first, pk = claim_ids(article)
    page = new_page(browser)
    log_in(page, live_server.url, "editor")
    page.goto(f"{live_server.url}/desk/articles/{article.pk}/")

    # Selecting a sentence shows its suggested cue in the running text.
    page.keyboard.press("j")
    expect(page.locator(".panel-inner")).to_have_attribute("data-sentence", str(first))
    expect(sentence(page, first).locator("mark.hl-cue.hl-suggested")).to_have_text("said")

    # The mouse selects words of the next sentence; the tool marks them there.
    box = words_box(page, pk, "a senior Ukrainian source")
    page.mouse.move(box["x1"], box["y1"])
    page.mouse.down()
    page.mouse.move(box["x2"], box["y2"], steps=5)
    page.mouse.up()
    page.locator("#mark-tool").get_by_role("button", name="Mark as source").click()
    expect(page.locator("#mark-tool")).to_be_hidden()
    expect(page.locator(".panel-inner")).to_have_attribute("data-sentence", str(pk))
    expect(sentence(page, first).locator("mark")).to_have_count(0)
    form = page.locator("[data-add-attribution] form.attr-form")
    expect(form.locator("[data-marked]")).to_contain_text(
        "Source marked: “a senior Ukrainian source”"
    )
    form.locator("[data-source-search]").first.fill("Ukrainian")
    form.locator(".picker-results button.pick").first.click()

    # The keyboard marks the cue in the word strip: Home, ten words right, c.
    strip = page.locator("[data-word-picker]")
    strip.focus()
    page.keyboard.press("Home")
    for _ in range(10):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("c")
    expect(form.locator('input[name="cue"]')).to_have_value("told")
    page.screenshot(path=str(artifacts / "marking-spans.png"), full_page=True)
    form.get_by_role("button", name="Add attribution").click()
    expect(page.locator(".panel-msg").first).to_contain_text("Attribution saved.")

    # Saved with exact offsets, and shown as accepted in the running text.
    saved = Attribution.objects.get(sentence_id=pk, is_suggestion=False)
    body = article.body
    assert body[saved.source_start : saved.source_end] == "a senior Ukrainian source"
    assert body[saved.cue_start : saved.cue_end] == "told" and saved.cue == "told"
    expect(sentence(page, pk).locator("mark.hl-source:not(.hl-suggested)")).to_have_text(
        "a senior Ukrainian source"
    )
    page.context.close()
