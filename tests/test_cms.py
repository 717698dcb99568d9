"""The admin form (Decap CMS at ``admin/``): its configuration from the models, and one
innovation created in headless Chromium against a local backend (``decap-server`` from the
npm lock, in Git mode on a scratch repository), checked with ``sepeda check``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from test_browser import TIMEOUT_MS, _unavailable, browser, serving

from conftest import ROOT, run_sepeda
from generator.outputs import cms, vendor
from generator.record.reference import load_reference
from generator.record.region import FormBackend, Region, form_from

__all__ = ["browser"]  # the shared Chromium fixture
pytestmark = pytest.mark.browser

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
GIT = ["git", "-c", "user.name=Uji", "-c", "user.email=uji@example.invalid"]


def _fields(entries: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {e["name"]: e for e in entries}


def _config() -> dict[str, Any]:
    agencies = [("dinkes", "Dinas Kesehatan")]
    backend = {"name": "github", "repo": "a/b"}
    return cms.config(load_reference(), "innovations", agencies, backend, latest_year=2026)


def test_form_fields_come_from_the_models() -> None:
    settings = _config()
    (collection,) = settings["collections"]
    assert collection["folder"] == "innovations/dinkes"
    assert collection["path"] == "{{slug}}/inovasi"
    assert collection["filter"] == {"field": "nama", "value": ""}  # lists no opd.yaml
    assert settings["publish_mode"] == "editorial_workflow"
    form = _fields(collection["fields"])
    assert form["nama"]["required"] is True
    assert form["nama"]["pattern"] == ["^.{3,150}$", "3 sampai 150 karakter"]
    assert form["ringkasan"]["widget"] == "text"
    assert form["tahapan"]["options"] == [
        {"label": "Inisiatif", "value": "inisiatif"},
        {"label": "Uji Coba", "value": "uji-coba"},
        {"label": "Penerapan", "value": "penerapan"},
    ]
    assert form["tematik"]["required"] is False
    assert len(_fields(form["urusan"]["fields"])["utama"]["options"]) == 38
    years = form["tahun_laporan"]
    assert (years["widget"], years["multiple"], years["min"], years["required"]) == (
        "select",
        True,
        1,
        True,
    )
    assert years["options"][0] == {"label": "2026", "value": 2026}
    assert _fields(form["tanggal"]["fields"])["mulai"]["pattern"] == cms.DATE_PATTERN
    assert len(form["tpb"]["options"]) == 17 and form["tpb"]["multiple"] is True
    indicators = form["indikator"]["fields"]
    assert len(indicators) == len(load_reference().newest.indikator)
    assert _fields(indicators[0]["fields"])["tingkat"]["max"] == 3
    newest = load_reference().newest
    assert [b["label"] for b in indicators if b["label"].endswith(" (wajib)")] == [
        f"{i.nomor}. {i.nama} (wajib)" for i in newest.indikator if i.wajib
    ]
    assert len([i for i in newest.indikator if i.wajib]) == 5
    for block, indicator in zip(indicators, newest.indikator, strict=True):
        hint = _fields(block["fields"])["tingkat"]["hint"]
        for level in (1, 2, 3):
            assert f"{level}: {indicator.parameter[level]}" in hint
    media = _fields(form["media"]["fields"])
    assert media["berkas"]["widget"] == "file"  # a PDF is kept
    assert _fields(media["persetujuan"].get("fields", [])) == {}
    assert media["persetujuan"]["widget"] == "boolean"
    assert not {"sumber_data", "proposal", "pemda"} & set(form)


def test_no_hint_speaks_of_the_yaml_file() -> None:
    """The form's hints use the words of its controls: no lines, keys, true/false, lists."""
    found: list[str] = []

    def walk(entries: list[dict[str, Any]]) -> None:
        for entry in entries:
            for key in ("hint", "label"):
                found.append(str(entry.get(key, "")))
            found.extend(str(p[1]) for p in [entry.get("pattern", [None, ""])])
            walk(entry.get("fields", []))
            walk([entry["field"]] if "field" in entry else [])

    for collection in _config()["collections"]:
        walk(collection["fields"])
    words = re.compile(r"\bbaris\b|\bkunci\b|\btrue\b|\bfalse\b|\[|yaml|TTTT|\bpeta\b", re.I)
    assert [text for text in found if words.search(text)] == []


