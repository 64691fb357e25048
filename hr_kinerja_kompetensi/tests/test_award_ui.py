import calendar

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestAwardUi(HttpCase):
    def test_hr_proposes_and_approves_the_monthly_best_performer_tour(self):
        new_test_user(
            self.env,
            login="tour_bkpsdm",
            groups="base.group_user,hr_kinerja_kompetensi.group_kinerja_hr_officer",
        )
        job = self.env["hr.job"].create(
            {"name": "Jabatan Tour Penghargaan", "position_kind": "administrator"}
        )
        two_skills = self.env["hr.skill"].search([("code", "in", ("M.01", "M.02"))])
        self.env["hr.job.competency.fill"].create(
            {"job_ids": job.ids, "skill_ids": two_skills.ids}
        ).action_apply()
        unit = self.env["hr.department"].create({"name": "Unit Tour Penghargaan"})
        chief = self.env["hr.employee"].create(
            {"name": "Tour Kepala", "job_id": job.id}
        )
        best, other = self.env["hr.employee"].create(
            [
                {
                    "name": name,
                    "job_id": job.id,
                    "parent_id": chief.id,
                    "department_id": unit.id,
                }
                for name in ("Tour Terbaik", "Tour Kedua")
            ]
        )
        today = fields.Date.context_today(self.env["hr.appraisal"])
        start = today.replace(day=1)
        end = start.replace(day=calendar.monthrange(start.year, start.month)[1])
        cycle = self.env["hr.appraisal.cycle"].create(
            {
                "name": "Siklus Bulanan Tour",
                "period_type": "monthly",
                "date_start": start,
                "date_end": end,
                "department_ids": unit.ids,
            }
        )
        appraisals = cycle.action_open()
        for appraisal in appraisals:
            top = appraisal.employee_id == best
            appraisal.competency_line_ids.write({"manager_level": 3})
            appraisal.write(
                {
                    "work_result_rating": "above" if top else "meets",
                    "behavior_rating": "above" if top else "meets",
                }
            )
        appraisals.action_mark_done()
        self.start_tour(
            "/odoo", "hr_kinerja_kompetensi_award_tour", login="tour_bkpsdm"
        )
        award = self.env["hr.employee.award"].search([("employee_id", "=", best.id)])
        self.assertEqual(award.state, "approved")
        self.assertEqual(award.date, start)
        self.assertFalse(
            self.env["hr.employee.award"].search([("employee_id", "=", other.id)])
        )
