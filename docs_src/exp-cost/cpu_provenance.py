import textwrap

from sigmoid_guide.experiments.cost import load_cpu_cost

# where, when and how the committed CPU timings were measured
provenance = load_cpu_cost().provenance
for key, value in provenance.items():
    if isinstance(value, list):
        value = ", ".join(value)
    print(textwrap.fill(f"{key}: {value}", width=72, subsequent_indent="    "))
#> machine: AMD EPYC
#> architecture: x86_64
#> simd: AVX2, FMA3
#> cores: 2
#> python: 3.11.7
#> numpy: 2.4.6
#> scipy: 1.17.1
#> torch: None
#> date: 2026-11-26
#> method: median of interleaved repetitions in one process (operation
#>     order shuffled each repetition); input N(0, 4^2), seeded; each call
#>     allocates its result; single-threaded NumPy/SciPy
#> command: python -m sigmoid_guide.bench --json
#>     sigmoid_guide/data/cpu_activation_cost.json
