"""Temporal expressions in a sentence, resolved against the publication date.

The words of each language (weekdays and months in their case forms, "yesterday",
"overnight", "last week", war-day anchors) are lexicon data; this module only resolves
them. Weekdays count back from the publication date ("claimed Friday" in a Saturday paper
is the day before; "у п'ятницю" and "в пятницу" the same), and war anchors count from the
start of the full-scale invasion ("72 days into the invasion", "на 72-й день війни").
Explicit day-month dates go to dateparser in the lexicon's language, with the publication
date as its relative base, after the regex has cut away prepositions and "року"/"года".
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

from svidok.extract.lexicon import DateWords, Lexicon
from svidok.records import DatePrecision

_NUMERIC_DATE = re.compile(r"\b(?P<iso>(?:19|20)\d\d-\d\d-\d\d)\b|\b(?P<dmy>\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d)\b")


# A wire story's dateline, "KYIV, Oct 18 - ", "DNIPRO, Ukraine, April 20 - ", "MOSCOW, November 23.
# /TASS/.", "Запоріжжя, 27 квітня. Укрінформ": a place, a comma, then the date the report was filed.
_BEFORE_DATELINE_DATE = re.compile(r"^\W*[^\W\d][\w'’. -]{1,40}?,(?:\s*[^\W\d][\w'’ -]{1,30},)?\s*$")
_AFTER_DATELINE_DATE = re.compile(r"^(?:,?\s*(?:19|20)\d\d)?\s*(?:[-–—]|\.|/|\()")


@dataclass(frozen=True)
class DateMention:
    start: int  # offsets within the sentence
    end: int
    text: str
    first: date
    last: date
    precision: DatePrecision


def find_dates(sentence: str, published: date | None, lexicon: Lexicon) -> list[DateMention]:
    """Resolved date expressions in `sentence`, in text order, without overlaps; a date after
    "since" is the period from it to the publication day."""
    found: list[DateMention] = []
    for finder in (_war_days, _numeric_dates, _day_months, _month_years):
        found.extend(finder(sentence, published, lexicon))
    if published is not None:
        for relative in (_relative_days, _weekdays, _relative_periods, _months_alone):
            found.extend(relative(sentence, published, lexicon.date_words))
        found.extend(_since_war_start(sentence, published, lexicon))
    kept: list[DateMention] = []
    for mention in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):
        if not any(mention.start < k.end and k.start < mention.end for k in kept):
            kept.append(mention)
    kept = _ranges(kept, sentence, lexicon.date_words)
    return kept if published is None else [_since(m, sentence, published, lexicon.date_words) for m in kept]


def in_dateline(mention: DateMention, sentence: str) -> bool:
    """Whether `mention` is a dateline's date: it dates the report, not the event it reports."""
    return bool(
        _BEFORE_DATELINE_DATE.match(sentence[: mention.start]) and _AFTER_DATELINE_DATE.match(sentence[mention.end :])
    )


_YEAR = re.compile(r"(?:19|20)\d\d")


def _ranges(mentions: list[DateMention], sentence: str, words: DateWords) -> list[DateMention]:
    """`mentions` with each "from <date> to <date>" pair joined into one period; the first
    date takes the second's year where it names none ("from 3 March to 30 March 2022")."""
    joined: list[DateMention] = []
    for mention in mentions:
        previous = joined[-1] if joined else None
        if previous is not None and (span := _range(previous, mention, sentence, words)) is not None:
            joined[-1] = span
        else:
            joined.append(mention)
    return joined


def _range(first: DateMention, second: DateMention, sentence: str, words: DateWords) -> DateMention | None:
    opener = words.range_open.search(sentence, 0, first.start)
    if opener is None or words.range_join.fullmatch(sentence, first.end, second.start) is None:
        return None
    start = first.first
    if not _YEAR.search(first.text) and _YEAR.search(second.text):
        try:
            start = start.replace(year=second.last.year)
        except ValueError:  # 29 February in a year without one
            return None
    if start > second.last:
        return None
    text = sentence[opener.start() : second.end]
    return DateMention(opener.start(), second.end, text, start, second.last, first.precision)


def _since_war_start(sentence: str, published: date, lexicon: Lexicon) -> list[DateMention]:
    return [
        _day(m, lexicon.invasion_start, last=published)
        for pattern in lexicon.date_words.since_war_start
        for m in pattern.finditer(sentence)
        if lexicon.invasion_start <= published
    ]


def _since(mention: DateMention, sentence: str, published: date, words: DateWords) -> DateMention:
    """`mention`, or where "since" stands right before it ("since May 1"), the period from its
    first day to the publication day, with the word in its text. A period closed in the text
    ("since May 1 until June 3") or one that would start after publication is left alone."""
    since = words.since.search(sentence, 0, mention.start)
    if since is None or mention.first > published or words.period_end.match(sentence, mention.end):
        return mention
    return DateMention(since.start(), mention.end, sentence[since.start() : mention.end], mention.first, published, mention.precision)


# Any date serves to find where date expressions are; their values are not used.
_SPAN_REFERENCE = date(2022, 1, 1)


