"""Every example file under docs_src/ runs on its own and prints what it says it prints.

Convention (see AUTHORING.md): after a ``print(...)`` the expected output follows as
comment lines starting with ``#> `` (``#>`` alone for an empty line; ``# >``, which is
what ``ruff format`` makes of it, is accepted too). The file is run with
``python -W error`` in a fresh process, in an empty temporary folder; it must exit 0,
write nothing to stderr, and its stdout must equal all ``#>`` lines joined, in file order.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS_SRC = ROOT / "docs_src"
EXAMPLES = sorted(DOCS_SRC.rglob("*.py"))
# "#> out" as written; "# > out" is what `ruff format` turns it into.
_OUT = re.compile(r"^[ \t]*# ?>(?: (.*)|)$")


def expected_output(source: str) -> str:
    lines = []
    for line in source.splitlines():
        m = _OUT.match(line)
        if m:
            lines.append(m.group(1) or "")
    return "".join(line + "\n" for line in lines)


def test_there_are_examples():
    assert EXAMPLES, "docs_src/ has no example files"


@pytest.mark.parametrize(
    "path", EXAMPLES, ids=[p.relative_to(DOCS_SRC).as_posix() for p in EXAMPLES]
)
def test_example_runs_and_prints_its_output(path: Path, tmp_path: Path):
    source = path.read_text(encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    proc = subprocess.run(
        [sys.executable, "-W", "error", str(path)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, f"{path.name} exited {proc.returncode}:\n{proc.stderr}"
    assert proc.stderr == "", f"{path.name} wrote to stderr:\n{proc.stderr}"
    assert proc.stdout == expected_output(source), (
        f"{path.name}: printed output differs from its '#> ' lines"
    )


@pytest.mark.parametrize(
    "path", EXAMPLES, ids=[p.relative_to(DOCS_SRC).as_posix() for p in EXAMPLES]
)
def test_example_is_used_by_a_page(path: Path):
    """An example nobody includes is dead weight (and may drift)."""
    rel = path.relative_to(ROOT).as_posix()
    pages = list((ROOT / "docs").rglob("*.md"))
    assert any(rel in p.read_text(encoding="utf-8") for p in pages), f"no page includes {rel}"


def test_expected_output_parser():
    src = 'print(1)\n#> 1\nprint("")\n#>\nx = 2  #> not output\n    #> [0.5 0.5]\n# > 3\n'
    assert expected_output(src) == "1\n\n[0.5 0.5]\n3\n"
