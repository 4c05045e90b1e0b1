from sigmoid_guide.experiments.cost import load_gpu_cost

# the committed file sigmoid_guide/data/h100_activation_cost.json
gpu = load_gpu_cost()

# One operation on a large array: bytes read + written per second, and
# time / ReLU's
dtype = "float32"
n = gpu.sizes[dtype][-1]
relu = gpu.seconds[dtype][gpu.ops.index("relu"), -1]
print(f"one op, {n:,} {dtype} elements")
for i, op in enumerate(gpu.ops):
    gbps = gpu.gbps[dtype][i, -1]
    ratio = gpu.seconds[dtype][i, -1] / relu
    print(f"  {op:12}{gbps:7.0f} GB/s{ratio:7.2f}× ReLU")
#> one op, 400,000,000 float32 elements
#>   copy           2989 GB/s   1.00× ReLU
#>   relu           2984 GB/s   1.00× ReLU
#>   sigmoid        2992 GB/s   1.00× ReLU
#>   tanh           2989 GB/s   1.00× ReLU
#>   exp            2988 GB/s   1.00× ReLU
#>   hardsigmoid    2986 GB/s   1.00× ReLU
#>   silu           2992 GB/s   1.00× ReLU
