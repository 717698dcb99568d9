"""The ``sepeda`` command: check, build, serve, new, export (docs/dev/CLI.md is the contract).

A door, nothing more: it parses the arguments, asks :mod:`generator.site.pipeline` (or the
builder, or review and its page) with explicit settings, and prints what they return.

Exit status: 0 no errors (warnings allowed), 1 errors found (or ``new`` refused, or a build
target refused), 2 usage or internal failure. Findings go to stdout in the chosen format;
progress and the closing summary go to stderr. No traceback reaches an admin: unexpected
failures are reported in one line and exit 2; ``--debug`` (or ``SEPEDA_DEBUG=1``) shows the
traceback to developers.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from generator import __version__
from generator.base import argparse_id
from generator.base.diagnostics import FORMATTERS, Finding, has_errors, sort_findings, summary_line
from generator.site import pipeline, review, review_text
from generator.site.builder import (
    BuildRefused,
    ServeRefused,
    SiteBuilder,
    os_error_message,
    serve,
)

OK, ERRORS, FAILURE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sepeda",
        description="Katalog Inovasi Daerah Kabupaten Balangan (SEPEDA BARU).",
    )
    parser.add_argument("--version", action="version", version=f"sepeda {__version__}")
    parser.add_argument(
        "--katalog",
        default=pipeline.CATALOGUE_DIR,
        help=f"folder katalog (bawaan: {pipeline.CATALOGUE_DIR})",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        help="untuk pengembang: tampilkan traceback bila terjadi kesalahan internal",
    )
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="PERINTAH", title="perintah"
    )

    check = commands.add_parser("check", help="periksa seluruh katalog dan tampilkan temuan")
    check.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="hanya temuan pada berkas atau folder ini (aturan lintas berkas tetap dihitung)",
    )
    check.add_argument("--format", choices=list(FORMATTERS), default="text", help="bentuk keluaran")
    check.add_argument(
        "--saran-lengkap",
        action="store_true",
        help="tampilkan semua saran peningkatan skor (bawaan: 3 teratas per inovasi)",
    )

    build = commands.add_parser("build", help="periksa, lalu bangun situs publik")
    build.add_argument("--out", default="site", help="folder keluaran (bawaan: site)")
    build.add_argument(
        "--buku",
        action="store_true",
        help="terbitkan juga Buku Inovasi Daerah tahun pelaporan terakhir (PDF) di buku/",
    )

    serve = commands.add_parser("serve", help="pratinjau langsung di komputer sendiri")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="alamat:port")

    book = commands.add_parser("buku", help="tulis Buku Inovasi Daerah satu tahun pelaporan (PDF)")
    book.add_argument("tahun", type=int, help="tahun pelaporan, misalnya 2025")
    book.add_argument("--out", required=True, help="folder keluaran")
    book.add_argument("--opd", help="hanya bab satu perangkat daerah (slug-nya, misalnya dinkes)")

    new = commands.add_parser("new", help="buat inovasi baru dari templat berkomentar")
    new.add_argument("opd", help="slug perangkat daerah, misalnya dinkes")
    new.add_argument("nama", help="nama inovasi, dalam tanda kutip")
    new.add_argument("--berita", action="store_true", help="inovasi yang dihimpun dari pemberitaan")

    ver = commands.add_parser(
        "verifikasi", help="buat kerangka verifikasi.yaml dari klaim sebuah inovasi (pokja)"
    )
    ver.add_argument("inovasi", help="<opd>/<slug>, misalnya dinkes/antrean-daring")

    rev = commands.add_parser(
        "review", help="ringkasan perubahan sebuah cabang untuk pokja (permintaan tarik)"
    )
    rev.add_argument("--base", required=True, help="cabang atau commit pembanding, misalnya main")
    rev.add_argument(
        "--head",
        default="HEAD",
        help="commit usulan yang dibandingkan (bawaan: HEAD; berkas yang belum di-commit "
        "tidak ikut dibandingkan)",
    )
    rev.add_argument(
        "--format", choices=["markdown", "json"], default="markdown", help="bentuk keluaran"
    )

    tidy = commands.add_parser(
        "rapikan", help="tulis ulang berkas katalog dalam tata letak baku (seperti formulir)"
    )
    tidy.add_argument(
        "paths", nargs="*", metavar="PATH", help="berkas atau folder (bawaan: seluruh katalog)"
    )
    tidy.add_argument(
        "--periksa", action="store_true", help="hanya periksa: gagal bila ada berkas belum rapi"
    )

    owners = commands.add_parser(
        "codeowners", help="tulis .github/CODEOWNERS dari opd.yaml dan mkdocs.yml"
    )
    owners.add_argument(
        "--periksa", action="store_true", help="hanya periksa: gagal bila berkas sudah usang"
    )

    exp = commands.add_parser(
        "export", help="tulis data terbuka (JSON, CSV, XLSX, indeks.json, skema JSON)"
    )
    exp.add_argument("--out", required=True, help="folder keluaran")

    pak = commands.add_parser(
        "paket",
        help="tulis paket pengajuan IID satu tahun (isian formulir nasional, bukti, "
        "daftar periksa)",
    )
    pak.add_argument("tahun", type=int, help="tahun pelaporan, misalnya 2025")
    pak.add_argument("--out", default=".", help="folder tempat paket dibuat (bawaan: folder ini)")
    pak.add_argument(
        "--klaim",
        action="store_true",
        help="pakai tingkat klaim yang berbukti, bukan tingkat yang diterima pokja "
        "(ditandai di setiap berkas)",
    )
    return parser


def _print(findings: Sequence[Finding], fmt: str = "text") -> None:
    ordered = sort_findings(findings)
    sys.stdout.write(FORMATTERS[fmt](ordered))
    print(summary_line(ordered), file=sys.stderr)


def _settings(args: argparse.Namespace, root: Path, *, dates: bool) -> pipeline.Settings:
    """The run's settings; ``dates`` reads the Git history (only the export prints dates)."""
    return pipeline.Settings.for_project(root, args.katalog, dates=dates)


