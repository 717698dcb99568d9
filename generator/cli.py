"""The ``sepeda`` command: check, build, serve, new, export (CLI.md is the contract).

Exit status: 0 no errors (warnings allowed), 1 errors found (or ``new`` refused), 2 usage or
internal failure. Findings go to stdout in the chosen format; progress and the closing
summary go to stderr. No traceback ever reaches an admin: unexpected failures are reported
in one line and exit 2.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import yaml

from generator import __version__, export, scoring, vocab
from generator.catalogue import Catalogue, load_catalogue
from generator.diagnostics import (
    FORMATTERS,
    Finding,
    Severity,
    has_errors,
    sort_findings,
    summary_line,
)
from generator.models import slugify
from generator.render import environment
from generator.site import generate, score_catalogue, today

OK, ERRORS, FAILURE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sepeda",
        description="Katalog Inovasi Daerah Kabupaten Balangan (SEPEDA BARU).",
    )
    parser.add_argument("--version", action="version", version=f"sepeda {__version__}")
    parser.add_argument(
        "--katalog", default="innovations", help="folder katalog (bawaan: innovations)"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="PERINTAH")

    check = commands.add_parser("check", help="periksa seluruh katalog dan tampilkan temuan")
    check.add_argument("--format", choices=list(FORMATTERS), default="text")
    check.add_argument(
        "--saran-lengkap",
        action="store_true",
        help="tampilkan semua saran peningkatan skor (bawaan: 3 teratas per inovasi)",
    )

    build = commands.add_parser("build", help="periksa, lalu bangun situs publik")
    build.add_argument("--out", default="site", help="folder keluaran (bawaan: site)")

    serve = commands.add_parser("serve", help="pratinjau langsung di komputer sendiri")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="alamat:port")

    new = commands.add_parser("new", help="buat inovasi baru dari templat berkomentar")
    new.add_argument("opd", help="slug perangkat daerah, misalnya dinkes")
    new.add_argument("nama", help="nama inovasi, dalam tanda kutip")

    exp = commands.add_parser("export", help="tulis data terbuka inovasi.json dan inovasi.csv")
    exp.add_argument("--out", required=True, help="folder keluaran")
    return parser


ADVICE_SHOWN = 3
NEWS_TODO = (
    "data dari pemberitaan: lengkapi tahapan, inisiator, jenis, bentuk, urusan, tanggal dan "
    "tahun_laporan, lalu hapus baris 'sumber_data: berita' agar inovasi ini dinilai penuh"
)


def _advice_findings(catalogue: Catalogue, *, complete: bool) -> list[Finding]:
    """For admins: what would raise each innovation's score, as info findings.

    By default the missing mandatory indicators and the three most valuable steps are shown;
    ``complete`` shows every step (the export always carries all of them).
    """
    findings = []
    for innovation in catalogue.innovations:
        if innovation.data.sumber_data == "berita":
            lines, anchor = [NEWS_TODO], "sumber_data"
        else:
            score = scoring.score_innovation(innovation, catalogue.reference)
            advice = scoring.advice_lines(score)
            missing = scoring.missing_mandatory_line(score)
            lines = ([missing] if missing else []) + (advice if complete else advice[:ADVICE_SHOWN])
            anchor = "indikator"
        position = innovation.source.doc.where((anchor,))
        findings += [
            Finding(
                innovation.source.path,
                position.line,
                position.column,
                Severity.INFO,
                anchor,
                line,
            )
            for line in lines
        ]
    return findings


def _check(
    root: Path, katalog: str, *, advice: bool = False, complete: bool = False
) -> tuple[Catalogue | None, list[Finding]]:
    catalogue, findings = load_catalogue(root / katalog, root, today())
    if catalogue is not None and advice:
        findings = findings + _advice_findings(catalogue, complete=complete)
    return catalogue, findings


def _print(findings: list[Finding], fmt: str = "text") -> None:
    ordered = sort_findings(findings)
    sys.stdout.write(FORMATTERS[fmt](ordered))
    print(summary_line(ordered), file=sys.stderr)


def cmd_check(args: argparse.Namespace, root: Path) -> int:
    """``sepeda check``."""
    _, findings = _check(root, args.katalog, advice=True, complete=args.saran_lengkap)
    _print(findings, args.format)
    return ERRORS if has_errors(findings) else OK


def _source_date_epoch(root: Path) -> None:
    """Pin MkDocs' build date (sitemap) to the last commit, so rebuilds are identical."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return
    git = shutil.which("git")
    if git is None:
        return
    result = subprocess.run(  # noqa: S603 - fixed argv, no shell
        [git, "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, check=False
    )
    if result.returncode == 0 and result.stdout.strip():
        os.environ["SOURCE_DATE_EPOCH"] = result.stdout.strip()


def _mkdocs_build(root: Path, site_dir: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    build(config)


def _swap_in(built: Path, out: Path) -> None:
    """Replace ``out`` by ``built`` with the shortest possible window."""
    old = out.with_name(f".{out.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if out.exists():
        out.rename(old)
    built.rename(out)
    if old.exists():
        shutil.rmtree(old)


def cmd_build(args: argparse.Namespace, root: Path) -> int:
    """``sepeda build``: nothing is written unless the whole site builds."""
    _, findings = generate(root / args.katalog, root)  # reused by the plugin below
    _print(findings)
    if has_errors(findings):
        print("Situs tidak dibangun; situs sebelumnya tidak diubah.", file=sys.stderr)
        return ERRORS
    out = (root / args.out).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    _source_date_epoch(root)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        _mkdocs_build(root, tmp)
    except Exception as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        print(f"Pembangunan situs gagal: {exc}", file=sys.stderr)
        return FAILURE
    _swap_in(tmp, out)
    print(f"Situs dibangun di {out}", file=sys.stderr)
    return OK


def cmd_serve(args: argparse.Namespace, root: Path) -> int:
    """``sepeda serve``: the MkDocs live server, rebuilding when ``innovations/`` changes."""
    from mkdocs.commands.serve import serve

    _, findings = _check(root, args.katalog)
    _print(findings)
    if has_errors(findings):
        return ERRORS
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    serve(config_file=str(root / "mkdocs.yml"), dev_addr=args.dev_addr, livereload=True)
    return OK


def cmd_new(args: argparse.Namespace, root: Path) -> int:
    """``sepeda new <opd> "<nama>"``: a commented template in the agency's folder."""
    katalog = root / args.katalog
    agencies = sorted(p.name for p in katalog.iterdir() if (p / "opd.yaml").is_file())
    if args.opd not in agencies:
        print(
            f"Perangkat daerah '{args.opd}' tidak dikenal; "
            + vocab.choices_hint(args.opd, agencies),
            file=sys.stderr,
        )
        return ERRORS
    slug = slugify(args.nama)
    if len(slug) < 3:
        print("Nama inovasi terlalu pendek; tulis nama lengkapnya.", file=sys.stderr)
        return ERRORS
    taken = [p for p in katalog.glob(f"*/{slug}") if p.is_dir()]
    if taken:
        shown = taken[0].relative_to(root).as_posix()
        print(f"Inovasi '{slug}' sudah ada di {shown}; pilih nama lain.", file=sys.stderr)
        return ERRORS
    folder = katalog / args.opd / slug
    folder.mkdir(parents=True)
    name_yaml = yaml.safe_dump(" ".join(args.nama.split()), allow_unicode=True).strip()
    name_yaml = name_yaml.removesuffix("\n...").removesuffix("...").strip()
    text = (
        environment()
        .get_template("inovasi-baru.yaml.j2")
        .render(nama=" ".join(args.nama.split()), nama_yaml=name_yaml, opd=args.opd, today=today())
    )
    (folder / "inovasi.yaml").write_text(text, encoding="utf-8")
    print(f"Dibuat: {(folder / 'inovasi.yaml').relative_to(root).as_posix()}")
    print("Lengkapi isinya, lalu jalankan: sepeda check", file=sys.stderr)
    return OK


def cmd_export(args: argparse.Namespace, root: Path) -> int:
    """``sepeda export --out DIR``."""
    catalogue, findings = _check(root, args.katalog)
    _print(findings)
    if catalogue is None:
        return ERRORS
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, content in export.export_files(catalogue, score_catalogue(catalogue)).items():
        (out / name).write_text(content, encoding="utf-8", newline="\n")
    print(f"Data terbuka ditulis ke {out}", file=sys.stderr)
    return OK


COMMANDS = {
    "check": cmd_check, "build": cmd_build, "serve": cmd_serve, "new": cmd_new,
    "export": cmd_export,
}  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        return COMMANDS[args.command](args, Path.cwd())
    except KeyboardInterrupt:
        return FAILURE
    except Exception as exc:
        print(
            f"Kesalahan internal ({type(exc).__name__}: {exc}). Ini bukan kesalahan isi "
            "katalog; laporkan ke pengelola repositori.",
            file=sys.stderr,
        )
        return FAILURE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
