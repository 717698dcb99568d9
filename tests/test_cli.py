"""The ``sepeda`` command as an admin uses it: output, exit codes, and what it writes."""

from __future__ import annotations

import ast
import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, run_module, run_sepeda
from generator.base import urls
from generator.site import search_index

BROKEN = FIXTURES / "invalid" / "lima_kesalahan.yaml"
TARGET = "innovations/upt-puskesmas-uren/bekal-obat/inovasi.yaml"


def test_check_clean_catalogue_exits_0_with_advice(catalogue_copy: Path) -> None:
    result = run_sepeda(catalogue_copy, "check")
    assert result.returncode == 0, result.stderr
    assert "error:" not in result.stdout
    assert (
        "innovations/dinkes/antrean-daring/inovasi.yaml:52:3: info: indikator: kualitas "
        "(Kualitas Inovasi Daerah, wajib): klaim tingkat 2 belum dihitung karena belum ada "
        "bukti; lampirkan bukti dukung untuk +8 poin [I701]"
    ) in result.stdout.splitlines()
    assert result.stderr.strip().endswith("0 galat, 2 peringatan di 2 berkas.")


def test_check_errors_exit_1_compiler_style(catalogue_copy: Path) -> None:
    (catalogue_copy / TARGET).write_text(BROKEN.read_text())
    result = run_sepeda(catalogue_copy, "check")
    assert result.returncode == 1
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert len(errors) == 5
    assert errors[0] == (
        f"{TARGET}:4:10: error: tahapan: 'ujicoba' bukan nilai yang sah; pilih salah satu: "
        "inisiatif, uji-coba, penerapan (maksud Anda 'uji-coba'?) [S203]"
    )
    assert "Traceback" not in result.stdout + result.stderr
    assert "5 galat" in result.stderr


def test_check_json_format(catalogue_copy: Path) -> None:
    (catalogue_copy / TARGET).write_text(BROKEN.read_text())
    result = run_sepeda(catalogue_copy, "check", "--format", "json")
    assert result.returncode == 1
    rows = json.loads(result.stdout)
    errors = [r for r in rows if r["severity"] == "error"]
    assert len(errors) == 5
    assert errors[0] == {
        "path": TARGET,
        "line": 4,
        "column": 10,
        "severity": "error",
        "field": "tahapan",
        "message": "'ujicoba' bukan nilai yang sah; pilih salah satu: inisiatif, uji-coba, "
        "penerapan (maksud Anda 'uji-coba'?)",
        "code": "S203",
    }
    assert {r["severity"] for r in rows} == {"error", "warning"}  # no advice while broken


def test_check_github_format(catalogue_copy: Path) -> None:
    (catalogue_copy / TARGET).write_text(BROKEN.read_text())
    result = run_sepeda(catalogue_copy, "check", "--format", "github")
    assert result.returncode == 1
    errors = [line for line in result.stdout.splitlines() if line.startswith("::error")]
    assert errors[0] == (
        f"::error file={TARGET},line=4,col=10,title=S203 tahapan::'ujicoba' bukan nilai yang sah; "
        "pilih salah satu: inisiatif, uji-coba, penerapan (maksud Anda 'uji-coba'?)"
    )


def test_usage_error_exits_2(catalogue_copy: Path) -> None:
    assert run_sepeda(catalogue_copy, "check", "--format", "xml").returncode == 2
    assert run_sepeda(catalogue_copy, "terbitkan").returncode == 2


def test_missing_catalogue_is_a_finding_not_a_traceback(tmp_path: Path) -> None:
    result = run_sepeda(tmp_path, "check")
    assert result.returncode == 1
    assert result.stdout == (
        "innovations:1:1: error: (folder): folder katalog tidak ditemukan; buat folder innovations/ [B304]\n"
    )


