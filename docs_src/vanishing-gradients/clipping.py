import numpy as np
from threadpoolctl import threadpool_limits

from sigmoid_guide.experiments.mlp import init_mlp, loss_and_gradients
from sigmoid_guide.experiments.vanishing import SETUP, make_dataset

threadpool_limits(1)  # many small matrix products: one BLAS thread is fastest


def clip_by_norm(grads, max_norm):
    """Scale all gradients by one factor so that their joint norm is at
    most max_norm."""
    total = np.sqrt(sum(np.sum(g * g) for g in grads))
    factor = min(1.0, max_norm / total)
    return [factor * g for g in grads], total


# the sigmoid network with weights 64 times the Xavier scale, where
# gradients explode
x, y = make_dataset(np.random.default_rng([0, 0]))
net = init_mlp(SETUP.sizes, "sigmoid", np.random.default_rng([0, 1, 0]), 64.0)
grads = list(loss_and_gradients(net, x, y).weights)
clipped, total = clip_by_norm(grads, max_norm=1.0)
after = np.sqrt(sum(np.sum(g * g) for g in clipped))
print(f"gradient norm before clipping: {total:.1f}")
print(f"gradient norm after clipping:  {after:.1f}")
#> gradient norm before clipping: 1528.5
#> gradient norm after clipping:  1.0


def layer_ratio(g):
    """Gradient norm of layer 1 divided by that of layer 10."""
    return np.linalg.norm(g[0]) / np.linalg.norm(g[9])


# one common factor: the direction, and the imbalance between layers, stay
# the same
print(f"layer 1 / layer 10, before: {layer_ratio(grads):.1f}")
print(f"layer 1 / layer 10, after:  {layer_ratio(clipped):.1f}")
#> layer 1 / layer 10, before: 330.8
#> layer 1 / layer 10, after:  330.8
