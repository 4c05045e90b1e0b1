from sigmoid_guide import sigmoid

# A GRU-style update (Cho et al. 2014): the gate g = sigma(a) decides how
# much of the old state to keep; the rest comes from the new candidate.
h_old, h_candidate = 1.0, -1.0
for a in (-4.0, 0.0, 4.0):
    g = sigmoid(a)
    h_new = g * h_old + (1.0 - g) * h_candidate
    print(f"a = {a:+.0f}: gate g = {g:.3f}, new state {h_new:+.3f}")
#> a = -4: gate g = 0.018, new state -0.964
#> a = +0: gate g = 0.500, new state +0.000
#> a = +4: gate g = 0.982, new state +0.964
