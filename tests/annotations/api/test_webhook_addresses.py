"""Webhooks reach public addresses only: checked when an endpoint is saved (the admin) and
again, after resolving the name, when a delivery is sent (issue 10, item 3).

The receivers are real servers on 127.0.0.1; a test that needs 127.0.0.1 refused sets
``WEBHOOK_ALLOWED_HOSTS`` empty (development and the tests allow ``127.0.0.1,localhost``).
A test that needs a name to resolve to a chosen address replaces the resolver, which is the
only stand-in here.
"""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from annotations import webhook_addresses, webhooks
from annotations.models import Article, DeliveryStatus, WebhookDelivery, WebhookEndpoint
from annotations.tasks import deliver_webhook
from tests.conftest import skip_or_fail

pytestmark = pytest.mark.django_db

INTERNAL_URLS = {
    "postgresql": "http://127.0.0.1:5432/",
    "cloud metadata": "http://169.254.169.254/latest/meta-data/",
    "private": "http://10.0.0.1/",
    "ipv6 loopback": "http://[::1]/",
    "ipv4-mapped ipv6": "http://[::ffff:127.0.0.1]/",
    "name resolving to loopback": "http://localhost:6379/",
}
ADD_URL = "/admin/annotations/webhookendpoint/add/"


def send(article: Article, url: str) -> WebhookDelivery:
    """One delivery to an endpoint at ``url`` (saved without the admin's check, as one saved
    before the check existed or before ``WEBHOOK_ALLOWED_HOSTS`` changed), attempt 1 made."""
    WebhookEndpoint.objects.create(name="CMS", url=url, secret="s")
    [delivery] = webhooks.article_event(article=article, event="article.signed_off")
    deliver_webhook(delivery.pk, attempt=1)
    delivery.refresh_from_db()
    return delivery


@pytest.fixture
def nothing_allowed(settings):
    settings.WEBHOOK_ALLOWED_HOSTS = []


@pytest.fixture
def queued(monkeypatch) -> list[int]:
    """Attempts queued after the first (instead of sent at once, in eager mode)."""
    attempts: list[int] = []

    def dispatch(pk: int, *, attempt: int, countdown: float | None = None) -> bool:
        attempts.append(attempt)
        return True

    monkeypatch.setattr(webhooks, "dispatch", dispatch)
    return attempts


@pytest.fixture
def resolver(monkeypatch) -> dict[str, list[list[str]]]:
    """Names answered from this table, one list of addresses per lookup (the last repeats);
    every other name goes to the real resolver."""
    answers: dict[str, list[list[str]]] = {}
    real = webhook_addresses.resolve

    def resolve(host: str, port: int) -> list[str]:
        if host not in answers:
            return real(host, port)
        queue = answers[host]
        return queue.pop(0) if len(queue) > 1 else queue[0]

    monkeypatch.setattr(webhook_addresses, "resolve", resolve)
    return answers


# --- saving an endpoint in the admin --------------------------------------------------------


def add_endpoint(client, administrator: User, url: str):
    client.force_login(administrator)
    return client.post(ADD_URL, {"name": "CMS", "url": url, "is_active": "on", "secret": "s3"})


@pytest.mark.parametrize("url", INTERNAL_URLS.values(), ids=INTERNAL_URLS.keys())
def test_admin_refuses_an_endpoint_url_inside_the_network(
    client, administrator, nothing_allowed, url
):
    response = add_endpoint(client, administrator, url)
    # the form comes back with the reason at the URL field, and nothing is saved
    assert response.status_code == 200
    assert "refused: " in response.context["adminform"].form.errors["url"][0]
    assert "WEBHOOK_ALLOWED_HOSTS" in response.content.decode()
    assert not WebhookEndpoint.objects.exists()


def test_admin_names_the_address_and_why_it_is_refused(client, administrator, nothing_allowed):
    response = add_endpoint(client, administrator, "http://10.0.0.1/hooks")
    [message] = response.context["adminform"].form.errors["url"]
    assert message.startswith("refused: 10.0.0.1 is a private address.")


def test_admin_says_a_name_resolves_to_loopback(client, administrator, nothing_allowed):
    response = add_endpoint(client, administrator, "http://localhost:8001/hooks")
    [message] = response.context["adminform"].form.errors["url"]
    assert message.startswith("refused: localhost resolves to ")
    assert "a loopback address" in message


def test_admin_refuses_a_scheme_other_than_http(client, administrator):
    response = add_endpoint(client, administrator, "ftp://hooks.example.org/in")
    assert response.context["adminform"].form.errors["url"] == [webhook_addresses.ERR_SCHEME]


def test_admin_saves_an_allowed_host(client, administrator, settings):
    settings.WEBHOOK_ALLOWED_HOSTS = ["127.0.0.1:8001"]
    response = add_endpoint(client, administrator, "http://127.0.0.1:8001/hooks")
    assert response.status_code == 302
    assert WebhookEndpoint.objects.get().url == "http://127.0.0.1:8001/hooks"


