"""Command line of the guide's package.

    python -m sigmoid_guide figures OUT_DIR [--lang ko|en|all] [--only NAME ...]
    python -m sigmoid_guide list

``figures`` writes ``OUT_DIR/<lang>/<name>.svg`` and ``OUT_DIR/<lang>/<name>.alt.txt``
for every registered figure (or only those named). The same command is installed as the
console script ``sigmoid-guide``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

__all__ = ["main", "write_figures"]


def write_figures(out_dir: Path, langs: Sequence[str], names: Sequence[str]) -> list[Path]:
    """Render ``names`` in each of ``langs`` into ``out_dir`` and return the written paths."""
    # Imported here so `--help` and argument errors stay fast (matplotlib is heavy).
    from .figures.registry import alt_text, render_svg

    written: list[Path] = []
    for lang in langs:
        folder = out_dir / lang
        folder.mkdir(parents=True, exist_ok=True)
        for name in names:
            svg = folder / f"{name}.svg"
            svg.write_bytes(render_svg(name, lang))
            alt = folder / f"{name}.alt.txt"
            # Explicit newline and encoding: identical bytes on every platform.
            alt.write_bytes((alt_text(name, lang).strip() + "\n").encode("utf-8"))
            written += [svg, alt]
    return written


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sigmoid-guide", description="Tools of the bilingual sigmoid guide."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    fig = sub.add_parser("figures", help="write every figure as SVG plus alt text")
    fig.add_argument("out_dir", type=Path, metavar="OUT_DIR", help="output folder")
    fig.add_argument(
        "--lang",
        choices=["ko", "en", "all"],
        default="all",
        help="language to write (default: all)",
    )
    fig.add_argument(
        "--only", nargs="+", metavar="NAME", default=None, help="write only these figures"
    )
    sub.add_parser("list", help="print the names of all figures")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit status."""
    parser = _parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    from .figures.registry import FIGURES
    from .figures.strings import LANGS

    if args.command == "list":
        print("\n".join(FIGURES))
        return 0
    names = list(FIGURES) if args.only is None else list(dict.fromkeys(args.only))
    unknown = [n for n in names if n not in FIGURES]
    if unknown:
        parser.error(
            f"unknown figure(s): {', '.join(unknown)}; known: {', '.join(FIGURES) or '(none)'}"
        )
    langs = list(LANGS) if args.lang == "all" else [args.lang]
    written = write_figures(args.out_dir, langs, names)
    print(f"wrote {len(written)} files ({len(names)} figures x {len(langs)} languages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
