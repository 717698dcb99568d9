"""The one orchestrator: explicit settings in, an immutable result out, for every command.

``check`` reads and validates the catalogue (and ``mkdocs.yml``); ``build`` does the same
and then scores it, plans and renders every page, draws the covers, writes the exports and
takes the media published while they were checked. Each catalogue file is read once and
each image decoded once per call. Nothing is cached between calls unless the caller passes
a :class:`Memo` (``sepeda serve`` does), which only skips work whose inputs are unchanged,
so the same settings always give the same result, in any process. The MkDocs plugin and
the CLI are the only callers.

The other commands are here too, so that the CLI only parses arguments and prints:
``advice`` (the info findings of ``sepeda check``), ``select`` (``sepeda check PATH``),
``guard`` (``mkdocs.yml`` before ``sepeda build`` and ``serve``), ``export`` (the open data,
exactly the files a build publishes), ``codeowners``, ``new_innovation`` (``sepeda new``),
with ``write_files`` and ``stale_files`` to put a result's files on disk or compare them.
Whose catalogue it is (``Settings.region``), its history and its folder are always given.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from functools import partial
from pathlib import Path
from types import MappingProxyType

from generator.base.codes import Code
from generator.base.diagnostics import Finding, Severity, has_errors, sort_findings
from generator.base.history import History, read_history
from generator.base.reuse import FRESH, Reuse
from generator.base.urls import CATALOGUE_DIR
from generator.catalogue.loader import Loaded, Memo, load_catalogue
from generator.catalogue.records import INOVASI_FILE, VERIFIKASI_FILE, Catalogue
from generator.iid import advice as iid_advice
from generator.iid import freshness, todo
from generator.iid.projection import ScoreFor, YearProjection, regency_projection
from generator.iid.scoring import InnovationScore, ScorableInnovation, score_all, score_with
from generator.outputs import book as yearbook
from generator.outputs import cms, submission, vendor
from generator.outputs import codeowners as owners
from generator.outputs import export as open_data
from generator.pages import plan as pages
from generator.pages import render
from generator.pages.context import Page
from generator.pages.parts import Book
from generator.record.reference import Kerangka, Reference, load_reference
from generator.record.region import Region, read_region
from generator.site import config_guard, scaffold, selection
from generator.site import tidy as tidying
from generator.site.scaffold import Refused

__all__ = [
    "CATALOGUE_DIR",
    "Refused",
    "Result",
    "Settings",
    "advice",
    "book",
    "build",
    "check",
    "codeowners",
    "default_paths",
    "export",
    "guard",
    "new_innovation",
    "new_verification",
    "project_root",
    "scope_of",
    "select",
    "snapshot",
    "stale_files",
    "tidy",
    "todo_text",
    "unknown_paths",
    "write_files",
]

WITA = timezone(timedelta(hours=8), "WITA")


def today_in_balangan() -> date:
    """The date in Balangan (WITA); ``SEPEDA_TODAY=YYYY-MM-DD`` overrides it (tests)."""
    override = os.environ.get("SEPEDA_TODAY")
    if override:
        return date.fromisoformat(override)
    return datetime.now(WITA).date()


@dataclass(frozen=True)
class Settings:
    """Everything a run depends on, explicit: no global state is read after this."""

    root: Path
    innovations_dir: Path
    today: date
    reference: Reference
    config_file: Path | None
    history: History
    """Dates from Git (added, last changed, date of the data); empty outside a checkout."""
    region: Region
    """Whose catalogue this is: ``extra.pemda`` and ``site_url`` of ``mkdocs.yml``."""
    book: bool
    """Whether a build publishes the yearly book of its latest reporting year (``sepeda
    build --buku``, as CI does on the default branch); pages link to it only then."""
    exports: bool
    """Whether a build writes the open-data files (``sepeda serve`` does not: at 2,000
    innovations they cost 8 s of every rebuild, the workbook most)."""

    @property
    def katalog(self) -> str:
        """The catalogue folder relative to the project, with ``/`` (``innovations``); as
        given when it lies outside the project."""
        try:
            return self.innovations_dir.relative_to(self.root).as_posix()
        except ValueError:
            return self.innovations_dir.as_posix()

    @classmethod
    def for_project(
        cls,
        root: Path,
        katalog: str,
        *,
        today: date | None = None,
        dates: bool = True,
        book: bool = False,
        exports: bool = True,
    ) -> Settings:
        """Settings for a project folder (``mkdocs.yml`` beside the folder ``katalog``).

        ``dates=False`` skips reading the Git history: a check never prints a date, so
        ``sepeda check`` and ``sepeda review`` do not pay for ``git log``.
        """
        root = root.resolve()
        config = root / "mkdocs.yml"
        region = read_region(config) if config.is_file() else Region()
        return cls(
            root=root,
            innovations_dir=root / katalog,
            today=today or today_in_balangan(),
            reference=load_reference().for_pemda(region.pemda),
            config_file=config if config.is_file() else None,
            history=read_history(root, root / katalog) if dates else History(),
            region=region,
            book=book,
            exports=exports,
        )


@dataclass(frozen=True)
class Result:
    """What a run produced. ``files`` is empty unless it was a build without errors."""

    findings: tuple[Finding, ...]
    catalogue: Catalogue | None = None
    scores: Mapping[str, InnovationScore] = field(default_factory=lambda: MappingProxyType({}))
    projection: tuple[YearProjection, ...] = ()
    files: Mapping[str, str | bytes] = field(default_factory=lambda: MappingProxyType({}))
    """What a build produced (site URI → content); empty when a sink took it."""
    sources: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    written: tuple[str, ...] = ()
    """Every file a build produced, in order, also when a sink took them."""
    partial: Catalogue | None = None
    """``check`` only: every record valid on its own, also when there are errors."""

    @property
    def ok(self) -> bool:
        """True when there is no error finding."""
        return not has_errors(self.findings)


def _config_findings(settings: Settings) -> list[Finding]:
    if settings.config_file is None:
        return []
    return config_guard.check_config(settings.config_file, settings.root)


def _load(
    settings: Settings, *, publish: bool, memo: Memo | None = None, reuse: Reuse = FRESH
) -> tuple[tuple[Finding, ...], Loaded | None, dict[str, InnovationScore]]:
    """Configuration and catalogue findings; the loaded catalogue and its scores if clean."""
    findings, loaded, scores, _partial = _load_all(
        settings, publish=publish, memo=memo, reuse=reuse
    )
    return findings, loaded, scores


def _load_all(
    settings: Settings,
    *,
    publish: bool,
    memo: Memo | None = None,
    scope: frozenset[str] | None = None,
    reuse: Reuse = FRESH,
) -> tuple[tuple[Finding, ...], Loaded | None, dict[str, InnovationScore], Catalogue | None]:
    """As :func:`_load`, with every record valid on its own (also when there are errors);
    ``scope`` limits the reading to some folders (see :func:`scope_of`)."""
    loaded = load_catalogue(
        settings.innovations_dir,
        settings.root,
        settings.today,
        settings.reference,
        publish=publish,
        pemda=settings.region.pemda,
        memo=memo,
        scope=scope,
    )
    findings = tuple(sort_findings([*_config_findings(settings), *loaded.findings]))
    if loaded.catalogue is None or has_errors(findings):
        return findings, None, {}, loaded.partial
    scores = {s.slug: s for s in score_all(loaded.catalogue.innovations, settings.reference, reuse)}
    dated = freshness.year_findings(loaded.catalogue, scores)
    return tuple(sort_findings([*findings, *dated])), loaded, scores, loaded.partial


def _form_not_installed() -> Finding:
    return Finding(
        "mkdocs.yml",
        0,
        0,
        Severity.ERROR,
        "extra.formulir",
        f"formulir admin memerlukan Decap CMS {vendor.DECAP.version}, yang belum terpasang; "
        "jalankan 'make site' (atau 'python -m generator.outputs.vendor'), atau hapus "
        "extra.formulir",
        Code.CONFIG_REFUSED,
    )


def check(settings: Settings, scope: frozenset[str] | None = None) -> Result:
    """Validate the catalogue and the site configuration; score when there is no error.

    ``partial`` holds every record valid on its own, also when there are errors. ``scope``
    (from :func:`scope_of`) reads and checks only the folders a change concerns."""
    findings, loaded, scores, partial = _load_all(settings, publish=False, scope=scope)
    if loaded is None:
        return Result(findings, partial=partial)
    return Result(findings, loaded.catalogue, MappingProxyType(scores), partial=partial)


def snapshot(settings: Settings) -> Result:
    """``sepeda review``: every finding, and every record valid on its own with its scores,
    even when the run has errors, so that an unfinished file is named by its findings and
    never mistaken for the removal of the rest. ``scores`` is keyed by ``opd/slug`` here."""
    loaded = load_catalogue(
        settings.innovations_dir,
        settings.root,
        settings.today,
        settings.reference,
        pemda=settings.region.pemda,
    )
    findings = tuple(sort_findings([*_config_findings(settings), *loaded.findings]))
    partial = loaded.partial
    if partial is None:
        return Result(findings)
    scores = {f"{s.opd}/{s.slug}": s for s in score_all(partial.innovations, settings.reference)}
    return Result(findings, partial, MappingProxyType(scores))


@dataclass
class Preview:
    """What ``sepeda serve`` keeps from one rebuild to the next: the loader's memo (a file
    that did not change is not read again) and the last build's results (a page whose
    records did not change is not planned or rendered again: :mod:`generator.base.reuse`).
    A rebuild's files are byte for byte those of a fresh build."""

    memo: Memo = field(default_factory=Memo)
    reuse: Reuse = field(default_factory=Reuse)


