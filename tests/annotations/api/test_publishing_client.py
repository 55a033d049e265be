"""The publishing system's whole conversation with the desk, over HTTP against a live server.

A client written only against the documented contract (stdlib HTTP, tokens, the README's
signature recipe, not the project's own helpers): it pushes an article the desk has never
seen, reads it back, races two editors on one sentence, replays a stale version, has the
sourcing reviewed and signed off, waits for the signed webhook, verifies its signature and
fetches the article from the URL it carries.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
import urllib.error
import urllib.request
from typing import Any

import pytest

from annotations.models import WebhookEndpoint
from annotations.services.tokens import issue_token
from tests.annotations.api.receiver import Receiver
from tests.factories import STANDARDS

pytestmark = pytest.mark.django_db(transaction=True)

SECRET = "publishing-system-secret"
BODY = (
    "Ukraine will not cede territory, President Zelensky said on Sunday.\n\n"
    "The draft plan has 28 points, according to two officials familiar with it.\n\n"
    "A senior European diplomat told Politico that talks could resume next week.\n"
)


class Api:
    """A token client for ``/api/v1/`` that returns (status, JSON body)."""

    def __init__(self, base: str, token: str) -> None:
        self.base, self.token = base, token

    def call(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        url = path if path.startswith("http") else f"{self.base}/api/v1/{path}"
        request = urllib.request.Request(  # noqa: S310 (the live server on 127.0.0.1)
            url,
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"Token {self.token}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")


def verify(header: str, body: bytes, secret: str, *, tolerance: int = 300) -> bool:
    """The README's recipe: HMAC-SHA256 over "<t>.<raw body>", compared in constant time."""
    parts = dict(item.split("=", 1) for item in header.split(","))
    expected = hmac.new(secret.encode(), f"{parts['t']}.".encode() + body, hashlib.sha256)
    fresh = abs(time.time() - int(parts["t"])) <= tolerance
    return fresh and hmac.compare_digest(expected.hexdigest(), parts["v1"])


@pytest.fixture
def apis(live_server, settings, publisher, editor, second_editor, reviewer):
    settings.SOURCEDESK_BASE_URL = live_server.url

    def api(user) -> Api:
        return Api(live_server.url, issue_token(user=user)[1])

    return {
        "publisher": api(publisher),
        "editor": api(editor),
        "second_editor": api(second_editor),
        "reviewer": api(reviewer),
    }


