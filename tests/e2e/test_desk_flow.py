"""The desk end to end in a real browser: annotate from the keyboard, review, sign off."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Dialog, Locator, Page, expect

from annotations.models import Article, ArticleStatus, Sentence, SentenceKind
from tests.factories import UserFactory, make_article

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery"
BODY = (
    "Talks will resume next week, the foreign minister said on Tuesday.\n"
    "The draft has 22 points, according to two officials familiar with the plan.\n"
    "Kyiv rejected three of them, a senior Ukrainian source told CNN.\n"
    "Follow our coverage on @example_news.\n"
)


def log_in(page: Page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/desk/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(f"{base_url}/desk/")


def claim_ids(article: Article) -> list[int]:
    return list(
        Sentence.objects.filter(article=article, kind=SentenceKind.CLAIM)
        .order_by("index")
        .values_list("pk", flat=True)
    )


def sentence(page: Page, pk: int) -> Locator:
    return page.locator(f"#s-{pk}")


def queue_row(page: Page, pk: int):
    return page.locator(f"tr:has(a[href$='#s-{pk}'])")


def accept_every_suggestion(page: Page) -> None:
    """Accept the panel's suggestions with <a>, one by one (sign-off needs every suggestion
    resolved), giving an anonymous source its standards fields first."""
    panel = page.locator(".panel-inner")
    while (left := panel.locator(".attr.is-suggestion").count()) > 0:
        fields = panel.locator('form[data-key="accept"] [data-standards-fields]')
        if fields.count():
            fields.locator("textarea[name=anonymity_reason]").fill("Not authorised to speak.")
            fields.locator("select[name=in_position_to_know]").select_option("true")
            fields.locator("select[name=identity_known_to_editor]").select_option("true")
            page.keyboard.press("Escape")  # out of the form, so the key acts on the panel
        page.keyboard.press("a")
        expect(panel.locator(".attr.is-suggestion")).to_have_count(left - 1)


def test_editor_annotates_by_keyboard_reviewer_reviews_and_signs_off(
    live_server, browser: Browser, artifacts, transactional_db
):
    UserFactory(username="editor", role="editor")
    UserFactory(username="reviewer", role="reviewer")
    article = make_article("e2e-flow", body=BODY)
    first, second, third = claim_ids(article)
    base = live_server.url

    # The editor annotates three sentences with the keyboard only; the page never reloads.
    editor_context = browser.new_context(viewport={"width": 1400, "height": 900})
    editor = editor_context.new_page()
    log_in(editor, base, "editor")
    editor.goto(f"{base}/desk/articles/{article.pk}/")
    editor.evaluate("window.__sameDocument = true")
    for pk, digit, tint in (
        (first, "1", "confirmed"),
        (second, "3", "single_source"),
        (third, "2", "corroborated"),
    ):
        editor.keyboard.press("j")
        expect(editor.locator(".panel-inner")).to_have_attribute("data-sentence", str(pk))
        accept_every_suggestion(editor)
        for key in (digit, "s"):
            editor.keyboard.press(key)
        expect(sentence(editor, pk)).to_have_class(re.compile(rf"conf-{tint}\b.*st-submitted"))
    assert editor.evaluate("window.__sameDocument") is True
    expect(sentence(editor, first).locator(".badge")).not_to_have_class(re.compile("suggested"))
    editor.screenshot(path=str(artifacts / "annotation-page.png"), full_page=True)

    # The reviewer sends one back with a comment and approves the other two in the queue.
    reviewer_context = browser.new_context(viewport={"width": 1400, "height": 900})
    reviewer = reviewer_context.new_page()
    log_in(reviewer, base, "reviewer")
    reviewer.goto(f"{base}/desk/review/")
    expect(reviewer.locator("tr.queue-row")).to_have_count(3)
    reviewer.screenshot(path=str(artifacts / "review-queue.png"), full_page=True)
    row = queue_row(reviewer, first)
    row.get_by_text("Request changes").click()
    row.locator("textarea[name=comment]").fill("Name the minister: which country?")
    row.get_by_role("button", name="Send back").click()
    expect(row.locator("[data-field=status]")).to_have_text("Changes requested")
    queue_row(reviewer, second).locator("input[name=ids]").check()
    queue_row(reviewer, third).locator("input[name=ids]").check()
    reviewer.get_by_role("button", name="Approve selected").click()
    expect(queue_row(reviewer, third).locator("[data-field=status]")).to_have_text("Approved")
    expect(queue_row(reviewer, second).locator("[data-field=status]")).to_have_text("Approved")

    # The editor reads the comment, fixes the sentence and submits it again.
    editor.goto(f"{base}/desk/")
    editor.get_by_role("link", name=article.headline).click()
    expect(sentence(editor, first)).to_have_class(re.compile(r"st-changes_requested"))
    editor.keyboard.press("j")
    expect(editor.locator(".thread")).to_contain_text("Name the minister")
    editor.keyboard.press("4")
    editor.keyboard.press("s")
    expect(sentence(editor, first)).to_have_class(re.compile(r"conf-unverified\b.*st-submitted"))
    editor.screenshot(path=str(artifacts / "annotation-page-resubmitted.png"), full_page=True)

    # The reviewer approves it and signs the article off on the summary page.
    reviewer.goto(f"{base}/desk/review/")
    queue_row(reviewer, first).get_by_role("button", name="Approve").click()
    expect(queue_row(reviewer, first).locator("[data-field=status]")).to_have_text("Approved")
    reviewer.goto(f"{base}/desk/articles/{article.pk}/summary/")
    reviewer.get_by_role("button", name="Sign off the article").click()
    expect(reviewer.locator("#article-status")).to_have_text("Signed off")
    reviewer.screenshot(path=str(artifacts / "summary.png"), full_page=True)
    assert Article.objects.get(pk=article.pk).status == ArticleStatus.SIGNED_OFF
    editor_context.close()
    reviewer_context.close()


def test_a_script_in_a_note_shows_as_text_and_never_runs(live_server, page: Page, transactional_db):
    UserFactory(username="editor", role="editor")
    article = make_article("e2e-xss", body=BODY)
    dialogs: list[str] = []

    def record(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    log_in(page, live_server.url, "editor")
    page.goto(f"{live_server.url}/desk/articles/{article.pk}/#s-{claim_ids(article)[0]}")

    page.locator("textarea[name=note]").fill("<script>alert(1)</script>")
    page.get_by_role("button", name="Save note").click()
    expect(page.locator(".panel-msg")).to_have_text("Saved.")
    page.locator("details.history summary", has_text="Changes").click()
    expect(page.locator(".log ins", has_text="alert(1)")).to_have_text("<script>alert(1)</script>")
    page.reload()
    expect(page.locator("textarea[name=note]")).to_have_value("<script>alert(1)</script>")
    assert dialogs == []


def test_a_user_without_a_desk_role_gets_403(live_server, page: Page, transactional_db):
    UserFactory(username="outsider")
    log_in_page = page.goto(f"{live_server.url}/accounts/login/")
    assert log_in_page is not None
    page.get_by_label("Username").fill("outsider")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("h1")).to_have_text("Not allowed")
    response = page.goto(f"{live_server.url}/desk/review/")
    assert response is not None and response.status == 403
