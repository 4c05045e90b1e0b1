import numpy as np

# With only NumPy, paste the block above in place of this import:
from sigmoid_guide.kernels import logit_kernel

p = np.array([0.0, 0.1, 0.5, 0.9, 1.0])
print(logit_kernel(p).round(3))  # no divide-by-zero warning at 0 and 1
#> [  -inf -2.197  0.     2.197    inf]
# logit undoes sigmoid (here the textbook one-liner, fine for these x)
x = np.array([-30.0, -2.5, 0.25, 3.0])
print(logit_kernel(1.0 / (1.0 + np.exp(-x))))
#> [-30.    -2.5    0.25   3.  ]
