import numpy as np

from sigmoid_guide.experiments.shape import float_limits

# the smallest x where s * (1 - s) returns exactly 0 (found by bisection over floats)
for dtype in (np.float32, np.float64):
    limits = float_limits(dtype)
    print(f"{limits.dtype}: s*(1-s) is 0 from x = {limits.textbook_grad_zero_from:.4f}, "
          f"sigmoid_grad from x = {limits.grad_zero_from:.4f}")
#> float32: s*(1-s) is 0 from x = 16.6355, sigmoid_grad from x = 103.9721
#> float64: s*(1-s) is 0 from x = 36.7368, sigmoid_grad from x = 745.1332
