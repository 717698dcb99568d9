"""Safe to publish: hostile text in every field, the output scan, the CSP, build targets,
``mkdocs.yml`` that would run code, and concurrent builds.

The payload corpus goes into every free-text field of ``inovasi.yaml``, ``opd.yaml`` and
``verifikasi.yaml`` (titles and captions included). Each payload is either refused with a
finding on the fields that carry it, or published inert: the build's own output scan passes
and every built page, opened in headless Chromium, opens no dialog and navigates nowhere.
"""

from __future__ import annotations

import functools
import os
import shutil
import stat
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml
from test_browser import browser  # noqa: F401 - the shared headless Chromium fixture

from conftest import ROOT, TODAY, run_sepeda
from generator.base import escape
from generator.pages import render
from generator.pages.parts import Meta
from generator.site import output_scan, pipeline
from generator.site.builder import MARKER

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "Uji <img src=x onerror=alert(7) title=a",
    "</title><script>alert(3)</script>",
    '" onmouseover="alert(4)" x="',
    "' autofocus onfocus='alert(5)",
    'Layanan " http-equiv="refresh" content="0;url=https://evil.example/" x="',
    '{: onclick="alert(6)" }',
    "Judul {#x .y onclick=alert(8)}",
    "[klik](javascript:alert(9))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxMCk8L3NjcmlwdD4=)",
    "[vb](vbscript:msgbox(11))",
    "![gambar](https://evil.example/x.png)",
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '{{ cycler.__init__.__globals__.os.popen("id").read() }}',
    "{% raw %}x{% endraw %} {{ 7*7 }}",
    '--8<-- ".git/config"',
    '!!! danger "Palsu"',
    "# Terverifikasi pokja",
    "| a | b |",
    '<iframe src="https://evil.example/"></iframe>',
    "<svg onload=alert(12)>",
    '<a href="javascript:alert(13)">x</a>',
    "<style>body{display:none}</style>",
    "x" * 140,
    "&lt;script&gt;alert(14)&lt;/script&gt;",
    "`<script>alert(15)</script>`",
    "Nama: Sepeda: Baru \\: _a_ *b*",
]
REFUSED = [
    "a\u202eb", "a\x1bb", "a\x07b", "a\x00b", "a\u200bb", "a\u2028b",
    # break XML (the Atom feed, the XLSX worksheets) or hide text; written as YAML escapes
    "a\uffffb", "a\ufffeb", "a\ufdd0b", "a\U0010fffeb", "a\U000e0041b", "a\u3164b",
    "a\u115fb", "a\uffa0b", "a\u034fb",
]  # fmt: skip

INOVASI_TEXT_FIELDS = [
    "nama", "singkatan", "ringkasan", "inisiator.nama", "inovator[0].nama", "inovator[0].peran",
    "rancang_bangun.dasar_hukum", "rancang_bangun.permasalahan", "rancang_bangun.isu_strategis",
    "rancang_bangun.metode_pembaharuan", "rancang_bangun.keunggulan", "rancang_bangun.cara_kerja",
    "tujuan", "manfaat", "hasil", "capaian[0].satuan", "capaian[0].keterangan",
    "indikator.regulasi.keterangan", "indikator.regulasi.bukti[0].tentang",
    "indikator.regulasi.bukti[0].nomor", "media[0].keterangan", "media[0].alt",
    "media[1].keterangan", "tautan[0].judul", "penghargaan[0].nama", "penghargaan[0].peringkat",
    "replikasi[0].pemda", "kontak.unit", "kontak.telepon", "proposal[0].bagian.ringkasan",
]  # fmt: skip
OPD_TEXT_FIELDS = ["nama", "singkatan", "nama_lama[0]"]
VERIFIKASI_TEXT_FIELDS = ["oleh", "catatan", "indikator.regulasi.catatan"]
FIXTURE_MEDIA = ROOT / "tests" / "fixtures" / "catalogue" / "innovations" / "dinkes"


def _inovasi(p: str) -> dict[str, Any]:
    return {
        "nama": p, "singkatan": p, "ringkasan": p, "tahapan": "penerapan",
        "inisiator": {"jenis": "opd", "nama": p}, "inovator": [{"nama": p, "peran": p}],
        "jenis": "digital", "bentuk": "pelayanan-publik", "urusan": {"utama": "kesehatan"},
        "tanggal": {"mulai": "2021-01-05", "uji_coba": "2021-06-01", "penerapan": "2022-01-05"}, "tahun_laporan": ["2024"],
        "rancang_bangun": {k: p for k in (
            "dasar_hukum", "permasalahan", "isu_strategis", "metode_pembaharuan", "keunggulan",
            "cara_kerja")},
        "tujuan": p, "manfaat": p, "hasil": p,
        "capaian": [{"tahun": "2023", "nilai": "12", "satuan": p, "keterangan": p}],
        "indikator": {"regulasi": {"tingkat": "2", "keterangan": p, "bukti": [
            {"berkas": "sk-inovasi.pdf", "tentang": p, "nomor": p}]}},
        "media": [{"berkas": "loket.png", "keterangan": p, "alt": p, "sampul": "true"},
                  {"berkas": "sk-inovasi.pdf", "keterangan": p}],
        "tautan": [{"judul": p, "url": "https://balangankab.go.id/berita"}],
        "penghargaan": [{"nama": p, "tahun": "2023", "peringkat": p}],
        "replikasi": [{"pemda": p, "tahun": "2024"}],
        "kontak": {"unit": p, "telepon": p},
        "proposal": [{"skema": "kipp", "tahun": "2024", "bagian": {"ringkasan": p}}],
    }  # fmt: skip