def test_build_with_errors_writes_nothing_and_keeps_previous_site(site_project: Path) -> None:
    previous = site_project / "site"
    previous.mkdir()
    (previous / "index.html").write_text("situs lama")
    (site_project / TARGET).write_text(BROKEN.read_text())
    result = run_sepeda(site_project, "build")
    assert result.returncode == 1
    assert "Situs tidak dibangun" in result.stderr
    assert [p.name for p in site_project.iterdir() if p.name.startswith((".site", "site"))] == [
        "site"
    ]
    assert (previous / "index.html").read_text() == "situs lama"


@pytest.mark.slow
def test_build_fixture_site_strict(site_project: Path) -> None:
    result = run_sepeda(site_project, "build", "--out", "keluaran")
    assert result.returncode == 0, result.stdout + result.stderr
    out = site_project / "keluaran"
    page = (out / "inovasi/antrean-daring/index.html").read_text()
    assert "Antrean Daring Puskesmas" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page
    assert (out / "inovasi/antrean-daring/loket.png").read_bytes()[:4] == b"\x89PNG"
    assert (out / "inovasi/bekal-obat/sampul.svg").exists()
    assert json.loads((out / "inovasi.json").read_text())["inovasi"][0]["id"] == "antrean-daring"
    assert (out / "opd/upt-puskesmas-uren/index.html").exists()
    # detail pages stay out of the sidebar navigation
    home = (out / "index.html").read_text()
    assert 'href="inovasi/antrean-daring/"' in home
    assert "md-nav__link" in home and 'md-nav__link" href="inovasi/antrean-daring/' not in home
    # the menu comes from urls.NAV alone, in its order, sections included
    codes_page = (out / "kode-temuan/index.html").read_text()  # its headings are no menu labels
    menu = codes_page[codes_page.index('class="md-nav md-nav--primary"') :]
    shown = [
        re.sub(r"\s+", " ", m).strip()
        for m in re.findall(r'md-ellipsis">(.*?)</span>', menu, re.DOTALL)
    ]

    def flat(entries: tuple[urls.NavEntry, ...]) -> list[str]:
        return [
            x for label, t in entries for x in [label, *([] if isinstance(t, str) else flat(t))]
        ]

    expected = flat(urls.NAV)
    assert list(dict.fromkeys(label for label in shown if label in expected)) == expected
    assert (out / "kode-temuan/index.html").exists()


def test_menu_has_one_home(site_project: Path) -> None:
    config = (site_project / "mkdocs.yml").read_text("utf-8")
    assert "\nnav:" not in config
    (site_project / "mkdocs.yml").write_text(config + "nav:\n  - Beranda: index.md\n", "utf-8")
    result = run_sepeda(site_project, "check")
    assert result.returncode == 1
    assert "error: nav: 'nav' tidak boleh dipakai: menu situs hanya diatur di satu tempat" in (
        result.stdout
    )
    assert result.stdout.rstrip().endswith("[K802]")


@pytest.mark.parametrize("value", ["0", "banyak", "true", "1.5", "-3"])
def test_search_part_size_must_be_a_positive_whole_number(site_project: Path, value: str) -> None:
    config = (site_project / "mkdocs.yml").read_text("utf-8")
    plugin = "      innovations_dir: innovations\n"
    config = config.replace(plugin, f"{plugin}      search_shard_pages: {value}\n")
    (site_project / "mkdocs.yml").write_text(config, "utf-8")
    line = config[: config.index("search_shard_pages")].count("\n") + 1
    result = run_sepeda(site_project, "check")
    assert result.returncode == 1
    assert (
        f"mkdocs.yml:{line}:27: error: plugins[0].katalog.search_shard_pages: "
        "search_shard_pages harus bilangan bulat 1 atau lebih: jumlah halaman terbesar satu "
        f"bagian indeks pencarian, misalnya {search_index.SHARD_PAGES} (bawaan) [K802]"
    ) in result.stdout


@pytest.mark.slow
def test_plain_mkdocs_build_gives_the_same_site(site_project: Path) -> None:
    result = run_module(site_project, "mkdocs", "build", "--strict", "-d", "mk")
    assert result.returncode == 0, result.stderr
    assert (site_project / "mk/inovasi/antrean-daring/index.html").exists()


