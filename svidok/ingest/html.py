"""HTML pages: trafilatura finds the article text and its metadata."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import trafilatura

from svidok.ingest.decode import declared_charset, decode_text
from svidok.ingest.source import RawSource, SourceFormat, content_head, primary_language
from svidok.records import Document, Outcome


def read_html(source: RawSource) -> Iterator[Document | Outcome]:
    markup = decode_text(source.raw, source.charset or declared_charset(source.raw))
    tree = trafilatura.load_html(markup)
    # Read the lang attribute before extraction, which prunes the tree it is given.
    language = primary_language(tree.get("lang")) if tree is not None else None
    extracted = trafilatura.bare_extraction(tree, url=source.url, with_metadata=True) if tree is not None else None
    if extracted is None or not (extracted.text or "").strip():
        yield Outcome(source.origin, "skipped", "not an article")
        return
    yield Document(
        raw=source.raw,
        origin=source.origin,
        captured_at=source.captured_at,
        text=extracted.text,
        media_type="text/html",
        title=extracted.title,
        publisher=extracted.sitename,
        authors=_split_authors(extracted.author),
        language=language,
        published=_parse_date(extracted.date),
        url=extracted.url or source.url,
    )


def _split_authors(author: str | None) -> list[str]:
    """trafilatura joins several authors with semicolons."""
    return [name.strip() for name in (author or "").split(";") if name.strip()]


def _parse_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _sniff_html(raw: bytes) -> bool:
    head = content_head(raw)
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<head" in head


FORMAT = SourceFormat(
    name="html",
    suffixes=(".html", ".htm", ".xhtml"),
    media_types=("text/html", "application/xhtml+xml"),
    sniff=_sniff_html,
    read=read_html,
)
