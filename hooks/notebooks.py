"""Notebook pages (mkdocs-jupyter): fresh outputs after package edits, light pages.

* mkdocs-jupyter caches executed notebooks keyed on the notebook text only, so after a
  package edit it would show stale outputs, and each language's build evicts the other
  language's entries. Its ``cache_dir`` is set here to
  ``.cache/mkdocs-jupyter/<package hash>/<lang>``.
* Kernels log at ERROR level only (each would print a WARNING line about local TCP).
* Each converted notebook carries ~600 KB of inline JupyterLab CSS, a MathJax loader
  (empty URL), a Mermaid loader (CDN import) and a stray Pygments stylesheet that
  restyles every ``pre`` on the page. They are removed; ``overrides/main.html`` links
  ``stylesheets/notebook.css`` on notebook pages instead (a few KB, Material colours,
  so dark mode works). Math in Markdown cells is converted by hooks/mathml.py.
* Cold builds: every lab notebook is executed up front in a few threads (each kernel
  is its own process), while the main thread renders figures; each lab is executed
  once and its outputs are shared by its language versions (same code cells);
  the results are written as mkdocs-jupyter cache entries, which the plugin then
  reads as cache hits. An error in a notebook is re-raised when its page is built.
  The copy-button ids (a global counter in mkdocs-jupyter) are renumbered per page so
  that parallel conversion stays deterministic.
* Notebook HTML is not processed by MkDocs: relative links to .md/.ipynb files are
  rewritten here to page URLs (a missing target is a warning); image outputs take their
  alt text from the code cell's metadata "alt" (missing: a warning); a cell writing to
  stderr is a warning; math written as \\( \\) in a Markdown cell (which nbconvert turns
  into plain text) is a warning.
* Heading ids: mkdocs-jupyter gives Korean headings an empty id (and the table of
  contents then points nowhere); they are recomputed with the site's slugify
  (pymdownx.slugs, lower case) in both the HTML and the table of contents.
"""

from __future__ import annotations

import html
import json
import logging
import os
import posixpath
import re
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import sg_common
import sg_figure_render
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from pymdownx.slugs import slugify

log = get_plugin_logger("notebooks")
PLUGIN = "mkdocs-jupyter"

_STYLE = re.compile(r"<style\b[^>]*>.*?</style>\s*", re.S)
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>\s*", re.S)
_COMMENT = re.compile(r"<!--.*?-->\s*", re.S)
_HEADING = re.compile(
    r'<h([1-6]) id="([^"]*)">(.*?)<a class="anchor-link" href="#[^"]*">¶</a></h\1>', re.S
)
_slug = slugify(case="lower")


def _kernel_config() -> None:
    """Silence kernels' own log (not the notebook's output): each kernel logs a WARNING
    line about unencrypted local TCP on stderr, which would read as a build warning.
    Done with a Jupyter config file on JUPYTER_CONFIG_PATH (read by nbconvert)."""
    cfg_dir = sg_common.CACHE_DIR / "jupyter-config"
    cfg = {"NotebookClient": {"extra_arguments": ["--IPKernelApp.log_level=ERROR"]}}
    cfg_dir.mkdir(parents=True, exist_ok=True)
    path = cfg_dir / "jupyter_nbconvert_config.json"
    text = json.dumps(cfg, indent=1, sort_keys=True)
    if not path.exists() or path.read_text() != text:
        path.write_text(text)
    paths = os.environ.get("JUPYTER_CONFIG_PATH", "").split(os.pathsep)
    if str(cfg_dir) not in paths:
        os.environ["JUPYTER_CONFIG_PATH"] = os.pathsep.join([str(cfg_dir), *filter(None, paths)])


WORKERS = 3
_pool: ThreadPoolExecutor | None = None
_futures: dict[str, Future] = {}  # cache file -> conversion in progress or done


def _nb2html(nb_path: Path, opts: dict, execute: bool) -> str:
    from mkdocs_jupyter import convert

    return convert.nb2html(
        str(nb_path),
        execute=execute,
        kernel_name=opts["kernel_name"],
        theme=opts["theme"],
        allow_errors=opts["allow_errors"],
        show_input=opts["show_input"],
        no_input=opts["no_input"],
        no_prompt=opts["no_prompt"],
        remove_tag_config=opts["remove_tag_config"],
        highlight_extra_classes=opts["highlight_extra_classes"],
        include_requirejs=opts["include_requirejs"],
        custom_mathjax_url=opts["custom_mathjax_url"],
    )


