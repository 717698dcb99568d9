"""The records of the data format (``docs/dev/FORMAT.md``) as strict, frozen pydantic models.

Built from the scalar types of :mod:`generator.record.fields`; record-level rules (dates in
stage order, evidence is a file or a link, summaries short enough) live here. Rules that
need other files (references, media on disk, uniqueness) live in :mod:`generator.catalogue.checks`.
No I/O in this module.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from generator.base import vocab
from generator.base.formats import angka
from generator.record.facts import Facts
from generator.record.fields import (
    Account,
    Bentuk,
    Date,
    Email,
    Flag,
    HttpsUrl,
    IndicatorKey,
    JenisInisiator,
    JenisInovasi,
    JenisOpd,
    JenisPenghargaan,
    Line,
    NamaInovasi,
    NomorAstaCita,
    NomorTpb,
    Number,
    Slug,
    StatusVerifikasi,
    SumberData,
    Tahapan,
    Tematik,
    Text,
    Tingkat,
    TingkatVerifikasi,
    UrusanKey,
    Year,
)


class Record(BaseModel):
    """Base of every schema model: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Inisiator(Record):
    jenis: JenisInisiator = Field(description="jenis inisiator")
    nama: Line = Field(description="nama unit atau orang yang menjadi inisiator")

    def shown(self) -> str:
        """As the profile table shows it: the name, then the kind of initiator."""
        return f"{self.nama} ({vocab.INISIATOR[self.jenis]})"


class Inovator(Record):
    nama: Line = Field(description="nama inovator (dengan persetujuannya)")
    peran: Line | None = None

    def shown(self) -> str:
        """As the profile table shows it: the name, then the role if given."""
        return f"{self.nama} ({self.peran})" if self.peran else self.nama


class UrusanInovasi(Record):
    utama: UrusanKey = Field(
        description="satu kunci urusan utama",
        json_schema_extra=Facts(
            "Urusan utama",
            column="urusan_utama",
            about="Kode urusan pemerintahan utama (lihat kode urusan)",
            order=100,
            profile=6,
        ),
    )
    beririsan: list[UrusanKey] = Field(
        default_factory=list,
        json_schema_extra=Facts(
            "Urusan beririsan",
            column="urusan_beririsan",
            about="Kode urusan lain yang beririsan, dipisah titik koma",
            order=110,
            profile=7,
        ),
    )


class Tanggal(Record):
    mulai: Date | None = Field(
        None,
        json_schema_extra=Facts(
            "Tanggal mulai",
            column="tanggal_mulai",
            about="Tanggal inovasi dimulai (TTTT-BB-HH)",
            order=130,
        ),
    )
    uji_coba: Date | None = Field(
        None,
        json_schema_extra=Facts(
            "Tanggal uji coba",
            column="tanggal_uji_coba",
            about="Tanggal uji coba (TTTT-BB-HH)",
            order=140,
        ),
    )
    penerapan: Date | None = Field(
        None,
        json_schema_extra=Facts(
            "Tanggal penerapan",
            column="tanggal_penerapan",
            about="Tanggal penerapan (TTTT-BB-HH)",
            order=150,
        ),
    )

    def steps(self) -> list[tuple[str, date | None]]:
        """The three dates in stage order, each ``None`` when not given."""
        return [("mulai", self.mulai), ("uji_coba", self.uji_coba), ("penerapan", self.penerapan)]

    @model_validator(mode="after")
    def _in_order(self) -> Tanggal:
        present = [(name, value) for name, value in self.steps() if value is not None]
        for (first, a), (second, b) in pairwise(present):
            if b < a:
                raise PydanticCustomError(
                    "urutan_tanggal",
                    "{second} ({b}) lebih awal daripada {first} ({a}); urutannya harus "
                    "mulai, uji_coba, lalu penerapan",
                    {"first": first, "second": second, "a": a.isoformat(), "b": b.isoformat()},
                )
        return self


class RancangBangun(Record):
    dasar_hukum: Text | None = Field(
        None, json_schema_extra=Facts(vocab.RANCANG_BANGUN["dasar_hukum"])
    )
    permasalahan: Text | None = Field(
        None, json_schema_extra=Facts(vocab.RANCANG_BANGUN["permasalahan"])
    )
    isu_strategis: Text | None = Field(
        None, json_schema_extra=Facts(vocab.RANCANG_BANGUN["isu_strategis"])
    )
    metode_pembaharuan: Text | None = Field(
        None, json_schema_extra=Facts(vocab.RANCANG_BANGUN["metode_pembaharuan"])
    )
    keunggulan: Text | None = Field(
        None, json_schema_extra=Facts(vocab.RANCANG_BANGUN["keunggulan"])
    )
    cara_kerja: Text | None = Field(
        None, json_schema_extra=Facts(vocab.RANCANG_BANGUN["cara_kerja"])
    )

    def words(self) -> int:
        """Total words over all parts (IID expects at least 300)."""
        return sum(vocab.word_count(getattr(self, key)) for key in vocab.RANCANG_BANGUN)


