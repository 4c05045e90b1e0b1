# one weight, loss L(w) = lam * w**2 / 2, gradient lam * w: each step of
# gradient descent multiplies w by (1 - eta * lam)
lam = 1.0
print("eta*lam: w after steps 1 to 5")
for eta in (0.5, 1.5, 2.5):
    w, path = 1.0, []
    for _ in range(5):
        w = w - eta * lam * w
        path.append(f"{w:+.3g}")
    print(f"{eta * lam}:", " ".join(path))
#> eta*lam: w after steps 1 to 5
#> 0.5: +0.5 +0.25 +0.125 +0.0625 +0.0312
#> 1.5: -0.5 +0.25 -0.125 +0.0625 -0.0312
#> 2.5: -1.5 +2.25 -3.38 +5.06 -7.59
