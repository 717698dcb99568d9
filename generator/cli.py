"""The ``sepeda`` command: check, build, serve, new, export (docs/dev/CLI.md is the contract).

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
import signal
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

import yaml

from generator import __version__
from generator.base import argparse_id, urls, vocab
from generator.base.codes import Code
from generator.base.diagnostics import (
    FORMATTERS,
    Finding,
    Severity,
    has_errors,
    sort_findings,
    summary_line,
)
from generator.catalogue.records import Catalogue
from generator.iid import advice
from generator.outputs import codeowners
from generator.pages.render import render_text
from generator.site import config_guard, pipeline, review
from generator.site.builder import BuildRefused, SiteBuilder

OK, ERRORS, FAILURE = 0, 1, 2
ADVICE_SHOWN = 3
NEWS_TODO = (
    "data dari pemberitaan: lengkapi tahapan, inisiator, jenis, bentuk, urusan, tanggal dan "
    "tahun_laporan, lalu hapus baris 'sumber_data: berita' agar inovasi ini dinilai penuh"
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sepeda",
        description="Katalog Inovasi Daerah Kabupaten Balangan (SEPEDA BARU).",
    )
    parser.add_argument("--version", action="version", version=f"sepeda {__version__}")
    parser.add_argument(
        "--katalog", default="innovations", help="folder katalog (bawaan: innovations)"
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

    serve = commands.add_parser("serve", help="pratinjau langsung di komputer sendiri")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="alamat:port")

    new = commands.add_parser("new", help="buat inovasi baru dari templat berkomentar")
    new.add_argument("opd", help="slug perangkat daerah, misalnya dinkes")
    new.add_argument("nama", help="nama inovasi, dalam tanda kutip")
    new.add_argument("--berita", action="store_true", help="inovasi yang dihimpun dari pemberitaan")

    rev = commands.add_parser(
        "review", help="ringkasan perubahan sebuah cabang untuk pokja (permintaan tarik)"
    )
    rev.add_argument("--base", required=True, help="cabang atau commit pembanding, misalnya main")
    rev.add_argument(
        "--format", choices=["markdown", "json"], default="markdown", help="bentuk keluaran"
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
    return parser


def _advice_findings(
    catalogue: Catalogue, result: pipeline.Result, *, complete: bool
) -> list[Finding]:
    """For admins: what would raise each innovation's score, as info findings."""
    findings = []
    for innovation in catalogue.innovations:
        lines: list[tuple[str, Code]]
        if innovation.data.sumber_data == "berita":
            lines, anchor = [(NEWS_TODO, Code.NEWS_RECORD)], "sumber_data"
        else:
            score = result.scores[innovation.slug]
            lines_all = advice.advice_lines(score)
            shown = lines_all if complete else lines_all[:ADVICE_SHOWN]
            missing = advice.missing_mandatory_line(score)
            lines = [(missing, Code.MANDATORY_MISSING)] if missing else []
            lines += [(line, Code.ADVICE) for line in shown]
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
                code,
            )
            for line, code in lines
        ]
    return findings


def _print(findings: Sequence[Finding], fmt: str = "text") -> None:
    ordered = sort_findings(findings)
    sys.stdout.write(FORMATTERS[fmt](ordered))
    print(summary_line(ordered), file=sys.stderr)


def _settings(args: argparse.Namespace, root: Path, *, dates: bool = True) -> pipeline.Settings:
    return pipeline.Settings.for_project(root, args.katalog, dates=dates)


def cmd_check(args: argparse.Namespace, root: Path) -> int:
    """``sepeda check``."""
    missing = [p for p in args.paths if not (Path.cwd() / p).exists()]
    if missing:
        for path in missing:
            print(
                f"'{path}' tidak ditemukan; tulis lokasi berkas atau folder inovasi yang ada, "
                f"misalnya {args.katalog.strip('/')}/dinkes/antrean-daring",
                file=sys.stderr,
            )
        return FAILURE
    result = pipeline.check(_settings(args, root, dates=False))
    findings = list(result.findings)
    if result.catalogue is not None:
        findings += _advice_findings(result.catalogue, result, complete=args.saran_lengkap)
    if args.paths:
        scopes = [_scope(path, root) for path in args.paths]
        inside = args.katalog.strip("/") + "/"
        findings = [
            f
            for f in findings
            if any(_within(f.path, s) for s in scopes) or not f.path.startswith(inside)
        ]  # findings on the project itself (mkdocs.yml, a missing catalogue) always show
    _print(findings, args.format)
    return ERRORS if has_errors(findings) else OK


def project_root(cwd: Path, katalog: str = "innovations") -> Path:
    """The project folder: the nearest folder up from ``cwd`` with ``mkdocs.yml`` or the
    catalogue folder, so that an admin may run ``sepeda`` from inside an agency's folder."""
    for folder in (cwd, *cwd.parents):
        if (folder / "mkdocs.yml").is_file() or (folder / katalog).is_dir():
            return folder
    return cwd


def _scope(path: str, root: Path) -> str:
    """A PATH argument as a project-relative path with '/' (from any working folder)."""
    given = Path(path)
    absolute = (given if given.is_absolute() else Path.cwd() / given).resolve()
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return given.as_posix().strip("/")