def _write(path: Path, data: dict[str, Any]) -> None:
    # allow_unicode=False: control and invisible characters are written as YAML escapes.
    path.write_text(yaml.safe_dump(data, allow_unicode=False, sort_keys=False), "utf-8")


def _project(root: Path, payloads: list[str]) -> Path:
    """A project with one agency and one innovation per payload, every text field hostile."""
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", root / "docs")
    shutil.copytree(ROOT / "overrides", root / "overrides")
    for n, p in enumerate(payloads):
        agency = root / "innovations" / f"opd-{n}"
        folder = agency / f"uji-{n}"
        folder.mkdir(parents=True)
        _write(agency / "opd.yaml", {"nama": p, "singkatan": p, "jenis": "skpd", "nama_lama": [p]})
        _write(folder / "inovasi.yaml", _inovasi(p))
        _write(
            folder / "verifikasi.yaml",
            {"status": "terverifikasi", "tanggal": "2024-08-10", "oleh": f"Pokja {p}",
             "catatan": p, "indikator": {"regulasi": {"tingkat": "2", "catatan": p}}},
        )  # fmt: skip
        shutil.copy(FIXTURE_MEDIA / "antrean-daring" / "loket.png", folder / "loket.png")
        shutil.copy(FIXTURE_MEDIA / "antrean-daring" / "sk-inovasi.pdf", folder / "sk-inovasi.pdf")
    return root


def _check(root: Path) -> pipeline.Result:
    return pipeline.check(
        pipeline.Settings.for_project(root, pipeline.CATALOGUE_DIR, today=_today())
    )


def _today() -> Any:
    from datetime import date

    return date.fromisoformat(TODAY)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_passes_the_check_and_is_escaped_in_every_page(
    tmp_path: Path, payload: str
) -> None:
    root = _project(tmp_path, [payload])
    result = pipeline.build(
        pipeline.Settings.for_project(root, pipeline.CATALOGUE_DIR, today=_today())
    )
    assert result.ok, [str(f) for f in result.findings if f.severity == "error"]
    scanner = output_scan.Scanner(result.sources)
    for uri, content in result.files.items():
        if not uri.endswith(".md"):
            continue
        assert isinstance(content, str)
        body = content.split("---\n", 2)[2]
        # The raw payload never appears where a renderer could read it as markup.
        if any(c in payload for c in "<{[`"):
            assert payload not in content, uri
        assert "<script" not in body.lower(), uri
        assert not scanner.scan(body, uri), uri


@pytest.mark.parametrize("payload", REFUSED)
def test_hidden_characters_are_refused_on_every_field_that_carries_them(
    tmp_path: Path, payload: str
) -> None:
    root = _project(tmp_path, [payload])
    result = _check(root)
    errors = [f for f in result.findings if f.severity == "error"]
    assert errors and not result.ok
    by_file: dict[str, set[str]] = {}
    for finding in errors:
        assert finding.message.startswith(f"karakter tak terlihat U+{ord(payload[1]):04X}")
        by_file.setdefault(finding.path.rsplit("/", 1)[-1], set()).add(finding.field)
    assert by_file == {
        "inovasi.yaml": set(INOVASI_TEXT_FIELDS),
        "opd.yaml": set(OPD_TEXT_FIELDS),
        "verifikasi.yaml": set(VERIFIKASI_TEXT_FIELDS),
    }


# ---- the built site in Chromium ------------------------------------------------------------


@pytest.fixture
def serve() -> Iterator[Callable[[Path], str]]:
    """Serve folders on 127.0.0.1; returns the base URL (ends with '/')."""
    servers: list[ThreadingHTTPServer] = []

    def start(folder: Path) -> str:
        handler = functools.partial(_Quiet, directory=str(folder))
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.mark.slow
@pytest.mark.browser
def test_every_page_of_the_payload_site_is_inert_in_chromium(
    tmp_path: Path, browser: Any, serve: Any
) -> None:
    (tmp_path / "proyek").mkdir()
    root = _project(tmp_path / "proyek", PAYLOADS)
    built = run_sepeda(root, "build", "--out", "site")
    assert built.returncode == 0, built.stdout + built.stderr
    pages = sorted(p.relative_to(root / "site").as_posix() for p in (root / "site").rglob("*.html"))
    assert len(pages) > 2 * len(PAYLOADS)
    base = serve(root / "site")
    context = browser.new_context()
    dialogs: list[str] = []
    context.on("dialog", lambda d: (dialogs.append(f"{d.type}: {d.message}"), d.dismiss()))
    page = context.new_page()
    for path in pages:
        url = base + path
        page.goto(url, wait_until="load")
        page.wait_for_timeout(30)
        assert page.url == url, f"{path} navigated to {page.url}"
    context.close()
    assert dialogs == []


@pytest.mark.browser
def test_csp_alone_stops_an_injected_handler(tmp_path: Path, browser: Any, serve: Any) -> None:
    """A page that slipped past every other layer: the CSP still blocks inline script."""
    site = tmp_path / "site"
    site.mkdir()
    head = (ROOT / "overrides" / "main.html").read_text("utf-8")
    csp = head[head.index('<meta http-equiv="Content-Security-Policy"') :].split(">", 1)[0] + ">"
    (site / "index.html").write_text(
        f"<!doctype html><html><head>{csp}</head><body>"
        '<img src="x" onerror="alert(1)"><script>alert(2)</script>'
        '<a id="a" href="#" onclick="alert(3)">a</a></body></html>',
        "utf-8",
    )
    base = serve(site)
    context = browser.new_context()
    dialogs: list[str] = []
    context.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page = context.new_page()
    page.goto(base + "index.html", wait_until="load")
    page.click("#a")
    page.wait_for_timeout(200)
    context.close()
    assert dialogs == []


