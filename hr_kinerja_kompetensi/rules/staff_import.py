"""Staff rows of a SIASN-style export: column titles, cell values, file checks.

The national civil-service register (SIASN, BKN) exports one row per civil
servant. HR imports that sheet through Odoo's import screen; the employee
model (``models/hr_kinerja_staff_import_mixin.py``) hands the raw cells of the
whole file to :func:`check_rows` before anything is written and turns each
:class:`Issue` into a translated message with the row number.
"""

import datetime
import re
from dataclasses import dataclass

from . import nip as nip_rules
from .service import golongan_fits, golongan_selection

# The template's columns, in order (SIASN's own titles, in Indonesian: they
# are the data contract with the register, not interface text).
TEMPLATE_HEADERS = [
    "NIP",
    "NAMA",
    "TANGGAL LAHIR",
    "JENIS KELAMIN",
    "JENIS ASN",
    "GOLONGAN",
    "JABATAN",
    "UNIT KERJA",
    "TMT CPNS",
    "NIP ATASAN",
]

# Column title (as header_key() writes it) -> hr.employee field. The template's
# titles and the usual variants of SIASN exports, so the import screen maps
# a real export without the user choosing each column.
HEADER_ALIASES = {
    "nip": "nip",
    "nip baru": "nip",
    "nip 18": "nip",
    "nomor induk pegawai": "nip",
    "nama": "name",
    "nama pegawai": "name",
    "nama lengkap": "name",
    "nama asn": "name",
    "tanggal lahir": "birthday",
    "tgl lahir": "birthday",
    "jenis kelamin": "gender",
    "jk": "gender",
    "jenis asn": "asn_type",
    "status asn": "asn_type",
    "jenis pegawai": "asn_type",
    "golongan": "golongan",
    "gol": "golongan",
    "gol akhir": "golongan",
    "golongan akhir": "golongan",
    "golongan ruang": "golongan",
    "gol ruang": "golongan",
    "pangkat golongan": "golongan",
    "jabatan": "job_id",
    "nama jabatan": "job_id",
    "jabatan terakhir": "job_id",
    "unit kerja": "department_id",
    "unit organisasi": "department_id",
    "unor": "department_id",
    "nama unor": "department_id",
    "tmt cpns": "tmt_cpns",
    "nip atasan": "parent_nip",
    "nip atasan langsung": "parent_nip",
    "nip ppk": "parent_nip",
    "nip pejabat penilai": "parent_nip",
}


