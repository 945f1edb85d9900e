"""`svidok eval`: measure extraction against a development data set's gold."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from tqdm import tqdm

from svidok.cli.common import fail
from svidok.evaluate.acled_types import score_acled_types
from svidok.evaluate.article_claims import score_article_claims, score_article_claims_by_language
from svidok.evaluate.datasets import UnknownDatasetError, load_dev_records
from svidok.evaluate.report import (
    acled_scores_json,
    article_claims_json,
    render_acled_table,
    render_article_claims_table,
    render_table,
    scorecard_json,
)
from svidok.evaluate.scoring import (
    ExtractedRecord,
    score_by_language,
    score_extractions,
)

# How many failed or skipped records to name on stderr; all of them are counted in the table.
SHOWN_FAILURES = 5


@click.command("eval")
@click.argument("dataset", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--limit", type=click.IntRange(min=1), help="Evaluate at most N records.")
@click.option("--sample-seed", type=int, help="Take a random sample (seeded) instead of the first N records.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON instead of a table.")
@click.option("--by-language", is_flag=True, help="Also score each document language separately.")
def command(dataset: Path, limit: int | None, sample_seed: int | None, as_json: bool, by_language: bool) -> None:
    """Run extraction on DATASET.jsonl (a UCDP, Bellingcat or CIR development file, or an annotated, ACLED-labelled or full-article fixture set) and score it."""
    try:
        dataset_format, records = load_dev_records(dataset, limit, sample_seed)
    except UnknownDatasetError as error:
        fail(f"{error}. svidok eval reads the UCDP, Bellingcat and CIR development files and svidok's annotated fixtures only (svidok types or ACLED sub-event types).")
    # Imported here: extraction loads its language resources, which `svidok --help` should not wait for.
    from svidok.evaluate.run import extract_records

    progress = tqdm(records, desc=f"extracting {dataset_format.name}", unit="doc", file=sys.stderr)
    extractions = extract_records(progress, str(dataset))
    _report_failures(extractions)
    overall = score_extractions(dataset_format.name, extractions)
    languages = score_by_language(dataset_format.name, extractions) if by_language else {}
    acled = score_acled_types(extractions)
    articles = score_article_claims(extractions)
    # Per-language claim scores come with every article set: they are the held-out figures that matter.
    article_languages = score_article_claims_by_language(extractions) if articles else {}
    if as_json:
        payload = {
            "dataset": str(dataset),
            "format": dataset_format.name,
            "overall": scorecard_json(overall),
            "by_language": {lang: scorecard_json(card) for lang, card in languages.items()},
            "acled_types": acled_scores_json(acled) if acled else None,
            "article_claims": article_claims_json(articles) if articles else None,
            "article_claims_by_language": {lang: article_claims_json(s) for lang, s in article_languages.items()},
        }
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    click.echo(render_table(overall, f"{dataset_format.description} ({dataset.name})"))
    if acled:
        click.echo("")
        click.echo(render_acled_table(acled, "ACLED typing"))
    if articles:
        click.echo("")
        click.echo(render_article_claims_table(articles, "article claims"))
    for language, scores in article_languages.items():
        click.echo("")
        click.echo(render_article_claims_table(scores, f"article claims, language {language}"))
    for language, card in languages.items():
        click.echo("")
        click.echo(render_table(card, f"language {language}"))


def _report_failures(extractions: list[ExtractedRecord]) -> None:
    failed = [e for e in extractions if e.error or e.skipped]
    for e in failed[:SHOWN_FAILURES]:
        what = f"failed: {e.error}" if e.error else f"skipped: {e.skipped}"
        click.echo(f"extraction of {e.record_id} {what} (scored as no claims)", err=True)
    if len(failed) > SHOWN_FAILURES:
        click.echo(f"... and {len(failed) - SHOWN_FAILURES} more failed or skipped records", err=True)
