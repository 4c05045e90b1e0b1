from sigmoid_guide.experiments.cost import load_cpu_paths

# sigmoid_kernel makes four passes over each block of the array. Each pass was timed
# on its own, side by side with the rest; here is each as a share of expit's time.
# "negative" also reads x from memory and writes the new result for the first time;
# "other" is the rest: allocation, the Python loop, checking the overflow flag.
passes = ("negative", "exp", "add", "divide", "other")
for cpu in load_cpu_paths():
    print(f"{cpu.label} path")
    print(f"  {'':8}{'elements':>8}" + "".join(f"{p:>9}" for p in passes) + f"{'floor':>7}")
    for dtype in ("float32", "float64"):
        for n in (100_000, 1_000_000, 10_000_000):
            shares = "".join(f"{cpu.pass_ratio(p, dtype, n):9.2f}" for p in passes)
            floor = cpu.ratio_to_expit("floor", dtype, n)
            print(f"  {dtype:8}{f'1e{len(str(n)) - 1}':>8}{shares}{floor:7.2f}")
#> AVX2 (X86_V3) path
#>           elements negative      exp      add   divide    other  floor
#>   float32      1e5     0.03     0.54     0.03     0.07     0.03   0.62
#>   float32      1e6     0.08     0.54     0.03     0.07     0.01   0.65
#>   float32      1e7     0.13     0.50     0.02     0.07     0.01   0.67
#>   float64      1e5     0.04     0.74     0.03     0.09     0.03   0.85
#>   float64      1e6     0.10     0.75     0.03     0.09     0.01   0.85
#>   float64      1e7     0.17     0.68     0.03     0.08     0.00   0.85
#> baseline (X86_V2) path
#>           elements negative      exp      add   divide    other  floor
#>   float32      1e5     0.03     0.56     0.03     0.07     0.04   0.66
#>   float32      1e6     0.08     0.56     0.02     0.07     0.01   0.64
#>   float32      1e7     0.13     0.51     0.02     0.07     0.01   0.66
#>   float64      1e5     0.04     0.75     0.03     0.09     0.02   0.85
#>   float64      1e6     0.10     0.74     0.03     0.09     0.01   0.84
#>   float64      1e7     0.17     0.68     0.03     0.08     0.00   0.86