# ---- the output scan ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "field"),
    [
        ('<img src="x" onerror="alert(1)">', "<img>.onerror"),
        ("<script>alert(1)</script>", "<script>"),
        ('<script src="https://evil.example/x.js"></script>', "<script>.src"),
        ('<a href="javascript:alert(1)">x</a>', "<a>.href"),
        ('<a href="  jav&#x61;script:alert(1)">x</a>', "<a>.href"),
        ('<img src="data:image/svg+xml,<svg onload=alert(1)>">', "<img>.src"),
        ('<img src="https://evil.example/pixel.png">', "<img>.src"),
        ('<link rel="stylesheet" href="https://evil.example/x.css">', "<link>.href"),
        ('<form action="https://evil.example/"></form>', "<form>.action"),
        ('<base href="https://evil.example/">', "<base>"),
        ('<iframe src="/x"></iframe>', "<iframe>"),
        ("<object></object>", "<object>"),
        ("<embed>", "<embed>"),
        ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "<meta>.http-equiv"),
        ("<style>body{}</style>", "<style>"),
        # what a browser parses, not what the text looks like
        ('<IMG SRC="x" OnError="alert(1)">', "<img>.onerror"),
        ("<svg><script>alert(1)</script></svg>", "<script>"),
        ('<svg><a xlink:href="javascript:alert(1)">x</a></svg>', "<a>.xlink:href"),
        ('<math><mi><a href="javascript:alert(1)">x</a></mi></math>', "<a>.href"),
        ('<noscript><img src="x" onerror="alert(1)"></noscript>', "<img>.onerror"),
        ('<template><img src="x" onerror="alert(1)"></template>', "<template>"),
        ('<p><b><i>x</b><img src="x" onerror="alert(1)"></i></p>', "<img>.onerror"),
    ],
)
def test_output_scan_refuses_active_content(html: str, field: str) -> None:
    scanner = output_scan.Scanner({"inovasi/x/index.md": ("innovations/a/x/inovasi.yaml",)})
    findings = scanner.scan(f"<html><body>{html}</body></html>", "inovasi/x/index.md")
    assert field in [f.field for f in findings]
    for finding in findings:
        assert finding.path == "innovations/a/x/inovasi.yaml"
        assert "dibuat dari innovations/a/x/inovasi.yaml" in finding.message


def test_output_scan_accepts_the_theme_and_outbound_links() -> None:
    html = (
        '<script src="../../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
        '<script id="__config" type="application/json">{"a": 1}</script>'
        '<a href="https://balangankab.go.id/">situs</a><img src="../foto.jpg">'
        '<link rel="canonical" href="https://inovasi.balangankab.go.id/x/">'
    )
    assert output_scan.Scanner({}, frozenset({"inovasi.balangankab.go.id"})).scan(html, "x") == []


def test_a_failing_scan_keeps_the_previous_site(tmp_path: Path) -> None:
    root = _project(tmp_path, ["Aman"])
    (root / "docs" / "jahat.md").write_text('<img src="x" onerror="alert(1)">\n', "utf-8")
    sed = (
        (root / "mkdocs.yml")
        .read_text("utf-8")
        .replace("  - Tentang: tentang.md", "  - Tentang: tentang.md\n  - Jahat: jahat.md")
    )
    (root / "mkdocs.yml").write_text(sed, "utf-8")
    (root / "site").mkdir()
    (root / "site" / MARKER).write_text("x", "utf-8")
    (root / "site" / "lama.html").write_text("situs lama", "utf-8")
    result = run_sepeda(root, "build")
    assert result.returncode == 1, result.stdout + result.stderr
    assert (
        "(halaman jahat.md):0:0: error: <img>.onerror: atribut penangan peristiwa" in result.stdout
    )
    assert (root / "site" / "lama.html").read_text("utf-8") == "situs lama"
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".")) == []


# ---- the escaping layer -----------------------------------------------------------------


def test_text_is_safe_in_html_attributes_markdown_and_metadata() -> None:
    assert escape.text("a\"b<c>'d & {: x} *e* [f](g) `h` #i |j| \\k") == (
        "a&#34;b&#60;c&#62;&#39;d &#38; &#123;: x&#125; &#42;e&#42; &#91;f&#93;(g) &#96;h&#96; "
        "&#35;i &#124;j&#124; &#92;k"
    )
    assert escape.text("- daftar") == "&#45; daftar"
    assert escape.text("Waktu: 1 hari") == "Waktu: 1 hari"  # no visible backslash for ':'


def test_urls_other_than_https_mailto_and_relative_are_a_programming_error() -> None:
    for bad in ("javascript:alert(1)", "data:text/html,x", "//evil.example/", "https://u:p@x.id/"):
        with pytest.raises(ValueError):
            escape.url(bad)
    assert escape.url("../x/?a=1&b=2") == "../x/?a=1&amp;b=2"


def test_the_refused_class_is_every_control_format_private_and_noncharacter() -> None:
    """Held to Python's Unicode database; and every character a field may hold is valid
    XML 1.0, so no value can make the Atom feed or a worksheet unreadable."""
    import unicodedata

    from generator.record.yamlfile import _FORBIDDEN

    def xml_char(c: int) -> bool:
        return c in (0x9, 0xA, 0xD) or 0x20 <= c <= 0xD7FF or 0xE000 <= c <= 0xFFFD or c >= 0x10000

    for code in range(0x110000):
        char = chr(code)
        refused = _FORBIDDEN.match(char) is not None
        must = (unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co") and char not in "\t\n") or (
            0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE
        )
        assert refused or not must, f"U+{code:04X} must be refused"
        assert refused or xml_char(code), f"U+{code:04X} is accepted but is not XML"


