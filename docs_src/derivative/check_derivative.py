import numpy as np

from sigmoid_guide import sigmoid, sigmoid_grad

# sigma'(x) = sigma(x) * (1 - sigma(x)) against a central difference
x = np.array([-5.0, -2.0, 0.0, 2.0, 5.0])
h = 1e-5
numeric = (sigmoid(x + h) - sigmoid(x - h)) / (2 * h)
print("   x  formula  central difference")
for xi, a, b in zip(x, sigmoid_grad(x), numeric, strict=True):
    print(f"{xi:4.0f} {a:8.6f} {b:19.6f}")
#>    x  formula  central difference
#>   -5 0.006648            0.006648
#>   -2 0.104994            0.104994
#>    0 0.250000            0.250000
#>    2 0.104994            0.104994
#>    5 0.006648            0.006648

# the largest slope on a fine grid, and where it is
grid = np.linspace(-10.0, 10.0, 20001)
slope = sigmoid_grad(grid)
print(slope.max(), grid[slope.argmax()])
#> 0.25 0.0
