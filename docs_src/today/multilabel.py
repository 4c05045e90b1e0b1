import numpy as np

from sigmoid_guide import binary_cross_entropy_with_logits, sigmoid

# one photo, three independent yes/no questions: cat? dog? outdoors?
logits = np.array([2.0, -1.0, 0.5])
targets = np.array([1, 0, 1])  # a cat, no dog, outdoors

p = sigmoid(logits)  # one probability per label, each in (0, 1)
print(p.round(3), f"sum {p.sum():.3f}")
#> [0.881 0.269 0.622] sum 1.772
softmax = np.exp(logits) / np.exp(logits).sum()  # forces one winner
print(softmax.round(3), f"sum {softmax.sum():.3f}")
#> [0.786 0.039 0.175] sum 1.000

# the loss is computed from the logits, never from p
print(f"{binary_cross_entropy_with_logits(logits, targets):.4f}")
#> 0.3048
# a confidently wrong logit: the loss stays finite, about as large as the logit
print(binary_cross_entropy_with_logits(40.0, 0))
#> 40.0
