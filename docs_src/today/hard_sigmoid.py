import numpy as np

from sigmoid_guide import hard_sigmoid, sigmoid, silu

x = np.linspace(-8.0, 8.0, 160_001)
# hard sigmoid = ReLU6(x + 3) / 6: no exp, only add, multiply and clip
gap = np.abs(hard_sigmoid(x) - sigmoid(x))
where = abs(x[np.argmax(gap)])
print(f"largest gap to sigmoid: {gap.max():.4f}")
print(f"  at |x| = {where:.3f}")
#> largest gap to sigmoid: 0.0692
#>   at |x| = 1.317
# its slope in the middle is 1/6; sigmoid's is 1/4 at x = 0
h = 1e-3
hard_slope = (hard_sigmoid(h) - hard_sigmoid(-h)) / (2 * h)
sigmoid_slope = (sigmoid(h) - sigmoid(-h)) / (2 * h)
print(f"slopes at 0: hard {hard_slope:.4f}, sigmoid {sigmoid_slope:.4f}")
#> slopes at 0: hard 0.1667, sigmoid 0.2500
# h-swish = x * hard_sigmoid(x), the cheap stand-in for SiLU
h_gap = np.abs(x * hard_sigmoid(x) - silu(x))
where = abs(x[np.argmax(h_gap)])
print(f"largest gap of h-swish to SiLU: {h_gap.max():.4f}")
print(f"  at |x| = {where:.3f}")
#> largest gap of h-swish to SiLU: 0.1423
#>   at |x| = 3.000
