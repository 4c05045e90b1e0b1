"""The one bilingual string table of the figures: every label, title, legend and alt text.

Each key maps to ``{"ko": ..., "en": ...}``. Figure code asks for text with
``t``; templates with ``{placeholders}`` are filled with ``str.format`` by the caller
(for measured numbers in alt texts). Korean uses the standard terms of Korean ML texts
(시그모이드 함수, 기울기 소실, 이진 교차 엔트로피, 조건수, 이상치 ...).
"""

from __future__ import annotations

from typing import Final

__all__ = ["LANGS", "STRINGS", "check_lang", "t"]

#: Languages of the guide, in the order figures are written.
LANGS: Final[tuple[str, ...]] = ("ko", "en")

STRINGS: Final[dict[str, dict[str, str]]] = {
    # --- common (owned by the figure infrastructure) ---
    "common.x": {"ko": "입력 x", "en": "input x"},
    "common.sigmoid": {"ko": "시그모이드 σ(x)", "en": "sigmoid σ(x)"},
    "common.float32": {"ko": "float32", "en": "float32"},
    "common.float64": {"ko": "float64", "en": "float64"},
    "common.step": {"ko": "단계 (스텝)", "en": "step"},
    "common.loss": {"ko": "손실", "en": "loss"},
    "common.batch_size": {"ko": "배치 크기", "en": "batch size"},
    "common.full_batch": {"ko": "전체 배치", "en": "full batch"},
    # shape: activations, derivatives, float limits
    "act.sigmoid": {"ko": "시그모이드 σ", "en": "sigmoid σ"},
    "act.tanh": {"ko": "tanh (하이퍼볼릭 탄젠트)", "en": "tanh"},
    "act.relu": {"ko": "ReLU", "en": "ReLU"},
    "act.hard_sigmoid": {"ko": "하드 시그모이드", "en": "hard sigmoid"},
    "act.silu": {"ko": "SiLU (x·σ(x))", "en": "SiLU (x·σ(x))"},
    "shape.activations.title": {
        "ko": "시그모이드 함수와 비교 대상 활성화 함수",
        "en": "Sigmoid and the activations it is compared with",
    },
    "shape.activations.ylabel": {"ko": "출력 f(x)", "en": "output f(x)"},
    "shape.activations.alt": {
        "ko": "입력 x가 −6에서 6까지일 때 다섯 활성화 함수의 그래프. 시그모이드는 0과 1 "
        "사이에서 S자 곡선을 그리고, tanh는 같은 모양이지만 −1과 1 사이에 있으며 원점을 "
        "지난다. ReLU는 음수에서 0, 양수에서 x이다. 하드 시그모이드는 −3에서 3 사이만 "
        "직선이고 그 밖에서는 0 또는 1이다. SiLU는 음수 쪽에서 살짝 0 아래로 내려갔다가 "
        "양수 쪽에서 x에 가까워진다.",
        "en": "Graphs of five activation functions for inputs x from −6 to 6. Sigmoid is an "
        "S-shaped curve between 0 and 1; tanh has the same shape between −1 and 1 and "
        "passes through the origin. ReLU is 0 for negative inputs and x for positive ones. "
        "Hard sigmoid is a straight line between −3 and 3 and exactly 0 or 1 outside. SiLU "
        "dips slightly below 0 for negative inputs and approaches x for positive ones.",
    },
    "shape.derivatives.title": {
        "ko": "도함수: 시그모이드의 기울기는 최대 0.25",
        "en": "Derivatives: the slope of sigmoid is at most 0.25",
    },
    "shape.derivatives.ylabel": {"ko": "도함수 f′(x)", "en": "derivative f′(x)"},
    "shape.derivatives.peak": {
        "ko": "σ′의 최댓값 {peak:.2f} (x = 0)",
        "en": "σ′ peaks at {peak:.2f} (x = 0)",
    },
    "shape.derivatives.alt": {
        "ko": "같은 다섯 활성화 함수의 도함수 그래프. 시그모이드의 도함수는 x = 0에서 최댓값 "
        "{sigmoid:.2f}인 종 모양이고 |x|가 커지면 0으로 다가간다. tanh의 도함수는 최댓값이 "
        "{tanh:.2f}이다. ReLU의 도함수는 음수에서 0, 양수에서 1인 계단 모양이고, 하드 "
        "시그모이드는 −3과 3 사이에서만 {hard:.3f}이다. SiLU의 도함수는 최대 {silu:.2f}로 "
        "1을 조금 넘는다.",
        "en": "Derivatives of the same five activations. The derivative of sigmoid is a bell "
        "curve with its maximum {sigmoid:.2f} at x = 0, falling towards 0 as |x| grows. The "
        "derivative of tanh peaks at {tanh:.2f}. ReLU's derivative is a step, 0 for negative "
        "and 1 for positive inputs; hard sigmoid's is {hard:.3f} between −3 and 3 and 0 "
        "elsewhere. SiLU's derivative peaks at {silu:.2f}, slightly above 1.",
    },
    "shape.limits.exact": {"ko": "정확한 값 σ(−x)", "en": "exact value σ(−x)"},
    "shape.limits.one_from": {"ko": "x ≥ {x}: σ = 1", "en": "x ≥ {x}: σ = 1"},
    "shape.limits.one_minus": {
        "ko": "1 − σ(x) (해당 자료형으로 계산)",
        "en": "1 − σ(x) (computed in the dtype)",
    },
    "shape.limits.left_title": {
        "ko": "큰 x: σ가 정확히 1로 반올림됨",
        "en": "Large x: σ rounds to exactly 1",
    },
    "shape.limits.stable": {"ko": "안정적인 σ (이 패키지)", "en": "stable σ (this package)"},
    "shape.limits.naive": {"ko": "교과서식 1/(1+exp(−x))", "en": "textbook 1/(1+exp(−x))"},
    "shape.limits.neg_title": {
        "ko": "절댓값이 큰 음수 x ({dtype})",
        "en": "Very negative x ({dtype})",
    },
    "shape.limits.overflow_at": {"ko": "exp 오버플로 {x}", "en": "exp overflows {x}"},
    "shape.limits.zero_at": {"ko": "σ = 0: {x}", "en": "σ = 0: {x}"},
    "shape.limits.alt": {
        "ko": "세 개의 로그 눈금 그래프. 왼쪽: x가 0에서 45까지일 때 1 − σ(x). 정확한 값은 "
        "직선으로 계속 줄어들지만, 자료형 안에서 계산한 값은 float32에서 x = {one32:.2f}, "
        "float64에서 x = {one64:.2f}부터 σ가 정확히 1로 반올림되어 0이 되므로 곡선이 "
        "끊긴다. 가운데(float32, x는 −120에서 0)와 오른쪽(float64, x는 −800에서 0)은 "
        "σ(x)이다. 교과서식 1/(1+exp(−x))는 exp가 오버플로하는 x ≤ {over32:.2f} "
        "(float32), x ≤ {over64:.2f} (float64)에서 경고와 함께 0을 돌려준다. 안정적인 "
        "구현은 비정규 수까지 계산하여 x = {zero32:.2f} (float32), "
        "x = {zero64:.2f} (float64)에 이르러서야 0이 된다.",
        "en": "Three log-scale plots. Left: 1 − σ(x) for x from 0 to 45. The exact value keeps "
        "falling along a straight line, but computed in the dtype it becomes 0, because σ "
        "rounds to exactly 1 from x = {one32:.2f} in float32 and x = {one64:.2f} in float64, "
        "so those curves end there. Middle (float32, x from −120 to 0) and right (float64, x "
        "from −800 to 0): σ(x). The textbook "
        "1/(1+exp(−x)) returns 0, with an overflow warning, for x ≤ {over32:.2f} (float32) "
        "and x ≤ {over64:.2f} (float64), where exp overflows. The stable implementation "
        "goes on into subnormal numbers and only reaches 0 at x = {zero32:.2f} (float32) and "
        "x = {zero64:.2f} (float64).",
    },
    # zigzag: not zero-centered inputs
    "zigzag.positive": {
        "ko": "양수 입력 (시그모이드 출력처럼)",
        "en": "positive inputs (like sigmoid outputs)",
    },
    "zigzag.centered": {"ko": "평균을 뺀 입력 (0 중심)", "en": "centered inputs (mean subtracted)"},
    "zigzag.traj.sgd": {"ko": "SGD, 배치 크기 1", "en": "SGD, batch size 1"},
    "zigzag.traj.gd": {"ko": "경사 하강법, 전체 배치", "en": "gradient descent, full batch"},
    "zigzag.traj.start": {"ko": "시작점", "en": "start"},
    "zigzag.traj.optimum": {"ko": "최적점", "en": "optimum"},
    "zigzag.traj.subtitle": {
        "ko": "조건수 {kappa:.1f}, 수렴까지 {steps}단계",
        "en": "condition number {kappa:.1f}, {steps} steps to converge",
    },
    "zigzag.traj.alt": {
        "ko": "두 개의 등고선 그래프. 가중치 두 개(w₁, w₂)인 선형 뉴런의 제곱 손실 등고선 "
        "위에 같은 시작점에서 출발한 경사 하강법의 경로가 그려져 있다. 왼쪽은 모든 입력이 "
        "양수인 경우로, 등고선이 가늘고 긴 골짜기 모양이며(헤세 행렬의 조건수 {kp:.1f}) "
        "전체 배치 경사 하강법이 골짜기를 가로질러 지그재그로 움직이다 {sp}단계 만에 "
        "수렴한다. 배치 크기 1인 SGD 경로는 매 단계 두 가중치가 함께 커지거나 함께 작아지는 "
        "방향으로만 움직인다. 오른쪽은 같은 입력에서 평균을 뺀 경우로, 등고선이 거의 원이고"
        "(조건수 {kc:.1f}) 경사 하강법이 최적점으로 거의 곧장 가서 {sc}단계 만에 수렴한다.",
        "en": "Two contour plots of the squared loss of a linear neuron with two weights "
        "(w₁, w₂), with gradient-descent paths from the same start. Left, all inputs "
        "positive: the contours form a long narrow valley (Hessian condition number "
        "{kp:.1f}) and full-batch gradient descent zig-zags across it, converging in {sp} "
        "steps. The single-example SGD path only ever moves both weights up together or "
        "both down together. Right, the same inputs with their mean subtracted: the "
        "contours are nearly circles (condition number {kc:.1f}) and gradient descent goes "
        "almost straight to the optimum, converging in {sc} steps.",
    },
    "zigzag.sign.title": {
        "ko": "기울기 성분의 부호가 모두 같은 업데이트의 비율",
        "en": "Share of updates whose gradient components all have one sign",
    },
    "zigzag.sign.ylabel": {
        "ko": "부호가 같은 업데이트 비율",
        "en": "fraction of same-sign updates",
    },
    "zigzag.sign.early": {
        "ko": "처음 업데이트\n(손실 차이가 처음의 {gap}로 줄기 전)",
        "en": "first updates\n(until the loss gap is {gap} of its start)",
    },
    "zigzag.sign.whole": {
        "ko": "실행 전체\n(업데이트 {n}번)",
        "en": "whole run\n({n} updates)",
    },
    "zigzag.sign.full": {"ko": "전체 ({n})", "en": "full ({n})"},
    "zigzag.sign.coin": {"ko": "무작위 부호일 때 0.5", "en": "0.5 = random signs"},
    "zigzag.sign.alt": {
        "ko": "꺾은선 그래프 두 개. 배치 크기(1, 8, 64, 전체 {n}개)별로, 학습 중 기울기의 두 "
        "성분이 같은 부호였던 업데이트의 비율을 나타낸다. 왼쪽은 처음 업데이트, 즉 손실 "
        "차이가 처음의 {gap}로 줄기 전까지의 업데이트만 센 것이다. 양수 입력: {pos_early}. "
        "평균을 뺀 입력: {cen_early}. 오른쪽은 업데이트 {updates}번 전체를 센 것이다. 양수 "
        "입력: {pos}. 평균을 뺀 입력: {cen}. 양수 입력의 배치 크기 1에서는 두 경우 모두 "
        "정확히 1로, 모든 업데이트가 두 가중치를 같은 방향으로 움직인다. 배치가 크면 처음 "
        "업데이트는 대부분 부호가 섞인다(전체 배치에서는 처음 업데이트 {early}번 중 맨 앞의 "
        "{lead}번만 부호가 같다). 실행 전체로 세면 미니배치의 비율은 다시 높아지고, 전체 "
        "배치만 낮게 남는다.",
        "en": "Two line charts of the fraction of training updates whose two gradient "
        "components had the same sign, for batch sizes 1, 8, 64 and the full batch of {n}. "
        "Left, the first updates only, those made before the loss gap fell to {gap} of its "
        "start. Positive inputs: {pos_early}. Centred inputs: {cen_early}. Right, the whole "
        "run of {updates} updates. Positive inputs: {pos}. Centred inputs: {cen}. With "
        "positive inputs and batch size 1 both are exactly 1: every update moves both "
        "weights the same way. With larger batches the first updates mostly have mixed "
        "signs (with the full batch only the first {lead} of {early} early updates share "
        "one sign). Over the whole run the mini-batches' fractions rise again, and only "
        "the full batch stays low.",
    },
    "zigzag.cond.kappa": {"ko": "조건수 λmax/λmin", "en": "condition number λmax/λmin"},
    "zigzag.cond.kappa_title": {
        "ko": "손실 헤세 행렬의 조건수",
        "en": "Condition number of the Hessian",
    },
    "zigzag.cond.own": {
        "ko": "각 문제에 최적인 학습률 2/(λmin+λmax)",
        "en": "each problem's best rate 2/(λmin+λmax)",
    },
    "zigzag.cond.same": {"ko": "두 문제에 같은 학습률", "en": "same learning rate for both"},
    "zigzag.cond.steps": {
        "ko": "단계 수 (손실 차이가 처음의 {tol}배가 될 때까지)",
        "en": "steps until the loss gap is {tol} of its start",
    },
    "zigzag.cond.steps_title": {
        "ko": "전체 배치 경사 하강법의 단계 수",
        "en": "Steps of full-batch gradient descent",
    },
    "zigzag.short.positive": {"ko": "양수 입력", "en": "positive"},
    "zigzag.short.centered": {"ko": "평균을 뺀 입력", "en": "centered"},
    "zigzag.cond.alt": {
        "ko": "두 개의 막대 그래프. 왼쪽: 손실 헤세 행렬의 조건수는 양수 입력에서 {kp:.1f}, "
        "평균을 뺀 입력에서 {kc:.1f}이다. 오른쪽: 손실 차이가 처음의 {tol:g}배로 줄 때까지 "
        "전체 배치 경사 하강법의 단계 수. 각 문제에 최적인 고정 학습률 2/(λmin+λmax)을 "
        "쓰면 양수 입력 {sp}단계, 평균을 뺀 입력 {sc}단계이다. 두 문제에 같은 학습률(양수 입력 쪽 "
        "값)을 쓰면 {qp}단계와 {qc}단계로 비슷하다. 평균을 빼면 평균이 만드는 큰 고윳값이 "
        "사라져 더 큰 학습률을 쓸 수 있게 되는 것이 이득의 원천이다.",
        "en": "Two bar charts. Left: the condition number of the loss Hessian is {kp:.1f} "
        "for positive inputs and {kc:.1f} for centered inputs. Right: full-batch gradient "
        "descent steps until the loss gap falls to {tol:g} of its start. Each with its own "
        "best fixed learning rate 2/(λmin+λmax): {sp} steps for positive inputs, {sc} for centered "
        "ones. With the same learning rate for both (the positive problem's), {qp} and {qc} "
        "steps, about equal: centring helps by removing the large eigenvalue that the mean "
        "creates, which allows a larger learning rate.",
    },
    # outliers
    "outliers.bulk": {"ko": "보통 입력 ({n}개)", "en": "ordinary inputs ({n})"},
    "outliers.bulk_median": {"ko": "보통 입력의 중앙값", "en": "median of ordinary inputs"},
    "outliers.point": {"ko": "이상치 x = {x}", "en": "outlier x = {x}"},
    "outliers.distinct": {
        "ko": "이상치 출력 값: {d}가지",
        "en": "distinct outlier outputs: {d}",
    },
    "outliers.prep.raw": {"ko": "전처리 없음", "en": "no preprocessing"},
    "outliers.prep.standardised": {"ko": "표준화 (z-점수)", "en": "standardised (z-score)"},
    "outliers.prep.robust": {
        "ko": "로버스트 스케일링\n(중앙값, IQR)",
        "en": "robust scaling\n(median, IQR)",
    },
    "outliers.prep.signed_log": {
        "ko": "부호 보존 로그\nsign(x)·log(1+|x|)",
        "en": "signed log\nsign(x)·log(1+|x|)",
    },
    "outliers.output": {"ko": "출력 σ(u)", "en": "output σ(u)"},
    "outliers.grad": {
        "ko": "가중치 기울기 |∂σ(wu)/∂w| (w = 1)",
        "en": "weight gradient |∂σ(wu)/∂w| (w = 1)",
    },
    "outliers.left_title": {"ko": "시그모이드의 출력", "en": "What sigmoid outputs"},
    "outliers.right_title": {"ko": "역전파되는 기울기", "en": "What gradient flows back"},
    "outliers.alt": {
        "ko": "두 개의 점 그래프. 행은 전처리 방법 네 가지(전처리 없음, 표준화, 로버스트 "
        "스케일링, 부호 보존 로그)이고, 보통 입력 {n}개와 이상치 {outs}을 가중치 1인 시그모이드 "
        "뉴런 하나에 넣었다(float64). 왼쪽은 출력이다. 전처리 없이는 세 이상치가 모두 정확히 "
        "1.0이 되어 크기를 구별할 수 없고, 로버스트 스케일링도 마찬가지이다. 표준화하면 "
        "이상치는 {d_std}가지 값으로 구별되지만 보통 입력의 출력이 0.5 근처에 몰린다(표준편차 "
        "{std_spread:.4f}, 전처리 없이는 {raw_spread:.3f}). 부호 보존 로그는 이상치 {d_log}가지 "
        "값과 보통 입력의 퍼짐을 모두 지킨다. 오른쪽은 로그 눈금의 가중치 기울기이다. 이상치의 "
        "기울기는 전처리 없이 {raw}, 로버스트 스케일링에서 {rob}로 사실상 0이며, 표준화에서 "
        "{std}, 부호 보존 로그에서 {log}이다.",
        "en": "Two dot plots. Rows are four preprocessings (none, standardising, robust "
        "scaling, signed log); {n} ordinary inputs and the outliers {outs} go through one "
        "sigmoid neuron with weight 1 (float64). Left, the outputs: without preprocessing "
        "all three outliers become exactly 1.0, so their sizes can no longer be told apart, "
        "and robust scaling does the same. Standardising keeps the outliers apart ({d_std} "
        "distinct values) but squeezes the ordinary inputs' outputs around 0.5 (standard "
        "deviation {std_spread:.4f}, against {raw_spread:.3f} without preprocessing). The "
        "signed log keeps both the outliers apart ({d_log} distinct values) and the spread "
        "of the ordinary inputs. Right, the weight gradient on a log scale: for the outliers "
        "it is {raw} without preprocessing and {rob} with robust scaling, in effect zero; "
        "{std} after standardising and {log} after the signed log.",
    },
    # classification: binary cross-entropy
    "bce.reference": {"ko": "정확한 값", "en": "exact value"},
    "bce.prob": {"ko": "확률로 계산, {dtype}", "en": "from probabilities, {dtype}"},
    "bce.clip": {
        "ko": "확률을 [ε, 1−ε]로 자름, {dtype}",
        "en": "probabilities clipped to [ε, 1−ε], {dtype}",
    },
    "bce.logits": {"ko": "로짓으로 계산, {dtype}", "en": "from logits, {dtype}"},
    "bce.z": {"ko": "로짓 z", "en": "logit z"},
    "bce.inf_marks": {"ko": "× : inf", "en": "× : inf"},
    "bce.nan_marks": {"ko": "× : NaN", "en": "× : NaN"},
    "bce.left_title": {
        "ko": "정답 y = 0일 때 이진 교차 엔트로피",
        "en": "Binary cross-entropy, label y = 0",
    },
    "bce.right_title": {"ko": "정답 y = 1일 때 상대 오차", "en": "Relative error, label y = 1"},
    "bce.rel_error": {
        "ko": "상대 오차, 구간별 최댓값 ({floor} 미만은 {floor})",
        "en": "relative error, max per bin (below {floor}: at {floor})",
    },
    "bce.logits_bound": {
        "ko": "로짓: 엡실론의 {bound}배 이내",
        "en": "logits: within {bound}× epsilon",
    },
    "bce.alt": {
        "ko": "두 개의 그래프. 로짓 z를 −60에서 60까지 바꾸며 이진 교차 엔트로피를 세 가지 "
        "방법으로 계산했다. 왼쪽(정답 0): 정확한 손실은 z가 커질수록 z에 가깝게 늘어난다. 확률 "
        "p = σ(z)로 계산하면 (σ를 정확히 반올림하더라도) σ가 1이 되는 z ≥ {z32:.2f} (float32), "
        "z ≥ {z64:.2f} "
        "(float64)에서 log(1 − p) = log 0이 되어 손실이 inf이다. 확률을 [ε, 1−ε]로 자르면 "
        "유한하지만 {cap:.1f}에서 멈추어 틀린 값이고 기울기도 사라진다. 로짓으로 계산하면 "
        "정확한 값과 겹친다. 오른쪽(정답 1, 로그 눈금): 확률로 계산한 손실은 z가 커질수록 "
        "상대 오차가 커지다가 같은 지점부터 0·log 0 때문에 NaN이 된다. 로짓으로 계산한 손실의 "
        "상대 오차는 float32와 float64 모두 각 형식의 엡실론의 {bound}배 이내이다.",
        "en": "Two plots. Binary cross-entropy computed three ways for logits z from −60 to "
        "60. Left (label 0): the exact loss grows towards z as z grows. Computed from the "
        "probability p = σ(z) it is inf from z ≥ {z32:.2f} (float32) and z ≥ {z64:.2f} "
        "(float64), where σ, even correctly rounded, is 1 and log(1 − p) is log 0. "
        "Clipping p to [ε, 1−ε] keeps it finite but wrong: it stops at {cap:.1f}, and its "
        "gradient vanishes. "
        "Computed from logits it lies on the exact curve. Right (label 1, log scale): the "
        "relative error of the loss from probabilities grows with z and becomes NaN "
        "(0 · log 0) from the same points. From logits, the relative error stays within "
        "{bound} times the epsilon of each format, in float32 and in float64.",
    },
    # cost of exp
    "op.sigmoid": {"ko": "시그모이드 (이 패키지)", "en": "sigmoid (this package)"},
    "op.naive_sigmoid": {"ko": "교과서식 1/(1+exp(−x))", "en": "textbook 1/(1+exp(−x))"},
    "op.expit": {"ko": "SciPy expit", "en": "SciPy expit"},
    "op.relu": {"ko": "ReLU", "en": "ReLU"},
    "op.tanh": {"ko": "tanh", "en": "tanh"},
    "op.hard_sigmoid": {"ko": "하드 시그모이드", "en": "hard sigmoid"},
    "op.hardsigmoid": {"ko": "하드 시그모이드", "en": "hard sigmoid"},
    "op.silu": {"ko": "SiLU", "en": "SiLU"},
    "op.exp": {"ko": "exp (지수 함수)", "en": "exp"},
    "op.floor": {"ko": "하한 (exp와 나눗셈 한 번)", "en": "floor (exp and one divide)"},
    "op.copy": {"ko": "복사 (copy)", "en": "copy"},
    "gpuop.copy": {"ko": "복사 (copy)", "en": "copy"},
    "gpuop.relu": {"ko": "ReLU", "en": "ReLU"},
    "gpuop.sigmoid": {"ko": "시그모이드 (torch.sigmoid)", "en": "sigmoid (torch.sigmoid)"},
    "gpuop.tanh": {"ko": "tanh", "en": "tanh"},
    "gpuop.exp": {"ko": "exp (지수 함수)", "en": "exp"},
    "gpuop.hardsigmoid": {"ko": "하드 시그모이드", "en": "hard sigmoid"},
    "gpuop.silu": {"ko": "SiLU", "en": "SiLU"},
    "backend.numpy": {"ko": "NumPy", "en": "NumPy"},
    "backend.scipy": {"ko": "SciPy", "en": "SciPy"},
    "backend.torch-cpu": {"ko": "PyTorch CPU", "en": "PyTorch CPU"},
    "cost.cpu.title": {
        "ko": "CPU에서 걸린 시간 (ReLU 대비, 원소 {n}개)",
        "en": "Time on the CPU relative to ReLU ({n} elements)",
    },
    "cost.provenance": {
        "ko": "{machine}, {cores}코어, NumPy {numpy}, {date} 측정",
        "en": "{machine}, {cores} cores, NumPy {numpy}, measured {date}",
    },
    "cost.cpu.path": {
        "ko": "NumPy의 {path} SIMD 경로",
        "en": "NumPy's {path} SIMD path",
    },
    "cost.cpu.xlabel": {"ko": "ReLU 시간의 몇 배인가", "en": "time as a multiple of ReLU's"},
    "cost.cpu.alt": {
        "ko": "가로 막대 그래프. {machine} CPU에서 NumPy의 {path} SIMD 경로로 원소 {n}개 "
        "배열에 각 연산을 적용한 시간을 같은 조건의 ReLU 시간으로 나눈 값(1이면 ReLU와 "
        "같음), {date}에 측정해 저장한 결과이다. {rows}.",
        "en": "Horizontal bar chart: the time of each operation on an array of {n} elements "
        "on an {machine} CPU, on NumPy's {path} SIMD path, divided by ReLU's time under the "
        "same conditions (1 means as fast as ReLU); stored results measured on {date}. "
        "{rows}.",
    },
    "cost.gpu.n": {"ko": "배열 원소 수", "en": "array elements"},
    "cost.gpu.gbps": {"ko": "처리량 (GB/s, 읽기+쓰기)", "en": "throughput (GB/s, read + write)"},
    "cost.gpu.title": {
        "ko": "{device}\n큰 배열에서는 모든 연산이 메모리 대역폭에 묶인다",
        "en": "{device}\non large arrays every op is bound by memory bandwidth",
    },
    "cost.gpu.alt": {
        "ko": "두 개의 꺾은선 그래프(float32, bfloat16). {device} GPU에서 복사, ReLU, "
        "시그모이드, tanh, exp, 하드 시그모이드, SiLU의 처리량(GB/s)을 배열 크기 {n_min}개부터 "
        "{n_max}개까지 나타냈다. 모든 선이 거의 겹치며, 가장 큰 배열에서 처리량은 {ranges}로 "
        "연산 종류와 관계없이 메모리 대역폭이 속도를 정한다.",
        "en": "Two line charts (float32, bfloat16): the throughput in GB/s of copy, ReLU, "
        "sigmoid, tanh, exp, hard sigmoid and SiLU on an {device} GPU, for arrays of "
        "{n_min} to {n_max} elements. The lines almost coincide; at the largest size the "
        "throughput is {ranges}, whatever the operation: memory bandwidth sets the speed.",
    },
    "cost.fused.single": {
        "ko": "연산 1번, 원소 {n}개 ({dtype}): 메모리에 묶임",
        "en": "one op, {n} elements ({dtype}): memory-bound",
    },
    "cost.fused.chain": {
        "ko": "64번 연속 적용을 한 커널로 융합, 원소 {n}개: 계산에 묶임",
        "en": "64 ops fused in one kernel, {n} elements: compute-bound",
    },
    "cost.fused.xlabel": {"ko": "ReLU 시간의 몇 배인가", "en": "time as a multiple of ReLU's"},
    "cost.fused.title": {
        "ko": "{device}\nexp 비용은 계산에 묶일 때만 드러난다",
        "en": "{device}\nthe cost of exp shows only when compute-bound",
    },
    "cost.fused.alt": {
        "ko": "가로 막대 그래프. {device} GPU에서 ReLU 대비 시간. 큰 배열에 연산을 한 번 "
        "적용하면 ReLU, 하드 시그모이드, 시그모이드, tanh 모두 약 1배로 같다. 같은 활성화 "
        "함수를 64번 연속 적용하는 계산을 한 커널로 융합해 계산이 병목이 되게 하면 시그모이드는 "
        "ReLU의 {sig:.1f}배, tanh는 {tanh:.1f}배, 하드 시그모이드는 {hard:.1f}배이다.",
        "en": "Horizontal bar chart of time relative to ReLU on an {device} GPU. One "
        "operation on a large array takes about the same time for ReLU, hard sigmoid, "
        "sigmoid and tanh (ratio about 1). When the activation is applied 64 times in one "
        "fused kernel, so that computation is the bottleneck, sigmoid takes {sig:.1f} times "
        "as long as ReLU, tanh {tanh:.1f} times and hard sigmoid {hard:.1f} times.",
    },
    # --- end common ---
    # --- vanishing (owned by E1) ---
    "vanishing.act.sigmoid": {"ko": "시그모이드 (Xavier 초기화)", "en": "sigmoid (Xavier init.)"},
    "vanishing.act.tanh": {"ko": "tanh (Xavier 초기화)", "en": "tanh (Xavier init.)"},
    "vanishing.act.relu": {"ko": "ReLU (He 초기화)", "en": "ReLU (He init.)"},
    "vanishing.name.sigmoid": {"ko": "시그모이드", "en": "sigmoid"},
    "vanishing.name.tanh": {"ko": "tanh", "en": "tanh"},
    "vanishing.name.relu": {"ko": "ReLU", "en": "ReLU"},
    "vanishing.init.sigmoid": {"ko": "Xavier 초기화", "en": "Xavier init."},
    "vanishing.init.tanh": {"ko": "Xavier 초기화", "en": "Xavier init."},
    "vanishing.init.relu": {"ko": "He 초기화", "en": "He init."},
    "vanishing.layer": {"ko": "은닉층 번호 (1 = 입력 쪽)", "en": "hidden layer (1 = input side)"},
    "vanishing.linearised": {
        "ko": "σ′ = 0.25로 고정 (선형화)",
        "en": "σ′ fixed at 0.25 (linearised)",
    },
    # Figure 1: gradient norm per layer
    "vanishing.grad.at_init": {"ko": "초기화 직후", "en": "At initialisation"},
    "vanishing.grad.trained": {"ko": "{n}단계 학습 후", "en": "After {n} training steps"},
    "vanishing.grad.ylabel": {
        "ko": "가중치 기울기의 크기 ‖∂L/∂W‖",
        "en": "weight gradient norm ‖∂L/∂W‖",
    },
    "vanishing.grad.title": {
        "ko": "층별 기울기 크기: 시그모이드만 입력 쪽으로 갈수록 사라진다",
        "en": "Gradient norm per layer: only sigmoid's vanishes towards the input",
    },
    "vanishing.grad.alt": {
        "ko": "로그 눈금 선 그래프 두 개. 은닉층 {depth}개(층마다 유닛 {width}개)의 각 층에서 "
        "가중치 기울기의 크기를 보여 준다. 1번 층이 입력 쪽이다. 시그모이드와 tanh 신경망은 "
        "Xavier 초기화, ReLU 신경망은 He 초기화를 썼다. 왼쪽(초기화 직후): 시그모이드 "
        "신경망의 기울기는 출력 쪽에서 입력 쪽으로 갈수록 꾸준히 줄어들어, 1번 층의 기울기가 "
        "{depth}번 층의 {sig_i}배밖에 되지 않는다. tanh는 {tanh_i}배, ReLU는 {relu_i}배로 "
        "선이 거의 평평하다. 오른쪽({steps}단계 학습 후): 같은 비율이 시그모이드 {sig_t}배, "
        "tanh {tanh_t}배, ReLU {relu_t}배이다.",
        "en": "Two log-scale line charts of the weight-gradient norm in each of {depth} "
        "hidden layers ({width} units each), layer 1 being next to the input, for sigmoid "
        "and tanh networks with Xavier initialisation and a ReLU network with He "
        "initialisation. Left, at initialisation: the sigmoid network's gradient falls "
        "steadily from the output side to the input side, so that layer 1 gets {sig_i} "
        "times the gradient of layer {depth}; for tanh the ratio is {tanh_i} and for ReLU "
        "{relu_i}, nearly flat lines. Right, after {steps} training steps: the same ratios "
        "are {sig_t} (sigmoid), {tanh_t} (tanh) and {relu_t} (ReLU).",
    },
    # Figure 2: the 0.25^L rule against the measurement
    "vanishing.bound.true": {
        "ko": "참 상한: Π max σ′ · ‖W‖₂",
        "en": "true bound: Π max σ′ · ‖W‖₂",
    },
    "vanishing.bound.naive": {
        "ko": "흔히 쓰는 규칙 0.25^(L−l)",
        "en": "popular rule 0.25^(L−l)",
    },
    "vanishing.bound.measured": {"ko": "측정값", "en": "measured"},
    "vanishing.bound.ylabel": {
        "ko": "기울기 크기 ‖∂L/∂z‖ (마지막 은닉층 = 1)",
        "en": "gradient norm ‖∂L/∂z‖ (last hidden layer = 1)",
    },
    "vanishing.bound.left_title": {
        "ko": "초기화 직후 시그모이드 신경망",
        "en": "Sigmoid network at initialisation",
    },
    "vanishing.bound.spectral": {
        "ko": "가장 큰 특잇값 ‖W‖₂",
        "en": "largest singular value ‖W‖₂",
    },
    "vanishing.bound.per_layer_bound": {
        "ko": "층당 상한 max σ′ · ‖W‖₂",
        "en": "bound per layer, max σ′ · ‖W‖₂",
    },
    "vanishing.bound.gain": {
        "ko": "가중치가 실제로 곱한 배율",
        "en": "actual gain of the weights",
    },
    "vanishing.bound.step": {"ko": "측정된 층당 비율", "en": "measured factor per layer"},
    "vanishing.bound.right_title": {
        "ko": "역전파 한 층마다 곱해지는 값",
        "en": "What one backward step multiplies by",
    },
    "vanishing.bound.factor": {"ko": "배율", "en": "factor"},
    "vanishing.bound.step_layer": {
        "ko": "은닉층 l (l+1에서 l로 역전파)",
        "en": "hidden layer l (backward from l+1 to l)",
    },
    "vanishing.bound.alt": {
        "ko": "초기화 직후 시그모이드 신경망에 대한 그래프 두 개. 왼쪽(로그 눈금): 각 은닉층의 "
        "기울기 크기를 마지막 층({depth}번)에 대한 비율로 나타냈다. 측정값으로는 1번 층의 "
        "기울기가 마지막 층의 {measured}배이다. 흔히 쓰는 규칙 0.25^(L−l)은 {naive}, 참 "
        "상한(층마다 σ′의 최댓값과 가중치 행렬의 가장 큰 특잇값을 곱해 모두 곱한 값)은 "
        "{bound}, σ′을 0.25로 고정한 선형화 신경망은 {linear}이다. 오른쪽: 역전파 {steps}단계 "
        "각각에서 곱해지는 값. 가중치 행렬의 가장 큰 특잇값은 {spec_lo}에서 {spec_hi} "
        "사이여서 참 상한은 층마다 약 0.5배를 허용하지만, 가중치가 실제로 기울기 크기를 "
        "바꾸는 배율은 평균 {gain}배이고 σ′의 평균은 {slope}이므로, 측정된 층당 비율은 "
        "0.25에 가까운 {step}이다.",
        "en": "Two charts of the sigmoid network at initialisation. Left, on a log scale: "
        "the gradient norm at each hidden layer relative to the last one (layer {depth}). "
        "Measured, layer 1 gets {measured} times the last layer's gradient; the popular "
        "rule 0.25^(L−l) gives {naive}; the true upper bound (the product over layers of "
        "the largest σ′ times the largest singular value of the weight matrix) gives "
        "{bound}; the network linearised with σ′ fixed at 0.25 gives {linear}. Right: what "
        "each of the {steps} backward steps multiplies by. The largest singular values of "
        "the weight matrices lie between {spec_lo} and {spec_hi}, so the true bound allows "
        "about 0.5 per layer, but the weights actually change the gradient's norm by a "
        "factor of {gain} on average and the mean σ′ is {slope}, so the measured factor per "
        "layer is {step}, close to 0.25.",
    },
    # Figure 3: weight-scale sweep
    "vanishing.sweep.real": {
        "ko": "실제 신경망 (중앙값, {n}개의 범위)",
        "en": "real network (median, range of {n})",
    },
    "vanishing.sweep.grows": {"ko": "↑ 커짐 (폭주)", "en": "↑ grows (exploding)"},
    "vanishing.sweep.shrinks": {"ko": "↓ 작아짐 (소실)", "en": "↓ shrinks (vanishing)"},
    "vanishing.sweep.pascanu": {"ko": "‖W‖₂ = 4", "en": "‖W‖₂ = 4"},
    "vanishing.sweep.onset": {"ko": "비율 1 (배율 {x})", "en": "ratio 1 (scale {x})"},
    "vanishing.sweep.xlabel": {
        "ko": "가중치 배율 (Xavier 초기화 = 1)",
        "en": "weight scale (Xavier init. = 1)",
    },
    "vanishing.sweep.ylabel": {
        "ko": "기울기 크기: 첫 은닉층 ÷ 마지막 은닉층",
        "en": "gradient norm, first ÷ last hidden layer",
    },
    "vanishing.sweep.left_title": {
        "ko": "가중치를 키우면 기울기 소실이 폭주로 바뀐다",
        "en": "Larger weights turn vanishing into exploding",
    },
    "vanishing.sweep.saturated": {"ko": "포화된 유닛 비율", "en": "fraction of saturated units"},
    "vanishing.sweep.slope": {"ko": "σ′의 평균 ÷ 0.25", "en": "mean σ′ ÷ 0.25"},
    "vanishing.sweep.fraction": {"ko": "비율", "en": "fraction"},
    "vanishing.sweep.right_title": {
        "ko": "포화는 늘고 σ′은 줄어든다",
        "en": "More saturation, smaller σ′",
    },
    "vanishing.sweep.alt": {
        "ko": "초기화 직후, 은닉층 {depth}개인 시그모이드 신경망의 모든 가중치에 Xavier "
        "초기화의 {lo}배에서 {hi}배까지의 배율을 곱해 본 그래프 두 개(배율마다 신경망 "
        "{n}개). 왼쪽(양쪽 로그 눈금): 첫 은닉층의 기울기 크기를 마지막 은닉층의 기울기 "
        "크기로 나눈 값. 배율 1에서 이 값은 {at1}이며, 기울기가 소실된다. 가중치 행렬의 가장 큰 "
        "특잇값이 4가 되는 배율 {pascanu}보다 작으면 기울기 소실이 보장된다(Pascanu 외 "
        "2013). 배율이 커질수록 비율도 커져 배율 약 {onset}에서 1을 넘고, 그때부터는 입력 "
        "쪽으로 갈수록 기울기가 커져 가장 큰 배율에서 {top}에 이른다. 출력이 0과 1 사이로 "
        "제한된 시그모이드에서도 기울기 폭주가 일어나는 것이다. σ′을 0.25로 고정한 선형화 "
        "신경망에서는 더 이른 배율 약 {lin_onset}에서 커지기 시작한다. 오른쪽: 배율이 "
        "커지면 포화된 유닛(σ가 0.01 미만이거나 0.99 초과)의 비율이 {sat}%까지 늘고 σ′의 "
        "평균은 {slope}까지 줄어든다. 포화는 기울기가 커지는 속도를 늦출 뿐 막지는 못한다.",
        "en": "Two charts of sigmoid networks with {depth} hidden layers at initialisation, "
        "with every weight multiplied by a scale from {lo} to {hi} times the Xavier "
        "initialisation ({n} networks per scale). Left, log–log: the gradient norm at the "
        "first hidden layer divided by that at the last. At scale 1 it is {at1}: the "
        "gradient vanishes. Below scale {pascanu}, where the largest singular value of the "
        "weight matrices is 4, vanishing is guaranteed (Pascanu et al. 2013). The ratio "
        "rises with the scale and passes 1 at a scale of about {onset}; from there on the "
        "gradient grows towards the input, reaching {top} at the largest scale: exploding "
        "gradients although sigmoid's output is bounded between 0 and 1. With σ′ fixed at "
        "0.25 (the linearised network) growth starts earlier, at a scale of about "
        "{lin_onset}. Right: as the scale grows, the fraction of saturated units (σ below "
        "0.01 or above 0.99) rises to {sat}% and the mean σ′ falls to {slope}; saturation "
        "slows the growth but does not stop it.",
    },
    # Figure 4: activation distributions per layer
    "vanishing.dist.p5_95": {"ko": "5–95 백분위수", "en": "5th–95th percentile"},
    "vanishing.dist.p25_75": {"ko": "25–75 백분위수", "en": "25th–75th percentile"},
    "vanishing.dist.median": {"ko": "중앙값", "en": "median"},
    "vanishing.dist.scaled": {"ko": "가중치 ×{s}", "en": "weights ×{s}"},
    "vanishing.dist.sat": {"ko": "포화 {p}%", "en": "saturated: {p}%"},
    "vanishing.dist.zero": {"ko": "정확히 0: {p}%", "en": "exactly 0: {p}%"},
    "vanishing.dist.ylabel": {"ko": "은닉 유닛의 출력", "en": "hidden unit output"},
    "vanishing.dist.title": {
        "ko": "초기화 직후 층별 출력값 분포",
        "en": "Output values per layer at initialisation",
    },
    "vanishing.dist.alt": {
        "ko": "초기화 직후 은닉층 {depth}개 각각의 출력값 분포를 나타낸 그래프 네 개. 선은 "
        "중앙값, 띠는 25–75 백분위수와 5–95 백분위수 구간이다. Xavier 초기화한 시그모이드: "
        "모든 층에서 값이 0.5 부근에 있고 포화된 유닛은 없다. Xavier 초기화한 tanh: 값이 "
        "0을 중심으로 퍼져 있고 층이 깊어질수록 폭이 조금씩 좁아지지만 포화는 없다. He "
        "초기화한 ReLU: 평균 {relu_zero}%의 출력이 정확히 0이다. 가중치를 {scale}배로 키운 "
        "시그모이드: 1번 층 출력의 {sat_first}%, 더 깊은 층 출력의 {sat_deep}%가 포화되어 "
        "있다(0.01 미만 또는 0.99 초과). 그래프에는 보이지 않지만, 표준 시그모이드 "
        "신경망에서 한 유닛의 출력이 예제마다 달라지는 정도(표준편차)는 마지막 층에서 1번 "
        "층의 {sig_spread}배로 줄어든다(tanh는 {tanh_spread}배). 위쪽 층의 출력은 입력에 "
        "거의 의존하지 않는다.",
        "en": "Four charts of the output values of each of {depth} hidden layers at "
        "initialisation: a line for the median, bands from the 25th to the 75th and from "
        "the 5th to the 95th percentile. Sigmoid with Xavier initialisation: values stay "
        "around 0.5 in every layer and none is saturated. Tanh with Xavier initialisation: "
        "values are centered on 0 and their spread narrows slowly with depth, without "
        "saturation. ReLU with He initialisation: {relu_zero}% of the outputs are exactly 0 "
        "on average. Sigmoid with weights {scale} times larger: {sat_first}% of the outputs "
        "of layer 1 and {sat_deep}% of those of deeper layers are saturated (below 0.01 or "
        "above 0.99). Not visible in the chart: in the standard sigmoid network, how much a "
        "unit's output varies from one example to another (its standard deviation) falls in "
        "the last layer to {sig_spread} times its value in layer 1 (tanh: {tanh_spread}), so "
        "the top layers barely depend on the input.",
    },
    # Figure 5: training curves
    "vanishing.train.log2": {
        "ko": "ln 2: 항상 0.5를 출력할 때의 손실",
        "en": "ln 2: loss of a constant output 0.5",
    },
    "vanishing.train.ylabel": {
        "ko": "손실 (이진 교차 엔트로피)",
        "en": "loss (binary cross-entropy)",
    },
    "vanishing.train.title": {
        "ko": "같은 구조, 같은 학습률에서의 학습 곡선",
        "en": "Training loss: same network, same learning rate",
    },
    "vanishing.train.alt": {
        "ko": "같은 구조(은닉층 {depth}개)의 신경망을 세 가지 활성화 함수로, 전체 배치 경사 "
        "하강법(학습률 {lr}, 모멘텀 {momentum})으로 {steps}단계 학습한 손실(이진 교차 "
        "엔트로피)의 로그 눈금 그래프. ReLU와 tanh 신경망의 손실은 각각 {relu}, {tanh}까지 "
        "내려간다. 시그모이드 신경망의 손실은 {sig}에 머문다. 이는 항상 0.5를 출력할 때의 "
        "손실인 ln 2 ≈ 0.6931과 같은 수준이며, 학습 정확도도 {acc_sig}%에 그친다. 이번 "
        "학습에서는 아무것도 배우지 못했다.",
        "en": "Log-scale chart of the training loss (binary cross-entropy) over {steps} "
        "steps of full-batch gradient descent (learning rate {lr}, momentum {momentum}) for "
        "the same network with {depth} hidden layers and three activations. The ReLU and "
        "tanh networks reach losses of {relu} and {tanh}. The sigmoid network's loss "
        "settles at {sig}, the level of ln 2 ≈ 0.6931, which is the loss of a constant "
        "output of 0.5, and its training accuracy stays at {acc_sig}%: it learns nothing in "
        "this run.",
    },
    # --- end vanishing ---
}


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is one of ``LANGS``, else raise ``ValueError``.

    >>> check_lang("ko")
    'ko'
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: expected one of {', '.join(LANGS)}")
    return lang


def t(key: str, lang: str) -> str:
    """Look up the text for ``key`` in language ``lang``.

    Args:
        key: A key of ``STRINGS``, e.g. ``"common.loss"``.
        lang: ``"ko"`` or ``"en"``.

    Returns:
        The text (possibly a ``str.format`` template).

    Raises:
        ValueError: if ``lang`` is not ``"ko"`` or ``"en"``.
        KeyError: if ``key`` is not in the table, or has no text for ``lang``.

    >>> t("common.loss", "ko"), t("common.loss", "en")
    ('손실', 'loss')
    """
    check_lang(lang)
    try:
        entry = STRINGS[key]
    except KeyError:
        raise KeyError(f"no figure string {key!r} in sigmoid_guide.figures.strings") from None
    try:
        return entry[lang]
    except KeyError:
        raise KeyError(f"figure string {key!r} has no {lang!r} text") from None
