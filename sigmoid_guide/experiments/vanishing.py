"""Vanishing and exploding gradients in a deep sigmoid network, measured.

The claims under test (the study note the guide starts from):

* 3a: σ is bounded and smooth, "so exploding gradients do not occur";
* 4a: σ' is small, backpropagation multiplies by it layer after layer, so the lower
  layers receive almost no gradient (the vanishing gradient).

Every experiment uses the same network and data (``SETUP``, a [`Setup`][]): ``depth``
hidden layers of ``width`` units ([`sigmoid_guide.experiments.mlp`][]), a binary
classification task on synthetic data ([`make_dataset`][]), and the standard
initialisation of each activation (Glorot uniform for sigmoid and tanh, He normal for
ReLU). All functions are pure and seeded: the same ``seed`` gives the same numbers.

Notation: ``δ_l = ∂loss/∂z_l`` is the gradient at the pre-activations of hidden layer
``l`` (``l = 1`` is next to the input, ``l = L`` next to the output), and
``‖∂loss/∂W_l‖`` the Frobenius norm of the weight gradient of that layer. Going down
one layer multiplies by ``W_{l+1}ᵀ`` and then elementwise by ``f'(z_l)``, so

    ‖δ_l‖ ≤ max f'(z_l) · ‖W_{l+1}‖₂
            · ‖δ_{l+1}‖,

where ``‖W‖₂`` is the largest singular value. For sigmoid ``max σ' = 1/4``, which gives
the condition of Pascanu, Mikolov & Bengio (2013, §2.1, with γ = 1/4): if every
``‖W‖₂ < 4`` the gradient must vanish; ``‖W‖₂ > 4`` is necessary (not sufficient) for it
to grow. The popular "0.25^L" leaves out the ``‖W‖₂`` factors.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._threads import single_threaded_blas
from .mlp import (
    ACTIVATIONS,
    MLP,
    Activation,
    FloatArray,
    ForwardPass,
    activation_derivative,
    backward,
    forward,
    init_mlp,
    init_name,
    loss_and_gradients,
    train,
    training_steps,
)

__all__ = [
    "SETUP",
    "ActivationComparison",
    "ActivationStatistics",
    "LayerGrid",
    "Setup",
    "SigmoidBound",
    "WeightScaleSweep",
    "activation_statistics",
    "compare_activations",
    "layer_grid",
    "make_dataset",
    "saturated_fraction",
    "sigmoid_bound",
    "weight_scale_sweep",
]


@dataclass(frozen=True)
class Setup:
    """The network, data and training run shared by every experiment.

    Attributes:
        depth: Hidden layers ``L``.
        width: Units per hidden layer.
        n_features: Input dimension.
        n_samples: Training examples (one full batch).
        steps: Gradient-descent steps of the short training run.
        learning_rate: Step size η.
        momentum: Heavy-ball momentum μ.
    """

    depth: int = 10
    width: int = 64
    n_features: int = 8
    n_samples: int = 128
    steps: int = 100
    learning_rate: float = 0.05
    momentum: float = 0.9

    @property
    def sizes(self) -> tuple[int, ...]:
        """Layer widths from input to the single logit."""
        return (self.n_features, *([self.width] * self.depth), 1)


#: The configuration every experiment of this module uses.
SETUP = Setup()

#: Percentile levels reported for the activation distributions.
PERCENTILES: tuple[float, ...] = (5.0, 25.0, 50.0, 75.0, 95.0)

#: Weight scales of the sweep: factors on the standard (Glorot) weights, 2^(k/2) from 1/4
#: to 64.
SWEEP_SCALES: tuple[float, ...] = tuple(float(2.0 ** (k / 2)) for k in range(-4, 13))

#: Independent networks per weight scale in the sweep (the spread across them is shown).
SWEEP_NETWORKS = 5

#: Sigmoid network with weights this many times the Glorot scale, shown next to the
#: standard networks in ``activation_statistics`` (a regime where units saturate).
LARGE_SCALE = 8.0

#: σ'(0): the largest value of the sigmoid's derivative.
SIGMOID_MAX_SLOPE = 0.25


def make_dataset(rng: np.random.Generator, setup: Setup = SETUP) -> tuple[FloatArray, FloatArray]:
    """Synthetic binary classification: is a Gaussian point outside a sphere?

    ``x`` is standard normal in ``setup.n_features`` dimensions and ``y = 1`` when
    ``‖x‖²`` is above its sample median, so the classes are balanced and not linearly
    separable (the hidden layers have to do the work).

    Returns:
        ``(x, y)`` with shapes ``(n_samples, n_features)`` and ``(n_samples,)``.

    Examples:
        >>> x, y = make_dataset(np.random.default_rng(0))
        >>> x.shape, float(y.mean())
        ((128, 8), 0.5)
    """
    x = rng.normal(size=(setup.n_samples, setup.n_features))
    radius2 = np.sum(x * x, axis=1)
    y = (radius2 > np.median(radius2)).astype(np.float64)
    return x, y


def _rng(seed: int, *stream: int) -> np.random.Generator:
    # One independent stream per (seed, purpose, index): changing how many networks one
    # experiment draws never changes the numbers of another.
    return np.random.default_rng([seed, *stream])


_DATA_STREAM = 0
_NET_STREAM = 1


def _data(seed: int) -> tuple[FloatArray, FloatArray]:
    return make_dataset(_rng(seed, _DATA_STREAM))


def _net(seed: int, activation: Activation, index: int = 0, scale: float = 1.0) -> MLP:
    return init_mlp(SETUP.sizes, activation, _rng(seed, _NET_STREAM, index), scale)


def _norms(arrays: tuple[FloatArray, ...]) -> FloatArray:
    return np.array([np.linalg.norm(a) for a in arrays])


def saturated_fraction(activation: Activation, h: FloatArray) -> float:
    """Fraction of unit outputs in the flat part of the activation.

    Sigmoid: ``σ < 0.01`` or ``σ > 0.99`` (where σ' < 0.0099, under 4 % of its maximum);
    tanh: ``|tanh| > 0.99`` (tanh' < 0.02); ReLU: output exactly 0 (derivative 0, the
    only flat part it has).

    Examples:
        >>> saturated_fraction("sigmoid", np.array([0.001, 0.5, 0.999, 0.6]))
        0.5
    """
    if activation == "sigmoid":
        flat = (h < 0.01) | (h > 0.99)
    elif activation == "tanh":
        flat = np.abs(h) > 0.99
    else:
        flat = h == 0.0
    return float(np.mean(flat))


# --------------------------------------------------------------------------------------
# 1. Gradient norm per layer, at initialisation and after training, and the loss curves


@dataclass(frozen=True)
class ActivationComparison:
    """Per-layer gradient norms and training curves, for each activation.

    Rows follow ``activations``; columns of the per-layer arrays are hidden layers
    ``1 … L`` (input side first).

    Attributes:
        activations: ``("sigmoid", "tanh", "relu")``.
        init_names: Initialisation of each activation's hidden layers.
        setup: Network, data and training configuration.
        weight_grad_init: ``‖∂loss/∂W_l‖`` at initialisation, shape ``(3, L)``.
        weight_grad_trained: The same after ``setup.steps`` steps of training.
        delta_init: ``‖δ_l‖`` at initialisation, shape ``(3, L)``.
        delta_trained: The same after training.
        losses: Loss before each step and after the last, shape ``(3, steps + 1)``.
        accuracy_trained: Training accuracy after training, shape ``(3,)``.
    """

    activations: tuple[Activation, ...]
    init_names: tuple[str, ...]
    setup: Setup
    weight_grad_init: FloatArray
    weight_grad_trained: FloatArray
    delta_init: FloatArray
    delta_trained: FloatArray
    losses: FloatArray
    accuracy_trained: FloatArray

    @property
    def ratio_init(self) -> FloatArray:
        """First-to-last hidden layer weight-gradient ratio ``‖∂W_1‖ / ‖∂W_L‖`` at init."""
        return self.weight_grad_init[:, 0] / self.weight_grad_init[:, -1]

    @property
    def ratio_trained(self) -> FloatArray:
        """``‖∂W_1‖ / ‖∂W_L‖`` after training."""
        return self.weight_grad_trained[:, 0] / self.weight_grad_trained[:, -1]

    @property
    def delta_ratio_init(self) -> FloatArray:
        """``‖δ_1‖ / ‖δ_L‖`` at initialisation."""
        return self.delta_init[:, 0] / self.delta_init[:, -1]

    @property
    def delta_ratio_trained(self) -> FloatArray:
        """``‖δ_1‖ / ‖δ_L‖`` after training."""
        return self.delta_trained[:, 0] / self.delta_trained[:, -1]


@single_threaded_blas
def compare_activations(seed: int = 0) -> ActivationComparison:
    """Train the same architecture with sigmoid, tanh and ReLU; record gradients and loss.

    Each network starts from its standard initialisation and is trained with full-batch
    gradient descent with momentum ([`sigmoid_guide.experiments.mlp.train`][]). The
    per-layer gradient norms are taken on the full training set at initialisation and
    after the last step.

    Args:
        seed: Seeds the data and the initial weights.
    """
    x, y = _data(seed)
    rows: dict[str, list[FloatArray]] = {k: [] for k in ("gi", "gt", "di", "dt", "loss")}
    accuracy = []
    for activation in ACTIVATIONS:
        net = _net(seed, activation)
        start = loss_and_gradients(net, x, y)
        trained, losses = train(
            net,
            x,
            y,
            steps=SETUP.steps,
            learning_rate=SETUP.learning_rate,
            momentum=SETUP.momentum,
        )
        fwd = forward(trained, x)
        end = backward(trained, fwd, y)
        rows["gi"].append(_norms(start.weights[:-1]))
        rows["gt"].append(_norms(end.weights[:-1]))
        rows["di"].append(_norms(start.deltas))
        rows["dt"].append(_norms(end.deltas))
        rows["loss"].append(losses)
        accuracy.append(float(np.mean((fwd.logits > 0) == (y > 0.5))))
    return ActivationComparison(
        activations=ACTIVATIONS,
        init_names=tuple(init_name(a) for a in ACTIVATIONS),
        setup=SETUP,
        weight_grad_init=np.array(rows["gi"]),
        weight_grad_trained=np.array(rows["gt"]),
        delta_init=np.array(rows["di"]),
        delta_trained=np.array(rows["dt"]),
        losses=np.array(rows["loss"]),
        accuracy_trained=np.array(accuracy),
    )


# --------------------------------------------------------------------------------------
# 2. The 0.25^L "bound" against the measured gradient in the sigmoid network


@dataclass(frozen=True)
class SigmoidBound:
    """The sigmoid network at initialisation, layer by layer, against candidate bounds.

    All "relative" arrays have shape ``(L,)`` and give, for hidden layer ``l = 1 … L``, a
    norm divided by ``‖δ_L‖`` (so the last entry is 1).

    Attributes:
        layers: ``1 … L``.
        measured: ``‖δ_l‖ / ‖δ_L‖``, backpropagated through the real network.
        naive: ``0.25^(L − l)``: the popular rule, which ignores the weights.
        bound: ``Π_{k=l}^{L−1} max σ'(z_k) · ‖W_{k+1}‖₂``: a true upper bound on
            ``measured``.
        pascanu_bound: The same with ``max σ'`` replaced by its ceiling 1/4 (the γ = 1/4
            bound of Pascanu et al. 2013).
        linearised: ``δ`` propagated with every ``σ'`` set to 1/4 (all units at z = 0,
            where the slope is largest): the weights' contribution alone, times 0.25 per
            layer.
        spectral_norm: ``‖W_{l+1}‖₂`` for ``l = 1 … L − 1``, shape ``(L − 1,)``.
        max_slope: ``max σ'(z_l)`` over units and examples, shape ``(L,)``.
        mean_slope: Mean of ``σ'(z_l)``, shape ``(L,)``.
        weight_gain: ``‖δ_{l+1} W_{l+1}ᵀ‖ / ‖δ_{l+1}‖``: what the weights actually do to
            the gradient's norm, shape ``(L − 1,)``.
        step_factor: Measured ``‖δ_l‖ / ‖δ_{l+1}‖``, shape ``(L − 1,)``.
        weight_grad_ratio: ``‖∂loss/∂W_1‖ / ‖∂loss/∂W_L‖``.
    """

    layers: FloatArray
    measured: FloatArray
    naive: FloatArray
    bound: FloatArray
    pascanu_bound: FloatArray
    linearised: FloatArray
    spectral_norm: FloatArray
    max_slope: FloatArray
    mean_slope: FloatArray
    weight_gain: FloatArray
    step_factor: FloatArray
    weight_grad_ratio: float

    @property
    def mean_step_factor(self) -> float:
        """Geometric mean of ``step_factor``: the measured shrink per layer."""
        return float(np.exp(np.mean(np.log(self.step_factor))))


def _linearised_deltas(net: MLP, delta_top: FloatArray, slope: float) -> FloatArray:
    """Norms of ``δ_l`` when every unit's derivative is the constant ``slope``."""
    norms = [float(np.linalg.norm(delta_top))]
    v = delta_top
    for w in net.weights[net.depth - 1 : 0 : -1]:
        v = slope * (v @ w.T)
        norms.append(float(np.linalg.norm(v)))
    return np.array(norms[::-1])


