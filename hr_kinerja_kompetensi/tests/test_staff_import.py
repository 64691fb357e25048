import csv
import datetime
import io

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import file_open

from ..rules import nip as nip_rules
from ..rules.staff_import import TEMPLATE_HEADERS
from .common import KinerjaCommon
from .test_i18n import load_indonesian

# What the import screen sends for a CSV file with a header row.
OPTIONS = {
    "has_headers": True,
    "advanced": False,
    "encoding": "utf-8",
    "separator": ",",
    "quoting": '"',
    "date_format": "%Y-%m-%d",
    "datetime_format": "",
    "float_thousand_separator": ",",
    "float_decimal_separator": ".",
    "limit": 2000,
    "skip": 0,
    "import_skip_records": [],
    "import_set_empty_fields": [],
    "fallback_values": {},
    "name_create_enabled_fields": {},
}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def nip(birth, tmt, gender, sequence):
    return nip_rules.build(
        datetime.date.fromisoformat(birth),
        datetime.date.fromisoformat(tmt),
        gender,
        sequence,
    )


@tagged("post_install", "-at_install")
class TestStaffImport(KinerjaCommon):
    """The staff from a SIASN-style file, through the import screen's calls
    (base_import.import.parse_preview and execute_import), as an HR officer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit = cls.env["hr.department"].create({"name": "Bidang Kinerja"})
        cls.job = cls.env["hr.job"].create({"name": "Analis Kinerja"})
        cls.nip_a = nip("1985-02-10", "2010-03-01", "female", 101)
        cls.nip_b = nip("1975-07-01", "2001-04-01", "male", 102)
        cls.nip_c = nip("1992-11-30", "2019-03-01", "male", 103)

    # ------------------------------------------------------------ helpers
    def _wizard(self, content, file_type, user=None, lang="en_US"):
        env = self.env(
            user=user or self.user_hr, context=dict(self.env.context, lang=lang)
        )
        return env["base_import.import"].create(
            {
                "res_model": "hr.employee",
                "file": content,
                "file_name": "pegawai",
                "file_type": file_type,
            }
        )

    def _import(
        self, rows, header=None, dryrun=False, user=None, lang="en_US", **options
    ):
        """Import CSV rows with the template's columns; (result, fields)."""
        header = header or TEMPLATE_HEADERS
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerows(rows)
        wizard = self._wizard(buffer.getvalue().encode(), "text/csv", user, lang)
        preview = wizard.parse_preview(OPTIONS)
        self.assertFalse(preview.get("error"), preview.get("error"))
        fields = [
            "/".join(preview["matches"][i]) if i in preview["matches"] else False
            for i in range(len(header))
        ]
        self.assertNotIn(False, fields, "every SIASN column is mapped by its title")
        columns = [title.lower() for title in header]
        options = dict(OPTIONS, **options)
        return wizard.execute_import(fields, columns, options, dryrun=dryrun), fields

    def _row(self, nip_, name, **values):
        """A template row: NIP, name, then the columns given by field name."""
        order = [
            "birthday",
            "gender",
            "asn_type",
            "golongan",
            "job",
            "unit",
            "tmt",
            "parent",
        ]
        defaults = {"asn_type": "PNS"}
        defaults.update(values)
        return [nip_, name] + [defaults.get(key, "") for key in order]

    def _errors(self, result):
        return {
            message["record"]: message["message"]
            for message in result["messages"]
            if message["type"] == "error"
        }

    def _by_nip(self, *nips):
        employees = self.env["hr.employee"].search([("nip", "in", list(nips))])
        return {employee.nip: employee for employee in employees}

    # -------------------------------------------------------- good files
    def test_template_is_offered_and_imports(self):
        templates = self.env["hr.employee"].get_import_templates()
        self.assertEqual(
            templates[0]["template"],
            "/hr_kinerja_kompetensi/static/xls/hr_employee_siasn_import.xlsx",
        )
        self.assertGreater(len(templates), 1, "hr's own template stays offered")
        with file_open(
            "hr_kinerja_kompetensi/static/xls/hr_employee_siasn_import.xlsx", "rb"
        ) as handle:
            wizard = self._wizard(handle.read(), XLSX)
        preview = wizard.parse_preview(dict(OPTIONS, date_format=""))
        fields = [
            "/".join(preview["matches"][i]) for i in range(len(preview["headers"]))
        ]
        self.assertEqual(
            fields,
            [
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
            ],
        )
        columns = [title.lower() for title in preview["headers"]]
        result = wizard.execute_import(
            fields, columns, dict(preview["options"], **OPTIONS)
        )
        self.assertFalse(result["messages"])
        teacher, head, nurse = self.env["hr.employee"].browse(result["ids"])
        self.assertEqual(teacher.parent_id, head, "supervisor from a later row")
        self.assertEqual(teacher.golongan, "pns_3a")
        self.assertEqual(teacher.gender, "female")
        self.assertEqual(teacher.birthday, datetime.date(1992, 3, 14))
        # (with the demo data, the path is found below Sekretariat Daerah)
        self.assertEqual(
            (teacher.department_id.name, teacher.department_id.parent_id.name),
            ("SD Negeri 01 Muara Bulian", "Dinas Pendidikan"),
        )
        self.assertEqual(teacher.department_id, head.department_id)
        self.assertEqual(
            (teacher.job_id.position_kind, teacher.job_id.functional_level),
            ("fungsional", "ahli_pertama"),
        )
        self.assertEqual(teacher.position_kind, "fungsional")
        self.assertEqual((nurse.asn_type, nurse.golongan), ("pppk", "pppk_7"))
        # empty cells: from the NIP (a PPPK number tells the year only)
        self.assertEqual(nurse.birthday, datetime.date(1995, 7, 21))
        self.assertEqual(nurse.tmt_cpns, datetime.date(2022, 1, 1))
        self.assertEqual(nurse.gender, "female")

    def test_create_and_update_by_nip_without_duplicate(self):
        known = self.emp_peer.nip
        spaced = f"{known[:8]} {known[8:14]} {known[14]} {known[15:]}"
        result, _fields = self._import(
            [
                self._row(spaced, "Peer Renamed", golongan="III/b"),
                self._row(self.nip_a, "Ani Lestari", golongan="IIIc"),
            ]
        )
        self.assertFalse(result["messages"])
        self.assertEqual(len(result["ids"]), 2)
        self.assertEqual(result["ids"][0], self.emp_peer.id, "matched by NIP")
        self.assertEqual(self.emp_peer.name, "Peer Renamed")
        self.assertEqual(self.emp_peer.golongan, "pns_3b")
        self.assertEqual(self.env["hr.employee"].search_count([("nip", "=", known)]), 1)
        new = self.env["hr.employee"].browse(result["ids"][1])
        self.assertEqual((new.nip, new.golongan), (self.nip_a, "pns_3c"))
        # the same file again: the same employees, nothing new
        again, _fields = self._import(
            [
                self._row(known, "Peer Renamed", golongan="III/b"),
                self._row(self.nip_a, "Ani Lestari", golongan="IIIc"),
            ]
        )
        self.assertEqual(again["ids"], result["ids"])

    def test_reimport_writes_only_changes(self):
        rows = [self._row(self.nip_a, "Ani", golongan="III/a", unit="Bidang Kinerja")]
        result, _fields = self._import(rows)
        ani = self.env["hr.employee"].browse(result["ids"])
        ani.color = 3  # written by the test's superuser
        self.assertEqual(ani.write_uid, self.env.user)
        self._import(rows)  # as the HR officer
        self.assertEqual(
            ani.write_uid, self.env.user, "nothing changed, nothing written"
        )
        rows[0][5] = "III/b"
        self._import(rows)
        self.assertEqual(ani.golongan, "pns_3b")
        self.assertEqual(ani.write_uid, self.user_hr)

    def test_supervisors_from_nip_in_any_order(self):
        result, _fields = self._import(
            [
                # B's supervisor A comes later; C reports to an employee
                # already in Odoo; A has none
                self._row(self.nip_b, "Budi", parent=self.nip_a),
                self._row(self.nip_c, "Citra", parent=self.emp_atasan.nip),
                self._row(self.nip_a, "Ani"),
                # an existing employee moves under B
                self._row(self.emp_peer.nip, "Peer", parent=self.nip_b),
            ]
        )
        self.assertFalse(result["messages"])
        staff = self._by_nip(self.nip_a, self.nip_b, self.nip_c)
        self.assertEqual(staff[self.nip_b].parent_id, staff[self.nip_a])
        self.assertEqual(staff[self.nip_c].parent_id, self.emp_atasan)
        self.assertFalse(staff[self.nip_a].parent_id)
        self.assertEqual(self.emp_peer.parent_id, staff[self.nip_b])
        self.assertEqual(staff[self.nip_b].parent_nip, self.nip_a)
        # the chain below moved with it (the supervision scope follows)
        self.assertIn(self.user_supervisor, self.emp_employee.allowed_user_ids)
        self.assertNotIn(self.user_supervisor, self.emp_peer.allowed_user_ids)

    def test_the_screens_batches_make_one_transaction(self):
        # batches of one row: the supervisor (last row) would be missing for
        # the first batches, and a bad last row would leave them imported
        rows = [
            self._row(self.nip_b, "Budi", parent=self.nip_a),
            self._row(self.nip_c, "Citra", parent=self.nip_a),
            self._row(self.nip_a, "Ani"),
        ]
        result, _fields = self._import(rows, limit=1)
        self.assertEqual(len(result["ids"]), 3)
        self.assertFalse(result["nextrow"], "nothing left for a next batch")
        staff = self._by_nip(self.nip_a, self.nip_b, self.nip_c)
        self.assertEqual(staff[self.nip_c].parent_id, staff[self.nip_a])
        bad = [self._row(nip("1990-01-05", "2015-02-01", "male", 301), "New")] + [
            self._row("198001012005131001", "Bad Month")
        ]
        result, _fields = self._import(bad, limit=1)
        self.assertIs(result["ids"], False)
        self.assertEqual(list(self._errors(result)), [3])
        self.assertFalse(self.env["hr.employee"].search([("name", "=", "New")]))

    def test_units_and_jobs_found_or_created_by_name(self):
        result, _fields = self._import(
            [
                # existing ones, whatever the case and spaces
                self._row(
                    self.nip_a, "Ani", unit="bidang  KINERJA", job="analis kinerja"
                ),
                # new ones: a path creates the parent unit too
                self._row(
                    self.nip_b,
                    "Budi",
                    unit="Dinas Kesehatan Bench / Puskesmas Bench",
                    job="Perawat Mahir",
                ),
                self._row(
                    self.nip_c,
                    "Citra",
                    unit="Dinas Kesehatan Bench / Puskesmas Bench",
                    job="Perawat Mahir",
                ),
            ]
        )
        self.assertFalse(result["messages"])
        staff = self._by_nip(self.nip_a, self.nip_b, self.nip_c)
        self.assertEqual(staff[self.nip_a].department_id, self.unit)
        self.assertEqual(staff[self.nip_a].job_id, self.job)
        unit = staff[self.nip_b].department_id
        self.assertEqual(unit.complete_name, "Dinas Kesehatan Bench / Puskesmas Bench")
        self.assertEqual(staff[self.nip_c].department_id, unit, "created once")
        self.assertEqual(staff[self.nip_c].job_id, staff[self.nip_b].job_id)
        self.assertEqual(
            (unit.company_id, staff[self.nip_b].job_id.functional_level),
            (self.company, "mahir"),
        )
        # a unit found by its own name under its parent next time
        again, _fields = self._import(
            [self._row(self.nip_a, "Ani", unit="Puskesmas Bench")]
        )
        self.assertFalse(again["messages"])
        self.assertEqual(staff[self.nip_a].department_id, unit)

    def test_ambiguous_unit_name_is_reported(self):
        for agency in ("Dinas A Bench", "Dinas B Bench"):
            parent = self.env["hr.department"].create({"name": agency})
            self.env["hr.department"].create(
                {"name": "Sekretariat", "parent_id": parent.id}
            )
        result, _fields = self._import(
            [self._row(self.nip_a, "Ani", unit="Sekretariat")]
        )
        self.assertFalse(result["ids"])
        message = self._errors(result)[2]
        self.assertIn("Dinas A Bench / Sekretariat", message)
        self.assertIn("Dinas B Bench / Sekretariat", message)
        result, _fields = self._import(
            [self._row(self.nip_a, "Ani", unit="Dinas B Bench / Sekretariat")]
        )
        self.assertFalse(result["messages"])

    # --------------------------------------------------------- bad files
    def test_bad_rows_are_reported_and_nothing_is_written(self):
        good = nip("1990-01-05", "2015-02-01", "male", 201)
        rows = [
            self._row(
                good, "Good Row", unit="Unit Baru Bench", job="Jabatan Baru Bench"
            ),
            self._row("198001012005131001", "Bad Month"),  # TMT month 13
            self._row("198001012005013001", "Bad Gender"),  # digit 15 = 3
            self._row("19800101200501100", "Too Short"),
            self._row("198001012005211002", "Pppk As Pns"),  # PPPK marker
            self._row(good, "Twice"),
            self._row(self.nip_a, "Unknown Boss", parent=self.nip_b),
            self._row(self.nip_c, "Own Boss", parent=self.nip_c),
            self._row("", "No Nip"),
            self._row(
                nip("1991-01-05", "2016-02-01", "male", 202), "Grade", golongan="IX"
            ),
            self._row(
                nip("1993-01-05", "2018-02-01", "female", 203),
                "Young",
                birthday="2005-06-01",
            ),
            self._row(
                nip("1988-01-05", "2012-02-01", "male", 204),
                "Bad Boss Nip",
                parent="12345",
            ),
        ]
        for dryrun in (True, False):
            with self.subTest(dryrun=dryrun):
                result, _fields = self._import(rows, dryrun=dryrun)
                self.assertIs(result["ids"], False)
                errors = self._errors(result)
                # the header is row 1: the rows above are rows 2 to 13
                expected = {
                    3: "Digits 9-14 of the NIP must be a real TMT CPNS month",
                    4: "Digit 15 of the NIP is the gender",
                    5: "A NIP has exactly 18 digits",
                    6: "mark a PPPK number",
                    7: "is already in row 2",
                    8: "neither in the file nor the NIP of an employee",
                    9: "cannot be their own supervisor",
                    10: "No Nip has no NIP",
                    11: "does not exist for the ASN type PNS",
                    12: "before the 18th birthday",
                    13: "Invalid supervisor NIP 12345 for Bad Boss Nip: A NIP has "
                    "exactly 18 digits",
                }
                self.assertEqual(sorted(errors), sorted(expected))
                for row, text in expected.items():
                    self.assertIn(text, errors[row])
                self.assertIn("198001012005131001", errors[3], "the NIP is named")
                self.assertFalse(self.env["hr.employee"].search([("nip", "=", good)]))
                self.assertFalse(
                    self.env["hr.department"].search([("name", "=", "Unit Baru Bench")])
                )
                self.assertFalse(
                    self.env["hr.job"].search([("name", "=", "Jabatan Baru Bench")])
                )

    def test_conversion_errors_come_with_the_file_checks(self):
        result, _fields = self._import(
            [
                self._row(self.nip_a, "Bad Gender Cell", gender="X"),
                self._row("198001012005131001", "Bad Month"),
            ]
        )
        self.assertIs(result["ids"], False)
        self.assertIn(3, self._errors(result))
        self.assertTrue(
            any(m.get("field") == "gender" for m in result["messages"]),
            result["messages"],
        )

    def test_loop_through_existing_employees_writes_nothing(self):
        # Atasan <- Supervisor <- Employee already; the file puts the
        # Atasan under the Employee, and adds a newcomer in a new unit.
        result, _fields = self._import(
            [
                self._row(self.nip_a, "Newcomer", unit="Unit Loop Bench"),
                self._row(
                    self.emp_atasan.nip, "Atasan Renamed", parent=self.emp_employee.nip
                ),
            ]
        )
        self.assertIs(result["ids"], False)
        self.assertIn(3, self._errors(result))
        self.assertEqual(self.emp_atasan.name, "Atasan")
        self.assertFalse(self.emp_atasan.parent_id)
        self.assertFalse(self._by_nip(self.nip_a))
        self.assertFalse(
            self.env["hr.department"].search([("name", "=", "Unit Loop Bench")])
        )

    def test_loop_inside_the_file_is_reported(self):
        result, _fields = self._import(
            [
                self._row(self.nip_a, "Ani", parent=self.nip_b),
                self._row(self.nip_b, "Budi", parent=self.nip_a),
            ]
        )
        self.assertEqual(sorted(self._errors(result)), [2, 3])
        self.assertIn("cannot loop", self._errors(result)[2])

    def test_messages_in_indonesian(self):
        load_indonesian(self.env)
        result, _fields = self._import(
            [self._row("198001012005131001", "Bad Month")], lang="id_ID"
        )
        message = self._errors(result)[2]
        self.assertIn("198001012005131001", message)
        self.assertIn("tidak valid", message)
        self.assertIn("Digit ke-9 sampai ke-14", message)

    # ------------------------------------------------------------ access
    def test_plain_employee_is_refused(self):
        for user in (self.user_employee, self.user_supervisor):
            with self.subTest(user=user.login):
                wizard = self._wizard(
                    b"NIP,NAMA\n" + self.nip_a.encode() + b",Ani\n", "text/csv", user
                )
                with self.assertRaises(AccessError):
                    wizard.execute_import(["nip", "name"], ["nip", "nama"], OPTIONS)
                with self.assertRaises(AccessError):
                    self.env["hr.employee"].with_user(user).load(
                        ["nip", "name"], [[self.nip_a, "Ani"]]
                    )
        self.assertFalse(self._by_nip(self.nip_a))

    def test_supervisor_nip_field(self):
        self.emp_peer.with_user(self.user_hr).parent_nip = self.emp_atasan.nip
        self.assertEqual(self.emp_peer.parent_id, self.emp_atasan)
        found = self.env["hr.employee"].search(
            [("parent_nip", "=", self.emp_atasan.nip)]
        )
        self.assertIn(self.emp_peer, found)
        with self.assertRaisesRegex(ValidationError, "supervisor NIP"):
            self.emp_peer.parent_nip = self.nip_a
        self.emp_peer.parent_nip = False
        self.assertFalse(self.emp_peer.parent_id)
