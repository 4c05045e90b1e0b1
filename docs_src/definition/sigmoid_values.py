import numpy as np

from sigmoid_guide import sigmoid

x = np.array([-4.0, -1.0, 0.0, 1.0, 4.0])
print(sigmoid(x))
#> [0.01798621 0.26894142 0.5        0.73105858 0.98201379]
