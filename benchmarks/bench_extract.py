"""Throughput and peak memory of extraction (a script, not a test).

Documents go through `svidok.extract.batch.extract_many`, as `svidok extract --workers N`
sends them: in this process with --workers 1, on a local Dask cluster of N worker
processes otherwise.

Two workloads, both deterministic for a given --seed:
  short     a seeded sample of rows pooled from the three development files (headlines and
            one-line descriptions, 7-10 words each);
  articles  article-length texts stitched from development rows: a dateline lead sentence,
            then rows' sentences in seeded order until the text reaches --article-words words.

Run from the repository root:
    .venv/bin/python benchmarks/bench_extract.py [--workers N] [--output results.json] [--tracemalloc]
See benchmarks/README.md.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import sys
import threading
import time
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import psutil

from svidok.extract.batch import extract_many
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
    workers: int
    seconds: float
    cpu_seconds: float  # of the whole process tree: compare these on a busy machine
    documents_per_second: float
    # Per CPU-second of the process tree: steadier than the wall clock on a shared machine,
    # and the rate one core would give.
    documents_per_cpu_second: float
    words_per_second: float
    # Of the whole process tree (this process and its workers), sampled. RSS counts pages
    # that forked workers share with their parent once per process; PSS splits them.
    peak_rss_mb: float
    peak_pss_mb: float
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


def process_tree() -> list[psutil.Process]:
    this = psutil.Process()
    return [this, *this.children(recursive=True)]


def tree_memory_mb(proportional: bool) -> float:
    """RSS, or with `proportional` PSS, summed over the process tree, in MB.

    PSS reads every process's smaps (about 10 ms for a loaded process, against 0.01 ms for
    RSS), so it is sampled less often.
    """
    total = 0
    for process in process_tree():
        try:
            total += process.memory_full_info().pss if proportional else process.memory_info().rss
        except psutil.Error:  # a worker that ended between listing and reading
            continue
    return total / 2**20


def tree_cpu_seconds() -> float:
    # Children still running are read directly; finished ones are counted by the OS.
    this = psutil.Process()
    times = this.cpu_times()
    total = times.user + times.system + times.children_user + times.children_system
    for child in this.children(recursive=True):
        try:
            child_times = child.cpu_times()
        except psutil.Error:
            continue
        total += child_times.user + child_times.system
    return total


@contextmanager
def sampled_peak_memory(interval: float = 0.1, pss_every: int = 10) -> Iterator[list[float]]:
    """The largest [RSS, PSS] of the process tree seen while the block runs, in MB.

    Workers are separate processes, so the parent's own `ru_maxrss` would miss them.
    RSS is sampled every `interval` seconds, PSS every `pss_every` intervals: a spike
    shorter than that may be missed.
    """
    peak = [tree_memory_mb(False), tree_memory_mb(True)]
    stop = threading.Event()

    def sample() -> None:
        tick = 0
        while not stop.wait(interval):
            tick += 1
            peak[0] = max(peak[0], tree_memory_mb(False))
            if tick % pss_every == 0:
                peak[1] = max(peak[1], tree_memory_mb(True))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield peak
    finally:
        stop.set()
        sampler.join()
        peak[:] = [max(peak[0], tree_memory_mb(False)), max(peak[1], tree_memory_mb(True))]


def run_workload(name: str, documents: list[Document], workers: int, trace: bool) -> WorkloadResult:
    words = sum(len(document.text.split()) for document in documents)
    claims = failures = 0
    if trace:
        tracemalloc.reset_peak()
    cpu_start = tree_cpu_seconds()
    with sampled_peak_memory() as peak:
        start = time.perf_counter()
        for document, extraction in zip(documents, extract_many(documents, workers=workers)):
            claims += len(extraction.claims)
            if extraction.status == "failed":
                failures += 1
                print(f"bench_extract: {document.origin} failed: {extraction.reason}", file=sys.stderr)
        seconds = time.perf_counter() - start
    cpu_seconds = tree_cpu_seconds() - cpu_start
    traced = tracemalloc.get_traced_memory()[1] / 2**20 if trace else None
    return WorkloadResult(
        name, len(documents), words, claims, failures, workers, round(seconds, 3), round(cpu_seconds, 2),
        round(len(documents) / seconds, 2), round(len(documents) / cpu_seconds, 2) if cpu_seconds else 0.0,
        round(words / seconds, 1), round(peak[0], 1), round(peak[1], 1),
        round(traced, 1) if traced is not None else None,
    )


def render(results: list[WorkloadResult], warmup_seconds: float) -> str:
    header = (
        f"{'workload':<10} {'workers':>7} {'docs':>6} {'words':>8} {'claims':>7} {'fail':>5} {'sec':>8} {'cpu s':>7} "
        f"{'docs/s':>8} {'docs/cpu-s':>10} {'words/s':>9} {'peak RSS MB':>12} {'peak PSS MB':>12} {'traced MB':>10}"
    )
    lines = [f"first call (starts workers, loads resources): {warmup_seconds:.2f} s", header]
    for r in results:
        traced = "-" if r.peak_traced_mb is None else f"{r.peak_traced_mb:.1f}"
        lines.append(
            f"{r.workload:<10} {r.workers:>7} {r.documents:>6} {r.words:>8} {r.claims:>7} {r.failures:>5} "
            f"{r.seconds:>8.2f} {r.cpu_seconds:>7.1f} {r.documents_per_second:>8.1f} {r.documents_per_cpu_second:>10.1f} "
            f"{r.words_per_second:>9.0f} "
            f"{r.peak_rss_mb:>12.1f} {r.peak_pss_mb:>12.1f} {traced:>10}"
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
    parser.add_argument("--workers", type=int, default=1,
                        help="worker processes (Dask); 1 extracts in this process (default 1)")
    parser.add_argument("--tracemalloc", action="store_true", help="also trace Python allocations (slower)")
    parser.add_argument("--output", type=Path, help="write the results as JSON to this path")
    return parser.parse_args()


def main() -> None:
    arguments = parse_arguments()
    rows = read_rows(shared_data_dir(arguments.shared))
    short = short_documents(rows, arguments.records, arguments.seed)
    articles = stitched_articles(rows, arguments.articles, arguments.article_words, arguments.seed)
    # The first call loads lexicons, gazetteer and models: timed apart so that throughput with
    # one process is steady-state. With workers, every workload starts its own cluster, whose
    # workers load everything again: that start-up is inside each workload's time.
    start = time.perf_counter()
    list(extract_many(short[:1], workers=arguments.workers))
    warmup_seconds = time.perf_counter() - start
    if arguments.tracemalloc:
        tracemalloc.start()
    results = [
        run_workload("short", short, arguments.workers, arguments.tracemalloc),
        run_workload("articles", articles, arguments.workers, arguments.tracemalloc),
    ]
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
