"""Staff import rules (``rules/staff_import.py``): column titles, cell values
and the checks of a whole file, without Odoo."""

import datetime

import pytest

from rules import nip
from rules import staff_import as rules
from rules.service import golongan_selection

TODAY = datetime.date(2026, 6, 1)


def make_nip(birth, tmt, gender="male", sequence=1):
    return nip.build(
        datetime.date.fromisoformat(birth),
        datetime.date.fromisoformat(tmt),
        gender,
        sequence,
    )


A = make_nip("1985-02-10", "2010-03-01", "female", 1)
B = make_nip("1975-07-01", "2001-04-01", "male", 2)
C = make_nip("1992-11-30", "2019-03-01", "male", 3)


def row(nip_value, name="Ani", **values):
    return rules.StaffRow(nip=nip_value, name=name, **values)


def codes(issues):
    return [(issue.index, issue.column, issue.code) for issue in issues]


# ------------------------------------------------------------- titles
def test_every_template_column_maps_to_a_field():
    fields = [rules.field_for_header(title) for title in rules.TEMPLATE_HEADERS]
    assert fields == [
        "nip",
        "name",
        "birthday",
        "gender",
        "asn_type",
        "golongan",
        "job_id",
        "department_id",
        "tmt_cpns",
        "parent_nip",
    ]


@pytest.mark.parametrize(
    ("title", "field"),
    [
        ("NIP BARU", "nip"),
        ("Nip_Baru", "nip"),
        ("Tgl. Lahir", "birthday"),
        ("PANGKAT/GOLONGAN", "golongan"),
        ("Gol. Akhir", "golongan"),
        ("UNOR", "department_id"),
        ("NIP Atasan Langsung", "parent_nip"),
        ("Alamat", None),
    ],
)
def test_siasn_titles(title, field):
    assert rules.field_for_header(title) == field


# -------------------------------------------------------------- cells
@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("III/a", "pns_3a"),
        ("iii/a", "pns_3a"),
        ("IIIa", "pns_3a"),
        ("III-b", "pns_3b"),
        ("Penata Muda (III/a)", "pns_3a"),
        ("Penata Muda Tingkat I, III/b", "pns_3b"),
        ("Juru Muda Tingkat I, I/b", "pns_1b"),
        ("PNS IV/e - Pembina Utama", "pns_4e"),
        ("III/e", None),  # only IV has a ruang e
        ("IX", "pppk_9"),
        ("PPPK IX", "pppk_9"),
        ("Golongan XVII", "pppk_17"),
        ("9", "pppk_9"),
        ("XVIII", None),
        ("pns_2c", "pns_2c"),
        ("pppk_12", "pppk_12"),
        ("", None),
        ("Pembina", None),
    ],
)
def test_golongan_key(text, key):
    assert rules.golongan_key(text) == key


def test_every_grade_label_reads_back():
    for key, label in golongan_selection():
        assert rules.golongan_key(label) == key, label


@pytest.mark.parametrize(
    ("text", "key"),
    [("PNS", "pns"), ("CPNS", "pns"), ("pppk", "pppk"), ("P3K", "pppk"),
     ("PPPK Paruh Waktu", "pppk"), ("Non-ASN", "non_asn"), ("Honorer", "non_asn"),
     ("", None), ("Tetap", None)],
)  # fmt: skip
def test_asn_type_key(text, key):
    assert rules.asn_type_key(text) == key


@pytest.mark.parametrize(
    ("text", "key"),
    [("L", "male"), ("Laki-laki", "male"), ("PRIA", "male"), ("1", "male"),
     ("P", "female"), ("Perempuan", "female"), ("Wanita", "female"), ("2", "female"),
     ("X", None), ("", None)],
)  # fmt: skip
def test_gender_key(text, key):
    assert rules.gender_key(text) == key


@pytest.mark.parametrize(
    ("title", "position"),
    [
        ("Guru Ahli Pertama", ("fungsional", "ahli_pertama")),
        ("Perawat  Terampil", ("fungsional", "terampil")),
        ("Analis Kebijakan Ahli Madya", ("fungsional", "ahli_madya")),
        ("Kepala Dinas", (None, None)),
        ("Pengadministrasi Umum", (None, None)),
    ],
)
def test_position_from_job_title(title, position):
    assert rules.position_from_job_title(title) == position


def test_unit_path_and_name_key():
    assert rules.unit_path(" Dinas Pendidikan /  SD  01 / ") == (
        "Dinas Pendidikan",
        "SD 01",
    )
    assert rules.name_key("  SD   Negeri 01 ") == rules.name_key("sd negeri 01")


