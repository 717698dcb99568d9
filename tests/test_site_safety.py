"""The built fixture site, scanned like an attacker would look at it (defence in depth).

The fixture catalogue carries hostile admin text; after a real strict build no page may hold
an event handler, a script or a link with a dangerous scheme, and nothing may be loaded
from another host.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import run_sepeda

LOADING_ATTRS = {("script", "src"), ("img", "src"), ("iframe", "src"),
                 ("source", "src"), ("video", "src"), ("audio", "src")}  # fmt: skip
FORBIDDEN_TAGS = {"iframe", "object", "embed", "base"}  # the theme's own forms are fine
LOADED_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "manifest"}


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.problems.append(f"{tag} {name}=")
            if name in ("href", "src", "action") and value.startswith(
                ("javascript:", "data:", "vbscript:")
            ):
                self.problems.append(f"{tag} {name}={value[:30]}")
            loads = (tag, name) in LOADING_ATTRS or (
                tag == "link" and name == "href" and dict(attrs).get("rel") in LOADED_LINKS
            )
            if loads and value.startswith(("http:", "https:", "//")):
                self.problems.append(f"{tag} loads {value}")


@pytest.mark.slow
def test_built_site_has_no_active_content_and_no_foreign_loads(site_project: Path) -> None:
    result = run_sepeda(site_project, "build", "--out", "site")
    assert result.returncode == 0, result.stderr
    pages = sorted((site_project / "site").rglob("*.html"))
    assert len(pages) > 10
    problems = {}
    for page in pages:
        scanner = _Scanner()
        scanner.feed(page.read_text(encoding="utf-8"))
        if scanner.problems:
            problems[page.relative_to(site_project).as_posix()] = scanner.problems
    assert problems == {}
    text = (site_project / "site/inovasi/antrean-daring/index.html").read_text()
    assert "Content-Security-Policy" in text
    assert "alert(1)" in text  # the hostile text is still shown, as inert text
