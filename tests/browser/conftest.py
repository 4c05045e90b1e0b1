"""Fixtures for the browser tests: the built site on a local HTTP server, Debian's
Chromium driven by Playwright, axe-core from node_modules, and one visit of every page.

Every page of both languages is visited once, by the session fixture ``page_reports``
(light palette, then dark through the palette toggle); the tests assert on what those
visits recorded, so the suite stays fast (one browser, one context, one load a page).

Without Chromium (``/usr/bin/chromium``) or axe-core (``npm ci``) these tests skip with
the reason, unless ``SIGMOID_GUIDE_REQUIRE_BROWSER=1`` (CI), where they fail instead.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest


def load_sitecheck():
    """tests/browser/sitecheck.py, loaded once by path (no package imports here)."""
    name = "sigmoid_guide_tests_sitecheck"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            name, Path(__file__).with_name("sitecheck.py")
        )
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


sc = load_sitecheck()


@pytest.fixture(scope="session")
def sitecheck():
    return sc


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator:
    site_url = sc.site_url_of(built_site)
    base = sc.urlsplit(site_url).path or "/"
    with sc.SiteServer(built_site, base, site_url) as server:
        yield server


@pytest.fixture(scope="session")
def site_pages(built_site: Path) -> list:
    pages = sc.discover_pages(built_site)
    langs = {p.lang for p in pages}
    assert langs == set(sc.LANGS), f"expected pages in both languages, found {sorted(langs)}"
    return pages


@pytest.fixture(scope="session")
def playwright_instance():
    if shutil.which(sc.CHROMIUM) is None:
        sc.skip_or_fail(
            f"Chromium not found at {sc.CHROMIUM}: apt-get install chromium fonts-noto-cjk"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sc.skip_or_fail("Playwright for Python is not installed: `python3 dev.py test` installs it")
    pw = sync_playwright().start()
    try:
        yield pw
    finally:
        pw.stop()


@pytest.fixture(scope="session")
def browser(playwright_instance):
    b = playwright_instance.chromium.launch(
        executable_path=sc.CHROMIUM, headless=True, args=sc.CHROMIUM_ARGS
    )
    try:
        yield b
    finally:
        b.close()


@pytest.fixture(scope="session")
def axe_source() -> Path:
    if not sc.AXE_JS.exists():
        sc.skip_or_fail(
            f"axe-core is not installed ({sc.AXE_JS.relative_to(sc.ROOT)} is missing): run `npm ci`"
        )
    return sc.AXE_JS


@pytest.fixture(scope="session")
def artifacts() -> Path:
    sc.ARTIFACTS.mkdir(exist_ok=True)
    return sc.ARTIFACTS


@pytest.fixture(scope="session")
def page_reports(browser, site_server, site_pages, axe_source) -> dict:
    """One visit of every page: loaded in the light palette and checked (axe-core's WCAG
    2.x A/AA rules included), then switched to the dark palette with its toggle and
    checked again for colours, then switched back. Keyed by the page's rel path.

    The pages are shared among SIGMOID_GUIDE_BROWSER_WORKERS browsers (default: 2 if the
    machine has 2 cores or more, each with its own thread)."""
    default = 2 if (os.cpu_count() or 1) >= 2 else 1
    workers = max(1, int(os.environ.get("SIGMOID_GUIDE_BROWSER_WORKERS", default)))
    if workers == 1:
        return sc.visit_all(browser, site_server, site_pages, axe_source)
    return sc.visit_all_parallel(site_server, site_pages, axe_source, workers)


@pytest.fixture
def context_factory(browser):
    """New browser contexts (closed after the test): context_factory(scheme="light")."""
    made = []

    def make(scheme: str = "light"):
        ctx = sc.new_context(browser, scheme)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.close()
