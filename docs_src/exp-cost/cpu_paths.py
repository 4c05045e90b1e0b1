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
#> AVX2 (X86_V3) path
#>   float32  sigmoid  floor  goal  met
#>       1e5    0.712  0.624   0.7   no
#>       1e6    0.727  0.654   0.7   no
#>       1e7    0.720  0.673   0.7   no
#>   float64  sigmoid  floor  goal  met
#>       1e5    0.946  0.854   1.0  yes
#>       1e6    0.987  0.848   1.0  yes
#>       1e7    0.949  0.852   1.1  yes
#> baseline (X86_V2) path
#>   float32  sigmoid  floor  goal  met
#>       1e5    0.737  0.657   0.7   no
#>       1e6    0.743  0.641   0.7   no
#>       1e7    0.747  0.663   0.7   no
#>   float64  sigmoid  floor  goal  met
#>       1e5    0.944  0.855     -    -
#>       1e6    0.978  0.844     -    -
#>       1e7    0.962  0.862     -    -
