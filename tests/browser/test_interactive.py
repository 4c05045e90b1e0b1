"""Search, the dark palette and screenshots, in a real browser against the built site."""

from __future__ import annotations

import io
import json
import os
import re
import sys

import pytest

sc = sys.modules["sigmoid_guide_tests_sitecheck"]  # loaded by conftest.py

pytestmark = pytest.mark.browser

# Words searched on each site. The right first result is the page with a title (its own
# or a section's, as the search index has them) that contains the word; a word may name
# at most three pages, so that the test keeps its meaning as the pages change.
SEARCH_WORDS = [("ko", "도함수"), ("ko", "지그재그"), ("en", "symmetry"), ("en", "SigLIP")]
# Words of the other language: every result must still be a page of the site's language.
FOREIGN_WORDS = [("ko", "derivative"), ("ko", "sigmoid"), ("en", "시그모이드"), ("en", "기울기")]
EXPERIMENT = "vanishing-gradients/"  # the experiment page that gets screenshots
README_PAGE = ""  # the Korean page shown in the README


def _rel(lang: str, slug: str) -> str:
    return slug if lang == "ko" else sc.EN_PREFIX + slug


def _search(page, site_server, lang: str, query: str) -> list[dict]:
    """Type `query` into Material's search on the home page of `lang`; return the results."""
    ready = sc.open_search(page, site_server.url(_rel(lang, "")))
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")  # Material reacts to keyup only: fill() alone does not search
    page.wait_for_function(
        "t => document.querySelector('.md-search-result__meta').textContent.trim() !== t", arg=ready
    )
    return page.evaluate(
        """() => [...document.querySelectorAll('.md-search-result__item > a')].map(a => ({
            href: a.href,
            title: (a.querySelector('h1') || a.querySelector('h2') || a).textContent.trim()}))"""
    )


def _pages_titled(built_site, lang: str, word: str) -> dict[str, list[str]]:
    """rel -> titles (page and section titles in the search index of `lang`) of the pages
    that have a title containing `word`."""
    index = built_site / _rel(lang, "search/search_index.json")
    out: dict[str, list[str]] = {}
    for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]:
        title = re.sub(r"<[^>]+>|¶", "", doc["title"]).strip()
        if word.lower() in title.lower():
            out.setdefault(_rel(lang, doc["location"].split("#")[0]), []).append(title)
    return out


@pytest.mark.parametrize(("lang", "word"), SEARCH_WORDS)
def test_search_finds_the_page_first(context_factory, site_server, built_site, lang, word):
    expected = _pages_titled(built_site, lang, word)
    assert 1 <= len(expected) <= 3, (
        f"{len(expected)} {lang} pages have a title with {word!r}: pick a word that names one "
        f"page ({expected})"
    )
    page = context_factory().new_page()
    results = _search(page, site_server, lang, word)
    assert results, f"searching {word!r} on the {lang} site found nothing"
    first = results[0]["href"].split("#")[0].split("?")[0]
    wanted = {site_server.url(rel) for rel in expected}
    assert first in wanted, (
        f"searching {word!r} on the {lang} site: first result {results[0]}, expected one of "
        f"{sorted(wanted)}; all results: {results}"
    )


@pytest.mark.parametrize(("lang", "word"), FOREIGN_WORDS)
def test_search_stays_in_its_language(context_factory, site_server, lang, word):
    page = context_factory().new_page()
    results = _search(page, site_server, lang, word)
    en_root = site_server.url(sc.EN_PREFIX)
    wrong = [r for r in results if r["href"].startswith(en_root) != (lang == "en")]
    assert not wrong, (
        f"searching {word!r} on the {lang} site returned pages of the other language: {wrong}"
    )


