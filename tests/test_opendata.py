"""Open data a reader takes: the workbook matches the JSON, the projection is computed by
the rules, every column is explained, and dates come from the Git history, not the clock."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import replace
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook
from test_golden import HISTORY

from conftest import CATALOGUE
from generator.base.history import read_history
from generator.outputs import export
from generator.record import facts, models
from generator.site import pipeline


@pytest.fixture(scope="module")
def files() -> dict[str, str | bytes]:
    settings = replace(
        pipeline.Settings.for_project(CATALOGUE, pipeline.CATALOGUE_DIR), history=HISTORY
    )
    result = pipeline.build(settings)
    assert result.ok
    return dict(result.files)


def test_workbook_opens_and_matches_the_json(files: dict[str, str | bytes]) -> None:
    data = files["inovasi.xlsx"]
    assert isinstance(data, bytes)
    book = load_workbook(BytesIO(data), read_only=True)
    assert book.sheetnames == ["inovasi", "tahun"]
    rows = list(book["inovasi"].iter_rows(values_only=True))
    assert list(rows[0]) == export.CSV_COLUMNS
    by_id = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    document = json.loads(str(files["inovasi.json"]))
    assert set(by_id) == {entry["id"] for entry in document["inovasi"]}
    for entry in document["inovasi"]:
        row = by_id[entry["id"]]
        assert row["nama"] == entry["nama"]
        assert row["skor_klaim"] == entry["skor"]["klaim"]  # a number, not text
        assert row["url"] == entry["url"]
    years = list(book["tahun"].iter_rows(values_only=True))[1:]
    assert sorted((r[0], r[3]) for r in years) == sorted(
        (e["id"], y) for e in document["inovasi"] for y in e["tahun_laporan"]
    )
    assert book.properties.modified.date().isoformat() == "2024-08-01"  # the data's date


def test_workbook_keeps_formula_like_text_as_text() -> None:
    from generator.outputs import spreadsheet

    book = load_workbook(
        BytesIO(spreadsheet.workbook([("s", ["a"], [{"a": "=HYPERLINK(1)"}])], None))
    )
    cell = book["s"]["A2"]
    assert cell.value == "=HYPERLINK(1)" and cell.data_type == "s"


def test_projection_follows_the_rules_by_hand(files: dict[str, str | bytes]) -> None:
    years = json.loads(str(files["indeks.json"]))["tahun"]
    # iid-2024: divisor MAX(10, n), count score n x 0.38, no coverage rule.
    # 2024: antrean-daring (claim 12 with evidence, verified 10) and bekal-obat (0).
    assert years["2024"]["pembagi"] == 10
    assert years["2024"]["klaim"] == {
        "jumlah_skor": 12, "rata_rata": 1.2, "skor_jumlah_inovasi": 0.76, "bagian_inovasi": 1.96
    }  # fmt: skip
    assert years["2024"]["terverifikasi"]["bagian_inovasi"] == 1.76  # 10/10 + 0.76
    assert years["2023"]["klaim"]["skor_jumlah_inovasi"] == 0.38  # one innovation
    assert years["2024"]["yandas"]["tercakup"] == ["kesehatan"]


def test_projection_under_the_2025_framework(catalogue_copy: Path) -> None:
    path = catalogue_copy / "innovations/dinkes/antrean-daring/inovasi.yaml"
    path.write_text(
        path.read_text().replace("tahun_laporan: [2023, 2024]", "tahun_laporan: [2025]")
    )
    result = pipeline.build(pipeline.Settings.for_project(catalogue_copy, pipeline.CATALOGUE_DIR))
    assert result.ok, [str(f) for f in result.findings]
    year = json.loads(str(result.files["indeks.json"]))["tahun"]["2025"]
    # iid-2025: divisor MAX(12, 1) = 12; count score 0 because 1 of 6 yandas urusan < 5.
    assert (year["kerangka"], year["jumlah_inovasi"], year["pembagi"]) == ("iid-2025", 1, 12)
    assert year["klaim"]["skor_jumlah_inovasi"] == 0
    score = year["klaim"]["jumlah_skor"]
    assert year["klaim"]["rata_rata"] == round(score / 12, 2)
    assert year["klaim"]["bagian_inovasi"] == year["klaim"]["rata_rata"]


def test_every_column_is_in_the_data_dictionary(files: dict[str, str | bytes]) -> None:
    dictionary = {c.name for c in facts.columns(models.Inovasi)}
    assert set(export.CSV_COLUMNS) | set(export.YEAR_COLUMNS) <= dictionary
    page = str(files["data-terbuka/index.md"])
    for column in export.CSV_COLUMNS:
        assert f"<code>{column}</code>" in page.replace("&#95;", "_"), column
    assert "Data per 1 Agustus 2024." in page


def test_news_records_carry_no_advice(files: dict[str, str | bytes]) -> None:
    document = json.loads(str(files["inovasi.json"]))
    news = [e for e in document["inovasi"] if e["sumber_data"] == "berita"]
    assert news and all(e["skor"]["saran"] == [] for e in news)
    assert all(
        e["alamat"] == "https://inovasi.balangankab.go.id/" + e["url"] for e in document["inovasi"]
    )


def test_schemas_describe_the_three_files(files: dict[str, str | bytes]) -> None:
    schema = json.loads(str(files["skema/inovasi.schema.json"]))
    assert schema["additionalProperties"] is False
    assert {"nama", "ringkasan", "indikator"} <= set(schema["properties"])
    assert "skema/opd.schema.json" in files and "skema/verifikasi.schema.json" in files


def test_dates_come_from_git_history(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "proyek"
    shutil.copytree(CATALOGUE, root)

    def git(*args: str, when: str = "2024-01-10T09:00:00+08:00") -> None:
        env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
        env |= {"GIT_AUTHOR_NAME": "a", "GIT_AUTHOR_EMAIL": "a@x", "GIT_COMMITTER_NAME": "a"}
        env |= {"GIT_COMMITTER_EMAIL": "a@x", "GIT_CONFIG_GLOBAL": os.devnull}
        subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)

    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "awal")
    path = root / "innovations/dinkes/antrean-daring/inovasi.yaml"
    path.write_text(path.read_text() + "# diperbarui\n")
    git("commit", "-qam", "ubah", when="2025-02-03T10:00:00+08:00")
    history = read_history(root, root / "innovations")
    assert history.added["dinkes/antrean-daring"].isoformat() == "2024-01-10"
    assert history.changed["dinkes/antrean-daring"].isoformat() == "2025-02-03"
    assert history.changed["upt-puskesmas-uren/bekal-obat"].isoformat() == "2024-01-10"
    assert history.data_date is not None and history.data_date.isoformat() == "2025-02-03"
    assert read_history(tmp_path, tmp_path / "tidak-ada").added == {}


def test_committed_schemas_are_current() -> None:
    """Editors read docs/dev/skema/ (the templates' yaml-language-server line): never stale."""
    root = Path(__file__).resolve().parents[1]
    for name, text in export.schemas().items():
        committed = root / "docs" / "dev" / name
        assert committed.is_file() and committed.read_text("utf-8") == text, (
            f"{committed} is stale: run make golden"
        )


SHIPPED_CONFIG = Path(__file__).resolve().parents[1] / "mkdocs.yml"
EDIT_PLACEHOLDER = "  # sunting: https://github.com/PEMILIK/REPO/edit/main/"


def _config_with(root: Path, *replacements: tuple[str, str]) -> None:
    """The shipped ``mkdocs.yml`` with ``(old, new)`` replacements, written into ``root``."""
    config = SHIPPED_CONFIG.read_text("utf-8")
    for old, new in replacements:
        config = config.replace(old, new)
    (root / "mkdocs.yml").write_text(config, "utf-8")


def test_another_regency_changes_two_lines(catalogue_copy: Path) -> None:
    """extra.pemda and site_url of mkdocs.yml: every page, export and feed follows."""
    _config_with(
        catalogue_copy,
        ("pemda: Kabupaten Balangan", "pemda: Kota Banjarbaru"),
        ("site_url: https://inovasi.balangankab.go.id/", "site_url: https://inovasi.example.go.id"),
    )
    result = pipeline.build(pipeline.Settings.for_project(catalogue_copy, pipeline.CATALOGUE_DIR))
    assert result.ok, [str(f) for f in result.findings]
    home = str(result.files["index.md"])
    assert '<h1 id="katalog-inovasi-daerah-kota-banjarbaru">Katalog Inovasi Daerah Kota' in home
    document = json.loads(str(result.files["inovasi.json"]))
    assert document["pemda"] == "Kota Banjarbaru"
    assert document["inovasi"][0]["alamat"].startswith("https://inovasi.example.go.id/inovasi/")
    assert json.loads(str(result.files["indeks.json"]))["pemda"] == "Kota Banjarbaru"
    assert "https://inovasi.example.go.id/inovasi-baru.xml" in str(result.files["inovasi-baru.xml"])
    ours = ("index.md", "cari/", "jelajah/", "statistik/", "rapor/", "data-terbuka/", "opd/index")
    generated = [k for k in result.files if k.endswith(".md") and k.startswith(ours)]
    assert len(generated) > 10
    for uri in generated:  # the generator's own words (records may name Balangan themselves)
        assert "Kabupaten Balangan" not in str(result.files[uri]), uri


def test_licence_and_edit_link_come_from_the_settings(catalogue_copy: Path) -> None:
    """extra.lisensi_data shows on the open-data page and in the feed; extra.sunting adds a
    link to each record's inovasi.yaml in the repository's web editor."""
    _config_with(
        catalogue_copy, (EDIT_PLACEHOLDER, "  sunting: https://github.com/pemkab/katalog/edit/main")
    )
    result = pipeline.build(pipeline.Settings.for_project(catalogue_copy, pipeline.CATALOGUE_DIR))
    assert result.ok, [str(f) for f in result.findings]
    page = str(result.files["data-terbuka/index.md"])
    assert (
        'Lisensi: <a href="https://creativecommons.org/licenses/by/4.0/deed.id">CC BY 4.0</a>.'
        in page
    )
    feed = str(result.files["inovasi-baru.xml"])
    assert (
        "<rights>CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/deed.id)</rights>" in feed
    )
    assert result.catalogue is not None
    innovation = result.catalogue.innovations[0]
    record = str(result.files[f"inovasi/{innovation.slug}/index.md"])
    edit = f"https://github.com/pemkab/katalog/edit/main/innovations/{innovation.opd}/{innovation.slug}/inovasi.yaml"
    assert f'<a class="kt-sunting" href="{edit}">Sunting data ini (inovasi.yaml)</a>' in record


@pytest.mark.parametrize(
    "value",
    ['"javascript:alert(1)//"', '"https://x.example/\\" onmouseover=\\"a"', "http://x.example/"],
)
def test_an_unsafe_edit_address_is_refused(catalogue_copy: Path, value: str) -> None:
    """The guard names the line; nothing is built, so no page can carry the value."""
    shipped = SHIPPED_CONFIG.read_text("utf-8")
    line = shipped[: shipped.index(EDIT_PLACEHOLDER)].count("\n") + 1
    _config_with(catalogue_copy, (EDIT_PLACEHOLDER, f"  sunting: {value}"))
    result = pipeline.build(pipeline.Settings.for_project(catalogue_copy, pipeline.CATALOGUE_DIR))
    assert not result.ok and not result.files
    assert [str(f) for f in result.findings if f.severity.value == "error"] == [
        f"mkdocs.yml:{line}:12: error: extra.sunting: alamat penyunting harus satu alamat "
        "https:// tanpa spasi atau tanda kutip, misalnya "
        "https://github.com/PEMILIK/REPO/edit/main/ [K802]"
    ]


def test_a_licence_without_its_address_is_refused(catalogue_copy: Path) -> None:
    _config_with(
        catalogue_copy, ("    url: https://creativecommons.org/licenses/by/4.0/deed.id\n", "")
    )
    result = pipeline.check(pipeline.Settings.for_project(catalogue_copy, pipeline.CATALOGUE_DIR))
    errors = [f for f in result.findings if f.severity.value == "error"]
    assert [(f.field, f.code) for f in errors] == [("extra.lisensi_data", "K802")]
    assert "harus berisi 'nama' dan 'url'" in errors[0].message
