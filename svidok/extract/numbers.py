"""Casualty and affected-people counts stated in a sentence.

A number counts only when it stands next to a casualty word ("three civilians were
killed", "killing 12", "injuring at least five people"), which keeps calibres (122mm),
dates, ranks and unit numbers out. Vague amounts ("dozens", "hundreds") are not turned
into numbers: the field stays null.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from number_parser import parse_number

_WORD_NUMBER = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"hundred|thousand"
)
_NUMBER = rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+|(?:(?:{_WORD_NUMBER})[\s-]?)+)"
_QUALIFIER = r"(?:at least |more than |over |up to |nearly |almost |about |around |some |a total of )?"
_PEOPLE = r"(?:\w+\s+){0,2}?(?:people|persons?|civilians?|residents?|children|child|kids|women|men|villagers|protesters?|activists?|policemen|police officers|soldiers|servicemen|troops|militants|fighters|rebels|separatists|employees|workers|passengers|teenagers?|boys?|girls?|members|individuals|adults|infants?|babies|miners|volunteers|medics|doctors|journalists)"

_KILLED = r"(?:killed|dead|died|dies|die|perished|lost their lives|murdered|executed|shot dead|deaths?)"
_INJURED = r"(?:injured|wounded|hurt|injuries|injuring|wounding)"
_AFFECTED = r"(?:deported|displaced|evacuated|detained|abducted|forcibly transferred|taken to russia|held|missing|affected|forced)"

_PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    field: tuple(re.compile(p, re.IGNORECASE) for p in patterns)
    for field, patterns in {
        "fatalities": (
            rf"\b{_QUALIFIER}{_NUMBER}\s+(?:{_PEOPLE})?\s*(?:were |was |have been |had been |are |is |reported |confirmed )?{_KILLED}\b",
            rf"\b(?:killing|killed|kills|kill)\s+{_QUALIFIER}{_NUMBER}\b(?!\s*(?:mm|km|th|st|nd|rd|%|percent))",
            rf"\b(?:death toll|toll)\s+(?:\w+\s+){{0,3}}?(?:to|of|at|reached|is|was)\s+{_QUALIFIER}{_NUMBER}\b",
        ),
        "injured": (
            rf"\b{_QUALIFIER}{_NUMBER}\s+(?:{_PEOPLE})?\s*(?:were |was |have been |had been |are |is |others |more )?{_INJURED}\b",
            rf"\b(?:injuring|wounding|injured|wounded)\s+{_QUALIFIER}{_NUMBER}\b(?!\s*(?:mm|km|th|st|nd|rd|%|percent))",
        ),
        "people_affected": (
            rf"\b{_QUALIFIER}{_NUMBER}\s+{_PEOPLE}\s*(?:were |was |have been |had been |are |is |being )?{_AFFECTED}\b",
        ),
    }.items()
}
# "2022" in "killed in 2022" is a year, and "93rd" a unit; neither is a count.
_NOT_A_COUNT = re.compile(r"^(?:19|20)\d\d$")


@dataclass(frozen=True)
class CountMention:
    field: str
    value: int
    start: int  # offsets within the sentence
    end: int
    text: str


def find_counts(sentence: str) -> list[CountMention]:
    """The first stated count for each field in `sentence`."""
    counts: list[CountMention] = []
    for field, patterns in _PATTERNS.items():
        for pattern in patterns:
            match = next((m for m in pattern.finditer(sentence) if _value(m.group("num")) is not None), None)
            if match is not None:
                value = _value(match.group("num"))
                assert value is not None
                counts.append(CountMention(field, value, match.start("num"), match.end("num"), match.group(0)))
                break
    return counts


def _value(number_text: str) -> int | None:
    cleaned = number_text.strip().replace(",", "")
    if cleaned.isdigit():
        return None if _NOT_A_COUNT.match(cleaned) else int(cleaned)
    value = parse_number(cleaned)
    return int(value) if isinstance(value, (int, float)) else None
