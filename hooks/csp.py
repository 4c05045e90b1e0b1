"""A strict Content-Security-Policy on every page, as a ``<meta http-equiv>`` first in
``<head>`` (static hosts such as GitHub Pages cannot send headers).

The site loads nothing from another host; the policy makes every reader's browser
enforce that, and stops an injected script or a future dependency that phones home.
Scripts run only from the site itself and from the inline scripts this build wrote,
each allowed by the SHA-256 of its exact text (computed here, after every other hook
has finished the page, so a script added or changed later in the build would be
blocked and a browser test would see it). No ``'unsafe-inline'`` or ``'unsafe-eval'``
for scripts. What each other directive allows, and why, is in ``POLICY``.

Every page of one language lists the hashes of the inline scripts of *all* its pages:
with Material's instant navigation the first page's policy stays in force while the
next page's content, and the scripts in it (mkdocs-jupyter's on notebook pages), are
swapped in, and the next page's policy is added to it; a script runs only if every
policy in force allows it. The pages are written with a placeholder, which
``on_post_build`` replaces in each of them once all are known.

``mkdocs serve`` gets no policy: its live-reload script is injected into every response
by the server, after the build, and a policy would block it.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

#: Directive -> sources, with the reason for each source beyond 'self'.
POLICY: dict[str, list[str]] = {
    "default-src": ["'self'"],
    # + the hashes of the page's inline scripts (Material's start-up script in <head>,
    # the site's palette and link scripts, mkdocs-jupyter's copy button on notebooks)
    "script-src": ["'self'"],
    # the search worker and the lunr files it loads: the site's own files
    "worker-src": ["'self'"],
    # Material's stylesheet draws its icons as data: SVG images (mask-image)
    "img-src": ["'self'", "data:"],
    "style-src": ["'self'"],
    "font-src": ["'self'"],
    # the search index, fetched by the page
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
#: Inline scripts: ``<script>`` elements without ``src`` whose type runs as JavaScript
#: (no type, or a JavaScript MIME type); ``application/json`` data is not a script.
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_JS_TYPES = {"", "text/javascript", "application/javascript", "module"}
_HEAD = re.compile(r"<head\b[^>]*>(\s*<meta charset=[^>]*>)?", re.I)

_serving = False
#: Stands for the hashes in every page until the build knows all of them.
PLACEHOLDER = "'sg-inline-script-hashes'"
# site_dir -> (hashes of every page written so far, in order; the files written)
_built: dict[str, tuple[list[str], list[str]]] = {}


def on_startup(command, **_) -> None:
    global _serving
    _serving = command == "serve"


def inline_script_hashes(html: str) -> list[str]:
    """``'sha256-…'`` of every inline script of ``html``, in order, without repeats."""
    hashes = []
    for match in _SCRIPT.finditer(html):
        attrs, body = match.groups()
        if re.search(r"\bsrc\s*=", attrs, re.I):
            continue
        kind = _TYPE.search(attrs)
        if (kind.group(1).lower() if kind else "") not in _JS_TYPES:
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        if (token := f"'sha256-{digest}'") not in hashes:
            hashes.append(token)
    return hashes


def policy_for(html: str) -> str:
    """The policy of one page: ``POLICY`` with the page's inline-script hashes."""
    directives = {k: list(v) for k, v in POLICY.items()}
    directives["script-src"] += inline_script_hashes(html)
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def with_policy(html: str, where: str, policy: str | None = None) -> str:
    """``html`` with a policy (its own, ``policy_for(html)``, unless given) right after
    ``<head>`` (and ``<meta charset>``), before any script."""
    head = _HEAD.search(html)
    if head is None:
        raise PluginError(f"csp: no <head> in {where}")
    content = policy_for(html) if policy is None else policy
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
    return html[: head.end()] + meta + html[head.end() :]


def _placeholder_policy() -> str:
    directives = {k: list(v) for k, v in POLICY.items()}
    directives["script-src"].append(PLACEHOLDER)
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def _record(html: str, config, dest: str) -> None:
    hashes, files = _built.setdefault(config["site_dir"], ([], []))
    hashes += [h for h in inline_script_hashes(html) if h not in hashes]
    files.append(dest)


def on_pre_build(config, **_) -> None:
    _built.pop(config["site_dir"], None)


@event_priority(-200)  # last: after every hook that writes or changes a script
def on_post_page(output: str, page, config, **_) -> str:
    if _serving:
        return output
    _record(output, config, page.file.abs_dest_path)
    return with_policy(output, page.file.src_uri, _placeholder_policy())


@event_priority(-200)
def on_post_template(output_content: str, template_name: str, config, **_) -> str:
    """Pages made from a template alone (404.html)."""
    if _serving or not template_name.endswith(".html"):
        return output_content
    _record(output_content, config, os.path.join(config["site_dir"], template_name))
    return with_policy(output_content, template_name, _placeholder_policy())


@event_priority(100)  # first: before hooks/i18n.py builds the next language into site_dir
def on_post_build(config, **_) -> None:
    """Put the hashes of every page's inline scripts into every page's policy."""
    if _serving:
        return
    hashes, files = _built.pop(config["site_dir"], ([], []))
    union = " ".join(hashes)
    for dest in files:
        with open(dest, encoding="utf-8") as f:
            html = f.read()
        if html.count(PLACEHOLDER) != 1:
            raise PluginError(f"csp: {dest} does not hold the policy's placeholder once")
        with open(dest, "w", encoding="utf-8") as f:
            f.write(html.replace(PLACEHOLDER, union))
