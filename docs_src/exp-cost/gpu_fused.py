from sigmoid_guide.experiments.cost import load_gpu_cost

# the committed file sigmoid_guide/data/h100_activation_cost.json
gpu = load_gpu_cost()

# 64 activations chained in one compiled kernel: the data is read once and
# written once, and the arithmetic is done 64 times per element
print("64 ops fused in one kernel,")
print(f"{gpu.fused_n:,} float32 elements")
for op in ("relu", "hardsigmoid", "sigmoid", "tanh"):
    ms = gpu.fused_seconds[op] * 1e3
    print(f"  {op:12}{ms:7.3f} ms{gpu.fused_ratio_to_relu[op]:7.2f}× ReLU")
#> 64 ops fused in one kernel,
#> 10,000,000 float32 elements
#>   relu          0.092 ms   1.00× ReLU
#>   hardsigmoid   0.207 ms   2.24× ReLU
#>   sigmoid       0.380 ms   4.11× ReLU
#>   tanh          0.424 ms   4.59× ReLU
