"""Ukrainian and Russian read natively: dates, counts and attribution from the lexicons' patterns."""
from __future__ import annotations

from datetime import date

import pytest

from svidok.extract.dates import find_dates
from svidok.extract.lang.patterns import read_sentence
from svidok.extract.lexicon import load_lexicon
from svidok.extract.numbers import find_counts
from svidok.extract.segment import Sentence

SATURDAY = date(2022, 5, 7)


def first_date(sentence: str, language: str) -> tuple[str, date, date]:
    found = find_dates(sentence, SATURDAY, load_lexicon(language))
    assert found, f"no date in {sentence!r}"
    return found[0].text, found[0].first, found[0].last


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("uk", "Обстріл почався у п'ятницю ввечері.", ("у п'ятницю", date(2022, 5, 6), date(2022, 5, 6))),
        ("uk", "Окупанти обстріляли село вчора.", ("вчора", date(2022, 5, 6), date(2022, 5, 6))),
        ("uk", "Напередодні ввечері ворог атакував Харків дронами.", ("Напередодні ввечері", date(2022, 5, 6), date(2022, 5, 6))),
        ("uk", "Про це стало відомо позавчора.", ("позавчора", date(2022, 5, 5), date(2022, 5, 5))),
        ("uk", "Вночі ворог атакував місто дронами.", ("Вночі", date(2022, 5, 6), SATURDAY)),
        ("uk", "Людей вивезли минулого тижня.", ("минулого тижня", date(2022, 4, 25), date(2022, 5, 1))),
        ("uk", "Це сталося на 72-й день війни.", ("на 72-й день війни", SATURDAY, SATURDAY)),
        ("uk", "Вторгнення почалося 24 лютого 2022 року.", ("24 лютого 2022 року", date(2022, 2, 24), date(2022, 2, 24))),
        ("uk", "Вибухи пролунали в ніч на 6 травня.", ("в ніч на 6 травня", date(2022, 5, 5), date(2022, 5, 6))),
        ("uk", "Звіт датовано 06.05.2022.", ("06.05.2022", date(2022, 5, 6), date(2022, 5, 6))),
        ("uk", "Арешти почалися у квітні 2022 року.", ("квітні 2022 року", date(2022, 4, 1), date(2022, 4, 30))),
        ("ru", "Удар был нанесён в пятницу.", ("в пятницу", date(2022, 5, 6), date(2022, 5, 6))),
        ("ru", "Об этом стало известно вчера.", ("вчера", date(2022, 5, 6), date(2022, 5, 6))),
        ("ru", "Ночью город атаковали беспилотники.", ("Ночью", date(2022, 5, 6), SATURDAY)),
        ("ru", "Задержания начались на прошлой неделе.", ("на прошлой неделе", date(2022, 4, 25), date(2022, 5, 1))),
        ("ru", "Это произошло на 72-й день войны.", ("на 72-й день войны", SATURDAY, SATURDAY)),
        ("ru", "Вторжение началось 24 февраля 2022 года.", ("24 февраля 2022 года", date(2022, 2, 24), date(2022, 2, 24))),
    ],
)
def test_ukrainian_and_russian_dates_resolve_against_the_publication_date(language, sentence, expected) -> None:
    assert first_date(sentence, language) == expected


def test_the_preposition_serednim_among_is_not_wednesday() -> None:
    assert find_dates("Серед загиблих є діти.", SATURDAY, load_lexicon("uk")) == []


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("uk", "Внаслідок обстрілу загинули двоє людей, ще п'ятеро поранені.", {"fatalities": 2, "injured": 5}),
        ("uk", "Загинули щонайменше 12 мирних жителів.", {"fatalities": 12}),
        ("uk", "Окупанти вбили трьох цивільних і поранили п'ятьох.", {"fatalities": 3, "injured": 5}),
        ("uk", "Понад 200 дітей було депортовано до Росії.", {"people_affected": 200}),
        ("ru", "В результате удара погибли не менее десяти человек.", {"fatalities": 10}),
        ("ru", "Трое мирных жителей погибли, пятеро ранены.", {"fatalities": 3, "injured": 5}),
        ("ru", "Погибли двое детей.", {"fatalities": 2}),
    ],
)
def test_counts_in_words_and_case_forms_are_read(language, sentence, expected) -> None:
    assert {c.field: c.value for c in find_counts(sentence, load_lexicon(language))} == expected


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("uk", "Десятки людей загинули внаслідок обстрілу."),
        ("uk", "Окупанти обстріляли село 24 лютого."),
        ("ru", "Сотни людей погибли в Мариуполе."),
        ("ru", "Погибшие 9 мая были похоронены."),
    ],
)
def test_vague_amounts_and_dates_are_not_counts(language, sentence) -> None:
    assert "fatalities" not in {c.field for c in find_counts(sentence, load_lexicon(language))}


