"""Rules that look beyond one value: across files, against the disk, and over raw text.

Runs on records that passed schema validation (so values are typed) and reports findings at
the position of the value concerned. Owns: slugs (format, uniqueness), references between
records (``induk``, ``replikasi.inovasi``), files on disk (referenced, present, safe, nothing
unreferenced), personal data in YAML text, and the advisory warnings (rancang bangun length,
proposal word limits, verification of unclaimed indicators).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from pathlib import Path

from generator.base import history, urls, vocab
from generator.base.codes import Code
from generator.base.diagnostics import Finding, Severity, field_path
from generator.catalogue import media, media_batch
from generator.catalogue.records import (
    INOVASI_FILE,
    VERIFIKASI_FILE,
    Catalogue,
    Innovation,
    Source,
)
from generator.record import pii
from generator.record.models import Inovasi
from generator.record.yamlfile import Loc

_YAML_FILES = {INOVASI_FILE, VERIFIKASI_FILE}


def _at(
    source: Source, loc: Loc, severity: Severity, message: str, code: Code, *, key: bool = False
) -> Finding:
    position = source.doc.where(loc, key=key)
    return Finding(
        source.path, position.line, position.column, severity, field_path(loc), message, code
    )


def check_slug(name: str, shown: str, what: str) -> list[Finding]:
    """A folder name must be a slug: it becomes a permanent public URL."""
    if name in urls.RESERVED_SLUGS and what == "inovasi":
        message = f"nama folder '{name}' dipakai oleh halaman situs; pilih nama inovasi lain"
        return [Finding(shown, 1, 1, Severity.ERROR, "(folder)", message, Code.FOLDER_NAME)]
    if urls.is_slug(name):
        return []
    return [
        Finding(
            shown,
            1,
            1,
            Severity.ERROR,
            "(folder)",
            f"nama folder {what} '{name}' tidak sah; pakai huruf kecil, angka dan '-', "
            f"misalnya '{urls.slugify(name) or 'nama-inovasi'}'",
            Code.FOLDER_NAME,
        )
    ]


def _arrival(innovation: Innovation) -> tuple[int, int, str]:
    """Sort key of innovations sharing a slug: the first committed comes first, one not
    committed yet (new in the working copy) last, then by path."""
    added = history.first_committed(innovation.folder, INOVASI_FILE)
    return (added is None, added or 0, innovation.source.path)


def _unique_slugs(catalogue: Catalogue) -> Iterator[Finding]:
    """A slug used twice is blamed on the newcomer (the innovation added later, per Git),
    never on the published one, whose address must not change."""
    owners: dict[str, list[Innovation]] = defaultdict(list)
    for innovation in catalogue.innovations:
        owners[innovation.slug].append(innovation)
    for slug, same in owners.items():
        if len(same) > 1:
            same = sorted(same, key=_arrival)
        for innovation in same[1:]:
            first = same[0].source.path
            yield Finding(
                innovation.source.path,
                1,
                1,
                Severity.ERROR,
                "(folder)",
                f"slug '{slug}' sudah dipakai oleh {first}; slug inovasi harus unik di seluruh "
                "katalog: ganti nama folder ini",
                Code.SLUG_TAKEN,
            )


def _references(catalogue: Catalogue, agencies: list[str], slugs: list[str]) -> Iterator[Finding]:
    """``induk`` and ``replikasi.inovasi`` must name folders of the catalogue.

    They are resolved against every folder found, valid or not, so that one broken record
    does not cascade into errors in the records that point at it.
    """
    for agency in catalogue.agencies:
        induk = agency.data.induk
        if induk is not None and (induk not in agencies or induk == agency.slug):
            hint = vocab.did_you_mean(induk, [a for a in agencies if a != agency.slug])
            yield _at(
                agency.source,
                ("induk",),
                Severity.ERROR,
                f"perangkat daerah induk '{induk}' tidak ada di katalog; tulis slug folder "
                f"perangkat daerah lain{hint}",
                Code.PARENT_UNKNOWN,
            )
    for innovation in catalogue.innovations:
        for index, item in enumerate(innovation.data.replikasi):
            target = item.inovasi
            if target is not None and (target not in slugs or target == innovation.slug):
                hint = vocab.did_you_mean(target, [s for s in slugs if s != innovation.slug])
                yield _at(
                    innovation.source,
                    ("replikasi", index, "inovasi"),
                    Severity.ERROR,
                    f"inovasi '{target}' tidak ada di katalog; tulis slug inovasi lain atau "
                    f"hapus baris ini{hint}",
                    Code.REPLICATION_UNKNOWN,
                )


def _referenced_files(innovation: Innovation) -> Iterator[tuple[Loc, str]]:
    for index, item in enumerate(innovation.data.media):
        yield ("media", index, "berkas"), item.berkas
    for key, claim in innovation.data.indikator.items():
        for index, bukti in enumerate(claim.bukti):
            if bukti.berkas is not None:
                yield ("indikator", key, "bukti", index, "berkas"), bukti.berkas


def _present(innovation: Innovation) -> dict[str, Path]:
    return {p.name: p for p in innovation.folder.iterdir() if not p.name.startswith(".")}


def _media_jobs(
    innovation: Innovation, present: Mapping[str, Path], allowed: set[str]
) -> Iterator[Path]:
    """The referenced files that exist in the folder, each once, within the caps of
    :func:`_caps` (a name :func:`_files` refuses is inspected too, and its outcome not used:
    names are checked once, there)."""
    names = dict.fromkeys(name for _loc, name in _referenced_files(innovation))
    yield from (present[name] for name in names if name in present and name in allowed)


def _size(path: Path | None) -> int:
    try:
        return path.lstat().st_size if path is not None else 0
    except OSError:
        return 0


def _caps(innovation: Innovation, present: Mapping[str, Path]) -> tuple[list[Finding], set[str]]:
    """At most :data:`~media.MAX_FILES_PER_RECORD` files of at most
    :data:`~media.MAX_RECORD_BYTES` together; returns the finding at the first file beyond
    a cap and the names before it (the only ones inspected, so that 500 photos cost no
    more than 60)."""
    first: dict[str, Loc] = {}
    for loc, name in _referenced_files(innovation):
        first.setdefault(name, loc)
    names = list(first)
    sizes = [_size(present.get(name)) for name in names]
    total = 0
    for index, (name, size) in enumerate(zip(names, sizes, strict=True)):
        total += size
        if index >= media.MAX_FILES_PER_RECORD:
            message = (
                f"inovasi ini merujuk {len(names)} berkas (foto dan PDF); paling banyak "
                f"{media.MAX_FILES_PER_RECORD} berkas per inovasi, jadi berkas ke-{index + 1} "
                "ini dan sesudahnya belum diperiksa: pilih foto yang paling menggambarkan "
                "inovasi dan gabungkan bukti yang sejenis ke satu PDF"
            )
        elif total > media.MAX_RECORD_BYTES:
            megabytes = f"{sum(sizes) / (1024 * 1024):.1f}".replace(".", ",")
            message = (
                f"ukuran seluruh berkas inovasi ini {megabytes} MB; paling besar "
                f"{media.MAX_RECORD_BYTES // (1024 * 1024)} MB per inovasi, terlampaui pada "
                "berkas ini (berkas ini dan sesudahnya belum diperiksa): perkecil foto "
                "(1600 piksel sisi terpanjang sudah cukup) atau hapus berkas yang tidak perlu"
            )
        else:
            continue
        finding = _at(innovation.source, first[name], Severity.ERROR, message, Code.MEDIA_TOO_MANY)
        return [finding], set(names[:index])
    return [], set(names)


def _files(
    innovation: Innovation,
    present: Mapping[str, Path],
    outcomes: Mapping[Path, media_batch.Outcome],
    published: dict[str, bytes] | None,
) -> Iterator[Finding]:
    """Referenced files: present, safe; nothing unreferenced. Fills ``published`` if given.

    ``outcomes`` holds the inspection of every file :func:`_media_jobs` named."""
    referenced: set[str] = set()
    for loc, name in _referenced_files(innovation):
        first = name not in referenced
        referenced.add(name)
        problems = media.check_name(name)
        if not problems:
            path = present.get(name)
            if path is None:
                candidates = [n for n in present if n not in _YAML_FILES]
                hint = vocab.did_you_mean(name, candidates)
                yield _at(
                    innovation.source,
                    loc,
                    Severity.ERROR,
                    f"berkas '{name}' tidak ada di folder inovasi; unggah berkasnya ke folder "
                    f"yang sama dengan inovasi.yaml atau perbaiki namanya{hint}",
                    Code.FILE_MISSING,
                )
                continue
            if path not in outcomes:
                continue  # beyond the caps of _caps: not inspected, already a finding
            problems, content = outcomes[path]
            if first and content is not None and published is not None:
                _publish(innovation.slug, name, content, published)
        # A name that itself holds personal data is never echoed (CI logs are public).
        shown = "berkas ini" if pii.scan_text(name) else name
        for problem in problems:
            where = [problem.part] if problem.part else []
            where += [f"halaman {problem.page}"] if problem.page else []
            page = f" ({', '.join(where)})" if where else ""
            message = f"{shown}{page}: {problem.message}"
            yield _at(innovation.source, loc, Severity.ERROR, message, problem.code)
    for name, path in sorted(present.items()):
        if name in _YAML_FILES or name in referenced:
            continue
        what = "folder" if path.is_dir() and not path.is_symlink() else "berkas"
        yield Finding(
            innovation.source.path.rsplit("/", 1)[0] + "/" + name,
            1,
            1,
            Severity.ERROR,
            "(berkas)" if what == "berkas" else "(folder)",
            f"{what} '{name}' ada di folder inovasi tetapi tidak dirujuk di inovasi.yaml; "
            "tambahkan ke 'media' atau 'bukti', atau hapus dari folder (agar tidak ada yang "
            "terbit tanpa sengaja)",
            Code.FILE_UNREFERENCED,
        )


def _publish(slug: str, name: str, content: media.Published, published: dict[str, bytes]) -> None:
    published[urls.innovation_file(slug, name)] = content.data
    small = urls.small_file(slug, name)
    if content.small is not None:
        published[small] = content.small
    twin = urls.webp_copy(small)
    if content.small_webp is not None and twin is not None:
        published[twin] = content.small_webp


def _covers(innovation: Innovation) -> Iterator[Finding]:
    covers = [i for i, m in enumerate(innovation.data.media) if m.sampul]
    for index in covers[1:]:
        yield _at(
            innovation.source,
            ("media", index, "sampul"),
            Severity.ERROR,
            "hanya satu media boleh menjadi sampul; hapus 'sampul: true' dari media lainnya",
            Code.COVER,
        )
    for index in covers[:1]:
        if not urls.is_image(innovation.data.media[index].berkas):
            yield _at(
                innovation.source,
                ("media", index, "sampul"),
                Severity.ERROR,
                "sampul harus berupa foto (.jpg, .jpeg, .png atau .webp), bukan PDF",
                Code.COVER,
            )


def personal_data(source: Source) -> Iterator[Finding]:
    """Personal data anywhere in a file's text, comments included (the repo is public)."""
    for match in pii.scan_text(source.text):
        line, column = pii.line_col(source.text, match.start)
        line_start = match.start - (column - 1)
        in_comment = "#" in source.text[line_start : match.start]
        yield Finding(
            source.path,
            line,
            column,
            Severity.ERROR,
            "(komentar)" if in_comment else field_path(source.doc.loc_at(line, column)),
            f"tampak seperti {match.label} ({match.masked}); data pribadi tidak boleh "
            "diterbitkan: hapus atau ganti dengan kontak kantor",
            Code.PERSONAL_DATA,
        )