def test_new_template_fails_until_every_placeholder_is_replaced(catalogue_copy: Path) -> None:
    result = run_sepeda(catalogue_copy, "new", "dinkes", "Posyandu Digital Desa")
    assert result.returncode == 0, result.stderr
    created = catalogue_copy / "innovations/dinkes/posyandu-digital-desa/inovasi.yaml"
    text = created.read_text()
    assert text.startswith("# yaml-language-server: $schema=../../../docs/dev/skema/")
    assert "nama: Posyandu Digital Desa\n" in text
    check = run_sepeda(catalogue_copy, "check", str(created))
    assert check.returncode == 1
    fields = [line.split(": ")[2] for line in check.stdout.splitlines() if ": error: " in line]
    assert fields == [
        "ringkasan", "tahapan", "inisiator.jenis", "inisiator.nama", "jenis", "bentuk",
        "urusan.utama", "tanggal.mulai", "tahun_laporan[0]",
    ]  # fmt: skip
    assert "tahapan: belum dipilih: ganti PILIH dengan salah satu: inisiatif, uji-coba" in (
        check.stdout
    )
    filled = (
        text.replace('ringkasan: ""', "ringkasan: Pencatatan posyandu dengan aplikasi.")
        .replace("tahapan: PILIH", "tahapan: inisiatif")
        .replace("  jenis: PILIH", "  jenis: opd")
        .replace('  nama: ""', "  nama: Bidang Kesehatan Masyarakat")
        .replace("jenis: PILIH", "jenis: digital")
        .replace("bentuk: PILIH", "bentuk: pelayanan-publik")
        .replace('utama: ""', "utama: kesehatan")
        .replace("mulai: TTTT-BB-HH", "mulai: 2024-02-01")
        .replace("- TTTT", "- 2024")
    )
    created.write_text(filled)
    check = run_sepeda(catalogue_copy, "check", str(created))
    assert check.returncode == 0, check.stdout


def test_new_news_record_needs_its_source(catalogue_copy: Path) -> None:
    result = run_sepeda(catalogue_copy, "new", "dinkes", "Kampung Sehat", "--berita")
    assert result.returncode == 0, result.stderr
    created = catalogue_copy / "innovations/dinkes/kampung-sehat/inovasi.yaml"
    assert "sumber_data: berita\n" in created.read_text()
    check = run_sepeda(catalogue_copy, "check", "innovations/dinkes/kampung-sehat")
    errors = [line for line in check.stdout.splitlines() if ": error: " in line]
    assert [line.split(": ")[2] for line in errors] == [
        "ringkasan",
        "tautan[0].judul",
        "tautan[0].url",
    ]
    assert errors[-1].endswith("tulis alamat lengkap yang diawali https:// [S208]")


def test_check_one_folder_from_inside_it(catalogue_copy: Path) -> None:
    broken = catalogue_copy / "innovations/kecamatan-awayan/gertak-desa/inovasi.yaml"
    broken.write_text(broken.read_text().replace("tautan:", "tautn:"))
    everything = run_sepeda(catalogue_copy, "check")
    assert everything.returncode == 1
    folder = catalogue_copy / "innovations/dinkes"
    result = run_sepeda(folder, "check", "antrean-daring")  # run from inside the agency
    assert result.returncode == 0, result.stdout + result.stderr
    assert "gertak-desa" not in result.stdout
    assert all("antrean-daring" in line for line in result.stdout.splitlines())
    other = run_sepeda(folder, "check", "../kecamatan-awayan/gertak-desa/inovasi.yaml")
    assert other.returncode == 1 and "tautn" in other.stdout


def test_check_of_a_path_that_does_not_exist_says_so(catalogue_copy: Path) -> None:
    result = run_sepeda(catalogue_copy, "check", "innovations/dinkes/antrean-darin")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "'innovations/dinkes/antrean-darin' tidak ditemukan; tulis lokasi berkas atau folder "
        "inovasi yang ada, misalnya innovations/dinkes/antrean-daring\n"
    )