def test_form_settings_are_checked() -> None:
    assert form_from({"backend": "gitlab", "repo": "pemkab/katalog", "app_id": "abc123"}) == (
        FormBackend("gitlab", "pemkab/katalog", "main", None, "abc123", None)
    )
    assert form_from({"backend": "github", "repo": "a/b", "lokal": "true"}) == FormBackend(
        "github", "a/b", local_port=8081
    )
    for bad in (
        {"backend": "bitbucket", "repo": "a/b"},
        {"backend": "github", "repo": "a b"},
        {"backend": "github", "repo": "a/b", "base_url": "http://oauth.example"},
        {"backend": "github", "repo": "a/b", "lokal": "ya"},
        {"backend": "github", "repo": "a/b", "kunci": "x"},
        "github",
    ):
        assert form_from(bad) is None, bad


def test_unusable_form_setting_is_refused_at_its_line(site_project: Path) -> None:
    config = site_project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("extra:\n", "extra:\n  formulir:\n    backend: bitbucket\n", 1),
        encoding="utf-8",
    )
    result = run_sepeda(site_project, "check")
    assert result.returncode == 1
    line = text.splitlines().index("extra:") + 3  # the line under formulir:
    assert (
        f"mkdocs.yml:{line}:5: error: extra.formulir: formulir admin harus berisi backend "
        "(github atau gitlab) dan repo (PEMILIK/REPO)"
    ) in result.stdout


def test_admin_page_allows_only_its_own_files_and_the_git_host() -> None:
    region = Region(form=FormBackend("github", "a/b"))
    files = cms.admin_files(load_reference(), "innovations", [("dinkes", "Dinkes")], region, {})
    page = str(files["admin/index.html"])
    assert "connect-src &#39;self&#39; blob: https://api.github.com;" in page
    assert "localhost" not in page and "local_backend" not in str(files["admin/config.yml"])
    assert '<script src="decap-cms.js"></script>' in page
    assert str(files["admin/bahasa.js"]).startswith('window.CMS.registerLocale("id", {')
    assert cms.admin_files(load_reference(), "innovations", [], Region(), {}) == {}


