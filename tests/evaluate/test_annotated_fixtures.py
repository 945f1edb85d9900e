"""svidok's own annotated fixture sets (English, Ukrainian, Russian): recognised by their gold
keys, and extraction scores on the Ukrainian and Russian sets within 0.05 of the English set."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from svidok.cli.eval import command
from svidok.evaluate.datasets import load_dev_records
from svidok.evaluate.gold_mappings import NO_CLAIM
from svidok.knowledge import load_actors, load_taxonomy

FIXTURES = Path(__file__).resolve().parents[1] / "extract" / "fixtures"
LANGUAGES = ("en", "uk", "ru")
TOLERANCE = 0.05


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_set_is_recognised_and_covers_every_type_twice_with_no_event_texts(language: str) -> None:
    dataset_format, records = load_dev_records(FIXTURES / f"annotated.{language}.jsonl")
    assert dataset_format.name == "svidok-annotated" and len(records) >= 60
    main_types = [r.gold.type for r in records]
    assert all(main_types.count(code) >= 2 for code in load_taxonomy())
    assert main_types.count(NO_CLAIM) >= 2
    actors = {a.name for a in load_actors()}
    assert all(r.gold.claimant_raw in actors for r in records if r.gold.claimant_raw)
    assert all(r.fields["language"] == language for r in records)


def test_the_three_sets_are_parallel_record_by_record() -> None:
    golds = [[json.loads(line)["gold"] for line in (FIXTURES / f"annotated.{lang}.jsonl").read_text().splitlines()] for lang in LANGUAGES]
    assert golds[0] == golds[1] == golds[2]


@pytest.fixture(scope="module")
def figures() -> dict[str, dict[str, float]]:
    result = {}
    for language in LANGUAGES:
        run = CliRunner().invoke(command, [str(FIXTURES / f"annotated.{language}.jsonl"), "--json", "--by-language"])
        assert run.exit_code == 0, run.output
        card = json.loads(run.stdout)["by_language"][language]
        result[language] = {
            "type_macro_f1": card["type_macro_f1"],
            "claimant": card["metrics"]["claimant"]["value"],
            "date_exact": card["metrics"]["date_exact"]["value"],
        }
    return result


@pytest.mark.parametrize("language", ["uk", "ru"])
@pytest.mark.parametrize("metric", ["type_macro_f1", "claimant", "date_exact"])
def test_ukrainian_and_russian_scores_are_within_five_points_of_english(figures, language: str, metric: str) -> None:
    assert figures[language][metric] >= figures["en"][metric] - TOLERANCE, figures
