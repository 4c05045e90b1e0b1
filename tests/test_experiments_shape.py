"""Shape experiment: derivative peaks, float limits found by bisection, curves."""

from __future__ import annotations

import numpy as np
import pytest

from sigmoid_guide import sigmoid
from sigmoid_guide.experiments.shape import ACTIVATIONS, float_limits, run_shape


@pytest.fixture(scope="module")
def result():
    return run_shape()


def test_sigmoid_derivative_peaks_at_a_quarter(result) -> None:
    assert result.peak_derivative["sigmoid"] == pytest.approx(0.25, abs=1e-12)
    assert result.peak_derivative["tanh"] == pytest.approx(1.0, abs=1e-12)
    assert result.peak_derivative["sigmoid"] < result.peak_derivative["hard_sigmoid"] * 2
    assert result.peak_derivative["silu"] > 1.0  # SiLU's slope overshoots 1


def test_curves_have_the_expected_ranges(result) -> None:
    assert set(result.values) == set(ACTIVATIONS) == set(result.derivatives)
    s = result.values["sigmoid"]
    assert np.all((s > 0) & (s < 1)) and np.all(np.diff(s) > 0)
    assert np.all(np.abs(result.values["tanh"]) < 1)
    # The closed-form derivative agrees with a finite difference of the values.
    for name in ("sigmoid", "tanh", "silu"):
        fd = np.gradient(result.values[name], result.x)
        np.testing.assert_allclose(fd[1:-1], result.derivatives[name][1:-1], atol=1e-3)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_limits_are_exact_float_thresholds(dtype: type) -> None:
    lim = float_limits(dtype)
    below = np.nextafter(dtype(lim.one_from), dtype(0))
    assert sigmoid(dtype(lim.one_from)) == 1 and sigmoid(below) < 1
    above = np.nextafter(dtype(lim.zero_below), dtype(0))
    assert sigmoid(dtype(lim.zero_below)) == 0 and sigmoid(above) > 0
    with np.errstate(over="ignore"):
        assert np.isinf(np.exp(-dtype(lim.naive_overflow_below)))
        assert np.isfinite(np.exp(-np.nextafter(dtype(lim.naive_overflow_below), dtype(0))))
    # The textbook derivative s*(1-s) dies exactly where sigma rounds to 1; the accurate
    # one lives on until sigma(-x) underflows.
    assert lim.textbook_grad_zero_from == lim.one_from
    assert lim.grad_zero_from == pytest.approx(-lim.zero_below)


def test_limits_match_the_known_orders_of_magnitude(result) -> None:
    f32, f64 = result.limits["float32"], result.limits["float64"]
    assert 16 < f32.one_from < 17 and 36 < f64.one_from < 37
    assert -89 < f32.naive_overflow_below < -88 and -710 < f64.naive_overflow_below < -709
    # The accurate sigma reaches further into the negatives than the textbook formula.
    assert f32.zero_below < f32.naive_overflow_below
    assert f64.zero_below < f64.naive_overflow_below


def test_saturation_curves(result) -> None:
    for dt in ("float32", "float64"):
        one_from = result.limits[dt].one_from
        om = result.one_minus[dt]
        assert np.all(om[result.x_right >= one_from] == 0)
        assert np.all(om[result.x_right < one_from - 0.1] > 0)
        naive = result.left_naive[dt]
        assert np.all(naive[result.x_left < result.limits[dt].naive_overflow_below] == 0)


def test_deterministic() -> None:
    a, b = run_shape(), run_shape()
    np.testing.assert_array_equal(a.one_minus["float32"], b.one_minus["float32"])
    assert a.limits == b.limits
