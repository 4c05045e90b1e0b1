"""One set of terms: the glossary is the source of truth for the words the pages use.

Two checks, in both languages:

* a page (its prose, and the labs' Markdown and code comments) that writes a known
  variant of a glossary term instead of the term itself fails, with the page, the
  variant and the term to write (``VARIANTS``, each with the reason it was chosen);
* a glossary term that no other page uses fails: the glossary lists what the guide
  says, not a general dictionary.

The glossary itself may name a variant in parentheses ("역전파 (오차역전파법)"), as it
tells readers what else they may meet; its definitions may not use one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from prose_numbers import prose_of

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LANGS = ("ko", "en")

#: Variant -> (the glossary's term, why). Korean variants are matched as substrings
#: (Korean words take particles); English ones as whole words, ignoring case.
VARIANTS: dict[str, dict[str, tuple[str, str]]] = {
    "ko": {
        "뉴런": ("유닛", "the pages count units per layer; one word for one thing"),
        "연산 강도": ("산술 강도", "arithmetic intensity, as on the exp-cost page"),
        "오버헤드": ("고정 비용", "the exp-cost page's term for the fixed cost of a call"),
        "그래디언트 클리핑": ("기울기 클리핑", "기울기 is the guide's word for gradient"),
        "안정한": ("안정적인", "the majority form on the pages"),
        "걸음": ("단계", "the pages count updates as 단계"),
        "보폭": ("학습률", "the notebook used 보폭 as a synonym of 학습률"),
        "평균 제곱 오차": ("제곱 손실", "the zero-centered page's name for ½n‖Xw−y‖²"),
        "조각별": ("구간별 선형", "the usual Korean term for piecewise linear"),
        "원점 대칭": ("0을 중심으로 한", "point symmetry is not a zero mean"),
        "중심화": ("평균을 뺀", "the pages say what is done: the mean is subtracted"),
        "기하급수적": ("지수적", "the pages say 지수적으로"),
        "갱신": ("업데이트", "the pages say 업데이트"),
        "피드포워드": ("순방향 신경망", "the pages say 순방향"),
        "미분값": ("도함수", "도함수 is the function, 미분계수 its value at a point"),
    },
    "en": {
        "neuron": ("unit", "the pages count units per layer"),
        "neurons": ("units", "the pages count units per layer"),
        "zero-centred": ("zero-centered", "the guide's spelling"),
        "zigzag": ("zig-zag", "the guide's spelling"),
        "step size": ("learning rate", "one name for η"),
    },
}
#: Files whose prose is quoted from or about other texts, not the guide's own words.
NOT_CHECKED = {"references.md"}


def _glossary_rows(lang: str) -> list[tuple[str, str]]:
    """(term cell in this language, definition cell) of every glossary table row."""
    rows = []
    for line in (DOCS / lang / "glossary.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("|") or len(cells) != 3 or set(cells[0]) <= {"-"}:
            continue
        if cells[0] in ("한국어", "English"):
            continue
        rows.append((cells[0], cells[2]))
    return rows


def _main_terms(cell: str) -> list[str]:
    """The terms of a glossary cell, without the alternatives in parentheses:
    "가중치, 편향" -> both; "역전파 (오차역전파법)" -> "역전파"."""
    main = re.sub(r"\s+\([^)]*\)", "", cell)
    return [t.strip() for t in main.split(",") if t.strip()]


def _texts(lang: str) -> dict[str, str]:
    """Page name -> its prose (pages) or Markdown and code comments (labs)."""
    out = {}
    for page in sorted((DOCS / lang).glob("*.md")):
        if page.name not in NOT_CHECKED and page.name != "glossary.md":
            markdown = page.read_text(encoding="utf-8")
            # mkdocstrings directives (":::" and their options) name modules, not terms
            markdown = re.sub(r"^:::.*(?:\n[ \t]+.*)*", "", markdown, flags=re.M)
            out[page.name] = prose_of(markdown)
    for lab in sorted((DOCS / lang / "labs").glob("*.ipynb")):
        parts = []
        for cell in json.loads(lab.read_text(encoding="utf-8"))["cells"]:
            source = "".join(cell["source"])
            if cell["cell_type"] == "markdown":
                parts.append(prose_of(source))
            else:
                parts += re.findall(r"#(.*)", source)
        out[f"labs/{lab.name}"] = "\n".join(parts)
    return out


def _occurrences(text: str, variant: str, lang: str) -> int:
    if lang == "ko":
        return text.count(variant)
    return len(re.findall(rf"(?<![\w-]){re.escape(variant)}(?![\w-])", text, re.I))


@pytest.mark.parametrize("lang", LANGS)
def test_pages_use_the_glossarys_terms_not_their_variants(lang: str):
    found = [
        f"{name}: {variant!r} ({n}×) → {term!r} ({why})"
        for name, text in _texts(lang).items()
        for variant, (term, why) in VARIANTS[lang].items()
        if (n := _occurrences(text, variant, lang))
    ]
    assert not found, "variants of glossary terms:\n" + "\n".join(found)


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_definitions_use_no_variant(lang: str):
    found = [
        (definition[:40], variant)
        for _, definition in _glossary_rows(lang)
        for variant in VARIANTS[lang]
        if _occurrences(prose_of(definition), variant, lang)
    ]
    assert not found


def _forms(cell: str) -> list[str]:
    """Every form a glossary cell gives: its terms and the alternatives in parentheses
    ("recurrent neural network (RNN)" -> both)."""
    inside = [t.strip() for group in re.findall(r"\(([^)]*)\)", cell) for t in group.split(",")]
    return _main_terms(cell) + [t for t in inside if t]


@pytest.mark.parametrize("lang", LANGS)
def test_every_glossary_term_is_used_by_a_page(lang: str):
    """Each row is used in one of the forms it gives (a page may say "RNN")."""
    texts = "\n".join(_texts(lang).values())
    unused = [
        cell
        for cell, _ in _glossary_rows(lang)
        if not any(_occurrences_loose(texts, form, lang) for form in _forms(cell))
    ]
    assert not unused, f"glossary terms no {lang} page uses: {unused}"


def _occurrences_loose(text: str, term: str, lang: str) -> bool:
    """Whether ``term`` is used; for English, plurals and case are forgiven and a
    hyphen may be a space ("mini-batch" / "mini batch")."""
    if lang == "ko":
        return term in text or term.replace(" ", "") in text.replace(" ", "")
    pattern = re.sub(r"\\[- ]", "[- ]", re.escape(term))
    return re.search(rf"(?<!\w){pattern}(?:e?s)?(?!\w)", text, re.I) is not None


def test_glossaries_have_the_same_rows_in_the_same_order():
    ko, en = _glossary_rows("ko"), _glossary_rows("en")
    assert len(ko) == len(en)


def test_the_variant_list_names_only_terms_the_glossary_has():
    for lang in LANGS:
        cells = [cell for cell, _ in _glossary_rows(lang)]
        terms = {t for cell in cells for t in _main_terms(cell)}
        missing = [
            term
            for term, _ in VARIANTS[lang].values()
            if not any(term in t or t in term for t in terms) and term not in PHRASES[lang]
        ]
        assert not missing, f"{lang}: variants point to terms the glossary lacks: {missing}"


#: Targets of VARIANTS that are plain phrases, not glossary entries.
PHRASES = {"ko": {"평균을 뺀", "지수적", "업데이트", "안정적인", "단계"}, "en": {"units"}}
