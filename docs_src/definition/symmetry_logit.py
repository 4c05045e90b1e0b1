import numpy as np

from sigmoid_guide import logit, sigmoid

x = np.linspace(-6.0, 6.0, 13)
# sigma(-x) = 1 - sigma(x), up to rounding
print(np.allclose(sigmoid(-x), 1.0 - sigmoid(x), rtol=0.0, atol=1e-15))
#> True
# logit undoes sigmoid
print(np.allclose(logit(sigmoid(x)), x))
#> True
