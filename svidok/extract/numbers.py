"""Casualty and affected-people counts stated in a sentence.

A number counts only when it stands next to a casualty word ("three civilians were
killed", "загинули щонайменше 12 людей", "погибли не менее десяти человек"), which keeps
calibres (122mm), dates, ranks and unit numbers out. The patterns are lexicon data, one
set per language. Vague amounts ("dozens", "десятки", "сотни") are not turned into
numbers: the field stays null. A pattern may instead name one person in the singular
(group `single`: "Ukrainian soldier killed"), which states a count of one, or say that nobody
was hurt (group `none`: "no one was injured", "ніхто не загинув"), which states a count of zero.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from number_parser import parse_number

from svidok.extract.lexicon import Lexicon, normalise_apostrophes

# "2022" in "killed in 2022" is a year, and "93rd" a unit; neither is a count.
_NOT_A_COUNT = re.compile(r"^(?:19|20)\d\d$")


@dataclass(frozen=True)
class CountMention:
    field: str
    value: int
    start: int  # offsets of the number within the sentence
    end: int
    text: str  # the whole phrase that states the count
    phrase_start: int  # offset of `text` within the sentence
    # The death words are soldiers' ("KIA", "killed in action": group `military`).
    military: bool = False


def find_counts(sentence: str, lexicon: Lexicon) -> list[CountMention]:
    """The first stated count for each field in `sentence`, read with `lexicon`'s patterns."""
    counts: list[CountMention] = []
    for field, patterns in lexicon.count_words.patterns.items():
        for pattern in patterns:
            found = ((m, _stated_count(m, lexicon)) for m in pattern.finditer(sentence))
            match, value = next(((m, v) for m, v in found if v is not None), (None, None))
            if match is not None and value is not None:
                group = next(name for name in ("num", "single", "none") if match.groupdict().get(name) is not None)
                military = match.groupdict().get("military") is not None
                counts.append(
                    CountMention(field, value, match.start(group), match.end(group), match.group(0), match.start(), military)
                )
                break
    return counts


def _stated_count(match: re.Match[str], lexicon: Lexicon) -> int | None:
    groups = match.groupdict()
    if groups.get("num") is not None:
        return number_value(groups["num"], lexicon)
    if groups.get("none"):
        return 0
    # No number, one person in the singular: "Ukrainian officer killed".
    return 1 if groups.get("single") else None


def number_value(number_text: str, lexicon: Lexicon) -> int | None:
    """The integer a number written in digits or words states; None for years and vague words."""
    cleaned = number_text.strip().replace(",", "")
    if cleaned.isdigit():
        # "2,000" has a thousands separator, which no year is written with.
        is_year = "," not in number_text and _NOT_A_COUNT.match(cleaned)
        return None if is_year else int(cleaned)
    normalised = normalise_apostrophes(cleaned.lower())
    if normalised in lexicon.count_words.collectives:
        return lexicon.count_words.collectives[normalised]
    return _number_in_words(normalised, lexicon.language)


@lru_cache(maxsize=4096)
def _number_in_words(text: str, language: str) -> int | None:
    """number_parser's reading of `text`, cached: it rebuilds its language data on every call
    (about 4 ms), and the same few number words recur in every article."""
    value = parse_number(text, language=language)
    return int(value) if isinstance(value, (int, float)) else None
