import numpy as np

from sigmoid_guide import sigmoid

p = 0.75  # the probability of an event
odds = p / (1 - p)  # how many times likelier it is to happen than not
z = np.log(odds)  # the log-odds, which can be any real number
print(odds, f"{z:.6f}")
#> 3.0 1.098612
# sigmoid turns the log-odds back into the probability
print(f"{sigmoid(z):.6f}")
#> 0.750000