def header_key(text):
    """A column title without case, punctuation or repeated spaces."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", (text or "").casefold()).split())


def field_for_header(text):
    """The hr.employee field a SIASN column title stands for, or None."""
    return HEADER_ALIASES.get(header_key(text))


# ------------------------------------------------------------------ cells
_ASN_TYPES = {
    "pns": "pns",
    "cpns": "pns",  # a candidate civil servant is counted as PNS
    "pppk": "pppk",
    "p3k": "pppk",
    "pppkparuhwaktu": "pppk",
    "nonasn": "non_asn",
    "honorer": "non_asn",
}


def asn_type_key(text):
    """``pns`` / ``pppk`` / ``non_asn`` for the ways exports write the type."""
    return _ASN_TYPES.get(re.sub(r"[^0-9a-z]+", "", (text or "").casefold()))


_ROMAN_VALUES = {
    "I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8,
    "IX": 9, "X": 10, "XI": 11, "XII": 12, "XIII": 13, "XIV": 14, "XV": 15,
    "XVI": 16, "XVII": 17,
}  # fmt: skip
# PNS: golongan I-IV and ruang a-e ("III/a", "IIIa", "III-a", "Penata, III/c")
_PNS_GRADE = re.compile(r"(?<![a-z])(iv|iii|ii|i)\s*[/-]?\s*([a-e])(?![a-z])", re.I)
# PPPK: a bare grade I-XVII or 1-17, maybe after "PPPK" / "Golongan"
_PPPK_PREFIX = re.compile(r"^(pppk|p3k|golongan|gol)\b\.?\s*", re.I)
_KEYS = {key for key, _label in golongan_selection()}


def golongan_key(text):
    """The pangkat/golongan key (``pns_3a``, ``pppk_9``) of a cell, or None.

    PNS grades always carry the ruang letter, so a bare numeral is a PPPK
    grade; the rank name around the code ("Penata Muda (III/a)") is ignored.
    """
    value = (text or "").strip()
    if value in _KEYS:
        return value
    found = _PNS_GRADE.search(value)
    if found:
        level, ruang = _ROMAN_VALUES[found.group(1).upper()], found.group(2).lower()
        # ruang a-d, and IV/e
        if ruang <= ("e" if level == 4 else "d"):
            return f"pns_{level}{ruang}"
        return None
    bare = value
    while _PPPK_PREFIX.match(bare):
        bare = _PPPK_PREFIX.sub("", bare, count=1)
    bare = bare.strip().upper()
    grade = int(bare) if bare.isdigit() else _ROMAN_VALUES.get(bare)
    if grade and 1 <= grade <= 17:
        return f"pppk_{grade}"
    return None


_GENDERS = {
    "l": "male",
    "lk": "male",
    "laki": "male",
    "lakilaki": "male",
    "pria": "male",
    "male": "male",
    "m": "male",
    "1": "male",
    "p": "female",
    "pr": "female",
    "perempuan": "female",
    "wanita": "female",
    "female": "female",
    "f": "female",
    "w": "female",
    "2": "female",
}


def gender_key(text):
    """``male`` / ``female`` for L/P, Laki-laki/Perempuan, Pria/Wanita, 1/2."""
    return _GENDERS.get(re.sub(r"[^0-9a-z]+", "", (text or "").casefold()))


# The level in the title of a functional position ("Guru Ahli Pertama",
# "Perawat Terampil") is reliable; other titles say nothing certain.
_FUNCTIONAL_LEVEL = re.compile(
    r"\b(ahli utama|ahli madya|ahli muda|ahli pertama"
    r"|penyelia|mahir|terampil|pemula)\b",
    re.I,
)


def position_from_job_title(title):
    """``("fungsional", level)`` for a functional title, else ``(None, None)``."""
    found = _FUNCTIONAL_LEVEL.search(" ".join((title or "").split()))
    if not found:
        return None, None
    return "fungsional", found.group(1).lower().replace(" ", "_")


def unit_path(text):
    """The parts of a unit written as a path ("Dinas Pendidikan / SD 01")."""
    return tuple(
        " ".join(part.split()) for part in (text or "").split("/") if part.strip()
    )


def name_key(text):
    """Unit and job names compare without case and repeated spaces."""
    return " ".join((text or "").casefold().split())


# ------------------------------------------------------------ whole file
@dataclass
class StaffRow:
    """What the checks need of one row (``None``: the file has no such column)."""

    nip: str
    name: str
    asn_type: str | None = None
    golongan: str | None = None
    parent_nip: str | None = None
    birthday: datetime.date | None = None
    tmt_cpns: datetime.date | None = None


@dataclass(frozen=True)
class Issue:
    """One broken rule of one row.

    ``index`` is the row's position in the data (0 = first data row),
    ``column`` the hr.employee field at fault, ``code`` the rule: a
    :class:`~rules.nip.NipError` code, or ``nip_missing``, ``pppk_marker``,
    ``duplicate``, ``name_missing``, ``golongan_type``, ``tmt_too_young``,
    ``parent_unknown``, ``parent_self``, ``parent_cycle``. ``other`` is the
    index of the row it clashes with (the first row of a duplicate NIP).
    """

    index: int
    column: str
    code: str
    value: str = ""
    other: int | None = None


def _nip_issue(index, column, nip, pppk, today):
    """(issue or None, the parsed NIP or None)."""
    try:
        return None, nip_rules.parse(nip, today=today, pppk=pppk)
    except nip_rules.NipError as error:
        code = error.code
        if (
            code == "tmt"
            and not pppk
            and len(nip) == nip_rules.NIP_LENGTH
            and nip[12:14] in nip_rules.PPPK_MONTH_MARKERS
        ):
            code = "pppk_marker"  # a PPPK number in a row not marked PPPK
        return Issue(index, column, code, nip), None


def check_rows(rows, known_nips=frozenset(), today=None):
    """Every issue of the file, in row order; an empty list means it is clean.

    ``known_nips``: NIPs of the employees already in the database (of the
    company the file is imported into); a supervisor must be in the file or
    among them. NIPs are compared normalised (spaces and dots removed).
    """
    issues = []
    first_row = {}
    nips = [nip_rules.normalize(row.nip) for row in rows]
    for index, (row, nip) in enumerate(zip(rows, nips, strict=True)):
        parsed = None
        if not (row.name or "").strip():
            issues.append(Issue(index, "name", "name_missing", nip))
        if not nip:
            issues.append(Issue(index, "nip", "nip_missing"))
        elif nip in first_row:
            issues.append(Issue(index, "nip", "duplicate", nip, first_row[nip]))
        else:
            first_row[nip] = index
            issue, parsed = _nip_issue(index, "nip", nip, row.asn_type == "pppk", today)
            if issue:
                issues.append(issue)
        if not golongan_fits(row.asn_type, row.golongan):
            issues.append(Issue(index, "golongan", "golongan_type", row.golongan))
        if row.birthday or row.tmt_cpns:
            # a date typed in the file, the other one from the NIP if needed
            birth = row.birthday or (parsed and parsed.birth_date)
            tmt = row.tmt_cpns or (parsed and parsed.tmt_cpns)
            if birth and tmt and tmt < _adult_month(birth):
                issues.append(Issue(index, "tmt_cpns", "tmt_too_young", str(tmt)))
        parent = nip_rules.normalize(row.parent_nip)
        if not parent:
            continue
        if parent == nip:
            issues.append(Issue(index, "parent_nip", "parent_self", parent))
        elif parent not in known_nips and parent not in nips:
            # a mistyped NIP is named by the rule it breaks, if any
            issue, _parsed = _nip_issue(index, "parent_nip", parent, True, today)
            issues.append(issue or Issue(index, "parent_nip", "parent_unknown", parent))
    issues.extend(_cycles(rows, nips, first_row))
    issues.sort(key=lambda issue: issue.index)
    return issues


def _adult_month(birth):
    """First day of the month of the 18th birthday (the model's own rule)."""
    year, month = birth.year + nip_rules.MIN_AGE_AT_TMT, birth.month
    return datetime.date(year, month, 1)


def _cycles(rows, nips, first_row):
    """Rows whose supervisor chain inside the file comes back to them."""
    parent_of = {}
    for row, nip in zip(rows, nips, strict=True):
        parent = nip_rules.normalize(row.parent_nip)
        if nip and parent and parent != nip and first_row.get(nip) is not None:
            parent_of.setdefault(nip, parent)
    in_cycle = set()
    for start in parent_of:
        seen, current = [], start
        while current in parent_of and current not in seen:
            seen.append(current)
            current = parent_of[current]
        if current == start:
            in_cycle.update(seen)
    return [
        Issue(first_row[nip], "parent_nip", "parent_cycle", parent_of[nip])
        for nip in sorted(in_cycle, key=first_row.get)
    ]
