import numpy as np

# With only NumPy, paste the block above in place of this import:
from sigmoid_guide.kernels import sigmoid_grad_kernel, sigmoid_kernel

x = np.array([0.0, 5.0, 40.0, -40.0])
print(sigmoid_grad_kernel(x))
#> [2.50000000e-01 6.64805667e-03 4.24835426e-18 4.24835426e-18]
# the textbook s * (1 - s) loses everything at x = 40: 1 - s rounds to 0
s = sigmoid_kernel(x)
print(s * (1.0 - s))
#> [2.50000000e-01 6.64805667e-03 0.00000000e+00 4.24835426e-18]
