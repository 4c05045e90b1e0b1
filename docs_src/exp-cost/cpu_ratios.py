from sigmoid_guide.experiments.cost import load_cpu_cost

# the committed file sigmoid_guide/data/cpu_activation_cost.json
cpu = load_cpu_cost()

# time of each operation divided by ReLU's (same dtype and size, measured
# side by side)
ops = ["copy", "relu", "hard_sigmoid", "exp", "tanh", "sigmoid",
       "naive_sigmoid", "expit"]
backend = {r.op: r.backend for r in cpu.rows}
sizes = (100_000, 10_000_000)
print(f"{cpu.label} path (NumPy's own choice)")
print(f"{'':13}{'float32':>12}  {'float64':>12}")
size_labels = "".join(f"1e{len(str(n)) - 1}".rjust(5) + " " for n in sizes)
print(f"{'elements':13}{size_labels}  {size_labels}".rstrip())
for op in ops:
    cells = [
        "".join(f"{cpu.ratio(backend[op], op, d, n):5.1f}×" for n in sizes)
        for d in ("float32", "float64")
    ]
    print(f"{op:13}{cells[0]}  {cells[1]}")
#> AVX2 (X86_V3) path (NumPy's own choice)
#>                   float32       float64
#> elements       1e5   1e7     1e5   1e7
#> copy           0.1×  0.5×    0.5×  0.8×
#> relu           1.0×  1.0×    1.0×  1.0×
#> hard_sigmoid   0.8×  1.2×    2.3×  2.0×
#> exp            2.7×  2.6×    8.8×  4.3×
#> tanh           5.3×  4.4×   40.0× 17.4×
#> sigmoid        3.6×  3.1×   11.3×  5.4×
#> naive_sigmoid  3.4×  4.4×   11.1× 12.1×
#> expit          5.0×  4.3×   11.9×  5.7×
