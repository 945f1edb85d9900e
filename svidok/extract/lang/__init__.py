"""Language modules, one per language, chosen by this registry.

Each module provides a `LanguageReader`; the lexicon for the same language lives in
`knowledge/data/lexicon/<code>.toml`.
"""
from __future__ import annotations

from collections.abc import Callable

from svidok.extract.reading import LanguageReader


def _english() -> LanguageReader:
    from svidok.extract.lang.en import EnglishReader

    return EnglishReader()


def _ukrainian() -> LanguageReader:
    from svidok.extract.lang.uk import ukrainian_reader

    return ukrainian_reader()


def _russian() -> LanguageReader:
    from svidok.extract.lang.ru import russian_reader

    return russian_reader()


# Readers are built lazily: loading spaCy costs half a second that a Ukrainian batch need not pay.
_READERS: dict[str, Callable[[], LanguageReader]] = {"en": _english, "uk": _ukrainian, "ru": _russian}
_BUILT: dict[str, LanguageReader] = {}


def supported_languages() -> list[str]:
    return sorted(_READERS)


def reader_for(language: str) -> LanguageReader:
    """The reader for `language`; KeyError where svidok cannot read it yet."""
    if language not in _BUILT:
        _BUILT[language] = _READERS[language]()
    return _BUILT[language]
