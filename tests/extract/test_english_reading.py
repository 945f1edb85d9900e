"""The English reader parses only sentences whose reading needs the parse, without
changing any reading: a sentence it does not parse is one `attribute` finds nothing in."""
from __future__ import annotations

import json
from pathlib import Path

from svidok.extract.lang.en import EnglishReader
from svidok.extract.lang.en_attribution import NO_ATTRIBUTION, attribute, may_attribute
from svidok.extract.lang.en_parse import parse_sentences, verb_forms
from svidok.extract.lexicon import load_lexicon
from svidok.extract.segment import Sentence, split_sentences

_ANNOTATED = Path(__file__).parent / "fixtures" / "annotated.en.jsonl"


def read(text: str):
    return EnglishReader().read([Sentence(0, 0, len(text), text, 0)], load_lexicon("en"))[0]


def test_every_inflection_of_a_reporting_verb_calls_for_a_parse() -> None:
    forms = verb_forms(frozenset({"say", "tell", "claim", "deny", "write"}))
    assert {"said", "says", "told", "telling", "claimed", "denies", "denied", "wrote", "written"} <= forms
    assert "shelled" not in forms


def test_a_sentence_with_no_source_cue_is_read_without_a_parse() -> None:
    reading = read("Shelling hit the railway station in Kramatorsk overnight.")
    assert reading.attribution == NO_ATTRIBUTION
    assert reading.batch_parse is None


def test_a_sentence_with_a_reporting_verb_is_parsed_and_attributed() -> None:
    reading = read("Shelling hit Kramatorsk overnight, the regional governor told reporters.")
    assert reading.batch_parse is not None
    assert reading.attribution.cue is not None and reading.attribution.cue.text == "told"


def test_a_sentence_naming_victims_is_parsed_for_their_noun_phrase() -> None:
    text = "Russian shelling wounded four civilians in Kramatorsk."
    reading = read(text)
    start = text.index("civilians")
    assert reading.batch_parse is not None
    assert reading.noun_phrase(start, start + len("civilians")) == (text.index("four"), start + len("civilians"))


def test_an_unparsed_reading_parses_when_asked_for_a_noun_phrase() -> None:
    text = "Shelling destroyed the school building in Kramatorsk."
    reading = read(text)
    start = text.index("building")
    assert reading.batch_parse is None
    assert reading.noun_phrase(start, start + len("building")) == (text.index("the school"), text.index("."))


def test_no_sentence_of_the_annotated_set_left_unparsed_has_an_attribution() -> None:
    lexicon = load_lexicon("en")
    sentences = [
        s.text
        for line in _ANNOTATED.read_text(encoding="utf-8").splitlines()
        if line.strip()
        for s in split_sentences(json.loads(line)["text"], "en")
    ]
    unparsed = [text for text in sentences if not may_attribute(text, lexicon)]
    assert unparsed, "the fixture set should hold sentences without any source cue"
    for text, parsed in zip(unparsed, parse_sentences(unparsed)):
        assert attribute(parsed, 0, lexicon).attribution == NO_ATTRIBUTION, text
