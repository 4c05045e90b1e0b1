"""Binary cross-entropy from probabilities versus from logits.

The textbook loss −y·log p − (1 − y)·log(1 − p) with p = σ(z) is evaluated for a sweep of
logits z and both labels y ∈ {0, 1}, in float32 and float64, three ways:

* from probabilities, exactly as written, on an ideal machine: p = σ(z) correctly
  rounded to the dtype and each logarithm correctly rounded too, so whatever goes wrong
  is the rounding of p itself, on every computer alike;
* from probabilities clipped to [ε, 1 − ε] with ε = 1e-7, a common guard, in float32
  (the same ideal arithmetic);
* from logits with ``sigmoid_guide.binary_cross_entropy_with_logits``.

Reference: the exact loss is softplus(z) = log(1 + e^z) for y = 0 and softplus(−z) for
y = 1, computed with 40-digit decimal arithmetic (Python's ``decimal``), independent
of the package's code and of the CPU. For float32 it is evaluated at the float32-rounded
z, so that rounding the input is not counted as an error of the loss.

The logits path runs on NumPy's exp and log1p, whose last bits differ between CPUs. Its
errors are therefore reported as the bound they stay within, ``LOGITS_ULP_BOUND``
units of the dtype's epsilon (checked here), not as last-bit measurements.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext

import numpy as np

from .. import binary_cross_entropy_with_logits

__all__ = ["CLIP_EPS", "LOGITS_ULP_BOUND", "ClassificationResult", "run_classification"]

#: The logits path stays within this many epsilons (relative) of the exact loss.
LOGITS_ULP_BOUND = 8

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
        max_rel_error: key -> largest relative error over the z where it is finite
            (for the logits path a last-bit quantity: see ``LOGITS_ULP_BOUND``).
        logits_bound: dtype -> LOGITS_ULP_BOUND times the dtype's epsilon.
        sigma_one_from: dtype -> smallest z of that dtype whose correctly rounded σ(z)
            is 1: the first float z ≥ ln(2^(p+1) − 1) for a p-bit significand (54 ln 2
            ≈ 37.43 in float64, 25 ln 2 ≈ 17.33 in float32); the probability path
            breaks from there on. (The formula 1/(1 + e^−z) reaches 1 earlier.)
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
    logits_bound: dict[str, float]


# 60 digits: ln(1 + e^z) at z = -60 keeps 30 significant digits (e^-60 is about 1e-26).
_DIGITS = 60


def _exact_softplus_and_sigmoid(z: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """softplus(z), softplus(−z) and σ(z) in decimal arithmetic, rounded to float64.

    Each |z| is worked out once (the sweep is symmetric): softplus(−a) = softplus(a) − a
    and σ(−a) = 1 − σ(a) are exact in decimal arithmetic too.
    """
    plus, minus, sig = [], [], []
    memo: dict[Decimal, tuple[Decimal, Decimal]] = {}
    with localcontext() as ctx:
        ctx.prec = _DIGITS
        for v in z:
            d = Decimal(float(v))
            a = abs(d)
            if a not in memo:
                e = (-a).exp()
                memo[a] = (a + (1 + e).ln(), 1 / (1 + e))  # softplus(a), σ(a)
            sp_a, sig_a = memo[a]
            sp, s = (sp_a, sig_a) if d >= 0 else (sp_a - a, 1 - sig_a)
            plus.append(float(sp))
            minus.append(float(sp - d))  # softplus(−z) = softplus(z) − z
            sig.append(float(s))
    return np.array(plus), np.array(minus), np.array(sig)


def _neg_log(p: np.ndarray) -> np.ndarray:
    """−log p, correctly rounded to p's dtype (inf at p = 0); one logarithm per value."""
    values, where = np.unique(p, return_inverse=True)
    out = np.full(values.shape, np.inf)
    with localcontext() as ctx:
        ctx.prec = _DIGITS
        for i, v in enumerate(values):
            if v > 0:
                out[i] = float(-Decimal(float(v)).ln())
    return out.astype(p.dtype)[where.reshape(p.shape)]