def test_exports_parse_with_every_visible_script_in_every_field(tmp_path: Path) -> None:
    """The feed and both worksheets are well-formed XML whatever an accepted field holds."""
    import io
    import zipfile
    from xml.etree import ElementTree

    payload = "Galuh\u00a0Sanggam é 🚲 ❤\ufe0f العربية 한국 \U0001f1ee\U0001f1e9 <&>\"'"
    root = _project(tmp_path, [payload])
    result = pipeline.export(
        pipeline.Settings.for_project(root, pipeline.CATALOGUE_DIR, today=_today())
    )
    assert result.ok, [str(f) for f in result.findings]
    feed = result.files["inovasi-baru.xml"]
    assert isinstance(feed, str)
    ElementTree.fromstring(feed.encode("utf-8"))  # noqa: S314 - our own output
    workbook = result.files["inovasi.xlsx"]
    assert isinstance(workbook, bytes)
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        parts = [n for n in archive.namelist() if n.endswith(".xml")]
        assert sum(n.startswith("xl/worksheets/sheet") for n in parts) == 2
        for name in parts:
            ElementTree.fromstring(archive.read(name))  # noqa: S314


def test_csv_separators_cannot_split_a_formula_out_of_a_cell() -> None:
    """A spreadsheet that splits on ',' or on ';' (the Indonesian list separator) gets no
    cell that starts a formula, and the cells a quote-aware reader sees are intact."""
    import csv

    hostile = "Galuh Sanggam;=1+1;=cmd|' /C calc'!A0"
    line = escape.csv_row(["antrean", hostile, "2023;2024", "-12", "a,@SUM(A1)"])
    assert line == (
        'antrean,"Galuh Sanggam;\'=1+1;\'=cmd|\' /C calc\'!A0","2023;2024",-12,"a,\'@SUM(A1)"'
    )
    for separator in (",", ";"):
        for quoting in (csv.QUOTE_MINIMAL, csv.QUOTE_NONE):
            cells = next(csv.reader([line], delimiter=separator, quoting=quoting, escapechar="\\"))
            for cell in cells:
                bare = cell.strip().lstrip('"')
                assert not bare.startswith(("=", "+", "@", "-")) or bare == "-12", cells
    assert next(csv.reader([line]))[1] == "Galuh Sanggam;'=1+1;'=cmd|' /C calc'!A0"


def test_csv_cells_never_start_a_formula() -> None:
    assert (
        escape.csv_cell('=HYPERLINK("https://evil.example")')
        == '\'=HYPERLINK("https://evil.example")'
    )
    assert escape.csv_cell("-12") == "-12"
    assert escape.csv_cell("@SUM(A1)") == "'@SUM(A1)"


def test_templates_refuse_to_print_an_unescaped_value() -> None:
    env = render.environment()
    with pytest.raises(render.UnescapedValue):
        env.from_string("{{ x }}").render(x="<b>raw</b>")
    with pytest.raises(render.UnescapedValue):
        env.from_string("{{ x }}").render(x=None)
    assert env.from_string("{{ x }} {{ n }}").render(x=escape.text("<b>"), n=3) == "&#60;b&#62; 3"


def test_no_template_prints_a_literal_or_bypasses_the_layer() -> None:
    """Walk every template: outputs are view attributes, macro calls or number filters only."""
    from jinja2 import nodes

    env = render.environment()
    allowed_filters = {"length"}
    templates = [t for t in env.list_templates() if t.endswith(".html.j2") and t != "admin.html.j2"]
    assert len(templates) >= 9
    for name in templates:
        source = env.loader.get_source(env, name)[0]  # type: ignore[union-attr]
        tree = env.parse(source)
        for output in tree.find_all(nodes.Output):
            for child in output.nodes:
                if isinstance(child, nodes.TemplateData):
                    continue
                for node in child.find_all((nodes.Filter, nodes.Const, nodes.MarkSafe)):
                    if isinstance(node, nodes.Filter):
                        assert node.name in allowed_filters, f"{name}: filter '{node.name}'"
                    elif isinstance(node, nodes.Const):
                        assert not isinstance(node.value, str), f"{name}: literal {node.value!r}"
                    else:
                        pytest.fail(f"{name}: marks a value safe")


def test_front_matter_title_survives_materials_unescaped_printing() -> None:
    meta = Meta(escape.text("</title><script>alert(3)</script>"), escape.text('" x="'))
    fm = render.front_matter(meta)
    assert ("<" not in fm and '"' not in fm.replace('"', "")) or "&#34;" in fm
    assert "&#60;/title&#62;&#60;script&#62;" in fm


# ---- build targets and one build at a time ----------------------------------------------


@pytest.mark.parametrize("out", [".", "innovations", "docs/situs", "..", "innovations/opd-0"])
def test_build_refuses_targets_that_hold_the_project(tmp_path: Path, out: str) -> None:
    (tmp_path / "p").mkdir()
    root = _project(tmp_path / "p", ["Aman"])
    before = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    result = run_sepeda(root, "build", "--out", out)
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.startswith("--out:0:0: error: --out: ")
    assert "tidak ada yang dihapus" in result.stderr
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == before


def test_build_refuses_a_foreign_folder_and_replaces_only_its_own(tmp_path: Path) -> None:
    root = _project(tmp_path, ["Aman"])
    foreign = tmp_path / "lain"
    foreign.mkdir()
    (foreign / "penting.txt").write_text("jangan dihapus", "utf-8")
    refused = run_sepeda(root, "build", "--out", str(foreign))
    assert refused.returncode == 1
    assert "tidak dibuat oleh 'sepeda build'" in refused.stdout
    assert (foreign / "penting.txt").read_text("utf-8") == "jangan dihapus"
    first = run_sepeda(root, "build", "--out", "site")
    assert first.returncode == 0, first.stdout + first.stderr
    second = run_sepeda(root, "build", "--out", "site")
    assert second.returncode == 0, second.stdout + second.stderr
    site = root / "site"
    assert (site / MARKER).is_file()
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".site")) == []
    modes = {stat.S_IMODE(p.stat().st_mode) for p in site.rglob("*") if p.is_dir()}
    modes |= {stat.S_IMODE(site.stat().st_mode)}
    assert modes == {0o755}
    assert {stat.S_IMODE(p.stat().st_mode) for p in site.rglob("*") if p.is_file()} == {0o644}


