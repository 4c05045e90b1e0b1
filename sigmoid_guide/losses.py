"""Binary cross-entropy computed from logits."""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from ._validation import as_float_array, finish
from .activations import _check_unit_interval
from .kernels import binary_cross_entropy_with_logits_kernel

__all__ = ["binary_cross_entropy_with_logits"]

_REDUCTIONS = ("mean", "sum", "none")


def binary_cross_entropy_with_logits(
    logits: npt.ArrayLike,
    targets: npt.ArrayLike,
    *,
    reduction: Literal["mean", "sum", "none"] = "mean",
) -> Any:
    """Binary cross-entropy of σ(logits) against targets, computed from the logits.

    The per-element loss is −y·log σ(z) − (1 − y)·log(1 − σ(z)), evaluated as
    max(z, 0) − z·y + log1p(e^(−|z|)) (the form behind
    ``torch.nn.BCEWithLogitsLoss``), so it stays finite and accurate (≤ 3 ulp in
    float64 for 0/1 targets) where σ(z) itself rounds to 0 or 1. With probabilities
    instead of logits the loss becomes inf or NaN from |z| ≈ 37 (float64) or 17 (float32).

    Args:
        logits: real-valued scores z, any shape.
        targets: labels y in [0, 1] (soft labels allowed), broadcastable with
            ``logits``. Integer or boolean targets take the dtype of ``logits``.
        reduction: ``"mean"`` (default) or ``"sum"`` over all elements, or ``"none"``
            for the per-element losses in the broadcast shape.

    Raises:
        TypeError: for input that is not real-valued.
        ValueError: for targets outside [0, 1], shapes that do not broadcast, an
            unknown ``reduction``, or a mean over no elements.

    Examples:
        >>> from sigmoid_guide import binary_cross_entropy_with_logits as bce
        >>> print(f"{bce([0.0, 0.0], [0, 1]):.10f}")  # ln 2
        0.6931471806
        >>> print(bce([-800.0, 800.0], [1, 0], reduction="none"))
        [800. 800.]
    """
    func = "binary_cross_entropy_with_logits"
    if reduction not in _REDUCTIONS:
        raise ValueError(f"{func}() reduction must be one of {_REDUCTIONS}, got {reduction!r}")
    z, z_scalar = as_float_array(logits, func, "logits")
    y_in = targets
    y, y_scalar = as_float_array(y_in, func, "targets")
    if np.asarray(y_in).dtype.kind in "iub":
        y = y.astype(z.dtype)
    _check_unit_interval(y, func, "targets")
    try:
        shape = np.broadcast_shapes(z.shape, y.shape)
    except ValueError:
        raise ValueError(
            f"{func}() got logits of shape {z.shape} and targets of shape {y.shape}, "
            "which do not broadcast"
        ) from None
    dtype = np.result_type(z, y)
    work = np.float32 if dtype == np.float16 else dtype
    loss = binary_cross_entropy_with_logits_kernel(
        np.broadcast_to(z.astype(work, copy=False), shape).reshape(shape or (1,)),
        np.broadcast_to(y.astype(work, copy=False), shape).reshape(shape or (1,)),
    )
    if reduction == "none":
        return finish(loss.astype(dtype, copy=False), z_scalar and y_scalar)
    if loss.size == 0 and reduction == "mean":
        raise ValueError(f"{func}() cannot take the mean over zero elements")
    total = loss.sum() if reduction == "sum" else loss.mean()
    return np.asarray(total).astype(dtype)[()]
