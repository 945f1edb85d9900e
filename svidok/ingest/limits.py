"""The size limit on one input, and how its refusal reads."""
from __future__ import annotations

DEFAULT_MAX_BYTES = 20_000_000


def too_large(size: int, max_bytes: int, *, at_least: bool = False) -> str:
    """`too large: 52.4 MB > 20.0 MB limit` (decimal megabytes, as file managers show them)."""
    more = "over " if at_least else ""
    return f"too large: {more}{size / 1e6:.1f} MB > {max_bytes / 1e6:.1f} MB limit"
