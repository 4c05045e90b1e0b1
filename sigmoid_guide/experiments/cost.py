"""Cost of exp: reads the committed benchmark results; never times anything itself.

Timings taken during a docs build would make the site differ from build to build and
machine to machine, so the figures show stored measurements with their provenance:

* ``data/cpu_activation_cost.json``, written by ``python -m sigmoid_guide.bench --json``
  (NumPy/SciPy, optionally PyTorch on CPU): per SIMD path of NumPy (AVX2, baseline, ...),
  per backend, dtype, size and operation, the median time and its ratios to ReLU, to
  SciPy's expit and to the floor (``np.exp`` then one divide), and the sigmoid kernel's
  time pass by pass;
* ``data/h100_activation_cost.json``: PyTorch on one H100 GPU: throughput (GB/s, bytes
  read plus written) per operation and size, and a fused chain of 64 activations per
  element that makes the work compute-bound.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

__all__ = [
    "CostResult",
    "CpuCost",
    "CpuPass",
    "CpuRow",
    "GpuCost",
    "load_cpu_cost",
    "load_cpu_paths",
    "load_gpu_cost",
    "run_cost",
]

CPU_FILE = "cpu_activation_cost.json"
GPU_FILE = "h100_activation_cost.json"
_CPU_ROW_KEYS = ("backend", "dtype", "n", "op", "median_s", "ns_per_element", "ratio_to_relu")
_CPU_PROVENANCE_KEYS = ("machine", "cores", "python", "numpy", "date", "method", "command")
_CPU_PATH_KEYS = ("simd_path", "label", "rows")
_CPU_PASS_KEYS = ("dtype", "n", "name", "median_s", "ratio_to_expit")
#: GPU operations in the order they are drawn.
GPU_OPS: tuple[str, ...] = ("copy", "relu", "sigmoid", "tanh", "exp", "hardsigmoid", "silu")


@dataclass(frozen=True)
class CpuRow:
    """One CPU measurement (one backend, dtype, size and operation)."""

    backend: str
    dtype: str
    n: int
    op: str
    median_s: float
    ns_per_element: float
    ratio_to_relu: float
    ratio_to_expit: float = float("nan")
    ratio_to_floor: float = float("nan")


@dataclass(frozen=True)
class CpuPass:
    """One pass of the sigmoid kernel (negative, exp, add, divide, other), timed alone."""

    dtype: str
    n: int
    name: str
    median_s: float
    ratio_to_expit: float


@dataclass(frozen=True)
class CpuCost:
    """The CPU benchmark results of one SIMD path: provenance, rows and kernel passes.

    Attributes:
        provenance: the file's provenance (machine, CPU features, versions, date,
            method), the same for every path.
        rows: one per backend, dtype, size and operation.
        simd_path: ``"avx512"``, ``"avx2"``, ``"baseline"`` ... (the keys of
            ``sigmoid_guide.bench.TARGETS``); ``"unknown"`` in files written before
            the benchmark named paths.
        label: e.g. ``"AVX2 (X86_V3)"``.
        disable: the ``NPY_DISABLE_CPU_FEATURES`` value it was measured with ("" for
            NumPy's own choice on that machine).
        numpy_default: whether this is the path NumPy picks there by itself.
        passes: the sigmoid kernel's passes.
    """

    provenance: Mapping[str, Any]
    rows: tuple[CpuRow, ...]
    simd_path: str = "unknown"
    label: str = "unknown"
    disable: str = ""
    numpy_default: bool = True
    passes: tuple[CpuPass, ...] = ()

    def sizes(self) -> list[int]:
        """Array sizes measured, ascending."""
        return sorted({r.n for r in self.rows})

    def dtypes(self) -> list[str]:
        """Dtypes measured, in the order float32, float64, then any other."""
        found = {r.dtype for r in self.rows}
        return [d for d in ("float32", "float64") if d in found] + sorted(
            found - {"float32", "float64"}
        )

    def series(self, n: int) -> list[tuple[str, str]]:
        """(backend, op) pairs measured at size ``n``, in first-seen order."""
        return list(dict.fromkeys((r.backend, r.op) for r in self.rows if r.n == n))

    def ratio(self, backend: str, op: str, dtype: str, n: int) -> float:
        """Time of ``op`` divided by ReLU's (same backend, dtype and n); nan if absent."""
        for r in self.rows:
            if (r.backend, r.op, r.dtype, r.n) == (backend, op, dtype, n):
                return r.ratio_to_relu
        return float("nan")

    def ratio_to_expit(self, op: str, dtype: str, n: int) -> float:
        """Time of ``op`` (any backend) divided by SciPy expit's, same dtype and n; nan if
        absent."""
        for r in self.rows:
            if (r.op, r.dtype, r.n) == (op, dtype, n):
                return r.ratio_to_expit
        return float("nan")

    def pass_ratio(self, name: str, dtype: str, n: int) -> float:
        """Time of the kernel pass ``name`` divided by expit's time; nan if absent."""
        for p in self.passes:
            if (p.name, p.dtype, p.n) == (name, dtype, n):
                return p.ratio_to_expit
        return float("nan")


@dataclass(frozen=True)
class GpuCost:
    """The GPU file: throughput per op and size, and the fused compute-bound chain.

    Attributes:
        provenance: the file's provenance block.
        device: GPU name.
        dtypes: dtypes measured, e.g. ``("float32", "bfloat16")``.
        sizes: dtype -> element counts, ascending.
        ops: operations measured (subset of ``GPU_OPS``, in that order).
        gbps: dtype -> array (len(ops), len(sizes)) of GB/s.
        seconds: dtype -> array (len(ops), len(sizes)) of seconds.
        fused_seconds: op -> seconds for the 64-fold fused chain (empty if absent).
        fused_ratio_to_relu: op -> fused time divided by ReLU's.
        fused_n: element count of the fused measurement (0 if absent).
    """

    provenance: Mapping[str, Any]
    device: str
    dtypes: tuple[str, ...]
    sizes: dict[str, np.ndarray]
    ops: tuple[str, ...]
    gbps: dict[str, np.ndarray]
    seconds: dict[str, np.ndarray]
    fused_seconds: dict[str, float]
    fused_ratio_to_relu: dict[str, float]
    fused_n: int


@dataclass(frozen=True)
class CostResult:
    """Both benchmark files, parsed: ``cpu`` is the path NumPy picks by itself on the
    benchmark machine, ``cpu_paths`` every path measured there (that one first)."""

    cpu: CpuCost
    gpu: GpuCost
    cpu_paths: tuple[CpuCost, ...] = ()


def _require(obj: Mapping[str, Any], keys: tuple[str, ...], where: str) -> None:
    missing = [k for k in keys if k not in obj]
    if missing:
        raise ValueError(f"{where}: missing key(s) {', '.join(missing)}")


def _read_json(path: Path | None, name: str) -> tuple[dict[str, Any], str]:
    if path is None:
        res = resources.files("sigmoid_guide") / "data" / name
        return json.loads(res.read_text(encoding="utf-8")), f"sigmoid_guide/data/{name}"
    return json.loads(Path(path).read_text(encoding="utf-8")), str(path)


def _cpu_rows(rows: list[Mapping[str, Any]], where: str) -> tuple[CpuRow, ...]:
    out = []
    for i, row in enumerate(rows):
        _require(row, _CPU_ROW_KEYS, f"{where} rows[{i}]")
        out.append(
            CpuRow(
                backend=str(row["backend"]),
                dtype=str(row["dtype"]),
                n=int(row["n"]),
                op=str(row["op"]),
                median_s=float(row["median_s"]),
                ns_per_element=float(row["ns_per_element"]),
                ratio_to_relu=float(row["ratio_to_relu"]),
                ratio_to_expit=float(row.get("ratio_to_expit", "nan")),
                ratio_to_floor=float(row.get("ratio_to_floor", "nan")),
            )
        )
    if not out:
        raise ValueError(f"{where}: no rows")
    return tuple(out)


def load_cpu_paths(path: Path | None = None) -> tuple[CpuCost, ...]:
    """Read every SIMD path of the CPU benchmark file (the packaged one when ``path`` is
    None), the path NumPy picks by itself on that machine first.

    Raises:
        ValueError: if a required key is missing (the message names the file and keys).
    """
    data, where = _read_json(path, CPU_FILE)
    _require(data, ("provenance",), where)
    _require(data["provenance"], _CPU_PROVENANCE_KEYS, f"{where} provenance")
    provenance = dict(data["provenance"])
    if "paths" not in data:  # written before the benchmark timed each SIMD path
        _require(data, ("rows",), where)
        return (CpuCost(provenance=provenance, rows=_cpu_rows(data["rows"], where)),)
    paths = []
    for i, rec in enumerate(data["paths"]):
        here = f"{where} paths[{i}]"
        _require(rec, _CPU_PATH_KEYS, here)
        passes = []
        for j, p in enumerate(rec.get("passes", [])):
            _require(p, _CPU_PASS_KEYS, f"{here} passes[{j}]")
            passes.append(
                CpuPass(
                    dtype=str(p["dtype"]),
                    n=int(p["n"]),
                    name=str(p["name"]),
                    median_s=float(p["median_s"]),
                    ratio_to_expit=float(p["ratio_to_expit"]),
                )
            )
        paths.append(
            CpuCost(
                provenance=provenance,
                rows=_cpu_rows(rec["rows"], here),
                simd_path=str(rec["simd_path"]),
                label=str(rec["label"]),
                disable=str(rec.get("npy_disable_cpu_features", "")),
                numpy_default=bool(rec.get("numpy_default", i == 0)),
                passes=tuple(passes),
            )
        )
    if not paths:
        raise ValueError(f"{where}: no paths")
    return tuple(paths)


def load_cpu_cost(path: Path | None = None, simd_path: str | None = None) -> CpuCost:
    """Read one SIMD path of the CPU benchmark file (the packaged one when ``path`` is
    None): ``simd_path`` (``"avx2"``, ``"baseline"``, ...), or when None the path NumPy
    picks by itself on the benchmark machine.

    Raises:
        ValueError: if a required key is missing (the message names the file and keys),
            or the file has no path ``simd_path``.
    """
    paths = load_cpu_paths(path)
    if simd_path is None:
        return paths[0]
    for p in paths:
        if p.simd_path == simd_path:
            return p
    known = ", ".join(p.simd_path for p in paths)
    raise ValueError(f"no SIMD path {simd_path!r} in the CPU file; it has {known}")


def load_gpu_cost(path: Path | None = None) -> GpuCost:
    """Read the GPU benchmark file (the packaged H100 one when ``path`` is None).

    Raises:
        ValueError: if a required key is missing.
    """
    data, where = _read_json(path, GPU_FILE)
    _require(data, ("gpu", "gpu_rows", "provenance"), where)
    rows = data["gpu_rows"]
    # "torch.float32" -> "float32": the figure speaks of dtypes, not of torch.
    dtypes = tuple(dict.fromkeys(str(r["dtype"]).removeprefix("torch.") for r in rows))
    ops = tuple(op for op in GPU_OPS if all(f"{op}_GBps" in r for r in rows))
    if "relu" not in ops:
        raise ValueError(f"{where}: gpu_rows lack relu_GBps")
    sizes: dict[str, np.ndarray] = {}
    gbps: dict[str, np.ndarray] = {}
    secs: dict[str, np.ndarray] = {}
    for dt in dtypes:
        mine = sorted(
            (r for r in rows if str(r["dtype"]).removeprefix("torch.") == dt),
            key=lambda r: int(r["n"]),
        )
        sizes[dt] = np.array([int(r["n"]) for r in mine])
        gbps[dt] = np.array([[float(r[f"{op}_GBps"]) for r in mine] for op in ops])
        secs[dt] = np.array([[float(r[f"{op}_s"]) for r in mine] for op in ops])
    fused_raw = data.get("gpu_fused_chain64_n1e7", {})
    fused = {
        k.removesuffix("_x64_fused_s"): float(v)
        for k, v in fused_raw.items()
        if k.endswith("_x64_fused_s")
    }
    fused_ratio = {k: v / fused["relu"] for k, v in fused.items()} if "relu" in fused else {}
    return GpuCost(
        provenance=dict(data["provenance"]),
        device=str(data["gpu"]),
        dtypes=dtypes,
        sizes=sizes,
        ops=ops,
        gbps=gbps,
        seconds=secs,
        fused_seconds=fused,
        fused_ratio_to_relu=fused_ratio,
        # The key name records the size of the fused measurement: 1e7 elements.
        fused_n=10_000_000 if fused else 0,
    )


def run_cost() -> CostResult:
    """Load both packaged benchmark files."""
    paths = load_cpu_paths()
    return CostResult(cpu=paths[0], gpu=load_gpu_cost(), cpu_paths=paths)