def test_an_allowed_port_does_not_allow_the_hosts_other_ports(client, administrator, settings):
    settings.WEBHOOK_ALLOWED_HOSTS = ["127.0.0.1:8001"]
    response = add_endpoint(client, administrator, "http://127.0.0.1:5432/")
    assert response.status_code == 200 and not WebhookEndpoint.objects.exists()


def test_model_validation_refuses_an_internal_url_outside_the_admin(nothing_allowed):
    endpoint = WebhookEndpoint(name="CMS", url="http://169.254.169.254/latest/meta-data/")
    with pytest.raises(Exception) as refused:
        endpoint.full_clean()
    assert "169.254.169.254 is a link-local address" in str(refused.value)


# --- sending ------------------------------------------------------------------------------


@pytest.mark.parametrize("url", INTERNAL_URLS.values(), ids=INTERNAL_URLS.keys())
def test_delivery_to_an_internal_address_is_refused_and_not_retried(
    article, nothing_allowed, queued, url
):
    delivery = send(article, url)
    assert delivery.status == DeliveryStatus.FAILED and delivery.attempts == 1
    assert delivery.error.startswith("refused: ")
    assert (delivery.response_status, delivery.response_body, queued) == (None, "", [])


def test_refused_delivery_never_reaches_the_receiver(article, receiver, nothing_allowed):
    delivery = send(article, receiver.url)
    assert delivery.error.startswith("refused: 127.0.0.1 is a loopback address.")
    assert receiver.requests == []


def test_refused_delivery_is_sent_once_the_host_is_allowed(
    article, receiver, settings, client, administrator, django_capture_on_commit_callbacks
):
    settings.WEBHOOK_ALLOWED_HOSTS = []
    delivery = send(article, receiver.url)
    settings.WEBHOOK_ALLOWED_HOSTS = ["127.0.0.1"]
    client.force_login(administrator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/admin/annotations/webhookdelivery/",
            {"action": "send_again", "_selected_action": [delivery.pk]},
        )
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, len(receiver.requests)) == ("succeeded", 2, 1)


def test_name_resolving_to_loopback_is_refused_when_sending(article, nothing_allowed):
    delivery = send(article, "http://localhost:6379/")
    assert delivery.error.startswith("refused: localhost resolves to ")
    assert "a loopback address" in delivery.error and delivery.status == "failed"


def test_any_internal_address_among_those_a_name_resolves_to_is_refused(
    article, nothing_allowed, resolver
):
    resolver["hooks.example.org"] = [["93.184.215.14", "10.0.0.1"]]
    delivery = send(article, "https://hooks.example.org/in")
    assert delivery.error.startswith(
        "refused: hooks.example.org resolves to 10.0.0.1, a private address."
    )


def test_ipv4_mapped_ipv6_is_judged_by_its_ipv4_address(article, nothing_allowed, resolver):
    resolver["hooks.example.org"] = [["::ffff:10.0.0.1"]]
    delivery = send(article, "https://hooks.example.org/in")
    assert "a private address (IPv4 10.0.0.1 inside IPv6)" in delivery.error


def test_delivery_connects_to_the_checked_address_with_the_original_host_header(
    article, receiver, settings, resolver
):
    # The name answers 127.0.0.1 (allowed) at the check and 10.0.0.1 afterwards (DNS
    # rebinding): the delivery goes to the checked address and never resolves again.
    settings.WEBHOOK_ALLOWED_HOSTS = ["127.0.0.1"]
    port = receiver.url.split(":")[2].split("/")[0]
    resolver["hooks.test"] = [["127.0.0.1"], ["10.0.0.1"]]
    delivery = send(article, f"http://hooks.test:{port}/hooks/sourcedesk?via=desk")
    [request] = receiver.requests
    assert delivery.status == DeliveryStatus.SUCCEEDED
    assert request.headers["Host"] == f"hooks.test:{port}"
    assert request.path == "/hooks/sourcedesk?via=desk"


def test_name_that_resolves_to_nothing_is_retried(article, queued):
    delivery = send(article, "https://hooks.invalid/in")  # .invalid never resolves (RFC 6761)
    assert delivery.status == DeliveryStatus.PENDING and queued == [2]
    assert delivery.error.startswith("Could not reach the endpoint: hooks.invalid does not")


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("0.0.0.0", "an unspecified"),  # noqa: S104 - an address to refuse, not to bind
        ("127.0.0.53", "a loopback"),
        ("169.254.169.254", "a link-local"),
        ("224.0.0.251", "a multicast"),
        ("192.168.1.10", "a private"),
        ("172.16.0.1", "a private"),
        ("100.64.0.1", "a non-public"),
        ("240.0.0.1", "a private"),
        ("::", "an unspecified"),
        ("fe80::1", "a link-local"),
        ("fc00::1", "a private"),
        ("ff02::1", "a multicast"),
        ("2002:7f00:1::", "a loopback"),  # 6to4 around 127.0.0.1
        ("64:ff9b::a00:1", "a private"),  # NAT64 around 10.0.0.1
    ],
)
def test_every_non_public_range_is_refused(address, kind, nothing_allowed):
    url = f"http://[{address}]/" if ":" in address else f"http://{address}/"
    with pytest.raises(webhook_addresses.RefusedAddress) as refused:
        webhook_addresses.destination(url)
    assert f"is {kind} address" in str(refused.value)


