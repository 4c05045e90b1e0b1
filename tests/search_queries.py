"""Learner queries for the site's search, with the pages that should answer them.

Written as a Korean or English learner of this topic would type them: terms, compounds
typed without their space, words with particles, questions, bracketed words, hyphen
and spelling variants, API names. Each query names the page (slug, "" for the home
page) or pages that a reader would call a right answer; the first result must be one of
them for a top-1 hit, one of the first three results for a top-3 hit
(tests/browser/test_search_queries.py). Goals (issue 14): top-1 >= 27 and top-3 >= 29
of the 30 queries of each language, and a result for every query.

The expected pages were chosen from the pages' content: the page that explains the
term, and a second one where another page has a section of its own on it (binary
cross-entropy: the claim on strengths, the function on copy-ready-code); a page that
only mentions the term in passing is not listed.
"""

from __future__ import annotations

QUERIES: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "ko": [
        ("시그모이드 함수", ("definition/",)),
        ("시그모이드의 정의", ("definition/",)),
        ("로지스틱 함수", ("definition/",)),
        ("오즈", ("definition/",)),
        ("도함수", ("derivative/",)),
        ("시그모이드 미분", ("derivative/",)),
        ("미분값", ("derivative/",)),
        ("도함수의 최댓값", ("derivative/",)),
        ("기울기 소실", ("vanishing-gradients/",)),
        ("기울기소실", ("vanishing-gradients/",)),
        ("기울기폭주", ("vanishing-gradients/",)),
        ("기울기가 사라지는 이유", ("vanishing-gradients/",)),
        ("가중치 초기화", ("vanishing-gradients/",)),
        ("교차엔트로피", ("strengths/", "copy-ready-code/")),
        ("이진 교차 엔트로피", ("strengths/", "copy-ready-code/")),
        ("이상치", ("strengths/",)),
        ("지그재그", ("zero-centered/",)),
        ("지그재그 현상은 왜 생기나요?", ("zero-centered/",)),
        ("0 중심", ("zero-centered/",)),
        ("조건수", ("zero-centered/",)),
        ("exp 비용", ("exp-cost/",)),
        ("지수 함수는 비싼가요", ("exp-cost/",)),
        ("메모리 대역폭", ("exp-cost/",)),
        ("하드 시그모이드", ("today/", "exp-cost/")),
        ("어텐션", ("today/",)),
        ("LSTM 게이트", ("today/",)),
        ("(복사해 쓰는 코드)", ("copy-ready-code/",)),
        ("용어집", ("glossary/",)),
        ("참고 문헌", ("references/",)),
        ("sigmoid_grad", ("api/",)),
    ],
    "en": [
        ("sigmoid function", ("definition/",)),
        ("logistic function", ("definition/",)),
        ("odds", ("definition/",)),
        ("derivative of sigmoid", ("derivative/",)),
        ("maximum of the derivative", ("derivative/",)),
        ("vanishing gradient", ("vanishing-gradients/",)),
        ("exploding gradients", ("vanishing-gradients/",)),
        ("why do gradients vanish?", ("vanishing-gradients/",)),
        ("weight initialization", ("vanishing-gradients/",)),
        ("cross-entropy", ("strengths/", "copy-ready-code/")),
        ("crossentropy", ("strengths/", "copy-ready-code/")),
        ("binary cross entropy", ("strengths/", "copy-ready-code/")),
        ("outliers", ("strengths/",)),
        ("zig-zag", ("zero-centered/",)),
        ("zigzag", ("zero-centered/",)),
        ("zero centered", ("zero-centered/",)),
        ("why is sigmoid not zero-centered", ("zero-centered/",)),
        ("condition number", ("zero-centered/",)),
        ("cost of exp", ("exp-cost/",)),
        ("is exp expensive?", ("exp-cost/",)),
        ("memory bandwidth", ("exp-cost/",)),
        ("hard sigmoid", ("today/", "exp-cost/")),
        ("attention", ("today/",)),
        ("LSTM gate", ("today/",)),
        ("(copy-ready code)", ("copy-ready-code/",)),
        ("glossary", ("glossary/",)),
        ("references", ("references/",)),
        ("sigmoid_grad", ("api/",)),
        ("log_sigmoid", ("api/",)),
        ("weight_scale_sweep", ("api-experiments/",)),
    ],
}

#: The goals of issue 14, per language (30 queries each).
TOP1_GOAL = 27
TOP3_GOAL = 29
