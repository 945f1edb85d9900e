"""Language identification: English, Ukrainian, Russian, and Ukrainian against Russian on short posts."""
from __future__ import annotations

import json
from pathlib import Path

from svidok.extract.language import detect_language, detect_spans

FIXTURES = Path(__file__).parent / "fixtures" / "language_id.jsonl"


def _labelled_texts() -> list[dict[str, str]]:
    return [json.loads(line) for line in FIXTURES.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_ukrainian_and_russian_posts_of_40_characters_or_more_are_told_apart_98_percent_of_the_time() -> None:
    texts = [t for t in _labelled_texts() if len(t["text"]) >= 40]
    assert len(texts) >= 100
    assert {t["language"] for t in texts} == {"uk", "ru"}
    wrong = [t["text"] for t in texts if detect_language(t["text"]) != t["language"]]
    assert len(wrong) / len(texts) <= 0.02, wrong


def test_english_text_is_english_and_text_without_letters_defaults_to_english() -> None:
    assert detect_language("Russian forces shelled the outskirts of Kharkiv overnight, the governor said.") == "en"
    assert detect_language("12:40 — 🚨🚨🚨") == "en"


def test_latin_i_typed_inside_ukrainian_words_does_not_make_them_russian() -> None:
    assert detect_language("Окупанти обстрiляли Харкiв") == "uk"


def test_a_russian_place_name_spelled_the_ukrainian_way_leaves_a_russian_post_russian() -> None:
    assert detect_language("Оккупанты обстреляли Київ и Харків ночью, есть погибшие.") == "ru"


def test_a_russian_quotation_keeps_the_ukrainian_post_ukrainian_and_is_its_own_span() -> None:
    text = (
        "Голова ОВА заявив: «Оккупанты обстреляли Харьков ночью, есть погибшие». "
        "Наразі триває розбір завалів."
    )
    assert detect_language(text) == "uk"
    spans = detect_spans(text)
    assert [language for _, _, language in spans] == ["uk", "ru", "uk"]
    start, end, _ = spans[1]
    assert text[start:end] == "«Оккупанты обстреляли Харьков ночью, есть погибшие»"


def test_a_post_in_one_language_is_one_span() -> None:
    text = "Вночі ворог атакував Дніпро. Поранено двох людей. Тривога триває."
    assert detect_spans(text) == [(0, len(text), "uk")]