def test_push_read_race_replay_sign_off_and_verify_the_webhook(apis, receiver: Receiver):
    WebhookEndpoint.objects.create(name="CMS", url=receiver.url, secret=SECRET)
    publisher, editor, rival, reviewer = (
        apis[k] for k in ("publisher", "editor", "second_editor", "reviewer")
    )

    # Push an unseen article, push it again, read it back by id and by external id.
    article = {"external_id": "cms-4711", "headline": "Peace plan", "body": BODY}
    status, created = publisher.call("POST", "articles/", article)
    assert status == 201 and created["action"] == "created"
    status, again = publisher.call("POST", "articles/", article)
    assert status == 200 and again["action"] == "unchanged"
    article_id = created["article"]["id"]
    status, detail = publisher.call("GET", f"articles/{article_id}/")
    assert status == 200 and detail["external_id"] == "cms-4711"
    assert publisher.call("GET", "articles/lookup/?external_id=cms-4711") == (200, detail)
    claims = [s for s in detail["sentences"] if s["kind"] == "claim"]
    assert len(claims) == 3
    assert all(BODY[s["start"] : s["end"]] == s["text"] for s in detail["sentences"])
    assert all(s["annotation"]["status"] == "draft" for s in claims)
    named = {a["source"]["name"] for s in claims for a in s["attributions"]}
    via = {a["via"]["name"] for s in claims for a in s["attributions"] if a["via"]}
    # via is any relaying source: the told outlet, and the officials the draft plan is known by
    assert "Zelensky" in named and via == {"Politico", "two officials"}

    # Two editors save the same sentence from the same version at the same moment.
    target = claims[1]["id"]
    version = editor.call("GET", f"sentences/{target}/annotation/")[1]["version"]
    barrier = threading.Barrier(2)
    results: dict[str, tuple[int, Any]] = {}

    def save(name: str, api: Api, confidence: str) -> None:
        barrier.wait()
        results[name] = api.call(
            "PATCH",
            f"sentences/{target}/annotation/",
            {"version": version, "confidence": confidence},
        )

    threads = [
        threading.Thread(target=save, args=("editor", editor, "corroborated")),
        threading.Thread(target=save, args=("rival", rival, "single_source")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(code for code, _ in results.values()) == [200, 409]
    winner = next(name for name, (code, _) in results.items() if code == 200)
    loser_body = next(body for code, body in results.values() if code == 409)
    saved = results[winner][1]
    assert saved["version"] == version + 1
    assert saved["annotator"] == {"editor": "editor", "rival": "editor2"}[winner]
    assert loser_body["current"] == saved  # the loser sees what won

    # Replaying the stale version later changes nothing.
    status, stale = rival.call(
        "PATCH", f"sentences/{target}/annotation/", {"version": version, "note": "late"}
    )
    assert status == 409 and stale["current"]["version"] == version + 1
    current = editor.call("GET", f"sentences/{target}/annotation/")[1]
    assert current["note"] == "" and current["version"] == version + 1

    # Accept the suggestions (anonymous ones with the standards fields: sign-off needs every
    # suggestion resolved), annotate and submit every claim; the reviewer approves and signs
    # off.
    for claim in claims:
        for suggestion in [a for a in claim["attributions"] if a["suggested"]]:
            state = editor.call("GET", f"sentences/{claim['id']}/annotation/")[1]
            status, body = editor.call(
                "POST",
                f"attributions/{suggestion['id']}/accept/",
                {"version": state["version"], **STANDARDS},
            )
            assert status == 200, body
        state = editor.call("GET", f"sentences/{claim['id']}/annotation/")[1]
        status, state = editor.call(
            "PATCH",
            f"sentences/{claim['id']}/annotation/",
            {"version": state["version"], "confidence": "single_source"},
        )
        assert status == 200, state
        status, body = editor.call(
            "POST", f"sentences/{claim['id']}/annotation/submit/", {"version": state["version"]}
        )
        assert status == 200, body
        status, body = reviewer.call("POST", f"sentences/{claim['id']}/annotation/approve/", {})
        assert status == 200, body
    assert editor.call("POST", f"articles/{article_id}/sign-off/", {})[0] == 403
    status, body = reviewer.call("POST", f"articles/{article_id}/sign-off/", {})
    assert status == 200, body

    # The signed webhook arrives; its signature and payload check out.
    deadline = time.monotonic() + 15
    while not receiver.requests and time.monotonic() < deadline:
        time.sleep(0.1)
    [hook] = receiver.requests
    assert verify(hook.headers["X-Sourcedesk-Signature"], hook.body, SECRET)
    assert not verify(hook.headers["X-Sourcedesk-Signature"], hook.body + b" ", SECRET)
    assert not verify(hook.headers["X-Sourcedesk-Signature"], hook.body, "another-secret")
    payload = hook.json
    assert payload["event"] == "article.signed_off"
    assert payload["article"]["id"] == article_id
    assert payload["article"]["external_id"] == "cms-4711"
    assert payload["article"]["status"] == "signed_off"
    status, fetched = publisher.call("GET", payload["article"]["url"])
    assert status == 200 and fetched["sign_off"]["status"] == "signed_off"
    assert fetched["sign_off"]["signed_off_by"] == "reviewer"

    # The sourcing travels as W3C Web Annotation: one per attribution and per confidence.
    status, collection = publisher.call("GET", f"articles/{article_id}/export/web-annotation/")
    assert status == 200 and collection["type"] == "AnnotationCollection"
    items = collection["first"]["items"] if "first" in collection else collection["items"]
    assessing = [item for item in items if item["motivation"] == "assessing"]
    assert len(assessing) == 3
