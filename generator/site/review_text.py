"""``sepeda review``'s page for the pokja: the comparison as inert Markdown (the pull-request
comment) and as JSON. Everything a contributor wrote is printed inert (:func:`inert`,
:func:`code`): mentions, links, images and HTML render as text."""

from __future__ import annotations

import json
import re
from typing import Any

from generator.base.diagnostics import Severity
from generator.site.review import EvidenceItem, FileChange, InnovationReview, Review, level

# ---- Inert Markdown -------------------------------------------------------------------------

WORD_JOINER = "\u2060"
_PUNCTUATION = re.compile(r"([\\`*_\[\]()#!|<>~&])")
"""What can start inline Markdown or HTML; inert text never starts a line, so block markers
(``-``, ``+``, ``1.``) need no escape."""


def inert(text: str) -> str:
    """Contributor text as Markdown that renders as exactly that text: one line, every
    Markdown and HTML metacharacter backslash-escaped, mentions (``@user``, ``@org/team``),
    issue references (``#12``), autolinks (``https://``, ``www.``) and e-mail addresses
    broken by an invisible word joiner so that GitHub links and notifies nothing."""
    text = " ".join(str(text).split())
    text = text.replace("@", "@" + WORD_JOINER)
    text = re.sub(r"(?i)(www)\.", r"\1" + WORD_JOINER + ".", text)
    text = text.replace("://", ":" + WORD_JOINER + "//")
    text = re.sub(r"#(?=\d)", "#" + WORD_JOINER, text)
    return _PUNCTUATION.sub(r"\\\1", text)


def code(text: str) -> str:
    """Contributor text as a code span (paths, slugs): literal, nothing inside is parsed."""
    body = " ".join(str(text).split()).replace("`", "'")
    return f"`{body}`"


def _kb(size: int | None) -> str:
    if size is None:
        return "–"
    return f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} B"


# ---- Markdown -------------------------------------------------------------------------------


def markdown(r: Review) -> str:
    """The pokja's page for the pull request, in Bahasa Indonesia, inert Markdown."""
    base, head = r.commits
    lines = [
        f"## Ringkasan untuk pokja (dibanding {code(r.base)})",
        "",
        f"Dibandingkan: commit {code(head)} terhadap titik cabang {code(base)}; hanya "
        "perubahan yang sudah di-commit.",
        "",
    ]
    if r.uncommitted:
        lines += [
            f"> Ada {len(r.uncommitted)} berkas yang belum di-commit (tidak ikut dibandingkan): "
            + ", ".join(code(p) for p in r.uncommitted[:10])
            + (" …" if len(r.uncommitted) > 10 else ""),
            "",
        ]
    if r.warnings:
        lines += ["### Perlu keputusan pokja", ""] + [f"- ⚠️ {inert(w)}" for w in r.warnings]
        lines.append("")
    unfinished = [i for i in r.innovations if not i.valid]
    if unfinished:
        lines += ["### Belum selesai atau tidak sah", ""]
        for item in unfinished:
            errors = sum(f.severity is Severity.ERROR for f in item.findings)
            lines.append(
                f"- {code(item.key)}: {errors} galat (temuan di bawah); bukan penghapusan, "
                "inovasi lain tidak berubah"
            )
        lines.append("")
    titles = {"baru": "Inovasi baru", "diubah": "Inovasi diubah", "dipindah": "Inovasi dipindah"}
    for item in r.innovations:
        lines += _innovation_markdown(item, titles[item.state])
    if r.removed:
        lines += ["### Inovasi dihapus", ""]
        for item in r.removed:
            name = f" {inert(item.name)}" if item.name else ""
            lines.append(f"- {code(item.key)}{name} (skor klaim {level(item.claimed[0])})")
        lines.append("")
    if r.other_files:
        lines += ["### Berkas perangkat daerah", ""]
        lines += [f"- {_file_line(c)}" for c in r.other_files] + [""]
    lines += ["### Temuan pemeriksaan pada berkas yang berubah", ""]
    if r.findings:
        lines += ["```text", *(str(f).replace("```", "'''") for f in r.findings), "```", ""]
    else:
        lines += ["Tidak ada temuan.", ""]
    return "\n".join(lines)


def _file_line(c: FileChange) -> str:
    if c.kind == "diganti":
        return f"diganti isinya {code(c.path)} ({_kb(c.old_size)} → {_kb(c.size)})"
    if c.kind == "dihapus":
        return f"dihapus {code(c.path)} ({_kb(c.old_size)})"
    if c.kind == "dipindah":
        return f"dipindah {code(c.old_path or '')} → {code(c.path)} ({_kb(c.size)})"
    return f"ditambah {code(c.path)} ({_kb(c.size)})"


