import logging

from psycopg2 import OperationalError

from odoo import api, fields, models
from odoo.exceptions import UserError

from .hr_appraisal_confidential_mixin import HR_GROUP
from .lang_envs import LangEnvs

_logger = logging.getLogger(__name__)

ACTIVE_STATES = ("queued", "running")
BATCH_SIZE_PARAM = "hr_kinerja_kompetensi.job_batch_size"
INLINE_LIMIT_PARAM = "hr_kinerja_kompetensi.job_inline_limit"
DEFAULT_BATCH_SIZE = 1000
DEFAULT_INLINE_LIMIT = 1000


class HrKinerjaJob(models.Model):
    """A bulk operation run in batches by the scheduler, outside any request.

    One generic model rather than job fields on each record: every bulk
    operation of the addon (cycle generation now; 360 requests, the phase
    close, plans, proposals, the export later) gets the same progress, refusal
    of a second start, failure reason and end notification by adding one
    ``operation`` and one ``_job_<operation>(job, batch_size)`` method on its
    record. Each batch is one scheduler call, so one transaction: what a batch
    writes commits together with the job's cursor and progress, and a process
    killed mid-batch loses only that uncommitted batch, which the next call
    does again (the operations are idempotent from the cursor on).
    """

    _name = "hr.kinerja.job"
    _description = "Background job"
    _order = "id desc"

    # What runs, on which record, for whom
    name = fields.Char(required=True, readonly=True)
    operation = fields.Selection(
        [
            ("cycle_generate", "Generate appraisals"),
            ("cycle_feedback_request", "Request 360 feedback"),
        ],
        required=True,
        readonly=True,
    )
    res_model = fields.Char(string="Model", required=True, readonly=True, index=True)
    res_id = fields.Many2oneReference(
        string="Record", model_field="res_model", required=True, readonly=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True
    )
    user_id = fields.Many2one(
        "res.users", string="Started by", required=True, readonly=True
    )
    # Where it is
    state = fields.Selection(
        [
            ("queued", "Queued"),
            ("running", "Running"),
            ("done", "Done"),
            ("failed", "Failed"),
        ],
        default="queued",
        required=True,
        readonly=True,
        index=True,
    )
    progress_done = fields.Integer(string="Processed", default=0, readonly=True)
    progress_total = fields.Integer(string="To process", readonly=True)
    result_count = fields.Integer(string="Created", default=0, readonly=True)
    # the last record id processed: the next batch starts after it
    cursor = fields.Integer(default=0, readonly=True, copy=False)
    progress_text = fields.Char(string="Progress", compute="_compute_progress_text")
    message = fields.Text(string="Failure reason", readonly=True)
    date_started = fields.Datetime(string="Started on", readonly=True)
    date_finished = fields.Datetime(string="Finished on", readonly=True)

    @api.depends_context("lang")
    @api.depends("operation", "progress_done", "progress_total", "result_count")
    def _compute_progress_text(self):
        for job in self:
            job.progress_text = job._progress_text(self.env)

    def _progress_text(self, env):
        # grouped thousands: "3,000 / 10,000" reads at a glance on the form
        done, total, created = (
            format(value, ",")
            for value in (self.progress_done, self.progress_total, self.result_count)
        )
        if self.operation == "cycle_feedback_request":
            return env._(
                "%(done)s / %(total)s appraisals processed, %(created)s 360 "
                "requests sent",
                done=done,
                total=total,
                created=created,
            )
        return env._(
            "%(done)s / %(total)s employees processed, %(created)s appraisals "
            "generated",
            done=done,
            total=total,
            created=created,
        )

    # Business methods
    @api.model
    def _inline_limit(self):
        return int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(INLINE_LIMIT_PARAM, DEFAULT_INLINE_LIMIT)
        )

    @api.model
    def _batch_size(self):
        return max(
            1,
            int(
                self.env["ir.config_parameter"]
                .sudo()
                .get_param(BATCH_SIZE_PARAM, DEFAULT_BATCH_SIZE)
            ),
        )

    @api.model
    def _active_for(self, records, operation):
        return (
            self.sudo()
            .search(
                [
                    ("res_model", "=", records._name),
                    ("res_id", "in", records.ids),
                    ("operation", "=", operation),
                    ("state", "in", ACTIVE_STATES),
                ]
            )
            .with_env(self.env)
        )

    @api.model
    def _check_not_running(self, records, operation):
        running = self._active_for(records, operation).sudo()
        if running:
            raise UserError(
                self.env._(
                    "%(job)s is already running (%(progress)s). Wait for it to "
                    "finish before starting it again.",
                    job=running[0].name,
                    progress=running[0].progress_text,
                )
            )

    @api.model
    def _run_or_start(self, record, operation, name, total, inline):
        """``inline()`` in this request when ``total`` is within the inline
        limit (small agencies, tests, ``kinerja_job_inline`` in the context),
        otherwise a job of ``operation`` on ``record``: (result, job), one
        of them empty. The second start is refused either way."""
        self._check_not_running(record, operation)
        if total <= self._inline_limit() or self.env.context.get("kinerja_job_inline"):
            return inline(), self.browse()
        return None, self._start(record, operation, name, total)

    @api.model
    def _start(self, record, operation, name, total):
        """Queue ``operation`` on ``record`` for the current user (HR only)
        and wake the scheduler; refused while one runs on the same record."""
        record.ensure_one()
        if not (self.env.su or self.env.user.has_group(HR_GROUP)):
            raise UserError(self.env._("Only HR officers start background jobs."))
        self._check_not_running(record, operation)
        job = self.sudo().create(
            {
                "name": name,
                "operation": operation,
                "res_model": record._name,
                "res_id": record.id,
                "company_id": record.company_id.id or self.env.company.id,
                "user_id": self.env.user.id,
                "progress_total": total,
            }
        )
        self.env.ref("hr_kinerja_kompetensi.ir_cron_hr_kinerja_job").sudo()._trigger()
        return job

    @api.model
    def _cron_run(self):
        """One batch of the oldest active job (called again by the scheduler
        while some remain: ``_notify_progress`` with something remaining)."""
        job = self.sudo().search([("state", "in", ACTIVE_STATES)], order="id", limit=1)
        if not job:
            return
        processed = job._run_batch()
        remaining = sum(
            max(1, j.progress_total - j.progress_done)
            for j in self.sudo().search([("state", "in", ACTIVE_STATES)])
        )
        # done must be > 0 when something remains, or the scheduler takes the
        # call for one that does not report progress and stops
        self.env["ir.cron"]._notify_progress(
            done=max(processed, 1), remaining=remaining
        )

    def _run_batch(self):
        self.ensure_one()
        target = (
            self.env[self.res_model]
            .browse(self.res_id)
            .with_user(self.user_id)
            .with_company(self.company_id)
        )
        if self.state == "queued":
            self.write({"state": "running", "date_started": fields.Datetime.now()})
        method = getattr(target, f"_job_{self.operation}")
        try:
            with self.env.cr.savepoint():
                processed, created, cursor, remaining = method(self, self._batch_size())
                self.env.flush_all()
        except OperationalError:
            # a lock or serialization conflict: the scheduler rolls back and
            # calls again, the job stays running
            raise
        except Exception as error:  # noqa: BLE001 (the reason goes on the job)
            _logger.exception("Background job %s (%s) failed", self.name, self.id)
            self.env.invalidate_all()
            self.write(
                {
                    "state": "failed",
                    "message": str(error),
                    "date_finished": fields.Datetime.now(),
                }
            )
            self._notify_end()
            return 0
        values = {
            "progress_done": self.progress_done + processed,
            "result_count": self.result_count + created,
            "cursor": cursor or self.cursor,
        }
        if not remaining:
            values.update(state="done", date_finished=fields.Datetime.now())
            # the total counted at start may have moved with hires/leavers
            values["progress_total"] = values["progress_done"]
        self.write(values)
        if not remaining:
            self._notify_end()
        return processed

    def _notify_end(self):
        """Tell the user who started the job, in her language, on the record
        (its chatter keeps the trace) and in her inbox."""
        envs = LangEnvs(self.env)
        for job in self:
            lang_env = envs[job.user_id.lang]
            if job.state == "done":
                body = lang_env._(
                    "%(job)s finished: %(progress)s.",
                    job=job.name,
                    progress=job._progress_text(lang_env),
                )
            else:
                body = lang_env._(
                    "%(job)s failed: %(reason)s. What was done before the failure "
                    "is kept; start it again once the cause is fixed.",
                    job=job.name,
                    reason=job.message,
                )
            target = self.env[job.res_model].sudo().browse(job.res_id)
            # posted by OdooBot: the author of a message is not notified
            target.message_post(
                body=body,
                author_id=self.env.ref("base.partner_root").id,
                partner_ids=job.user_id.partner_id.ids,
                subtype_xmlid="mail.mt_note",
            )
