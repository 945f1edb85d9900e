"""Per-language extraction lexicons, read from `knowledge/data/lexicon/<language>.toml`.

One TOML file per language is the registry: adding Ukrainian means adding `uk.toml`,
not editing the stages. Everything that differs between languages (trigger stems, cue
words, weekday and month names in their case forms, number words, the endings that tell
a genitive or an adjective for languages read without a parser) is data here.
"""
from __future__ import annotations

import re
import re._constants as sre  # the parsed form of a pattern: its required words
import re._parser as sre_parser
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from svidok.knowledge import read_data_file

_FLAGS = re.IGNORECASE | re.MULTILINE
_APOSTROPHES = re.compile(r"['’`]")


def normalise_apostrophes(word: str) -> str:
    """Ukrainian apostrophes as U+02BC (ʼ), the form number-parser reads ("пʼять")."""
    return _APOSTROPHES.sub("ʼ", word)


def _bounded(pattern: str) -> str:
    # Word boundaries keep "rape" out of "grapes" and "annex" out of nothing longer.
    return rf"\b(?:{pattern})\b"


def _compile(patterns: list[str], *, anchored: bool = False) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p if anchored else _bounded(p), _FLAGS) for p in patterns)


# Text whose characters re.IGNORECASE matches exactly as str.lower() pairs them (ASCII, the
# Cyrillic block, Latin-1 punctuation, apostrophes, general punctuation): in it, looking for a
# lower-cased keyword in the lower-cased text finds whatever the regex engine would. Outside
# it ("İ", "ſ", Greek letters) the engine has case pairs of its own, and the screen decides.
PLAIN_CASE_TEXT = re.compile(r"[\x00-\x7f\u00a0-\u00bf\u02bc\u0400-\u04ff\u2000-\u206f]*")
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def _required_literals(items: sre_parser.SubPattern | list[Any]) -> frozenset[str] | None:
    """Strings one of which every match of the parsed pattern `items` contains, or None.

    Of the choices a pattern offers ("execution" in "(?<!mock )executions?"; "install" or
    "appoint" in "(install\\w*|appoint\\w*) (a )?(new )?(administration|mayor)"), the one whose
    shortest string is longest: the rarest to turn up by chance.
    """
    choices: list[frozenset[str]] = []
    run = ""
    for op, value in items:
        if op is sre.LITERAL:
            run += chr(value)
            continue
        if run:
            choices.append(frozenset({run}))
            run = ""
        if op is sre.SUBPATTERN:
            inner = _required_literals(value[-1])
        elif op is sre.ATOMIC_GROUP:
            inner = _required_literals(value)
        elif op is sre.BRANCH:
            branches = [_required_literals(branch) for branch in value[1]]
            inner = None if None in branches else frozenset().union(*branches)
        elif op in _REPEATS and value[0] >= 1:
            inner = _required_literals(value[2])
        else:  # a character class, an optional part, a lookaround: nothing it holds is required
            inner = None
        if inner:
            choices.append(inner)
    if run:
        choices.append(frozenset({run}))
    return max(choices, key=lambda choice: min(len(text) for text in choice), default=None)


def _keywords(patterns: list[str]) -> frozenset[str] | None:
    """Lower-cased strings one of which every match of any of `patterns` contains; None where
    some pattern requires none, or one in letters outside `PLAIN_CASE_TEXT`."""
    keywords: set[str] = set()
    for pattern in patterns:
        required = _required_literals(sre_parser.parse(_bounded(pattern), _FLAGS))
        if required is None or not all(PLAIN_CASE_TEXT.fullmatch(text) for text in required):
            return None
        keywords.update(text.lower() for text in required)
    return frozenset(keywords)


@dataclass(frozen=True)
class TypeTriggers:
    """One taxonomy type's trigger patterns, with two screens that tell whether any can match."""

    patterns: tuple[re.Pattern[str], ...]
    # All the patterns as one alternation: it finds a match in a sentence exactly where one of
    # them would, so a single scan decides whether they must run one by one. Most sentences
    # of an article report no event, and running every pattern on them was the cost.
    screen: re.Pattern[str]
    # Cheaper still: a sentence (lower-cased, in `PLAIN_CASE_TEXT`) holding none of these
    # cannot match; None where the patterns yield no such words.
    keywords: frozenset[str] | None


def _type_triggers(patterns: list[str]) -> TypeTriggers:
    screen = re.compile("|".join(_bounded(p) for p in patterns), _FLAGS)
    return TypeTriggers(_compile(patterns), screen, _keywords(patterns))


