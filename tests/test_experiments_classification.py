"""Binary cross-entropy: from probabilities it breaks, from logits it stays exact."""

from __future__ import annotations

import numpy as np
import pytest

from sigmoid_guide.experiments.classification import run_classification


@pytest.fixture(scope="module")
def result():
    return run_classification()


def test_from_probabilities_is_inf_or_nan_for_large_logits(result) -> None:
    big = np.abs(result.z) >= 40
    pos = result.z >= 40
    for dt in ("float32", "float64"):
        assert np.all(np.isinf(result.loss[f"prob/{dt}/y0"][pos]))  # log(1 - 1)
        assert np.all(np.isnan(result.loss[f"prob/{dt}/y1"][pos]))  # 0 * log 0
    # Where it is not inf, it is wrongly 0 (true loss e^z > 0) on the other side.
    neg = result.z <= -40
    assert np.all(result.loss["prob/float64/y0"][neg] == 0)
    assert big.any()


def test_thresholds_match_sigma_rounding_to_one(result) -> None:
    assert result.first_nonfinite["prob/float32/y0"] >= result.sigma_one_from["float32"]
    assert 16 < result.first_nonfinite["prob/float32/y0"] < 17.5
    assert 36 < result.first_nonfinite["prob/float64/y0"] < 37.5


@pytest.mark.parametrize("dtype, tol", [("float32", 1e-6), ("float64", 1e-14)])
def test_from_logits_is_finite_and_matches_the_reference(result, dtype: str, tol: float) -> None:
    for y in (0, 1):
        key = f"logits/{dtype}/y{y}"
        assert np.all(np.isfinite(result.loss[key]))
        assert np.isnan(result.first_nonfinite[key])
        np.testing.assert_allclose(
            result.loss[key], result.reference[f"{dtype}/y{y}"], rtol=tol, atol=0
        )


def test_clipping_hides_the_inf_but_caps_the_loss(result) -> None:
    clipped = result.loss["clip/float32/y0"]
    assert np.all(np.isfinite(clipped))
    assert clipped.max() == pytest.approx(-np.log(1e-7), rel=0.02)
    far = result.z >= 40
    assert np.all(clipped[far] < result.reference["float32/y0"][far] / 2)


def test_clipped_loss_is_flat_so_it_sends_no_gradient(result) -> None:
    # Beyond the clip point the loss no longer depends on z: d(loss)/dz is exactly 0,
    # so the worst mistakes stop being corrected.
    clipped = result.loss["clip/float32/y0"]
    far = clipped[result.z >= 20]
    assert np.ptp(far) == 0.0