@single_threaded_blas
def sigmoid_bound(seed: int = 0) -> SigmoidBound:
    """Compare ``0.25^(L − l)`` with the gradient measured in the sigmoid network at init.

    Shows why the two differ: the measured factor per layer is ``σ'`` times what
    ``W_{l+1}ᵀ`` does to the gradient's norm, and the weights' largest singular values
    (about 2 with Glorot initialisation of a square layer) enter every true bound.

    Examples:
        >>> r = sigmoid_bound()
        >>> bool(np.all(r.measured <= r.bound * (1 + 1e-12)))  # the true bound holds
        True
    """
    x, y = _data(seed)
    net = _net(seed, "sigmoid")
    fwd = forward(net, x)
    grads = backward(net, fwd, y)
    depth = net.depth
    deltas = _norms(grads.deltas)
    slopes = [activation_derivative("sigmoid")(z) for z in fwd.pre_activations]
    max_slope = np.array([float(s.max()) for s in slopes])
    mean_slope = np.array([float(s.mean()) for s in slopes])
    spectral = np.array([float(np.linalg.norm(w, 2)) for w in net.weights[1:depth]])
    gain = np.array(
        [
            float(np.linalg.norm(grads.deltas[k + 1] @ net.weights[k + 1].T)) / deltas[k + 1]
            for k in range(depth - 1)
        ]
    )

    def from_top(factors: FloatArray) -> FloatArray:
        # Entry l is the product of factors l … L−1 (empty product 1 for layer L).
        return np.append(np.cumprod(factors[::-1])[::-1], 1.0)

    top = deltas[-1]
    return SigmoidBound(
        layers=np.arange(1, depth + 1, dtype=np.float64),
        measured=deltas / top,
        naive=SIGMOID_MAX_SLOPE ** np.arange(depth - 1, -1, -1, dtype=np.float64),
        bound=from_top(max_slope[:-1] * spectral),
        pascanu_bound=from_top(SIGMOID_MAX_SLOPE * spectral),
        linearised=_linearised_deltas(net, grads.deltas[-1], SIGMOID_MAX_SLOPE) / top,
        spectral_norm=spectral,
        max_slope=max_slope,
        mean_slope=mean_slope,
        weight_gain=gain,
        step_factor=deltas[:-1] / deltas[1:],
        weight_grad_ratio=float(
            np.linalg.norm(grads.weights[0]) / np.linalg.norm(grads.weights[depth - 1])
        ),
    )


