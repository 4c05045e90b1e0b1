"""Every page of both languages in a real browser (headless Chromium, local server, offline).

Every page is visited once by the session fixture ``page_reports`` (conftest.py); each
test here checks one property over all pages of one language and lists every offending
page.
"""

from __future__ import annotations

import re
import sys

import pytest

sc = sys.modules["sigmoid_guide_tests_sitecheck"]  # loaded by conftest.py

pytestmark = pytest.mark.browser
LANGS = pytest.mark.parametrize("lang", sc.LANGS)


def _of(reports: dict, lang: str) -> list:
    chosen = [r for r in reports.values() if r.page.lang == lang]
    assert chosen, f"no {lang} pages were visited"
    return chosen


def _fail(problems: list[str], what: str) -> None:
    if problems:
        pytest.fail(f"{what} ({len(problems)}):\n" + "\n".join(problems), pytrace=False)


@LANGS
def test_pages_load_without_errors(page_reports, lang):
    problems = []
    for r in _of(page_reports, lang):
        if r.status != 200:
            problems.append(f"{r.url}: HTTP {r.status}")
        if "error" in r.probe:
            problems.append(f"{r.url}: {r.probe['error']}")
        problems += [f"{r.url}: JS error: {e}" for e in r.page_errors]
        problems += [f"{r.url}: console error: {e}" for e in r.console_errors]
        problems += [f"{r.url}: {e}" for e in r.failed_requests]
    _fail(problems, "pages with JavaScript errors or failed requests")


@LANGS
def test_no_request_leaves_the_local_server(page_reports, lang):
    problems = [f"{r.url}: {u}" for r in _of(page_reports, lang) for u in r.external_requests]
    _fail(problems, "requests to hosts other than the local server")


@LANGS
def test_math_is_rendered_and_visible(page_reports, lang):
    problems, total = [], 0
    for r in _of(page_reports, lang):
        for m in r.probe["maths"]:
            total += 1
            if not (m["visible"] and m["w"] > 0 and m["h"] > 0):
                problems.append(f"{r.url}: <math> {m['text']!r} is invisible or empty ({m})")
    _fail(problems, "invisible formulas")
    assert total > 0, f"no MathML on any {lang} page: is the math hook on?"


@LANGS
def test_images_load_and_are_visible(page_reports, lang):
    problems = []
    for r in _of(page_reports, lang):
        for img in r.probe["images"]:
            if not img["complete"] or img["naturalWidth"] == 0:
                problems.append(f"{r.url}: image {img['src']!r} did not load")
            elif img["dark"]:  # the dark-palette version of a figure: hidden in light
                if img["visible"]:
                    problems.append(f"{r.url}: dark version {img['src']!r} shown in light")
            elif not (img["visible"] and img["w"] > 0 and img["h"] > 0):
                problems.append(
                    f"{r.url}: image {img['src']!r} is invisible or has no size ({img})"
                )
    _fail(problems, "broken or invisible images")


@LANGS
def test_image_alt_text_in_page_language(page_reports, lang):
    script = sc.HANGUL if lang == "ko" else sc.LATIN
    problems = []
    for r in _of(page_reports, lang):
        for img in r.probe["images"]:
            alt = (img["alt"] or "").strip()
            if not alt:
                problems.append(f"{r.url}: image {img['src']!r} has no alt text")
            elif not script.search(alt) or (lang == "en" and sc.HANGUL.search(alt)):
                problems.append(f"{r.url}: image {img['src']!r}: alt text not in {lang}: {alt!r}")
    _fail(problems, "images without alt text in the page's language")


@LANGS
def test_code_blocks_have_copy_buttons(page_reports, lang):
    problems, total = [], 0
    for r in _of(page_reports, lang):
        for code in r.probe["codes"]:
            total += 1
            if not code["copy"]:
                problems.append(f"{r.url}: code block without copy button: {code['text']!r}")
    _fail(problems, "code blocks without a copy button")
    assert total > 0, f"no code blocks on any {lang} page"


@LANGS
def test_html_lang(page_reports, lang):
    problems = [
        f"{r.url}: <html lang={r.probe.get('lang')!r}>, expected {lang!r}"
        for r in _of(page_reports, lang)
        if r.probe.get("lang") != lang
    ]
    _fail(problems, "pages with a wrong lang attribute")


@LANGS
def test_hreflang_alternates_are_absolute_and_match(page_reports, built_site, lang):
    root = sc.site_url_of(built_site)
    problems = []
    for r in _of(page_reports, lang):
        want = {
            "ko": root + r.page.rel_in["ko"],
            "en": root + r.page.rel_in["en"],
            "x-default": root + r.page.rel_in["ko"],
        }
        links = [a for a in r.probe["alternates"] if a["rel"] == "alternate"]
        got = {a["hreflang"]: a["href"] for a in links}
        if len(links) != len(got):
            problems.append(f"{r.url}: duplicate hreflang links {links}")
        if got != want:
            problems.append(f"{r.url}: hreflang alternates {got}, expected {want}")
    _fail(problems, "pages with wrong hreflang alternates")