# ---- the form in Chromium ---------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _form_repository(root: Path, parts: dict[str, Path]) -> Iterator[tuple[Path, Any]]:
    """``parts`` (name in the project → source folder) as a Git repository with the form on,
    built and served, and decap-server writing to that repository."""
    if not vendor.bundle_files():
        _unavailable("Decap CMS is not installed (python -m generator.outputs.vendor)")
    if not DECAP_SERVER.is_file() or shutil.which("node") is None:
        _unavailable("decap-server is not installed (npm ci)")
    root.mkdir(parents=True, exist_ok=True)
    for name, source in parts.items():
        shutil.copytree(source, root / name, dirs_exist_ok=True)
    port = _free_port()
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    form = f"extra:\n  formulir:\n    backend: github\n    repo: uji/katalog\n    lokal: {port}\n"
    (root / "mkdocs.yml").write_text(text.replace("extra:\n", form, 1), encoding="utf-8")
    (root / ".gitignore").write_text("site/\n", encoding="utf-8")
    for command in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "awal"]):
        subprocess.run([*GIT, *command], cwd=root, check=True)
    built = run_sepeda(root, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    env = {**os.environ, "GIT_REPO_DIRECTORY": str(root), "PORT": str(port), "MODE": "git"}
    server = subprocess.Popen(
        ["node", str(DECAP_SERVER)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        for _ in range(100):
            with socket.socket() as sock:
                if sock.connect_ex(("localhost", port)) == 0:
                    break
            time.sleep(0.1)
        with serving(root / "site") as site:
            yield root, site
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def form_project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Any]]:
    """The fixture catalogue as a Git repository with the form on, and decap-server."""
    root = tmp_path_factory.mktemp("cms") / "repo"
    parts = {".": ROOT / "tests" / "fixtures" / "catalogue"}
    yield from _form_repository(
        root, {**parts, "docs": ROOT / "docs", "overrides": ROOT / "overrides"}
    )


def test_form_creates_an_innovation_with_a_photo_that_passes_the_check(
    browser: Any, form_project: tuple[Path, Any], tmp_path: Path
) -> None:
    from PIL import Image
    from playwright.sync_api import expect

    root, site = form_project
    photo = tmp_path / "posyandu-keliling.jpg"
    Image.new("RGB", (800, 450), (30, 120, 90)).save(photo, quality=85)
    context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if "Content Security" in m.text else 0)
    page.set_default_timeout(TIMEOUT_MS)

    def control(label: str, nth: int = 0) -> Any:
        pattern = re.compile("^" + re.escape(label) + r"( \(opsional\))?$")
        target = page.locator("label", has_text=pattern).nth(nth).get_attribute("for")
        return page.locator(f"[id='{target}']")

    def choose(label: str, option: str, nth: int = 0) -> None:
        field = control(label, nth)
        field.click()
        field.fill(option)
        page.keyboard.press("Enter")

    page.goto(site.url("admin/"))
    page.get_by_role("button", name="Masuk").click()
    page.goto(site.url("admin/#/collections/dinkes"))
    # opd.yaml and verifikasi.yaml are never offered as innovations to edit
    expect(page.get_by_text("Daftar ini hanya untuk menambah inovasi baru")).to_be_visible()
    expect(page.get_by_text("Antrean Daring")).to_have_count(0)
    page.get_by_text("+ inovasi baru").click()
    control("Nama").fill("Posyandu Keliling Digital")
    control("Ringkasan").fill(
        "Kader posyandu mencatat penimbangan balita dengan aplikasi sehingga data gizi "
        "terkirim ke puskesmas pada hari yang sama."
    )
    choose("Tahapan", "Inisiatif")
    choose("Jenis", "OPD")
    control("Nama", 1).fill("Dinas Kesehatan")
    choose("Jenis", "Digital", 1)
    choose("Bentuk inovasi", "Pelayanan Publik")
    choose("Urusan utama", "2. Kesehatan")
    control("Tanggal mulai").fill("01-03-2025")  # day-month-year in the form
    choose("Tahun pelaporan IID", "2025")
    page.get_by_role("button", name="Tambah foto dan dokumen").click()
    page.get_by_role("button", name="Pilih berkas").click()
    page.locator("input[type=file]").set_input_files(str(photo))
    page.get_by_role("button", name="Pakai yang dipilih").click()
    control("Keterangan", -1).fill("Kader posyandu menimbang balita")
    page.get_by_role("button", name="Simpan", exact=True).click()
    expect(page.get_by_text("Perubahan tersimpan")).to_be_visible()
    context.close()
    assert problems == []

    branch = "cms/dinkes/posyandu-keliling-digital/inovasi"
    folder = "innovations/dinkes/posyandu-keliling-digital"
    for _ in range(50):  # decap-server commits right after it answers
        shown = subprocess.run([*GIT, "show", f"{branch}:{folder}/inovasi.yaml"], cwd=root,
                               capture_output=True, text=True, check=False)  # fmt: skip
        if shown.returncode == 0:
            break
        time.sleep(0.1)
    assert yaml.safe_load(shown.stdout) == {
        "nama": "Posyandu Keliling Digital",
        "ringkasan": "Kader posyandu mencatat penimbangan balita dengan aplikasi sehingga data "
        "gizi terkirim ke puskesmas pada hari yang sama.",
        "tahapan": "inisiatif",
        "inisiator": {"jenis": "opd", "nama": "Dinas Kesehatan"},
        "jenis": "digital",
        "bentuk": "pelayanan-publik",
        "urusan": {"utama": "kesehatan"},
        "tanggal": {"mulai": date(2025, 3, 1)},
        "tahun_laporan": [2025],
        "media": [
            {"berkas": "posyandu-keliling.jpg", "keterangan": "Kader posyandu menimbang balita"}
        ],
    }
    # a separate worktree: decap-server keeps switching branches in its own checkout
    tree = tmp_path / "cabang"
    subprocess.run([*GIT, "worktree", "add", "-q", str(tree), branch], cwd=root, check=True)
    assert (tree / folder / "posyandu-keliling.jpg").is_file()
    checked = run_sepeda(tree, "check", folder)
    assert checked.returncode == 0, checked.stdout
    assert checked.stderr.startswith("0 galat, 1 peringatan"), checked.stderr


