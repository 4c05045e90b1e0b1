"""The benchmark command: its SIMD paths, floor, per-pass rows, tables and JSON.

No timing is asserted: the numbers depend on the machine and its load. Only the
structure is: every SIMD path this machine can run is timed and named, the floor and
the kernel's passes are measured beside the operations, and the JSON carries its
provenance in the form the site's readers (sigmoid_guide.experiments.cost) expect.
"""

from __future__ import annotations

import itertools
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from sigmoid_guide import bench
from sigmoid_guide.experiments.cost import load_cpu_cost, load_cpu_paths
from sigmoid_guide.kernels import sigmoid_kernel

REQUIRED_OPS = ["sigmoid", "naive_sigmoid", "expit", "floor", "relu", "tanh", "hard_sigmoid",
                "exp", "copy"]  # fmt: skip
PROVENANCE_KEYS = ["machine", "architecture", "cpu_features", "cores", "python", "numpy",
                   "scipy", "date", "method", "floor", "command"]  # fmt: skip
PATH_KEYS = {"simd_path", "label", "npy_disable_cpu_features", "dispatch_enabled",
             "numpy_default", "rows", "passes"}  # fmt: skip
ROW_KEYS = {"backend", "dtype", "n", "op", "median_s", "ns_per_element", "ratio_to_expit",
            "ratio_to_floor", "ratio_to_relu"}  # fmt: skip
PASS_KEYS = {"dtype", "n", "name", "median_s", "ns_per_element", "ratio_to_expit"}
ENV = "NPY_DISABLE_CPU_FEATURES"


@pytest.fixture(scope="module")
def bench_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench") / "bench.json"
    command = [sys.executable, "-W", "error", "-m", "sigmoid_guide.bench", "--quick",
               "--sizes", "1000", "--json", str(out)]  # fmt: skip
    proc = subprocess.run(
        command, capture_output=True, text=True, timeout=600, cwd=Path(__file__).parent.parent
    )
    return proc, out


def test_bench_command_succeeds_without_warnings(bench_run):
    proc, out = bench_run
    assert proc.returncode == 0, proc.stderr
    assert "Warning" not in proc.stderr, proc.stderr
    assert out.exists()


def test_simd_paths_are_detected():
    paths = bench.simd_paths()
    ids = [p.id for p in paths]
    assert ids[-1] == "baseline"
    assert len(set(ids)) == len(ids)
    # The first path is this process's own: nothing is switched off beyond what is.
    already = [t for t in os.environ.get(ENV, "").replace(",", " ").split() if t]
    assert (paths[0].disable.split(",") if paths[0].disable else []) == list(dict.fromkeys(already))
    for higher, lower in itertools.pairwise(paths):
        # Each lower path switches off at least what the one above it runs beyond it.
        assert set(higher.enabled) - set(lower.enabled) <= set(lower.disable.split(","))
        assert set(lower.enabled) < set(higher.enabled) or not lower.enabled
    assert paths[-1].enabled == ()
    if platform.machine().lower() in {"x86_64", "amd64"}:
        assert set(ids) <= set(bench.TARGETS)