def attribution(text: str, language: str):
    lexicon = load_lexicon(language)
    assert lexicon.pattern_cues is not None
    return read_sentence(Sentence(0, 100, 100 + len(text), text, 0), lexicon, lexicon.pattern_cues).attribution


@pytest.mark.parametrize(
    ("language", "sentence", "name", "cue"),
    [
        ("uk", "За даними Генштабу ЗСУ, окупанти обстріляли Харків.", "General Staff of the Armed Forces of Ukraine", "За даними"),
        ("uk", "Окупанти викрали трьох волонтерів, повідомили в Офісі генпрокурора.", "Prosecutor General's Office of Ukraine", "повідомили"),
        ("uk", "Як повідомили в ГУР МО, у Мелітополі затримали активістів.", "Defence Intelligence of Ukraine (GUR)", "повідомили"),
        ("uk", "Голова Харківської ОВА Олег Синєгубов заявив, що ворог обстріляв Чугуїв.", "Ukrainian regional military administration", "заявив"),
        ("ru", "По данным Минобороны России, уничтожены три танка.", "Ministry of Defence of the Russian Federation", "По данным"),
        ("ru", "Как заявили в ГУР, оккупанты вывозят детей в Россию.", "Defence Intelligence of Ukraine (GUR)", "заявили"),
        ("ru", "Песков заявил, что удары по гражданским объектам не наносились.", "Kremlin", "заявил"),
        ("ru", "Вечером ВСУ обстреляли Белгород, сообщил губернатор Вячеслав Гладков.", "Russian regional governors", "сообщил"),
        ("ru", "«Это фейк», — сказала официальный представитель МИД России Мария Захарова.", "Ministry of Foreign Affairs of the Russian Federation", "сказала"),
    ],
)
def test_native_reporting_constructions_name_canonical_claimants(language, sentence, name, cue) -> None:
    found = attribution(sentence, language)
    assert found.claimant is not None and found.claimant.name == name
    assert found.cue is not None and found.cue.text == cue and found.own_source
    assert found.claimant.span is not None and sentence[found.claimant.span.start - 100 : found.claimant.span.end - 100] == found.claimant.span.text


@pytest.mark.parametrize(
    ("language", "sentence"),
    [("uk", "Окупанти нібито вивозять зерно з Мелітополя."), ("ru", "Сообщается, что в селе слышны взрывы.")],
)
def test_unattributed_hedges_have_a_cue_but_no_claimant(language, sentence) -> None:
    found = attribution(sentence, language)
    assert found.claimant is None and found.cue is not None and found.own_source


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("uk", "Він заявив, що село обстрілювали двічі."),
        ("ru", "«Село обстреляли дважды», — заявил он."),
    ],
)
def test_a_pronoun_speaker_before_or_after_the_verb_leaves_the_claimant_to_the_previous_sentence(language, sentence) -> None:
    found = attribution(sentence, language)
    assert found.claimant is None and not found.own_source


@pytest.mark.parametrize(
    ("language", "sentence", "name"),
    [
        ("ru", "Украинская сторона в очередной раз заявила об обстреле Энергодара.", "Government of Ukraine"),
        ("uk", "Російська сторона знову заявила про знищення складу.", "Kremlin"),
    ],
)
def test_a_side_named_as_a_party_speaks_for_its_government_and_adverbs_stay_out_of_its_name(language, sentence, name) -> None:
    found = attribution(sentence, language)
    assert found.claimant is not None and (found.claimant.name, found.claimant.mention) == (name, sentence.split(" ")[0] + " " + sentence.split(" ")[1])


def test_a_headline_source_after_a_dash_is_the_claimant() -> None:
    found = attribution("Двоє загиблих у Харкові внаслідок обстрілу – ОВА", "uk")
    assert found.claimant is not None and found.claimant.name == "Ukrainian regional military administration"


def test_a_ministry_that_calls_a_report_fake_denies_it_in_russian_and_ukrainian() -> None:
    from datetime import UTC, date, datetime

    from svidok.extract import extract_claims
    from svidok.records import Document

    for text in (
        "Минобороны России назвало сообщения об ударе по жилому дому в Запорожье фейком и провокацией ВСУ.",
        "Міноборони РФ назвало повідомлення про удар по житловому будинку в Запоріжжі фейком.",
    ):
        document = Document(raw=text.encode(), origin="test", captured_at=datetime(2024, 1, 1, tzinfo=UTC),
                            text=text, published=date(2022, 10, 18))
        [claim] = extract_claims(document)
        assert claim.stance == "denies"
        assert claim.claimant is not None and claim.claimant.name == "Ministry of Defence of the Russian Federation"
