# --8<-- [start:compare]
import numpy as np

from sigmoid_guide import sigmoid, sigmoid_grad

x = np.array([5.0, 20.0, 40.0])
s = sigmoid(x)
naive = s * (1 - s)  # the textbook formula
stable = sigmoid_grad(x)  # the package
e = np.exp(-x)
exact = e / (1 + e) ** 2  # the same derivative, with nothing subtracted
for xi, n, st, ex in zip(x, naive, stable, exact, strict=True):
    print(f"x = {xi:2.0f}: naive {n:.6e} (error {abs(n - ex) / ex:.0e}), "
          f"stable {st:.6e} (error {abs(st - ex) / ex:.0e})")
#> x =  5: naive 6.648057e-03 (error 2e-14), stable 6.648057e-03 (error 3e-16)
#> x = 20: naive 2.061154e-09 (error 4e-08), stable 2.061154e-09 (error 2e-16)
#> x = 40: naive 0.000000e+00 (error 1e+00), stable 4.248354e-18 (error 0e+00)
# --8<-- [end:compare]
# --8<-- [start:limits]
import numpy as np

from sigmoid_guide.experiments.shape import float_limits

# the smallest x where s * (1 - s) returns exactly 0 (found by bisection over floats)
for dtype in (np.float32, np.float64):
    limits = float_limits(dtype)
    print(f"{limits.dtype}: s*(1-s) is 0 from x = {limits.textbook_grad_zero_from:.4f}, "
          f"sigmoid_grad from x = {limits.grad_zero_from:.4f}")
#> float32: s*(1-s) is 0 from x = 16.6355, sigmoid_grad from x = 103.9721
#> float64: s*(1-s) is 0 from x = 36.7368, sigmoid_grad from x = 745.1332
# --8<-- [end:limits]
