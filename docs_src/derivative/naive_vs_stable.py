import math
from decimal import Decimal, localcontext

import numpy as np

from sigmoid_guide import sigmoid, sigmoid_grad


def exact_grad(x: float) -> float:
    """sigma'(x) = e^-x / (1 + e^-x)^2 in 40-digit decimal arithmetic, then rounded."""
    with localcontext() as ctx:
        ctx.prec = 40
        e = (-Decimal(x)).exp()
        return float(e / (1 + e) ** 2)


def correct_digits(approx: np.ndarray, exact: np.ndarray) -> int:
    """Significant decimal digits that are right everywhere (the worst point counts)."""
    worst = float(np.max(np.abs(approx - exact) / exact))
    return 16 if worst == 0 else max(0, math.floor(-math.log10(worst)))


for x0 in (5.0, 20.0, 40.0):
    x = x0 + np.linspace(-0.25, 0.25, 501)  # the worst case over a small window
    exact = np.array([exact_grad(v) for v in x])
    s = sigmoid(x)
    naive = s * (1 - s)  # the textbook formula
    stable = sigmoid_grad(x)  # the package
    print(f"x = {x0:2.0f}: naive {naive[250]:.6e} ({correct_digits(naive, exact):2} digits), "
          f"stable {stable[250]:.6e} ({correct_digits(stable, exact)} digits)")
#> x =  5: naive 6.648057e-03 (13 digits), stable 6.648057e-03 (15 digits)
#> x = 20: naive 2.061154e-09 ( 7 digits), stable 2.061154e-09 (15 digits)
#> x = 40: naive 0.000000e+00 ( 0 digits), stable 4.248354e-18 (15 digits)
