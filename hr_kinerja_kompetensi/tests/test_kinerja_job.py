from unittest.mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from ..models.hr_appraisal_cycle import HrAppraisalCycle
from ..models.hr_kinerja_job import BATCH_SIZE_PARAM, INLINE_LIMIT_PARAM
from .common import KinerjaCommon

JOB_LOGGER = "odoo.addons.hr_kinerja_kompetensi.models.hr_kinerja_job"


class Crash(BaseException):
    """The process dies: not an error the job could record (like SIGKILL)."""


@tagged("post_install", "-at_install")
class TestKinerjaJob(KinerjaCommon):
    """Cycle generation as a background job, in batches of 2 employees."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_standard_and_jobs()
        cls.department = cls.env["hr.department"].create({"name": "Dinas Uji"})
        Employee = cls.env["hr.employee"]
        # ids in order: the team (3), two more under the supervisor, and one
        # without a supervisor in the last batch
        cls.extras = Employee.create(
            [
                cls._employee_vals("Extra A", parent=cls.emp_supervisor),
                cls._employee_vals("Extra B", parent=cls.emp_supervisor),
                cls._employee_vals("Extra C"),
            ]
        )
        cls.extras.job_id = cls.job
        cls.scope = cls.emp_supervisor | cls.emp_employee | cls.emp_peer | cls.extras
        cls.scope.department_id = cls.department
        params = cls.env["ir.config_parameter"].sudo()
        params.set_param(BATCH_SIZE_PARAM, 2)
        params.set_param(INLINE_LIMIT_PARAM, 0)
        cls.Job = cls.env["hr.kinerja.job"]

    def _cycle(self):
        return self._make_cycle(department_ids=self.department.ids).with_user(
            self.user_hr
        )

    def _run_cron(self, max_calls=10):
        for _call in range(max_calls):
            if not self.Job.sudo().search([("state", "in", ("queued", "running"))]):
                return
            self.Job._cron_run()
        self.fail("the job did not finish")

    def _counts(self, cycle):
        appraisals = self.env["hr.appraisal"].search([("cycle_id", "=", cycle.id)])
        activities = self.env["mail.activity"].search(
            [("res_model", "=", "hr.appraisal"), ("res_id", "in", appraisals.ids)]
        )
        return {
            "appraisals": len(appraisals),
            "employees": len(appraisals.employee_id),
            "competency_lines": len(appraisals.competency_line_ids),
            "behavior_lines": len(appraisals.behavior_line_ids),
            "activities": len(activities),
        }

    # 5 appraisable employees: 9 competencies and 7 values each; an activity
    # for each employee with a user and one for each PPK with a user
    EXPECTED = {
        "appraisals": 5,
        "employees": 5,
        "competency_lines": 45,
        "behavior_lines": 35,
        "activities": 8,
    }

    def test_large_cycle_runs_in_batches_with_progress(self):
        cycle = self._cycle()
        self.assertFalse(cycle.action_open(), "nothing is generated in the request")
        self.assertEqual(cycle.state, "open")
        job = cycle.generation_job_id
        self.assertEqual(
            (job.state, job.user_id, job.progress_total), ("queued", self.user_hr, 6)
        )
        self.assertTrue(
            self.env["ir.cron.trigger"].search(
                [
                    (
                        "cron_id",
                        "=",
                        self.env.ref("hr_kinerja_kompetensi.ir_cron_hr_kinerja_job").id,
                    )
                ]
            ),
            "the scheduler is woken up",
        )
        self.Job._cron_run()
        self.assertEqual(job.state, "running")
        self.assertEqual(
            cycle.generation_job_progress,
            "2 / 6 employees processed, 2 appraisals generated",
        )
        self.assertEqual(self._counts(cycle)["appraisals"], 2)
        self._run_cron()
        self.assertEqual(job.state, "done")
        self.assertEqual((job.progress_done, job.result_count), (6, 5))
        self.assertEqual(self._counts(cycle), self.EXPECTED)
        self.assertEqual(cycle.unappraised_no_ppk_ids, self.extras[2])
        # the officer who started it is told, in her inbox
        message = cycle.message_ids.filtered(
            lambda m: self.user_hr.partner_id in m.notified_partner_ids
        )
        self.assertEqual(len(message), 1)
        self.assertIn("finished", message.body)
        # the appraisals are the officer's work, as in the request
        self.assertEqual(cycle.appraisal_ids.create_uid, self.user_hr)

    def test_crash_mid_way_resumes_without_duplicate_or_loss(self):
        cycle = self._cycle()
        cycle.action_open()
        job = cycle.generation_job_id
        self.Job._cron_run()  # first batch "committed"
        generate = HrAppraisalCycle._generate_appraisals

        def generate_then_die(self_, *args, **kwargs):
            generate(self_, *args, **kwargs)  # appraisals, lines, activities...
            raise Crash  # ...and the process is killed before the commit

        with (
            patch.object(HrAppraisalCycle, "_generate_appraisals", generate_then_die),
            self.assertRaises(Crash),
            self.env.cr.savepoint(),
        ):
            self.Job._cron_run()
        self.env.invalidate_all()
        self.assertEqual(job.state, "running", "a killed batch is not a failure")
        self.assertEqual(job.progress_done, 2)
        self.assertEqual(self._counts(cycle)["appraisals"], 2, "the batch is atomic")
        # the restarted scheduler goes on from the cursor
        self._run_cron()
        self.assertEqual(job.state, "done")
        self.assertEqual((job.progress_done, job.result_count), (6, 5))
        self.assertEqual(self._counts(cycle), self.EXPECTED)

    def test_failure_recorded_with_reason_and_restart(self):
        cycle = self._cycle()
        cycle.action_open()
        job = cycle.generation_job_id
        self.Job._cron_run()
        generate = HrAppraisalCycle._generate_appraisals

        def generate_then_fail(self_, *args, **kwargs):
            generate(self_, *args, **kwargs)
            raise UserError(self.env._("Standar jabatan rusak"))

        with (
            patch.object(HrAppraisalCycle, "_generate_appraisals", generate_then_fail),
            mute_logger(JOB_LOGGER),
        ):
            self.Job._cron_run()
        self.assertEqual(job.state, "failed")
        self.assertEqual(cycle.generation_job_state, "failed")
        self.assertEqual(cycle.generation_job_message, "Standar jabatan rusak")
        self.assertEqual(self._counts(cycle)["appraisals"], 2, "the first batch kept")
        self.assertTrue(
            cycle.message_ids.filtered(
                lambda m: (
                    self.user_hr.partner_id in m.notified_partner_ids
                    and "Standar jabatan rusak" in m.body
                )
            )
        )
        self._run_cron()
        self.assertEqual(job.state, "failed", "a failed job is not retried alone")
        # started again by HR: a new job completes what is missing
        cycle.action_generate_appraisals()
        self.assertNotEqual(cycle.generation_job_id, job)
        self._run_cron()
        self.assertEqual(cycle.generation_job_state, "done")
        self.assertEqual(self._counts(cycle), self.EXPECTED)

    def test_second_start_refused_while_running(self):
        cycle = self._cycle()
        cycle.action_open()
        self.Job._cron_run()
        with self.assertRaisesRegex(UserError, "already running"):
            cycle.action_generate_appraisals()
        self.assertEqual(self.Job.sudo().search_count([]), 1)
        self._run_cron()
        cycle.action_generate_appraisals()  # once done, it may run again
        self._run_cron()
        self.assertEqual(self._counts(cycle), self.EXPECTED)

    def test_cycle_closed_mid_way_fails_the_job(self):
        cycle = self._cycle()
        cycle.action_open()
        self.Job._cron_run()
        cycle.sudo().state = "calibration"
        with mute_logger(JOB_LOGGER):
            self.Job._cron_run()
        self.assertEqual(cycle.generation_job_state, "failed")
        self.assertIn("no longer open", cycle.generation_job_message)

    def test_small_cycle_stays_in_the_request(self):
        self.env["ir.config_parameter"].sudo().set_param(INLINE_LIMIT_PARAM, 1000)
        cycle = self._cycle()
        self.assertEqual(len(cycle.action_open()), 5)
        self.assertFalse(cycle.generation_job_id)
        self.assertEqual(self._counts(cycle), self.EXPECTED)

    def test_only_hr_starts_and_reads_jobs(self):
        cycle = self._cycle()
        cycle.sudo().state = "open"
        for user in (self.user_supervisor, self.user_employee):
            with self.assertRaises(AccessError):
                cycle.with_user(user).action_generate_appraisals()
        # nor by the job API directly
        with self.assertRaisesRegex(UserError, "Only HR officers"):
            self.Job.with_user(self.user_supervisor)._start(
                cycle, "cycle_generate", "x", 1
            )
        self.assertFalse(self.Job.sudo().search([]))
        with self.assertRaises(AccessError):
            cycle.with_user(self.user_supervisor).action_open()
        cycle.action_generate_appraisals()
        job = cycle.generation_job_id
        with self.assertRaises(AccessError):
            job.with_user(self.user_supervisor).read(["state"])
        with self.assertRaises(AccessError):
            job.with_user(self.user_hr).write({"state": "done"})
        self.assertFalse(
            self.Job.with_user(self.user_other_company).search([]),
            "another company's officer does not see the job",
        )
        # everyone who reads the cycle sees how far its generation is
        self.assertTrue(cycle.with_user(self.user_supervisor).generation_job_progress)


@tagged("post_install", "-at_install")
class TestFeedbackRequestJob(TestKinerjaJob):
    """The cycle's bulk 360 request as a background job, in batches of 2
    appraisals (the generation tests are not run again here)."""

    def _generated_cycle(self):
        cycle = self._make_cycle(
            department_ids=self.department.ids, feedback_deadline="2031-12-15"
        ).with_user(self.user_hr)
        cycle.with_context(kinerja_job_inline=True).action_open()
        return cycle

    def _feedback_counts(self, cycle):
        feedbacks = self.env["hr.appraisal.feedback"].search(
            [("cycle_id", "=", cycle.id)]
        )
        pairs = {(f.appraisal_id.id, f.reviewer_id.id) for f in feedbacks}
        activities = self.env["mail.activity"].search(
            [
                ("res_model", "=", "hr.appraisal.feedback"),
                ("res_id", "in", feedbacks.ids),
            ]
        )
        return {
            "requests": len(feedbacks),
            "distinct": len(pairs),
            "activities": len(activities),
        }

    def _inline_counts(self):
        """The counts of the same request done inline, rolled back."""
        with self.env.cr.savepoint() as savepoint:
            cycle = self._generated_cycle()
            feedbacks = cycle.with_context(
                kinerja_job_inline=True
            ).action_request_feedback()
            counts = self._feedback_counts(cycle)
            self.assertTrue(feedbacks)
            self.assertFalse(cycle.feedback_request_job_id)
            savepoint.rollback()
        self.env.invalidate_all()
        return counts

    def test_large_cycle_runs_in_batches_with_progress(self):
        expected = self._inline_counts()
        self.assertEqual(expected["requests"], expected["distinct"])
        cycle = self._generated_cycle()
        self.assertFalse(cycle.action_request_feedback())
        job = cycle.feedback_request_job_id
        self.assertEqual((job.state, job.progress_total), ("queued", 5))
        self.assertFalse(self._feedback_counts(cycle)["requests"])
        self.Job._cron_run()
        self.assertRegex(
            cycle.feedback_request_job_progress,
            r"^2 / 5 appraisals processed, \d+ 360 requests sent$",
        )
        self._run_cron()
        self.assertEqual(job.state, "done")
        self.assertEqual(self._feedback_counts(cycle), expected)
        self.assertEqual(job.result_count, expected["requests"])
        self.assertTrue(
            cycle.message_ids.filtered(
                lambda m: (
                    self.user_hr.partner_id in m.notified_partner_ids
                    and "360 requests of" in m.body
                )
            )
        )

    def test_crash_mid_way_resumes_without_duplicate_or_loss(self):
        expected = self._inline_counts()
        cycle = self._generated_cycle()
        cycle.action_request_feedback()
        job = cycle.feedback_request_job_id
        self.Job._cron_run()
        done_after_one = self._feedback_counts(cycle)
        Request = type(self.env["hr.appraisal.feedback.request"])
        request = Request._request_for_appraisals

        def request_then_die(self_, *args, **kwargs):
            request(self_, *args, **kwargs)
            raise Crash

        with (
            patch.object(Request, "_request_for_appraisals", request_then_die),
            self.assertRaises(Crash),
            self.env.cr.savepoint(),
        ):
            self.Job._cron_run()
        self.env.invalidate_all()
        self.assertEqual(job.state, "running")
        self.assertEqual(self._feedback_counts(cycle), done_after_one)
        self._run_cron()
        self.assertEqual(job.state, "done")
        self.assertEqual(self._feedback_counts(cycle), expected)

    def test_failure_recorded_with_reason_and_restart(self):
        expected = self._inline_counts()
        cycle = self._generated_cycle()
        cycle.action_request_feedback()
        job = cycle.feedback_request_job_id
        self.Job._cron_run()
        Request = type(self.env["hr.appraisal.feedback.request"])

        def fail(self_, *args, **kwargs):
            raise UserError(self.env._("Reviewer rusak"))

        with (
            patch.object(Request, "_request_for_appraisals", fail),
            mute_logger(JOB_LOGGER),
        ):
            self.Job._cron_run()
        self.assertEqual(cycle.feedback_request_job_state, "failed")
        self.assertEqual(cycle.feedback_request_job_message, "Reviewer rusak")
        cycle.action_request_feedback()
        self.assertNotEqual(cycle.feedback_request_job_id, job)
        self._run_cron()
        self.assertEqual(self._feedback_counts(cycle), expected)

    def test_second_start_refused_while_running(self):
        expected = self._inline_counts()
        cycle = self._generated_cycle()
        cycle.action_request_feedback()
        self.Job._cron_run()
        with self.assertRaisesRegex(UserError, "already running"):
            cycle.action_request_feedback()
        self._run_cron()
        cycle.action_request_feedback()  # once done: nothing new to ask
        self._run_cron()
        self.assertEqual(self._feedback_counts(cycle), expected)

    def test_batch_query_count_does_not_grow_with_its_size(self):
        cycle = self._generated_cycle()
        counts = []
        for size in (1, 3):
            cycle.action_request_feedback()
            self.env["ir.config_parameter"].sudo().set_param(BATCH_SIZE_PARAM, size)
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self.Job._cron_run()
            counts.append(self.env.cr.sql_log_count - before)
            self._run_cron()
            self.env["hr.appraisal.feedback"].sudo().search(
                [("cycle_id", "=", cycle.id)]
            ).unlink()
        self.assertEqual(counts[0], counts[1])

    # the generation-only tests of the parent class
    def test_cycle_closed_mid_way_fails_the_job(self):
        cycle = self._generated_cycle()
        cycle.action_request_feedback()
        self.Job._cron_run()
        cycle.sudo().feedback_closed = True
        with mute_logger(JOB_LOGGER):
            self.Job._cron_run()
        self.assertEqual(cycle.feedback_request_job_state, "failed")
        self.assertIn("no longer open", cycle.feedback_request_job_message)

    def test_small_cycle_stays_in_the_request(self):
        self.env["ir.config_parameter"].sudo().set_param(INLINE_LIMIT_PARAM, 1000)
        cycle = self._generated_cycle()
        self.assertTrue(cycle.action_request_feedback())
        self.assertFalse(cycle.feedback_request_job_id)

    def test_only_hr_starts_and_reads_jobs(self):
        cycle = self._generated_cycle()
        with self.assertRaisesRegex(UserError, "Only HR officers"):
            cycle.with_user(self.user_supervisor).action_request_feedback()
        self.assertFalse(self.Job.sudo().search([]))
