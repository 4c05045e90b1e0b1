from sigmoid_guide.experiments.cost import load_cpu_cost

# the committed file sigmoid_guide/data/cpu_activation_cost.json
cpu = load_cpu_cost()

# time of each operation divided by ReLU's (same dtype and size, measured
# side by side)
ops = ["copy", "relu", "hard_sigmoid", "exp", "tanh", "sigmoid",
       "naive_sigmoid", "expit"]
backend = {r.op: r.backend for r in cpu.rows}
sizes = (100_000, 10_000_000)
print(f"{cpu.label} path, NumPy's choice")
print(f"{'':13}{'float32':>12}  {'float64':>12}")
size_labels = "".join(f"1e{len(str(n)) - 1}".rjust(5) + " " for n in sizes)
print(f"{'elements':13}{size_labels}  {size_labels}".rstrip())
for op in ops:
    cells = [
        "".join(f"{cpu.ratio(backend[op], op, d, n):5.1f}×" for n in sizes)
        for d in ("float32", "float64")
    ]
    print(f"{op:13}{cells[0]}  {cells[1]}")
#> AVX-512 (X86_V4) path, NumPy's choice
#>                   float32       float64
#> elements       1e5   1e7     1e5   1e7
#> copy           0.4×  0.9×    0.5×  1.0×
#> relu           1.0×  1.0×    1.0×  1.0×
#> hard_sigmoid   1.9×  1.5×    2.5×  1.6×
#> exp            1.6×  1.9×    1.4×  1.3×
#> tanh           1.2×  1.3×    3.4×  2.1×
#> sigmoid        3.7×  1.8×    4.0×  1.9×
#> naive_sigmoid  3.4×  4.1×    4.0×  3.6×
#> expit         12.6×  3.9×   10.7×  3.3×
