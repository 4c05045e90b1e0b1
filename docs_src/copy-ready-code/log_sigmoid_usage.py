import numpy as np

# With only NumPy, paste the block above in place of this import:
from sigmoid_guide.kernels import log_sigmoid_kernel

x = np.array([-1000.0, -1.0, 0.0, 40.0])
print(log_sigmoid_kernel(x))
#> [-1.00000000e+03 -1.31326169e+00 -6.93147181e-01 -4.24835426e-18]
# the log of the textbook sigmoid: -inf at -1000 (sigma rounds to 0), 0 at 40 (sigma rounds to 1)
with np.errstate(over="ignore", divide="ignore"):
    print(np.log(1.0 / (1.0 + np.exp(-x))))
#> [       -inf -1.31326169 -0.69314718  0.        ]
