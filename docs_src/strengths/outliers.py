from sigmoid_guide.experiments.outliers import run_outliers

r = run_outliers()  # 200 ordinary inputs ~ N(0, 1) plus the outliers 50, 200, 1000
print("preprocessing  distinct  gradient at 50, 200, 1000      spread of ordinary")
for prep in r.preprocessings:
    key = f"{prep}/float64"
    grads = "  ".join(f"{g:8.1e}" for g in r.grad_outliers[key])
    print(f"{prep:13}  {r.distinct_outlier_outputs[key]:8}  {grads}  "
          f"{r.bulk_output_std[key]:18.4f}")
#> preprocessing  distinct  gradient at 50, 200, 1000      spread of ordinary
#> raw                   1   9.6e-21   2.8e-85   0.0e+00              0.1882
#> standardised          3   1.4e-01   1.6e-01   1.3e-05              0.0030
#> robust                1   9.8e-18   6.3e-73   0.0e+00              0.1671
#> signed_log            3   7.4e-02   2.6e-02   6.9e-03              0.1337
