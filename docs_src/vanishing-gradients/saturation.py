import numpy as np

from sigmoid_guide.experiments.vanishing import activation_statistics

r = activation_statistics()  # one network per column, at initialization
scales = [f"x{s:.0f}" for s in r.scales]  # times the standard init
print("fraction of saturated outputs per layer")
print("     " + "".join(f"{a:>8}" for a in r.activations))
print("layer" + "".join(f"{s:>8}" for s in scales))
saturated = np.array(r.saturated)  # one row per network
for layer in range(saturated.shape[1]):
    print(f"{layer + 1:5}" + "".join(f"{f:8.2f}" for f in saturated[:, layer]))
# how much a unit's output varies across examples (standard deviation)
print("spread in layer 10 / layer 1")
print("     " + "".join(f"{s[-1] / s[0]:8.1e}" for s in r.input_spread))
#> fraction of saturated outputs per layer
#>       sigmoid    tanh    relu sigmoid
#> layer      x1      x1      x1      x8
#>     1    0.00    0.00    0.50    0.22
#>     2    0.00    0.00    0.51    0.38
#>     3    0.00    0.00    0.52    0.35
#>     4    0.00    0.00    0.49    0.35
#>     5    0.00    0.00    0.45    0.42
#>     6    0.00    0.00    0.42    0.41
#>     7    0.00    0.00    0.49    0.31
#>     8    0.00    0.00    0.49    0.41
#>     9    0.00    0.00    0.42    0.32
#>    10    0.00    0.00    0.56    0.40
#> spread in layer 10 / layer 1
#>       2.5e-06 5.5e-01 4.6e-01 1.3e-01
