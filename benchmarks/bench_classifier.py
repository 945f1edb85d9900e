"""Accuracy and speed of the sentence-type classifier, against and combined with the regex triggers.

Accuracy (each dev row's text is typed as one sentence: the rows are headlines and one-line
descriptions):
  CIR         rows whose category maps to a taxonomy code (gold_mappings.toml); accuracy and
              macro-F1 over those codes, and coverage (rows given any type at all).
  Bellingcat  every row is harm to civilians: recall of attack_on_civilians-or-killing.
  held-out    `svidok/extract/training/types.en.heldout.jsonl`, sentences written for svidok and
              never trained on, including sentences that report no event: accuracy, macro-F1,
              and the false-event rate on the `none` rows.
The English model is trained on the CIR and Bellingcat rows too, so their tables here are
in-sample and flatter it; the honest figure is the time split that
`scripts/train_type_classifier.py` reports (trained on earlier rows, scored on later ones).
Typers compared: triggers alone (first trigger), classifier alone (argmax), and combinations.

Speed: sentences/s classifying 2,000 dev texts in one call and in article-sized batches of
25, and the time to load the model in a fresh process.

Run from the repository root:
    .venv/bin/python benchmarks/bench_classifier.py [--shared DIR]
The dev data is read from ../shared/data (or $SVIDOK_SHARED/data) and never copied.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from svidok.evaluate.datasets import load_dev_records
from svidok.evaluate.gold_mappings import NO_SVIDOK_CODE
from svidok.evaluate.scoring import macro_f1
from svidok.extract.classify import (
    NO_EVENT,
    classify_sentences,
    model_path,
    training_set_path,
)
from svidok.extract.lexicon import load_lexicon
from svidok.extract.triggers import find_triggers

LANGUAGE = "en"
CIVILIAN_HARM = frozenset({"attack_on_civilians", "killing"})
THRESHOLDS = (0.3, 0.4, 0.5, 0.6)
ARTICLE_BATCH = 25


@dataclass(frozen=True)
class Typed:
    """What each typer needs about one text: its triggers and the model's distribution."""

    triggers: list[str]
    probabilities: dict[str, float]


Typer = Callable[[Typed], str]


def model_argmax(t: Typed) -> str:
    return max(t.probabilities, key=t.probabilities.__getitem__)


def first_trigger(t: Typed) -> str:
    return t.triggers[0] if t.triggers else NO_EVENT


def rules_then_model(t: Typed) -> str:
    """The first trigger where one fires, the model's argmax otherwise."""
    return t.triggers[0] if t.triggers else model_argmax(t)


def model_then_rules(t: Typed) -> str:
    """The model's argmax unless it says `none`; then the first trigger, if any."""
    best = model_argmax(t)
    return best if best != NO_EVENT else first_trigger(t)


def rules_then_confident_model(threshold: float) -> Typer:
    """The first trigger; without one, the model's best event type if its probability >= threshold."""

    def typer(t: Typed) -> str:
        if t.triggers:
            return t.triggers[0]
        events = {code: p for code, p in t.probabilities.items() if code != NO_EVENT}
        best = max(events, key=events.__getitem__)
        return best if events[best] >= threshold else NO_EVENT

    return typer


def model_vetted_rules(threshold: float) -> Typer:
    """Among the fired triggers, the one the model rates highest; without triggers, as above.

    A trigger the model gives under 5% is dropped: it fired on a word used in another sense.
    """
    fallback = rules_then_confident_model(threshold)

    def typer(t: Typed) -> str:
        plausible = [code for code in t.triggers if t.probabilities[code] >= 0.05]
        if plausible:
            return max(plausible, key=t.probabilities.__getitem__)
        return fallback(Typed([], t.probabilities))

    return typer


def typers() -> dict[str, Typer]:
    table: dict[str, Typer] = {
        "triggers alone (first trigger)": first_trigger,
        "classifier alone (argmax)": model_argmax,
        "union: rules, else model argmax": rules_then_model,
        "union: model argmax, else rules": model_then_rules,
    }
    for threshold in THRESHOLDS:
        table[f"rules, else model if p>={threshold}"] = rules_then_confident_model(threshold)
    for threshold in THRESHOLDS:
        table[f"model-ranked rules, else model if p>={threshold}"] = model_vetted_rules(threshold)
    return table


def type_texts(texts: list[str]) -> list[Typed]:
    lexicon = load_lexicon(LANGUAGE)
    distributions = classify_sentences(texts, LANGUAGE)
    return [
        Typed([trigger.type for trigger in find_triggers(text, lexicon)], distribution)
        for text, distribution in zip(texts, distributions, strict=True)
    ]


def shared_data_dir(explicit: str | None) -> Path:
    configured = explicit or os.environ.get("SVIDOK_SHARED")
    root = Path(configured) if configured else Path(__file__).resolve().parents[1] / ".." / "shared"
    return root / "data"


def labelled_texts(path: Path) -> tuple[list[str], list[str]]:
    """Texts and gold codes of a dev file's type-scored rows (or of a held-out JSONL set)."""
    if path.name.endswith(".heldout.jsonl"):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        return [row["text"] for row in rows], [row["type"] for row in rows]
    _, records = load_dev_records(path)
    scored = [r for r in records if r.gold.type is not None and r.gold.type != NO_SVIDOK_CODE]
    return [r.text for r in scored], [str(r.gold.type) for r in scored]


