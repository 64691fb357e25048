from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import KinerjaCommon

MATRIX = {
    ("above", "below"): "kurang",
    ("above", "meets"): "baik",
    ("above", "above"): "sangat_baik",
    ("meets", "below"): "kurang",
    ("meets", "meets"): "baik",
    ("meets", "above"): "baik",
    ("below", "below"): "sangat_kurang",
    ("below", "meets"): "butuh_perbaikan",
    ("below", "above"): "butuh_perbaikan",
}


@tagged("post_install", "-at_install")
class TestAppraisal(KinerjaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._open_cycle_with_appraisals()

    def _rate_all(self, appraisals, level=3, user=None):
        appraisals = appraisals.with_user(user or self.user_supervisor)
        appraisals.competency_line_ids.write({"manager_level": level})
        appraisals.write({"work_result_rating": "meets", "behavior_rating": "meets"})

    def test_nine_matrix_cells_stored_and_searchable(self):
        for (work, behavior), expected in MATRIX.items():
            with self.subTest(work=work, behavior=behavior):
                self.appraisal.write(
                    {"work_result_rating": work, "behavior_rating": behavior}
                )
                self.assertEqual(self.appraisal.predicate, expected)
                found = self.env["hr.appraisal"].search(
                    [("predicate", "=", expected), ("id", "=", self.appraisal.id)]
                )
                self.assertEqual(found, self.appraisal)

    def test_jpm_surplus_does_not_hide_gap(self):
        lines = self.appraisal.competency_line_ids  # 9 lines, required 3
        lines.write({"manager_level": 3})
        self.assertEqual(self.appraisal.job_person_match, 100.0)
        lines[0].manager_level = 5  # surplus of 2
        lines[1].manager_level = 1  # gap of 2
        self.assertEqual(lines[1].gap, -2)
        self.assertAlmostEqual(self.appraisal.job_person_match, 25 * 100 / 27, 2)
        self.assertEqual(self.appraisal.jpm_category, "optimal")
        self.assertEqual(self.appraisal.gap_count, 1)
        lines[2:5].write({"manager_level": 1})
        self.assertEqual(self.appraisal.jpm_category, "kurang_optimal")

    def test_jpm_average_leaves_unrated_appraisals_out(self):
        self.appraisal.competency_line_ids.write({"manager_level": 3})  # 100 %
        peer_lines = self.peer_appraisal.competency_line_ids
        peer_lines.write({"manager_level": 3})
        peer_lines[:3].write({"manager_level": 2})  # 24 / 27
        both = self.appraisal | self.peer_appraisal
        unrated = self.cycle.appraisal_ids - both
        self.assertTrue(unrated)
        self.assertEqual(set(unrated.mapped("job_person_match")), {0.0})
        # rated in another part: a judgement, with a JPM of 0 and no category
        unrated[:1].work_result_rating = "meets"
        Judgement = self.env["hr.appraisal.judgement"]
        self.assertEqual(Judgement.search_count([("cycle_id", "=", self.cycle.id)]), 3)
        [(average,)] = Judgement._read_group(
            [("cycle_id", "=", self.cycle.id)], [], ["job_person_match:avg"]
        )
        self.assertAlmostEqual(average, (100 + 2400 / 27) / 2, 2)
        # the pivot and graph group through the same aggregate
        groups = Judgement.read_group(
            [("cycle_id", "=", self.cycle.id)], ["job_person_match"], ["cycle_id"]
        )
        self.assertAlmostEqual(groups[0]["job_person_match"], average, 2)

    def test_suggestions_follow_lines(self):
        self.appraisal.work_result_line_ids = [
            (0, 0, {"name": "RPP disusun", "target": 10, "realization": 12}),
            (
                0,
                0,
                {
                    "name": "Keluhan",
                    "target": 4,
                    "realization": 2,
                    "higher_is_better": False,
                },
            ),
        ]
        self.assertEqual(
            self.appraisal.work_result_line_ids.mapped("achievement"), [120.0, 200.0]
        )
        self.assertEqual(self.appraisal.work_result_suggestion, "above")
        self.env.company.kinerja_above_threshold = 200.0
        self.assertEqual(self.appraisal.work_result_suggestion, "meets")
        self.appraisal.behavior_line_ids[:4].rating = "below"
        self.assertEqual(self.appraisal.behavior_suggestion, "below")

    def test_workflow_many_at_once_and_write_back_to_skills(self):
        both = self.appraisal | self.peer_appraisal
        both.sudo().action_submit_self_assessment()
        self.assertEqual(set(both.mapped("kinerja_state")), {"supervisor"})
        self._rate_all(both, level=4)
        both.with_user(self.user_supervisor).action_mark_done()
        self.assertEqual(set(both.mapped("kinerja_state")), {"done"})
        self.assertEqual(set(both.mapped("state")), {"3_done"})
        skills = self.env["hr.employee.skill"].search(
            [("employee_id", "in", both.employee_id.ids)]
        )
        self.assertEqual(len(skills), 18)
        self.assertEqual(set(skills.mapped("skill_level_id.competency_level")), {4})
        # reopen by HR, lower one level: the skill follows, history is kept
        self.env["hr.kinerja.reason"].with_user(self.user_hr).create(
            {
                "action": "reopen",
                "appraisal_ids": self.appraisal.ids,
                "reason": "Salah input",
            }
        ).action_confirm()
        self.assertEqual(self.appraisal.kinerja_state, "supervisor")
        self.appraisal.competency_line_ids[0].with_user(
            self.user_supervisor
        ).manager_level = 2
        self.appraisal.with_user(self.user_supervisor).action_mark_done()
        skill = self.appraisal.competency_line_ids[0].skill_id
        employee_skill = skills.filtered(
            lambda s: s.skill_id == skill and s.employee_id == self.emp_employee
        )
        self.assertEqual(employee_skill.skill_level_id.competency_level, 2)
        logs = self.env["hr.employee.skill.log"].search(
            [("employee_id", "=", self.emp_employee.id), ("skill_id", "=", skill.id)]
        )
        self.assertTrue(logs, "hr_skills keeps the evolution")

    def test_two_appraisals_of_one_employee_done_together(self):
        """A monthly and a quarterly appraisal done in one batch: the skills
        take the level of the later period, whatever the creation order."""
        monthly = self._make_cycle(
            name="November",
            period_type="monthly",
            date_start="2031-11-01",
            date_end="2031-11-30",
            date_self_deadline="2031-11-20",
            date_supervisor_deadline="2031-11-28",
        )
        monthly.action_open()
        november = monthly.appraisal_ids.filtered(
            lambda a: a.employee_id == self.emp_employee
        )
        both = self.appraisal | november
        both.sudo().action_submit_self_assessment()
        self._rate_all(self.appraisal, level=4)  # quarter ending 2031-12-31
        self._rate_all(november, level=2)
        both.with_user(self.user_supervisor).action_mark_done()
        skills = self.env["hr.employee.skill"].search(
            [("employee_id", "=", self.emp_employee.id)]
        )
        self.assertEqual(len(skills), 9)
        self.assertEqual(set(skills.mapped("skill_level_id.competency_level")), {4})

    def test_mark_done_needs_every_rating(self):
        with self.assertRaisesRegex(UserError, "Employee"):
            self.appraisal.with_user(self.user_supervisor).action_mark_done()
        self.assertEqual(self.appraisal.kinerja_state, "self")

    def test_reopen_needs_hr_and_reason(self):
        with self.assertRaisesRegex(UserError, "Only HR"):
            self.appraisal.with_user(self.user_supervisor).action_reopen("x")
        with self.assertRaisesRegex(UserError, "reason"):
            self.appraisal.with_user(self.user_hr).action_reopen("")

    def test_bad_input(self):
        line = self.appraisal.competency_line_ids[0]
        with self.assertRaisesRegex(ValidationError, "between 1 and 5"):
            line.write({"manager_level": 6})
        with self.assertRaisesRegex(ValidationError, "between 1 and 5"):
            line.write({"self_level": -1})
        for target in (0, -5):
            with (
                self.subTest(target=target),
                self.assertRaisesRegex(ValidationError, "greater than zero"),
            ):
                self.appraisal.write(
                    {"work_result_line_ids": [(0, 0, {"name": "X", "target": target})]}
                )
        self.assertFalse(self.appraisal.work_result_line_ids, "nothing half-written")

    def test_self_assessment_only_by_appraisee(self):
        line = self.appraisal.competency_line_ids[0]
        line.with_user(self.user_employee).self_level = 3
        self.assertEqual(line.self_level, 3)
        with self.assertRaisesRegex(UserError, "own self-assessment"):
            line.with_user(self.user_supervisor).self_level = 4
        with self.assertRaisesRegex(UserError, "own self-assessment"):
            self.appraisal.with_user(
                self.user_supervisor
            ).action_submit_self_assessment()
        self.assertEqual(line.self_level, 3)
        # the button is there only for whom may press it
        shown = {
            user.login: self.appraisal.with_user(user).read(
                ["can_submit_self_assessment"]
            )[0]["can_submit_self_assessment"]
            for user in (self.user_employee, self.user_supervisor, self.user_hr)
        }
        self.assertEqual(
            shown, {"hkk_employee": True, "hkk_supervisor": False, "hkk_hr": True}
        )
        self.appraisal.with_user(self.user_employee).action_submit_self_assessment()
        self.appraisal.invalidate_recordset(["can_submit_self_assessment"])
        self.assertFalse(
            self.appraisal.with_user(self.user_employee).can_submit_self_assessment
        )

    def test_supervisor_goes_on_without_self_assessment_after_deadline(self):
        both = (self.appraisal | self.peer_appraisal).with_user(self.user_supervisor)

        def shown(user):
            records = (self.appraisal | self.peer_appraisal).with_user(user)
            records.invalidate_recordset(["can_skip_self_assessment"])
            return records.mapped("can_skip_self_assessment")

        with freeze_time("2031-12-10"):  # the deadline itself
            self.assertEqual(shown(self.user_supervisor), [False, False])
            with self.assertRaisesRegex(UserError, "only after its deadline"):
                both.action_skip_self_assessment()
        with freeze_time("2031-12-11"):
            self.assertEqual(shown(self.user_supervisor), [True, True])
            self.assertEqual(shown(self.user_atasan), [True, True])  # the chain
            self.assertEqual(shown(self.user_employee)[:1], [False])  # own
            self.assertEqual(shown(self.user_hr), [False, False])  # HR submits
            with self.assertRaisesRegex(UserError, "Only the supervisor"):
                self.appraisal.with_user(
                    self.user_employee
                ).action_skip_self_assessment()
            self.assertEqual(self.appraisal.kinerja_state, "self")
            # many at once, from the list's Action menu
            self.env.ref(
                "hr_kinerja_kompetensi.hr_appraisal_action_skip_self_assessment"
            ).with_user(self.user_supervisor).with_context(
                active_model="hr.appraisal", active_ids=both.ids
            ).run()
        self.assertEqual(both.mapped("kinerja_state"), ["supervisor", "supervisor"])
        self.assertIn("not handed in", self.appraisal.message_ids[0].body)
        # the supervisor now rates as usual
        both.write({"work_result_rating": "meets", "behavior_rating": "meets"})
        self.assertEqual(self.appraisal.predicate, "baik")

    def test_appraisee_cannot_rate_self(self):
        with self.assertRaisesRegex(UserError, "supervisor"):
            self.appraisal.with_user(self.user_employee).write(
                {"work_result_rating": "above"}
            )
        with self.assertRaisesRegex(UserError, "supervisor"):
            self.appraisal.competency_line_ids[0].with_user(
                self.user_employee
            ).manager_level = 5
        with self.assertRaisesRegex(UserError, "supervisor"):
            self.appraisal.behavior_line_ids[0].with_user(
                self.user_employee
            ).rating = "above"

    def test_no_rating_on_closed_cycle(self):
        self.cycle.with_user(self.user_hr).action_force_close("Tutup tahun")
        with self.assertRaisesRegex(UserError, "closed"):
            self.appraisal.write({"work_result_rating": "above"})
        with self.assertRaisesRegex(UserError, "closed"):
            self.appraisal.competency_line_ids[0].manager_level = 3
        self.assertFalse(self.appraisal.work_result_rating)

    def test_access_per_role(self):
        readers = (
            self.user_employee,
            self.user_supervisor,
            self.user_atasan,
            self.user_hr,
        )
        for user in readers:
            with self.subTest(user=user.login):
                appraisal = self.appraisal.with_user(user)
                appraisal.read(["predicate", "job_person_match"])
                self.assertEqual(len(appraisal.competency_line_ids), 9)
        for user in (self.user_peer, self.user_unrelated, self.user_other_company):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.appraisal.with_user(user).read(["predicate"])
                lines = (
                    self.env["hr.appraisal.competency"]
                    .with_user(user)
                    .search([("appraisal_id", "=", self.appraisal.id)])
                )
                self.assertFalse(lines)
                self.assertFalse(
                    self.env["hr.appraisal.cycle"]
                    .with_user(user)
                    .search([("id", "=", self.cycle.id)])
                    and user == self.user_other_company
                )
        self.assertFalse(
            self.env["hr.appraisal.cycle"]
            .with_user(self.user_other_company)
            .search([("id", "=", self.cycle.id)]),
            "cycles stay in their company",
        )
        # the supervisor's supervisor may rate too (supervision chain)
        self.appraisal.with_user(self.user_atasan).work_result_rating = "meets"
        with self.assertRaises(AccessError):
            self.env["hr.appraisal.cycle"].with_user(self.user_supervisor).create(
                {
                    "name": "X",
                    "date_start": "2032-01-01",
                    "date_end": "2032-01-31",
                    "period_type": "monthly",
                }
            )

    def test_employee_smart_button(self):
        action = self.emp_employee.action_open_kinerja_appraisals()
        self.assertEqual(
            self.env["hr.appraisal"].search(action["domain"]), self.appraisal
        )
