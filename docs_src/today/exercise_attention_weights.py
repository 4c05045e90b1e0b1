import numpy as np

from sigmoid_guide import sigmoid

# all n scores 0 and the bias -ln n: every key gets the same weight
for n in (2, 8, 64):
    w = sigmoid(np.zeros(n) - np.log(n))
    one_over = 1 / w[0]  # the weight is 1/(1 + n)
    print(f"n = {n:2}: 1/{one_over:.0f} = {w[0]:.4f}, sum {w.sum():.4f}")
#> n =  2: 1/3 = 0.3333, sum 0.6667
#> n =  8: 1/9 = 0.1111, sum 0.8889
#> n = 64: 1/65 = 0.0154, sum 0.9846
