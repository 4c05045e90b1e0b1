from sigmoid_guide.experiments.zigzag import run_zigzag

r = run_zigzag()
for label in r.labels:
    m1, m2 = r.input_mean[label]
    print(f"{label:8} inputs: mean ({abs(m1):.2f}, {abs(m2):.2f})")
#> positive inputs: mean (0.51, 0.50)
#> centered inputs: mean (0.00, 0.00)

# Fraction of same-sign updates: over the first updates
# of each run, and over the whole run
print(f"first: until the loss gap falls to {r.early_gap:.0%}")
print(f"all: all {r.sign_updates} updates")
print("batch   positive        centered")
print("size    first   all     first   all")
for k, b in enumerate(r.batch_sizes):
    row = f"{b:4}    "
    for label in r.labels:
        first = r.same_sign_fraction_early[label][k]
        whole = r.same_sign_fraction[label][k]
        row += f"{first:<8.3g}{whole:<8.3g}"
    print(row.rstrip())
#> first: until the loss gap falls to 10%
#> all: all 400 updates
#> batch   positive        centered
#> size    first   all     first   all
#>    1    1       1       0.583   0.5
#>    8    0.486   0.8     0       0.495
#>   64    0.0909  0.655   0       0.477
#>  512    0.0909  0.0075  0       0
