"""The scale benchmark: each figure beside its reference and its budget, on this machine.

For each size (default 200 and 2,000; ``--sizes 200 2000 20000`` for the national scale) it
writes a synthetic catalogue (:mod:`bench.catalogue`) and measures, as whole processes:

- ``sepeda check`` against a bare parse of the same YAML files with PyYAML's C loader;
- ``sepeda build`` against a plain ``mkdocs build`` of the same generated pages (dumped as
  files, same theme and menu, no ``katalog`` plugin), and Pagefind's indexing on its own;
- ``sepeda serve``: the time to its first page, and the time until an edit of one
  ``inovasi.yaml`` (its ``nama``) shows on that innovation's page, twice (the second edit
  shows the steady state); the server's peak memory;
- peak memory (``ru_maxrss`` per process), site size, file count, the largest page;
- bytes a reader transfers (Chromium, every response body; gzip-6 estimated per response)
  for the home page, an innovation page, a list page and one search.

Medians of ``--runs`` runs (one run at 20,000). Nothing is asserted: the output is Markdown
(``--out bench/RESULTS.md`` writes it with the machine it ran on).
Usage: ``python -m bench.run [--sizes 200 2000] [--runs 3] [--out FILE]`` or ``make bench``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench.catalogue import TODAY, write_project
from bench.transfer import INDEX_FOLDERS, Transfer, transfers

SOURCE_DATE_EPOCH = "1795000000"
MIB = 1024 * 1024
KB = 1000
CHROMIUM = "/usr/bin/chromium"

_PARSE = """
import sys, pathlib, yaml
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.yaml")):
    yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
"""

_DUMP = """
import sys, pathlib
from generator.site import pipeline
root, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
result = pipeline.build(pipeline.Settings.for_project(root, pipeline.CATALOGUE_DIR))
assert result.ok
for uri, content in result.files.items():
    target = out / uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content if isinstance(content, bytes) else content.encode())
