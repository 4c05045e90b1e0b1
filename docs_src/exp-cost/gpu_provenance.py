import textwrap

from sigmoid_guide.experiments.cost import load_gpu_cost

# where, when and how the committed GPU timings were measured
gpu = load_gpu_cost()
print(f"gpu: {gpu.device}")
for key, value in gpu.provenance.items():
    print(textwrap.fill(f"{key}: {value}", width=40, subsequent_indent="    "))
#> gpu: NVIDIA H100 80GB HBM3
#> measured: 2026-11-26
#> device: one NVIDIA H100 80GB HBM3 (SXM),
#>     driver 580.159
#> software: PyTorch 2.11.0+cu130, NumPy
#>     2.5.2, 16 host CPU threads
#> method: CUDA events, median of 50 timed
#>     calls after 5 warm-up calls; GB/s
#>     counts bytes read plus written; the
#>     fused chain applies the activation
#>     64 times in one torch.compile kernel
#>     to make the work compute-bound
#> script: h100_activation_cost.measure.py
#>     beside this file
