import textwrap

from sigmoid_guide.experiments.cost import load_cpu_paths

# where, when and how the committed CPU timings were measured
paths = load_cpu_paths()
for key, value in paths[0].provenance.items():
    if isinstance(value, list):
        value = ", ".join(value)
    print(textwrap.fill(f"{key}: {value}", width=72, subsequent_indent="    "))
# NumPy's SIMD code paths timed on that machine, each in a process of its own
for cpu in paths:
    how = "NumPy's own choice" if cpu.numpy_default else f"NPY_DISABLE_CPU_FEATURES={cpu.disable}"
    print(textwrap.fill(f"path {cpu.label}: {how}", width=72, subsequent_indent="    "))
#> machine: AMD EPYC
#> architecture: x86_64
#> simd: AVX2, FMA3
#> cpu_features: MMX, SSE, SSE2, SSE3, SSSE3, SSE41, POPCNT, SSE42, AVX,
#>     F16C, FMA3, AVX2, LAHF, CX16, MOVBE, BMI, BMI2, LZCNT
#> cores: 2
#> python: 3.11.7
#> numpy: 2.4.6
#> scipy: 1.17.1
#> torch: None
#> torch_threads: None
#> date: 2026-12-01
#> method: median of interleaved repetitions in one process per SIMD path
#>     (operation order shuffled each repetition); input N(0, 4^2), seeded;
#>     each call allocates its result; single-threaded NumPy/SciPy
#> floor: np.exp into a new array, then np.divide(1, e) in place, in blocks
#>     of 65536 elements: the least work of any NumPy sigmoid
#> command: python -m sigmoid_guide.bench --json
#>     sigmoid_guide/data/cpu_activation_cost.json
#> arguments: --repeat 3 --json sigmoid_guide/data/cpu_activation_cost.json
#> path AVX2 (X86_V3): NumPy's own choice
#> path baseline (X86_V2):
#>     NPY_DISABLE_CPU_FEATURES=X86_V3,X86_V4,AVX512_ICL,AVX512_SPR
