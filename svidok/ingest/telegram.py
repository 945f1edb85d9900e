"""Telegram Desktop JSON export: `result.json` of a channel or chat, beside its media folders.

Each post becomes one document (an album of media messages with one caption is one post).
Its text is the concatenation of the exported text entities, so character offsets into it
are exact; the entities' types, links and offsets go to `Document.metadata`. The preserved
bytes are the message's exported JSON, canonically dumped: re-reading a grown export gives
the same bytes for unchanged messages (duplicates) and new bytes for edited ones (a new
version of the post, the old one kept). Service messages and empty messages are skipped
with a reason; media files are hashed where the export holds them and reported where not.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from svidok.ingest.decode import without_lone_surrogates
from svidok.ingest.errors import InputError
from svidok.ingest.source import RawSource, SourceFormat, content_head
from svidok.records import Document, Outcome

EXPORT_FILE_NAME = "result.json"
_MEDIA_KEYS = ("photo", "file")
# Counters that change every time a channel is re-exported without the post changing;
# kept out of the preserved bytes so that re-ingesting an unchanged post stays a no-op.
_VOLATILE_KEYS = frozenset({"reactions"})
# Telegram writes "(File not included. Change data exporting settings to download.)" and
# "(File exceeds maximum size. ...)" in place of the path of a file it did not export.
_NOT_EXPORTED = re.compile(r"^\(File .*\)$")
# t.me/<username> in links and @<username> in mentions: how a channel signs its own posts.
_TELEGRAM_USERNAME = re.compile(r"(?:^@|t\.me/)([A-Za-z][A-Za-z0-9_]{3,31})\b")
# A username found in at least this share of a channel's posts is the channel's own signature.
_SIGNATURE_SHARE = 0.5
_SIGNATURE_MIN_POSTS = 3
_SNIFF = re.compile(rb'"messages"\s*:\s*\[')


def read_telegram(source: RawSource, username: str | None = None) -> Iterator[Document | Outcome]:
    """Documents and outcomes for every message of the export in `source`.

    `username` (the channel's public @name, without @) gives documents their t.me links;
    without it the username is taken from the channel's own signature links, if it has one.
    Raises InputError when the bytes are not a Telegram export.
    """
    yield from read_chat(_load_export(source.raw), _export_folder(source.origin), source.captured_at, username)


def read_chat(
    chat: dict[str, Any], folder: Path | None, captured_at: datetime, username: str | None = None
) -> Iterator[Document | Outcome]:
    """One channel or chat of an export; `folder` holds its media (None: media are not at hand)."""
    messages = chat.get("messages")
    if not isinstance(messages, list):
        raise InputError(f"chat {chat.get('name')!r} has no 'messages' list")
    channel = _Channel(
        id=chat.get("id"),
        name=chat.get("name"),
        type=chat.get("type"),
        username=username or signature_username(messages),
    )
    for post in group_posts(messages):
        yield from _read_post(post, channel, folder, captured_at)


def group_posts(messages: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Messages grouped into posts: an album's messages together, every other message alone.

    Desktop exports carry no album id: an album is a run of consecutive media messages
    from one sender sent in the same second, as Telegram sends an album's items together.
    """
    posts: list[list[dict[str, Any]]] = []
    for message in messages:
        if posts and _same_album(posts[-1][-1], message):
            posts[-1].append(message)
        else:
            posts.append([message])
    return posts


def signature_username(messages: list[dict[str, Any]]) -> str | None:
    """The username a channel links or mentions in most of its own posts, if one stands out."""
    with_text = [m for m in messages if m.get("type") == "message" and not m.get("forwarded_from")]
    counts: Counter[str] = Counter()
    for message in with_text:
        counts.update(_linked_usernames(message))
    if not counts:
        return None
    name, posts = counts.most_common(1)[0]
    return name if posts >= max(_SIGNATURE_MIN_POSTS, _SIGNATURE_SHARE * len(with_text)) else None


def is_telegram_export(path: Path) -> bool:
    """Whether the file at `path` looks like a Telegram Desktop `result.json`, from its first bytes."""
    try:
        with path.open("rb") as stream:
            return _sniff(stream.read(2048))
    except OSError:
        return False


class _Channel:
    def __init__(self, id: Any, name: Any, type: Any, username: str | None) -> None:
        self.id = id
        self.name = name if isinstance(name, str) else None
        self.type = type if isinstance(type, str) else None
        self.username = username

    @property
    def key(self) -> str:
        return self.username or str(self.id)

    def origin(self, message_id: int) -> str:
        return f"telegram:{self.key}/{message_id}"

    def url(self, message_id: int) -> str | None:
        return f"https://t.me/{self.username}/{message_id}" if self.username else None


def _read_post(
    post: list[dict[str, Any]], channel: _Channel, folder: Path | None, captured_at: datetime
) -> Iterator[Document | Outcome]:
    first = post[0]
    origin = channel.origin(first.get("id"))
    if first.get("type") == "service":
        yield Outcome(origin, "skipped", f"service message: {first.get('action', 'unknown action')}")
        return
    if first.get("type") != "message":
        yield Outcome(origin, "skipped", f"message of unknown type {first.get('type')!r}")
        return
    try:
        text, entities = joined_text(post)
    except InputError as error:
        yield Outcome(origin, "failed", f"message {first.get('id')}: {error}")
        return
    media = [_media_file(m, key, folder) for m in post for key in _MEDIA_KEYS if key in m]
    if not text and not media:
        yield Outcome(origin, "skipped", "empty message")
        return
    for item in media:
        if "missing" in item:
            reason = f"{item['kind']} of message {item['message_id']} not kept, document stored without it: {item['missing']}"
            yield Outcome(origin, "skipped", reason)
    yield _document(post, channel, text, entities, media, captured_at)


def joined_text(post: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """The post's text and its formatted entities with offsets into that text.

    The text is the exported entities' texts concatenated (captions of an album joined
    by a blank line), so `text[start:end]` is each entity's text exactly.
    """
    text = ""
    entities: list[dict[str, Any]] = []
    for message in post:
        parts = _text_parts(message)
        if not parts:
            continue
        if text:
            text += "\n\n"
        for part in parts:
            start = len(text)
            text += part["text"]
            if part["type"] != "plain":
                entities.append({**part, "start": start, "end": len(text), "message_id": message.get("id")})
    return text, entities


def _text_parts(message: dict[str, Any]) -> list[dict[str, Any]]:
    """`text_entities` where exported (newer versions), else the `text` string or list."""
    raw = message.get("text_entities")
    if raw is None:
        raw = message.get("text", "")
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list):
        raise InputError(f"text is a JSON {type(raw).__name__}, not a string or a list")
    parts = []
    for part in raw:
        if isinstance(part, str):
            part = {"type": "plain", "text": part}
        if not isinstance(part, dict) or not isinstance(part.get("text"), str):
            raise InputError(f"text entity without a 'text' string: {part!r}")
        if part["text"]:
            parts.append(part)
    return parts


def _document(
    post: list[dict[str, Any]],
    channel: _Channel,
    text: str,
    entities: list[dict[str, Any]],
    media: list[dict[str, Any]],
    captured_at: datetime,
) -> Document:
    first = post[0]
    message_id = first.get("id")
    origin = channel.origin(message_id)
    author = next((m["author"] for m in post if isinstance(m.get("author"), str)), None)
    return Document(
        raw=_preserved_bytes(post),
        origin=origin,
        captured_at=captured_at,
        text=text,
        media_type="application/json",
        publisher=channel.name,
        authors=[author] if author else [],
        published=_posting_date(first),
        url=channel.url(message_id),
        external_id=str(message_id),
        metadata=_metadata(post, channel, origin, entities, media),
    )


def _metadata(
    post: list[dict[str, Any]],
    channel: _Channel,
    origin: str,
    entities: list[dict[str, Any]],
    media: list[dict[str, Any]],
) -> dict[str, Any]:
    first = post[0]
    edited = max((m for m in post if m.get("edited")), key=lambda m: m["edited"], default=None)
    facts: dict[str, Any] = {
        "source": "telegram",
        "channel_id": channel.id,
        "channel_name": channel.name,
        "channel_type": channel.type,
        "channel_username": channel.username,
        "message_ids": [m.get("id") for m in post],
        "posted_at": _utc(first.get("date_unixtime")),
        "from": first.get("from"),
        "from_id": first.get("from_id"),
        "forwarded_from": first.get("forwarded_from"),
        "saved_from": first.get("saved_from"),
        "reply_to_message_id": first.get("reply_to_message_id"),
        "entities": entities,
        "media": media,
    }
    if edited is not None:
        # The post was edited: this is one version of it; earlier ones share its origin.
        facts |= {"edited_at": _utc(edited.get("edited_unixtime")), "version_of": origin}
    return {key: value for key, value in facts.items() if value not in (None, [])}


def _media_file(message: dict[str, Any], key: str, folder: Path | None) -> dict[str, Any]:
    """The media entry of one message: its path, kind and SHA-256, or why it is missing."""
    path = message[key]
    item: dict[str, Any] = {"message_id": message.get("id"), "kind": message.get("media_type", key)}
    if message.get("mime_type"):
        item["mime_type"] = message["mime_type"]
    if not isinstance(path, str) or _NOT_EXPORTED.match(path):
        return item | {"missing": f"not in the export {path}" if isinstance(path, str) else "no path in the export"}
    item["path"] = path
    if folder is None:
        return item | {"missing": f"{path}: export folder not at hand"}
    try:
        return item | {"sha256": hashlib.sha256((folder / path).read_bytes()).hexdigest()}
    except OSError as error:
        return item | {"missing": f"{path}: {error.strerror} in the export folder"}


def _preserved_bytes(post: list[dict[str, Any]]) -> bytes:
    kept = [{k: v for k, v in m.items() if k not in _VOLATILE_KEYS} for m in post]
    value: Any = kept[0] if len(kept) == 1 else kept
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _same_album(previous: dict[str, Any], message: dict[str, Any]) -> bool:
    return (
        previous.get("type") == message.get("type") == "message"
        and _has_media(previous)
        and _has_media(message)
        and previous.get("from_id") == message.get("from_id")
        and previous.get("date_unixtime") == message.get("date_unixtime")
        and previous.get("forwarded_from") == message.get("forwarded_from")
    )


def _has_media(message: dict[str, Any]) -> bool:
    return any(key in message for key in _MEDIA_KEYS)


def _linked_usernames(message: dict[str, Any]) -> set[str]:
    entities = message.get("text_entities") or [p for p in message.get("text", []) if isinstance(p, dict)]
    found = set()
    for entity in entities:
        if isinstance(entity, dict) and entity.get("type") in ("mention", "link", "text_link"):
            target = entity.get("href") or entity.get("text", "")
            found.update(_TELEGRAM_USERNAME.findall(target))
    return found


def _posting_date(message: dict[str, Any]) -> date | None:
    """The date as the exporting app wrote it (its local time), the date a reader of the channel saw."""
    value = message.get("date")
    try:
        return date.fromisoformat(value[:10]) if isinstance(value, str) else None
    except ValueError:
        return None


def _utc(unixtime: Any) -> str | None:
    try:
        return datetime.fromtimestamp(int(unixtime), UTC).isoformat()
    except (TypeError, ValueError):
        return None


def _load_export(raw: bytes) -> dict[str, Any]:
    try:
        export = without_lone_surrogates(json.loads(raw.decode("utf-8-sig")))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"not a Telegram export: invalid JSON ({error})") from None
    if not isinstance(export, dict) or "messages" not in export:
        # A whole-account export keeps its chats under "chats"; only single-chat exports are read.
        raise InputError("not a Telegram chat export: no 'messages' list")
    return export


def _export_folder(origin: str) -> Path | None:
    """The folder of the export's media, where the source is a local file."""
    path = Path(origin)
    return path.parent if path.is_file() else None


def _sniff(raw: bytes) -> bool:
    head = content_head(raw)
    return head.startswith(b"{") and _SNIFF.search(head) is not None


FORMAT = SourceFormat(
    name="telegram",
    # No suffix of its own: `.json` is not Telegram's alone, so the content decides.
    suffixes=(),
    media_types=(),
    sniff=_sniff,
    read=read_telegram,
)
