"""Accuracy of the core functions against an arbitrary-precision reference (mpmath).

Errors are measured in ulps of the result dtype: |got − ref| / ulp(ref), where ref is the
exact value (computed in mpmath at 200 bits, in algebraically exact forms that never
subtract from 1) and ulp(ref) is the spacing of the floating-point numbers of the result
dtype around ref (the smallest subnormal spacing below the normal range). The difference
is formed in mpmath, so the measurement itself adds no rounding.

Bounds are the ones promised by the project's spec (issue 2): sigmoid ≤ 2.5 ulp in
float64, ≤ 4 ulp in float32, ≤ 1 ulp in float16; sigmoid_grad, log_sigmoid, logit and
the cross-entropy ≤ 3 ulp in float64. The spec bounded logit only away from p = 0.5; the
test holds it to 3 ulp there too (issue 14), since each reference is the exact value at
the same float input, so no rounding of p enters the error.
"""

from __future__ import annotations

import mpmath
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sigmoid_guide import (
    binary_cross_entropy_with_logits,
    log_sigmoid,
    logit,
    sigmoid,
    sigmoid_grad,
)

PREC = 200
# (precision in bits including the implicit one, minimum normal exponent) per dtype.
FORMATS = {
    np.dtype(np.float16): (11, -14),
    np.dtype(np.float32): (24, -126),
    np.dtype(np.float64): (53, -1022),
}
HYPOTHESIS = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)


# ---------------------------------------------------------------------------------------
# Exact references (mpmath). Each takes a Python float (exact value of the input).
# ---------------------------------------------------------------------------------------
def ref_sigmoid(x: float) -> mpmath.mpf:
    with mpmath.workprec(PREC):
        x = mpmath.mpf(x)
        if x >= 0:
            return 1 / (1 + mpmath.exp(-x))
        e = mpmath.exp(x)
        return e / (1 + e)


def ref_sigmoid_grad(x: float) -> mpmath.mpf:
    # σ'(x) = e^(−|x|) / (1 + e^(−|x|))², even in x; no 1 − σ(x) is ever formed.
    with mpmath.workprec(PREC):
        e = mpmath.exp(-abs(mpmath.mpf(x)))
        return e / (1 + e) ** 2


def ref_log_sigmoid(x: float) -> mpmath.mpf:
    # log σ(x) = −log1p(e^(−x)); mpmath's log1p is accurate for tiny arguments.
    with mpmath.workprec(PREC):
        return -mpmath.log1p(mpmath.exp(-mpmath.mpf(x)))


def ref_bce(z: float, y: int) -> mpmath.mpf:
    # −log σ(z) = log1p(e^(−z)) for y = 1; −log(1 − σ(z)) = log1p(e^z) for y = 0.
    with mpmath.workprec(PREC):
        z = mpmath.mpf(z)
        return mpmath.log1p(mpmath.exp(-z if y == 1 else z))


def ref_logit(p: float) -> mpmath.mpf:
    # log p − log1p(−p): 1 − p is never rounded before the logarithm.
    with mpmath.workprec(PREC):
        p = mpmath.mpf(p)
        return mpmath.log(p) - mpmath.log1p(-p)


def ulp_error(got: float, ref: mpmath.mpf, dtype: np.dtype) -> float:
    """|got − ref| in ulps of ``dtype`` at ref, computed exactly in mpmath."""
    prec, emin = FORMATS[np.dtype(dtype)]
    got = float(got)
    assert np.isfinite(got), f"non-finite result {got} where {ref} was expected"
    with mpmath.workprec(PREC + 64):
        if ref == 0:
            ulp = mpmath.ldexp(1, emin - prec + 1)
        else:
            _, e = mpmath.frexp(ref)  # |ref| = m·2^e with 0.5 ≤ m < 1
            ulp = mpmath.ldexp(1, max(e - 1, emin) - prec + 1)
        return float(abs(mpmath.mpf(got) - ref) / ulp)


