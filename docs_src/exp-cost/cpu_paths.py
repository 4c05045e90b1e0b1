from sigmoid_guide.bench import TARGETS
from sigmoid_guide.experiments.cost import load_cpu_paths

# Time of this package's sigmoid divided by SciPy's expit, on each SIMD
# path, beside the floor: np.exp and then one divide, the least any NumPy
# sigmoid has to do. The goals are the project's targets for its sigmoid;
# a path without a goal shows "-".
for cpu in load_cpu_paths():
    print(f"{cpu.label} path")
    for dtype in ("float32", "float64"):
        print(f"  {dtype:7}  sigmoid  floor  goal  met")
        for n in (100_000, 1_000_000, 10_000_000):
            sigmoid = cpu.ratio_to_expit("sigmoid", dtype, n)
            floor = cpu.ratio_to_expit("floor", dtype, n)
            goal = TARGETS[cpu.simd_path].get((dtype, n))
            if goal is None:
                goal, met = "-", "-"
            else:
                met = "yes" if sigmoid <= goal else "no"
            size = f"1e{len(str(n)) - 1}"
            print(f"  {size:>7}{sigmoid:9.3f}{floor:7.3f}{goal:>6}{met:>5}")
#> AVX-512 (X86_V4) path
#>   float32  sigmoid  floor  goal  met
#>       1e5    0.291  0.201   0.7  yes
#>       1e6    0.370  0.267   0.7  yes
#>       1e7    0.459  0.553   0.7  yes
#>   float64  sigmoid  floor  goal  met
#>       1e5    0.369  0.277   0.5  yes
#>       1e6    0.437  0.287   0.6  yes
#>       1e7    0.582  0.492   0.7  yes
#> AVX2 (X86_V3) path
#>   float32  sigmoid  floor  goal  met
#>       1e5    0.438  0.335   0.7  yes
#>       1e6    0.498  0.364   0.7  yes
#>       1e7    0.596  0.813   0.7  yes
#>   float64  sigmoid  floor  goal  met
#>       1e5    0.915  0.802   1.0  yes
#>       1e6    0.954  0.787   1.0  yes
#>       1e7    0.945  1.045   1.1  yes
#> baseline (X86_V2) path
#>   float32  sigmoid  floor  goal  met
#>       1e5    0.903  0.816   0.7   no
#>       1e6    0.894  0.753   0.7   no
#>       1e7    0.897  0.825   0.7   no
#>   float64  sigmoid  floor  goal  met
#>       1e5    0.900  0.785     -    -
#>       1e6    0.954  0.796     -    -
#>       1e7    0.952  1.039     -    -
