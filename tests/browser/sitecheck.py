"""Helpers for the browser tests: constants, the local HTTP server, page discovery, and
the in-page probes. pytest runs with ``--import-mode=importlib``, so this folder is not
an importable package: conftest.py loads this file by path as the module
``sigmoid_guide_tests_sitecheck`` and the test modules take it from ``sys.modules``.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import os
import re
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar
from urllib.parse import unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
README_SCREENSHOT = ROOT / "assets" / "readme-screenshot.png"
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("SIGMOID_GUIDE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# WCAG 2.x levels A and AA (axe-core tags).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
LANGS = ("ko", "en")
EN_PREFIX = "en/"  # the English site's root below the Korean root
HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
LATIN = re.compile(r"[A-Za-z]")

MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".ipynb": "application/x-ipynb+json",
    ".xml": "application/xml",
    ".gz": "application/gzip",
    ".inv": "application/octet-stream",
    ".txt": "text/plain; charset=utf-8",
    ".map": "application/json",
}


def require_browser() -> bool:
    return os.environ.get("SIGMOID_GUIDE_REQUIRE_BROWSER") == "1"


def skip_or_fail(reason: str) -> None:
    if require_browser():
        pytest.fail(f"{reason} (SIGMOID_GUIDE_REQUIRE_BROWSER=1 forbids skipping)", pytrace=False)
    pytest.skip(reason)


def load_allowlist() -> list[dict]:
    path = Path(__file__).with_name("axe_allowlist.py")
    spec = importlib.util.spec_from_file_location("sigmoid_guide_axe_allowlist", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.ALLOWLIST)


def site_url_of(site: Path) -> str:
    """The Korean site's absolute root URL (site_url), from the home page's canonical link."""
    home = (site / "index.html").read_text(encoding="utf-8")
    m = re.search(r'<link rel="canonical" href="([^"]+)"', home)
    assert m, "index.html has no <link rel=canonical>: is site_url set in mkdocs.yml?"
    return m.group(1)


# --------------------------------------------------------------------------- server


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site below `base` (site_url's path) so that root-relative links work."""

    base = "/"
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        **MIME_TYPES,
    }

    def translate_path(self, path: str) -> str:
        path = unquote(urlsplit(path).path)
        if not path.startswith(self.base):
            return str(Path(self.directory) / "404-outside-base-path" / "missing")  # a 404
        return super().translate_path("/" + path[len(self.base) :])

    def log_message(self, format: str, *args) -> None:
        pass

    # The sitemaps name pages by site_url's host (the production one). Material's instant
    # navigation follows only links that are in the sitemap, after giving its URLs the
    # page's scheme and host name but not its port: served as the host would serve them
    # they match, on this server's port they do not. So this server hands them out as
    # if it were the host at site_url: with its own origin.
    site_origin = ""
    origin = ""

    def do_GET(self) -> None:
        path = unquote(urlsplit(self.path).path)
        if not (self.site_origin and path.endswith("/sitemap.xml")):
            return super().do_GET()
        file = Path(self.translate_path(self.path))
        if not file.is_file():
            return super().do_GET()
        body = file.read_bytes().replace(self.site_origin.encode(), self.origin.encode())
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # browsers drop connections
            super().handle_error(request, client_address)


class SiteServer:
    """The built site on http://127.0.0.1:<free port><base>, served by a thread."""

    def __init__(self, site: Path, base: str = "/", site_url: str | None = None) -> None:
        self.site = site
        self.base = base if base.endswith("/") else base + "/"
        handler = type("SiteHandler", (_Handler,), {"base": self.base})
        self._server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
        host, port = self._server.server_address[:2]
        self.origin = f"http://{host}:{port}"
        if site_url:  # see _Handler.do_GET
            parts = urlsplit(site_url)
            handler.site_origin = f"{parts.scheme}://{parts.netloc}"
            handler.origin = self.origin
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="site-server", daemon=True
        )

    def url(self, rel: str = "") -> str:
        return self.origin + self.base + rel

    def __enter__(self) -> SiteServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)


# --------------------------------------------------------------------------- pages


@dataclass(frozen=True)
class SitePage:
    rel: str  # path below the Korean root: "", "definition/", "en/definition/"
    lang: str  # "ko" or "en"
    slug: str  # path below the language's root: "", "definition/"

    @property
    def counterpart(self) -> str:
        """rel of the same page in the other language."""
        return self.slug if self.lang == "en" else EN_PREFIX + self.slug

    @property
    def rel_in(self) -> dict[str, str]:
        return {"ko": self.slug, "en": EN_PREFIX + self.slug}