@dataclass(frozen=True)
class RelativeDay:
    """"yesterday" is one day back; "overnight" spans the day before and the publication day."""

    pattern: re.Pattern[str]
    first: int  # days relative to the publication date
    last: int


@dataclass(frozen=True)
class RelativePeriod:
    pattern: re.Pattern[str]
    which: str  # "last" or "this"
    unit: str  # "week", "weekend", "month" or "year"


@dataclass(frozen=True)
class DateWords:
    relative_days: tuple[RelativeDay, ...]
    # (weekday number, Monday = 0; pattern with an optional group `last` for "last Friday")
    weekdays: tuple[tuple[int, re.Pattern[str]], ...]
    relative_periods: tuple[RelativePeriod, ...]
    # One pattern per month, January first, matching every case form of its name.
    months: tuple[re.Pattern[str], ...]
    # Groups d (day), m (month name), y (year, optional).
    day_month: re.Pattern[str]
    # Groups m (month name), y (year).
    month_year: re.Pattern[str]
    # Group m: a month named without a day or a year ("in July"), after a preposition.
    month_alone: re.Pattern[str]
    # English month names are capitalised ("may" is a verb); Ukrainian and Russian ones are not.
    months_capitalised: bool
    # The word before a date that opens a period running to publication ("since", "з", "с"),
    # matched at the end of the text before the date.
    since: re.Pattern[str]
    # "since the start of the invasion": a period from the invasion to publication.
    since_war_start: tuple[re.Pattern[str], ...]
    # Words right after a date that close its period themselves ("since May 1 until June").
    period_end: re.Pattern[str]
    # "from 3 March to 30 March 2022": the word before the first date (matched at the end of
    # the text before it) and the words between the two (the whole gap).
    range_open: re.Pattern[str]
    range_join: re.Pattern[str]


@dataclass(frozen=True)
class CountWords:
    """How a language states casualty counts: patterns per field, with a group `num`."""

    patterns: dict[str, tuple[re.Pattern[str], ...]]
    # Words number-parser does not read: collectives ("двоє", "пятеро") and case forms.
    collectives: dict[str, int]


@dataclass(frozen=True)
class PatternCues:
    """Cues for languages read without a dependency parser (see `extract/lang/patterns.py`)."""

    # Finite forms of reporting verbs ("повідомив", "заявили", "сообщила").
    reporting_forms: tuple[re.Pattern[str], ...]
    # What may stand between a reporting verb and a source named after it ("у", "в пресслужбі").
    source_lead: re.Pattern[str]
    # Words that end a source phrase: conjunctions and finite verbs.
    phrase_stops: tuple[re.Pattern[str], ...]
    # Endings of words that continue a noun phrase: genitive attributes after the head,
    # adjectives before it.
    genitive_endings: re.Pattern[str]
    adjective_endings: re.Pattern[str]
    # Words trimmed from the ends of a source phrase found before its verb ("Раніше в ГУР також").
    source_trim: re.Pattern[str]
    # A pronoun subject names no one: the claimant carries over from the previous sentence.
    pronouns: re.Pattern[str]


