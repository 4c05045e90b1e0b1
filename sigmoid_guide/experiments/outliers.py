"""Does σ "solve" outliers? What it does to an outlier's output and gradient.

A bulk of ordinary inputs (standard normal) plus a few outliers (50, 200, 1000) go
through one sigmoid unit h = σ(w·u) with w = 1, where u is the input after one of four
preprocessings: none, standardising (z-score, with the outliers in the statistics),
robust scaling (median and interquartile range) and a signed log,
u = sign(x)·log(1 + |x|). For each, in float64 and float32, the experiment reports:

* how many distinct outputs the outliers get (1 means their sizes are no longer told
  apart: σ rounded them all to the same float, typically exactly 1.0);
* the gradient of the output with respect to the weight, ∂h/∂w = σ'(u)·u, which is the
  learning signal the outlier sends back (0 or ~1e-20 means none);
* how spread out the ordinary inputs' outputs stay (the standard deviation of σ over the
  bulk), since a preprocessing that tames the outliers may squash everything else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .. import sigmoid, sigmoid_grad

__all__ = ["OUTLIERS", "PREPROCESSINGS", "OutlierResult", "run_outliers"]

#: The outlying input values.
OUTLIERS: tuple[float, ...] = (50.0, 200.0, 1000.0)
#: Preprocessings compared, in display order.
PREPROCESSINGS: tuple[str, ...] = ("raw", "standardised", "robust", "signed_log")

_SEED = 7
_N_BULK = 200


@dataclass(frozen=True)
class OutlierResult:
    """Measured effect of σ on outliers and bulk, per preprocessing and dtype.

    Attributes:
        bulk: the ordinary inputs (float64).
        outliers: the outlying inputs (float64), in the order of ``OUTLIERS``.
        preprocessings: names, in display order.
        u_bulk, u_outliers: preprocessing -> transformed inputs (float64).
        out_bulk, out_outliers: "<prep>/<dtype>" -> σ(u) computed in that dtype.
        grad_outliers: "<prep>/<dtype>" -> ∂σ(w·u)/∂w at w = 1, i.e. σ'(u)·u.
        grad_bulk_median: "<prep>/<dtype>" -> median |σ'(u)·u| over the bulk.
        distinct_outlier_outputs: "<prep>/<dtype>" -> number of distinct σ values
            among the outliers.
        outliers_exactly_one: "<prep>/<dtype>" -> how many outliers give σ == 1.0.
        bulk_output_std: "<prep>/<dtype>" -> standard deviation of σ over the bulk.
    """

    bulk: np.ndarray
    outliers: np.ndarray
    preprocessings: tuple[str, ...]
    u_bulk: dict[str, np.ndarray]
    u_outliers: dict[str, np.ndarray]
    out_bulk: dict[str, np.ndarray]
    out_outliers: dict[str, np.ndarray]
    grad_outliers: dict[str, np.ndarray]
    grad_bulk_median: dict[str, float]
    distinct_outlier_outputs: dict[str, int]
    outliers_exactly_one: dict[str, int]
    bulk_output_std: dict[str, float]


def _standardise(x: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
    mean, std = x.mean(), x.std()
    return lambda v: (v - mean) / std


def _robust(x: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
    q1, med, q3 = np.percentile(x, [25, 50, 75])
    return lambda v: (v - med) / (q3 - q1)


def _signed_log(_: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
    return lambda v: np.sign(v) * np.log1p(np.abs(v))


def _identity(_: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
    return lambda v: v


_FITS: dict[str, Callable[[np.ndarray], Callable[[np.ndarray], np.ndarray]]] = {
    "raw": _identity,
    "standardised": _standardise,
    "robust": _robust,
    "signed_log": _signed_log,
}


def run_outliers(seed: int = _SEED) -> OutlierResult:
    """Run the outlier experiment (deterministic for a given seed)."""
    rng = np.random.default_rng(seed)
    bulk = rng.normal(0.0, 1.0, size=_N_BULK)
    outliers = np.array(OUTLIERS)
    data = np.concatenate([bulk, outliers])
    u_bulk: dict[str, np.ndarray] = {}
    u_out: dict[str, np.ndarray] = {}
    out_b: dict[str, np.ndarray] = {}
    out_o: dict[str, np.ndarray] = {}
    grad_o: dict[str, np.ndarray] = {}
    grad_b: dict[str, float] = {}
    distinct: dict[str, int] = {}
    ones: dict[str, int] = {}
    spread: dict[str, float] = {}
    for prep in PREPROCESSINGS:
        # Statistics are fitted on all data, outliers included, as a pipeline that
        # does not know which points are outliers would do.
        f = _FITS[prep](data)
        u_bulk[prep], u_out[prep] = f(bulk), f(outliers)
        for dt in (np.float64, np.float32):
            key = f"{prep}/{np.dtype(dt).name}"
            ub, uo = u_bulk[prep].astype(dt), u_out[prep].astype(dt)
            out_b[key] = np.asarray(sigmoid(ub))
            out_o[key] = np.asarray(sigmoid(uo))
            grad_o[key] = np.asarray(sigmoid_grad(uo)) * uo
            grad_b[key] = float(np.median(np.abs(np.asarray(sigmoid_grad(ub)) * ub)))
            distinct[key] = len(np.unique(out_o[key]))
            ones[key] = int(np.count_nonzero(out_o[key] == 1))
            spread[key] = float(np.std(out_b[key].astype(np.float64)))
    return OutlierResult(
        bulk=bulk,
        outliers=outliers,
        preprocessings=PREPROCESSINGS,
        u_bulk=u_bulk,
        u_outliers=u_out,
        out_bulk=out_b,
        out_outliers=out_o,
        grad_outliers=grad_o,
        grad_bulk_median=grad_b,
        distinct_outlier_outputs=distinct,
        outliers_exactly_one=ones,
        bulk_output_std=spread,
    )
