"""RSS and Atom feeds: each entry becomes one document."""
from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date
from typing import Any

import feedparser
import trafilatura

from svidok.ingest.errors import InputError
from svidok.ingest.source import RawSource, SourceFormat, content_head, primary_language
from svidok.records import Document, Outcome


def read_feed(source: RawSource) -> Iterator[Document | Outcome]:
    # A file object, never a string: feedparser fetches strings that look like URLs.
    headers = {"content-type": source.media_type} if source.media_type else {}
    parsed = feedparser.parse(io.BytesIO(source.raw), response_headers=headers)
    if not parsed.version and not parsed.entries:
        raise InputError(f"not a feed: {_why_not_a_feed(parsed)}")
    if not parsed.entries:
        yield Outcome(source.origin, "skipped", "feed has no entries")
        return
    media_type = "application/atom+xml" if parsed.version.startswith("atom") else "application/rss+xml"
    for position, entry in enumerate(parsed.entries, start=1):
        yield _entry_document(entry, parsed.feed, source, media_type, position)


def _why_not_a_feed(parsed: Any) -> str:
    error = parsed.get("bozo_exception")
    if error is None:
        return "no RSS or Atom element"
    if hasattr(error, "getLineNumber"):
        # XML parse errors: say where, without the parser's "<unknown>:" prefix.
        return f"{error.getMessage()} at line {error.getLineNumber()}, column {error.getColumnNumber()}"
    return str(error)


def _entry_document(
    entry: Any, feed: Any, source: RawSource, media_type: str, position: int
) -> Document | Outcome:
    key = entry.get("id") or entry.get("link") or f"entry{position}"
    origin = f"{source.origin}#{key}"
    content = _entry_content(entry)
    text = _content_text(content)
    if not text:
        return Outcome(origin, "skipped", "feed entry has no text")
    return Document(
        raw=_entry_bytes(entry, content),
        origin=origin,
        captured_at=source.captured_at,
        text=text,
        media_type=media_type,
        title=entry.get("title"),
        publisher=feed.get("title"),
        authors=[author["name"] for author in entry.get("authors", []) if author.get("name")],
        language=primary_language(content.get("language") or feed.get("language")),
        published=_entry_date(entry),
        url=entry.get("link") or source.url,
        external_id=entry.get("id"),
    )


def _entry_content(entry: Any) -> dict[str, Any]:
    """The fullest body an entry carries: its content, else its summary."""
    if entry.get("content"):
        return dict(entry["content"][0])
    return dict(entry.get("summary_detail") or {"type": "text/plain", "value": entry.get("summary", "")})


def _content_text(content: dict[str, Any]) -> str:
    value = content.get("value") or ""
    if "html" in content.get("type", ""):
        # html2txt reads whole pages only, so give the fragment a body.
        value = trafilatura.html2txt(f"<html><body>{value}</body></html>")
    return value.strip()


def _entry_bytes(entry: Any, content: dict[str, Any]) -> bytes:
    """The entry as received, serialised: feedparser does not keep each entry's original XML."""
    fields = {
        "id": entry.get("id"),
        "link": entry.get("link"),
        "title": entry.get("title"),
        "published": entry.get("published") or entry.get("updated"),
        "content": content.get("value"),
    }
    return json.dumps(fields, ensure_ascii=False, sort_keys=True).encode("utf-8")


def _entry_date(entry: Any) -> date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(*parsed[:3]) if parsed else None


def _sniff_feed(raw: bytes) -> bool:
    head = content_head(raw)
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


FORMAT = SourceFormat(
    name="feed",
    suffixes=(".rss", ".atom", ".xml"),
    media_types=("application/rss+xml", "application/atom+xml", "application/rdf+xml"),
    sniff=_sniff_feed,
    read=read_feed,
)