def max_ulp_error(func, ref, xs, dtype=np.float64):
    """Largest ulp error of func(xs) (vectorised) over xs, with the worst input."""
    got = func(xs)
    errors = [ulp_error(g, ref(float(x)), dtype) for x, g in zip(xs, got, strict=True)]
    worst = int(np.argmax(errors))
    return errors[worst], xs[worst]


# ---------------------------------------------------------------------------------------
# Input sets
# ---------------------------------------------------------------------------------------
TINY64 = np.finfo(np.float64).smallest_subnormal
SPECIAL64 = np.array(
    [
        0.0, -0.0, TINY64, -TINY64, 2 * TINY64, 1e-320, -1e-320,
        np.finfo(np.float64).smallest_normal, -np.finfo(np.float64).smallest_normal,
        1e-300, -1e-300, 1e-17, -1e-17, 1e-8, -1e-8, 0.5, -0.5, 1.0, -1.0, 2.0, -2.0,
        36.0, -36.0, 36.7, -36.7, 36.74, -36.74, 37.0, -37.0, 40.0, -40.0,
        87.0, -87.0, 88.72, -88.72, 100.0, -100.0, 700.0, -700.0,
        708.0, -708.0, np.nextafter(-708.0, -np.inf), np.nextafter(-708.0, 0.0),
        708.4, -708.4, 709.0, -709.0, 709.78, -709.78, 709.79, -709.79, 710.0, -710.0,
        720.0, -720.0, 730.0, -730.0, 740.0, -740.0, 744.0, -744.0,
        744.44, -744.44, 745.0, -745.0, 745.13, -745.13, 745.14, -745.14,
        746.0, -746.0, 1000.0, -1000.0, 1e10, -1e10, 1e300, -1e300,
        np.finfo(np.float64).max, -np.finfo(np.float64).max,
    ]
)  # fmt: skip


def random_points64(n: int, seed: int) -> np.ndarray:
    """Seeded float64 points: log-spaced magnitudes over the whole range, both signs,
    uniform over the interesting ranges, and the subnormal-result range (−745, −708)."""
    rng = np.random.default_rng(seed)
    k = n // 4
    magnitudes = 10.0 ** rng.uniform(-323.0, 308.2, k)
    return np.concatenate(
        [
            rng.choice([-1.0, 1.0], k) * magnitudes,
            rng.uniform(-40.0, 40.0, k),
            rng.uniform(-750.0, 750.0, k),
            rng.uniform(-745.0, -708.0, n - 3 * k),
        ]
    )


POINTS64 = np.concatenate([SPECIAL64, random_points64(3000, seed=20261126)])


# ---------------------------------------------------------------------------------------
# float64: sigmoid ≤ 2.5 ulp; sigmoid_grad, log_sigmoid, bce ≤ 3 ulp
# ---------------------------------------------------------------------------------------
def test_ulp_error_measurement_is_exact():
    # The measuring stick itself: one ulp off at 1, at 0.5, at a subnormal and at 0.
    one = mpmath.mpf(1)
    assert ulp_error(1.0 + 2.0**-52, one, np.float64) == 1.0
    assert ulp_error(0.5 - 2.0**-54, mpmath.mpf(0.5), np.float64) == 0.5
    assert ulp_error(2 * TINY64, mpmath.mpf(TINY64), np.float64) == 1.0
    assert ulp_error(TINY64, mpmath.mpf(0), np.float64) == 1.0
    assert ulp_error(1.0 + 2.0**-23, one, np.float32) == 1.0
    assert ulp_error(1.0 + 2.0**-10, one, np.float16) == 1.0


@pytest.mark.parametrize(
    ("func", "ref", "bound"),
    [
        (sigmoid, ref_sigmoid, 2.5),
        (sigmoid_grad, ref_sigmoid_grad, 3.0),
        (log_sigmoid, ref_log_sigmoid, 3.0),
    ],
    ids=["sigmoid", "sigmoid_grad", "log_sigmoid"],
)
def test_float64_accuracy(func, ref, bound):
    worst, at = max_ulp_error(func, ref, POINTS64)
    assert worst <= bound, f"{func.__name__}: {worst:.3f} ulp at x = {at!r}"


