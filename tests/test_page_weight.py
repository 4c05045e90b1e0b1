"""No page transfers more than 500 KB (compressed) on first load.

For each HTML page: the gzip-compressed size (level 6, as a static host would send it)
of the page plus every same-site resource a browser fetches while loading it, each
counted once: stylesheets (and what their ``url(...)`` / ``@import`` name), scripts,
images, icons, preloads, and what Material's search fetches at load time (its worker,
``search/search_index.json`` and the lunr language files). Notebook pages included.
Each figure comes in four versions (light or dark palette, wide or narrow layout) of
which a browser fetches only the one it shows (tests/browser/test_phone_figures.py), so
a page is weighed once per palette and layout, and the heaviest counts.
The table is written to test-artifacts/page-weight.txt.
"""

from __future__ import annotations

import gzip
import json
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 500_000  # bytes, compressed
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.S)
FETCHED_LINK_RELS = {
    "stylesheet",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "preload",
    "modulepreload",
    "manifest",
}


VIEWS = frozenset(
    (palette, layout) for palette in ("light", "dark") for layout in ("wide", "narrow")
)


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.views: list[frozenset] = []  # for each url: the views that fetch it
        self._picture: str | None = None  # palette of the <picture> we are in
        self.config: str | None = None
        self._in_config = False

    def _add(self, url: str, views: frozenset = VIEWS) -> None:
        self.urls.append(url)
        self.views.append(views)

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        rel = set(a.get("rel", "").lower().split())
        classes = set(a.get("class", "").split())
        if tag == "picture":
            self._picture = next(
                (c.rsplit("__", 1)[1] for c in classes if c.startswith("sg-figure__")), None
            )
        palette = self._picture or next(
            (c.rsplit("--", 1)[1] for c in classes if c.startswith("sg-nb-figure--")), None
        )
        if palette and tag in {"img", "source"}:
            layout = {"source": {"narrow"}, "img": {"wide"} if self._picture else None}[tag]
            views = frozenset(
                v for v in VIEWS if v[0] == palette and (not layout or v[1] in layout)
            )
            self._add(a.get("src") or a["srcset"].split(",")[0].split()[0], views)
            return
        if tag == "link" and rel & FETCHED_LINK_RELS and a.get("href"):
            self._add(a["href"])
        elif tag in {
            "script",
            "img",
            "source",
            "iframe",
            "embed",
            "video",
            "audio",
            "input",
        } and a.get("src"):
            self._add(a["src"])
        if tag in {"img", "source"} and a.get("srcset"):
            self._add(a["srcset"].split(",")[0].split()[0])
        if tag == "script" and a.get("id") == "__config":
            self._in_config = True

    def handle_endtag(self, tag):
        self._in_config = False
        if tag == "picture":
            self._picture = None

    def handle_data(self, data):
        if self._in_config:
            self.config = data


@cache
def _gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


@cache
def _site_url(site: Path) -> str:
    m = re.search(r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text("utf-8"))
    assert m, "index.html has no canonical link: set site_url in mkdocs.yml"
    return m.group(1)


def _local(site: Path, base_file: Path, ref: str) -> Path | None:
    """The site file a same-site reference names (resolved as on the hosted site, so
    root-relative links of 404.html work), or None (another host, data:, ...)."""
    if not ref or ref.startswith(("data:", "blob:", "#", "mailto:", "javascript:")):
        return None
    site_url = _site_url(site)
    url = urljoin(site_url + base_file.relative_to(site).as_posix(), ref)
    if not url.startswith(site_url):
        return None
    target = site / unquote(urlsplit(url).path)[len(urlsplit(site_url).path) :].lstrip("/")
    if target.is_dir():
        target = target / "index.html"
    return target


def _css_closure(site: Path, css: Path, seen: set[Path]) -> None:
    for m in CSS_URL.finditer(css.read_text(encoding="utf-8", errors="replace")):
        target = _local(site, css, m.group(2) or m.group(4))
        if target is not None and target not in seen:
            seen.add(target)
            if target.suffix == ".css" and target.is_file():
                _css_closure(site, target, seen)


def _search_files(site: Path, page: Path, config: dict) -> set[Path]:
    """What Material's search worker fetches at load: the worker script, the index of the
    page's language, and the lunr language support that index's config asks for."""
    worker = config.get("search")
    if not worker:
        return set()
    lang_root = _local(site, page, config.get("base", ".").rstrip("/") + "/")
    lang_root = lang_root.parent if lang_root is not None else page.parent
    index = lang_root / "search" / "search_index.json"
    files = {_local(site, page, worker), index}
    langs = json.loads(index.read_text(encoding="utf-8"))["config"]["lang"]
    lunr = lang_root / "assets" / "javascripts" / "lunr"
    if any(lang != "en" for lang in langs):
        files.add(lunr / "min" / "lunr.stemmer.support.min.js")
    for lang in langs:
        if lang != "en":
            files.add(lunr / "min" / f"lunr.{lang}.min.js")
        if lang == "ja":
            files.add(lunr / "tinyseg.js")
        if lang == "th":
            files.add(lunr / "wordcut.js")
    if len(langs) > 1:
        files.add(lunr / "min" / "lunr.multi.min.js")
    return {f for f in files if f is not None}


def page_weight(site: Path, page: Path) -> tuple[int, dict[Path, int], list[str]]:
    """(total compressed bytes, {file: compressed bytes}, [missing references]) of the
    heaviest view (palette and layout) of the page."""
    parser = _Refs()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    heaviest: tuple[int, dict[Path, int], list[str]] | None = None
    for view in sorted(VIEWS):
        files: set[Path] = {page}
        for ref, views in zip(parser.urls, parser.views, strict=True):
            target = _local(site, page, ref) if view in views else None
            if target is not None:
                files.add(target)
                if target.suffix == ".css" and target.is_file():
                    _css_closure(site, target, files)
        if parser.config:
            files |= _search_files(site, page, json.loads(parser.config))
        missing = sorted(str(f.relative_to(site)) for f in files if not f.is_file())
        sizes = {f: _gzip_size(f) for f in files if f.is_file()}
        if heaviest is None or sum(sizes.values()) > heaviest[0]:
            heaviest = (sum(sizes.values()), sizes, missing)
    assert heaviest is not None
    return heaviest


def test_no_page_transfers_more_than_500_kb(built_site):
    pages = sorted(p for p in built_site.rglob("*.html"))
    assert len(pages) > 10
    rows, problems = [], []
    for page in pages:
        total, sizes, missing = page_weight(built_site, page)
        rel = page.relative_to(built_site).as_posix()
        biggest = sorted(sizes.items(), key=lambda kv: -kv[1])[:3]
        rows.append(
            (
                total,
                rel,
                ", ".join(f"{f.relative_to(built_site)} {n / 1000:.0f} kB" for f, n in biggest),
            )
        )
        if missing:
            problems.append(f"{rel}: references missing files {missing}")
        if total > LIMIT:
            problems.append(
                f"{rel}: {total / 1000:.1f} kB compressed on first load "
                f"(limit {LIMIT / 1000:.0f} kB)"
            )
    rows.sort(reverse=True)
    table = "\n".join(
        f"{total / 1000:8.1f} kB  {rel}  (largest: {big})" for total, rel, big in rows
    )
    out = ROOT / "test-artifacts"
    out.mkdir(exist_ok=True)
    (out / "page-weight.txt").write_text(table + "\n", encoding="utf-8")
    print(f"largest page: {rows[0][1]} at {rows[0][0] / 1000:.1f} kB compressed\n{table}")
    if problems:
        pytest.fail("\n".join(problems) + "\n\n" + table, pytrace=False)
