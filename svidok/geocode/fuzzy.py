"""Misspelt settlement names ("Lysytsjansk", "Kramatorks"): a conservative last resort.

Only consulted when no spelling the gazetteer knows matches. A name key of at least
`MIN_LENGTH` letters one edit (insertion, deletion, substitution or swap of neighbours) from
a known key, or whose spelling skeleton is one edit from a known skeleton, is a candidate;
the guess is kept only if exactly one place (in the named regions, where the query names
any) fits, because with two candidates a typo could point at either.
"""
from __future__ import annotations

from svidok.geocode.gazetteer import Gazetteer, NameMatch, Settlement
from svidok.geocode.names import spelling_skeleton

# Shorter names are one edit from too many others ("Vesele", "Veseli", "Vasyle").
MIN_LENGTH = 7
# A recovered misspelling is worth this much of the name it is close to.
FUZZY_QUALITY = 0.6


def within_one_edit(a: str, b: str) -> bool:
    """True if `a` and `b` differ by at most one insertion, deletion, substitution or swap."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    if len(a) == len(b):
        if a[start + 1:] == b[start + 1:]:
            return True  # one substitution
        return a[start:start + 2] == b[start:start + 2][::-1] and a[start + 2:] == b[start + 2:]
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return shorter[start:] == longer[start + 1:]


def close_spellings(key: str, gaz: Gazetteer, named_regions: set[str]) -> list[NameMatch]:
    """The one settlement a misspelt `key` most plausibly names, at reduced quality; [] when
    the key is short, nothing is close, or two or more places are equally close."""
    if len(key) < MIN_LENGTH:
        return []
    found = [m for close in gaz.keys_like(key) if within_one_edit(key, close) for m in gaz.lookup(close)]
    skeleton = spelling_skeleton(key)
    if len(skeleton) >= MIN_LENGTH - 1:
        found += [m for close in gaz.skeletons_like(skeleton) if within_one_edit(skeleton, close)
                  for m in gaz.skeleton_matches(close)]
    places = {m.entry: m for m in found if isinstance(m.entry, Settlement)
              and (not named_regions or m.entry.admin1_code in named_regions)}
    if len(places) != 1:
        return []
    (entry, match), = places.items()
    return [NameMatch(entry, match.quality * FUZZY_QUALITY, match.by_skeleton)]
