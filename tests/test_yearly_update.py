"""The yearly update: a new reporting year keeps last year's claims readable (``riwayat``),
a year without a published framework is scored as an estimate and said so everywhere, and
evidence older than its indicator allows is a warning."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.record import layout, models, yamlfile
from generator.site import pipeline

RECORD = Path("innovations/dinkes/antrean-daring/inovasi.yaml")


def _edit(root: Path, change: Any) -> None:
    path = root / RECORD
    data = yamlfile.parse_yaml(path.read_text(encoding="utf-8")).data
    change(data)
    path.write_text(layout.dump(data, models.Inovasi), encoding="utf-8")


def _update_to_2026(data: dict[str, Any]) -> None:
    """What an admin does each year: add the year, keep last year's claims, claim anew."""
    data["tahun_laporan"] = ["2023", "2024", "2026"]
    data["riwayat"] = [
        {
            "tahun": "2024",
            "indikator": {"regulasi": {"tingkat": "1", "bukti": [{"berkas": "sk-inovasi.pdf"}]}},
        }
    ]
    data["indikator"]["anggaran"] = {
        "tingkat": "1",
        "bukti": [{"url": "https://apbd.example.go.id/2019", "tanggal": "2019-01-02"}],
    }


def _settings(root: Path) -> pipeline.Settings:
    return pipeline.Settings.for_project(root, pipeline.CATALOGUE_DIR, dates=False)


def test_a_year_without_a_framework_is_an_estimate_and_old_evidence_is_named(
    catalogue_copy: Path,
) -> None:
    _edit(catalogue_copy, _update_to_2026)
    result = pipeline.check(_settings(catalogue_copy))
    assert result.ok, [str(f) for f in result.findings]
    lines = [str(f) for f in result.findings if f.path == RECORD.as_posix()]
    assert any(
        "info: tahun_laporan: kerangka IID tahun 2026 belum diterbitkan; skor dihitung dengan "
        "kerangka terbaru (iid-2025) dan ditandai perkiraan"
        in line
        and "[I704]" in line
        for line in lines
    ), lines
    old = [line for line in lines if "[A605]" in line]
    assert len(old) == 1, lines
    assert (
        "warning: indikator.anggaran.bukti[0].tanggal: bukti bertanggal 2019-01-02 terlalu lama"
        in old[0]
    )
    assert "hanya mengakui bukti sejak 2024" in old[0]
    score = result.scores["antrean-daring"]
    assert (score.kerangka, score.perkiraan, score.tahun) == ("iid-2025", True, 2026)


def test_the_page_and_the_open_data_say_estimate_and_keep_last_year(catalogue_copy: Path) -> None:
    before = pipeline.build(_settings(catalogue_copy))
    _edit(catalogue_copy, _update_to_2026)
    result = pipeline.build(_settings(catalogue_copy))
    assert result.ok
    page = str(result.files["inovasi/antrean-daring/index.md"])
    assert "PERKIRAAN: kerangka IID tahun pelaporan terakhirnya, 2026, belum diterbitkan" in page
    assert '<h2 id="klaim-tahun-sebelumnya">Klaim tahun sebelumnya<' in page
    assert "Tahun 2024: Skor klaim 3 dari 111" in page
    record = next(
        r
        for r in json.loads(str(result.files["inovasi.json"]))["inovasi"]
        if r["id"] == "antrean-daring"
    )
    assert record["kerangka_perkiraan"] is True
    assert "antrean-daring," in str(result.files["inovasi.csv"])
    row = next(
        line
        for line in str(result.files["inovasi.csv"]).splitlines()
        if line.startswith("antrean-daring,")
    )
    assert ",iid-2025,ya," in row
    # 2024's projection scores the claims kept for 2024, not this year's
    old_2024 = json.loads(str(before.files["indeks.json"]))["tahun"]["2024"]["klaim"]["jumlah_skor"]
    new_2024 = json.loads(str(result.files["indeks.json"]))["tahun"]["2024"]["klaim"]["jumlah_skor"]
    assert (old_2024, new_2024) == (12, 3)


def test_riwayat_holds_only_earlier_reported_years(catalogue_copy: Path) -> None:
    def wrong(data: dict[str, Any]) -> None:
        data["riwayat"] = [{"tahun": "2024", "indikator": {}}]  # 2024 is the latest year

    _edit(catalogue_copy, wrong)
    result = pipeline.check(_settings(catalogue_copy))
    errors = [str(f) for f in result.findings if f.severity.value == "error"]
    assert len(errors) == 1, errors
    assert "riwayat" in errors[0]
    assert (
        "tulis di sini hanya klaim tahun pelaporan yang lebih awal daripada tahun terakhir"
        in errors[0]
    )
