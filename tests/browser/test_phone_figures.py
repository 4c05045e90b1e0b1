"""Which version of each figure a reader gets, in a real browser, on every page of both
languages: at 390 x 844 CSS px the narrow (phone) version, whose smallest text is at
least 10 CSS px as displayed; in the system's dark palette the dark version; and only
the version shown is downloaded. (The palette chosen with the toggle, at desktop width,
is checked in test_interactive.py; what the versions are, in test_figure_versions.py.)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

sc = sys.modules["sigmoid_guide_tests_sitecheck"]  # loaded by conftest.py

pytestmark = pytest.mark.browser

MIN_TEXT_PX = 10.0
PALETTES = ("light", "dark")
TEXT_SCALE = re.compile(r'transform="[^"]*scale\(([0-9.]+) -[0-9.]+\)"')

# Every figure image that is displayed, scrolled to so that it loads (they are lazy),
# with its size as shown; and every figure file the page fetched.
PROBE = """async () => {
  const imgs = [...document.querySelectorAll(
    '.md-content .sg-figure img, .md-content img.sg-nb-figure')];
  const shown = [];
  for (const img of imgs) {
    if (img.offsetParent === null) continue;  // display: none (the other palette)
    img.scrollIntoView({block: 'center'});
    await new Promise(done => {
      if (img.complete && img.naturalWidth) return done();
      img.addEventListener('load', done, {once: true});
      img.addEventListener('error', done, {once: true});
      setTimeout(done, 5000);
    });
    const box = img.getBoundingClientRect();
    shown.push({src: img.currentSrc, width: box.width, natural: img.naturalWidth});
  }
  const fetched = performance.getEntriesByType('resource').map(e => e.name)
    .filter(n => /\\/figures\\/|\\/figure-[0-9a-f]+(\\.dark)?\\.svg$/.test(n));
  return {shown, fetched, total: imgs.length};
}"""


def _visit(browser, site_server, site_pages, scheme: str) -> dict:
    context = sc.new_context(browser, scheme, viewport=sc.PHONE, mobile=True, scale=2)
    return sc.probe_each(context, site_server, site_pages, PROBE)


@pytest.fixture(scope="module")
def phone_visits(browser, site_server, site_pages) -> dict:
    """{palette: {page: report}}, the palette being the system's."""
    return {scheme: _visit(browser, site_server, site_pages, scheme) for scheme in PALETTES}


def _file(site_server, url: str) -> Path:
    path = urlsplit(url).path
    assert path.startswith(site_server.base), url
    return site_server.site / path[len(site_server.base) :]


_SMALLEST_PT: dict[str, float] = {}  # by URL: each SVG is read once


def _smallest_text_pt(site_server, url: str) -> float:
    memo = _SMALLEST_PT
    if url not in memo:
        svg = _file(site_server, url).read_text(encoding="utf-8")
        sizes = [float(s) * 100 for s in TEXT_SCALE.findall(svg)]
        memo[url] = min(sizes) if sizes else float("inf")
    return memo[url]


@pytest.mark.parametrize("palette", PALETTES)
def test_phone_gets_the_narrow_version_with_text_of_at_least_10px(
    palette, phone_visits, site_server
):
    reports = phone_visits[palette]
    problems, shown = [], 0
    for p, r in reports.items():
        for img in r["shown"]:
            shown += 1
            name = img["src"].rsplit("/", 1)[-1]
            if "/figures/" in img["src"] and ".narrow" not in name:
                problems.append(f"/{p.rel}: {name} is not the narrow version")
            if not img["natural"]:
                problems.append(f"/{p.rel}: {name} did not load")
                continue
            px = _smallest_text_pt(site_server, img["src"]) * 4 / 3 * img["width"] / img["natural"]
            if px < MIN_TEXT_PX:
                problems.append(f"/{p.rel}: {name}: smallest text {px:.1f} px as displayed")
    assert shown >= 2 * 19, f"only {shown} figures shown on the whole site"
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("palette", PALETTES)
def test_each_figure_is_shown_in_the_palette_of_the_page(palette, phone_visits):
    reports = phone_visits[palette]
    problems = []
    for p, r in reports.items():
        if len(r["shown"]) * 2 != r["total"]:
            problems.append(f"/{p.rel}: {len(r['shown'])} of {r['total']} images shown")
        for img in r["shown"]:
            if img["src"].endswith(".dark.svg") != (palette == "dark"):
                problems.append(f"/{p.rel}: {img['src'].rsplit('/', 1)[-1]} shown in {palette}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("palette", PALETTES)
def test_only_the_version_shown_is_downloaded(palette, phone_visits):
    reports = phone_visits[palette]
    problems = []
    for p, r in reports.items():
        extra = set(r["fetched"]) - {img["src"] for img in r["shown"]}
        if extra:
            problems.append(f"/{p.rel}: also fetched {sorted(u.rsplit('/', 1)[-1] for u in extra)}")
    assert not problems, "\n".join(problems)
