"""Links and anchors of the built site, checked offline on the files.

Every ``href``, ``src``, ``srcset``, ``data``, ``poster`` and ``xlink:href`` in every built
HTML page (raw HTML in Markdown included), every ``url(...)`` in the site's stylesheets
and inline styles, and every ``<loc>`` of the sitemaps is resolved the way a browser
would resolve it on the hosted site (``site_url``): a link into the site must name a file
that exists, and a ``#fragment`` must name an id in the target page. Links to other hosts
are not followed; they are listed in test-artifacts/external-links.txt. A page that
loads anything (script, stylesheet, font, image, frame) from another host fails.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
URL_ATTRS = {"href", "src", "srcset", "data", "poster", "xlink:href", "action", "formaction"}
# Elements whose URL attribute the browser fetches while loading the page.
LOADED = {
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("iframe", "src"),
    ("frame", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("track", "src"),
    ("input", "src"),
    ("image", "href"),
    ("image", "xlink:href"),
    ("use", "href"),
    ("use", "xlink:href"),
    ("feimage", "href"),
}
# <link rel=...> values that make the browser fetch the target.
LOADED_LINK_RELS = {
    "stylesheet",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "preload",
    "modulepreload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "manifest",
    "mask-icon",
}
# <link rel=...> values that only name a URL (checked like links, never fetched).
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.S)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.refs: list[tuple[str, str, str, str]] = []  # (tag, attr, url, rel)
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.append(a["name"])
        rel = (a.get("rel") or "").lower()
        for attr, value in attrs:
            if value is None or attr not in URL_ATTRS:
                continue
            if attr == "srcset":
                for part in value.split(","):
                    if part.strip():
                        self.refs.append((tag, attr, part.strip().split()[0], rel))
            else:
                self.refs.append((tag, attr, value.strip(), rel))
        if a.get("style"):
            self.styles.append(a["style"])
        if tag == "style":
            self._in_style = True

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "style":
            self._in_style = False

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


@cache
def _parse(path: Path) -> _Parser:
    p = _Parser()
    p.feed(path.read_text(encoding="utf-8"))
    p.close()
    return p


def _site_url(site: Path) -> str:
    m = re.search(r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text("utf-8"))
    assert m, "index.html has no canonical link: set site_url in mkdocs.yml"
    return m.group(1)


class _Resolver:
    def __init__(self, site: Path) -> None:
        self.site = site
        self.site_url = _site_url(site)
        parts = urlsplit(self.site_url)
        self.origin = f"{parts.scheme}://{parts.netloc}"

    def page_url(self, file: Path) -> str:
        return self.site_url + file.relative_to(self.site).as_posix()

    def resolve(self, base_url: str, ref: str) -> tuple[str, Path | None, str]:
        """('local', file, fragment) | ('external', None, url) | ('ignore', None, '') |
        ('outside', None, url) for a link to the site's host outside the site."""
        if not ref or ref.startswith(
            ("mailto:", "tel:", "javascript:", "data:", "blob:", "about:")
        ):
            return "ignore", None, ""
        url = urljoin(base_url, ref)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return "ignore", None, ""
        if (
            not url.startswith(self.site_url)
            and url.split("#")[0].rstrip("/") + "/" != self.site_url
        ):
            if f"{parts.scheme}://{parts.netloc}" == self.origin:
                return "outside", None, url
            return "external", None, url
        path = unquote(parts.path)[len(urlsplit(self.site_url).path) :]
        target = self.site / path
        if path == "" or path.endswith("/") or target.is_dir():
            target = target / "index.html"
        return "local", target, unquote(parts.fragment)


def _html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _check_target(target: Path, fragment: str) -> str | None:
    if not target.is_file():
        return "missing file"
    if fragment and target.suffix == ".html" and fragment not in _parse(target).ids:
        return f"no id {fragment!r} in the target page"
    return None


def test_site_has_pages(built_site):
    pages = _html_files(built_site)
    assert len(pages) > 10, pages
    assert (built_site / "en" / "index.html").is_file(), "the English site is missing"