def _score_for(reuse: Reuse) -> ScoreFor:
    """The projection's scoring of an innovation's year, kept while its records are."""
    if not reuse.enabled:
        return score_with

    def score_for(innovation: ScorableInnovation, kerangka: Kerangka, year: int) -> InnovationScore:
        return reuse.same(
            "skor-tahun",
            f"{innovation.opd}/{innovation.slug}/{year}",
            (innovation.data, innovation.verifikasi, kerangka),
            partial(score_with, innovation, kerangka, year),
        )

    return score_for


def _rendered(page: Page, reuse: Reuse) -> str:
    """A page's HTML, rendered again only when its view changed (under a preview)."""
    if not reuse.enabled:
        return render.render(page.template, page.view)
    return reuse.by_value(
        "html",
        page.uri,
        (page.template, hash(page.view)),
        lambda: render.render(page.template, page.view),
    )


Sink = Callable[[str, str | bytes], None]
"""Takes each file of a build as it is made (site URI, content): the build keeps none."""


def build(settings: Settings, preview: Preview | None = None, sink: Sink | None = None) -> Result:
    """Check, then produce every file the site publishes (site URI → text or bytes).

    With a ``sink`` (the MkDocs plugin's staging folder), each file goes there as it is made
    and :attr:`Result.files` stays empty, so a large catalogue's pages are never all held
    in memory at once."""
    reuse = preview.reuse if preview is not None else FRESH
    reuse.next_build()
    memo = preview.memo if preview is not None else None
    findings, loaded, scores = _load(settings, publish=True, memo=memo, reuse=reuse)
    if loaded is None or loaded.catalogue is None:
        return Result(findings)
    if preview is not None:
        return _build(settings, findings, loaded, scores, reuse, sink)
    # the loaded catalogue lives to the end of the build: out of the garbage collector's
    # walks while the pages are planned (1.2 s less of full collections at 2,000)
    gc.freeze()
    try:
        return _build(settings, findings, loaded, scores, reuse, sink)
    finally:
        gc.unfreeze()


