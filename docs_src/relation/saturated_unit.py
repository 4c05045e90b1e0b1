import numpy as np

from sigmoid_guide import sigmoid, sigmoid_grad

z = np.array([-6.0, 0.0, 6.0])  # pre-activations of three sigmoid units
out = sigmoid(z)  # what each unit sends forward to the next layer
slope = sigmoid_grad(z)  # the factor it applies to the gradient coming back
for zi, o, s in zip(z, out, slope, strict=True):
    print(f"z = {zi:+.0f}: output {o:.4f}, slope {s:.4f}")
#> z = -6: output 0.0025, slope 0.0025
#> z = +0: output 0.5000, slope 0.2500
#> z = +6: output 0.9975, slope 0.0025
