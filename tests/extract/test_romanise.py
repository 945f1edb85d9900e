from __future__ import annotations

from svidok.extract.claimants import claimant_from_mention
from svidok.extract.lexicon import load_lexicon
from svidok.extract.romanise import romanise


def test_ukrainian_names_follow_the_official_2010_system() -> None:
    assert romanise("Надія Добрянська", "uk") == "Nadiia Dobrianska"
    assert romanise("Запоріжжя", "uk") == "Zaporizhzhia"


def test_russian_names_follow_icao_doc_9303() -> None:
    assert romanise("Эдуард Басурин", "ru") == "Eduard Basurin"


def test_latin_names_and_languages_without_a_system_are_unchanged() -> None:
    assert romanise("Olena Petrenko", "uk") == "Olena Petrenko"
    assert romanise("Надія", "en") == "Надія"


def test_an_unknown_cyrillic_speaker_keeps_the_mention_and_gets_a_latin_name() -> None:
    actor = claimant_from_mention("мешканка Олена Коваль", 10, load_lexicon("uk"))
    assert actor.mention == "мешканка Олена Коваль"
    assert actor.name == "meshkanka Olena Koval"
    assert actor.span is not None and actor.span.start == 10
