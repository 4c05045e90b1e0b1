from sigmoid_guide.experiments.cost import load_cpu_paths

# sigmoid_kernel makes four passes over each block of the array: -x, exp,
# 1 + ... and 1 / ... Each pass was timed on its own, side by side with the
# rest; here is each as a share of expit's time. "-x" also reads x from
# memory and writes the new result for the first time; "rest" is all else:
# allocation, the Python loop, checking the overflow flag. Each column's
# label, and the pass's name in the measurement file:
passes = {"-x": "negative", "exp": "exp", "1+": "add", "1/": "divide",
          "rest": "other"}
for cpu in load_cpu_paths():
    for dtype in ("float32", "float64"):
        print(f"{cpu.label} path, {dtype}")
        print("   " + "".join(f"{p:>6}" for p in passes) + " floor")
        for n in (100_000, 1_000_000, 10_000_000):
            shares = [cpu.pass_ratio(p, dtype, n) for p in passes.values()]
            floor = cpu.ratio_to_expit("floor", dtype, n)
            size = f"1e{len(str(n)) - 1}"
            cells = "".join(f"{s:6.2f}" for s in [*shares, floor])
            print(size + cells)
#> AVX-512 (X86_V4) path, float32
#>        -x   exp    1+    1/  rest floor
#> 1e5  0.04  0.13  0.03  0.07  0.02  0.20
#> 1e6  0.11  0.14  0.03  0.07  0.01  0.27
#> 1e7  0.24  0.12  0.03  0.06  0.01  0.55
#> AVX-512 (X86_V4) path, float64
#>        -x   exp    1+    1/  rest floor
#> 1e5  0.05  0.12  0.03  0.13  0.02  0.28
#> 1e6  0.13  0.12  0.04  0.13  0.01  0.29
#> 1e7  0.33  0.12  0.03  0.10  0.00  0.49
#> AVX2 (X86_V3) path, float32
#>        -x   exp    1+    1/  rest floor
#> 1e5  0.04  0.29  0.03  0.06  0.02  0.33
#> 1e6  0.11  0.27  0.03  0.06  0.01  0.36
#> 1e7  0.27  0.23  0.03  0.05  0.01  0.81
#> AVX2 (X86_V3) path, float64
#>        -x   exp    1+    1/  rest floor
#> 1e5  0.06  0.66  0.04  0.13  0.02  0.80
#> 1e6  0.13  0.65  0.03  0.12  0.01  0.79
#> 1e7  0.32  0.50  0.03  0.09  0.00  1.04
#> baseline (X86_V2) path, float32
#>        -x   exp    1+    1/  rest floor
#> 1e5  0.04  0.71  0.04  0.08  0.03  0.82
#> 1e6  0.11  0.66  0.03  0.08  0.01  0.75
#> 1e7  0.27  0.52  0.03  0.06  0.01  0.82
#> baseline (X86_V2) path, float64
#>        -x   exp    1+    1/  rest floor
#> 1e5  0.06  0.64  0.03  0.12  0.03  0.79
#> 1e6  0.13  0.65  0.03  0.12  0.01  0.80
#> 1e7  0.33  0.50  0.03  0.09  0.00  1.04
