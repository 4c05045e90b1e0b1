"""The public functions as the core tests call them: one list for every test module."""

from __future__ import annotations

import numpy as np

from sigmoid_guide import (
    binary_cross_entropy_with_logits,
    hard_sigmoid,
    log_sigmoid,
    logit,
    relu,
    sigmoid,
    sigmoid_grad,
    silu,
    tanh,
)

FLOATS = [np.float16, np.float32, np.float64]

# Every public function of one array argument, by name.
UNARY = {
    "sigmoid": sigmoid,
    "sigmoid_grad": sigmoid_grad,
    "log_sigmoid": log_sigmoid,
    "logit": logit,
    "tanh": tanh,
    "relu": relu,
    "hard_sigmoid": hard_sigmoid,
    "silu": silu,
}

BCE = "binary_cross_entropy_with_logits"


def bce_of_logits(z, target=0.5, **kwargs):
    """The loss as a function of its logits (fixed target)."""
    return binary_cross_entropy_with_logits(z, np.ones_like(z) * target, **kwargs)


def bce_of_targets(y, logit_value=1.5, **kwargs):
    """The loss as a function of its targets (fixed logit)."""
    return binary_cross_entropy_with_logits(np.full(np.shape(y), logit_value), y, **kwargs)
