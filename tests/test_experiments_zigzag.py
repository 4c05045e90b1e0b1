"""Zig-zag experiment: the per-example sign argument and what batching and centring do."""

from __future__ import annotations

import numpy as np
import pytest

from sigmoid_guide.experiments.zigzag import make_problems, run_zigzag


@pytest.fixture(scope="module")
def result():
    return run_zigzag()


def test_inputs_are_positive_or_centered() -> None:
    probs = make_problems()
    assert np.all(probs["positive"].X > 0)
    np.testing.assert_allclose(probs["centered"].X.mean(axis=0), 0, atol=1e-12)


def test_single_example_updates_always_share_one_sign(result) -> None:
    # The argument of LeCun et al. / CS231n: (f - y)·x with x > 0 has one sign.
    frac = result.same_sign_fraction["positive"]
    assert result.batch_sizes[0] == 1
    assert frac[0] == 1.0


def test_batching_mixes_the_signs(result) -> None:
    frac = result.same_sign_fraction["positive"]
    assert np.all(np.diff(frac) < 0)  # strictly lower with every larger batch
    assert frac[-1] < 0.5


def test_centered_inputs_have_no_sign_constraint(result) -> None:
    frac = result.same_sign_fraction["centered"]
    assert 0.3 < frac[0] < 0.7
    assert np.all(frac < result.same_sign_fraction["positive"][: len(frac)] + 1e-12)


def test_centring_improves_conditioning_and_convergence(result) -> None:
    kp, kc = result.condition_number["positive"], result.condition_number["centered"]
    assert kp > 5 * kc and kc < 2
    assert result.gd_steps["positive"] > 5 * result.gd_steps["centered"]
    # With one learning rate for both, the step counts are close: the gain comes from
    # the larger learning rate centring allows.
    same = result.gd_steps_same
    assert 0.5 < same["positive"] / same["centered"] < 2


def test_gradient_descent_reaches_the_optimum(result) -> None:
    for key in result.labels:
        path = result.gd_path[key]
        np.testing.assert_array_equal(path[0], result.w0)
        assert np.linalg.norm(path[-1] - result.w_star[key]) < np.linalg.norm(
            path[0] - result.w_star[key]
        )
        np.testing.assert_allclose(result.w_star[key], [1.0, -1.0], atol=0.1)


def test_deterministic(result) -> None:
    again = run_zigzag()
    for key in result.labels:
        np.testing.assert_array_equal(again.same_sign_fraction[key], result.same_sign_fraction[key])
        np.testing.assert_array_equal(again.gd_path[key], result.gd_path[key])
