"""The admin form's browser code: Decap CMS, installed from the npm registry at a pinned version.

The site never loads it from a CDN: ``make site`` (``python -m generator.outputs.vendor``) downloads
the package tarball once, checks it against the sha512 integrity recorded below (the value
the npm registry publishes, the same as in an npm lock file) and unpacks only the browser
bundle into the virtual environment (``<prefix>/share/sepeda/decap-cms-<version>``). The
build copies it to ``admin/`` of the site. Nothing is fetched at build or test time.
"""

from __future__ import annotations

import base64
import hashlib
import io
import shutil
import sys
import tarfile
import tempfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class NpmPackage:
    """One npm package pinned by version and tarball integrity."""

    name: str
    version: str
    integrity: str

    @property
    def tarball(self) -> str:
        return f"https://registry.npmjs.org/{self.name}/-/{self.name}-{self.version}.tgz"

    @property
    def folder(self) -> Path:
        return Path(sys.prefix) / "share" / "sepeda" / f"{self.name}-{self.version}"


DECAP = NpmPackage(
    "decap-cms",
    "3.16.3",
    "sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw==",
)
"""Decap CMS: ``dist/decap-cms.js`` with its lazily loaded chunks and WebAssembly."""


def _wanted(member: str) -> bool:
    name = member.removeprefix("package/")
    if name == "LICENSE":
        return True
    if not name.startswith("dist/") or "/" in name[5:]:
        return False
    file = name[5:]
    return file == "decap-cms.js" or file.endswith((".decap-cms.js", ".wasm"))


def bundle_files(package: NpmPackage = DECAP) -> dict[str, bytes]:
    """The installed bundle (file name → bytes), sorted; empty when it is not installed."""
    if not package.folder.is_dir():
        return {}
    return {p.name: p.read_bytes() for p in sorted(package.folder.iterdir()) if p.is_file()}


def verify(data: bytes, integrity: str) -> None:
    """Raise ``ValueError`` unless ``data`` matches the ``sha512-...`` integrity string."""
    algorithm, _, expected = integrity.partition("-")
    if algorithm != "sha512":
        raise ValueError(f"unsupported integrity {algorithm}")
    actual = base64.b64encode(hashlib.sha512(data).digest()).decode()
    if actual != expected:
        raise ValueError(f"integrity mismatch: expected {expected}, got {actual}")


def unpack(data: bytes, target: Path) -> None:
    """Write the wanted members of the tarball ``data`` to ``target`` (replaced whole)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=".unpack-"))
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
            for member in archive.getmembers():
                if member.isfile() and _wanted(member.name):
                    source = archive.extractfile(member)
                    if source is not None:
                        (staging / Path(member.name).name).write_bytes(source.read())
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def install(package: NpmPackage = DECAP) -> Path:
    """Download, verify and unpack ``package`` unless it is already there."""
    if (package.folder / "decap-cms.js").is_file():
        return package.folder
    with urllib.request.urlopen(package.tarball, timeout=120) as response:  # noqa: S310
        data = response.read()
    verify(data, package.integrity)
    unpack(data, package.folder)
    return package.folder


if __name__ == "__main__":
    print(install())
