"""Which format reads a source: by suffix, then by announced media type, then by sniffing."""
from __future__ import annotations

from svidok.ingest import feed, html, jsonl, telegram, text
from svidok.ingest.source import SourceFormat

# Sniffing order matters: the most specific signatures first, plain text (accepts all) last.
# A Telegram export is a JSON object too, so it is tried before JSON Lines.
FORMATS: tuple[SourceFormat, ...] = (telegram.FORMAT, jsonl.FORMAT, feed.FORMAT, html.FORMAT, text.FORMAT)


def choose_format(name: str, raw: bytes, media_type: str | None = None) -> SourceFormat:
    """The format for a source called `name` (a path or URL path) holding `raw`."""
    suffix = _suffix(name)
    for candidate in FORMATS:
        if suffix in candidate.suffixes:
            return candidate
    for candidate in FORMATS:
        if media_type in candidate.media_types:
            return candidate
    return next(candidate for candidate in FORMATS if candidate.sniff(raw))


def _suffix(name: str) -> str:
    last = name.rsplit("/", 1)[-1]
    return "." + last.rsplit(".", 1)[-1].lower() if "." in last else ""