"""


@dataclass(frozen=True)
class Run:
    seconds: float
    rss_mib: float


def _env() -> dict[str, str]:
    return {
        **os.environ,
        "SEPEDA_TODAY": TODAY.isoformat(),
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH,
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def _once(argv: list[str], cwd: Path) -> Run:
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = subprocess.Popen(  # noqa: S603 - fixed argv, no shell
            argv, cwd=cwd, env=_env(), stdin=subprocess.DEVNULL, stdout=log, stderr=log
        )
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            log.seek(0)
            raise SystemExit(f"{' '.join(argv)} failed:\n{log.read().decode()[-3000:]}")
    return Run(elapsed, usage.ru_maxrss / 1024)


def _median(argv: list[str], cwd: Path, runs: int, before: tuple[Path, ...] = ()) -> Run:
    results = []
    for _ in range(runs):
        for path in before:
            shutil.rmtree(path, ignore_errors=True)
        results.append(_once(argv, cwd))
    return Run(statistics.median(r.seconds for r in results), max(r.rss_mib for r in results))


def _poll(url: str, ready: Callable[[str], bool], timeout: float = 3600) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - localhost
                if ready(response.read().decode("utf-8")):
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise SystemExit(f"{url}: not ready after {timeout} s")


def _shows(marker: str) -> Callable[[str], bool]:
    return lambda body: marker in body


def _serve(project: Path) -> dict[str, float]:
    """``sepeda serve``: first page, then two edits of one innovation's name until shown."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    profile = sorted((project / "innovations").glob("*/*/inovasi.yaml"))[0]
    url = f"http://127.0.0.1:{port}/inovasi/{profile.parent.name}/"
    figures: dict[str, float] = {}
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        server = subprocess.Popen(  # noqa: S603 - fixed argv, no shell
            [sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=_env(),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
        )
        try:
            _poll(url, lambda body: True)
            figures["serve_first"] = time.perf_counter() - start
            original = profile.read_text(encoding="utf-8")
            for n, word in enumerate(("Diperbarui", "Lagi"), start=1):
                text = profile.read_text(encoding="utf-8")
                head, rest = text.split("\n", 1)
                edited = time.perf_counter()
                profile.write_text(f"{head} {word}\n{rest}", encoding="utf-8")
                _poll(url, _shows(f" {word}<"))  # the end of the page's heading
                figures[f"serve_edit{n}"] = time.perf_counter() - edited
            profile.write_text(original, encoding="utf-8")
        finally:
            server.terminate()  # sepeda serve stops as on Ctrl+C and removes its folders
            _, _, usage = os.wait4(server.pid, 0)
        figures["serve_rss"] = usage.ru_maxrss / 1024
    return figures


def _plain_project(project: Path, plain: Path) -> None:
    """The same generated pages as files, the same theme and menu, no katalog plugin."""
    shutil.copytree(project / "docs", plain / "docs")
    shutil.copytree(project / "overrides", plain / "overrides")
    subprocess.run(  # noqa: S603
        [sys.executable, "-c", _DUMP, str(project), str(plain / "docs")],
        check=True,
        env=_env(),
    )
    from generator.base import urls

    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("plugins:\n  - katalog:\n      innovations_dir: innovations\n", "")
    config = config.replace("watch:\n  - innovations\n", "")
    config += "\nplugins: []\nnav: " + json.dumps(urls.mkdocs_nav(), ensure_ascii=False) + "\n"
    config = config.replace(
        "not_in_nav: |\n", "not_in_nav: |\n  /jelajah/*/\n  /inovasi/halaman/\n  /opd/*/*/\n"
    )
    (plain / "mkdocs.yml").write_text(config, encoding="utf-8")


@dataclass
class Result:
    size: int
    agencies: int
    figures: dict[str, float] = field(default_factory=dict)
    transfers: dict[str, Transfer] = field(default_factory=dict)
    largest: str = ""


def measure(size: int, runs: int, keep: Path | None) -> Result:
    runs = 1 if size >= 10_000 else runs
    with tempfile.TemporaryDirectory(prefix=f"sepeda-bench-{size}-") as tmp:
        project = Path(tmp) / "proyek"
        project.mkdir()
        agencies = write_project(project, size, seed=2026)
        result = Result(size, agencies)
        f = result.figures
        py = sys.executable
        parse = _median([py, "-c", _PARSE, "innovations"], project, runs)
        check = _median([py, "-m", "generator", "check"], project, runs)
        build = _median([py, "-m", "generator", "build", "--out", "site"], project, runs)
        site = project / "site"
        pagefind = _median(
            [py, "-m", "pagefind", "--site", "site", "--force-language", "id", "--silent"],
            project,
            runs,
            before=(site / "pagefind",),
        )
        f.update(_serve(project))
        plain = Path(tmp) / "polos"
        plain.mkdir()
        _plain_project(project, plain)
        mkdocs = _median([py, "-m", "mkdocs", "build", "-q", "-d", "site"], plain, runs)
        f.update(
            parse=parse.seconds,
            check=check.seconds,
            check_rss=check.rss_mib,
            build=build.seconds,
            build_rss=build.rss_mib,
            mkdocs=mkdocs.seconds,
            mkdocs_rss=mkdocs.rss_mib,
            pagefind=pagefind.seconds,
            pagefind_rss=pagefind.rss_mib,
        )
        files = [p for p in site.rglob("*") if p.is_file()]
        html = [p for p in files if p.suffix == ".html"]
        largest = max(html, key=lambda p: p.stat().st_size)
        bundle = [p for p in files if p.relative_to(site).parts[0] in INDEX_FOLDERS]
        f.update(
            site_mb=sum(p.stat().st_size for p in files) / 1e6,
            files=len(files),
            pagefind_files=len(bundle),
            largest_kb=largest.stat().st_size / KB,
        )
        result.largest = largest.relative_to(site).as_posix()
        innovation = next(
            p for p in sorted(site.glob("inovasi/*/index.html")) if p.parent.name != "halaman"
        )
        result.transfers = transfers(
            site,
            {
                "home": "",
                "inovasi": innovation.relative_to(site).parent.as_posix() + "/",
                "daftar": "jelajah/urusan/kesehatan/",
                "cari": "cari/?q=pelayanan",
                "cari-semua": "cari/?q=pelayanan",
                "daftar-urut": "inovasi/",
            },
        )
        if keep is not None:
            shutil.copytree(project / "innovations", keep / f"katalog-{size}", dirs_exist_ok=True)
        return result


def _exponent(results: list[Result], key: str) -> float | None:
    big = [r for r in results if r.size >= 2000]
    if len(big) < 2:
        return None
    a, b = big[0], big[-1]
    return math.log(b.figures[key] / a.figures[key]) / math.log(b.size / a.size)


def report(results: list[Result]) -> str:
    lines = [
        "| innovations | agencies | check | C-loader parse | ratio (budget 3x) | build | plain "
        "mkdocs | ratio (budget 1.0x) | Pagefind alone | build peak RSS | Pagefind RSS |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        f = r.figures
        lines.append(
            f"| {r.size:,} | {r.agencies} | {f['check']:.1f} s | {f['parse']:.2f} s "
            f"| {f['check'] / f['parse']:.1f}x | {f['build']:.1f} s | {f['mkdocs']:.1f} s "
            f"| {f['build'] / f['mkdocs']:.2f}x | {f['pagefind']:.1f} s | {f['build_rss']:.0f} MiB "
            f"| {f['pagefind_rss']:.0f} MiB |"
        )
    lines += [
        "",
        "| innovations | site | files | Pagefind files | largest page | home (gzip, budget "
        "150 KB) | innovation page (budget 200 KB) | list page "
        "| one search (budget 300 KB of index) | the search widened to every part "
        "| Semua inovasi sorted |",
        "|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        f, t = r.figures, r.transfers
        largest = r.largest
        lines.append(
            f"| {r.size:,} | {f['site_mb']:.0f} MB | {int(f['files']):,} "
            f"| {int(f['pagefind_files']):,} "
            f"| {largest} ({f['largest_kb']:.0f} KB) | {t['home'].gzip / KB:.0f} KB "
            f"| {t['inovasi'].gzip / KB:.0f} KB | {t['daftar'].gzip / KB:.0f} KB "
            f"| {t['cari'].index_gzip / KB:.0f} KB of index, {t['cari'].gzip / KB:.0f} KB in all "
            f"({t['cari'].requests} requests) | {t['cari-semua'].index_gzip / KB:.0f} KB of index "
            f"| {t['daftar-urut'].index_gzip / KB:.0f} KB of index |"
        )
    lines += [
        "",
        "| innovations | serve: first page | edit shown (budget 2 s at 2,000, 10 s at "
        "20,000) | second edit shown | serve peak RSS |",
        "|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        f = r.figures
        lines.append(
            f"| {r.size:,} | {f['serve_first']:.1f} s | {f['serve_edit1']:.1f} s "
            f"| {f['serve_edit2']:.1f} s | {f['serve_rss']:.0f} MiB |"
        )
    for key, label in (("check", "check"), ("build", "build")):
        exponent = _exponent(results, key)
        if exponent is not None:
            lines.append(
                f"\nGrowth of {label} time from 2,000 up: exponent {exponent:.2f} (1 is linear)."
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000], metavar="N")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, help="write the report (Markdown) here too")
    parser.add_argument("--keep", type=Path, help="copy each generated catalogue here")
    args = parser.parse_args(argv)
    results = []
    for size in args.sizes:
        print(f"benchmark: {size} innovations ...", file=sys.stderr, flush=True)
        results.append(measure(size, args.runs, args.keep))
        print(report(results[-1:]), file=sys.stderr, flush=True)
    machine = (
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"{platform.system()} {platform.machine()}, {platform.processor() or 'cpu unknown'}; "
        f"medians of {args.runs} runs (1 at 10,000 and more); sizes in decimal units; "
        "transfers: every response body, gzip level 6, fresh browser, 360 px."
    )
    text = f"{machine}\n\n{report(results)}\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
