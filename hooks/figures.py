"""Figures built at build time from ``sigmoid_guide.figures.registry``.

A line ``[[figure: NAME]]`` in a page (alone on its line) becomes a ``<figure>`` with
``figures/NAME.svg`` (alt text, width and height, and the registry's caption if it has
one), all in the page's language, loaded lazily.
The SVG is generated into the build (a generated ``File``, so MkDocs validates the
link), never into docs/.

Rendered SVGs are cached under ``.cache/figures/<package hash>/`` keyed by figure name
and language, the hash covering every source and data file of the package: a Markdown
edit under ``mkdocs serve`` re-renders nothing, a package edit re-renders everything.

Cold builds: at the start of the Korean build, every figure that any page of any
language needs and that is not cached is rendered in worker processes (two), one task
per experiment, so each experiment runs once per build for all its figures and both
languages, while this process goes on with the pages. Tasks are queued in the order
the pages need them, and a page waits only until its own figures are in the cache (a
task's warnings and errors are reported when it ends, before the build finishes).
Otherwise (English-only builds, a figure added while serving) figures are rendered
here, where the registry memoises experiments per process.

An unknown figure name, a missing alt text or a missing glyph (matplotlib warning or
log record) fails the build; any other warning while drawing is a build warning.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import posixpath
import re
import sys
from concurrent.futures import Future, ProcessPoolExecutor, wait
from pathlib import Path

import sg_common
import sg_figure_render as fr
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File

log = get_plugin_logger("figures")

DIRECTIVE = re.compile(r"^[ \t]*\[\[figure:[ \t]*([A-Za-z0-9_.-]+)[ \t]*\]\][ \t]*$", re.MULTILINE)
LOOSE = "[[figure:"
# The explorables' directive (hooks/explorables.py renders it): their data is computed
# by the same workers, in page order.
EXPLORABLE = re.compile(
    r"^[ \t]*\[\[explorable:[ \t]*([A-Za-z0-9_.-]+)[ \t]*\]\][ \t]*$", re.MULTILINE
)
WORKERS = 2
# Figures load as the reader scrolls to them: on a phone the first screen is text (the
# largest element painted first is a paragraph on every page), and a figure fetched
# early competes with the page's CSS on a slow connection.
LOADING = 'loading="lazy" decoding="async"'
# Below this width a page gets the narrow (phone) version of each figure; from 600 px on
# the wide one is shown at 90 % of its size or more.
NARROW_MEDIA = "(max-width: 599.98px)"

_cache_dir: Path | None = None
_meta: dict[tuple[str, str], dict] = {}  # (lang, name) -> {"file", "alt", "caption", ...}
_pending: dict[tuple[str, str], Future] = {}  # (lang, name) -> worker task rendering it
_unreported: dict[tuple[str, str], Future] = {}  # taken from the cache before the task ended
_pool: ProcessPoolExecutor | None = None
_pool_hash: str | None = None  # package version the workers imported


def _build_order(docs: Path, md: Path) -> tuple:
    # MkDocs converts pages in this order (its file_sort_key: index first in a folder).
    parts = md.relative_to(docs).parts
    return (parts[:-1], md.stem != "index", parts[-1])


def _names_in(docs: Path) -> list[str]:
    """Figures used in ``docs``, in the order MkDocs' build first needs them."""
    return [name for kind, name in _uses_in(docs) if kind == "figure"]


def _uses_in(docs: Path) -> list[tuple[str, str]]:
    """``("figure" | "explorable", name)`` of every directive in ``docs``, in the order
    the build first needs them, without repeats."""
    uses: list[tuple[str, str]] = []
    for md in sorted(docs.rglob("*.md"), key=lambda md: _build_order(docs, md)):
        text = md.read_text(encoding="utf-8")
        found = [(m.start(), "figure", m.group(1)) for m in DIRECTIVE.finditer(text)]
        found += [(m.start(), "explorable", m.group(1)) for m in EXPLORABLE.finditer(text)]
        for _, kind, name in sorted(found):
            if (kind, name) not in uses:
                uses.append((kind, name))
    return uses


