"""Not zero-centered inputs: the zig-zag argument, measured on the smallest possible model.

One linear neuron f = w1·x1 + w2·x2 (no bias) fitted by least squares,
L(w) = ‖Xw − y‖² / (2n), whose gradient is Xᵀ(Xw − y)/n. For a single example the
gradient is (f − y)·x: if both inputs are positive (as sigmoid outputs are), both
components have the sign of (f − y), so every single-example update moves the weights
into the (+,+) or (−,−) quadrant (LeCun et al. 1998, §4.3; CS231n). The experiment
compares inputs drawn like sigmoid outputs, x = σ(z) with z ~ N(0, 1), with the same
inputs centered (the column mean subtracted, targets centered too):

* full-batch gradient-descent trajectories over the loss contours;
* the fraction of updates whose two gradient components share one sign, for mini-batch
  sizes 1, 8, 64 and the full batch (averaging over a batch mixes residual signs),
  counted twice: over the whole run, and over its first updates, those taken far from
  the optimum (see ``EARLY_GAP``). The two differ because for a batch of two or more
  examples the sign pattern is no longer fixed: it depends on where the weights are.
  An offset from the optimum along the mean input, roughly (1, 1), gives a same-sign
  gradient, an offset along the valley floor, roughly (1, −1), a mixed one. From the
  start the first updates descend the steep direction (same sign) and then follow the
  valley (mixed signs); near the optimum a mini-batch gradient is mostly sampling
  noise, the batch's mean residual times inputs whose mean is about (½, ½), so it
  often points along (1, 1) again, while the full-batch gradient has no noise. The
  zero-centered page bases its verdict on the early fraction: the whole-run fraction
  depends on how many updates the run spends near the optimum;
* the condition number of the Hessian XᵀX/n and the steps gradient descent needs to
  reach a fixed tolerance.

Learning rates follow one stated rule per use (below), applied identically to both
problems; each problem gets its own value because their curvatures differ.

``explore_grid`` repeats the sign measurement at a few learning rates (multiples of the
mini-batch rule, ``LR_FACTORS``), for the page's explorable figure.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .. import sigmoid
from ._threads import single_threaded_blas

__all__ = [
    "BATCH_SIZES",
    "EARLY_GAP",
    "LR_FACTORS",
    "N_EXAMPLES",
    "Problem",
    "ZigzagGrid",
    "ZigzagResult",
    "explore_grid",
    "make_problems",
    "run_zigzag",
]

#: Mini-batch sizes compared; ``None`` stands for the full batch.
BATCH_SIZES: tuple[int | None, ...] = (1, 8, 64, None)

_SEED = 20261126
_N = 512
#: Examples per problem: the size of the full batch.
N_EXAMPLES = _N
_W_TRUE = np.array([1.0, -1.0])
# A start whose offset from the optimum has components along both Hessian
# eigenvectors, so full-batch GD shows both the fast and the slow direction.
_W0 = np.array([-1.0, 2.0])
_NOISE = 0.1
# Relative tolerance on the loss gap L(w) − L(w*) for "steps to converge".
_TOL = 1e-6
_MAX_STEPS = 20_000
# Updates per mini-batch run in the sign-fraction measurement.
_SIGN_UPDATES = 400
#: The first updates of a run, for the early same-sign fraction: those taken before the
#: loss gap L(w) − L(w*) first falls to this fraction of its value at the start, i.e.
#: while at least a tenth of the starting excess loss is left. A threshold on the loss
#: gap rather than a fixed number of updates, because the batch sizes and the two
#: problems (each with its own learning rate) approach the optimum at different speeds;
#: one tenth keeps a few dozen updates in the window for positive inputs, while the
#: weights are still on their way to the optimum rather than moving around it.
EARLY_GAP = 0.1
# Trajectory length kept for drawing.
_PATH_STEPS = 60
#: Learning rates of ``explore_grid``, as multiples of the mini-batch rule 1/max‖xᵢ‖²
#: (``ZigzagResult.sgd_lr``). That rule keeps every single-example step from
#: overshooting, so it and every smaller multiple are stable at every batch size; the
#: last factor, 1, is the rate ``run_zigzag`` uses.
LR_FACTORS: tuple[float, ...] = (0.25, 0.5, 1.0)


@dataclass(frozen=True)
class Problem:
    """One least-squares problem: inputs, targets and its exact solution."""

    X: np.ndarray
    y: np.ndarray
    w_star: np.ndarray
    hessian: np.ndarray

    def loss(self, w: np.ndarray) -> np.ndarray:
        """L(w) for weights of shape (..., 2); broadcasts over leading axes.

        Uses the exact quadratic form ``L(w*) + ½(w − w*)ᵀH(w − w*)`` instead of summing
        residuals: 2×2 work per point instead of n, which keeps the contour grid cheap.
        """
        return self.loss_star + self.gap(w)

    def gap(self, w: np.ndarray) -> np.ndarray:
        """``L(w) − L(w*)``, computed without cancellation."""
        d = np.asarray(w) - self.w_star
        return 0.5 * np.einsum("...i,ij,...j->...", d, self.hessian, d)

    @property
    def loss_star(self) -> float:
        """The minimum ``L(w*)``."""
        r = self.X @ self.w_star - self.y
        return float(r @ r) / (2 * len(self.y))

    def grad(self, w: np.ndarray, idx: np.ndarray | None = None) -> np.ndarray:
        """Mean gradient over the examples ``idx`` (all examples when None)."""
        X = self.X if idx is None else self.X[idx]
        y = self.y if idx is None else self.y[idx]
        return X.T @ (X @ w - y) / len(y)


@dataclass(frozen=True)
class ZigzagResult:
    """Everything measured for the positive and the centered problem.

    Attributes:
        labels: ``("positive", "centered")``, the keys of the dictionaries below.
        w_star: optimum of each problem.
        w0: common starting point.
        eigenvalues: Hessian eigenvalues (ascending) of each problem.
        condition_number: λmax/λmin of each Hessian.
        input_mean: column means of the inputs of each problem.
        gd_lr: full-batch learning rate of each problem, 2/(λmin + λmax): the fixed step
            that converges fastest on a quadratic, i.e. the best a tuned learning rate
            can do for that problem.
        gd_path: first full-batch GD iterates, shape (k, 2).
        gd_steps: full-batch GD steps until the loss gap falls to ``tol`` of its start.
        gd_lr_same: the smaller of the two problems' ``gd_lr``, used for both in
            ``gd_steps_same`` (a learning rate that is stable for both problems).
        gd_steps_same: steps to tolerance when both problems use ``gd_lr_same``.
        tol: relative tolerance on the loss gap.
        grid_w1, grid_w2, grid_loss: loss contours around each problem's path.
        batch_sizes: batch sizes measured (the full batch as n).
        sgd_lr: mini-batch learning rate, 1/max‖xᵢ‖² (no single-example step overshoots).
        same_sign_fraction: per problem, the fraction of updates whose two gradient
            components are both positive or both negative, one value per batch size,
            over the whole run of ``sign_updates`` updates.
        same_sign_fraction_early: the same fraction over the first updates only, those
            taken before the loss gap first falls to ``early_gap`` of its start (far
            from the optimum), one value per batch size.
        early_updates: the number of updates in that early window, per batch size.
        same_sign_leading: how many updates in a row, from the start, had one sign,
            per batch size (``sign_updates`` when all of them did).
        sign_updates: updates per run in the sign-fraction measurement.
        early_gap: the loss-gap fraction that ends the early window (``EARLY_GAP``).
        sgd_path_b1: first single-example SGD iterates, shape (k, 2).
    """

    labels: tuple[str, str]
    w_star: dict[str, np.ndarray]
    w0: np.ndarray
    eigenvalues: dict[str, np.ndarray]
    condition_number: dict[str, float]
    input_mean: dict[str, np.ndarray]
    gd_lr: dict[str, float]
    gd_path: dict[str, np.ndarray]
    gd_steps: dict[str, int]
    gd_lr_same: float
    gd_steps_same: dict[str, int]
    tol: float
    grid_w1: dict[str, np.ndarray]
    grid_w2: dict[str, np.ndarray]
    grid_loss: dict[str, np.ndarray]
    batch_sizes: tuple[int, ...]
    sgd_lr: dict[str, float]
    same_sign_fraction: dict[str, np.ndarray]
    same_sign_fraction_early: dict[str, np.ndarray]
    early_updates: dict[str, np.ndarray]
    same_sign_leading: dict[str, np.ndarray]
    sign_updates: int
    early_gap: float
    sgd_path_b1: dict[str, np.ndarray]


def _problem(X: np.ndarray, y: np.ndarray) -> Problem:
    w_star = np.linalg.solve(X.T @ X, X.T @ y)
    return Problem(X=X, y=y, w_star=w_star, hessian=X.T @ X / len(y))


def make_problems(seed: int = _SEED, n: int = _N) -> dict[str, Problem]:
    """The two problems: inputs like sigmoid outputs, and the same inputs centered."""
    rng = np.random.default_rng(seed)
    X = sigmoid(rng.normal(0.0, 1.0, size=(n, 2)))
    y = X @ _W_TRUE + _NOISE * rng.normal(size=n)
    Xc = X - X.mean(axis=0)
    return {"positive": _problem(X, y), "centered": _problem(Xc, y - y.mean())}


def _gd(p: Problem, lr: float, keep: int) -> tuple[np.ndarray, int]:
    """Full-batch GD from the common start; returns the first iterates and steps to tol."""
    w = _W0.copy()
    gap0 = float(p.gap(w))
    path = [w.copy()]
    for step in range(1, _MAX_STEPS + 1):
        w = w - lr * p.grad(w)
        if len(path) <= keep:
            path.append(w.copy())
        if float(p.gap(w)) <= _TOL * gap0:
            return np.array(path), step
    raise RuntimeError(f"gradient descent did not reach tolerance in {_MAX_STEPS} steps")


def _same_sign(g: np.ndarray) -> bool:
    # Exactly zero components count as not sharing a sign; they do not occur here.
    return bool((g[0] > 0 and g[1] > 0) or (g[0] < 0 and g[1] < 0))


@dataclass(frozen=True)
class _SignCount:
    """Same-sign counts of one mini-batch run."""

    fraction: float  # over all updates
    fraction_early: float  # over the early window
    early: int  # updates in the early window
    leading: int  # same-sign updates in a row from the start
    same: np.ndarray  # per update, whether its two gradient components shared a sign


def _sgd(
    p: Problem, batch: int, lr: float, updates: int, rng: np.random.Generator
) -> tuple[_SignCount, np.ndarray]:
    """Mini-batch SGD (reshuffled every epoch); returns the same-sign counts and path.

    Only signs and comparisons of the loss gap with a threshold are counted, so the
    counts do not depend on the last bits of the arithmetic.
    """
    n = len(p.y)
    w = _W0.copy()
    gap_end = EARLY_GAP * float(p.gap(w))
    path = [w.copy()]
    shared = 0
    early = shared_early = 0
    in_window = True
    leading = None
    flags = np.zeros(updates, dtype=bool)
    order = rng.permutation(n)
    pos = 0
    for t in range(updates):
        if pos + batch > n:
            order, pos = rng.permutation(n), 0
        idx = order[pos : pos + batch]
        pos += batch
        # The window ends at the first point whose loss gap is down to EARLY_GAP.
        in_window = in_window and float(p.gap(w)) > gap_end
        g = p.grad(w, idx)
        same = _same_sign(g)
        flags[t] = same
        shared += same
        if in_window:
            early += 1
            shared_early += same
        if not same and leading is None:
            leading = t
        w = w - lr * g
        path.append(w.copy())
    count = _SignCount(
        fraction=shared / updates,
        fraction_early=shared_early / early,
        early=early,
        leading=updates if leading is None else leading,
        same=flags,
    )
    return count, np.array(path)


def _grid(p: Problem, path: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A contour grid covering the path and the optimum, with a margin."""
    pts = np.vstack([path, p.w_star])
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    span = np.maximum(hi - lo, 0.5)
    lo, hi = lo - 0.15 * span, hi + 0.15 * span
    w1, w2 = np.meshgrid(np.linspace(lo[0], hi[0], 161), np.linspace(lo[1], hi[1], 161))
    return w1, w2, p.loss(np.stack([w1, w2], axis=-1))


