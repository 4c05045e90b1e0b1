"""Binary cross-entropy from probabilities versus from logits.

The textbook loss −y·log p − (1 − y)·log(1 − p) with p = σ(z) is evaluated for a sweep of
logits z and both labels y ∈ {0, 1}, in float32 and float64, three ways:

* from probabilities, exactly as written (p from the accurate :func:`sigmoid_guide.sigmoid`,
  so whatever goes wrong is the rounding of p itself, not a poor σ);
* from probabilities clipped to [ε, 1 − ε] with ε = 1e-7, a common guard, in float32;
* from logits with :func:`sigmoid_guide.binary_cross_entropy_with_logits`.

Reference: the exact loss is softplus(z) = log(1 + e^z) for y = 0 and softplus(−z) for
y = 1, computed in float64 with ``np.logaddexp(0, ±z)``, NumPy's own stable
implementation, independent of the package's code. For float32 it is evaluated at the
float32-rounded z, so that rounding the input is not counted as an error of the loss.
The expected warnings of the naive path (log of 0, 0·inf) are silenced inside this
module with ``np.errstate``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .. import binary_cross_entropy_with_logits, sigmoid
from .shape import float_limits

__all__ = ["CLIP_EPS", "ClassificationResult", "run_classification"]

#: ε of the clipped-probability variant (the value Keras uses as its fuzz factor).
CLIP_EPS = 1e-7
_Z_MAX = 60.0
_N_Z = 2401


@dataclass(frozen=True)
class ClassificationResult:
    """Losses and errors over the logit sweep.

    Keys of the dictionaries are ``"<method>/<dtype>/y<label>"`` with method one of
    ``"prob"``, ``"clip"`` (float32 only) or ``"logits"``, e.g. ``"prob/float64/y0"``.

    Attributes:
        z: the logits swept (float64; cast to each dtype before use).
        reference: ``"<dtype>/y<label>"`` -> exact loss in float64 at z rounded to dtype.
        loss: key -> loss computed by that method (as float64 for plotting).
        rel_error: key -> |loss − reference| / reference (inf or nan where the loss is).
        first_nonfinite: key -> smallest |z| at which the loss is inf or nan on the
            sweep (``nan`` if it never is).
        max_rel_error: key -> largest relative error over the z where it is finite.
        sigma_one_from: dtype -> smallest z with σ(z) == 1 exactly in that dtype (exact,
            by bisection; the probability path breaks from there on).
        clip_eps: ε of the clipped variant.
        clip_cap: the largest loss the clipped variant returns (about −log ε).
    """

    z: np.ndarray
    reference: dict[str, np.ndarray]
    loss: dict[str, np.ndarray]
    rel_error: dict[str, np.ndarray]
    first_nonfinite: dict[str, float]
    max_rel_error: dict[str, float]
    sigma_one_from: dict[str, float]
    clip_eps: float
    clip_cap: float


def _from_probabilities(p: np.ndarray, y: float) -> np.ndarray:
    """The textbook formula, with the expected warnings kept local."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return -y * np.log(p) - (1 - y) * np.log(1 - p)


def run_classification() -> ClassificationResult:
    """Evaluate the three ways on z ∈ [−60, 60] for y = 0 and y = 1 (deterministic)."""
    z = np.linspace(-_Z_MAX, _Z_MAX, _N_Z)
    reference: dict[str, np.ndarray] = {}
    loss: dict[str, np.ndarray] = {}
    for dt in (np.float32, np.float64):
        name = np.dtype(dt).name
        zd = z.astype(dt)
        z_seen = zd.astype(np.float64)
        reference[f"{name}/y0"] = np.logaddexp(0.0, z_seen)
        reference[f"{name}/y1"] = np.logaddexp(0.0, -z_seen)
        p = np.asarray(sigmoid(zd))
        for y in (0, 1):
            yd = dt(y)
            loss[f"prob/{name}/y{y}"] = _from_probabilities(p, yd).astype(np.float64)
            loss[f"logits/{name}/y{y}"] = np.asarray(
                binary_cross_entropy_with_logits(zd, np.full_like(zd, yd), reduction="none")
            ).astype(np.float64)
            if dt is np.float32:
                clipped = np.clip(p, dt(CLIP_EPS), dt(1 - CLIP_EPS))
                loss[f"clip/{name}/y{y}"] = _from_probabilities(clipped, yd).astype(np.float64)
    rel: dict[str, np.ndarray] = {}
    first: dict[str, float] = {}
    worst: dict[str, float] = {}
    for key, value in loss.items():
        ref = reference[key.split("/", 1)[1]]
        with np.errstate(invalid="ignore"):
            # inf − ref is inf and nan stays nan: both are kept as "no result".
            rel[key] = np.abs(value - ref) / ref
        bad = ~np.isfinite(value)
        first[key] = float(np.min(np.abs(z[bad]))) if bad.any() else float("nan")
        ok = np.isfinite(rel[key])
        worst[key] = float(np.max(rel[key][ok])) if ok.any() else float("nan")
    return ClassificationResult(
        z=z,
        reference=reference,
        loss=loss,
        rel_error=rel,
        first_nonfinite=first,
        max_rel_error=worst,
        sigma_one_from={
            np.dtype(d).name: float_limits(d).one_from for d in (np.float32, np.float64)
        },
        clip_eps=CLIP_EPS,
        clip_cap=float(max(v.max() for k, v in loss.items() if k.startswith("clip/"))),
    )
