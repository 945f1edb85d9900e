"""Trigger screening: each type's one-alternation screen only skips sentences none of its
patterns could match, so find_triggers finds what running every pattern finds."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from svidok.extract.lexicon import Lexicon, available_languages, load_lexicon
from svidok.extract.triggers import Trigger, find_triggers

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
