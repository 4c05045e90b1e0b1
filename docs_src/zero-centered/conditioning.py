from sigmoid_guide.experiments.zigzag import run_zigzag

r = run_zigzag()
print("          eigenvalues     condition")
print("inputs     small   large     number")
for label in r.labels:
    lo, hi = r.eigenvalues[label]
    cond = r.condition_number[label]
    print(f"{label:8}  {lo:6.4f}  {hi:6.4f}  {cond:9.1f}")
#>           eigenvalues     condition
#> inputs     small   large     number
#> positive  0.0437  0.5580       12.8
#> centered  0.0434  0.0445        1.0
print(f"steps until the loss gap is {r.tol:g}")
print("of what it was at the start")
print("          its best rate   shared rate")
print("inputs     rate  steps    rate  steps")
for label in r.labels:
    best = f"{r.gd_lr[label]:6.2f} {r.gd_steps[label]:6}"
    shared = f"{r.gd_lr_same:6.2f} {r.gd_steps_same[label]:6}"
    print(f"{label:8} {best}  {shared}")
#> steps until the loss gap is 1e-06
#> of what it was at the start
#>           its best rate   shared rate
#> inputs     rate  steps    rate  steps
#> positive   3.32     45    3.32     45
#> centered  22.75      2    3.32     45
