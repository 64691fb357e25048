from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .development_common import DevelopmentCommon


@tagged("post_install", "-at_install")
class TestDevelopmentPlan(DevelopmentCommon):
    def _generate(self, appraisals=None):
        appraisals = appraisals or self.appraisal
        appraisals.with_user(self.user_supervisor).action_generate_development_plan()
        return self._plan(self.emp_employee)

    def test_plan_from_done_appraisal(self):
        plan = self._generate()
        self.assertEqual(plan.year, 2031)
        self.assertEqual(plan.appraisal_id, self.appraisal)
        lines = {line.skill_id.code: line for line in plan.line_ids}
        self.assertEqual(set(lines), {"M.01", "M.02", "M.03"})
        self.assertEqual(
            (lines["M.01"].gap, lines["M.01"].priority, lines["M.01"].method),
            (-2, "high", "pelatihan"),
        )
        self.assertEqual(
            (lines["M.02"].gap, lines["M.02"].priority, lines["M.02"].method),
            (-1, "medium", "coaching"),
        )
        # a recommendation without a gap is kept, at low priority
        self.assertEqual(lines["M.03"].priority, "low")
        self.assertEqual(
            lines["M.03"].recommendation, "Lead the team meeting once a month."
        )
        self.assertEqual(lines["M.01"].method_category, "klasikal")
        self.assertEqual(lines["M.02"].method_category, "non_klasikal")
        self.assertEqual(plan.jp_target, 20)
        self.assertEqual(plan.jp_planned, 8 + 4 + 2)
        self.assertEqual(plan.line_ids[0].skill_id.code, "M.01")  # high first

    def test_regeneration_adds_nothing_twice_and_keeps_edits(self):
        plan = self._generate()
        m02 = plan.line_ids.filtered(lambda line: line.skill_id.code == "M.02")
        m02.with_user(self.user_supervisor).write(
            {"method": "mentoring", "planned_jp": 6, "priority": "high"}
        )
        plan.line_ids.filtered(lambda line: line.skill_id.code == "M.03").unlink()
        self._generate()
        self._generate(self.appraisal | self.peer_appraisal)
        self.assertEqual(
            self.env["hr.development.plan"].search_count(
                [("employee_id", "=", self.emp_employee.id)]
            ),
            1,
        )
        codes = plan.line_ids.mapped("skill_id.code")
        self.assertEqual(sorted(codes), ["M.01", "M.02", "M.03"])
        self.assertEqual(len(codes), len(set(codes)))
        self.assertEqual(
            (m02.method, m02.planned_jp, m02.priority), ("mentoring", 6, "high")
        )
        self.assertEqual(plan.jp_planned, 8 + 6 + 2)
        peer_plan = self._plan(self.emp_peer)
        self.assertEqual(peer_plan.line_ids.mapped("skill_id.code"), ["M.01"])
        self.assertEqual(peer_plan.line_ids.priority, "medium")

    def _queries_to_generate(self, appraisals):
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        appraisals.action_generate_development_plan()
        self.env.flush_all()
        return self.env.cr.sql_log_count - start

    def test_generation_is_batched(self):
        """Plans of two appraisals cost no more queries than the plan of one
        (no query per appraisal, plan or line); regenerating writes nothing."""
        supervisor_appraisal = self.cycle.appraisal_ids.filtered(
            lambda a: a.employee_id == self.emp_supervisor
        )
        self._finish(supervisor_appraisal, {"M.04": 1, "M.05": 2})
        one = self._queries_to_generate(self.peer_appraisal)
        two = self._queries_to_generate(self.appraisal | supervisor_appraisal)
        self.assertLessEqual(two, one)
        again = self._queries_to_generate(self.appraisal | supervisor_appraisal)
        self.assertLess(again, one)
        self.assertEqual(len(self._plan(self.emp_supervisor).line_ids), 2)

    def test_database_refuses_a_second_plan_or_line(self):
        plan = self._generate()
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.env["hr.development.plan"].create(
                    {"employee_id": self.emp_employee.id, "year": 2031}
                )
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.env["hr.development.plan.line"].create(
                    {"plan_id": plan.id, "skill_id": self.skills["M.01"].id}
                )

    def test_only_done_appraisals(self):
        self.appraisal.kinerja_state = "supervisor"
        with self.assertRaisesRegex(UserError, "done appraisals only"):
            self._generate()
        self.assertFalse(self._plan(self.emp_employee))

    def test_peer_cannot_generate_for_a_colleague(self):
        with self.assertRaisesRegex(UserError, "Only the supervisor"):
            self.peer_appraisal.with_user(
                self.user_employee
            ).action_generate_development_plan()
        self.assertFalse(self._plan(self.emp_peer))

    def test_agreement_workflow(self):
        plan = self._generate()
        with self.assertRaisesRegex(UserError, "Only Employee can agree"):
            plan.with_user(self.user_supervisor).action_agree_employee()
        plan.with_user(self.user_employee).action_agree_employee()
        self.assertEqual(plan.state, "draft")
        self.assertEqual(plan.employee_agreed_by, self.user_employee)
        self.assertTrue(plan.employee_agreed_date)
        with self.assertRaisesRegex(UserError, "Only the supervisor"):
            plan.with_user(self.user_unrelated).action_agree_supervisor()
        plan.with_user(self.user_atasan).action_agree_supervisor()
        self.assertEqual(plan.state, "agreed")
        self.assertEqual(plan.supervisor_agreed_by, self.user_atasan)
        # an agreed plan is frozen, and regenerating leaves it alone
        with self.assertRaisesRegex(UserError, "is agreed"):
            plan.line_ids[0].with_user(self.user_supervisor).planned_jp = 40
        action = self.appraisal.with_user(
            self.user_supervisor
        ).action_generate_development_plan()
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(len(plan.line_ids), 3)
        plan.with_user(self.user_supervisor).action_done()
        self.assertEqual(plan.state, "done")
        plan.with_user(self.user_supervisor).action_reset_draft()
        self.assertEqual(plan.state, "draft")
        self.assertFalse(plan.employee_agreed_by or plan.supervisor_agreed_by)

    def test_jp_targets_by_asn_type_and_settings(self):
        plans = self.env["hr.development.plan"]._ensure_plans(
            {
                (self.emp_employee.id, 2030),
                (self.emp_peer.id, 2030),
                (self.emp_unrelated.id, 2030),
            }
        )
        self.emp_peer.write({"asn_type": "pppk", "nip": False})
        self.emp_unrelated.write({"asn_type": "non_asn", "nip": False})
        self.assertEqual(plans[(self.emp_employee.id, 2030)].jp_target, 20)
        self.assertEqual(plans[(self.emp_peer.id, 2030)].jp_target, 24)
        self.assertEqual(plans[(self.emp_unrelated.id, 2030)].jp_target, 0)
        self.env.company.kinerja_jp_target_pppk = 32
        self.assertEqual(plans[(self.emp_peer.id, 2030)].jp_target, 32)

    def test_bad_plan_values(self):
        plan = self._generate()
        with self.assertRaisesRegex(ValidationError, "planned JP cannot be negative"):
            plan.line_ids[0].planned_jp = -4
        with self.assertRaisesRegex(ValidationError, "JP target cannot be negative"):
            plan.jp_target = -1
        self.assertEqual(plan.jp_planned, 14)


