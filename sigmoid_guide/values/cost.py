"""Prose values of the cost-of-exp page (the stored CPU and GPU measurements).

Every number here is read from the committed data files through the cost experiment
(sigmoid_guide/data/, provenance beside them), computed the way the page's code blocks
compute them (docs_src/exp-cost/), never timed during a build.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from ..experiments.cost import CostResult, CpuCost, run_cost
from . import ValueSpec

_DTYPES = ("float32", "float64")
# The two sizes the page's CPU table shows (docs_src/exp-cost/cpu_ratios.py).
_SIZES = (100_000, 10_000_000)
# The sizes with a speed goal (docs_src/exp-cost/cpu_paths.py).
_GOAL_SIZES = (100_000, 1_000_000, 10_000_000)


def _cpu_ratio(op: str, dtype: str, n: int) -> Callable[[CostResult], float]:
    """Time of ``op`` ÷ ReLU's on NumPy's own path of the measured CPU."""

    def get(r: CostResult) -> float:
        backend = next(row.backend for row in r.cpu.rows if row.op == op)
        return r.cpu.ratio(backend, op, dtype, n)

    return get


def _path(r: CostResult, simd_path: str) -> CpuCost:
    for cpu in r.cpu_paths:
        if cpu.simd_path == simd_path:
            return cpu
    raise ValueError(f"the CPU file has no SIMD path {simd_path!r}")


def _path_ratio(simd_path: str, op: str, dtype: str, n: int) -> Callable[[CostResult], float]:
    """Time of ``op`` ÷ ReLU's on one SIMD path of the measured CPU."""
    return lambda r: _path(r, simd_path).ratio("numpy", op, dtype, n)


def _exp_max_all_paths(r: CostResult) -> float:
    """The largest exp ÷ ReLU ratio of the table's columns, over every SIMD path."""
    return max(
        cpu.ratio("numpy", "exp", d, n) for cpu in r.cpu_paths for d in _DTYPES for n in _SIZES
    )


def _to_expit(simd_path: str, op: str, pick: Callable[..., float], dtypes: tuple[str, ...]):
    """``pick`` of ``op``'s time ÷ expit's on one path, over the goal sizes (1e5-1e7)."""

    def get(r: CostResult) -> float:
        cpu = _path(r, simd_path)
        return pick(cpu.ratio_to_expit(op, d, n) for d in dtypes for n in _GOAL_SIZES)

    return get


def _cpu_range(op: str, pick: Callable[..., float]) -> Callable[[CostResult], float]:
    """``pick`` (min or max) of ``op``'s ratio to ReLU over the table's columns."""
    return lambda r: pick(_cpu_ratio(op, d, n)(r) for d in _DTYPES for n in _SIZES)


def _exp_share(dtype: str, n: int) -> Callable[[CostResult], float]:
    """exp's share of the textbook one-liner's time (docs_src/exp-cost/naive_breakdown.py)."""

    def get(r: CostResult) -> float:
        ns = {(row.op, row.dtype, row.n): row.ns_per_element for row in r.cpu.rows}
        return ns["exp", dtype, n] / ns["naive_sigmoid", dtype, n]

    return get


def _gpu_large(r: CostResult) -> dict[str, Any]:
    """One operation on the largest float32 array (docs_src/exp-cost/gpu_ratios.py) and
    the small-array times (docs_src/exp-cost/gpu_roofline.py)."""
    gpu = r.gpu
    secs = gpu.seconds["float32"]
    relu = secs[gpu.ops.index("relu"), -1]
    sig = gpu.ops.index("sigmoid")
    moved = gpu.sizes["float32"][-1] / secs[sig, -1]  # elements read and written per s
    computed = 64 * gpu.fused_n / gpu.fused_seconds["sigmoid"]
    return {
        "ratio": {op: secs[i, -1] / relu for i, op in enumerate(gpu.ops)},
        "ratio_max": float(max(secs[:, -1] / relu)),
        # "about 2,990 GB/s": the mean over the operations, to the nearest 10 GB/s
        "gbps": round(float(np.mean(gpu.gbps["float32"][:, -1])), -1),
        "small_us_min": float(secs[:, 0].min() * 1e6),
        "small_us_max": float(secs[:, 0].max() * 1e6),
        "small_move_us": float(gpu.sizes["float32"][0] / moved * 1e6),
        "sigmoids_per_move": float(computed / moved),
    }


#: Elements and bytes per element of the exercises' arrays (float32, 1e7 elements).
EXERCISE_N, EXERCISE_BYTES = 10_000_000, 4