@single_threaded_blas
def run_zigzag(seed: int = _SEED) -> ZigzagResult:
    """Run the whole zig-zag experiment (deterministic for a given seed)."""
    problems = make_problems(seed)
    labels = ("positive", "centered")
    eig = {k: np.linalg.eigvalsh(p.hessian) for k, p in problems.items()}
    gd_lr = {k: 2.0 / float(e[0] + e[-1]) for k, e in eig.items()}
    gd = {k: _gd(p, gd_lr[k], _PATH_STEPS) for k, p in problems.items()}
    lr_same = min(gd_lr.values())
    steps_same = {k: _gd(p, lr_same, 0)[1] for k, p in problems.items()}
    grids = {k: _grid(p, gd[k][0]) for k, p in problems.items()}
    sizes = tuple(_N if b is None else b for b in BATCH_SIZES)
    sgd_lr = {k: 1.0 / float(np.max(np.sum(p.X**2, axis=1))) for k, p in problems.items()}
    counts: dict[str, list[_SignCount]] = {}
    paths_b1: dict[str, np.ndarray] = {}
    for k, p in problems.items():
        # One generator per problem, seeded alike, so both see the same batches.
        rng = np.random.default_rng([seed, 1])
        counts[k] = []
        for b in sizes:
            c, path = _sgd(p, b, sgd_lr[k], _SIGN_UPDATES, rng)
            counts[k].append(c)
            if b == 1:
                paths_b1[k] = path[: _PATH_STEPS + 1]

    def per_size(field: str, dtype: type) -> dict[str, np.ndarray]:
        return {
            k: np.array([getattr(c, field) for c in cs], dtype=dtype) for k, cs in counts.items()
        }

    return ZigzagResult(
        labels=labels,
        w_star={k: p.w_star for k, p in problems.items()},
        w0=_W0.copy(),
        eigenvalues=eig,
        condition_number={k: float(e[-1] / e[0]) for k, e in eig.items()},
        input_mean={k: p.X.mean(axis=0) for k, p in problems.items()},
        gd_lr=gd_lr,
        gd_path={k: v[0] for k, v in gd.items()},
        gd_steps={k: v[1] for k, v in gd.items()},
        gd_lr_same=lr_same,
        gd_steps_same=steps_same,
        tol=_TOL,
        grid_w1={k: v[0] for k, v in grids.items()},
        grid_w2={k: v[1] for k, v in grids.items()},
        grid_loss={k: v[2] for k, v in grids.items()},
        batch_sizes=sizes,
        sgd_lr=sgd_lr,
        same_sign_fraction=per_size("fraction", float),
        same_sign_fraction_early=per_size("fraction_early", float),
        early_updates=per_size("early", int),
        same_sign_leading=per_size("leading", int),
        sign_updates=_SIGN_UPDATES,
        early_gap=EARLY_GAP,
        sgd_path_b1=paths_b1,
    )


