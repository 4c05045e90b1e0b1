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


def test_early_window_is_a_nonempty_prefix_of_the_run(result) -> None:
    for key in result.labels:
        early = result.early_updates[key]
        assert np.all(early >= 1) and np.all(early < result.sign_updates)
        # Counts over a prefix: the early fraction is a whole number of updates of the
        # window, and the leading same-sign run is at most the run.
        counts = result.same_sign_fraction_early[key] * early
        np.testing.assert_allclose(counts, np.round(counts), atol=1e-9)
        assert np.all(result.same_sign_leading[key] <= result.sign_updates)


def test_single_example_updates_share_one_sign_early_too(result) -> None:
    # The sign argument holds wherever the weights are: early and late alike.
    assert result.same_sign_fraction_early["positive"][0] == 1.0
    assert result.same_sign_leading["positive"][0] == result.sign_updates


def test_far_from_the_optimum_the_first_updates_share_one_sign(result) -> None:
    # From the start, whose offset from the optimum lies largely along the mean input
    # (the steep direction), the first update shares one sign at every batch size, as
    # the lab's last cell shows for batches drawn at the start.
    assert np.all(result.same_sign_leading["positive"] >= 1)
    # With the full batch (no sampling noise) the same-sign updates are exactly the
    # first few: they make up the whole-run count, and a larger share of the early
    # window than of the run.
    lead = int(result.same_sign_leading["positive"][-1])
    full = result.same_sign_fraction["positive"][-1]
    assert full * result.sign_updates == lead
    early = result.same_sign_fraction_early["positive"][-1]
    assert early * result.early_updates["positive"][-1] == lead
    assert early > full


def test_whole_run_full_batch_fraction_is_small(result) -> None:
    assert result.same_sign_fraction["positive"][-1] < 0.05


def test_on_the_way_down_averaged_updates_mostly_mix_signs(result) -> None:
    # Far from the optimum, batches of 64 and the full batch mostly move the weights
    # along the valley (mixed signs); near it, mini-batch noise points along the mean
    # input again, so over the whole run mini-batches share one sign more often.
    early = result.same_sign_fraction_early["positive"]
    whole = result.same_sign_fraction["positive"]
    assert np.all(early[2:] < 0.25)
    assert np.all(np.diff(early) <= 0)
    assert np.all(whole[1:3] > early[1:3])


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
        np.testing.assert_array_equal(
            again.same_sign_fraction_early[key], result.same_sign_fraction_early[key]
        )
        np.testing.assert_array_equal(again.gd_path[key], result.gd_path[key])


def test_alt_text_quotes_the_fractions_as_the_prose_does(result) -> None:
    # One precision for the same-sign fractions: the figure's alt text shows the digits
    # of the prose values.
    from sigmoid_guide.figures.zigzag import alt_sign_fraction
    from sigmoid_guide.values import value_text

    for lang in ("ko", "en"):
        alt = alt_sign_fraction(result, lang)
        for name in (
            "zigzag.same_sign_fraction.positive.full",
            "zigzag.same_sign_fraction.positive.b64",
            "zigzag.same_sign_fraction_early.positive.b64",
            "zigzag.same_sign_fraction_early.positive.b8",
        ):
            assert f": {value_text(name)}" in alt, (lang, name)
