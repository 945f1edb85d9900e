"""Temporal expressions in a sentence, resolved against the publication date.

Relative expressions that dateparser does not resolve the way a reader would are
handled here: weekdays count back from the publication date ("claimed Friday" in a
Saturday paper is the day before), and war anchors count from the start of the
full-scale invasion ("72 days into the invasion"). Absolute dates ("6 May", "May 6,
2022") go to dateparser with the publication date as its relative base.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import dateparser

from svidok.extract.lexicon import Lexicon
from svidok.records import DatePrecision

_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"

_RELATIVE_DAYS = re.compile(
    r"\b(?P<word>yesterday|today|tonight|this morning|this afternoon|this evening|overnight|last night|the day before yesterday)\b",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(r"\b(?:(?P<last>last|this|on)\s+)?(?P<day>" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)
_RELATIVE_PERIOD = re.compile(
    r"\b(?P<which>last|this|earlier this|past)\s+(?P<unit>week|month|weekend)\b", re.IGNORECASE
)
_DAY_MONTH = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTHS})\.?|(?P<m2>{_MONTHS})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d))(?:,?\s+(?P<y>(?:19|20)\d\d))?\b",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(r"\b(?P<iso>(?:19|20)\d\d-\d\d-\d\d)\b|\b(?P<dmy>\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d)\b")
_MONTH_YEAR = re.compile(rf"\b(?P<m>{_MONTHS})\s+(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    start: int  # offsets within the sentence
    end: int
    text: str
    first: date
    last: date
    precision: DatePrecision


def find_dates(sentence: str, published: date | None, lexicon: Lexicon) -> list[DateMention]:
    """Resolved date expressions in `sentence`, in text order, without overlaps."""
    found: list[DateMention] = []
    for finder in (_war_days, _numeric_dates, _day_months, _month_years):
        found.extend(finder(sentence, published, lexicon))
    if published is not None:
        for finder in (_relative_days, _weekdays, _relative_periods):
            found.extend(finder(sentence, published, lexicon))
    kept: list[DateMention] = []
    for mention in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):
        if not any(mention.start < k.end and k.start < mention.end for k in kept):
            kept.append(mention)
    return kept


def _war_days(sentence: str, published: date | None, lexicon: Lexicon) -> list[DateMention]:
    mentions = []
    for pattern in lexicon.war_day:
        for m in pattern.finditer(sentence):
            number = next(int(v) for k, v in m.groupdict().items() if v and k.startswith("n"))
            day = lexicon.invasion_start + timedelta(days=number)
            mentions.append(DateMention(m.start(), m.end(), m.group(0), day, day, "day"))
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
        mentions.append(DateMention(m.start(), m.end(), m.group(0), day, day, "day"))
    return mentions


def _day_months(sentence: str, published: date | None, lexicon: Lexicon) -> list[DateMention]:
    mentions = []
    for m in _DAY_MONTH.finditer(sentence):
        month = m.group("m1") or m.group("m2")
        # "they may 2 ..." is a verb; month names are written with a capital.
        if not month[0].isupper() or (m.group("y") is None and published is None):
            continue
        settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
        if published is not None:
            settings["RELATIVE_BASE"] = datetime.combine(published, datetime.min.time())
        parsed = dateparser.parse(m.group(0), languages=[lexicon.language], settings=settings)
        if parsed is None:
            continue
        day = parsed.date()
        mentions.append(DateMention(m.start(), m.end(), m.group(0), day, day, "day"))
    return mentions


def _month_years(sentence: str, published: date | None, lexicon: Lexicon) -> list[DateMention]:
    mentions = []
    for m in _MONTH_YEAR.finditer(sentence):
        if not m.group("m")[0].isupper():
            continue
        parsed = dateparser.parse(f"1 {m.group('m')} {m.group('y')}", languages=["en"])
        if parsed is None:
            continue
        first = parsed.date()
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        mentions.append(DateMention(m.start(), m.end(), m.group(0), first, last, "month"))
    return mentions


def _relative_days(sentence: str, published: date, lexicon: Lexicon) -> list[DateMention]:
    mentions = []
    for m in _RELATIVE_DAYS.finditer(sentence):
        word = m.group("word").lower()
        if word == "the day before yesterday":
            first = last = published - timedelta(days=2)
        elif word == "yesterday":
            first = last = published - timedelta(days=1)
        elif word in {"overnight", "last night"}:
            # A night spans two dates; reports say "overnight" of the night before publication.
            first, last = published - timedelta(days=1), published
        else:
            first = last = published
        mentions.append(DateMention(m.start(), m.end(), m.group(0), first, last, "day"))
    return mentions


def _weekdays(sentence: str, published: date, lexicon: Lexicon) -> list[DateMention]:
    mentions = []
    for m in _WEEKDAY.finditer(sentence):
        weekday = _WEEKDAYS[m.group("day").lower()]
        back = (published.weekday() - weekday) % 7
        if (m.group("last") or "").lower() == "last" and back == 0:
            back = 7
        day = published - timedelta(days=back)
        mentions.append(DateMention(m.start(), m.end(), m.group(0), day, day, "day"))
    return mentions


def _relative_periods(sentence: str, published: date, lexicon: Lexicon) -> list[DateMention]:
    mentions = []
    for m in _RELATIVE_PERIOD.finditer(sentence):
        which, unit = m.group("which").lower(), m.group("unit").lower()
        if unit == "month":
            anchor = published if which != "last" else published.replace(day=1) - timedelta(days=1)
            first = anchor.replace(day=1)
            last = min(published, anchor.replace(day=calendar.monthrange(anchor.year, anchor.month)[1]))
            mentions.append(DateMention(m.start(), m.end(), m.group(0), first, last, "month"))
            continue
        monday = published - timedelta(days=published.weekday())
        if which in {"last", "past"}:
            monday -= timedelta(days=7)
        first, last = (monday + timedelta(days=5), monday + timedelta(days=6)) if unit == "weekend" else (monday, monday + timedelta(days=6))
        mentions.append(DateMention(m.start(), m.end(), m.group(0), first, min(last, published), "week"))
    return mentions
