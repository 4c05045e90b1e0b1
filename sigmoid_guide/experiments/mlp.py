"""A small multilayer perceptron in NumPy with hand-written backpropagation.

The network behind the vanishing-gradient experiments. It is deliberately plain so the
chain rule can be read off the code:

* hidden layers ``z_l = h_{l-1} W_l + b_l`` and ``h_l = f(z_l)`` for ``l = 1 … L``,
  with ``h_0 = x`` and ``f`` one of sigmoid, tanh or ReLU;
* one linear output unit giving a logit ``h_L W_{L+1} + b_{L+1}``;
* the mean binary cross-entropy computed from the logits
  ([`sigmoid_guide.binary_cross_entropy_with_logits`][]).

Weights have shape ``(fan_in, fan_out)`` so a batch is a matrix of rows. Everything is
float64 and deterministic given a ``numpy.random.Generator``.

Initialisations (the "standard" ones the guide compares):

* sigmoid and tanh hidden layers: Glorot & Bengio (2010, eq. 16) "normalized
  initialization", uniform on ``[−a, a]`` with ``a = sqrt(6 / (fan_in + fan_out))``,
  i.e. variance ``2 / (fan_in + fan_out)``;
* ReLU hidden layers: He, Zhang, Ren & Sun (2015, §2.2), normal with mean 0 and
  variance ``2 / fan_in``;
* the output layer: Glorot uniform for every activation, so that networks differ only in
  their hidden layers;
* biases: zero.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, get_args

import numpy as np
import numpy.typing as npt

from .. import binary_cross_entropy_with_logits, relu, sigmoid, sigmoid_grad, tanh

__all__ = [
    "ACTIVATIONS",
    "MLP",
    "Activation",
    "FloatArray",
    "ForwardPass",
    "Gradients",
    "activation_derivative",
    "activation_function",
    "backward",
    "forward",
    "init_mlp",
    "init_name",
    "loss",
    "loss_and_gradients",
    "train",
    "training_steps",
]

FloatArray = npt.NDArray[np.float64]
Activation = Literal["sigmoid", "tanh", "relu"]
#: The hidden-layer activations the experiments compare, in the order they are drawn.
ACTIVATIONS: tuple[Activation, ...] = get_args(Activation)


def _check_activation(activation: str) -> Activation:
    if activation not in ACTIVATIONS:
        raise ValueError(
            f"unknown activation {activation!r}: expected one of {', '.join(ACTIVATIONS)}"
        )
    return activation  # type: ignore[return-value]


def _tanh_grad(z: FloatArray) -> FloatArray:
    # tanh(z) = 2σ(2z) − 1, so tanh'(z) = 4σ'(2z). Unlike 1 − tanh(z)², this keeps full
    # relative accuracy where tanh saturates (1 − tanh² cancels to 0 from |z| ≈ 19 on).
    return np.asarray(4.0 * sigmoid_grad(2.0 * z), dtype=np.float64)


def _relu_grad(z: FloatArray) -> FloatArray:
    # The derivative at exactly 0 is taken as 0 (the usual subgradient convention).
    return (z > 0).astype(np.float64)


_FORWARD: dict[Activation, Callable[[FloatArray], FloatArray]] = {
    "sigmoid": sigmoid,
    "tanh": tanh,
    "relu": relu,
}
_DERIVATIVE: dict[Activation, Callable[[FloatArray], FloatArray]] = {
    "sigmoid": sigmoid_grad,
    "tanh": _tanh_grad,
    "relu": _relu_grad,
}


def activation_function(activation: Activation) -> Callable[[FloatArray], FloatArray]:
    """Return the elementwise activation ``f`` (sigmoid_guide's own implementation).

    Examples:
        >>> print(activation_function("sigmoid")(np.array([0.0])))
        [0.5]
    """
    return _FORWARD[_check_activation(activation)]


def activation_derivative(activation: Activation) -> Callable[[FloatArray], FloatArray]:
    """Return ``f'`` as a function of the pre-activation ``z``.

    Examples:
        >>> print(activation_derivative("sigmoid")(np.array([0.0])))
        [0.25]
        >>> print(activation_derivative("tanh")(np.array([0.0])))
        [1.]
    """
    return _DERIVATIVE[_check_activation(activation)]


def init_name(activation: Activation) -> str:
    """Name of the standard initialisation used for ``activation``'s hidden layers.

    Examples:
        >>> init_name("relu")
        'He normal'
    """
    return "He normal" if _check_activation(activation) == "relu" else "Glorot uniform"


@dataclass(frozen=True)
class MLP:
    """Parameters of a fully connected network with one logit output.

    Attributes:
        weights: ``weights[k]`` has shape ``(sizes[k], sizes[k + 1])``; the last one maps
            the top hidden layer to the logit.
        biases: ``biases[k]`` has shape ``(sizes[k + 1],)``.
        activation: Hidden-layer activation.
    """

    weights: tuple[FloatArray, ...]
    biases: tuple[FloatArray, ...]
    activation: Activation

    @property
    def depth(self) -> int:
        """Number of hidden layers ``L``."""
        return len(self.weights) - 1

    @property
    def sizes(self) -> tuple[int, ...]:
        """Layer widths from the input to the single output."""
        return (self.weights[0].shape[0], *(w.shape[1] for w in self.weights))


@dataclass(frozen=True)
class ForwardPass:
    """What the forward pass keeps for backpropagation.

    Attributes:
        pre_activations: ``z_1 … z_L``, each of shape ``(n_samples, width)``.
        activations: ``h_0 = x, h_1 … h_L``.
        logits: Output logits, shape ``(n_samples,)``.
    """

    pre_activations: tuple[FloatArray, ...]
    activations: tuple[FloatArray, ...]
    logits: FloatArray


@dataclass(frozen=True)
class Gradients:
    """The loss and its gradients, layer by layer.

    Attributes:
        loss: Mean binary cross-entropy over the batch.
        weights: ``∂loss/∂W_k``, same shapes as the ``weights`` of the [`MLP`][] (hidden
            layers first, output layer last).
        biases: ``∂loss/∂b_k``, same shapes as its ``biases``.
        deltas: Backpropagated errors ``∂loss/∂z_l`` for the hidden layers ``l = 1 … L``,
            each of shape ``(n_samples, width)``.
    """

    loss: float
    weights: tuple[FloatArray, ...]
    biases: tuple[FloatArray, ...]
    deltas: tuple[FloatArray, ...]


def init_mlp(
    sizes: Sequence[int],
    activation: Activation,
    rng: np.random.Generator,
    weight_scale: float = 1.0,
) -> MLP:
    """Initialise a network with the standard scheme for ``activation``.

    Args:
        sizes: Widths ``(n_inputs, hidden_1, …, hidden_L, 1)``; the last must be 1.
        activation: Hidden-layer activation; picks Glorot uniform (sigmoid, tanh) or
            He normal (ReLU) for the hidden layers (see the module docstring).
        rng: Source of randomness; the same generator state gives the same network.
        weight_scale: Factor applied to every initial weight (1 is the standard scheme).
            The weight-scale sweep uses it.

    Returns:
        The initialised network, biases zero.

    Raises:
        ValueError: for an unknown activation, fewer than one hidden layer, a last
            size other than 1, a non-positive size or a non-finite or negative scale.

    Examples:
        >>> net = init_mlp((3, 5, 5, 1), "tanh", np.random.default_rng(0))
        >>> net.depth, net.sizes, net.weights[0].shape
        (2, (3, 5, 5, 1), (3, 5))
    """
    activation = _check_activation(activation)
    sizes = tuple(int(s) for s in sizes)
    if len(sizes) < 3 or sizes[-1] != 1 or min(sizes) < 1:
        raise ValueError(
            f"sizes must be (n_inputs, hidden..., 1) with at least one hidden layer and "
            f"positive widths, got {sizes}"
        )
    if not (np.isfinite(weight_scale) and weight_scale >= 0):
        raise ValueError(f"weight_scale must be finite and >= 0, got {weight_scale}")
    weights: list[FloatArray] = []
    for k, (fan_in, fan_out) in enumerate(itertools.pairwise(sizes)):
        is_hidden = k < len(sizes) - 2
        if is_hidden and activation == "relu":
            std = np.sqrt(2.0 / fan_in)
            w = rng.normal(0.0, std, size=(fan_in, fan_out))
        else:
            bound = np.sqrt(6.0 / (fan_in + fan_out))
            w = rng.uniform(-bound, bound, size=(fan_in, fan_out))
        weights.append(weight_scale * w)
    biases = tuple(np.zeros(n) for n in sizes[1:])
    return MLP(tuple(weights), biases, activation)


def forward(net: MLP, x: npt.ArrayLike) -> ForwardPass:
    """Run the network on a batch ``x`` of shape ``(n_samples, n_inputs)``.

    Examples:
        >>> net = init_mlp((2, 4, 1), "relu", np.random.default_rng(0))
        >>> forward(net, np.zeros((3, 2))).logits
        array([0., 0., 0.])
    """
    f = activation_function(net.activation)
    h = np.asarray(x, dtype=np.float64)
    activations = [h]
    pre_activations = []
    for w, b in zip(net.weights[:-1], net.biases[:-1], strict=True):
        z = h @ w + b
        h = np.asarray(f(z), dtype=np.float64)
        pre_activations.append(z)
        activations.append(h)
    logits = (h @ net.weights[-1] + net.biases[-1])[:, 0]
    return ForwardPass(tuple(pre_activations), tuple(activations), logits)


def _mean_bce(logits: FloatArray, y: FloatArray) -> float:
    return float(binary_cross_entropy_with_logits(logits, y))


def loss(net: MLP, x: npt.ArrayLike, y: npt.ArrayLike) -> float:
    """Mean binary cross-entropy of the network on labels ``y`` in {0, 1} (forward only).

    Examples:
        >>> net = init_mlp((2, 4, 1), "relu", np.random.default_rng(0))
        >>> round(loss(net, np.zeros((2, 2)), [0.0, 1.0]), 6)  # logit 0 → log 2
        0.693147
    """
    return _mean_bce(forward(net, x).logits, np.asarray(y, dtype=np.float64))


def backward(net: MLP, fwd: ForwardPass, y: npt.ArrayLike) -> Gradients:
    """Backpropagation: gradients of the mean loss from a stored forward pass.

    With ``δ_l = ∂loss/∂z_l`` the recursion is ``δ_L = (g W_{L+1}ᵀ) ⊙ f'(z_L)`` and
    ``δ_l = (δ_{l+1} W_{l+1}ᵀ) ⊙ f'(z_l)``, where ``g = (σ(logit) − y) / n`` is the
    gradient at the logits; then ``∂loss/∂W_l = h_{l−1}ᵀ δ_l`` and
    ``∂loss/∂b_l = Σ_samples δ_l``.

    Args:
        net: The network.
        fwd: Result of [`forward`][] on the same network and batch.
        y: Labels in {0, 1}, shape ``(n_samples,)``.

    Returns:
        The loss and every gradient (see [`Gradients`][]).
    """
    y_arr = np.asarray(y, dtype=np.float64)
    n = y_arr.shape[0]
    df = activation_derivative(net.activation)
    # d(mean BCE)/d(logit) = (σ(logit) − y)/n, exact and overflow-free via sigmoid().
    g = ((np.asarray(sigmoid(fwd.logits), dtype=np.float64) - y_arr) / n)[:, None]
    grad_w: list[FloatArray] = [fwd.activations[-1].T @ g]
    grad_b: list[FloatArray] = [g.sum(axis=0)]
    deltas: list[FloatArray] = []
    upstream = g @ net.weights[-1].T
    for layer in range(net.depth - 1, -1, -1):
        delta = upstream * df(fwd.pre_activations[layer])
        deltas.append(delta)
        grad_w.append(fwd.activations[layer].T @ delta)
        grad_b.append(delta.sum(axis=0))
        if layer > 0:
            # The input layer's upstream gradient (w.r.t. x) is never needed.
            upstream = delta @ net.weights[layer].T
    return Gradients(
        loss=_mean_bce(fwd.logits, y_arr),
        weights=tuple(reversed(grad_w)),
        biases=tuple(reversed(grad_b)),
        deltas=tuple(reversed(deltas)),
    )


def loss_and_gradients(net: MLP, x: npt.ArrayLike, y: npt.ArrayLike) -> Gradients:
    """Forward then backward pass on one batch.

    Examples:
        >>> net = init_mlp((2, 3, 3, 1), "tanh", np.random.default_rng(1))
        >>> grads = loss_and_gradients(net, np.ones((4, 2)), [0, 1, 0, 1])
        >>> [g.shape for g in grads.weights], len(grads.deltas)
        ([(2, 3), (3, 3), (3, 1)], 2)
    """
    return backward(net, forward(net, x), y)


def train(
    net: MLP,
    x: npt.ArrayLike,
    y: npt.ArrayLike,
    *,
    steps: int,
    learning_rate: float,
    momentum: float = 0.9,
) -> tuple[MLP, FloatArray]:
    """Full-batch gradient descent with (heavy-ball) momentum.

    Each step does ``v ← μ v − η ∇loss`` and ``θ ← θ + v`` for every weight and bias.
    Full batches keep the loss curve free of sampling noise, so differences between
    activations are not hidden by it.

    Args:
        net: Starting network (not modified).
        x: Inputs, shape ``(n_samples, n_inputs)``.
        y: Labels in {0, 1}.
        steps: Number of updates.
        learning_rate: η.
        momentum: μ in [0, 1).

    Returns:
        ``(trained network, losses)``; ``losses[k]`` is the loss before update ``k``, and
        ``losses[steps]`` the loss of the trained network (length ``steps + 1``).

    Examples:
        >>> net = init_mlp((2, 8, 1), "tanh", np.random.default_rng(0))
        >>> x = np.random.default_rng(1).normal(size=(16, 2))
        >>> y = (x[:, 0] > 0).astype(float)
        >>> _, losses = train(net, x, y, steps=20, learning_rate=0.2)
        >>> bool(losses[-1] < losses[0])
        True
    """
    _check_training(steps, learning_rate, momentum)
    x_arr = np.asarray(x, dtype=np.float64)
    y_arr = np.asarray(y, dtype=np.float64)
    losses = np.empty(steps + 1)
    current = net  # what zero steps return
    runs = training_steps(
        net, x_arr, y_arr, steps=steps, learning_rate=learning_rate, momentum=momentum
    )
    for step, (after, before) in enumerate(runs):
        losses[step] = before
        current = after
    losses[steps] = loss(current, x_arr, y_arr)
    return current, losses


def _check_training(steps: int, learning_rate: float, momentum: float) -> None:
    if steps < 0 or not 0.0 <= momentum < 1.0 or not learning_rate > 0:
        raise ValueError("need steps >= 0, learning_rate > 0 and 0 <= momentum < 1")


def training_steps(
    net: MLP,
    x: npt.ArrayLike,
    y: npt.ArrayLike,
    *,
    steps: int,
    learning_rate: float,
    momentum: float = 0.9,
) -> Iterator[tuple[MLP, float]]:
    """The updates of [`train`][], one at a time: for each step, the network after it and
    the loss before it.

    Two runs can then be followed side by side, step for step (the vanishing
    experiment stops a pair of runs as soon as they part).

    Raises:
        ValueError: as [`train`][] (when called, not at the first step).

    Examples:
        >>> net = init_mlp((2, 4, 1), "tanh", np.random.default_rng(0))
        >>> x = np.random.default_rng(1).normal(size=(8, 2))
        >>> y = (x[:, 0] > 0).astype(float)
        >>> last, _ = list(training_steps(net, x, y, steps=3, learning_rate=0.1))[-1]
        >>> trained, _ = train(net, x, y, steps=3, learning_rate=0.1)
        >>> all(np.array_equal(a, b) for a, b in zip(last.weights, trained.weights))
        True
    """
    _check_training(steps, learning_rate, momentum)
    return _steps(
        net,
        np.asarray(x, dtype=np.float64),
        np.asarray(y, dtype=np.float64),
        steps,
        learning_rate,
        momentum,
    )


def _steps(
    net: MLP, x: FloatArray, y: FloatArray, steps: int, learning_rate: float, momentum: float
) -> Iterator[tuple[MLP, float]]:
    weights = [w.copy() for w in net.weights]
    biases = [b.copy() for b in net.biases]
    vel_w = [np.zeros_like(w) for w in weights]
    vel_b = [np.zeros_like(b) for b in biases]
    current = net
    for _ in range(steps):
        grads = loss_and_gradients(current, x, y)
        for k in range(len(weights)):
            vel_w[k] = momentum * vel_w[k] - learning_rate * grads.weights[k]
            vel_b[k] = momentum * vel_b[k] - learning_rate * grads.biases[k]
            weights[k] = weights[k] + vel_w[k]
            biases[k] = biases[k] + vel_b[k]
        current = MLP(tuple(weights), tuple(biases), net.activation)
        yield current, grads.loss
