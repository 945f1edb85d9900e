from __future__ import annotations

import pytest

from svidok.extract.lexicon import load_lexicon
from svidok.extract.numbers import find_counts


def counts(sentence: str) -> dict[str, int]:
    return {c.field: c.value for c in find_counts(sentence, load_lexicon("en"))}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Two civilians were killed and five injured in the shelling.", {"fatalities": 2, "injured": 5}),
        ("The strike killed at least 12 people.", {"fatalities": 12}),
        ("Five dead as police storm the camp.", {"fatalities": 5}),
        ("A missile hit the station, killing nine and injuring 34.", {"fatalities": 9, "injured": 34}),
        ("The death toll rose to 1,234.", {"fatalities": 1234}),
        ("More than 200 children were deported to Russia.", {"people_affected": 200}),
    ],
)
def test_counts_next_to_casualty_words_are_read(sentence: str, expected: dict[str, int]) -> None:
    assert counts(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Dozens of people were killed in the attack.",
        "The 93rd brigade fired 122mm shells at the village.",
        "Russian forces shelled the town on 24 February 2022.",
        "People killed in 2014 were commemorated.",
    ],
)
def test_vague_amounts_calibres_units_and_years_are_not_counts(sentence: str) -> None:
    assert "fatalities" not in counts(sentence) and "injured" not in counts(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("One Ukrainian serviceman killed, three wounded near Avdiivka.", {"fatalities": 1, "injured": 3}),
        ("The command reports 2 KIA's and 4 WIA's amid 66 attacks.", {"fatalities": 2, "injured": 4}),
        ("One militiaman was killed in the shelling.", {"fatalities": 1}),
    ],
)
def test_singular_casualties_and_military_abbreviations_are_read(sentence: str, expected: dict[str, int]) -> None:
    assert counts(sentence) == expected
