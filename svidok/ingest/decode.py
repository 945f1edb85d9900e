"""Bytes to text: strict decoding with errors that name the offending byte."""
from __future__ import annotations

import codecs
import re
from typing import Any

from svidok.ingest.errors import InputError

# Where an HTML page or XML file declares its encoding within its first bytes.
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_SNIFF_BYTES = 4096
# Control characters that never occur in text (tab, newlines, form feed and escape do).
_NON_TEXT_BYTES = bytes(set(range(32)) - {8, 9, 10, 12, 13, 27})


def looks_binary(raw: bytes) -> bool:
    """True for bytes that are not text: any NUL, or many control characters, near the start."""
    sample = raw[:_SNIFF_BYTES]
    if b"\x00" in sample:
        return True
    control = len(sample) - len(sample.translate(None, _NON_TEXT_BYTES))
    return control > len(sample) // 10


def declared_charset(raw: bytes) -> str | None:
    """The charset a `<meta>` tag or XML declaration announces near the start, if any."""
    match = _DECLARED_CHARSET.search(raw[:_SNIFF_BYTES])
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("ascii")


def decode_text(raw: bytes, charset: str | None = None) -> str:
    """Decode strictly as `charset` (UTF-8 when none is declared), dropping a byte-order mark."""
    codec = _lookup(charset or "utf-8")
    if codec.name == "utf-8":
        codec = codecs.lookup("utf-8-sig")
    try:
        return raw.decode(codec.name)
    except UnicodeDecodeError as error:
        label = "UTF-8" if codec.name == "utf-8-sig" else charset
        raise InputError(f"invalid {label} at byte {error.start}") from None


def _lookup(charset: str) -> codecs.CodecInfo:
    try:
        return codecs.lookup(charset)
    except LookupError:
        raise InputError(f"unknown charset {charset!r} declared") from None


def without_lone_surrogates(value: Any) -> Any:
    """`value` (a string, or JSON lists and objects of them) with each lone surrogate replaced
    by U+FFFD.

    JSON may escape half of a UTF-16 pair ("\\ud83d" alone), as exporters that cut strings by
    UTF-16 length do. Such a string is not Unicode text: it can be neither encoded nor
    stored. The replacement character marks the spot.
    """
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        return value
    if isinstance(value, list):
        return [without_lone_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {key: without_lone_surrogates(item) for key, item in value.items()}
    return value