@dataclass(frozen=True)
class ZigzagGrid:
    """Mini-batch runs of both problems at every batch size and a few learning rates.

    The data of the zero-centered page's explorable figure. Each run is the sign
    experiment of ``run_zigzag`` (the same ``_sgd``, the same batches), with the
    learning rate ``factor × 1/max‖xᵢ‖²`` for each factor of ``lr_factors``: at factor
    1 every count, and the batch-size-1 path, equal ``run_zigzag``'s.

    Arrays in the dictionaries (keyed by ``labels``) are indexed
    ``[factor, batch size, ...]``.

    Attributes:
        labels: ``("positive", "centered")``.
        batch_sizes: batch sizes measured (the full batch as n).
        lr_factors: ``LR_FACTORS``.
        w0: common starting point.
        w_star: optimum of each problem.
        eigenvalues: Hessian eigenvalues (ascending) of each problem.
        eigenvectors: the matching unit eigenvectors, one per row, each with its
            first component positive (``eigh`` may return either sign; the contours
            do not care, a drawing that labels the directions does).
        gap0: the loss gap ``L(w0) − L(w*)`` at the start, of each problem.
        lr: the learning rate of each factor.
        path: the first ``_PATH_STEPS`` updates' iterates, shape
            ``(factors, sizes, _PATH_STEPS + 1, 2)``.
        same_sign: whether each of those updates had two gradient components of one
            sign, shape ``(factors, sizes, _PATH_STEPS)``.
        same_sign_fraction: fraction of same-sign updates over the whole run of
            ``sign_updates`` updates.
        same_sign_fraction_early: the same over the early window (before the loss gap
            first falls to ``early_gap`` of its start).
        early_updates: updates in the early window.
        steps_to_tol: updates until the loss gap first falls to ``tol`` of its start.
            For the full batch, the exact number of gradient-descent steps, even
            beyond the run (as ``ZigzagResult.gd_steps``, at this learning rate); for
            a mini-batch, the first update of the run that gets there, or None when
            none does: the gradient's sampling noise keeps the weights moving around
            the optimum, at a loss gap (the noise floor) that a smaller learning rate
            lowers.
        final_gap: the loss gap after the run, as a fraction of its start.
        sign_updates: updates per run.
        tol: the relative tolerance of ``steps_to_tol``.
        early_gap: ``EARLY_GAP``.
    """

    labels: tuple[str, str]
    batch_sizes: tuple[int, ...]
    lr_factors: tuple[float, ...]
    w0: np.ndarray
    w_star: dict[str, np.ndarray]
    eigenvalues: dict[str, np.ndarray]
    eigenvectors: dict[str, np.ndarray]
    gap0: dict[str, float]
    lr: dict[str, np.ndarray]
    path: dict[str, np.ndarray]
    same_sign: dict[str, np.ndarray]
    same_sign_fraction: dict[str, np.ndarray]
    same_sign_fraction_early: dict[str, np.ndarray]
    early_updates: dict[str, np.ndarray]
    steps_to_tol: dict[str, tuple[tuple[int | None, ...], ...]]
    final_gap: dict[str, np.ndarray]
    sign_updates: int
    tol: float
    early_gap: float


