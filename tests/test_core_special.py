"""Exact special values, infinities, NaN, subnormal results and floating-point flags.

Also the documented failures of the textbook ``naive_sigmoid``.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from core_cases import FLOATS, bce_of_logits, bce_of_targets
from core_cases import UNARY as CORE_UNARY

from sigmoid_guide import (
    binary_cross_entropy_with_logits,
    hard_sigmoid,
    log_sigmoid,
    logit,
    naive_sigmoid,
    relu,
    sigmoid,
    sigmoid_grad,
    silu,
    tanh,
)

INF = np.inf


def bce_logits(z):
    return bce_of_logits(z, reduction="none")


def bce_targets(y):
    return bce_of_targets(y, reduction="none")


# Every public function as a function of one real array argument.
UNARY = {**CORE_UNARY, "bce(logits)": bce_logits, "bce(targets)": bce_targets}
# Functions whose argument is a probability in [0, 1].
PROBABILITY_ARGS = {"logit", "bce(targets)"}


def grid(dtype, *, probability: bool) -> np.ndarray:
    """Finite and infinite inputs of ``dtype`` that reach every branch of the kernels."""
    if probability:
        values = [0.0, 1e-320, 1e-300, 1e-40, 1e-8, 0.1, 0.25, 0.2500001, 0.4999, 0.5, 0.5001,
                  0.75, 0.9, 1 - 1e-8, 1 - 2.0**-53, 1.0]  # fmt: skip
    else:
        info = np.finfo(dtype)
        values = [0.0, -0.0, float(info.smallest_subnormal), -float(info.smallest_subnormal),
                  float(info.smallest_normal), -float(info.smallest_normal), 1e-300, -1e-300,
                  1e-8, -1e-8, 1.0, -1.0, 3.0, -3.0, 10.0, -10.0, 16.7, -16.7, 36.7, -36.7,
                  87.0, -87.0, 88.8, -88.8, 95.0, -95.0, 104.0, -104.0, 708.0, -708.0,
                  709.79, -709.79, 720.0, -720.0, 745.2, -745.2, 1e4, -1e4, 1e38, -1e38,
                  float(info.max), -float(info.max), 1e308, -1e308, INF, -INF]  # fmt: skip
    with np.errstate(over="ignore", under="ignore"):
        return np.array(values, dtype=np.float64).astype(dtype)


# ---------------------------------------------------------------------------------------
# Exact values
# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("dtype", FLOATS)
def test_sigmoid_of_zero_is_exactly_one_half(dtype):
    for zero in (dtype(0.0), dtype(-0.0), np.array([0.0, -0.0], dtype=dtype)):
        result = sigmoid(zero)
        assert result.dtype == dtype
        assert np.all(result == 0.5)
    assert sigmoid(0.0) == 0.5
    assert sigmoid(-0.0) == 0.5
    assert sigmoid(0) == 0.5
    assert sigmoid(False) == 0.5


@pytest.mark.parametrize("dtype", FLOATS)
def test_sigmoid_of_infinities(dtype):
    result = sigmoid(np.array([INF, -INF], dtype=dtype))
    assert result.dtype == dtype
    assert result[0] == 1.0
    assert result[1] == 0.0
    assert sigmoid(float("inf")) == 1.0
    assert sigmoid(float("-inf")) == 0.0


@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("name", list(UNARY))
def test_nan_gives_nan(name, dtype):
    func = UNARY[name]
    x = np.array([np.nan, 0.5, np.nan], dtype=dtype)
    result = func(x)
    assert np.isnan(result[0]) and np.isnan(result[2])
    assert not np.isnan(result[1])
    assert np.isnan(func(dtype(np.nan)))


def test_nan_gives_nan_in_reductions():
    assert np.isnan(binary_cross_entropy_with_logits([0.0, np.nan], [1, 0]))
    assert np.isnan(binary_cross_entropy_with_logits([0.0, 1.0], [1, np.nan], reduction="sum"))


@pytest.mark.parametrize("dtype", FLOATS)
def test_sigmoid_grad_at_zero_is_exactly_one_quarter(dtype):
    result = sigmoid_grad(np.array([0.0, -0.0], dtype=dtype))
    assert result.dtype == dtype
    assert np.all(result == 0.25)
    assert sigmoid_grad(0.0) == 0.25


@pytest.mark.parametrize("dtype", FLOATS)
def test_sigmoid_grad_never_exceeds_one_quarter_near_zero(dtype):
    # Where σ(x)σ(−x) or e/(1+e)² computed naively round up to 0.25000000000000006.
    rng = np.random.default_rng(5)
    x = np.concatenate(
        [
            rng.uniform(-1e-7, 1e-7, 200_000),
            rng.uniform(-1e-3, 1e-3, 200_000),
            rng.uniform(-1e-12, 1e-12, 50_000),
            rng.uniform(-1.0, 1.0, 50_000),
        ]
    ).astype(dtype)
    result = sigmoid_grad(x)
    assert result.dtype == dtype
    assert result.max() <= 0.25
    assert result.min() > 0.0


def test_sigmoid_grad_never_exceeds_one_quarter_on_every_float16():
    x = np.arange(1 << 16, dtype=np.uint32).astype(np.uint16).view(np.float16)
    result = sigmoid_grad(x[~np.isnan(x)])
    assert np.nanmax(result) <= 0.25
    assert result.min() >= 0.0


def test_subnormal_results_are_computed_not_flushed_float64():
    x = np.concatenate([np.linspace(-745.0, -708.0, 5001)[1:-1], [-744.4, -709.78, -708.01]])
    result = sigmoid(x)
    assert np.all(result > 0.0)
    assert np.any(result < np.finfo(np.float64).smallest_normal)  # really subnormal
    # σ(x) = e^x / (1 + e^x) equals e^x to the last bit when e^x < 1e-307.
    with np.errstate(under="ignore"):
        expected = np.exp(x)
    np.testing.assert_array_max_ulp(result, expected, maxulp=1)


def test_subnormal_results_are_computed_not_flushed_float32():
    x = np.linspace(-103.0, -87.5, 2001, dtype=np.float32)
    result = sigmoid(x)
    assert result.dtype == np.float32
    assert np.all(result > 0.0)
    assert np.all(result < np.finfo(np.float32).smallest_normal)
    with np.errstate(under="ignore"):
        expected = np.exp(x.astype(np.float64)).astype(np.float32)
    np.testing.assert_array_max_ulp(result, expected, maxulp=1)


def test_sigmoid_grad_large_x_is_not_zero():
    assert sigmoid_grad(40.0) == pytest.approx(math.exp(-40.0), rel=4e-16)
    assert sigmoid_grad(-40.0) == pytest.approx(math.exp(-40.0), rel=4e-16)
    assert sigmoid_grad(700.0) == pytest.approx(math.exp(-700.0), rel=4e-16)
    assert 0.0 < sigmoid_grad(740.0) < 1e-320  # subnormal, not flushed
    assert sigmoid_grad(INF) == 0.0
    assert sigmoid_grad(-INF) == 0.0


def test_log_sigmoid_special_values():
    assert log_sigmoid(-1000.0) == -1000.0
    assert log_sigmoid(-1e300) == -1e300
    assert log_sigmoid(40.0) == pytest.approx(-math.exp(-40.0), rel=4e-16)
    assert log_sigmoid(0.0) == -math.log(2.0)
    assert log_sigmoid(INF) == 0.0
    assert log_sigmoid(-INF) == -INF
    assert log_sigmoid(np.float32(-1000.0)) == np.float32(-1000.0)


@pytest.mark.parametrize("dtype", FLOATS)
def test_logit_endpoints(dtype):
    result = logit(np.array([0.0, 0.5, 1.0], dtype=dtype))
    assert result.dtype == dtype
    assert result[0] == -INF
    assert result[1] == 0.0
    assert result[2] == INF
    assert logit(0.0) == -INF
    assert logit(1.0) == INF
    assert logit(0) == -INF and logit(1) == INF


@pytest.mark.parametrize("dtype", FLOATS)
def test_bce_with_infinite_logits(dtype):
    z = np.array([INF, INF, -INF, -INF, INF, -INF], dtype=dtype)
    y = np.array([1.0, 0.0, 0.0, 1.0, 0.5, 0.25], dtype=dtype)
    loss = binary_cross_entropy_with_logits(z, y, reduction="none")
    assert loss.dtype == dtype
    # Target agrees completely: no loss. Disagrees (even partly): infinite loss.
    np.testing.assert_array_equal(loss, np.array([0.0, INF, 0.0, INF, INF, INF], dtype=dtype))
    assert binary_cross_entropy_with_logits(z[[0, 2]], y[[0, 2]]) == 0.0
    assert binary_cross_entropy_with_logits(z, y, reduction="sum") == INF
    assert binary_cross_entropy_with_logits(INF, 1, reduction="none") == 0.0
    assert binary_cross_entropy_with_logits(-INF, True, reduction="none") == INF


def test_bce_large_finite_logits():
    loss = binary_cross_entropy_with_logits(
        [-800.0, 800.0, 800.0, -800.0], [1, 0, 1, 0], reduction="none"
    )
    np.testing.assert_array_equal(loss, [800.0, 800.0, 0.0, 0.0])
    assert binary_cross_entropy_with_logits(0.0, 1) == math.log(2.0)


def test_other_activations_at_infinity():
    assert silu(-INF) == 0.0
    assert silu(INF) == INF
    assert relu(INF) == INF and relu(-INF) == 0.0
    assert hard_sigmoid(INF) == 1.0 and hard_sigmoid(-INF) == 0.0
    assert tanh(INF) == 1.0 and tanh(-INF) == -1.0
    for dtype in FLOATS:
        result = silu(np.array([-INF, INF, -1e4, 0.0], dtype=dtype))
        assert result.dtype == dtype
        np.testing.assert_array_equal(result, np.array([0.0, INF, 0.0, 0.0], dtype=dtype))


def test_hard_sigmoid_exact_points():
    np.testing.assert_array_equal(
        hard_sigmoid([-1e300, -4.0, -3.0, 0.0, 1.5, 3.0, 4.0, 1e300]),
        [0.0, 0.0, 0.0, 0.5, 0.75, 1.0, 1.0, 1.0],
    )
    for dtype in FLOATS:
        assert hard_sigmoid(dtype(0.0)) == 0.5


# ---------------------------------------------------------------------------------------
# Floating-point flags
# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("name", list(UNARY))
def test_no_runtime_warning_for_any_float_input(name, dtype):
    # NumPy's default error handling (warn on overflow, divide by zero and invalid
    # operations; underflow ignored) with every warning turned into an error.
    func = UNARY[name]
    x = np.append(grid(dtype, probability=name in PROBABILITY_ARGS), np.nan).astype(dtype)
    with warnings.catch_warnings(), np.errstate(over="warn", divide="warn", invalid="warn"):
        warnings.simplefilter("error")
        func(x)
        for value in x:
            func(value)


@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("name", list(UNARY))
def test_no_overflow_divide_invalid_flags(name, dtype):
    func = UNARY[name]
    x = np.append(grid(dtype, probability=name in PROBABILITY_ARGS), np.nan).astype(dtype)
    with np.errstate(over="raise", divide="raise", invalid="raise"):
        func(x)
        for value in x:
            func(value)


def test_no_flags_in_reductions():
    z = np.array([-INF, -800.0, 0.0, 800.0, INF])
    with np.errstate(all="raise"):
        for reduction in ("mean", "sum", "none"):
            binary_cross_entropy_with_logits(z, np.array([0.0, 1.0, 0.5, 0.0, 1.0]),
                                              reduction=reduction)  # fmt: skip


@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("name", list(UNARY))
def test_no_floating_point_error_at_all(name, dtype):
    # Stricter than the spec's "no RuntimeWarning": not even the underflow flag (which
    # NumPy ignores by default) may be raised, for finite and infinite inputs.
    func = UNARY[name]
    x = grid(dtype, probability=name in PROBABILITY_ARGS)
    failures = []
    for value in x:
        try:
            with np.errstate(all="raise"):
                func(np.array([value]))
        except FloatingPointError as exc:
            failures.append(f"{value!r}: {exc}")
    assert not failures, f"{name} ({np.dtype(dtype).name}) raised for " + "; ".join(failures)


# ---------------------------------------------------------------------------------------
# The textbook one-liner's documented failures
# ---------------------------------------------------------------------------------------
def test_naive_sigmoid_warns_on_overflow():
    with pytest.warns(RuntimeWarning, match="overflow"):
        naive_sigmoid(np.float64(-710.0))
    with pytest.warns(RuntimeWarning, match="overflow"):
        naive_sigmoid(np.array([-89.0], dtype=np.float32))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        sigmoid(np.float64(-710.0))
        sigmoid(np.array([-89.0], dtype=np.float32))


def test_naive_sigmoid_flushes_subnormal_results():
    x = np.array([-720.0, -740.0])
    with np.errstate(over="ignore"):
        naive = naive_sigmoid(x)
    np.testing.assert_array_equal(naive, [0.0, 0.0])
    assert np.all(sigmoid(x) > 0.0)


def test_naive_sigmoid_turns_uint8_into_garbage():
    x = np.array([1], dtype=np.uint8)
    with np.errstate(over="ignore"):
        naive = naive_sigmoid(x)
    expected = 1.0 / (1.0 + math.exp(-1.0))
    assert abs(float(naive[0]) - expected) > 0.5  # −x wrapped around to 255
    assert sigmoid(x)[0] == pytest.approx(expected, rel=1e-15)
    assert sigmoid(x).dtype == np.float64
