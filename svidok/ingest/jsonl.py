"""JSON Lines: one record `{id, text, published, title, url, language}` per line."""
from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

from svidok.ingest.decode import decode_text, without_lone_surrogates
from svidok.ingest.errors import InputError
from svidok.ingest.source import RawSource, SourceFormat, content_head
from svidok.records import Document, Outcome

_OPTIONAL_STRINGS = ("title", "url", "language")


def read_jsonl(source: RawSource) -> Iterator[Document | Outcome]:
    """One document per line; a bad line fails alone and the lines after it are still read."""
    for number, line in enumerate(source.raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield _line_document(line, f"{source.origin}#L{number}", source.captured_at)
        except InputError as error:
            yield Outcome(source.origin, "failed", f"line {number}: {error}")


def _line_document(line: bytes, origin: str, captured_at: datetime) -> Document:
    text = decode_text(line)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"not JSON: {error.msg} at column {error.colno}") from None
    return document_from_record(record, origin, raw=line.removeprefix(b"\xef\xbb\xbf"), captured_at=captured_at)


def document_from_record(
    record: dict[str, Any],
    origin: str,
    *,
    raw: bytes | None = None,
    captured_at: datetime | None = None,
) -> Document:
    """A document from one record; `raw` defaults to the record as canonical JSON.

    Raises InputError naming the field that is missing or malformed.
    """
    if not isinstance(record, dict):
        raise InputError(f"record is a JSON {type(record).__name__}, not an object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("record has no 'text' string")
    for name in _OPTIONAL_STRINGS:
        if record.get(name) is not None and not isinstance(record[name], str):
            raise InputError(f"'{name}' is not a string: {record[name]!r}")
    external_id = record.get("id")
    if external_id is not None and not isinstance(external_id, str | int):
        raise InputError(f"'id' is neither a string nor an integer: {external_id!r}")
    return Document(
        raw=_canonical_json(record) if raw is None else raw,
        origin=origin,
        captured_at=captured_at or datetime.now(UTC),
        text=without_lone_surrogates(text),
        media_type="application/json",
        title=without_lone_surrogates(record.get("title")),
        language=record.get("language"),
        published=_published(record.get("published")),
        url=without_lone_surrogates(record.get("url")),
        external_id=None if external_id is None else without_lone_surrogates(str(external_id)),
    )


def _canonical_json(record: dict[str, Any]) -> bytes:
    try:
        return json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (`without_lone_surrogates`): escapes keep it
        return json.dumps(record, ensure_ascii=True, sort_keys=True).encode("ascii")


def _published(value: Any) -> date | None:
    """An ISO date, or the date part of an ISO timestamp."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            pass
    raise InputError(f"'published' is not an ISO date: {value!r}")


FORMAT = SourceFormat(
    name="jsonl",
    suffixes=(".jsonl", ".ndjson"),
    media_types=("application/x-ndjson", "application/jsonl", "application/jsonlines"),
    sniff=lambda raw: content_head(raw).startswith(b"{"),
    read=read_jsonl,
)
