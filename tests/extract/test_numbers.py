from __future__ import annotations

import pytest

from svidok.extract.lexicon import load_lexicon
from svidok.extract.numbers import find_counts, number_value


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


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Rebel sniper kills Ukrainian serviceman despite ceasefire", 1),
        ("DPR civilian killed during attack of Ukrainian military", 1),
        ("Ukrainian officer killed, three soldiers wounded in Donbas", 1),
        ("A strike on the vehicle killed the driver.", 1),
        ("Kiev reports first combat death since new truce", 1),
    ],
)
def test_one_person_named_in_the_singular_is_a_count_of_one(sentence: str, expected: int) -> None:
    assert counts(sentence)["fatalities"] == expected


def test_two_people_named_in_the_singular_are_not_read_as_one() -> None:
    assert "fatalities" not in counts("Soldier and civilian killed in intensifying clashes")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Five civilians including two children die in east Ukraine: officials", 5),
        ("Four civilians, among them a child, were killed in the strike.", 4),
        ("More than 50 self-defense fighters killed during airstrike in Kramatorsk", 50),
        ("Two Lugansk republic’s servicemen killed in shelling", 2),
        ("Four border guards killed in helicopter attack - military", 4),
        ("Two civilians said killed as rebels breach ceasefire", 2),
        ("'Up to five' rebels killed in Slavyansk: ministry", 5),
        ("Death toll from the shelling of Yasinovataya rises to two", 2),
        ("The meeting follows the death of two Ukrainian servicemen.", 2),
    ],
)
def test_the_count_of_the_whole_group_is_read_past_modifiers_hedges_and_sub_counts(sentence: str, expected: int) -> None:
    assert counts(sentence)["fatalities"] == expected


def test_a_count_of_part_of_the_victims_is_never_the_count_of_the_whole() -> None:
    assert "fatalities" not in counts("Shelling hit the school, including two children who died later.")


def test_a_number_after_of_counts_something_else_and_the_group_before_it_is_the_count() -> None:
    assert counts("Three members of a family of four reportedly killed by a strike.")["fatalities"] == 3
    assert "fatalities" not in counts("A family of four reportedly killed by a strike.")


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("uk", "У Донецькій області загинув військовий."),
        ("uk", "Загинув п’ятирічний хлопчик."),
        ("uk", "У Харкові загинула 80-річна жінка."),
        ("ru", "В результате обстрела погиб мирный житель."),
        ("ru", "Украинский военный погиб под Донецком."),
    ],
)
def test_one_person_beside_a_verb_in_the_singular_is_one_death_in_ukrainian_and_russian(language: str, sentence: str) -> None:
    assert {c.field: c.value for c in find_counts(sentence, load_lexicon(language))} == {"fatalities": 1}


@pytest.mark.parametrize(
    ("language", "sentence"),
    [("uk", "Загинула жінка та дитина."), ("ru", "Погибла женщина и ребенок.")],
)
def test_two_people_joined_by_and_are_not_one_death_in_ukrainian_and_russian(language: str, sentence: str) -> None:
    assert "fatalities" not in {c.field for c in find_counts(sentence, load_lexicon(language))}


def test_a_death_sentence_is_no_count() -> None:
    assert "fatalities" not in counts("The court handed down a death sentence to the soldier.")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russia plans to deport 500 children from Kherson", 500),
        ("Russian forces detained at least 30 residents of Bucha.", 30),
        ("They evacuated 2,000 people from Irpin.", 2000),
    ],
)
def test_people_affected_are_read_after_the_verb_that_affects_them(sentence: str, expected: int) -> None:
    assert counts(sentence) == {"people_affected": expected}


def test_a_count_of_killed_and_wounded_together_is_no_death_count() -> None:
    assert "fatalities" not in counts("Up to 10 troops killed and wounded in an attempt to break through")


def test_soldiers_death_words_mark_a_death_count_as_military() -> None:
    lexicon = load_lexicon("en")
    kia = next(c for c in find_counts("One KIA, one WIA in past 24 hours", lexicon) if c.field == "fatalities")
    dead = next(c for c in find_counts("Three civilians dead in Donetsk", lexicon) if c.field == "fatalities")
    assert (kia.value, kia.military) == (1, True)
    assert (dead.value, dead.military) == (3, False)


def test_a_count_reports_the_whole_phrase_that_states_it() -> None:
    sentence = "Shelling of the town: death toll rises to 28"
    toll = find_counts(sentence, load_lexicon("en"))[0]
    assert sentence[toll.phrase_start : toll.phrase_start + len(toll.text)] == "death toll rises to 28"
    assert sentence[toll.start : toll.end] == "28"


def test_number_words_are_read_the_same_on_every_call() -> None:
    lexicon = load_lexicon("en")
    assert number_value("twenty-one", lexicon) == number_value("twenty-one", lexicon) == 21


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("en", "Shelling damaged a school in Kherson, no one was hurt.", {"injured": 0}),
        ("en", "Nobody was killed or injured there.", {"fatalities": 0, "injured": 0}),
        ("en", "Drones hit a warehouse overnight; there were no casualties.", {"fatalities": 0, "injured": 0}),
        ("uk", "Уламки пошкодили будинок у Сумах, ніхто не постраждав.", {"injured": 0}),
        ("uk", "Обійшлося без жертв.", {"fatalities": 0}),
        ("ru", "Обстрел Белгорода: пострадавших нет.", {"injured": 0}),
        ("ru", "Никто не погиб.", {"fatalities": 0}),
    ],
)
def test_a_text_saying_nobody_was_hurt_states_a_count_of_zero(language: str, sentence: str, expected: dict[str, int]) -> None:
    assert {c.field: c.value for c in find_counts(sentence, load_lexicon(language))} == expected


def test_no_one_is_not_a_count_of_one() -> None:
    assert counts("Three people were killed and no one else was injured.") == {"fatalities": 3, "injured": 0}
