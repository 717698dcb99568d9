"""Detection of Indonesian personal data in free text (pure: no I/O, no state).

This module owns the rules that decide what counts as personal data that must not be
published (FORMAT.md, "Personal data"). :func:`scan_text` is used on raw YAML text, file
names and text extracted from PDFs. Matches are reported with a masked value only, because
CI logs of a public repository are public too.

Rules (false negatives are worse than false positives; ordinary catalogue text stays quiet):

Numbers. A *number sequence* is a run of digit groups joined by single separators (space,
tab, no-break space, ``.`` or ``-``). ``/``, ``,`` and line breaks end a sequence, so
regulation numbers such as ``188.4/69/Balitbangda-Blg/2020`` fall apart into short pieces.
Every run of whole groups inside a sequence is a candidate window:

- ``nik`` (NIK or KK number): 16 digits. One unbroken group of 16 digits always matches
  (as ``npwp`` when it starts with ``0``: the 16-digit NPWP of non-individuals); a window
  of several groups matches when it does not start with ``0`` (no province code does) and
  every group has at least two digits (``3204 0145 0190 0001``, ``320401.450190.0001``,
  ``32-04-01-450190-0001``).
- ``nip``: 18 digits. One unbroken group always matches; a window of several groups
  matches when the digits read ``YYYYMMDD YYYYMM G NNN`` (``19860926 201505 1 001``).
- ``npwp``: 15 digits, or the old layout ``XX.XXX.XXX.X-XXX.XXX`` (with a leading ``0``
  it has 16 digits). One unbroken group of 15 digits always matches; a window of several
  groups must have the NPWP layout.
- Windows are skipped when they are preceded by a currency sign (``Rp``, ``IDR``, ``USD``,
  ``$``) or when every whitespace-separated token they touch is a year or a date
  (``2019 2020 2021 2022``, ``01-03-2020 31-12-2021``). Shorter numbers (money such as
  ``Rp1.500.000.000``, dates, years, percentages, ids in URLs shorter than 15 digits,
  ``Nomor 40 Tahun 2021``) never reach 15 digits and are never matched.

``telepon``: Indonesian mobile numbers: ``0``, ``62`` or ``+62``, then ``8`` and a second
digit 1-9, 9 to 13 digits in all when written with ``0`` (8 to 12 after the prefix);
spaces, dots, dashes and parentheses may separate the groups (``0812-3456-7890``,
``+62 (812) 3456 7890``). Landlines (``0526-2028123``) are office numbers and are not
matched. A match must not continue a dotted or dashed number (``2024-08-15-10-30-45-123`` in a
screenshot name is not a phone number) and must end where its digit group ends; date-only
text is skipped.

``email``: addresses on personal mailbox providers (Gmail, Yahoo, Ymail, Hotmail, Outlook,
Live, MSN, iCloud, Proton, AOL, GMX, Yandex, Zoho, Mail.com ...). Institutional domains
(``*.go.id``, ``*.ac.id``, ``*.sch.id``, ``*.desa.id``, ``*.mil.id``, ``*.or.id``, other
``*.id`` and unknown domains) are not matched.

``alamat``: home addresses, by the RT/RW heuristic only: ``RT 003/RW 002``, ``RT.03 RW.02``,
``RT 3, RW 4``, ``RT/RW 003/002``.

Overlaps: e-mail and address matches win, then a whole number sequence, then phone numbers,
then windows inside longer sequences; the result is sorted by ``start`` and never overlaps.

Masking keeps the first four digits and the last four (two for phone numbers) and replaces
the rest with ``*``: ``3204********0001``. E-mail keeps the first character of the local
part and the domain (``b***@gmail.com``); addresses keep only ``RT``/``RW``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from generator.base.diagnostics import line_col

__all__ = ["PiiMatch", "is_mobile_number", "is_personal_email", "line_col", "scan_text"]

LABELS: dict[str, str] = {
    "nik": "NIK",
    "nip": "NIP",
    "npwp": "NPWP",
    "telepon": "nomor ponsel pribadi",
    "email": "alamat e-mail pribadi",
    "alamat": "alamat rumah",
    "telepon_rumah": "nomor telepon rumah atau pribadi",
}


@dataclass(frozen=True)
class PiiMatch:
    """One piece of personal data found at ``text[start:end]``."""

    kind: str
    label: str
    start: int
    end: int
    masked: str


_SEP = r"[ \t\u00a0.\-]"
_SEQUENCE_RE = re.compile(rf"(?<![0-9])[0-9]+(?:{_SEP}[0-9]+)*")
_GROUP_RE = re.compile(r"[0-9]+")
_NON_DIGIT_RE = re.compile(r"[^0-9]")

_NIP_RE = re.compile(
    r"(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])"
    r"(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])[12][0-9]{3}"
)
_NPWP_LAYOUT_RE = re.compile(
    r"[0-9]{2,3}[. ]?[0-9]{3}[. ]?[0-9]{3}[. ]?[0-9][.\- ]?[0-9]{3}[. ]?[0-9]{3}"
)

_PHONE_RE = re.compile(
    r"(?<![0-9+])(?<![0-9][.\-])(?:\+62|62|0)\)?[ \t\u00a0.\-]?\(?8"
    r"(?:\)?[ \t\u00a0.\-]?\)?[0-9]){7,11}(?![0-9])"
)
_PHONE_STRIP_RE = re.compile(r"[ \t\u00a0.\-()]")
_MOBILE_RE = re.compile(r"(?:\+62|62|0)8[1-9][0-9]{6,10}")

_EMAIL_RE = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@(?:[A-Za-z0-9\-]+\.)+[A-Za-z]{2,}"
)
_PERSONAL_PROVIDERS = (
    "gmail|googlemail|yahoo|ymail|rocketmail|hotmail|outlook|live|msn|icloud|me|mac"
    "|proton|protonmail|pm|aol|gmx|yandex|zoho|mail|tutanota|tuta"
)
_PERSONAL_DOMAIN_RE = re.compile(
    rf"(?:[a-z0-9\-]+\.)*(?:{_PERSONAL_PROVIDERS})\.(?:co\.)?[a-z]{{2,3}}"
)
_INSTITUTIONAL_SUFFIXES = (".go.id", ".ac.id", ".sch.id", ".desa.id", ".mil.id", ".or.id")

_ADDRESS_RE = re.compile(
    r"\bRT\.?\s*:?\s*[0-9]{1,3}\s*[/,]?\s*RW\.?\s*:?\s*[0-9]{1,3}(?![0-9])"
    r"|\bRT\s*/\s*RW\.?\s*:?\s*[0-9]{1,3}\s*/\s*[0-9]{1,3}(?![0-9])",
    re.IGNORECASE,
)

# A landline or an address is personal only when the text says it is a home or private one:
# office numbers (0526-2028123) and office addresses are public and stay quiet.
_PERSONAL_LANDLINE_RE = re.compile(
    r"\b(?:rumah|pribadi|kediaman|rmh)\b[^0-9\n]{0,20}?"
    r"(?!\(?(?:0|\+?62[ .\-]?)8)"  # not a mobile number (those have their own rule)
    r"(\(?(?:\+62[ .\-]?|0)[1-9][0-9]{1,3}\)?[ .\-]?[0-9]{3,4}[ .\-]?[0-9]{2,5})(?![0-9])",
    re.IGNORECASE,
)
_HOME_ADDRESS_RE = re.compile(
    r"\b(?:alamat\s+(?:rumah|pribadi|tinggal)|tinggal\s+di|domisili)\b[^\n]{0,12}?"
    r"\b(?:Jl|Jln|Jalan|Gg|Gang|Komplek|Perum)\b\.?\s+[^\n,;]{2,60}",
    re.IGNORECASE,
)

_CURRENCY_BEFORE_RE = re.compile(r"(?:\bRp|\bIDR|\bUSD|\$)\.?\s*$", re.IGNORECASE)
_DATE_TOKEN_RE = re.compile(
    r"(?:19|20)[0-9]{2}(?:-(?:19|20)[0-9]{2})*"
    r"|(?:19|20)[0-9]{2}[-.](?:0?[1-9]|1[0-2])[-.](?:0?[1-9]|[12][0-9]|3[01])"
    r"|(?:0?[1-9]|[12][0-9]|3[01])[-.](?:0?[1-9]|1[0-2])[-.](?:19|20)[0-9]{2}"
)
_EDGE_PUNCTUATION = ",;:()[]{}\"'"
_REACH = 40
_TOKEN_END_RE = re.compile(r"\S*$")
_TOKEN_START_RE = re.compile(r"\S*")

# Tiers decide which of two overlapping candidates is kept (lower wins).
_TIER_TEXT = 0
_TIER_SEQUENCE = 1
_TIER_PHONE = 2
_TIER_WINDOW = 3


def scan_text(text: str) -> list[PiiMatch]:
    """Every piece of personal data in ``text``, sorted by start, without overlaps."""
    candidates: list[tuple[int, PiiMatch]] = []
    candidates.extend((_TIER_TEXT, m) for m in _emails(text))
    candidates.extend((_TIER_TEXT, m) for m in _addresses(text))
    candidates.extend(_identity_numbers(text))
    candidates.extend((_TIER_PHONE, m) for m in _phones(text))
    return _without_overlaps(candidates)


def is_personal_email(address: str) -> bool:
    """True for an address on a personal mailbox provider (gmail.com, yahoo.co.id ...)."""
    domain = address.rpartition("@")[2].strip().lower().rstrip(".")
    if not domain or domain.endswith(_INSTITUTIONAL_SUFFIXES):
        return False
    return _PERSONAL_DOMAIN_RE.fullmatch(domain) is not None


def is_mobile_number(number: str) -> bool:
    """True for an Indonesian mobile number (``08..``, ``628..``, ``+628..``)."""
    return _MOBILE_RE.fullmatch(_PHONE_STRIP_RE.sub("", number.strip())) is not None


def _without_overlaps(candidates: list[tuple[int, PiiMatch]]) -> list[PiiMatch]:
    ordered = sorted(candidates, key=lambda c: (c[0], c[1].start, -c[1].end, c[1].kind))
    starts: list[int] = []
    kept: list[PiiMatch] = []  # sorted by start, pairwise disjoint
    for _, match in ordered:
        index = bisect.bisect_right(starts, match.start)
        if index > 0 and kept[index - 1].end > match.start:
            continue
        if index < len(kept) and kept[index].start < match.end:
            continue
        starts.insert(index, match.start)
        kept.insert(index, match)
    return kept


def _make(kind: str, start: int, end: int, masked: str) -> PiiMatch:
    return PiiMatch(kind=kind, label=LABELS[kind], start=start, end=end, masked=masked)


def _mask_digits(digits: str, keep_end: int = 4) -> str:
    keep_start = 4
    hidden = len(digits) - keep_start - keep_end
    if hidden < len(digits) // 3:
        keep_end = max(0, len(digits) - keep_start - len(digits) // 3)
        hidden = len(digits) - keep_start - keep_end
    return digits[:keep_start] + "*" * hidden + digits[len(digits) - keep_end :]


def _emails(text: str) -> list[PiiMatch]:
    found: list[PiiMatch] = []
    for m in _EMAIL_RE.finditer(text):
        if is_personal_email(m.group()):
            local, _, domain = m.group().rpartition("@")
            found.append(_make("email", m.start(), m.end(), f"{local[:1]}***@{domain.lower()}"))
    return found


def _addresses(text: str) -> list[PiiMatch]:
    found = [
        _make("alamat", m.start(), m.end(), "RT ***/RW ***") for m in _ADDRESS_RE.finditer(text)
    ]
    found += [
        _make("alamat", m.start(), m.end(), "Jl. ***") for m in _HOME_ADDRESS_RE.finditer(text)
    ]
    found += [
        _make("telepon_rumah", m.start(1), m.end(1), _mask_digits(re.sub(r"[^0-9]", "", m[1]), 2))
        for m in _PERSONAL_LANDLINE_RE.finditer(text)
    ]
    return found


def _phones(text: str) -> list[PiiMatch]:
    found: list[PiiMatch] = []
    for m in _PHONE_RE.finditer(text):
        if not is_mobile_number(m.group()) or _excluded(text, m.start(), m.end()):
            continue
        digits = _PHONE_STRIP_RE.sub("", m.group()).lstrip("+")
        found.append(_make("telepon", m.start(), m.end(), _mask_digits(digits, keep_end=2)))
    return found


def _identity_numbers(text: str) -> list[tuple[int, PiiMatch]]:
    found: list[tuple[int, PiiMatch]] = []
    for sequence in _SEQUENCE_RE.finditer(text):
        offset = sequence.start()
        groups = [(offset + g.start(), offset + g.end()) for g in _GROUP_RE.finditer(sequence[0])]
        for first, last in _windows(groups):
            match = _classify(text, groups[first][0], groups[last][1])
            if match is not None:
                whole = first == 0 and last == len(groups) - 1
                found.append((_TIER_SEQUENCE if whole else _TIER_WINDOW, match))
    return found


def _windows(groups: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """(first, last) group indexes of every run of whole groups with 15, 16 or 18 digits."""
    for first in range(len(groups)):
        length = 0
        for last in range(first, len(groups)):
            length += groups[last][1] - groups[last][0]
            if length > 18:
                break
            if length in (15, 16, 18):
                yield first, last


def _classify(text: str, start: int, end: int) -> PiiMatch | None:
    written = text[start:end]
    digits = _NON_DIGIT_RE.sub("", written)
    kind = _kind_of(written, digits, len(digits) == len(written))
    if kind is None or _excluded(text, start, end):
        return None
    return _make(kind, start, end, _mask_digits(digits))


def _kind_of(written: str, digits: str, unbroken: bool) -> str | None:
    if unbroken:
        if len(digits) == 16 and digits.startswith("0"):
            return "npwp"
        return {15: "npwp", 16: "nik", 18: "nip"}.get(len(digits))
    if len(digits) in (15, 16) and _NPWP_LAYOUT_RE.fullmatch(written):
        return "npwp"
    if (
        len(digits) == 16
        and not digits.startswith("0")
        and all(len(g) >= 2 for g in _GROUP_RE.findall(written))
    ):
        return "nik"
    if len(digits) == 18 and _NIP_RE.fullmatch(digits):
        return "nip"
    return None


def _excluded(text: str, start: int, end: int) -> bool:
    """True for money amounts and for text made only of years and dates."""
    if _CURRENCY_BEFORE_RE.search(text, max(0, start - 8), start):
        return True
    return _only_dates(text, start, end)


def _only_dates(text: str, start: int, end: int) -> bool:
    """True when every whitespace-delimited token that ``text[start:end]`` touches is a date.

    Tokens are looked for within ``_REACH`` characters: a longer token is not a date.
    """
    low, high = max(0, start - _REACH), min(len(text), end + _REACH)
    before = _TOKEN_END_RE.search(text, low, start)
    after = _TOKEN_START_RE.match(text, end, high)
    assert before is not None and after is not None  # both patterns match the empty string
    if (before.start() == low > 0) or (after.end() == high < len(text)):
        return False
    tokens = text[before.start() : after.end()].split()
    return all(_DATE_TOKEN_RE.fullmatch(t.strip(_EDGE_PUNCTUATION)) for t in tokens)
