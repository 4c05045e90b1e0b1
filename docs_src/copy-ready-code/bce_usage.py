import numpy as np

# With only NumPy, paste the block above in place of this import:
from sigmoid_guide.kernels import binary_cross_entropy_with_logits_kernel

z = np.array([-800.0, -2.0, 0.0, 2.0, 800.0])  # logits, not probabilities
y = np.array([1.0, 0.0, 1.0, 1.0, 0.0])  # targets
loss = binary_cross_entropy_with_logits_kernel(z, y)
for zi, yi, li in zip(z, y, loss, strict=True):
    print(f"z = {zi:4.0f}, y = {yi:.0f}: loss {li:.6f}")
#> z = -800, y = 1: loss 800.000000
#> z =   -2, y = 0: loss 0.126928
#> z =    0, y = 1: loss 0.693147
#> z =    2, y = 1: loss 0.126928
#> z =  800, y = 0: loss 800.000000
print(f"{loss.mean():.6f}")  # the usual training loss
#> 320.189401
