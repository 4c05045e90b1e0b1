import numpy as np

from sigmoid_guide.experiments.shape import float_limits

# found by bisection over all floats of each type
print("smallest x where it returns exactly 0")
print("         s*(1-s)  sigmoid_grad")
for dtype in (np.float32, np.float64):
    lim = float_limits(dtype)
    print(f"{lim.dtype:7} {lim.textbook_grad_zero_from:8.4f}"
          f" {lim.grad_zero_from:13.4f}")
#> smallest x where it returns exactly 0
#>          s*(1-s)  sigmoid_grad
#> float32  16.6355      103.9721
#> float64  36.7368      745.1332