def _start_workers(languages: list[str]) -> None:
    """Render every missing figure and explorable of every language in worker
    processes, in the order the pages need them."""
    global _pool, _pool_hash
    assert _cache_dir is not None
    if _pool is not None and _pool_hash != sg_common.build_hash():
        _pool.shutdown(wait=False, cancel_futures=True)  # workers hold the old package
        _pool = None
    # task key -> figure items (name, lang) or explorable languages, in page order
    todo: dict[tuple[str, str], list] = {}
    for lang in languages:
        for kind, name in _uses_in(sg_common.ROOT / "docs" / lang):
            if kind == "figure":
                if (lang, name) not in _pending and fr.cached(_cache_dir, name, lang) is None:
                    todo.setdefault((kind, name), []).append((name, lang))
            elif (lang, name) not in sg_common.explorable_tasks and not fr.explorable_path(
                _cache_dir, name, lang
            ).exists():
                todo.setdefault((kind, name), []).append(lang)
    if not todo:
        return
    from sigmoid_guide.figures import registry

    groups: dict[object, tuple[str, list]] = {}
    for (kind, name), items in todo.items():
        if kind == "explorable":
            groups[("explorable", name)] = (kind, items)
            continue
        spec = registry.FIGURES.get(name)
        key = spec.experiment if spec else name
        groups.setdefault(key, (kind, []))[1].extend(items)
    if _pool is None:
        # spawn: safe with the notebook threads of this process; the workers import
        # sg_figure_render from the hooks folder.
        hooks_dir = str(Path(__file__).resolve().parent)
        if hooks_dir not in sys.path:
            sys.path.append(hooks_dir)
        _pool = ProcessPoolExecutor(
            max_workers=min(WORKERS, len(groups)),
            mp_context=multiprocessing.get_context("spawn"),
        )
        _pool_hash = sg_common.build_hash()
        atexit.register(_pool.shutdown, wait=False, cancel_futures=True)
    # Figures in the order the pages need them: the build waits for the first page's
    # figures (dicts keep insertion order, and todo follows the pages). The explorables
    # go first: one of them (the vanishing grid, about 15 s) is the longest task, and
    # started last it would leave one worker idle at the end of the build.
    ordered = sorted(groups.items(), key=lambda item: item[1][0] != "explorable")
    for key, (kind, items) in ordered:
        if kind == "explorable":
            name = key[1]
            future = _pool.submit(fr.render_explorable, str(_cache_dir), name, items)
            for lang in items:  # hooks/explorables.py waits for these
                sg_common.explorable_tasks[(lang, name)] = future
            continue
        future = _pool.submit(fr.render_group, str(_cache_dir), items)
        for name, lang in items:
            _pending[(lang, name)] = future
        if callable(key):  # hooks/values.py reads the prose values this task stores
            sg_common.experiment_tasks[fr.experiment_key(key)] = future


def _result(name: str, lang: str) -> dict:
    """Metadata of a figure: from its worker, the cache, or rendered here."""
    global _pool
    assert _cache_dir is not None
    future = _pending.pop((lang, name), None)
    if future is not None and _pool is not None and not _pending and not _explorables_pending():
        _pool.shutdown(wait=False)  # the last task was submitted long ago; free the workers
        _pool = None
    if future is not None:
        # A task renders all figures of one experiment and each lands in the cache as
        # soon as it is drawn: the page goes on then, its warnings are logged later.
        while not future.done():
            hit = fr.cached(_cache_dir, name, lang)
            if hit is not None:
                _unreported[(lang, name)] = future
                return hit
            wait([future], timeout=0.05)
        return _reported(future, name, lang)
    try:
        meta, notes = fr.render(_cache_dir, name, lang)
    except fr.FigureError as exc:
        raise PluginError(str(exc)) from exc
    for note in notes:
        log.warning("%s", note)
    return meta


def _explorables_pending() -> bool:
    return any(not f.done() for f in sg_common.explorable_tasks.values())


def _reported(future: Future, name: str, lang: str) -> dict:
    """The result of one figure from a finished worker task; logs its warnings."""
    try:
        results = future.result()
    except Exception as exc:  # the worker died
        raise PluginError(f"figure {name} ({lang}): worker failed: {exc}") from exc
    for n, lg, meta, error, notes in results:
        if (n, lg) == (name, lang):
            for note in notes:
                log.warning("%s", note)
            if error:
                raise PluginError(error)
            return meta
    raise PluginError(f"figure {name} ({lang}): the worker did not render it")