# --------------------------------------------------------------------------------------
# 3. Weight-scale sweep: where gradients through sigmoid layers shrink and where they grow


@dataclass(frozen=True)
class WeightScaleSweep:
    """Sigmoid networks at initialisation with every weight multiplied by a scale.

    Per scale, ``SWEEP_NETWORKS`` networks are drawn; at scale ``s`` network ``j`` is
    exactly ``s`` times network ``j`` at scale 1, so only the scale changes along a row.

    Attributes:
        scales: Factors on the Glorot weights, shape ``(S,)``.
        delta_ratio: ``‖δ_1‖ / ‖δ_L‖`` in the real (nonlinear) network, shape
            ``(S, SWEEP_NETWORKS)``; above 1 means the gradient grows going down.
        weight_grad_ratio: ``‖∂loss/∂W_1‖ / ‖∂loss/∂W_L‖``, same shape.
        linear_ratio: ``‖δ_1‖ / ‖δ_L‖`` with every ``σ'`` set to 1/4 (the linearised
            network around z = 0), same shape.
        saturated: Mean fraction of saturated hidden units (σ < 0.01 or > 0.99),
            shape ``(S,)``.
        mean_slope: Mean ``σ'(z)`` over all hidden units and examples, shape ``(S,)``.
        spectral_norm: Mean largest singular value of the hidden-to-hidden weights,
            shape ``(S,)``.
        depth: ``L``; ratios span ``L − 1`` layer-to-layer steps.
    """

    scales: FloatArray
    delta_ratio: FloatArray
    weight_grad_ratio: FloatArray
    linear_ratio: FloatArray
    saturated: FloatArray
    mean_slope: FloatArray
    spectral_norm: FloatArray
    depth: int

    @property
    def median_ratio(self) -> FloatArray:
        """Median over networks of ``delta_ratio``, shape ``(S,)``."""
        return np.median(self.delta_ratio, axis=1)

    @property
    def median_linear_ratio(self) -> FloatArray:
        """Median over networks of ``linear_ratio``, shape ``(S,)``."""
        return np.median(self.linear_ratio, axis=1)

    @property
    def per_layer_factor(self) -> FloatArray:
        """Geometric-mean change of ``‖δ‖`` per layer, ``median_ratio^(1/(L − 1))``."""
        return self.median_ratio ** (1.0 / (self.depth - 1))

    @property
    def growth_onset(self) -> float:
        """Smallest scale at which the median gradient grows going down (ratio 1).

        Interpolated linearly in log–log between grid points; ``nan`` if it never grows.
        """
        return _crossing(self.scales, self.median_ratio)

    @property
    def linear_growth_onset(self) -> float:
        """Like [`growth_onset`][] for the linearised network (σ' fixed at 1/4)."""
        return _crossing(self.scales, self.median_linear_ratio)

    @property
    def pascanu_scale(self) -> float:
        """Scale at which the mean largest singular value reaches 4 = 1/γ.

        Below it, vanishing is guaranteed (Pascanu et al. 2013, §2.1).
        """
        return _crossing(self.scales, self.spectral_norm / 4.0)


