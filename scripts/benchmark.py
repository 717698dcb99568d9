"""Speed and size of ``sepeda check`` and ``sepeda build`` on synthetic catalogues.

For each size N (default 100 and 1000) this writes, in a temporary folder, a valid catalogue
of N innovations spread over about 40 agencies (``FORMAT.md``: realistic Indonesian text of
about 400 words per innovation including ``rancang_bangun``, some IID indicator claims with
https evidence links, some news-sourced records), next to a copy of the project's
``mkdocs.yml``, ``docs/`` and ``overrides/``. It then runs ``sepeda check`` and
``sepeda build`` as subprocesses (``python -m generator`` with this interpreter) and
reports wall time, peak RSS, and the size of what was built. Nothing is asserted and
nothing touches the network; the output is a Markdown table.

Peak RSS is the ``ru_maxrss`` of each child process (``os.wait4``: the same counter as
``resource.getrusage(RUSAGE_CHILDREN)``, but per run rather than the maximum so far).

Usage: ``python scripts/benchmark.py [--sizes 100 1000] [--agencies 40] [--keep DIR]``
(``make bench BENCH_ARGS="--sizes 100"``).
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 23)
SOURCE_DATE_EPOCH = "1795000000"  # fixed build date, so repeated runs build the same bytes

# ---- synthetic but realistic content -----------------------------------------------------

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

INDICATORS = ["regulasi", "sdm", "anggaran", "alat-kerja", "bimtek", "sosialisasi", "kecepatan"]
URUSAN = [
    "pendidikan", "kesehatan", "pekerjaan-umum-dan-penataan-ruang", "sosial",
    "administrasi-kependudukan-dan-pencatatan-sipil", "penanaman-modal", "pertanian",
    "lingkungan-hidup", "komunikasi-dan-informatika", "pangan", "perhubungan",
    "penelitian-dan-pengembangan",
]  # fmt: skip


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def _prose(rng: random.Random, words: int) -> str:
    """Distinct sentences from the bank, about ``words`` words, in one or two paragraphs."""
    chosen: list[str] = []
    count = 0
    for sentence in rng.sample(SENTENCES, len(SENTENCES)):
        if count >= words:
            break
        chosen.append(sentence)
        count += len(sentence.split())
    half = len(chosen) // 2
    if half >= 3:
        return " ".join(chosen[:half]) + "\n\n" + " ".join(chosen[half:]) + "\n"
    return " ".join(chosen) + "\n"


@dataclass(frozen=True)
class Agency:
    slug: str
    nama: str
    singkatan: str | None
    jenis: str


def _agencies(count: int) -> list[Agency]:
    agencies = []
    for index in range(count):
        nama, singkatan, jenis = AGENCY_NAMES[index % len(AGENCY_NAMES)]
        if index >= len(AGENCY_NAMES):
            nama = f"{nama} Wilayah {index // len(AGENCY_NAMES) + 1}"
        agencies.append(Agency(_slug(singkatan or nama), nama, singkatan, jenis))
    return agencies


def _innovation(rng: random.Random, index: int, agency: Agency) -> tuple[str, dict[str, object]]:
    nama = f"{rng.choice(NAME_HEADS)} {rng.choice(NAME_TOPICS)} {rng.choice(NAME_TAILS)}"
    slug = f"{_slug(nama)}-{index + 1:05d}"
    news = index % 10 == 9  # one in ten is transcribed from news, as in the shipped catalogue
    tautan = [
        {
            "judul": f"Berita peluncuran {nama}",
            "url": f"https://berita.example.go.id/{2022 + index % 3}/{slug}",
        }
    ]
    ringkasan = f"{nama} adalah inovasi {agency.nama} Kabupaten Balangan. " + _prose(rng, 55)
    if news:
        return slug, {
            "sumber_data": "berita",
            "nama": nama,
            "ringkasan": ringkasan,
            "jenis": rng.choice(["digital", "non-digital"]),
            "tahun_laporan": [2024],
            "tautan": tautan,
        }
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
        "tahun_laporan": list(range(first_year, 2025)),
        "tpb": sorted(rng.sample(range(1, 18), 2)),
        "rancang_bangun": {
            "dasar_hukum": _prose(rng, 45),
            "permasalahan": _prose(rng, 55),
            "isu_strategis": _prose(rng, 45),
            "metode_pembaharuan": _prose(rng, 50),
            "keunggulan": _prose(rng, 40),
            "cara_kerja": _prose(rng, 60),
        },
        "tujuan": _prose(rng, 25),
        "manfaat": _prose(rng, 25),
        "hasil": _prose(rng, 30),
        "tautan": tautan,
    }
    if rng.random() < 0.5:
        record["capaian"] = [
            {"tahun": year, "nilai": rng.randrange(10, 900), "satuan": "warga terlayani"}
            for year in range(2022, 2025)
        ]
    if rng.random() < 0.6:
        record["indikator"] = {
            key: {
                "tingkat": rng.randrange(1, 4),
                "keterangan": rng.choice(SENTENCES),
                "bukti": [{"url": f"https://inovasi.example.go.id/bukti/{slug}/{key}"}],
            }
            for key in rng.sample(INDICATORS, rng.randrange(1, 5))
        }
    return slug, record


class _Dumper(yaml.SafeDumper):
    """Multi-line text as ``|`` blocks, as admins write it (see the shipped catalogue)."""


def _text_block(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text_block)


def _dump(data: object) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def write_project(folder: Path, size: int, agencies: int, seed: int) -> int:
    """A copy of the site configuration plus a synthetic catalogue; returns its word count."""
    shutil.copy2(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    for name in ("docs", "overrides"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, folder / name)
    rng = random.Random(seed)  # noqa: S311 - synthetic text, not security
    katalog = folder / "innovations"
    owners = _agencies(agencies)
    for agency in owners:
        (katalog / agency.slug).mkdir(parents=True)
        opd = {"nama": agency.nama, "singkatan": agency.singkatan, "jenis": agency.jenis}
        text = _dump({k: v for k, v in opd.items() if v is not None})
        (katalog / agency.slug / "opd.yaml").write_text(text, encoding="utf-8")
    words = 0
    for index in range(size):
        agency = owners[index % len(owners)]
        slug, record = _innovation(rng, index, agency)
        target = katalog / agency.slug / slug
        target.mkdir()
        text = _dump(record)
        words += len(text.split())
        (target / "inovasi.yaml").write_text(text, encoding="utf-8")
    return words


# ---- measuring ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss_mib: float
    returncode: int
    output: str


def run(args: list[str], cwd: Path) -> Run:
    """Run ``python -m generator ARGS`` in ``cwd``: wall time, peak RSS, exit status."""
    env = {
        **os.environ,
        "SEPEDA_TODAY": TODAY.isoformat(),
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH,
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = subprocess.Popen(  # noqa: S603 - fixed argv, no shell
            [sys.executable, "-m", "generator", *args],
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read().decode("utf-8", "replace")
    return Run(elapsed, usage.ru_maxrss / 1024, process.returncode, output)


@dataclass(frozen=True)
class Result:
    size: int
    agencies: int
    words: int
    check: Run
    build: Run
    site_bytes: int
    files: int
    index_raw: int
    index_gzip: int
    page_bytes: int
    page_mean: float


def measure(size: int, agencies: int, seed: int, keep: Path | None) -> Result:
    with tempfile.TemporaryDirectory(prefix=f"sepeda-bench-{size}-") as tmp:
        folder = Path(tmp)
        words = write_project(folder, size, agencies, seed)
        check = run(["check"], folder)
        if check.returncode != 0:
            raise SystemExit(f"sepeda check failed on {size} innovations:\n{check.output[-4000:]}")
        build = run(["build", "--out", "site"], folder)
        if build.returncode != 0:
            raise SystemExit(f"sepeda build failed on {size} innovations:\n{build.output[-4000:]}")
        site = folder / "site"
        files = [p for p in site.rglob("*") if p.is_file()]
        index = site / "search" / "search_index.json"
        raw = index.read_bytes() if index.is_file() else b""
        pages = sorted(site.glob("inovasi/*/index.html"))
        sizes = [p.stat().st_size for p in pages]
        if keep is not None:
            shutil.copytree(folder, keep / f"catalogue-{size}", dirs_exist_ok=True)
        return Result(
            size=size,
            agencies=agencies,
            words=words,
            check=check,
            build=build,
            site_bytes=sum(p.stat().st_size for p in files),
            files=len(files),
            index_raw=len(raw),
            index_gzip=len(gzip.compress(raw, compresslevel=6, mtime=0)) if raw else 0,
            page_bytes=sizes[0] if sizes else 0,
            page_mean=sum(sizes) / len(sizes) if sizes else 0.0,
        )


def table(results: list[Result]) -> str:
    mb = 1_000_000
    lines = [
        "| innovations | agencies | check | check RSS | build | build RSS | site | files "
        "| search_index.json raw / gzip | one innovation page (mean) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r.size} | {r.agencies} | {r.check.seconds:.1f} s | {r.check.peak_rss_mib:.0f} MiB "
            f"| {r.build.seconds:.1f} s | {r.build.peak_rss_mib:.0f} MiB "
            f"| {r.site_bytes / mb:.1f} MB | {r.files} "
            f"| {r.index_raw / mb:.2f} / {r.index_gzip / mb:.2f} MB "
            f"| {r.page_bytes / 1000:.1f} KB ({r.page_mean / 1000:.1f} KB) |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000], metavar="N")
    parser.add_argument("--agencies", type=int, default=40, help="number of agencies (40)")
    parser.add_argument("--seed", type=int, default=2026, help="random seed of the text (2026)")
    parser.add_argument("--keep", type=Path, help="copy each generated project into this folder")
    args = parser.parse_args(argv)
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)

    results = []
    for size in args.sizes:
        print(f"benchmark: {size} innovations ...", file=sys.stderr, flush=True)
        result = measure(size, args.agencies, args.seed, args.keep)
        print(
            f"  check {result.check.seconds:.1f} s, build {result.build.seconds:.1f} s, "
            f"{result.words / size:.0f} words of YAML per innovation",
            file=sys.stderr,
            flush=True,
        )
        results.append(result)
    print(
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"{platform.system()} {platform.machine()}; wall time and peak RSS per command; "
        "sizes in decimal units, gzip level 6; one page = first innovation by slug.\n"
    )
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
