"""The one pipeline: deterministic across processes and folders, one read per file, layers."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from conftest import CATALOGUE, ROOT, run_sepeda
from generator.site import pipeline


def _project(folder: Path) -> Path:
    shutil.copytree(CATALOGUE, folder)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", folder / "docs")
    shutil.copytree(ROOT / "overrides", folder / "overrides")
    return folder


def _tree(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


@pytest.mark.slow
def test_two_processes_in_two_folders_build_byte_identical_sites(tmp_path: Path) -> None:
    first = _project(tmp_path / "satu" / "proyek")
    second = _project(tmp_path / "dua" / "lain" / "katalog")
    for root in (first, second):
        result = run_sepeda(root, "build", "--out", "site")
        assert result.returncode == 0, result.stdout + result.stderr
    a, b = _tree(first / "site"), _tree(second / "site")
    # Pagefind >= 1.3 keeps its page fragments stable, but not its filter, word and meta
    # indexes (hash-map order, upstream issue Pagefind#638); everything else is ours.
    unstable = re.compile(r"pagefind(-daftar)?/(filter/|index/|pagefind\.|pagefind-entry)")
    ours_a = {k: v for k, v in a.items() if not unstable.match(k)}
    ours_b = {k: v for k, v in b.items() if not unstable.match(k)}
    assert ours_a.keys() == ours_b.keys()
    assert [name for name in ours_a if ours_a[name] != ours_b[name]] == []
    assert any(name.startswith("pagefind/fragment/") for name in ours_a)
    assert any(name.startswith("pagefind-daftar/fragment/") for name in ours_a)
    assert "pagefind-cari/bagian.json" in ours_a
    assert len(ours_a) > 20


def test_a_build_opens_each_catalogue_file_once(tmp_path: Path) -> None:
    """Counted with an audit hook in a fresh process (no state carried between runs)."""
    root = _project(tmp_path / "proyek")
    script = f"""
import sys
from pathlib import Path
opened = []
root = {str(root / "innovations")!r}
def hook(event, args):
    if event == "open" and isinstance(args[0], str) and args[0].startswith(root):
        opened.append(args[0])
sys.addaudithook(hook)
from PIL import Image

from generator.catalogue import loader
from generator.site import pipeline
result = pipeline.build(pipeline.Settings.for_project(Path({str(root)!r}), pipeline.CATALOGUE_DIR))
assert result.ok, result.findings
import collections
counts = collections.Counter(opened)
print(sorted(counts.items()))
assert all(n == 1 for n in counts.values()), counts
assert len(counts) == 9, counts
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, cwd=tmp_path
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_results_are_not_cached_between_calls(tmp_path: Path) -> None:
    root = _project(tmp_path / "proyek")
    settings = pipeline.Settings.for_project(root, pipeline.CATALOGUE_DIR)
    first = pipeline.build(settings)
    second = pipeline.build(settings)
    assert first is not second and first.files is not second.files
    assert dict(first.files) == dict(second.files)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_memo_gives_what_a_fresh_build_gives_after_each_edit(tmp_path: Path) -> None:
    root = _project(tmp_path / "proyek")
    folder = root / "innovations" / "dinkes" / "antrean-daring"
    memo = pipeline.Preview()
    first = pipeline.build(pipeline.Settings.for_project(root, pipeline.CATALOGUE_DIR), memo)
    assert first.ok and memo.memo.documents and memo.memo.media.outcomes

    _edit(folder / "inovasi.yaml", "nama: Antrean Daring Puskesmas", "nama: Antrean Daring Baru")
    image = Image.new("RGB", (64, 48), (0, 90, 200))
    image.save(folder / "loket.png")  # the same name, new pixels
    edited = pipeline.build(pipeline.Settings.for_project(root, pipeline.CATALOGUE_DIR), memo)
    fresh = pipeline.build(pipeline.Settings.for_project(root, pipeline.CATALOGUE_DIR))
    assert edited.findings == fresh.findings
    assert dict(edited.files) == dict(fresh.files) != dict(first.files)
    page = str(edited.files["inovasi/antrean-daring/index.md"])
    assert "Antrean Daring Baru" in page and "Antrean Daring Puskesmas" not in page
    assert (
        edited.files["inovasi/antrean-daring/loket.png"]
        != first.files["inovasi/antrean-daring/loket.png"]
    )

    _edit(folder / "inovasi.yaml", "nama: Antrean Daring Baru", "nama: [tidak, valid")
    broken = pipeline.build(pipeline.Settings.for_project(root, pipeline.CATALOGUE_DIR), memo)
    assert not broken.ok
    assert (
        broken.findings
        == pipeline.build(pipeline.Settings.for_project(root, pipeline.CATALOGUE_DIR)).findings
    )


def test_imports_flow_one_way() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), "--config", str(ROOT / "pyproject.toml")],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def test_a_preview_skips_the_open_data_and_the_book(catalogue_copy: Path) -> None:
    """sepeda serve's rebuilds follow typing: no exports, no book; the pages are the same."""
    full = pipeline.build(pipeline.Settings.for_project(catalogue_copy, pipeline.CATALOGUE_DIR))
    preview = pipeline.build(
        pipeline.Settings.for_project(
            catalogue_copy, pipeline.CATALOGUE_DIR, book=False, exports=False
        )
    )
    assert "inovasi.json" in full.files and "inovasi.json" not in preview.files
    assert not any(uri.startswith("buku/") for uri in preview.files)
    pages = [uri for uri in full.files if uri.endswith(".md") and "data-terbuka" not in uri]
    assert pages and all(
        preview.files[uri] == full.files[uri] for uri in pages if "rapor" not in uri
    )


def test_an_innovation_without_a_photo_gets_its_own_link_preview_card(
    catalogue_copy: Path,
) -> None:
    from io import BytesIO

    settings = pipeline.Settings.for_project(catalogue_copy, pipeline.CATALOGUE_DIR)
    first, second = pipeline.build(settings), pipeline.build(settings)
    card = first.files["inovasi/gertak-desa/bagikan.png"]
    assert isinstance(card, bytes) and card == second.files["inovasi/gertak-desa/bagikan.png"]
    with Image.open(BytesIO(card)) as image:
        assert (image.format, image.size) == ("PNG", (600, 315))
    page = str(first.files["inovasi/gertak-desa/index.md"])
    assert "image: inovasi/gertak-desa/bagikan.png" in page
    # an innovation with a photo shares its photo, not a card
    assert "inovasi/antrean-daring/bagikan.png" not in first.files