@dataclass(frozen=True)
class StrikeTargets:
    """Words that tell what a strike hit (`extract/targets.py`)."""

    # An armed force's equipment, positions and installations ("a BMP-2", "ammo depot").
    military: tuple[re.Pattern[str], ...]
    # Forms in which such a word names the attacker ("tanks shelled", "fired from positions").
    attackers: tuple[re.Pattern[str], ...]
    # Civilian persons and objects ("residents", "apartment block", "power station").
    civilian: tuple[re.Pattern[str], ...]
    # Words of a deliberate killing ("executed", "розстріляли"), not of a strike's toll ("killing five").
    deliberate_killing: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class Lexicon:
    language: str
    triggers: dict[str, TypeTriggers]
    atrocity_labels: dict[str, str]
    suppressors: tuple[re.Pattern[str], ...]
    reporting_verbs: frozenset[str]
    source_prepositions: tuple[re.Pattern[str], ...]
    # The source prepositions by which a speaker names its own sources ("citing survivors").
    relaying_prepositions: tuple[re.Pattern[str], ...]
    unattributed: tuple[re.Pattern[str], ...]
    # Words that open a speaker's name before its body ("Голова ОВА ...", "spokesman"), each
    # matched against a whole word (`extract/lang/leading_source.py`).
    speaker_titles: tuple[re.Pattern[str], ...]
    # Words a speaker's name never opens with ("до 19 років", "із окупованої частини"): a
    # reading that took such words for the source misread the sentence.
    not_a_speakers_first_word: re.Pattern[str]
    # Titles of an official statement ("Сводка", "Statement by"), matched at a document's start.
    statement_titles: re.Pattern[str]
    denial: tuple[re.Pattern[str], ...]
    modality: dict[str, tuple[re.Pattern[str], ...]]
    byline: tuple[re.Pattern[str], ...]
    invasion_start: date
    war_day: tuple[re.Pattern[str], ...]
    claimant_kinds: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]
    # (pattern, canonical actor name): "Russian shelling" names the Russian armed forces.
    perpetrator_modifiers: tuple[tuple[re.Pattern[str], str], ...]
    # (generic mention, claimant kinds it may refer back to): "the group" after "Human Rights Watch".
    anaphora: tuple[tuple[re.Pattern[str], frozenset[str]], ...]
    date_words: DateWords
    count_words: CountWords
    pattern_cues: PatternCues | None
    targets: StrikeTargets
    # Openers of a sentence that goes on about the previous sentence's event ("Then", "Тоді").
    same_event: tuple[re.Pattern[str], ...]


