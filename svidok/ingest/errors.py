"""The one error type of ingest: an input that cannot become a `Document`."""
from __future__ import annotations


class InputError(ValueError):
    """What was wrong with one input; the message becomes the reason of a failed `Outcome`."""