def discover_pages(site: Path) -> list[SitePage]:
    """Every HTML page of both languages: the index.html files, not 404, assets or search."""
    pages = []
    for html in sorted(site.rglob("index.html")):
        rel = html.relative_to(site).as_posix()[: -len("index.html")]
        lang, slug = ("en", rel[len(EN_PREFIX) :]) if rel.startswith(EN_PREFIX) else ("ko", rel)
        if slug.split("/")[0] in {"assets", "search"}:
            continue
        pages.append(SitePage(rel, lang, slug))
    return pages


# --------------------------------------------------------------------------- visits

# Collected in the page after load: content images (made visible and loaded first),
# MathML, code blocks and their copy buttons, lang, hreflang links, language switcher.
PROBE_JS = """
async () => {
  const content = document.querySelector('article.md-content__inner')
    || document.querySelector('.md-content');
  if (!content) return {error: 'no .md-content'};
  content.querySelectorAll('details').forEach(d => { d.open = true; });
  const showTab = el => {
    const block = el.closest('.tabbed-block');
    if (!block) return;
    const set = block.closest('.tabbed-set');
    const idx = [...block.parentElement.children].indexOf(block);
    const inputs = set.querySelectorAll(':scope > input');
    if (inputs[idx]) inputs[idx].click();
  };
  const box = el => {
    const r = el.getBoundingClientRect();
    return {w: r.width, h: r.height,
            visible: el.checkVisibility({opacityProperty: true, visibilityProperty: true})};
  };
  const images = [];
  for (const img of content.querySelectorAll('img')) {
    showTab(img);
    img.loading = 'eager';
    img.scrollIntoView({block: 'center'});
    if (!img.complete) {
      await new Promise(done => {
        img.addEventListener('load', done, {once: true});
        img.addEventListener('error', done, {once: true});
        setTimeout(done, 5000);
      });
    }
    try { await img.decode(); } catch (e) {}
    images.push({src: (img.getAttribute('src') || '').slice(0, 100), alt: img.getAttribute('alt'),
                 complete: img.complete, naturalWidth: img.naturalWidth,
                 inFigure: !!img.closest('figure'),
                 dark: !!img.closest('.sg-figure__dark, .sg-nb-figure--dark'), ...box(img)});
  }
  window.scrollTo(0, 0);
  const maths = [...content.querySelectorAll('math')].map(m => {
    showTab(m);
    return {text: m.textContent.trim().slice(0, 60), ...box(m)};
  });
  // Material's code blocks (pre > code; the copy button is a [data-clipboard-target]
  // button in the same <pre>) and notebook input cells (mkdocs-jupyter's <clipboard-copy>
  // element next to the highlighted source; it works only if its script defined it).
  const codes = [...content.querySelectorAll('pre > code')].map(c => ({
    kind: 'markdown',
    copy: !!c.parentElement.querySelector('button[data-clipboard-target]'),
    text: c.textContent.trim().slice(0, 60)}));
  for (const cell of content.querySelectorAll('.jp-CodeCell .jp-InputArea')) {
    const source = cell.querySelector('.highlight-ipynb pre, pre');
    if (!source) continue;
    const button = cell.querySelector('clipboard-copy');
    codes.push({kind: 'notebook', text: source.textContent.trim().slice(0, 60),
                copy: !!button && !!customElements.get('clipboard-copy')});
  }
  const alternates = [...document.querySelectorAll('head link[hreflang]')].map(l => ({
    rel: l.getAttribute('rel'), hreflang: l.getAttribute('hreflang'),
    href: l.getAttribute('href')}));
  const switcher = [...document.querySelectorAll('.md-select__link[hreflang]')].map(a => ({
    hreflang: a.getAttribute('hreflang'), href: a.href}));
  const h1 = document.querySelector('.md-content h1');
  return {lang: document.documentElement.getAttribute('lang'), title: document.title,
          h1: h1 ? h1.textContent.replace('¶', '').trim() : null,
          scheme: document.body.getAttribute('data-md-color-scheme'),
          images, maths, codes, alternates, switcher};
}
"""

# axe-core's rules for the WCAG tags (experimental rules excluded, as axe does by default)
# plus `rules` by id.
AXE_RUN_JS = """
async ({tags, rules}) => {
  const known = new Set(axe.getRules().map(r => r.ruleId));
  const ids = new Set(tags.length === 0 ? [] : axe.getRules(tags)
    .filter(r => !r.tags.includes('experimental')).map(r => r.ruleId));
  for (const id of rules) if (known.has(id)) ids.add(id);
  const result = await axe.run(document, {runOnly: {type: 'rule', values: [...ids]},
                                          resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.map(String).join(' '), html: n.html.slice(0, 160),
                              summary: (n.failureSummary || '').slice(0, 300)}))}));
}
"""

