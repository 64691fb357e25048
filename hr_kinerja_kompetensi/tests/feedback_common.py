from odoo.tests import new_test_user

from .common import KinerjaCommon


class FeedbackCommon(KinerjaCommon):
    """The common chain plus four more peers (users) in one department, and
    the open cycle with the employee's appraisal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.department = cls.env["hr.department"].create({"name": "Bagian Umum"})
        cls.peer_users = cls.user_peer
        extra = cls.env["hr.employee"]
        for index in range(2, 6):
            user = new_test_user(
                cls.env, login=f"hkk_peer{index}", groups="base.group_user"
            )
            cls.peer_users |= user
            extra |= cls.env["hr.employee"].create(
                cls._employee_vals(f"Peer {index}", user, cls.emp_supervisor)
            )
        cls.emp_peers = cls.emp_peer | extra
        (
            cls.emp_employee | cls.emp_peers | cls.emp_supervisor
        ).department_id = cls.department
        # exports are part of what is tested
        export = cls.env.ref("base.group_allow_export")
        export.users |= (
            cls.peer_users
            | cls.user_employee
            | cls.user_supervisor
            | cls.user_hr
            | cls.user_hr_admin
        )
        cls._open_cycle_with_appraisals()
        cls.cycle.feedback_deadline = "2031-12-15"
        cls.Feedback = cls.env["hr.appraisal.feedback"]
        cls.m01, cls.m02 = cls.appraisal.competency_line_ids.sorted("skill_id")[
            :2
        ].skill_id

    def _request(self, reviewer, role="peer", appraisal=None):
        return self.Feedback.sudo()._request(
            [
                {
                    "appraisal_id": (appraisal or self.appraisal).id,
                    "reviewer_id": reviewer.id,
                    "role": role,
                    "date_deadline": "2031-12-15",
                }
            ]
        )

    def _answer(self, feedback, ratings):
        """The reviewer rates {skill: rating} and submits, as themself."""
        mine = feedback.with_user(feedback.reviewer_user_id)
        mine.action_start()
        for line in mine.line_ids:
            if line.skill_id in ratings:
                line.rating = ratings[line.skill_id]
        mine.action_submit()
