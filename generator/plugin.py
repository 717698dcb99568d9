"""The MkDocs adapter: runs :func:`generator.site.pipeline.build` and hands its files to MkDocs.

Thin on purpose: no catalogue logic lives here. Pages and media are added as in-memory
files (``File.generated``), never written into ``docs/``; innovation and agency pages stay
out of the navigation. Any error finding aborts the build with every finding listed, so a
broken catalogue never produces a half-built site. Every page MkDocs writes is scanned for
active content first (:mod:`generator.site.output_scan`); one unsafe page fails the build.

Generated pages are finished HTML under YAML front matter (:mod:`generator.pages.render`):
MkDocs' Markdown step gets an empty page (:meth:`KatalogPlugin.on_page_markdown`), and the
page's HTML, its table of contents from its own headings and its ids take the place of what
Python-Markdown would have made (:meth:`KatalogPlugin.on_page_content`), byte for byte the
same. Hand-written pages in ``docs/`` stay Markdown.

The generated files are written into a staging folder of the plugin's own (beside the site
folder, removed when the build ends) and MkDocs reads them from there, so that the site is
not held in memory twice. Under ``sepeda serve`` (``mkdocs serve --dirty``) the plugin lives
for the whole session: it keeps a :class:`generator.site.pipeline.Preview`, so a rebuild parses
and decodes only the files that changed and plans and renders only the pages those files
show, and it rewrites only the staged files whose content changed, so that MkDocs renders
again only the pages that changed.

``mkdocs.yml``::

    plugins:
      - search
      - katalog:
          innovations_dir: innovations
    watch:
      - innovations
"""

from __future__ import annotations

import gc
import hashlib
import os
import shutil
import tempfile
from html import escape
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc

from generator.base import urls
from generator.base.diagnostics import Finding, Severity, format_text, summary_line
from generator.pages import render
from generator.site import output_scan, pipeline, search_index

log = get_plugin_logger(__name__)

STAGING_PREFIX = ".sepeda-berkas-"
STAGING_MARKER = ".sepeda-berkas-pid"
"""File inside each staging folder: the process id of the build that owns it."""


def remove_dead_staging(parent: Path) -> None:
    """Staging folders left by a killed build: ours by name **and** by the marker file we
    write, and only when the build that wrote it no longer runs. Nothing else is touched."""
    for entry in parent.glob(STAGING_PREFIX + "*"):
        marker = entry / STAGING_MARKER
        if entry.is_symlink() or not entry.is_dir() or not marker.is_file():
            continue
        try:
            pid = int(marker.read_text("utf-8").strip())
            os.kill(pid, 0)
        except ProcessLookupError:
            shutil.rmtree(entry, ignore_errors=True)
        except (OSError, ValueError):
            continue  # alive under another user, or not our marker: leave it


class KatalogConfig(base.Config):  # type: ignore[no-untyped-call]
    """Options of the ``katalog`` plugin."""

    innovations_dir = c.Type(str, default=urls.CATALOGUE_DIR)
    """Folder of the catalogue, relative to ``mkdocs.yml``."""
    search_shard_pages = c.Type(int, default=search_index.SHARD_PAGES)
    """Largest part of the search index; a larger catalogue is searched part by part."""


