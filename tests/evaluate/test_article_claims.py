"""Claim-level scoring of full articles: matching by type and evidence overlap, field accuracies, `svidok eval`."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from svidok.cli.eval import command
from svidok.evaluate.article_claims import claimant_hit, match_claims, score_article_claims
from svidok.evaluate.datasets import GoldClaim, UnknownDatasetError, detect_format, gold_claim
from svidok.evaluate.scoring import ExtractedRecord
from claims_for_scoring import EMPTY_GOLD

FIXTURES = Path(__file__).resolve().parents[1] / "extract" / "fixtures"
TEXT = (
    "Shelling killed two people in Kherson on Monday, the regional governor said. "
    "Moscow denied it. In 2022 a market in Kherson was shelled."
)
FIRST = TEXT.index("Shelling")
THIRD = TEXT.index("In 2022")


def gold(evidence: str, type: str = "attack_on_civilians", **fields: Any) -> GoldClaim:
    row = {"type": type, "evidence": evidence, "claimant": None, "date": None, "oblast": None,
           "fatalities": None, "injured": None, "modality": "occurred", **fields}
    return gold_claim("t", TEXT, row)


def predicted(start: int, end: int, type: str = "attack_on_civilians", **fields: Any) -> dict[str, Any]:
    return {"type": type, "evidence": [{"start": start, "end": end, "text": TEXT[start:end]}], "places": [],
            "date": None, "claimant": None, "fatalities": None, "injured": None, "modality": "occurred",
            "stance": "asserts", **fields}


def record(gold_claims: list[GoldClaim], claims: list[dict[str, Any]], language: str = "en") -> ExtractedRecord:
    return ExtractedRecord("r", TEXT, replace(EMPTY_GOLD, claims=tuple(gold_claims)), claims, language)


def test_a_claim_from_a_distractor_sentence_is_a_false_positive():
    scores = score_article_claims([record([gold("Shelling killed two people")],
                                          [predicted(FIRST, 76), predicted(THIRD, len(TEXT))])])
    assert scores is not None
    assert (scores.matched, scores.predicted_claims, scores.gold_claims) == (1, 2, 1)
    assert scores.precision == 0.5 and scores.recall == 1.0
    assert [(m.kind, m.type) for m in scores.mistakes] == [("false positive", "attack_on_civilians")]


def test_the_right_type_in_another_sentence_does_not_match():
    matching = match_claims("r", [gold("Shelling killed two people")], [predicted(THIRD, len(TEXT))])
    assert matching.pairs == [] and len(matching.misses) == 1 and len(matching.false_positives) == 1


def test_another_type_over_the_right_sentence_does_not_match():
    matching = match_claims("r", [gold("Shelling killed two people")], [predicted(FIRST, 76, type="killing")])
    assert matching.pairs == []


def test_one_broad_claim_does_not_take_the_only_candidate_of_another_gold_claim():
    broad = predicted(0, len(TEXT))
    narrow = predicted(THIRD, len(TEXT))
    matching = match_claims("r", [gold("a market in Kherson was shelled"), gold("Shelling killed two people")],
                            [narrow, broad])
    assert len(matching.pairs) == 2


def test_field_accuracies_count_hits_over_matched_pairs_and_null_must_stay_null():
    gold_claim_ = gold("Shelling killed two people", claimant="Ukrainian regional military administration",
                       date={"start": "2022-07-04", "end": "2022-07-04"}, oblast="Kherson Oblast", fatalities=2)
    right = predicted(
        FIRST, 76,
        claimant={"name": "Ukrainian regional military administration"},
        date={"start": "2022-07-04", "end": "2022-07-04"},
        places=[{"admin1": "Kherson Oblast"}], fatalities=2, injured=3,
    )
    scores = score_article_claims([record([gold_claim_], [right])])
    assert scores is not None
    by_name = {m.name: m.value for m in scores.fields}
    assert by_name == {"claimant": 1.0, "date_exact": 1.0, "oblast": 1.0, "fatalities": 1.0,
                       "injured": 0.0, "modality": 1.0, "stance": 1.0}


def test_a_date_with_the_wrong_end_is_not_exact():
    gold_claim_ = gold("Shelling killed two people", date={"start": "2022-07-04", "end": "2022-07-04"})
    scores = score_article_claims([record([gold_claim_], [predicted(FIRST, 76, date={"start": "2022-07-04", "end": "2022-07-05"})])])
    assert scores is not None and scores.fields[1].hits == 0


def test_a_date_svidok_did_not_read_from_the_text_agrees_with_a_null_gold_date_only():
    estimate = {"start": "2022-07-05", "end": "2022-07-05", "precision": "unknown", "mention": None}
    undated = score_article_claims([record([gold("Shelling killed two people")], [predicted(FIRST, 76, date=estimate)])])
    dated_gold = gold("Shelling killed two people", date={"start": "2022-07-04", "end": "2022-07-04"})
    dated = score_article_claims([record([dated_gold], [predicted(FIRST, 76, date=estimate)])])
    assert undated is not None and undated.fields[1].hits == 1
    assert dated is not None and dated.fields[1].hits == 0


def test_a_speaker_the_actor_file_lacks_matches_a_claimant_of_the_same_surname_only():
    mayor = gold("Shelling killed two people", claimant="Ihor Terekhov")
    assert claimant_hit(mayor, predicted(0, 8, claimant={"name": "Mayor Ihor Terekhov"}))
    assert not claimant_hit(mayor, predicted(0, 8, claimant={"name": "Ukrainian regional military administration"}))
    assert not claimant_hit(mayor, predicted(0, 8))


def test_gold_evidence_missing_from_the_text_is_refused():
    with pytest.raises(UnknownDatasetError, match="not in the text"):
        gold("Shelling killed three people")


def test_article_rows_are_recognised_by_their_gold_claims():
    row = {"id": "a", "text": TEXT, "published": "2022-07-05", "gold": {"claims": []}}
    assert detect_format(row, "x").name == "svidok-articles"
    assert gold("Moscow denied it", stance="denies").stance == "denies"
    assert gold("Moscow denied it").start == TEXT.index("Moscow") and gold("Moscow").date_start is None


@pytest.mark.parametrize("name", ["articles.en", "articles.uk", "articles.ru", "articles.dev.en", "articles.dev.uk", "articles.dev.ru"])
def test_eval_scores_every_claim_of_the_article_fixtures(name):
    path = FIXTURES / f"{name}.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    result = CliRunner().invoke(command, [str(path), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output[result.output.index("{"):])["article_claims"]
    assert scores["articles"] == len(rows)
    assert scores["gold_claims"] == sum(len(row["gold"]["claims"]) for row in rows)
    assert 0.0 <= scores["precision"] <= 1.0 and 0.0 <= scores["recall"] <= 1.0


def test_gold_dates_of_the_article_fixtures_are_iso_and_ordered():
    for path in FIXTURES.glob("articles.*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            for claim in json.loads(line)["gold"]["claims"]:
                if claim["date"]:
                    assert date.fromisoformat(claim["date"]["start"]) <= date.fromisoformat(claim["date"]["end"])
