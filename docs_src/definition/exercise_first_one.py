import numpy as np

from sigmoid_guide import sigmoid

# the first whole number n where sigmoid(n) is exactly 1, per float type
for dtype in (np.float64, np.float32):
    n = 0
    while sigmoid(dtype(n)) < 1:
        n += 1
    print(dtype.__name__, n)
#> float64 37
#> float32 17