def cmd_check(args: argparse.Namespace, root: Path) -> int:
    """``sepeda check [PATH...]``; from inside the catalogue, the current folder by default."""
    settings = _settings(args, root, dates=False)
    cwd = Path.cwd()
    paths = args.paths or pipeline.default_paths(settings, cwd)
    unknown = pipeline.unknown_paths(paths, settings, cwd)
    if unknown:
        for path in unknown:
            print(
                f"'{path}' tidak ditemukan; tulis lokasi berkas atau folder inovasi yang ada, "
                f"misalnya {args.katalog.strip('/')}/dinkes/antrean-daring",
                file=sys.stderr,
            )
        return FAILURE
    scope = pipeline.scope_of(paths, settings, cwd)
    result = pipeline.check(settings, scope)
    findings: Sequence[Finding] = (
        *result.findings,
        *pipeline.advice(result, complete=args.saran_lengkap),
    )
    if paths:
        chosen = pipeline.select(result, findings, paths, settings, cwd)
        for path in chosen.removed:
            print(f"'{path}' sudah dihapus atau dipindah; yang merujuknya ikut diperiksa.",
                  file=sys.stderr)  # fmt: skip
        findings = chosen.findings
        if scope is not None and not args.paths:  # the folder it was run from
            print("Hanya yang disebut (dan yang terkait dengannya) yang diperiksa; periksa "
                  "seluruh katalog dengan: sepeda check (dari folder proyek)",
                  file=sys.stderr)  # fmt: skip
        elif chosen.elsewhere:
            print(f"Di luar yang diperiksa masih ada {chosen.elsewhere} galat; lihat semuanya "
                  "dengan: sepeda check (dari folder proyek)", file=sys.stderr)  # fmt: skip
    _print(findings, args.format)
    if paths and args.format == "text":
        sys.stdout.write(pipeline.todo_text(result, paths, settings, cwd))
    return ERRORS if has_errors(findings) else OK


