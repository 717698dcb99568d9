"""Stable finding codes: one per kind of problem, never renumbered, never reused.

Leaf module. A code is part of the public contract: it is printed after every finding
(``[S203]``), is a key of ``--format json``, names the title of a GitHub annotation, and
is explained on the guide's page "Kode temuan" (generated from :data:`EXPLAINED`), so an
admin can look up what a finding means and what to write instead. Tests assert codes,
not only wording, so a message can be improved without breaking anyone.

Families: ``Y`` reading the YAML file, ``S`` the data format (schema), ``B`` files and
folders, ``R`` references between records, ``P`` personal data, ``A`` advice (warnings),
``I`` hints printed by ``sepeda check``, ``K`` site configuration, build and output safety.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Code(StrEnum):
    """Every finding code. Add new ones at the end of their family; never change a value."""

    YAML_SYNTAX = "Y101"
    YAML_ENCODING = "Y102"
    YAML_DUPLICATE_KEY = "Y103"
    YAML_FORBIDDEN_FEATURE = "Y104"
    YAML_TOO_BIG = "Y105"
    YAML_HIDDEN_CHARACTER = "Y106"
    YAML_NOT_MAPPING = "Y107"

    REQUIRED = "S201"
    UNKNOWN_KEY = "S202"
    NOT_A_CHOICE = "S203"
    WRONG_SHAPE = "S204"
    BAD_DATE = "S205"
    BAD_NUMBER = "S206"
    BAD_LENGTH = "S207"
    BAD_LINK = "S208"
    EVIDENCE_RULE = "S209"
    REJECTED_WITH_LEVELS = "S210"
    INVALID_VALUE = "S299"

    FILE_MISSING = "B301"
    FILE_UNREFERENCED = "B302"
    FILE_MISPLACED = "B303"
    YAML_FILE_MISSING = "B304"
    FOLDER_NAME = "B305"
    MEDIA_NAME = "B306"
    MEDIA_UNREADABLE = "B307"
    MEDIA_TOO_BIG = "B308"
    MEDIA_REFUSED = "B309"
    COVER = "B310"
    MEDIA_TOO_MANY = "B311"
    SYMLINK = "B312"
    FILE_UNREADABLE = "B313"

    SLUG_TAKEN = "R401"
    PARENT_UNKNOWN = "R402"
    REPLICATION_UNKNOWN = "R403"
    OTHER_REGION = "R404"

    PERSONAL_DATA = "P501"
    PERSONAL_DATA_IN_NAME = "P502"
    PERSONAL_DATA_IN_PDF = "P503"
    VERIFIER_NOT_A_TEAM = "P504"
    PHOTO_LOCATION = "P505"

    RANCANG_BANGUN_SHORT = "A601"
    KIPP_TOO_LONG = "A602"
    VERIFIED_ABOVE_CLAIM = "A603"
    VERIFIED_UNCLAIMED = "A604"
    EVIDENCE_TOO_OLD = "A605"

    ADVICE = "I701"
    MANDATORY_MISSING = "I702"
    NEWS_RECORD = "I703"
    FRAMEWORK_ESTIMATED = "I704"

    CONFIG_MISSING = "K801"
    CONFIG_REFUSED = "K802"
    OUTPUT_UNSAFE = "K803"
    BUILD_TARGET = "K804"
    THEME_MISSING = "K805"
    CONFIG_PATH = "K806"


FAMILIES: dict[str, str] = {
    "Y": "Penulisan YAML",
    "S": "Isian data (format inovasi.yaml, opd.yaml, verifikasi.yaml)",
    "B": "Berkas dan folder",
    "R": "Rujukan antarberkas",
    "P": "Data pribadi",
    "A": "Peringatan",
    "I": "Info dari sepeda check",
    "K": "Konfigurasi dan keamanan situs",
}
"""Code families by first letter, in the order the guide lists them."""


@dataclass(frozen=True)
class Explanation:
    """What a code means and how to fix it, in Bahasa Indonesia (for the guide)."""

    title: str
    fix: str


EXPLAINED: dict[Code, Explanation] = {
    Code.YAML_SYNTAX: Explanation(
        "Penulisan YAML tidak sah",
        "Periksa baris yang disebut: tanda ':' setelah setiap kunci, indentasi dengan spasi "
        "(bukan tab) yang sama untuk butir sejajar, dan tanda kutip yang berpasangan.",
    ),
    Code.YAML_ENCODING: Explanation(
        "Berkas bukan UTF-8",
        "Simpan ulang berkas dengan pengodean UTF-8 (di Notepad: Simpan sebagai, Pengodean UTF-8).",
    ),
    Code.YAML_DUPLICATE_KEY: Explanation(
        "Kunci ditulis dua kali",
        "Hapus salah satu baris; setiap kunci hanya boleh muncul sekali di tingkat yang sama.",
    ),
    Code.YAML_FORBIDDEN_FEATURE: Explanation(
        "Fitur YAML yang tidak diizinkan",
        "Anchor (&), alias (*) dan tag (!) tidak dipakai di katalog; tulis nilainya "
        "secara lengkap.",
    ),
    Code.YAML_TOO_BIG: Explanation(
        "Berkas terlalu besar atau terlalu bersarang",
        "Sederhanakan isinya; lampiran panjang dimuat sebagai berkas PDF bukti dukung.",
    ),
    Code.YAML_HIDDEN_CHARACTER: Explanation(
        "Karakter tersembunyi",
        "Hapus karakter yang tidak terlihat (sering terbawa saat menyalin dari dokumen atau "
        "peramban) dan ketik ulang teksnya.",
    ),
    Code.YAML_NOT_MAPPING: Explanation(
        "Isi berkas bukan pasangan 'kunci: nilai'",
        "Berkas harus berisi pasangan 'kunci: nilai'; mulai dari templat 'sepeda new'.",
    ),
    Code.REQUIRED: Explanation(
        "Wajib diisi",
        "Isi nilai yang diminta; kunci opsional yang tidak dipakai cukup dihapus barisnya.",
    ),
    Code.UNKNOWN_KEY: Explanation(
        "Kunci tidak dikenal",
        "Periksa ejaan kunci; pesan menyebut kunci yang sah di tempat itu.",
    ),
    Code.NOT_A_CHOICE: Explanation(
        "Bukan pilihan yang sah",
        "Tulis salah satu pilihan yang disebut pesan (misalnya tahapan, urusan, indikator).",
    ),
    Code.WRONG_SHAPE: Explanation(
        "Bentuk nilai salah",
        "Nilai harus berupa teks, daftar (butir diawali '- ') atau peta ('kunci: nilai') "
        "sesuai yang disebut pesan.",
    ),
    Code.BAD_DATE: Explanation(
        "Tanggal atau tahun tidak sah",
        "Tulis tanggal sebagai TTTT-BB-HH (misalnya 2024-03-15) dan tahun empat angka; "
        "tanggal tahapan harus berurutan dan tidak di masa depan.",
    ),
    Code.BAD_NUMBER: Explanation(
        "Angka tidak sah",
        "Tulis angka tanpa pemisah ribuan (1500, bukan 1.500) di dalam rentang yang disebut.",
    ),
    Code.BAD_LENGTH: Explanation(
        "Panjang teks tidak sesuai",
        "Perpendek atau lengkapi teks sesuai batas yang disebut pesan.",
    ),
    Code.BAD_LINK: Explanation(
        "Tautan atau surel tidak sah",
        "Tautan harus diawali https:// dan tanpa nama pengguna atau kata sandi; surel "
        "berbentuk nama@instansi.go.id.",
    ),
    Code.EVIDENCE_RULE: Explanation(
        "Bukti dukung tidak lengkap",
        "Setiap bukti dukung menyebut berkas atau tautan (salah satu) beserta keterangannya.",
    ),
    Code.REJECTED_WITH_LEVELS: Explanation(
        "Verifikasi ditolak tetapi memberi tingkat",
        "Inovasi yang ditolak tidak mendapat skor terverifikasi: tulis 'tingkat: 0' (dengan "
        "catatan alasannya) pada setiap indikator, atau ganti status bila sebenarnya diterima.",
    ),
    Code.INVALID_VALUE: Explanation(
        "Nilai tidak sah",
        "Ikuti petunjuk pada pesan.",
    ),
    Code.FILE_MISSING: Explanation(
        "Berkas yang dirujuk tidak ada",
        "Unggah berkasnya ke folder yang sama dengan inovasi.yaml, atau perbaiki namanya.",
    ),
    Code.FILE_UNREFERENCED: Explanation(
        "Berkas tidak dirujuk",
        "Tambahkan berkas ke 'media' atau 'bukti', atau hapus dari folder, agar tidak ada "
        "yang terbit tanpa sengaja.",
    ),
    Code.FILE_MISPLACED: Explanation(
        "Berkas tidak pada tempatnya",
        "Pindahkan berkas ke folder inovasinya, atau perbaiki namanya (inovasi.yaml, "
        "opd.yaml, verifikasi.yaml).",
    ),
    Code.YAML_FILE_MISSING: Explanation(
        "Folder tanpa berkas data",
        "Folder perangkat daerah memerlukan opd.yaml; folder inovasi memerlukan inovasi.yaml.",
    ),
    Code.FOLDER_NAME: Explanation(
        "Nama folder tidak sah",
        "Nama folder menjadi alamat halaman: huruf kecil, angka dan '-', misalnya "
        "'antrean-daring'.",
    ),
    Code.MEDIA_NAME: Explanation(
        "Nama berkas media tidak sah",
        "Ganti nama berkas: huruf kecil, angka dan '-', berakhiran .jpg, .jpeg, .png, .webp "
        "atau .pdf (misalnya 'foto-pelayanan.jpg', bukan 'IMG_1234.JPG').",
    ),
    Code.MEDIA_UNREADABLE: Explanation(
        "Berkas media tidak bisa dibaca",
        "Unggah ulang berkas asli; isinya harus sesuai dengan akhiran namanya.",
    ),
    Code.MEDIA_TOO_BIG: Explanation(
        "Berkas media terlalu besar",
        "Perkecil foto atau pisahkan PDF sesuai batas yang disebut pesan.",
    ),
    Code.MEDIA_REFUSED: Explanation(
        "Berkas media ditolak",
        "Animasi, PDF terkunci sandi dan PDF yang berisi skrip atau lampiran tidak "
        "diterbitkan; unggah foto diam atau PDF biasa.",
    ),
    Code.COVER: Explanation(
        "Sampul tidak sah",
        "Hanya satu foto boleh menjadi sampul ('sampul: true'); PDF tidak bisa menjadi sampul.",
    ),
    Code.MEDIA_TOO_MANY: Explanation(
        "Terlalu banyak berkas untuk satu inovasi",
        "Satu inovasi memuat paling banyak 60 berkas (foto dan PDF) dengan jumlah ukuran "
        "paling besar 200 MB. Pilih foto yang paling menggambarkan inovasi, gabungkan bukti "
        "yang sejenis ke satu PDF, atau perkecil foto sebelum mengunggah.",
    ),
    Code.SYMLINK: Explanation(
        "Tautan simbolik (symlink)",
        "Katalog hanya memuat berkas dan folder sungguhan: tautan simbolik bisa menunjuk ke "
        "luar repositori. Hapus tautan itu (git rm) dan simpan berkas atau folder aslinya di "
        "tempatnya.",
    ),
    Code.FILE_UNREADABLE: Explanation(
        "Berkas tidak bisa dibaca",
        "Izin berkas melarang membacanya, atau itu bukan berkas biasa. Beri izin baca "
        "(chmod a+r NAMA-BERKAS) atau ganti dengan berkas biasa, lalu periksa lagi.",
    ),
    Code.SLUG_TAKEN: Explanation(
        "Nama folder inovasi sudah dipakai",
        "Nama folder inovasi harus unik di seluruh katalog; ganti nama folder.",
    ),
    Code.PARENT_UNKNOWN: Explanation(
        "Perangkat daerah induk tidak ada",
        "Tulis nama folder perangkat daerah induk yang ada di katalog.",
    ),
    Code.REPLICATION_UNKNOWN: Explanation(
        "Inovasi yang direplikasi tidak ada",
        "Tulis nama folder inovasi yang ada di katalog, atau hapus baris itu.",
    ),
    Code.OTHER_REGION: Explanation(
        "Inovasi milik pemerintah daerah lain",
        "Katalog ini hanya memuat inovasi pemerintah daerahnya sendiri. Hapus folder inovasi "
        "itu; bila inovasi daerah lain itu ditiru (direplikasi) di sini, catat inovasi hasil "
        "tiruannya sebagai inovasi sendiri, atau bila daerah lain meniru inovasi kita, catat "
        "daerah itu di 'replikasi' inovasi kita.",
    ),
    Code.PERSONAL_DATA: Explanation(
        "Data pribadi",
        "NIK, nomor ponsel pribadi, surel pribadi dan alamat rumah tidak boleh diterbitkan; "
        "hapus atau ganti dengan kontak kantor. Repositori ini publik, termasuk komentarnya.",
    ),
    Code.PERSONAL_DATA_IN_NAME: Explanation(
        "Data pribadi pada nama berkas",
        "Ganti nama berkas tanpa nama orang, NIK atau kata seperti 'ktp'.",
    ),
    Code.PERSONAL_DATA_IN_PDF: Explanation(
        "Data pribadi di dalam PDF",
        "Hitamkan (redaksi) data pribadi di PDF lalu unggah ulang. Periksa juga komentar "
        "(anotasi), penanda (bookmark), isian formulir dan properti dokumen (Judul, Penulis, "
        "Subjek, Kata kunci): semuanya ikut diperiksa.",
    ),
    Code.VERIFIER_NOT_A_TEAM: Explanation(
        "Pemverifikasi ditulis sebagai nama orang",
        "Isi 'oleh' dengan nama tim atau jabatan, bukan nama orang; nama itu harus memuat "
        "salah satu kata seperti Pokja, Tim, Kelompok, Panitia, Sekretariat, Bapperida, "
        "Bappeda, Balitbangda, Badan, Dinas, Bidang, Bagian, Subbagian, Seksi, Unit, "
        "Verifikator atau Penilai, misalnya 'Pokja Inovasi Daerah'.",
    ),
    Code.PHOTO_LOCATION: Explanation(
        "Foto menyimpan lokasi GPS",
        "Foto asli di repositori publik dapat diunduh siapa pun, termasuk lokasi tempat foto "
        "diambil. Hapus data lokasi sebelum mengunggah: di Windows klik kanan berkas, "
        "Properties, Details, 'Remove Properties and Personal Information'; di ponsel matikan "
        "tag lokasi kamera, atau kirim foto lewat WhatsApp lalu simpan salinannya.",
    ),
    Code.RANCANG_BANGUN_SHORT: Explanation(
        "Rancang bangun terlalu pendek (peringatan)",
        "IID mengharapkan rancang bangun paling sedikit 300 kata.",
    ),
    Code.KIPP_TOO_LONG: Explanation(
        "Bagian proposal KIPP melebihi batas kata (peringatan)",
        "Ringkas bagian itu sampai batas kata KIPP.",
    ),
    Code.VERIFIED_ABOVE_CLAIM: Explanation(
        "Penilaian pokja di atas klaim (galat)",
        "Pokja tidak menilai lebih tinggi daripada yang diklaim: bila buktinya memang "
        "mendukung tingkat yang lebih tinggi, admin menaikkan dulu klaimnya di inovasi.yaml; "
        "bila tidak, turunkan tingkat di verifikasi.yaml. Kode ini dulu peringatan; kini galat, "
        "agar skor terverifikasi tidak pernah melebihi klaim.",
    ),
    Code.VERIFIED_UNCLAIMED: Explanation(
        "Penilaian pokja untuk indikator yang tidak diklaim (peringatan)",
        "Hapus penilaian itu atau minta admin menambah klaimnya.",
    ),
    Code.EVIDENCE_TOO_OLD: Explanation(
        "Bukti dukung lebih tua daripada yang diakui kerangka (peringatan)",
        "Beberapa indikator hanya mengakui bukti tahun-tahun terakhir (misalnya anggaran T-0 "
        "sampai T-2, sosialisasi 2 tahun terakhir). Lampirkan bukti yang lebih baru untuk "
        "tahun pelaporan itu; bukti lama boleh tetap ada di riwayat.",
    ),
    Code.ADVICE: Explanation(
        "Saran menaikkan skor (info)",
        "Bukan galat: bukti dukung yang bisa ditambahkan untuk menaikkan skor.",
    ),
    Code.MANDATORY_MISSING: Explanation(
        "Indikator wajib belum diklaim (info)",
        "Bukan galat: indikator yang diwajibkan kerangka IID belum punya bukti.",
    ),
    Code.NEWS_RECORD: Explanation(
        "Data dari pemberitaan (info)",
        "Bukan galat: data ini diambil dari berita dan menunggu konfirmasi perangkat daerah.",
    ),
    Code.FRAMEWORK_ESTIMATED: Explanation(
        "Skor perkiraan: kerangka tahun itu belum terbit (info)",
        "Bukan galat: kerangka IID untuk tahun pelaporan terakhir belum diterbitkan, jadi skor "
        "dihitung dengan kerangka terbaru dan ditandai perkiraan sampai kerangkanya terbit.",
    ),
    Code.CONFIG_MISSING: Explanation(
        "mkdocs.yml tidak ditemukan",
        "Jalankan perintah dari folder proyek yang berisi mkdocs.yml.",
    ),
    Code.CONFIG_REFUSED: Explanation(
        "mkdocs.yml ditolak",
        "Konfigurasi situs tidak boleh memuat skrip, hook atau plugin di luar daftar yang "
        "diizinkan; kembalikan bagian yang disebut.",
    ),
    Code.THEME_MISSING: Explanation(
        "Folder tema overrides/ tidak ditemukan",
        "Folder overrides/ berisi templat situs dan kebijakan keamanan halamannya; situs tidak "
        "dibangun tanpanya. Pulihkan folder itu dari repositori (git checkout -- overrides).",
    ),
    Code.OUTPUT_UNSAFE: Explanation(
        "Halaman keluaran tidak aman",
        "Sebuah halaman memuat skrip atau sumber dari situs lain; situs tidak diterbitkan. "
        "Perbaiki teks atau templat yang disebut pesan.",
    ),
    Code.BUILD_TARGET: Explanation(
        "Folder tujuan build ditolak",
        "Pilih folder kosong atau folder situs yang dibuat oleh 'sepeda build'.",
    ),
    Code.CONFIG_PATH: Explanation(
        "Folder di mkdocs.yml keluar dari proyek",
        "docs_dir harus docs dan site_dir harus site; watch dan innovations_dir menunjuk ke "
        "folder di dalam proyek, bukan tautan simbolik. MkDocs biasa mengosongkan site_dir "
        "sebelum membangun, jadi folder lain bisa terhapus. Untuk membangun ke folder lain "
        "pakai 'sepeda build --out FOLDER'.",
    ),
}
