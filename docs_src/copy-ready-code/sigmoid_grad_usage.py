import numpy as np

# With only NumPy, paste the block above in place of this import:
from sigmoid_guide.kernels import sigmoid_grad_kernel, sigmoid_kernel

x = np.array([0.0, 5.0, 40.0, -40.0])
# beside it, the textbook s * (1 - s), which loses everything at
# x = 40: there 1 - s rounds to 0
s = sigmoid_kernel(x)
print("  x       kernel    s*(1-s)")
for xi, good, bad in zip(x, sigmoid_grad_kernel(x), s * (1 - s), strict=True):
    print(f"{xi:3.0f} {good:12.6g} {bad:10.6g}")
#>   x       kernel    s*(1-s)
#>   0         0.25       0.25
#>   5   0.00664806 0.00664806
#>  40  4.24835e-18          0
#> -40  4.24835e-18 4.24835e-18
