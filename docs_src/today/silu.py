import numpy as np

from sigmoid_guide import sigmoid, silu

x = np.linspace(-6.0, 6.0, 120_001)
y = silu(x)
print(np.allclose(y, x * sigmoid(x)))
#> True
# unlike ReLU, SiLU dips below 0 before it turns upward
i = np.argmin(y)
print(f"lowest value {y[i]:.4f} at x = {x[i]:.3f}")
#> lowest value -0.2785 at x = -1.279
# far from 0 it behaves like ReLU: about 0 on the left, about x on the right
print(f"silu(-6) = {silu(-6.0):.4f}, silu(6) = {silu(6.0):.4f}")
#> silu(-6) = -0.0148, silu(6) = 5.9852