def _write_cache(cache_path: Path, body: str, nb_path: Path, opts: dict) -> None:
    from mkdocs_jupyter.plugin import _get_nb_toc_tokens

    toc_tokens, title = _get_nb_toc_tokens(str(nb_path), opts["toc_depth"])
    cache_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = cache_path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_text(
        json.dumps({"content": body, "toc_tokens": toc_tokens, "title": title}), encoding="utf-8"
    )
    tmp.replace(cache_path)


def _execute(nb_path: Path, opts: dict):
    """Run a notebook as mkdocs-jupyter would (in its folder); return the executed node."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(nb_path, as_version=4)
    NotebookClient(
        nb,
        kernel_name=opts["kernel_name"] or nb.metadata.get("kernelspec", {}).get("name", "python3"),
        allow_errors=opts["allow_errors"],
        resources={"metadata": {"path": str(nb_path.parent)}},
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
    ).execute(env=_kernel_env())
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = _coalesce_streams(cell.outputs)
    return nb


def _kernel_env() -> dict[str, str]:
    """The kernel's environment: this one, with a fixed SOURCE_DATE_EPOCH.

    Matplotlib writes the current time into every SVG it saves unless
    SOURCE_DATE_EPOCH is set; executed notebooks are cached across builds, so their
    outputs must not depend on how the build that executed them was started."""
    return {**os.environ, "SOURCE_DATE_EPOCH": sg_common.SOURCE_DATE_EPOCH}


def _coalesce_streams(outputs: list) -> list:
    """Merge consecutive outputs of the same stream into one.

    The kernel flushes stdout when it likes, so one print can arrive as one message or
    as two (text, then its newline); merged, the page is the same on every build.
    """
    merged: list = []
    for out in outputs:
        prev = merged[-1] if merged else None
        if (
            out.get("output_type") == "stream"
            and prev is not None
            and prev.get("output_type") == "stream"
            and prev.get("name") == out.get("name")
        ):
            prev["text"] = "".join(prev["text"]) + "".join(out["text"])
        else:
            merged.append(out)
    return merged


def _convert_all(paths: list[tuple[Path, Path]], opts: dict) -> None:
    """Convert one lab in every language, executing it only once.

    The language versions of a lab have the same code cells (tests/test_site_parity.py),
    so they have the same outputs: the first language's notebook is executed, its
    outputs are copied into the others, which are then converted without executing.
    A version whose code cells differ is executed on its own.
    """
    import nbformat

    executed = None
    for nb_path, cache_path in paths:
        if not opts["execute"]:
            body = _nb2html(nb_path, opts, execute=False)
        else:
            if executed is None:
                executed = _execute(nb_path, opts)
            target = nbformat.read(nb_path, as_version=4)
            src = [c for c in executed.cells if c.cell_type == "code"]
            dst = [c for c in target.cells if c.cell_type == "code"]
            if [c.source for c in src] != [c.source for c in dst]:
                body = _nb2html(nb_path, opts, execute=True)
            else:
                for a, b in zip(src, dst, strict=True):
                    b.outputs, b.execution_count = a.outputs, a.execution_count
                with tempfile.TemporaryDirectory() as tmp:
                    tmp_path = Path(tmp) / nb_path.name
                    nbformat.write(target, tmp_path)
                    body = _nb2html(tmp_path, opts, execute=False)
        _write_cache(cache_path, body, nb_path, opts)


def _prewarm(plugin, digest: str, languages: list[str]) -> None:
    """Convert every uncached lab notebook of every language, in threads (each kernel
    is its own process), executing each lab once for all languages."""
    global _pool
    try:
        from mkdocs_jupyter.plugin import _compute_cache_key, _get_cache_path
    except ImportError:  # another mkdocs-jupyter version: let the plugin do it serially
        return
    opts = dict(plugin.config)
    if opts["execute_ignore"] or not opts["cache"]:
        return
    labs: dict[str, list[tuple[Path, Path]]] = {}
    for lang in languages:
        docs = sg_common.ROOT / "docs" / lang
        cache_dir = sg_common.versioned_cache("mkdocs-jupyter", digest) / lang
        for nb_path in sorted(docs.rglob("*.ipynb")):
            rel = nb_path.relative_to(docs)
            if not any(rel.match(p) for p in opts["include"]) or ".ipynb_checkpoints" in rel.parts:
                continue
            key = _compute_cache_key(str(nb_path), opts, opts["execute"])
            cache_path = _get_cache_path(str(cache_dir), key)
            if cache_path.exists() or str(cache_path) in _futures:
                continue
            labs.setdefault(rel.as_posix(), []).append((nb_path, cache_path))
    for paths in labs.values():
        if _pool is None:
            _pool = ThreadPoolExecutor(WORKERS, thread_name_prefix="notebook")
        future = _pool.submit(_convert_all, paths, opts)
        for _, cache_path in paths:
            _futures[str(cache_path)] = future


def on_config(config):
    plugin = config.plugins.get(PLUGIN)
    if plugin is None:
        return config
    digest = sg_common.build_hash()
    lang = config.theme["language"]
    cache = sg_common.versioned_cache("mkdocs-jupyter", digest) / lang
    plugin.config["cache_dir"] = str(cache)
    _kernel_config()
    languages = [alt["lang"] for alt in config.extra.get("i18n_languages") or []]
    if languages and lang == languages[0]:  # the outer build: start every language's labs
        _prewarm(plugin, digest, languages)
    return config


def on_page_markdown(markdown, page, config, files):
    """Wait for this notebook's conversion (started by _prewarm) before it is rendered."""
    plugin = config.plugins.get(PLUGIN)
    if plugin is None or not plugin.should_include(page.file) or not _futures:
        return markdown
    from mkdocs_jupyter.plugin import _compute_cache_key, _get_cache_path

    key = _compute_cache_key(page.file.abs_src_path, plugin.config, plugin.config["execute"])
    cache_path = str(_get_cache_path(plugin.config["cache_dir"], key))
    future = _futures.pop(cache_path, None)
    if future is not None:
        try:
            future.result()
        except Exception as exc:
            raise PluginError(f"notebook {page.file.src_uri} failed:\n{exc}") from exc
    return markdown