def _build(
    settings: Settings,
    findings: tuple[Finding, ...],
    loaded: Loaded,
    scores: dict[str, InnovationScore],
    reuse: Reuse,
    sink: Sink | None,
) -> Result:
    """:func:`build` once the catalogue is loaded without errors."""
    assert loaded.catalogue is not None
    bundle = vendor.bundle_files() if settings.region.form is not None else {}
    if settings.region.form is not None and not bundle:
        return Result((*findings, _form_not_installed()))
    catalogue = loaded.catalogue
    projection = regency_projection(catalogue.innovations, settings.reference, _score_for(reuse))
    files: dict[str, str | bytes] = {}
    written: dict[str, None] = {}
    sources: dict[str, tuple[str, ...]] = {}

    def emit(made: Mapping[str, str | bytes]) -> None:
        for uri, content in made.items():
            written[uri] = None
            if sink is None:
                files[uri] = content
            else:
                sink(uri, content)

    book = _yearbook(settings, catalogue, scores, loaded.media) if settings.book else None
    if book is not None:
        emit({book[0].uri: book[1]})
    shown_settings = (
        settings.today,
        settings.history,
        settings.region,
        settings.reference,
        book[0] if book is not None else None,
    )
    for page in pages.plan_pages(
        catalogue,
        scores,
        projection,
        settings.history,
        settings.region,
        book[0] if book is not None else None,
        reuse=reuse,
        era=reuse.by_value("era", "", shown_settings, object),
    ):
        emit({page.uri: _rendered(page, reuse)})
        sources[page.uri] = page.sources
    emit({uri: str(svg) for uri, svg in pages.covers(catalogue).items()})
    if settings.exports:  # link previews matter on the published site, not in a preview
        emit(pages.preview_cards(catalogue, settings.region))
    if settings.exports:
        emit(_exports(settings, catalogue, scores, projection))
    emit(loaded.media)
    if bundle:
        agencies = [(a.slug, a.data.nama) for a in catalogue.agencies]
        listed = [
            cms.Listed(i.opd, i.slug, i.data.nama, cms.missing(i.data))
            for i in catalogue.innovations
        ]
        emit(
            cms.admin_files(
                settings.reference,
                settings.katalog,
                agencies,
                settings.region,
                bundle,
                listed,
                latest_year=settings.today.year,
            )
        )
    reuse.completed()
    return Result(
        findings,
        catalogue,
        MappingProxyType(scores),
        projection,
        MappingProxyType(files),
        MappingProxyType(sources),
        tuple(written),
    )


