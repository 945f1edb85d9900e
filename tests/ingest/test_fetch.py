"""URLs: non-public hosts are refused before any connection; fetched bytes go through the formats.

No test here reaches the internet.
"""
from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import pytest

from svidok.ingest import InputError, read_sources
from svidok.ingest.fetch import fetch_url, is_public
from svidok.ingest.source import RawSource
from svidok.ingest.sources import read_raw


def test_a_feed_url_at_127_0_0_1_is_refused_and_other_inputs_still_read(fixtures: Path, split) -> None:
    documents, outcomes = split(
        read_sources([str(fixtures / "note.txt"), "http://127.0.0.1/feed.xml", str(fixtures / "news.atom")], allow_fetch=True)
    )
    assert [Path(d.origin.split("#")[0]).name for d in documents] == ["note.txt", "news.atom"]
    assert [(o.subject, o.status, o.reason) for o in outcomes] == [
        ("http://127.0.0.1/feed.xml", "failed", "refused: 127.0.0.1 is not a public address")
    ]


def test_refusal_happens_before_connecting() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(0.2)
        port = listener.getsockname()[1]
        with pytest.raises(InputError, match="^refused: 127.0.0.1 is not a public address$"):
            fetch_url(f"http://127.0.0.1:{port}/feed.xml", max_bytes=1000)
        with pytest.raises(TimeoutError):
            listener.accept()


@pytest.mark.parametrize(
    ("url", "address"),
    [("http://localhost/feed", "127.0.0.1"), ("https://[::1]/feed", "::1"), ("http://0.0.0.0/", "0.0.0.0")],
)
def test_host_names_and_ipv6_loopback_are_refused_by_address(url: str, address: str) -> None:
    with pytest.raises(InputError, match=f"^refused: {address} is not a public address$"):
        fetch_url(url, max_bytes=1000)


@pytest.mark.parametrize(
    "address",
    ["10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "224.0.0.1", "240.0.0.1", "fe80::1", "fc00::1", "::ffff:127.0.0.1"],
)
def test_private_link_local_multicast_and_reserved_addresses_are_not_public(address: str) -> None:
    assert not is_public(ipaddress.ip_address(address))


def test_public_addresses_are_public() -> None:
    assert is_public(ipaddress.ip_address("93.184.216.34"))
    assert is_public(ipaddress.ip_address("2606:4700::1111"))


def test_urls_are_not_fetched_unless_allowed(fixtures: Path, split) -> None:
    documents, outcomes = split(read_sources(["https://example.org/feed.xml", str(fixtures / "note.txt")]))
    assert len(documents) == 1
    assert [(o.status, o.reason) for o in outcomes] == [("failed", "fetching URLs is not allowed (allow_fetch is off)")]


def test_other_schemes_are_refused() -> None:
    with pytest.raises(InputError, match="not an http"):
        fetch_url("ftp://example.org/feed.xml", max_bytes=1000)


def test_fetched_feed_bytes_are_read_as_a_feed_by_their_media_type(fixtures: Path) -> None:
    response = RawSource(
        origin="https://wire.example.org/latest",
        raw=(fixtures / "news.rss").read_bytes(),
        url="https://wire.example.org/latest",
        media_type="application/rss+xml",
    )
    documents = list(read_raw(response, "/latest"))
    assert [d.origin for d in documents] == ["https://wire.example.org/latest#wire-1001", "https://wire.example.org/latest#wire-1002"]


def test_fetched_html_uses_the_charset_the_server_announced(fixtures: Path) -> None:
    text = "Окупанти змушують мешканців Сорокиного отримувати паспорти, повідомила розвідка. " * 3
    page = f"<html><body><article><p>{text}</p></article></body></html>".encode("koi8-u")
    response = RawSource(origin="https://news.example.org/a", raw=page, url="https://news.example.org/a", media_type="text/html", charset="koi8-u")
    (document,) = read_raw(response, "/a")
    assert "змушують мешканців" in document.text
    assert document.url == "https://news.example.org/a"