def _one_from(dtype: type) -> float:
    """Smallest z of ``dtype`` with σ(z) rounding to 1 (ties go to 1, the even one)."""
    bits = np.finfo(dtype).nmant + 1
    with localcontext() as ctx:
        ctx.prec = _DIGITS
        edge = (Decimal(2) ** (bits + 1) - 1).ln()  # 1 − σ(z) ≤ 2^−(bits+1) from here
    z = dtype(float(edge))
    if Decimal(float(z)) < edge:
        z = np.nextafter(z, dtype(np.inf))
    return float(z)


def _from_probabilities(p: np.ndarray, y: float) -> np.ndarray:
    """The textbook formula on an ideal machine (correctly rounded logarithms).

    1 − p is exact in floating point for p ≥ 1/2 (Sterbenz) and rounds correctly below.
    """
    one_minus = (1 - p).astype(p.dtype)
    with np.errstate(invalid="ignore"):  # 0 · inf where p rounds to 0 or 1: NaN
        return y * _neg_log(p) + (1 - y) * _neg_log(one_minus)


def run_classification() -> ClassificationResult:
    """Evaluate the three ways on z ∈ [−60, 60] for y = 0 and y = 1 (deterministic)."""
    z = np.linspace(-_Z_MAX, _Z_MAX, _N_Z)
    reference: dict[str, np.ndarray] = {}
    loss: dict[str, np.ndarray] = {}
    for dt in (np.float32, np.float64):
        name = np.dtype(dt).name
        zd = z.astype(dt)
        z_seen = zd.astype(np.float64)
        reference[f"{name}/y0"], reference[f"{name}/y1"], sig = _exact_softplus_and_sigmoid(z_seen)
        p = sig.astype(dt)  # σ(z), correctly rounded (float64, then float32: exact enough)
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
    bound = {
        np.dtype(d).name: LOGITS_ULP_BOUND * float(np.finfo(d).eps)
        for d in (np.float32, np.float64)
    }
    for key, err in worst.items():
        dtype = key.split("/")[1]
        if key.startswith("logits/") and not err <= bound[dtype]:
            raise AssertionError(f"{key}: relative error {err:.2e} exceeds {bound[dtype]:.2e}")
    return ClassificationResult(
        z=z,
        reference=reference,
        loss=loss,
        rel_error=rel,
        first_nonfinite=first,
        max_rel_error=worst,
        sigma_one_from={np.dtype(d).name: _one_from(d) for d in (np.float32, np.float64)},
        clip_eps=CLIP_EPS,
        clip_cap=float(max(v.max() for k, v in loss.items() if k.startswith("clip/"))),
        logits_bound=bound,
    )


def rounded_sigmoid(z: np.ndarray, dtype: type) -> np.ndarray:
    """σ(z) as [`run_classification`][] rounds it for ``dtype``: at z rounded to
    ``dtype``, the exact σ rounded to float64 and then to ``dtype``.

    The probability path's losses are −log of this p (or of 1 − p), so showing p next to
    them explains where they break: p is exactly 1 from ``sigma_one_from`` on.

    Examples:
        >>> [float(p) for p in rounded_sigmoid(np.array([0.0, 17.3, 17.35]), np.float32)]
        [0.5, 0.9999999403953552, 1.0]
    """
    z_seen = np.asarray(z, dtype=np.float64).astype(dtype).astype(np.float64)
    return _exact_softplus_and_sigmoid(z_seen)[2].astype(dtype)


def logit_sweep() -> np.ndarray:
    """The logits [`run_classification`][] sweeps (its ``z``), without running it.

    Examples:
        >>> z = logit_sweep()
        >>> len(z), float(z[0]), float(z[1200]), float(z[-1])
        (2401, -60.0, 0.0, 60.0)
    """
    return np.linspace(-_Z_MAX, _Z_MAX, _N_Z)