def _advice(innovation: Innovation) -> Iterator[Finding]:
    data = innovation.data
    if isinstance(data, Inovasi):
        words = data.rancang_bangun.words() if data.rancang_bangun else 0
        if words < vocab.RANCANG_BANGUN_MIN_WORDS:
            yield _at(
                innovation.source,
                ("rancang_bangun",),
                Severity.WARNING,
                f"rancang bangun baru {words} kata; IID mengharapkan paling sedikit "
                f"{vocab.RANCANG_BANGUN_MIN_WORDS} kata (dasar hukum, permasalahan, isu "
                "strategis, metode pembaharuan, keunggulan, cara kerja)",
                Code.RANCANG_BANGUN_SHORT,
            )
    for index, proposal in enumerate(data.proposal):
        if proposal.skema != "kipp":
            continue
        for key, text in proposal.bagian.items():
            label, limit = vocab.KIPP_BAGIAN[key]
            words = vocab.word_count(text)
            if words > limit:
                yield _at(
                    innovation.source,
                    ("proposal", index, "bagian", key),
                    Severity.WARNING,
                    f"bagian {label} {words} kata; batas KIPP {limit} kata",
                    Code.KIPP_TOO_LONG,
                )


def _verification(innovation: Innovation) -> Iterator[Finding]:
    verifikasi, source = innovation.verifikasi, innovation.verifikasi_source
    if verifikasi is None or source is None:
        return
    if verifikasi.oleh is not None and not vocab.names_a_team(verifikasi.oleh):
        yield _at(
            source,
            ("oleh",),
            Severity.ERROR,
            "'oleh' tampak seperti nama orang; tulis nama tim atau jabatan yang memuat kata "
            "seperti Pokja, Tim atau Bidang, misalnya 'Pokja Inovasi Daerah'",
            Code.VERIFIER_NOT_A_TEAM,
        )
    for key, decision in verifikasi.indikator.items():
        claim = innovation.data.indikator.get(key)
        if verifikasi.status == "ditolak" and decision.tingkat > 0:
            yield _at(
                source,
                ("indikator", key, "tingkat"),
                Severity.ERROR,
                "status 'ditolak' tidak memberi tingkat; tulis 'tingkat: 0' (alasannya di "
                "'catatan'), atau ganti status bila indikator ini diterima",
                Code.REJECTED_WITH_LEVELS,
            )
        if claim is not None and decision.tingkat > claim.tingkat:
            yield _at(
                source,
                ("indikator", key, "tingkat"),
                Severity.ERROR,
                f"tingkat yang diterima ({decision.tingkat}) lebih tinggi daripada tingkat yang "
                f"diklaim ({claim.tingkat}); pokja tidak menilai di atas klaim: admin menaikkan "
                f"dulu klaimnya di inovasi.yaml, atau tulis paling tinggi {claim.tingkat}",
                Code.VERIFIED_ABOVE_CLAIM,
            )
        if claim is None:
            yield _at(
                source,
                ("indikator", key),
                Severity.WARNING,
                f"indikator '{key}' tidak diklaim di inovasi.yaml; penilaian ini tidak dihitung",
                Code.VERIFIED_UNCLAIMED,
                key=True,
            )


