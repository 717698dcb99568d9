"""A synthetic catalogue with the real shape, deterministic from a seed (for the benchmark).

About 50 agencies per 1,000 innovations, with their hierarchy (puskesmas under Dinas
Kesehatan, desa under their kecamatan); Indonesian text of realistic length, made of
sentences recombined from word-level variations so that it compresses about as real text
does, not 18 times; IID claims with evidence files and links; ``verifikasi.yaml`` for one
innovation in four; replication, awards and KIPP proposals; one or two photos (JPEG with
EXIF, a few hundred KB) for one innovation in five and a PDF for one in ten.

``python -m bench.catalogue DIR --size N`` writes one; :func:`write_project` is what the
benchmark calls.
"""

from __future__ import annotations

import argparse
import bisect
import io
import itertools
import random
import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml
from PIL import Image
from pypdf import PdfWriter

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 23)

# ---- word banks --------------------------------------------------------------------------

AGENCY_NAMES = [
    ("Dinas Kesehatan", "Dinkes", "skpd"),
    ("Dinas Pendidikan dan Kebudayaan", "Disdikbud", "skpd"),
    ("Dinas Sosial", "Dinsos", "skpd"),
    ("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", "skpd"),
    ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", "skpd"),
    ("Dinas Komunikasi dan Informatika", "Diskominfo", "skpd"),
    ("Dinas Perhubungan", "Dishub", "skpd"),
    ("Dinas Lingkungan Hidup", "DLH", "skpd"),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", "skpd"),
    ("Dinas Perumahan Rakyat dan Kawasan Permukiman", "Disperkim", "skpd"),
    ("Dinas Pemberdayaan Masyarakat dan Desa", "DPMD", "skpd"),
    ("Dinas Tenaga Kerja dan Transmigrasi", "Disnakertrans", "skpd"),
    ("Dinas Koperasi, Usaha Kecil dan Menengah", "Diskop UKM", "skpd"),
    ("Dinas Perdagangan dan Perindustrian", "Disdagperin", "skpd"),
    ("Dinas Ketahanan Pangan", "DKP", "skpd"),
    ("Dinas Pertanian", "Distan", "skpd"),
    ("Dinas Perikanan", "Diskan", "skpd"),
    ("Dinas Pariwisata, Pemuda dan Olahraga", "Disparpora", "skpd"),
    ("Dinas Perpustakaan dan Kearsipan", "Dispersip", "skpd"),
    ("Dinas Pengendalian Penduduk dan Keluarga Berencana", "DPPKB", "skpd"),
    ("Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "DP3A", "skpd"),
    ("Satuan Polisi Pamong Praja dan Pemadam Kebakaran", "Satpol PP", "skpd"),
    ("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM", "skpd"),
    ("Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD", "skpd"),
    ("Badan Pendapatan Daerah", "Bapenda", "skpd"),
    ("Badan Penanggulangan Bencana Daerah", "BPBD", "skpd"),
    ("Inspektorat Daerah", "Inspektorat", "skpd"),
    ("Sekretariat Daerah", "Setda", "skpd"),
    ("Sekretariat DPRD", "Setwan", "skpd"),
    ("Rumah Sakit Umum Daerah", "RSUD", "blud"),
    ("UPT Puskesmas Paringin", None, "upt-puskesmas"),
    ("UPT Puskesmas Lampihong", None, "upt-puskesmas"),
    ("UPT Puskesmas Juai", None, "upt-puskesmas"),
    ("UPT Puskesmas Halong", None, "upt-puskesmas"),
    ("UPT Puskesmas Awayan", None, "upt-puskesmas"),
    ("Kecamatan Paringin", None, "kecamatan"),
    ("Kecamatan Batumandi", None, "kecamatan"),
    ("Kecamatan Tebing Tinggi", None, "kecamatan"),
    ("Kecamatan Halong", None, "kecamatan"),
    ("Kelurahan Paringin Kota", None, "kelurahan"),
]
"""Balangan-like agencies; beyond these, desa are added under the kecamatan in turn."""

NAME_HEADS = [
    "Layanan", "Gerakan", "Sistem Informasi", "Aplikasi", "Klinik", "Sekolah", "Rumah",
    "Program", "Pojok", "Jemput Bola", "Kampung", "Gerai", "Sahabat", "Pusat",
]  # fmt: skip
NAME_TOPICS = [
    "Administrasi Kependudukan", "Kesehatan Ibu dan Anak", "Perizinan Usaha", "Gizi Balita",
    "Pengaduan Masyarakat", "Arsip Digital", "Pangan Lokal", "Ketahanan Keluarga",
    "Literasi Desa", "Pelayanan Pajak Daerah", "Pemantauan Stunting", "Pertanian Organik",
    "Keselamatan Jalan", "Sampah Terpadu", "Air Bersih", "Kesiapsiagaan Bencana",
    "Data Terpadu", "Keuangan Desa", "Pelatihan Kerja", "UMKM Naik Kelas",
]  # fmt: skip
NAME_TAILS = ["Terpadu", "Digital", "Keliling", "Bersama", "Mandiri", "Cepat", "Ramah", "Pintar"]

SENTENCES = [
    "Inovasi ini lahir dari keluhan masyarakat tentang lamanya waktu pelayanan di kantor.",
    "Petugas mendatangi warga di desa yang jauh dari pusat kecamatan secara terjadwal.",
    "Data layanan dicatat secara daring sehingga pimpinan dapat memantau capaian setiap bulan.",
    "Masyarakat cukup membawa dokumen pendukung dan berkas diproses pada hari yang sama.",
    "Sebelum inovasi diterapkan, rata-rata waktu penyelesaian berkas mencapai tujuh hari kerja.",
    "Setelah inovasi berjalan, waktu penyelesaian turun menjadi satu sampai dua hari kerja.",
    "Kegiatan ini melibatkan perangkat desa, kader posyandu, tokoh agama dan tokoh masyarakat.",
    "Pelaksanaan inovasi didukung anggaran daerah dan kerja sama dengan pihak swasta.",
    "Sosialisasi dilakukan melalui rapat koordinasi, media sosial dan siaran radio daerah.",
    "Tim pelaksana terdiri dari aparatur sipil negara yang telah mengikuti bimbingan teknis.",
    "Setiap bulan dilakukan monitoring dan evaluasi untuk memperbaiki alur pelayanan.",
    "Keunggulan inovasi ini terletak pada kemudahan akses dan biaya yang sangat rendah.",
    "Inovasi ini dapat direplikasi oleh perangkat daerah lain dengan penyesuaian seperlunya.",
    "Permasalahan utama adalah keterbatasan sarana dan jarak tempuh yang cukup jauh.",
    "Warga di wilayah pegunungan sering kesulitan menjangkau kantor pelayanan di kota.",
    "Dasar hukum pelaksanaan inovasi adalah peraturan bupati tentang inovasi daerah.",
    "Keputusan kepala perangkat daerah menetapkan tim pelaksana dan pedoman teknisnya.",
    "Isu strategis yang dijawab adalah peningkatan kualitas pelayanan publik di perdesaan.",
    "Metode pembaharuan yang dipakai adalah penyederhanaan prosedur dan pemanfaatan teknologi.",
    "Cara kerjanya dimulai dari pendaftaran, verifikasi berkas, lalu penyerahan hasil layanan.",
    "Hasil survei kepuasan masyarakat menunjukkan peningkatan nilai dari tahun sebelumnya.",
    "Jumlah penerima manfaat meningkat setiap tahun sejak inovasi pertama kali diuji coba.",
    "Pengaduan masyarakat ditangani melalui kanal pesan singkat dan kotak saran di kantor.",
    "Inovasi ini mendukung pencapaian tujuan pembangunan berkelanjutan di tingkat daerah.",
    "Koordinasi lintas sektor diperkuat melalui forum bulanan yang dipimpin kepala dinas.",
    "Pelayanan kini dapat diakses pada hari libur melalui petugas piket yang ditunjuk.",
    "Dokumen hasil layanan dikirim kepada warga melalui kantor desa terdekat.",
    "Penerapan inovasi juga mengurangi penggunaan kertas dan biaya perjalanan warga.",
    "Pimpinan daerah memberikan dukungan penuh dan menjadikannya program prioritas.",
    "Ke depan inovasi ini akan dikembangkan agar terhubung dengan aplikasi layanan lainnya.",
]

INDICATORS = [
    "regulasi", "sdm", "anggaran", "alat-kerja", "bimtek", "rkpd", "aktor", "pelaksana",
    "jejaring", "sosialisasi", "pedoman-teknis", "informasi-layanan", "proses-layanan",
    "pengaduan", "kecepatan", "kemanfaatan", "monev",
]  # fmt: skip
URUSAN = [
    "pendidikan", "kesehatan", "pekerjaan-umum-dan-penataan-ruang", "sosial",
    "administrasi-kependudukan-dan-pencatatan-sipil", "penanaman-modal", "pertanian",
    "lingkungan-hidup", "komunikasi-dan-informatika", "pangan", "perhubungan",
    "penelitian-dan-pengembangan",
]  # fmt: skip


_VARIANTS = {
    "masyarakat": ["masyarakat", "warga", "penduduk", "keluarga penerima manfaat"],
    "pelayanan": ["pelayanan", "layanan", "pelayanan publik", "pelayanan dasar"],
    "inovasi": ["inovasi", "terobosan", "program", "gagasan"],
    "desa": ["desa", "kelurahan", "dusun", "wilayah perdesaan"],
    "petugas": ["petugas", "aparatur", "kader", "tenaga pelaksana"],
    "setiap": ["setiap", "tiap", "secara rutin setiap"],
    "bulan": ["bulan", "triwulan", "semester", "minggu"],
}
_PLACES = ["Paringin", "Lampihong", "Juai", "Halong", "Awayan", "Batumandi", "Tebing Tinggi"]


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


COMMON = (  # noqa: SIM905 - a paragraph of words reads better than 120 strings
    "yang dan di untuk dengan dalam ini dari pada oleh tidak akan juga ke sebagai dapat "
    "telah sudah lebih setiap masyarakat pelayanan inovasi desa daerah kabupaten warga "
    "program kegiatan data petugas kantor layanan kesehatan pendidikan anak ibu balita "
    "posyandu puskesmas sekolah guru siswa keluarga penduduk pemerintah perangkat dinas "
    "bidang tim kerja waktu hari bulan tahun sistem aplikasi informasi pengaduan surat "
    "dokumen berkas proses hasil manfaat tujuan capaian jumlah peningkatan penurunan "
    "pelaksanaan penerapan pengembangan pembinaan pendampingan koordinasi sosialisasi "
    "kolaborasi evaluasi monitoring anggaran kualitas cepat mudah murah terpadu digital "
    "daring langsung kecamatan kelurahan dusun wilayah jalan air bersih sampah pangan "
    "pertanian petani usaha kecil menengah pasar pajak retribusi izin kependudukan "
    "stunting gizi imunisasi lansia disabilitas miskin bantuan sosial bencana"
).split()
"""Frequent real words: the head of the Zipf distribution, so that searches such as
"pelayanan kesehatan" or "stunting" meet real matches."""

_ONSETS = [
    "b",
    "c",
    "d",
    "g",
    "h",
    "j",
    "k",
    "l",
    "m",
    "n",
    "ng",
    "ny",
    "p",
    "r",
    "s",
    "t",
    "w",
    "y",
    "",
]
_VOWELS = ["a", "a", "i", "u", "e", "o"]
_CODAS = ["", "", "", "n", "ng", "r", "k", "s", "t", "h", "l", "m"]
_PREFIXES = ["me", "mem", "men", "ber", "pe", "pem", "pen", "di", "ke", "ter", "se"]
_SUFFIXES = ["kan", "an", "nya", "i", "lah"]


def _pseudo_word(rng: random.Random) -> str:
    """A word that looks and compresses like Indonesian (syllables, affixes)."""
    stem = "".join(
        rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)
        for _ in range(rng.choice((2, 2, 3)))
    )
    if rng.random() < 0.3:
        stem = rng.choice(_PREFIXES) + stem
    if rng.random() < 0.3:
        stem += rng.choice(_SUFFIXES)
    return stem


