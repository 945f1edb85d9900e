"""How trigger patterns and the trained model combine into the claim types of a sentence."""
from __future__ import annotations

from svidok.extract.claim_types import type_sentences
from svidok.extract.lexicon import load_lexicon
from svidok.extract.segment import Sentence


def one_line_report(text: str) -> list[Sentence]:
    return [Sentence(index=0, start=0, end=len(text), text=text, paragraph=0)]


def article(*texts: str) -> list[Sentence]:
    sentences, start = [], 0
    for index, text in enumerate(texts):
        sentences.append(Sentence(index=index, start=start, end=start + len(text), text=text, paragraph=0))
        start += len(text) + 1
    return sentences


def types_of(sentences: list[Sentence], index: int = 0) -> list[str]:
    return [trigger.type for trigger in type_sentences(sentences, load_lexicon("en"))[index]]


def test_caption_about_the_dead_after_a_strike_reports_a_killing_beside_the_strike() -> None:
    # Only the strike has a pattern ("strike on apartment"); the model adds what the caption is about.
    typed = type_sentences(one_line_report("Casualties after a rocket strike on an apartment block in Sumy"), load_lexicon("en"))[0]
    assert {t.type for t in typed} == {"attack_on_civilians", "killing"}
    added = next(t for t in typed if t.type == "killing")
    assert added.by_model and added.probability is not None and added.probability >= 0.6


def test_model_adds_nothing_beside_a_pattern_of_the_type_it_prefers() -> None:
    assert types_of(one_line_report("Shelling of a maternity ward in Kherson")) == ["attack_on_civilians"]


def test_two_word_caption_is_typed_by_the_model() -> None:
    assert types_of(one_line_report("Pharmacy destroyed")) == ["attack_on_civilians"]


def test_one_word_caption_reports_nothing() -> None:
    assert types_of(one_line_report("Avdiivka")) == []


def test_caption_naming_only_a_place_or_a_unit_reports_nothing() -> None:
    assert types_of(one_line_report("Kupiansk railway junction")) == []
    assert types_of(one_line_report("Kraken regiment")) == []


def test_article_sentence_reporting_no_event_gets_no_model_claim() -> None:
    sentences = article(
        "Russian forces shelled Kupiansk overnight, the regional governor said.",
        "The head of the regional military administration thanked the rescuers for their work.",
    )
    assert types_of(sentences, 1) == []
