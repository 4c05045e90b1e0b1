"""Benchmark of sigmoid against scipy.special.expit, ReLU, exp and a plain copy.

Run ``python -m sigmoid_guide.bench`` (or ``python3 dev.py bench``). Every operation is
timed in the same process, interleaved in a shuffled order on every repetition, and the
median is reported, so that ratios between operations stay meaningful on a noisy machine;
absolute times are not. Each operation allocates its result, as a caller would.

``--json PATH`` also writes the rows with their provenance (machine, versions, date,
method); the site's "cost of exp" page shows the committed file
``sigmoid_guide/data/cpu_activation_cost.json`` written this way, never timings taken
while the site is built.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from .activations import hard_sigmoid, naive_sigmoid, relu, sigmoid, tanh

__all__ = ["BenchRow", "main", "operations", "run"]

DEFAULT_SIZES = (1_000, 100_000, 1_000_000, 10_000_000)
DEFAULT_DTYPES = ("float32", "float64")
#: Targets from the project's issue: sigmoid time / expit time must not exceed these.
TARGETS = {("float64", 100_000): 0.4, ("float64", 1_000_000): 0.4, ("float64", 10_000_000): 0.6}


@dataclass(frozen=True)
class BenchRow:
    """Median time of one operation on one array."""

    backend: str
    dtype: str
    n: int
    op: str
    median_s: float
    ns_per_element: float
    ratio_to_expit: float
    ratio_to_relu: float


def operations() -> dict[str, tuple[str, Callable[[np.ndarray], object]]]:
    """Name -> (backend, function) of everything timed; torch ones only if it imports."""
    from scipy.special import expit

    def naive(x: np.ndarray) -> object:
        # Inputs here never overflow; the guard only keeps a warning filter quiet.
        with np.errstate(over="ignore"):
            return naive_sigmoid(x)

    ops: dict[str, tuple[str, Callable[[np.ndarray], object]]] = {
        "sigmoid": ("numpy", sigmoid),
        "naive_sigmoid": ("numpy", naive),
        "expit": ("scipy", expit),
        "relu": ("numpy", relu),
        "tanh": ("numpy", tanh),
        "hard_sigmoid": ("numpy", hard_sigmoid),
        "exp": ("numpy", np.exp),
        "copy": ("numpy", np.copy),
    }
    try:
        import torch
    except ImportError:
        return ops
    # from_numpy shares memory, so only the activation itself is timed.
    ops["torch_sigmoid"] = ("torch-cpu", lambda x: torch.sigmoid(torch.from_numpy(x)))
    ops["torch_relu"] = ("torch-cpu", lambda x: torch.relu(torch.from_numpy(x)))
    return ops


def _reps_for(n: int, quick: bool) -> int:
    # About the same total work per size: many repetitions for small arrays.
    reps = int(min(300, max(7, 3e7 / n)))
    return max(3, reps // 10) if quick else reps


def run(
    sizes: Sequence[int] = DEFAULT_SIZES,
    dtypes: Sequence[str] = DEFAULT_DTYPES,
    *,
    quick: bool = False,
    seed: int = 0,
) -> list[BenchRow]:
    """Time every operation on N(0, 4²) data of each size and dtype; return the rows."""
    ops = operations()
    rng = np.random.default_rng(seed)
    rows: list[BenchRow] = []
    for dtype in dtypes:
        for n in sizes:
            x = (4.0 * rng.standard_normal(n)).astype(dtype)
            times: dict[str, list[float]] = {name: [] for name in ops}
            names = list(ops)
            for _ in range(_reps_for(n, quick)):
                rng.shuffle(names)  # no operation always runs first, or right after another
                for name in names:
                    fn = ops[name][1]
                    t0 = time.perf_counter()
                    fn(x)
                    times[name].append(time.perf_counter() - t0)
            med = {name: statistics.median(ts) for name, ts in times.items()}
            for name, (backend, _) in ops.items():
                rows.append(
                    BenchRow(
                        backend=backend,
                        dtype=dtype,
                        n=n,
                        op=name,
                        median_s=med[name],
                        ns_per_element=med[name] / n * 1e9,
                        ratio_to_expit=med[name] / med["expit"],
                        ratio_to_relu=med[name] / med["relu"],
                    )
                )
    return rows


def provenance() -> dict[str, object]:
    """Where and how the numbers were measured."""
    import scipy

    try:
        import torch

        torch_version: str | None = torch.__version__
        torch_threads: int | None = torch.get_num_threads()
    except ImportError:
        torch_version = torch_threads = None
    machine = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                machine = line.split(":", 1)[1].strip()
                break
    try:
        from numpy._core._multiarray_umath import __cpu_features__ as features
    except ImportError:  # NumPy < 2
        from numpy.core._multiarray_umath import __cpu_features__ as features
    simd = [name for name in ("AVX2", "FMA3", "AVX512F", "ASIMD", "SVE") if features.get(name)]
    return {
        "machine": machine,
        "architecture": platform.machine(),
        "simd": simd,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "torch": torch_version,
        "torch_threads": torch_threads,
        "date": _dt.date.today().isoformat(),
        "method": (
            "median of interleaved repetitions in one process (operation order shuffled "
            "each repetition); input N(0, 4^2), seeded; each call allocates its result; "
            "single-threaded NumPy/SciPy"
        ),
        "command": (
            "python -m sigmoid_guide.bench --json sigmoid_guide/data/cpu_activation_cost.json"
        ),
    }


def format_table(rows: Sequence[BenchRow]) -> str:
    """Render the rows as a fixed-width text table, one block per dtype and size."""
    lines = []
    header = f"{'op':<15}{'median':>12}{'ns/elem':>10}{'/expit':>9}{'/relu':>8}"
    key = None
    for row in rows:
        if (row.dtype, row.n) != key:
            key = (row.dtype, row.n)
            lines += ["", f"{row.dtype}, n = {row.n:,}", header]
        lines.append(
            f"{row.op:<15}{row.median_s * 1e6:>10.1f}us{row.ns_per_element:>10.2f}"
            f"{row.ratio_to_expit:>9.2f}{row.ratio_to_relu:>8.2f}"
        )
    return "\n".join(lines)


def format_targets(rows: Sequence[BenchRow]) -> str:
    """Say for each target whether it was met in this run."""
    lines = ["", "targets (sigmoid time / expit time):"]
    by_key = {(r.dtype, r.n, r.op): r for r in rows}
    exp_note = []
    for (dtype, n), limit in TARGETS.items():
        row = by_key.get((dtype, n, "sigmoid"))
        if row is None:
            continue
        verdict = "met" if row.ratio_to_expit <= limit else "NOT met"
        lines.append(f"  {dtype} n={n:,}: {row.ratio_to_expit:.2f} (<= {limit}) {verdict}")
        exp_row = by_key[(dtype, n, "exp")]
        exp_note.append(f"{exp_row.ratio_to_expit:.2f}")
    # On small arrays every extra ufunc call costs about a microsecond, so the float32
    # target is judged where the per-element work dominates, like the float64 ones.
    f32 = [r for r in rows if r.dtype == "float32" and r.op == "sigmoid"]
    big = [r.ratio_to_expit for r in f32 if r.n >= 100_000]
    if big:
        verdict = "met" if max(big) <= 1.0 else "NOT met"
        lines.append(f"  float32 n >= 100,000: worst {max(big):.2f} (<= 1.0) {verdict}")
    for r in f32:
        if r.n < 100_000:
            lines.append(f"  float32 n={r.n:,}: {r.ratio_to_expit:.2f} (call overhead, no target)")
    if exp_note:
        lines.append(
            "  np.exp alone / expit at those sizes: "
            + ", ".join(exp_note)
            + " (a NumPy sigmoid needs at least one exp)"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point: print the table, optionally write JSON."""
    parser = argparse.ArgumentParser(prog="python -m sigmoid_guide.bench", description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument(
        "--dtypes", nargs="+", default=list(DEFAULT_DTYPES), choices=["float32", "float64"]
    )
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (noisier)")
    parser.add_argument("--json", type=Path, help="also write rows and provenance here")
    args = parser.parse_args(argv)
    if any(n <= 0 for n in args.sizes):
        parser.error("sizes must be positive")
    rows = run(args.sizes, args.dtypes, quick=args.quick)
    prov = provenance()
    print(
        f"{prov['machine']} ({', '.join(prov['simd'])}), {prov['cores']} cores, "
        f"NumPy {prov['numpy']}, SciPy {prov['scipy']}, torch {prov['torch']}"
    )
    print(format_table(rows))
    print(format_targets(rows))
    if args.json:
        data = {"provenance": prov, "rows": [asdict(r) for r in rows]}
        args.json.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
