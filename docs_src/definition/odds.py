import numpy as np

from sigmoid_guide import sigmoid

p = 0.75  # the probability of an event
odds = p / (1 - p)  # how many times likelier it is to happen than not
z = np.log(odds)  # the log-odds, which can be any real number
print(odds, z)
#> 3.0 1.0986122886681098
print(sigmoid(z))  # sigmoid turns the log-odds back into the probability
#> 0.75