class Capaian(Record):
    tahun: Year
    nilai: Number
    satuan: Line = Field(description="satuan nilai, misalnya 'inovasi terjaring'")
    keterangan: Line | None = None


class Bukti(Record):
    """Supporting evidence: a file in the folder or a public https link."""

    berkas: Line | None = Field(None, json_schema_extra=Facts("Berkas", widget="file"))
    url: HttpsUrl | None = None
    nomor: Line | None = None
    tanggal: Date | None = None
    tentang: Line | None = None

    @model_validator(mode="after")
    def _file_or_link(self) -> Bukti:
        if (self.berkas is None) == (self.url is None):
            raise PydanticCustomError(
                "bukti",
                "setiap bukti harus berupa satu berkas di folder inovasi ('berkas: nama.pdf') "
                "atau satu tautan ('url: https://...'), tidak keduanya dan tidak kosong",
            )
        return self


class Klaim(Record):
    """A claim on one IID indicator."""

    tingkat: Tingkat = Field(description="tingkat parameter yang diklaim, 1 sampai 3")
    keterangan: Text | None = None
    bukti: list[Bukti] = Field(default_factory=list)


class KlaimTahun(Record):
    """The claims as they were reported for an earlier year (the yearly update keeps them)."""

    tahun: Year = Field(description="tahun pelaporan klaim-klaim ini")
    indikator: dict[IndicatorKey, Klaim] = Field(
        default_factory=dict, description="klaim indikator IID tahun itu"
    )


class Media(Record):
    berkas: Line = Field(
        description="nama berkas di folder inovasi, misalnya foto-layanan.jpg",
        json_schema_extra=Facts("Berkas", widget="file"),
    )
    keterangan: Line = Field(description="keterangan (caption) foto atau dokumen")
    alt: Line | None = None
    sampul: Flag = False
    persetujuan: Flag | None = Field(
        None, description="true bila orang yang tampak di foto sudah setuju fotonya diterbitkan"
    )
    lisensi: Line | None = Field(None, description="lisensi foto, misalnya CC BY 4.0")


class Tautan(Record):
    judul: Line = Field(description="judul tautan")
    url: HttpsUrl = Field(description="alamat tautan (https://...)")


class Opd(Record):
    """``opd.yaml``: an agency (perangkat daerah, puskesmas, kecamatan, desa, ...)."""

    nama: Line = Field(description="nama resmi perangkat daerah, misalnya Dinas Kesehatan")
    singkatan: Line | None = Field(None, description="singkatan, misalnya Dinkes")
    jenis: JenisOpd = Field(description="jenis perangkat daerah")
    induk: Slug | None = Field(None, description="slug perangkat daerah induk")
    nama_lama: list[Line] = Field(default_factory=list, description="nama-nama lama")
    situs: HttpsUrl | None = Field(None, description="alamat situs resmi (https://...)")
    admin: list[Account] = Field(
        default_factory=list, description="akun GitHub admin perangkat daerah, misalnya @nama"
    )
    nama_terkonfirmasi: Flag = Field(
        True,
        description="false bila belum ada sumber yang menegaskan nama resmi ini",
        json_schema_extra=Facts("Nama sudah dikonfirmasi sumber"),
    )
    urusan: list[UrusanKey] = Field(
        default_factory=list,
        description="urusan pemerintahan yang diampu perangkat daerah ini",
        json_schema_extra=Facts("Urusan perangkat daerah"),
    )
    alamat: Line | None = Field(
        None, description="alamat kantor", json_schema_extra=Facts("Alamat kantor")
    )
    telepon: Line | None = Field(
        None, description="nomor telepon kantor", json_schema_extra=Facts("Telepon kantor")
    )
    email: Email | None = Field(
        None, description="alamat e-mail kantor", json_schema_extra=Facts("E-mail kantor")
    )
    sumber: list[Tautan] = Field(
        default_factory=list,
        description="sumber publik yang menyebut perangkat daerah ini",
        json_schema_extra=Facts("Sumber"),
    )
    catatan_sumber: Text | None = Field(
        None,
        description="asal data dan hal yang belum dikonfirmasi",
        json_schema_extra=Facts("Catatan sumber"),
    )


