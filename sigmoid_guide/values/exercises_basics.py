"""Answers to the exercises (확인 문제) at the end of the basics pages.

Filled in by the pages' exercises; every number an answer shows is computed here.
The pages are definition, derivative, strengths, today and copy-ready-code; each has
one small pure source below, computed with the package's own functions (``sigmoid``,
``sigmoid_grad``, ``logit``, ...) where the answer is a value of one of them, and with
``math`` for the constants of the float formats (multiples of ln 2).
tests/test_exercises_basics.py checks every value against an independent computation.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from .. import (
    binary_cross_entropy_with_logits,
    hard_sigmoid,
    log_sigmoid,
    logit,
    sigmoid,
    sigmoid_grad,
    silu,
)
from . import ValueSpec

#: Significand bits of the float types (the implicit one included).
_PRECISION = {"float64": 53, "float32": 24}


def _first_whole_number_at_one(dtype: type[np.floating]) -> int:
    """Smallest whole number n >= 0 where the package's sigmoid of dtype(n) is exactly 1."""
    n = 0
    while sigmoid(dtype(n)) < 1:
        n += 1
    return n


def definition_answers() -> dict[str, float | int]:
    """σ(±2), the logit of 9/10, and where float64 and float32 σ first equal 1.

    Examples:
        >>> a = definition_answers()
        >>> f"{a['sigma_2']:.4f}", a["first_one_float64"], a["first_one_float32"]
        ('0.8808', 37, 17)
    """
    return {
        "exp_minus_2": math.exp(-2.0),
        "sigma_2": float(sigmoid(2.0)),
        "sigma_minus_2": float(sigmoid(-2.0)),
        "logit_9_10": float(logit(0.9)),
        "ln2_times_53": _PRECISION["float64"] * math.log(2),
        "ln2_times_24": _PRECISION["float32"] * math.log(2),
        "first_one_float64": _first_whole_number_at_one(np.float64),
        "first_one_float32": _first_whole_number_at_one(np.float32),
    }


def derivative_answers() -> dict[str, float | int]:
    """σ'(2), the bound (1/4)^10 over ten layers, and where σ' is a tenth of its peak.

    σ'(x) = 1/40 means p(1 - p) = 1/40 for p = σ(x), so p = (1 + sqrt(9/10)) / 2 and
    x = logit(p) (which is 2 ln(3 + sqrt(10))).

    Examples:
        >>> a = derivative_answers()
        >>> f"{a['sigma_prime_2']:.4f}", a["four_pow_10"], f"{a['tenth_of_peak_x']:.4f}"
        ('0.1050', 1048576, '3.6369')
    """
    return {
        "sigma_prime_2": float(sigmoid_grad(2.0)),
        "four_pow_10": 4**10,
        "quarter_pow_10": 0.25**10,
        "tenth_of_peak_x": float(logit((1 + math.sqrt(9 / 10)) / 2)),
    }


def strengths_answers() -> dict[str, float | int]:
    """The scalar chain of claim 1, the loss at z = 10, the clipping cap, an outlier.

    ``chain_growth``: ten layers of one unit each, weight 8 and σ' at its peak 1/4.
    ``ln2_times_23``: clipping p to 1 - 1e-7 in float32 gives 1 - 2^-23 (the nearest
    float32), so the clipped loss -ln(1 - p) stops at 23 ln 2.

    Examples:
        >>> a = strengths_answers()
        >>> a["chain_growth"], f"{a['bce_z10']:.6f}", f"{a['outlier_grad_x50']:.1e}"
        (1024, '10.000045', '9.6e-21')
    """
    return {
        "chain_growth": round(float(8 * sigmoid_grad(0.0)) ** 10),
        "exp_minus_10": math.exp(-10.0),
        "bce_z10": float(binary_cross_entropy_with_logits(10.0, 0.0)),
        "grad_z10": float(sigmoid(10.0)),
        "ln2_times_23": 23 * math.log(2),
        "outlier_grad_x50": float(sigmoid_grad(50.0) * 50.0),
    }


