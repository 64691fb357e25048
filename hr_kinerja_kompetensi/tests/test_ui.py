from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_employee_asn_tab_and_job_standard_tour(self):
        job = self.env["hr.job"].create(
            {
                "name": "Guru Tour",
                "position_kind": "fungsional",
                "functional_level": "ahli_pertama",
            }
        )
        self.env["hr.job.competency.fill"].create({"job_ids": job.ids}).action_apply()
        self.env["hr.employee"].create(
            {
                "name": "Rahmawati Tour",
                "job_id": job.id,
                "asn_type": "pppk",
                "golongan": "pppk_9",
                "nip": "199203142022212005",
            }
        )
        self.start_tour("/odoo", "hr_kinerja_kompetensi_employee_tour", login="admin")
