#!/usr/bin/env python3
"""Measure the two build-speed targets of the site and print them.

1. Cold build: remove .cache/ (figures, executed notebooks), then time
   ``mkdocs build --strict`` of both languages into a temporary folder.
2. Reload: start ``mkdocs serve``, append a marker paragraph to a Markdown page, and
   time until the served page shows it (the rebuild of both languages included);
   repeated for a Korean and an English page, then the pages are restored.

    .venv/bin/python scripts/measure_build.py [--runs N] [--skip-cold] [--skip-reload]

Prints one line per measurement and a summary; exit status 1 if a target is missed
(cold > 30 s, reload > 2 s).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
COLD_TARGET_S = 30.0
RELOAD_TARGET_S = 2.0
PAGES = [("docs/ko/definition.md", "definition/"), ("docs/en/definition.md", "en/definition/")]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    return env


def cold_build() -> float:
    shutil.rmtree(ROOT / ".cache", ignore_errors=True)
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", tmp],
            cwd=ROOT,
            env=_env(),
            capture_output=True,
            text=True,
        )
        elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-4000:])
        raise SystemExit("cold build failed")
    return elapsed


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _mount_path() -> str:
    # MkDocs' own YAML loader, so that `!ENV [VAR, default]` resolves as in a build.
    from mkdocs.utils import yaml_load

    site_url = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8")).get("site_url")
    return urlsplit(site_url or "/").path or "/"


def reload_times(runs: int) -> list[tuple[str, float]]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}{_mount_path()}"
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=_env(),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    originals = {path: (ROOT / path).read_bytes() for path, _ in PAGES}
    results = []
    try:
        deadline = time.monotonic() + 180
        while _get(base + PAGES[-1][1]) is None:
            if proc.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                sys.stderr.write(log.read().decode()[-4000:])
                raise SystemExit("mkdocs serve did not come up")
            time.sleep(0.2)
        time.sleep(1.5)  # let the watcher settle after the first build
        for _ in range(runs):
            for path, url in PAGES:
                marker = f"measure-build-{uuid.uuid4().hex}"
                start = time.perf_counter()
                (ROOT / path).write_bytes(originals[path] + f"\n\n{marker}\n".encode())
                while True:
                    body = _get(base + url) or ""
                    if marker in body:
                        break
                    if time.perf_counter() - start > 60:
                        raise SystemExit(f"{path}: change not served after 60 s")
                    time.sleep(0.02)
                results.append((path, time.perf_counter() - start))
                (ROOT / path).write_bytes(originals[path])
                time.sleep(2.0)  # the restore triggers a rebuild too; let it finish
    finally:
        for path, data in originals.items():
            (ROOT / path).write_bytes(data)
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
    return results


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=2, help="edits per page (default 2)")
    ap.add_argument("--skip-cold", action="store_true")
    ap.add_argument("--skip-reload", action="store_true")
    args = ap.parse_args(argv)
    ok = True
    if not args.skip_cold:
        cold = cold_build()
        ok &= cold <= COLD_TARGET_S
        print(
            "cold build (both languages, figures and notebooks): "
            f"{cold:.1f} s (target {COLD_TARGET_S:.0f} s)"
        )
    if not args.skip_reload:
        times = reload_times(args.runs)
        for path, t in times:
            print(f"reload after editing {path}: {t:.2f} s")
        worst = max(t for _, t in times)
        ok &= worst <= RELOAD_TARGET_S
        print(f"reload (worst of {len(times)}): {worst:.2f} s (target {RELOAD_TARGET_S:.0f} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