# The axe rules of Lighthouse 12's accessibility score that carry no WCAG A/AA tag in
# axe-core ("best-practice" and the like): checked too, so that a page that passes here
# also keeps Lighthouse's accessibility score up.
LIGHTHOUSE_EXTRA_RULES = [
    "accesskeys",
    "aria-allowed-role",
    "aria-dialog-name",
    "aria-text",
    "aria-treeitem-name",
    "empty-heading",
    "heading-order",
    "image-redundant-alt",
    "landmark-one-main",
    "skip-link",
    "table-duplicate-name",
]
AXE_OPTIONS_FULL = {"tags": AXE_TAGS, "rules": LIGHTHOUSE_EXTRA_RULES}
# In the dark palette only the rules that depend on colours are run again.
AXE_OPTIONS_DARK = {"tags": [], "rules": ["color-contrast", "link-in-text-block"]}
TOGGLE = "form[data-sg-palette] label:not([hidden])"
SETTLE_JS = "async () => { await Promise.all(document.getAnimations().map(a => a.finished)); }"


@dataclass
class PageReport:
    page: SitePage
    url: str
    final_url: str = ""
    status: int | None = None
    page_errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    probe: dict = field(default_factory=dict)
    axe: list[dict] = field(default_factory=list)
    # After a click on the palette toggle: the scheme, axe's colour rules, figure shots.
    dark_scheme: str | None = None
    dark_axe: list[dict] = field(default_factory=list)
    figure_shots: dict[str, bytes | str] = field(default_factory=dict)  # "i:src" -> PNG or error
    dark_figure_shots: dict[str, bytes | str] = field(default_factory=dict)
    csp_violations: list[str] = field(default_factory=list)  # in both palettes

    def __repr__(self) -> str:  # keep pytest's failure output short
        return f"PageReport({self.url})"


DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}  # CSS px of a common phone


# Records every Content-Security-Policy violation of a page (hooks/csp.py) in
# window.__sg_csp: directive, blocked URL and the first characters of what was blocked.
CSP_RECORDER = """window.__sg_csp = [];
document.addEventListener('securitypolicyviolation', e => window.__sg_csp.push(
  `${e.violatedDirective} ${e.blockedURI} ${e.sample || ''}`.trim()), true);"""
CSP_VIOLATIONS_JS = "() => window.__sg_csp || []"


def inject_axe(page, axe_js: Path) -> None:
    """Load axe-core into the page through the DevTools protocol: a <script> with its
    text would be blocked by the site's Content-Security-Policy, as it should be."""
    page.evaluate(_axe_source(axe_js))


@functools.cache
def _axe_source(axe_js: Path) -> str:
    return axe_js.read_text(encoding="utf-8")


def new_context(
    browser, scheme: str = "light", *, viewport: dict = DESKTOP, mobile: bool = False, scale=1
):
    """A browser context as the tests use it: `mobile` adds touch and a mobile viewport.
    Its pages record Content-Security-Policy violations (CSP_VIOLATIONS_JS)."""
    context = browser.new_context(
        viewport=viewport,
        is_mobile=mobile,
        has_touch=mobile,
        device_scale_factor=scale,
        color_scheme=scheme,
        locale="en-US",
        service_workers="block",
    )
    context.set_default_timeout(20_000)
    context.add_init_script(CSP_RECORDER)
    return context


def probe_each(context, server, pages, probe: str, *args) -> dict:
    """{page: what `probe` returned there} for each page, loaded in turn in one tab of
    `context`, which is closed afterwards."""
    try:
        tab = context.new_page()
        reports = {}
        for p in pages:
            tab.goto(server.url(p.rel), wait_until="load")
            reports[p] = tab.evaluate(probe, *args)
        return reports
    finally:
        context.close()


def _figure_shots(page) -> dict[str, bytes | str]:
    shots: dict[str, bytes | str] = {}
    # The version of each figure that is displayed (the other palette's is display: none).
    for i, img in enumerate(page.locator(".md-content figure img:visible").all()):
        key = f"{i}:{img.get_attribute('src')}"
        try:
            shots[key] = img.screenshot(animations="disabled", timeout=5000)
        except Exception as exc:  # reported by the figure tests
            shots[key] = repr(exc)
    return shots


CLICK_JS = "selector => document.querySelector(selector).click()"
SEARCH_META = re.compile(r'<div class="md-search-result__meta">\s*(.*?)\s*</div>', re.S)
SEARCH_READY_JS = """initializing => {
  const meta = document.querySelector('.md-search-result__meta');
  return !meta || (meta.textContent.trim() !== '' && meta.textContent.trim() !== initializing);
}"""


