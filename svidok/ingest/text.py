"""Plain text files: the bytes are kept as received, the text is strict UTF-8."""
from __future__ import annotations

from collections.abc import Iterator

from svidok.ingest.decode import decode_text
from svidok.ingest.source import RawSource, SourceFormat
from svidok.records import Document, Outcome


def read_text(source: RawSource) -> Iterator[Document | Outcome]:
    yield Document(
        raw=source.raw,
        origin=source.origin,
        captured_at=source.captured_at,
        text=decode_text(source.raw, source.charset),
        media_type="text/plain",
        url=source.url,
    )


# Last in the sniffing order: whatever text no other format claims is read as plain text.
FORMAT = SourceFormat(
    name="text",
    suffixes=(".txt", ".text"),
    media_types=("text/plain",),
    sniff=lambda raw: True,
    read=read_text,
)
