"""One MkDocs build per language, driven from mkdocs.yml.

* The Korean build (mkdocs.yml) builds the English config (mkdocs.en.yml) into
  ``<site_dir>/en`` at the end of its own build, in the same process, with the same
  strictness: a warning in the English build fails ``mkdocs build --strict``.
  ``mkdocs serve`` therefore serves both languages, and watches the English pages,
  the package, the hooks, the overrides and the example files.
* Every page gets hreflang alternates (absolute URLs derived from ``site_url``) for
  each language and x-default, and the language switcher links to the same page in
  the other language (relative links, so it also works on a local server).
* While serving, a language whose inputs did not change since the last rebuild is not
  built again: its previous output is copied back (an edit to a Korean page rebuilds
  only the Korean site).
* A page without its counterpart in the other language is a warning (strict: error).

The language table is ``extra.alternate`` in mkdocs.yml: ``lang``, ``name`` and ``link``
(the language's root relative to the Korean root). The docs folder of a language is
``docs/<lang>``; its config is mkdocs.yml for the first entry, ``mkdocs.<lang>.yml``
otherwise.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import sg_common
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.utils import get_relative_url

log = get_plugin_logger("i18n")

ROOT = Path(__file__).resolve().parent.parent
WATCH = ["docs/en", "mkdocs.en.yml", "sigmoid_guide", "hooks", "overrides", "docs_src"]

_command = "build"  # set by on_startup (the Korean build's command)
_nested = False  # true while the sub-build of another language runs
_saved: dict[
    str, tuple[str, Path]
] = {}  # serve only: lang -> (input fingerprint, copy of its site)


def _languages(config) -> list[dict]:
    """The language table: extra.alternate as written in mkdocs.yml (saved by on_config,
    because on_page_context rewrites extra.alternate for every page)."""
    table = config.extra.get("i18n_languages")
    if table is None:
        table = [
            {"name": a["name"], "lang": a["lang"], "link": a["link"]}
            for a in config.extra.get("alternate") or []
        ]
    return [dict(alt) for alt in table]


def _prefix(alt: dict) -> str:
    """Path of a language's root below the default language's root: '' or 'en/'."""
    p = posixpath.normpath(alt["link"]).lstrip("./")
    return "" if p in ("", ".") else p.rstrip("/") + "/"


def _current(config) -> dict:
    lang = config.theme["language"]
    for alt in _languages(config):
        if alt["lang"] == lang:
            return alt
    raise SystemExit(f"hooks/i18n.py: theme.language {lang!r} is not in extra.alternate")


def _root_url(config) -> str:
    """Absolute URL of the default language's root, from this build's site_url."""
    site_url = config.site_url or "/"
    prefix = _prefix(_current(config))
    if prefix and site_url.endswith(prefix):
        return site_url[: -len(prefix)]
    return site_url


def on_startup(command, dirty):
    global _command
    if not _nested:
        _command = command
    if command == "serve":
        # Compiled files written while serving would retrigger the watcher.
        sys.dont_write_bytecode = True
        os.environ["PYTHONDONTWRITEBYTECODE"] = "1"


def on_config(config):
    config.extra["i18n_languages"] = _languages(config)
    if not config.extra["i18n_languages"]:
        raise SystemExit("hooks/i18n.py: extra.alternate (the language table) is missing")
    if not _nested:
        sg_common.begin_build()
    prefix = _prefix(_current(config))
    if prefix and config.site_url and not config.site_url.endswith(prefix):
        # A language built on its own (mkdocs build -f mkdocs.en.yml) inherits the
        # default language's site_url: site_url in mkdocs.yml is the only one to edit.
        config.site_url = urljoin(config.site_url, prefix)
    # Material keys what it stores in the browser (the palette above all) by this path;
    # by default each language is its own site, so a reader who picked the dark palette
    # in one language got the light one in the other.
    config.extra.setdefault("scope", urlsplit(_root_url(config)).path or "/")
    if not _prefix(_current(config)):  # the default language: watch everything
        for item in WATCH:
            path = ROOT / item
            if path.exists() and str(path) not in config.watch:
                config.watch.append(str(path))
    return config


def _alternates(config, page_url: str, src_uri: str | None) -> list[dict]:
    root = _root_url(config)
    here = _prefix(_current(config)) + page_url
    out = []
    for alt in _languages(config):
        target = _prefix(alt) + page_url
        if src_uri is not None and alt["lang"] != config.theme["language"]:
            other = ROOT / "docs" / alt["lang"] / src_uri
            if not other.exists():
                log.warning("%s has no %s counterpart (%s)", src_uri, alt["lang"], other)
                target = _prefix(alt)
        out.append(
            {
                "name": alt["name"],
                "lang": alt["lang"],
                "link": urljoin(root, target),  # absolute: <link rel=alternate hreflang>
                "href": get_relative_url(target or ".", here or "."),  # relative: switcher
                "current": alt["lang"] == config.theme["language"],
            }
        )
    if out:
        out.append({**out[0], "lang": "x-default", "current": False})
    return out


def on_page_context(context, page, config, nav):
    config.extra["alternate"] = _alternates(config, page.url, page.file.src_uri)
    return context


def on_template_context(context, template_name, config):
    # 404.html (a static template, no page): point at the languages' home pages.
    alternates = _alternates(config, "", None)
    for alt in alternates:
        alt["href"] = urlsplit(alt["link"]).path or "/"
    config.extra["alternate"] = alternates
    return context


def _inputs_fingerprint(lang: str) -> str:
    """Everything a language's site is built from (serve: skip unchanged languages)."""
    h = hashlib.sha256(sg_common.build_hash().encode())
    for item in [
        f"docs/{lang}",
        "mkdocs.yml",
        f"mkdocs.{lang}.yml",
        "docs_src",
        "overrides",
        "hooks",
    ]:
        base = ROOT / item
        paths = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for p in paths:
            st = p.stat()
            h.update(f"{p}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    # Which pages exist in the other languages (for the switcher and its warnings).
    for other in sorted((ROOT / "docs").iterdir()):
        if other.is_dir() and other.name != lang:
            h.update(
                "\n".join(sorted(str(p.relative_to(other)) for p in other.rglob("*"))).encode()
            )
    return h.hexdigest()


@event_priority(-100)  # after every other post_build handler of this build
def on_post_build(config):
    global _nested
    if _nested or _prefix(_current(config)):
        return
    for alt in _languages(config)[1:]:
        prefix = _prefix(alt)
        out_dir = Path(config.site_dir) / prefix
        if _command == "serve":
            fingerprint = _inputs_fingerprint(alt["lang"])
            saved = _saved.get(alt["lang"])
            if saved and saved[0] == fingerprint and saved[1].is_dir():
                shutil.rmtree(out_dir, ignore_errors=True)
                shutil.copytree(saved[1], out_dir)
                log.info("The %s site is unchanged: reused", alt["lang"])
                continue
        cfg_file = ROOT / f"mkdocs.{alt['lang']}.yml"
        sub = load_config(
            config_file=str(cfg_file),
            site_dir=str(Path(config.site_dir) / prefix),
            strict=config.strict,
        )
        sub.site_url = urljoin(config.site_url or "/", prefix) if config.site_url else None
        log.info("Building the %s site into %s", alt["lang"], sub.site_dir)
        _nested = True
        try:
            build(sub, serve_url=sub.site_url if _command == "serve" else None)
        finally:
            _nested = False
        if _command == "serve":
            copy = Path(tempfile.gettempdir()) / f"sg-serve-{os.getpid()}-{alt['lang']}"
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(out_dir, copy)
            _saved[alt["lang"]] = (fingerprint, copy)


def on_shutdown():
    for _, copy in _saved.values():
        shutil.rmtree(copy, ignore_errors=True)
    _saved.clear()