def _keep_script(match: re.Match) -> str:
    # Keep only the copy-to-clipboard element and its listener.
    return match.group(0) if "clipboard-copy" in match.group(0) else ""


def _fix_headings(content: str, page) -> str:
    items = []
    stack = list(page.toc)
    while stack:
        item = stack.pop(0)
        items.append(item)
        stack[0:0] = list(item.children)
    used: set[str] = set()
    queue = list(items)

    def repl(m: re.Match) -> str:
        level, inner = m.group(1), m.group(3)
        text = html.unescape(re.sub(r"<[^>]+>", "", inner)).strip()
        base = _slug(text, "-") or f"section-{level}"
        slug, n = base, 1
        while slug in used:
            n += 1
            slug = f"{base}_{n}"
        used.add(slug)
        for i, item in enumerate(queue):
            if item.title.strip() == text:
                item.id = slug
                del queue[i]
                break
        # data-search-exclude: Material's search would put the "¶" into the title.
        link = (
            f'<a class="anchor-link" href="#{slug}" title="Permanent link" '
            "data-search-exclude>¶</a>"
        )
        return f'<h{level} id="{slug}">{inner}{link}</h{level}>'

    return _HEADING.sub(repl, content)


_FOR = re.compile(r'(<clipboard-copy\b[^>]*?\bfor=")cell-\d+(")')
_TXT = re.compile(r'(<div class="clipboard-copy-txt" id=")cell-\d+(">)')


def _renumber_copy_ids(content: str) -> str:
    for pattern in (_FOR, _TXT):
        counter = iter(range(1, 1_000_000))

        def number(m: re.Match, counter=counter) -> str:
            return f"{m.group(1)}cell-{next(counter)}{m.group(2)}"

        content = pattern.sub(number, content)
    return content


_GENERIC_ALT = 'alt="No description has been provided for this image"'
_CELL_SPLIT = re.compile(r'(?=<div class="jp-Cell [^"]*" id="cell-id=)')
_CELL_ID = re.compile(r'^<div class="jp-Cell [^"]*" id="cell-id=([^"]+)"')
_HREF = re.compile(r'href="([^"#:?]+\.(?:md|ipynb))(#[^"]*)?"')
_TEX_DELIM = re.compile(r"\\[()\[\]]")
_CODE_SPAN = re.compile(r"`[^`]*`")


