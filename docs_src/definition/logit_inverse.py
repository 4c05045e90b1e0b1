import numpy as np

from sigmoid_guide import logit, sigmoid

x = np.linspace(-6.0, 6.0, 13)
# logit undoes sigmoid, up to rounding
print(np.allclose(logit(sigmoid(x)), x, rtol=0.0, atol=1e-12))
#> True
# ... as long as sigmoid has not rounded to exactly 1
print(logit(sigmoid(np.array([-40.0, 40.0]))))
#> [-40.  inf]
