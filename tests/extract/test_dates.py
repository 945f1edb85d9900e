from __future__ import annotations

from datetime import date

import pytest

from svidok.extract.dates import find_dates, in_dateline
from svidok.extract.lexicon import load_lexicon

SATURDAY = date(2022, 5, 7)


def resolve(sentence: str, published: date | None = SATURDAY, language: str = "en") -> list[tuple[str, date, date, str]]:
    return [(m.text, m.first, m.last, m.precision) for m in find_dates(sentence, published, load_lexicon(language))]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("the GUR claimed Friday.", ("Friday", date(2022, 5, 6), date(2022, 5, 6), "day")),
        ("It happened on Saturday.", ("on Saturday", SATURDAY, SATURDAY, "day")),
        ("It happened last Saturday.", ("last Saturday", date(2022, 4, 30), date(2022, 4, 30), "day")),
        ("Shelling resumed yesterday.", ("yesterday", date(2022, 5, 6), date(2022, 5, 6), "day")),
        ("Drones struck overnight.", ("overnight", date(2022, 5, 6), SATURDAY, "day")),
        ("heavy losses 72 days into the invasion", ("72 days into the invasion", SATURDAY, SATURDAY, "day")),
        ("on day 10 of the war", ("on day 10 of the war", date(2022, 3, 6), date(2022, 3, 6), "day")),
        ("Residents fled on 3 May.", ("3 May", date(2022, 5, 3), date(2022, 5, 3), "day")),
        ("Residents fled on March 3, 2022.", ("March 3, 2022", date(2022, 3, 3), date(2022, 3, 3), "day")),
        ("A report dated 06.05.2022 says", ("06.05.2022", date(2022, 5, 6), date(2022, 5, 6), "day")),
        ("Strikes intensified last week.", ("last week", date(2022, 4, 25), date(2022, 5, 1), "week")),
        ("Arrests began in April 2022.", ("April 2022", date(2022, 4, 1), date(2022, 4, 30), "month")),
    ],
)
def test_date_expressions_resolve_against_the_publication_date(sentence: str, expected: tuple) -> None:
    assert resolve(sentence)[0] == expected


def test_a_sentence_without_a_date_expression_yields_none() -> None:
    assert resolve("Troops moved towards the border.") == []


def test_relative_expressions_need_a_publication_date() -> None:
    assert resolve("It happened yesterday.", published=None) == []


def test_the_modal_verb_may_is_not_a_month() -> None:
    assert resolve("Officials say they may 2 weeks from now return.") == []


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Nine people wounded in shelling over past week"),
        ("en", "Four servicemen killed in the past week"),
        ("en", "Two civilians died in the last seven days"),
        ("uk", "За минулий тиждень загинули троє цивільних"),
        ("ru", "За прошедшую неделю погибли трое мирных жителей"),
    ],
)
def test_the_past_week_is_the_seven_days_up_to_publication_not_the_calendar_week_before(language: str, sentence: str) -> None:
    found = find_dates(sentence, SATURDAY, load_lexicon(language))
    assert [(m.first, m.last, m.precision) for m in found] == [(date(2022, 5, 1), SATURDAY, "week")]


def test_last_week_alone_is_still_the_calendar_week_before() -> None:
    assert resolve("Shelling intensified last week, officials said.")[0][1:] == (date(2022, 4, 25), date(2022, 5, 1), "week")


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("en", "Forty people have been detained since May 1.", ("since May 1", date(2022, 5, 1), SATURDAY, "day")),
        ("en", "The town has been shelled daily since April 2022.", ("since April 2022", date(2022, 4, 1), SATURDAY, "month")),
        ("en", "200 civilians were killed since the start of the full-scale invasion.",
         ("since the start of the full-scale invasion", date(2022, 2, 24), SATURDAY, "day")),
        ("uk", "З 1 травня окупанти затримали сорок людей.", ("З 1 травня", date(2022, 5, 1), SATURDAY, "day")),
        ("uk", "З початку повномасштабного вторгнення загинули двісті дітей.",
         ("З початку повномасштабного вторгнення", date(2022, 2, 24), SATURDAY, "day")),
        ("ru", "С 1 мая задержаны сорок человек.", ("С 1 мая", date(2022, 5, 1), SATURDAY, "day")),
        ("ru", "С начала СВО погибли двести человек.", ("С начала СВО", date(2022, 2, 24), SATURDAY, "day")),
    ],
)
def test_a_date_after_since_opens_a_period_that_runs_to_publication(language: str, sentence: str, expected: tuple) -> None:
    assert resolve(sentence, language=language) == [expected]


