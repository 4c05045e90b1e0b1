from sigmoid_guide.experiments.cost import load_cpu_cost

cpu = load_cpu_cost()  # committed measurements, not timed now
ns = {(r.op, r.dtype, r.n): r.ns_per_element for r in cpu.rows}

# 1 / (1 + np.exp(-x)) makes four passes, each into a newly allocated
# array: -x, then exp, then 1 + ..., then 1 / ...  How much of its time is
# exp itself?
print("nanoseconds per element")
for dtype in ("float32", "float64"):
    print(f"{dtype:7}  one-liner  exp  share  package")
    for n in (100_000, 10_000_000):
        naive = ns["naive_sigmoid", dtype, n]
        exp = ns["exp", dtype, n]
        ours = ns["sigmoid", dtype, n]
        size = f"1e{len(str(n)) - 1}"
        print(f"{size:>7}{naive:11.1f}{exp:5.1f}{exp / naive:7.0%}{ours:9.1f}")
#> nanoseconds per element
#> float32  one-liner  exp  share  package
#>     1e5        0.7  0.3    46%      0.8
#>     1e7        3.3  1.5    46%      1.5
#> float64  one-liner  exp  share  package
#>     1e5        1.5  0.6    36%      1.5
#>     1e7        6.3  2.2    35%      3.4
