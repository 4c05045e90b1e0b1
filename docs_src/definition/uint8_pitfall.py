import numpy as np

from sigmoid_guide import naive_sigmoid, sigmoid

x = np.array([1], dtype=np.uint8)  # e.g. a pixel value read from an image
print(-x)  # unsigned integers have no negative values: -1 wraps around to 255
#> [255]
with np.errstate(over="ignore"):  # it would warn about overflow in exp
    y = naive_sigmoid(x)
print(y, y.dtype)
#> [0.] float16
print(sigmoid(x))  # the package computes integers in float64
#> [0.73105858]