def date_spans(sentence: str, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Where `sentence` has date expressions, relative ones included (for readers that
    must not take "у п'ятницю" for part of a source's name)."""
    return [(m.start, m.end) for m in find_dates(sentence, _SPAN_REFERENCE, lexicon)]


def _day(m: re.Match[str], day: date, precision: DatePrecision = "day", last: date | None = None) -> DateMention:
    return DateMention(m.start(), m.end(), m.group(0), day, last or day, precision)


def _war_days(sentence: str, published: date | None, lexicon: Lexicon) -> list[DateMention]:
    mentions = []
    for pattern in lexicon.war_day:
        for m in pattern.finditer(sentence):
            number = next(int(v) for k, v in m.groupdict().items() if v and k.startswith("n"))
            mentions.append(_day(m, lexicon.invasion_start + timedelta(days=number)))
    return mentions


def _numeric_dates(sentence: str, published: date | None, lexicon: Lexicon) -> list[DateMention]:
    mentions = []
    for m in _NUMERIC_DATE.finditer(sentence):
        try:
            if m.group("iso"):
                day = date.fromisoformat(m.group("iso"))
            else:
                d, mo, y = re.split(r"[./]", m.group("dmy"))
                day = date(int(y), int(mo), int(d))
        except ValueError:
            continue
        mentions.append(_day(m, day))
    return mentions


def _day_months(sentence: str, published: date | None, lexicon: Lexicon) -> list[DateMention]:
    words = lexicon.date_words
    mentions = []
    for m in words.day_month.finditer(sentence):
        month = m.group("m") or m.group("m2")
        day_number = m.group("d") or m.group("d2")
        # "they may 2 ..." is a verb; English month names are written with a capital.
        if (words.months_capitalised and not month[0].isupper()) or (m.group("y") is None and published is None):
            continue
        day = _parse_day_month(" ".join(part for part in (day_number, month, m.group("y")) if part), lexicon.language, published)
        if day is None:
            continue
        # "в ніч на 16 травня": the night that ends on the sixteenth.
        first = day - timedelta(days=1) if m.groupdict().get("night") else day
        mentions.append(_day(m, first, last=day))
    return mentions


@lru_cache(maxsize=4096)
def _parse_day_month(bare: str, language: str, published: date | None) -> date | None:
    """dateparser's reading of "12 May [2022]" (half a millisecond a call: an article repeats its dates)."""
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime.combine(published, datetime.min.time())
    parsed = dateparser.parse(bare, languages=[language], settings=settings)
    return parsed.date() if parsed is not None else None


def _month_years(sentence: str, published: date | None, lexicon: Lexicon) -> list[DateMention]:
    words = lexicon.date_words
    mentions = []
    for m in words.month_year.finditer(sentence):
        name = m.group("m")
        number = _month_number(name, words)
        if number is None or (words.months_capitalised and not name[0].isupper()):
            continue
        year = int(m.group("y"))
        first = date(year, number, 1)
        mentions.append(_day(m, first, "month", first.replace(day=calendar.monthrange(year, number)[1])))
    return mentions


def _months_alone(sentence: str, published: date, words: DateWords) -> list[DateMention]:
    """"in July": the latest July up to the publication day, as a month."""
    mentions = []
    for m in words.month_alone.finditer(sentence):
        number = _month_number(m.group("m"), words)
        if number is None or (words.months_capitalised and not m.group("m")[0].isupper()):
            continue
        year = published.year if number <= published.month else published.year - 1
        first = date(year, number, 1)
        last = min(published, first.replace(day=calendar.monthrange(year, number)[1]))
        mentions.append(DateMention(m.start("m"), m.end("m"), m.group("m"), first, last, "month"))
    return mentions


def _month_number(name: str, words: DateWords) -> int | None:
    return next((n for n, p in enumerate(words.months, start=1) if p.fullmatch(name)), None)


def _relative_days(sentence: str, published: date, words: DateWords) -> list[DateMention]:
    return [
        _day(m, published + timedelta(days=r.first), last=published + timedelta(days=r.last))
        for r in words.relative_days
        for m in r.pattern.finditer(sentence)
    ]


def _weekdays(sentence: str, published: date, words: DateWords) -> list[DateMention]:
    mentions = []
    for weekday, pattern in words.weekdays:
        for m in pattern.finditer(sentence):
            back = (published.weekday() - weekday) % 7
            if m.group("last") and back == 0:
                back = 7
            mentions.append(_day(m, published - timedelta(days=back)))
    return mentions


# Length of a rolling period ("the past week") counted back from the publication day.
_ROLLING_DAYS = {"week": 7, "month": 30}


def _relative_periods(sentence: str, published: date, words: DateWords) -> list[DateMention]:
    mentions = []
    for period in words.relative_periods:
        for m in period.pattern.finditer(sentence):
            if period.which == "past":
                # "Over the past week" is the seven days up to and including publication,
                # not the calendar week before ("last week").
                first = published - timedelta(days=_ROLLING_DAYS[period.unit] - 1)
                mentions.append(_day(m, first, period.unit, published))  # type: ignore[arg-type]
                continue
            if period.unit == "year":
                year = published.year - (period.which == "last")
                mentions.append(_day(m, date(year, 1, 1), "year", min(published, date(year, 12, 31))))
                continue
            if period.unit == "month":
                anchor = published if period.which != "last" else published.replace(day=1) - timedelta(days=1)
                last = min(published, anchor.replace(day=calendar.monthrange(anchor.year, anchor.month)[1]))
                mentions.append(_day(m, anchor.replace(day=1), "month", last))
                continue
            monday = published - timedelta(days=published.weekday())
            if period.which == "last":
                monday -= timedelta(days=7)
            first, last = (
                (monday + timedelta(days=5), monday + timedelta(days=6))
                if period.unit == "weekend"
                else (monday, monday + timedelta(days=6))
            )
            mentions.append(_day(m, first, "week", min(last, published)))
    return mentions
