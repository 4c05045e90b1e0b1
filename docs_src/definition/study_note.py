import numpy as np

from sigmoid_guide import naive_sigmoid, sigmoid

# the study note's grid: from -5 up to, not including, 5
x = np.arange(-5.0, 5.0, 0.1)
print(x.size)
#> 100
# on this grid the textbook one-liner and the package give the very same
# numbers
print(np.array_equal(naive_sigmoid(x), sigmoid(x)))
#> True
