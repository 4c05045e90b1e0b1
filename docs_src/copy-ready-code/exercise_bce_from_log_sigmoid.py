import numpy as np

# With only NumPy, paste the log-sigmoid and the BCE blocks above in place of
# this import:
from sigmoid_guide.kernels import (
    binary_cross_entropy_with_logits_kernel,
    log_sigmoid_kernel,
)

# the loss from log-sigmoid: ln(1 - sigma(z)) = ln sigma(-z), no 1 - p
z = np.array([-800.0, -2.0, 0.0, 2.0, 800.0])
y = np.array([1.0, 0.0, 1.0, 1.0, 0.0])
mine = -y * log_sigmoid_kernel(z) - (1 - y) * log_sigmoid_kernel(-z)
ref = binary_cross_entropy_with_logits_kernel(z, y)
for zi, a, b in zip(z, mine, ref, strict=True):
    print(f"z = {zi:4.0f}: {a:10.6f} {b:10.6f}")
#> z = -800: 800.000000 800.000000
#> z =   -2:   0.126928   0.126928
#> z =    0:   0.693147   0.693147
#> z =    2:   0.126928   0.126928
#> z =  800: 800.000000 800.000000
print(np.allclose(mine, ref, rtol=1e-12, atol=0))
#> True
