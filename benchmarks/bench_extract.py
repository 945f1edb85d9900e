"""Throughput and peak memory of `svidok.extract.extract_claims` (a script, not a test).

Two workloads, both deterministic for a given --seed:
  short     a seeded sample of rows pooled from the three development files (headlines and
            one-line descriptions, 7-10 words each);
  articles  article-length texts stitched from development rows: a dateline lead sentence,
            then rows' sentences in seeded order until the text reaches --article-words words.

Run from the repository root:
    .venv/bin/python benchmarks/bench_extract.py [--output results.json] [--tracemalloc]
See benchmarks/README.md.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import sys
import time
import tracemalloc
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from svidok.extract import extract_claims
from svidok.ingest import document_from_record
from svidok.records import Document

DEV_FILES = ("ucdp_ukraine_2014_2021.jsonl", "bellingcat_civharm_to_2023-06.jsonl", "cir_monitor_to_2022-08.jsonl")
DEFAULT_SEED = 20220224
# The dateline every stitched article opens with: a wire-style lead naming the reporting day.
LEAD_SENTENCE = "KYIV, {day:%d %B %Y} - Ukrainian officials and independent monitors reported the following incidents on {day:%A}."


@dataclass(frozen=True)
class WorkloadResult:
    workload: str
    documents: int
    words: int
    claims: int
    failures: int
    seconds: float
    documents_per_second: float
    words_per_second: float
    peak_rss_mb: float
    peak_traced_mb: float | None


def shared_data_dir(explicit: str | None) -> Path:
    configured = explicit or os.environ.get("SVIDOK_SHARED")
    root = Path(configured) if configured else Path(__file__).resolve().parents[1] / ".." / "shared"
    return root / "data"


def read_rows(data_dir: Path) -> list[dict]:
    rows = []
    for name in DEV_FILES:
        path = data_dir / name
        if not path.exists():
            sys.exit(f"bench_extract: {path} not found; pass --shared DIR or set SVIDOK_SHARED")
        rows.extend(json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return rows


def row_document(row: dict, origin: str) -> Document:
    # Only the fields a document needs: the gold must not leak into what extraction sees.
    record = {key: row[key] for key in ("id", "text", "published", "title") if key in row}
    return document_from_record(record, origin)


def short_documents(rows: list[dict], count: int, seed: int) -> list[Document]:
    sample = random.Random(seed).sample(rows, min(count, len(rows)))
    return [row_document(row, f"bench:short#{row['id']}") for row in sample]


def row_sentences(row: dict) -> list[str]:
    """A row's text as sentences: UCDP joins several headlines with ';'."""
    parts = [part.strip() for part in row["text"].split(";") if part.strip()]
    return [part if re.search(r"[.!?]$", part) else part + "." for part in parts]


def stitched_articles(rows: list[dict], count: int, words: int, seed: int) -> list[Document]:
    """`count` articles of about `words` words, each from consecutive rows of a seeded shuffle."""
    order = random.Random(seed + 1).sample(rows, len(rows))
    articles, cursor = [], 0
    for number in range(count):
        day = date.fromisoformat(order[cursor % len(order)]["published"][:10])
        sentences = [LEAD_SENTENCE.format(day=day)]
        while sum(len(s.split()) for s in sentences) < words:
            sentences.extend(row_sentences(order[cursor % len(order)]))
            cursor += 1
        record = {"id": f"article-{number}", "text": " ".join(sentences), "published": day.isoformat()}
        articles.append(document_from_record(record, f"bench:article#{number}"))
    return articles


def peak_rss_mb() -> float:
    # Linux reports ru_maxrss in kilobytes; it is the peak of the whole process so far.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_workload(name: str, documents: list[Document], trace: bool) -> WorkloadResult:
    words = sum(len(document.text.split()) for document in documents)
    claims = failures = 0
    if trace:
        tracemalloc.reset_peak()
    start = time.perf_counter()
    for document in documents:
        try:
            claims += len(extract_claims(document))
        except Exception as error:  # noqa: BLE001 - a benchmark reports failures, it does not stop on them
            failures += 1
            print(f"bench_extract: {document.origin} failed: {type(error).__name__}: {error}", file=sys.stderr)
    seconds = time.perf_counter() - start
    traced = tracemalloc.get_traced_memory()[1] / 2**20 if trace else None
    return WorkloadResult(
        name, len(documents), words, claims, failures, round(seconds, 3),
        round(len(documents) / seconds, 2), round(words / seconds, 1), round(peak_rss_mb(), 1),
        round(traced, 1) if traced is not None else None,
    )


def render(results: list[WorkloadResult], warmup_seconds: float) -> str:
    header = f"{'workload':<10} {'docs':>6} {'words':>8} {'claims':>7} {'fail':>5} {'sec':>8} {'docs/s':>8} {'words/s':>9} {'peak RSS MB':>12} {'traced MB':>10}"
    lines = [f"first call (loads resources): {warmup_seconds:.2f} s", header]
    for r in results:
        traced = "-" if r.peak_traced_mb is None else f"{r.peak_traced_mb:.1f}"
        lines.append(
            f"{r.workload:<10} {r.documents:>6} {r.words:>8} {r.claims:>7} {r.failures:>5} {r.seconds:>8.2f} "
            f"{r.documents_per_second:>8.1f} {r.words_per_second:>9.0f} {r.peak_rss_mb:>12.1f} {traced:>10}"
        )
    return "\n".join(lines)


def machine() -> dict[str, object]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
    }


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", help="the shared folder holding data/ (default: $SVIDOK_SHARED or ../shared)")
    parser.add_argument("--records", type=int, default=2000, help="short documents to sample (default 2000)")
    parser.add_argument("--articles", type=int, default=200, help="stitched articles to build (default 200)")
    parser.add_argument("--article-words", type=int, default=500, help="words per stitched article (default 500)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"sampling seed (default {DEFAULT_SEED})")
    parser.add_argument("--tracemalloc", action="store_true", help="also trace Python allocations (slower)")
    parser.add_argument("--output", type=Path, help="write the results as JSON to this path")
    return parser.parse_args()


def main() -> None:
    arguments = parse_arguments()
    rows = read_rows(shared_data_dir(arguments.shared))
    short = short_documents(rows, arguments.records, arguments.seed)
    articles = stitched_articles(rows, arguments.articles, arguments.article_words, arguments.seed)
    # The first call loads lexicons, gazetteer and models: timed apart so throughput is steady-state.
    start = time.perf_counter()
    extract_claims(short[0])
    warmup_seconds = time.perf_counter() - start
    if arguments.tracemalloc:
        tracemalloc.start()
    results = [run_workload("short", short, arguments.tracemalloc), run_workload("articles", articles, arguments.tracemalloc)]
    print(render(results, warmup_seconds))
    if arguments.output:
        payload = {
            "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "seed": arguments.seed,
            "machine": machine(),
            "warmup_seconds": round(warmup_seconds, 3),
            "results": [asdict(r) for r in results],
        }
        arguments.output.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        print(f"results written to {arguments.output}")


if __name__ == "__main__":
    main()