class KatalogPlugin(BasePlugin[KatalogConfig]):  # type: ignore[no-untyped-call]
    """Generates the catalogue pages from ``innovations/``."""

    def __init__(self) -> None:
        self.result: pipeline.Result | None = None
        """The build's result until :meth:`on_files` hands its files to MkDocs (then None)."""
        self.findings: tuple[Finding, ...] = ()
        """The last build's findings (warnings too), for the builder: no later event clears
        them, unlike :attr:`result`."""
        self.scanner: output_scan.Scanner | None = None
        self.scan_findings: list[Finding] = []
        self.serving = False
        self.book = False
        """Publish the yearly book: set by ``sepeda build --buku`` (never under ``serve``)."""
        self.preview: pipeline.Preview | None = None
        self.frozen = False
        self.staging: Path | None = None
        """Folder of the generated files while MkDocs reads them (created by this plugin)."""
        self.staged: dict[str, bytes] = {}
        """Under ``serve``: digest of every file in :attr:`staging`, by site URI."""
        self.kept: dict[str, str | bytes] = {}
        """Under ``serve``: the content each staged file was written from; the same object
        again (a page or a photo the preview kept) is the same file, not hashed again."""
        self.failed: tuple[Finding, ...] = ()
        """Under ``serve``: the errors of the latest rebuild, shown on the pages they concern
        while the preview keeps serving the last catalogue that built."""
        self.flagged: set[str] = set()
        """Staged pages rendered with the errors shown, to render again once fixed."""
        self.finished: dict[str, str] = {}
        """A generated page's HTML from MkDocs' reading of it to its content event."""
        self.body_length: dict[str, int] = {}
        """A generated page's length after its front matter, until its template renders."""

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[list[tuple[str, Any]], list[tuple[str, Any]]]:
        """The earliest moment MkDocs runs this plugin's code: the configuration guard.

        MkDocs validates ``plugins`` before ``hooks`` and stops at the first invalid
        setting, so under plain ``mkdocs build``/``serve`` a refused ``mkdocs.yml`` never
        loads its hooks, theme templates, scripts or site folder. What MkDocs does before
        this (YAML tags, ``INHERIT``, Markdown extensions) is out of reach of any plugin:
        see docs/dev/SECURITY.md, "Plain mkdocs".
        """
        errors, warnings = super().load_config(options, config_file_path)
        if config_file_path is None:
            return errors, warnings
        katalog = options.get("innovations_dir", urls.CATALOGUE_DIR)
        settings = pipeline.Settings.for_project(
            Path(config_file_path).parent,
            katalog if isinstance(katalog, str) else urls.CATALOGUE_DIR,
            dates=False,
        )
        refused = pipeline.guard(settings)
        if refused:
            message = (
                "mkdocs.yml ditolak; situs tidak dibangun (bangun hanya dengan 'sepeda build'):\n"
                + format_text(list(refused))
            )
            return [*errors, ("mkdocs.yml", message)], warnings
        return errors, warnings

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Keep state across the rebuilds of one ``serve`` (the plugin then lives that long)."""
        self.serving = command == "serve"
        if self.serving:
            self.preview = pipeline.Preview()

    def on_post_build(self, *, config: Any) -> None:
        """A build has read every staged file: remove them (``serve`` keeps them).

        Under ``serve``, after the first build, what it made is moved out of the garbage
        collector's sight (``gc.freeze``): the catalogue, the kept pages and MkDocs' files
        stay for the session, and a full collection that walked them cost 0.8 s of an edit
        at 2,000 innovations. What the first build left in reference cycles is never freed
        (a few MB, once)."""
        if not self.serving:
            self._unstage()
        elif not self.frozen:
            gc.freeze()
            self.frozen = True

    def on_build_error(self, *, error: Exception) -> None:
        """The same on a failed build."""
        if not self.serving:
            self._unstage()

    def on_shutdown(self) -> None:
        """Remove the staging folder this plugin created (nothing else)."""
        self._unstage()

    def _unstage(self) -> None:
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None
            self.staged = {}
            self.kept = {}

    def on_config(self, config: Any) -> Any:
        """Run the pipeline once per build; abort with the findings on any error."""
        config.nav = urls.mkdocs_nav()
        toc = (config.mdx_configs or {}).get("toc")
        if "toc" not in config.markdown_extensions or toc != render.TOC_CONFIG:
            raise PluginError(
                "mkdocs.yml: markdown_extensions harus memuat toc dengan pengaturan "
                f"{render.TOC_CONFIG} (judul halaman katalog dibuat dengan pengaturan itu)"
            )
        self.finished = {}
        self.body_length = {}
        self.result = None
        self.findings = ()
        self.scan_findings = []
        root = Path(config.config_file_path).parent
        # a preview (sepeda serve) skips the yearly book and the open-data files: its
        # rebuilds follow an admin's typing, and `sepeda build` makes both
        settings = pipeline.Settings.for_project(
            root,
            self.config.innovations_dir,
            book=self.book and not self.serving,
            exports=not self.serving,
        )
        staging = self._staging(config)
        result = pipeline.build(
            settings, self.preview, lambda uri, content: self._stage(staging, uri, content)
        )
        self.result = result
        self.findings = result.findings
        for finding in result.findings:
            if finding.severity is not Severity.INFO:
                log.info(str(finding))
        if not result.ok:
            errors = [f for f in result.findings if f.severity is Severity.ERROR]
            if self.serving and self.staged and self.staging is not None:
                # the preview keeps serving the last catalogue that built, with the errors
                # on the pages they concern (an admin fixes them and saves again)
                self.failed = tuple(errors)
                self.flagged |= self._pages_of(errors)
                for uri in self.flagged:
                    (self.staging / uri).touch()  # rendered again (--dirty) with the errors
                # info, not error: MkDocs' strict mode would abort the preview on an error log
                log.info(
                    "Perubahan terakhir belum dapat ditampilkan; pratinjau menampilkan versi "
                    "terakhir yang benar. Perbaiki:\n" + format_text(errors)
                )
                self.result = None
                return config
            raise PluginError(
                "Katalog tidak dapat diterbitkan; perbaiki hal berikut:\n"
                + format_text(errors)
                + summary_line(list(result.findings))
            )
        self.failed = ()
        own = urlsplit(config.site_url or "").hostname
        self.scanner = output_scan.Scanner(result.sources, frozenset({own} if own else ()))
        return config

    def _staging(self, config: Any) -> Path:
        """The staging folder beside the site folder (created once; ``serve`` keeps it)."""
        if self.staging is None:
            prefix = "sepeda-pratinjau-" if self.serving else STAGING_PREFIX
            parent = Path(config.site_dir).resolve().parent
            if not self.serving:
                remove_dead_staging(parent)
            self.staging = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
            (self.staging / STAGING_MARKER).write_text(str(os.getpid()), encoding="utf-8")
        return self.staging

    def on_files(self, files: Files, *, config: Any) -> Files:
        """Add every generated page, graphic, export and media file.

        The pipeline wrote each into the staging folder as it made it (:meth:`_stage`) and
        kept none: MkDocs reads each page from there, so the generated site is never held in
        memory whole.
        """
        if self.result is None and self.failed and self.staging is not None:
            for uri in sorted(self.staged):  # the last catalogue that built, as staged
                files.append(self._file(self.staging, config, uri))
            return files
        if self.result is None or self.staging is None:  # pragma: no cover - on_config first
            raise PluginError("katalog: on_config did not run")
        for uri in self.result.written:
            if files.get_file_from_path(uri) is not None:
                raise PluginError(
                    f"docs/{uri} bentrok dengan halaman yang dibuat dari katalog; hapus docs/{uri}"
                )
            files.append(self._file(self.staging, config, uri))
        self.flagged = set()
        written = set(self.result.written)
        for gone in set(self.staged) - written:  # removed since the last rebuild
            (self.staging / gone).unlink(missing_ok=True)
            del self.staged[gone]
            self.kept.pop(gone, None)
        self.result = None
        return files

    @staticmethod
    def _file(staging: Path, config: Any, uri: str) -> File:
        """The staged ``uri`` as a MkDocs file: in the menu when it is a menu page."""
        inclusion = (
            InclusionLevel.UNDEFINED
            if uri in urls.NAV_URIS or not uri.endswith(".md")
            else InclusionLevel.NOT_IN_NAV
        )
        file = File(
            uri, str(staging), config.site_dir, config.use_directory_urls, inclusion=inclusion
        )
        file.generated_by = "katalog"
        return file

    def _pages_of(self, findings: list[Finding]) -> set[str]:
        """The staged pages an error concerns: its innovation's or agency's page, and the
        home page (where an admin of the preview starts)."""
        pages = {urls.HOME}
        inside = self.config.innovations_dir.strip("/") + "/"
        for finding in findings:
            if not finding.path.startswith(inside):
                continue  # mkdocs.yml and the like: the home page says it
            parts = finding.path.removeprefix(inside).split("/")
            pages.add(urls.agency_uri(parts[0]))
            if len(parts) >= 3:  # <agency>/<innovation>/<file>
                pages.add(urls.innovation_uri(parts[1]))
        return {uri for uri in pages if uri in self.staged}

    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Files) -> str:
        """A generated page is already HTML: kept aside, and MkDocs converts an empty page."""
        if page.file.generated_by != "katalog":
            return markdown
        self.finished[page.file.src_uri] = markdown
        return ""

    def on_page_content(self, html: str, *, page: Any, config: Any, files: Files) -> str:
        """A generated page's table of contents and ids from its own HTML. MkDocs reads
        every page before it renders the first, so the HTML itself is left out here and
        read again just before the page's template (:meth:`on_page_context`): a large
        catalogue's pages are never all in memory. A hand-written page is as MkDocs made it
        (with the errors of a failed preview rebuild on top)."""
        finished = self.finished.pop(page.file.src_uri, None)
        if finished is None:
            return self._with_errors(html)
        html = finished.strip()  # as Python-Markdown strips what it returns
        page.toc = get_toc(render.table_of_contents(html))
        page.present_anchor_ids = render.anchors(html)
        self.body_length[page.file.src_uri] = len(finished)
        return ""

    def on_page_context(self, context: Any, *, page: Any, config: Any, nav: Any) -> Any:
        """A generated page's HTML, read again from the staging folder, for its template."""
        length = self.body_length.pop(page.file.src_uri, None)
        if length is not None:  # the file's end, after its front matter, as MkDocs read it
            source = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
            page.content = self._with_errors(source[len(source) - length :].strip())
        return context

    def _with_errors(self, html: str) -> str:
        """Under ``serve``, after a rebuild with errors, the errors on top of the page."""
        if not self.failed:
            return html
        items = "".join(
            f"<li><code>{escape(f.path)}:{f.line}:{f.column}</code> {escape(f.field)}: "
            f"{escape(f.message)}</li>"
            for f in self.failed
        )
        banner = (
            '<div class="admonition danger kt-pratinjau-galat"><p class="admonition-title">'
            "Perubahan terakhir belum dapat ditampilkan</p><p>Pratinjau ini menampilkan versi "
            "terakhir yang benar. Perbaiki hal berikut, lalu simpan lagi:</p>"
            f"<ul>{items}</ul></div>"
        )
        return banner + html

    def _stage(self, staging: Path, uri: str, content: str | bytes) -> None:
        """Write ``uri`` into the staging folder. Under ``serve`` it is rewritten only when
        its content changed, so that ``--dirty`` renders again only the pages that changed
        (MkDocs compares the file's time with its output's)."""
        if uri in self.flagged:  # shown with errors before: written (and rendered) again
            self.staged.pop(uri, None)
            self.kept.pop(uri, None)
        if self.serving and uri in self.staged and self.kept.get(uri) is content:
            return
        data = content.encode("utf-8") if isinstance(content, str) else content
        digest = hashlib.sha256(data).digest() if self.serving else None
        if digest is None or self.staged.get(uri) != digest:
            path = staging / uri
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        if digest is not None:
            self.staged[uri] = digest
            self.kept[uri] = content

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        """Refuse to write a page that carries active content or loads another host; a
        generated page's HTML is let go once its output is made."""
        self._scan(output, page.file.src_uri)
        if page.file.generated_by == "katalog":
            page.content = ""
        return output

    def on_post_template(self, output_content: str, *, template_name: str, config: Any) -> str:
        """The same scan for the theme's own pages (404.html, sitemap)."""
        if template_name.endswith(".html"):
            self._scan(output_content, template_name)
        return output_content

    def _scan(self, html: str, src_uri: str) -> None:
        if self.scanner is None:  # pragma: no cover - on_config always runs first
            raise PluginError("katalog: on_config did not run")
        problems = self.scanner.scan(html, src_uri)
        if problems:
            self.scan_findings.extend(problems)
            raise PluginError(
                "Pemeriksaan keluaran menolak halaman; situs tidak diterbitkan:\n"
                + "".join(f"{p}\n" for p in problems)
            )