@pytest.mark.parametrize("address", ["8.8.8.8", "2606:4700:4700::1111"])
def test_public_addresses_are_accepted(address, nothing_allowed):
    url = f"https://[{address}]/in" if ":" in address else f"https://{address}/in"
    target = webhook_addresses.destination(url)
    assert (target.address, target.port, target.path) == (address, 443, "/in")


# --- what a failed or refused endpoint sent is never kept -----------------------------------


@pytest.fixture
def not_http() -> Iterator[str]:
    """A TCP service on 127.0.0.1 that answers like Redis does to an HTTP request."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    stop = threading.Event()

    def serve() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            with conn:
                conn.recv(65536)
                conn.sendall(b"-ERR unknown command 'POST', with args: secret-internal-data\r\n")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/"
    stop.set()
    thread.join()
    server.close()


def test_answer_of_a_service_that_is_not_http_is_not_stored(article, not_http, monkeypatch):
    monkeypatch.setattr(webhooks, "MAX_ATTEMPTS", 1)
    delivery = send(article, not_http)
    assert delivery.status == DeliveryStatus.FAILED
    assert "did not answer HTTP" in delivery.error
    assert "secret-internal-data" not in delivery.error and delivery.response_body == ""


def test_body_of_an_error_answer_is_not_stored(article, receiver, monkeypatch):
    monkeypatch.setattr(webhooks, "MAX_ATTEMPTS", 1)
    receiver.script = [500]
    delivery = send(article, receiver.url)
    assert (delivery.response_status, delivery.response_body) == (500, "")
    assert "answered 500" not in delivery.error


def test_redirect_is_a_failed_attempt_with_its_status_only(article, receiver, queued):
    receiver.script = [307]
    delivery = send(article, receiver.url)
    assert (delivery.response_status, delivery.response_body, len(receiver.requests)) == (
        307,
        "",
        1,
    )
    assert delivery.error == "The endpoint answered HTTP 307." and queued == [2]


def test_delivery_log_never_shows_the_body_of_a_failed_delivery(client, administrator):
    endpoint = WebhookEndpoint.objects.create(name="old", url="http://10.0.0.1/", secret="s")
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint,
        event="article.signed_off",
        event_id="0" * 32,
        payload={},
        status=DeliveryStatus.FAILED,
        response_status=200,
        response_body="# Server\r\nredis_version:7.0.15",  # a row from before the checks
    )
    client.force_login(administrator)
    page = client.get(f"/admin/annotations/webhookdelivery/{delivery.pk}/change/")
    assert page.status_code == 200 and "redis_version" not in page.content.decode()


# --- TLS: the certificate and the server name are the URL's host ---------------------------


@pytest.fixture
def tls_receiver(tmp_path: Path) -> Iterator[dict[str, object]]:
    """An HTTPS receiver on 127.0.0.1 with a self-signed certificate for ``hooks.test``,
    recording the server name (SNI) each client asked for."""
    if not shutil.which("openssl"):
        skip_or_fail("openssl is not installed (needed to make a test certificate)")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-keyout", str(key), "-out", str(cert), "-subj", "/CN=hooks.test"),
            *("-addext", "subjectAltName=DNS:hooks.test"),
        ],
        check=True,
        capture_output=True,
    )
    state: dict[str, object] = {"names": [], "hosts": [], "cert": str(cert)}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", "0")))
            state["hosts"].append(self.headers["Host"])  # type: ignore[attr-defined]
            self.send_response(204)
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda sock, name, ctx: state["names"].append(name)  # type: ignore[attr-defined]
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state["port"] = server.server_address[1]
    yield state
    server.shutdown()
    server.server_close()


def test_https_delivery_sends_the_hosts_name_and_checks_its_certificate(
    article, tls_receiver, settings, resolver, monkeypatch
):
    settings.WEBHOOK_ALLOWED_HOSTS = ["127.0.0.1"]
    monkeypatch.setattr(webhooks, "ca_bundle", lambda: tls_receiver["cert"])
    resolver["hooks.test"] = [["127.0.0.1"]]
    delivery = send(article, f"https://hooks.test:{tls_receiver['port']}/in")
    assert (delivery.status, delivery.response_status) == ("succeeded", 204)
    assert tls_receiver["names"] == ["hooks.test"]
    assert tls_receiver["hosts"] == [f"hooks.test:{tls_receiver['port']}"]


def test_https_delivery_fails_when_the_certificate_names_another_host(
    article, tls_receiver, settings, resolver, monkeypatch
):
    settings.WEBHOOK_ALLOWED_HOSTS = ["127.0.0.1"]
    monkeypatch.setattr(webhooks, "MAX_ATTEMPTS", 1)
    monkeypatch.setattr(webhooks, "ca_bundle", lambda: tls_receiver["cert"])
    resolver["other.test"] = [["127.0.0.1"]]
    delivery = send(article, f"https://other.test:{tls_receiver['port']}/in")
    assert delivery.status == "failed" and "TLS handshake failed" in delivery.error
    assert tls_receiver["hosts"] == []
