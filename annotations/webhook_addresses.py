"""Where a webhook may be sent: public addresses only, unless an administrator allows a host.

A webhook URL is typed by an administrator and the desk then POSTs to it from inside the
newsroom's network. Left unchecked, ``http://127.0.0.1:5432/``, ``http://10.0.0.1/`` or
``http://169.254.169.254/latest/meta-data/`` would make the desk talk to its own database,
Redis or the cloud's metadata service. So a URL is checked twice:

* when it is saved (:meth:`annotations.models.WebhookEndpoint.clean`, which the admin's form
  runs): :func:`check_url` refuses a scheme other than http(s), and an address, or a name
  that resolves to an address, that is not public;
* when a delivery is sent (:func:`destination`): the host is resolved again, *every* address
  it resolves to must be public, and the connection then goes to that checked address (the
  ``Host`` header and TLS server name stay the original name). A name that resolves to a
  public address at the check and to an internal one a moment later (DNS rebinding) is never
  resolved a second time.

Not public: loopback, link-local, private, multicast, reserved, unspecified, and anything
else the ``ipaddress`` module does not count as global (100.64.0.0/10, documentation ranges),
for IPv4 and IPv6 alike; an IPv6 address that embeds an IPv4 one (IPv4-mapped ``::ffff:…``,
IPv4-compatible ``::a.b.c.d``, 6to4 ``2002::/16``, NAT64 ``64:ff9b::/96``) is judged by the
IPv4 address too.

``settings.WEBHOOK_ALLOWED_HOSTS`` lists exceptions: host names or addresses, each optionally
with ``:port`` to allow only that port (``127.0.0.1``, ``localhost``, ``[::1]:8001``,
``hooks.internal:443``). A URL whose host is listed, or whose host resolves only to listed
addresses, is allowed whatever its addresses. Production's default is empty; development's
(and so the tests') is ``127.0.0.1,localhost``, so local receivers keep working.

No Django model is imported here, so the model's validation can use it.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

from django.conf import settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

ERR_SCHEME = "A webhook URL must start with http:// or https://."
ERR_NO_HOST = "A webhook URL must name a host."
ERR_PORT = "The port of the webhook URL is not a number between 1 and 65535."
ERR_ADDRESS = "refused: {address} is {kind}"
ERR_RESOLVES = "refused: {host} resolves to {address}, {kind}"
ERR_UNRESOLVED = "{host} does not resolve to any address ({error})."
HINT_ALLOW = (
    ". Webhooks are only sent to public addresses; to allow this host, add it to "
    "WEBHOOK_ALLOWED_HOSTS."
)

_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")
DEFAULT_PORTS = {"http": 80, "https": 443}


class RefusedAddress(ValueError):
    """The URL may not be sent to; ``str()`` is the reason, for the admin and the log."""


class HostNotFound(OSError):
    """The URL's host resolves to nothing right now (maybe for a moment: worth a retry)."""