@tagged("post_install", "-at_install")
class TestTrainingSession(DevelopmentCommon):
    def test_attendance_credits_jp_exactly_once(self):
        self.appraisal.action_generate_development_plan()
        plan = self._plan(self.emp_employee)
        session = self._session(jp=8, codes=("M.01",))
        attendance = self._invite(session, self.emp_employee)
        self.assertEqual(attendance.plan_id, plan)
        self.assertEqual(plan.jp_realized, 0)
        attendance.action_mark_attended()
        self.assertEqual(plan.jp_realized, 8)
        m01 = plan.line_ids.filtered(lambda line: line.skill_id.code == "M.01")
        self.assertEqual(m01.realized_jp, 8)
        self.assertEqual(m01.state, "done")
        # marking again, one way or another, changes nothing
        attendance.write({"attended": True})
        attendance.action_mark_attended()
        session.action_mark_all_attended()
        session.action_done()
        self.assertEqual(plan.jp_realized, 8)
        self.assertEqual(m01.realized_jp, 8)
        # the JP follow the session's value
        session.jp_hours = 6
        self.assertEqual(plan.jp_realized, 6)
        # un-marking takes the credit back
        attendance.action_mark_absent()
        self.assertEqual(plan.jp_realized, 0)
        self.assertEqual(m01.realized_jp, 0)
        self.assertEqual(
            self.env["hr.training.attendance"].search_count(
                [("session_id", "=", session.id)]
            ),
            1,
        )

    def test_jp_shared_between_targeted_lines_and_plan_created(self):
        # no plan yet for the peer: attending opens it
        session = self._session(jp=8, codes=("M.01", "M.02"))
        attendance = self._invite(session, self.emp_peer)
        attendance.action_mark_attended()
        plan = self._plan(self.emp_peer)
        self.assertEqual(plan.jp_realized, 8)
        self.assertFalse(plan.line_ids)
        # once generated, the plan's only matching line gets the session
        self.peer_appraisal.action_generate_development_plan()
        self.assertEqual(plan.line_ids.realized_jp, 8)
        self.appraisal.action_generate_development_plan()
        own = self._invite(session, self.emp_employee)
        own.action_mark_attended()
        lines = self._plan(self.emp_employee).line_ids
        self.assertEqual(sorted(lines.mapped("realized_jp")), [0.0, 4.0, 4.0])
        self.assertEqual(self._plan(self.emp_employee).jp_realized, 8)

    def test_cancelled_session_credits_nothing_and_is_frozen(self):
        session = self._session(jp=8)
        attendance = self._invite(session, self.emp_employee)
        attendance.action_mark_attended()
        plan = self._plan(self.emp_employee)
        self.assertEqual(plan.jp_realized, 8)
        session.action_cancel()
        self.assertEqual(plan.jp_realized, 0)
        with self.assertRaisesRegex(UserError, "is cancelled"):
            attendance.action_mark_absent()
        with self.assertRaisesRegex(UserError, "is cancelled"):
            self._invite(session, self.emp_peer)
        self.assertEqual(len(session.attendance_ids), 1)
        self.assertTrue(attendance.attended)

    def test_attendance_needs_a_confirmed_session(self):
        session = self._session(state="draft")
        attendance = self._invite(session, self.emp_employee)
        with self.assertRaisesRegex(UserError, "Confirm the session"):
            attendance.action_mark_attended()
        self.assertFalse(attendance.attended)

    def test_bad_session_values(self):
        with self.assertRaisesRegex(ValidationError, "JP cannot be negative"):
            self._session(jp=-2)
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self._session(date_end="2031-05-01")
        self.assertFalse(
            self.env["hr.training.session"].search(
                [("name", "=", "Pelatihan Kepemimpinan")]
            )
        )

    def test_moving_a_session_moves_the_credit(self):
        session = self._session(jp=8)
        self._invite(session, self.emp_employee).action_mark_attended()
        session.write({"date_start": "2032-01-10", "date_end": "2032-01-11"})
        self.assertEqual(self._plan(self.emp_employee).jp_realized, 0)
        self.assertEqual(self._plan(self.emp_employee, 2032).jp_realized, 8)

    def test_sosialisasi_briefs_and_employee_jp_this_year(self):
        today = fields.Date.today()
        session = self._session(
            jp=4, codes=(), kind="sosialisasi", date_start=today, date_end=today
        )
        Employee = self.env["hr.employee"]
        self.assertFalse(self.emp_employee.appraisal_policy_briefed)
        attendance = self._invite(session, self.emp_employee, self.emp_peer)
        attendance[0].action_mark_attended()
        self.emp_employee.invalidate_recordset()
        self.assertTrue(self.emp_employee.appraisal_policy_briefed)
        self.assertFalse(self.emp_peer.appraisal_policy_briefed)
        briefed = Employee.search([("appraisal_policy_briefed", "=", True)])
        self.assertIn(self.emp_employee, briefed)
        self.assertNotIn(self.emp_peer, briefed)
        self.assertIn(
            self.emp_peer, Employee.search([("appraisal_policy_briefed", "=", False)])
        )
        self.assertEqual(self.emp_employee.jp_year_realized, 4)
        self.assertEqual(self.emp_employee.jp_year_target, 20)
        self.assertEqual(self.emp_peer.jp_year_realized, 0)

    def _queries_to_mark(self, attendances):
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        attendances.action_mark_attended()
        self.env.flush_all()
        return self.env.cr.sql_log_count - start

    def test_batch_marking_costs_the_same_for_more_people(self):
        one = self._invite(self._session(jp=8), self.emp_atasan)
        three = self._invite(
            self._session(jp=8), self.emp_employee, self.emp_peer, self.emp_unrelated
        )
        queries_one = self._queries_to_mark(one)
        queries_three = self._queries_to_mark(three)
        self.assertLessEqual(queries_three, queries_one)
        self.assertEqual(three.plan_id.mapped("jp_realized"), [8.0, 8.0, 8.0])


