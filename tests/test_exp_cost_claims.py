"""What the cost-of-exp page says in words about the stored CPU and GPU measurements.

Numbers on the page come from placeholders; the sentences around them ("every goal is
met on the AVX-512 path", "no NumPy sigmoid could meet the baseline float32 goal",
"hard sigmoid saves the most on the baseline path") are checked here against the same
files, so that a re-measured file which makes a sentence false fails a test.
"""

from __future__ import annotations

import math

import pytest

from sigmoid_guide.bench import TARGETS
from sigmoid_guide.experiments.cost import load_cpu_paths, run_cost
from sigmoid_guide.values import value
from sigmoid_guide.values.cost import EXERCISE_BYTES, EXERCISE_N

PATHS = {cpu.simd_path: cpu for cpu in load_cpu_paths()}
GOAL_SIZES = (100_000, 1_000_000, 10_000_000)


def test_the_file_has_the_three_x86_paths_with_avx512_as_numpys_choice():
    assert list(PATHS) == ["avx512", "avx2", "baseline"]
    assert PATHS["avx512"].numpy_default
    assert not PATHS["avx2"].numpy_default and not PATHS["baseline"].numpy_default


@pytest.mark.parametrize("path", ["avx512", "avx2"])
def test_every_goal_is_met_on_the_simd_paths(path: str):
    cpu = PATHS[path]
    for (dtype, n), goal in TARGETS[path].items():
        assert cpu.ratio_to_expit("sigmoid", dtype, n) <= goal, (dtype, n)


def test_no_numpy_sigmoid_could_meet_the_baseline_float32_goal():
    cpu = PATHS["baseline"]
    for n in GOAL_SIZES:
        goal = TARGETS["baseline"]["float32", n]
        assert cpu.ratio_to_expit("floor", "float32", n) > goal
        assert cpu.ratio_to_expit("sigmoid", "float32", n) > goal


def test_the_kernel_beat_the_floor_at_1e7_exactly_where_the_page_says_so():
    n = 10_000_000
    faster = {
        (p, d)
        for p, cpu in PATHS.items()
        for d in ("float32", "float64")
        if cpu.ratio_to_expit("sigmoid", d, n) < cpu.ratio_to_expit("floor", d, n)
    }
    assert faster == {
        ("avx512", "float32"),
        ("avx2", "float32"),
        ("avx2", "float64"),
        ("baseline", "float64"),
    }


def test_exp_is_cheap_only_with_avx512_and_dearest_in_float64_without_it():
    def exp(path: str, dtype: str, n: int) -> float:
        return PATHS[path].ratio("numpy", "exp", dtype, n)

    worst = max(exp(p, d, n) for p in PATHS for d in ("float32", "float64")
                for n in (100_000, 10_000_000))  # fmt: skip
    assert worst == exp("avx2", "float64", 100_000)
    assert max(exp("avx512", d, n) for d in ("float32", "float64")
               for n in (100_000, 10_000_000)) < 2  # fmt: skip
    # on AVX-512, at 1e7 the -x pass (memory traffic) costs more than exp
    for dtype in ("float32", "float64"):
        cpu = PATHS["avx512"]
        assert cpu.pass_ratio("negative", dtype, 10_000_000) > cpu.pass_ratio(
            "exp", dtype, 10_000_000
        )


def test_hard_sigmoid_saves_most_on_the_baseline_path_and_least_on_avx512():
    n = 10_000_000
    saving = {
        p: cpu.ratio("numpy", "hard_sigmoid", "float32", n)
        / cpu.ratio("numpy", "sigmoid", "float32", n)
        for p, cpu in PATHS.items()
    }
    assert all(s < 1 for s in saving.values())
    assert saving["baseline"] == min(saving.values())
    assert saving["avx512"] == max(saving.values())


def test_exercise_answers_follow_from_the_gpu_throughput_and_the_array_size():
    gbps = value("cost.gpu.large.gbps")
    moved = 2 * EXERCISE_N * EXERCISE_BYTES
    assert math.isclose(value("exercise.exp-cost.move_us"), moved / (gbps * 1e9) * 1e6)
    assert value("exercise.exp-cost.naive_mb") == 4 * value("exercise.exp-cost.kernel_mb")
    assert value("exercise.exp-cost.kernel_mb") == EXERCISE_N * EXERCISE_BYTES / 1e6
    # the GPU's throughput is what the stored file gives for the largest array
    gpu = run_cost().gpu
    assert abs(gbps - float(gpu.gbps["float32"][:, -1].mean())) <= 5
