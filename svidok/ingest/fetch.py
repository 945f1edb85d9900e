"""Fetching http(s) URLs without reaching private networks.

Every host is resolved first and refused unless all its addresses are public; the
connection then goes to the vetted address, so a second DNS answer cannot redirect it.
Redirects are followed by hand so each hop is vetted the same way.
"""
from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from svidok.ingest.errors import InputError
from svidok.ingest.limits import too_large

_REDIRECTS = {301, 302, 303, 307, 308}
_USER_AGENT = "svidok/0.1 (+https://github.com/svidok)"


@dataclass(frozen=True)
class Fetched:
    url: str
    body: bytes
    media_type: str | None
    charset: str | None


def fetch_url(url: str, *, max_bytes: int, timeout: float = 20.0, max_redirects: int = 5) -> Fetched:
    """GET `url`, following at most `max_redirects` redirects to public hosts only."""
    for _ in range(max_redirects + 1):
        response = _get(url, timeout)
        if response.status in _REDIRECTS and response.getheader("Location"):
            url = urljoin(url, response.getheader("Location"))
            continue
        if response.status != 200:
            raise InputError(f"HTTP {response.status} {response.reason}")
        return Fetched(url, _read_capped(response, max_bytes), *_content_type(response))
    raise InputError(f"more than {max_redirects} redirects")


def public_address(host: str, port: int) -> str:
    """An address of `host` to connect to; refuses hosts with any non-public address."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise InputError(f"cannot resolve {host}: {error.strerror}") from None
    addresses = [str(info[4][0]) for info in infos]
    for address in addresses:
        if not is_public(ipaddress.ip_address(address.split("%")[0])):
            raise InputError(f"refused: {address} is not a public address")
    return addresses[0]


def is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
    )


def _get(url: str, timeout: float) -> http.client.HTTPResponse:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"refused: {url} is not an http(s) URL")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = public_address(parts.hostname, port)
    connection: http.client.HTTPConnection
    if parts.scheme == "https":
        connection = _PinnedHTTPSConnection(parts.hostname, port, address, timeout)
    else:
        connection = _PinnedHTTPConnection(parts.hostname, port, address, timeout)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    try:
        connection.request("GET", path, headers={"User-Agent": _USER_AGENT})
        return connection.getresponse()
    except (OSError, http.client.HTTPException) as error:
        raise InputError(f"cannot fetch {url}: {error}") from None


def _read_capped(response: http.client.HTTPResponse, max_bytes: int) -> bytes:
    """The body, refused as soon as it exceeds `max_bytes`, whatever Content-Length said."""
    declared = response.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise InputError(too_large(int(declared), max_bytes))
    body = response.read(max_bytes + 1)
    if len(body) > max_bytes:
        raise InputError(too_large(len(body), max_bytes, at_least=True))
    return body


def _content_type(response: http.client.HTTPResponse) -> tuple[str | None, str | None]:
    message = response.msg
    if not message.get("Content-Type"):
        return None, None
    return message.get_content_type(), message.get_content_charset()


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to a vetted address while sending the original host name."""

    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """As `_PinnedHTTPConnection`, with TLS verified against the original host name."""

    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        self._tls = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self._tls)
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._tls.wrap_socket(sock, server_hostname=self.host)