def _crossing(scales: FloatArray, values: FloatArray) -> float:
    above = np.flatnonzero(values > 1.0)
    if above.size == 0:
        return float("nan")
    i = int(above[0])
    if i == 0:
        return float(scales[0])
    # log(values) is close to linear in log(scale) between neighbouring grid points.
    x0, x1 = np.log(scales[i - 1]), np.log(scales[i])
    y0, y1 = np.log(values[i - 1]), np.log(values[i])
    return float(np.exp(x0 + (0.0 - y0) * (x1 - x0) / (y1 - y0)))


@single_threaded_blas
def weight_scale_sweep(seed: int = 0) -> WeightScaleSweep:
    """Multiply the Glorot weights of a sigmoid network by 1/4 … 64 and measure gradients.

    Tests claim 3a (bounded output rules out exploding gradients). Larger weights
    multiply the gradient by more per layer but also push units into saturation, where
    σ' is small; the sweep measures which wins. The linearised network (σ' = 1/4
    everywhere) shows the weights' effect alone.

    Args:
        seed: Seeds the data and the initial weights.
    """
    x, y = _data(seed)
    nets0 = [_net(seed, "sigmoid", j) for j in range(SWEEP_NETWORKS)]
    n_scales = len(SWEEP_SCALES)
    delta_ratio = np.empty((n_scales, SWEEP_NETWORKS))
    weight_ratio = np.empty_like(delta_ratio)
    linear_ratio = np.empty_like(delta_ratio)
    saturated = np.empty(n_scales)
    mean_slope = np.empty(n_scales)
    spectral = np.empty(n_scales)
    slope = activation_derivative("sigmoid")
    # The singular values of s·W are s times those of W: compute them once.
    spectral0 = np.mean([np.linalg.norm(w, 2) for net in nets0 for w in net.weights[1 : net.depth]])
    for i, s in enumerate(SWEEP_SCALES):
        sat, slopes = [], []
        for j, net0 in enumerate(nets0):
            net = MLP(tuple(s * w for w in net0.weights), net0.biases, "sigmoid")
            fwd = forward(net, x)
            grads = backward(net, fwd, y)
            deltas = _norms(grads.deltas)
            delta_ratio[i, j] = deltas[0] / deltas[-1]
            weight_ratio[i, j] = np.linalg.norm(grads.weights[0]) / np.linalg.norm(
                grads.weights[net.depth - 1]
            )
            lin = _linearised_deltas(net, grads.deltas[-1], SIGMOID_MAX_SLOPE)
            linear_ratio[i, j] = lin[0] / lin[-1]
            sat.append(np.mean([saturated_fraction("sigmoid", h) for h in fwd.activations[1:]]))
            slopes.append(np.mean([slope(z).mean() for z in fwd.pre_activations]))
        saturated[i] = np.mean(sat)
        mean_slope[i] = np.mean(slopes)
        spectral[i] = s * spectral0
    return WeightScaleSweep(
        scales=np.array(SWEEP_SCALES),
        delta_ratio=delta_ratio,
        weight_grad_ratio=weight_ratio,
        linear_ratio=linear_ratio,
        saturated=saturated,
        mean_slope=mean_slope,
        spectral_norm=spectral,
        depth=SETUP.depth,
    )


