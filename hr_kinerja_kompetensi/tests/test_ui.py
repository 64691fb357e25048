from odoo.tests import HttpCase, new_test_user, tagged


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

    def test_supervisor_rates_and_employee_sees_result_tour(self):
        supervisor_user = new_test_user(
            self.env,
            login="tour_penilai",
            groups="base.group_user,hr_kinerja_kompetensi.group_kinerja_penilai",
        )
        employee_user = new_test_user(
            self.env, login="tour_pegawai", groups="base.group_user"
        )
        job = self.env["hr.job"].create(
            {"name": "Jabatan Tour", "position_kind": "administrator"}
        )
        two_skills = self.env["hr.skill"].search([("code", "in", ("M.01", "M.02"))])
        self.env["hr.job.competency.fill"].create(
            {"job_ids": job.ids, "skill_ids": two_skills.ids}
        ).action_apply()
        department = self.env["hr.department"].create({"name": "Unit Tour"})
        supervisor = self.env["hr.employee"].create(
            {"name": "Tour Penilai", "user_id": supervisor_user.id, "job_id": job.id}
        )
        self.env["hr.employee"].create(
            {
                "name": "Tour Pegawai",
                "user_id": employee_user.id,
                "job_id": job.id,
                "parent_id": supervisor.id,
                "department_id": department.id,
            }
        )
        cycle = self.env["hr.appraisal.cycle"].create(
            {
                "name": "Siklus Tour",
                "period_type": "monthly",
                "date_start": "2030-01-01",
                "date_end": "2030-01-31",
                "department_ids": department.ids,
            }
        )
        appraisal = cycle.action_open()
        self.assertEqual(len(appraisal), 1)
        appraisal.kinerja_state = "supervisor"
        self.start_tour(
            "/odoo", "hr_kinerja_kompetensi_supervisor_tour", login="tour_penilai"
        )
        self.assertEqual(appraisal.kinerja_state, "done")
        self.assertEqual(appraisal.predicate, "baik")
        self.assertEqual(
            sorted(appraisal.competency_line_ids.mapped("manager_level")), [2, 3]
        )
        self.start_tour(
            "/odoo", "hr_kinerja_kompetensi_employee_result_tour", login="tour_pegawai"
        )

    def test_hr_assigns_an_acting_appraiser_tour(self):
        penilai = "base.group_user,hr_kinerja_kompetensi.group_kinerja_penilai"
        supervisor_user = new_test_user(self.env, login="tour_kapus", groups=penilai)
        acting_user = new_test_user(self.env, login="tour_plt", groups=penilai)
        job = self.env["hr.job"].create(
            {"name": "Pengelola Layanan Tour", "position_kind": "administrator"}
        )
        self.env["hr.job.competency.fill"].create({"job_ids": job.ids}).action_apply()
        department = self.env["hr.department"].create({"name": "Puskesmas Tour"})
        Employee = self.env["hr.employee"]
        supervisor = Employee.create(
            {"name": "Tour Kapus", "user_id": supervisor_user.id, "job_id": job.id}
        )
        acting = Employee.create(
            {"name": "Tour Plt", "user_id": acting_user.id, "job_id": job.id}
        )
        nurse = Employee.create(
            {
                "name": "Tour Pegawai",
                "job_id": job.id,
                "parent_id": supervisor.id,
                "department_id": department.id,
            }
        )
        cycle = self.env["hr.appraisal.cycle"].create(
            {
                "name": "Siklus Plt Tour",
                "period_type": "monthly",
                "date_start": "2030-01-01",
                "date_end": "2030-01-31",
                "department_ids": department.ids,
            }
        )
        appraisal = cycle.action_open()
        self.assertEqual(appraisal.appraiser_id, supervisor)
        self.start_tour("/odoo", "hr_kinerja_kompetensi_acting_tour", login="admin")
        assignment = self.env["hr.acting.appraiser"].search(
            [("appraiser_id", "=", acting.id)]
        )
        self.assertEqual(assignment.employee_ids, nurse)
        self.assertEqual(assignment.reason, "dispute")
        self.assertEqual(appraisal.appraiser_id, acting)
        # the acting appraiser assesses, the supervisor in the dispute no more
        appraisal.with_user(acting_user).write({"work_result_rating": "meets"})
        self.assertEqual(appraisal.work_result_rating, "meets")

    def test_supervisor_reviews_predicates_before_publication_tour(self):
        penilai = "base.group_user,hr_kinerja_kompetensi.group_kinerja_penilai"
        supervisor_user = new_test_user(self.env, login="tour_atasan", groups=penilai)
        appraisee_user = new_test_user(
            self.env, login="tour_dinilai", groups="base.group_user"
        )
        job = self.env["hr.job"].create(
            {"name": "Analis Tour", "position_kind": "administrator"}
        )
        self.env["hr.job.competency.fill"].create({"job_ids": job.ids}).action_apply()
        department = self.env["hr.department"].create({"name": "Bidang Tour"})
        Employee = self.env["hr.employee"]
        supervisor = Employee.create(
            {"name": "Tour Atasan", "user_id": supervisor_user.id, "job_id": job.id}
        )
        Employee.create(
            {
                "name": "Tour Dinilai",
                "user_id": appraisee_user.id,
                "job_id": job.id,
                "parent_id": supervisor.id,
                "department_id": department.id,
            }
        )
        cycle = self.env["hr.appraisal.cycle"].create(
            {
                "name": "Siklus Predikat Tour",
                "period_type": "monthly",
                "date_start": "2030-02-01",
                "date_end": "2030-02-28",
                "department_ids": department.ids,
            }
        )
        appraisal = cycle.action_open()
        appraisal.with_user(supervisor_user).write(
            {"work_result_rating": "below", "behavior_rating": "meets"}
        )
        self.start_tour(
            "/odoo", "hr_kinerja_kompetensi_judgement_tour", login="tour_atasan"
        )
        # the appraisee reaches none of it before publication
        Judgement = self.env["hr.appraisal.judgement"].with_user(appraisee_user)
        self.assertFalse(Judgement.search([]))
        self.assertFalse(appraisal.with_user(appraisee_user).predicate)
        self.assertEqual(appraisal.predicate, "butuh_perbaikan")
