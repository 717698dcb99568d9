"""Controlled vocabularies of the data format and their official labels.

The slugs are the contract of ``FORMAT.md``; the labels are what the site shows. ``suggest``
gives the "maksud Anda ...?" hint for near misses. No I/O here: the reference data that lives
in files (urusan, IID frameworks) is loaded by :mod:`generator.record.reference`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

JENIS_OPD = {
    "skpd": "Satuan Kerja Perangkat Daerah",
    "blud": "Badan Layanan Umum Daerah",
    "upt-puskesmas": "UPT Puskesmas",
    "kecamatan": "Kecamatan",
    "kelurahan": "Kelurahan",
    "desa": "Desa",
    "lainnya": "Lainnya",
}
TAHAPAN = {"inisiatif": "Inisiatif", "uji-coba": "Uji Coba", "penerapan": "Penerapan"}
INISIATOR = {
    "kepala-daerah": "Kepala Daerah",
    "anggota-dprd": "Anggota DPRD",
    "opd": "OPD",
    "asn": "ASN",
    "masyarakat": "Masyarakat",
}
JENIS_INOVASI = {"digital": "Digital", "non-digital": "Non Digital"}
BENTUK = {
    "tata-kelola": "Inovasi Tata Kelola Pemerintahan Daerah",
    "pelayanan-publik": "Inovasi Pelayanan Publik",
    "lainnya-sesuai-urusan": "Inovasi Daerah lainnya sesuai dengan Urusan Pemerintahan",
}
TEMATIK = {
    "digitalisasi-layanan": "Digitalisasi Layanan Pemerintahan",
    "penanggulangan-kemiskinan": "Penanggulangan Kemiskinan",
    "kemudahan-investasi": "Kemudahan Investasi",
    "prioritas-presiden": "Prioritas Aktual Presiden",
    "non-tematik": "Non Tematik",
}
JENIS_PENGHARGAAN = {
    "juara": "Juara atau pemenang",
    "finalis": "Finalis atau nominasi",
    "peserta": "Peserta (ikut serta, tidak menang)",
    "apresiasi": "Apresiasi atau penghargaan khusus",
}
SUMBER_DATA = {
    "opd": "Diisi oleh perangkat daerah",
    "berita": "Dihimpun dari pemberitaan (belum dikonfirmasi perangkat daerah)",
}
VERIFIER_WORDS = (
    "pokja", "tim", "kelompok", "panitia", "sekretariat", "bapperida", "bappeda",
    "balitbangda", "badan", "dinas", "bidang", "bagian", "subbagian", "seksi", "unit",
    "verifikator", "penilai",
)  # fmt: skip
"""``oleh`` of ``verifikasi.yaml`` names a team or role: it holds one of these words (whole
words, any case), so that a person's name is never published as the verifier."""


def names_a_team(text: str) -> bool:
    """True when ``text`` holds one of :data:`VERIFIER_WORDS` as a whole word."""
    words = re.findall(r"[a-z]+", text.casefold())
    return any(word in VERIFIER_WORDS for word in words)


STATUS_VERIFIKASI = {
    "belum-diverifikasi": "Belum diverifikasi",
    "diajukan": "Diajukan",
    "dikembalikan": "Dikembalikan",
    "terverifikasi": "Terverifikasi",
    "ditolak": "Ditolak",
}
RANCANG_BANGUN = {
    "dasar_hukum": "Dasar hukum",
    "permasalahan": "Permasalahan",
    "isu_strategis": "Isu strategis",
    "metode_pembaharuan": "Metode pembaharuan",
    "keunggulan": "Keunggulan dan kebaharuan",
    "cara_kerja": "Cara kerja",
}
KIPP_BAGIAN = {  # key: (label, word limit)
    "ringkasan": ("Ringkasan", 200),
    "ide_inovatif": ("Ide Inovatif", 600),
    "signifikansi": ("Signifikansi", 600),
    "kontribusi_tpb": ("Kontribusi terhadap TPB", 200),
    "adaptabilitas": ("Adaptabilitas", 400),
    "keberlanjutan": ("Keberlanjutan", 600),
    "kolaborasi": ("Kolaborasi Pemangku Kepentingan", 200),
}
TPB = {
    1: "Tanpa Kemiskinan",
    2: "Tanpa Kelaparan",
    3: "Kehidupan Sehat dan Sejahtera",
    4: "Pendidikan Berkualitas",
    5: "Kesetaraan Gender",
    6: "Air Bersih dan Sanitasi Layak",
    7: "Energi Bersih dan Terjangkau",
    8: "Pekerjaan Layak dan Pertumbuhan Ekonomi",
    9: "Industri, Inovasi dan Infrastruktur",
    10: "Berkurangnya Kesenjangan",
    11: "Kota dan Permukiman yang Berkelanjutan",
    12: "Konsumsi dan Produksi yang Bertanggung Jawab",
    13: "Penanganan Perubahan Iklim",
    14: "Ekosistem Lautan",
    15: "Ekosistem Daratan",
    16: "Perdamaian, Keadilan dan Kelembagaan yang Tangguh",
    17: "Kemitraan untuk Mencapai Tujuan",
}
RANCANG_BANGUN_MIN_WORDS = 300
RINGKASAN_MAX_WORDS = 200


def suggest(value: str, allowed: Iterable[str]) -> str | None:
    """The closest allowed value to a near miss, or None."""
    candidates = list(allowed)
    folded = value.strip().lower().replace("_", "-").replace(" ", "-")
    if folded in candidates and folded != value:
        return folded
    match = difflib.get_close_matches(folded, candidates, n=1, cutoff=0.6)
    return match[0] if match else None


def did_you_mean(value: str, allowed: Iterable[str]) -> str:
    """`` (maksud Anda 'b'?)`` for a near miss, else an empty string."""
    guess = suggest(value, allowed)
    return f" (maksud Anda '{guess}'?)" if guess else ""


def choices_hint(value: str, allowed: Iterable[str]) -> str:
    """``pilih salah satu: a, b, c (maksud Anda 'b'?)``"""
    options = list(allowed)
    return "pilih salah satu: " + ", ".join(options) + did_you_mean(value, options)


def word_count(text: str | None) -> int:
    """Words in a (Markdown) text, counted as whitespace-separated tokens."""
    return len(text.split()) if text else 0
