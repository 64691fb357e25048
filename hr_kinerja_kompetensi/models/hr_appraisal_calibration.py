from collections import defaultdict

from markupsafe import escape

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..rules import appraisal as rules
from ..rules import working_days
from .hr_appraisal import PREDICATE_SELECTION
from .hr_appraisal_confidential_mixin import HR_GROUP

OBJECTION_FILING_DAYS = 14


class HrAppraisal(models.Model):
    """Calibration, publication date and objections of an appraisal."""

    _inherit = "hr.appraisal"

    # Final predicate: the matrix, unless calibration or an objection changed it
    predicate_override = fields.Selection(
        PREDICATE_SELECTION,
        string="Changed predicate",
        readonly=True,
        copy=False,
        groups=HR_GROUP,
        help="Predicate set in calibration or by an objection decision; it "
        "replaces the one of the matrix. The history is in the predicate log.",
    )
    predicate_log_ids = fields.One2many(
        "hr.appraisal.predicate.log",
        "appraisal_id",
        string="Predicate changes",
        groups=HR_GROUP,
    )
    # Publication and objection (keberatan)
    date_published = fields.Date(
        string="Published on",
        readonly=True,
        copy=False,
        index=True,
        help="Day the result was made visible to the employee (appraisal done).",
    )
    objection_deadline = fields.Date(
        compute="_compute_objection_deadline",
        store=True,
        help="Last day to file an objection: 14 working days after publication "
        "(weekends and the company's public holidays are skipped).",
    )
    objection_ids = fields.One2many(
        "hr.appraisal.objection", "appraisal_id", string="Objections"
    )
    cycle_state = fields.Selection(related="cycle_id.state", string="Cycle status")

    @api.depends("work_result_rating", "behavior_rating", "predicate_override")
    def _compute_predicate(self):
        for appraisal in self:
            appraisal.predicate = appraisal.predicate_override or rules.predicate(
                appraisal.work_result_rating, appraisal.behavior_rating
            )

    @api.depends("date_published", "company_id")
    def _compute_objection_deadline(self):
        published = self.filtered("date_published")
        (self - published).objection_deadline = False
        if not published:
            return
        Leaves = self.env["resource.calendar.leaves"]
        start = min(published.mapped("date_published"))
        end = working_days.holiday_span(
            max(published.mapped("date_published")), OBJECTION_FILING_DAYS
        )[1]
        companies = published.company_id | self.env.company
        holidays = Leaves._kinerja_public_holidays(companies, start, end)
        for appraisal in published:
            company = appraisal.company_id or self.env.company
            appraisal.objection_deadline = working_days.add_working_days(
                appraisal.date_published,
                OBJECTION_FILING_DAYS,
                holidays[company.id],
            )

    def write(self, vals):
        if vals.get("kinerja_state") == "done" and "date_published" not in vals:
            vals = dict(vals, date_published=fields.Date.context_today(self))
        result = super().write(vals)
        if vals.get("kinerja_state") == "done":
            annual = self.filtered(lambda a: a.period_type == "annual")
            if annual:
                self.env["hr.employee.talent"].sudo().search(
                    [("employee_id", "in", annual.employee_id.ids)]
                )._refresh_appraisal()
        return result

    def action_open_calibration(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change the predicate"),
            "res_model": "hr.appraisal.calibrate",
            "view_mode": "form",
            "target": "new",
            "context": {"default_appraisal_ids": self.ids},
        }

    def action_file_objection(self):
        self._check_can_object()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("File an objection"),
            "res_model": "hr.appraisal.objection",
            "view_mode": "form",
            "target": "new",
            "context": {"default_appraisal_id": self[:1].id},
        }

    # Business methods
    def _calibrate(self, predicate, reason):
        """HR changes the predicate of appraisals of cycles in calibration."""
        if not (self.env.su or self.env.user.has_group(HR_GROUP)):
            raise UserError(self.env._("Only HR officers calibrate predicates."))
        wrong = self.filtered(lambda a: a.cycle_id.state != "calibration")
        if wrong:
            raise UserError(
                self.env._(
                    "Predicates are changed only while the cycle is in "
                    "calibration: %(names)s",
                    names=", ".join(wrong.mapped("employee_id.name")),
                )
            )
        unrated = self.filtered(lambda a: not a.predicate)
        if unrated:
            raise UserError(
                self.env._(
                    "These appraisals have no predicate yet (the supervisor has "
                    "not rated them): %(names)s",
                    names=", ".join(unrated.mapped("employee_id.name")),
                )
            )
        self._change_predicate(predicate, reason, "calibration")

    def _change_predicate(self, predicate, reason, source):
        """Set the final predicate; log before, after, who and why, and post
        it in the chatter (batch)."""
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for changing the predicate."))
        if predicate not in rules.PREDICATES:
            raise UserError(self.env._("Choose the new predicate."))
        labels = dict(self._fields["predicate"]._description_selection(self.env))
        source_label = dict(
            self.env["hr.appraisal.predicate.log"]
            ._fields["source"]
            ._description_selection(self.env)
        )[source]
        log_vals = []
        by_before = defaultdict(lambda: self.browse())
        for appraisal in self:
            before = appraisal.predicate
            log_vals.append(
                {
                    "appraisal_id": appraisal.id,
                    "source": source,
                    "predicate_before": before,
                    "predicate_after": predicate,
                    "user_id": self.env.uid,
                    "reason": reason,
                }
            )
            by_before[before] |= appraisal
        self.env["hr.appraisal.predicate.log"].sudo().create(log_vals)
        self.sudo().write({"predicate_override": predicate})
        bodies = {}
        for before, appraisals in by_before.items():
            body = self.env._(
                "%(origin)s: predicate changed from %(before)s to %(after)s by "
                "%(user)s. Reason: %(reason)s",
                origin=source_label,
                before=labels.get(before, "-"),
                after=labels[predicate],
                user=self.env.user.name,
                reason=reason,
            )
            # before publication the appraisee reads the chatter but not the
            # predicate: the values stay in the log (HR only) until then
            hidden_body = self.env._(
                "%(origin)s: predicate changed by %(user)s (details in the "
                "predicate log).",
                origin=source_label,
                user=self.env.user.name,
            )
            for appraisal in appraisals:
                published = appraisal.kinerja_state == "done"
                bodies[appraisal.id] = escape(body if published else hidden_body)
        # one batch of notes (no notification), written as the current user
        self.sudo()._message_log_batch(
            bodies=bodies, author_id=self.env.user.partner_id.id
        )

    def _check_can_object(self):
        """The appraisee (or HR for them) objects to a published result
        within the deadline, when there is an atasan PPK to decide."""
        is_hr = self.env.su or self.env.user.has_group(HR_GROUP)
        today = fields.Date.context_today(self)
        for appraisal in self.sudo():
            name = appraisal.employee_id.name
            if not is_hr and appraisal.employee_id.user_id != self.env.user:
                raise UserError(
                    self.env._(
                        "Only %(name)s can object to their own result.", name=name
                    )
                )
            if appraisal.kinerja_state != "done" or not appraisal.date_published:
                raise UserError(
                    self.env._(
                        "The result of %(name)s is not published yet: there is "
                        "nothing to object to.",
                        name=name,
                    )
                )
            if today > appraisal.objection_deadline:
                raise UserError(
                    self.env._(
                        "The objection period of %(name)s ended on %(date)s (14 "
                        "working days after publication).",
                        name=name,
                        date=appraisal.objection_deadline,
                    )
                )
            if appraisal.objection_ids:
                raise UserError(
                    self.env._(
                        "%(name)s has already objected to this result.", name=name
                    )
                )
            if not appraisal.employee_id.parent_id.parent_id:
                raise UserError(
                    self.env._(
                        "%(name)s's supervisor has no supervisor (atasan PPK) to "
                        "decide an objection: ask HR to set one.",
                        name=name,
                    )
                )
