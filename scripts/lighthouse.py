#!/usr/bin/env python3
"""Lighthouse benchmark of the built site (a benchmark, not a gate: it always exits 0
once Lighthouse ran).

    python3 scripts/lighthouse.py                      # build into a temp dir, all pages
    python3 scripts/lighthouse.py --site site          # an existing build
    python3 scripts/lighthouse.py --pages "" vanishing-gradients/ labs/zigzag/ --runs 3

For every page (Korean and English), each preset (mobile = Lighthouse's default, and
desktop) is run ``--runs`` times with the pinned Lighthouse from package-lock.json
(``npm ci``) against the site served on 127.0.0.1 the way a static host serves it
(gzip, under site_url's path); the table gives the median score of each category.
Targets: accessibility >= 95, best practices 100, SEO 100, mobile performance >= 90.
Needs node_modules/.bin/lighthouse and Chromium (CHROME_PATH, default /usr/bin/chromium).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import ClassVar
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
SHORT = {"performance": "perf", "accessibility": "a11y", "best-practices": "bp", "seo": "seo"}
TARGETS = {  # (category, preset or None for both): minimum score
    ("accessibility", None): 95,
    ("best-practices", None): 100,
    ("seo", None): 100,
    ("performance", "mobile"): 90,
}
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ipynb", ".map"}
MIME = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ipynb": "application/x-ipynb+json",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
}


class Handler(http.server.SimpleHTTPRequestHandler):
    """A static host: the site below `base`, gzip when asked, short cache lifetime."""

    protocol_version = "HTTP/1.1"
    base = "/"
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        **MIME,
    }

    def translate_path(self, path: str) -> str:
        path = unquote(urlsplit(path).path)
        if not path.startswith(self.base):
            return str(Path(self.directory) / "404-outside-base-path" / "missing")
        return super().translate_path("/" + path[len(self.base) :])

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # redirect to the slash URL
            path = path / "index.html"
        if not path.is_file():
            return self._not_found()
        body = path.read_bytes()
        headers = {"Content-Type": self.guess_type(str(path)), "Cache-Control": "max-age=600"}
        if path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            headers["Content-Encoding"] = "gzip"
            headers["Vary"] = "Accept-Encoding"
        self.send_response(200)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def _not_found(self):
        page = Path(self.directory) / "404.html"
        body = page.read_bytes() if page.is_file() else b"not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format, *args):
        pass


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # browsers drop connections
            super().handle_error(request, client_address)


def site_url_of(site: Path) -> str:
    m = re.search(r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text("utf-8"))
    if not m:
        sys.exit("lighthouse.py: index.html has no canonical link (is site_url set?)")
    return m.group(1)


def all_pages(site: Path) -> list[str]:
    out = []
    for f in sorted(site.rglob("index.html")):
        rel = f.relative_to(site).as_posix()[: -len("index.html")]
        if rel.removeprefix("en/").split("/")[0] in {"assets", "search"}:
            continue
        out.append(rel)
    return out


def build(dest: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    print(f"building the site into {dest} …", flush=True)
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def run_lighthouse(url: str, preset: str, chrome: str) -> dict:
    cmd = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        "--disable-full-page-screenshot",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
    ]
    if preset == "desktop":
        cmd.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": chrome}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    if proc.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url} ({preset}):\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout)


METRICS = {  # column: (audit id, scale)
    "FCP": ("first-contentful-paint", 1e-3),
    "LCP": ("largest-contentful-paint", 1e-3),
    "TBT": ("total-blocking-time", 1),
    "CLS": ("cumulative-layout-shift", 1),
}


def metrics(report: dict) -> dict[str, float]:
    out = {}
    for name, (audit, scale) in METRICS.items():
        value = report["audits"].get(audit, {}).get("numericValue")
        out[name] = round(value * scale, 2) if value is not None else float("nan")
    out["bench"] = round(report.get("environment", {}).get("benchmarkIndex", float("nan")))
    return out


def failing_audits(report: dict, category: str) -> list[str]:
    refs = report["categories"][category]["auditRefs"]
    out = []
    for ref in refs:
        audit = report["audits"].get(ref["id"], {})
        if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
            out.append(f"{ref['id']} ({audit['score']:.2f})")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", type=Path, help="an existing build (default: build into a temp dir)")
    ap.add_argument(
        "--pages",
        nargs="*",
        help='pages below the Korean root, e.g. "" definition/ en/labs/zigzag/ '
        "(a page without en/ also runs its English twin; default: every page)",
    )
    ap.add_argument("--presets", default="mobile,desktop")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json", type=Path, help="write every run's scores (and failing audits) here")
    args = ap.parse_args(argv)

    if not LIGHTHOUSE.exists():
        print(
            "lighthouse.py: node_modules/.bin/lighthouse is missing: run `npm ci`", file=sys.stderr
        )
        return 2
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    if not shutil.which(chrome):
        print(f"lighthouse.py: Chromium not found at {chrome} (set CHROME_PATH)", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="sg-lighthouse-") as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build(site)
        site = site.resolve()
        pages = all_pages(site)
        if args.pages is not None and args.pages != []:
            wanted = []
            for p in args.pages:
                p = "" if p in ("", ".", "/") else p.strip("/") + "/"
                wanted += [p] if p.startswith("en/") else [p, "en/" + p]
            missing = [p for p in wanted if p not in pages]
            if missing:
                print(f"lighthouse.py: no such pages: {missing}", file=sys.stderr)
                return 2
            pages = wanted
        presets = [p.strip() for p in args.presets.split(",") if p.strip()]
        base = urlsplit(site_url_of(site)).path or "/"
        handler = type("H", (Handler,), {"base": base})
        server = Server(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        origin = f"http://127.0.0.1:{server.server_address[1]}"
        results: dict[tuple[str, str], list[dict]] = {}
        failures: list[str] = []
        audits: dict[tuple[str, str], dict[str, list[str]]] = {}
        try:
            total = len(pages) * len(presets) * args.runs
            done, t0 = 0, time.monotonic()
            for page in pages:
                for preset in presets:
                    for _ in range(args.runs):
                        try:
                            report = run_lighthouse(origin + base + page, preset, chrome)
                        except (
                            RuntimeError,
                            OSError,
                            ValueError,
                            subprocess.TimeoutExpired,
                        ) as exc:
                            failures.append(f"/{page} {preset}: {exc}")
                            print(f"run failed: {failures[-1][:500]}", file=sys.stderr, flush=True)
                            continue
                        scores = {
                            c: round(100 * (report["categories"][c]["score"] or 0))
                            for c in CATEGORIES
                        }
                        scores |= metrics(report)
                        results.setdefault((page, preset), []).append(scores)
                        audits[(page, preset)] = {
                            c: failing_audits(report, c) for c in CATEGORIES[1:]
                        }
                        done += 1
                        print(
                            f"[{done}/{total} {time.monotonic() - t0:5.0f}s] /{page} {preset}: "
                            + " ".join(f"{SHORT.get(k, k)} {v:g}" for k, v in scores.items()),
                            flush=True,
                        )
        except KeyboardInterrupt:
            print("interrupted: the table covers the runs done so far", file=sys.stderr)
        finally:
            server.shutdown()
            server.server_close()
            thread.join(5)

    if failures:
        print(f"\n{len(failures)} runs failed (left out of the medians):")
        print("\n".join("  " + f.splitlines()[0][:300] for f in failures))
    if not results:
        print("no run of Lighthouse succeeded", file=sys.stderr)
        return 1
    medians = {
        key: {c: statistics.median(run[c] for run in runs) for c in runs[0]}
        for key, runs in results.items()
    }
    misses = []
    columns = [SHORT[c] for c in CATEGORIES] + [*METRICS, "bench", "runs"]
    header = f"| page | preset | {' | '.join(columns)} |"
    print(
        f"\nMedians of {args.runs} runs "
        f"(lighthouse {lighthouse_version()}, Chromium at {chrome}):\n"
    )
    print(header)
    print("|" + "---|" * (2 + len(columns)))
    for (page, preset), med in medians.items():
        cells = []
        for c in CATEGORIES:
            target = TARGETS.get((c, preset), TARGETS.get((c, None)))
            ok = target is None or med[c] >= target
            cells.append(f"{med[c]:g}" + ("" if ok else " ✗"))
            if not ok:
                why = ", ".join(audits[(page, preset)].get(c, [])[:6]) if c != "performance" else ""
                misses.append(
                    f"/{page} {preset}: {c} {med[c]:g} < {target}"
                    + (f" — failing: {why}" if why else "")
                )
        cells += [f"{med[m]:g}" for m in [*METRICS, "bench"]]
        cells.append(str(len(results[(page, preset)])))
        print(f"| /{page} | {preset} | {' | '.join(cells)} |")
    print(
        "\nFCP/LCP in s, TBT in ms (simulated throttling); bench: Lighthouse's benchmarkIndex "
        "of this machine (higher is faster; a busy machine lowers it and the mobile score)."
    )
    if misses:
        print("Targets NOT met (a11y ≥ 95, best practices 100, SEO 100, mobile performance ≥ 90):")
        print("\n".join("  " + m for m in misses))
    else:
        print("All targets met (a11y ≥ 95, best practices 100, SEO 100, mobile performance ≥ 90).")
    if args.json:
        args.json.write_text(
            json.dumps(
                [
                    {
                        "page": p,
                        "preset": s,
                        "runs": r,
                        "median": medians[(p, s)],
                        "failing_audits": audits[(p, s)],
                    }
                    for (p, s), r in results.items()
                ],
                indent=2,
                ensure_ascii=False,
            )
            + "\n",
            encoding="utf-8",
        )
    return 0


def lighthouse_version() -> str:
    pkg = ROOT / "node_modules" / "lighthouse" / "package.json"
    try:
        return json.loads(pkg.read_text())["version"]
    except (OSError, ValueError, KeyError):
        return "?"


if __name__ == "__main__":
    sys.exit(main())