def test_form_fits_a_phone(browser: Any, form_project: tuple[Path, Any]) -> None:
    from playwright.sync_api import expect

    _, site = form_project
    context = browser.new_context(locale="id-ID", viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(site.url("admin/"))
    page.get_by_role("button", name="Masuk").click()
    page.goto(site.url("admin/#/collections/dinkes/new"))
    expect(page.get_by_text("Ringkasan", exact=True)).to_be_visible()
    # Decap fixes its editor at 800 px; formulir.css lets it shrink to the screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()


def test_the_form_writes_the_canonical_layout_of_every_shipped_record(tmp_path: Path) -> None:
    """formulir.js reads and writes each shipped inovasi.yaml byte for byte (node)."""
    if shutil.which("node") is None:
        _unavailable("node is not installed")
    from generator.record import layout, models

    order = tmp_path / "urutan.json"
    order.write_text(json.dumps(layout.order_tree(models.Inovasi)), encoding="utf-8")
    script = (
        "const fs = require('fs'); const vm = require('vm'); const box = {};"
        "vm.runInNewContext(fs.readFileSync(process.argv[1], 'utf8'), {globalThis: box});"
        "const o = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));"
        "for (const f of process.argv.slice(3)) { const t = fs.readFileSync(f, 'utf8');"
        " if (box.SEPEDA_YAML.dump(box.SEPEDA_YAML.parse(t), o) !== t) console.log(f); }"
    )
    shipped = sorted(str(p) for p in (ROOT / "innovations").rglob("inovasi.yaml"))
    formulir = ROOT / "generator" / "outputs" / "formulir.js"
    done = subprocess.run(
        ["node", "-e", script, str(formulir), str(order), *shipped],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert done.stdout == ""
    assert len(shipped) > 20


def test_a_new_year_keeps_the_claims_of_the_previous_one() -> None:
    """formulir.js's rule for the yearly update (node): a save that adds a year later than
    the file's latest keeps the file's claims in riwayat under that year, once."""
    if shutil.which("node") is None:
        _unavailable("node is not installed")
    claims = {"regulasi": {"tingkat": 1, "bukti": [{"berkas": "sk.pdf"}]}}
    cases = [
        # (before, after, the riwayat entry added)
        ({"tahun_laporan": [2024, 2025], "indikator": claims},
         {"tahun_laporan": [2024, 2025, 2026], "indikator": {}},
         {"tahun": 2025, "indikator": claims}),
        ({"tahun_laporan": [2025], "indikator": claims},
         {"tahun_laporan": [2025], "indikator": {}}, None),  # no new year
        ({"tahun_laporan": [2025], "indikator": claims},
         {"tahun_laporan": [2024, 2025], "indikator": {}}, None),  # an earlier year
        ({"tahun_laporan": [2025], "indikator": {}},
         {"tahun_laporan": [2025, 2026]}, None),  # no claims to keep
        ({"tahun_laporan": [2025], "indikator": claims},
         {"tahun_laporan": [2025, 2026], "riwayat": [{"tahun": 2025, "indikator": {}}]},
         None),  # already kept
        ({"indikator": claims}, {"tahun_laporan": [2026]}, None),  # no year before
    ]  # fmt: skip
    script = (
        "const fs = require('fs'); const vm = require('vm'); const box = {};"
        "vm.runInNewContext(fs.readFileSync(process.argv[1], 'utf8'), {globalThis: box});"
        "const cases = JSON.parse(process.argv[2]);"
        "console.log(JSON.stringify(cases.map(c => box.SEPEDA_YAML.keptYear(c[0], c[1]))));"
    )
    formulir = ROOT / "generator" / "outputs" / "formulir.js"
    done = subprocess.run(
        ["node", "-e", script, str(formulir), json.dumps([c[:2] for c in cases])],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert json.loads(done.stdout) == [c[2] for c in cases]


@pytest.fixture(scope="module")
def shipped_project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Any]]:
    """The shipped catalogue as a Git repository with the form on, and decap-server."""
    root = tmp_path_factory.mktemp("cms-shipped") / "repo"
    yield from _form_repository(
        root, {part: ROOT / part for part in ("innovations", "docs", "overrides")}
    )


SHOTS = Path(os.environ.get("SEPEDA_SHOTS", "/tmp/sepeda-formulir"))


def _expand(page: Any, heading: str) -> None:
    """Open a collapsed block of the form by its heading."""
    page.locator(
        f"xpath=//button[@aria-label='Buka'][normalize-space(..)='{heading}']"
    ).first.click()


def _claim_control(page: Any, heading: str, label: str) -> Any:
    """The input labelled ``label`` inside the (opened) block titled ``heading``."""

    def target(scope: str, text: str) -> str:
        pattern = re.compile("^" + re.escape(text) + r"( \(opsional\))?$")
        found = page.locator(f"{scope}label", has_text=pattern).first.get_attribute("for")
        return f"[id='{found}']"

    return page.locator(target(target("", heading) + " ", label))


def _indicator_lines(text: str) -> list[str]:
    """The lines of the top-level ``indikator`` block of a record in the canonical layout."""
    lines = text.splitlines()
    start = lines.index("indikator:") + 1
    end = next(i for i in range(start, len(lines)) if not lines[i].startswith(" "))
    return lines[start:end]


def test_a_phone_follows_the_yearly_update_and_the_diff_is_only_that(
    browser: Any, shipped_project: tuple[Path, Any], tmp_path: Path
) -> None:
    """The guide's "Pembaruan tahunan" from a browser only, at 360 px: add the new year,
    raise one claim, add evidence to another, save; the form keeps last year's claims in
    riwayat by itself, and the branch passes the check."""
    from PIL import Image
    from playwright.sync_api import expect

    root, site = shipped_project
    SHOTS.mkdir(parents=True, exist_ok=True)
    folder = "innovations/bapperida/sepeda-baru"
    before = (root / folder / "inovasi.yaml").read_text(encoding="utf-8")
    evidence = tmp_path / "kep-balitbangda-penjaringan-2020.pdf"
    Image.new("RGB", (200, 280), (255, 255, 255)).save(evidence)
    context = browser.new_context(locale="id-ID", viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)

    page.goto(site.url("admin/"))
    page.get_by_role("button", name="Masuk").click()
    page.goto(site.url("admin/#/collections/bapperida--terdaftar"))
    name = "Sistem Penjaringan Inovasi Daerah Balangan Terpadu"
    expect(page.get_by_text(name)).to_be_visible()
    page.screenshot(path=SHOTS / "1-daftar.png")
    page.get_by_text(name).click()
    expect(page.get_by_text("Tahun pelaporan IID").first).to_be_visible()
    page.screenshot(path=SHOTS / "2-sunting.png")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    # step 1: the new reporting year, the old ones kept
    label = page.locator("label", has_text=re.compile(r"^Tahun pelaporan IID")).first
    years = page.locator(f"[id='{label.get_attribute('for')}']")
    years.click()
    years.fill("2026")
    page.keyboard.press("Enter")
    # step 2 is the form's: nothing to do here
    # step 3: raise a claim that can now be proven, and evidence for another
    _expand(page, "Indikator IID dan bukti dukung")
    _expand(page, "10. Sosialisasi Inovasi Daerah")
    level = _claim_control(page, "10. Sosialisasi Inovasi Daerah", "Tingkat")
    expect(level).to_have_value("1")
    level.fill("2")
    _expand(page, "1. Regulasi Inovasi Daerah (wajib)")
    page.get_by_role("button", name="Tambah bukti").first.click()
    page.get_by_role("button", name="Pilih berkas").first.click()
    page.locator("input[type=file]").set_input_files(str(evidence))
    page.get_by_role("button", name="Pakai yang dipilih").click()
    page.screenshot(path=SHOTS / "3-bukti.png")
    # step 6: save
    page.get_by_role("button", name="Simpan", exact=True).click()
    expect(page.get_by_text("Perubahan tersimpan")).to_be_visible()
    page.screenshot(path=SHOTS / "4-tersimpan.png")
    # opened again, the form shows last year's claims where the form kept them
    page.reload()
    label = page.locator("label", has_text=re.compile(r"^Klaim tahun sebelumnya"))
    kept_block = page.locator(f"[id='{label.first.get_attribute('for')}']")
    expect(kept_block).to_contain_text("1 klaim tahun sebelumnya")
    kept_block.get_by_role("button", name="Buka").first.click()
    kept_year = kept_block.locator("input[type=number]").first
    expect(kept_year).to_have_value("2022")
    kept_year.scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "4-riwayat.png")
    context.close()

    branch = "cms/bapperida--terdaftar/sepeda-baru"
    for _ in range(50):  # decap-server commits right after it answers
        diff = subprocess.run([*GIT, "diff", "-U0", "main", branch], cwd=root,
                              capture_output=True, text=True, check=False)  # fmt: skip
        if diff.returncode == 0 and "inovasi.yaml" in diff.stdout and ".pdf" in diff.stdout:
            break
        time.sleep(0.1)
    changed = [
        line
        for line in diff.stdout.splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    kept = ["+riwayat:", "+  - tahun: 2022", "+    indikator:"] + [
        "+    " + line for line in _indicator_lines(before)
    ]
    assert changed == [
        "+  - 2026",
        "+    bukti:",
        f"+      - berkas: {evidence.name}",
        "-    tingkat: 1",
        "+    tingkat: 2",
        *kept,
    ], diff.stdout
    names = subprocess.run([*GIT, "diff", "--name-only", "main", branch], cwd=root,
                           capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert names.split() == [f"{folder}/inovasi.yaml", f"{folder}/{evidence.name}"]

    old = yaml.safe_load(before)
    shown = subprocess.run([*GIT, "show", f"{branch}:{folder}/inovasi.yaml"], cwd=root,
                           capture_output=True, text=True, check=True).stdout  # fmt: skip
    saved = yaml.safe_load(shown)
    assert saved["tahun_laporan"] == [2020, 2021, 2022, 2026]
    assert saved["riwayat"] == [{"tahun": 2022, "indikator": old["indikator"]}]
    assert saved["indikator"]["sosialisasi"]["tingkat"] == 2
    assert saved["indikator"]["regulasi"]["bukti"] == [{"berkas": evidence.name}]
    # a separate worktree: decap-server keeps switching branches in its own checkout
    tree = tmp_path / "cabang"
    subprocess.run([*GIT, "worktree", "add", "-q", str(tree), branch], cwd=root, check=True)
    checked = run_sepeda(tree, "check", folder)
    assert checked.returncode == 0, checked.stdout
    assert checked.stderr == "Tidak ada galat. Katalog siap diterbitkan.\n", checked.stderr
    assert not re.search(r": (error|warning): ", checked.stdout), checked.stdout
    rapi = run_sepeda(tree, "rapikan", "--periksa", folder)
    assert rapi.returncode == 0, rapi.stdout + rapi.stderr


def test_the_picker_hides_the_catalogue_files_and_deletes_nothing(
    browser: Any, shipped_project: tuple[Path, Any], tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    root, site = shipped_project
    SHOTS.mkdir(parents=True, exist_ok=True)
    letter = tmp_path / "surat.docx"
    letter.write_bytes(b"PK\x03\x04 bukan foto")
    context = browser.new_context(locale="id-ID", viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    alerts: list[str] = []
    page.on("dialog", lambda d: (alerts.append(d.message), d.accept()))
    page.goto(site.url("admin/"))
    page.get_by_role("button", name="Masuk").click()
    for address in (
        "admin/#/collections/bapperida/new",  # the agency's folder: opd.yaml
        "admin/#/collections/bapperida--terdaftar/entries/siap-pd",  # inovasi.yaml
    ):
        page.goto(site.url(address))
        page.reload()  # a new address in the same page keeps the picker open
        page.get_by_role("button", name="Tambah foto dan dokumen").click()
        page.get_by_role("button", name="Pilih berkas").first.click()
        expect(page.get_by_role("button", name="Pakai yang dipilih")).to_be_visible()
        page.wait_for_timeout(500)
        shown = page.evaluate(
            "() => Array.from(document.querySelectorAll('[class*=CardText]'))"
            ".filter(e => e.offsetParent !== null).map(e => e.textContent)"
        )
        assert not [name for name in shown if name.endswith(".yaml")], shown
        expect(page.get_by_role("button", name="Hapus yang dipilih")).to_have_count(0)
        page.locator("input[type=file]").set_input_files(str(letter))
        page.screenshot(path=SHOTS / "5-pemilih.png")
    context.close()
    refused = [a for a in alerts if a.startswith("Jenis berkas ini tidak diterima")]
    assert len(refused) == 2, alerts
    assert (root / "innovations" / "bapperida" / "opd.yaml").is_file()
    listed = subprocess.run([*GIT, "ls-tree", "-r", "--name-only", "HEAD"], cwd=root,
                            capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert "innovations/bapperida/opd.yaml" in listed.split()


def test_a_record_without_a_reporting_year_is_not_saved(
    browser: Any, shipped_project: tuple[Path, Any]
) -> None:
    from playwright.sync_api import expect

    _, site = shipped_project
    context = browser.new_context(locale="id-ID", viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(site.url("admin/"))
    page.get_by_role("button", name="Masuk").click()
    page.goto(site.url("admin/#/collections/bapperida/new"))
    label = page.locator("label", has_text=re.compile("^Nama$")).first.get_attribute("for")
    page.locator(f"[id='{label}']").fill("Posyandu Tanpa Tahun")
    page.get_by_role("button", name="Simpan", exact=True).click()
    expect(page.get_by_text("Ada isian wajib yang belum diisi")).to_be_visible()
    errors = page.evaluate(
        "() => Array.from(document.querySelectorAll('[class*=ControlErrorsList]'))"
        ".map(e => e.textContent)"
    )
    assert any(e.startswith("Tahun pelaporan IID") for e in errors), "|".join(errors)
    page.screenshot(path=SHOTS / "6-ditolak.png", full_page=False)
    context.close()
