"""The agency page's "Yang perlu dilengkapi" (issue 22): the same to-do as
``sepeda check innovations/<opd>``, with the deadline of ``extra.tenggat``; its "Kelengkapan
bukti dukung" row counts mandatory indicators as the Rapor does; evidence links on an
innovation page are named by their document, never twice the same."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from html import unescape
from pathlib import Path
from types import MappingProxyType

from generator.base.history import History
from generator.iid import todo
from generator.pages.innovation import _distinct, _document
from generator.record.models import Bukti
from generator.site import pipeline

DATA_DATE = date(2026, 8, 1)
HISTORY = History(MappingProxyType({}), MappingProxyType({}), DATA_DATE)


def _build(root: Path, deadlines: tuple[tuple[int, date], ...] = ()) -> dict[str, str]:
    settings = pipeline.Settings.for_project(root, pipeline.CATALOGUE_DIR)
    settings = replace(
        settings, history=HISTORY, region=replace(settings.region, deadlines=deadlines)
    )
    result = pipeline.build(settings)
    assert result.ok, [str(f) for f in result.findings]
    return {k: v for k, v in result.files.items() if isinstance(v, str)}


def _claim_sdm(root: Path, dated: str = "") -> None:
    """As in the CLI's test: sdm claimed with a link, kecepatan and kemanfaatan stay the two
    unclaimed mandatory indicators of Dinas Kesehatan's own innovation."""
    profile = root / "innovations/dinkes/antrean-daring/inovasi.yaml"
    evidence = "      - url: https://contoh.go.id/sk\n" + (
        f"        tanggal: {dated}\n" * bool(dated)
    )
    profile.write_text(
        profile.read_text().replace(
            "indikator:\n", "indikator:\n  sdm:\n    tingkat: 1\n    bukti:\n" + evidence, 1
        )
    )


def _section(page: str, heading: str) -> str:
    found = re.search(f'<h2 id="[^"]*">{re.escape(heading)}', page)
    assert found is not None, heading
    start = found.start()
    end = page.find("\n<h2 ", start + 1)
    return page[start : end if end != -1 else None]


