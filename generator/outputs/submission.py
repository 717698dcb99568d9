"""The regency's IID submission pack for one reporting year (``sepeda paket``).

What an operator at Bapperida re-types into the national IID application: for every
innovation reported that year, the profile in the order and wording of the national form,
its 20 indicators with the chosen parameter's words, the level and the evidence (renamed in
upload order), and a checklist of what the national form will refuse. By default only what
the pokja verified goes in; ``claimed=True`` packs the claims instead and says so in every
file's name and in every sheet. Pure: catalogue in, files out (the evidence files' bytes are
read from the record folders).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.base import vocab
from generator.catalogue.records import Catalogue, Innovation
from generator.iid.freshness import too_old
from generator.iid.scoring import IndicatorRow, InnovationScore, score_with
from generator.outputs import spreadsheet
from generator.record.models import Bukti
from generator.record.reference import Kerangka
from generator.record.region import Region

UPLOAD_LIMIT = 2 * 1024 * 1024
"""The upload limit per evidence file assumed for the national application (2 MB, the limit
regional IID applications apply); a larger file is on the checklist."""

DESIGN_MIN_WORDS = vocab.RANCANG_BANGUN_MIN_WORDS

VERIFIED, CLAIMED = "terverifikasi pokja", "KLAIM, BELUM DIVERIFIKASI POKJA"

ASTA_CITA_FROM = 2025
"""The first reporting year whose form asks for the location, Asta Cita and development."""


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence as the operator uploads it."""

    pack_name: str
    """The file's name in the pack (empty for a link)."""
    source: Path | None
    link: str
    title: str
    number: str
    day: str


@dataclass(frozen=True)
class IndicatorEntry:
    """One of the framework's indicators for one innovation, as the pack states it."""

    number: int
    name: str
    mandatory: bool
    level: int | None
    parameter: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Entry:
    """One innovation in the pack."""

    number: int
    innovation: Innovation
    folder: str
    profile: tuple[tuple[str, str], ...]
    indicators: tuple[IndicatorEntry, ...]
    score: int
    checklist: tuple[str, ...]


