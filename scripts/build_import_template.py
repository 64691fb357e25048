#!/usr/bin/env python3
"""Build the staff import template (static/xls/hr_employee_siasn_import.xlsx).

    python3 scripts/build_import_template.py

The columns are rules/staff_import.py's TEMPLATE_HEADERS (SIASN's own titles,
which the import screen maps by itself); three example rows show the formats,
the second sheet explains each column. The file is committed: run this again
after changing the columns. The output is the same on every run (fixed
document dates), so git only sees real changes.
"""

import datetime
import os
import sys

import xlsxwriter

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADDON = os.path.join(REPO, "hr_kinerja_kompetensi")
sys.path.insert(0, ADDON)

from rules.staff_import import TEMPLATE_HEADERS  # noqa: E402

OUTPUT = os.path.join(ADDON, "static", "xls", "hr_employee_siasn_import.xlsx")
FIXED_DATE = datetime.datetime(2026, 1, 1)

# NIP, NAMA, TANGGAL LAHIR, JENIS KELAMIN, JENIS ASN, GOLONGAN, JABATAN,
# UNIT KERJA, TMT CPNS, NIP ATASAN. The teacher's supervisor comes in the
# next row: the import sets supervisors once every row is in.
EXAMPLES = [
    [
        "199203142019032007",
        "Fitri Handayani, S.Pd.",
        datetime.date(1992, 3, 14),
        "P",
        "PNS",
        "III/a",
        "Guru Ahli Pertama",
        "Dinas Pendidikan / SD Negeri 01 Muara Bulian",
        datetime.date(2019, 3, 1),
        "197805102003121004",
    ],
    [
        "197805102003121004",
        "Abdul Hamid, S.Pd., M.Pd.",
        datetime.date(1978, 5, 10),
        "L",
        "PNS",
        "III/d",
        "Guru Ahli Muda",
        "Dinas Pendidikan / SD Negeri 01 Muara Bulian",
        datetime.date(2003, 12, 1),
        "",
    ],
    [
        "199507212022212003",
        "Rina Marlina, A.Md.Kep.",
        "",
        "",
        "PPPK",
        "VII",
        "Perawat Terampil",
        "Dinas Kesehatan / Puskesmas Muara Bulian",
        "",
        "",
    ],
]

# (column, Indonesian, English)
NOTES = [
    ("NIP", "18 digit, wajib. Biarkan kolom berformat teks: angka 18 digit "
     "yang disimpan sebagai bilangan kehilangan digit terakhirnya. Baris "
     "dengan NIP yang sudah ada memperbarui pegawai itu.",
     "18 digits, required. Keep the column as text: an 18-digit number "
     "stored as a number loses its last digits. A row with a NIP already in "
     "Odoo updates that employee."),
    ("NAMA", "Nama lengkap dengan gelar, wajib.",
     "Full name with titles, required."),
    ("TANGGAL LAHIR", "Kosong: diambil dari NIP (digit 1-8).",
     "Empty: taken from the NIP (digits 1-8)."),
    ("JENIS KELAMIN", "L atau P (Laki-laki/Perempuan). Kosong: dari NIP "
     "(digit 15).", "L or P (male/female). Empty: from the NIP (digit 15)."),
    ("JENIS ASN", "PNS, CPNS, PPPK atau Non-ASN.", "PNS, CPNS, PPPK or Non-ASN."),
    ("GOLONGAN", "PNS: I/a sampai IV/e. PPPK: I sampai XVII.",
     "PNS: I/a to IV/e. PPPK: I to XVII."),
    ("JABATAN", "Nama jabatan; dibuat bila belum ada. Jabatan fungsional "
     "(mis. Ahli Pertama, Terampil) mendapat jenis dan jenjangnya.",
     "Job title; created when missing. Functional titles (e.g. Ahli "
     "Pertama, Terampil) get their kind and level."),
    ("UNIT KERJA", "Nama unit, atau jalur lengkap \"Dinas / Unit\"; dibuat "
     "bila belum ada. Nama yang dipakai beberapa unit harus ditulis lengkap.",
     "Unit name, or its full path \"Agency / Unit\"; created when missing. "
     "A name several units share must be written in full."),
    ("TMT CPNS", "Kosong: bulan TMT dari NIP (digit 9-14).",
     "Empty: the TMT month from the NIP (digits 9-14)."),
    ("NIP ATASAN", "NIP atasan langsung (Pejabat Penilai Kinerja), di file ini "
     "(juga di baris bawah) atau sudah di Odoo. Kosong: tanpa atasan.",
     "NIP of the direct supervisor, in this file (later rows too) or "
     "already in Odoo. Empty: no supervisor."),
]  # fmt: skip


def build(path=OUTPUT):
    workbook = xlsxwriter.Workbook(path)
    workbook.set_properties(
        {
            "title": "Template impor pegawai ASN (SIASN)",
            "author": "hr_kinerja_kompetensi",
            "created": FIXED_DATE,
        }
    )
    header = workbook.add_format({"bold": True, "bg_color": "#D9E1F2"})
    text = workbook.add_format({"num_format": "@"})
    date = workbook.add_format({"num_format": "dd/mm/yyyy"})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})

    sheet = workbook.add_worksheet("Pegawai")
    sheet.freeze_panes(1, 0)
    date_columns = {"TANGGAL LAHIR", "TMT CPNS"}
    text_columns = {"NIP", "NIP ATASAN"}
    for col, title in enumerate(TEMPLATE_HEADERS):
        sheet.write_string(0, col, title, header)
        style = (
            text if title in text_columns else date if title in date_columns else None
        )
        width = 46 if title == "UNIT KERJA" else 22
        sheet.set_column(col, col, width, style)
    for row, values in enumerate(EXAMPLES, start=1):
        for col, value in enumerate(values):
            title = TEMPLATE_HEADERS[col]
            if isinstance(value, datetime.date):
                sheet.write_datetime(row, col, value, date)
            elif value:
                sheet.write_string(
                    row, col, value, text if title in text_columns else None
                )

    notes = workbook.add_worksheet("Petunjuk")
    notes.set_column(0, 0, 16)
    notes.set_column(1, 2, 60, wrap)
    for col, title in enumerate(("Kolom / Column", "Petunjuk", "Notes")):
        notes.write_string(0, col, title, header)
    for row, (column, indonesian, english) in enumerate(NOTES, start=1):
        notes.write_string(row, 0, column)
        notes.write_string(row, 1, indonesian, wrap)
        notes.write_string(row, 2, english, wrap)
    workbook.close()
    return path


if __name__ == "__main__":
    print(build())
