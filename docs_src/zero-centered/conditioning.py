from sigmoid_guide.experiments.zigzag import run_zigzag

r = run_zigzag()
for label in r.labels:
    lo, hi = r.eigenvalues[label]
    print(f"{label:8}: eigenvalues {lo:.4f}, {hi:.4f}; condition number "
          f"{r.condition_number[label]:.1f}")
#> positive: eigenvalues 0.0437, 0.5580; condition number 12.8
#> centered: eigenvalues 0.0434, 0.0445; condition number 1.0
print(f"steps to reach {r.tol:g} of the starting loss gap:")
#> steps to reach 1e-06 of the starting loss gap:
for label in r.labels:
    print(f"{label:8}: {r.gd_steps[label]:2} with its best rate {r.gd_lr[label]:.2f}, "
          f"{r.gd_steps_same[label]:2} with the shared rate {r.gd_lr_same:.2f}")
#> positive: 45 with its best rate 3.32, 45 with the shared rate 3.32
#> centered:  2 with its best rate 22.75, 45 with the shared rate 3.32
