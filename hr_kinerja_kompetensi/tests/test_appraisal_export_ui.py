from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestAppraisalExportUi(HttpCase):
    def test_hr_downloads_the_workbook_tour(self):
        hr_user = new_test_user(
            self.env,
            login="tour_bkpsdm",
            groups="base.group_user,hr_kinerja_kompetensi.group_kinerja_hr_officer",
        )
        job = self.env["hr.job"].create(
            {"name": "Jabatan Ekspor Tour", "position_kind": "pelaksana"}
        )
        self.env["hr.job.competency.fill"].create({"job_ids": job.ids}).action_apply()
        department = self.env["hr.department"].create({"name": "Unit Ekspor Tour"})
        head = self.env["hr.employee"].create(
            {"name": "Kepala Ekspor Tour", "department_id": department.id}
        )
        self.env["hr.employee"].create(
            {
                "name": "Staf Ekspor Tour",
                "job_id": job.id,
                "parent_id": head.id,
                "department_id": department.id,
            }
        )
        cycle = self.env["hr.appraisal.cycle"].create(
            {
                "name": "Siklus Ekspor Tour",
                "period_type": "monthly",
                "date_start": "2030-02-01",
                "date_end": "2030-02-28",
                "department_ids": department.ids,
            }
        )
        cycle.action_open()
        self.start_tour(
            "/odoo", "hr_kinerja_kompetensi_export_tour", login="tour_bkpsdm"
        )
        wizard = self.env["hr.appraisal.export"].search(
            [("create_uid", "=", hr_user.id), ("cycle_id", "=", cycle.id)]
        )
        self.assertEqual(len(wizard), 1)
        self.assertTrue(wizard.file_data)
        self.assertEqual(wizard.file_name, "Kinerja_Siklus_Ekspor_Tour_20300228.xlsx")
