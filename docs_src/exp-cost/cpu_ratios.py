from sigmoid_guide.experiments.cost import load_cpu_cost

cpu = load_cpu_cost()  # the committed file sigmoid_guide/data/cpu_activation_cost.json

# time of each operation divided by ReLU's (same dtype and size, measured side by side)
ops = ["copy", "relu", "hard_sigmoid", "exp", "tanh", "sigmoid", "naive_sigmoid", "expit"]
backend = {r.op: r.backend for r in cpu.rows}
columns = [(dtype, n) for dtype in ("float32", "float64") for n in (100_000, 10_000_000)]
print(f"{'':14}{'float32':>16}{'float64':>16}")
print(f"{'elements':14}" + "".join(f"1e{len(str(n)) - 1}".rjust(8) for _, n in columns))
for op in ops:
    ratios = [cpu.ratio(backend[op], op, d, n) for d, n in columns]
    print(f"{op:14}" + "".join(f"{r:7.1f}×" for r in ratios))
#>                        float32         float64
#> elements           1e5     1e7     1e5     1e7
#> copy              0.3×    0.7×    0.6×    0.9×
#> relu              1.0×    1.0×    1.0×    1.0×
#> hard_sigmoid      0.9×    1.3×    1.8×    1.8×
#> exp               2.3×    2.5×    8.1×    3.8×
#> tanh              4.7×    3.0×   21.7×    9.0×
#> sigmoid           3.7×    3.0×   11.1×    5.3×
#> naive_sigmoid     3.3×    4.9×   10.3×   10.3×
#> expit             7.3×    4.4×   10.2×    6.3×
