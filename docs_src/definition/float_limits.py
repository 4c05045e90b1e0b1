import warnings

import numpy as np

from sigmoid_guide import naive_sigmoid, sigmoid
from sigmoid_guide.experiments.shape import float_limits

# thresholds found by bisection over all floats of each type
for dtype in (np.float32, np.float64):
    lim = float_limits(dtype)
    print(lim.dtype)
    print(f"  sigmoid(x) is 1 for x >= {lim.one_from:.4f}")
    print(f"  sigmoid(x) is 0 for x <= {lim.zero_below:.4f}")
    print(f"  exp(-x) overflows for x <= {lim.naive_overflow_below:.4f}")
#> float32
#>   sigmoid(x) is 1 for x >= 16.6355
#>   sigmoid(x) is 0 for x <= -103.9721
#>   exp(-x) overflows for x <= -88.7228
#> float64
#>   sigmoid(x) is 1 for x >= 36.7368
#>   sigmoid(x) is 0 for x <= -745.1332
#>   exp(-x) overflows for x <= -709.7827

# the smallest positive float64: normal, and subnormal
info = np.finfo(np.float64)
print(info.smallest_normal, info.smallest_subnormal)
#> 2.2250738585072014e-308 5e-324

x = np.array([-800.0, -710.0, 40.0])
for xi, yi in zip(x, sigmoid(x), strict=True):  # the package
    print(f"sigmoid({xi:.0f}) = {yi:.8e}")
#> sigmoid(-800) = 0.00000000e+00
#> sigmoid(-710) = 4.47628623e-309
#> sigmoid(40) = 1.00000000e+00
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")  # record warnings instead of printing them
    y = naive_sigmoid(x)  # the textbook one-liner 1 / (1 + np.exp(-x))
print(y)
#> [0. 0. 1.]
print(caught[0].message)
#> overflow encountered in exp
