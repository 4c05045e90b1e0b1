import numpy as np

from sigmoid_guide import sigmoid, sigmoid_grad, tanh

x = np.linspace(-8.0, 8.0, 1601)
# sigma is tanh shifted up by 1 and squeezed to half its height and slope
shifted = 0.5 * (1.0 + tanh(x / 2.0))
print(np.allclose(sigmoid(x), shifted, rtol=0.0, atol=1e-15))
#> True
# the steepest slope: 1/4 for sigma, 1 for tanh (tanh' = 1 - tanh^2)
print(sigmoid_grad(x).max(), (1.0 - tanh(x) ** 2).max())
#> 0.25 1.0
# feed both the same inputs, centered on 0
z = np.random.default_rng(0).standard_normal(100_000)
share_s, share_t = np.mean(sigmoid(z) > 0), np.mean(tanh(z) > 0)
print(f"positive outputs: sigmoid {share_s:.0%}, tanh {share_t:.0%}")
#> positive outputs: sigmoid 100%, tanh 50%
print(f"mean output of sigmoid: {sigmoid(z).mean():.3f}")
#> mean output of sigmoid: 0.500
