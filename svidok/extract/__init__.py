"""Extraction: from a Document to its Claims, with every field traced to a span of text.

`extract(document)` returns the claims and how extraction ended (never silently empty);
`extract_claims(document)` returns the claims alone; `svidok.extract.batch.extract_many`
extracts many documents, on several processes where asked.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from svidok.extract.lang import supported_languages
from svidok.extract.language import detect_language
from svidok.extract.lexicon import available_languages, load_lexicon
from svidok.extract.pipeline import PlaceFinder, extract_from_text
from svidok.records import Claim, Document, Place


@dataclass(frozen=True)
class Extraction:
    language: str
    claims: list[Claim]
    # "failed": extraction crashed on this document (only `batch.extract_many` reports it;
    # `extract` itself raises).
    status: Literal["extracted", "skipped", "failed"]
    reason: str = ""


def extract(document: Document, find_places: PlaceFinder | None = None) -> Extraction:
    """Claims of one document; `find_places` defaults to the packaged Ukraine gazetteer."""
    language = document.language or detect_language(document.text)
    if not document.text.strip():
        return Extraction(language, [], "skipped", "no text")
    if language not in available_languages() or language not in supported_languages():
        return Extraction(language, [], "skipped", f"no extraction lexicon for language {language!r} yet")
    claims = extract_from_text(document, load_lexicon(language), find_places or _gazetteer_places)
    reason = f"{len(claims)} claims" if claims else "no claim found in the text"
    return Extraction(language, claims, "extracted", reason)


def extract_claims(document: Document) -> list[Claim]:
    return extract(document).claims


def _gazetteer_places(text: str, published: date | None) -> list[Place]:
    from svidok.geocode import find_places, load_gazetteer

    return find_places(text, load_gazetteer(), published=published)


__all__ = ["Extraction", "detect_language", "extract", "extract_claims"]
