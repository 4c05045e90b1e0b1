"""The labs' "What to expect" hints say what the "Try it yourself" cells will show.

Each lab (docs/<lang>/labs/*.ipynb) ends its "직접 바꿔 보기" / "Try it yourself" part
with a Markdown cell of qualitative answers and a code cell that prints the numbers.
The Markdown types no numbers (tests/test_prose_values.py), so nothing on the page
would notice if a change to the package or to a stored measurement made a sentence
false. These tests recompute, independently of the notebooks and with the package, what
each sentence claims, and say which sentence fails.
"""

from __future__ import annotations

import itertools
import json
from functools import cache
from pathlib import Path

import numpy as np
import pytest

from sigmoid_guide.experiments.cost import load_cpu_cost
from sigmoid_guide.experiments.mlp import (
    activation_derivative,
    backward,
    forward,
    init_mlp,
    loss_and_gradients,
)
from sigmoid_guide.experiments.vanishing import make_dataset, sigmoid_bound
from sigmoid_guide.experiments.zigzag import make_problems

ROOT = Path(__file__).resolve().parent.parent
LABS = ("vanishing-gradients", "zigzag", "exp-cost")
HEADINGS = {"ko": "### 예상 결과", "en": "### What to expect"}


# --- the hints are where the tests below assume them -------------------------------------


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("lab", LABS)
def test_each_lab_answers_its_try_it_part(lab: str, lang: str):
    """Right after the try-it cell (its code says "# try ..."), a "What to expect"
    Markdown cell, then the code cell that computes its answers and prints them."""
    nb = json.loads((ROOT / "docs" / lang / "labs" / f"{lab}.ipynb").read_text("utf-8"))
    cells = nb["cells"]
    sources = ["".join(c["source"]) for c in cells]
    (hint,) = [i for i, s in enumerate(sources) if s.startswith(HEADINGS[lang])]
    assert cells[hint]["cell_type"] == "markdown"
    assert cells[hint - 1]["cell_type"] == "code" and "# try " in sources[hint - 1], (
        f"{lang}/{lab}: the answers do not follow the try-it cell"
    )
    assert cells[hint + 1]["cell_type"] == "code" and "print(" in sources[hint + 1]


# --- vanishing gradients ---------------------------------------------------------------

X, Y = make_dataset(np.random.default_rng([0, 0]))
ACTIVATIONS = ("sigmoid", "tanh", "relu")
DEPTHS = (5, 10, 20, 40)  # the prompt's 5, 20, 40, and the lab's network
SCALES = (0.5, 1.0, 2.0, 4.0, 8.0)  # the prompt's, and the standard scale
SCALE_DEPTH = 20  # the try-it cell's depth
SEEDS = (0, 1, 2)  # "another seed: the digits change, the pattern does not"


def _net(activation: str, depth: int, weight_scale: float, seed: int):
    sizes = (X.shape[1], *[64] * depth, 1)
    rng = np.random.default_rng([seed, 1, 0])
    return init_mlp(sizes, activation, rng, weight_scale=weight_scale)


@cache
def grad_ratio(activation: str, depth: int = 10, weight_scale: float = 1.0, seed: int = 0):
    """Layer 1's weight-gradient norm over the last hidden layer's, as the lab's
    layer_grad_norms computes them."""
    grads = loss_and_gradients(_net(activation, depth, weight_scale, seed), X, Y)
    norms = [np.linalg.norm(g) for g in grads.weights[:-1]]
    return float(norms[0] / norms[-1])


def _depth_row(activation: str, seed: int) -> list[float]:
    return [grad_ratio(activation, d, 1.0, seed) for d in DEPTHS]


def _scale_row(activation: str, seed: int) -> list[float]:
    return [grad_ratio(activation, SCALE_DEPTH, s, seed) for s in SCALES]


@pytest.mark.parametrize("seed", SEEDS)
def test_sigmoid_ratio_falls_by_about_the_measured_factor_per_layer(seed: int):
    """ "the ratio shrinks by roughly the same factor with every layer added, close to
    the shrink per layer measured above ... almost no gradient reaches layer 1"."""
    ratios = _depth_row("sigmoid", seed)
    steps = [
        (r2 / r1) ** (1 / (d2 - d1))
        for (d1, r1), (d2, r2) in itertools.pairwise(zip(DEPTHS, ratios, strict=True))
    ]
    assert all(f < 0.6 for f in steps), steps  # a large fall with every added layer
    overall = (ratios[-1] / ratios[0]) ** (1 / (DEPTHS[-1] - DEPTHS[0]))
    measured = sigmoid_bound().mean_step_factor
    assert 0.8 * measured < overall < 1.25 * measured, (overall, measured)
    assert ratios[-1] < 1e-15


