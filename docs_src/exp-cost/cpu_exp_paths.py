from sigmoid_guide.experiments.cost import load_cpu_paths

# np.exp's time divided by ReLU's, on each SIMD path of the measured CPU:
# the same NumPy computes exp with AVX-512, AVX2 or baseline code
sizes = (100_000, 10_000_000)
size_labels = "".join(f"1e{len(str(n)) - 1}".rjust(5) for n in sizes)
print(f"{'':9}{'float32':>10}  {'float64':>10}")
print(f"{'path':9}{size_labels}  {size_labels}")
for cpu in load_cpu_paths():
    cells = [
        "".join(f"{cpu.ratio('numpy', 'exp', d, n):5.1f}" for n in sizes)
        for d in ("float32", "float64")
    ]
    print(f"{cpu.simd_path:9}{cells[0]}  {cells[1]}")
#>             float32     float64
#> path       1e5  1e7    1e5  1e7
#> avx512     1.6  1.9    1.4  1.3
#> avx2       2.8  2.8    6.4  2.9
#> baseline   5.8  2.7    5.2  2.4
