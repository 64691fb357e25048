from psycopg2 import IntegrityError

from odoo import models
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import KinerjaCommon
from .test_i18n import load_indonesian


@tagged("post_install", "-at_install")
class TestAppraisalCycle(KinerjaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_standard_and_jobs()
        cls.department = cls.env["hr.department"].create({"name": "Dinas Uji"})
        cls.team = cls.emp_supervisor | cls.emp_employee | cls.emp_peer
        cls.team.department_id = cls.department

    def _team_cycle(self, **values):
        return self._make_cycle(department_ids=self.department.ids, **values)

    def test_generation_creates_full_appraisals_once(self):
        cycle = self._team_cycle()
        created = cycle.action_open()
        self.assertEqual(created.employee_id, self.team)
        appraisal = created.filtered(lambda a: a.employee_id == self.emp_employee)
        self.assertEqual(appraisal.manager_ids, self.emp_supervisor)
        self.assertEqual(len(appraisal.competency_line_ids), 9)
        self.assertEqual(
            set(appraisal.competency_line_ids.mapped("required_level")), {3}
        )
        self.assertEqual(len(appraisal.behavior_line_ids), 7)
        self.assertEqual(appraisal.kinerja_state, "self")
        self.assertEqual(
            sorted(appraisal.activity_ids.mapped("user_id.login")),
            ["hkk_employee", "hkk_supervisor"],
        )
        deadlines = dict(
            zip(
                appraisal.activity_ids.mapped("user_id.login"),
                appraisal.activity_ids.mapped("date_deadline"),
                strict=True,
            )
        )
        self.assertEqual(str(deadlines["hkk_employee"]), "2031-12-10")
        self.assertEqual(str(deadlines["hkk_supervisor"]), "2031-12-20")
        # idempotent: nothing new the second time
        self.assertFalse(cycle.action_generate_appraisals())
        self.assertEqual(cycle.appraisal_count, 3)

    def test_generated_lines_match_orm(self):
        """The lines go in by SQL: they must be what create() would give."""
        # a new stored field on a line model needs a value in _insert_unrated
        stored = {
            model: {
                name
                for name, field in self.env[model]._fields.items()
                if field.store
                and field.column_type
                and name not in models.MAGIC_COLUMNS
            }
            for model in ("hr.appraisal.competency", "hr.appraisal.behavior")
        }
        self.assertEqual(
            stored,
            {
                "hr.appraisal.competency": {
                    "appraisal_id",
                    "skill_id",
                    "required_level",
                    "competency_family",
                    "self_level",
                },
                "hr.appraisal.behavior": {
                    "appraisal_id",
                    "value_id",
                    "sequence",
                    "expectation",
                },
            },
            "update _insert_unrated (and this list) for the new stored field",
        )
        appraisals = self._team_cycle().action_open()
        # in cache right after generation, without a re-read
        competencies = appraisals.competency_line_ids
        behaviors = appraisals.behavior_line_ids
        self.assertEqual(len(competencies), 27)
        self.assertEqual(len(behaviors), 21)
        snapshot = {
            "competency": competencies.read(["competency_family", "gap"]),
            "behavior": behaviors.read(["sequence"]),
            "appraisal": appraisals.read(
                ["job_person_match", "gap_count", "predicate"]
            ),
        }
        self.assertEqual(competencies.create_uid, self.env.user)
        # now let the ORM compute every stored value again and compare
        self.env.invalidate_all()
        # (the judgement's values are not stored on these models, and a new
        # appraisal has no judgement yet: nothing judged)
        self.assertFalse(appraisals.judgement_ids)
        for records, fnames in (
            (competencies, ["competency_family"]),
            (behaviors, ["sequence"]),
        ):
            for fname in fnames:
                self.env.add_to_compute(records._fields[fname], records)
        self.env.flush_all()
        self.assertEqual(
            snapshot,
            {
                "competency": competencies.read(["competency_family", "gap"]),
                "behavior": behaviors.read(["sequence"]),
                "appraisal": appraisals.read(
                    ["job_person_match", "gap_count", "predicate"]
                ),
            },
        )
        self.assertEqual(
            behaviors.filtered(lambda b: b.appraisal_id == appraisals[0]).value_id,
            self.env["hr.behavior.value"].search([]),
            "one line per core value, in the values' order",
        )

    def test_new_hire_gets_appraisal_later(self):
        cycle = self._team_cycle()
        cycle.action_open()
        newcomer = self.env["hr.employee"].create(
            {
                "name": "Pegawai Baru",
                "parent_id": self.emp_supervisor.id,
                "job_id": self.job.id,
                "department_id": self.department.id,
            }
        )
        self.assertEqual(cycle.action_generate_appraisals().employee_id, newcomer)

    def test_missing_supervisor_or_standard_listed_not_skipped_silently(self):
        no_parent = self.env["hr.employee"].create(
            {
                "name": "Tanpa Atasan",
                "job_id": self.job.id,
                "department_id": self.department.id,
            }
        )
        no_standard = self.env["hr.employee"].create(
            {
                "name": "Tanpa Standar",
                "parent_id": self.emp_supervisor.id,
                "department_id": self.department.id,
            }
        )
        cycle = self._team_cycle()
        created = cycle.action_open()
        self.assertNotIn(no_parent, created.employee_id)
        self.assertNotIn(no_standard, created.employee_id)
        self.assertIn("Tanpa Atasan", cycle.generation_issues)
        self.assertIn("Tanpa Standar", cycle.generation_issues)
        self.assertEqual(cycle.unappraised_no_ppk_ids, no_parent)
        self.assertEqual(cycle.unappraised_no_standard_ids, no_standard)
        # the notice is written when read, in the reader's language
        load_indonesian(self.env)
        english = cycle.with_context(lang="en_US").generation_issues
        indonesian = cycle.with_context(lang="id_ID").generation_issues
        self.assertIn("Without a supervisor", english)
        self.assertIn("Tanpa atasan", indonesian)
        self.assertNotIn("Without", indonesian)
        # HR gives the employee a supervisor: the next generation appraises
        # them and the notice forgets them
        no_parent.parent_id = self.emp_supervisor
        cycle.action_generate_appraisals()
        self.assertFalse(cycle.unappraised_no_ppk_ids)
        self.assertNotIn("Tanpa Atasan", cycle.generation_issues)

    def test_one_appraisal_per_employee_per_cycle_in_database(self):
        cycle = self._team_cycle()
        cycle.action_open()
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.env["hr.appraisal"].create(
                    {
                        "employee_id": self.emp_employee.id,
                        "cycle_id": cycle.id,
                        "date_close": "2031-12-31",
                    }
                )

    def test_generation_is_all_or_nothing(self):
        cycle = self._team_cycle()
        cycle.state = "open"
        # a broken behaviour value makes the line batch fail after the appraisals
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    "ALTER TABLE hr_appraisal_behavior "
                    "ADD CONSTRAINT hkk_test_fail CHECK (id < 0)"
                )
                cycle.action_generate_appraisals()
                self.env.flush_all()
        self.env.invalidate_all()
        self.assertFalse(
            self.env["hr.appraisal"].search([("cycle_id", "=", cycle.id)]),
            "no appraisal survives a failed generation",
        )

    def test_close_refused_while_pending_then_forced_with_reason(self):
        cycle = self._team_cycle()
        cycle.action_open()
        with self.assertRaisesRegex(UserError, "Employee"):
            cycle.action_close()
        self.assertEqual(cycle.state, "open")
        with self.assertRaisesRegex(UserError, "reason"):
            cycle.with_user(self.user_hr).action_force_close("  ")
        with self.assertRaisesRegex(UserError, "Only HR"):
            cycle.with_user(self.user_supervisor).action_force_close("Batas waktu")
        self.env["hr.kinerja.reason"].with_user(self.user_hr).create(
            {
                "action": "force_close",
                "cycle_ids": cycle.ids,
                "reason": "Batas waktu BKN",
            }
        ).action_confirm()
        self.assertEqual(cycle.state, "closed")
        self.assertIn("Batas waktu BKN", cycle.message_ids[0].body)

    def test_bad_dates_and_overlaps_refused(self):
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self._make_cycle(date_start="2031-12-31", date_end="2031-10-01")
        with self.assertRaisesRegex(ValidationError, "supervisor deadline"):
            self._make_cycle(
                date_self_deadline="2031-12-20", date_supervisor_deadline="2031-12-10"
            )
        self._team_cycle()
        with self.assertRaisesRegex(ValidationError, "overlaps"):
            self._team_cycle(
                name="Dobel", date_start="2031-11-01", date_end="2032-01-31"
            )
        with self.assertRaisesRegex(ValidationError, "overlaps"):
            self._make_cycle(name="Seluruh instansi")  # whole agency overlaps too
        # another kind of period for the same department is fine
        self.assertTrue(
            self._team_cycle(
                name="Tahunan", period_type="annual", date_start="2031-01-01"
            )
        )

    def test_actions_on_many_cycles(self):
        other_department = self.env["hr.department"].create({"name": "Dinas Lain"})
        self.emp_unrelated.write(
            {"department_id": other_department.id, "parent_id": self.emp_atasan.id}
        )
        cycles = self._team_cycle() | self._make_cycle(
            name="Lain", department_ids=other_department.ids
        )
        created = cycles.action_open()
        self.assertEqual(set(cycles.mapped("state")), {"open"})
        self.assertEqual(created.employee_id, self.team | self.emp_unrelated)
        cycles.action_start_calibration()
        self.assertEqual(set(cycles.mapped("state")), {"calibration"})