@pytest.mark.parametrize("seed", SEEDS)
def test_tanh_and_relu_ratios_do_not_keep_shrinking_with_depth(seed: int):
    """ "the ratio stays near 1 for tanh and below 1 for ReLU, and neither keeps
    shrinking as layers are added"."""
    tanh, relu = _depth_row("tanh", seed), _depth_row("relu", seed)
    assert all(0.2 < r < 5 for r in tanh), tanh
    assert all(0.03 < r < 1 for r in relu), relu
    for ratios in (tanh, relu):
        assert ratios[-1] > ratios[0] / 3, ratios  # 35 more layers, no steady fall
        assert max(ratios) / min(ratios) < 10, ratios


@pytest.mark.parametrize("seed", SEEDS)
def test_larger_weights_slow_sigmoids_vanishing_without_stopping_it(seed: int):
    """ "the ratio climbs with weight_scale; even at 8 it stays far below 1"."""
    ratios = _scale_row("sigmoid", seed)
    assert all(a < b for a, b in itertools.pairwise(ratios)), ratios
    assert ratios[-1] < 0.1, ratios


@pytest.mark.parametrize("seed", SEEDS)
def test_sigmoid_units_saturate_more_slowly_than_the_weights_grow(seed: int):
    """ "The units do saturate and the mean derivative falls, yet more slowly than the
    weights grow"."""
    slopes = []
    for s in SCALES:
        fwd = forward(_net("sigmoid", SCALE_DEPTH, s, seed), X)
        slopes.append(
            np.mean([activation_derivative("sigmoid")(z).mean() for z in fwd.pre_activations])
        )
    assert all(a > b for a, b in itertools.pairwise(slopes)), slopes
    gained = [s * slope for s, slope in zip(SCALES, slopes, strict=True)]
    assert all(a < b for a, b in itertools.pairwise(gained)), gained
    # what the weights do to the backpropagated gradient grows with them
    net = _net("sigmoid", SCALE_DEPTH, 8.0, seed)
    d = backward(net, forward(net, X), Y).deltas
    gain = np.mean(
        [
            np.linalg.norm(d[k + 1] @ net.weights[k + 1].T) / np.linalg.norm(d[k + 1])
            for k in range(len(d) - 1)
        ]
    )
    assert 4 < gain < 16, gain


@pytest.mark.parametrize("seed", SEEDS)
def test_tanh_gradient_explodes_with_larger_weights(seed: int):
    """ "at depth 20 the ratio is above 1 from weight_scale 2 on and grows very fast:
    now the gradient explodes", where sigmoid's at the same weights stays below 1."""
    tanh, sigmoid = _scale_row("tanh", seed), _scale_row("sigmoid", seed)
    big = [i for i, s in enumerate(SCALES) if s >= 2]
    assert all(tanh[i] > 1 for i in big), tanh
    assert all(sigmoid[i] < 1 for i in big), sigmoid
    assert all(tanh[i] < tanh[i + 1] for i in big[:-1]), tanh
    assert tanh[SCALES.index(8.0)] > 1e4 * tanh[SCALES.index(2.0)], tanh
    # above 1 at weight_scale 4 at every depth the prompt suggests, too
    assert all(grad_ratio("tanh", d, 4.0, seed) > 1 for d in (5, 20, 40))


def test_tanh_derivative_goes_four_times_as_high_as_sigmoids():
    """ "The derivative of tanh goes up to 1, four times as high as sigmoid's"."""
    z = np.linspace(-10, 10, 2001)
    tanh_max = activation_derivative("tanh")(z).max()
    sigmoid_max = activation_derivative("sigmoid")(z).max()
    assert tanh_max == pytest.approx(1.0) and sigmoid_max == pytest.approx(0.25)


