"""War-notable places that are not settlements (landmarks.toml): Snake Island, the Zaporizhzhia
NPP, Azovstal, the Kakhovka dam, airfields, the Black Sea.

A landmark is read only where a query names no settlement exactly, so "Kherson" stays the
city while "Kherson airport" is the airfield at Chornobaivka. How precise an answer it gives
follows from how far the site spans: an island or a plant is as precise as a settlement, a
spit only as a district, a sea or a long reservoir only as a region (a point in the middle
of the Black Sea says nothing about where in it something happened).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from svidok.geocode.names import name_key
from svidok.records import PlacePrecision

# A site at most this wide is located as precisely as a settlement (a town's own area).
SETTLEMENT_EXTENT_KM = 20.0
# Wider, up to this, it is located as a district is (a raion is some 50-80 km across).
DISTRICT_EXTENT_KM = 80.0


@dataclass(frozen=True)
class Landmark:
    name: str
    kind: str  # "island", "airfield", "sea", ...
    admin1_code: str | None  # None for a sea or reservoir bordering several regions
    lat: float
    lon: float
    precision: PlacePrecision  # "settlement", "district" or "region", from the site's extent


def precision_for_extent(extent_km: float) -> PlacePrecision:
    """The precision a point standing for a site this wide can claim."""
    if extent_km <= SETTLEMENT_EXTENT_KM:
        return "settlement"
    return "district" if extent_km <= DISTRICT_EXTENT_KM else "region"


class Landmarks:
    """Landmark names and facility words (landmarks.toml), by name key."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self._by_key: dict[str, Landmark] = {}
        for entry in raw["landmark"]:
            landmark = Landmark(entry["name"], entry["kind"], entry.get("admin1"), entry["lat"], entry["lon"],
                                precision_for_extent(entry["extent_km"]))
            # In file order, so that an error names the same clash on every run.
            for key in dict.fromkeys(name_key(n) for n in [entry["name"], *entry["names"]]):
                if key in self._by_key:
                    raise ValueError(f"landmarks.toml: name {key!r} is given to both "
                                     f"{self._by_key[key].name} and {landmark.name}")
                self._by_key[key] = landmark
        self._most_words = max(key.count(" ") + 1 for key in self._by_key)
        # Words a landmark name may begin with: a text's other words need no lookup at all.
        self._first_words = frozenset(key.split(" ")[0] for key in self._by_key)
        # Longest first, so that "power plant" is removed whole rather than "plant" alone.
        self._facility_words = sorted({name_key(w) for w in raw["facility_words"]}, key=len, reverse=True)

    def named(self, key: str) -> Landmark | None:
        """The landmark whose name key is `key`."""
        return self._by_key.get(key)

    def mentioned_in(self, key: str) -> Landmark | None:
        """The landmark whose name makes up the longest run of words in `key` ("snake island
        zmiinyi", "kakhovka dam area"); None if no landmark name is among its words."""
        words = key.split(" ")
        for size in range(min(self._most_words, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                landmark = self._by_key.get(" ".join(words[start:start + size]))
                if landmark is not None:
                    return landmark
        return None

    def named_at(self, keys: list[str], start: int) -> tuple[Landmark, int] | None:
        """(landmark, word count) of the longest landmark name that the word keys `keys`
        spell from index `start` on ("the zaporizhzhia nuclear power plant"); None if none."""
        if keys[start].split(" ", 1)[0] not in self._first_words:  # a hyphenated word is several
            return None
        for size in range(min(self._most_words, len(keys) - start), 0, -1):
            landmark = self._by_key.get(" ".join(keys[start:start + size]))
            if landmark is not None:
                return landmark, size
        return None

    def without_facility_word(self, key: str) -> str | None:
        """`key` without the facility word that ends or begins it ("voznesensk airbase" ->
        "voznesensk", "аеропорт бориспіль" -> "бориспіль"); None if it has none or is only one."""
        for word in self._facility_words:
            if key.endswith(" " + word):
                return key[: -len(word) - 1]
            if key.startswith(word + " "):
                return key[len(word) + 1:]
        return None
