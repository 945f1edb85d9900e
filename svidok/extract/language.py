"""A first guess at a document's language from its script and letters.

Ukrainian and Russian share Cyrillic but not every letter (і ї є ґ versus ы э ъ ё),
which separates them on all but the shortest texts; a statistical identifier can
replace this without touching the stages that call it.
"""
from __future__ import annotations

_UKRAINIAN_ONLY = set("іїєґІЇЄҐ")
_RUSSIAN_ONLY = set("ыэъёЫЭЪЁ")


def detect_language(text: str) -> str:
    """ISO 639-1 code: "en", "uk" or "ru"."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "en"
    cyrillic = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
    if cyrillic / len(letters) < 0.3:
        return "en"
    ukrainian = sum(1 for c in letters if c in _UKRAINIAN_ONLY)
    russian = sum(1 for c in letters if c in _RUSSIAN_ONLY)
    return "uk" if ukrainian > russian else "ru"
