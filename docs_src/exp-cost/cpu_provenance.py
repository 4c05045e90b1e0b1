import textwrap

from sigmoid_guide.experiments.cost import load_cpu_paths


def show(text: str, width: int = 40) -> None:
    """Print text in lines of at most `width` characters. A word too long
    for a line (a file path, a list without spaces) breaks after a "/" or
    a ","."""
    for line in textwrap.wrap(text, width, subsequent_indent="    ",
                              break_long_words=False):
        while len(line) > width:
            cut = max(line.rfind("/", 0, width), line.rfind(",", 0, width))
            print(line[:cut + 1])
            line = "    " + line[cut + 1:]
        print(line)


# where, when and how the committed CPU timings were measured
paths = load_cpu_paths()
for key, value in paths[0].provenance.items():
    if isinstance(value, list):
        value = ", ".join(value)
    show(f"{key}: {value}")
# NumPy's SIMD code paths timed on that machine, each in its own process
for cpu in paths:
    if cpu.numpy_default:
        show(f"path {cpu.label}: NumPy's own choice")
    else:
        show(f"path {cpu.label}: NPY_DISABLE_CPU_FEATURES={cpu.disable}")
#> machine: Intel(R) Xeon(R) Processor
#> architecture: x86_64
#> simd: AVX2, FMA3, AVX512F
#> cpu_features: MMX, SSE, SSE2, SSE3,
#>     SSSE3, SSE41, POPCNT, SSE42, AVX,
#>     F16C, FMA3, AVX2, LAHF, CX16, MOVBE,
#>     BMI, BMI2, LZCNT, GFNI, VPCLMULQDQ,
#>     VAES, AVX512F, AVX512CD,
#>     AVX512VPOPCNTDQ, AVX512VL, AVX512BW,
#>     AVX512DQ, AVX512VNNI, AVX512IFMA,
#>     AVX512VBMI, AVX512VBMI2,
#>     AVX512BITALG, AVX512FP16,
#>     AVX512BF16, AVX512_SKX, AVX512_CLX,
#>     AVX512_CNL
#> cores: 2
#> python: 3.11.7
#> numpy: 2.4.6
#> scipy: 1.17.1
#> torch: None
#> torch_threads: None
#> date: 2026-12-02
#> method: median of interleaved
#>     repetitions in one process per SIMD
#>     path (operation order shuffled each
#>     repetition); input N(0, 4^2),
#>     seeded; each call allocates its
#>     result; single-threaded NumPy/SciPy
#> floor: np.exp into a new array, then
#>     np.divide(1, e) in place, in blocks
#>     of 65536 elements: the least work of
#>     any NumPy sigmoid
#> command: python -m sigmoid_guide.bench
#>     --json
#>     sigmoid_guide/data/
#>     cpu_activation_cost.json
#> arguments: --repeat 3 --json
#>     sigmoid_guide/data/
#>     cpu_activation_cost.json
#> path AVX-512 (X86_V4): NumPy's own
#>     choice
#> path AVX2 (X86_V3):
#>     NPY_DISABLE_CPU_FEATURES=X86_V4,
#>     AVX512_ICL,AVX512_SPR
#> path baseline (X86_V2):
#>     NPY_DISABLE_CPU_FEATURES=X86_V3,
#>     X86_V4,AVX512_ICL,AVX512_SPR
