import numpy as np

from sigmoid_guide.kernels import binary_cross_entropy_with_logits_kernel as bce

z = np.array([-800.0, -2.0, 0.0, 2.0, 800.0])  # logits, not probabilities
y = np.array([1.0, 0.0, 1.0, 1.0, 0.0])  # targets
loss = bce(z, y)
print(loss)
#> [8.00000000e+02 1.26928011e-01 6.93147181e-01 1.26928011e-01
#>  8.00000000e+02]
print(loss.mean())  # the usual training loss
#> 320.1894006405292