def _yearbook(
    settings: Settings,
    catalogue: Catalogue,
    scores: Mapping[str, InnovationScore],
    media: Mapping[str, bytes],
) -> tuple[Book, bytes] | None:
    """The book of the catalogue's latest reporting year, which a build publishes."""
    year = yearbook.latest_year(catalogue)
    if year is None:
        return None
    data = yearbook.book_data(catalogue, scores, media, settings.history, settings.region, year)
    pdf = yearbook.typeset(data, media, yearbook.timestamp(settings.history, year))
    return Book(yearbook.file_name(year), year), pdf


def _exports(
    settings: Settings,
    catalogue: Catalogue,
    scores: Mapping[str, InnovationScore],
    projection: Sequence[YearProjection],
) -> dict[str, str | bytes]:
    """The open-data files, the same for a build and for ``sepeda export``."""
    return open_data.export_files(catalogue, scores, projection, settings.history, settings.region)


def export(settings: Settings) -> Result:
    """Check, then produce the open-data files (site URI → content) a build publishes."""
    findings, loaded, scores = _load(settings, publish=False)
    if loaded is None or loaded.catalogue is None:
        return Result(findings)
    catalogue = loaded.catalogue
    projection = regency_projection(catalogue.innovations, settings.reference)
    files = _exports(settings, catalogue, scores, projection)
    return Result(
        findings, catalogue, MappingProxyType(scores), projection, MappingProxyType(files)
    )


