import warnings

import numpy as np

# With only NumPy, paste the block above in place of this import:
from sigmoid_guide.kernels import sigmoid_kernel

x = np.array([-np.inf, -800.0, -30.0, 0.0, 30.0, 800.0, np.inf, np.nan])
with warnings.catch_warnings():
    warnings.simplefilter("error")  # any warning would stop the program here
    y = sigmoid_kernel(x)
for xi, yi in zip(x, y, strict=True):
    print(f"{xi:6} -> {yi:.8e}")
#>   -inf -> 0.00000000e+00
#> -800.0 -> 0.00000000e+00
#>  -30.0 -> 9.35762297e-14
#>    0.0 -> 5.00000000e-01
#>   30.0 -> 1.00000000e+00
#>  800.0 -> 1.00000000e+00
#>    inf -> 1.00000000e+00
#>    nan -> nan
# results that should be subnormal are computed, not flushed to 0
print(sigmoid_kernel(np.array([-720.0])))
#> [2.0322308e-313]
# float32 stays float32; a single number goes in as a one-element array
y32 = sigmoid_kernel(np.array([2.0], dtype=np.float32))
print(y32.dtype, y32.round(4))
#> float32 [0.8808]
