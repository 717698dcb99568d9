"""Whose catalogue this is: the regional government's name and the site's address.

One place for both: ``mkdocs.yml`` (``extra.pemda`` and ``site_url``), read with the
project's strict YAML reader. A regency that adopts the catalogue changes these two lines;
every page, export and feed follows. Without a readable ``mkdocs.yml`` the defaults below
apply (the configuration guard reports what is wrong with the file).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.record.yamlfile import YamlProblem, read_yaml

DEFAULT_PEMDA = "Kabupaten Balangan"
DEFAULT_SITE_URL = "https://inovasi.balangankab.go.id/"


@dataclass(frozen=True)
class Region:
    """The regional government (``pemda``) and the public address (ends with ``/``)."""

    pemda: str = DEFAULT_PEMDA
    site_url: str = DEFAULT_SITE_URL
    pokja: tuple[str, ...] = ()
    """GitHub accounts or teams of the pokja (``extra.pokja``): owners of opd.yaml and
    verifikasi.yaml files."""
    maintainers: tuple[str, ...] = ()
    """Accounts that own everything else (``extra.pengelola``)."""
    licence: Licence | None = None
    """The open data's licence (``extra.lisensi_data``), ``None`` when not set."""
    edit_base: str | None = None
    """Address that, followed by a file's path in the repository, opens it in the hosting
    site's editor (``extra.sunting``, for example
    ``https://github.com/<pemilik>/<repo>/edit/main/``); ``None`` shows no edit link."""
    form: FormBackend | None = None
    """Where the admin form (``admin/``) saves (``extra.formulir``); ``None``: no form."""
    deadlines: tuple[tuple[int, date], ...] = ()
    """The IID deadline of each reporting year (``extra.tenggat``), by year."""

    def deadline(self, today: date) -> tuple[int, date] | None:
        """The next deadline on or after ``today``; else the latest one; ``None`` if none."""
        ahead = [d for d in self.deadlines if d[1] >= today]
        return ahead[0] if ahead else (self.deadlines[-1] if self.deadlines else None)


@dataclass(frozen=True)
class Licence:
    """A licence by name and the https address of its text."""

    nama: str
    url: str


@dataclass(frozen=True)
class FormBackend:
    """The Git host the admin form writes to (``extra.formulir`` of ``mkdocs.yml``).

    ``github`` needs an OAuth helper at ``base_url`` (GitHub offers no login for a page
    alone); ``gitlab`` logs in with PKCE and needs only the application id ``app_id``.
    ``lokal: true`` (or a port number) lets the form use ``npx decap-server`` on the
    admin's own computer (port 8081 unless given).
    """

    backend: str
    repo: str
    branch: str = "main"
    base_url: str | None = None
    app_id: str | None = None
    local_port: int | None = None

    def decap(self) -> dict[str, object]:
        """The ``backend`` block of the Decap configuration."""
        block: dict[str, object] = {"name": self.backend, "repo": self.repo, "branch": self.branch}
        if self.base_url:
            block["base_url"] = self.base_url
        if self.app_id:
            block |= {"app_id": self.app_id, "auth_type": "pkce"}
        return block


_REPO_RE = re.compile(r"^[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)+$")
_BRANCH_RE = re.compile(r"^[A-Za-z0-9_./-]{1,100}$")


FORM_KEYS = frozenset({"backend", "repo", "branch", "base_url", "app_id", "lokal"})


def form_from(value: object) -> FormBackend | None:
    """``extra.formulir`` as a :class:`FormBackend`; ``None`` when any part is unusable."""
    if not isinstance(value, dict) or set(value) - FORM_KEYS:
        return None
    backend, repo, branch = value.get("backend"), value.get("repo"), value.get("branch", "main")
    base_url, app_id = value.get("base_url"), value.get("app_id")
    port = _port(value.get("lokal", False))
    if (
        backend not in ("github", "gitlab")
        or not isinstance(repo, str)
        or not _REPO_RE.match(repo)
        or not isinstance(branch, str)
        or not _BRANCH_RE.match(branch)
        or (base_url is not None and https_address(base_url) is None)
        or (app_id is not None and not (isinstance(app_id, str) and app_id.isalnum()))
        or port is None
    ):
        return None
    return FormBackend(backend, repo, branch, base_url, app_id, port or None)


def _port(value: object) -> int | None:
    """``lokal``: 0 for off, the decap-server port when on, ``None`` when unusable."""
    if value in (False, "false"):
        return 0
    if value in (True, "true"):
        return 8081
    text = str(value)
    return int(text) if text.isdigit() and 1024 <= int(text) <= 65535 else None


def read_region(config: Path) -> Region:
    """``extra.pemda`` and ``site_url`` of ``mkdocs.yml``, each defaulted when absent."""
    try:
        doc, _ = read_yaml(config)
    except YamlProblem:
        return Region()
    data: dict[str, object] = doc.data if isinstance(doc.data, dict) else {}
    extra = data.get("extra")
    pemda = extra.get("pemda") if isinstance(extra, dict) else None
    site = data.get("site_url")
    return Region(
        " ".join(pemda.split()) if isinstance(pemda, str) and pemda.strip() else DEFAULT_PEMDA,
        site.rstrip("/") + "/" if isinstance(site, str) and site.strip() else DEFAULT_SITE_URL,
        _accounts(extra.get("pokja") if isinstance(extra, dict) else None),
        _accounts(extra.get("pengelola") if isinstance(extra, dict) else None),
        licence_from(extra.get("lisensi_data") if isinstance(extra, dict) else None),
        https_address(extra.get("sunting") if isinstance(extra, dict) else None, slash=True),
        form_from(extra.get("formulir") if isinstance(extra, dict) else None),
        deadlines_from(extra.get("tenggat") if isinstance(extra, dict) else None) or (),
    )


def deadlines_from(value: object) -> tuple[tuple[int, date], ...] | None:
    """``extra.tenggat`` (reporting year: ``YYYY-MM-DD``) sorted by year; ``None`` when any
    entry is unusable (a year that is not four digits, a date that is not a date)."""
    if not isinstance(value, dict) or not value:
        return None
    found = []
    for year, when in value.items():
        text = str(when)
        if not (isinstance(year, str) and year.isdigit() and len(year) == 4):
            return None
        try:
            found.append((int(year), date.fromisoformat(text)))
        except ValueError:
            return None
        if len(text) != 10:
            return None
    return tuple(sorted(found))


def https_address(value: object, *, slash: bool = False) -> str | None:
    """``value`` when it is a plain ``https://`` address (no spaces, quotes or angle
    brackets), with one trailing ``/`` when ``slash``; otherwise ``None``."""
    if (
        not isinstance(value, str)
        or not value.startswith("https://")
        or any(c.isspace() or c in "\"'<>" for c in value)
    ):
        return None
    return value.rstrip("/") + "/" if slash else value


def licence_from(value: object) -> Licence | None:
    """A ``{nama, url}`` mapping as a licence; ``None`` when either part is unusable."""
    if not isinstance(value, dict):
        return None
    name, address = value.get("nama"), https_address(value.get("url"))
    if not isinstance(name, str) or not name.strip() or address is None:
        return None
    return Licence(" ".join(name.split()), address)


def _accounts(value: object) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return tuple(i for i in items if isinstance(i, str) and i.startswith("@") and " " not in i)
