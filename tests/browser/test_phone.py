"""At a phone's width (390 × 844 CSS px), in a real browser, on every page of both
languages: Korean lines break between words, measured values stay on one line, the copy
button hides no code, and the language menu marks the page's language."""

from __future__ import annotations

import sys

import pytest

sc = sys.modules["sigmoid_guide_tests_sitecheck"]  # loaded by conftest.py

pytestmark = pytest.mark.browser

# For each page: the word-break of its prose elements, copy buttons that cover the first
# line of their code block, and how the language menu draws its entries.
PROBE = """() => {
  const prose = [...document.querySelectorAll(
    '.md-content .md-typeset :is(p, li, h1, h2, h3, td, th, figcaption)')];
  const breaks = {};
  for (const el of prose) {
    const wb = getComputedStyle(el).wordBreak;
    breaks[wb] = (breaks[wb] || 0) + 1;
  }
  const covered = [];
  for (const pre of document.querySelectorAll('.md-content pre')) {
    const button = pre.querySelector('.md-clipboard');
    const code = pre.querySelector('code');
    if (!button || !code) continue;
    const first = code.getBoundingClientRect().top + parseFloat(getComputedStyle(code).paddingTop);
    const bottom = button.getBoundingClientRect().bottom;
    if (bottom > first + 0.5) covered.push((code.textContent.split('\\n')[0] || '').slice(0, 40));
  }
  const links = [...document.querySelectorAll('.md-select__link')].map(a => ({
    current: a.getAttribute('aria-current') === 'page',
    lang: a.getAttribute('hreflang'),
    weight: getComputedStyle(a).fontWeight,
    underline: getComputedStyle(a).textDecorationLine,
  }));
  const values = [...document.querySelectorAll('.md-content .sg-value')]
    .map(el => getComputedStyle(el).whiteSpace);
  return {breaks, covered, links, prose: prose.length, values};
}"""


@pytest.fixture(scope="module")
def phone_reports(browser, site_server, site_pages) -> dict:
    context = sc.new_context(browser, viewport=sc.PHONE, mobile=True, scale=3)
    return sc.probe_each(context, site_server, site_pages, PROBE)


def test_korean_lines_break_between_words(phone_reports):
    problems = []
    for p, r in phone_reports.items():
        want = "keep-all" if p.lang == "ko" else "normal"
        wrong = {wb: n for wb, n in r["breaks"].items() if wb != want}
        if wrong or not r["prose"]:
            problems.append(f"/{p.rel}: {r['prose']} prose elements, not {want}: {wrong}")
    assert not problems, "\n".join(problems)


def test_measured_values_stay_on_one_line(phone_reports):
    """hooks/values.py wraps each value outside math; "2.8e-85" must not break at "-"."""
    found = sum(len(r["values"]) for r in phone_reports.values())
    wrapping = {
        f"/{p.rel}": r["values"] for p, r in phone_reports.items() if set(r["values"]) - {"nowrap"}
    }
    assert found > 100, f"only {found} measured values on the whole site"
    assert not wrapping, f"values that may wrap: {wrapping}"


def test_copy_button_hides_no_code(phone_reports):
    problems = [f"/{p.rel}: {r['covered']}" for p, r in phone_reports.items() if r["covered"]]
    assert not problems, "copy buttons over the first line of code:\n" + "\n".join(problems)


def test_language_menu_marks_the_current_language(phone_reports):
    problems = []
    for p, r in phone_reports.items():
        current = [link for link in r["links"] if link["current"]]
        others = [link for link in r["links"] if not link["current"]]
        if [link["lang"] for link in current] != [p.lang] or not others:
            problems.append(f"/{p.rel}: menu entries {r['links']}")
            continue
        mark = (current[0]["weight"], current[0]["underline"])
        if any((o["weight"], o["underline"]) == mark for o in others):
            problems.append(f"/{p.rel}: the current language looks like the others: {r['links']}")
    assert not problems, "\n".join(problems)
