from psycopg2 import IntegrityError

from odoo.exceptions import UserError
from odoo.tests import Form, TransactionCase, tagged
from odoo.tools import mute_logger

from .common import SavepointRaisesMixin


@tagged("post_install", "-at_install")
class TestJobCompetency(SavepointRaisesMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Job = cls.env["hr.job"]
        cls.kabid = Job.create(
            {"name": "Kepala Bidang", "position_kind": "administrator"}
        )
        cls.guru = Job.create(
            {
                "name": "Guru Ahli Muda",
                "position_kind": "fungsional",
                "functional_level": "ahli_muda",
            }
        )
        cls.no_kind = Job.create({"name": "Tanpa Jenis"})
        cls.core = cls.env["hr.skill"].search(
            [("competency_family", "in", ("manajerial", "sosial_kultural"))]
        )

    def _run_wizard(self, jobs, **values):
        wizard = (
            self.env["hr.job.competency.fill"]
            .with_context(default_job_ids=jobs.ids)
            .create(values)
        )
        return wizard.action_apply()

    def test_default_competencies_are_the_core_nine(self):
        wizard = Form(self.env["hr.job.competency.fill"])
        self.assertEqual(len(wizard.skill_ids), 9)

    def test_fill_many_jobs_at_once_from_position_kind(self):
        self._run_wizard(self.kabid | self.guru)
        self.assertEqual(self.kabid.competency_count, 9)
        self.assertEqual(set(self.kabid.competency_ids.mapped("required_level")), {3})
        self.assertEqual(set(self.guru.competency_ids.mapped("required_level")), {2})

    def test_company_setting_changes_default(self):
        self.env.company.skj_level_administrator = 4
        self._run_wizard(self.kabid)
        self.assertEqual(set(self.kabid.competency_ids.mapped("required_level")), {4})

    def test_refill_keeps_manual_levels_unless_reset(self):
        self._run_wizard(self.kabid)
        line = self.kabid.competency_ids[0]
        line.required_level = 5
        self._run_wizard(self.kabid)
        self.assertEqual(self.kabid.competency_count, 9, "no duplicate lines")
        self.assertEqual(line.required_level, 5)
        self._run_wizard(self.kabid, overwrite=True)
        self.assertEqual(line.required_level, 3)

    def test_job_without_kind_is_refused_and_nothing_written(self):
        with self.assertRaisesRegex(UserError, "Tanpa Jenis"):
            self._run_wizard(self.kabid | self.no_kind)
        self.assertEqual(self.kabid.competency_count, 0)

    def test_functional_job_without_level_is_refused(self):
        job = self.env["hr.job"].create(
            {"name": "Analis", "position_kind": "fungsional"}
        )
        with self.assertRaisesRegex(UserError, "Analis"):
            self._run_wizard(job)

    def test_bad_levels_and_duplicates_refused(self):
        JobCompetency = self.env["hr.job.competency"]
        skill = self.core[0]
        for level in (0, 6, -1):
            with self.subTest(level=level), mute_logger("odoo.sql_db"):
                with self.assertRaises(IntegrityError), self.env.cr.savepoint():
                    JobCompetency.create(
                        {
                            "job_id": self.kabid.id,
                            "skill_id": skill.id,
                            "required_level": level,
                        }
                    )
        JobCompetency.create({"job_id": self.kabid.id, "skill_id": skill.id})
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                JobCompetency.create({"job_id": self.kabid.id, "skill_id": skill.id})

    def test_employee_sees_required_levels_from_job(self):
        self._run_wizard(self.guru)
        employee = self.env["hr.employee"].create(
            {"name": "Bu Guru", "job_id": self.guru.id}
        )
        self.assertEqual(employee.job_competency_ids, self.guru.competency_ids)

    def test_wizard_query_count_does_not_grow_per_job(self):
        jobs_small = self.env["hr.job"].create(
            [{"name": f"S{i}", "position_kind": "pelaksana"} for i in range(2)]
        )
        jobs_large = self.env["hr.job"].create(
            [{"name": f"L{i}", "position_kind": "pelaksana"} for i in range(20)]
        )
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=12):
            self._run_wizard(jobs_small)
            self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=12):
            self._run_wizard(jobs_large)
            self.env.flush_all()
        self.assertEqual(len(jobs_large.competency_ids), 20 * 9)
