import numpy as np

from sigmoid_guide.experiments.vanishing import sigmoid_bound

r = sigmoid_bound()  # the sigmoid network of the figure, at initialization
print("layer  measured  0.25^(D-l)  true bound")
rows = zip(r.layers, r.measured, r.naive, r.bound, strict=True)
for layer, measured, rule, bound in rows:
    print(f"{layer:5.0f}  {measured:8.1e}  {rule:10.1e}  {bound:10.1e}")
#> layer  measured  0.25^(D-l)  true bound
#>     1   3.4e-06     3.8e-06     1.7e-03
#>     2   1.4e-05     1.5e-05     3.5e-03
#>     3   5.3e-05     6.1e-05     7.0e-03
#>     4   2.2e-04     2.4e-04     1.4e-02
#>     5   8.5e-04     9.8e-04     3.0e-02
#>     6   3.8e-03     3.9e-03     6.1e-02
#>     7   1.5e-02     1.6e-02     1.3e-01
#>     8   6.4e-02     6.2e-02     2.5e-01
#>     9   2.6e-01     2.5e-01     5.0e-01
#>    10   1.0e+00     1.0e+00     1.0e+00
# what one backward step multiplies by, on average over the 9 steps
lo, hi = r.spectral_norm.min(), r.spectral_norm.max()
print("largest singular value |W|_2 per layer:")
print(f"  {lo:.2f} to {hi:.2f}")
#> largest singular value |W|_2 per layer:
#>   1.92 to 2.04
gain = np.exp(np.mean(np.log(r.weight_gain)))  # geometric mean
print(f"what W^T actually does to |delta|: x{gain:.2f}")
#> what W^T actually does to |delta|: x1.04
print(f"mean sigma'(z): {r.mean_slope.mean():.3f}")
#> mean sigma'(z): 0.235
print(f"measured factor per layer: {r.mean_step_factor:.3f}")
#> measured factor per layer: 0.247
