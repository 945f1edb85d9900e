"""Misspelt settlement names ("Lysytsjansk", "Kramatorks"): a conservative last resort.

Only consulted when no spelling the gazetteer knows matches. A name key of at least
`MIN_LENGTH` letters one edit (insertion, deletion, substitution or swap of neighbours) from
a known key, two letters swapped anywhere ("Enerdohar" for Enerhodar), or whose spelling
skeleton is one edit from a known skeleton, is a candidate; so is a known key that a query
of at least `TRUNCATED_MIN_LENGTH` letters begins, missing at most `MAX_TRUNCATED` letters
("Kupyan" for Kupyansk). The guess is kept only if one name (in the named regions, where the
query names any) fits, because with two names a typo could point at either; the namesakes
bearing that one name are then weighed like any others.

Region stems before an oblast word are few (some forty), so a misspelt one ("Donestk
Oblast", "Charkov Oblast", "Mykolajiv Oblast") is read as the one stem it is close to.
"""
from __future__ import annotations

from svidok.geocode.gazetteer import Area, Gazetteer, NameMatch, Region, Settlement
from svidok.geocode.names import name_key, spelling_skeleton

# Shorter names are one edit from too many others ("Vesele", "Veseli", "Vasyle").
MIN_LENGTH = 7
# Within the named regions the names are fewer: a six-letter name may be guessed ("Tomkak"),
# and its first letters may be wrong too ("Maykolaiv", "Sadovsk" for Skadovsk).
MIN_LENGTH_IN_REGION = 6
# A recovered misspelling is worth this much of the name it is close to.
FUZZY_QUALITY = 0.6
# A misspelt region stem needs this many letters ("Sumy" spelt "Soemy").
MIN_REGION_STEM_LENGTH = 4
# A cut-off name ("Kupyan") needs this many letters and may miss this many at its end.
TRUNCATED_MIN_LENGTH = 6
MAX_TRUNCATED = 3


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


def letters_swapped(a: str, b: str) -> bool:
    """True if `b` is `a` with two (not necessarily neighbouring) letters exchanged."""
    if len(a) != len(b):
        return False
    differ = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(differ) == 2 and a[differ[0]] == b[differ[1]] and a[differ[1]] == b[differ[0]]


def _truncated(key: str, gaz: Gazetteer) -> list[NameMatch]:
    """Settlements whose one-word name `key` is the beginning of ("Kupyan" -> Kupyansk)."""
    if len(key) < TRUNCATED_MIN_LENGTH or " " in key:
        return []
    return [m for close in gaz.keys_longer(key, MAX_TRUNCATED) if close.startswith(key) and " " not in close
            for m in gaz.lookup(close)]


def close_spellings(key: str, gaz: Gazetteer, named_regions: set[str]) -> list[NameMatch]:
    """The settlements bearing the one name a misspelt `key` most plausibly is, at reduced
    quality; [] when the key is short, nothing is close, or two or more names are close."""
    found = _truncated(key, gaz)
    skeleton = spelling_skeleton(key)
    if named_regions and len(key) >= MIN_LENGTH_IN_REGION:
        # The few names of the named regions may also be compared by skeleton, which reaches
        # the other spellings GeoNames lists ("Sjevjerodonetsk": Sjevjerodoneck).
        pool = gaz.keys_in_regions(named_regions, key)
        found += [m for close in pool if spelling_skeleton(close) == skeleton for m in gaz.lookup(close)]
    else:
        pool = gaz.keys_like(key) if len(key) >= MIN_LENGTH else []
    found += [m for close in pool if within_one_edit(key, close) or letters_swapped(key, close) for m in gaz.lookup(close)]
    if len(key) >= MIN_LENGTH:
        if len(skeleton) >= MIN_LENGTH - 1:
            found += [m for close in gaz.skeletons_like(skeleton) if within_one_edit(skeleton, close)
                      for m in gaz.skeleton_matches(close)]
    places = {id(m.entry): m for m in found if isinstance(m.entry, Settlement)
              and (not named_regions or m.entry.admin1_code in named_regions)}
    if len({name_key(m.entry.name) for m in places.values()}) != 1:
        return []
    return [NameMatch(m.entry, m.quality * FUZZY_QUALITY, m.by_skeleton) for m in places.values()]


def is_close_word(key: str, known: frozenset[str]) -> bool:
    """True if the one-word `key` is in `known` or, being at least `MIN_LENGTH` - 2 letters
    long, one edit from a word there ("obalst", "olast" for "oblast")."""
    return key in known or (len(key) >= MIN_LENGTH - 2 and any(within_one_edit(key, word) for word in known))


def misspelt_region(key: str, gaz: Gazetteer) -> Region | Area | None:
    """The one region whose stem `key` misspells: sharing its spelling skeleton, else one edit
    from the stem or its skeleton (Dutch and German romanisations: "Tsjernihiv", "Charkov",
    "Loehansk"); None when no stem or more than one region is that close."""
    if len(key) < MIN_REGION_STEM_LENGTH or " " in key:
        return None
    skeleton = spelling_skeleton(key)
    stems = [(stem, spelling_skeleton(stem), region) for stem, region in gaz.region_stems()]
    # The same skeleton first: "Donetzk" is Donetsk, though one edit from Vinnytsia's too.
    for close in ({id(r): r for _, other, r in stems if other == skeleton},
                  {id(r): r for stem, other, r in stems if within_one_edit(key, stem) or within_one_edit(skeleton, other)}):
        if close:
            return next(iter(close.values())) if len(close) == 1 else None
    return None