@dataclass(frozen=True, slots=True)
class Destination:
    """A checked URL: connect to ``address``, and speak to it as ``host``."""

    scheme: str
    host: str  # the name (or literal address) in the URL, without brackets
    port: int
    address: str  # the checked address the connection must go to
    path: str  # path and query, never empty

    @property
    def host_header(self) -> str:
        name = f"[{self.host}]" if ":" in self.host else self.host
        return name if self.port == DEFAULT_PORTS[self.scheme] else f"{name}:{self.port}"


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    if not isinstance(address, ipaddress.IPv6Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64 or (address in _IPV4_COMPATIBLE and int(address) > 1):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def _kind(address: IPAddress) -> str | None:
    """What makes ``address`` not public ("a loopback"…), or None for a public address."""
    if address.is_unspecified:
        return "an unspecified"
    if address.is_loopback:
        return "a loopback"
    if address.is_link_local:
        return "a link-local"
    if address.is_multicast:
        return "a multicast"
    if address.is_private:
        return "a private"
    if address.is_reserved:
        return "a reserved"
    if not address.is_global:
        return "a non-public"
    return None


def address_problem(address: IPAddress) -> str | None:
    """Why ``address`` is refused ("a private address"…), or None when it is public."""
    embedded = _embedded_ipv4(address)
    if embedded is not None and (kind := _kind(embedded)) is not None:
        return f"{kind} address (IPv4 {embedded} inside IPv6)"
    kind = _kind(address)
    return None if kind is None else f"{kind} address"


def _parse_ip(text: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(text.strip("[]").split("%", 1)[0])
    except ValueError:
        return None


def _allowed_entries() -> list[tuple[str, int | None]]:
    """``WEBHOOK_ALLOWED_HOSTS`` as (host, port or None) pairs; hosts lower-cased, addresses
    in their canonical form."""
    entries: list[tuple[str, int | None]] = []
    for raw in getattr(settings, "WEBHOOK_ALLOWED_HOSTS", []):
        item = raw.strip().lower()
        port: int | None = None
        if item.startswith("["):  # [v6] or [v6]:port
            host, _, rest = item[1:].partition("]")
            if rest.startswith(":") and rest[1:].isdigit():
                port = int(rest[1:])
        elif item.count(":") == 1:  # name:port or v4:port
            host, _, number = item.partition(":")
            port = int(number) if number.isdigit() else None
        else:  # a name, a v4 address or a bare v6 address
            host = item
        ip = _parse_ip(host)
        entries.append((str(ip) if ip is not None else host.rstrip("."), port))
    return entries


def _is_allowed(host: str, port: int, entries: list[tuple[str, int | None]]) -> bool:
    ip = _parse_ip(host)
    key = str(ip) if ip is not None else host.lower().rstrip(".")
    return any(key == name and allowed_port in (None, port) for name, allowed_port in entries)


def _split(url: str) -> tuple[SplitResult, str, int]:
    """The parts of ``url``, its host (no brackets) and port; RefusedAddress if unusable."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in DEFAULT_PORTS:
        raise RefusedAddress(ERR_SCHEME)
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme.lower()]
    except ValueError:
        raise RefusedAddress(ERR_PORT) from None
    if not 0 < port < 65536:
        raise RefusedAddress(ERR_PORT)
    if not parts.hostname:
        raise RefusedAddress(ERR_NO_HOST)
    return parts, parts.hostname, port


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (an address resolves to itself), in the resolver's
    order. Raises ``OSError`` when it resolves to nothing."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _checked_addresses(host: str, port: int, *, unresolved_ok: bool) -> list[str]:
    """The addresses of ``host``, each public or allowed; RefusedAddress naming the first
    that is neither."""
    entries = _allowed_entries()
    if _is_allowed(host, port, entries):
        allowed_host = True
    else:
        allowed_host = False
        literal = _parse_ip(host)
        if literal is not None and (kind := address_problem(literal)) is not None:
            raise RefusedAddress(ERR_ADDRESS.format(address=literal, kind=kind) + HINT_ALLOW)
    try:
        addresses = resolve(host, port)
    except (OSError, UnicodeError) as exc:
        if unresolved_ok:
            return []
        error = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        raise HostNotFound(ERR_UNRESOLVED.format(host=host, error=error)) from None
    if allowed_host:
        return addresses
    for text in addresses:
        address = _parse_ip(text)
        if address is None:  # never from getaddrinfo; refuse rather than guess
            kind = "not an IP address"
            raise RefusedAddress(ERR_RESOLVES.format(host=host, address=text, kind=kind))
        if _is_allowed(str(address), port, entries):
            continue
        if (kind := address_problem(address)) is not None:
            if _parse_ip(host) is not None:
                message = ERR_ADDRESS.format(address=address, kind=kind)
            else:
                message = ERR_RESOLVES.format(host=host, address=address, kind=kind)
            raise RefusedAddress(message + HINT_ALLOW)
    return addresses


def check_url(url: str) -> None:
    """Raise :class:`RefusedAddress` when ``url`` may not be a webhook URL (saving it).

    A name that does not resolve now is accepted (the receiver may not be deployed yet):
    :func:`destination` checks again, after resolving, every time a delivery is sent.
    """
    _, host, port = _split(url)
    _checked_addresses(host, port, unresolved_ok=True)


def destination(url: str) -> Destination:
    """Where to connect to send to ``url``: its host resolved once, every address checked.

    Raises :class:`RefusedAddress` when an address is not public (and not allowed), and
    :class:`HostNotFound` when the name resolves to nothing. The caller must connect to
    ``Destination.address`` and never resolve the name again.
    """
    parts, host, port = _split(url)
    addresses = _checked_addresses(host, port, unresolved_ok=False)
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    return Destination(
        scheme=parts.scheme.lower(),
        host=host,
        port=port,
        address=addresses[0],
        path=path,
    )
