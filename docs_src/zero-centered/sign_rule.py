import numpy as np

from sigmoid_guide import sigmoid

rng = np.random.default_rng(5)
x = sigmoid(rng.normal(size=(4, 3)))  # 4 examples, 3 inputs each: all positive
dL_df = rng.normal(size=4)  # dL/df of each example: either sign
grad_w = dL_df[:, None] * x  # dL/dw_i = dL/df * x_i, one row per example
print("sign of dL/df per example:", np.sign(dL_df).astype(int))
#> sign of dL/df per example: [-1  1  1 -1]
print("signs of dL/dw per example:")
print(np.sign(grad_w).astype(int))
#> signs of dL/dw per example:
#> [[-1 -1 -1]
#>  [ 1  1  1]
#>  [ 1  1  1]
#>  [-1 -1 -1]]
# averaged over the 4 examples (a mini-batch), the signs can differ
print("signs of the average:", np.sign(grad_w.mean(axis=0)).astype(int))
#> signs of the average: [-1  1  1]
