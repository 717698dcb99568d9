"""The MkDocs adapter: runs :func:`generator.site.generate` and hands its files to MkDocs.

Thin on purpose: no catalogue logic lives here. Pages and media are added as in-memory
files (``File.generated``), never written into ``docs/``; innovation and agency pages stay
out of the navigation (a sidebar of thousands of pages makes the build quadratic). Any error
finding aborts the build with every finding listed, so a broken catalogue never produces a
half-built site.

``mkdocs.yml``::

    plugins:
      - search
      - katalog:
          innovations_dir: innovations
    watch:
      - innovations
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from generator.diagnostics import Severity, format_text, has_errors, summary_line
from generator.site import Output, generate

log = get_plugin_logger(__name__)

_IN_NAV = {"index.md", "inovasi/index.md", "opd/index.md", "indeks-inovasi/index.md",
           "data-terbuka/index.md"}  # fmt: skip


class KatalogConfig(base.Config):  # type: ignore[no-untyped-call]
    """Options of the ``katalog`` plugin."""

    innovations_dir = c.Type(str, default="innovations")
    """Folder of the catalogue, relative to ``mkdocs.yml``."""


class KatalogPlugin(BasePlugin[KatalogConfig]):  # type: ignore[no-untyped-call]
    """Generates the catalogue pages from ``innovations/``."""

    def __init__(self) -> None:
        self.output: Output | None = None

    def on_config(self, config: Any) -> Any:
        """Run the pipeline once per build; abort with the findings on any error."""
        self.output = None
        root = Path(config.config_file_path).parent
        output, findings = generate(root / self.config.innovations_dir, root)
        for finding in findings:
            if finding.severity is not Severity.INFO:
                log.info(str(finding))
        if output is None or has_errors(findings):
            errors = [f for f in findings if f.severity is Severity.ERROR]
            raise PluginError(
                "Katalog tidak dapat diterbitkan; perbaiki hal berikut:\n"
                + format_text(errors)
                + summary_line(findings)
            )
        self.output = output
        return config

    def on_files(self, files: Files, *, config: Any) -> Files:
        """Add every generated page, graphic, export and media file."""
        if self.output is None:  # pragma: no cover - on_config always runs first
            raise PluginError("katalog: on_config did not run")
        for uri, content in self.output.files.items():
            if files.get_file_from_path(uri) is not None:
                raise PluginError(
                    f"docs/{uri} bentrok dengan halaman yang dibuat dari katalog; hapus docs/{uri}"
                )
            inclusion = (
                InclusionLevel.UNDEFINED
                if uri in _IN_NAV or not uri.endswith(".md")
                else InclusionLevel.NOT_IN_NAV
            )
            files.append(File.generated(config, uri, content=content, inclusion=inclusion))
        return files
