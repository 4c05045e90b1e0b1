"""Smoke test of the benchmark command: it runs, prints the table and writes its JSON.

No timing is asserted: the numbers depend on the machine and its load.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sigmoid_guide import bench

REQUIRED_OPS = ["sigmoid", "naive_sigmoid", "expit", "relu", "tanh", "hard_sigmoid", "exp",
                "copy"]  # fmt: skip
PROVENANCE_KEYS = ["machine", "cores", "python", "numpy", "scipy", "date", "method", "command"]
ROW_KEYS = {"backend", "dtype", "n", "op", "median_s", "ns_per_element", "ratio_to_expit",
            "ratio_to_relu"}  # fmt: skip


@pytest.fixture(scope="module")
def bench_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench") / "bench.json"
    command = [sys.executable, "-m", "sigmoid_guide.bench", "--quick", "--sizes", "1000",
               "--dtypes", "float32", "--json", str(out)]  # fmt: skip
    proc = subprocess.run(
        command, capture_output=True, text=True, timeout=300, cwd=Path(__file__).parent.parent
    )
    return proc, out


def test_bench_command_succeeds_without_warnings(bench_run):
    proc, out = bench_run
    assert proc.returncode == 0, proc.stderr
    assert "Warning" not in proc.stderr, proc.stderr
    assert out.exists()


def test_bench_prints_the_table(bench_run):
    proc, _ = bench_run
    lines = proc.stdout.splitlines()
    header = [line for line in lines if line.split()[:1] == ["op"]]
    assert header, proc.stdout
    assert header[0].split() == ["op", "median", "ns/elem", "/expit", "/relu"]
    assert any(line.startswith("float32, n = 1,000") for line in lines), proc.stdout
    printed_ops = {line.split()[0] for line in lines[lines.index(header[0]) + 1 :] if line}
    for op in REQUIRED_OPS:
        assert op in printed_ops, f"{op} missing from the table:\n{proc.stdout}"
    expit_line = next(line for line in lines if line.split()[:1] == ["expit"])
    assert expit_line.split()[-2] == "1.00"
    relu_line = next(line for line in lines if line.split()[:1] == ["relu"])
    assert relu_line.split()[-1] == "1.00"


def test_bench_json_schema(bench_run):
    _, out = bench_run
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) >= {"provenance", "rows"}
    provenance = data["provenance"]
    for key in PROVENANCE_KEYS:
        assert key in provenance, key
        assert provenance[key] not in (None, ""), key
    assert isinstance(provenance["cores"], int) and provenance["cores"] >= 1
    assert "sigmoid_guide.bench" in provenance["command"]

    rows = data["rows"]
    for row in rows:
        assert set(row) >= ROW_KEYS, row
        assert row["dtype"] == "float32"
        assert row["n"] == 1000
        assert row["median_s"] > 0
        assert row["ns_per_element"] == pytest.approx(row["median_s"] / row["n"] * 1e9)
    by_op = {row["op"]: row for row in rows}
    assert len(by_op) == len(rows), "one row per operation"
    for op in REQUIRED_OPS:
        assert op in by_op, op
    assert by_op["expit"]["ratio_to_expit"] == 1.0
    assert by_op["relu"]["ratio_to_relu"] == 1.0
    assert by_op["expit"]["backend"] == "scipy"
    assert by_op["sigmoid"]["backend"] == "numpy"
    for row in rows:
        assert row["ratio_to_expit"] == pytest.approx(row["median_s"] / by_op["expit"]["median_s"])
        assert row["ratio_to_relu"] == pytest.approx(row["median_s"] / by_op["relu"]["median_s"])


def test_bench_refuses_bad_sizes(capsys):
    with pytest.raises(SystemExit) as info:
        bench.main(["--sizes", "0"])
    assert info.value.code == 2
    assert "sizes must be positive" in capsys.readouterr().err