class Prose:
    """Indonesian-looking text whose vocabulary grows with the catalogue.

    Most sentences draw their words from a Zipf distribution (exponent about 1, as natural
    language) over a lexicon of the common real words followed by pseudo-words, sized
    3,000 + 15 words per innovation: rare words keep appearing as the catalogue grows, and
    the text compresses about as real government text does (3 to 5 times with gzip; the
    test holds it). A quarter of the sentences are templates with variations
    (real phrases a reader searches for).
    """

    def __init__(self, rng: random.Random, size: int, seed: int) -> None:
        self.rng = rng
        lexicon_rng = random.Random(seed + 1)  # noqa: S311 - synthetic text, not security
        count = 3000 + 15 * size
        words = list(COMMON)
        seen = set(words)
        while len(words) < count:
            word = _pseudo_word(lexicon_rng)
            if word not in seen:
                seen.add(word)
                words.append(word)
        self.words = words
        self.weights = list(itertools.accumulate(1 / (rank + 2.7) for rank in range(count)))

    def _word(self) -> str:
        point = self.rng.random() * self.weights[-1]
        return self.words[bisect.bisect(self.weights, point)]

    def sentence(self) -> str:
        rng = self.rng
        if rng.random() < 0.25:
            return _template_sentence(rng)
        words = [self._word() for _ in range(rng.randrange(7, 17))]
        if rng.random() < 0.3:
            words.insert(-1, f"di {rng.choice(_PLACES)} pada {2019 + rng.randrange(6)}")
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def prose(self, words: int) -> str:
        """About ``words`` words in one or two paragraphs."""
        chosen: list[str] = []
        count = 0
        while count < words:
            sentence = self.sentence()
            chosen.append(sentence)
            count += len(sentence.split())
        half = len(chosen) // 2
        if half >= 3:
            return " ".join(chosen[:half]) + "\n\n" + " ".join(chosen[half:]) + "\n"
        return " ".join(chosen) + "\n"


