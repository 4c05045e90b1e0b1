"""Every Python code block on the built site runs on its own.

A reader pastes a block into a fresh Python session with the package installed: it must
run (imports included) with warnings as errors. Blocks are taken from the built HTML of
both languages exactly as shown (tags removed, entities unescaped); identical blocks are
run once. Notebook cells are not included: they run in order when the notebooks are
executed by the build.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor


def _run(code: str) -> tuple[int, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.run(
            [sys.executable, "-W", "error", "-c", code],
            cwd=tmp,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
    return proc.returncode, proc.stderr


def test_every_python_block_runs_on_its_own(site):
    blocks: dict[str, list[str]] = {}
    for lang in ("ko", "en"):
        for page in site.pages(lang):
            for code in page.code_blocks("python"):
                blocks.setdefault(code, []).append(f"{lang}/{page.path}")
    assert blocks, "no Python code blocks on the site"
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        results = dict(zip(blocks, pool.map(_run, blocks), strict=True))
    failures = [
        f"--- {', '.join(blocks[code])} (exit {rc}):\n{code}\n{err[-1500:]}"
        for code, (rc, err) in results.items()
        if rc != 0 or err
    ]
    assert not failures, f"{len(failures)} of {len(blocks)} blocks fail:\n" + "\n".join(failures)