def test_internal_links_and_anchors(built_site):
    r = _Resolver(built_site)
    broken, external = [], defaultdict(set)
    checked = 0
    for page in _html_files(built_site):
        base = r.page_url(page)
        parsed = _parse(page)
        for tag, attr, ref, _rel in parsed.refs:
            kind, target, extra = r.resolve(base, ref)
            where = f"{page.relative_to(built_site)}: <{tag} {attr}={ref!r}>"
            if kind == "outside":
                broken.append(f"{where}: points outside the site ({extra})")
            elif kind == "external":
                external[extra].add(page.relative_to(built_site).as_posix())
            elif kind == "local":
                checked += 1
                problem = _check_target(target, extra)
                if problem:
                    broken.append(f"{where}: {problem}")
    lines = [f"{url}    <- {', '.join(sorted(pages))}" for url, pages in sorted(external.items())]
    out = ROOT / "test-artifacts"
    out.mkdir(exist_ok=True)
    (out / "external-links.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{checked} internal links checked; {len(external)} external links (not followed):")
    print("\n".join(lines))
    assert checked > 100
    if broken:
        pytest.fail(
            f"broken internal links or anchors ({len(broken)}):\n" + "\n".join(broken),
            pytrace=False,
        )


def test_nothing_is_loaded_from_another_host(built_site):
    r = _Resolver(built_site)
    problems = []
    for page in _html_files(built_site):
        base = r.page_url(page)
        parsed = _parse(page)
        for tag, attr, ref, rel in parsed.refs:
            loaded = (tag, attr) in LOADED or (
                tag == "link" and set(rel.split()) & LOADED_LINK_RELS
            )
            if loaded and r.resolve(base, ref)[0] in ("external", "outside"):
                problems.append(
                    f"{page.relative_to(built_site)}: <{tag} {attr}={ref!r}> "
                    "is loaded from another host"
                )
        for css in parsed.styles:
            for m in CSS_URL.finditer(css):
                ref = m.group(2) or m.group(4)
                if r.resolve(base, ref)[0] in ("external", "outside"):
                    problems.append(f"{page.relative_to(built_site)}: inline style loads {ref!r}")
    for css_file in sorted(built_site.rglob("*.css")):
        base = r.page_url(css_file)
        for m in CSS_URL.finditer(css_file.read_text(encoding="utf-8")):
            ref = m.group(2) or m.group(4)
            kind, target, _ = r.resolve(base, ref)
            if kind in ("external", "outside"):
                problems.append(
                    f"{css_file.relative_to(built_site)}: url({ref!r}) is on another host"
                )
            elif kind == "local" and not target.is_file():
                problems.append(f"{css_file.relative_to(built_site)}: url({ref!r}) is missing")
    if problems:
        pytest.fail("resources from other hosts or missing:\n" + "\n".join(problems), pytrace=False)


def test_sitemap_urls_exist(built_site):
    r = _Resolver(built_site)
    problems, seen = [], 0
    for sitemap in (built_site / "sitemap.xml", built_site / "en" / "sitemap.xml"):
        assert sitemap.is_file(), f"{sitemap} is missing"
        for loc in re.findall(r"<loc>(.*?)</loc>", sitemap.read_text(encoding="utf-8")):
            seen += 1
            kind, target, _ = r.resolve(r.site_url, loc)
            if kind != "local" or not target.is_file():
                problems.append(
                    f"{sitemap.relative_to(built_site)}: {loc} is not a page of the site"
                )
    assert seen > 10
    assert not problems, "\n".join(problems)


def test_ids_are_unique(built_site):
    """A duplicated id makes every link to it ambiguous (the first one wins)."""
    problems = []
    for page in _html_files(built_site):
        counts = defaultdict(int)
        for i in _parse(page).ids:
            counts[i] += 1
        dups = sorted(i for i, n in counts.items() if n > 1)
        if dups:
            problems.append(f"{page.relative_to(built_site)}: {dups[:10]}")
    assert not problems, "duplicated ids:\n" + "\n".join(problems)
