"""The standards desk in a real browser (issue 13, items 1, 2 and 4): an anonymous source's
standards fields in the panel, a refused change of a submitted sentence, a blocked sign-off
listing its blockers."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from annotations.models import Annotation, AnnotationStatus, Attribution, Source
from tests.e2e.test_desk_flow import BODY, claim_ids, log_in, sentence
from tests.factories import (
    ArticleFactory,
    SubmittedAnnotationFactory,
    UserFactory,
    claims_of,
    contradiction,
    make_article,
)

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def test_the_panel_asks_for_and_shows_an_anonymous_sources_standards(
    live_server, page: Page, artifacts, transactional_db
):
    UserFactory(username="editor", role="editor")
    article = make_article("e2e-anon", body=BODY)
    third = claim_ids(article)[2]
    log_in(page, live_server.url, "editor")
    page.goto(f"{live_server.url}/desk/articles/{article.pk}/#s-{third}")
    panel = page.locator(".panel-inner")

    # Every suggestion accepted with the 'a' key (the anonymous source among them) without the
    # fields: the panel says what is missing and submitting is refused with the sentence and
    # the fields named.
    suggestions = panel.locator(".attr.is-suggestion")
    expect(suggestions.first).to_be_visible()
    for left in range(suggestions.count() - 1, -1, -1):
        page.keyboard.press("a")
        expect(suggestions).to_have_count(left)
    anonymous = panel.locator(".attr", has_text="a senior Ukrainian source").first
    expect(anonymous.locator(".anon-facts .missing")).to_contain_text("why anonymity was granted")
    page.keyboard.press("2")
    page.keyboard.press("s")
    expect(panel.locator("[data-messages]")).to_contain_text("Sentence 3 rests on an anonymous")
    page.screenshot(path=str(artifacts / "panel-anonymous-source-missing.png"), full_page=True)

    # The attribution's edit form records them (on every attribution resting on the anonymous
    # source, itself or one it relays); the panel shows them and submitting works.
    lacking = panel.locator(".attr", has=page.locator(".anon-facts .missing"))
    for left in range(lacking.count() - 1, -1, -1):
        attribution_item = lacking.first
        attribution_item.locator("summary", has_text="Edit").click()
        form = attribution_item.locator("form.attr-form")
        form.locator("textarea[name=anonymity_reason]").fill(
            "Not authorised to speak on the talks."
        )
        form.locator("select[name=in_position_to_know]").select_option("true")
        form.locator("select[name=identity_known_to_editor]").select_option("true")
        form.get_by_role("button", name="Save attribution").click()
        expect(lacking).to_have_count(left)
    expect(anonymous.locator(".anon-facts")).to_contain_text("Identity known to an editor: yes")
    page.keyboard.press("s")
    expect(sentence(page, third)).to_have_class(re.compile(r"st-submitted"))
    page.screenshot(path=str(artifacts / "panel-anonymous-source.png"), full_page=True)
    attribution = Attribution.objects.get(
        sentence_id=third, source__kind=Source.Kind.ANONYMOUS, is_suggestion=False
    )
    assert attribution.anonymity_reason == "Not authorised to speak on the talks."


def test_a_key_on_a_submitted_sentence_is_refused_and_withdraw_opens_it(
    live_server, page: Page, transactional_db
):
    editor = UserFactory(username="editor", role="editor")
    note = SubmittedAnnotationFactory.create(annotator=editor)
    log_in(page, live_server.url, "editor")
    page.goto(f"{live_server.url}/desk/articles/{note.sentence.article_id}/#s-{note.sentence_id}")
    panel = page.locator(".panel-inner")
    expect(panel.locator("[data-refusal]")).to_contain_text("withdraw it from review")

    page.keyboard.press("1")
    expect(page.locator("#toast")).to_contain_text("withdraw it from review")
    assert Annotation.objects.get(pk=note.pk).status == AnnotationStatus.SUBMITTED

    page.keyboard.press("w")
    expect(panel.locator("[data-field=status]")).to_have_text("Draft")
    page.keyboard.press("1")
    expect(sentence(page, note.sentence_id)).to_have_class(re.compile(r"conf-confirmed"))


def test_the_summary_lists_what_blocks_sign_off(
    live_server, page: Page, artifacts, transactional_db
):
    UserFactory(username="reviewer", role="reviewer")
    article = ArticleFactory.create(states="approved")
    claim = claims_of(article)[1]
    contradiction(claim, outlet="Reuters")
    log_in(page, live_server.url, "reviewer")
    page.goto(f"{live_server.url}/desk/articles/{article.pk}/summary/")

    blockers = page.locator("#blockers li")
    expect(blockers).to_have_count(1)
    expect(blockers.first).to_contain_text("contradicted by the cross-checks (Reuters)")
    expect(page.locator("#sign-off")).to_have_count(0)
    page.screenshot(path=str(artifacts / "summary-blocked-sign-off.png"), full_page=True)
    blockers.first.get_by_role("link", name="Sentence 2").click()
    expect(page.locator(".panel-inner")).to_have_attribute("data-sentence", str(claim.pk))


def test_a_refused_request_for_changes_shows_in_its_queue_row(
    live_server, page: Page, transactional_db
):
    editor = UserFactory(username="editor", role="editor")
    UserFactory(username="reviewer", role="reviewer")
    note = SubmittedAnnotationFactory.create(annotator=editor)
    log_in(page, live_server.url, "reviewer")
    page.goto(f"{live_server.url}/desk/review/")
    row = page.locator(f'tr[data-annotation-id="{note.pk}"]')

    row.get_by_text("Request changes").click()
    row.locator("textarea[name=comment]").fill("   ")
    row.get_by_role("button", name="Send back").click()

    expect(row.locator("[data-messages]")).to_contain_text("a comment is required")
    expect(row.locator("[data-field=status]")).to_have_text("Submitted")