@pytest.mark.parametrize("target", [0, 1])
def test_float64_bce_accuracy(target):
    def per_element(z):
        return binary_cross_entropy_with_logits(z, np.full(z.shape, target), reduction="none")

    worst, at = max_ulp_error(per_element, lambda z: ref_bce(z, target), POINTS64)
    assert worst <= 3.0, f"bce(target={target}): {worst:.3f} ulp at z = {at!r}"


def logit_points(n: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    k = n // 4
    p = np.concatenate(
        [
            rng.uniform(0.0, 1.0, k),
            10.0 ** rng.uniform(-323.0, np.log10(0.5), k),  # down to subnormal p
            1.0 - 10.0 ** rng.uniform(-16.0, np.log10(0.5), k),  # up to 1 − 2^-53
            rng.uniform(0.25, 0.75, n - 3 * k),  # the 2·atanh(2p − 1) branch
            [TINY64, 1e-300, 2.0**-53, 0.1, 0.2499, 0.25, 0.2501, 0.49, 0.51],
            [0.7499, 0.75, 0.7501, 0.9, 1 - 2.0**-52, 1 - 2.0**-53, 0.5 - 1.001e-3],
            # Near p = 0.5, where logit(p) ≈ 4(p − 0.5) is tiny: 2p − 1 is exact there,
            # and the result is compared with the exact logit of the same float p.
            rng.uniform(0.5 - 1e-3, 0.5 + 1e-3, k),
            0.5 + rng.choice([-1.0, 1.0], 200) * 10.0 ** rng.uniform(-16.0, -3.0, 200),
            [0.5, np.nextafter(0.5, 0.0), np.nextafter(0.5, 1.0), 0.5 - 1e-3, 0.5 + 1e-3],
        ]
    )
    return p


def test_float64_logit_accuracy():
    worst, at = max_ulp_error(logit, ref_logit, logit_points(2000, seed=7))
    assert worst <= 3.0, f"logit: {worst:.3f} ulp at p = {at!r}"


# Hypothesis chooses its own points (including subnormal and huge ones).
finite64 = st.floats(allow_nan=False, allow_infinity=False)


@HYPOTHESIS
@given(x=finite64)
def test_sigmoid_accuracy_hypothesis(x):
    assert ulp_error(sigmoid(x), ref_sigmoid(x), np.float64) <= 2.5


@HYPOTHESIS
@given(x=finite64)
def test_sigmoid_grad_accuracy_hypothesis(x):
    assert ulp_error(sigmoid_grad(x), ref_sigmoid_grad(x), np.float64) <= 3.0


@HYPOTHESIS
@given(x=finite64)
def test_log_sigmoid_accuracy_hypothesis(x):
    assert ulp_error(log_sigmoid(x), ref_log_sigmoid(x), np.float64) <= 3.0


@HYPOTHESIS
@given(z=finite64, y=st.sampled_from([0, 1]))
def test_bce_accuracy_hypothesis(z, y):
    got = binary_cross_entropy_with_logits(z, y, reduction="none")
    assert ulp_error(got, ref_bce(z, y), np.float64) <= 3.0


@HYPOTHESIS
@given(p=st.floats(min_value=0.0, max_value=1.0, exclude_min=True, exclude_max=True))
def test_logit_accuracy_hypothesis(p):
    assert ulp_error(logit(p), ref_logit(p), np.float64) <= 3.0


@HYPOTHESIS
@given(p=st.floats(min_value=0.5 - 1e-3, max_value=0.5 + 1e-3))
def test_logit_accuracy_near_half_hypothesis(p):
    assert ulp_error(logit(p), ref_logit(p), np.float64) <= 3.0


# ---------------------------------------------------------------------------------------
# float32: ≤ 4 ulp over a dense sample of bit patterns; float16: ≤ 1 ulp exhaustively
# ---------------------------------------------------------------------------------------
def ulp_array(ref: np.ndarray, dtype) -> np.ndarray:
    """ulp of ``dtype`` at each (float64) ref; the subnormal spacing for ref == 0."""
    prec, emin = FORMATS[np.dtype(dtype)]
    exponent = np.frexp(ref)[1]
    exponent = np.where(ref == 0, emin - 100, exponent)
    return np.ldexp(1.0, np.maximum(exponent - 1, emin) - prec + 1)


def test_float32_sigmoid_dense_bit_patterns():
    # Every 97th positive and every 97th negative finite float32 bit pattern (~44 million
    # inputs, all exponents and all subnormals represented). The reference is the
    # package's own float64 sigmoid, checked above to be ≤ 2.5 float64 ulp over the whole
    # range: that is ≤ 2.5·2^-29 float32 ulp, so at most ~5e-9 of the measured error
    # comes from the reference (and subtracting got − ref in float64 adds a relative
    # 2^-53). Its float64 accuracy is re-checked against mpmath on the worst inputs.
    worst, worst_x = 0.0, None
    patterns = np.arange(0, 0x7F800000, 97, dtype=np.uint32)
    block = 1 << 22
    for sign in (np.uint32(0), np.uint32(0x80000000)):
        for start in range(0, patterns.size, block):
            x = (patterns[start : start + block] | sign).view(np.float32)
            got = sigmoid(x)
            assert got.dtype == np.float32
            ref = sigmoid(x.astype(np.float64))
            err = np.abs(got.astype(np.float64) - ref) / ulp_array(ref, np.float32)
            i = int(np.argmax(err))
            if err[i] > worst:
                worst, worst_x = float(err[i]), x[i]
    assert worst <= 4.0, f"float32 sigmoid: {worst:.3f} ulp at x = {worst_x!r}"
    # The same worst input measured against mpmath directly.
    exact = ulp_error(sigmoid(worst_x), ref_sigmoid(float(worst_x)), np.float32)
    assert exact == pytest.approx(worst, abs=1e-6)


SPECIAL32 = np.array(
    [0.0, 1e-45, -1e-45, 1e-38, -1e-38, 1e-8, -1e-8, 1.0, -1.0, 16.64, -16.66, 17.0, -17.0,
     86.9, -86.9, 87.0, -87.0, np.nextafter(np.float32(-87), np.float32(-100)),
     87.34, -87.34, 88.72, -88.72, 90.0, -90.0, 100.0, -100.0, 103.0, -103.0, 103.28,
     -103.28, 104.0, -104.0, 1e30, -1e30, 3.4e38, -3.4e38],
    dtype=np.float32,
)  # fmt: skip


def test_float32_sigmoid_special_points_against_mpmath():
    # Includes the subnormal-result range −103.3 < x < −87.3, computed rather than flushed.
    worst, at = max_ulp_error(sigmoid, ref_sigmoid, SPECIAL32, np.float32)
    assert worst <= 4.0, f"float32 sigmoid: {worst:.3f} ulp at x = {at!r}"


def test_float16_sigmoid_exhaustive():
    # All 63488 finite float16 inputs. Reference: the float64 sigmoid (≤ 2.5·2^-42 float16
    # ulp from exact, negligible), checked against mpmath on the worst input below.
    x = np.arange(1 << 16, dtype=np.uint32).astype(np.uint16).view(np.float16)
    x = x[np.isfinite(x)]
    got = sigmoid(x)
    assert got.dtype == np.float16
    ref = sigmoid(x.astype(np.float64))
    err = np.abs(got.astype(np.float64) - ref) / ulp_array(ref, np.float16)
    i = int(np.argmax(err))
    assert err[i] <= 1.0, f"float16 sigmoid: {err[i]:.3f} ulp at x = {x[i]!r}"
    exact = ulp_error(got[i], ref_sigmoid(float(x[i])), np.float16)
    assert exact == pytest.approx(float(err[i]), abs=1e-9)