def _date(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def _design(innovation: Innovation) -> tuple[str, int]:
    design = innovation.data.rancang_bangun
    if design is None:
        return "", 0
    parts = [
        f"{label}:\n{text.strip()}"
        for key, label in vocab.RANCANG_BANGUN.items()
        if (text := getattr(design, key))
    ]
    return "\n\n".join(parts), design.words()


def profile(
    innovation: Innovation, catalogue: Catalogue, region: Region
) -> tuple[tuple[str, str], ...]:
    """The national form's profile fields, in its order and wording, as text."""
    data = innovation.data
    ref = catalogue.reference
    urusan = data.urusan
    dates = data.tanggal
    design, words = _design(innovation)
    parts = data.rancang_bangun
    rows = [
        ("Nama Pemda", region.pemda),
        ("Nama Inovasi", data.nama),
        ("Tahapan Inovasi", vocab.TAHAPAN.get(data.tahapan or "", "")),
        (
            "Inisiator Inovasi Daerah",
            vocab.INISIATOR[data.inisiator.jenis] if data.inisiator else "",
        ),
        ("Nama Inisiator", data.inisiator.nama if data.inisiator else ""),
        ("Jenis Inovasi", vocab.JENIS_INOVASI.get(data.jenis or "", "")),
        ("Bentuk Inovasi Daerah", vocab.BENTUK.get(data.bentuk or "", "")),
        ("Tematik", vocab.TEMATIK.get(data.tematik or "", "")),
        ("Urusan Pemerintahan (Urusan Utama)", ref.urusan[urusan.utama].nama if urusan else ""),
        (
            "Urusan lain yang beririsan",
            "; ".join(ref.urusan[k].nama for k in urusan.beririsan) if urusan else "",
        ),
        ("Waktu Uji Coba Inovasi Daerah", _date(dates.uji_coba if dates else None)),
        ("Waktu Penerapan Inovasi Daerah", _date(dates.penerapan if dates else None)),
        ("Perkembangan Inovasi", (data.perkembangan or "").strip()),
        ("Rancang Bangun", design),
        ("Jumlah kata rancang bangun", str(words)),
    ]
    rows += [
        (label, (getattr(parts, key) or "").strip() if parts else "")
        for key, label in vocab.RANCANG_BANGUN.items()
    ]
    rows += [
        ("Tujuan Inovasi Daerah", (data.tujuan or "").strip()),
        ("Manfaat yang Diperoleh", (data.manfaat or "").strip()),
        ("Hasil Inovasi", (data.hasil or "").strip()),
        ("Anggaran", "; ".join(a.shown() for a in data.anggaran)),
        ("Titik Koordinat Lokasi Inovasi", data.koordinat.shown() if data.koordinat else ""),
        (
            "Keterkaitan dengan Asta Cita",
            ", ".join(f"Asta Cita {n}" for n in data.asta_cita),
        ),
        ("Video Inovasi", data.video or ""),
        ("Perangkat Daerah Pengusul", catalogue.agency(innovation.opd).data.nama),
    ]
    return tuple(rows)


REQUIRED = (
    "Tahapan Inovasi",
    "Inisiator Inovasi Daerah",
    "Nama Inisiator",
    "Jenis Inovasi",
    "Bentuk Inovasi Daerah",
    "Urusan Pemerintahan (Urusan Utama)",
    "Waktu Uji Coba Inovasi Daerah",
    "Rancang Bangun",
    "Tujuan Inovasi Daerah",
    "Manfaat yang Diperoleh",
    "Hasil Inovasi",
)
"""Profile fields the national form requires of every innovation."""

REQUIRED_FROM_2025 = (
    "Perkembangan Inovasi",
    "Titik Koordinat Lokasi Inovasi",
    "Keterkaitan dengan Asta Cita",
)
"""Fields the form asks for from the IID 2025 cycle on."""


def _evidence(
    innovation: Innovation, row: IndicatorRow, items: Iterable[Bukti], folder: str
) -> tuple[Evidence, ...]:
    found = []
    for index, item in enumerate(items, start=1):
        pack_name = ""
        source = None
        if item.berkas:
            suffix = Path(item.berkas).suffix.lower()
            pack_name = f"{folder}/bukti/{row.nomor:02d}-{row.kunci}-{index}{suffix}"
            source = innovation.folder / item.berkas
        found.append(
            Evidence(
                pack_name,
                source,
                item.url or "",
                item.tentang or "",
                item.nomor or "",
                _date(item.tanggal),
            )
        )
    return tuple(found)


def _level(row: IndicatorRow, claimed: bool) -> int | None:
    if claimed:
        return row.tingkat_klaim if row.ada_bukti else None
    return row.tingkat_pokja or None


def _checklist(
    innovation: Innovation,
    profile_rows: tuple[tuple[str, str], ...],
    indicators: tuple[IndicatorEntry, ...],
    score: InnovationScore,
    year: int,
    claimed: bool,
) -> list[str]:
    items = []
    values = dict(profile_rows)
    data = innovation.data
    if data.sumber_data == "berita":
        items.append("data dari pemberitaan, belum dilengkapi perangkat daerah")
    required = REQUIRED + (
        ("Waktu Penerapan Inovasi Daerah",) if data.tahapan == "penerapan" else ()
    )
    required += REQUIRED_FROM_2025 if year >= ASTA_CITA_FROM else ()
    items += [f"isian '{label}' masih kosong" for label in required if not values.get(label)]
    words = int(values["Jumlah kata rancang bangun"])
    if values.get("Rancang Bangun") and words < DESIGN_MIN_WORDS:
        items.append(
            f"rancang bangun baru {words} kata; formulir nasional meminta paling sedikit "
            f"{DESIGN_MIN_WORDS} kata"
        )
    state = "berbukti" if claimed else "terverifikasi"
    items += [
        f"indikator wajib {entry.number}. {entry.name} belum {state}"
        for entry in indicators
        if entry.mandatory and entry.level is None
    ]
    for entry in indicators:
        for item in entry.evidence:
            if item.source is not None and item.source.is_file():
                size = item.source.stat().st_size
                if size > UPLOAD_LIMIT:
                    items.append(
                        f"{item.pack_name}: {size / 1024 / 1024:.1f} MB, di atas batas unggah "
                        f"{UPLOAD_LIMIT // 1024 // 1024} MB; perkecil PDF-nya"
                    )
    if score.perkiraan:
        items.append(
            f"kerangka IID {year} belum diterbitkan; indikator mengikuti kerangka terbaru "
            f"({score.kerangka}) sebagai perkiraan"
        )
    return items


def _indicators(
    innovation: Innovation, score: InnovationScore, framework: Kerangka, folder: str, claimed: bool
) -> tuple[IndicatorEntry, ...]:
    claims = innovation.data.claims_for(score.tahun)
    parameters = {i.kunci: i.parameter for i in framework.indikator}
    found = []
    for row in score.baris:
        level = _level(row, claimed)
        evidence = (
            _evidence(innovation, row, claims[row.kunci].bukti, folder)
            if level and row.kunci in claims
            else ()
        )
        words = parameters[row.kunci].get(level, "") if level else ""
        found.append(IndicatorEntry(row.nomor, row.nama, row.wajib, level, words, evidence))
    return tuple(found)


def _left_out(innovation: Innovation, year: int) -> str | None:
    """Why an innovation stays out of a verified pack, if it does."""
    if any(entry.tahun == year for entry in innovation.data.riwayat):
        return "klaim tahun ini tersimpan di riwayat; verifikasi pokja hanya menilai klaim terakhir"
    verifikasi = innovation.verifikasi
    if verifikasi is None or verifikasi.status != "terverifikasi":
        return "klaim tahun ini belum diverifikasi pokja"
    return None


def entries(
    catalogue: Catalogue,
    region: Region,
    year: int,
    *,
    claimed: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[tuple[Entry, ...], tuple[str, ...]]:
    """The innovations of ``year`` in the pack (by agency, then name), and those left out
    with the reason (not verified, unless ``claimed``)."""
    reported = [i for i in catalogue.innovations if year in i.data.tahun_laporan]
    reported.sort(key=lambda i: (catalogue.agency(i.opd).data.nama, i.data.nama, i.slug))
    framework = catalogue.reference.kerangka_for_years([year])
    estimate = catalogue.reference.is_estimate([year])
    found: list[Entry] = []
    left_out: list[str] = []
    for done, innovation in enumerate(reported, start=1):
        if progress is not None:
            progress(done, len(reported))
        reason = None if claimed else _left_out(innovation, year)
        if reason is not None:
            agency = catalogue.agency(innovation.opd).data.nama
            left_out.append(f"{innovation.data.nama} ({agency}): {reason}")
            continue
        number = len(found) + 1
        folder = f"{number:03d}-{innovation.slug}"
        score = score_with(innovation, framework, year, perkiraan=estimate)
        indicators = _indicators(innovation, score, framework, folder, claimed)
        rows = profile(innovation, catalogue, region)
        checklist = _checklist(innovation, rows, indicators, score, year, claimed)
        checklist += [f.message for f in too_old(innovation, score, catalogue)]
        total = sum(
            row.bobot * entry.level
            for row, entry in zip(score.baris, indicators, strict=True)
            if entry.level
        )
        found.append(Entry(number, innovation, folder, rows, indicators, total, tuple(checklist)))
    return tuple(found), tuple(left_out)


def _mark(claimed: bool) -> str:
    return CLAIMED if claimed else VERIFIED


def files(
    catalogue: Catalogue,
    region: Region,
    year: int,
    data_date: date | None,
    *,
    claimed: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, str | bytes]:
    """Every file of the pack under ``paket-iid-<year>[-klaim]/``."""
    root = f"paket-iid-{year}" + ("-klaim" if claimed else "")
    packed, left_out = entries(catalogue, region, year, claimed=claimed, progress=progress)
    mark = _mark(claimed)
    out: dict[str, str | bytes] = {}
    profile_columns = (
        ["No", "Status paket", *(label for label, _ in packed[0].profile)]
        if packed
        else ["No", "Status paket"]
    )
    overview_rows = []
    indicator_rows = []
    check_rows = []
    for entry in packed:
        overview_rows.append({"No": entry.number, "Status paket": mark, **dict(entry.profile)})
        sheet_rows = []
        for item in entry.indicators:
            evidence = item.evidence or (Evidence("", None, "", "", "", ""),)
            for ev in evidence:
                row = {
                    "No": entry.number,
                    "Inovasi": entry.innovation.data.nama,
                    "Status paket": mark,
                    "Nomor": item.number,
                    "Indikator": item.name,
                    "Wajib": "ya" if item.mandatory else "",
                    "Tingkat": item.level or "",
                    "Parameter": item.parameter,
                    "Berkas bukti": ev.pack_name.removeprefix(f"{entry.folder}/"),
                    "Judul bukti": ev.title,
                    "Nomor surat": ev.number,
                    "Tanggal": ev.day,
                    "Tautan": ev.link,
                }
                sheet_rows.append(row)
                indicator_rows.append(row)
                if ev.source is not None and ev.source.is_file():
                    out[f"{root}/{ev.pack_name}"] = ev.source.read_bytes()
        check_rows += [
            {"No": entry.number, "Inovasi": entry.innovation.data.nama, "Butir": line}
            for line in entry.checklist
        ]
        columns_ind = list(sheet_rows[0]) if sheet_rows else ["Nomor"]
        out[f"{root}/{entry.folder}/isian.xlsx"] = spreadsheet.workbook(
            [
                (
                    "profil",
                    ["Isian", "Nilai", "Status paket"],
                    [{"Isian": k, "Nilai": v, "Status paket": mark} for k, v in entry.profile],
                ),
                ("indikator", columns_ind, sheet_rows),
            ],
            data_date,
        )
    check_rows += [{"No": "", "Inovasi": line, "Butir": "tidak masuk paket"} for line in left_out]
    indicator_columns = list(indicator_rows[0]) if indicator_rows else ["No"]
    out[f"{root}/ringkasan.xlsx"] = spreadsheet.workbook(
        [
            ("inovasi", profile_columns, overview_rows),
            ("indikator", indicator_columns, indicator_rows),
            ("periksa", ["No", "Inovasi", "Butir"], check_rows),
        ],
        data_date,
    )
    out[f"{root}/BACA-DULU.md"] = _readme(region, year, claimed, packed, left_out)
    return out


def _readme(
    region: Region, year: int, claimed: bool, packed: tuple[Entry, ...], left_out: tuple[str, ...]
) -> str:
    lines = [
        f"# Paket pengajuan Indeks Inovasi Daerah {year}: {region.pemda}",
        "",
        f"Status paket: **{_mark(claimed)}**."
        + (
            " Tingkat indikator di paket ini adalah klaim perangkat daerah yang berbukti, "
            "belum dinilai pokja."
            if claimed
            else " Tingkat indikator di paket ini adalah tingkat yang diterima pokja inovasi "
            "daerah."
        ),
        "",
        f"- `ringkasan.xlsx`: {len(packed)} inovasi (lembar `inovasi`: profil sesuai urutan "
        "formulir nasional; `indikator`: 20 indikator per inovasi; `periksa`: daftar periksa).",
        "- `<nomor>-<inovasi>/isian.xlsx`: isian satu inovasi, siap diketik ulang.",
        "- `<nomor>-<inovasi>/bukti/`: berkas bukti, dinamai "
        "`<nomor indikator>-<indikator>-<urutan>` sesuai urutan unggah.",
        "",
        "## Daftar periksa",
        "",
    ]
    for entry in packed:
        if entry.checklist:
            lines.append(f"### {entry.number}. {entry.innovation.data.nama}")
            lines.append("")
            lines += [f"- {item}" for item in entry.checklist]
            lines.append("")
    if left_out:
        lines += ["### Tidak masuk paket", ""] + [f"- {item}" for item in left_out] + [""]
    if not any(e.checklist for e in packed) and not left_out:
        lines += ["Tidak ada yang perlu diperbaiki sebelum diunggah.", ""]
    return "\n".join(lines)
