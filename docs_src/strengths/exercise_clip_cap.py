import math

import numpy as np

# the upper end of the usual clip, 1 - 1e-7, computed in float32
top = np.float32(1) - np.float32(1e-7)
print(top == 1 - 2.0**-23)  # the nearest float32 is 1 - 2^-23
#> True
# so the clipped loss for label 0 stops at -ln(2^-23) = 23 ln 2
print(f"{-np.log(1 - top):.4f}", f"{23 * math.log(2):.4f}")
#> 15.9424 15.9424