def _plain(markup: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def test_agency_page_names_its_two_unclaimed_mandatory_indicators(catalogue_copy: Path) -> None:
    _claim_sdm(catalogue_copy)
    page = _build(catalogue_copy, ((2025, date(2025, 6, 30)), (2026, date(2026, 12, 31))))[
        "opd/dinkes/index.md"
    ]
    section = _section(page, "Yang perlu dilengkapi")
    assert 'data-pagefind-ignore="all"' in section  # admin matter, not search text
    # the next deadline after the date of the data (pages have no clock)
    assert "<strong>Tenggat IID 2026: 31 Desember 2026</strong>" in section
    assert "menurut data per 1 Agustus 2026" in section
    words = _plain(section)
    assert "Antrean Daring Puskesmas verifikasi pokja: Terverifikasi" in words
    assert (
        "Indikator wajib belum diklaim 17. Kecepatan Penciptaan Inovasi "
        "18. Kemanfaatan Inovasi Klaim tanpa bukti dukung 20. Kualitas Inovasi Daerah"
    ) in words
    assert "Ketersediaan SDM" not in words  # claimed now, with evidence
    assert "sepeda check innovations/dinkes" in words
    # its unit's innovation is on the unit's own page, not here
    assert "Bekal Obat" not in words
    assert "ada di halaman unit masing-masing" in words
    unit = _section(_build(catalogue_copy)["opd/upt-puskesmas-uren/index.md"], "Yang perlu")
    assert "Bekal Obat Keliling" in _plain(unit)
    assert "Tenggat IID" not in unit  # no extra.tenggat: no deadline line


def test_agency_page_lists_what_the_check_lists(catalogue_copy: Path) -> None:
    """Every gap `sepeda check innovations/<opd>` prints is on the page, worded alike,
    evidence too old (A605) included."""
    _claim_sdm(catalogue_copy, dated="2020-01-01")
    words = _plain(_section(_build(catalogue_copy)["opd/dinkes/index.md"], "Yang perlu"))
    settings = pipeline.Settings.for_project(catalogue_copy, pipeline.CATALOGUE_DIR)
    result = pipeline.build(settings)
    assert result.catalogue is not None
    for item in todo.agency_todo(result.catalogue, dict(result.scores), "dinkes"):
        for value in (
            *item.wajib_belum_diklaim,
            *item.tanpa_bukti,
            *item.bukti_lama,
            *item.profil_kosong,
        ):
            assert value in words, value
    assert "Bukti terlalu lama indikator.sdm.bukti[0].tanggal: bukti bertanggal 2020-01-01" in words


def test_agency_completeness_counts_mandatory_indicators_like_the_rapor(
    catalogue_copy: Path,
) -> None:
    _claim_sdm(catalogue_copy)
    files = _build(catalogue_copy)
    row = "20% (2 dari 10 indikator wajib berbukti)"
    assert f"Kelengkapan bukti dukung</th><td>{row}</td>" in files["opd/dinkes/index.md"]
    assert f"<dt>Bukti dukung</dt><dd>{row}</dd>" in files["rapor/index.md"]


def test_evidence_is_named_by_its_document() -> None:
    assert _document(Bukti(berkas="sk.pdf", tentang="Penetapan Inovasi")) == "Penetapan Inovasi"
    assert _document(Bukti(berkas="sk-inovasi.pdf")) == "sk-inovasi.pdf"
    assert _document(Bukti(url="https://contoh.go.id/dok/sk?x=1")) == "contoh.go.id/dok/sk"
    assert _document(Bukti(url="https://antrean.example.go.id/")) == "antrean.example.go.id"
    taken: set[str] = set()
    assert _distinct("SK", 1, 1, taken) == "SK"
    assert _distinct("sk", 2, 1, taken) == "sk (bukti indikator 2)"
    assert _distinct("SK", 2, 2, taken) == "SK (bukti 2 indikator 2)"
    assert _distinct("SK", 2, 2, taken) == "SK (bukti 2 indikator 2, 2)"


def test_no_two_links_of_an_innovation_page_read_the_same(catalogue_copy: Path) -> None:
    """Two indicators with the same document, two links to one host, and a link whose
    address matches a document title already listed under "Dokumen": each label once."""
    profile = catalogue_copy / "innovations/dinkes/antrean-daring/inovasi.yaml"
    profile.write_text(
        profile.read_text().replace(
            "indikator:\n",
            "indikator:\n"
            "  sdm:\n"
            "    tingkat: 1\n"
            "    bukti:\n"
            "      - berkas: sk-inovasi.pdf\n"
            "        tentang: Penetapan Inovasi Daerah Kabupaten Balangan\n"
            "      - url: https://contoh.go.id/sk\n"
            "      - url: https://contoh.go.id/sk?versi=2\n"
            "  kecepatan:\n"
            "    tingkat: 1\n"
            "    bukti:\n"
            "      - berkas: sk-inovasi.pdf\n"
            "        tentang: SK penetapan inovasi\n",
            1,
        )
    )
    page = _build(catalogue_copy)["inovasi/antrean-daring/index.md"]
    labels = [_plain(x) for x in re.findall(r"<a href=\"[^\"#]*\"[^>]*>(.*?)</a>", page)]
    evidence = [
        _plain(x)
        for x in re.findall(r"<a href=\"[^\"]*\"[^>]*>(.*?)</a>", _section(page, "Indikator"))
    ]
    assert evidence == [
        "Penetapan Inovasi Daerah Kabupaten Balangan",
        "Penetapan Inovasi Daerah Kabupaten Balangan (bukti indikator 2)",
        "contoh.go.id/sk",
        "contoh.go.id/sk (bukti indikator 2)",
        "antrean.example.go.id",
        "SK penetapan inovasi (bukti indikator 17)",  # "Dokumen" lists the file so
    ]
    assert len({x.casefold() for x in labels}) == len(labels), labels
