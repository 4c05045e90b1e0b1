"""Cost experiment: reading the stored benchmark files (nothing is timed here)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from sigmoid_guide.experiments.cost import load_cpu_cost, load_gpu_cost, run_cost
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
        "ratio_to_relu": ratio,
    }


@pytest.fixture
def cpu_file(tmp_path: Path) -> Path:
    rows = [
        _row("numpy", dt, n, op, r)
        for dt in ("float32", "float64")
        for n in (1000, 100_000)
        for op, r in (("relu", 1.0), ("sigmoid", 2.5), ("exp", 1.5), ("new_op", 3.0))
    ]
    rows.append(_row("torch-cpu", "float32", 100_000, "sigmoid", 1.2))
    path = tmp_path / "cpu.json"
    path.write_text(json.dumps({"provenance": PROVENANCE, "rows": rows}), encoding="utf-8")
    return path


def test_fixture_file_is_read(cpu_file: Path) -> None:
    cpu = load_cpu_cost(cpu_file)
    assert cpu.sizes() == [1000, 100_000]
    assert cpu.dtypes() == ["float32", "float64"]
    assert cpu.ratio("numpy", "sigmoid", "float64", 100_000) == 2.5
    assert np.isnan(cpu.ratio("torch-cpu", "sigmoid", "float64", 100_000))
    assert ("torch-cpu", "sigmoid") in cpu.series(100_000)


def test_fixture_figure_renders(cpu_file: Path) -> None:
    # Unknown ops and backends keep their code names; the figure still renders.
    result = run_cost()
    fixture = type(result)(cpu=load_cpu_cost(cpu_file), gpu=result.gpu)
    for lang in ("ko", "en"):
        with figure_context():
            fig = draw_cpu(fixture, lang)
        assert save_svg(fig).startswith(b"<?xml")
        assert "new_op" in alt_cpu(fixture, lang)


def test_missing_keys_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"provenance": PROVENANCE, "rows": [{"op": "relu"}]}))
    with pytest.raises(ValueError, match=r"rows\[0\].*backend"):
        load_cpu_cost(path)
    path.write_text(json.dumps({"rows": []}))
    with pytest.raises(ValueError, match="provenance"):
        load_cpu_cost(path)


def test_packaged_cpu_file() -> None:
    cpu = load_cpu_cost()
    for key in ("machine", "numpy", "date", "method", "command"):
        assert cpu.provenance[key]
    n = cpu.sizes()[-1]
    for dt in cpu.dtypes():
        assert cpu.ratio("numpy", "relu", dt, n) == pytest.approx(1.0)
        # exp-based sigmoid costs more than ReLU on a CPU.
        assert cpu.ratio("numpy", "sigmoid", dt, n) > 1.0


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