def _template_sentence(rng: random.Random) -> str:
    words = []
    for word in rng.choice(SENTENCES).split():
        bare = word.strip(".,").lower()
        if bare in _VARIANTS and rng.random() < 0.7:
            word = word.lower().replace(bare, rng.choice(_VARIANTS[bare]))
        words.append(word)
    if rng.random() < 0.4:
        words.insert(-1, f"di {rng.choice(_PLACES)} pada {2019 + rng.randrange(6)}")
    text = " ".join(words)
    return text[0].upper() + text[1:]


@dataclass(frozen=True)
class Agency:
    slug: str
    nama: str
    singkatan: str | None
    jenis: str
    induk: str | None


def agencies_for(size: int) -> list[Agency]:
    """About 50 agencies per 1,000 innovations (at least the named ones), with parents."""
    wanted = max(len(AGENCY_NAMES), round(size * 50 / 1000))
    found: list[Agency] = []
    for nama, singkatan, jenis in AGENCY_NAMES:
        induk = "dinkes" if jenis == "upt-puskesmas" else None
        found.append(Agency(_slug(singkatan or nama), nama, singkatan, jenis, induk))
    kecamatan = [a for a in found if a.jenis == "kecamatan"]
    number = 0
    while len(found) < wanted:
        parent = kecamatan[number % len(kecamatan)]
        number += 1
        place = parent.nama.removeprefix("Kecamatan ")
        nama = f"Desa {place} {number}"
        found.append(Agency(_slug(nama), nama, None, "desa", parent.slug))
    return found