# --------------------------------------------------------------------------------------
# 4. Per-layer activation distributions at initialisation (Glorot & Bengio 2010, §3.1)


@dataclass(frozen=True)
class ActivationStatistics:
    """Distribution of hidden-unit outputs per layer, at initialisation.

    Rows follow ``activations`` / ``scales`` (one network each); the last row is
    a sigmoid network with weights ``LARGE_SCALE`` times the Glorot scale.

    Attributes:
        activations: Activation of each network.
        scales: Weight scale of each network (1 = the standard initialisation).
        levels: Percentile levels, ``PERCENTILES``.
        percentiles: Percentiles of all outputs of each layer (units × examples), shape
            ``(networks, L, len(levels))``.
        saturated: Fraction of saturated outputs per layer (see
            [`saturated_fraction`][]), shape ``(networks, L)``.
        input_spread: Standard deviation across examples of each unit's output, averaged
            over the layer's units, shape ``(networks, L)``. Near 0 means the layer's
            output no longer depends on the input.
    """

    activations: tuple[Activation, ...]
    scales: FloatArray
    levels: FloatArray
    percentiles: FloatArray
    saturated: FloatArray
    input_spread: FloatArray


def _layer_stats(activation: Activation, fwd: ForwardPass) -> tuple[FloatArray, ...]:
    hidden = fwd.activations[1:]
    pct = np.array([np.percentile(h, PERCENTILES) for h in hidden])
    sat = np.array([saturated_fraction(activation, h) for h in hidden])
    spread = np.array([float(h.std(axis=0).mean()) for h in hidden])
    return pct, sat, spread


