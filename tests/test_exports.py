"""The registry of open-data files is the one list: the exporter, the open-data page and the
documentation all follow it, and ``sepeda export`` writes exactly what a build publishes."""

from __future__ import annotations

import html
import re

import pytest

from conftest import CATALOGUE, ROOT
from generator.base import exports, urls
from generator.site import pipeline

DOCS = ("README.md", "docs/dev/CLI.md")


def _settings() -> pipeline.Settings:
    return pipeline.Settings.for_project(CATALOGUE, pipeline.CATALOGUE_DIR)


@pytest.fixture(scope="module")
def built() -> pipeline.Result:
    result = pipeline.build(_settings())
    assert result.ok, [str(f) for f in result.findings]
    return result


def test_registry_names_each_file_once() -> None:
    assert len(set(exports.EXPORT_URIS)) == len(exports.EXPORT_URIS)
    assert [e.name for e in exports.EXPORTS if e.is_folder] == [urls.SCHEMA_FOLDER]
    assert all(entry.description.endswith(".") for entry in exports.EXPORTS)


def test_export_writes_exactly_the_registry_as_a_build_publishes(built: pipeline.Result) -> None:
    result = pipeline.export(_settings())
    assert result.ok
    assert tuple(result.files) == exports.EXPORT_URIS
    assert {uri: built.files[uri] for uri in exports.EXPORT_URIS} == dict(result.files)


@pytest.mark.parametrize("doc", DOCS)
def test_docs_name_every_export(doc: str) -> None:
    text = (ROOT / doc).read_text("utf-8")
    missing = [e.doc_name for e in exports.EXPORTS if f"`{e.doc_name}" not in text]
    assert not missing, f"{doc} does not name {missing}"


def test_open_data_page_offers_the_registry(built: pipeline.Result) -> None:
    page = str(built.files[urls.OPEN_DATA])
    listing = page[page.index('<ul class="kt-unduhan">') : page.index("</ul>")]
    offered = [
        (href, html.unescape(about))
        for href, about in re.findall(r'<li><a href="\.\./([^"]+)">[^<]*</a>: (.*?)</li>', listing)
    ]
    assert offered == [(e.link, e.description) for e in exports.EXPORTS]