def test_simd_path_values_select_those_paths():
    # Each NPY_DISABLE_CPU_FEATURES value, given to a new process, makes that process
    # find itself on the path it was meant to select.
    probe = "from sigmoid_guide import bench; print(bench.simd_paths()[0].id)"
    for path in bench.simd_paths():
        env = {**os.environ, ENV: path.disable}
        proc = subprocess.run(
            [sys.executable, "-W", "error", "-c", probe],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.strip() == path.id, (path, proc.stdout, proc.stderr)


def test_targets_are_the_goals_of_issue_10():
    f32 = {("float32", n): 0.7 for n in (100_000, 1_000_000, 10_000_000)}
    assert bench.TARGETS == {
        "avx512": {
            ("float64", 100_000): 0.5,
            ("float64", 1_000_000): 0.6,
            ("float64", 10_000_000): 0.7,
            **f32,
        },
        "avx2": {
            ("float64", 100_000): 1.0,
            ("float64", 1_000_000): 1.0,
            ("float64", 10_000_000): 1.1,
            **f32,
        },
        "baseline": f32,
    }


def test_bench_prints_a_table_per_path(bench_run):
    proc, _ = bench_run
    out = proc.stdout
    lines = out.splitlines()
    for path in bench.simd_paths():
        assert f"=== SIMD path: {path.label}," in out, out
        assert f"goals on the {path.label} path" in out, out
    headers = [line for line in lines if line.split()[:1] == ["op"]]
    assert len(headers) == 2 * len(bench.simd_paths())  # two dtypes per path
    assert headers[0].split() == ["op", "median", "ns/elem", "/expit", "/floor", "/relu"]
    assert any(line.startswith("float32, n = 1,000") for line in lines), out
    printed_ops = {line.split()[0] for line in lines[lines.index(headers[0]) + 1 :] if line}
    for op in REQUIRED_OPS:
        assert op in printed_ops, f"{op} missing from the table:\n{out}"
    for op, column in (("expit", -3), ("floor", -2), ("relu", -1)):
        row = next(line for line in lines if line.split()[:1] == [op])
        assert row.split()[column] == "1.00", row
    # The per-pass breakdown, with the floor and sigmoid beside it.
    i = next(i for i, line in enumerate(lines) if line.startswith("sigmoid_kernel pass by pass"))
    header = lines[i + 2].split()
    assert header == ["dtype", "n", *bench.PASSES, "sum", "floor", "sigmoid"]
    assert lines[i + 3].split()[:2] == ["float32", "1,000"]


def test_bench_json_schema(bench_run):
    _, out = bench_run
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == 2
    provenance = data["provenance"]
    for key in PROVENANCE_KEYS:
        assert key in provenance, key
        assert provenance[key] not in (None, ""), key
    assert isinstance(provenance["cores"], int) and provenance["cores"] >= 1
    assert isinstance(provenance["cpu_features"], list)
    assert "sigmoid_guide.bench" in provenance["command"]

    paths = data["paths"]
    assert [p["simd_path"] for p in paths] == [p.id for p in bench.simd_paths()]
    assert [p["label"] for p in paths] == [p.label for p in bench.simd_paths()]
    assert paths[0]["numpy_default"] is (not os.environ.get(ENV))
    assert all(p["numpy_default"] is False for p in paths[1:])
    for path in paths:
        assert set(path) >= PATH_KEYS, path.keys()
        rows = path["rows"]
        for row in rows:
            assert set(row) >= ROW_KEYS, row
            assert row["dtype"] in ("float32", "float64")
            assert row["n"] == 1000
            assert row["median_s"] > 0
            assert row["ns_per_element"] == pytest.approx(row["median_s"] / row["n"] * 1e9)
        for dtype in ("float32", "float64"):
            by_op = {row["op"]: row for row in rows if row["dtype"] == dtype}
            assert len(by_op) == len(rows) // 2, "one row per operation"
            for op in REQUIRED_OPS:
                assert op in by_op, op
            assert by_op["expit"]["backend"] == "scipy"
            assert by_op["sigmoid"]["backend"] == by_op["floor"]["backend"] == "numpy"
            for ref, key in (("expit", "ratio_to_expit"), ("floor", "ratio_to_floor"),
                             ("relu", "ratio_to_relu")):  # fmt: skip
                assert by_op[ref][key] == 1.0
                for row in by_op.values():
                    assert row[key] == pytest.approx(row["median_s"] / by_op[ref]["median_s"])
            passes = [p for p in path["passes"] if p["dtype"] == dtype]
            assert [p["name"] for p in passes] == list(bench.PASSES)
            for p in passes:
                assert set(p) >= PASS_KEYS
                assert p["n"] == 1000
                assert p["ratio_to_expit"] == pytest.approx(
                    p["median_s"] / by_op["expit"]["median_s"]
                )
                assert p["median_s"] > 0 or p["name"] == "other"


def test_bench_json_is_read_by_the_site(bench_run):
    _, out = bench_run
    paths = load_cpu_paths(out)
    assert [p.simd_path for p in paths] == [p.id for p in bench.simd_paths()]
    first = load_cpu_cost(out)
    assert first.simd_path == paths[0].simd_path
    assert first.ratio("numpy", "relu", "float64", 1000) == 1.0
    assert first.ratio_to_expit("expit", "float32", 1000) == 1.0
    assert first.pass_ratio("exp", "float64", 1000) > 0


def test_kernel_passes_compute_the_kernel():
    # The instrumented copy must stay the same computation as sigmoid_kernel.
    rng = np.random.default_rng(3)
    special = [-np.inf, -1e300, -800.0, -720.0, -709.9, -709.0, -100.0, -90.0, -88.0, -0.0,
               0.0, 40.0, 710.0, 800.0, np.inf, np.nan]  # fmt: skip
    for dtype in (np.float32, np.float64):
        with np.errstate(over="ignore"):
            x = np.concatenate([rng.normal(0.0, 300.0, 3 * bench.BLOCK + 7), special])
            x = x.astype(dtype)
        for arr in (x, x[::3], x[: 5 * 13107].reshape(-1, 5).T, x[:0], x[:1]):
            got, spent = bench.kernel_passes(arr)
            assert got.dtype == arr.dtype and got.shape == arr.shape
            np.testing.assert_array_equal(got, sigmoid_kernel(arr))
            assert list(spent) == list(bench.PASSES)


def test_floor_is_exp_then_one_divide():
    x = np.linspace(-5.0, 5.0, bench.BLOCK + 4)
    np.testing.assert_allclose(bench.floor(x), np.exp(-x), rtol=1e-15)
    y = x.astype(np.float32).reshape(4, -1)
    assert bench.floor(y).dtype == np.float32 and bench.floor(y).shape == y.shape


def _row(dtype: str, n: int, op: str, ratio: float) -> bench.BenchRow:
    return bench.BenchRow("numpy", dtype, n, op, ratio, ratio, ratio, ratio, ratio)


def test_goal_verdicts():
    rows = [
        _row("float64", 100_000, "sigmoid", 0.95),
        _row("float64", 100_000, "floor", 0.85),
        _row("float64", 1_000_000, "sigmoid", 1.02),
        _row("float64", 1_000_000, "floor", 0.85),
        _row("float32", 1_000_000, "sigmoid", 0.75),
        _row("float32", 1_000_000, "floor", 0.72),
        _row("float32", 1_000, "sigmoid", 4.0),
        _row("float32", 1_000, "floor", 2.0),
    ]
    lines = bench.format_targets(rows, "avx2", "AVX2 (X86_V3)").splitlines()
    assert lines[0].startswith("goals on the AVX2 (X86_V3) path")
    assert lines[1].endswith("0.950, floor 0.850 (goal <= 1.0) met")
    assert lines[2].endswith("1.020, floor 0.850 (goal <= 1.0) NOT met; the floor is not")
    assert lines[3].endswith("0.750, floor 0.720 (goal <= 0.7) NOT met; the floor is above it")
    assert lines[4].endswith("(no goal)")
    # The baseline path has no float64 goal.
    assert "(no goal)" in bench.format_targets(rows, "baseline").splitlines()[1]


def test_bench_refuses_bad_sizes(capsys):
    with pytest.raises(SystemExit) as info:
        bench.main(["--sizes", "0"])
    assert info.value.code == 2
    assert "sizes must be positive" in capsys.readouterr().err
