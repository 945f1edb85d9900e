"""Scoring svidok's ACLED typing against snippets labelled with ACLED sub-event types, and the
labelled snippet files themselves."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from claims_for_scoring import claim_json, extraction, gold
from click.testing import CliRunner

from svidok.cli.eval import command
from svidok.evaluate.acled_types import acled_prediction, ranked_confusions, score_acled_types
from svidok.evaluate.datasets import NO_ACLED_EVENT, UnknownDatasetError, load_dev_records
from svidok.knowledge import load_acled_codebook

FIXTURES = Path(__file__).resolve().parents[1] / "extract" / "fixtures"
ENGLISH_SETS = ("dev", "heldout")
ALL_SETS = (*ENGLISH_SETS, "uk", "ru")

AIR = ("Explosions/Remote violence", "Air/drone strike")
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
ARRESTS = ("Strategic developments", "Arrests")
NO_EVENT = (NO_ACLED_EVENT, NO_ACLED_EVENT)


def acled_claim(label: tuple[str, str] | None, confidence: float, type: str = "attack_on_civilians") -> dict[str, Any]:
    claim = claim_json(type, confidence)
    claim["acled_event_type"], claim["acled_sub_event_type"] = label or (None, None)
    return claim


def labelled(gold_label: tuple[str, str], claims: list[dict[str, Any]], record_id: str = "r"):
    record = extraction(gold(acled_event_type=gold_label[0], acled_sub_event_type=gold_label[1]), claims)
    return record.__class__(record_id, record.text, record.gold, record.claims)


def write_rows(path: Path, golds: list[dict[str, Any]]) -> Path:
    rows = [{"id": f"s{i}", "text": "t", "published": "2024-01-01", "gold": g} for i, g in enumerate(golds)]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


# ---- the prediction of a record -----------------------------------------------------------


def test_the_prediction_is_the_most_confident_claim_that_carries_an_acled_type():
    claims = [acled_claim(SHELLING, 0.6), acled_claim(None, 0.95, "military_losses"), acled_claim(AIR, 0.8)]
    assert acled_prediction(claims) == AIR


def test_the_earliest_acled_typed_claim_wins_a_tie_in_confidence():
    assert acled_prediction([acled_claim(SHELLING, 0.7), acled_claim(AIR, 0.7)]) == SHELLING


def test_a_record_without_any_acled_typed_claim_is_predicted_none():
    assert acled_prediction([]) == NO_EVENT
    assert acled_prediction([acled_claim(None, 0.9, "military_losses")]) == NO_EVENT


# ---- the scores ---------------------------------------------------------------------------


def test_a_wrong_sub_type_of_the_right_event_type_counts_for_event_type_accuracy_only():
    scores = score_acled_types([labelled(AIR, [acled_claim(SHELLING, 0.8)])])
    assert (scores.event_type_hits, scores.sub_type_hits, scores.records) == (1, 0, 1)


def test_per_sub_type_precision_and_recall_count_false_alarms_on_no_event_texts():
    records = [
        labelled(AIR, [acled_claim(AIR, 0.8)], "a1"),
        labelled(AIR, [], "a2"),
        labelled(NO_EVENT, [acled_claim(AIR, 0.5)], "n1"),
        labelled(NO_EVENT, [], "n2"),
    ]
    scores = score_acled_types(records)
    air = next(c for c in scores.classes if c.code == "Air/drone strike")
    assert (air.precision, air.recall, air.support) == (0.5, 0.5, 2)
    assert scores.sub_type_accuracy == 0.5


def test_macro_f1_is_over_acled_sub_types_and_leaves_out_no_event():
    records = [
        labelled(AIR, [acled_claim(AIR, 0.8)]),
        labelled(ARRESTS, []),
        labelled(NO_EVENT, []),
    ]
    scores = score_acled_types(records)
    # Air/drone strike F1 1.0, Arrests 0.0; (none) (F1 0.667) does not enter the mean.
    assert scores.macro_f1 == pytest.approx(0.5)
    assert NO_ACLED_EVENT in {c.code for c in scores.classes}


def test_weighted_f1_weighs_each_sub_type_by_its_support():
    records = [labelled(AIR, [acled_claim(AIR, 0.8)]) for _ in range(3)] + [labelled(ARRESTS, [])]
    assert score_acled_types(records).weighted_f1 == pytest.approx(0.75)


def test_mistakes_are_listed_commonest_first_with_the_records_that_made_them():
    confusions = ranked_confusions([("Grenade", "(none)", "g1"), ("Arrests", "Attack", "r1"), ("Grenade", "(none)", "g2")])
    assert [(c.gold, c.predicted, c.count, c.record_ids) for c in confusions] == [
        ("Grenade", "(none)", 2, ("g1", "g2")),
        ("Arrests", "Attack", 1, ("r1",)),
    ]


def test_records_of_a_data_set_without_acled_gold_are_not_scored():
    assert score_acled_types([extraction(gold(), [acled_claim(AIR, 0.8)])]) is None


# ---- reading the labelled files -----------------------------------------------------------


def test_a_snippet_file_is_recognised_by_its_acled_gold_keys_and_null_means_no_event(tmp_path):
    path = write_rows(tmp_path / "any_name.jsonl", [
        {"acled_event_type": "Strategic developments", "acled_sub_event_type": "Arrests"},
        {"acled_event_type": None, "acled_sub_event_type": None},
    ])
    dataset_format, records = load_dev_records(path)
    assert dataset_format.name == "acled-snippets"
    assert [(r.gold.acled_event_type, r.gold.acled_sub_event_type) for r in records] == [ARRESTS, NO_EVENT]


@pytest.mark.parametrize("bad_gold", [
    {"acled_event_type": "Battles", "acled_sub_event_type": "Arrests"},
    {"acled_event_type": "Protests", "acled_sub_event_type": "Peaceful protests"},
    {"acled_event_type": "Protests", "acled_sub_event_type": None},
])
def test_a_gold_label_that_is_not_in_acleds_codebook_is_refused_naming_the_row(tmp_path, bad_gold):
    path = write_rows(tmp_path / "bad.jsonl", [bad_gold])
    with pytest.raises(UnknownDatasetError, match="row s0"):
        load_dev_records(path)


@pytest.mark.parametrize("name", ENGLISH_SETS)
def test_each_english_set_has_six_snippets_of_every_sub_type_and_25_without_an_event(name):
    _, records = load_dev_records(FIXTURES / f"acled_snippets.{name}.jsonl")
    counts = Counter(r.gold.acled_sub_event_type for r in records)
    every_sub_type = {sub for subs in load_acled_codebook().values() for sub in subs}
    assert all(counts[sub] >= 6 for sub in every_sub_type), counts
    assert counts[NO_ACLED_EVENT] >= 25


@pytest.mark.parametrize("name", ALL_SETS)
def test_each_set_has_unique_ids_and_its_files_language(name):
    _, records = load_dev_records(FIXTURES / f"acled_snippets.{name}.jsonl")
    assert len({r.id for r in records}) == len(records)
    assert {r.fields["language"] for r in records} == {"en" if name in ENGLISH_SETS else name}


def test_no_text_is_shared_between_the_dev_and_held_out_sets():
    texts = [{r.text for r in load_dev_records(FIXTURES / f"acled_snippets.{name}.jsonl")[1]} for name in ENGLISH_SETS]
    assert not texts[0] & texts[1]


# ---- the command --------------------------------------------------------------------------


def test_eval_prints_the_acled_table_and_json_for_a_snippet_file():
    path = FIXTURES / "acled_snippets.uk.jsonl"
    table = CliRunner().invoke(command, [str(path), "--limit", "5"])
    assert table.exit_code == 0, table.output
    assert "acled_sub_type_acc" in table.output and "Armed clash" in table.output
    payload = json.loads(CliRunner().invoke(command, [str(path), "--limit", "5", "--json"]).stdout)
    assert payload["acled_types"]["records"] == 5
    assert 0.0 <= payload["acled_types"]["sub_type_accuracy"] <= 1.0
