"""What MkDocs writes for every generated page: its title, table of contents and article.

The goldens in ``tests/golden-html/`` were made by the Markdown path (generated pages parsed
by Python-Markdown with the toc, attr_list and admonition extensions) before generated pages
reached MkDocs as finished HTML; the HTML path must give the same bytes. Update after an
intended change with ``make golden`` and review the diff like code.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest

from conftest import ROOT, TODAY, assert_golden, make_site_project, run_module
from generator.base import escape
from generator.pages import render
from generator.site import pipeline

GOLDEN_HTML = ROOT / "tests" / "golden-html"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture project built by MkDocs (strict), as ``sepeda build`` builds it."""
    root = make_site_project(tmp_path_factory.mktemp("dibangun") / "situs")
    result = run_module(root, "mkdocs", "build", "--strict", "--site-dir", "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return root


def _generated_pages(root: Path) -> list[str]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SEPEDA_TODAY", TODAY)
        result = pipeline.build(pipeline.Settings.for_project(root, pipeline.CATALOGUE_DIR))
    assert result.ok, [str(f) for f in result.findings]
    return sorted(uri for uri in result.files if uri.endswith(".md"))


def _output(uri: str) -> str:
    """The file MkDocs writes for the page ``uri`` (directory URLs)."""
    stem = uri.removesuffix(".md").removesuffix("index")
    return f"{stem}index.html" if stem == "" or stem.endswith("/") else f"{stem}/index.html"


def _outer(html: str, start: int, tag: str) -> str:
    """The element opened at ``start`` with its children (elements of one tag nest)."""
    depth = 0
    for match in re.compile(f"<(/?){tag}[\\s>]").finditer(html, start):
        depth += -1 if match[1] else 1
        if depth == 0:
            return html[start : html.index(">", match.start()) + 1]
    raise AssertionError(f"<{tag}> at {start} is not closed")


def page_parts(html: str) -> str:
    """The parts of a built page that come from the page itself: the title, the table of
    contents (the secondary sidebar's) and the article."""
    title = re.search(r"<title>.*?</title>", html, re.DOTALL)
    sidebar = html.index('<div class="md-sidebar md-sidebar--secondary"')
    toc = _outer(html, html.index('<nav class="md-nav md-nav--secondary"', sidebar), "nav")
    article = _outer(html, html.index('<article class="md-content__inner md-typeset">'), "article")
    assert title is not None
    return f"{title[0]}\n{toc}\n{article}\n"


def test_every_generated_page_is_built_as_its_golden(
    built: Path, request: pytest.FixtureRequest
) -> None:
    update = bool(request.config.getoption("--update-goldens"))
    names = set()
    for uri in _generated_pages(built):
        name = _output(uri)
        names.add(name)
        html = (built / "site" / name).read_text("utf-8")
        assert_golden(name, page_parts(html), update, GOLDEN_HTML)
    stale = {p.relative_to(GOLDEN_HTML).as_posix() for p in GOLDEN_HTML.rglob("*.html")} - names
    if update:
        for name in stale:
            (GOLDEN_HTML / name).unlink()
    else:
        assert not stale, f"golden pages no longer generated: {sorted(stale)}; run make golden"


def test_headings_get_the_ids_and_contents_python_markdown_gave_them() -> None:
    """Repeated, accented, symbol-only and contributor headings: ids, permalinks and the
    table of contents as the toc extension of mkdocs.yml made them."""
    names = [
        escape.text(n)
        for n in ("Ringkasan", "Ringkasan", "Café <b> & *Sampah*", "…", "…", "Ringkasan_1")
    ]
    template = render.environment().from_string(
        '{% import "_macros.html.j2" as m %}'
        "{% call m.heading(toc, 1) %}Judul{% endcall %}\n"
        "{% for n in names %}{% call m.heading(toc, 2) %}{{ n }}{% endcall %}\n{% endfor %}"
        "{% call m.heading(toc, 3, named) %}Bernama{% endcall %}\n"
    )
    ours = template.render(toc=render.Outline(), names=names, named=escape.text("urusan")).strip()
    source = "# Judul\n\n" + "".join(f"## {n}\n\n" for n in names) + "### Bernama {: #urusan }\n"
    md = markdown.Markdown(
        extensions=["toc", "attr_list"], extension_configs={"toc": render.TOC_CONFIG}
    )
    assert ours == md.convert(source)
    assert render.table_of_contents(ours) == md.toc_tokens  # type: ignore[attr-defined]
    ids = {token["id"] for token in md.toc_tokens[0]["children"]}  # type: ignore[attr-defined]
    assert render.anchors(ours) == {"judul", "urusan", *ids}


def test_a_heading_refuses_an_unescaped_value() -> None:
    template = render.environment().from_string(
        '{% import "_macros.html.j2" as m %}{% call m.heading(toc, 2, named) %}x{% endcall %}'
    )
    with pytest.raises(render.UnescapedValue):
        template.render(toc=render.Outline(), named="<b>")
