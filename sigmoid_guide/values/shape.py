"""Prose values of the definition and derivative pages (the shape experiment).

Most numbers are read from ``sigmoid_guide.experiments.shape.run_shape`` (the curves
on its grids and the float limits found by bisection). Four small pure functions below
compute what no experiment keeps: the odds worked example, the float64 constants of
``numpy.finfo``, how far the textbook derivative can be off at x = 5 and 20, and where
a correctly rounded σ first equals 1 (checked with exact decimal arithmetic).
"""

from __future__ import annotations

import decimal
import math
from collections.abc import Callable
from typing import Any

import numpy as np

from .. import sigmoid, sigmoid_grad
from ..experiments.shape import ShapeResult, run_shape
from . import ValueSpec

#: The probability of the odds worked example (docs_src/definition/odds.py).
ODDS_EXAMPLE_P = 0.75
#: Points where the textbook derivative is compared (docs_src/derivative/naive_vs_stable.py).
GRAD_POINTS = (5.0, 20.0, 40.0)
#: Largest error of ``sigmoid_guide.sigmoid_grad`` in float64, in ulp: the bound that
#: tests/test_core_accuracy.py checks.
GRAD_ULP_BOUND = 3.0


def odds_example() -> dict[str, float]:
    """Probability → odds → log-odds → σ, as on the definition page.

    Examples:
        >>> ex = odds_example()
        >>> ex["odds"], round(ex["log_odds"], 6), round(ex["back"], 12)
        (3.0, 1.098612, 0.75)
    """
    p = ODDS_EXAMPLE_P
    odds = p / (1 - p)
    log_odds = float(np.log(odds))
    return {"p": p, "odds": odds, "log_odds": log_odds, "back": float(sigmoid(log_odds))}


def float64_info() -> np.finfo:
    """``numpy.finfo`` of float64 (its smallest normal and subnormal numbers)."""
    return np.finfo(np.float64)


def textbook_grad() -> dict[str, Any]:
    """How far the textbook ``s * (1 - s)`` can be off at x = 5 and 20, and σ'(40).

    Storing ``s = σ(x)`` near 1 moves it by up to about one spacing of the floats just
    below 1, 2^-53; ``1 - s`` keeps that absolute error, so the textbook derivative can
    be off by about 2^-53 / (1 − σ(x)) relative (``error_scale``). The error actually
    measured at one point depends on the last bit of ``s`` and so on the CPU's ``exp``;
    this scale does not. ``bound`` is the package's error bound, ``GRAD_ULP_BOUND``
    ulp (at most that many times 2^-52 relative), rounded up to a power of ten;
    ``exact`` is σ'(x) = e^(−x) / (1 + e^(−x))², which subtracts nothing.

    Examples:
        >>> t = textbook_grad()
        >>> f"{t['error_scale']['x5']:.2e}", f"{t['error_scale']['x20']:.2e}", t["bound"]
        ('1.66e-14', '5.39e-08', 1e-15)
    """
    x = np.array(GRAD_POINTS)
    spacing = float(np.finfo(np.float64).epsneg)  # 2^-53, the gap just below 1
    scale = spacing / sigmoid(-x)  # 1 - σ(x) = σ(-x), without a subtraction
    e = np.exp(-x)
    exact = e / (1 + e) ** 2
    if not np.allclose(sigmoid_grad(x), exact, rtol=1e-14, atol=0):  # sanity check
        raise AssertionError("the reference derivative disagrees with sigmoid_grad")
    keys = [f"x{xi:.0f}" for xi in x]
    return {
        "error_scale": {k: float(v) for k, v in zip(keys, scale, strict=True)},
        "exact": {k: float(v) for k, v in zip(keys, exact, strict=True)},
        "bound": 10.0 ** math.ceil(math.log10(GRAD_ULP_BOUND * float(np.finfo(np.float64).eps))),
    }


#: Significand bits (the implicit one included) of the two float types.
_PRECISION = {"float64": 53, "float32": 24}