def _compile_cased(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    """Like `_compile`, but all-capital patterns (acronyms such as "UN", "AP") stay case-sensitive."""
    return tuple(re.compile(_bounded(p), 0 if p.isupper() else re.IGNORECASE) for p in patterns)


def _modifier_patterns(table: dict[str, str]) -> tuple[tuple[re.Pattern[str], str], ...]:
    # Keys are patterns, so one key covers an adjective's case forms ("російськ\w+").
    nouns = table["attack_nouns"]
    return tuple(
        (re.compile(rf"(?<![\w-])(?P<actor>{adjective})\s+(?:\w+\s+)?{nouns}\b", re.IGNORECASE), name)
        for adjective, name in table.items()
        if adjective != "attack_nouns"
    )


def _date_words(data: dict[str, Any]) -> DateWords:
    months = data["months"]
    alternation = "|".join(f"(?:{m})" for m in months)

    def with_months(template: str) -> re.Pattern[str]:
        return re.compile(template.replace("{months}", alternation), re.IGNORECASE)

    last, this = data["weekday_last"], data["weekday_this"]
    weekdays = tuple(
        (number, re.compile(rf"\b(?:(?:{this})\s+)?(?:(?P<last>{last})\s+)?(?:{forms})\b", re.IGNORECASE))
        for number, forms in enumerate(data["weekdays"])
    )
    return DateWords(
        relative_days=tuple(
            RelativeDay(re.compile(_bounded(r["pattern"]), re.IGNORECASE), r["first"], r["last"])
            for r in data["relative_days"]
        ),
        weekdays=weekdays,
        relative_periods=tuple(
            RelativePeriod(re.compile(_bounded(r["pattern"]), re.IGNORECASE), r["which"], r["unit"])
            for r in data["relative_periods"]
        ),
        months=tuple(re.compile(rf"(?:{m})\.?", re.IGNORECASE) for m in months),
        day_month=with_months(data["day_month"]),
        month_year=with_months(data["month_year"]),
        month_alone=with_months(data["month_alone"]),
        months_capitalised=data["months_capitalised"],
        since=re.compile(rf"(?<!\w)(?:{data['since']})\s+$", re.IGNORECASE),
        since_war_start=_compile(data["since_war_start"]),
        period_end=re.compile(rf"\s*(?:{data['period_end']})", re.IGNORECASE),
        range_open=re.compile(rf"(?<!\w)(?:{data['range_open']})\s+$", re.IGNORECASE),
        range_join=re.compile(rf"\s*(?:{data['range_join']})\s*", re.IGNORECASE),
    )


def _count_words(data: dict[str, Any]) -> CountWords:
    parts = {name.upper(): value for name, value in data["parts"].items()}

    def expand(template: str) -> re.Pattern[str]:
        for name, value in parts.items():
            template = template.replace("{" + name + "}", value)
        return re.compile(template, re.IGNORECASE)

    return CountWords(
        patterns={field: tuple(expand(t) for t in templates) for field, templates in data["patterns"].items()},
        collectives={normalise_apostrophes(word.lower()): value for word, value in data.get("collectives", {}).items()},
    )


def _pattern_cues(data: dict[str, Any] | None) -> PatternCues | None:
    if data is None:
        return None
    return PatternCues(
        reporting_forms=_compile(data["reporting_forms"]),
        source_lead=re.compile(data["source_lead"], re.IGNORECASE),
        phrase_stops=_compile(data["phrase_stops"]),
        genitive_endings=re.compile(rf"(?:{data['genitive_endings']})$", re.IGNORECASE),
        adjective_endings=re.compile(rf"(?:{data['adjective_endings']})$", re.IGNORECASE),
        source_trim=re.compile(rf"(?:{data['source_trim']})", re.IGNORECASE),
        pronouns=re.compile(rf"(?:{data['pronouns']})", re.IGNORECASE),
    )


def _with_apostrophe_letters(value: Any, apostrophes: str) -> Any:
    """Ukrainian spells words with an apostrophe inside ("п'ять", "сім'ї"): `\\w` in every
    pattern of the file also takes the apostrophes, so "(\\w+ ){0,3}" steps over such words."""
    if isinstance(value, str):
        return value.replace("\\w", f"[\\w{apostrophes}]")
    if isinstance(value, list):
        return [_with_apostrophe_letters(v, apostrophes) for v in value]
    if isinstance(value, dict):
        return {k: _with_apostrophe_letters(v, apostrophes) for k, v in value.items()}
    return value


def available_languages() -> list[str]:
    folder = resources.files("svidok.knowledge").joinpath("data", "lexicon")
    return sorted(p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml"))


@lru_cache(maxsize=None)
def load_lexicon(language: str) -> Lexicon:
    """The lexicon for `language` (ISO 639-1); KeyError if svidok has none."""
    if language not in available_languages():
        raise KeyError(f"no extraction lexicon for language {language!r}")
    data = read_data_file(f"lexicon/{language}.toml")
    if data.get("apostrophe_letters"):
        data = _with_apostrophe_letters(data, data["apostrophe_letters"])
    attribution = data["attribution"]
    return Lexicon(
        language=language,
        triggers={code: _type_triggers(patterns) for code, patterns in data["triggers"].items()},
        atrocity_labels=dict(data["atrocity_labels"]),
        suppressors=_compile(data["suppressors"]["patterns"]),
        reporting_verbs=frozenset(attribution["reporting_verbs"]),
        source_prepositions=_compile(attribution["source_prepositions"]),
        relaying_prepositions=_compile(attribution["relaying_prepositions"]),
        unattributed=_compile(attribution["unattributed"]),
        speaker_titles=tuple(re.compile(p, re.IGNORECASE) for p in attribution["speaker_titles"]),
        not_a_speakers_first_word=re.compile(rf"^(?:{'|'.join(attribution['not_a_speakers_first_word'])})$", re.IGNORECASE),
        statement_titles=re.compile(rf"^\W*(?:{'|'.join(attribution['statement_titles'])})\b", re.IGNORECASE),
        denial=_compile(data["stance"]["denial"]),
        modality={name: _compile(patterns) for name, patterns in data["modality"].items()},
        byline=_compile(data["byline"]["patterns"], anchored=True),
        invasion_start=date.fromisoformat(data["dates"]["invasion_start"]),
        war_day=_compile(data["dates"]["war_day"]),
        perpetrator_modifiers=_modifier_patterns(data["perpetrator_modifiers"]),
        anaphora=tuple(
            (re.compile(rf"^(?:{pattern})$", _FLAGS), frozenset(kinds))
            for pattern, kinds in data.get("anaphora", {}).items()
        ),
        claimant_kinds=tuple((kind, _compile_cased(data["claimant_kinds"][kind])) for kind in data["claimant_kinds"]["order"]),
        date_words=_date_words(data["dates"]),
        count_words=_count_words(data["counts"]),
        pattern_cues=_pattern_cues(data.get("pattern_reading")),
        targets=StrikeTargets(**{group: _compile(patterns) for group, patterns in data["targets"].items()}),
        same_event=tuple(re.compile(rf"^\W*(?:{p})\b", _FLAGS) for p in data["continuation"]["same_event"]),
    )


def first_match(patterns: tuple[re.Pattern[str], ...], text: str) -> re.Match[str] | None:
    """The earliest match in `text` of any of `patterns`."""
    matches = [m for p in patterns for m in [p.search(text)] if m]
    return min(matches, key=lambda m: m.start()) if matches else None
