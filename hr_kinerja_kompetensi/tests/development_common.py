from odoo import Command

from .common import KinerjaCommon

SESSION_DATE = "2031-05-10"  # the year of the test cycle's plans


class DevelopmentCommon(KinerjaCommon):
    """Done appraisals of the employee and the peer (standard: 9
    competencies at level 3) and helpers for sessions."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._open_cycle_with_appraisals()
        cls.skills = {
            skill.code: skill for skill in cls.appraisal.competency_line_ids.skill_id
        }
        # employee: M.01 two levels short, M.02 one short, M.03 meets with a
        # recommendation; peer: M.01 one short
        cls._finish(
            cls.appraisal,
            {"M.01": 1, "M.02": 2},
            recommendations={"M.03": "Lead the team meeting once a month."},
        )
        cls._finish(cls.peer_appraisal, {"M.01": 2})

    @classmethod
    def _finish(cls, appraisal, levels, recommendations=None):
        recommendations = recommendations or {}
        for line in appraisal.competency_line_ids:
            line.manager_level = levels.get(line.skill_id.code, line.required_level)
            line.recommendation = recommendations.get(line.skill_id.code, False)
        appraisal.write({"work_result_rating": "meets", "behavior_rating": "meets"})
        appraisal.action_mark_done()

    @classmethod
    def _session(cls, jp=8.0, codes=("M.01",), state="confirmed", **values):
        session = cls.env["hr.training.session"].create(
            {
                "name": "Pelatihan Kepemimpinan",
                "kind": "pelatihan",
                "date_start": SESSION_DATE,
                "date_end": SESSION_DATE,
                "jp_hours": jp,
                "skill_ids": [Command.set([cls.skills[c].id for c in codes])],
                **values,
            }
        )
        if state != "draft":
            session.action_confirm()
        return session

    @classmethod
    def _invite(cls, session, *employees):
        return cls.env["hr.training.attendance"].create(
            [{"session_id": session.id, "employee_id": e.id} for e in employees]
        )

    def _plan(self, employee, year=2031):
        return self.env["hr.development.plan"].search(
            [("employee_id", "=", employee.id), ("year", "=", year)]
        )