@single_threaded_blas
def activation_statistics(seed: int = 0) -> ActivationStatistics:
    """Per-layer output distributions for sigmoid, tanh and ReLU at initialisation.

    In the spirit of Glorot & Bengio (2010, §3.1), which followed the activations of each
    layer; here at initialisation only, plus one sigmoid network with weights
    ``LARGE_SCALE`` times larger to show what saturation looks like.

    Examples:
        >>> r = activation_statistics()
        >>> float(r.saturated[0].max())  # standard sigmoid network: nothing saturated
        0.0
    """
    x, _ = _data(seed)
    configs: list[tuple[Activation, float]] = [(a, 1.0) for a in ACTIVATIONS]
    configs.append(("sigmoid", LARGE_SCALE))
    pcts, sats, spreads = [], [], []
    for activation, scale in configs:
        fwd = forward(_net(seed, activation, scale=scale), x)
        pct, sat, spread = _layer_stats(activation, fwd)
        pcts.append(pct)
        sats.append(sat)
        spreads.append(spread)
    return ActivationStatistics(
        activations=tuple(a for a, _ in configs),
        scales=np.array([s for _, s in configs]),
        levels=np.array(PERCENTILES),
        percentiles=np.array(pcts),
        saturated=np.array(sats),
        input_spread=np.array(spreads),
    )


