"""Ukrainian: sentences read with the lexicon's patterns (no Ukrainian parser ships in a package)."""
from __future__ import annotations

from svidok.extract.lang.patterns import PatternReader


def ukrainian_reader() -> PatternReader:
    return PatternReader()