def correctly_rounded_one() -> dict[str, dict[str, float]]:
    """Where σ rounded correctly (to the nearest float) first equals 1, per float type.

    The float just below 1 is 1 − 2^-p (p = 53 in float64, 24 in float32), so the
    nearest float to σ(x) is 1 (ties go to the even 1) exactly when 1 − σ(x) = σ(−x)
    = 1 / (1 + e^x) is at most 2^-(p+1), that is when x ≥ ln(2^(p+1) − 1), which is
    (p + 1) ln 2 less about 2^-(p+1). ``ln2_multiple`` is (p + 1) ln 2 (54 ln 2 and
    25 ln 2); ``one_from`` is the smallest float x of the type with x ≥ ln(2^(p+1) − 1).
    Both sides of ``one_from`` are checked in decimal arithmetic at 60 digits
    (``Decimal.exp`` and ``Decimal.ln`` are correctly rounded): at ``one_from`` the
    exact σ rounds to 1, at the float just below it to 1 − 2^-p. The formula
    1 / (1 + e^(−x)) already returns 1 from p ln 2 on, where 1 + e^(−x) rounds to 1.

    Examples:
        >>> r = correctly_rounded_one()
        >>> f"{r['float64']['one_from']:.4f}", f"{r['float32']['one_from']:.4f}"
        ('37.4299', '17.3287')
        >>> r["float64"]["ln2_multiple"] == 54 * math.log(2)
        True
    """
    out = {}
    with decimal.localcontext() as ctx:
        ctx.prec = 60
        for name, p in _PRECISION.items():
            dt = np.dtype(name).type
            half_gap = decimal.Decimal(2) ** -(p + 1)  # exact in decimal
            threshold = (decimal.Decimal(2) ** (p + 1) - 1).ln()
            x = dt(float(threshold))  # nearest float64, then the nearest of the type
            while decimal.Decimal(float(x)) < threshold:
                x = np.nextafter(x, dt(np.inf))
            while decimal.Decimal(float(np.nextafter(x, dt(0)))) >= threshold:
                x = np.nextafter(x, dt(0))
            below = np.nextafter(x, dt(0))

            def one_minus_sigma(a: np.floating) -> decimal.Decimal:
                return 1 / (1 + decimal.Decimal(float(a)).exp())

            at, before = one_minus_sigma(x), one_minus_sigma(below)
            # The comparisons must not be decided by the last of the 60 digits.
            margin = min(abs(at - half_gap), abs(before - half_gap)) / half_gap
            if not (at <= half_gap < before) or margin < decimal.Decimal(10) ** -40:
                raise AssertionError(f"the correctly rounded σ does not reach 1 at {x!r}")
            out[name] = {"one_from": float(x), "ln2_multiple": (p + 1) * math.log(2)}
    return out


def _curve(grid: str, table: str, key: str, x: float) -> Callable[[ShapeResult], float]:
    """Value of ``result.<table>[key]`` at the grid point ``x`` of ``result.<grid>``."""

    def get(r: ShapeResult) -> float:
        (i,) = np.flatnonzero(getattr(r, grid) == x)  # x must be a grid point exactly
        return getattr(r, table)[key][i]

    return get


_DTYPES = ("float64", "float32")

SPECS = [
    # σ(0) and a few values of σ (docs_src/definition/sigmoid_values.py, uint8_pitfall.py)
    ValueSpec("shape.sigmoid_at_zero", run_shape, _curve("x", "values", "sigmoid", 0.0), "g"),
    *(
        ValueSpec(f"shape.sigmoid_at_{n}", run_shape, _curve("x", "values", "sigmoid", x), ".8f")
        for n, x in (("minus_4", -4.0), ("4", 4.0), ("1", 1.0))
    ),
    # the odds worked example
    ValueSpec("shape.odds.probability", odds_example, "p", "g"),
    ValueSpec("shape.odds.odds", odds_example, "odds", "g"),
    ValueSpec("shape.odds.log_odds", odds_example, "log_odds", ".7g"),
    ValueSpec("shape.odds.probability_back", odds_example, "back", ".6g"),
    # where σ rounds to exactly 1 or 0 and where the textbook exp overflows
    *(
        ValueSpec(f"shape.{name}.{dt}", run_shape, f"limits.{dt}.{field}", ".4f")
        for name, field in (
            ("one_at", "one_from"),
            ("zero_at", "zero_below"),
            ("naive_overflow_at", "naive_overflow_below"),
            ("textbook_grad_zero_at", "textbook_grad_zero_from"),
            ("grad_zero_at", "grad_zero_from"),
        )
        for dt in _DTYPES
    ),
    # where a correctly rounded σ would first be 1: from 54 ln 2 (float64), 25 ln 2 (float32)
    *(
        ValueSpec(
            f"shape.correctly_rounded_one_at.{dt}", correctly_rounded_one, f"{dt}.one_from", ".4f"
        )
        for dt in _DTYPES
    ),
    # a subnormal result, and the smallest positive normal and subnormal float64
    ValueSpec(
        "shape.sigmoid_at_minus_710",
        run_shape,
        _curve("x_left", "left_stable", "float64", -710.0),
        ".6e",
    ),
    ValueSpec("shape.smallest_normal.float64", float64_info, "smallest_normal", ".17g"),
    ValueSpec("shape.smallest_subnormal.float64", float64_info, "smallest_subnormal", ".0e"),
    # the copy-ready-code page: where e^-x overflows, and the largest float64
    ValueSpec("shape.largest.float64", float64_info, "max", ".1e"),
    ValueSpec("shape.log_largest.float64", float64_info, lambda f: math.log(float(f.max)), ".2f"),
    # the derivative page
    ValueSpec("shape.peak_derivative.sigmoid", run_shape, "peak_derivative.sigmoid", ".3g"),
    ValueSpec("shape.grad_at_5", run_shape, _curve("x", "derivatives", "sigmoid", 5.0), ".4g"),
    *(
        ValueSpec(
            f"shape.textbook_grad_error_scale.x{x}", textbook_grad, f"error_scale.x{x}", ".0e"
        )
        for x in (5, 20)
    ),
    ValueSpec("shape.grad_error_bound", textbook_grad, "bound", ".0e"),
    ValueSpec("shape.grad_at_40", textbook_grad, "exact.x40", ".6e"),
    ValueSpec("shape.grad_at_40.rounded", textbook_grad, "exact.x40", ".0e"),
]