class Penghargaan(Record):
    nama: Line = Field(description="nama penghargaan atau lomba")
    tahun: Year | None = Field(
        None, description="tahun penghargaan; hapus baris ini bila sumbernya tidak menyebut tahun"
    )
    peringkat: Line | None = None
    jenis: JenisPenghargaan | None = Field(
        None, description="juara, finalis, peserta atau apresiasi (ikut serta bukan menang)"
    )


class Replikasi(Record):
    pemda: Line = Field(description="nama pemerintah daerah yang mereplikasi")
    tahun: Year
    inovasi: Slug | None = None


class Koordinat(Record):
    """Where the innovation is applied (IID 2025: titik koordinat lokasi inovasi)."""

    lintang: Number = Field(description="lintang, desimal; selatan negatif, misalnya -2.3246")
    bujur: Number = Field(description="bujur timur, desimal, misalnya 115.6243")

    @model_validator(mode="after")
    def _in_indonesia(self) -> Koordinat:
        if not (-11 <= self.lintang <= 6 and 95 <= self.bujur <= 141):
            raise PydanticCustomError(
                "koordinat",
                "titik ({lat}, {lon}) di luar wilayah Indonesia; tulis lintang antara -11 dan 6 "
                "(selatan negatif) dan bujur antara 95 dan 141, misalnya lintang: -2.3246, "
                "bujur: 115.6243",
                {"lat": str(self.lintang), "lon": str(self.bujur)},
            )
        return self

    def shown(self) -> str:
        """As the profile table shows it."""
        return f"{angka(self.lintang).unescape()}; {angka(self.bujur).unescape()}"


class Anggaran(Record):
    """Money spent on applying the innovation in one year (IID: Anggaran)."""

    tahun: Year = Field(description="tahun anggaran")
    nilai: Number = Field(description="jumlah dalam rupiah, tanpa titik, misalnya 150000000")
    sumber_dana: Line | None = Field(None, description="misalnya APBD, APBN, DAK, dana desa")

    def shown(self) -> str:
        """As the profile table shows it: ``Rp 150.000.000 (2024, APBD)``."""
        where = f", {self.sumber_dana}" if self.sumber_dana else ""
        return f"Rp {angka(self.nilai).unescape()} ({self.tahun}{where})"


class Kontak(Record):
    unit: Line | None = Field(None, json_schema_extra=Facts("Unit"))
    email: Email | None = Field(None, json_schema_extra=Facts("E-mail"))
    telepon: Line | None = Field(None, json_schema_extra=Facts("Telepon kantor"))