def exercise_answers(r: CostResult) -> dict[str, float]:
    """Answers of the exercises at the end of the cost-of-exp page.

    ``move_us``: time to read and write ``EXERCISE_N`` float32 elements at the GPU's
    measured throughput; ``naive_mb``/``kernel_mb``: megabytes written to memory by the
    textbook one-liner (four new arrays) and by the kernel (one).
    """
    gpu = _gpu_large(r)
    array_mb = EXERCISE_N * EXERCISE_BYTES / 1e6
    return {
        "move_us": 2 * EXERCISE_N * EXERCISE_BYTES / (gpu["gbps"] * 1e9) * 1e6,
        "naive_mb": 4 * array_mb,
        "kernel_mb": array_mb,
    }


def _exercise(key: str) -> Callable[[CostResult], float]:
    return lambda r: exercise_answers(r)[key]


SPECS = [
    *(
        ValueSpec(f"cost.cpu.{op}.{which}", run_cost, _cpu_range(op, pick), ".1f")
        for op in ("exp", "hard_sigmoid", "sigmoid")
        for which, pick in (("min", min), ("max", max))
    ),
    *(
        ValueSpec(f"cost.cpu.exp.{d}.1e{len(str(n)) - 1}", run_cost, _cpu_ratio("exp", d, n), ".1f")
        # the page compares float64 at 1e5 with 1e7
        for d, n in (("float64", 100_000), ("float64", 10_000_000))
    ),
    # the other SIMD paths of the same CPU (docs_src/exp-cost/cpu_exp_paths.py)
    *(
        ValueSpec(
            f"cost.cpu.{p}.exp.{d}.1e{len(str(n)) - 1}",
            run_cost,
            _path_ratio(p, "exp", d, n),
            ".1f",
        )
        for p, d, n in (
            ("avx2", "float32", 100_000),
            ("avx2", "float64", 100_000),
            ("avx2", "float64", 10_000_000),
            ("baseline", "float32", 100_000),
        )
    ),
    ValueSpec("cost.cpu.exp.all_paths.max", run_cost, _exp_max_all_paths, ".1f"),
    # sigmoid ÷ expit (docs_src/exp-cost/cpu_paths.py)
    *(
        ValueSpec(
            f"cost.cpu.{p}.sigmoid_to_expit.max",
            run_cost,
            _to_expit(p, "sigmoid", max, _DTYPES),
            ".2f",
        )
        for p in ("avx512", "avx2")
    ),
    # no NumPy sigmoid can meet the baseline float32 goal: the floor is above it
    ValueSpec(
        "cost.cpu.baseline.floor_to_expit.float32.min",
        run_cost,
        _to_expit("baseline", "floor", min, ("float32",)),
        ".2f",
    ),
    *(
        ValueSpec(f"cost.cpu.exp_share.{d}.1e{len(str(n)) - 1}", run_cost, _exp_share(d, n), ".0%")
        for d in _DTYPES
        for n in _SIZES
    ),
    ValueSpec("cost.gpu.large.ratio_max", run_cost, lambda r: _gpu_large(r)["ratio_max"], ".2f"),
    *(
        ValueSpec(
            f"cost.gpu.large.ratio.{op}",
            run_cost,
            lambda r, op=op: _gpu_large(r)["ratio"][op],
            ".2f",
        )
        for op in ("sigmoid", "hardsigmoid")
    ),
    ValueSpec("cost.gpu.large.gbps", run_cost, lambda r: _gpu_large(r)["gbps"], ",.0f"),
    *(
        ValueSpec(f"cost.gpu.small.{k}", run_cost, lambda r, k=k: _gpu_large(r)[k], fmt)
        for k, fmt in (("small_us_min", ".0f"), ("small_us_max", ".0f"), ("small_move_us", ".1f"))
    ),
    ValueSpec(
        "cost.gpu.sigmoids_per_move", run_cost, lambda r: _gpu_large(r)["sigmoids_per_move"], ".1f"
    ),
    *(
        ValueSpec(f"cost.gpu.fused.{op}", run_cost, f"gpu.fused_ratio_to_relu.{op}", ".2f")
        for op in ("hardsigmoid", "sigmoid", "tanh")
    ),
    *(
        ValueSpec(f"exercise.exp-cost.{key}", run_cost, _exercise(key), fmt)
        for key, fmt in (("move_us", ".0f"), ("naive_mb", ".0f"), ("kernel_mb", ".0f"))
    ),
]