# --------------------------------------------------------- whole file
def test_clean_file_has_no_issue():
    rows = [
        row(B, "Budi", parent_nip=A, asn_type="pns", golongan="pns_3a"),  # later
        row(A, "Ani", asn_type="pns"),
        row(C, "Citra", parent_nip="199001012015011999"),  # in the database
    ]
    assert rules.check_rows(rows, {"199001012015011999"}, TODAY) == []


@pytest.mark.parametrize(
    ("nip_value", "code"),
    [
        ("19800101200501100", "length"),
        ("19800101200501100A", "digits"),
        ("198002302005011001", "birth_date"),
        ("198001012005131001", "tmt"),
        ("198001012005211001", "pppk_marker"),
        ("198001012005013001", "gender"),
        ("198001011997011001", "too_young"),
        ("209901012005011001", "future"),
    ],
)
def test_each_broken_nip_part_is_named(nip_value, code):
    issues = rules.check_rows([row(A), row(nip_value, "X")], today=TODAY)
    assert codes(issues) == [(1, "nip", code)]
    assert issues[0].value == nip_value


def test_pppk_marker_is_fine_for_pppk():
    assert (
        rules.check_rows([row("199507212022212003", asn_type="pppk")], today=TODAY)
        == []
    )


def test_spaces_in_nips_are_ignored_and_duplicates_found():
    spaced = f"{A[:8]} {A[8:14]} {A[14]} {A[15:]}"
    issues = rules.check_rows([row(A), row(B), row(spaced, "Twice")], today=TODAY)
    assert codes(issues) == [(2, "nip", "duplicate")]
    assert issues[0].other == 0


def test_missing_name_and_nip():
    issues = rules.check_rows([row(A, name=" "), row("", "No Nip")], today=TODAY)
    assert codes(issues) == [(0, "name", "name_missing"), (1, "nip", "nip_missing")]


def test_grade_must_fit_the_asn_type():
    rows = [
        row(A, asn_type="pns", golongan="pppk_9"),
        row(B, asn_type="pppk", golongan="pns_3a"),
        row(C, asn_type=None, golongan="pns_3a"),
        row(make_nip("1990-01-01", "2015-01-01"), asn_type="pppk", golongan="pppk_9"),
    ]
    assert codes(rules.check_rows(rows, today=TODAY)) == [
        (0, "golongan", "golongan_type"),
        (1, "golongan", "golongan_type"),
        (2, "golongan", "golongan_type"),
    ]


def test_typed_dates_must_respect_the_18th_birthday():
    rows = [
        row(A, tmt_cpns=datetime.date(2002, 1, 1)),  # born 1985 (from the NIP)
        row(B, birthday=datetime.date(1990, 1, 1)),  # TMT 2001 (from the NIP)
        row(
            C, birthday=datetime.date(1992, 11, 30), tmt_cpns=datetime.date(2010, 11, 1)
        ),
    ]
    assert codes(rules.check_rows(rows, today=TODAY)) == [
        (0, "tmt_cpns", "tmt_too_young"),
        (1, "tmt_cpns", "tmt_too_young"),
    ]


def test_supervisor_checks():
    rows = [
        row(A, parent_nip=A),
        row(B, parent_nip=C),  # neither in the file nor known
        row(C, parent_nip="12345"),  # mistyped: the broken part is named
    ]
    rows[1] = row(B, parent_nip=make_nip("1970-01-01", "1995-01-01", sequence=9))
    assert codes(rules.check_rows(rows, today=TODAY)) == [
        (0, "parent_nip", "parent_self"),
        (1, "parent_nip", "parent_unknown"),
        (2, "parent_nip", "length"),
    ]


def test_loops_in_the_file_are_found():
    rows = [
        row(A, parent_nip=B),
        row(B, parent_nip=C),
        row(C, parent_nip=A),
        row(make_nip("1990-01-01", "2015-01-01"), parent_nip=A),  # below the loop
    ]
    assert codes(rules.check_rows(rows, today=TODAY)) == [
        (0, "parent_nip", "parent_cycle"),
        (1, "parent_nip", "parent_cycle"),
        (2, "parent_nip", "parent_cycle"),
    ]


def test_template_file_matches_the_columns(addon_dir):
    openpyxl = pytest.importorskip("openpyxl")
    path = addon_dir / "static" / "xls" / "hr_employee_siasn_import.xlsx"
    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[0]) == rules.TEMPLATE_HEADERS
    examples = [
        row(
            str(cells[0]),
            cells[1],
            asn_type=rules.asn_type_key(cells[4]),
            golongan=rules.golongan_key(cells[5]),
            parent_nip=cells[9] or "",
        )
        for cells in values[1:]
    ]
    assert examples and rules.check_rows(examples) == []
