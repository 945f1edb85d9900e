"""Claims as JSON Lines: SPEC.md fields plus the metadata of the document each rests on."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from svidok.records import Claim, Document


def document_metadata(document: Document) -> dict[str, Any]:
    return {
        "title": document.title,
        "url": document.url,
        "publisher": document.publisher,
        "published": document.published.isoformat() if document.published else None,
        "sha256": document.sha256,
    }


def write_claims_jsonl(
    claims: Iterable[Claim], document_of: Callable[[str], Document | None], stream: TextIO
) -> int:
    """Write one JSON object per line and return how many were written.

    Raises LookupError naming the claim whose document cannot be found: a claim without
    its source is not evidence.
    """
    written = 0
    for claim in claims:
        document = document_of(claim.document_id)
        if document is None:
            raise LookupError(f"claim {claim.id}: document {claim.document_id} not found")
        record = claim.to_json() | {"document": document_metadata(document)}
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        written += 1
    return written
