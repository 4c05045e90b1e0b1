"""Shape of σ and its derivative, compared with other activations, and where floats run out.

Two questions, both answered by computation rather than quoted constants:

* What do σ, tanh, ReLU, hard sigmoid and SiLU and their derivatives look like on a
  common range? (σ' peaks at 0.25, tanh' at 1.)
* Where does a float32 or float64 σ round to exactly 0 or 1, where does the textbook
  one-liner ``1/(1 + np.exp(-x))`` overflow in ``exp``, and where does the textbook
  derivative ``s*(1-s)`` become exactly 0? Each threshold is found by bisection over the
  representable floats of the dtype, so it is exact for the implementation measured.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .. import hard_sigmoid, relu, sigmoid, sigmoid_grad, silu, tanh

__all__ = ["ACTIVATIONS", "FloatLimits", "ShapeResult", "float_limits", "run_shape"]

#: Activations compared, in plotting order.
ACTIVATIONS: tuple[str, ...] = ("sigmoid", "tanh", "relu", "hard_sigmoid", "silu")


@dataclass(frozen=True)
class FloatLimits:
    """Where σ meets the ends of one float type (all values are floats of that type).

    Attributes:
        dtype: ``"float32"`` or ``"float64"``.
        one_from: smallest x with σ(x) == 1 exactly (σ from ``sigmoid_guide.sigmoid``).
        zero_below: largest x with σ(x) == 0 exactly (the accurate σ keeps subnormal
            results, so this is where even those run out).
        naive_overflow_below: the textbook formula's ``np.exp(-x)`` overflows to inf (and
            warns) for every x at or below this value; it then returns exactly 0.
        textbook_grad_zero_from: smallest x > 0 where the textbook derivative
            ``s*(1-s)`` (s = σ(x)) is exactly 0, although the true σ'(x) is positive.
        grad_zero_from: smallest x > 0 where the accurate
            ``sigmoid_guide.sigmoid_grad`` returns exactly 0.
    """

    dtype: str
    one_from: float
    zero_below: float
    naive_overflow_below: float
    textbook_grad_zero_from: float
    grad_zero_from: float


@dataclass(frozen=True)
class ShapeResult:
    """Curves of the activations and the float limits of σ.

    Attributes:
        x: float64 grid on which the curves are evaluated.
        values: activation name -> values on ``x`` (see ``ACTIVATIONS``).
        derivatives: activation name -> derivative on ``x``.
        peak_derivative: activation name -> largest derivative on the grid.
        limits: dtype name -> ``FloatLimits``.
        x_right: grid of x >= 0 for the saturation view of 1 − σ(x).
        one_minus: dtype name -> 1 − σ(x_right) computed in that dtype.
        one_minus_exact: σ(−x_right) in float64, the correctly rounded 1 − σ(x).
        x_left: grid of x <= 0 for the underflow view of σ(x).
        left_stable: dtype name -> σ(x_left) from ``sigmoid_guide.sigmoid``.
        left_naive: dtype name -> σ(x_left) from the textbook one-liner.
    """

    x: np.ndarray
    values: dict[str, np.ndarray]
    derivatives: dict[str, np.ndarray]
    peak_derivative: dict[str, float]
    limits: dict[str, FloatLimits]
    x_right: np.ndarray
    one_minus: dict[str, np.ndarray]
    one_minus_exact: np.ndarray
    x_left: np.ndarray
    left_stable: dict[str, np.ndarray]
    left_naive: dict[str, np.ndarray]


_UINT = {np.dtype(np.float32): np.uint32, np.dtype(np.float64): np.uint64}


def _smallest_true(pred: Callable[[np.floating], bool], lo: float, hi: float, dtype: type) -> float:
    """Smallest float ``a`` of ``dtype`` in (lo, hi] with ``pred(a)``, for a monotone pred.

    Both bounds must be non-negative.

    Bisection over the bit patterns: for non-negative IEEE floats, the unsigned integer
    view is ordered like the values, so this visits every representable float exactly.
    """
    dt = np.dtype(dtype)
    utype = _UINT[dt]
    lo_i = int(np.array(lo, dtype=dt).view(utype))
    hi_i = int(np.array(hi, dtype=dt).view(utype))
    if pred(np.array(lo_i, dtype=utype).view(dt)[()]) or not pred(
        np.array(hi_i, dtype=utype).view(dt)[()]
    ):
        raise ValueError("predicate must be False at lo and True at hi")
    while hi_i - lo_i > 1:
        mid = (lo_i + hi_i) // 2
        if pred(np.array(mid, dtype=utype).view(dt)[()]):
            hi_i = mid
        else:
            lo_i = mid
    return float(np.array(hi_i, dtype=utype).view(dt)[()])


def _naive(x: np.ndarray) -> np.ndarray:
    """The textbook one-liner, with its expected overflow warning silenced locally."""
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(-x))


def _textbook_grad(x: np.ndarray) -> np.ndarray:
    s = sigmoid(x)
    return s * (1 - s)


def float_limits(dtype: type) -> FloatLimits:
    """Compute ``FloatLimits`` for ``np.float32`` or ``np.float64``."""
    dt = np.dtype(dtype)

    def exp_overflows(a: np.floating) -> bool:
        with np.errstate(over="ignore"):
            return bool(np.isinf(np.exp(a)))

    return FloatLimits(
        dtype=dt.name,
        one_from=_smallest_true(lambda a: bool(sigmoid(a) == 1), 0.0, 1e3, dt.type),
        # sigma(-a) == 0 is monotone in a >= 0; the threshold is the first such a.
        zero_below=-_smallest_true(lambda a: bool(sigmoid(-a) == 0), 0.0, 1e4, dt.type),
        # np.exp(-x) overflows exactly when -x > a*, i.e. for x < -a*.
        naive_overflow_below=-_smallest_true(exp_overflows, 0.0, 1e4, dt.type),
        textbook_grad_zero_from=_smallest_true(
            lambda a: bool(_textbook_grad(a) == 0), 0.0, 1e4, dt.type
        ),
        grad_zero_from=_smallest_true(lambda a: bool(sigmoid_grad(a) == 0), 0.0, 1e4, dt.type),
    )


def _derivatives(x: np.ndarray) -> dict[str, np.ndarray]:
    """Derivatives in closed form; at the kinks (ReLU at 0, hard sigmoid at ±3) the
    one-sided value 0 is used, as PyTorch does."""
    s = sigmoid(x)
    th = tanh(x)
    return {
        "sigmoid": sigmoid_grad(x),
        "tanh": 1.0 - th * th,
        "relu": (x > 0).astype(x.dtype),
        "hard_sigmoid": np.where(np.abs(x) < 3.0, 1.0 / 6.0, 0.0),
        # d/dx x*sigma(x) = sigma(x) + x*sigma'(x)
        "silu": s + x * sigmoid_grad(x),
    }


def run_shape() -> ShapeResult:
    """Evaluate the activations on [−6, 6] and find σ's float limits (deterministic)."""
    x = np.linspace(-6.0, 6.0, 1201)
    funcs = {"sigmoid": sigmoid, "tanh": tanh, "relu": relu}
    funcs |= {"hard_sigmoid": hard_sigmoid, "silu": silu}
    values = {name: np.asarray(funcs[name](x)) for name in ACTIVATIONS}
    derivatives = _derivatives(x)
    dtypes = {"float32": np.float32, "float64": np.float64}
    x_right = np.linspace(0.0, 45.0, 901)
    x_left = np.linspace(-800.0, 0.0, 1601)
    return ShapeResult(
        x=x,
        values=values,
        derivatives=derivatives,
        peak_derivative={k: float(v.max()) for k, v in derivatives.items()},
        limits={k: float_limits(v) for k, v in dtypes.items()},
        x_right=x_right,
        one_minus={k: (1 - sigmoid(x_right.astype(v))) for k, v in dtypes.items()},
        one_minus_exact=np.asarray(sigmoid(-x_right)),
        x_left=x_left,
        left_stable={k: np.asarray(sigmoid(x_left.astype(v))) for k, v in dtypes.items()},
        left_naive={k: _naive(x_left.astype(v)) for k, v in dtypes.items()},
    )
