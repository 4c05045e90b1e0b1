from sigmoid_guide.experiments.zigzag import run_zigzag

r = run_zigzag()
for label in r.labels:
    m1, m2 = r.input_mean[label]
    print(f"{label:8} inputs: mean ({abs(m1):.2f}, {abs(m2):.2f})")
#> positive inputs: mean (0.51, 0.50)
#> centered inputs: mean (0.00, 0.00)
print("batch size  same-sign fraction")
print("            positive  centered")
for k, b in enumerate(r.batch_sizes):
    pos = r.same_sign_fraction["positive"][k]
    cen = r.same_sign_fraction["centered"][k]
    print(f"{b:10}  {pos:8.3f}  {cen:8.3f}")
#> batch size  same-sign fraction
#>             positive  centered
#>          1     1.000     0.500
#>          8     0.800     0.495
#>         64     0.655     0.477
#>        512     0.007     0.000