# --------------------------------------------------------------------------------------
# 5. Every activation at every weight scale, layer by layer (the explorable's grid)

#: States of a network in ``layer_grid``: at initialisation and after ``SETUP.steps`` steps.
STATES: tuple[str, ...] = ("init", "trained")

#: ``layer_grid`` marks a trained network "chaotic" when a change of one unit in the last
#: place of its starting weights moves, by more than this factor (relative), a weight at
#: any step of training or some ``‖δ_l‖ / ‖δ_L‖`` at its end: its numbers would then
#: differ from one CPU to another, whose ``exp`` and ``tanh`` differ in the last bits.
#: Stable runs move by about 1e-14, chaotic ones by factors; the threshold sits far
#: from both.
CHAOS_TOLERANCE = 1e-6


@dataclass(frozen=True)
class LayerGrid:
    """``‖δ_l‖ / ‖δ_L‖`` layer by layer, for each activation, weight scale and state.

    Network 0 of each activation (the one ``compare_activations`` and ``sigmoid_bound``
    use) has its weights multiplied by each scale of ``SWEEP_SCALES``, as in
    ``weight_scale_sweep``; it is measured at initialisation and after the same
    ``SETUP.steps`` training steps as ``compare_activations``.

    Arrays are indexed ``[activation, scale, state, layer]`` (``activations``,
    ``scales``, ``STATES``, hidden layers ``1 … L``); where ``status`` is not ``"ok"``
    they hold NaN.

    Attributes:
        activations: ``ACTIVATIONS``.
        scales: ``SWEEP_SCALES``.
        states: ``STATES``.
        relative: ``‖δ_l‖ / ‖δ_L‖`` (the last entry is 1).
        bound: ``Π_{k=l}^{L−1} max|f'(z_k)| · ‖W_{k+1}‖₂``, an upper bound on
            ``relative`` (as in ``sigmoid_bound``, for any activation).
        naive: ``0.25^(L − l)``, shape ``(L,)``.
        status: ``"ok"``; ``"diverged"`` when training overflowed (the weights or
            the gradients left the float64 range); ``"chaotic"`` when the trained
            result depends on the last bits of the arithmetic (see
            ``CHAOS_TOLERANCE``). Shape ``(activations, scales, states)``.
    """

    activations: tuple[Activation, ...]
    scales: FloatArray
    states: tuple[str, ...]
    relative: FloatArray
    bound: FloatArray
    naive: FloatArray
    status: np.ndarray


def _relative_and_bound(net: MLP, x: FloatArray, y: FloatArray) -> tuple[FloatArray, FloatArray]:
    fwd = forward(net, x)
    grads = backward(net, fwd, y)
    deltas = _norms(grads.deltas)
    df = activation_derivative(net.activation)
    max_slope = np.array([float(np.max(np.abs(df(z)))) for z in fwd.pre_activations])
    spectral = np.array([float(np.linalg.norm(w, 2)) for w in net.weights[1 : net.depth]])
    factors = max_slope[:-1] * spectral
    bound = np.append(np.cumprod(factors[::-1])[::-1], 1.0)
    return deltas / deltas[-1], bound


