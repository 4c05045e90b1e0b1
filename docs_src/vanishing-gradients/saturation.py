import numpy as np

from sigmoid_guide.experiments.vanishing import activation_statistics

r = activation_statistics()  # one network per row, at initialization
np.set_printoptions(precision=2, floatmode="fixed")
for activation, scale, saturated, spread in zip(
    r.activations, r.scales, r.saturated, r.input_spread, strict=True
):
    print(f"{activation} x{scale:.0f}: saturated per layer {saturated}")
    print(f"    spread in layer 10 / layer 1: {spread[-1] / spread[0]:.1e}")
#> sigmoid x1: saturated per layer [0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00]
#>     spread in layer 10 / layer 1: 2.5e-06
#> tanh x1: saturated per layer [0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00]
#>     spread in layer 10 / layer 1: 5.5e-01
#> relu x1: saturated per layer [0.50 0.51 0.52 0.49 0.45 0.42 0.49 0.49 0.42 0.56]
#>     spread in layer 10 / layer 1: 4.6e-01
#> sigmoid x8: saturated per layer [0.22 0.38 0.35 0.35 0.42 0.41 0.31 0.41 0.32 0.40]
#>     spread in layer 10 / layer 1: 1.3e-01