@pytest.mark.parametrize("seed", SEEDS)
def test_relu_ratio_hardly_depends_on_the_weight_scale(seed: int):
    """ "the ratio hardly changes, and from 2 on it does not change at all" (ReLU is
    positively homogeneous and the biases start at zero)."""
    relu = _scale_row("relu", seed)
    sigmoid, tanh = _scale_row("sigmoid", seed), _scale_row("tanh", seed)

    def spread(r):
        return np.log(max(r) / min(r))

    assert all(r < 1 for r in relu), relu
    assert spread(relu) < spread(sigmoid) / 10 and spread(relu) < spread(tanh) / 10
    from_two = [r for s, r in zip(SCALES, relu, strict=True) if s >= 2]
    assert max(from_two) / min(from_two) - 1 < 1e-6, from_two
    net = _net("relu", SCALE_DEPTH, 1.0, seed)
    assert not any(np.any(b) for b in net.biases)


# --- zig-zag ---------------------------------------------------------------------------

PROBLEMS = make_problems()
BATCHES = (1, 2, 4, 16, 64, 256)
W0 = np.array([-1.0, 2.0])
FLOOR = np.array([0.3, -0.3])  # the prompt's step from the optimum onto the floor


def _weights(name: str) -> dict[str, np.ndarray]:
    p = PROBLEMS[name]
    return {"start": W0, "optimum": p.w_star, "floor": p.w_star + FLOOR}


@cache
def shares(name: str, where: str, seed: int = 0) -> tuple[float, ...]:
    """Fraction of 2,000 mini-batches per batch size whose gradient has two components
    of one sign, drawn as the try-it cell draws them."""
    p = PROBLEMS[name]
    w = _weights(name)[where]
    rng = np.random.default_rng(seed)
    out = []
    for batch in BATCHES:
        idx = np.array([rng.choice(len(p.y), batch, replace=False) for _ in range(2000)])
        X, y = p.X[idx], p.y[idx]  # (2000, batch, 2), (2000, batch)
        r = np.einsum("kbi,i->kb", X, w) - y
        g = np.einsum("kb,kbi->ki", r, X) / batch
        out.append(float(np.mean(np.sign(g[:, 0]) == np.sign(g[:, 1]))))
    return tuple(out)


ZZ_SEEDS = (0, 1)  # the cell's seed, and another draw: the hints do not hang on one


@pytest.mark.parametrize("seed", ZZ_SEEDS)
def test_batch_one_with_positive_inputs_always_shares_one_sign(seed: int):
    """ "every mini-batch, wherever w is"."""
    for where in ("start", "optimum", "floor"):
        assert shares("positive", where, seed)[0] == 1.0, where


@pytest.mark.parametrize("seed", ZZ_SEEDS)
def test_at_the_optimum_positive_inputs_keep_one_sign_at_every_batch_size(seed: int):
    """ "the share stays high at every batch size, 256 included"."""
    got = shares("positive", "optimum", seed)
    assert min(got) > 0.7, got
    assert np.allclose(PROBLEMS["positive"].grad(PROBLEMS["positive"].w_star), 0, atol=1e-12)


@pytest.mark.parametrize("seed", ZZ_SEEDS)
def test_on_the_floor_the_share_falls_to_none_with_positive_inputs(seed: int):
    """ "the share falls with every larger batch, down to none of the mini-batches at
    batch 256 ... points along the floor, very nearly (1, -1)"."""
    got = shares("positive", "floor", seed)
    assert all(a > b for a, b in itertools.pairwise(got)), got
    assert got[-1] == 0.0, got
    p = PROBLEMS["positive"]
    g = p.grad(p.w_star + FLOOR)
    assert g[0] * g[1] < 0
    assert abs(g @ np.array([1.0, -1.0])) / np.linalg.norm(g) / np.sqrt(2) > 0.99


@pytest.mark.parametrize("seed", ZZ_SEEDS)
def test_centered_batch_one_is_about_half(seed: int):
    """ "about half, wherever w is"."""
    for where in ("start", "optimum", "floor"):
        assert 0.4 < shares("centered", where, seed)[0] < 0.6, where