def today_answers() -> dict[str, float]:
    """The GRU update at a = 2, SiLU(±2), sigmoid attention over 8 keys, and where the
    hard sigmoid is farthest from sigmoid (where their slopes agree, σ' = 1/6), and
    σ(-3), the largest gap where the hard sigmoid is flat (|x| >= 3).

    Examples:
        >>> a = today_answers()
        >>> f"{a['gate_state']:.4f}", f"{a['hard_gap_x']:.4f}", f"{a['hard_gap']:.4f}"
        ('0.7616', '1.3170', '0.0692')
    """
    z = float(sigmoid(2.0))
    n = 8
    weights = sigmoid(np.zeros(n) - np.log(n))
    # σ'(x) = p(1 - p) = 1/6 on the right: p = (1 + sqrt(1/3)) / 2
    x = float(logit((1 + math.sqrt(1 / 3)) / 2))
    return {
        "gate_state": z * 1.0 + (1.0 - z) * -1.0,
        "silu_2": float(silu(2.0)),
        "silu_minus_2": float(silu(-2.0)),
        "attention_weight_n8": float(weights[0]),
        "attention_sum_n8": float(weights.sum()),
        "hard_gap_x": x,
        "hard_gap": float(abs(hard_sigmoid(x) - sigmoid(x))),
        "sigma_minus_3": float(sigmoid(-3.0)),
    }


def copy_ready_code_answers() -> dict[str, float]:
    """ln of the largest float64 (about 1024 ln 2), log-sigmoid at 40, the loss from
    logits at z = 2 and 0 (label 1), and the logit of 501/1000.

    Examples:
        >>> a = copy_ready_code_answers()
        >>> f"{a['ln2_times_1024']:.2f}", f"{a['log_sigmoid_40']:.3e}", f"{a['bce_z0']:.6f}"
        ('709.78', '-4.248e-18', '0.693147')
    """
    return {
        "ln2_times_1024": 1024 * math.log(2),
        "log_sigmoid_40": float(log_sigmoid(40.0)),
        "bce_z2_y1": float(binary_cross_entropy_with_logits(2.0, 1.0)),
        "bce_z0": float(binary_cross_entropy_with_logits(0.0, 1.0)),
        "logit_501": float(logit(0.501)),
    }


def _specs(page: str, source: Callable[[], Any], fields: dict[str, str]) -> list[ValueSpec]:
    return [ValueSpec(f"exercise.{page}.{k}", source, k, fmt) for k, fmt in fields.items()]


SPECS: list[ValueSpec] = [
    *_specs(
        "definition",
        definition_answers,
        {
            "exp_minus_2": ".4f",
            "sigma_2": ".4f",
            "sigma_minus_2": ".4f",
            "logit_9_10": ".4f",
            "ln2_times_53": ".4f",
            "ln2_times_24": ".4f",
            "first_one_float64": "d",
            "first_one_float32": "d",
        },
    ),
    *_specs(
        "derivative",
        derivative_answers,
        {
            "sigma_prime_2": ".4f",
            "four_pow_10": "d",
            "quarter_pow_10": ".1e",
            "tenth_of_peak_x": ".4f",
        },
    ),
    *_specs(
        "strengths",
        strengths_answers,
        {
            "chain_growth": "d",
            "exp_minus_10": ".1e",
            "bce_z10": ".6f",
            "grad_z10": ".5f",
            "ln2_times_23": ".4f",
            "outlier_grad_x50": ".1e",
        },
    ),
    *_specs(
        "today",
        today_answers,
        {
            "gate_state": ".4f",
            "silu_2": ".4f",
            "silu_minus_2": ".4f",
            "attention_weight_n8": ".4f",
            "attention_sum_n8": ".4f",
            "hard_gap_x": ".4f",
            "hard_gap": ".4f",
            "sigma_minus_3": ".4f",
        },
    ),
    *_specs(
        "copy-ready-code",
        copy_ready_code_answers,
        {
            "ln2_times_1024": ".2f",
            "log_sigmoid_40": ".3e",
            "bce_z2_y1": ".6f",
            "bce_z0": ".6f",
            "logit_501": ".10f",
        },
    ),
]
