"""Finding codes are stable, unique, explained, used, and shown wherever a finding is."""

from __future__ import annotations

import re
from pathlib import Path

from generator.base import codes
from generator.base.codes import Code
from generator.base.diagnostics import Finding, Severity, format_github, format_json
from generator.site import pipeline

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "panduan-kontributor.md"
EXAMPLE_RE = re.compile(r"^innovations/\S+:\d+:\d+: (?:error|warning|info): .+ \[([A-Z]\d{3})\]$")


def test_codes_are_unique_and_well_formed() -> None:
    members = Code.__members__  # includes aliases: a repeated value would hide here
    assert len({m.value for m in members.values()}) == len(members)
    for code in Code:
        assert re.fullmatch(r"[A-Z][1-9]\d{2}", code), code
        assert code[0] in codes.FAMILIES


def test_every_code_is_explained_in_bahasa_indonesia() -> None:
    assert set(codes.EXPLAINED) == set(Code)
    for explanation in codes.EXPLAINED.values():
        assert explanation.title and explanation.fix.endswith(".")


def test_every_code_is_produced_somewhere_in_the_generator() -> None:
    source = "".join(
        p.read_text(encoding="utf-8")
        for p in (ROOT / "generator").rglob("*.py")
        if p.name != "codes.py"
    )
    unused = [c.name for c in Code if not re.search(rf"\bCode\.{c.name}\b", source)]
    assert unused == []


def test_code_is_printed_in_every_format() -> None:
    finding = Finding("a.yaml", 3, 10, Severity.ERROR, "tahapan", "pesan", Code.NOT_A_CHOICE)
    assert str(finding) == "a.yaml:3:10: error: tahapan: pesan [S203]"
    assert '"code": "S203"' in format_json([finding])
    assert (
        format_github([finding]) == "::error file=a.yaml,line=3,col=10,title=S203 tahapan::pesan\n"
    )


def test_guide_examples_carry_existing_codes() -> None:
    examples = [
        line
        for line in GUIDE.read_text(encoding="utf-8").splitlines()
        if line.startswith("innovations/") and re.search(r": (?:error|warning|info): ", line)
    ]
    assert len(examples) >= 10
    for line in examples:
        match = EXAMPLE_RE.match(line)
        assert match is not None, line
        assert match.group(1) in {c.value for c in Code}, line


def test_codes_page_lists_every_code_with_an_anchor() -> None:
    result = pipeline.build(
        pipeline.Settings.for_project(
            ROOT / "tests" / "fixtures" / "catalogue", pipeline.CATALOGUE_DIR
        )
    )
    page = result.files["kode-temuan.md"]
    assert isinstance(page, str)
    for code in Code:
        assert f'<dt id="{code.lower()}"><code>{code}</code>' in page
