"""The softmax of linear scores, which every trained classifier of extraction ends with."""
from __future__ import annotations

import numpy as np


def softmax_rows(scores: np.ndarray) -> np.ndarray:
    """Each row of scores as probabilities summing to 1 (shifted by its maximum first, so that
    large scores cannot overflow)."""
    shifted = scores - scores.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)
