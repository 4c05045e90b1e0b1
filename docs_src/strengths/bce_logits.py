import numpy as np

from sigmoid_guide import binary_cross_entropy_with_logits, sigmoid

# three confident "yes" predictions (logits z) for examples whose label is 0
z = np.array([10.0, 20.0, 40.0])
y = np.zeros(3)
exact = np.logaddexp(0.0, z)  # log(1 + e^z): the true loss when y = 0
from_logits = binary_cross_entropy_with_logits(z, y, reduction="none")
p64 = sigmoid(z)
p32 = sigmoid(z.astype(np.float32))
clipped = np.clip(p32, np.float32(1e-7), np.float32(1 - 1e-7))  # a common guard
with np.errstate(divide="ignore"):  # log(0) warns; here we want to see what it returns
    from_p64 = -np.log(1 - p64)
    from_p32 = -np.log(1 - p32)
    from_clipped = -np.log(1 - clipped)
print(" z        exact  from p (f64)  from p (f32)  clipped (f32)  from logits")
for row in zip(z, exact, from_p64, from_p32, from_clipped, from_logits, strict=True):
    print("{:2.0f} {:12.8f} {:13.8f} {:13.4f} {:14.4f} {:12.8f}".format(*row))
#>  z        exact  from p (f64)  from p (f32)  clipped (f32)  from logits
#> 10  10.00004540   10.00004540        9.9996         9.9996  10.00004540
#> 20  20.00000000   19.99999997           inf        15.9424  20.00000000
#> 40  40.00000000           inf           inf        15.9424  40.00000000
# the gradient with respect to the logit is simply sigma(z) - y: it does not vanish
print("d loss / dz:", sigmoid(z) - y)
#> d loss / dz: [0.9999546 1.        1.       ]