def _own_region(catalogue: Catalogue, pemda: str) -> Iterator[Finding]:
    """A record's ``pemda``, when given, must be the catalogue's own regional government."""

    def folded(name: str) -> str:
        return " ".join(name.split()).casefold()

    for innovation in catalogue.innovations:
        theirs = innovation.data.pemda
        if theirs is not None and folded(theirs) != folded(pemda):
            yield _at(
                innovation.source,
                ("pemda",),
                Severity.ERROR,
                f"inovasi ini milik {theirs}, sedangkan katalog ini katalog {pemda}; hapus "
                f"folder inovasi ini, atau bila {theirs} mereplikasi inovasi {pemda}, catat "
                f"di 'replikasi' inovasi asalnya (pemda: {theirs})",
                Code.OTHER_REGION,
            )


def run_all(
    catalogue: Catalogue,
    agencies: list[str],
    slugs: list[str],
    *,
    pemda: str,
    publish: bool = False,
    memo: media_batch.MediaMemo | None = None,
) -> tuple[list[Finding], dict[str, bytes]]:
    """Every cross-file rule over the records that passed schema validation.

    ``agencies`` and ``slugs`` are every agency and innovation folder found, valid or not.
    With ``publish``, also returns every media file's published bytes (site URI → bytes),
    made while checking it, so each file is read and decoded once per build. Records naming
    a regional government other than ``pemda`` are refused. Media files are
    inspected together (:func:`generator.catalogue.media_batch.inspect_all`), on every core.
    """
    published: dict[str, bytes] | None = {} if publish else None
    findings: list[Finding] = [
        *_unique_slugs(catalogue),
        *_references(catalogue, agencies, slugs),
        *_own_region(catalogue, pemda),
    ]
    present = {i.folder: _present(i) for i in catalogue.innovations}
    caps = {i.folder: _caps(i, present[i.folder]) for i in catalogue.innovations}
    jobs = [
        (path, i.folder)
        for i in catalogue.innovations
        for path in _media_jobs(i, present[i.folder], caps[i.folder][1])
    ]
    outcomes = dict(
        zip(
            (path for path, _ in jobs),
            media_batch.inspect_all(jobs, publish=publish, memo=memo),
            strict=True,
        )
    )
    for innovation in catalogue.innovations:
        findings += caps[innovation.folder][0]
        findings += _files(innovation, present[innovation.folder], outcomes, published)
        findings += _covers(innovation)
        findings += _advice(innovation)
        findings += _verification(innovation)
    return findings, published or {}
