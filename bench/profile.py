"""Where one ``sepeda build`` spends its time: a py-spy sampling profile, as a short table.

``python -m bench.profile PROJECT [--rate 20] [--raw FILE]`` builds the project (for
instance one written by ``python -m bench.catalogue``) under ``py-spy record
--subprocesses`` and prints the seconds of samples that fall in each of the largest costs,
inclusive (a sample counts once per row it belongs to). Sampling at 20 Hz slows the build
by a few per cent, where cProfile tripled it. Worker processes (media) are counted apart
from the main process; Pagefind is a native binary py-spy does not sample (the benchmark
times it on its own).
"""

from __future__ import annotations

import argparse
import collections
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROWS = (
    ("reading and validating the catalogue (`load_catalogue`)", "load_catalogue (generator/"),
    ("of which media, waiting for the workers", "generator/catalogue/media_batch.py"),
    ("scoring (`score_with`, every caller)", "score_with (generator/iid/scoring.py"),
    ("the regency's projection (`regency_projection`)", "regency_projection (generator/"),
    ("planning pages (`plan_pages`)", "plan_pages (generator/pages/plan.py"),
    ("Jinja rendering of generated pages (`render.render`)", "render (generator/pages/render.py"),
    ("open data (`export_files`)", "export_files (generator/outputs/export.py"),
    ("staging the generated files (`_stage`)", "_stage (generator/plugin.py"),
    ("MkDocs converts the hand-written Markdown (`markdown.convert`)", "convert (markdown/core.py"),
    ("MkDocs renders the theme templates (`_build_page`)", "_build_page (mkdocs/commands/build.py"),
    ("output scan of every built page (`output_scan`)", "generator/site/output_scan.py"),
    ("the search index (`search_index`, waiting for Pagefind)", "generator/site/search_index.py"),
)
WORKER = "_process_worker (concurrent/futures/process.py"
"""The loop of a pool worker process: a sample below it is a worker's, not the build's."""


def tally(raw: Path) -> tuple[collections.Counter[str], int, int]:
    """Samples per row, samples in the main process, samples in media workers."""
    rows: collections.Counter[str] = collections.Counter()
    main = workers = 0
    for line in raw.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not count_text.isdigit():
            continue
        count = int(count_text)
        if WORKER in stack:
            workers += count
            continue
        main += count
        for label, marker in ROWS:
            if marker in stack:
                rows[label] += count
    return rows, main, workers


def report(raw: Path, rate: int) -> str:
    rows, main, workers = tally(raw)
    lines = [
        "| cost | seconds | share of the main process |",
        "|---|---:|---:|",
    ]
    for label, _ in ROWS:
        lines.append(f"| {label} | {rows[label] / rate:,.0f} | {rows[label] / max(main, 1):.0%} |")
    lines.append(f"| main process in all | {main / rate:,.0f} | 100% |")
    lines.append(
        f"| media worker processes (CPU, beside the main process) | {workers / rate:,.0f} | |"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("project", type=Path)
    parser.add_argument("--rate", type=int, default=20, help="samples per second")
    parser.add_argument("--raw", type=Path, help="keep py-spy's raw samples here")
    args = parser.parse_args(argv)
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    with tempfile.TemporaryDirectory(prefix="sepeda-profil-") as tmp:
        raw = args.raw or Path(tmp) / "samples.txt"
        command = [
            spy, "record", "--subprocesses", "--nonblocking", "--rate", str(args.rate),
            "--format", "raw", "--output", str(raw), "--",
            sys.executable, "-m", "generator", "build", "--out", "site",
        ]  # fmt: skip
        subprocess.run(command, cwd=args.project, check=True)  # noqa: S603 - fixed argv
        print(report(raw, args.rate))
    return 0


if __name__ == "__main__":
    sys.exit(main())
