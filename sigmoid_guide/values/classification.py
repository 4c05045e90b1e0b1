"""Prose values of the pages that use the classification experiment.

The strengths page also quotes the weight-scale sweep of the vanishing-gradient
experiment (claim 1): those values are named ``strengths.*`` and kept here, with the
sweep as their source. Its gradient ratios are those of the sweep's first network, the
one the page's code (docs_src/vanishing-gradients/weight_scale.py) measures again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from ..experiments.classification import ClassificationResult, run_classification
from ..experiments.vanishing import WeightScaleSweep, _net, weight_scale_sweep
from . import ValueSpec

#: Weight scales the strengths page quotes (points of the sweep).
QUOTED_SCALES = (1, 4, 16, 64)


def _at_z(key: str, z: float) -> Callable[[ClassificationResult], float]:
    """``table[key]`` at the logit ``z`` (which must be a point of the sweep)."""
    table, _, rest = key.partition(":")

    def get(r: ClassificationResult) -> float:
        (i,) = np.flatnonzero(r.z == z)
        return getattr(r, table)[rest][i]

    return get


def _scale(r: WeightScaleSweep, scale: float) -> int:
    (i,) = np.flatnonzero(r.scales == scale)
    return int(i)


def first_network_spectral_norm() -> float:
    """Mean largest singular value of the hidden-to-hidden weights of the sweep's first
    network at scale 1 (the sweep keeps only the mean over its networks).

    At scale s every singular value is s times this one.

    Examples:
        >>> round(first_network_spectral_norm(), 1)
        2.0
    """
    net = _net(0, "sigmoid", 0)
    return float(np.mean([np.linalg.norm(w, 2) for w in net.weights[1 : net.depth]]))


def textbook_losses() -> dict[str, float]:
    """The loss for label 0 computed from the probability, -log(1 - p), as the page's
    code (docs_src/strengths/bce_logits.py) computes it: p from the package's sigmoid,
    in float64 at z = 20 and in float32 at z = 10, and clipped to [1e-7, 1 - 1e-7]."""
    from .. import sigmoid

    p64 = sigmoid(np.float64(20.0))
    p32 = sigmoid(np.float32(10.0))
    clipped = np.clip(sigmoid(np.float32(40.0)), np.float32(1e-7), np.float32(1 - 1e-7))
    return {
        "float64_z20": float(-np.log(1 - p64)),
        "float32_z10": float(-np.log(1 - p32)),
        "clipped_cap": float(-np.log(1 - clipped)),
    }


def _times(scale: float) -> Callable[[Any], float]:
    return lambda v: scale * v


SPECS = [
    # binary cross-entropy at the logits of docs_src/strengths/bce_logits.py (label 0)
    ValueSpec(
        "classification.exact_loss.z20",
        run_classification,
        _at_z("reference:float64/y0", 20.0),
        ".8f",
    ),
    ValueSpec("classification.loss_from_p.float64.z20", textbook_losses, "float64_z20", ".8f"),
    ValueSpec("classification.loss_from_p.float32.z10", textbook_losses, "float32_z10", ".4f"),
    # the largest loss that clipping p to [eps, 1 - eps] allows (label 0, float32)
    ValueSpec("classification.clipped_loss_cap", textbook_losses, "clipped_cap", ".4f"),
    # claim 1 of the strengths page: the weight-scale sweep
    *(
        ValueSpec(
            f"strengths.spectral_norm.scale{s}", first_network_spectral_norm, _times(s), ".1f"
        )
        for s in (1, 4)
    ),
    *(
        ValueSpec(
            f"strengths.gradient_ratio.scale{s}",
            weight_scale_sweep,
            lambda r, s=s: r.delta_ratio[_scale(r, s), 0],
            ".1e",
        )
        for s in QUOTED_SCALES
    ),
    ValueSpec(
        "strengths.saturated.scale64",
        weight_scale_sweep,
        lambda r: r.saturated[_scale(r, 64)],
        ".0%",
    ),
]
