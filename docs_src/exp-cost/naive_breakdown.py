from sigmoid_guide.experiments.cost import load_cpu_cost

cpu = load_cpu_cost()  # committed measurements, not timed now
ns = {(r.op, r.dtype, r.n): r.ns_per_element for r in cpu.rows}

# 1 / (1 + np.exp(-x)) makes four passes, each into a newly allocated array:
# -x, then exp, then 1 + ..., then 1 / ...  How much of its time is exp itself?
print("nanoseconds per element")
print(f"{'dtype':8}{'elements':>11}{'one-liner':>11}{'exp alone':>11}{'share':>7}{'package':>9}")
for dtype in ("float32", "float64"):
    for n in (100_000, 10_000_000):
        naive = ns["naive_sigmoid", dtype, n]
        exp = ns["exp", dtype, n]
        ours = ns["sigmoid", dtype, n]
        print(f"{dtype:8}{n:>11,}{naive:>11.1f}{exp:>11.1f}{exp / naive:>7.0%}{ours:>9.1f}")
#> nanoseconds per element
#> dtype      elements  one-liner  exp alone  share  package
#> float32     100,000        4.6        3.7    79%      4.9
#> float32  10,000,000        7.6        4.5    59%      5.4
#> float64     100,000        9.7        7.7    80%      9.8
#> float64  10,000,000       24.9        8.9    36%     11.0