def print_classification_table(title: str, gold: list[str], typed: list[Typed]) -> None:
    print(f"\n## {title} ({len(gold)} texts)\n")
    print(f"| {'typer':<48} | accuracy | macro-F1 | typed | false event on none |")
    print(f"|{'-' * 50}|----------|----------|-------|---------------------|")
    none_rows = [i for i, g in enumerate(gold) if g == NO_EVENT]
    for name, typer in typers().items():
        predicted = [typer(t) for t in typed]
        accuracy = sum(p == g for p, g in zip(predicted, gold, strict=True)) / len(gold)
        f1 = macro_f1(list(zip(gold, predicted, strict=True))) or 0.0
        typed_share = sum(p != NO_EVENT for p in predicted) / len(gold)
        false_events = f"{sum(predicted[i] != NO_EVENT for i in none_rows) / len(none_rows):.3f}" if none_rows else "-"
        print(f"| {name:<48} | {accuracy:8.3f} | {f1:8.3f} | {typed_share:5.3f} | {false_events:>19} |")


def print_recall_table(title: str, typed: list[Typed]) -> None:
    print(f"\n## {title} ({len(typed)} texts): recall of attack_on_civilians or killing\n")
    print(f"| {'typer':<48} | recall | typed |")
    print(f"|{'-' * 50}|--------|-------|")
    for name, typer in typers().items():
        predicted = [typer(t) for t in typed]
        recall = sum(p in CIVILIAN_HARM for p in predicted) / len(predicted)
        typed_share = sum(p != NO_EVENT for p in predicted) / len(predicted)
        print(f"| {name:<48} | {recall:6.3f} | {typed_share:5.3f} |")


def print_confusion(gold: list[str], typed: list[Typed]) -> None:
    """Classifier-alone confusion on CIR: gold code -> the three most frequent predictions."""
    print("\n## CIR, classifier alone: most frequent predictions per gold code\n")
    for code in sorted(set(gold)):
        predicted = [model_argmax(t) for t, g in zip(typed, gold, strict=True) if g == code]
        counts = sorted({p: predicted.count(p) for p in predicted}.items(), key=lambda kv: -kv[1])[:4]
        print(f"- {code} ({len(predicted)}): " + ", ".join(f"{p} {n}" for p, n in counts))


def measure_speed(texts: list[str]) -> None:
    classify_sentences(texts[:10], LANGUAGE)  # the model is loaded before timing
    start = time.perf_counter()
    classify_sentences(texts, LANGUAGE)
    one_call = len(texts) / (time.perf_counter() - start)
    start = time.perf_counter()
    for offset in range(0, len(texts), ARTICLE_BATCH):
        classify_sentences(texts[offset : offset + ARTICLE_BATCH], LANGUAGE)
    batched = len(texts) / (time.perf_counter() - start)
    start = time.perf_counter()
    for text in texts[:500]:
        classify_sentences([text], LANGUAGE)
    single = 500 / (time.perf_counter() - start)
    load_script = (
        "import time; t = time.perf_counter(); from svidok.extract.classify import load_type_model; "
        f"load_type_model({LANGUAGE!r}); print(time.perf_counter() - t)"
    )
    load_seconds = float(subprocess.run([sys.executable, "-c", load_script], capture_output=True, text=True, check=True).stdout)
    print(f"\n## Speed ({len(texts)} texts, single process)\n")
    print(f"- one call: {one_call:,.0f} sentences/s")
    print(f"- batches of {ARTICLE_BATCH} (one article's sentences): {batched:,.0f} sentences/s")
    print(f"- one sentence per call: {single:,.0f} sentences/s")
    print(f"- load in a fresh process (imports included): {load_seconds:.2f} s")
    print(f"- model file: {model_path(LANGUAGE).stat().st_size / 1e6:.2f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", help="the shared folder holding data/ (default: ../shared or $SVIDOK_SHARED)")
    data_dir = shared_data_dir(parser.parse_args().shared)
    cir, bellingcat = data_dir / "cir_monitor_to_2022-08.jsonl", data_dir / "bellingcat_civharm_to_2023-06.jsonl"
    for path in (cir, bellingcat):
        if not path.exists():
            sys.exit(f"bench_classifier: {path} not found; pass --shared DIR or set SVIDOK_SHARED")

    cir_texts, cir_gold = labelled_texts(cir)
    cir_typed = type_texts(cir_texts)
    print_classification_table("CIR, categories mapped to svidok codes", cir_gold, cir_typed)
    print_confusion(cir_gold, cir_typed)
    bellingcat_texts, _ = labelled_texts(bellingcat)
    print_recall_table("Bellingcat civilian harm", type_texts(bellingcat_texts))
    heldout = training_set_path(LANGUAGE).with_name(f"types.{LANGUAGE}.heldout.jsonl")
    heldout_texts, heldout_gold = labelled_texts(heldout)
    print_classification_table("Held-out sentences written for svidok (never trained on)", heldout_gold, type_texts(heldout_texts))
    measure_speed((cir_texts + bellingcat_texts)[:2000])


if __name__ == "__main__":
    main()
