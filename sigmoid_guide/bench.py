"""Benchmark of sigmoid against scipy.special.expit, a floor, ReLU, exp and a plain copy.

Run ``python -m sigmoid_guide.bench`` (or ``python3 dev.py bench``). Every operation is
timed in the same process, interleaved in a shuffled order on every repetition, and the
median is reported, so that ratios between operations stay meaningful on a noisy machine;
absolute times are not. Each operation allocates its result, as a caller would.

NumPy picks a SIMD code path at run time (on x86-64: baseline, AVX2 or AVX-512), and
float64 ``exp`` is vectorised only on some of them, so the ratios depend on the path. The
benchmark times every path this machine can run: the one NumPy picks in this process,
then each lower one in a new process of its own with ``NPY_DISABLE_CPU_FEATURES`` set
(``--this-path-only`` times just the first). Each table says which path it is.

Beside each sigmoid/expit ratio it prints the *floor*: [`floor`][], ``np.exp`` then one
``np.divide``, the least arithmetic any NumPy sigmoid needs, measured in the same run.
It also times each pass of [`sigmoid_kernel`][sigmoid_guide.kernels.sigmoid_kernel]
separately ([`kernel_passes`][]), so a reader can see where the time goes and whether a
goal is out of reach on a path.

``--json PATH`` also writes the rows of every path with their provenance (machine, CPU
features, versions, date, method, SIMD path); the site's "cost of exp" page shows the
committed file ``sigmoid_guide/data/cpu_activation_cost.json`` written this way, never
timings taken while the site is built.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from .activations import hard_sigmoid, naive_sigmoid, relu, sigmoid, tanh

__all__ = [
    "PASSES",
    "TARGETS",
    "BenchRow",
    "Measurement",
    "PassRow",
    "SimdPath",
    "floor",
    "kernel_passes",
    "main",
    "operations",
    "run",
    "simd_paths",
]

DEFAULT_SIZES = (1_000, 100_000, 1_000_000, 10_000_000)
DEFAULT_DTYPES = ("float32", "float64")
_GOAL_SIZES = (100_000, 1_000_000, 10_000_000)
_FLOAT32_GOALS = {("float32", n): 0.7 for n in _GOAL_SIZES}
#: Goals from the project's issue 10, per SIMD path (the ids of ``simd_paths()``):
#: sigmoid time / expit time must not exceed these. The baseline path has a float32
#: goal only ("float32 <= 0.7 everywhere").
TARGETS: dict[str, dict[tuple[str, int], float]] = {
    "avx512": {
        ("float64", 100_000): 0.5,
        ("float64", 1_000_000): 0.6,
        ("float64", 10_000_000): 0.7,
        **_FLOAT32_GOALS,
    },
    "avx2": {
        ("float64", 100_000): 1.0,
        ("float64", 1_000_000): 1.0,
        ("float64", 10_000_000): 1.1,
        **_FLOAT32_GOALS,
    },
    "baseline": dict(_FLOAT32_GOALS),
}
#: Elements per block in ``floor`` and ``kernel_passes``: the block size of
#: ``sigmoid_guide.kernels.sigmoid_kernel``.
BLOCK = 1 << 16
# The x86-64 SIMD levels above the baseline, best first: (id, name, dispatch targets).
# NumPy 2.4 names the levels X86_V3 (AVX2) and X86_V4 (AVX-512, with AVX512_ICL and
# AVX512_SPR above it); older NumPy names the single features (AVX2, AVX512F, ...).
_TIERS = (
    ("avx512", "AVX-512", lambda t: t == "X86_V4" or t.startswith("AVX512")),
    ("avx2", "AVX2", lambda t: t in {"X86_V3", "AVX2", "FMA3", "AVX", "F16C", "FMA4", "XOP"}),
)
_ENV = "NPY_DISABLE_CPU_FEATURES"


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
    ratio_to_floor: float
    ratio_to_relu: float


@dataclass(frozen=True)
class PassRow:
    """Median time of one pass of the sigmoid kernel (see [`kernel_passes`][])."""

    dtype: str
    n: int
    name: str
    median_s: float
    ns_per_element: float
    ratio_to_expit: float


@dataclass(frozen=True)
class Measurement:
    """The rows of one run on one SIMD path."""

    rows: list[BenchRow]
    passes: list[PassRow]


@dataclass(frozen=True)
class SimdPath:
    """One SIMD code path of NumPy on this machine.

    Attributes:
        id: ``"avx512"``, ``"avx2"``, ``"baseline"`` (or ``"native"`` for the best path
            of a CPU that is not x86-64), the keys of ``TARGETS``.
        label: e.g. ``"AVX2 (X86_V3)"``: the path and its best dispatch target.
        disable: the value of ``NPY_DISABLE_CPU_FEATURES`` that selects the path ("" when
            this process runs it without the variable).
        enabled: NumPy's dispatch targets that stay on.
    """

    id: str
    label: str
    disable: str
    enabled: tuple[str, ...]


def _cpu_module():
    try:
        from numpy._core import _multiarray_umath as m
    except ImportError:  # NumPy < 2
        from numpy.core import _multiarray_umath as m
    return m


def simd_paths() -> list[SimdPath]:
    """The SIMD paths NumPy can take on this machine, best first; the first is this process's.

    Lower paths are reached by adding the dispatch targets above them to
    ``NPY_DISABLE_CPU_FEATURES`` (a feature the CPU lacks cannot be switched on, so
    higher paths than this process's are not listed).

    Examples:
        The baseline is always last:

        >>> simd_paths()[-1].id
        'baseline'
    """
    m = _cpu_module()
    found = [t for t in m.__cpu_dispatch__ if m.__cpu_features__.get(t)]
    already = [t for t in os.environ.get(_ENV, "").replace(",", " ").split() if t]

    def path(id_: str, label: str, enabled: Sequence[str]) -> SimdPath:
        # This process's own path needs nothing more; a lower one switches off every
        # target above it, also those this CPU lacks, so that the value names the same
        # path on any machine.
        lower = len(enabled) < len(found)
        more = [t for t in m.__cpu_dispatch__ if t not in enabled] if lower else []
        return SimdPath(id_, label, ",".join(dict.fromkeys(already + more)), tuple(enabled))

    paths = []
    above: list[str] = []
    for tier, name, member in _TIERS:
        mine = [t for t in found if member(t)]
        if mine:
            paths.append(path(tier, f"{name} ({mine[0]})", [t for t in found if t not in above]))
            above += mine
    if found and not paths:  # not x86-64: name the best path by its targets
        paths.append(path("native", f"native ({', '.join(found)})", found))
    return [*paths, path("baseline", f"baseline ({', '.join(m.__cpu_baseline__)})", [])]


def floor(x: np.ndarray) -> np.ndarray:
    """The floor of a NumPy sigmoid: ``np.exp``, then one ``np.divide``, into a new array.

    Any sigmoid made of NumPy ufuncs needs at least one exp pass and one divide pass over
    the data, and a new result array: ``1 / (1 + exp(-x))`` and ``e / (1 + e)`` both
    divide. This does exactly that and nothing else (no ``1 +``, no care for overflow),
    block by block like the kernel, so that each block is read from memory once: it is
    the cheapest honest lower bound on the time of a NumPy sigmoid. It returns
    ``exp(-x)``, which is not a sigmoid; only its time matters.

    Examples:
        >>> floor(np.zeros(3))
        array([1., 1., 1.])
    """
    out = np.empty(x.shape, x.dtype)
    src, flat = np.ravel(x), out.reshape(-1)
    for start in range(0, flat.size, BLOCK):
        part = flat[start : start + BLOCK]
        np.exp(src[start : start + BLOCK], out=part)
        np.divide(1.0, part, out=part)
    return out


#: Names of the passes ``kernel_passes`` times, in the order they run.
PASSES = ("negative", "exp", "add", "divide", "other")


def kernel_passes(x: np.ndarray) -> tuple[np.ndarray, dict[str, float]]:
    """Run [`sigmoid_kernel`][sigmoid_guide.kernels.sigmoid_kernel] with a clock on each pass.

    The same computation, step by step (the tests check that the result is identical):
    ``negative`` (which reads ``x`` from memory and writes the new result array for the
    first time), ``exp``, ``add`` (1 + e), ``divide``, and ``other``: everything else
    (allocating, the Python loop, the floating-point flags, the rare fix-up for
    x < -709.78). Returns the result and the seconds spent in each pass, summed over
    the blocks.
    """
    clock = time.perf_counter
    t_start = clock()
    spent = dict.fromkeys(PASSES, 0.0)
    out = np.empty(x.shape, x.dtype)
    src, flat = np.ravel(x), out.reshape(-1)
    overflowed = []
    with np.errstate(over="call", under="ignore", call=lambda *_: overflowed.append(True)):
        for start in range(0, flat.size, BLOCK):
            part = flat[start : start + BLOCK]
            t0 = clock()
            np.negative(src[start : start + BLOCK], out=part)
            t1 = clock()
            np.exp(part, out=part)
            t2 = clock()
            part += 1.0
            t3 = clock()
            np.divide(1.0, part, out=part)
            t4 = clock()
            spent["negative"] += t1 - t0
            spent["exp"] += t2 - t1
            spent["add"] += t3 - t2
            spent["divide"] += t4 - t3
        if overflowed:
            tail = out == 0
            out[tail] = np.exp(x[tail].astype(np.float64)).astype(x.dtype)
    spent["other"] = clock() - t_start - sum(spent.values())
    return out, spent


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
        "floor": ("numpy", floor),
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


def _reps_for(n: int, quick: bool, repeat: int = 1) -> int:
    # About the same total work per size: many repetitions for small arrays.
    reps = int(min(300, max(15, 6e7 / n)))
    return max(3, reps // 10) if quick else reps * repeat


def run(
    sizes: Sequence[int] = DEFAULT_SIZES,
    dtypes: Sequence[str] = DEFAULT_DTYPES,
    *,
    quick: bool = False,
    repeat: int = 1,
    seed: int = 0,
    passes_for: Sequence[str] = DEFAULT_DTYPES,
) -> Measurement:
    """Time every operation on N(0, 4²) data of each size and dtype, on this process's
    SIMD path; for the dtypes in ``passes_for`` also time the kernel pass by pass."""
    ops = operations()
    rng = np.random.default_rng(seed)
    rows: list[BenchRow] = []
    pass_rows: list[PassRow] = []
    for dtype in dtypes:
        for n in sizes:
            x = (4.0 * rng.standard_normal(n)).astype(dtype)
            times: dict[str, list[float]] = {name: [] for name in ops}
            per_pass: dict[str, list[float]] = {name: [] for name in PASSES}
            # The instrumented kernel takes its turn in the shuffled order like the others.
            names = [*ops, "(passes)"] if dtype in passes_for else list(ops)
            for _ in range(_reps_for(n, quick, repeat)):
                rng.shuffle(names)  # no operation always runs first, or right after another
                for name in names:
                    if name == "(passes)":
                        for key, seconds in kernel_passes(x)[1].items():
                            per_pass[key].append(seconds)
                        continue
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
                        ratio_to_floor=med[name] / med["floor"],
                        ratio_to_relu=med[name] / med["relu"],
                    )
                )
            if dtype in passes_for:
                for name in PASSES:
                    m = statistics.median(per_pass[name])
                    pass_rows.append(PassRow(dtype, n, name, m, m / n * 1e9, m / med["expit"]))
    return Measurement(rows=rows, passes=pass_rows)


def _features() -> list[str]:
    """The CPU features NumPy found (single features, not its groups), in NumPy's order."""
    m = _cpu_module()
    groups = set(m.__cpu_dispatch__) | set(m.__cpu_baseline__)
    return [name for name, on in m.__cpu_features__.items() if on and name not in groups]


def provenance() -> dict[str, object]:
    """Where and how the numbers were measured (the same for every SIMD path)."""
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
    features = _features()
    simd = [name for name in ("AVX2", "FMA3", "AVX512F", "ASIMD", "SVE") if name in features]
    return {
        "machine": machine,
        "architecture": platform.machine(),
        "simd": simd,
        "cpu_features": features,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "torch": torch_version,
        "torch_threads": torch_threads,
        "date": _dt.date.today().isoformat(),
        "method": (
            "median of interleaved repetitions in one process per SIMD path (operation "
            "order shuffled each repetition); input N(0, 4^2), seeded; each call "
            "allocates its result; single-threaded NumPy/SciPy"
        ),
        "floor": (
            "np.exp into a new array, then np.divide(1, e) in place, in blocks of "
            f"{BLOCK} elements: the least work of any NumPy sigmoid"
        ),
        "command": (
            "python -m sigmoid_guide.bench --json sigmoid_guide/data/cpu_activation_cost.json"
        ),
    }


def format_table(rows: Sequence[BenchRow]) -> str:
    """Render the rows as a fixed-width text table, one block per dtype and size."""
    lines = []
    header = f"{'op':<15}{'median':>12}{'ns/elem':>10}{'/expit':>9}{'/floor':>8}{'/relu':>8}"
    key = None
    for row in rows:
        if (row.dtype, row.n) != key:
            key = (row.dtype, row.n)
            lines += ["", f"{row.dtype}, n = {row.n:,}", header]
        lines.append(
            f"{row.op:<15}{row.median_s * 1e6:>10.1f}us{row.ns_per_element:>10.2f}"
            f"{row.ratio_to_expit:>9.2f}{row.ratio_to_floor:>8.2f}{row.ratio_to_relu:>8.2f}"
        )
    return "\n".join(lines)


def format_passes(passes: Sequence[PassRow], rows: Sequence[BenchRow]) -> str:
    """The kernel pass by pass, in units of expit's time, beside the floor and sigmoid."""
    if not passes:
        return ""
    by_key = {(r.dtype, r.n, r.op): r for r in rows}
    lines = [
        "",
        "sigmoid_kernel pass by pass, median time / expit's (negative reads x from memory",
        "and writes the new result array first; other: allocation, Python, flags):",
        f"  {'dtype':<8}{'n':>11}"
        + "".join(f"{p:>9}" for p in [*PASSES, "sum", "floor", "sigmoid"]),
    ]
    for dtype, n in dict.fromkeys((p.dtype, p.n) for p in passes):
        mine = {p.name: p.ratio_to_expit for p in passes if (p.dtype, p.n) == (dtype, n)}
        cells = [*(mine[p] for p in PASSES), sum(mine.values())]
        cells += [by_key[(dtype, n, op)].ratio_to_expit for op in ("floor", "sigmoid")]
        lines.append(f"  {dtype:<8}{n:>11,}" + "".join(f"{c:>9.2f}" for c in cells))
    return "\n".join(lines)


def format_targets(rows: Sequence[BenchRow], path: str, label: str | None = None) -> str:
    """Say for each goal of ``path`` whether it was met in this run, with the floor."""
    goals = TARGETS.get(path, {})
    lines = [f"goals on the {label or path} path: sigmoid / expit, and floor / expit:"]
    by_key = {(r.dtype, r.n, r.op): r for r in rows}
    for dtype, n in dict.fromkeys((r.dtype, r.n) for r in rows):
        sig, flo = by_key[(dtype, n, "sigmoid")], by_key[(dtype, n, "floor")]
        text = f"  {dtype} n={n:>10,}: {sig.ratio_to_expit:.3f}, floor {flo.ratio_to_expit:.3f}"
        limit = goals.get((dtype, n))
        if limit is None:
            # On small arrays every extra ufunc call costs about a microsecond.
            text += " (no goal)"
        elif sig.ratio_to_expit <= limit:
            text += f" (goal <= {limit}) met"
        else:
            reach = "the floor is above it" if flo.ratio_to_expit > limit else "the floor is not"
            text += f" (goal <= {limit}) NOT met; {reach}"
        lines.append(text)
    return "\n".join(lines)


def _path_record(path: SimdPath, m: Measurement, default: bool) -> dict[str, object]:
    return {
        "simd_path": path.id,
        "label": path.label,
        "npy_disable_cpu_features": path.disable,
        "dispatch_enabled": list(path.enabled),
        "numpy_default": default,
        "rows": [asdict(r) for r in m.rows],
        "passes": [asdict(p) for p in m.passes],
    }


def _report(path: SimdPath, m: Measurement, note: str) -> None:
    print(f"\n=== SIMD path: {path.label}, {note} ===")
    print(format_table(m.rows))
    print(format_passes(m.passes, m.rows))
    print("\n" + format_targets(m.rows, path.id, path.label))
    sys.stdout.flush()


def _run_child(path: SimdPath, args: argparse.Namespace) -> dict[str, object]:
    """Time ``path`` in a new process with NPY_DISABLE_CPU_FEATURES set; return its record."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "path.json"
        command = [sys.executable, "-m", "sigmoid_guide.bench", "--this-path-only",
                   "--sizes", *map(str, args.sizes), "--dtypes", *args.dtypes,
                   "--json", str(out)]  # fmt: skip
        if args.quick:
            command.append("--quick")
        command += ["--repeat", str(args.repeat)]
        env = {**os.environ, _ENV: path.disable}
        subprocess.run(command, env=env, check=True)
        record = json.loads(out.read_text(encoding="utf-8"))["paths"][0]
    if record["simd_path"] != path.id:
        raise RuntimeError(
            f"{_ENV}={path.disable} ran the {record['simd_path']} path, not {path.id}"
        )
    return record


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point: print the tables of every SIMD path, optionally write JSON."""
    parser = argparse.ArgumentParser(
        prog="python -m sigmoid_guide.bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument(
        "--dtypes", nargs="+", default=list(DEFAULT_DTYPES), choices=["float32", "float64"]
    )
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (noisier)")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        metavar="K",
        help="K times the repetitions (steadier medians on a busy machine)",
    )
    parser.add_argument("--json", type=Path, help="also write rows and provenance here")
    parser.add_argument(
        "--this-path-only",
        action="store_true",
        help=f"time only the SIMD path this process runs (set {_ENV} to choose it)",
    )
    args = parser.parse_args(argv)
    if any(n <= 0 for n in args.sizes):
        parser.error("sizes must be positive")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    paths = simd_paths()
    if args.this_path_only:
        paths = paths[:1]
    prov = provenance()
    prov["arguments"] = " ".join(sys.argv[1:] if argv is None else argv)
    print(
        f"{prov['machine']} ({', '.join(prov['simd'])}), {prov['cores']} cores, "
        f"NumPy {prov['numpy']}, SciPy {prov['scipy']}, torch {prov['torch']}"
    )
    print("SIMD paths: " + "; ".join(f"{p.label} [{_ENV}={p.disable!r}]" for p in paths))
    inherited = os.environ.get(_ENV, "")
    first = paths[0]
    m = run(args.sizes, args.dtypes, quick=args.quick, repeat=args.repeat)
    note = f"{_ENV}={inherited!r}" if inherited else "NumPy's own choice on this machine"
    _report(first, m, note)
    records = [_path_record(first, m, default=not inherited)]
    for path in paths[1:]:
        print(f"\n(timing the {path.label} path in a new process, {_ENV}={path.disable})")
        sys.stdout.flush()
        records.append(_run_child(path, args))
    if len(records) > 1:
        print("\nsummary: sigmoid time / expit time, floor / expit beside, per SIMD path")
        for rec in records:
            rows = [BenchRow(**r) for r in rec["rows"]]  # type: ignore[arg-type]
            print(format_targets(rows, str(rec["simd_path"]), str(rec["label"])))
    if args.json:
        data = {"schema": 2, "provenance": prov, "paths": records}
        args.json.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
