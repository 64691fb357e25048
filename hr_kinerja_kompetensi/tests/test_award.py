import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_award import AwardCommon


@tagged("post_install", "-at_install")
class TestBestPerformer(AwardCommon):
    def _wizard(self, user=None):
        Wizard = self.env["hr.award.best.performer"].with_user(user or self.user_hr)
        return Wizard.create(
            {"month": "2031-01-15", "department_ids": [(6, 0, self.unit.ids)]}
        )

    def _ranking(self, wizard):
        wizard.action_compute()
        return [
            (line.rank, line.employee_id, line.excluded, line.selected)
            for line in wizard.line_ids.sorted(
                lambda line: (line.excluded, line.rank, line.id)
            )
        ]

    def test_ranking_by_predicate_then_work_result_then_jpm(self):
        # employee: Baik, 120 %; peer: Baik, 100 %; supervisor: Sangat Baik
        self._finish(self.appraisal, achievement=120)
        self._finish(self.peer_appraisal, achievement=100)
        self._finish(self.supervisor_appraisal, "above", "above", achievement=80)
        ranking = self._ranking(self._wizard())
        self.assertEqual(
            ranking,
            [
                (1, self.emp_supervisor, False, True),
                (2, self.emp_employee, False, False),
                (3, self.emp_peer, False, False),
            ],
        )
        wizard = self._wizard()
        wizard.action_compute()
        self.assertIn(
            "Predicate > Work-result achievement (%) > Job-Person Match",
            wizard.criteria_description,
        )
        note = wizard.line_ids.filtered(
            lambda line: line.employee_id == self.emp_employee
        ).values_note
        self.assertIn("120.00", note)

    def test_jpm_breaks_a_tie_and_criteria_are_configurable(self):
        self._finish(self.appraisal, achievement=100, level=2)  # JPM 66.67
        self._finish(self.peer_appraisal, achievement=100, level=3)  # JPM 100
        self._finish(
            self.supervisor_appraisal, "below", "meets", achievement=150, level=3
        )
        ranking = self._ranking(self._wizard())
        self.assertEqual(
            [(rank, employee) for rank, employee, _e, _s in ranking],
            [(1, self.emp_peer), (2, self.emp_employee), (3, self.emp_supervisor)],
        )
        # HR admin puts work-result achievement first
        Criterion = self.env["hr.award.ranking.criterion"]
        Criterion.search([("company_id", "=", self.company.id)]).unlink()
        Criterion.create(
            [
                {"criterion": "work_result", "sequence": 1},
                {"criterion": "jpm", "sequence": 2},
            ]
        )
        ranking = self._ranking(self._wizard())
        self.assertEqual(ranking[0][1], self.emp_supervisor)

    def test_full_tie_shares_first_place(self):
        self._finish(self.appraisal)
        self._finish(self.peer_appraisal)
        ranking = self._ranking(self._wizard())
        self.assertEqual([r[0] for r in ranking], [1, 1])
        self.assertTrue(all(r[3] for r in ranking))  # both ticked: HR decides

    def test_360_score_breaks_a_full_tie_when_configured(self):
        self._finish(self.appraisal)
        self._finish(self.peer_appraisal)
        # released 360 results (the feedback tests cover how they are made);
        # the score is the judgement's
        self.peer_appraisal.sudo().judgement_ids.feedback_score = 4.5
        self.appraisal.sudo().judgement_ids.feedback_score = 3.0
        self.env["hr.award.ranking.criterion"].create(
            {"criterion": "feedback_360", "sequence": 99}
        )
        ranking = self._ranking(self._wizard())
        self.assertEqual(
            [(rank, employee) for rank, employee, _e, _s in ranking],
            [(1, self.emp_peer), (2, self.emp_employee)],
        )

    def test_active_penalty_excludes(self):
        self._finish(self.appraisal, achievement=150)
        self._finish(self.peer_appraisal, achievement=90)
        self.env["hr.employee.penalty"].create(
            {
                "employee_id": self.emp_employee.id,
                "kind": "ringan",
                "date_start": "2030-12-01",
                "date_end": "2031-01-10",
            }
        )
        wizard = self._wizard()
        ranking = self._ranking(wizard)
        self.assertEqual(
            ranking,
            [(1, self.emp_peer, False, True), (0, self.emp_employee, True, False)],
        )
        wizard.line_ids.write({"selected": True})
        with self.assertRaisesRegex(UserError, "active disciplinary penalty"):
            wizard.action_propose()
        self.assertFalse(
            self.env["hr.employee.award"].search(
                [("employee_id", "in", (self.emp_employee | self.emp_peer).ids)]
            )
        )

    def test_propose_approve_award_in_batch(self):
        self._finish(self.appraisal, achievement=150)
        wizard = self._wizard()
        wizard.action_compute()
        action = wizard.action_propose()
        awards = self.env["hr.employee.award"].search(action["domain"])
        self.assertEqual(awards.employee_id, self.emp_employee)
        self.assertEqual(awards.date, datetime.date(2031, 1, 1))
        self.assertEqual(awards.department_id, self.unit)
        self.assertIn("Predicate", awards.ranking_note)
        with self.assertRaisesRegex(UserError, "Already proposed"):
            wizard.action_propose()
        other = self.env["hr.employee.award"].create(
            {"employee_id": self.emp_peer.id, "award_type_id": self.best_performer.id}
        )
        both = (awards | other).with_user(self.user_hr)
        both.action_approve()
        both.action_award()
        self.assertEqual(set(both.mapped("state")), {"awarded"})
        in_period = self.env["hr.employee.award"]._awards_by_employee(
            self.emp_employee | self.emp_peer,
            datetime.date(2031, 1, 1),
            datetime.date(2031, 1, 31),
        )
        self.assertEqual(dict(in_period), {self.emp_employee.id: awards})
        with self.assertRaisesRegex(UserError, "cannot be approved"):
            both.action_approve()
        pdf, _type = self.env["ir.actions.report"]._render_qweb_html(
            "hr_kinerja_kompetensi.hr_employee_award_report_certificate", both.ids
        )
        self.assertIn(b"Employee", pdf)
        self.assertIn(b"PIAGAM PENGHARGAAN", pdf)

    def test_no_done_appraisal(self):
        with self.assertRaisesRegex(UserError, "No done appraisal"):
            self._wizard().action_compute()

    def test_employee_cannot_run_the_wizard(self):
        with self.assertRaises(AccessError):
            self._wizard(self.user_employee)


