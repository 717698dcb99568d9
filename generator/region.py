"""Whose catalogue this is: the regional government's name and the site's address.

One place for both: ``mkdocs.yml`` (``extra.pemda`` and ``site_url``), read with the
project's strict YAML reader. A regency that adopts the catalogue changes these two lines;
every page, export and feed follows. Without a readable ``mkdocs.yml`` the defaults below
apply (the configuration guard reports what is wrong with the file).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.yamlfile import YamlProblem, read_yaml

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


@dataclass(frozen=True)
class Licence:
    """A licence by name and the https address of its text."""

    nama: str
    url: str


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
    )


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
