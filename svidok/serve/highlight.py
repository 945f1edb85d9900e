"""Preserved text with evidence spans marked, safe to put in a page.

The text is untrusted (articles may carry HTML or script). Each stretch between span
boundaries is escaped on its own and only our own `<mark>` tags are added, so nothing of the
article can become markup. Spans whose offsets do not match the text are left unmarked and
reported, rather than marking the wrong words.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

from svidok.records import Span


@dataclass(frozen=True)
class Highlighted:
    html: Markup
    # Spans not marked because `text[start:end]` is not their text.
    mismatched: list[Span]


def highlight_spans(text: str, spans: Iterable[Span]) -> Highlighted:
    valid: list[Span] = []
    mismatched: list[Span] = []
    for span in spans:
        fits = 0 <= span.start < span.end <= len(text) and text[span.start : span.end] == span.text
        (valid if fits else mismatched).append(span)
    pieces: list[str] = []
    cursor = 0
    for start, end in _merged_ranges(valid):
        pieces.append(escape(text[cursor:start]))
        pieces.append(Markup("<mark>") + escape(text[start:end]) + Markup("</mark>"))
        cursor = end
    pieces.append(escape(text[cursor:]))
    return Highlighted(Markup("").join(pieces), mismatched)


def _merged_ranges(spans: list[Span]) -> list[tuple[int, int]]:
    """Overlapping or touching spans as one range, so marks never nest or cross."""
    ranges: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if ranges and span.start <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(ranges[-1][1], span.end))
        else:
            ranges.append((span.start, span.end))
    return ranges