def test_two_builds_at_once_both_succeed_and_leave_a_complete_site(tmp_path: Path) -> None:
    root = _project(tmp_path, ["Aman"])
    leftover = root / ".site.sepeda-tmp-mati"
    leftover.mkdir()
    (leftover / "sisa.html").write_text("x", "utf-8")
    results: list[subprocess.CompletedProcess[str]] = []
    threads = [
        threading.Thread(target=lambda: results.append(run_sepeda(root, "build"))) for _ in range(2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]
    assert not any("Kesalahan internal" in r.stderr for r in results)
    assert (root / "site" / "index.html").is_file()
    assert (root / "site" / "inovasi" / "uji-0" / "index.html").is_file()
    assert not leftover.exists()
    assert not list(root.glob(".site.sepeda-tmp-*"))
    assert not list(root.glob(".sepeda-berkas-*"))  # the plugin's staging folder is removed
    assert not (root / ".site.sepeda-lock").exists()  # the lock is removed by its builder


# ---- mkdocs.yml that would run code -----------------------------------------------------


@pytest.mark.parametrize(
    ("addition", "expected"),
    [
        (
            "hooks:\n  - jahat.py\n",
            "mkdocs.yml:{line}:1: error: hooks: 'hooks' tidak boleh dipakai",
        ),
        (
            "extra:\n  x: !!python/object/apply:os.system ['touch DIJALANKAN']\n",
            "mkdocs.yml:{line}:6: error: (sintaks): tag YAML 'tag:yaml.org,2002:python/object/apply:os.system' tidak boleh dipakai",
        ),
    ],
)
def test_config_that_runs_code_is_refused_before_mkdocs_loads_it(
    tmp_path: Path, addition: str, expected: str
) -> None:
    root = _project(tmp_path, ["Aman"])
    (root / "jahat.py").write_text("open('DIJALANKAN', 'w').close()\n", "utf-8")
    config = root / "mkdocs.yml"
    line = config.read_text("utf-8").count("\n") + (1 if "hooks" in addition else 2)
    config.write_text(config.read_text("utf-8") + addition, "utf-8")
    for command in ("check", "build"):
        result = run_sepeda(root, command)
        assert result.returncode == 1, result.stdout + result.stderr
        assert expected.format(line=line) in result.stdout
    assert not (root / "DIJALANKAN").exists()
    assert not (root / "site").exists()


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("site_dir: site", "site_dir: innovations", "site_dir"),
        ("site_dir: site", "site_dir: .", "site_dir"),
        ("site_dir: site", "site_dir: ../luar", "site_dir"),
        ("docs_dir: docs", "docs_dir: ../../etc", "docs_dir"),
        ("docs_dir: docs", "docs_dir: /etc", "docs_dir"),
        ("watch:\n  - innovations", "watch:\n  - innovations\n  - ../..", "watch[1]"),
        (
            "innovations_dir: innovations",
            "innovations_dir: /etc",
            "plugins[0].katalog.innovations_dir",
        ),
        ("  name: material", "  name: mkdocs", "theme.name"),
        ("  custom_dir: overrides\n", "", "theme.custom_dir"),
    ],
)
def test_path_settings_are_confined_to_the_project(
    tmp_path: Path, old: str, new: str, field: str
) -> None:
    """Plain ``mkdocs build`` empties site_dir and publishes docs_dir: both are fixed."""
    root = _project(tmp_path, ["Aman"])
    config = root / "mkdocs.yml"
    assert old in config.read_text("utf-8")
    config.write_text(config.read_text("utf-8").replace(old, new, 1), "utf-8")
    result = run_sepeda(root, "check")
    assert result.returncode == 1, result.stdout + result.stderr
    refused = [line for line in result.stdout.splitlines() if line.startswith("mkdocs.yml:")]
    assert any(f": error: {field}: " in line and "[K806]" in line for line in refused), refused
    assert (root / "innovations" / "opd-0" / "uji-0" / "inovasi.yaml").is_file()


def test_a_symlinked_site_or_docs_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "p").mkdir()
    root = _project(tmp_path / "p", ["Aman"])
    (tmp_path / "luar").mkdir()
    (root / "site").symlink_to(tmp_path / "luar")
    result = run_sepeda(root, "check")
    assert result.returncode == 1
    assert "site_dir harus 'site' ('site' adalah tautan simbolik)" in result.stdout


def test_plain_mkdocs_refuses_a_hostile_config_before_hooks_or_cleaning(tmp_path: Path) -> None:
    """The katalog plugin's configuration is MkDocs' earliest call into our code: the guard
    runs there, so plain ``mkdocs build`` never imports the hook nor empties site_dir."""
    root = _project(tmp_path, ["Aman"])
    (root / "jahat.py").write_text("open('DIJALANKAN', 'w').close()\n", "utf-8")
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8").replace("site_dir: site", "site_dir: innovations")
    config.write_text(text + "hooks:\n  - jahat.py\n", "utf-8")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    for command in ("build", "serve"):
        result = subprocess.run(
            [str(mkdocs), command], cwd=root, capture_output=True, text=True, timeout=120,
            check=False,
        )  # fmt: skip
        assert result.returncode != 0
        assert "mkdocs.yml ditolak; situs tidak dibangun" in result.stderr
        assert "'hooks' tidak boleh dipakai" in result.stderr
        assert "site_dir harus 'site'" in result.stderr
    assert not (root / "DIJALANKAN").exists()
    assert (root / "innovations" / "opd-0" / "uji-0" / "inovasi.yaml").is_file()