def _scheme(page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def _root_scheme(page) -> str:
    return page.evaluate("document.documentElement.style.colorScheme")


@pytest.mark.parametrize("lang", sc.LANGS)
def test_dark_palette_toggle_and_screenshots(
    context_factory, site_server, built_site, artifacts, lang
):
    page = context_factory("light").new_page()
    shots = {"home": _rel(lang, ""), "experiment": _rel(lang, EXPERIMENT)}
    page.goto(site_server.url(shots["home"]))
    page.wait_for_load_state("networkidle")
    assert _scheme(page) == "default"
    for name, rel in shots.items():
        page.goto(site_server.url(rel))
        page.wait_for_load_state("networkidle")
        page.screenshot(path=artifacts / f"{name}-{lang}-light.png", full_page=True)

    toggle = page.locator(sc.TOGGLE)
    assert toggle.count() == 1, "expected one visible palette toggle"
    toggle.click()
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    # The canvas and scrollbars follow the palette; the browser's toolbar gets the header's colour.
    assert _root_scheme(page) == "dark"
    assert page.evaluate("document.querySelector('meta[name=theme-color]').content").startswith(
        "rgb"
    )
    for name, rel in shots.items():
        page.goto(site_server.url(rel))
        page.wait_for_load_state("networkidle")
        assert _scheme(page) == "slate", f"the dark palette did not persist to {rel}"
        assert _root_scheme(page) == "dark", f"{rel}: the root's color-scheme is not dark"
        # Each figure has a light and a dark version; the dark one is shown.
        shown = page.locator(".md-content figure img:visible").all()
        total = page.locator(".md-content figure img").count()
        assert len(shown) * 2 == total, f"{rel}: {len(shown)} of {total} figure images shown"
        for img in shown:
            assert (img.get_attribute("src") or "").endswith(".dark.svg"), (
                f"{rel}: {img.get_attribute('src')} is not the dark version"
            )
            img.scroll_into_view_if_needed()
            box = img.bounding_box()
            assert img.is_visible() and box and box["width"] > 0 and box["height"] > 0, (
                f"{rel}: figure {img.get_attribute('src')} is not visible in the dark palette"
            )
        page.screenshot(path=artifacts / f"{name}-{lang}-dark.png", full_page=True)

    # One choice for both languages: hooks/i18n.py gives them one storage scope.
    other = "en" if lang == "ko" else "ko"
    page.goto(site_server.url(_rel(other, "")))
    assert _scheme(page) == "slate", f"the dark palette did not carry over to the {other} pages"

    # Keyboard: the toggle's radio input takes focus and Enter switches to the next palette.
    page.focus("form[data-sg-palette] input:checked")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'default'")
    assert _root_scheme(page) in ("light", "")

    # A reader whose system is dark gets the dark palette without touching the toggle, and
    # follows the system while they have not chosen; once they have, their choice wins.
    dark = context_factory("dark").new_page()
    dark.goto(site_server.url(shots["home"]))
    assert _scheme(dark) == "slate", "prefers-color-scheme: dark does not select the slate palette"
    dark.emulate_media(color_scheme="light")
    dark.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'default'")
    dark.locator(sc.TOGGLE).click()
    dark.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    dark.emulate_media(color_scheme="light")
    dark.reload()
    assert _scheme(dark) == "slate", "the reader's choice did not win over the system's preference"


def _luminance(rgb):
    """WCAG relative luminance of sRGB values (0-255), elementwise over the last axis."""
    import numpy as np

    c = np.asarray(rgb, dtype=float) / 255
    c = np.where(c <= 0.03928, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return c @ np.array([0.2126, 0.7152, 0.0722])


def _pixels(png: bytes):
    import numpy as np
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=float)


def _figure_contrast(px) -> float:
    """Contrast ratio between a figure's background (the median luminance of its border)
    and its ink (the 2 % of pixels farthest from that background in luminance)."""
    import numpy as np

    lum = _luminance(px)
    border = np.concatenate(
        [lum[:2].ravel(), lum[-2:].ravel(), lum[:, :2].ravel(), lum[:, -2:].ravel()]
    )
    bg = float(np.median(border))
    flat = lum.ravel()
    far = flat[np.argsort(-np.abs(flat - bg))][: max(1, flat.size // 50)]
    ink = float(far.mean())
    return (max(bg, ink) + 0.05) / (min(bg, ink) + 0.05)


@pytest.mark.parametrize("lang", sc.LANGS)
def test_figures_stay_readable_in_dark_palette(page_reports, lang):
    """In the dark palette, chosen with the toggle, every figure is its dark version and
    keeps a contrast of at least 4.5:1 against its background."""

    problems, total = [], 0
    for r in page_reports.values():
        if r.page.lang != lang:
            continue
        for key, shot in r.dark_figure_shots.items():
            total += 1
            if not key.endswith(".dark.svg"):  # hooks/figures.py gives each figure one
                problems.append(f"{r.url}: figure {key} is not the dark version")
            if not isinstance(shot, bytes):
                problems.append(
                    f"{r.url}: figure {key}: no screenshot in the dark palette ({shot})"
                )
                continue
            px = _pixels(shot)
            if px.shape[0] == 0 or px.shape[1] == 0:
                problems.append(f"{r.url}: figure {key} has no size in the dark palette")
                continue
            ratio = _figure_contrast(px)
            if ratio < 4.5:
                problems.append(
                    f"{r.url}: figure {key} has contrast {ratio:.2f}:1 in the dark palette"
                )
    if problems:
        pytest.fail(
            "figures unreadable in the dark palette:\n" + "\n".join(problems), pytrace=False
        )
    assert total > 0, f"no figures on any {lang} page"


def test_readme_screenshot(context_factory, site_server, artifacts):
    """A 1200 x 750 screenshot of the Korean home page for the README. Written to
    test-artifacts/ always, and to assets/readme-screenshot.png only with
    SIGMOID_GUIDE_UPDATE_SCREENSHOT=1 (a normal test run changes no tracked file)."""
    from PIL import Image

    rel = README_PAGE
    ctx = context_factory("light")
    page = ctx.new_page()
    page.set_viewport_size({"width": 1200, "height": 750})
    page.goto(site_server.url(rel))
    page.wait_for_load_state("networkidle")
    png = page.screenshot(type="png")
    (artifacts / "readme-screenshot.png").write_bytes(png)
    img = Image.open(io.BytesIO(png))
    assert img.size == (1200, 750)
    if os.environ.get("SIGMOID_GUIDE_UPDATE_SCREENSHOT") == "1":
        sc.README_SCREENSHOT.parent.mkdir(exist_ok=True)
        img.convert("RGB").quantize(colors=256).save(sc.README_SCREENSHOT, optimize=True)
