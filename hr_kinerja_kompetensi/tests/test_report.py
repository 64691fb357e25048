import io

from lxml import html

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools.pdf import PdfReader

REPORT = "hr_kinerja_kompetensi.hr_appraisal_report_d11"


@tagged("post_install", "-at_install")
class TestReport(HttpCase):
    """The evaluation document (format D.1.1) of an appraisal.

    An HttpCase (a TransactionCase whose test HTTP server shares the test
    transaction): wkhtmltopdf fetches the report's style sheets from that
    server, at the web.base.url HttpCase sets.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.env.company.city = "Muara Bulian"
        job = cls.env["hr.job"].create(
            {"name": "Analis Kinerja", "position_kind": "administrator"}
        )
        cls.env["hr.job.competency.fill"].create({"job_ids": job.ids}).action_apply()
        department = cls.env["hr.department"].create({"name": "Bidang Penilaian"})
        penilai = "base.group_user,hr_kinerja_kompetensi.group_kinerja_penilai"
        cls.user_ppk = new_test_user(cls.env, login="hkk_rep_ppk", groups=penilai)
        cls.user_employee = new_test_user(
            cls.env, login="hkk_rep_employee", groups="base.group_user"
        )

        def employee(name, nip, golongan, parent=None, user=None):
            return cls.env["hr.employee"].create(
                {
                    "name": name,
                    "nip": nip,
                    "asn_type": "pns",
                    "golongan": golongan,
                    "job_id": job.id,
                    "department_id": department.id,
                    "parent_id": parent.id if parent else False,
                    "user_id": user.id if user else False,
                }
            )

        cls.atasan = employee("Hj. Rahmawati", "196911201995032002", "pns_4c")
        cls.ppk = employee(
            "Drs. Syamsul Bahri",
            "197805122003121001",
            "pns_4a",
            cls.atasan,
            cls.user_ppk,
        )
        cls.employee = employee(
            "Andi Pratama", "198503172010011003", "pns_3c", cls.ppk, cls.user_employee
        )
        cls.cycle = cls.env["hr.appraisal.cycle"].create(
            {
                "name": "Triwulan IV 2031",
                "period_type": "quarterly",
                "date_start": "2031-10-01",
                "date_end": "2031-12-31",
                "organization_rating": "istimewa",
                "department_ids": department.ids,
            }
        )
        cls.appraisals = cls.cycle.action_open()
        cls.appraisal = cls.appraisals.filtered(lambda a: a.employee_id == cls.employee)
        cls.ppk_appraisal = cls.appraisals.filtered(lambda a: a.employee_id == cls.ppk)

        # The employee's appraisal: rated and done (published)
        cls.appraisal.competency_line_ids.write({"manager_level": 3})
        cls.appraisal.competency_line_ids[0].write(
            {"manager_level": 2, "recommendation": "Coaching by the head of unit"}
        )
        cls.appraisal.behavior_line_ids.write({"rating": "meets"})
        cls.appraisal.write(
            {
                "work_result_rating": "meets",
                "behavior_rating": "meets",
                "manager_feedback": "<p>Consistent and reliable work.</p>",
            }
        )
        cls.appraisal.action_mark_done()
        # The PPK's own appraisal: rated by the atasan, not done yet
        cls.ppk_appraisal.competency_line_ids.write({"manager_level": 4})
        cls.ppk_appraisal.competency_line_ids[0].recommendation = "Lead a workshop"
        cls.ppk_appraisal.behavior_line_ids.write({"rating": "above"})
        cls.ppk_appraisal.write(
            {
                "work_result_rating": "above",
                "behavior_rating": "above",
                "manager_feedback": "<p>Not for the appraisee yet.</p>",
            }
        )

    def _render(self, appraisals, user=None):
        Report = self.env["ir.actions.report"]
        if user:
            Report = Report.with_user(user)
        content, report_type = Report._render_qweb_html(REPORT, appraisals.ids)
        self.assertEqual(report_type, "html")
        return html.fromstring(content)

    @staticmethod
    def _text(node):
        return " ".join(node.text_content().split())

    def _cell(self, doc, css_class):
        cells = doc.find_class(css_class)
        self.assertEqual(len(cells), 1, css_class)
        return self._text(cells[0])

    def test_document_shows_people_ratings_and_notes(self):
        self.assertEqual(self.appraisal.predicate, "baik")
        doc = self._render(self.appraisal)
        text = self._text(doc)
        for person in (self.employee, self.ppk, self.atasan):
            self.assertIn(person.name, text)
            self.assertIn(person.nip, text)
        for grade in ("PNS III/c - Penata", "PNS IV/a - Pembina", "IV/c"):
            self.assertIn(grade, text)
        self.assertIn("Analis Kinerja", text)
        self.assertIn("Bidang Penilaian", text)
        self.assertIn(self.env.company.name, text)
        self.assertEqual(self._cell(doc, "o_hkk_d11_predicate"), "Baik")
        self.assertEqual(self._cell(doc, "o_hkk_d11_organization_rating"), "Istimewa")
        # 8 of 9 competencies at the standard: JPM 26/27
        self.assertIn("96.30 %", text)
        self.assertIn("Meets expectations", text)
        self.assertIn("Berorientasi Pelayanan", text)
        self.assertIn("Consistent and reliable work.", text)
        self.assertIn("Coaching by the head of unit", text)
        self.assertIn("-1", self._text(doc.find_class("o_hkk_d11_details")[0]))
        self.assertIn("Muara Bulian", text)
        self.assertNotIn("Draft", text)

    def test_missing_atasan_and_draft(self):
        # the atasan has no supervisor, hence no appraisal of their own
        self.assertEqual(self.appraisals.employee_id, self.employee | self.ppk)
        doc = self._render(self.ppk_appraisal)
        identity = doc.find_class("o_hkk_d11_identity")[0]
        name_row = identity.xpath(".//tbody/tr")[0]
        self.assertEqual(
            [self._text(cell) for cell in name_row.xpath("./td")],
            [self.ppk.name, self.atasan.name, "-"],
        )
        self.assertEqual(self._cell(doc, "o_hkk_d11_predicate"), "Sangat Baik")
        self.assertIn("Draft", self._text(doc))

    def test_several_appraisals_in_one_print(self):
        doc = self._render(self.appraisal | self.ppk_appraisal)
        self.assertEqual(len(doc.find_class("o_hkk_d11")), 2)
        text = self._text(doc)
        self.assertIn(self.employee.name, text)
        self.assertIn(self.ppk.name, text)

    def test_supervisor_prints_without_hr_rights(self):
        """The PPK reads colleagues' NIP and grade through the public
        employee profile: no HR rights needed to print."""
        self.assertFalse(self.user_ppk.has_group("hr.group_hr_user"))
        doc = self._render(self.appraisal, user=self.user_ppk)
        text = self._text(doc)
        self.assertIn(self.employee.nip, text)
        self.assertIn(self.atasan.nip, text)
        self.assertIn("PNS III/c - Penata", text)
        self.assertEqual(self._cell(doc, "o_hkk_d11_predicate"), "Baik")

    def test_appraisee_sees_the_judgement_only_once_done(self):
        # done: the employee prints the whole document
        doc = self._render(self.appraisal, user=self.user_employee)
        self.assertEqual(self._cell(doc, "o_hkk_d11_predicate"), "Baik")
        self.assertIn("Consistent and reliable work.", self._text(doc))
        # not done: the PPK, as appraisee, gets the identities and the
        # organisation rating, none of the atasan's judgement
        doc = self._render(self.ppk_appraisal, user=self.user_ppk)
        text = self._text(doc)
        self.assertIn(self.atasan.nip, text)
        self.assertEqual(self._cell(doc, "o_hkk_d11_organization_rating"), "Istimewa")
        self.assertEqual(self._cell(doc, "o_hkk_d11_predicate"), "-")
        for secret in (
            "Above expectations",
            "Not for the appraisee yet.",
            "Lead a workshop",
            "+1",
            "100.00 %",
        ):
            self.assertNotIn(secret, text)

    def test_pdf_fits_one_page(self):
        Report = self.env["ir.actions.report"]
        if Report.get_wkhtmltopdf_state() in ("install", "broken"):
            self.skipTest("wkhtmltopdf is not available")
        # One record: wkhtmltopdf builds against an unpatched Qt (Debian's
        # package) refuse several input documents, i.e. several records.
        pdf, report_type = Report.with_context(
            force_report_rendering=True
        )._render_qweb_pdf(REPORT, self.appraisal.ids)
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertEqual(len(PdfReader(io.BytesIO(pdf)).pages), 1)