@pytest.mark.parametrize("seed", ZZ_SEEDS)
def test_centered_larger_batches(seed: int):
    """ "at the optimum the share stays about half at every batch size ... At the start
    and on the floor it falls to almost none: ... the gradient points straight away
    from the optimum, and from both points that direction has components of opposite
    signs"."""
    assert all(0.4 < s < 0.6 for s in shares("centered", "optimum", seed))
    p = PROBLEMS["centered"]
    eigenvalues = np.linalg.eigvalsh(p.hessian)
    assert eigenvalues[1] / eigenvalues[0] < 1.1  # contours nearly circles
    for where in ("start", "floor"):
        got = shares("centered", where, seed)
        assert all(a >= b for a, b in itertools.pairwise(got)), (where, got)
        assert got[-1] < 0.01, (where, got)
        d = _weights("centered")[where] - p.w_star
        g = p.grad(d + p.w_star)
        assert g @ d / np.linalg.norm(g) / np.linalg.norm(d) > 0.99, where
        assert g[0] * g[1] < 0, where


# --- cost of exp -----------------------------------------------------------------------

CPU = load_cpu_cost()
BACKEND = {r.op: r.backend for r in CPU.rows}
SMALL, LARGE = 100_000, 10_000_000  # fits in the cache, does not
SIZES = (SMALL, LARGE)
DTYPES = ("float32", "float64")


def ratio(op: str, dtype: str, n: int) -> float:
    return CPU.ratio(BACKEND[op], op, dtype, n)


def test_the_stored_cpu_file_is_the_one_the_hints_describe():
    assert CPU.simd_path == "avx512" and CPU.numpy_default  # "with AVX-512"
    assert tuple(CPU.dtypes()) == DTYPES and {SMALL, LARGE} <= set(CPU.sizes())
    ops = {"exp", "naive_sigmoid", "sigmoid", "expit", "hard_sigmoid", "tanh", "copy"}
    assert ops <= set(BACKEND)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("n", SIZES)
def test_naive_sigmoid_takes_more_than_twice_exp(n: int, dtype: str):
    assert ratio("naive_sigmoid", dtype, n) > 2 * ratio("exp", dtype, n)


@pytest.mark.parametrize("dtype", DTYPES)
def test_sigmoid_matches_the_one_liner_in_cache_and_beats_it_twice_out_of_it(dtype: str):
    small = ratio("naive_sigmoid", dtype, SMALL) / ratio("sigmoid", dtype, SMALL)
    large = ratio("naive_sigmoid", dtype, LARGE) / ratio("sigmoid", dtype, LARGE)
    assert 1 / 1.2 < small < 1.2, small  # "about as fast"
    assert 1.5 < large < 3, large  # "about twice as fast"


@pytest.mark.parametrize("dtype", DTYPES)
def test_expit_is_slowest_in_cache_and_much_lower_out_of_it(dtype: str):
    ops = ("exp", "naive_sigmoid", "sigmoid", "hard_sigmoid", "tanh", "copy")
    assert all(ratio("expit", dtype, SMALL) > ratio(op, dtype, SMALL) for op in ops)
    assert ratio("expit", dtype, SMALL) > 2.5 * ratio("sigmoid", dtype, SMALL)  # several
    assert ratio("expit", dtype, LARGE) < ratio("expit", dtype, SMALL) / 2
    # "because ReLU, the reference, then has to wait for main memory too"
    relu = {r.n: r.ns_per_element for r in CPU.rows if (r.op, r.dtype) == ("relu", dtype)}
    assert relu[LARGE] > 2 * relu[SMALL]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("n", SIZES)
def test_hard_sigmoid_is_cheaper_than_sigmoid_but_not_than_relu(n: int, dtype: str):
    hard = ratio("hard_sigmoid", dtype, n)
    assert 1 < hard < min(ratio("sigmoid", dtype, n), ratio("naive_sigmoid", dtype, n))


@pytest.mark.parametrize("n", SIZES)
def test_tanh_costs_clearly_more_in_float64(n: int):
    f32, f64 = ratio("tanh", "float32", n), ratio("tanh", "float64", n)
    assert f32 < 1.5, f32  # "not much more than ReLU"
    assert f64 > 1.5 * f32, (f32, f64)  # "clearly more"


@pytest.mark.parametrize("dtype", DTYPES)
def test_copy_is_faster_than_relu_in_cache_and_as_fast_out_of_it(dtype: str):
    assert ratio("copy", dtype, SMALL) < 0.6
    assert 0.85 < ratio("copy", dtype, LARGE) < 1.15