def _innovation_markdown(item: InnovationReview, title: str) -> list[str]:
    name = inert(item.name) if item.name else "(nama belum terbaca)"
    lines = [f"### {title}: {name} ({code(item.key)})", ""]
    if item.old_key:
        lines += [f"Dipindah dari {code(item.old_key)}.", ""]
    facts = [f"Perangkat daerah: {inert(item.agency or '–')}"]
    if item.stage:
        facts.append(f"tahapan: {inert(item.stage)}")
    facts.append(f"skor klaim: {level(item.claimed[0])} → {level(item.claimed[1])}")
    facts.append(f"skor terverifikasi: {level(item.verified[0])} → {level(item.verified[1])}")
    lines += ["; ".join(facts) + ".", ""]
    if not item.valid:
        lines += ["Berkas ini belum sah; lihat temuannya di bawah.", ""]
    if item.indicators:
        lines += [
            "| Indikator | Klaim | Bukti dukung | Penilaian pokja | Perubahan |",
            "|---|---|---|---|---|",
        ]
        for row in item.indicators:
            claim = "–"
            if row.claimed is not None:
                claim = str(row.claimed) + (f": {inert(row.parameter)}" if row.parameter else "")
            evidence = "<br>".join(_evidence(e) for e in row.evidence) or "tanpa bukti"
            verdict = level(row.verified)
            if row.note:
                verdict += f": {inert(row.note)}"
            changes = "; ".join(inert(c) for c in row.changes) or ""
            lines.append(f"| {inert(row.name)} | {claim} | {evidence} | {verdict} | {changes} |")
        lines.append("")
    if item.fields:
        lines += ["| Isian | Sebelum | Sesudah |", "|---|---|---|"]
        lines += [f"| {code(k)} | {inert(a)} | {inert(b)} |" for k, a, b in item.fields]
        lines.append("")
    if item.files:
        lines += ["Berkas:", ""] + [f"- {_file_line(c)}" for c in item.files] + [""]
    return lines


def _evidence(e: EvidenceItem) -> str:
    if e.size is not None or not e.name.startswith("https://"):
        text = f"{code(e.name)} ({_kb(e.size)})"
    else:
        text = inert(e.name)
    if e.title:
        text += f", {inert(e.title)}"
    if e.number:
        text += f", nomor {inert(e.number)}"
    if e.change:
        text += f" ({inert(e.change)})"
    return text


# ---- JSON -----------------------------------------------------------------------------------


def _file_json(c: FileChange) -> dict[str, Any]:
    return {"berkas": c.path, "perubahan": c.kind, "ukuran": c.size, "ukuran_lama": c.old_size,
            "dari": c.old_path}  # fmt: skip


def as_json(r: Review) -> str:
    def innovation(i: InnovationReview) -> dict[str, Any]:
        return {
            "kunci": i.key,
            "keadaan": i.state,
            "dari": i.old_key,
            "nama": i.name,
            "perangkat_daerah": i.agency,
            "tahapan": i.stage,
            "sah": i.valid,
            "skor_klaim": {"sebelum": i.claimed[0], "sesudah": i.claimed[1]},
            "skor_terverifikasi": {"sebelum": i.verified[0], "sesudah": i.verified[1]},
            "indikator": [
                {
                    "kunci": row.key,
                    "nama": row.name,
                    "klaim": {"sebelum": row.claimed_before, "sesudah": row.claimed},
                    "parameter": row.parameter,
                    "bukti": [
                        {
                            "nama": e.name,
                            "ukuran": e.size,
                            "judul": e.title,
                            "nomor": e.number,
                            "perubahan": e.change,
                        }
                        for e in row.evidence
                    ],
                    "pokja": {"sebelum": row.verified_before, "sesudah": row.verified},
                    "catatan_pokja": row.note,
                    "perubahan": row.changes,
                }
                for row in i.indicators
            ],
            "isian": [{"isian": f, "sebelum": a, "sesudah": b} for f, a, b in i.fields],
            "berkas": [_file_json(c) for c in i.files],
            "temuan": [str(f) for f in i.findings],
        }

    data = {
        "base": r.base,
        "commit": {"titik_cabang": r.commits[0], "usulan": r.commits[1]},
        "inovasi": [innovation(i) for i in r.innovations],
        "dihapus": [innovation(i) for i in r.removed],
        "berkas_lain": [_file_json(c) for c in r.other_files],
        "peringatan": r.warnings,
        "temuan": [str(f) for f in r.findings],
        "belum_dicommit": r.uncommitted,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