def open_search(page, url: str) -> str:
    """Load `url`, wait until Material's search worker has its index, focus the search
    box; return the placeholder text the results area shows while the box is empty."""
    response = page.goto(url)
    served = SEARCH_META.search(response.text()) if response is not None else None
    assert served, f"no search result metadata in {url}: is the search plugin on?"
    page.wait_for_function(SEARCH_READY_JS, arg=served.group(1))
    page.locator("input.md-search__input").click()
    return page.locator(".md-search-result__meta").text_content().strip()


def _wait_for_search(page, response) -> None:
    """Wait until Material's search worker has its index (the last thing a page fetches
    at load): its "initialising" text, as served, has been replaced."""
    m = SEARCH_META.search(response.text()) if response is not None else None
    if m is None:
        page.wait_for_load_state("networkidle")
    else:
        page.wait_for_function(SEARCH_READY_JS, arg=m.group(1))


def _scheme(page) -> str | None:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def visit_all(
    browser, server: SiteServer, pages: list[SitePage], axe_js: Path
) -> dict[str, PageReport]:
    """Visit every page once (light palette, one browser context) and record what it did;
    then switch it to the dark palette with the toggle, check colours again, switch back."""
    reports: dict[str, PageReport] = {}
    current: list[PageReport] = []
    local = server.origin + "/"

    def on_request(request) -> None:
        url = request.url
        if not url.startswith(("data:", "blob:", "about:", local)):
            current[-1].external_requests.append(url)

    def on_response(response) -> None:
        if response.status >= 400 and response.url.startswith(local):
            current[-1].failed_requests.append(f"HTTP {response.status} {response.url}")

    def on_failed(request) -> None:
        current[-1].failed_requests.append(f"{request.failure} {request.url}")

    def on_console(msg) -> None:
        if msg.type == "error":
            current[-1].console_errors.append(f"{msg.text} @ {msg.location.get('url', '')}")

    context = new_context(browser, "light")
    try:
        page = context.new_page()
        page.on("request", on_request)
        page.on("response", on_response)
        page.on("requestfailed", on_failed)
        page.on("console", on_console)
        page.on("pageerror", lambda exc: current[-1].page_errors.append(str(exc)))
        for sp in pages:
            report = PageReport(sp, server.url(sp.rel))
            current.append(report)
            response = page.goto(report.url, wait_until="load")
            report.status = response.status if response else None
            _wait_for_search(page, response)
            report.final_url = page.url
            report.probe = page.evaluate(PROBE_JS)
            report.figure_shots = _figure_shots(page)
            inject_axe(page, axe_js)
            report.axe = page.evaluate(AXE_RUN_JS, AXE_OPTIONS_FULL)
            if page.locator(TOGGLE).count() == 1 and _scheme(page) == "default":
                page.evaluate(CLICK_JS, TOGGLE)
                page.evaluate(SETTLE_JS)
                report.dark_scheme = _scheme(page)
                report.dark_axe = page.evaluate(AXE_RUN_JS, AXE_OPTIONS_DARK)
                report.dark_figure_shots = _figure_shots(page)
                page.evaluate(CLICK_JS, TOGGLE)  # back to light (stored for the next page)
                page.evaluate(SETTLE_JS)
            report.csp_violations = page.evaluate(CSP_VIOLATIONS_JS)
            reports[sp.rel] = report
        page.close()
    finally:
        context.close()
    return reports


def visit_all_parallel(
    server: SiteServer, pages: list[SitePage], axe_js: Path, workers: int
) -> dict[str, PageReport]:
    """visit_all() split over `workers` threads, each with its own Playwright and Chromium
    (Playwright's sync API is per thread); the reports come back in the pages' order."""
    from playwright.sync_api import sync_playwright

    results: list[dict[str, PageReport]] = [{} for _ in range(workers)]
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(
                    executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
                )
                try:
                    results[i] = visit_all(browser, server, pages[i::workers], axe_js)
                finally:
                    browser.close()
        except BaseException as exc:  # re-raised in the calling thread
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,), name=f"visit-{i}") for i in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    merged = {k: v for part in results for k, v in part.items()}
    return {p.rel: merged[p.rel] for p in pages}


def format_axe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']}")
        for n in v["nodes"][:5]:
            lines.append(f"      {n['target']}  {n['html']}")
            if n.get("summary"):
                lines.append("        " + n["summary"].replace("\n", " | "))
        if len(v["nodes"]) > 5:
            lines.append(f"      … and {len(v['nodes']) - 5} more")
    return "\n".join(lines)