def _first_below(p: Problem, path: np.ndarray, gap0: float) -> int | None:
    """The first update after which the loss gap is at most ``_TOL`` of its start."""
    below = np.flatnonzero(p.gap(path[1:]) <= _TOL * gap0)
    return int(below[0]) + 1 if below.size else None


@single_threaded_blas
def explore_grid(seed: int = _SEED) -> ZigzagGrid:
    """Run the sign experiment at every batch size and learning-rate factor.

    Deterministic for a given seed; at factor 1 the counts and the batch-size-1 path
    are ``run_zigzag(seed)``'s (first example below). Near the optimum a mini-batch
    gradient is mostly sampling noise: single-example updates never get the loss gap
    down to ``tol`` of its start, and batches of 8 or 64 get there only for a moment
    (the full batch's count is gradient descent's; second example).

    Examples:
        >>> r, g = run_zigzag(), explore_grid()
        >>> i = g.lr_factors.index(1.0)
        >>> same = np.array_equal
        >>> fields = ("same_sign_fraction", "same_sign_fraction_early", "early_updates")
        >>> all(
        ...     all(same(getattr(g, f)[k][i], getattr(r, f)[k]) for f in fields)
        ...     and same(g.path[k][i, 0], r.sgd_path_b1[k])
        ...     for k in r.labels
        ... )
        True
        >>> g.steps_to_tol["positive"][i]
        (None, 261, 220, 227)
    """
    problems = make_problems(seed)
    sizes = tuple(_N if b is None else b for b in BATCH_SIZES)
    keys = ("positive", "centered")
    eigenvalues: dict[str, np.ndarray] = {}
    eigenvectors: dict[str, np.ndarray] = {}
    for k, p in problems.items():
        values, vectors = np.linalg.eigh(p.hessian)
        rows = vectors.T
        eigenvalues[k] = values
        eigenvectors[k] = np.where(rows[:, :1] < 0, -rows, rows)
    gap0 = {k: float(p.gap(_W0)) for k, p in problems.items()}
    base = {k: 1.0 / float(np.max(np.sum(p.X**2, axis=1))) for k, p in problems.items()}
    lr = {k: np.array([f * base[k] for f in LR_FACTORS]) for k in keys}
    shape = (len(LR_FACTORS), len(sizes))
    path = {k: np.empty((*shape, _PATH_STEPS + 1, 2)) for k in keys}
    same = {k: np.empty((*shape, _PATH_STEPS), dtype=bool) for k in keys}
    fraction = {k: np.empty(shape) for k in keys}
    fraction_early = {k: np.empty(shape) for k in keys}
    early = {k: np.empty(shape, dtype=int) for k in keys}
    final_gap = {k: np.empty(shape) for k in keys}
    steps: dict[str, tuple[tuple[int | None, ...], ...]] = {}
    for k, p in problems.items():
        rows_steps: list[tuple[int | None, ...]] = []
        for i, eta in enumerate(lr[k]):
            # A fresh generator per (problem, factor), seeded as in run_zigzag, and the
            # sizes in the same order: every setting sees run_zigzag's batches.
            rng = np.random.default_rng([seed, 1])
            row: list[int | None] = []
            for j, b in enumerate(sizes):
                c, full = _sgd(p, b, float(eta), _SIGN_UPDATES, rng)
                path[k][i, j] = full[: _PATH_STEPS + 1]
                same[k][i, j] = c.same[:_PATH_STEPS]
                fraction[k][i, j] = c.fraction
                fraction_early[k][i, j] = c.fraction_early
                early[k][i, j] = c.early
                final_gap[k][i, j] = float(p.gap(full[-1])) / gap0[k]
                # The full batch has no noise: plain gradient descent gives the exact
                # count, also when it is longer than the run.
                row.append(_gd(p, float(eta), 0)[1] if b == _N else _first_below(p, full, gap0[k]))
            rows_steps.append(tuple(row))
        steps[k] = tuple(rows_steps)
    return ZigzagGrid(
        labels=keys,
        batch_sizes=sizes,
        lr_factors=LR_FACTORS,
        w0=_W0.copy(),
        w_star={k: p.w_star for k, p in problems.items()},
        eigenvalues=eigenvalues,
        eigenvectors=eigenvectors,
        gap0=gap0,
        lr=lr,
        path=path,
        same_sign=same,
        same_sign_fraction=fraction,
        same_sign_fraction_early=fraction_early,
        early_updates=early,
        steps_to_tol=steps,
        final_gap=final_gap,
        sign_updates=_SIGN_UPDATES,
        tol=_TOL,
        early_gap=EARLY_GAP,
    )
