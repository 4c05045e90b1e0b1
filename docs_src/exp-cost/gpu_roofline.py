from sigmoid_guide.experiments.cost import load_gpu_cost

# the committed file sigmoid_guide/data/h100_activation_cost.json
gpu = load_gpu_cost()
secs = gpu.seconds["float32"]
sig = gpu.ops.index("sigmoid")

# Alone, a sigmoid reads each float32 once (4 bytes) and writes it once
# (4 bytes).
n = gpu.sizes["float32"][-1]
moved = n / secs[sig, -1]
print("elements read and written per second,")
print(f"  one sigmoid alone:      {moved:.2e}")
#> elements read and written per second,
#>   one sigmoid alone:      3.74e+11
# Fused 64 times, the data moves once and the arithmetic is done 64 times.
computed = 64 * gpu.fused_n / gpu.fused_seconds["sigmoid"]
print("sigmoids computed per second,")
print(f"  in the fused chain:     {computed:.2e}")
#> sigmoids computed per second,
#>   in the fused chain:     1.69e+12
print("sigmoids computed in the time")
print(f"  one element moves:      {computed / moved:.1f}")
#> sigmoids computed in the time
#>   one element moves:      4.5

# Small arrays: every op takes about the same time, whatever its arithmetic
small = gpu.sizes["float32"][0]
fastest, slowest = secs[:, 0].min() * 1e6, secs[:, 0].max() * 1e6
print(f"{small:,} elements: {fastest:.0f} to {slowest:.0f} µs per op")
print(f"moving their bytes at that rate: {small / moved * 1e6:.1f} µs")
#> 1,000,000 elements: 24 to 33 µs per op
#> moving their bytes at that rate: 2.7 µs
