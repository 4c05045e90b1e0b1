"""Answers to the exercises (확인 문제) at the end of the claims pages.

Filled in by the pages' exercises; every number an answer shows is computed here.

The pages are vanishing-gradients, zero-centered and relation; the names are
``exercise.<page>.<what>``. Hand computations (powers of 1/4, the scalar backprop
chain, sigmoid at a few points, the sign rule on two made-up examples) are small pure
functions of their own; numbers that follow from a measurement are read from the same
memoised experiments as the pages' figures (``sigmoid_bound``, ``run_zigzag``), with
the arithmetic the exercise asks for done in the ``get`` functions.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from ..experiments.vanishing import sigmoid_bound
from ..experiments.zigzag import run_zigzag
from . import ValueSpec

#: Hidden layers of the vanishing-gradients network, and the backward steps from the
#: last one to the first.
DEPTH = 10
STEPS = DEPTH - 1

#: Relative tolerance of "steps until the loss gap is this fraction of its start"
#: (the zig-zag experiment's ``tol``).
TOL = 1e-6


def _sigma(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _slope(x: float) -> float:
    s = _sigma(x)
    return s * (1.0 - s)


def scalar_chain(w: float, z: float, layers: int = DEPTH) -> list[float]:
    """``δ_1 … δ_L`` of a chain of one-unit sigmoid layers, by ``δ_l = w·σ′(z)·δ_{l+1}``.

    Every layer has the same weight ``w`` and pre-activation ``z``; ``δ_L = 1``.

    Examples:
        >>> scalar_chain(4.0, 0.0)[0]
        1.0
    """
    deltas = [1.0]
    for _ in range(layers - 1):
        deltas.append(w * _slope(z) * deltas[-1])
    return deltas[::-1]


def vanishing_by_hand() -> dict[str, float]:
    """The hand computations of the vanishing-gradients exercises."""
    w1 = scalar_chain(1.0, 0.0)
    return {
        "quarter_pow9": 0.25**STEPS,
        "quarter_pow10": 0.25**DEPTH,
        # δ_9, δ_8, δ_7 (list index l − 1) with w = 1 at z = 0
        "w1_layer9": w1[8],
        "w1_layer8": w1[7],
        "w1_layer7": w1[6],
        "w4_layer1": scalar_chain(4.0, 0.0)[0],
        "w8_layer1": scalar_chain(8.0, 0.0)[0],
        "exp_minus2": math.exp(-2.0),
        "sigma_z2": _sigma(2.0),
        "slope_z2": _slope(2.0),
        "slope_z2_pow9": scalar_chain(1.0, 2.0)[0],
        "w_needed_z2": 1.0 / _slope(2.0),
    }


def _geometric_mean(a: np.ndarray) -> float:
    return float(np.exp(np.mean(np.log(a))))


def zero_centered_by_hand() -> dict[str, float]:
    """The sign rule on two made-up examples: inputs (1/2, 1/4) with ∂L/∂f = −2 and
    (1/4, 3/4) with ∂L/∂f = 2; their gradients ∂L/∂f·x and the mean of the two."""
    examples = [
        ((Fraction(1, 2), Fraction(1, 4)), Fraction(-2)),
        ((Fraction(1, 4), Fraction(3, 4)), Fraction(2)),
    ]
    grads = [[d * xi for xi in x] for x, d in examples]
    mean = [(a + b) / 2 for a, b in zip(*grads, strict=True)]
    out = {}
    for k, g in enumerate(grads, start=1):
        out |= {f"g{k}_{i}": float(gi) for i, gi in enumerate(g, start=1)}
    out |= {f"mean_{i}": float(m) for i, m in enumerate(mean, start=1)}
    return out


def _contraction(r) -> float:
    """|1 − ηλ| in both eigen-directions at the best rate η = 2/(λmin + λmax):
    (κ − 1)/(κ + 1)."""
    kappa = r.condition_number["positive"]
    return (kappa - 1.0) / (kappa + 1.0)


def _contraction_centered(r) -> float:
    kappa = r.condition_number["centered"]
    return (kappa - 1.0) / (kappa + 1.0)


def _steps_estimate(contraction: float) -> float:
    """k with contraction^(2k) = TOL: the loss gap shrinks by contraction² per step."""
    return math.log(TOL) / (2.0 * math.log(contraction))


def _mean_norm_sq(r) -> float:
    m = r.input_mean["positive"]
    return float(m @ m)


def relation_by_hand() -> dict[str, float]:
    """A saturated unit at z = 6, by hand, and three layers of it."""
    return {
        "exp_minus6": math.exp(-6.0),
        "sigma6": _sigma(6.0),
        "slope6": _slope(6.0),
        "slope6_cubed": _slope(6.0) ** 3,
        "quarter_cubed": 0.25**3,
        "cubed_ratio": (_slope(6.0) / 0.25) ** 3,
    }


_V = "exercise.vanishing-gradients"
_Z = "exercise.zero-centered"
_R = "exercise.relation"

SPECS = [
    # --- vanishing-gradients ----------------------------------------------------------
    *(
        ValueSpec(f"{_V}.{key}", vanishing_by_hand, key, fmt)
        for key, fmt in (
            ("quarter_pow9", ".1e"),
            ("quarter_pow10", ".1e"),
            ("w1_layer9", ".4g"),
            ("w1_layer8", ".4g"),
            ("w1_layer7", ".3g"),
            ("w4_layer1", ".4g"),
            ("w8_layer1", "d"),
            ("exp_minus2", ".3f"),
            ("sigma_z2", ".3f"),
            ("slope_z2", ".3f"),
            ("slope_z2_pow9", ".1e"),
            ("w_needed_z2", ".3g"),
        )
    ),
    # What the weight gradient adds to the δ ratio: ‖∂W_1‖/‖∂W_10‖ ÷ ‖δ_1‖/‖δ_10‖.
    ValueSpec(
        f"{_V}.input_factor",
        sigmoid_bound,
        lambda r: r.weight_grad_ratio / r.measured[0],
        ".2f",
    ),
    # The page's two reasons multiplied: mean σ′ times what Wᵀ does to ‖δ‖.
    ValueSpec(
        f"{_V}.slope_times_gain",
        sigmoid_bound,
        lambda r: float(r.mean_slope.mean()) * _geometric_mean(r.weight_gain),
        ".3f",
    ),
    # The measured factor per layer, to the 9th power (it telescopes to ‖δ_1‖/‖δ_10‖).
    ValueSpec(f"{_V}.factor_pow9", sigmoid_bound, lambda r: r.mean_step_factor**STEPS, ".1e"),
    # --- zero-centered ----------------------------------------------------------------
    *(
        ValueSpec(f"{_Z}.sign.{key}", zero_centered_by_hand, key, ".3g")
        for key in ("g1_1", "g1_2", "g2_1", "g2_2", "mean_1", "mean_2")
    ),
    ValueSpec(f"{_Z}.eigenvalue_max.centered", run_zigzag, "eigenvalues.centered.-1", ".4f"),
    ValueSpec(
        f"{_Z}.condition.positive",
        run_zigzag,
        lambda r: r.eigenvalues["positive"][-1] / r.eigenvalues["positive"][0],
        ".1f",
    ),
    ValueSpec(
        f"{_Z}.condition.centered",
        run_zigzag,
        lambda r: r.eigenvalues["centered"][-1] / r.eigenvalues["centered"][0],
        ".2f",
    ),
    ValueSpec(f"{_Z}.mean_norm_sq", run_zigzag, _mean_norm_sq, ".3f"),
    ValueSpec(
        f"{_Z}.lambda_max_estimate",
        run_zigzag,
        lambda r: _mean_norm_sq(r) + r.eigenvalues["centered"][-1],
        ".3f",
    ),
    *(
        ValueSpec(
            f"{_Z}.lr_limit.{k}",
            run_zigzag,
            lambda r, k=k: 2.0 / r.eigenvalues[k][-1],
            fmt,
        )
        for k, fmt in (("positive", ".2f"), ("centered", ".1f"))
    ),
    ValueSpec(
        f"{_Z}.eta4_factor",
        run_zigzag,
        lambda r: 1.0 - 4.0 * r.eigenvalues["positive"][-1],
        ".2f",
    ),
    *(
        spec
        for key, contraction, fmt in (
            ("positive", _contraction, ".1f"),
            ("centered", _contraction_centered, ".2f"),
        )
        for spec in (
            ValueSpec(f"{_Z}.contraction.{key}", run_zigzag, contraction, ".3f"),
            ValueSpec(
                f"{_Z}.steps_estimate.{key}",
                run_zigzag,
                lambda r, c=contraction: _steps_estimate(c(r)),
                fmt,
            ),
        )
    ),
    # --- relation ---------------------------------------------------------------------
    *(
        ValueSpec(f"{_R}.{key}", relation_by_hand, key, fmt)
        for key, fmt in (
            ("exp_minus6", ".3g"),
            ("sigma6", ".4f"),
            ("slope6", ".3g"),
            ("slope6_cubed", ".1e"),
            ("quarter_cubed", ".3g"),
            ("cubed_ratio", ".1e"),
        )
    ),
]