def cmd_build(args: argparse.Namespace, root: Path) -> int:
    """``sepeda build``: nothing is written unless the whole site builds and passes the scan."""
    refused = pipeline.guard(_settings(args, root, dates=False))
    if refused:
        _print(refused)
        print("Situs tidak dibangun: mkdocs.yml tidak aman dimuat.", file=sys.stderr)
        return ERRORS
    try:
        builder = SiteBuilder(root, Path(args.out), book=args.buku)
    except BuildRefused as refusal:
        _print([refusal.finding])
        print("Situs tidak dibangun; tidak ada yang dihapus.", file=sys.stderr)
        return ERRORS
    outcome = builder.build()
    _print(outcome.findings)
    if outcome.status == "ok":
        print(f"Situs dibangun di {builder.out}", file=sys.stderr)
        return OK
    print(f"Situs tidak dibangun; situs sebelumnya tidak diubah. {outcome.message}".rstrip(),
          file=sys.stderr)  # fmt: skip
    return ERRORS if outcome.status == "errors" else FAILURE


def cmd_serve(args: argparse.Namespace, root: Path) -> int:
    """``sepeda serve``: the MkDocs live server, rebuilding when the catalogue changes."""
    refused = pipeline.guard(_settings(args, root, dates=False))
    if refused:
        _print(refused)
        return ERRORS
    try:
        return OK if serve(root, args.dev_addr) else ERRORS
    except ServeRefused as refusal:
        print(refusal, file=sys.stderr)
        return ERRORS


def cmd_book(args: argparse.Namespace, root: Path) -> int:
    """``sepeda buku <tahun> --out DIR [--opd SLUG]``: the yearly book as a PDF."""

    def progress(step: str) -> None:
        print(f"Buku: {step}", file=sys.stderr)

    settings = _settings(args, root, dates=True)
    try:
        result = pipeline.book(settings, args.tahun, opd=args.opd, progress=progress)
    except pipeline.Refused as refusal:
        print(f"sepeda buku: {refusal}", file=sys.stderr)
        return ERRORS
    _print(result.findings)
    if result.catalogue is None:
        return ERRORS
    out = Path(args.out)
    pipeline.write_files({Path(n).name: c for n, c in result.files.items()}, out)
    for name in result.files:
        print(f"Buku ditulis: {out / Path(name).name}", file=sys.stderr)
    return OK


def cmd_new(args: argparse.Namespace, root: Path) -> int:
    """``sepeda new <opd> "<nama>"``: a commented template in the agency's folder."""
    settings = _settings(args, root, dates=False)
    try:
        created = pipeline.new_innovation(settings, args.opd, args.nama, news=args.berita)
    except pipeline.Refused as refusal:
        print(refusal, file=sys.stderr)
        return ERRORS
    print(f"Dibuat: {created}")
    print("Lengkapi isinya, lalu jalankan: sepeda check", file=sys.stderr)
    return OK


def cmd_verify(args: argparse.Namespace, root: Path) -> int:
    """``sepeda verifikasi <opd>/<slug>``: the pokja's skeleton, every level as claimed."""
    try:
        created = pipeline.new_verification(_settings(args, root, dates=False), args.inovasi)
    except pipeline.Refused as refusal:
        print(refusal, file=sys.stderr)
        return ERRORS
    print(f"Dibuat: {created}")
    print("Nilai setiap indikator dan lengkapi catatannya, lalu jalankan: sepeda check",
          file=sys.stderr)  # fmt: skip
    return OK


def cmd_export(args: argparse.Namespace, root: Path) -> int:
    """``sepeda export --out DIR``: the open data, the same files a build publishes."""
    result = pipeline.export(_settings(args, root, dates=True))
    _print(result.findings)
    if result.catalogue is None:
        return ERRORS
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    pipeline.write_files(result.files, out)
    print(f"Data terbuka ditulis ke {out}", file=sys.stderr)
    return OK


