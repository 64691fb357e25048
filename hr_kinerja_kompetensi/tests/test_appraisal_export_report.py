import io

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from ..models import labels
from .test_appraisal_export import EMPLOYEE_HEADERS, ExportCommon

REPORT = "hr_kinerja_kompetensi.action_report_appraisal_export_xlsx"
SHEETS = ["Ringkasan", "Pegawai", "Kompetensi", "360", "Pengembangan"]


@tagged("post_install", "-at_install")
class TestAppraisalExportReport(ExportCommon):
    """The workbook as an xlsx report (report_xlsx) of the cycle."""

    def _render(self, user, data=None, cycles=None):
        """The report rendered as ``user``, read back with openpyxl."""
        content, report_format = (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render(REPORT, (cycles or self.cycle).ids, data=data)
        )
        self.assertEqual(report_format, "xlsx")
        return openpyxl.load_workbook(io.BytesIO(content))

    def test_in_the_print_menu_of_cycles(self):
        report = self.env.ref(REPORT)
        self.assertEqual(report.report_type, "xlsx")
        self.assertEqual(report.binding_model_id.model, "hr.appraisal.cycle")
        self.assertEqual(report.binding_type, "report")
        self.assertEqual(
            set(report.groups_id.get_external_id().values()),
            {
                "hr_kinerja_kompetensi.group_kinerja_hr_officer",
                "hr_kinerja_kompetensi.group_kinerja_penilai",
            },
        )
        # what the web client shows in the Print menu of a cycle
        bindings = (
            self.env["ir.actions.actions"]
            .with_user(self.user_hr)
            .get_bindings("hr.appraisal.cycle")
        )
        self.assertIn(report.id, [b["id"] for b in bindings["report"]])
        bindings = (
            self.env["ir.actions.actions"]
            .with_user(self.user_employee)
            .get_bindings("hr.appraisal.cycle")
        )
        self.assertNotIn(report.id, [b["id"] for b in bindings.get("report", [])])
        self.assertEqual(
            self.cycle.env["ir.actions.report"]._get_report(REPORT).print_report_name,
            "object._export_workbook_name()",
        )
        self.assertEqual(
            self.cycle._export_workbook_name(), "Kinerja_Triwulan_IV_20311231"
        )

    def test_streams_in_constant_memory(self):
        report = self.env["report.hr_kinerja_kompetensi.appraisal_export_xlsx"]
        self.assertTrue(report.get_workbook_options()["constant_memory"])

    def test_printed_from_the_cycle_holds_everything(self):
        """Without choices (the Print menu): every sheet, pending included."""
        book = self._render(self.user_hr)
        self.assertEqual(book.sheetnames, SHEETS)
        headers, rows = self._table(book["Pegawai"])
        self.assertEqual(headers, EMPLOYEE_HEADERS)
        self.assertEqual(
            [row["Nama"] for row in rows], ["Employee", "Peer", "Supervisor"]
        )
        employee = rows[0]
        self.assertEqual(employee["Tahap"], "Selesai")
        self.assertEqual(employee["Hasil Kerja"], "Sesuai Ekspektasi")
        self.assertEqual(employee["Predikat Kinerja"], "Baik")
        self.assertEqual(rows[1]["Tahap"], "Penilaian Diri")

    def test_choices_come_from_the_report_data(self):
        data = {
            "cycle_id": self.cycle.id,
            "department_ids": self.dept_a.ids,
            "include_pending": False,
            "include_competencies": False,
            "include_feedback": True,
            "include_development": False,
        }
        book = self._render(self.user_hr, data=data)
        self.assertEqual(book.sheetnames, ["Ringkasan", "Pegawai", "360"])
        _headers, rows = self._table(book["Pegawai"])
        self.assertEqual([row["Nama"] for row in rows], ["Employee"])

    def test_supervisor_prints_only_the_people_below(self):
        book = self._render(self.user_supervisor)
        _headers, rows = self._table(book["Pegawai"])
        self.assertEqual([row["Nama"] for row in rows], ["Employee", "Peer"])
        _headers, rows = self._table(book["360"], header_row=4)
        self.assertNotIn("Bawahan", {row["Peran Penilai"] for row in rows})

    def test_employee_is_refused(self):
        with self.assertRaisesRegex(UserError, "Only HR officers and supervisors"):
            self._render(self.user_employee)
        with self.assertRaises(AccessError):
            self._render(self.user_other_company)

    def test_one_cycle_at_a_time(self):
        other = self._make_cycle(
            name="Triwulan IV 2030",
            date_start="2030-10-01",
            date_end="2030-12-31",
            date_self_deadline="2030-12-10",
            date_supervisor_deadline="2030-12-20",
            department_ids=self.dept_root.ids,
        )
        with self.assertRaisesRegex(UserError, "one cycle at a time"):
            self._render(self.user_hr, cycles=self.cycle | other)

    def test_wizard_fills_its_file_from_the_report(self):
        """Scripts keep calling action_export() and reading file_data and
        file_name: the file is the report's, with the wizard's choices."""
        wizard = self._export(self.user_hr, include_development=False)
        self.assertEqual(wizard.file_name, "Kinerja_Triwulan_IV_20311231.xlsx")
        book = self._workbook(wizard)
        self.assertEqual(book.sheetnames, ["Ringkasan", "Pegawai", "Kompetensi", "360"])
        printed = self._render(self.user_hr, data=wizard._report_data())
        self.assertEqual(list(book["Pegawai"].values), list(printed["Pegawai"].values))

    def test_labels_have_one_source(self):
        """The fields' selections are the label lists of models/labels.py,
        the workbook writes their Indonesian names."""
        fields = {
            ("hr.appraisal", "kinerja_state"): labels.STEPS,
            ("hr.appraisal", "work_result_rating"): labels.RATINGS,
            ("hr.appraisal.judgement", "behavior_rating"): labels.RATINGS,
            ("hr.appraisal", "predicate"): labels.PREDICATES,
            ("hr.appraisal", "jpm_category"): labels.JPM_CATEGORIES,
            ("hr.appraisal.cycle", "organization_rating"): labels.ORGANIZATION_RATINGS,
            ("hr.appraisal.feedback", "role"): labels.FEEDBACK_ROLES,
            ("hr.appraisal.feedback.aggregate", "role"): labels.FEEDBACK_ROLES,
        }
        for (model, fname), label_list in fields.items():
            self.assertEqual(
                self.env[model]._fields[fname].selection,
                labels.selection(label_list),
                f"{model}.{fname}",
            )


@tagged("post_install", "-at_install")
class TestAppraisalExportPrint(ExportCommon, HttpCase):
    """The Print menu's download: report_xlsx's route, as the HR officer."""

    def test_hr_downloads_the_workbook_from_the_print_menu(self):
        self.authenticate("hkk_hr", "hkk_hr")
        url = (
            f"/report/xlsx/hr_kinerja_kompetensi.appraisal_export_xlsx/{self.cycle.id}"
        )
        # an option in the query string is a text, not a choice: ignored
        response = self.url_open(f"{url}?include_feedback=0")
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        book = openpyxl.load_workbook(io.BytesIO(response.content))
        self.assertEqual(book.sheetnames, SHEETS)
        _headers, rows = self._table(book["Pegawai"])
        self.assertEqual(
            [row["Nama"] for row in rows], ["Employee", "Peer", "Supervisor"]
        )