def _within(finding_path: str, scope: str) -> bool:
    return scope in ("", ".") or finding_path == scope or finding_path.startswith(scope + "/")


def _guard(root: Path) -> list[Finding]:
    config = root / "mkdocs.yml"
    if not config.is_file():
        return [
            Finding(
                "mkdocs.yml",
                1,
                1,
                Severity.ERROR,
                "(berkas)",
                "mkdocs.yml tidak ditemukan; jalankan perintah dari folder proyek",
                Code.CONFIG_MISSING,
            )
        ]
    return config_guard.check_config(config, root) or config_guard.theme_missing(config, root)


def cmd_build(args: argparse.Namespace, root: Path) -> int:
    """``sepeda build``: nothing is written unless the whole site builds and passes the scan."""
    refused = _guard(root)
    if refused:
        _print(refused)
        print("Situs tidak dibangun: mkdocs.yml tidak aman dimuat.", file=sys.stderr)
        return ERRORS
    try:
        builder = SiteBuilder(root, Path(args.out))
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


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def cmd_serve(args: argparse.Namespace, root: Path) -> int:
    """``sepeda serve``: the MkDocs live server, rebuilding when ``innovations/`` changes."""
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import Abort

    refused = _guard(root)
    if refused:
        _print(refused)
        return ERRORS
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    # Dirty rebuilds: only the pages whose generated content changed are rendered again
    # (generator.plugin); MkDocs' warning about them does not apply to this site's menu.
    logging.getLogger("mkdocs.commands.build").addFilter(
        lambda record: "'dirty' build" not in record.getMessage()
    )
    # Closing the terminal or `kill` stops the server like Ctrl+C does, so that MkDocs and the
    # plugin remove their temporary folders.
    for stop in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(stop, _interrupt)
    try:
        serve(
            config_file=str(root / "mkdocs.yml"),
            dev_addr=args.dev_addr,
            livereload=True,
            build_type="dirty",
        )
    except Abort:
        return ERRORS
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
    slug = urls.slugify(args.nama)
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
    nama = " ".join(args.nama.split())
    name_yaml = yaml.safe_dump(nama, allow_unicode=True).strip()
    name_yaml = name_yaml.removesuffix("\n...").removesuffix("...").strip()
    template = "inovasi-berita.yaml.j2" if args.berita else "inovasi-baru.yaml.j2"
    text = render_text(template, nama=nama, nama_yaml=name_yaml, opd=args.opd)
    (folder / "inovasi.yaml").write_text(text, encoding="utf-8")
    print(f"Dibuat: {(folder / 'inovasi.yaml').relative_to(root).as_posix()}")
    print("Lengkapi isinya, lalu jalankan: sepeda check", file=sys.stderr)
    return OK


def cmd_export(args: argparse.Namespace, root: Path) -> int:
    """``sepeda export --out DIR``: the open data, the same files a build publishes."""
    result = pipeline.export(_settings(args, root))
    _print(result.findings)
    if result.catalogue is None:
        return ERRORS
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    pipeline.write_files(result.files, out)
    print(f"Data terbuka ditulis ke {out}", file=sys.stderr)
    return OK


def cmd_codeowners(args: argparse.Namespace, root: Path) -> int:
    """``sepeda codeowners [--periksa]``."""
    settings = _settings(args, root)
    result = pipeline.check(settings)
    if result.catalogue is None:
        _print(result.findings)
        return ERRORS
    text = codeowners.codeowners(result.catalogue, settings.region, args.katalog)
    target = root / codeowners.PATH
    if args.periksa:
        current = target.read_text(encoding="utf-8") if target.is_file() else ""
        if current != text:
            print(f"{codeowners.PATH} sudah usang; jalankan: sepeda codeowners", file=sys.stderr)
            return ERRORS
        return OK
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"Ditulis: {codeowners.PATH}", file=sys.stderr)
    return OK


def cmd_review(args: argparse.Namespace, root: Path) -> int:
    """``sepeda review --base REF``: what the branch changes, for the pokja."""
    try:
        summary = review.review(root, args.base, args.katalog)
    except review.ReviewError as error:
        print(f"sepeda review: {error}", file=sys.stderr)
        return FAILURE
    sys.stdout.write(
        review.markdown(summary) if args.format == "markdown" else review.as_json(summary)
    )
    return ERRORS if summary.has_errors else OK


COMMANDS = {
    "check": cmd_check, "build": cmd_build, "serve": cmd_serve, "new": cmd_new,
    "export": cmd_export, "review": cmd_review, "codeowners": cmd_codeowners,
}  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    with argparse_id.indonesian():
        args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    debug = args.debug or os.environ.get("SEPEDA_DEBUG") == "1"
    try:
        return COMMANDS[args.command](args, project_root(Path.cwd(), args.katalog))
    except KeyboardInterrupt:
        return FAILURE
    except Exception as exc:
        if debug:
            traceback.print_exc()
        print(
            f"Kesalahan internal ({type(exc).__name__}: {exc}). Ini bukan kesalahan isi "
            f"katalog; laporkan ke pengelola repositori (rinciannya: sepeda --debug "
            f"{args.command}).",
            file=sys.stderr,
        )
        return FAILURE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
