from odoo.exceptions import AccessError
from odoo.tests import tagged

from .development_common import DevelopmentCommon


@tagged("post_install", "-at_install")
class TestDevelopmentAccess(DevelopmentCommon):
    """Employees see their own plan and JP, supervisors their team's (down
    the chain), HR all; only HR runs sessions and marks attendance."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.appraisal | cls.peer_appraisal).action_generate_development_plan()
        cls.plan = cls.env["hr.development.plan"].search(
            [("employee_id", "=", cls.emp_employee.id)]
        )
        cls.peer_plan = cls.env["hr.development.plan"].search(
            [("employee_id", "=", cls.emp_peer.id)]
        )
        cls.supervisor_plan = cls.env["hr.development.plan"].create(
            {"employee_id": cls.emp_supervisor.id, "year": 2031}
        )
        cls.session = cls._session(jp=8)
        cls.attendance = cls._invite(cls.session, cls.emp_employee, cls.emp_peer)
        cls.attendance.action_mark_attended()
        cls.own_attendance = cls.attendance.filtered(
            lambda a: a.employee_id == cls.emp_employee
        )

    def _visible_plans(self, user):
        return (
            self.env["hr.development.plan"]
            .with_user(user)
            .search(
                [("id", "in", (self.plan | self.peer_plan | self.supervisor_plan).ids)]
            )
        )

    def test_who_reads_which_plan(self):
        cases = {
            self.user_employee: self.plan,
            self.user_peer: self.peer_plan,
            self.user_supervisor: self.plan | self.peer_plan | self.supervisor_plan,
            self.user_atasan: self.plan | self.peer_plan | self.supervisor_plan,
            self.user_hr: self.plan | self.peer_plan | self.supervisor_plan,
            self.user_unrelated: self.env["hr.development.plan"],
            self.user_other_company: self.env["hr.development.plan"],
        }
        for user, expected in cases.items():
            with self.subTest(user=user.login):
                self.assertEqual(self._visible_plans(user), expected)

    def test_employee_reads_own_plan_and_jp_everywhere(self):
        Plan = self.env["hr.development.plan"].with_user(self.user_employee)
        rows = Plan.search_read(
            [("id", "=", self.plan.id)], ["jp_target", "jp_planned", "jp_realized"]
        )
        self.assertEqual(
            (rows[0]["jp_target"], rows[0]["jp_planned"], rows[0]["jp_realized"]),
            (20, 14, 8),
        )
        plan = self.plan.with_user(self.user_employee)
        self.assertEqual(
            plan.line_ids.mapped("skill_id.code"), ["M.01", "M.02", "M.03"]
        )
        self.assertEqual(plan.attendance_ids.session_id, self.session)
        self.user_employee.groups_id += self.env.ref("base.group_allow_export")
        exported = plan.export_data(["jp_realized", "line_ids/planned_jp"])["datas"]
        self.assertEqual(exported[0][0], 8)
        with self.assertRaises(AccessError):
            (self.plan | self.peer_plan).with_user(self.user_employee).export_data(
                ["jp_realized"]
            )
        with self.assertRaises(AccessError):
            self.peer_plan.with_user(self.user_employee).read(["jp_realized"])
        with self.assertRaises(AccessError):
            self.peer_plan.line_ids.with_user(self.user_employee).read(["gap"])
        # the attendance of colleagues stays hidden
        Attendance = self.env["hr.training.attendance"].with_user(self.user_employee)
        self.assertEqual(
            Attendance.search([("session_id", "=", self.session.id)]),
            self.own_attendance,
        )

    def test_employee_agrees_but_does_not_edit(self):
        plan = self.plan.with_user(self.user_employee)
        with self.assertRaises(AccessError):
            plan.write({"jp_target": 0})
        with self.assertRaises(AccessError):
            plan.line_ids[0].write({"planned_jp": 40})
        with self.assertRaises(AccessError):
            self.env["hr.development.plan"].with_user(self.user_employee).create(
                {"employee_id": self.emp_employee.id, "year": 2035}
            )
        plan.action_agree_employee()
        self.assertEqual(self.plan.employee_agreed_by, self.user_employee)

    def test_employee_runs_no_session(self):
        with self.assertRaises(AccessError):
            self.env["hr.training.session"].with_user(self.user_employee).create(
                {"name": "Mine", "date_start": "2031-01-01", "date_end": "2031-01-01"}
            )
        with self.assertRaises(AccessError):
            self.own_attendance.with_user(self.user_employee).write({"attended": False})
        with self.assertRaises(AccessError):
            self.env["hr.training.attendance"].with_user(self.user_employee).create(
                {"session_id": self.session.id, "employee_id": self.emp_employee.id}
            )
        with self.assertRaises(AccessError):
            self.session.with_user(self.user_supervisor).write({"jp_hours": 80})
        # the training calendar itself is public
        self.assertEqual(self.session.with_user(self.user_employee).jp_hours, 8)
        self.assertEqual(self.plan.jp_realized, 8)

    def test_supervisor_edits_team_plans_not_own(self):
        line = self.plan.line_ids[0].with_user(self.user_supervisor)
        line.write({"planned_jp": 12})
        self.assertEqual(self.plan.line_ids[0].planned_jp, 12)
        self.env["hr.development.coaching"].with_user(self.user_supervisor).create(
            {"plan_line_id": line.id, "goal": "Lead a meeting", "duration": 1}
        )
        self.assertEqual(line.coaching_ids.coach_id, self.emp_supervisor)
        with self.assertRaises(AccessError):
            self.supervisor_plan.with_user(self.user_supervisor).write({"note": "x"})
        with self.assertRaises(AccessError):
            self.env["hr.development.plan.line"].with_user(self.user_supervisor).create(
                {
                    "plan_id": self.supervisor_plan.id,
                    "skill_id": self.skills["M.05"].id,
                }
            )
        with self.assertRaises(AccessError):
            self.plan.with_user(self.user_unrelated).write({"note": "x"})

    def test_hr_runs_sessions_and_reads_needs(self):
        session = (
            self.env["hr.training.session"]
            .with_user(self.user_hr)
            .create(
                {
                    "name": "Bimtek",
                    "date_start": "2031-03-01",
                    "date_end": "2031-03-02",
                    "jp_hours": 6,
                }
            )
        )
        session.action_confirm()
        attendance = (
            self.env["hr.training.attendance"]
            .with_user(self.user_hr)
            .create({"session_id": session.id, "employee_id": self.emp_peer.id})
        )
        attendance.action_mark_attended()
        self.assertEqual(self.peer_plan.jp_realized, 14)
        self.assertTrue(
            self.env["hr.training.need.report"].with_user(self.user_hr).search([])
        )
        for user in (self.user_employee, self.user_supervisor):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["hr.training.need.report"].with_user(user).search([])

    def test_employee_jp_fields_need_hr_rights(self):
        with self.assertRaises(AccessError):
            self.emp_employee.with_user(self.user_peer).read(["jp_year_realized"])
        with self.assertRaises(AccessError):
            self.emp_employee.with_user(self.user_supervisor).read(
                ["appraisal_policy_briefed"]
            )
        self.emp_employee.with_user(self.user_hr).read(
            ["jp_year_realized", "jp_year_target", "appraisal_policy_briefed"]
        )
