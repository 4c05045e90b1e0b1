import math
from decimal import Decimal, localcontext

import numpy as np

from sigmoid_guide import sigmoid, sigmoid_grad


def exact_grad(x: float) -> float:
    """sigma'(x) = e^-x / (1 + e^-x)^2 to 40 digits, then rounded."""
    with localcontext() as ctx:
        ctx.prec = 40
        e = (-Decimal(x)).exp()
        return float(e / (1 + e) ** 2)


def correct_digits(approx: np.ndarray, exact: np.ndarray) -> int:
    """Significant digits that are right everywhere (the worst counts)."""
    worst = float(np.max(np.abs(approx - exact) / exact))
    return 16 if worst == 0 else max(0, math.floor(-math.log10(worst)))


print("     textbook s*(1-s)   sigmoid_grad")
print("              correct         correct")
print(" x      value  digits     value  digits")
for x0 in (5.0, 20.0, 40.0):
    x = x0 + np.linspace(-0.25, 0.25, 501)  # the worst case near x0
    exact = np.array([exact_grad(v) for v in x])
    s = sigmoid(x)
    naive = s * (1 - s)  # the textbook formula
    stable = sigmoid_grad(x)  # the package
    print(f"{x0:2.0f} {naive[250]:10.4e} {correct_digits(naive, exact):7}"
          f" {stable[250]:10.4e} {correct_digits(stable, exact):7}")
#>      textbook s*(1-s)   sigmoid_grad
#>               correct         correct
#>  x      value  digits     value  digits
#>  5 6.6481e-03      13 6.6481e-03      15
#> 20 2.0612e-09       7 2.0612e-09      15
#> 40 0.0000e+00       0 4.2484e-18      15
