import numpy as np

from sigmoid_guide import sigmoid

x = np.array([1.0, 2.0, 4.0])
print(sigmoid(-x))
#> [0.26894142 0.11920292 0.01798621]
print(1.0 - sigmoid(x))
#> [0.26894142 0.11920292 0.01798621]
