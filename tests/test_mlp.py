"""The hand-written backpropagation of the experiment MLP, checked against finite differences."""

from __future__ import annotations

import numpy as np
import pytest

from sigmoid_guide.experiments.mlp import (
    ACTIVATIONS,
    MLP,
    Activation,
    activation_derivative,
    activation_function,
    forward,
    init_mlp,
    init_name,
    loss,
    loss_and_gradients,
    train,
)

SIZES = (3, 5, 4, 4, 1)


def _batch(seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(7, SIZES[0]))
    y = np.array([0, 1, 1, 0, 1, 0, 1], dtype=np.float64)
    return x, y


def _finite_difference(net: MLP, x: np.ndarray, y: np.ndarray, param: np.ndarray) -> np.ndarray:
    """Central differences of the loss w.r.t. every entry of ``param`` (edited in place)."""
    # h = 1e-5 balances truncation (~h²) and rounding (~1e-16/h) errors in float64.
    h = 1e-5
    out = np.zeros_like(param)
    for idx in np.ndindex(param.shape):
        old = param[idx]
        param[idx] = old + h
        plus = loss(net, x, y)
        param[idx] = old - h
        minus = loss(net, x, y)
        param[idx] = old
        out[idx] = (plus - minus) / (2 * h)
    return out


def _relative_error(numeric: np.ndarray, analytic: np.ndarray) -> float:
    return float(np.linalg.norm(numeric - analytic) / np.linalg.norm(analytic))


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_backprop_matches_finite_differences(activation: Activation) -> None:
    x, y = _batch()
    # Non-zero biases, so that their gradients are checked away from the zero init too.
    base = init_mlp(SIZES, activation, np.random.default_rng(1))
    rng = np.random.default_rng(2)
    net = MLP(base.weights, tuple(0.1 * rng.normal(size=b.shape) for b in base.biases), activation)
    if activation == "relu":
        # A kink within the step size would make the finite difference meaningless.
        assert min(float(np.abs(z).min()) for z in forward(net, x).pre_activations) > 1e-3
    grads = loss_and_gradients(net, x, y)
    assert grads.loss == pytest.approx(loss(net, x, y), rel=1e-15)
    for k, w in enumerate(net.weights):
        assert _relative_error(_finite_difference(net, x, y, w), grads.weights[k]) < 1e-6
    for k, b in enumerate(net.biases):
        assert _relative_error(_finite_difference(net, x, y, b), grads.biases[k]) < 1e-6


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_deltas_are_gradients_wrt_pre_activations(activation: Activation) -> None:
    # ∂loss/∂b_l is the sum over examples of δ_l, and ∂loss/∂W_l = h_{l−1}ᵀ δ_l.
    x, y = _batch(3)
    net = init_mlp(SIZES, activation, np.random.default_rng(4))
    fwd = forward(net, x)
    grads = loss_and_gradients(net, x, y)
    assert len(grads.deltas) == net.depth
    for layer, delta in enumerate(grads.deltas):
        np.testing.assert_allclose(grads.biases[layer], delta.sum(axis=0), rtol=1e-12)
        np.testing.assert_allclose(
            grads.weights[layer], fwd.activations[layer].T @ delta, rtol=1e-12, atol=1e-300
        )


def test_activation_table_uses_the_package_functions() -> None:
    z = np.linspace(-30.0, 30.0, 121)
    np.testing.assert_allclose(activation_function("sigmoid")(z), 1 / (1 + np.exp(-z)), rtol=1e-15)
    np.testing.assert_allclose(activation_function("tanh")(z), np.tanh(z), rtol=1e-15)
    np.testing.assert_array_equal(activation_function("relu")(z), np.maximum(z, 0.0))
    s = 1 / (1 + np.exp(-z))
    np.testing.assert_allclose(activation_derivative("sigmoid")(z), s * (1 - s), atol=1e-15)
    np.testing.assert_allclose(activation_derivative("tanh")(z), 1 - np.tanh(z) ** 2, atol=1e-15)
    np.testing.assert_array_equal(activation_derivative("relu")(z), (z > 0).astype(float))


def test_tanh_derivative_keeps_relative_accuracy_when_saturated() -> None:
    # 1 − tanh(z)² is exactly 0 here; the true value is about 4e-87.
    value = float(activation_derivative("tanh")(np.array([100.0]))[0])
    assert value == pytest.approx(4 * np.exp(-200.0), rel=1e-12)


def test_init_scales_follow_glorot_and_he() -> None:
    sizes = (200, 300, 300, 1)
    glorot = init_mlp(sizes, "sigmoid", np.random.default_rng(0))
    he = init_mlp(sizes, "relu", np.random.default_rng(0))
    w_sig, w_relu = glorot.weights[1], he.weights[1]
    bound = np.sqrt(6 / 600)
    assert np.abs(w_sig).max() <= bound
    assert w_sig.var() == pytest.approx(2 / 600, rel=0.05)
    assert w_relu.var() == pytest.approx(2 / 300, rel=0.05)
    # The output layer is Glorot uniform for every activation.
    assert np.abs(he.weights[-1]).max() <= np.sqrt(6 / 301)
    assert all(not b.any() for b in glorot.biases)
    assert init_name("sigmoid") == init_name("tanh") == "Glorot uniform"
    assert init_name("relu") == "He normal"


def test_init_is_deterministic_and_scalable() -> None:
    a = init_mlp(SIZES, "tanh", np.random.default_rng(5))
    b = init_mlp(SIZES, "tanh", np.random.default_rng(5), weight_scale=3.0)
    for wa, wb in zip(a.weights, b.weights, strict=True):
        np.testing.assert_array_equal(3.0 * wa, wb)
    assert a.sizes == SIZES
    assert a.depth == len(SIZES) - 2


@pytest.mark.parametrize(
    ("sizes", "activation", "scale"),
    [
        ((3, 1), "sigmoid", 1.0),
        ((3, 4, 2), "sigmoid", 1.0),
        ((3, 0, 1), "sigmoid", 1.0),
        ((3, 4, 1), "softmax", 1.0),
        ((3, 4, 1), "tanh", float("nan")),
        ((3, 4, 1), "tanh", -1.0),
    ],
)
def test_init_rejects_bad_arguments(sizes: tuple[int, ...], activation: str, scale: float) -> None:
    with pytest.raises(ValueError):
        init_mlp(sizes, activation, np.random.default_rng(0), scale)  # type: ignore[arg-type]


def test_train_returns_the_loss_history_and_leaves_the_input_alone() -> None:
    rng = np.random.default_rng(6)
    x = rng.normal(size=(32, 2))
    y = (x[:, 0] * x[:, 1] > 0).astype(np.float64)
    net = init_mlp((2, 16, 16, 1), "tanh", np.random.default_rng(7))
    before = [w.copy() for w in net.weights]
    trained, losses = train(net, x, y, steps=30, learning_rate=0.1)
    assert losses.shape == (31,)
    assert losses[0] == pytest.approx(loss(net, x, y), rel=1e-15)
    assert losses[-1] == pytest.approx(loss(trained, x, y), rel=1e-15)
    assert losses[-1] < losses[0]
    for w, w0 in zip(net.weights, before, strict=True):
        np.testing.assert_array_equal(w, w0)
    _, losses_again = train(net, x, y, steps=30, learning_rate=0.1)
    np.testing.assert_array_equal(losses, losses_again)
    with pytest.raises(ValueError):
        train(net, x, y, steps=1, learning_rate=0.1, momentum=1.0)
