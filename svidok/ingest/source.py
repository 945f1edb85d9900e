"""What every format reader receives and what it declares about itself."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from svidok.records import Document, Outcome


@dataclass(frozen=True)
class RawSource:
    """The bytes of one file or one HTTP response, before any format is applied."""

    origin: str
    raw: bytes
    # Where the bytes came from on the web (the final URL after redirects), if anywhere.
    url: str | None = None
    # Media type and charset announced by an HTTP server, which outrank guesses from the bytes.
    media_type: str | None = None
    charset: str | None = None
    captured_at: datetime = field(default_factory=lambda: datetime.now(UTC))


ReadFormat = Callable[[RawSource], Iterator[Document | Outcome]]


@dataclass(frozen=True)
class SourceFormat:
    """One input format: how to recognise it and how to read it into documents."""

    name: str
    suffixes: tuple[str, ...]
    media_types: tuple[str, ...]
    sniff: Callable[[bytes], bool]
    read: ReadFormat


def primary_language(tag: str | None) -> str | None:
    """`en-GB` -> `en`: the language the source declares, without its region."""
    if not tag or not tag.strip():
        return None
    return tag.strip().replace("_", "-").split("-")[0].lower()


def content_head(raw: bytes, size: int = 2048) -> bytes:
    """The start of the content, lower-cased, without BOM or leading blanks: what sniffers look at."""
    return raw[:size].removeprefix(b"\xef\xbb\xbf").lstrip().lower()