def on_config(config):
    global _cache_dir
    _cache_dir = sg_common.versioned_cache("figures", sg_common.build_hash())
    languages = [alt["lang"] for alt in config.extra.get("i18n_languages") or []]
    lang = config.theme["language"]
    if languages and lang == languages[0] and os.environ.get("SG_FIGURE_WORKERS", "1") != "0":
        _start_workers(languages)
    return config


@event_priority(-50)  # after mkdocs-jupyter has wrapped the notebook files
def on_files(files, config):
    lang = config.theme["language"]
    for key in [k for k in _meta if k[0] == lang]:  # forget the previous build's figures
        del _meta[key]
    names: list[str] = []
    for f in files.documentation_pages():
        if f.src_uri.endswith(".md"):
            for name in DIRECTIVE.findall(f.content_string):
                if name not in names:
                    names.append(name)
    assert _cache_dir is not None
    for name in names:
        svg_path, _ = fr.paths(_cache_dir, name, lang)
        if (lang, name) not in _pending:
            _meta[(lang, name)] = _result(name, lang)
        # The file may still be being written by a worker: it is copied into the site
        # after all pages are read, and each page waits for its figures.
        _add_file(files, config, name, str(svg_path))
    return files


def _add_file(files, config, name: str, path: str) -> None:
    for variant in fr.VARIANTS:
        uri = f"figures/{name}{variant}.svg"
        if files.get_file_from_path(uri) is None:
            src = str(fr.variant_path(path, variant))
            files.append(File.generated(config, uri, abs_src_path=src))


def _escape(text: str) -> str:
    return re.sub(r"([\\\[\]`*_{}<>])", r"\\\1", " ".join(text.split()))


def on_page_markdown(markdown, page, config, files):
    lang = config.theme["language"]
    rel_dir = posixpath.dirname(page.file.src_uri)

    def figure(m: re.Match) -> str:
        name = m.group(1)
        meta = _meta.get((lang, name))
        if meta is None:  # rendered by a worker, or the page changed after on_files
            meta = _meta[(lang, name)] = _result(name, lang)
            _add_file(files, config, name, meta["file"])
        src = posixpath.relpath(f"figures/{name}.svg", rel_dir or ".")
        parts = [
            '<figure class="sg-figure" markdown="span">',
            f"![{_escape(meta['alt'])}]({src})"
            f'{{ width="{meta["width"]}" height="{meta["height"]}" {LOADING} }}',
        ]
        if meta["caption"]:
            parts.append(f"<figcaption>{_escape(meta['caption'])}</figcaption>")
        parts.append("</figure>")
        return "\n".join(parts)

    return DIRECTIVE.sub(figure, markdown)


# The <img> Markdown made of a figure (MkDocs has made its src relative to the page).
_FIGURE_IMG = re.compile(
    r'(<figure class="sg-figure">\s*)'
    r'(<img\b[^>]*\bsrc="((?:[^"]*/)?figures/([A-Za-z0-9_.-]+?))\.svg"[^>]*>)'
)


def _pictures(m: re.Match, lang: str) -> str:
    """The light and the dark version of a figure, each a <picture> whose narrow source
    the browser takes on a phone. figures.css shows the one of the page's palette; the
    other, display: none and loaded lazily, is never fetched."""
    head, img, base, name = m.groups()
    narrow = _meta[(lang, name)]["narrow"]
    out = [head]
    for palette, suffix in (("light", ""), ("dark", ".dark")):
        out.append(
            f'<picture class="sg-figure__{palette}">'
            f'<source media="{NARROW_MEDIA}" srcset="{base}.narrow{suffix}.svg" '
            f'width="{narrow["width"]}" height="{narrow["height"]}">'
            + img.replace(f'{base}.svg"', f'{base}{suffix}.svg"')
            + "</picture>"
        )
    return "".join(out)


def on_page_content(html, page, config, files):
    if LOOSE in html:
        log.warning(
            "%s: a '[[figure:' directive was not replaced (it must be alone on its line)",
            page.file.src_uri,
        )
    lang = config.theme["language"]
    return _FIGURE_IMG.sub(lambda m: _pictures(m, lang), html)


def on_post_build(config):
    # Figures that no page of this language waited for (cannot happen unless a page
    # was removed while rendering): collect their errors too.
    lang = config.theme["language"]
    for key in [k for k in _pending if k[0] == lang]:
        _result(key[1], lang)
    for key in [k for k in _unreported if k[0] == lang]:
        _reported(_unreported.pop(key), key[1], lang)
