"""Property-based tests (hypothesis) of the sigmoid family, in every float dtype."""

from __future__ import annotations

import numpy as np
from core_cases import FLOATS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from sigmoid_guide import (
    hard_sigmoid,
    logit,
    relu,
    sigmoid,
    sigmoid_grad,
    silu,
    tanh,
)

SETTINGS = settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
DTYPES = [np.dtype(t) for t in FLOATS]
# Accuracy bound of sigmoid in ulps per dtype (from the spec; tested in test_core_accuracy).
SIGMOID_ULPS = {np.dtype(np.float16): 1.0, np.dtype(np.float32): 4.0, np.dtype(np.float64): 2.5}


def float_arrays(dtype, *, allow_nan=False, allow_infinity=True, min_size=0, **bounds):
    elements = st.floats(
        width=dtype.itemsize * 8, allow_nan=allow_nan, allow_infinity=allow_infinity, **bounds
    )
    return hnp.arrays(dtype, hnp.array_shapes(max_dims=1, min_side=min_size, max_side=64),
                      elements=elements)  # fmt: skip


def arrays_any_dtype(**kwargs):
    return st.sampled_from(DTYPES).flatmap(lambda dt: float_arrays(dt, **kwargs))


@SETTINGS
@given(x=arrays_any_dtype())
def test_sigmoid_is_monotone_non_decreasing(x):
    s = sigmoid(np.sort(x))
    assert s.dtype == x.dtype
    assert np.all(np.diff(s.astype(np.float64)) >= 0.0)


@SETTINGS
@given(x=arrays_any_dtype(allow_nan=True))
def test_sigmoid_is_bounded(x):
    s = sigmoid(x)
    assert s.dtype == x.dtype and s.shape == x.shape
    finite = ~np.isnan(x)
    assert np.all((s[finite] >= 0.0) & (s[finite] <= 1.0))
    assert np.array_equal(np.isnan(s), np.isnan(x))


@SETTINGS
@given(x=arrays_any_dtype())
def test_sigmoid_symmetry(x):
    # σ(−x) = 1 − σ(x). With a = σ(|x|) in [0.5, 1], 1 − a is exact (Sterbenz), so the
    # only differences are the two roundings of σ: ≤ u ulp of a (ulp ≤ eps/2 on [0.5, 1))
    # plus ≤ u ulp of σ(−|x|) ≤ 0.5 (ulp ≤ eps/4): (u/2 + u/4)·eps ≤ u·eps in all.
    eps = float(np.finfo(x.dtype).eps)
    a = sigmoid(np.abs(x)).astype(np.float64)
    b = sigmoid(-np.abs(x)).astype(np.float64)
    assert np.all(np.abs(b - (1.0 - a)) <= SIGMOID_ULPS[x.dtype] * eps)
    # And the function really is evaluated at −x, not at |x|, when asked for σ(−x).
    assert np.array_equal(sigmoid(-x), sigmoid(-x.copy()))


@SETTINGS
@given(x=arrays_any_dtype())
def test_sigmoid_grad_between_zero_and_one_quarter(x):
    g = sigmoid_grad(x)
    assert g.dtype == x.dtype
    assert np.all((g >= 0.0) & (g <= 0.25))
    # Even function.
    assert np.array_equal(g, sigmoid_grad(-x))


@SETTINGS
@given(x=st.floats(min_value=-1e-3, max_value=1e-3))
def test_sigmoid_grad_never_above_one_quarter_near_zero(x):
    assert sigmoid_grad(x) <= 0.25
    assert sigmoid_grad(np.float32(x)) <= 0.25


# |x| up to where 1 − σ(x) still has several significant digits in the dtype (σ(17)
# already rounds to 1 in float32, so logit(σ(17)) = inf there).
LOGIT_RANGE = {np.dtype(np.float32): 12.0, np.dtype(np.float64): 30.0}


