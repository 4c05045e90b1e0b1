"""Outlier experiment: σ does not 'solve' outliers, it erases them."""

from __future__ import annotations

import numpy as np
import pytest

from sigmoid_guide.experiments.outliers import run_outliers


@pytest.fixture(scope="module")
def result():
    return run_outliers()


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_raw_outliers_collapse_to_exactly_one(result, dtype: str) -> None:
    key = f"raw/{dtype}"
    assert result.distinct_outlier_outputs[key] == 1
    assert result.outliers_exactly_one[key] == len(result.outliers)


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_raw_outliers_send_back_no_gradient(result, dtype: str) -> None:
    key = f"raw/{dtype}"
    g = np.abs(result.grad_outliers[key])
    assert np.all(g < 1e-15)
    assert g[-1] == 0.0  # x = 1000: σ'(x) underflows to exactly 0
    assert result.grad_bulk_median[key] > 1e-2  # ordinary inputs do learn


def test_standardising_separates_outliers_but_squeezes_the_bulk(result) -> None:
    std, raw = "standardised/float64", "raw/float64"
    assert result.distinct_outlier_outputs[std] == len(result.outliers)
    assert result.outliers_exactly_one[std] == 0
    assert np.abs(result.grad_outliers[std]).min() > 1e-6
    assert result.bulk_output_std[std] < result.bulk_output_std[raw] / 10


def test_robust_scaling_keeps_outliers_saturated(result) -> None:
    assert result.distinct_outlier_outputs["robust/float64"] == 1


def test_signed_log_keeps_both(result) -> None:
    key = "signed_log/float64"
    assert result.distinct_outlier_outputs[key] == len(result.outliers)
    assert np.abs(result.grad_outliers[key]).min() > 1e-3
    assert result.bulk_output_std[key] > result.bulk_output_std["raw/float64"] / 2
    # Order is preserved: larger outliers give larger outputs.
    assert np.all(np.diff(result.out_outliers[key]) > 0)