def cmd_pack(args: argparse.Namespace, root: Path) -> int:
    """``sepeda paket <tahun> [--out DIR] [--klaim]``: the IID submission pack of one year."""
    out = Path(args.out)
    folder = out / (f"paket-iid-{args.tahun}" + ("-klaim" if args.klaim else ""))
    if folder.exists():
        print(
            f"{folder} sudah ada; pindahkan atau hapus dulu, atau pilih folder lain dengan "
            "--out (paket tidak pernah menimpa berkas yang sudah ada).",
            file=sys.stderr,
        )
        return ERRORS

    def progress(done: int, total: int) -> None:
        if done == total or done % 25 == 0:
            print(f"Paket: {done} dari {total} inovasi", file=sys.stderr)

    result = pipeline.pack(
        _settings(args, root, dates=True), args.tahun, claimed=args.klaim, progress=progress
    )
    _print(result.findings)
    if result.catalogue is None:
        return ERRORS
    pipeline.write_files(result.files, out)
    print(f"Paket pengajuan ditulis ke {folder}", file=sys.stderr)
    return OK


def cmd_tidy(args: argparse.Namespace, root: Path) -> int:
    """``sepeda rapikan [PATH...] [--periksa]``."""
    result = pipeline.tidy(_settings(args, root, dates=False), args.paths, Path.cwd())
    if result.findings:
        _print(result.findings)
    if args.periksa:
        for name in result.files:
            print(f"{name} belum rapi; jalankan: sepeda rapikan {name}", file=sys.stderr)
        return ERRORS if result.files or result.findings else OK
    pipeline.write_files(result.files, root)
    for name in result.files:
        print(f"Dirapikan: {name}", file=sys.stderr)
    if not result.files:
        print("Semua berkas sudah rapi.", file=sys.stderr)
    return ERRORS if result.findings else OK


def cmd_codeowners(args: argparse.Namespace, root: Path) -> int:
    """``sepeda codeowners [--periksa]``."""
    result = pipeline.codeowners(_settings(args, root, dates=False))
    if result.catalogue is None:
        _print(result.findings)
        return ERRORS
    if args.periksa:
        stale = pipeline.stale_files(result.files, root)
        for name in stale:
            print(f"{name} sudah usang; jalankan: sepeda codeowners", file=sys.stderr)
        return ERRORS if stale else OK
    pipeline.write_files(result.files, root)
    for name in result.files:
        print(f"Ditulis: {name}", file=sys.stderr)
    return OK


def cmd_review(args: argparse.Namespace, root: Path) -> int:
    """``sepeda review --base REF``: what the branch changes, for the pokja."""
    try:
        summary = review.review(_settings(args, root, dates=False), args.base, args.head)
    except review.ReviewError as error:
        print(f"sepeda review: {error}", file=sys.stderr)
        return FAILURE
    sys.stdout.write(
        review_text.markdown(summary) if args.format == "markdown" else review_text.as_json(summary)
    )
    return ERRORS if summary.has_errors else OK


COMMANDS = {
    "check": cmd_check, "build": cmd_build, "serve": cmd_serve, "new": cmd_new, "buku": cmd_book,
    "export": cmd_export, "review": cmd_review, "codeowners": cmd_codeowners,
    "verifikasi": cmd_verify, "paket": cmd_pack, "rapikan": cmd_tidy,
}  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    with argparse_id.indonesian():
        args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    debug = args.debug or os.environ.get("SEPEDA_DEBUG") == "1"
    try:
        return COMMANDS[args.command](args, pipeline.project_root(Path.cwd(), args.katalog))
    except KeyboardInterrupt:
        return FAILURE
    except Exception as exc:
        if debug:
            traceback.print_exc()
        explained = os_error_message(exc) if isinstance(exc, OSError) else None
        if explained is not None:  # the machine, not the catalogue: say what to do
            print(explained, file=sys.stderr)
            return FAILURE
        print(
            f"Kesalahan internal ({type(exc).__name__}: {exc}). Ini bukan kesalahan isi "
            f"katalog; laporkan ke pengelola repositori (rinciannya: sepeda --debug "
            f"{args.command}).",
            file=sys.stderr,
        )
        return FAILURE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
