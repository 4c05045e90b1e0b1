from sigmoid_guide import sigmoid, sigmoid_grad

# sigma'(2) against central differences with a shrinking step h
exact = sigmoid_grad(2.0)
print(f"sigma'(2) = {exact:.6f}")
for h in (1e-1, 1e-2, 1e-3):
    numeric = (sigmoid(2.0 + h) - sigmoid(2.0 - h)) / (2 * h)
    print(f"h = {h:.0e}: error {abs(numeric - exact):.1e}")
#> sigma'(2) = 0.104994
#> h = 1e-01: error 6.5e-05
#> h = 1e-02: error 6.5e-07
#> h = 1e-03: error 6.5e-09
