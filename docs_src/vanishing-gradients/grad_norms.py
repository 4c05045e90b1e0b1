import numpy as np
from threadpoolctl import threadpool_limits

from sigmoid_guide.experiments.mlp import (
    init_mlp,
    init_name,
    loss_and_gradients,
)
from sigmoid_guide.experiments.vanishing import SETUP, make_dataset

threadpool_limits(1)  # many small matrix products: one BLAS thread is fastest

print(f"{SETUP.depth} hidden layers of {SETUP.width} units, "
      f"{SETUP.n_features} inputs")
print(f"{SETUP.n_samples} examples, {SETUP.steps} training steps")
print(f"learning rate {SETUP.learning_rate}, momentum {SETUP.momentum}")
#> 10 hidden layers of 64 units, 8 inputs
#> 128 examples, 100 training steps
#> learning rate 0.05, momentum 0.9
# the data and the networks of the experiment behind the figure (its seeds)
x, y = make_dataset(np.random.default_rng([0, 0]))
print("|dL/dW_1| / |dL/dW_10| at initialization")
for activation in ("sigmoid", "tanh", "relu"):
    net = init_mlp(SETUP.sizes, activation, np.random.default_rng([0, 1, 0]))
    grads = loss_and_gradients(net, x, y)
    # the norms of hidden layers 1 ... 10
    norms = [np.linalg.norm(g) for g in grads.weights[:-1]]
    init = init_name(activation)
    print(f"  {activation:7} {init:14}  {norms[0] / norms[-1]:.1e}")
#> |dL/dW_1| / |dL/dW_10| at initialization
#>   sigmoid Glorot uniform  9.8e-07
#>   tanh    Glorot uniform  7.1e-01
#>   relu    He normal       2.3e-01
