"""Trigger screening: a type's keywords (the literals its patterns require) and its
one-alternation screen only skip sentences none of its patterns could match, so
find_triggers finds what running every pattern finds."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from svidok.extract.lexicon import PLAIN_CASE_TEXT, Lexicon, _type_triggers, available_languages, load_lexicon
from svidok.extract.triggers import Trigger, find_triggers, may_match

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_sentences() -> list[str]:
    """Every text of the annotated and ACLED fixtures, in all three languages."""
    texts = []
    for path in sorted(FIXTURES.glob("annotated.*.jsonl")) + sorted(FIXTURES.glob("acled_snippets.*.jsonl")):
        texts.extend(json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return texts


def triggers_from_every_pattern(sentence: str, lexicon: Lexicon) -> list[Trigger]:
    """The unscreened reading: every pattern of every type run over the sentence."""
    suppressed = [m.span() for p in lexicon.suppressors for m in p.finditer(sentence)]
    found = []
    for code, triggers in lexicon.triggers.items():
        matches = [m for p in triggers.patterns for m in p.finditer(sentence)
                   if not any(s <= m.start() < e for s, e in suppressed)]
        if matches:
            first = min(matches, key=lambda m: m.start())
            found.append(Trigger(code, first.start(), first.end(), first.group(0)))
    return sorted(found, key=lambda t: t.start)


@pytest.mark.parametrize("language", available_languages())
def test_a_type_screen_hits_exactly_the_sentences_one_of_its_patterns_matches(language: str) -> None:
    lexicon = load_lexicon(language)
    sentences = fixture_sentences()
    for code, triggers in lexicon.triggers.items():
        for sentence in sentences:
            any_pattern = any(p.search(sentence) for p in triggers.patterns)
            assert (triggers.screen.search(sentence) is not None) == any_pattern, (language, code, sentence)


@pytest.mark.parametrize("language", available_languages())
def test_every_sentence_a_type_matches_holds_one_of_its_keywords(language: str) -> None:
    lexicon = load_lexicon(language)
    screened = {code: triggers for code, triggers in lexicon.triggers.items() if triggers.keywords is not None}
    assert screened, f"{language}: no type has keywords derived from its patterns"
    for code, triggers in screened.items():
        for sentence in fixture_sentences():
            if any(p.search(sentence) for p in triggers.patterns):
                assert any(k in sentence.lower() for k in triggers.keywords), (language, code, sentence)


def test_a_keyword_is_the_longest_literal_every_match_contains() -> None:
    triggers = _type_triggers([r"(?<!mock )executions?", r"(install\w*|appoint\w*) (a |an )?(new )?(mayor|governor)"])
    assert triggers.keywords == {"execution", "install", "appoint"}


def test_a_pattern_without_a_required_literal_leaves_the_type_to_its_screen() -> None:
    triggers = _type_triggers([r"shell\w*", r"\d+\s+(?:dead|killed)?"])
    assert triggers.keywords is None
    assert may_match(triggers, "12 wounded", "12 wounded")


def test_text_the_regex_engine_folds_its_own_way_is_screened_by_the_regex() -> None:
    # "ſ" (long s) matches "s" under re.IGNORECASE but is not "s" to str.lower().
    triggers = _type_triggers([r"shell\w*"])
    assert not PLAIN_CASE_TEXT.fullmatch("ſhelling")
    assert may_match(triggers, "ſhelling", None)


@pytest.mark.parametrize("language", available_languages())
def test_find_triggers_finds_what_running_every_pattern_finds(language: str) -> None:
    lexicon = load_lexicon(language)
    sentences = fixture_sentences()
    assert any(find_triggers(s, lexicon) for s in sentences), "the fixtures fire no trigger at all"
    for sentence in sentences:
        assert find_triggers(sentence, lexicon) == triggers_from_every_pattern(sentence, lexicon), sentence


def test_a_sentence_reporting_nothing_has_no_triggers() -> None:
    assert find_triggers("The weather in the capital was mild and sunny all week.", load_lexicon("en")) == []


def test_the_lexicon_is_compiled_once_per_language() -> None:
    assert load_lexicon("en") is load_lexicon("en")
