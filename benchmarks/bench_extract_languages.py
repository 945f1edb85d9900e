"""Extraction throughput per language on the same content (a script, not a test).

The workload is svidok's parallel fixtures: the annotated sets (71 texts each) and the
worked example translated into Ukrainian and Russian, in English, Ukrainian and Russian.
Every language reads the same content, so the ratio of throughputs compares the English
parser reader with the pattern reader of Ukrainian and Russian. Each language is warmed
up once (loading spaCy, the lexicon and the gazetteer) before the timed rounds.

Run from the repository root:
    .venv/bin/python benchmarks/bench_extract_languages.py [--rounds 5]
"""
from __future__ import annotations

import argparse
import json
import time
from datetime import UTC, date, datetime
from pathlib import Path

from svidok.extract import extract
from svidok.ingest import document_from_record
from svidok.records import Document

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "extract" / "fixtures"
LANGUAGES = ("en", "uk", "ru")
WORKED_EXAMPLE = {"uk": FIXTURES / "sorokine.uk.txt", "ru": FIXTURES / "sorokine.ru.txt"}


def documents(language: str, shared: Path) -> list[Document]:
    lines = (FIXTURES / f"annotated.{language}.jsonl").read_text(encoding="utf-8").splitlines()
    docs = [document_from_record(json.loads(line), f"bench#{language}{n}") for n, line in enumerate(lines)]
    example = WORKED_EXAMPLE.get(language, shared / "examples" / "sorokine-passports.txt")
    if example.exists():
        text = example.read_text(encoding="utf-8")
        docs.append(Document(raw=text.encode(), origin="bench", captured_at=datetime.now(UTC), text=text,
                             published=date(2022, 5, 7), language=language))
    return docs


def throughput(docs: list[Document], rounds: int) -> tuple[float, float]:
    """(documents per second, characters per second) over `rounds` passes."""
    characters = sum(len(d.text) for d in docs) * rounds
    started = time.perf_counter()
    for _ in range(rounds):
        for document in docs:
            extract(document)
    seconds = time.perf_counter() - started
    return len(docs) * rounds / seconds, characters / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = parser.parse_args()
    results = {}
    for language in LANGUAGES:
        docs = documents(language, args.shared)
        throughput(docs, 1)  # warm-up: models, lexicon, gazetteer
        docs_per_s, chars_per_s = throughput(docs, args.rounds)
        results[language] = {"documents": len(docs), "docs_per_s": round(docs_per_s, 1), "chars_per_s": round(chars_per_s)}
    for language in ("uk", "ru"):
        results[language]["speed_vs_en"] = round(results[language]["docs_per_s"] / results["en"]["docs_per_s"], 2)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