@LANGS
def test_language_switcher_links_to_same_page(page_reports, site_server, lang):
    problems = []
    for r in _of(page_reports, lang):
        got = {a["hreflang"]: a["href"] for a in r.probe["switcher"]}
        want = {code: site_server.url(rel) for code, rel in r.page.rel_in.items()}
        if got != want:
            problems.append(f"{r.url}: switcher {got}, expected {want}")
            continue
        other = page_reports.get(r.page.counterpart)
        if other is None or other.status != 200 or other.probe.get("lang") == lang:
            problems.append(f"{r.url}: the other language's page {r.page.counterpart!r} is missing")
    _fail(problems, "language switchers that do not lead to the same page")


@pytest.mark.parametrize("slug", ["", "vanishing-gradients/"])
@LANGS
def test_language_switcher_click(context_factory, site_server, built_site, lang, slug):
    assert (built_site / slug / "index.html").exists(), f"no page {slug!r}"
    page_ = sc.SitePage(slug if lang == "ko" else sc.EN_PREFIX + slug, lang, slug)
    other = "en" if lang == "ko" else "ko"
    page = context_factory().new_page()
    page.goto(site_server.url(page_.rel))
    page.locator(".md-header__option .md-select").hover()
    page.locator(f".md-select__link[hreflang={other}]").click()
    page.wait_for_url(site_server.url(page_.counterpart))
    assert page.evaluate("document.documentElement.lang") == other
    assert page.locator(".md-content h1").count() == 1


def _allowed(rule: str, target: str, allowlist: list[dict], used: set[int]) -> bool:
    for i, entry in enumerate(allowlist):
        if entry["rule"] == rule and re.search(entry["target"], target):
            used.add(i)
            return True
    return False


def _axe_problems(reports, lang, which, allowlist, used) -> list[str]:
    problems = []
    for r in _of(reports, lang):
        kept = []
        for v in getattr(r, which):
            nodes = [n for n in v["nodes"] if not _allowed(v["id"], n["target"], allowlist, used)]
            if nodes:
                kept.append({**v, "nodes": nodes})
        if kept:
            problems.append(f"{r.url}:\n{sc.format_axe(kept)}")
    return problems


@LANGS
def test_axe_wcag_a_aa(page_reports, lang):
    allowlist, used = sc.load_allowlist(), set()
    problems = _axe_problems(page_reports, lang, "axe", allowlist, used)
    _fail(problems, "pages with axe-core violations (WCAG 2.x A/AA, light palette)")


@LANGS
def test_dark_palette_toggle_and_colours(page_reports, lang):
    allowlist, used = sc.load_allowlist(), set()
    problems = [
        f"{r.url}: after a click on the palette toggle the scheme is {r.dark_scheme!r}, not 'slate'"
        for r in _of(page_reports, lang)
        if r.dark_scheme != "slate"
    ]
    problems += _axe_problems(page_reports, lang, "dark_axe", allowlist, used)
    _fail(problems, "pages with colour problems in the dark palette (axe-core)")


def test_axe_allowlist_is_justified_and_used(page_reports):
    allowlist, used = sc.load_allowlist(), set()
    for lang in sc.LANGS:
        _axe_problems(page_reports, lang, "axe", allowlist, used)
        _axe_problems(page_reports, lang, "dark_axe", allowlist, used)
    for i, entry in enumerate(allowlist):
        assert set(entry) == {"rule", "target", "reason"}, entry
        assert len(entry["reason"]) > 20, f"give the reason for {entry}"
        assert i in used, f"allow-list entry matches nothing any more, remove it: {entry}"


@pytest.mark.parametrize("lang", sc.LANGS)
def test_no_content_security_policy_violation(page_reports, lang):
    """Every page, with search started and after the palette toggle, runs under its
    policy (hooks/csp.py) without a single violation."""
    problems = [f"{r.url}: {v}" for r in _of(page_reports, lang) for v in r.csp_violations]
    assert not problems, "Content-Security-Policy violations:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", sc.LANGS)
def test_policy_blocks_scripts_it_does_not_know(context_factory, site_server, lang):
    """A script from another host and an inline script the build did not write are both
    refused (and reported), whatever injects them."""
    page = context_factory().new_page()
    page.goto(site_server.url("" if lang == "ko" else sc.EN_PREFIX), wait_until="load")
    ran = page.evaluate(
        """() => new Promise(done => {
          window.__sg_injected = false;
          const inline = document.createElement('script');
          inline.textContent = 'window.__sg_injected = true';
          document.head.appendChild(inline);
          const remote = document.createElement('script');
          remote.src = 'https://example.invalid/tracker.js';
          remote.onerror = () => done(window.__sg_injected);
          document.head.appendChild(remote);
        })"""
    )
    assert ran is False, "an injected inline script ran"
    violations = page.evaluate(sc.CSP_VIOLATIONS_JS)
    assert any("example.invalid" in v for v in violations), violations
    assert any(v.startswith("script-src-elem inline") for v in violations), violations