def test_a_period_closed_in_the_text_does_not_run_to_publication() -> None:
    assert resolve("The road was closed since May 1 until May 5.")[0][:3] == ("May 1", date(2022, 5, 1), date(2022, 5, 1))


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("en", "Residents were held in the basement from 3 March to 30 March 2022.",
         ("from 3 March to 30 March 2022", date(2022, 3, 3), date(2022, 3, 30), "day")),
        ("en", "Fighting raged between May 1 and May 5.", ("between May 1 and May 5", date(2022, 5, 1), date(2022, 5, 5), "day")),
        ("uk", "З 3 березня по 30 березня 2022 року людей тримали у підвалі.",
         ("З 3 березня по 30 березня 2022 року", date(2022, 3, 3), date(2022, 3, 30), "day")),
        ("ru", "С 1 мая по 5 мая шли бои.", ("С 1 мая по 5 мая", date(2022, 5, 1), date(2022, 5, 5), "day")),
    ],
)
def test_from_one_date_to_another_is_one_period_and_the_first_takes_the_seconds_year(language: str, sentence: str, expected: tuple) -> None:
    assert resolve(sentence, language=language) == [expected]


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("en", "Last year, a strike on the market killed 19.", ("Last year", date(2021, 1, 1), date(2021, 12, 31), "year")),
        ("en", "Earlier this year the town was occupied.", ("Earlier this year", date(2022, 1, 1), SATURDAY, "year")),
        ("uk", "Торік окупанти вивезли з міста сорок дітей.", ("Торік", date(2021, 1, 1), date(2021, 12, 31), "year")),
        ("ru", "В прошлом году в городе задержали сорок человек.", ("В прошлом году", date(2021, 1, 1), date(2021, 12, 31), "year")),
    ],
)
def test_last_year_and_this_year_are_calendar_years(language: str, sentence: str, expected: tuple) -> None:
    assert resolve(sentence, language=language) == [expected]


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("en", "At least 40 civilians were killed in April, the mission said.", ("April", date(2022, 4, 1), date(2022, 4, 30), "month")),
        ("en", "The town was occupied in June.", ("June", date(2021, 6, 1), date(2021, 6, 30), "month")),
        ("uk", "У квітні окупанти вивезли сорок дітей.", ("квітні", date(2022, 4, 1), date(2022, 4, 30), "month")),
        ("ru", "В апреле погибли сорок мирных жителей.", ("апреле", date(2022, 4, 1), date(2022, 4, 30), "month")),
    ],
)
def test_a_month_named_alone_is_the_latest_such_month_up_to_publication(language: str, sentence: str, expected: tuple) -> None:
    assert resolve(sentence, language=language) == [expected]


def test_may_the_verb_is_no_month() -> None:
    assert resolve("Residents may leave in the morning.") == []


@pytest.mark.parametrize(
    ("sentence", "dateline"),
    [
        ("DNIPRO, Ukraine, April 20 - A missile struck a dormitory on Friday.", "April 20"),
        ("KYIV, Oct 18 (Reuters) - Shelling killed two civilians.", "Oct 18"),
        ("MOSCOW, November 23. /TASS/. Air defences shot down two drones.", "November 23"),
    ],
)
def test_a_datelines_date_dates_the_report_not_the_event(sentence: str, dateline: str) -> None:
    mentions = find_dates(sentence, date(2024, 4, 20), load_lexicon("en"))
    assert [m.text for m in mentions if in_dateline(m, sentence)] == [dateline]


def test_a_date_opening_a_sentence_is_no_dateline() -> None:
    sentence = "On April 18, a missile struck a dormitory in Dnipro."
    assert not any(in_dateline(m, sentence) for m in find_dates(sentence, date(2024, 4, 20), load_lexicon("en")))
