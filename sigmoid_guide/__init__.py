"""sigmoid_guide: exact, fast and strict sigmoid-family activations.

The package behind the bilingual sigmoid guide: numerically stable activations
(``sigmoid``, ``sigmoid_grad``, ``log_sigmoid``, ``logit``,
``binary_cross_entropy_with_logits``), the activations the guide compares against
(``tanh``, ``relu``, ``hard_sigmoid``, ``silu``), the textbook
``naive_sigmoid`` kept as a warning, and the experiments and figures of the site.
"""

from .activations import (
    hard_sigmoid,
    log_sigmoid,
    logit,
    naive_sigmoid,
    relu,
    sigmoid,
    sigmoid_grad,
    silu,
    tanh,
)
from .losses import binary_cross_entropy_with_logits

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "binary_cross_entropy_with_logits",
    "hard_sigmoid",
    "log_sigmoid",
    "logit",
    "naive_sigmoid",
    "relu",
    "sigmoid",
    "sigmoid_grad",
    "silu",
    "tanh",
]
