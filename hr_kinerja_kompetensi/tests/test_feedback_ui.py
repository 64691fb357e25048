from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestFeedbackUi(HttpCase):
    def test_peer_gives_feedback_tour(self):
        peer_user = new_test_user(
            self.env, login="tour_rekan", groups="base.group_user"
        )
        job = self.env["hr.job"].create(
            {"name": "Jabatan 360", "position_kind": "administrator"}
        )
        two_skills = self.env["hr.skill"].search([("code", "in", ("M.01", "M.02"))])
        self.env["hr.job.competency.fill"].create(
            {"job_ids": job.ids, "skill_ids": two_skills.ids}
        ).action_apply()
        department = self.env["hr.department"].create({"name": "Unit 360"})
        boss = self.env["hr.employee"].create({"name": "Atasan 360", "job_id": job.id})
        self.env["hr.employee"].create(
            {
                "name": "Pegawai Dinilai 360",
                "job_id": job.id,
                "parent_id": boss.id,
                "department_id": department.id,
            }
        )
        peer = self.env["hr.employee"].create(
            {
                "name": "Rekan 360",
                "user_id": peer_user.id,
                "department_id": department.id,
            }
        )
        cycle = self.env["hr.appraisal.cycle"].create(
            {
                "name": "Siklus 360",
                "period_type": "monthly",
                "date_start": "2030-02-01",
                "date_end": "2030-02-28",
                "department_ids": department.ids,
            }
        )
        appraisal = cycle.action_open()
        feedback = self.env["hr.appraisal.feedback"]._request(
            [
                {
                    "appraisal_id": appraisal.id,
                    "reviewer_id": peer.id,
                    "role": "peer",
                    "date_deadline": "2030-02-20",
                }
            ]
        )
        self.start_tour(
            "/odoo", "hr_kinerja_kompetensi_feedback_tour", login="tour_rekan"
        )
        self.assertEqual(feedback.state, "submitted")
        self.assertEqual(
            sorted(feedback.line_ids.filtered("rating").mapped("rating")), [4]
        )
        self.assertEqual(feedback.comment, "Kolaboratif dan tepat waktu")
