"""Latin-script names for speakers svidok knows no English name for.

JSON output gives canonical English names; a speaker missing from the actors file keeps
their own words as the mention and gets a romanised name: Ukrainian by Ukraine's official
2010 system (Cabinet of Ministers resolution no. 55, as implemented by `translitua`),
Russian by ICAO Doc 9303, the machine-readable passport standard (as implemented by `iuliia`).
"""
from __future__ import annotations

import re
from collections.abc import Callable

import iuliia
from translitua import translit

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

_SYSTEMS: dict[str, Callable[[str], str]] = {
    "uk": translit,
    "ru": iuliia.ICAO_DOC_9303.translate,
}


def romanise(name: str, language: str) -> str:
    """`name` in Latin script where it is Cyrillic and the language has a system; else unchanged."""
    system = _SYSTEMS.get(language)
    if system is None or not _CYRILLIC.search(name):
        return name
    return system(name)
