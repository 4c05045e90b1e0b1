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
