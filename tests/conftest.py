"""Shared fixtures: the whole bilingual site, built once per test session.

``built_site`` (a Path) is the output of ``mkdocs build --strict`` of mkdocs.yml, which
also builds the English site into ``<built_site>/en`` (hooks/i18n.py). The build must
exit 0 with no WARNING and no missing-glyph line in its output; otherwise every test
that uses the site fails with the build log. ``built_site_log`` is that log (stdout and
stderr), and ``site`` wraps the built site with helpers to list pages and pull code
blocks, figures and text out of them (see :class:`Site`).

Set ``SIGMOID_GUIDE_SITE`` to the folder of an existing build to skip building (handy
when iterating on a test; the log is then empty).
"""

from __future__ import annotations

import fnmatch
import html
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("ko", "en")  # the first is the default language, at the site root
LANG_PREFIX = {"ko": "", "en": "en/"}
BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1"}
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")


def mkdocs_build(
    site_dir: Path,
    *,
    cwd: Path = ROOT,
    config: str = "mkdocs.yml",
    timeout: float = 600,
    env_changes: dict[str, str | None] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m mkdocs build --strict`` (the venv's mkdocs) into ``site_dir``.

    ``env_changes`` sets variables of the build's environment (None removes one).
    """
    # Without SOURCE_DATE_EPOCH, as a reader's plain `mkdocs build` would run: the hooks
    # fix the build date (hooks/sg_common.py), and the tests check that they do.
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"} | BUILD_ENV
    for key, value in (env_changes or {}).items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            config,
            "--site-dir",
            str(site_dir),
        ],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def build_problems(log: str) -> list[str]:
    """Lines of a build log that must not be there: warnings, errors, missing glyphs."""
    return [
        line
        for line in log.splitlines()
        if "WARNING" in line or "ERROR" in line or "Glyph" in line or "Traceback" in line
    ]


@pytest.fixture(scope="session", name="mkdocs_build")
def _mkdocs_build_fixture():
    """:func:`mkdocs_build` for tests (conftest modules cannot be imported by name)."""
    return mkdocs_build


@pytest.fixture(scope="session")
def _site_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    existing = os.environ.get("SIGMOID_GUIDE_SITE")
    if existing:
        return Path(existing), ""
    site_dir = tmp_path_factory.mktemp("site")
    proc = mkdocs_build(site_dir)
    log = proc.stdout + proc.stderr
    problems = build_problems(log)
    if proc.returncode != 0 or problems:
        pytest.fail(
            f"mkdocs build --strict failed (exit {proc.returncode}) or was not clean:\n"
            + "\n".join(problems[:40])
            + "\n--- end of log ---\n"
            + log[-6000:],
            pytrace=False,
        )
    return site_dir, log


@pytest.fixture(scope="session")
def built_site(_site_build: tuple[Path, str]) -> Path:
    """Folder of the built site: Korean at the root, English under en/."""
    return _site_build[0]


@pytest.fixture(scope="session")
def built_site_log(_site_build: tuple[Path, str]) -> str:
    """Everything the build printed (stdout then stderr)."""
    return _site_build[1]


_VOID = {"br", "hr", "meta", "link", "input", "source", "wbr"}


class _Extractor(HTMLParser):
    """Collects the text of <code> inside language-* code blocks, <img> tags and the
    text of the main article."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []  # (language, code)
        self.imgs: list[dict[str, str]] = []
        self.article_parts: list[str] = []
        self._stack: list[tuple[str, str]] = []  # (tag, classes)
        self._code_lang: str | None = None
        self._code: list[str] = []
        self._in_article = 0

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        classes = a.get("class", "")
        if tag == "img":
            self.imgs.append(a)
            return
        if tag in _VOID:
            return
        self._stack.append((tag, classes))
        if tag == "article":
            self._in_article += 1
        if tag == "code" and self._code_lang is None:
            for t, c in reversed(self._stack[:-1]):
                m = re.search(r"\blanguage-([\w+-]+)", c)
                if m and "highlight" in c:
                    self._code_lang, self._code = m.group(1), []
                    break
                if t == "pre":
                    continue
                break

    def handle_endtag(self, tag):
        # A void element never opened anything (an <img ... /> still calls this), and an
        # end tag that matches nothing open must not close the elements around it.
        if tag in _VOID or tag == "img" or all(t != tag for t, _ in self._stack):
            return
        while self._stack:
            t, _ = self._stack.pop()
            if t == "article":
                self._in_article -= 1
            if t == "code" and self._code_lang is not None and tag == "code":
                self.blocks.append((self._code_lang, "".join(self._code)))
                self._code_lang = None
            if t == tag:
                break

    def handle_data(self, data):
        if self._code_lang is not None:
            self._code.append(data)
        if self._in_article:
            self.article_parts.append(data)


@dataclass
class Page:
    lang: str
    path: str  # relative to the language's root, e.g. "definition/index.html"
    file: Path
    text: str = field(repr=False)

    @property
    def slug(self) -> str:
        return self.path[: -len("index.html")].rstrip("/") or "."

    def _parsed(self) -> _Extractor:
        if not hasattr(self, "_parser"):
            p = _Extractor()
            p.feed(self.text)
            p.close()
            self._parser = p
        return self._parser

    def code_blocks(self, language: str | None = None) -> list[str]:
        """Code of the Markdown code blocks (Material's div.language-X.highlight), in
        page order, as a reader would copy it (tags removed, entities unescaped).
        Notebook cells and mkdocstrings signatures are not included."""
        return [code for lang, code in self._parsed().blocks if language in (None, lang)]

    def images(self) -> list[dict[str, str]]:
        return self._parsed().imgs

    def article_text(self) -> str:
        """Text of the page body (<article>), without the header, navigation and footer."""
        return html.unescape("".join(self._parsed().article_parts))

    def figure_names(self) -> list[str]:
        """Figures on the page, by the src of their light wide version (figures/NAME.svg;
        the dark one is NAME.dark.svg, the narrow ones are sources of the <picture>)."""
        return re.findall(r'<img[^>]*\bsrc="(?:\.\./)*figures/([\w-]+)\.svg"', self.text)


@dataclass
class Site:
    root: Path
    log: str

    def lang_root(self, lang: str) -> Path:
        return self.root / LANG_PREFIX[lang]

    def pages(self, lang: str) -> list[Page]:
        """Every HTML page of one language (404.html excluded), sorted by path."""
        base = self.lang_root(lang)
        out = []
        for f in sorted(base.rglob("index.html")):
            rel = f.relative_to(base).as_posix()
            if lang == LANGS[0] and any(rel.startswith(p) for p in LANG_PREFIX.values() if p):
                continue
            out.append(Page(lang, rel, f, f.read_text(encoding="utf-8")))
        return out

    def page(self, lang: str, path: str) -> Page:
        f = self.lang_root(lang) / path
        return Page(lang, path, f, f.read_text(encoding="utf-8"))

    def pairs(self) -> list[tuple[Page, Page]]:
        ko = {p.path: p for p in self.pages("ko")}
        en = {p.path: p for p in self.pages("en")}
        return [(ko[k], en[k]) for k in sorted(ko.keys() & en.keys())]


@pytest.fixture(scope="session")
def site(built_site: Path, built_site_log: str) -> Site:
    return Site(built_site, built_site_log)


# --- the package's own tests ---------------------------------------------------------
# Every test needs either only the package and requirements/package.txt (a *package
# test*: `python3 dev.py test-package` runs these on each Python 3.10-3.13, through
# `pytest --package-tests`), or the site's toolchain too (mkdocs and its plugins, the
# hooks, a built site, a browser): those are marked `site` here, in one place. A test
# is a site test when its module is listed below (modules that import mkdocs or the
# hooks, or are about the built site), when it uses one of SITE_FIXTURES, or when it is
# marked `@pytest.mark.site` itself (a test that imports the site's toolchain, e.g.
# nbformat or a hook, inside a module of package tests). Anything else that needs more
# than requirements/package.txt makes `dev.py test-package` fail, which says where.
SITE_TEST_MODULES = (  # paths relative to tests/, fnmatch patterns; a folder covers its files
    "browser",
    "test_hook_tables.py",
    "test_links.py",
    "test_notebooks.py",
    "test_page_weight.py",
    "test_reproducible.py",
    "test_site_*.py",
)
SITE_FIXTURES = frozenset({"site", "built_site", "built_site_log", "mkdocs_build", "_site_build"})
_TESTS = Path(__file__).resolve().parent


def _is_site_path(path: Path) -> bool:
    try:
        rel = path.resolve().relative_to(_TESTS).as_posix()
    except ValueError:
        return False  # outside tests/: the doctests in sigmoid_guide/
    return any(
        fnmatch.fnmatchcase(rel, pattern) or rel.startswith(pattern + "/")
        for pattern in SITE_TEST_MODULES
    )


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--package-tests",
        action="store_true",
        help="run only the package's own tests (no site toolchain needed; see tests/conftest.py)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "site: needs the site's toolchain (mkdocs, the hooks, a built site, a browser)"
    )


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    # Site modules are not even imported with --package-tests (mkdocs may be missing).
    if config.getoption("--package-tests") and _is_site_path(collection_path):
        return True
    return None  # not False: that would override --ignore and the other plugins


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if _is_site_path(item.path) or SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.site)
    if not config.getoption("--package-tests"):
        return
    site_items = [item for item in items if item.get_closest_marker("site")]
    if site_items:
        config.hook.pytest_deselected(items=site_items)
        items[:] = [item for item in items if not item.get_closest_marker("site")]
    if not items:
        raise pytest.UsageError("--package-tests selected no tests (see tests/conftest.py)")
