import numpy as np

from sigmoid_guide import sigmoid

rng = np.random.default_rng(3)
x = sigmoid(rng.normal(size=(8, 2)))  # a mini-batch of 8 positive inputs
w = np.array([0.5, -1.0])
c = rng.normal(size=8)  # some loss of the normalized outputs: sum of c * u_hat


def loss(u):
    u_hat = (u - u.mean()) / u.std()  # batch normalization of u = x @ w
    return np.sum(c * u_hat)


u = x @ w
h = 1e-6
# dL/du_b by central differences, one example b at a time
steps = h * np.eye(8)
dL_du = np.array([(loss(u + d) - loss(u - d)) / (2 * h) for d in steps])
print("sum over the batch is 0:", bool(abs(dL_du.sum()) < 1e-6))
#> sum over the batch is 0: True
grad = x.T @ dL_du  # dL/dw = sum over b of dL/du_b * x_b
centered = x - x.mean(axis=0)
print("same with centered inputs:", np.allclose(grad, centered.T @ dL_du))
#> same with centered inputs: True
print("some centered inputs < 0:", bool((centered < 0).any()))
#> some centered inputs < 0: True
