"""Cost experiment: reading the stored benchmark files (nothing is timed here)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from sigmoid_guide.experiments.cost import load_cpu_cost, load_cpu_paths, load_gpu_cost, run_cost
from sigmoid_guide.figures import figure_context, save_svg
from sigmoid_guide.figures.cost import alt_cpu, draw_cpu

PROVENANCE = {
    "machine": "Test CPU",
    "cores": 2,
    "python": "3.11.7",
    "numpy": "2.4.6",
    "scipy": "1.17.1",
    "torch": None,
    "date": "2026-11-26",
    "method": "fixture",
    "command": "none",
}


def _row(backend: str, dtype: str, n: int, op: str, ratio: float) -> dict[str, object]:
    return {
        "backend": backend,
        "dtype": dtype,
        "n": n,
        "op": op,
        "median_s": ratio * 1e-3,
        "ns_per_element": ratio * 1e6 / n,
        "ratio_to_expit": ratio / 4,
        "ratio_to_floor": ratio / 3,
        "ratio_to_relu": ratio,
    }


def _rows(scale: float = 1.0) -> list[dict[str, object]]:
    rows = [
        _row("numpy", dt, n, op, r * scale)
        for dt in ("float32", "float64")
        for n in (1000, 100_000)
        for op, r in (("relu", 1.0), ("sigmoid", 2.5), ("exp", 1.5), ("new_op", 3.0))
    ]
    rows.append(_row("torch-cpu", "float32", 100_000, "sigmoid", 1.2))
    return rows


def _path(simd: str, label: str, disable: str, scale: float) -> dict[str, object]:
    passes = [
        {"dtype": "float64", "n": 100_000, "name": name, "median_s": r * 1e-3,
         "ns_per_element": r * 10, "ratio_to_expit": r}
        for name, r in (("negative", 0.04), ("exp", 0.7), ("add", 0.03), ("divide", 0.1),
                        ("other", 0.02))
    ]  # fmt: skip
    return {
        "simd_path": simd,
        "label": label,
        "npy_disable_cpu_features": disable,
        "dispatch_enabled": ["X86_V3"] if simd == "avx2" else [],
        "numpy_default": not disable,
        "rows": _rows(scale),
        "passes": passes,
    }


@pytest.fixture
def cpu_file(tmp_path: Path) -> Path:
    data = {
        "schema": 2,
        "provenance": PROVENANCE,
        "paths": [
            _path("avx2", "AVX2 (X86_V3)", "", 1.0),
            _path("baseline", "baseline (X86_V2)", "X86_V3,X86_V4", 2.0),
        ],
    }
    path = tmp_path / "cpu.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_fixture_file_is_read(cpu_file: Path) -> None:
    cpu = load_cpu_cost(cpu_file)
    assert (cpu.simd_path, cpu.label, cpu.disable, cpu.numpy_default) == (
        "avx2",
        "AVX2 (X86_V3)",
        "",
        True,
    )
    assert cpu.sizes() == [1000, 100_000]
    assert cpu.dtypes() == ["float32", "float64"]
    assert cpu.ratio("numpy", "sigmoid", "float64", 100_000) == 2.5
    assert cpu.ratio_to_expit("sigmoid", "float64", 100_000) == 2.5 / 4
    assert cpu.pass_ratio("exp", "float64", 100_000) == 0.7
    assert np.isnan(cpu.pass_ratio("exp", "float32", 100_000))
    assert np.isnan(cpu.ratio("torch-cpu", "sigmoid", "float64", 100_000))
    assert ("torch-cpu", "sigmoid") in cpu.series(100_000)


def test_every_simd_path_is_read(cpu_file: Path) -> None:
    paths = load_cpu_paths(cpu_file)
    assert [p.simd_path for p in paths] == ["avx2", "baseline"]
    base = load_cpu_cost(cpu_file, simd_path="baseline")
    assert base == paths[1]
    assert (base.disable, base.numpy_default) == ("X86_V3,X86_V4", False)
    assert base.ratio("numpy", "sigmoid", "float64", 100_000) == 5.0
    assert base.provenance == paths[0].provenance == PROVENANCE
    with pytest.raises(ValueError, match=r"no SIMD path 'avx512'.*avx2, baseline"):
        load_cpu_cost(cpu_file, simd_path="avx512")


def test_file_without_paths_is_read(tmp_path: Path) -> None:
    # Files written before the benchmark timed each SIMD path: one path, name unknown.
    path = tmp_path / "old.json"
    rows = [{k: v for k, v in r.items() if k != "ratio_to_floor"} for r in _rows()]
    path.write_text(json.dumps({"provenance": PROVENANCE, "rows": rows}), encoding="utf-8")
    (cpu,) = load_cpu_paths(path)
    assert cpu.simd_path == "unknown" and cpu.passes == ()
    assert cpu.ratio("numpy", "exp", "float32", 1000) == 1.5
    assert np.isnan(cpu.rows[0].ratio_to_floor)


def test_fixture_figure_renders(cpu_file: Path) -> None:
    # Unknown ops and backends keep their code names; the figure still renders.
    result = run_cost()
    fixture = type(result)(cpu=load_cpu_cost(cpu_file), gpu=result.gpu)
    for lang in ("ko", "en"):
        with figure_context():
            fig = draw_cpu(fixture, lang)
        assert save_svg(fig).startswith(b"<?xml")
        alt = alt_cpu(fixture, lang)
        assert "new_op" in alt
        assert "AVX2 (X86_V3)" in alt


def test_missing_keys_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"provenance": PROVENANCE, "rows": [{"op": "relu"}]}))
    with pytest.raises(ValueError, match=r"rows\[0\].*backend"):
        load_cpu_cost(path)
    bad_path = {"provenance": PROVENANCE, "paths": [{"simd_path": "avx2", "rows": []}]}
    path.write_text(json.dumps(bad_path))
    with pytest.raises(ValueError, match=r"paths\[0\].*label"):
        load_cpu_cost(path)
    path.write_text(json.dumps({"rows": []}))
    with pytest.raises(ValueError, match="provenance"):
        load_cpu_cost(path)


def test_packaged_cpu_file() -> None:
    paths = load_cpu_paths()
    cpu = paths[0]
    for key in ("machine", "numpy", "scipy", "date", "method", "floor", "command"):
        assert cpu.provenance[key]
    assert cpu.numpy_default and cpu.disable == ""
    # Every path NumPy can take on the benchmark machine, best first, the baseline last.
    assert paths[-1].simd_path == "baseline"
    assert len(paths) >= 2
    assert run_cost().cpu_paths == paths
    for p in paths:
        n = p.sizes()[-1]
        for dt in p.dtypes():
            assert p.ratio("numpy", "relu", dt, n) == pytest.approx(1.0)
            assert p.ratio_to_expit("expit", dt, n) == pytest.approx(1.0)
            # exp-based sigmoid costs more than ReLU on a CPU.
            assert p.ratio("numpy", "sigmoid", dt, n) > 1.0
            for size in p.sizes():
                assert {q.name for q in p.passes if (q.dtype, q.n) == (dt, size)} == {
                    "negative",
                    "exp",
                    "add",
                    "divide",
                    "other",
                }


def test_packaged_gpu_file_is_memory_bound_until_fused() -> None:
    gpu = load_gpu_cost()
    assert "H100" in gpu.device
    assert {"relu", "sigmoid", "copy"} <= set(gpu.ops)
    for dt in gpu.dtypes:
        last = gpu.gbps[dt][:, -1]
        # On the largest arrays every op runs at nearly the same bandwidth.
        assert last.max() / last.min() < 1.1
    assert gpu.fused_ratio_to_relu["relu"] == 1.0
    assert gpu.fused_ratio_to_relu["sigmoid"] > 2.0
