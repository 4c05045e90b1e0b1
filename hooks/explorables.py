"""Explorable figures: ``[[explorable: NAME]]`` and ``[[explore: NAME.KEY]]`` in a page.

A line ``[[explorable: NAME]]`` (alone on its line) becomes the explorable's markup in
the page's language: its controls as native radio buttons and sliders (so the keyboard
and screen readers work as everywhere else), an empty plot, a readout and an
``aria-live`` sentence, all inside a ``<figure hidden>``; the page's script
(overrides/assets/javascripts/explorables/) fills and shows it. Without JavaScript,
and in print, it stays hidden and the static figure before it is what the reader sees.

Its data, every setting of the experiment as computed by
``sigmoid_guide.explorables``, is written as ``explorables/NAME.json`` into the
site of each language. The figure workers (hooks/figures.py) compute it, in page
order, into the figure cache; a page waits for it only here. ``[[explore:
NAME.KEY]]`` (``|이/가`` adds a Korean particle) prints ``answers[KEY]`` of that data:
the answers of the page's "try this" prompts.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from concurrent.futures import wait

import sg_common
import sg_figure_render as fr
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

DIRECTIVE = re.compile(
    r"^[ \t]*\[\[explorable:[ \t]*([A-Za-z0-9_.-]+)[ \t]*\]\][ \t]*$", re.MULTILINE
)
ANSWER = re.compile(
    r"\[\[explore:[ \t]*([A-Za-z0-9_-]+)\.([A-Za-z0-9_]+)[ \t]*(?:\|[ \t]*([^\]\s]+)[ \t]*)?\]\]"
)
LOOSE = ("[[explorable:", "[[explore:")

_data: dict[tuple[str, str], dict] = {}  # (lang, name) -> payload, for the answers


def _cache_dir():
    return sg_common.versioned_cache("figures", sg_common.build_hash())


def _json_path(name: str, lang: str):
    """The cached JSON of one explorable: from its worker task, the cache, or made here."""
    path = fr.explorable_path(_cache_dir(), name, lang)
    task = sg_common.explorable_tasks.pop((lang, name), None)
    if task is not None:
        wait([task])
        try:
            results = task.result()
        except Exception as exc:  # the worker died
            raise PluginError(f"explorable {name} ({lang}): worker failed: {exc}") from exc
        for lg, error in results:
            if lg == lang and error:
                raise PluginError(error)
    if not path.exists():
        for _, error in fr.render_explorable(str(path.parent), name, [lang]):
            if error:
                raise PluginError(error)
    return path


def _payload(name: str, lang: str) -> dict:
    if (lang, name) not in _data:
        _data[(lang, name)] = json.loads(_json_path(name, lang).read_text(encoding="utf-8"))
    return _data[(lang, name)]


def _spec(name: str):
    from sigmoid_guide.explorables import EXPLORABLES

    if name not in EXPLORABLES:
        raise PluginError(
            f"[[explorable: {name}]]: unknown explorable; known: {', '.join(EXPLORABLES)}"
        )
    return EXPLORABLES[name]


@event_priority(-50)  # after hooks/i18n.py has chosen the language's files
def on_files(files, config):
    lang = config.theme["language"]
    for key in [k for k in _data if k[0] == lang]:  # forget the previous build's data
        del _data[key]
    names: list[str] = []
    for f in files.documentation_pages():
        if f.src_uri.endswith(".md"):
            for name in DIRECTIVE.findall(f.content_string):
                if name not in names:
                    names.append(name)
    for name in names:
        _spec(name)
        uri = f"explorables/{name}.json"
        if files.get_file_from_path(uri) is None:
            # Copied after every page is read; each page waits for its data first.
            path = fr.explorable_path(_cache_dir(), name, lang)
            files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def _control(name: str, index: int, control, lang: str) -> str:
    ident = f"sg-x-{name}-{control.name}"
    legend = html.escape(control.legend[lang])
    labels = [html.escape(label) for label in control.options[lang]]
    if control.kind == "radio":
        inputs = "".join(
            f'<label><input type="radio" name="{ident}" value="{i}"'
            f"{' checked' if i == control.default else ''}> {label}</label>"
            for i, label in enumerate(labels)
        )
        return (
            f'<fieldset class="sg-x-radio" data-control="{index}">'
            f"<legend>{legend}</legend>{inputs}</fieldset>"
        )
    value = labels[control.default]
    return (
        f'<div class="sg-x-range" data-control="{index}">'
        f'<label for="{ident}">{legend}</label>'
        f'<input type="range" id="{ident}" name="{ident}" min="0" max="{control.size - 1}"'
        f' step="1" value="{control.default}" aria-valuetext="{value}">'
        f'<output for="{ident}">{value}</output></div>'
    )


def markup(name: str, lang: str, src: str) -> str:
    """The explorable's HTML in ``lang``, its data at ``src`` (relative to the page)."""
    spec = _spec(name)
    title_id = f"sg-x-{name}-title"
    controls = "".join(_control(name, i, c, lang) for i, c in enumerate(spec.controls))
    return (
        f'<figure class="sg-explorable" data-explorable="{name}" data-src="{src}"'
        f' aria-labelledby="{title_id}" hidden>'
        f'<figcaption id="{title_id}">{html.escape(spec.title[lang])}</figcaption>'
        f'<form class="sg-x-controls">{controls}</form>'
        '<div class="sg-x-plot"></div>'
        '<dl class="sg-x-readout"></dl>'
        '<div class="sg-x-table"></div>'
        '<p class="sg-x-live" aria-live="polite"></p>'
        "</figure>"
    )


def on_page_markdown(markdown, page, config, files):
    lang = config.theme["language"]
    # The folder the page is served from: "vanishing-gradients/" is one, "" the root.
    page_dir = page.url[:-1] if page.url.endswith("/") else posixpath.dirname(page.url)

    def block(m: re.Match) -> str:
        name = m.group(1)
        _payload(name, lang)  # fails the build here if the data cannot be made
        src = posixpath.relpath(f"explorables/{name}.json", page_dir or ".")
        return "\n" + markup(name, lang, src) + "\n"

    def answer(m: re.Match) -> str:
        from sigmoid_guide.values._format import with_particle

        name, key, particle = m.groups()
        _spec(name)
        answers = _payload(name, lang)["answers"]
        if key not in answers:
            raise PluginError(
                f"{page.file.src_uri}: [[explore: {name}.{key}]]: no such answer; "
                f"known: {', '.join(sorted(answers))}"
            )
        return with_particle(answers[key], particle)

    markdown = DIRECTIVE.sub(block, markdown)
    return ANSWER.sub(answer, markdown)


def on_page_content(html_text, page, config, files):
    for loose in LOOSE:
        if loose in html_text:
            raise PluginError(
                f"{page.file.src_uri}: a '{loose}' directive was not replaced "
                "([[explorable: NAME]] must be alone on its line)"
            )
    return html_text
