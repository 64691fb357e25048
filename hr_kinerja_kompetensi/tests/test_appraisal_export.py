import base64
import io
import zipfile

import openpyxl

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import KinerjaCommon

EMPLOYEE_HEADERS = [
    "No",
    "NIP",
    "Nama",
    "Pangkat/Golongan",
    "Jabatan",
    "Unit Kerja",
    "Tahap",
    "Hasil Kerja",
    "Perilaku Kerja",
    "Predikat Kinerja",
    "JPM (%)",
    "Kategori JPM",
    "Jumlah Gap Kompetensi",
    "JP Rencana",
    "JP Realisasi",
    "Penghargaan dalam Periode",
]
FEEDBACK_HEADERS = [
    "Unit Kerja",
    "Peran Penilai",
    "Permintaan",
    "Dijawab",
    "Ditolak",
    "Kedaluwarsa",
    "Tingkat Respons (%)",
    "Pegawai dengan Hasil",
    "Rata-rata Median (1-5)",
    "Keterangan",
]
# Reviewers from outside the exported units: their names must never appear
SECRET_REVIEWERS = ["Penilai Rahasia A", "Penilai Rahasia B", "Penilai Rahasia C"]


class ExportCommon(KinerjaCommon):
    """Fixed data for the export and the dashboard:

    Dinas A: Employee (done: meets/above = Baik, one competency at 1 of 3)
             and Peer (still in self-assessment);
    Dinas B: Supervisor (done: above/above = Sangat Baik, every level 4).

    360 (phase closed): on Employee, the supervisor (M.01 4, M.02 2) and
    three peers (M.01 3/4/5, M.02 2/3/3) answered, a fourth peer did not;
    on Supervisor, one subordinate answered (below the minimum of 3).
    Development 2031: Employee planned 12 JP and attended 8 (target 20).
    Award: Supervisor was best performer of November 2031.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Department = cls.env["hr.department"]
        cls.dept_root = Department.create({"name": "Pemkab Uji"})
        cls.dept_a, cls.dept_b = Department.create(
            [
                {"name": "Dinas A", "parent_id": cls.dept_root.id},
                {"name": "Dinas B", "parent_id": cls.dept_root.id},
            ]
        )
        (cls.emp_employee | cls.emp_peer).department_id = cls.dept_a
        cls.emp_supervisor.department_id = cls.dept_b
        cls.emp_atasan.department_id = cls.dept_root
        cls.emp_employee.golongan = "pns_3a"
        cls._setup_standard_and_jobs()
        # the test units only (the demo agency has its own appraisals)
        cls.cycle = cls._make_cycle(department_ids=cls.dept_root.ids)
        cls.cycle.action_open()
        by_employee = {a.employee_id: a for a in cls.cycle.appraisal_ids}
        cls.appraisal = by_employee[cls.emp_employee]
        cls.supervisor_appraisal = by_employee[cls.emp_supervisor]
        lines = cls.appraisal.competency_line_ids.sorted(
            lambda line: line.skill_id.code
        )
        lines.manager_level = 3
        cls.gap_skill = lines[0].skill_id
        lines[0].manager_level = 1
        cls.appraisal.write({"work_result_rating": "meets", "behavior_rating": "above"})
        cls.supervisor_appraisal.competency_line_ids.manager_level = 4
        cls.supervisor_appraisal.write(
            {"work_result_rating": "above", "behavior_rating": "above"}
        )
        cls.appraisal.write(
            {"note": "RAHASIA-CATATAN", "manager_feedback": "<p>UMPAN-BALIK</p>"}
        )
        (cls.appraisal | cls.supervisor_appraisal).action_mark_done()
        cls._setup_feedback()
        cls._setup_development()
        cls.award = cls.env["hr.employee.award"].create(
            {
                "employee_id": cls.emp_supervisor.id,
                "award_type_id": cls.env.ref(
                    "hr_kinerja_kompetensi.award_type_best_performer"
                ).id,
                "date": "2031-11-01",
            }
        )
        cls.award.action_approve()
        cls.award.action_award()

    @classmethod
    def _setup_feedback(cls):
        Employee = cls.env["hr.employee"]
        reviewers = Employee
        for index, name in enumerate([*SECRET_REVIEWERS, "Penilai Rahasia D"]):
            user = new_test_user(cls.env, login=f"hkk_secret{index}")
            reviewers |= Employee.create(cls._employee_vals(name, user))
        skills = cls.appraisal.competency_line_ids.sorted(
            lambda line: line.skill_id.code
        ).skill_id
        cls.m01, cls.m02 = skills[:2]
        cls.cycle.feedback_deadline = "2031-12-15"
        Feedback = cls.env["hr.appraisal.feedback"].sudo()

        def request(appraisal, reviewer, role):
            return Feedback._request(
                [
                    {
                        "appraisal_id": appraisal.id,
                        "reviewer_id": reviewer.id,
                        "role": role,
                        "date_deadline": "2031-12-15",
                    }
                ]
            )

        def answer(feedback, m01, m02=None, comment=False):
            feedback = feedback.with_user(feedback.reviewer_user_id)
            feedback.action_start()
            for line in feedback.line_ids:
                if line.skill_id == cls.m01:
                    line.rating = m01
                elif line.skill_id == cls.m02 and m02:
                    line.rating = m02
            feedback.comment = comment
            feedback.action_submit()

        answer(request(cls.appraisal, cls.emp_supervisor, "supervisor"), 4, 2)
        for reviewer, m01, m02 in zip(reviewers[:3], (3, 4, 5), (2, 3, 3), strict=True):
            answer(
                request(cls.appraisal, reviewer, "peer"),
                m01,
                m02,
                comment="KOMENTAR-RAHASIA",
            )
        request(cls.appraisal, reviewers[3], "peer")  # expires unanswered
        answer(request(cls.supervisor_appraisal, cls.emp_employee, "subordinate"), 5)
        cls.cycle.with_user(cls.user_hr).action_close_feedback_phase()

    @classmethod
    def _setup_development(cls):
        session = cls.env["hr.training.session"].create(
            {
                "name": "Pelatihan Kepemimpinan",
                "kind": "pelatihan",
                "date_start": "2031-05-10",
                "date_end": "2031-05-10",
                "jp_hours": 8.0,
            }
        )
        session.action_confirm()
        attendance = cls.env["hr.training.attendance"].create(
            {"session_id": session.id, "employee_id": cls.emp_employee.id}
        )
        attendance.action_mark_attended()
        plan = cls.env["hr.development.plan"].search(
            [("employee_id", "=", cls.emp_employee.id), ("year", "=", 2031)]
        )
        plan.line_ids = [
            Command.create({"skill_id": cls.gap_skill.id, "planned_jp": 12.0})
        ]

    def _export(self, user, **values):
        wizard = (
            self.env["hr.appraisal.export"]
            .with_user(user)
            .create({"cycle_id": self.cycle.id, **values})
        )
        action = wizard.action_export()
        self.assertEqual(action["res_id"], wizard.id)
        return wizard

    @staticmethod
    def _workbook(wizard):
        return openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.file_data)))

    @staticmethod
    def _table(sheet, header_row=1):
        """(headers, rows as dicts) of a sheet whose header is header_row."""
        rows = list(sheet.iter_rows(min_row=header_row, values_only=True))
        headers = list(rows[0])
        return headers, [dict(zip(headers, row, strict=True)) for row in rows[1:]]


@tagged("post_install", "-at_install")
class TestAppraisalExport(ExportCommon):
    """The Excel export read back with openpyxl, per role."""

    def test_hr_exports_every_sheet_with_values(self):
        wizard = self._export(self.user_hr)
        self.assertTrue(wizard.file_name.endswith("_20311231.xlsx"))
        book = self._workbook(wizard)
        self.assertEqual(
            book.sheetnames,
            ["Ringkasan", "Pegawai", "Kompetensi", "360", "Pengembangan"],
        )

        # Pegawai: one row per appraisal, sorted by unit then name
        sheet = book["Pegawai"]
        self.assertEqual(sheet.freeze_panes, "A2")
        self.assertEqual(sheet.auto_filter.ref, "A1:P4")
        headers, rows = self._table(sheet)
        self.assertEqual(headers, EMPLOYEE_HEADERS)
        self.assertEqual(
            [row["Nama"] for row in rows], ["Employee", "Peer", "Supervisor"]
        )
        employee, peer, supervisor = rows
        self.assertEqual(employee["NIP"], self.emp_employee.nip)
        self.assertEqual(sheet["B2"].data_type, "s", "an 18-digit NIP stays text")
        self.assertEqual(employee["Pangkat/Golongan"], "PNS III/a - Penata Muda")
        self.assertEqual(employee["Jabatan"], "Analis Kinerja")
        self.assertEqual(employee["Unit Kerja"], "Pemkab Uji / Dinas A")
        self.assertEqual(employee["Tahap"], "Selesai")
        self.assertEqual(employee["Hasil Kerja"], "Sesuai Ekspektasi")
        self.assertEqual(employee["Perilaku Kerja"], "Di Atas Ekspektasi")
        self.assertEqual(employee["Predikat Kinerja"], "Baik")
        self.assertAlmostEqual(employee["JPM (%)"], 92.59, places=2)  # 25 / 27
        self.assertEqual(employee["Kategori JPM"], "Optimal")
        self.assertEqual(employee["Jumlah Gap Kompetensi"], 1)
        self.assertEqual(peer["Tahap"], "Penilaian Diri")
        self.assertIsNone(peer["Predikat Kinerja"])
        self.assertIsNone(peer["JPM (%)"])
        self.assertEqual(supervisor["Predikat Kinerja"], "Sangat Baik")
        self.assertEqual(supervisor["JPM (%)"], 100)
        # the year's development plan and the awards of the period
        self.assertEqual((employee["JP Rencana"], employee["JP Realisasi"]), (12, 8))
        self.assertIsNone(peer["JP Realisasi"], "no plan")
        self.assertEqual(
            supervisor["Penghargaan dalam Periode"],
            "Pegawai Berkinerja Terbaik Bulanan (01-11-2031)",
        )
        self.assertIsNone(employee["Penghargaan dalam Periode"])

        # Ringkasan: per unit, then the total with the distribution warning
        sheet = book["Ringkasan"]
        self.assertEqual(sheet["B2"].value, "Triwulan IV")
        self.assertEqual(sheet["B4"].value, "Baik")
        headers, rows = self._table(sheet, header_row=7)
        self.assertEqual(
            headers[:5],
            ["Unit Kerja", "Jumlah Pegawai", "Selesai", "Selesai (%)", "Sangat Baik"],
        )
        self.assertEqual(sheet.freeze_panes, "A8")
        by_unit = {row["Unit Kerja"]: row for row in rows if row["Unit Kerja"]}
        self.assertEqual(
            set(by_unit), {"Pemkab Uji / Dinas A", "Pemkab Uji / Dinas B", "TOTAL"}
        )
        unit_a, total = by_unit["Pemkab Uji / Dinas A"], by_unit["TOTAL"]
        self.assertEqual((unit_a["Jumlah Pegawai"], unit_a["Selesai"]), (2, 1))
        self.assertEqual(unit_a["Selesai (%)"], 50)
        self.assertEqual((unit_a["Baik"], unit_a["Sangat Baik"]), (1, 0))
        self.assertEqual(unit_a["Baik (%)"], 100)
        self.assertAlmostEqual(unit_a["Rata-rata JPM (%)"], 92.59, places=2)
        self.assertEqual((total["Jumlah Pegawai"], total["Selesai"]), (3, 2))
        self.assertEqual((total["Sangat Baik"], total["Baik"]), (1, 1))
        self.assertAlmostEqual(total["Rata-rata JPM (%)"], 96.30, places=2)
        # Organisation rating Baik: some Butuh Perbaikan and/or Kurang expected
        self.assertIn(
            "Butuh Perbaikan/Kurang/Misconduct", total["Peringatan Distribusi"]
        )
        self.assertIn(
            "Butuh Perbaikan/Kurang/Misconduct", unit_a["Peringatan Distribusi"]
        )
        # Dinas B: one Sangat Baik, no Baik at all
        self.assertIn(
            "Baik (0%) bukan predikat terbanyak",
            by_unit["Pemkab Uji / Dinas B"]["Peringatan Distribusi"],
        )
        with zipfile.ZipFile(io.BytesIO(base64.b64decode(wizard.file_data))) as archive:
            self.assertIn("xl/charts/chart1.xml", archive.namelist())

        # Kompetensi: the supervisor's levels, gaps highlighted
        sheet = book["Kompetensi"]
        headers, rows = self._table(sheet)
        self.assertEqual(headers[:3], ["NIP", "Nama", "Unit Kerja"])
        self.assertEqual(headers[-1], "Jumlah Gap")
        self.assertEqual(len(headers), 3 + 9 + 1)
        gap_header = f"{self.gap_skill.code} {self.gap_skill.name}"
        self.assertIn(gap_header, headers)
        self.assertEqual(len(rows), 3)
        self.assertEqual(rows[0]["Nama"], "Employee")
        self.assertEqual(rows[0][gap_header], 1)
        self.assertEqual(rows[0]["Jumlah Gap"], 1)
        self.assertIsNone(rows[1][gap_header], "the peer is not rated yet")
        self.assertEqual(rows[2][gap_header], 4)
        gap_col = headers.index(gap_header) + 1
        gap_cell = sheet.cell(row=2, column=gap_col)
        self.assertTrue(gap_cell.fill.fgColor.rgb.endswith("FFC7CE"))
        self.assertFalse(
            sheet.cell(row=4, column=gap_col).fill.fgColor.rgb.endswith("FFC7CE")
        )

    def test_no_free_text_leaves_in_the_file(self):
        """Private notes and feedback texts stay in Odoo."""
        book = self._workbook(self._export(self.user_hr))
        for sheet in book.worksheets:
            for row in sheet.iter_rows(values_only=True):
                for value in row:
                    self.assertNotIn("RAHASIA", str(value))
                    self.assertNotIn("UMPAN-BALIK", str(value))

    def test_options_and_departments(self):
        wizard = self._export(
            self.user_hr,
            include_pending=False,
            include_competencies=False,
            include_feedback=False,
            include_development=False,
            department_ids=self.dept_a.ids,
        )
        book = self._workbook(wizard)
        self.assertEqual(book.sheetnames, ["Ringkasan", "Pegawai"])
        headers, rows = self._table(book["Pegawai"])
        self.assertEqual([row["Nama"] for row in rows], ["Employee"])
        self.assertEqual(
            headers,
            [h for h in EMPLOYEE_HEADERS if not h.startswith("JP ")],
            "no JP columns without the development option",
        )

    def test_feedback_sheet_counts_and_released_results(self):
        sheet = self._workbook(self._export(self.user_hr))["360"]
        headers, rows = self._table(sheet, header_row=4)
        self.assertEqual(headers, FEEDBACK_HEADERS)
        self.assertEqual(sheet.freeze_panes, "A5")
        by_key = {(row["Unit Kerja"], row["Peran Penilai"]): row for row in rows}
        self.assertEqual(
            list(by_key),
            [
                ("Pemkab Uji / Dinas A", "Atasan"),
                ("Pemkab Uji / Dinas A", "Rekan Kerja"),
                ("Pemkab Uji / Dinas B", "Bawahan"),
            ],
        )
        supervisor = by_key[("Pemkab Uji / Dinas A", "Atasan")]
        self.assertEqual((supervisor["Permintaan"], supervisor["Dijawab"]), (1, 1))
        self.assertEqual(supervisor["Pegawai dengan Hasil"], 1)
        self.assertEqual(supervisor["Rata-rata Median (1-5)"], 3)  # (4 + 2) / 2
        peers = by_key[("Pemkab Uji / Dinas A", "Rekan Kerja")]
        self.assertEqual([peers[h] for h in FEEDBACK_HEADERS[2:8]], [4, 3, 0, 1, 75, 1])
        # medians: M.01 of 3/4/5 = 4, M.02 of 2/3/3 = 3
        self.assertEqual(peers["Rata-rata Median (1-5)"], 3.5)
        self.assertIsNone(peers["Keterangan"])

    def test_role_below_the_minimum_shows_no_result(self):
        sheet = self._workbook(self._export(self.user_hr))["360"]
        _headers, rows = self._table(sheet, header_row=4)
        (subordinate,) = [r for r in rows if r["Peran Penilai"] == "Bawahan"]
        self.assertEqual((subordinate["Permintaan"], subordinate["Dijawab"]), (1, 1))
        self.assertIsNone(subordinate["Pegawai dengan Hasil"])
        self.assertIsNone(subordinate["Rata-rata Median (1-5)"])
        self.assertEqual(
            subordinate["Keterangan"],
            "Kurang dari 3 tanggapan: hasil tidak ditampilkan",
        )
        # the lone subordinate's rating (5) is nowhere in the sheet
        values = [v for row in sheet.iter_rows(values_only=True) for v in row]
        self.assertNotIn(5, values)

    def test_no_reviewer_name_or_answer_anywhere_in_the_file(self):
        """Reviewers, their comments and their own ratings stay in Odoo, for
        every exporting role."""
        for user in (self.user_hr, self.user_supervisor, self.user_atasan):
            data = base64.b64decode(self._export(user).file_data)
            book = openpyxl.load_workbook(io.BytesIO(data))
            cells = [
                str(value)
                for sheet in book.worksheets
                for row in sheet.iter_rows(values_only=True)
                for value in row
                if value is not None
            ]
            for secret in [*SECRET_REVIEWERS, "Penilai Rahasia D", "KOMENTAR"]:
                self.assertFalse([c for c in cells if secret in c], (user, secret))
            # nor in any part of the package (shared strings, comments, chart)
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for name in archive.namelist():
                    text = archive.read(name).decode("utf-8", "ignore")
                    self.assertNotIn("Rahasia", text, name)
                    self.assertNotIn("hkk_secret", text, name)

    def test_development_sheet(self):
        sheet = self._workbook(self._export(self.user_hr))["Pengembangan"]
        self.assertIn("2031", sheet["A1"].value)
        headers, rows = self._table(sheet, header_row=4)
        self.assertEqual(headers[:4], ["NIP", "Nama", "Unit Kerja", "Target JP"])
        self.assertEqual(len(rows), 3)
        employee = rows[0]
        self.assertEqual(employee["Nama"], "Employee")
        self.assertEqual(
            [employee[h] for h in headers[3:]], [20, 12, 8, 40, 12, "Belum tercapai"]
        )
        missing_col = headers.index("Kekurangan JP") + 1
        self.assertTrue(
            sheet.cell(row=5, column=missing_col).fill.fgColor.rgb.endswith("FFC7CE")
        )
        self.assertEqual(rows[1]["Keterangan"], "Belum ada rencana")
        self.assertIsNone(rows[1]["Target JP"])

    def test_supervisor_sheets_hold_only_their_team(self):
        """The supervisor's export: 360 and JP rows of the people below them
        only, never of their own appraisal (its subordinate review)."""
        book = self._workbook(self._export(self.user_supervisor))
        _headers, rows = self._table(book["360"], header_row=4)
        self.assertEqual({row["Unit Kerja"] for row in rows}, {"Pemkab Uji / Dinas A"})
        self.assertNotIn("Bawahan", {row["Peran Penilai"] for row in rows})
        _headers, rows = self._table(book["Pengembangan"], header_row=4)
        self.assertEqual([row["Nama"] for row in rows], ["Employee", "Peer"])
        _headers, rows = self._table(book["Pegawai"])
        self.assertFalse(any(row["Penghargaan dalam Periode"] for row in rows))

    def test_supervisor_exports_only_the_people_below(self):
        book = self._workbook(self._export(self.user_supervisor))
        _headers, rows = self._table(book["Pegawai"])
        self.assertEqual([row["Nama"] for row in rows], ["Employee", "Peer"])
        book = self._workbook(self._export(self.user_atasan))
        _headers, rows = self._table(book["Pegawai"])
        self.assertEqual(
            [row["Nama"] for row in rows], ["Employee", "Peer", "Supervisor"]
        )

    def test_empty_selection_is_refused_without_file(self):
        Export = self.env["hr.appraisal.export"]
        # the supervisor's own unit holds only their own appraisal
        wizard = Export.with_user(self.user_supervisor).create(
            {"cycle_id": self.cycle.id, "department_ids": self.dept_b.ids}
        )
        with self.assertRaisesRegex(UserError, "No appraisal of Triwulan IV"):
            wizard.action_export()
        self.assertFalse(wizard.file_data)
        # a supervisor with nobody below them
        wizard = Export.with_user(self.user_unrelated).create(
            {"cycle_id": self.cycle.id}
        )
        with self.assertRaisesRegex(UserError, "No appraisal"):
            wizard.action_export()
        self.assertFalse(wizard.file_data)

    def test_employee_cannot_export(self):
        Export = self.env["hr.appraisal.export"].with_user(self.user_employee)
        with self.assertRaises(AccessError):
            Export.create({"cycle_id": self.cycle.id})
        wizard = self.env["hr.appraisal.export"].create({"cycle_id": self.cycle.id})
        with self.assertRaisesRegex(UserError, "Only HR officers and supervisors"):
            wizard.with_user(self.user_employee).action_export()
        self.assertFalse(wizard.file_data)

    def test_other_company_sees_nothing(self):
        wizard = self.env["hr.appraisal.export"].with_user(self.user_other_company)
        with self.assertRaises(AccessError):
            wizard.create({"cycle_id": self.cycle.id}).action_export()

    # Queries of one export (HR user, cold record cache, warm ormcache):
    # the wizard, its departments, search_read of the appraisals, of the
    # employees, of the units, the competency _read_group, the skills, the
    # 360 requests' and aggregates' _read_group, the company's minimum of
    # responses, the development plans, the awards (search, their fields,
    # their types), the cycle, the wizard's write and the workbook's
    # attachment (3 queries), and for HR the employees who are the user
    # (their own row is left out: nobody exports their own judgement); since
    # the workbook is an xlsx report, 5 more to find the report action the
    # wizard renders (its xml id and record, as ir.actions.report._render and
    # report_xlsx read them). The same for 3 and for 13 appraisals.
    EXPORT_QUERIES = 25

    def test_query_count_does_not_grow_with_rows(self):
        for _warm_up in range(2):  # ormcache: groups, rules, fields
            self._export_counting_queries()
        small = self._export_counting_queries()
        self.assertEqual(small, self.EXPORT_QUERIES)
        new = self.env["hr.employee"].create(
            [
                dict(
                    self._employee_vals(f"Staf {i:02d}", parent=self.emp_supervisor),
                    job_id=self.job.id,
                    department_id=self.dept_a.id,
                )
                for i in range(10)
            ]
        )
        self.cycle.action_generate_appraisals()
        new_appraisals = self.cycle.appraisal_ids.filtered(
            lambda a: a.employee_id in new
        )
        self.assertEqual(len(new_appraisals), 10)
        new_appraisals.competency_line_ids.manager_level = 2
        new_appraisals.write(
            {"work_result_rating": "meets", "behavior_rating": "meets"}
        )
        new_appraisals.action_mark_done()
        self._export_counting_queries()  # caches reset by the writes above
        wizard = self._export_counting_queries(expected=small)
        _headers, rows = self._table(self._workbook(wizard)["Pegawai"])
        self.assertEqual(len(rows), 13)

    def _export_counting_queries(self, expected=None):
        """Export as HR; with expected, assert exactly that many queries.
        Returns the query count, or the wizard when expected is given."""
        wizard = (
            self.env["hr.appraisal.export"]
            .with_user(self.user_hr)
            .create({"cycle_id": self.cycle.id})
        )
        # cr.flush(): ORM flush and precommit hooks (tracking of the writes
        # above), as assertQueryCount does at its end
        self.cr.flush()
        self.env.invalidate_all()
        self.assertTrue(self.env.user.login)  # what assertQueryCount reads
        before = self.cr.sql_log_count
        if expected is None:
            wizard.action_export()
            self.cr.flush()
            return self.cr.sql_log_count - before
        with self.assertQueryCount(self.EXPORT_QUERIES):
            wizard.action_export()
        self.assertEqual(self.cr.sql_log_count - before, expected)
        return wizard


@tagged("post_install", "-at_install")
class TestAppraisalDashboard(ExportCommon):
    """The dashboard's analysis models, per role (same fixed data)."""

    def _report(self, user, model="hr.appraisal.kinerja.report"):
        return (
            self.env[model].with_user(user).search([("cycle_id", "=", self.cycle.id)])
        )

    def test_hr_sees_completion_predicates_and_gaps(self):
        Report = self.env["hr.appraisal.kinerja.report"].with_user(self.user_hr)
        lines = self._report(self.user_hr)
        self.assertEqual(len(lines), 3)
        by_employee = {line.employee_id: line for line in lines}
        self.assertEqual(by_employee[self.emp_employee].predicate, "baik")
        self.assertFalse(by_employee[self.emp_peer].predicate, "not done: no predicate")
        groups = Report._read_group(
            [("cycle_id", "=", self.cycle.id)],
            ["department_id"],
            ["completion:avg", "job_person_match:avg", "__count"],
        )
        by_unit = {
            dept: (completion, jpm, count) for dept, completion, jpm, count in groups
        }
        completion, jpm, count = by_unit[self.dept_a]
        self.assertEqual((completion, count), (50.0, 2))
        self.assertAlmostEqual(jpm, 92.59, places=2)
        self.assertEqual(by_unit[self.dept_b][:2], (100.0, 100.0))
        [(below, depth)] = (
            self.env["hr.appraisal.gap.report"]
            .with_user(self.user_hr)
            ._read_group(
                [
                    ("cycle_id", "=", self.cycle.id),
                    ("skill_id", "=", self.gap_skill.id),
                ],
                [],
                ["below_count:sum", "gap_depth:sum"],
            )
        )
        self.assertEqual((below, depth), (1, 2))

    def test_supervisor_sees_the_people_below_only(self):
        self.assertEqual(
            self._report(self.user_supervisor).employee_id,
            self.emp_employee | self.emp_peer,
        )
        self.assertEqual(
            self._report(self.user_supervisor, "hr.appraisal.gap.report").employee_id,
            self.emp_employee,
        )
        self.assertEqual(len(self._report(self.user_atasan)), 3)
        self.assertFalse(self._report(self.user_unrelated))

    def test_employee_has_no_dashboard(self):
        for model in ("hr.appraisal.kinerja.report", "hr.appraisal.gap.report"):
            with self.assertRaises(AccessError):
                self._report(self.user_employee, model)

    def test_jp_progress_and_talent_pool(self):
        """The two dashboard actions HR opens, read as HR; the talent pool
        stays HR's (menu and model)."""
        Plan = self.env["hr.development.plan"].with_user(self.user_hr)
        [(target, planned, realized)] = Plan._read_group(
            [("department_id", "=", self.dept_a.id), ("year", "=", 2031)],
            [],
            ["jp_target:sum", "jp_planned:sum", "jp_realized:sum"],
        )
        self.assertEqual((target, planned, realized), (20.0, 12.0, 8.0))
        # the supervisor: above expectations in the annual appraisal and a
        # high potential = box 9, in the pool; the employee: no annual result
        annual = self._make_cycle(
            name="Tahunan 2031",
            period_type="annual",
            date_start="2031-01-01",
            department_ids=self.dept_b.ids,
        )
        annual.action_open()
        appraisal = annual.appraisal_ids
        self.assertEqual(appraisal.employee_id, self.emp_supervisor)
        appraisal.competency_line_ids.manager_level = 3
        appraisal.write({"work_result_rating": "above", "behavior_rating": "above"})
        appraisal.action_mark_done()
        Talent = self.env["hr.employee.talent"].with_user(self.user_hr)
        Talent.create(
            [
                {
                    "employee_id": self.emp_supervisor.id,
                    "potential": "high",
                    "year": 2031,
                },
                {
                    "employee_id": self.emp_employee.id,
                    "potential": "high",
                    "year": 2031,
                },
            ]
        )
        action = self.env.ref("hr_kinerja_kompetensi.hr_employee_talent_action_pool")
        self.assertEqual(action.context, "{'search_default_talent_pool': 1}")
        pool = Talent._read_group(
            [
                ("in_talent_pool", "=", True),
                ("department_id", "child_of", self.dept_root.id),
            ],
            ["department_id"],
            ["__count"],
        )
        self.assertEqual(pool, [(self.dept_b, 1)])
        with self.assertRaises(AccessError):
            self.env["hr.employee.talent"].with_user(self.user_supervisor).search([])
        menu = self.env.ref("hr_kinerja_kompetensi.hr_employee_talent_pool_menu")
        Menu = self.env["ir.ui.menu"]
        self.assertIn(menu.id, Menu.with_user(self.user_hr)._visible_menu_ids())
        self.assertNotIn(
            menu.id, Menu.with_user(self.user_supervisor)._visible_menu_ids()
        )
        progress = self.env.ref(
            "hr_kinerja_kompetensi.hr_development_plan_progress_menu"
        )
        self.assertIn(
            progress.id, Menu.with_user(self.user_supervisor)._visible_menu_ids()
        )