def _parted(a: MLP, b: MLP) -> bool:
    """Whether two runs' weights differ anywhere by more than ``CHAOS_TOLERANCE``,
    relative to the layer's largest weight."""
    return any(
        float(np.max(np.abs(wa - wb))) > CHAOS_TOLERANCE * float(np.max(np.abs(wa)))
        for wa, wb in zip(a.weights, b.weights, strict=True)
    )


def _trained_pair(
    net: MLP, twin: MLP, x: FloatArray, y: FloatArray
) -> tuple[str, tuple[FloatArray, FloatArray] | None]:
    """Train ``net`` and ``twin`` (the same network, nudged in the last place) side by
    side; return the status and, when "ok", the trained net's relative norms and bound.

    The pair stops as soon as the runs part (the result would depend on the CPU's last
    bits: "chaotic") or the net's arithmetic overflows ("diverged"): the first of
    these is where most of the time went, since exploding runs also pass through
    subnormal numbers, which are slow.
    """
    kwargs = {
        "steps": SETUP.steps,
        "learning_rate": SETUP.learning_rate,
        "momentum": SETUP.momentum,
    }
    runs = training_steps(net, x, y, **kwargs), training_steps(twin, x, y, **kwargs)
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        a = b = net
        for _ in range(SETUP.steps):
            try:
                a, _ = next(runs[0])
            except FloatingPointError:
                return "diverged", None
            try:
                b, _ = next(runs[1])
            except FloatingPointError:
                return "chaotic", None
            if _parted(a, b):
                return "chaotic", None
        try:
            ends = _relative_and_bound(a, x, y), _relative_and_bound(b, x, y)
        except FloatingPointError:
            return "diverged", None
    (rel, bound), (twin_rel, _) = ends
    if not (np.all(np.isfinite(rel)) and np.all(np.isfinite(bound))):
        return "diverged", None
    if np.max(np.abs(np.log(twin_rel / rel))) > CHAOS_TOLERANCE:
        return "chaotic", None
    return "ok", (rel, bound)


@single_threaded_blas
def layer_grid(seed: int = 0) -> LayerGrid:
    """Per-layer gradient norms for every activation, weight scale and state.

    The data of the vanishing-gradients page's explorable figure: at scale 1 and
    initialisation the sigmoid row equals ``sigmoid_bound().measured`` and ``.bound``.

    Args:
        seed: Seeds the data and the initial weights.
    """
    x, y = _data(seed)
    depth = SETUP.depth
    shape = (len(ACTIVATIONS), len(SWEEP_SCALES), len(STATES))
    relative = np.full((*shape, depth), np.nan)
    bound = np.full_like(relative, np.nan)
    status = np.full(shape, "ok", dtype="<U8")
    # One unit in the last place on every starting weight, as another CPU's exp would
    # leave after the first step; see CHAOS_TOLERANCE.
    nudge = 1.0 + np.finfo(np.float64).eps
    for a, activation in enumerate(ACTIVATIONS):
        net0 = _net(seed, activation)
        for s, scale in enumerate(SWEEP_SCALES):
            net = MLP(tuple(scale * w for w in net0.weights), net0.biases, activation)
            relative[a, s, 0], bound[a, s, 0] = _relative_and_bound(net, x, y)
            nudged = MLP(tuple(w * nudge for w in net.weights), net.biases, activation)
            status[a, s, 1], run = _trained_pair(net, nudged, x, y)
            if run is not None:
                relative[a, s, 1], bound[a, s, 1] = run
    return LayerGrid(
        activations=ACTIVATIONS,
        scales=np.array(SWEEP_SCALES),
        states=STATES,
        relative=relative,
        bound=bound,
        naive=SIGMOID_MAX_SLOPE ** np.arange(depth - 1, -1, -1, dtype=np.float64),
        status=status,
    )