@tagged("post_install", "-at_install")
class TestSatyalancana(AwardCommon):
    def test_eligibility_at_9y364d_and_10y(self):
        Award = self.env["hr.employee.award"]
        self.emp_employee.tmt_cpns = datetime.date(2016, 3, 1)
        # other test employees: not yet 10 years
        (
            self.emp_peer | self.emp_supervisor | self.emp_atasan | self.emp_unrelated
        ).write({"tmt_cpns": datetime.date(2020, 1, 1)})
        found = Award._satyalancana_candidates(self.company, datetime.date(2026, 2, 28))
        self.assertFalse([c for c in found if c[0] == self.emp_employee])
        found = Award._satyalancana_candidates(self.company, datetime.date(2026, 3, 1))
        mine = [c for c in found if c[0] == self.emp_employee]
        self.assertEqual(len(mine), 1)
        self.assertEqual(
            mine[0][1], self.env.ref("hr_kinerja_kompetensi.award_type_satyalancana_x")
        )
        self.assertEqual(mine[0][2], datetime.date(2026, 3, 1))

    def test_exclusions(self):
        self.emp_employee.tmt_cpns = datetime.date(2016, 3, 1)  # 10 years in 2026
        self.emp_peer.tmt_cpns = datetime.date(2016, 3, 1)
        self.emp_supervisor.tmt_cpns = datetime.date(2016, 3, 1)
        Penalty = self.env["hr.employee.penalty"]
        Penalty.create(
            [
                {
                    "employee_id": self.emp_peer.id,
                    "kind": "sedang",
                    "date_start": "2015-01-01",
                    "date_end": "2015-12-31",
                },
                {
                    "employee_id": self.emp_supervisor.id,
                    "kind": "cltn",
                    "date_start": "2010-01-01",
                    "date_end": "2011-12-31",
                },
                {
                    "employee_id": self.emp_employee.id,
                    "kind": "ringan",
                    "date_start": "2015-01-01",
                    "date_end": "2015-06-30",
                },
            ]
        )
        found = self.env["hr.employee.award"]._satyalancana_candidates(
            self.company, datetime.date(2026, 6, 1)
        )
        employees = {c[0] for c in found}
        self.assertIn(self.emp_employee, employees)  # a light penalty does not exclude
        self.assertNotIn(self.emp_peer, employees)
        self.assertNotIn(self.emp_supervisor, employees)
        level = [c[1].service_years for c in found if c[0] == self.emp_employee]
        self.assertEqual(level, [10])

    def test_cron_proposes_once_and_tells_hr(self):
        today = datetime.date.today()
        self.emp_employee.tmt_cpns = today.replace(
            year=today.year - 10
        ) - datetime.timedelta(days=1)
        Award = self.env["hr.employee.award"]
        created = Award._cron_satyalancana()
        mine = created.filtered(lambda a: a.employee_id == self.emp_employee)
        self.assertEqual(len(mine), 1)
        self.assertEqual(mine.state, "proposed")
        activities = self.env["mail.activity"].search(
            [
                ("res_model", "=", "hr.employee.award"),
                ("res_id", "in", created.ids),
                ("user_id", "=", self.user_hr.id),
            ]
        )
        self.assertEqual(len(activities), 1)
        again = Award._cron_satyalancana()
        self.assertFalse(again.filtered(lambda a: a.employee_id == self.emp_employee))


