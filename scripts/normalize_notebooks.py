#!/usr/bin/env python3
"""Normalise the lab notebooks so that builds are byte-identical and diffs are small.

For every docs/*/labs/*.ipynb: remove outputs and execution counts, give each cell the
fixed id ``lab-<n>`` (1-based position), drop volatile metadata (keeping "tags" and the
"alt" text of image outputs), and set the kernelspec
to python3. Run it after editing a notebook in Jupyter:

    .venv/bin/python scripts/normalize_notebooks.py          # rewrite in place
    .venv/bin/python scripts/normalize_notebooks.py --check  # exit 1 if any would change

tests/test_notebooks.py checks the same properties.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
KERNELSPEC = {"display_name": "Python 3", "language": "python", "name": "python3"}


def normalized(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    nb.metadata = nbformat.from_dict(
        {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}}
    )
    for i, cell in enumerate(nb.cells, start=1):
        cell.id = f"lab-{i}"
        cell.metadata = nbformat.from_dict(
            {k: v for k, v in cell.metadata.items() if k in {"tags", "alt"}}
        )
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cell.pop("attachments", None) if cell.cell_type != "markdown" else None
    return nb


def dumps(nb: nbformat.NotebookNode) -> str:
    return nbformat.writes(nb, version=4) + "\n"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    changed = []
    for path in sorted(ROOT.glob("docs/*/labs/*.ipynb")):
        text = path.read_text(encoding="utf-8")
        nb = nbformat.reads(text, as_version=4)
        new = dumps(normalized(nb))
        if new != text:
            changed.append(path.relative_to(ROOT))
            if not check:
                path.write_text(new, encoding="utf-8")
    for p in changed:
        print(("would change " if check else "normalised ") + str(p))
    return 1 if (check and changed) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
