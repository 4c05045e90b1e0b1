import numpy as np

from sigmoid_guide import sigmoid

x = np.array([-4.0, -1.0, 0.0, 1.0, 4.0])
print("   x  sigmoid(x)")
for xi, yi in zip(x, sigmoid(x), strict=True):
    print(f"{xi:4.0f}  {yi:.8f}")
#>    x  sigmoid(x)
#>   -4  0.01798621
#>   -1  0.26894142
#>    0  0.50000000
#>    1  0.73105858
#>    4  0.98201379
