"""``mkdocs serve`` only: reuse the HTML of pages whose inputs did not change.

Each serve rebuild is a full build of both languages; rendering unchanged pages again
(above all the API page, which mkdocstrings renders from the package) costs seconds.
While serving, a page's render result is kept in memory keyed by everything it is
made from: its final Markdown (after the figure hook), its path and language, the
package hash, the example files (docs_src/), the list of files of the build, and the
config files. A hit restores the HTML, the table of contents, the title and the anchor
data, and replays the anchors mkdocstrings registered with autorefs (cross-references).

The search plugin's index entries of a page are cached the same way (parsing every
page's HTML for the index is the largest cost left), keyed by the page's final HTML,
URL, title and table of contents.

Not active for ``mkdocs build``: what is published is always rendered from scratch.
A page's link warnings are printed when it is rendered, not again on a hit.
"""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path

import sg_common
from mkdocs.plugins import event_priority, get_plugin_logger

log = get_plugin_logger("serve_cache")

_active = False
_cache: dict[str, dict] = {}
_recording: list | None = None  # autorefs registrations of the page being rendered
_context: str = ""  # per-build part of the key
_search_cache: dict[str, list] = {}
_theme_listing: dict[tuple, list[str]] = {}


def on_startup(command, dirty):
    global _active
    _active = command == "serve"


def _tree_fingerprint(*paths: Path) -> str:
    h = hashlib.sha256()
    for base in paths:
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for p in files:
            if "__pycache__" in p.parts:
                continue
            st = p.stat()
            h.update(f"{p}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def _wrap_autorefs(config) -> None:
    autorefs = config.plugins.get("autorefs")
    if autorefs is None or getattr(autorefs, "_sg_wrapped", False):
        return
    original = autorefs.register_anchor

    def register_anchor(page, identifier, anchor=None, *, title=None, primary=True):
        if _recording is not None:
            _recording.append((identifier, anchor, title, primary))
        return original(page, identifier, anchor, title=title, primary=primary)

    autorefs.register_anchor = register_anchor
    autorefs._sg_wrapped = True


@event_priority(-100)  # after mkdocstrings has added its autorefs instance
def on_config(config):
    global _context
    if not _active:
        return config
    root = sg_common.ROOT
    _context = "\0".join(
        [
            sg_common.build_hash(),
            _tree_fingerprint(root / "docs_src", root / "mkdocs.yml", root / "mkdocs.en.yml"),
            config.theme["language"],
        ]
    )
    _wrap_autorefs(config)
    _cache_theme_listing(config)
    return config


def _cache_theme_listing(config) -> None:
    """Each build lists every file of the theme (Material ships some 14,000, mostly
    icons) to find its static files: a third of a second per language per rebuild.
    The listing is kept while serving, keyed by the theme folders and a fingerprint of
    the project's own override folder, the only one that can change meanwhile."""
    theme = config.theme
    original = theme.get_env
    custom = Path(theme.custom_dir) if theme.custom_dir else None

    def get_env():
        env = original()
        list_templates = env.list_templates

        def cached(extensions=None, filter_func=None):
            key = (
                tuple(theme.dirs),
                _tree_fingerprint(custom) if custom else "",
                tuple(extensions or ()),
                getattr(filter_func, "__code__", filter_func),
            )
            if key not in _theme_listing:
                _theme_listing[key] = list_templates(extensions, filter_func)
            return list(_theme_listing[key])

        env.list_templates = cached
        return env

    theme.get_env = get_env


def on_files(files, config):
    global _context
    if _active:
        listing = "\n".join(sorted(f.src_uri for f in files))
        _context += "\0" + hashlib.sha256(listing.encode()).hexdigest()
    return files


@event_priority(-100)  # last: the Markdown as it will be rendered
def on_page_markdown(markdown, page, config, files):
    if not _active or getattr(page, "nb_url", None):
        return markdown
    key = hashlib.sha256(
        "\0".join([_context, page.file.src_uri, markdown]).encode("utf-8")
    ).hexdigest()
    original = page.render

    def render(config, files):
        global _recording
        hit = _cache.get(key)
        if hit is not None:
            page.content = hit["content"]
            page.toc = hit["toc"]
            page._title_from_render = hit["title"]
            page.present_anchor_ids = hit["present_anchor_ids"]
            links = hit["links_to_anchors"]
            if links is not None:
                remapped = {}
                for src_uri, value in links.items():
                    target = files.get_file_from_path(src_uri)
                    if target is not None:
                        remapped[target] = value
                links = remapped
            page.links_to_anchors = links
            autorefs = config.plugins.get("autorefs")
            if autorefs is not None:
                for identifier, anchor, title, primary in hit["anchors"]:
                    autorefs.register_anchor(page, identifier, anchor, title=title, primary=primary)
            return
        _recording = []
        try:
            original(config, files)
            anchors = _recording
        finally:
            _recording = None
        links = page.links_to_anchors
        _cache[key] = {
            "content": page.content,
            "toc": page.toc,
            "title": getattr(page, "_title_from_render", None),
            "present_anchor_ids": page.present_anchor_ids,
            "links_to_anchors": None if links is None else {f.src_uri: v for f, v in links.items()},
            "anchors": anchors,
        }

    page.render = render
    return markdown


def _toc_key(toc) -> str:
    out = []
    stack = list(toc or [])
    while stack:
        item = stack.pop(0)
        out.append(f"{item.id}\0{item.title}")
        stack[0:0] = list(item.children)
    return "\n".join(out)


@event_priority(100)  # before Material's search plugin indexes the page
def on_page_context(context, page, config, nav):
    if not _active:
        return context
    search = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(search, "search_index", None)
    if index is None or not hasattr(index, "entries") or getattr(index, "_sg_wrapped", False):
        return context
    original = index.add_entry_from_context

    def add_entry_from_context(page):
        key = hashlib.sha256(
            "\0".join(
                [
                    page.url,
                    str(page.title),
                    repr(sorted(page.meta.items())),
                    _toc_key(page.toc),
                    page.content or "",
                ]
            ).encode("utf-8")
        ).hexdigest()
        hit = _search_cache.get(key)
        if hit is not None:
            index.entries.extend(copy.deepcopy(hit))
            return
        start = len(index.entries)
        original(page)
        _search_cache[key] = copy.deepcopy(index.entries[start:])

    index.add_entry_from_context = add_entry_from_context
    index._sg_wrapped = True
    return context