@tagged("post_install", "-at_install")
class TestAwardAccess(AwardCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Award = cls.env["hr.employee.award"]
        vals = {"award_type_id": cls.best_performer.id}
        cls.peer_proposed = Award.create(dict(vals, employee_id=cls.emp_peer.id))
        cls.peer_awarded = Award.create(
            dict(vals, employee_id=cls.emp_peer.id, date="2030-01-01", state="awarded")
        )
        cls.own_proposed = Award.create(dict(vals, employee_id=cls.emp_employee.id))
        cls.own_approved = Award.create(
            dict(
                vals,
                employee_id=cls.emp_employee.id,
                date="2030-02-01",
                state="approved",
            )
        )
        cls.penalty = cls.env["hr.employee.penalty"].create(
            {
                "employee_id": cls.emp_peer.id,
                "kind": "ringan",
                "date_start": "2030-01-01",
            }
        )

    def test_employee_sees_no_proposal_and_no_penalty(self):
        Award = self.env["hr.employee.award"].with_user(self.user_employee)
        visible = Award.search([])
        self.assertIn(self.peer_awarded, visible)
        self.assertIn(self.own_approved, visible)
        self.assertNotIn(self.peer_proposed, visible)
        self.assertNotIn(self.own_proposed, visible)
        with self.assertRaises(AccessError):
            self.peer_proposed.with_user(self.user_employee).read(["state"])
        rows = Award.search_read([("employee_id", "=", self.emp_peer.id)], ["state"])
        self.assertEqual([r["state"] for r in rows], ["awarded"])
        with self.assertRaises(AccessError):
            self.own_approved.with_user(self.user_employee).write({"reason": "x"})
        with self.assertRaises(AccessError):
            self.env["hr.employee.penalty"].with_user(self.user_employee).search([])
        with self.assertRaises(AccessError):
            self.env["hr.employee.penalty"].with_user(self.user_supervisor).search_read(
                [], ["kind"]
            )

    def test_hr_sees_all_other_company_nothing(self):
        self.assertEqual(
            self.env["hr.employee.award"]
            .with_user(self.user_hr)
            .search_count(
                [("employee_id", "in", (self.emp_employee | self.emp_peer).ids)]
            ),
            4,
        )
        self.assertEqual(
            self.env["hr.employee.award"]
            .with_user(self.user_other_company)
            .search_count([]),
            0,
        )
        self.assertFalse(
            self.env["hr.employee.penalty"]
            .with_user(self.user_other_company)
            .search([])
        )

    def test_award_type_is_configuration(self):
        with self.assertRaises(AccessError):
            self.best_performer.with_user(self.user_hr).write({"name": "x"})
        self.best_performer.with_user(self.user_hr_admin).write({"name": "Terbaik"})
        self.assertTrue(self.best_performer.with_user(self.user_employee).name)

    def test_bad_input(self):
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaisesRegex(Exception, "service_years_satyalancana"),
        ):
            self.env["hr.award.type"].create(
                {"name": "S", "kind": "satyalancana", "service_years": 15}
            )
        with self.assertRaisesRegex(Exception, "ends before it starts"):
            self.env["hr.employee.penalty"].create(
                {
                    "employee_id": self.emp_peer.id,
                    "kind": "berat",
                    "date_start": "2030-02-01",
                    "date_end": "2030-01-01",
                }
            )
        # the state changes only through the steps, which check the role
        for user in (self.user_supervisor, self.user_hr):
            with self.assertRaisesRegex(UserError, "workflow buttons"):
                self.own_approved.with_user(user).write({"state": "awarded"})
        with self.assertRaisesRegex(UserError, "Only HR officers"):
            self.own_approved.with_user(self.user_supervisor).action_award()
        self.assertEqual(self.own_approved.state, "approved")