def test_plugins_and_extensions_outside_the_allowlist_are_refused(tmp_path: Path) -> None:
    root = _project(tmp_path, ["Aman"])
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8").replace("  - tables\n", "  - tables\n  - pymdownx.snippets\n")
    text = text.replace("  - katalog:\n", "  - macros\n  - katalog:\n")
    config.write_text(text, "utf-8")
    result = run_sepeda(root, "check")
    assert result.returncode == 1
    assert "plugins[0]: plugin 'macros' tidak ada dalam daftar yang diizinkan" in result.stdout
    assert (
        "ekstensi Markdown 'pymdownx.snippets' tidak diizinkan: menyisipkan isi berkas"
        in result.stdout
    )


def test_a_missing_theme_folder_is_a_finding_not_an_internal_error(tmp_path: Path) -> None:
    root = _project(tmp_path, ["Aman"])
    shutil.rmtree(root / "overrides")
    line = next(
        n
        for n, text in enumerate((root / "mkdocs.yml").read_text("utf-8").splitlines(), 1)
        if text.startswith("  custom_dir:")
    )
    for command in ("build", "serve"):
        result = run_sepeda(root, command)
        assert result.returncode == 1, result.stdout + result.stderr
        assert (
            f"mkdocs.yml:{line}:15: error: theme.custom_dir: folder tema 'overrides/' (atau "
            "overrides/main.html) tidak ada di samping mkdocs.yml; pulihkan dari repositori: "
            "git checkout -- overrides [K805]"
        ) in result.stdout
        assert "Kesalahan internal" not in result.stdout + result.stderr
    assert not (root / "site").exists()


# ---- the shipped catalogue ----------------------------------------------------------------


@pytest.mark.slow
def test_shipped_catalogue_builds_with_a_clean_scan_and_intact_descriptions(tmp_path: Path) -> None:
    result = run_sepeda(ROOT, "build", "--out", str(tmp_path / "site"))
    assert result.returncode == 0, result.stdout + result.stderr
    for name in ("e-bapak-tani", "galuh-sanggam", "papah-modis-dalang-batik"):
        html = (tmp_path / "site" / "inovasi" / name / "index.html").read_text("utf-8")
        tag = html[html.index('<meta name="description"') :].split(">", 1)[0]
        assert tag.count('"') == 4, tag  # name="description" content="..." and nothing else


def test_python_runs_nothing_from_the_payload_text(tmp_path: Path) -> None:
    """Jinja syntax in contributor text stays text (no server-side template injection)."""
    root = _project(tmp_path, ["{{ 7*7 }} {% if true %}ya{% endif %}"])
    result = pipeline.build(
        pipeline.Settings.for_project(root, pipeline.CATALOGUE_DIR, today=_today())
    )
    page = result.files["inovasi/uji-0/index.md"]
    assert isinstance(page, str)
    assert "49" not in page and "&#123;&#123; 7&#42;7 &#125;&#125;" in page
    assert sys.modules.get("os") is not None  # sanity: the test itself ran


def test_a_killed_builds_staging_folder_is_removed_by_the_next_build(tmp_path: Path) -> None:
    """Only folders named .sepeda-berkas-* that carry our marker with a dead process id."""
    from generator.plugin import STAGING_MARKER

    root = _project(tmp_path, ["Aman"])
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    left = root / ".sepeda-berkas-mati"
    left.mkdir()
    (left / STAGING_MARKER).write_text(dead, "utf-8")
    (left / "halaman.md").write_text("x", "utf-8")
    foreign = root / ".sepeda-berkas-bukan-milik-kita"
    foreign.mkdir()
    (foreign / "penting.txt").write_text("jangan dihapus", "utf-8")
    alive = root / ".sepeda-berkas-hidup"
    alive.mkdir()
    (alive / STAGING_MARKER).write_text(str(os.getpid()), "utf-8")
    result = run_sepeda(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not left.exists()
    assert (foreign / "penting.txt").read_text("utf-8") == "jangan dihapus"
    assert alive.is_dir()


# ---- small hostile cases (issue 23, item 9) ----------------------------------------------


@pytest.mark.parametrize(
    ("key", "shown", "named", "meant"),
    [
        ("nama\u00a0", "nama\u237d", "U+00A0 NO-BREAK SPACE", "nama"),
        ("tujuan\u2003", "tujuan\u237d", "U+2003 EM SPACE", "tujuan"),
        ("hasil ", "hasil\u237d", "U+0020 SPACE", "hasil"),
        ("singk\u0430tan", "singk\u0430tan", "U+0430 CYRILLIC SMALL LETTER A", "singkatan"),
    ],
)
def test_a_key_with_an_invisible_or_lookalike_character_is_shown_and_named(
    tmp_path: Path, key: str, shown: str, named: str, meant: str
) -> None:
    """``nama\\u00a0:`` looks like ``nama:``; the message marks the space and names it."""
    root = _project(tmp_path, ["Aman"])
    path = root / "innovations" / "opd-0" / "uji-0" / "inovasi.yaml"
    data = _inovasi("Aman")
    data[key] = data.pop(meant)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    unknown = [f for f in _check(root).findings if f.code == "S202"]
    assert len(unknown) == 1, [str(f) for f in unknown]
    assert unknown[0].field == shown
    assert unknown[0].message.startswith(f"kunci '{shown}'")
    assert f"memuat {named}" in unknown[0].message
    assert f"ketik ulang '{meant}' dengan papan ketik" in unknown[0].message


@pytest.mark.parametrize("name", ["inovasi.yaml", "verifikasi.yaml", "opd.yaml"])
@pytest.mark.parametrize("target", ["luar", "/etc/passwd", "hilang"])
def test_a_catalogue_file_that_is_a_symlink_is_refused_and_never_read(
    tmp_path: Path, name: str, target: str
) -> None:
    """A link to a valid file outside the repository, to a system file, or to nothing."""
    (tmp_path / "p").mkdir()
    root = _project(tmp_path / "p", ["Aman"])
    agency = root / "innovations" / "opd-0"
    path = agency / name if name == "opd.yaml" else agency / "uji-0" / name
    outside = tmp_path / "luar.yaml"
    outside.write_bytes(path.read_bytes())  # valid, so only the link itself can be refused
    path.unlink()
    path.symlink_to(
        outside if target == "luar" else tmp_path / "x" if target == "hilang" else target
    )
    result = _check(root)
    refused = [f for f in result.findings if f.code == "B312"]
    assert not result.ok
    assert [(f.path, f.field) for f in refused] == [(path.relative_to(root).as_posix(), "(berkas)")]
    assert refused[0].message.startswith(f"'{name}' adalah tautan simbolik (symlink)")
    assert not any("root:" in f.message for f in result.findings)  # /etc/passwd never echoed


def test_a_symlinked_agency_or_innovation_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "p").mkdir()
    root = _project(tmp_path / "p", ["Aman", "Juga aman"])
    elsewhere = tmp_path / "luar"
    shutil.move(root / "innovations" / "opd-1", elsewhere)
    (root / "innovations" / "opd-1").symlink_to(elsewhere)
    (root / "innovations" / "opd-0" / "uji-9").symlink_to(elsewhere / "uji-1")
    result = _check(root)
    refused = sorted(f.path for f in result.findings if f.code == "B312")
    assert refused == ["innovations/opd-0/uji-9", "innovations/opd-1"]
    assert not result.ok


