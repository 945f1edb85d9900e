"""Russian: sentences read with the lexicon's patterns, like Ukrainian.

natasha's Russian NER exists, but actors come from the alias file and places from the
gazetteer, so the patterns are all the reader needs and it stays as fast as Ukrainian.
"""
from __future__ import annotations

from svidok.extract.lang.patterns import PatternReader


def russian_reader() -> PatternReader:
    return PatternReader()