class Proposal(Record):
    skema: Slug = Field(description="skema lomba, misalnya kipp atau bailang")
    tahun: Year
    bagian: dict[str, Text] = Field(description="bagian-bagian narasi proposal")

    @field_validator("bagian")
    @classmethod
    def _known_parts(cls, value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        if info.data.get("skema") == "kipp":
            for key in value:
                if key not in vocab.KIPP_BAGIAN:
                    raise PydanticCustomError(
                        "bagian_kipp",
                        "'{value}' bukan bagian proposal KIPP; {hint}",
                        {"value": key, "hint": vocab.choices_hint(key, vocab.KIPP_BAGIAN)},
                    )
        return value


class _InovasiFields(Record):
    """All fields of ``inovasi.yaml``; the IID classification may be absent (news records)."""

    nama: NamaInovasi = Field(
        description="nama inovasi, satu baris, 3-150 karakter",
        json_schema_extra=Facts("Nama", column="nama", about="Nama inovasi", order=20),
    )
    singkatan: Line | None = Field(
        None,
        json_schema_extra=Facts(
            "Singkatan", column="singkatan", about="Singkatan atau nama populer", order=30
        ),
    )
    ringkasan: Text = Field(
        description="ringkasan inovasi, paling banyak 200 kata",
        json_schema_extra=Facts(
            "Ringkasan", column="ringkasan", about="Ringkasan inovasi", order=230
        ),
    )
    sumber_data: SumberData = Field(
        "opd",
        json_schema_extra=Facts(
            "Sumber data",
            column="sumber_data",
            about="Asal data (lihat kode sumber_data)",
            order=60,
            profile=11,
        ),
    )
    tahapan: Tahapan | None = Field(
        None,
        json_schema_extra=Facts(
            "Tahapan",
            column="tahapan",
            about="Tahapan inovasi (lihat kode tahapan); kosong bila belum diisi",
            order=70,
            profile=3,
        ),
    )
    inisiator: Inisiator | None = Field(None, json_schema_extra=Facts("Inisiator", profile=1))
    inovator: list[Inovator] = Field(
        default_factory=list, json_schema_extra=Facts("Inovator", profile=2)
    )
    jenis: JenisInovasi | None = Field(
        None,
        json_schema_extra=Facts(
            "Jenis", column="jenis", about="Jenis inovasi (lihat kode jenis)", order=80, profile=4
        ),
    )
    bentuk: Bentuk | None = Field(
        None,
        json_schema_extra=Facts(
            "Bentuk inovasi",
            column="bentuk",
            about="Bentuk inovasi (lihat kode bentuk)",
            order=90,
            profile=5,
        ),
    )
    urusan: UrusanInovasi | None = Field(None, json_schema_extra=Facts("Urusan pemerintahan"))
    tematik: Tematik | None = Field(
        None,
        json_schema_extra=Facts(
            "Tematik", column="tematik", about="Tema inovasi", order=120, profile=8
        ),
    )
    tanggal: Tanggal | None = None
    tahun_laporan: list[Year] = Field(
        default_factory=list,
        json_schema_extra=Facts(
            "Tahun pelaporan IID",
            column="tahun_laporan",
            about="Tahun-tahun pelaporan ke Indeks Inovasi Daerah (satu baris per tahun di "
            "inovasi-tahun.csv dan lembar 'tahun')",
            order=160,
            profile=9,
        ),
    )
    rancang_bangun: RancangBangun | None = None
    tujuan: Text | None = None
    manfaat: Text | None = None
    hasil: Text | None = None
    capaian: list[Capaian] = Field(default_factory=list)
    tpb: list[NomorTpb] = Field(
        default_factory=list,
        json_schema_extra=Facts("Tujuan Pembangunan Berkelanjutan (TPB)"),
    )
    asta_cita: list[NomorAstaCita] = Field(
        default_factory=list, json_schema_extra=Facts("Asta Cita", profile=10)
    )
    indikator: dict[IndicatorKey, Klaim] = Field(
        default_factory=dict, json_schema_extra=Facts("Indikator IID dan bukti dukung")
    )
    media: list[Media] = Field(default_factory=list, json_schema_extra=Facts("Foto dan dokumen"))
    video: HttpsUrl | None = Field(None, json_schema_extra=Facts("Video (tautan https)"))
    tautan: list[Tautan] = Field(default_factory=list)
    penghargaan: list[Penghargaan] = Field(default_factory=list)
    replikasi: list[Replikasi] = Field(
        default_factory=list, json_schema_extra=Facts("Replikasi oleh daerah lain")
    )
    kontak: Kontak | None = None
    proposal: list[Proposal] = Field(default_factory=list)
    perkembangan: Text | None = Field(
        None,
        description="perkembangan inovasi sejak diterapkan (IID 2025)",
        json_schema_extra=Facts("Perkembangan inovasi", profile=13),
    )
    anggaran: list[Anggaran] = Field(
        default_factory=list,
        description="anggaran penerapan inovasi per tahun",
        json_schema_extra=Facts("Anggaran", profile=14),
    )
    koordinat: Koordinat | None = Field(
        None,
        description="titik koordinat lokasi inovasi (IID 2025)",
        json_schema_extra=Facts("Titik koordinat", profile=15),
    )
    riwayat: list[KlaimTahun] = Field(
        default_factory=list,
        description="klaim indikator tahun-tahun pelaporan sebelumnya; 'indikator' berisi klaim "
        "tahun pelaporan terakhir",
        json_schema_extra=Facts("Klaim tahun sebelumnya"),
    )
    catatan_sumber: Text | None = Field(
        None,
        description="asal data: sumber mana menyebut apa, apa yang berbeda antarsumber dan apa "
        "yang masih ditunggu dari perangkat daerah",
        json_schema_extra=Facts("Catatan sumber", profile=12),
    )
    pemda: Line | None = Field(
        None,
        description="pemerintah daerah pemilik inovasi, misalnya Kabupaten Balangan; harus "
        "sama dengan pemda katalog (inovasi daerah lain dicatat sebagai replikasi)",
    )

    @field_validator("ringkasan")
    @classmethod
    def _short_summary(cls, value: str) -> str:
        words = vocab.word_count(value)
        if words > vocab.RINGKASAN_MAX_WORDS:
            raise PydanticCustomError(
                "ringkasan_panjang",
                "ringkasan {words} kata; singkat menjadi paling banyak {limit} kata "
                "(uraian lengkap tulis di rancang_bangun)",
                {"words": words, "limit": vocab.RINGKASAN_MAX_WORDS},
            )
        return value

    @field_validator("tanggal")
    @classmethod
    def _dates_for_stage(cls, value: Tanggal | None, info: ValidationInfo) -> Tanggal | None:
        stage = info.data.get("tahapan")
        if value is None or stage is None:
            return value
        if stage in ("uji-coba", "penerapan") and value.uji_coba is None:
            raise PydanticCustomError(
                "tanggal_tahapan",
                "tahapan {label} memerlukan «Tanggal uji coba»: isi tanggal uji cobanya "
                "(di berkas YAML: 'uji_coba: TTTT-BB-HH' di bawah 'tanggal')",
                {"label": vocab.TAHAPAN[stage]},
            )
        if stage == "penerapan" and value.penerapan is None:
            raise PydanticCustomError(
                "tanggal_tahapan",
                "tahapan Penerapan memerlukan «Tanggal penerapan»: isi tanggal penerapannya "
                "(di berkas YAML: 'penerapan: TTTT-BB-HH' di bawah 'tanggal')",
            )
        return value

    @field_validator("tahun_laporan")
    @classmethod
    def _sorted_years(cls, value: list[int]) -> list[int]:
        return sorted(set(value))

    @field_validator("riwayat")
    @classmethod
    def _earlier_years(cls, value: list[KlaimTahun], info: ValidationInfo) -> list[KlaimTahun]:
        years = info.data.get("tahun_laporan") or []
        latest = max(years) if years else None
        seen: set[int] = set()
        for entry in value:
            if latest is None or entry.tahun not in years or entry.tahun >= latest:
                raise PydanticCustomError(
                    "riwayat_tahun",
                    "riwayat tahun {year}: tulis di sini hanya klaim tahun pelaporan yang lebih "
                    "awal daripada tahun terakhir di tahun_laporan ({years}); klaim tahun "
                    "terakhir ditulis di 'indikator'",
                    {"year": entry.tahun, "years": ", ".join(map(str, years)) or "kosong"},
                )
            if entry.tahun in seen:
                raise PydanticCustomError(
                    "riwayat_ganda",
                    "riwayat tahun {year} ditulis dua kali; gabungkan menjadi satu",
                    {"year": entry.tahun},
                )
            seen.add(entry.tahun)
        return sorted(value, key=lambda entry: entry.tahun)

    def claims_for(self, year: int | None) -> dict[str, Klaim]:
        """The claims of a reporting year: those kept in ``riwayat`` for an earlier year,
        else the current ``indikator`` (the latest year's, and any year not kept apart)."""
        kept = next((entry for entry in self.riwayat if entry.tahun == year), None)
        return kept.indikator if kept is not None else self.indikator


class InovasiBerita(_InovasiFields):
    """A record transcribed from news (``sumber_data: berita``): classification optional."""

    tautan: list[Tautan] = Field(
        min_length=1, description="tautan ke berita sumber (wajib untuk data dari berita)"
    )


class Inovasi(_InovasiFields):
    """An agency's own record: the IID profile fields are required."""

    tahapan: Tahapan = Field(description="tahapan inovasi")
    inisiator: Inisiator = Field(description="peta berisi jenis dan nama inisiator")
    jenis: JenisInovasi = Field(description="jenis inovasi")
    bentuk: Bentuk = Field(description="bentuk inovasi daerah")
    urusan: UrusanInovasi = Field(description="peta berisi urusan utama (dan beririsan)")
    tanggal: Tanggal = Field(description="peta tanggal mulai, uji_coba, penerapan")
    tahun_laporan: list[Year] = Field(
        min_length=1, description="daftar tahun inovasi dilaporkan, misalnya [2023, 2024]"
    )


AnyInovasi = Inovasi | InovasiBerita


class VerifikasiIndikator(Record):
    tingkat: TingkatVerifikasi = Field(description="tingkat yang diterima pokja, 0 sampai 3")
    catatan: Line | None = None


class Verifikasi(Record):
    """``verifikasi.yaml``: the pokja's verification of one innovation."""

    status: StatusVerifikasi = Field(description="status verifikasi")
    tanggal: Date = Field(description="tanggal verifikasi")
    oleh: Line | None = None
    catatan: Text | None = None
    indikator: dict[IndicatorKey, VerifikasiIndikator] = Field(default_factory=dict)
