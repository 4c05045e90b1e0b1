from sigmoid_guide.bench import TARGETS
from sigmoid_guide.experiments.cost import load_cpu_paths

# Time of this package's sigmoid divided by SciPy's expit, on each SIMD path, beside
# the floor: np.exp and then one divide, the least any NumPy sigmoid has to do.
# The goals are the project's targets for its sigmoid; a path without a goal shows "-".
for cpu in load_cpu_paths():
    print(f"{cpu.label} path")
    print(f"  {'dtype':8}{'elements':>9}{'sigmoid':>9}{'floor':>7}{'goal':>6}")
    for dtype in ("float32", "float64"):
        for n in (100_000, 1_000_000, 10_000_000):
            sigmoid = cpu.ratio_to_expit("sigmoid", dtype, n)
            floor = cpu.ratio_to_expit("floor", dtype, n)
            goal = TARGETS[cpu.simd_path].get((dtype, n))
            if goal is None:
                verdict = "-"
            else:
                verdict = f"{goal}  " + ("met" if sigmoid <= goal else "not met")
            print(f"  {dtype:8}{f'1e{len(str(n)) - 1}':>9}{sigmoid:9.3f}{floor:7.3f}   {verdict}")
#> AVX2 (X86_V3) path
#>   dtype    elements  sigmoid  floor  goal
#>   float32       1e5    0.712  0.624   0.7  not met
#>   float32       1e6    0.727  0.654   0.7  not met
#>   float32       1e7    0.720  0.673   0.7  not met
#>   float64       1e5    0.946  0.854   1.0  met
#>   float64       1e6    0.987  0.848   1.0  met
#>   float64       1e7    0.949  0.852   1.1  met
#> baseline (X86_V2) path
#>   dtype    elements  sigmoid  floor  goal
#>   float32       1e5    0.737  0.657   0.7  not met
#>   float32       1e6    0.743  0.641   0.7  not met
#>   float32       1e7    0.747  0.663   0.7  not met
#>   float64       1e5    0.944  0.855   -
#>   float64       1e6    0.978  0.844   -
#>   float64       1e7    0.962  0.862   -
