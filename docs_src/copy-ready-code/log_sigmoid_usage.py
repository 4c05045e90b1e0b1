import numpy as np

# With only NumPy, paste the block above in place of this import:
from sigmoid_guide.kernels import log_sigmoid_kernel

x = np.array([-1000.0, -1.0, 0.0, 40.0])
# beside it, the log of the textbook sigmoid: -inf at -1000 (sigma
# rounds to 0), and 0 at 40 (sigma rounds to 1)
with np.errstate(over="ignore", divide="ignore"):
    textbook = np.log(1.0 / (1.0 + np.exp(-x)))
print("    x      kernel   textbook")
for xi, good, bad in zip(x, log_sigmoid_kernel(x), textbook, strict=True):
    print(f"{xi:5.0f} {good:11.4g} {bad:10.4g}")
#>     x      kernel   textbook
#> -1000       -1000       -inf
#>    -1      -1.313     -1.313
#>     0     -0.6931    -0.6931
#>    40  -4.248e-18          0
