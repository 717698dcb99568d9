"""The yearly book at scale, and the choice of its typesetter (``bench/RESULTS.md``).

``python -m bench.book PROJECT YEAR`` times the phases of ``sepeda buku`` in one process
(checking the catalogue with its media, the book's data, Typst) and builds the book twice to
compare the bytes. ``--dump DIR`` also writes what the template reads (``data.json``, the QR
codes and the photos), so that the same book can be typeset by another engine:
``python bench/book.py --weasyprint DIR`` (run with a Python that has WeasyPrint and
Debian's Pango; WeasyPrint is not a dependency of the project) renders the same content as
HTML and CSS (cover, contents with page ranges from ``target-counter``, a chapter per agency,
a page per innovation with its table, photo and QR code, both indexes) and prints its time,
peak memory and whether two runs are byte-identical. Whole-process figures (wall clock,
maximum resident set) are taken with ``/usr/bin/time -v`` around these commands.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import resource
import sys
import time
from pathlib import Path


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def typst_phases(project: Path, year: int, dump: Path | None) -> None:
    from dataclasses import replace  # the project's own modules: only in its environment

    from generator.outputs import book
    from generator.site import pipeline

    settings = pipeline.Settings.for_project(project, pipeline.CATALOGUE_DIR)
    settings = replace(settings, history=replace(settings.history, data_date=None))
    start = time.perf_counter()
    findings, loaded, scores = pipeline._load(settings, publish=True)
    assert loaded is not None and loaded.catalogue is not None, findings
    checked = time.perf_counter()
    data = book.book_data(
        loaded.catalogue, scores, loaded.media, settings.history, settings.region, year
    )
    prepared = time.perf_counter()
    when = book.timestamp(settings.history, year)
    first = book.typeset(data, loaded.media, when)
    typeset = time.perf_counter()
    second = book.typeset(data, loaded.media, when)
    count = sum(len(c["inovasi"]) for c in data["bab"])  # type: ignore[attr-defined]
    print(f"innovations in {year}: {count}")
    print(f"check + media: {checked - start:.1f} s")
    print(f"book data: {prepared - checked:.1f} s")
    print(f"typst: {typeset - prepared:.1f} s, {len(first) / 1e6:.1f} MB")
    print(f"second build identical: {first == second}")
    print(f"peak RSS: {_rss_mib():.0f} MiB")
    if dump is not None:
        dump.mkdir(parents=True, exist_ok=True)
        (dump / "data.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
        for chapter in data["bab"]:  # type: ignore[attr-defined]
            for item in chapter["inovasi"]:
                (dump / "qr").mkdir(exist_ok=True)
                (dump / item["qr"]).write_bytes(book.qr_svg(item["alamat"]))
                if item["foto"]:
                    target = dump / item["foto"]["berkas"]
                    target.parent.mkdir(parents=True, exist_ok=True)
                    _, slug, name = item["foto"]["berkas"].split("/", 2)
                    target.write_bytes(loaded.media[book.photo_uri(slug, name)])


_CSS = """
@page { size: A4; margin: 2cm 2cm 2.2cm; @bottom-right { content: counter(page); } }
@page cover { @bottom-right { content: none; } }
body { font-family: "DejaVu Serif"; font-size: 10.5pt; }
.cover { page: cover; }
h1, h2 { color: #1b4d3e; } h1 { break-before: page; }
.inovasi { break-before: page; }
a.ref::after { content: leader('.') target-counter(attr(href), page); }
a.ref { display: block; color: inherit; text-decoration: none; }
table { border-collapse: collapse; font-size: 9pt; width: 100%; }
td, th { border: 0.4pt solid #aaa; padding: 3pt; }
.qr { float: right; width: 3.2cm; } .foto img { height: 5.5cm; }
.indeks { columns: 2; font-size: 9pt; }
"""


def _e(value: object) -> str:
    return html.escape(str(value))


def _html(data: dict) -> str:  # type: ignore[type-arg]
    out = [f"<html lang='id'><head><meta charset='utf-8'><title>{_e(data['judul'])}</title>"]
    out.append(f"<style>{_CSS}</style></head><body><section class='cover'>")
    out.append(f"<p>{_e(data['pemda'])}</p><p style='font-size:34pt'>{_e(data['judul'])}</p>")
    out += [f"<p>{_e(s)}</p>" for s in [*data["sampul"], *data["sampul_sumber"]]]
    out += [f"<p>{_e(h['ringkasan'])}</p>" for h in data["hasil"]]
    out.append("</section><h1>Daftar isi</h1>")
    out += [f"<a class='ref' href='#opd-{b['slug']}'>{_e(b['nama'])}</a>" for b in data["bab"]]
    for b in data["bab"]:
        out.append(f"<h1 id='opd-{b['slug']}'>{_e(b['nama'])}</h1><p>{_e(b['jumlah_teks'])}</p>")
        out += [f"<a class='ref' href='#i-{i['slug']}'>{_e(i['nama'])}</a>" for i in b["inovasi"]]
        for i in b["inovasi"]:
            out.append(f"<section class='inovasi'><h2 id='i-{i['slug']}'>{_e(i['nama'])}</h2>")
            out.append(f"<img class='qr' src='{i['qr']}'><table>")
            out += [f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in i["profil"]]
            out.append("</table>")
            out += [f"<p>{_e(p)}</p>" for p in i["ringkasan"]]
            if i["foto"]:
                out.append(f"<figure class='foto'><img src='{i['foto']['berkas']}'>")
                out.append(f"<figcaption>{_e(i['foto']['keterangan'])}</figcaption></figure>")
            out.append(f"<p>{_e(i['skor'])}</p><table><tr><th>No.</th><th>Indikator</th>")
            out.append("<th>Klaim</th><th>Pokja</th></tr>")
            out += [
                f"<tr><td>{r['nomor']}</td><td>{_e(r['nama'])}</td><td>{_e(r['klaim'])}</td>"
                f"<td>{_e(r['pokja'])}</td></tr>"
                for r in i["indikator"]
            ]
            out.append("</table><ul>")
            out += [f"<li>{_e(a)}</li>" for a in i["penghargaan"]]
            out.append("</ul></section>")
    for title, groups in (
        ("Indeks urusan", data["indeks_urusan"]),
        ("Indeks TPB", data["indeks_tpb"]),
    ):
        out.append(f"<h1>{title}</h1><div class='indeks'>")
        for g in groups:
            out.append(f"<p><b>{_e(g['nama'])}</b></p>")
            out += [
                f"<a class='ref' href='#i-{i['slug']}'>{_e(i['nama'])}</a>" for i in g["inovasi"]
            ]
        out.append("</div>")
    return "".join(out) + "</body></html>"


def weasyprint_run(folder: Path) -> None:
    import weasyprint  # type: ignore[import-not-found]

    data = json.loads((folder / "data.json").read_text("utf-8"))
    source = _html(data)
    digests = []
    for _ in range(2):
        start = time.perf_counter()
        pdf = weasyprint.HTML(string=source, base_url=str(folder)).write_pdf()
        print(f"weasyprint {weasyprint.__version__}: {time.perf_counter() - start:.1f} s, "
              f"{len(pdf) / 1e6:.1f} MB")  # fmt: skip
        digests.append(hashlib.sha256(pdf).hexdigest())
        (folder / "weasyprint.pdf").write_bytes(pdf)
    print(f"second build identical: {digests[0] == digests[1]}")
    print(f"peak RSS: {_rss_mib():.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path, nargs="?")
    parser.add_argument("year", type=int, nargs="?")
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--weasyprint", type=Path, metavar="DIR")
    args = parser.parse_args()
    if args.weasyprint:
        weasyprint_run(args.weasyprint)
    elif args.project and args.year:
        typst_phases(args.project, args.year, args.dump)
    else:
        parser.error("PROJECT YEAR, or --weasyprint DIR")


if __name__ == "__main__":
    sys.exit(main())
