"""A document's language (English, Ukrainian or Russian), and the languages of its parts.

The statistical identifier is lingua's n-gram models, shipped inside its wheel (nothing
is downloaded), loaded for these three languages only: all 75 would cost over 1 GB.
Ukrainian and Russian share Cyrillic and much vocabulary, so short posts can sit near
the boundary; there the letters only one of them uses (і ї є ґ versus ы э ъ ё) settle it.
"""
from __future__ import annotations

import re
from functools import cache
from itertools import islice

from lingua import ConfidenceValue, Language, LanguageDetector, LanguageDetectorBuilder

_CODES = {Language.ENGLISH: "en", Language.UKRAINIAN: "uk", Language.RUSSIAN: "ru"}
_UKRAINIAN_ONLY = frozenset("іїєґІЇЄҐ")
_RUSSIAN_ONLY = frozenset("ыэъёЫЭЪЁ")
# Below this margin between the two best languages lingua is guessing; the letters decide.
_UNSURE_MARGIN = 0.3
# Latin i typed for Cyrillic і inside a Cyrillic word ("Харкiв"), common in Ukrainian posts:
# the n-gram models would see a foreign letter and lean Russian.
_LATIN_I_IN_CYRILLIC = re.compile(r"(?<=[\u0400-\u04ff])[iI]|[iI](?=[\u0400-\u04ff])")
_QUOTATION_PATTERN = r"«[^«»]+»|„[^„“”]+[“”]|\"[^\"]+\""
_QUOTATION = re.compile(_QUOTATION_PATTERN)
# A part of a mixed post: a quotation, or a sentence outside quotation marks.
_PARTS = re.compile(_QUOTATION_PATTERN + r"|[^«„\".!?…\n]+[.!?…]*")
# Parts with fewer letters than this take the language of the author's own words.
_MIN_PART_LETTERS = 20


@cache
def _detector() -> LanguageDetector:
    """Built once per process: building loads the models (about 150 MB resident for three languages).

    High-accuracy mode: low-accuracy mode needs only 14 MB, but on the first 40 characters
    of the fixture texts it confused Ukrainian and Russian twice in 126, this mode never.
    """
    return LanguageDetectorBuilder.from_languages(*_CODES).with_preloaded_language_models().build()


def detect_language(text: str) -> str:
    """ISO 639-1 code: "en", "uk" or "ru"; "en" for text without letters.

    The language of the author's own words: a quotation in another language (a Russian
    official quoted in a Ukrainian post) does not change it unless the quotation is all there is.
    """
    own_words = _QUOTATION.sub(" ", text)
    return _identify(own_words if _has_letters(own_words, _MIN_PART_LETTERS) else text)


def _identify(text: str) -> str:
    # lingua's confidences are relative: a near tie between Ukrainian and Russian means the
    # shared vocabulary (names, numbers, "ракета", "дрон") outweighs the rest, and then a
    # letter only one language writes is firmer evidence than another n-gram.
    normalised = _LATIN_I_IN_CYRILLIC.sub("і", text)
    if not any(c.isalpha() for c in normalised):
        return "en"
    best, second = _ranked(normalised)
    if best.value - second.value < _UNSURE_MARGIN and {best.language, second.language} == {
        Language.UKRAINIAN,
        Language.RUSSIAN,
    }:
        return _by_letters(normalised) or _CODES[best.language]
    return _CODES[best.language]


def detect_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, language) parts covering the text's quotations and sentences.

    A Russian quotation inside a Ukrainian post is its own part; parts too short to judge
    take the document's language. Adjacent parts in one language are merged.
    """
    main = detect_language(text)
    spans: list[tuple[int, int, str]] = []
    for match in _PARTS.finditer(text):
        part = match.group()
        language = _identify(part) if _has_letters(part, _MIN_PART_LETTERS) else main
        if spans and spans[-1][2] == language:
            spans[-1] = (spans[-1][0], match.end(), language)
        else:
            spans.append((match.start(), match.end(), language))
    return spans


def _has_letters(text: str, count: int) -> bool:
    """Whether `text` has at least `count` letters; stops counting there (documents are long)."""
    letters = (c for c in text if c.isalpha())
    return sum(1 for _ in islice(letters, count)) == count


def _ranked(text: str) -> tuple[ConfidenceValue, ConfidenceValue]:
    values = _detector().compute_language_confidence_values(text)
    return values[0], values[1]


def _by_letters(text: str) -> str | None:
    """"uk" or "ru" when one side's own letters outnumber the other's, else None."""
    ukrainian = sum(1 for c in text if c in _UKRAINIAN_ONLY)
    russian = sum(1 for c in text if c in _RUSSIAN_ONLY)
    if ukrainian == russian:
        return None
    return "uk" if ukrainian > russian else "ru"
