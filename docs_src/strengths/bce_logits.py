import numpy as np

from sigmoid_guide import binary_cross_entropy_with_logits, sigmoid

# three confident "yes" predictions (logits z) for examples whose label is 0
z = np.array([10.0, 20.0, 40.0])
y = np.zeros(3)
exact = np.logaddexp(0.0, z)  # log(1 + e^z): the true loss when y = 0
from_logits = binary_cross_entropy_with_logits(z, y, reduction="none")
p64 = sigmoid(z)
p32 = sigmoid(z.astype(np.float32))
eps = np.float32(1e-7)
clipped = np.clip(p32, eps, 1 - eps)  # a common guard
with np.errstate(divide="ignore"):  # log(0) warns; here we want to see it
    from_p64 = -np.log(1 - p64)
    from_p32 = -np.log(1 - p32)
    from_clipped = -np.log(1 - clipped)
print("the loss in float64")
print(" z       exact      from p  from logits")
for row in zip(z, exact, from_p64, from_logits, strict=True):
    print("{:2.0f} {:11.8f} {:11.8f} {:12.8f}".format(*row))
#> the loss in float64
#>  z       exact      from p  from logits
#> 10 10.00004540 10.00004540  10.00004540
#> 20 20.00000000 19.99999997  20.00000000
#> 40 40.00000000         inf  40.00000000
print("the loss in float32")
print(" z  from p  clipped p")
for row in zip(z, from_p32, from_clipped, strict=True):
    print("{:2.0f} {:7.4f} {:10.4f}".format(*row))
#> the loss in float32
#>  z  from p  clipped p
#> 10  9.9996     9.9996
#> 20     inf    15.9424
#> 40     inf    15.9424
# the gradient with respect to the logit is simply sigma(z) - y: it does
# not vanish
print("dL/dz:", sigmoid(z) - y)
#> dL/dz: [0.9999546 1.        1.       ]
