import numpy as np
from threadpoolctl import threadpool_limits

from sigmoid_guide.experiments.mlp import backward, forward, init_mlp
from sigmoid_guide.experiments.vanishing import (
    SETUP,
    make_dataset,
    saturated_fraction,
)

threadpool_limits(1)  # many small matrix products: one BLAS thread is fastest

# the data and the first network of the experiment behind the figure (its
# seeds)
x, y = make_dataset(np.random.default_rng([0, 0]))
print("ratio = |delta_1| / |delta_10|")
print("scale  |W|_2    ratio  saturated")
for scale in (1.0, 4.0, 16.0, 64.0):
    # the same sigmoid network each time, every weight multiplied by `scale`
    rng = np.random.default_rng([0, 1, 0])
    net = init_mlp(SETUP.sizes, "sigmoid", rng, scale)
    fwd = forward(net, x)
    grads = backward(net, fwd, y)
    d = grads.deltas
    ratio = np.linalg.norm(d[0]) / np.linalg.norm(d[-1])
    spectral = np.mean([np.linalg.norm(w, 2) for w in net.weights[1:-1]])
    saturated = np.mean(
        [saturated_fraction("sigmoid", h) for h in fwd.activations[1:]]
    )
    print(f"{scale:5.0f}  {spectral:5.1f}  {ratio:7.1e}  {saturated:9.0%}")
#> ratio = |delta_1| / |delta_10|
#> scale  |W|_2    ratio  saturated
#>     1    2.0  3.4e-06         0%
#>     4    7.9  1.8e-02         5%
#>    16   31.6  1.0e+01        65%
#>    64  126.3  1.6e+03        91%
