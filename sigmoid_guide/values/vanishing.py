"""Prose values of the pages that use the vanishing experiment.

Most numbers come from the experiments behind the figures of the vanishing-gradients
page (``sigmoid_guide.experiments.vanishing``). Two small functions here measure
what the page's code examples print and no experiment returns: the first network of
the weight-scale sweep at the scales the example shows (its largest singular values
and saturation), and gradient clipping at scale 64.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..experiments._threads import single_threaded_blas
from ..experiments.mlp import forward, loss_and_gradients
from ..experiments.vanishing import (
    SWEEP_SCALES,
    _data,
    _net,
    activation_statistics,
    compare_activations,
    saturated_fraction,
    sigmoid_bound,
    weight_scale_sweep,
)
from . import ValueSpec

#: Weight scales the page's example (docs_src/vanishing-gradients/weight_scale.py) shows.
SHOWN_SCALES = (1.0, 4.0, 16.0, 64.0)

#: The clipping example's network: weights this many times the Xavier scale.
CLIPPING_SCALE = 64.0


@single_threaded_blas
def first_network_by_scale() -> dict[str, dict[str, float]]:
    """Network 0 of the weight-scale sweep at each of ``SHOWN_SCALES``.

    Per scale (keys ``"1"``, ``"4"``, ...): ``spectral_norm``, the mean largest singular
    value of the hidden-to-hidden weights, and ``saturated``, the mean fraction of
    saturated hidden outputs (the sweep itself averages both over its networks).
    """
    x, _ = _data(0)
    out = {}
    for scale in SHOWN_SCALES:
        net = _net(0, "sigmoid", 0, scale)  # the sweep's seeds: its first network
        fwd = forward(net, x)
        out[f"{scale:g}"] = {
            "spectral_norm": float(np.mean([np.linalg.norm(w, 2) for w in net.weights[1:-1]])),
            "saturated": float(
                np.mean([saturated_fraction("sigmoid", h) for h in fwd.activations[1:]])
            ),
        }
    return out


@single_threaded_blas
def gradient_clipping(max_norm: float = 1.0) -> dict[str, float]:
    """Clip the gradient of the sigmoid network at scale 64 to norm ``max_norm``.

    All weight gradients are scaled by one factor so that their joint norm is at most
    ``max_norm`` (Pascanu et al. 2013, §3.2). Returns the joint norm before and after,
    and the layer-1 to layer-10 norm ratio before and after.

    Examples:
        >>> r = gradient_clipping()
        >>> round(r["norm_after"], 12), bool(np.isclose(r["ratio_before"], r["ratio_after"]))
        (1.0, True)
    """
    x, y = _data(0)
    net = _net(0, "sigmoid", 0, CLIPPING_SCALE)
    grads = loss_and_gradients(net, x, y).weights
    total = float(np.sqrt(sum(np.sum(g * g) for g in grads)))
    factor = min(1.0, max_norm / total)
    clipped = [factor * g for g in grads]
    last = net.depth - 1  # the 10th hidden layer

    def ratio(gs: Sequence[np.ndarray]) -> float:
        return float(np.linalg.norm(gs[0]) / np.linalg.norm(gs[last]))

    return {
        "norm_before": total,
        "norm_after": float(np.sqrt(sum(np.sum(g * g) for g in clipped))),
        "ratio_before": ratio(grads),
        "ratio_after": ratio(clipped),
    }


def _sweep_index(scale: float) -> int:
    return SWEEP_SCALES.index(scale)


_ACT = {"sigmoid": 0, "tanh": 1, "relu": 2}  # rows of ActivationComparison and -Statistics


def _spread_ratio(activation: str):
    row = _ACT[activation]
    return lambda r: r.input_spread[row, -1] / r.input_spread[row, 0]


SPECS = [
    # Weight-gradient ratio ‖∂W_1‖ / ‖∂W_10‖ at initialisation.
    *(
        ValueSpec(f"vanishing.grad_ratio.{a}", compare_activations, f"ratio_init.{i}", ".1e")
        for a, i in _ACT.items()
    ),
    # The sigmoid network at initialisation against the 0.25^(L-l) rule, first layer.
    ValueSpec("vanishing.bound.measured", sigmoid_bound, "measured.0", ".1e"),
    ValueSpec("vanishing.bound.naive", sigmoid_bound, "naive.0", ".1e"),
    ValueSpec("vanishing.bound.upper", sigmoid_bound, "bound.0", ".1e"),
    ValueSpec("vanishing.spectral_norm.min", sigmoid_bound, lambda r: r.spectral_norm.min(), ".2f"),
    ValueSpec("vanishing.spectral_norm.max", sigmoid_bound, lambda r: r.spectral_norm.max(), ".2f"),
    ValueSpec("vanishing.mean_slope", sigmoid_bound, lambda r: r.mean_slope.mean(), ".3f"),
    ValueSpec(
        "vanishing.weight_gain",
        sigmoid_bound,
        lambda r: np.exp(np.mean(np.log(r.weight_gain))),  # geometric mean over the steps
        ".2f",
    ),
    ValueSpec("vanishing.factor_per_layer", sigmoid_bound, "mean_step_factor", ".3f"),
    # Spread across examples of the 10th layer's outputs over the first layer's.
    *(
        ValueSpec(f"vanishing.spread_ratio.{a}", activation_statistics, _spread_ratio(a), ".1e")
        for a in ("sigmoid", "tanh")
    ),
    # Sigmoid network with 8 times the Xavier weights (the last row): saturated fraction
    # of the least and the most saturated layer.
    *(
        ValueSpec(
            f"vanishing.saturated_large.{which}",
            activation_statistics,
            lambda r, pick=pick: pick(r.saturated[-1]),
            ".0%",
        )
        for which, pick in (("min", np.min), ("max", np.max))
    ),
    # Weight-scale sweep, first network (the one the page's example computes).
    *(
        ValueSpec(
            f"vanishing.scale_ratio.x{s:g}",
            weight_scale_sweep,
            f"delta_ratio.{_sweep_index(s)}.0",
            ".1e",
        )
        for s in SHOWN_SCALES
    ),
    *(
        ValueSpec(
            f"vanishing.scale_spectral_norm.x{s:g}",
            first_network_by_scale,
            f"{s:g}.spectral_norm",
            ".1f",
        )
        for s in (1.0, 4.0)
    ),
    ValueSpec("vanishing.scale_saturated.x64", first_network_by_scale, "64.saturated", ".0%"),
    # Gradient clipping at scale 64.
    ValueSpec("vanishing.clipping.norm_before", gradient_clipping, "norm_before", ".1f"),
    ValueSpec("vanishing.clipping.norm_after", gradient_clipping, "norm_after", ".1f"),
    ValueSpec("vanishing.clipping.layer_ratio", gradient_clipping, "ratio_before", ".1f"),
]
