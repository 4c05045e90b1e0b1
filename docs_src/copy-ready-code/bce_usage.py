import numpy as np

# With only NumPy, paste the block above in place of this import:
from sigmoid_guide.kernels import binary_cross_entropy_with_logits_kernel

z = np.array([-800.0, -2.0, 0.0, 2.0, 800.0])  # logits, not probabilities
y = np.array([1.0, 0.0, 1.0, 1.0, 0.0])  # targets
loss = binary_cross_entropy_with_logits_kernel(z, y)
print(loss)
#> [8.00000000e+02 1.26928011e-01 6.93147181e-01 1.26928011e-01
#>  8.00000000e+02]
print(f"{loss.mean():.6f}")  # the usual training loss
#> 320.189401
