"""Sigmoid and the activations the guide compares it with.

Every function here (except ``naive_sigmoid``, kept as the textbook counter-example)

* accepts a Python number, a (nested) sequence or a NumPy array of any shape;
* keeps float16, float32 and float64 (float16 is computed in float32 and rounded once);
  integers and booleans are computed in float64;
* returns a NumPy scalar for scalar input and an array otherwise;
* emits no ``RuntimeWarning`` for any float input, including ``inf`` and ``nan``;
* raises ``TypeError`` or ``ValueError`` naming the function for anything that is not
  real-valued (strings, ``None``, complex, objects, ...), instead of converting it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt

from ._validation import as_float_array, finish
from .kernels import log_sigmoid_kernel, logit_kernel, sigmoid_grad_kernel, sigmoid_kernel

__all__ = [
    "hard_sigmoid",
    "log_sigmoid",
    "logit",
    "naive_sigmoid",
    "relu",
    "sigmoid",
    "sigmoid_grad",
    "silu",
    "tanh",
]

ArrayLike = npt.ArrayLike


def _apply(kernel: Callable[[np.ndarray], np.ndarray], x: Any, func: str) -> Any:
    arr, is_scalar = as_float_array(x, func)
    return _run(kernel, arr, is_scalar)


def _run(kernel: Callable[[np.ndarray], np.ndarray], arr: np.ndarray, is_scalar: bool) -> Any:
    """Apply ``kernel`` to an array that has passed ``as_float_array``."""
    work = arr.astype(np.float32) if arr.dtype == np.float16 else arr
    # Kernels write into their result in place, which a 0-d array does not allow
    # (NumPy returns scalars from ufuncs on it), so they always see at least 1-d.
    # Underflow to a subnormal or zero result is the correct answer here, so it must
    # not raise even for callers who run under np.errstate(all="raise").
    with np.errstate(under="ignore"):
        result = kernel(work.reshape(1) if work.ndim == 0 else work)
        return finish(result.astype(arr.dtype, copy=False), is_scalar)


def sigmoid(x: ArrayLike) -> Any:
    """The logistic sigmoid σ(x) = 1 / (1 + e^(−x)).

    Exact to ≤ 2.5 ulp in float64 and ≤ 4 ulp in float32 over the whole float range:
    σ(0) = 0.5 exactly, σ(+inf) = 1, σ(−inf) = 0, results that should be subnormal
    (x < −708 in float64) are computed rather than flushed to 0, and no overflow
    warning is raised. In float64 σ(x) rounds to exactly 1 from x ≈ 36.7 on.

    Args:
        x: real number(s); see the module docstring for accepted types.

    Returns:
        σ(x), same shape and float dtype as ``x`` (float64 for integer input).

    Examples:
        >>> import numpy as np
        >>> from sigmoid_guide import sigmoid
        >>> print(sigmoid(0.0))
        0.5
        >>> for x in [-np.inf, -720.0, 0.0, 40.0, np.inf]:
        ...     print(f"{sigmoid(x):.8g}")
        0
        2.0322308e-313
        0.5
        1
        1
        >>> sigmoid(np.float32(2.0)).dtype
        dtype('float32')
    """
    return _apply(sigmoid_kernel, x, "sigmoid")


def sigmoid_grad(x: ArrayLike) -> Any:
    """The derivative σ'(x) = σ(x)(1 − σ(x)).

    Accurate to ≤ 3 ulp in float64 for every x, including large |x| where the textbook
    ``s * (1 - s)`` with ``s = sigmoid(x)`` loses all digits (it returns 0 from x ≈ 37
    on, although σ'(x) ≈ e^(−x) there). Never exceeds 0.25, and equals 0.25 at x = 0.

    Examples:
        >>> from sigmoid_guide import sigmoid_grad
        >>> print(sigmoid_grad(0.0))
        0.25
        >>> print(f"{sigmoid_grad(40.0):.10e}")  # e^-40: the textbook s*(1-s) gives 0
        4.2483542553e-18
    """
    return _apply(sigmoid_grad_kernel, x, "sigmoid_grad")


def log_sigmoid(x: ArrayLike) -> Any:
    """log σ(x) = −log(1 + e^(−x)), accurate and finite for every finite x.

    ``np.log(sigmoid(x))`` gives −inf below x ≈ −745 and loses digits for x > 0;
    this does neither.

    Examples:
        >>> from sigmoid_guide import log_sigmoid
        >>> print(log_sigmoid(-1000.0))
        -1000.0
        >>> print(f"{log_sigmoid(40.0):.10e}")  # -e^-40: log(sigmoid(40)) gives 0
        -4.2483542553e-18
    """
    return _apply(log_sigmoid_kernel, x, "log_sigmoid")


def logit(p: ArrayLike) -> Any:
    """The inverse of σ: logit(p) = log(p / (1 − p)) for p in [0, 1].

    logit(0) = −inf, logit(1) = +inf, NaN gives NaN; values outside [0, 1] raise
    ``ValueError``. Accurate to ≤ 3 ulp in float64 against the exact logit of the
    given float ``p``, over all of [0, 1]. Near p = 0.5 it is computed as
    2·atanh(2p − 1), whose argument 2p − 1 is exact there, so no cancellation enters.

    Examples:
        >>> from sigmoid_guide import logit, sigmoid
        >>> print(logit(0.5))
        0.0
        >>> print(f"{logit(0.25):.10f}")  # ln(1/3)
        -1.0986122887
        >>> logit(1.5)
        Traceback (most recent call last):
          ...
        ValueError: logit() expects ...
    """
    arr, is_scalar = as_float_array(p, "logit", "p")
    _check_unit_interval(arr, "logit", "probabilities")
    return _run(logit_kernel, arr, is_scalar)


def _check_unit_interval(arr: np.ndarray, func: str, what: str) -> None:
    # Written as "not inside" so that NaN (which is allowed) never counts as outside.
    outside = (arr < 0) | (arr > 1)
    if outside.any():
        bad = arr[outside]
        raise ValueError(
            f"{func}() expects {what} in [0, 1], got values outside it "
            f"(smallest {bad.min()}, largest {bad.max()})"
        )


def tanh(x: ArrayLike) -> Any:
    """The hyperbolic tangent, tanh(x) = 2σ(2x) − 1, with the module's input rules.

    Examples:
        >>> from sigmoid_guide import tanh
        >>> print(tanh(0.0))
        0.0
    """
    return _apply(np.tanh, x, "tanh")


def relu(x: ArrayLike) -> Any:
    """The rectified linear unit max(x, 0); NaN stays NaN.

    Examples:
        >>> from sigmoid_guide import relu
        >>> print(relu([-2.0, 0.5]))
        [0.  0.5]
    """
    return _apply(_relu_kernel, x, "relu")


def _relu_kernel(x: np.ndarray) -> np.ndarray:
    # clip with one bound is SIMD-accelerated, unlike np.maximum with a scalar.
    return np.clip(x, 0.0, None)


def hard_sigmoid(x: ArrayLike) -> Any:
    """The piecewise-linear sigmoid of MobileNetV3 and PyTorch: clip(x/6 + 1/2, 0, 1).

    Equals ReLU6(x + 3) / 6 (Howard et al. 2019, §5.2): 0 for x ≤ −3, 1 for x ≥ 3.

    Examples:
        >>> from sigmoid_guide import hard_sigmoid
        >>> print(hard_sigmoid([-4.0, 0.0, 1.5, 4.0]))
        [0.   0.5  0.75 1.  ]
    """
    return _apply(_hard_sigmoid_kernel, x, "hard_sigmoid")


def _hard_sigmoid_kernel(x: np.ndarray) -> np.ndarray:
    out = x / 6.0
    out += 0.5
    return np.clip(out, 0.0, 1.0, out=out)


def silu(x: ArrayLike) -> Any:
    """SiLU (also called swish): x·σ(x). silu(−inf) = 0, silu(+inf) = +inf.

    Examples:
        >>> from sigmoid_guide import silu
        >>> print(silu([0.0, 1.0, -float("inf")]))
        [ 0.          0.73105858 -0.        ]
    """
    return _apply(_silu_kernel, x, "silu")


def _silu_kernel(x: np.ndarray) -> np.ndarray:
    # -inf * sigma(-inf) is -inf * 0 = nan; the limit is -0.0, so clip the input
    # first: sigma(-1e308) is already 0, and the product then is -0.0.
    lo = np.finfo(x.dtype).min
    finite_x = np.clip(x, lo, None)
    return finite_x * sigmoid_kernel(finite_x)


def naive_sigmoid(x: ArrayLike) -> Any:
    """The textbook one-liner ``1 / (1 + np.exp(-x))``. Do not use it; it is here to teach.

    It warns "overflow encountered in exp" for x < −709.78 (float64) or −88.72
    (float32), flushes results that should be subnormal to 0, allocates three temporary
    arrays, and turns unsigned integers into garbage (−x wraps around: for
    ``np.uint8(1)`` it computes 1/(1 + e^255), that is σ(−255)). Compare [`sigmoid`][].

    Examples:
        >>> import numpy as np
        >>> from sigmoid_guide import naive_sigmoid
        >>> with np.errstate(over="ignore"):  # it would warn about overflow in exp
        ...     print(naive_sigmoid(np.array([1], dtype=np.uint8)))  # sigma(1) is 0.731
        [0.]
    """
    return 1 / (1 + np.exp(-x))