@tagged("post_install", "-at_install")
class TestTrainingNeeds(DevelopmentCommon):
    def _needs(self):
        ours = (self.emp_employee | self.emp_peer).ids
        return self.env["hr.training.need.report"].search([("employee_id", "in", ours)])

    def test_numbers_per_competency(self):
        Report = self.env["hr.training.need.report"]
        ours = [("employee_id", "in", (self.emp_employee | self.emp_peer).ids)]
        rows = {
            skill.code: (below, avg_gap, deepest, assessed)
            for skill, below, avg_gap, deepest, assessed in Report._read_group(
                ours,
                ["skill_id"],
                ["below_count:sum", "gap_below:avg", "gap:min", "assessed_count:sum"],
            )
        }
        self.assertEqual(len(rows), 9)
        self.assertEqual(rows["M.01"], (2, -1.5, -2, 2))
        self.assertEqual(rows["M.02"], (1, -1.0, -1, 2))
        self.assertEqual(rows["M.03"][0], 0)
        self.assertFalse(rows["M.03"][1])  # no one below: no average gap
        # the latest done appraisal counts: a later cycle closes the M.01 gap
        later = self._make_cycle(
            name="Triwulan I",
            date_start="2032-01-01",
            date_end="2032-03-31",
            date_self_deadline="2032-03-10",
            date_supervisor_deadline="2032-03-20",
        )
        later.action_open()
        new = later.appraisal_ids.filtered(lambda a: a.employee_id == self.emp_employee)
        self._finish(new, {})
        rows = dict(Report._read_group(ours, ["skill_id"], ["below_count:sum"]))
        self.assertEqual(rows[self.skills["M.01"]], 1)
        self.assertEqual(rows[self.skills["M.02"]], 0)

    def test_create_session_for_those_below(self):
        rows = self._needs().filtered(lambda r: r.skill_id.code in ("M.01", "M.03"))
        action = rows.with_user(self.user_hr).action_create_training_session()
        session = self.env["hr.training.session"].browse(action["res_id"])
        self.assertEqual(session.state, "draft")
        self.assertEqual(session.skill_ids.mapped("code"), ["M.01"])
        self.assertEqual(
            session.attendance_ids.employee_id, self.emp_employee | self.emp_peer
        )
        with self.assertRaisesRegex(UserError, "no training need"):
            rows.filtered(lambda r: r.skill_id.code == "M.03").with_user(
                self.user_hr
            ).action_create_training_session()

    def test_sessions_per_competency(self):
        rows = self._needs().filtered(lambda r: r.gap < 0)
        action = rows.with_user(self.user_hr).action_create_training_session()
        sessions = self.env["hr.training.session"].search(action["domain"])
        self.assertEqual(len(sessions), 2)
        by_skill = {s.skill_ids.code: s.attendance_ids.employee_id for s in sessions}
        self.assertEqual(by_skill["M.02"], self.emp_employee)

    def test_demo_shows_disdik_teachers_needs(self):
        disdik = self.env.ref(
            "hr_kinerja_kompetensi.dep_disdik", raise_if_not_found=False
        )
        if not disdik:
            self.skipTest("demo data not loaded")
        rows = self.env["hr.training.need.report"]._read_group(
            [("department_id", "child_of", disdik.id), ("gap", "<", 0)],
            ["skill_id"],
            ["below_count:sum"],
            order="below_count:sum desc",
        )
        self.assertEqual(rows[0][0].code, "T.GURU.02")
        self.assertEqual(rows[0][1], 6)