def test_an_unreadable_catalogue_file_is_a_finding_that_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """chmod 000 does not stop root (CI containers), so the refusal is simulated."""
    from generator.record import yamlfile

    root = _project(tmp_path, ["Aman"])
    real_open = os.open

    def refuse(path: Any, flags: int, *args: Any) -> int:
        if str(path).endswith("uji-0/inovasi.yaml"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(yamlfile.os, "open", refuse)
    result = _check(root)
    unreadable = [str(f) for f in result.findings if f.code == "B313"]
    assert unreadable == [
        "innovations/opd-0/uji-0/inovasi.yaml:1:1: error: (berkas): 'inovasi.yaml' tidak bisa "
        "dibaca: izin ditolak; beri izin baca (chmod a+r inovasi.yaml) lalu periksa lagi [B313]"
    ]


def _with_photos(root: Path, count: int) -> Path:
    """Innovation uji-0 of ``root`` with ``count`` more photos (copies of loket.png)."""
    folder = root / "innovations" / "opd-0" / "uji-0"
    data = _inovasi("Aman")
    for n in range(1, count + 1):
        shutil.copy(folder / "loket.png", folder / f"foto-{n}.png")
        data["media"].append({"berkas": f"foto-{n}.png", "keterangan": f"Foto {n}"})
    _write(folder / "inovasi.yaml", data)
    return folder


def test_at_most_60_media_files_per_innovation_and_the_rest_is_not_decoded(
    tmp_path: Path,
) -> None:
    from generator.catalogue import media

    assert media.MAX_FILES_PER_RECORD == 60
    root = _project(tmp_path, ["Aman"])
    folder = _with_photos(root, 59)  # loket.png, sk-inovasi.pdf and 59 photos: 61 files
    (folder / "foto-59.png").write_bytes(b"bukan foto")  # the 61st: never decoded
    result = _check(root)
    capped = [f for f in result.findings if f.code == "B311"]
    assert [(f.field, f.severity) for f in capped] == [("media[60].berkas", "error")]
    assert capped[0].message.startswith(
        "inovasi ini merujuk 61 berkas (foto dan PDF); paling banyak 60 berkas per inovasi, "
        "jadi berkas ke-61 ini dan sesudahnya belum diperiksa"
    )
    assert [f for f in result.findings if f.code == "B307"] == []
    assert not result.ok
    (folder / "foto-59.png").unlink()
    data = yaml.safe_load((folder / "inovasi.yaml").read_text("utf-8"))
    data["media"].pop()
    _write(folder / "inovasi.yaml", data)
    assert _check(root).ok  # exactly 60 files


def test_the_media_of_one_innovation_are_at_most_200_mb_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.catalogue import media

    assert media.MAX_RECORD_BYTES == 200 * 1024 * 1024
    root = _project(tmp_path, ["Aman"])
    folder = _with_photos(root, 3)
    photo = (folder / "loket.png").stat().st_size
    pdf = (folder / "sk-inovasi.pdf").stat().st_size
    # scaled down: the third photo crosses the cap
    monkeypatch.setattr(media, "MAX_RECORD_BYTES", 3 * photo + pdf + photo // 2)
    capped = [f for f in _check(root).findings if f.code == "B311"]
    assert [f.field for f in capped] == ["media[4].berkas"]
    assert "paling besar 0 MB per inovasi, terlampaui pada berkas ini" in capped[0].message


# ---- the machine, not the catalogue: a message that says what to do ----------------------


def test_a_busy_port_for_serve_says_which_address_to_use_instead(tmp_path: Path) -> None:
    import socket

    root = _project(tmp_path, ["Aman"])
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        address = f"127.0.0.1:{taken.getsockname()[1]}"
        result = run_sepeda(root, "serve", "--dev-addr", address)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"Alamat {address} sudah dipakai program lain" in result.stderr
    assert "sepeda serve --dev-addr 127.0.0.1:8001" in result.stderr
    assert "Kesalahan internal" not in result.stdout + result.stderr


def test_a_full_disk_during_the_build_says_what_to_do_and_keeps_the_old_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """ENOSPC while MkDocs writes a page (simulated): the old site stays, nothing is left."""
    import errno

    from mkdocs import utils

    from generator import cli

    root = _project(tmp_path, ["Aman"])
    (root / "site").mkdir()
    (root / "site" / MARKER).write_text("x", "utf-8")
    (root / "site" / "lama.html").write_text("situs lama", "utf-8")

    def full(content: bytes, output_path: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", output_path)

    monkeypatch.setattr(utils, "write_file", full)
    monkeypatch.chdir(root)
    assert cli.main(["build"]) == 2
    err = capsys.readouterr().err
    assert "Ruang disk habis saat menulis '" in err
    assert "kosongkan ruang disk" in err and "Situs tidak dibangun" in err
    assert "Kesalahan internal" not in err
    assert (root / "site" / "lama.html").read_text("utf-8") == "situs lama"
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".")) == []


@pytest.mark.parametrize("where", ["target", "export"])
def test_a_read_only_folder_is_a_message_not_an_internal_error(tmp_path: Path, where: str) -> None:
    """A real read-only file system (a tmpfs mounted read-only in a private namespace)."""
    unshare = shutil.which("unshare")
    if unshare is None or subprocess.run(
        [unshare, "-rm", "mount", "-t", "tmpfs", "-o", "ro", "tmpfs", str(tmp_path)],
        capture_output=True, check=False,
    ).returncode != 0:  # fmt: skip
        pytest.skip("no private mount namespace here (unshare -rm)")
    (tmp_path / "p").mkdir()
    root = _project(tmp_path / "p", ["Aman"])
    ro = tmp_path / "ro"
    ro.mkdir()
    command = ["build", "--out", str(ro / "site")] if where == "target" else [
        "export", "--out", str(ro / "data")]  # fmt: skip
    script = (
        f"mount -t tmpfs -o ro tmpfs {ro} && cd {root} && "
        f"{sys.executable} -m generator {' '.join(command)}"
    )
    result = subprocess.run(
        [unshare, "-rm", "sh", "-c", script], capture_output=True, text=True, timeout=300,
        env={**os.environ, "SEPEDA_TODAY": TODAY}, check=False,
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert "Kesalahan internal" not in output
    if where == "target":
        assert result.returncode == 1, output
        assert f"--out:0:0: error: --out: '{ro / 'site'}' tidak bisa ditulis" in result.stdout
    else:
        assert result.returncode == 2, output
        assert "hanya bisa dibaca (read-only), tidak bisa ditulis: pilih folder lain" in output


@pytest.mark.browser
def test_hostile_query_parameters_do_not_break_the_search_page(
    tmp_path: Path, browser: Any, serve: Any
) -> None:
    """``cari/?__proto__=x``, ``?length=1``, ``?constructor=1``: names of the form's own
    properties are not fields; the page still searches and logs no error."""
    root = _project(tmp_path, ["Layanan Aman"])
    built = run_sepeda(root, "build", "--out", "site")
    assert built.returncode == 0, built.stdout + built.stderr
    base = serve(root / "site")
    context = browser.new_context()
    errors: list[str] = []
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    page.on("console", lambda m: m.type == "error" and errors.append(f"{page.url}: {m.text}"))
    hostile = ["__proto__=x", "length=1", "constructor=1", "toString=1", "item=1",
               "namedItem=1", "hasOwnProperty=1", "elements=1", "0=1", "__proto__[q]=x"]  # fmt: skip
    for query in hostile:
        page.goto(f"{base}cari/?{query}&q=layanan", wait_until="load")
        card = page.locator("#kt-hasil .kt-kartu__judul a[href*='inovasi/uji-0/']")
        card.first.wait_for(timeout=20_000)
        assert page.locator("#kt-cari-q").input_value() == "layanan", query
        page.locator("#kt-cari-q").fill("aman")
        page.locator("#kt-cari button[type=submit]").click()
        page.wait_for_url(lambda url: "q=aman" in url, timeout=20_000)
        card.first.wait_for(timeout=20_000)
    # A filter from the address still works, and its counts are read (the filter files
    # that search_index.stabilise rewrote).
    page.goto(f"{base}cari/?q=layanan&tahapan=Penerapan&__proto__=x", wait_until="load")
    card.first.wait_for(timeout=20_000)
    option = page.locator("#kt-cari select[name=tahapan] option[value=Penerapan]")
    page.wait_for_function(
        '() => document.querySelector("#kt-cari select[name=tahapan] option[value=Penerapan]")'
        ".textContent === 'Penerapan (1)'",
        timeout=20_000,
    )
    assert option.text_content() == "Penerapan (1)"
    context.close()
    assert errors == []


def test_two_builds_of_one_catalogue_are_identical_search_indexes_included(
    site_project: Path, tmp_path: Path
) -> None:
    """Pagefind writes filter files and metadata in hash-map order (Pagefind#638);
    search_index.stabilise sorts them, so every file of every index is the same twice."""
    outputs = [tmp_path / "a", tmp_path / "b"]
    for out in outputs:
        built = run_sepeda(site_project, "build", "--out", str(out))
        assert built.returncode == 0, built.stdout + built.stderr
    files = [{p.relative_to(o).as_posix(): p.read_bytes() for p in sorted(o.rglob("pagefind*/**/*"))
              if p.is_file()} for o in outputs]  # fmt: skip
    assert sorted(files[0]) == sorted(files[1])
    assert [n for n in files[0] if files[0][n] != files[1][n]] == []
    assert any(n.startswith("pagefind-daftar/filter/") for n in files[0])