_PHOTOS: dict[int, bytes] = {}


def _jpeg(rng: random.Random) -> bytes:
    """A photo-like JPEG of a few hundred KB with EXIF, from a pool of six (fast to write)."""
    key = rng.randrange(6)
    if key not in _PHOTOS:
        _PHOTOS[key] = _make_jpeg(key)
    return _PHOTOS[key]


def _make_jpeg(key: int) -> bytes:
    width, height = 1600, 1200
    base = Image.linear_gradient("L").rotate(key * 30).resize((width, height)).convert("RGB")
    noise = Image.effect_noise((width // 4, height // 4), 30 + key * 5).resize((width, height))
    photo = Image.blend(base, noise.convert("RGB"), 0.3)
    exif = Image.Exif()
    exif[0x010F] = "SynthCam"  # Make
    exif[0x0110] = "Model 1"  # Model
    exif[0x0132] = "2024:03:01 10:00:00"  # DateTime
    out = io.BytesIO()
    photo.save(out, "JPEG", quality=82, exif=exif.tobytes())
    return out.getvalue()


def _pdf() -> bytes:
    writer = PdfWriter()
    for _ in range(3):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _innovation(
    rng: random.Random, text: Prose, index: int, agency: Agency, slugs: list[str]
) -> tuple[str, dict[str, object], dict[str, bytes], dict[str, object] | None]:
    """One record, its files, and its verification (or None)."""
    nama = f"{rng.choice(NAME_HEADS)} {rng.choice(NAME_TOPICS)} {rng.choice(NAME_TAILS)}"
    slug = f"{_slug(nama)}-{index + 1:05d}"
    files: dict[str, bytes] = {}
    news = index % 10 == 9  # one in ten is transcribed from news, as in the shipped catalogue
    tautan = [
        {
            "judul": f"Berita peluncuran {nama}",
            "url": f"https://berita.example.go.id/{2022 + index % 3}/{slug}",
        }
    ]
    ringkasan = f"{nama} adalah inovasi {agency.nama} Kabupaten Balangan. " + text.prose(55)
    if news:
        return (
            slug,
            {
                "sumber_data": "berita",
                "nama": nama,
                "ringkasan": ringkasan,
                "jenis": rng.choice(["digital", "non-digital"]),
                "tahun_laporan": [2024],
                "tautan": tautan,
            },
            files,
            None,
        )
    start = date(2019, 6, 1) + timedelta(days=rng.randrange(0, 1600))  # up to late 2023
    trial = start + timedelta(days=rng.randrange(60, 300))
    launch = trial + timedelta(days=rng.randrange(20, 120))
    tahapan = rng.choice(["inisiatif", "uji-coba", "penerapan", "penerapan", "penerapan"])
    tanggal: dict[str, date] = {"mulai": start}
    if tahapan != "inisiatif":
        tanggal["uji_coba"] = trial
    if tahapan == "penerapan":
        tanggal["penerapan"] = launch
    first_year = max(2022, start.year)
    utama = rng.choice(URUSAN)
    record: dict[str, object] = {
        "nama": nama,
        "singkatan": "".join(word[0] for word in nama.split()).upper(),
        "ringkasan": ringkasan,
        "tahapan": tahapan,
        "inisiator": {"jenis": rng.choice(["opd", "asn", "kepala-daerah"]), "nama": agency.nama},
        "jenis": rng.choice(["digital", "non-digital"]),
        "bentuk": rng.choice(["tata-kelola", "pelayanan-publik", "lainnya-sesuai-urusan"]),
        "urusan": {"utama": utama, "beririsan": [rng.choice([u for u in URUSAN if u != utama])]},
        "tanggal": tanggal,
        "tahun_laporan": list(range(first_year, 2026)),
        "tpb": sorted(rng.sample(range(1, 18), 2)),
        "rancang_bangun": {
            "dasar_hukum": text.prose(45),
            "permasalahan": text.prose(55),
            "isu_strategis": text.prose(45),
            "metode_pembaharuan": text.prose(50),
            "keunggulan": text.prose(40),
            "cara_kerja": text.prose(60),
        },
        "tujuan": text.prose(25),
        "manfaat": text.prose(25),
        "hasil": text.prose(30),
        "tautan": tautan,
    }
    if rng.random() < 0.5:
        record["capaian"] = [
            {"tahun": year, "nilai": rng.randrange(10, 900), "satuan": "warga terlayani"}
            for year in range(2022, 2025)
        ]
    media: list[dict[str, object]] = []
    if index % 5 == 0:
        for number in range(1 + index % 2):
            name = f"foto-kegiatan-{number + 1}.jpg"
            files[name] = _jpeg(rng)
            media.append({"berkas": name, "keterangan": f"Kegiatan {nama}", "sampul": number == 0})
    claims: dict[str, object] = {}
    if rng.random() < 0.8:
        for n, key in enumerate(rng.sample(INDICATORS, rng.randrange(3, 8))):
            bukti: list[dict[str, object]] = [
                {"url": f"https://inovasi.example.go.id/bukti/{slug}/{key}", "tentang": key}
            ]
            if n == 0 and index % 10 == 3:
                files["sk-inovasi.pdf"] = _pdf()
                bukti = [{"berkas": "sk-inovasi.pdf", "tentang": "Surat keputusan"}]
            claims[key] = {
                "tingkat": rng.randrange(1, 4),
                "keterangan": text.sentence(),
                "bukti": bukti,
            }
        record["indikator"] = claims
    if media:
        record["media"] = media
    if index % 7 == 0:
        record["penghargaan"] = [
            {"nama": "Lomba Inovasi Balangan", "tahun": 2023 + index % 2, "peringkat": "Juara 2"}
        ]
    if slugs and index % 6 == 0:
        record["replikasi"] = [
            {"pemda": "Kabupaten Balangan", "tahun": 2024, "inovasi": rng.choice(slugs)}
        ]
    if index % 9 == 0:
        record["proposal"] = [
            {
                "skema": "kipp",
                "tahun": 2024,
                "bagian": {"ringkasan": text.prose(120), "ide_inovatif": text.prose(300)},
            }
        ]
    verifikasi = None
    if claims and index % 4 == 0:
        verifikasi = {
            "status": "terverifikasi",
            "tanggal": date(2025, 8, 1),
            "oleh": "Pokja Inovasi Daerah",
            "indikator": {k: {"tingkat": 1} for k in list(claims)[:2]},
        }
    return slug, record, files, verifikasi


class _Dumper(yaml.SafeDumper):
    """Multi-line text as ``|`` blocks, as admins write it (see the shipped catalogue)."""


def _text_block(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text_block)


def _dump(data: object) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def write_project(folder: Path, size: int, seed: int) -> int:
    """The site configuration plus a synthetic catalogue of ``size``; returns its agencies."""
    shutil.copy2(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, folder / name, dirs_exist_ok=True)
    rng = random.Random(seed)  # noqa: S311 - synthetic text, not security
    prose = Prose(rng, size, seed)
    katalog = folder / "innovations"
    owners = agencies_for(size)
    for agency in owners:
        (katalog / agency.slug).mkdir(parents=True)
        opd = {
            "nama": agency.nama,
            "singkatan": agency.singkatan,
            "jenis": agency.jenis,
            "induk": agency.induk,
        }
        text = _dump({k: v for k, v in opd.items() if v is not None})
        (katalog / agency.slug / "opd.yaml").write_text(text, encoding="utf-8")
    slugs: list[str] = []
    for index in range(size):
        agency = owners[index % len(owners)]
        slug, record, files, verifikasi = _innovation(rng, prose, index, agency, slugs)
        slugs.append(slug)
        target = katalog / agency.slug / slug
        target.mkdir()
        (target / "inovasi.yaml").write_text(_dump(record), encoding="utf-8")
        for name, content in files.items():
            (target / name).write_bytes(content)
        if verifikasi is not None:
            (target / "verifikasi.yaml").write_text(_dump(verifikasi), encoding="utf-8")
    return len(owners)


def main() -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic catalogue project.")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--size", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    print(write_project(args.folder, args.size, args.seed), "agencies")


if __name__ == "__main__":
    main()
