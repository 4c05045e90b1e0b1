"""hooks/mathml.py on its own: the MathML it writes for operator names, primes, norms and
absolute values, signs and scripts (spaced as TeX spaces them, under MathML Core's
rules), what it refuses, and the display wrapper (a named tab stop in the page's
language)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.site  # the hook needs the site's toolchain (mkdocs, latex2mathml)

FA = "&#x02061;"  # U+2061 FUNCTION APPLICATION, as latex2mathml writes characters
THIN = "0.1667em"


@pytest.fixture(scope="module")
def mathml():
    path = Path(__file__).resolve().parent.parent / "hooks" / "mathml.py"
    spec = importlib.util.spec_from_file_location("sg_hook_mathml", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def ml(mathml):
    """The inside of <math> for a formula (inline)."""

    def convert(tex: str) -> str:
        out = mathml.to_mathml(tex, False, "page.md")
        return re.sub(r"^<math [^>]*><mrow>|</mrow></math>$", "", out)

    return convert


def fa(rspace: str) -> str:
    return f'<mo lspace="0em" rspace="{rspace}">{FA}</mo>'


# ------------------------------------------------------------------ operator names


@pytest.mark.parametrize(
    ("tex", "want"),
    [
        # A thin space after the name before a letter, a number or a fraction ...
        (r"\log p", f"<mi>log</mi>{fa(THIN)}<mi>p</mi>"),
        (r"\tanh x", f"<mi>tanh</mi>{fa(THIN)}<mi>x</mi>"),
        (r"\ln 2", f"<mi>ln</mi>{fa(THIN)}<mn>2</mn>"),
        (r"\tanh\frac{x}{2}", f"<mi>tanh</mi>{fa(THIN)}<mfrac>"),
        # ... none before a bracket, bare or \left(.
        (r"\log(1 - p)", f'<mi>log</mi>{fa("0em")}<mo stretchy="false">&#x00028;</mo>'),
        (r"\log\left(1 + x\right)", f'<mi>log</mi>{fa("0em")}<mrow><mo stretchy="true"'),
        # \max and \operatorname{..}: latex2mathml's <mo> gets 0.28em on both sides.
        (r"\max(z, 0)", f'<mi>max</mi>{fa("0em")}<mo stretchy="false">&#x00028;</mo>'),
        (r"\operatorname{logit}(p)", f'<mi>logit</mi>{fa("0em")}<mo stretchy="false">'),
        (r"\max \sigma'", f"<mi>max</mi>{fa(THIN)}<mrow><mi>&#x003C3;</mi>"),
    ],
)
def test_operator_names_are_applied_and_spaced_after(ml, tex, want):
    assert want in ml(tex)


@pytest.mark.parametrize(
    ("tex", "want"),
    [
        (r"\frac{5}{3}\ln 2", f'</mfrac><mspace width="{THIN}" /><mi>ln</mi>'),
        (r"y \log p", f'<mi>y</mi><mspace width="{THIN}" /><mi>log</mi>'),
        (r"(1 - y) \log", f'&#x00029;</mo><mspace width="{THIN}" /><mi>log</mi>'),
        (r"1.7159 \tanh x", f'<mn>1.7159</mn><mspace width="{THIN}" /><mi>tanh</mi>'),
    ],
)
def test_operator_names_get_a_thin_space_after_an_ordinary_term(ml, tex, want):
    assert want in ml(tex)


@pytest.mark.parametrize("tex", [r"= \log p", r"-\log n", r"(\log p)", r"\log p"])
def test_no_space_before_an_operator_name_after_an_operator_or_at_the_start(ml, tex):
    assert "<mspace" not in ml(tex).split("<mi>log</mi>")[0]


def test_a_name_alone_in_a_script_is_only_upright_text(ml):
    assert ml(r"\lambda_{\max}") == "<msub><mi>&#x003BB;</mi><mrow><mi>max</mi></mrow></msub>"


def test_no_operator_name_is_left_as_a_default_spaced_mo(mathml):
    for tex in [r"\max(a, b)", r"\min(x, 0)", r"\operatorname{sign}(x)", r"\max \sigma'(z)"]:
        out = mathml.to_mathml(tex, True, "page.md")
        assert not re.search(r"<mo>[A-Za-z]{2,}</mo>", out), out


# ------------------------------------------------------------------ primes


@pytest.mark.parametrize(
    ("tex", "want"),
    [
        (
            r"\sigma'(x)",
            '<mrow><mi>&#x003C3;</mi><mo lspace="0em" rspace="0em">&#x02032;</mo></mrow>'
            '<mo stretchy="false">&#x00028;</mo>',
        ),
        (r"\sigma'", '<mrow><mi>&#x003C3;</mi><mo lspace="0em" rspace="0em">&#x02032;</mo></mrow>'),
        (r"f''(x)", '<mrow><mi>f</mi><mo lspace="0em" rspace="0em">&#x02033;</mo></mrow>'),
    ],
)
def test_a_prime_follows_its_base_instead_of_being_raised_again(ml, tex, want):
    out = ml(tex)
    assert want in out
    assert "<msup" not in out


# ------------------------------------------------------------------ norms, |x|

OPEN = '<mo form="prefix" lspace="0em" rspace="0em">&#x02016;</mo>'
CLOSE = '<mo form="postfix" lspace="0em" rspace="0em">&#x02016;</mo>'
BAR_OPEN = '<mo stretchy="false" form="prefix" lspace="0em" rspace="0em">&#x0007C;</mo>'
BAR_CLOSE = '<mo stretchy="false" form="postfix" lspace="0em" rspace="0em">&#x0007C;</mo>'


def test_a_norm_with_a_subscript_is_one_group_with_the_script_on_it(ml):
    assert (
        ml(r"\lVert W \rVert_2") == f"<msub><mrow>{OPEN}<mi>W</mi>{CLOSE}</mrow><mn>2</mn></msub>"
    )


def test_norms_inside_a_row_are_fenced_groups(ml):
    out = ml(r"\lVert \delta_l \rVert \le \frac{1}{4} \lVert W_{l+1} \rVert_2")
    assert out.startswith(f"<mrow>{OPEN}<msub><mi>&#x003B4;</mi><mi>l</mi></msub>{CLOSE}</mrow>")
    assert f"{CLOSE}</mrow><mn>2</mn></msub>" in out
    assert "<mo>&#x02016;</mo>" not in out


def test_absolute_values_are_fenced_groups(ml):
    assert (
        ml(r"-|x|")
        == f'<mo form="prefix">&#x02212;</mo><mrow>{BAR_OPEN}<mi>x</mi>{BAR_CLOSE}</mrow>'
    )
    assert f"<mrow>{BAR_OPEN}<mi>z</mi>{BAR_CLOSE}</mrow>" in ml(r"e^{-|z|}")


@pytest.mark.parametrize("tex", [r"P(a | b)", r"|a \lVert b| c \rVert"])
def test_bars_that_do_not_pair_are_left_alone(ml, tex):
    assert "form=" not in ml(tex)


# ------------------------------------------------------------------ signs and scripts


@pytest.mark.parametrize(
    ("tex", "prefix"),
    [
        (r"L = -y", True),
        (r"\left(-e^{-x}\right)", True),
        (r"(x, -1)", True),
        (r"1 - p", False),
        (r"(1 + x) - 1", False),
        (r"|x| - 1", False),
    ],
)
def test_a_sign_after_an_operator_or_an_opening_bracket_is_a_prefix(ml, tex, prefix):
    top = re.sub(r"<msup>.*?</msup>", "", ml(tex))  # the sign in e^{-x} is first anyway
    signs = re.findall(r"<mo( form=\"prefix\")?>&#x0(?:2212|002B);</mo>", top)
    assert signs, top
    assert bool(signs[-1]) is prefix, top


def test_operators_in_scripts_are_not_spaced(ml):
    out = ml(r"W_{l+1}")
    assert '<mi>l</mi><mo lspace="0em" rspace="0em">&#x0002B;</mo><mn>1</mn>' in out


# ------------------------------------------------------------------ what it refuses


def test_a_bare_ampersand_fails_the_build(mathml):
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match=r"page\.md: .*alignment"):
        mathml.to_mathml(r"\begin{aligned} a &= b \end{aligned}", True, "page.md")


def test_split_is_an_alignment_it_knows(mathml):
    out = mathml.to_mathml(r"\begin{split} a &= b \\ &= c \end{split}", True, "page.md")
    assert out.count("<mtr>") == 2 and 'columnalign="right"' in out


# ------------------------------------------------------------------ the display wrapper


@pytest.mark.parametrize(("lang", "label"), [("ko", "수식"), ("en", "Formula")])
def test_display_formulas_are_named_tab_stops(mathml, lang, label):
    src = '<p><span class="arithmatex">\\(x\\)</span></p><div class="arithmatex">\\[x\\]</div>'
    out = mathml._replace_arithmatex(src, "page.md", lang)
    assert (
        f'<div tabindex="0" role="group" aria-label="{label}"'
        ' class="arithmatex sg-math-block sg-scroll"><math ' in out
    )
    assert '<span class="arithmatex"><math ' in out  # inline formulas stay as they were


def test_a_language_without_a_label_fails_the_build(mathml):
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match=r"page\.md: .*'de'"):
        mathml._replace_arithmatex('<div class="arithmatex">\\[x\\]</div>', "page.md", "de")
