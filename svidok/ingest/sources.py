"""Sources (paths, folders, URLs) to documents, or to an Outcome saying why not.

Every input ends in a `Document` or an `Outcome`; one bad input never stops the others.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from svidok.ingest.decode import looks_binary
from svidok.ingest.errors import InputError
from svidok.ingest.fetch import fetch_url
from svidok.ingest.limits import DEFAULT_MAX_BYTES, too_large
from svidok.ingest.registry import choose_format
from svidok.ingest.source import RawSource
from svidok.ingest.telegram import EXPORT_FILE_NAME, is_telegram_export
from svidok.records import Document, Outcome


def read_sources(
    sources: Iterable[str], *, allow_fetch: bool = False, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | Outcome]:
    """Each source is a file, a folder (read recursively) or an http(s) URL."""
    for source in sources:
        if urlsplit(source).scheme in ("http", "https"):
            yield from read_url(source, allow_fetch=allow_fetch, max_bytes=max_bytes)
        else:
            yield from read_path(Path(source), max_bytes=max_bytes)


def read_path(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | Outcome]:
    if path.is_dir():
        for child in _files_to_read(path):
            yield from read_file(child, max_bytes=max_bytes)
    else:
        yield from read_file(path, max_bytes=max_bytes)


def _files_to_read(folder: Path) -> list[Path]:
    """Every file below `folder`, except the media of Telegram exports: their result.json reads them."""
    exports = [f.parent for f in folder.rglob(EXPORT_FILE_NAME) if is_telegram_export(f)]
    return [
        child
        for child in sorted(folder.rglob("*"))
        if not child.is_dir()
        and not any(child.is_relative_to(export) and child != export / EXPORT_FILE_NAME for export in exports)
    ]


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | Outcome]:
    origin = str(path)
    try:
        raw = _read_capped(path, max_bytes)
    except InputError as error:
        yield Outcome(origin, "failed", str(error))
        return
    yield from read_raw(RawSource(origin=origin, raw=raw), path.name)


def read_url(url: str, *, allow_fetch: bool, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | Outcome]:
    if not allow_fetch:
        yield Outcome(url, "failed", "fetching URLs is not allowed (allow_fetch is off)")
        return
    try:
        fetched = fetch_url(url, max_bytes=max_bytes)
    except InputError as error:
        yield Outcome(url, "failed", str(error))
        return
    source = RawSource(
        origin=url, raw=fetched.body, url=fetched.url, media_type=fetched.media_type, charset=fetched.charset
    )
    yield from read_raw(source, urlsplit(fetched.url).path)


def read_raw(source: RawSource, name: str) -> Iterator[Document | Outcome]:
    """Bytes already in hand (from a file or a response) through the format that fits them."""
    if not source.raw.strip():
        yield Outcome(source.origin, "skipped", "empty")
        return
    if looks_binary(source.raw):
        yield Outcome(source.origin, "skipped", "binary, not text")
        return
    source_format = choose_format(name, source.raw, source.media_type)
    try:
        yield from source_format.read(source)
    except InputError as error:
        yield Outcome(source.origin, "failed", str(error))


def _read_capped(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; a file over the limit is refused from its size, without reading it."""
    try:
        if not path.exists():
            raise InputError("no such file")
        if not path.is_file():
            raise InputError("not a regular file")
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(too_large(size, max_bytes))
        with path.open("rb") as stream:
            raw = stream.read(max_bytes + 1)
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}") from None
    # The file may have grown between the size check and the read.
    if len(raw) > max_bytes:
        raise InputError(too_large(len(raw), max_bytes, at_least=True))
    return raw
