"""National reference data shipped with the package: the 38 urusan and the IID frameworks.

Sources: ``data/urusan.yaml`` (UU 23/2014 Ps. 11-12, IID form order) and ``data/iid-*.yaml``
(Kemendagri/BSKDN Indeks Inovasi Daerah, one file per cycle; provenance in each file's
header). Adding a reporting year is adding a file here, never code: the framework that
applies to a year is the one whose ``berlaku`` lists it.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict


class _Ref(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Indikator(_Ref):
    """One SID indicator: score = bobot x tingkat (1..3) when proven."""

    kunci: str
    nomor: int
    nama: str
    keterangan: str
    bobot: int
    wajib: bool
    parameter: dict[int, str]
    bukti: str
    usia_bukti: int | None = None
    """Evidence counts only when dated in the reporting year or this many years before it
    (the indicator's wording: "tahun terakhir", "2 tahun terakhir", T-0 to T-2)."""


class Predikat(_Ref):
    """A predicate band on the 0-100 IID scale (bounds inclusive)."""

    kunci: str
    nama: str
    min: float
    max: float


class SkorJumlahInovasi(_Ref):
    """The count-of-innovations score: MIN(n, batas) x per_inovasi, maybe conditional."""

    per_inovasi: float
    batas_inovasi: int
    syarat_urusan_yandas_minimum: int | None = None


class AturanIndeks(_Ref):
    """How a cycle turns innovation scores into the regency's index."""

    pembagi_minimum: int
    skor_jumlah_inovasi: SkorJumlahInovasi
    skor_spd_maksimum: float
    skor_total_maksimum: float
    predikat: list[Predikat]


class Kerangka(_Ref):
    """An IID indicator framework (one reporting cycle or a range of them)."""

    id: str
    nama: str
    berlaku: list[int]
    skor_maksimum: int
    indikator: list[Indikator]
    indeks: AturanIndeks | None = None

    def by_key(self) -> dict[str, Indikator]:
        """Indicators keyed by ``kunci``, in framework order."""
        return {i.kunci: i for i in self.indikator}


class Urusan(_Ref):
    """One of the 38 urusan pemerintahan."""

    kunci: str
    nomor: int
    nama: str
    kelompok: str


class Sumber(_Ref):
    """A source of a published figure."""

    judul: str
    url: str


class HasilResmi(_Ref):
    """A published IID result of the regency for one year, with its sources."""

    tahun: int
    ringkasan: str
    nilai: float | None
    sumber: list[Sumber]


class JumlahDilaporkan(_Ref):
    """How many innovations the regency reported (or netted) in a year, with its sources:
    the denominator of the catalogue's coverage."""

    tahun: int
    jumlah: int
    apa: str
    keterangan: str
    sumber: list[Sumber]


class Reference(_Ref):
    """Everything national the catalogue is checked and scored against."""

    kelompok_urusan: dict[str, str]
    urusan: dict[str, Urusan]
    kerangka: list[Kerangka]
    hasil: list[HasilResmi] = []
    jumlah: list[JumlahDilaporkan] = []
    pemda_hasil: str = ""
    """The regency whose published results and counts ``hasil`` and ``jumlah`` are."""

    def for_pemda(self, pemda: str) -> Reference:
        """This reference for a catalogue of ``pemda``: another regency's published results
        and counts are left out (compared without case or extra spaces)."""
        if " ".join(pemda.split()).casefold() == " ".join(self.pemda_hasil.split()).casefold():
            return self
        return self.model_copy(update={"hasil": [], "jumlah": [], "pemda_hasil": pemda})

    def reported(self, year: int) -> JumlahDilaporkan | None:
        """The regency's own count of innovations for a year, if a source gives one."""
        return next((j for j in self.jumlah if j.tahun == year), None)

    def framework(self, framework_id: str) -> Kerangka:
        """The framework with this ``id`` (a score or a projection names the one it used)."""
        return next(k for k in self.kerangka if k.id == framework_id)

    def kerangka_for_year(self, year: int) -> Kerangka | None:
        """The framework in force for a reporting year, if the package has one."""
        for framework in self.kerangka:
            if year in framework.berlaku:
                return framework
        return None

    def kerangka_for_years(self, years: list[int]) -> Kerangka:
        """The framework an innovation is scored with: its latest reporting year's; when that
        year has none published yet (or there is no year), the newest framework."""
        framework = self.kerangka_for_year(max(years)) if years else None
        return framework or self.newest

    def is_estimate(self, years: list[int]) -> bool:
        """Whether the latest of ``years`` has no published framework, so that the newest
        one stands in for it as an estimate."""
        return bool(years) and self.kerangka_for_year(max(years)) is None

    @property
    def newest(self) -> Kerangka:
        """The framework with the latest ``berlaku`` year."""
        return max(self.kerangka, key=lambda k: max(k.berlaku))

    def indicator_keys(self) -> list[str]:
        """Every indicator key known to any framework, in first-seen order."""
        seen: dict[str, None] = {}
        for framework in self.kerangka:
            for indikator in framework.indikator:
                seen.setdefault(indikator.kunci)
        return list(seen)

    def yandas(self) -> list[Urusan]:
        """The six urusan wajib pelayanan dasar."""
        return [u for u in self.urusan.values() if u.kelompok == "wajib-pelayanan-dasar"]


def _read(name: str) -> object:
    text = (
        resources.files("generator.record")
        .joinpath("data")
        .joinpath(name)
        .read_text(encoding="utf-8")
    )
    return yaml.safe_load(text)


@cache
def load_reference() -> Reference:
    """Load and validate the packaged reference data (cached: it never changes in a run)."""
    urusan_doc = _read("urusan.yaml")
    if not isinstance(urusan_doc, dict):
        raise TypeError("data/urusan.yaml must be a mapping")
    frameworks = []
    for entry in sorted(resources.files("generator.record").joinpath("data").iterdir(), key=str):
        if entry.name.startswith("iid-") and entry.name.endswith(".yaml"):
            frameworks.append(Kerangka.model_validate(_read(entry.name)))
    frameworks.sort(key=lambda k: min(k.berlaku))
    return Reference(
        kelompok_urusan=urusan_doc["kelompok"],
        urusan={u["kunci"]: Urusan.model_validate(u) for u in urusan_doc["urusan"]},
        kerangka=frameworks,
        hasil=[HasilResmi.model_validate(h) for h in _results("hasil")],
        jumlah=[JumlahDilaporkan.model_validate(j) for j in _results("jumlah")],
        pemda_hasil=str(_read("hasil-iid.yaml")["pemda"]),  # type: ignore[index]
    )


def _results(key: str) -> list[object]:
    document = _read("hasil-iid.yaml")
    if not isinstance(document, dict) or not isinstance(document.get(key), list):
        raise TypeError(f"data/hasil-iid.yaml must hold a list under '{key}'")
    return list(document[key])