def test_misnamed_profile_is_named(catalogue_copy: Path) -> None:
    folder = catalogue_copy / "innovations/dinkes/antrean-daring"
    (folder / "inovasi.yaml").rename(folder / "inovasi.yml")
    result = run_sepeda(catalogue_copy, "check")
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert errors == [
        "innovations/dinkes/antrean-daring/inovasi.yml:1:1: error: (berkas): ganti nama berkas "
        "'inovasi.yml' menjadi 'inovasi.yaml' (huruf kecil, akhiran .yaml); isinya belum "
        "diperiksa [B304]"
    ]


def test_new_refuses_existing_and_unknown(catalogue_copy: Path) -> None:
    exists = run_sepeda(catalogue_copy, "new", "dinkes", "Antrean Daring")
    assert exists.returncode == 1
    assert "sudah ada di innovations/dinkes/antrean-daring" in exists.stderr
    unknown = run_sepeda(catalogue_copy, "new", "dinkess", "Posyandu Digital")
    assert unknown.returncode == 1
    assert "(maksud Anda 'dinkes'?)" in unknown.stderr


def test_export_writes_json_and_csv(catalogue_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "data"
    result = run_sepeda(catalogue_copy, "export", "--out", str(out))
    assert result.returncode == 0, result.stderr
    data = json.loads((out / "inovasi.json").read_text())
    assert data["pemda"] == "Kabupaten Balangan"
    assert [i["id"] for i in data["inovasi"]] == ["antrean-daring", "bekal-obat", "gertak-desa"]
    first = data["inovasi"][0]
    assert first["skor"]["klaim"] == 12
    assert first["skor"]["terverifikasi"] == 10
    assert first["skor"]["maksimum"] == 111
    assert first["status_verifikasi"] == "terverifikasi"
    assert first["url"] == "inovasi/antrean-daring/"
    assert first["opd"] == "dinkes"
    assert first["tanggal"] == {
        "mulai": "2022-02-01",
        "uji_coba": "2022-06-15",
        "penerapan": "2023-01-10",
    }
    assert first["skor"]["indikator"]["alat-kerja"]["tingkat_klaim"] == 3
    assert first["skor"]["indikator"]["alat-kerja"]["tingkat_terverifikasi"] == 2
    assert data["inovasi"][2]["status_verifikasi"] == "belum-diverifikasi"
    assert data["inovasi"][2]["skor"]["terverifikasi"] is None
    rows = (out / "inovasi.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].startswith("id,nama,singkatan,opd,opd_nama,")
    assert len(rows) == 4
    again = tmp_path / "lagi"
    run_sepeda(catalogue_copy, "export", "--out", str(again))
    assert (again / "inovasi.json").read_bytes() == (out / "inovasi.json").read_bytes()
    assert (again / "inovasi.csv").read_bytes() == (out / "inovasi.csv").read_bytes()


def test_export_refuses_broken_catalogue(catalogue_copy: Path, tmp_path: Path) -> None:
    (catalogue_copy / TARGET).write_text(BROKEN.read_text())
    result = run_sepeda(catalogue_copy, "export", "--out", str(tmp_path / "data"))
    assert result.returncode == 1
    assert not (tmp_path / "data").exists()


def test_codeowners_from_the_catalogue_and_stale_check(site_project: Path) -> None:
    opd = site_project / "innovations/dinkes/opd.yaml"
    opd.write_text(opd.read_text() + "admin:\n  - '@admin-dinkes'\n")
    assert run_sepeda(site_project, "codeowners", "--periksa").returncode == 1  # none yet
    assert run_sepeda(site_project, "codeowners").returncode == 0
    text = (site_project / ".github/CODEOWNERS").read_text()
    lines = text.splitlines()
    assert "* @bapperida-balangan/pengelola-katalog" in lines
    assert "/innovations/dinkes/ @admin-dinkes @bapperida-balangan/pokja-inovasi" in lines
    assert lines[-3:] == [
        "/innovations/*/opd.yaml @bapperida-balangan/pokja-inovasi",
        "/innovations/**/verifikasi.yaml @bapperida-balangan/pokja-inovasi",
        # the evidence the verification judged (regulasi): a swap needs the pokja
        "/innovations/dinkes/antrean-daring/sk-inovasi.pdf @bapperida-balangan/pokja-inovasi",
    ]  # last: GitHub applies the last matching line, so pokja files stay the pokja's
    assert not any("loket.png" in line for line in lines)  # a photo no verification cites
    assert run_sepeda(site_project, "codeowners", "--periksa").returncode == 0
    opd.write_text(opd.read_text().replace("admin-dinkes", "admin-baru"))
    assert run_sepeda(site_project, "codeowners", "--periksa").returncode == 1


def test_shipped_codeowners_is_current() -> None:
    result = run_sepeda(ROOT, "codeowners", "--periksa")
    assert result.returncode == 0, result.stderr


def test_account_names_are_checked(catalogue_copy: Path) -> None:
    opd = catalogue_copy / "innovations/dinkes/opd.yaml"
    opd.write_text(opd.read_text() + "admin:\n  - admin dinkes\n")
    result = run_sepeda(catalogue_copy, "check")
    assert (
        "innovations/dinkes/opd.yaml:6:5: error: admin[0]: 'admin dinkes' bukan nama akun "
        "GitHub; tulis dengan @ di depan, misalnya @admin-dinkes [S208]"
    ) in result.stdout.splitlines()


def test_check_does_not_read_the_git_history(
    catalogue_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A check prints no date, so it must not pay for ``git log`` (large histories)."""
    from generator import cli
    from generator.site import pipeline

    def refuse(*_: object) -> None:
        raise AssertionError("sepeda check read the Git history")

    monkeypatch.setattr(pipeline, "read_history", refuse)
    monkeypatch.chdir(catalogue_copy)
    assert cli.main(["check"]) == 0
    assert capsys.readouterr().err.startswith("0 galat")


def _tabalong(root: Path) -> None:
    """Make ``root`` another regency's project: Tabalong's mkdocs.yml and records."""
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    for old, new in (("Balangan", "Tabalong"), ("balangankab", "tabalongkab")):
        config = config.replace(old, new)
        for path in (root / "innovations").rglob("*.yaml"):
            path.write_text(path.read_text("utf-8").replace(old, new), "utf-8")
    (root / "mkdocs.yml").write_text(config, "utf-8")


def test_export_writes_the_regency_of_mkdocs_yml(catalogue_copy: Path, tmp_path: Path) -> None:
    """Another regency's catalogue is exported as its own, never as Balangan's."""
    _tabalong(catalogue_copy)
    out = tmp_path / "data"
    result = run_sepeda(catalogue_copy, "export", "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    data = json.loads((out / urls.JSON_EXPORT).read_text("utf-8"))
    assert data["pemda"] == "Kabupaten Tabalong"
    assert {i["alamat"] for i in data["inovasi"]} == {
        f"https://inovasi.tabalongkab.go.id/inovasi/{slug}/"
        for slug in ("antrean-daring", "bekal-obat", "gertak-desa")
    }
    assert json.loads((out / urls.PROJECTION_EXPORT).read_text("utf-8"))["pemda"] == (
        "Kabupaten Tabalong"
    )
    feed = (out / urls.FEED).read_text("utf-8")
    assert "<title>Inovasi baru: Katalog Inovasi Daerah Kabupaten Tabalong</title>" in feed
    assert '<link rel="self" href="https://inovasi.tabalongkab.go.id/inovasi-baru.xml"/>' in feed
    for name in (urls.JSON_EXPORT, urls.PROJECTION_EXPORT, urls.FEED, urls.CSV_EXPORT):
        assert "balangan" not in (out / name).read_text("utf-8").lower(), name


@pytest.mark.slow
def test_build_prints_the_warnings_check_prints(site_project: Path) -> None:
    """``sepeda build`` reports the same warnings and summary as ``sepeda check``."""
    check = run_sepeda(site_project, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    warnings = [line for line in check.stdout.splitlines() if ": warning: " in line]
    summary = next(line for line in check.stderr.splitlines() if "galat" in line)
    assert len(warnings) == 2 and summary == "0 galat, 2 peringatan di 2 berkas."
    build = run_sepeda(site_project, "build", "--out", "keluaran")
    assert build.returncode == 0, build.stdout + build.stderr
    assert [line for line in build.stdout.splitlines() if ": warning: " in line] == warnings
    assert summary in build.stderr.splitlines()
    assert "Tidak ada galat" not in build.stderr


CLI_MAY_IMPORT = {
    "generator.site.pipeline",
    "generator.site.builder",
    "generator.site.review",
    "generator.site.review_text",
    "generator.base.diagnostics",
    "generator.base.argparse_id",
    "generator.__version__",
}


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:  # a name inside a module, not a module
        return False


def _imports(source: str) -> set[str]:
    """Every module ``source`` imports, and every name it imports from a module that is no
    module itself (``generator.__version__``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0 and node.module, "relative import in cli.py"
            for alias in node.names:
                name = f"{node.module}.{alias.name}"
                found.add(name if _is_module(name) or node.module == "generator" else node.module)
    return found


def test_cli_only_parses_and_prints() -> None:
    """The CLI is a door: of the project it imports the pipeline, the builder, review,
    diagnostics and the argparse layer (and the version); everything else is the stdlib."""
    imported = _imports((ROOT / "generator" / "cli.py").read_text("utf-8"))
    ours = {name for name in imported if name.split(".")[0] == "generator"}
    assert ours <= CLI_MAY_IMPORT, sorted(ours - CLI_MAY_IMPORT)
    others = {name.split(".")[0] for name in imported} - {"generator", "__future__"}
    assert others <= sys.stdlib_module_names, sorted(others)


def test_agency_todo_names_every_unclaimed_mandatory_indicator(site_project: Path) -> None:
    """`sepeda check innovations/<opd>` lists, per innovation, what the agency still lacks
    before the deadline of `extra.tenggat`; from inside the agency's folder too."""
    config = site_project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("extra:\n", "extra:\n  tenggat:\n    2026: 2026-12-31\n", 1)
    )
    profile = site_project / "innovations/dinkes/antrean-daring/inovasi.yaml"
    profile.write_text(  # claim sdm: kecepatan and kemanfaatan stay the two unclaimed
        profile.read_text().replace(
            "indikator:\n",
            "indikator:\n  sdm:\n    tingkat: 1\n    bukti:\n      - url: https://contoh.go.id/sk\n",
            1,
        )
    )
    result = run_sepeda(site_project, "check", "innovations/dinkes")
    assert result.returncode == 0, result.stdout + result.stderr
    todo = result.stdout[result.stdout.index("Yang perlu dilengkapi") :].splitlines()
    assert todo[:2] == [
        "Yang perlu dilengkapi Dinas Kesehatan sebelum tenggat IID 2026 (31 Desember 2026):",
        "- Antrean Daring Puskesmas (innovations/dinkes/antrean-daring/inovasi.yaml); "
        "verifikasi pokja: Terverifikasi",
    ]
    assert (
        "    indikator wajib belum diklaim: 17. Kecepatan Penciptaan Inovasi; "
        "18. Kemanfaatan Inovasi"
    ) in todo
    assert "    klaim tanpa bukti: 20. Kualitas Inovasi Daerah" in todo
    inside = run_sepeda(site_project / "innovations/dinkes", "check")
    assert todo == inside.stdout[inside.stdout.index("Yang perlu dilengkapi") :].splitlines()
    assert "Yang perlu" not in run_sepeda(site_project, "check", "--format", "json").stdout


def test_a_deadline_that_is_not_a_date_is_k802(site_project: Path) -> None:
    config = site_project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("extra:\n", "extra:\n  tenggat:\n    2026: akhir Juni\n", 1)
    )
    result = run_sepeda(site_project, "check")
    assert result.returncode == 1
    assert (
        "mkdocs.yml:62:5: error: extra.tenggat: tenggat ditulis per tahun pelaporan: tahun empat "
        "angka, titik dua, lalu tanggal TTTT-BB-HH, misalnya 2025: 2025-06-30 [K802]"
    ) in result.stdout.splitlines()
