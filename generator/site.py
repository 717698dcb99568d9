"""The whole pipeline in one call: innovations tree → every file the site publishes.

``generate`` reads and checks the catalogue, scores it, plans and renders the pages, draws
the covers, writes the open-data exports and re-encodes the media; it returns ``None`` and
the findings when anything is wrong, so nothing half-built is ever published. The MkDocs
plugin and the CLI both call this, so there is one path to the site.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from generator import export, media, pages, render, scoring, vocab
from generator.catalogue import Catalogue, load_catalogue
from generator.diagnostics import Finding

WITA = timezone(timedelta(hours=8), "WITA")


def today() -> date:
    """The build date in Balangan (WITA); ``SEPEDA_TODAY=YYYY-MM-DD`` overrides it (tests)."""
    override = os.environ.get("SEPEDA_TODAY")
    if override:
        return date.fromisoformat(override)
    return datetime.now(WITA).date()


@dataclass(frozen=True)
class Output:
    """Everything the site publishes from the catalogue: site URI → text or bytes."""

    catalogue: Catalogue
    scores: dict[str, scoring.InnovationScore]
    files: dict[str, str | bytes]


def score_catalogue(catalogue: Catalogue) -> dict[str, scoring.InnovationScore]:
    """Scores of every innovation, keyed by slug."""
    return {i.slug: scoring.score_innovation(i, catalogue.reference) for i in catalogue.innovations}


def render_pages(
    catalogue: Catalogue, scores: dict[str, scoring.InnovationScore]
) -> dict[str, str]:
    """Every generated Markdown page: source URI → Markdown."""
    env = render.environment()
    env.globals["vocab"] = vocab
    return {
        page.uri: render.render(env, page.template, page.context)
        for page in pages.plan_pages(catalogue, scores)
    }


def _media_files(catalogue: Catalogue) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for innovation in catalogue.innovations:
        names = {m.berkas for m in innovation.data.media}
        names |= {b.berkas for c in innovation.data.indikator.values() for b in c.bukti if b.berkas}
        for name in sorted(names):
            path = innovation.folder / name
            if name.lower().endswith(".pdf"):
                content = media.publish_pdf(path)
            else:
                content = media.publish_image(path)
            files[f"inovasi/{innovation.slug}/{name}"] = content
    return files


def _fingerprint(innovations_dir: Path) -> tuple[tuple[str, int, int], ...]:
    """Every file under the catalogue with its size and modification time."""
    if not innovations_dir.is_dir():
        return ()
    return tuple(
        (str(path), stat.st_size, stat.st_mtime_ns)
        for path in sorted(innovations_dir.rglob("*"))
        if (stat := path.lstat())
    )


_last: dict[tuple[object, ...], tuple[Output | None, list[Finding]]] = {}


def generate(innovations_dir: Path, root: Path) -> tuple[Output | None, list[Finding]]:
    """Check the catalogue and, when it has no errors, produce every published file.

    The result is reused while no file under the catalogue changed (``sepeda build`` checks,
    then lets MkDocs build through the plugin: the catalogue is read once).
    """
    key = (innovations_dir.resolve(), root.resolve(), today(), _fingerprint(innovations_dir))
    if key not in _last:
        _last.clear()
        _last[key] = _generate(innovations_dir, root)
    return _last[key]


def _generate(innovations_dir: Path, root: Path) -> tuple[Output | None, list[Finding]]:
    catalogue, findings = load_catalogue(innovations_dir, root, today())
    if catalogue is None:
        return None, findings
    scores = score_catalogue(catalogue)
    files: dict[str, str | bytes] = {}
    files.update(render_pages(catalogue, scores))
    files.update(pages.covers(catalogue))
    files.update(export.export_files(catalogue, scores))
    files.update(_media_files(catalogue))
    return Output(catalogue, scores, files), findings
