"""A strict Content-Security-Policy on every page, as a ``<meta http-equiv>`` first in
``<head>`` (static hosts such as GitHub Pages cannot send headers).

The site loads nothing from another host; the policy makes every reader's browser
enforce that, and stops an injected script or a future dependency that phones home.
Scripts run only from the site itself and from the inline scripts this build wrote,
each allowed by the SHA-256 of its exact text (computed here, after every other hook
has finished the page, so a script added or changed later in the build would be
blocked and a browser test would see it). No ``'unsafe-inline'`` or ``'unsafe-eval'``
for scripts. What each other directive allows, and why, is in ``POLICY``.

``mkdocs serve`` gets no policy: its live-reload script is injected into every response
by the server, after the build, and a policy would block it.
"""

from __future__ import annotations

import base64
import hashlib
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


def with_policy(html: str, where: str) -> str:
    """``html`` with its policy right after ``<head>`` (and ``<meta charset>``), before
    any script."""
    head = _HEAD.search(html)
    if head is None:
        raise PluginError(f"csp: no <head> in {where}")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    return html[: head.end()] + meta + html[head.end() :]


@event_priority(-200)  # last: after every hook that writes or changes a script
def on_post_page(output: str, page, config, **_) -> str:
    return output if _serving else with_policy(output, page.file.src_uri)


@event_priority(-200)
def on_post_template(output_content: str, template_name: str, config, **_) -> str:
    """Pages made from a template alone (404.html)."""
    if _serving or not template_name.endswith(".html"):
        return output_content
    return with_policy(output_content, template_name)
