import numpy as np

from sigmoid_guide import sigmoid


def softmax(s):
    e = np.exp(s - s.max())
    return e / e.sum()


n = 8  # keys one query looks at
b = -np.log(n)  # the bias used with sigmoid attention
scores = np.zeros(n)  # all keys equally relevant: what weight does each get?
w_softmax, w_sigmoid = softmax(scores)[0], sigmoid(scores + b)[0]
print(f"softmax {w_softmax:.4f}, sigmoid {w_sigmoid:.4f}")
#> softmax 0.1250, sigmoid 0.1111

# key 0 becomes much more relevant: softmax takes weight from the others,
# sigmoid leaves them where they were
scores[0] = 4.0
print(softmax(scores).round(4)[:3], f"sum {softmax(scores).sum():.4f}")
#> [0.8864 0.0162 0.0162] sum 1.0000
print(sigmoid(scores + b).round(4)[:3], f"sum {sigmoid(scores + b).sum():.4f}")
#> [0.8722 0.1111 0.1111] sum 1.6500