def pack(
    settings: Settings,
    year: int,
    *,
    claimed: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Result:
    """Check, then the IID submission pack of ``year`` (pack path → content): verified
    levels only unless ``claimed``."""
    findings, loaded, scores = _load(settings, publish=False)
    if loaded is None or loaded.catalogue is None:
        return Result(findings)
    files = submission.files(
        loaded.catalogue,
        settings.region,
        year,
        settings.history.data_date,
        claimed=claimed,
        progress=progress,
    )
    return Result(findings, loaded.catalogue, MappingProxyType(scores), (), MappingProxyType(files))


def book(
    settings: Settings,
    year: int,
    *,
    opd: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> Result:
    """Check, then the *Buku Inovasi Daerah* of ``year`` (``buku/buku-inovasi-<year>.pdf`` →
    PDF bytes); ``opd``: that agency's chapter only (``...-<year>-<opd>.pdf``). Photos are
    the media pipeline's re-encoded copies. ``progress`` is told each step in words."""
    say = progress or (lambda _: None)
    say("memeriksa katalog dan menyiapkan foto")
    findings, loaded, scores = _load(settings, publish=True)
    if loaded is None or loaded.catalogue is None:
        return Result(findings)
    catalogue = loaded.catalogue
    if opd is not None and opd not in {a.slug for a in catalogue.agencies}:
        raise Refused(f"perangkat daerah '{opd}' tidak ada di katalog")
    data = yearbook.book_data(
        catalogue, scores, loaded.media, settings.history, settings.region, year, opd
    )
    count = sum(len(c["inovasi"]) for c in data["bab"])
    say(f"{count} inovasi tahun {year}")
    pdf = yearbook.typeset(data, loaded.media, yearbook.timestamp(settings.history, year), say)
    name = yearbook.file_name(year)
    if opd is not None:
        name = name.removesuffix(".pdf") + f"-{opd}.pdf"
    return Result(findings, catalogue, MappingProxyType(scores), (), MappingProxyType({name: pdf}))


def advice(result: Result, *, complete: bool) -> tuple[Finding, ...]:
    """What would raise each innovation's score (info findings); none for a broken catalogue.

    Without ``complete``, the first few advice lines of each innovation.
    """
    if result.catalogue is None:
        return ()
    return tuple(iid_advice.advice_findings(result.catalogue, result.scores, complete=complete))


def select(
    result: Result, findings: Sequence[Finding], paths: Sequence[str], settings: Settings, cwd: Path
) -> selection.Selection:
    """``sepeda check PATH...``: the findings on ``paths`` (files or folders as given from
    ``cwd``, removed ones understood) and on what they concern, plus every finding on the
    project itself (``mkdocs.yml``); see :mod:`generator.site.selection`."""
    return selection.select(
        findings,
        paths,
        root=settings.root,
        katalog=settings.katalog,
        cwd=cwd,
        catalogue=result.catalogue or result.partial,
    )


def scope_of(paths: Sequence[str], settings: Settings, cwd: Path) -> frozenset[str] | None:
    """The folders a check of ``paths`` reads (``None``: the whole catalogue); a check of one
    innovation costs what that innovation costs, not the catalogue."""
    if not paths:
        return None
    return selection.scope_of(paths, root=settings.root, katalog=settings.katalog, cwd=cwd)


def unknown_paths(paths: Sequence[str], settings: Settings, cwd: Path) -> tuple[str, ...]:
    """The PATHs that do not exist and never did (removed ones are not unknown)."""
    return selection.unknown(paths, settings.root, cwd)


def default_paths(settings: Settings, cwd: Path) -> tuple[str, ...]:
    """``sepeda check`` without PATH from inside the catalogue: the current folder."""
    return selection.default_paths(settings.root, settings.katalog, cwd)


def todo_text(result: Result, paths: Sequence[str], settings: Settings, cwd: Path) -> str:
    """``sepeda check innovations/<opd>``: each agency folder among ``paths``, its to-do
    before the IID deadline (``extra.tenggat``) in words; empty when no path is an agency's
    folder. Scored from every record valid on its own when the catalogue has errors."""
    catalogue = result.catalogue or result.partial
    if catalogue is None:
        return ""
    inside = settings.katalog.strip("/") + "/"
    agencies = [
        rel.removeprefix(inside)
        for rel in (selection.relative(p, settings.root, cwd) for p in paths)
        if rel.startswith(inside) and "/" not in rel.removeprefix(inside)
    ]
    known = {a.slug: a for a in catalogue.agencies}
    agencies = [a for a in dict.fromkeys(agencies) if a in known]
    if not agencies:
        return ""
    scores = dict(result.scores) or {
        s.slug: s for s in score_all(catalogue.innovations, settings.reference)
    }
    deadline = settings.region.deadline(settings.today)
    text = "\n".join(
        todo.as_text(known[a].data.nama, todo.agency_todo(catalogue, scores, a), deadline)
        for a in agencies
    )
    if result.catalogue is None:  # records with errors are not in the list above
        text += (
            "  (inovasi yang masih bergalat belum masuk daftar ini; perbaiki galat di atas, "
            "lalu periksa lagi)\n"
        )
    return text


def project_root(cwd: Path, katalog: str) -> Path:
    """The project folder: the nearest folder up from ``cwd`` with ``mkdocs.yml`` or the
    catalogue folder, so that an admin may run ``sepeda`` from inside an agency's folder."""
    for folder in (cwd, *cwd.parents):
        if (folder / "mkdocs.yml").is_file() or (folder / katalog).is_dir():
            return folder
    return cwd


def guard(settings: Settings) -> tuple[Finding, ...]:
    """Why ``mkdocs.yml`` must not be loaded (MkDocs runs its plugins and hooks), if it must
    not: missing, unsafe, or naming a theme that is not installed."""
    config = settings.config_file
    if config is None:
        return (
            Finding(
                "mkdocs.yml",
                1,
                1,
                Severity.ERROR,
                "(berkas)",
                "mkdocs.yml tidak ditemukan; jalankan perintah dari folder proyek",
                Code.CONFIG_MISSING,
            ),
        )
    return tuple(
        config_guard.check_config(config, settings.root)
        or config_guard.theme_missing(config, settings.root)
    )


def codeowners(settings: Settings) -> Result:
    """Check, then produce ``.github/CODEOWNERS`` (project-relative path → text)."""
    result = check(settings)
    if result.catalogue is None:
        return result
    text = owners.codeowners(result.catalogue, settings.region, settings.katalog)
    return replace(result, files=MappingProxyType({owners.PATH: text}))


def tidy(settings: Settings, paths: Sequence[str], cwd: Path) -> Result:
    """``sepeda rapikan``: the catalogue files under ``paths`` (everything when none) that are
    not in the canonical layout, with their canonical text (project-relative path → text)."""
    given = [cwd / p for p in paths] or [settings.innovations_dir]
    changed, findings = tidying.tidy(tidying.catalogue_files(given), settings.root)
    return Result(tuple(findings), files=MappingProxyType(dict(changed)))


def new_innovation(settings: Settings, opd: str, nama: str, *, news: bool) -> str:
    """``sepeda new``: a commented ``inovasi.yaml`` for a new innovation of agency ``opd``;
    returns its project-relative path. Raises :class:`Refused` when nothing was created."""
    created = scaffold.new_innovation(settings.root, settings.innovations_dir, opd, nama, news=news)
    return created.relative_to(settings.root).as_posix()


def new_verification(settings: Settings, target: str) -> str:
    """``sepeda verifikasi <opd>/<slug>``: a ``verifikasi.yaml`` skeleton from the current
    claims, every level as claimed; returns its project-relative path. Raises
    :class:`Refused` (nothing written) when the innovation is unknown or not valid, or when
    it already has a verification."""
    key = target.strip().strip("/").removesuffix("/" + INOVASI_FILE)
    key = key.removeprefix(settings.katalog.strip("/") + "/")
    parts = key.split("/")
    if len(parts) != 2 or not all(parts):
        raise Refused("Tulis inovasinya sebagai <opd>/<slug>, misalnya dinkes/antrean-daring.")
    folder = settings.innovations_dir / parts[0] / parts[1]
    shown = f"{settings.katalog}/{key}"
    if not (folder / INOVASI_FILE).is_file():
        raise Refused(f"{shown}/{INOVASI_FILE} tidak ada; periksa nama perangkat daerah dan slug.")
    target_file = folder / VERIFIKASI_FILE
    if target_file.exists():
        raise Refused(f"{shown}/{VERIFIKASI_FILE} sudah ada; ubah berkas itu, tidak ditimpa.")
    found = snapshot(settings)
    innovation = next(
        (i for i in (found.catalogue.innovations if found.catalogue else ()) if
         (i.opd, i.slug) == (parts[0], parts[1])),
        None,
    )  # fmt: skip
    if innovation is None:
        raise Refused(
            f"{shown}/{INOVASI_FILE} belum sah; perbaiki dulu temuannya "
            f"(sepeda check {shown}), lalu ulangi."
        )
    target_file.write_text(scaffold.verification_skeleton(innovation, settings.today), "utf-8")
    return target_file.relative_to(settings.root).as_posix()


def write_files(files: Mapping[str, str | bytes], folder: Path) -> None:
    """Write ``files`` (relative path → content) under ``folder``; text as UTF-8 with ``\\n``."""
    for name, content in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8", newline="\n")


def stale_files(files: Mapping[str, str | bytes], folder: Path) -> tuple[str, ...]:
    """The names among ``files`` whose copy under ``folder`` is missing or different."""
    stale = []
    for name, content in files.items():
        target = folder / name
        if not target.is_file():
            stale.append(name)
        elif isinstance(content, bytes):
            if target.read_bytes() != content:
                stale.append(name)
        elif target.read_text(encoding="utf-8") != content:
            stale.append(name)
    return tuple(stale)