@SETTINGS
@given(
    dtype=st.sampled_from([np.dtype(np.float32), np.dtype(np.float64)]),
    data=st.data(),
    negative=st.booleans(),
)
def test_logit_inverts_sigmoid_where_well_conditioned(dtype, data, negative):
    magnitude = data.draw(st.floats(min_value=1e-3, max_value=LOGIT_RANGE[dtype]))
    x = dtype.type(-magnitude if negative else magnitude)
    s = sigmoid(x)
    back = logit(s)
    assert back.dtype == dtype
    # Condition: logit'(s) = 1/(s(1 − s)) = 1/σ'(x), so the rounding of s (≤ u ulp of
    # s) moves x by ≤ u·spacing(s)/σ'(x); logit's own rounding adds a few ulp of x.
    # For x = 30 this is ~1e13 float64 ulps of s: logit is ill-conditioned near 1.
    u = SIGMOID_ULPS[dtype] + 0.5
    spacing_s = abs(float(np.spacing(s)))
    grad = float(sigmoid_grad(np.float64(x)))
    tolerance = u * spacing_s / grad + 4 * abs(float(np.spacing(x)))
    assert abs(float(back) - float(x)) <= tolerance


@SETTINGS
@given(x=arrays_any_dtype(allow_nan=True))
def test_hard_sigmoid_piecewise(x):
    h = hard_sigmoid(x)
    assert h.dtype == x.dtype
    assert np.array_equal(np.isnan(h), np.isnan(x))
    x64, h64 = x.astype(np.float64), h.astype(np.float64)
    assert np.all((h64[~np.isnan(x)] >= 0.0) & (h64[~np.isnan(x)] <= 1.0))
    assert np.all(h64[x64 <= -3.0] == 0.0)
    assert np.all(h64[x64 >= 3.0] == 1.0)
    middle = (x64 > -3.0) & (x64 < 3.0)
    eps = float(np.finfo(x.dtype).eps)
    assert np.all(np.abs(h64[middle] - (x64[middle] / 6.0 + 0.5)) <= eps)
    assert np.all(np.diff(hard_sigmoid(np.sort(x[~np.isnan(x)])).astype(np.float64)) >= 0)


def test_hard_sigmoid_at_zero():
    for dtype in DTYPES:
        assert hard_sigmoid(dtype.type(0.0)) == 0.5
        assert hard_sigmoid(dtype.type(-0.0)) == 0.5


@SETTINGS
@given(x=arrays_any_dtype(allow_nan=True))
def test_relu(x):
    r = relu(x)
    assert r.dtype == x.dtype and r.shape == x.shape
    assert np.array_equal(np.isnan(r), np.isnan(x))
    assert np.all(r[x > 0] == x[x > 0])
    assert np.all(r[x <= 0] == 0.0)


@SETTINGS
@given(x=arrays_any_dtype(allow_infinity=False, min_value=-700.0, max_value=700.0))
def test_silu_is_x_times_sigmoid(x):
    # Moderate x: σ(x) and the product are both normal numbers in float64. In float32 and
    # float16 the product can underflow for x below about −87 or −10, so compare in
    # absolute terms there: one rounding of the product, u ulp of σ times |x|.
    out = silu(x)
    assert out.dtype == x.dtype
    x64 = x.astype(np.float64)
    expected = x64 * sigmoid(x).astype(np.float64)
    eps = float(np.finfo(x.dtype).eps)
    tiny = float(np.finfo(x.dtype).smallest_subnormal)
    tolerance = 2 * eps * np.abs(expected) + tiny
    assert np.all(np.abs(out.astype(np.float64) - expected) <= tolerance)


@SETTINGS
@given(x=arrays_any_dtype(allow_infinity=True, allow_nan=True))
def test_tanh_is_two_sigmoid_two_x_minus_one(x):
    t = tanh(x)
    assert t.dtype == x.dtype
    assert np.array_equal(np.isnan(t), np.isnan(x))
    x64 = x.astype(np.float64)
    with np.errstate(over="ignore"):
        via_sigmoid = 2.0 * sigmoid(2.0 * x64) - 1.0  # float64, 2x may overflow to ±inf
    # Absolute comparison: 2σ(2x) − 1 cancels near 0, tanh does not.
    eps = float(np.finfo(x.dtype).eps)
    ok = np.abs(t.astype(np.float64) - via_sigmoid) <= 2 * eps
    assert np.all(ok[~np.isnan(x)])
    assert np.all(np.abs(t[~np.isnan(x)]) <= 1.0)