class _DropAltWarning(logging.Filter):
    """nbconvert warns about images without alt text; _apply_alt_texts handles them."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "Alternative text is missing" not in record.getMessage()


logging.getLogger("traitlets").addFilter(_DropAltWarning())


def _notebook_cells(page) -> list[dict]:
    with open(page.file.abs_src_path, encoding="utf-8") as f:
        return json.load(f).get("cells", [])


def _check_source(page) -> None:
    """Math in Markdown cells must use $...$ / $$...$$: nbconvert's Markdown drops the
    backslash of \\( \\) \\[ \\] (the formula silently becomes plain text)."""
    for cell in _notebook_cells(page):
        if cell.get("cell_type") != "markdown":
            continue
        text = _CODE_SPAN.sub("", "".join(cell.get("source", [])))
        if _TEX_DELIM.search(text):
            log.warning(
                "%s, cell %s: write math as $...$ or $$...$$ in notebooks, not \\( \\) or \\[ \\]",
                page.file.src_uri,
                cell.get("id"),
            )


def _apply_alt_texts(content: str, page) -> str:
    """Image outputs get their alt text from the code cell's metadata "alt" (a string,
    in the notebook's language); an image output without one is a warning."""
    alts = {
        c.get("id"): c.get("metadata", {}).get("alt")
        for c in _notebook_cells(page)
        if c.get("cell_type") == "code"
    }
    parts = _CELL_SPLIT.split(content)
    for i, part in enumerate(parts):
        if _GENERIC_ALT not in part:
            continue
        m = _CELL_ID.match(part)
        cell_id = m.group(1) if m else None
        alt = alts.get(cell_id)
        if not alt or not str(alt).strip():
            log.warning(
                '%s, cell %s: an image output has no alt text; add "alt": "..." to the '
                "cell's metadata (in the notebook's language)",
                page.file.src_uri,
                cell_id,
            )
            continue
        parts[i] = part.replace(
            _GENERIC_ALT, f'alt="{html.escape(" ".join(str(alt).split()), quote=True)}"'
        )
    return "".join(parts)


def _rewrite_links(content: str, page, files) -> str:
    """Relative links to .md/.ipynb files in Markdown cells point at the pages (MkDocs
    does not rewrite links inside notebook HTML); a missing target is a warning."""
    from mkdocs.utils import get_relative_url

    base = posixpath.dirname(page.file.src_uri)

    def repl(m: re.Match) -> str:
        target_uri = posixpath.normpath(posixpath.join(base, html.unescape(m.group(1))))
        target = files.get_file_from_path(target_uri)
        if target is None or target.page is None:
            log.warning("%s: link to %s, which is not a page", page.file.src_uri, m.group(1))
            return m.group(0)
        return f'href="{get_relative_url(target.url, page.url)}{m.group(2) or ""}"'

    return _HREF.sub(repl, content)


_SVG_IMG = re.compile(
    r'<img alt="([^"]*)" src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"\s*/?>'
)


def _figure_files(content: str, page, config) -> str:
    """SVG outputs become files beside the page, each with its dark-palette version
    (mapped from the light one, as the site's figures are), shown as the page's palette
    asks. Inline, both would be downloaded with the page; as lazily loaded files, the
    hidden one never is."""
    import base64
    import hashlib

    from sigmoid_guide.figures import dark_svg

    page_dir = Path(config.site_dir) / page.url
    page_dir.mkdir(parents=True, exist_ok=True)

    def files_for(m: re.Match) -> str:
        alt, data = m.groups()
        light = base64.b64decode(data).decode("utf-8")
        name = "figure-" + hashlib.sha256(light.encode("utf-8")).hexdigest()[:12]
        size = sg_figure_render.svg_size(light.encode("utf-8"))
        dims = f' width="{size["width"]}" height="{size["height"]}"' if size else ""
        out = []
        for palette, text in (("light", light), ("dark", dark_svg(light))):
            file = f"{name}.svg" if palette == "light" else f"{name}.dark.svg"
            (page_dir / file).write_text(text, encoding="utf-8")
            out.append(
                f'<img class="sg-nb-figure sg-nb-figure--{palette}" alt="{alt}" src="{file}"'
                f'{dims} loading="lazy" decoding="async">'
            )
        return "".join(out)

    return _SVG_IMG.sub(files_for, content)


@event_priority(50)  # before hooks/mathml.py (-50) and the others
def on_page_content(content, page, config, files):
    if not getattr(page, "nb_url", None):
        return content
    before = len(content)
    _check_source(page)
    content = _STYLE.sub("", content)
    content = _SCRIPT.sub(_keep_script, content)
    content = _COMMENT.sub("", content)
    content = content.replace('<clipboard-copy ,="" ', "<clipboard-copy ")
    if config.theme["language"] == "ko":
        content = content.replace('aria-label="Copy to Clipboard"', 'aria-label="클립보드에 복사"')
        content = content.replace(">Copied!<", ">복사됨<")
    content = _fix_headings(content, page)
    content = _renumber_copy_ids(content)
    content = _apply_alt_texts(content, page)
    content = _figure_files(content, page, config)
    # Code in a Markdown cell scrolls sideways on a phone: keyboard users must reach it.
    content = content.replace(
        '<div class="highlight"><pre>', '<div class="highlight" tabindex="0"><pre>'
    )
    content = _rewrite_links(content, page, files)
    if 'data-mime-type="application/vnd.jupyter.stderr"' in content:
        log.warning("%s: a cell wrote to stderr (a warning?); see the page", page.file.src_uri)
    log.debug("%s: %d -> %d bytes", page.file.src_uri, before, len(content))
    return content
