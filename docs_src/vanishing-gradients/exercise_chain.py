import math


def slope(z):
    """sigma'(z) = sigma(z) * (1 - sigma(z))."""
    s = 1.0 / (1.0 + math.exp(-z))
    return s * (1.0 - s)


def delta_1(w, z, layers=10):
    """delta_1 of a chain of one-unit sigmoid layers, from delta_L = 1, by
    delta_l = w * sigma'(z) * delta_(l+1) (the same w and z in every layer)."""
    delta = 1.0
    for _ in range(layers - 1):
        delta = w * slope(z) * delta
    return delta


for w in (1.0, 4.0, 8.0):
    print(f"w = {w:g}, z = 0: delta_1 = {delta_1(w, 0.0):.3g}")
#> w = 1, z = 0: delta_1 = 3.81e-06
#> w = 4, z = 0: delta_1 = 1
#> w = 8, z = 0: delta_1 = 512
# every unit at z = 2, nearer saturation
print(f"w = 1, z = 2: delta_1 = {delta_1(1.0, 2.0):.2g}")
#> w = 1, z = 2: delta_1 = 1.6e-09
w = 1.0 / slope(2.0)  # the weight that keeps delta the same size
print(f"w = {w:.3g}, z = 2: delta_1 = {delta_1(w, 2.0):.3g}")
#> w = 9.52, z = 2: delta_1 = 1
