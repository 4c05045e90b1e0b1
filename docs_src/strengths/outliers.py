from sigmoid_guide.experiments.outliers import run_outliers

# 200 ordinary inputs ~ N(0, 1) plus the outliers 50, 200, 1000
r = run_outliers()
print("               outliers  ordinary")
print("preprocessing  distinct    spread")
for prep in r.preprocessings:
    key = f"{prep}/float64"
    distinct = r.distinct_outlier_outputs[key]
    print(f"{prep:13}  {distinct:8}  {r.bulk_output_std[key]:8.4f}")
#>                outliers  ordinary
#> preprocessing  distinct    spread
#> raw                   1    0.1882
#> standardised          3    0.0030
#> robust                1    0.1671
#> signed_log            3    0.1337
print(f"{'gradient at':12}" + "".join(f"{u:>9g}" for u in r.outliers))
for prep in r.preprocessings:
    grads = r.grad_outliers[f"{prep}/float64"]
    print(f"{prep:12}" + "".join(f"{g:9.1e}" for g in grads))
#> gradient at        50      200     1000
#> raw           9.6e-21  2.8e-85  0.0e+00
#> standardised  1.4e-01  1.6e-01  1.3e-05
#> robust        9.8e-18  6.3e-73  0.0e+00
#> signed_log    7.4e-02  2.6e-02  6.9e-03
