import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .hr_appraisal_confidential_mixin import HR_GROUP

SKP_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
]
JPT_KINDS = ("jpt_utama", "jpt_madya", "jpt_pratama")


class HrSkp(models.Model):
    """Sasaran Kinerja Pegawai: the employee's yearly performance plan (the
    planning stage of PermenPAN-RB 6/2022), made of work results (RHK) with
    indicators. The employee drafts it, her PPK approves it; an approved SKP
    changed mid-year goes back to draft with a reason and keeps a revision
    of what was approved."""

    _name = "hr.skp"
    _description = "SKP (Employee Performance Plan)"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "hr.kinerja.workflow.mixin",
        "hr.kinerja.bounds.mixin",
        "hr.kinerja.supervision.mixin",
    ]
    _kinerja_bounds = {"year": (2000, 2100)}
    _kinerja_step_fields = (
        "state",
        "submitted_date",
        "approved_by",
        "approved_date",
    )
    _order = "year desc, employee_id"

    name = fields.Char(compute="_compute_name", store=True)
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
        help="The employee whose performance this SKP plans.",
    )
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        index=True,
        tracking=True,
        help="Calendar year the SKP plans (one SKP per employee and year).",
    )
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index=True
    )
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, index=True
    )
    position_kind = fields.Selection(
        related="employee_id.position_kind",
        help="Kind of position of the employee: JPT plans with perspectives, "
        "the positions below JPT intervene in their supervisor's work results.",
    )
    is_jpt = fields.Boolean(
        string="JPT",
        compute="_compute_is_jpt",
        help="The employee holds a high leadership post (JPT).",
    )
    # Stored: an approved SKP keeps who approved it as its PPK.
    appraiser_id = fields.Many2one(
        "hr.employee",
        string="PPK",
        compute="_compute_appraiser",
        store=True,
        index=True,
        help="Pejabat Penilai Kinerja who approves this SKP: the direct "
        "supervisor, or the acting appraiser (Plt/Plh) in force. Taken again "
        "when the SKP is submitted.",
    )
    acting_appraiser_id = fields.Many2one(
        "hr.acting.appraiser",
        string="Acting assignment",
        compute="_compute_appraiser",
        store=True,
        index="btree_not_null",
        help="The Plt/Plh assignment that makes someone other than the direct "
        "supervisor the PPK.",
    )
    state = fields.Selection(
        SKP_STATES,
        default="draft",
        required=True,
        tracking=True,
        index=True,
        help="Draft while the employee writes it, Submitted to the PPK, "
        "Approved by the PPK. Back to draft with a reason.",
    )
    submitted_date = fields.Datetime(readonly=True, copy=False)
    approved_by = fields.Many2one("res.users", readonly=True, copy=False)
    approved_date = fields.Datetime(readonly=True, copy=False)
    result_ids = fields.One2many(
        "hr.skp.result",
        "skp_id",
        string="Work results (RHK)",
        help="The work results (Rencana Hasil Kerja) the employee commits to.",
    )
    result_count = fields.Integer(compute="_compute_result_count")
    revision_ids = fields.One2many(
        "hr.skp.revision",
        "skp_id",
        string="Revisions",
        readonly=True,
        help="What was approved each time the approved SKP went back to draft.",
    )
    revision_count = fields.Integer(compute="_compute_result_count")
    note = fields.Text(
        help="Anything the employee and the PPK agreed beyond the work results."
    )
    in_my_supervision = fields.Boolean(
        help="The employee is below you in the supervision chain, or you are "
        "their acting appraiser (Plt/Plh) today."
    )

    _sql_constraints = [
        (
            "employee_year_unique",
            "UNIQUE(employee_id, year)",
            "An employee has one SKP per year.",
        ),
    ]

    @api.model
    def _supervision_domain(self):
        return [("employee_id.in_my_supervision", "=", True)]

    @api.depends("employee_id.name", "year")
    def _compute_name(self):
        for skp in self:
            skp.name = f"SKP {skp.year} - {skp.employee_id.name or ''}"

    @api.depends("employee_id.position_kind")
    def _compute_is_jpt(self):
        for skp in self:
            skp.is_jpt = skp.employee_id.position_kind in JPT_KINDS

    @api.depends("result_ids", "revision_ids")
    def _compute_result_count(self):
        for skp in self:
            skp.result_count = len(skp.result_ids)
            skp.revision_count = len(skp.revision_ids)

    @api.depends("employee_id.parent_id", "year")
    def _compute_appraiser(self):
        # The same PPK as the appraisal (DOMAIN.md "Who appraises"), on the
        # day the plan is made: today, within the SKP's year.
        todo = self.filtered(lambda s: s.state != "approved" or not s.appraiser_id)
        Acting = self.env["hr.acting.appraiser"]
        today = fields.Date.context_today(self)
        by_day = {}
        for skp in todo:
            year = skp.year or today.year
            day = min(
                max(today, datetime.date(year, 1, 1)), datetime.date(year, 12, 31)
            )
            by_day.setdefault(day, []).append(skp.id)
        for day, ids in by_day.items():
            skps = todo.browse(ids)
            acting = Acting._acting_for(skps.employee_id, day, day)
            for skp in skps:
                assignment = acting.get(skp.employee_id.id, Acting)
                skp.acting_appraiser_id = assignment
                skp.appraiser_id = assignment.appraiser_id or skp.employee_id.parent_id
        for skp in self - todo:
            skp.appraiser_id = skp.appraiser_id
            skp.acting_appraiser_id = skp.acting_appraiser_id

    # Content changes only while a draft (the approved plan is what counts)
    _skp_frozen_fields = ("employee_id", "year", "note")

    def _check_write_allowed(self, vals):
        super()._check_write_allowed(vals)
        if set(vals) & set(self._skp_frozen_fields):
            self._check_draft()
        return True

    def _check_draft(self, as_superuser=None):
        """``as_superuser``: whether the caller is the superuser (the lines
        check their SKPs as superuser, for users who may not read them)."""
        if self.env.su if as_superuser is None else as_superuser:
            return
        frozen = self.filtered(lambda s: s.state != "draft")
        if frozen:
            raise UserError(
                self.env._(
                    "%(skp)s is submitted or approved: set it back to draft "
                    "(with a reason) to change it.",
                    skp=frozen[0].name,
                )
            )

    def unlink(self):
        if not self.env.su and self.filtered(lambda s: s.state != "draft"):
            raise UserError(self.env._("Only a draft SKP can be deleted."))
        return super().unlink()

    # Workflow steps (each works on many SKPs at once)
    def _check_state(self, *states):
        wrong = self.filtered(lambda s: s.state not in states)
        if wrong:
            raise UserError(
                self.env._(
                    "This step is not possible for %(names)s in their current state.",
                    names=", ".join(wrong.mapped("name")),
                )
            )

    def _check_own_or_supervised(self):
        """The employee herself, the supervision chain above her, or HR."""
        self.check_access("read")
        if self.env.su or self.env.user.has_group(HR_GROUP):
            return
        wrong = self - self._own() - self.filtered("in_my_supervision")
        if wrong:
            raise UserError(
                self.env._(
                    "Only %(names)s, their supervisors or HR can do this.",
                    names=", ".join(wrong.sudo().mapped("employee_id.name")),
                )
            )

    def action_submit(self):
        """The employee hands the draft to her PPK."""
        self._check_state("draft")
        self._check_own_or_supervised()
        # the PPK of the day the SKP is submitted (an acting assignment may
        # have started since the draft was made)
        self.env.add_to_compute(self._fields["appraiser_id"], self.sudo())
        self.env.add_to_compute(self._fields["acting_appraiser_id"], self.sudo())
        self.sudo()._check_complete()
        self.sudo().write(
            {"state": "submitted", "submitted_date": fields.Datetime.now()}
        )
        activity_vals = [
            {
                "res_model_id": self.env["ir.model"]._get_id(self._name),
                "res_id": skp.id,
                "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
                "summary": self.env._("Approve the SKP"),
                "user_id": skp.appraiser_id.user_id.id,
            }
            for skp in self.sudo()
            if skp.appraiser_id.user_id
        ]
        self.env["mail.activity"].sudo().create(activity_vals)

    def _check_complete(self):
        """A submitted SKP has a primary work result with an indicator, and
        below JPT every primary work result intervenes in a work result of
        the PPK's SKP of the same year."""
        for skp in self:
            primary = skp.result_ids.filtered(lambda r: r.kind == "utama")
            if not primary:
                raise UserError(
                    self.env._(
                        "%(skp)s has no primary work result (RHK utama).", skp=skp.name
                    )
                )
            bare = skp.result_ids.filtered(lambda r: not r.indicator_ids)
            if bare:
                raise UserError(
                    self.env._(
                        "%(skp)s: the work result %(rhk)s has no indicator.",
                        skp=skp.name,
                        rhk=bare[0].name,
                    )
                )
            if skp.is_jpt or not skp.appraiser_id:
                continue
            for result in primary:
                if not result.parent_id:
                    raise UserError(
                        self.env._(
                            "%(skp)s: the primary work result %(rhk)s must say "
                            "which work result of the supervisor it intervenes in.",
                            skp=skp.name,
                            rhk=result.name,
                        )
                    )
                if result.parent_id.skp_id.employee_id != skp.appraiser_id:
                    raise UserError(
                        self.env._(
                            "%(skp)s: the work result %(rhk)s intervenes in a work "
                            "result of %(other)s, not of the PPK %(ppk)s.",
                            skp=skp.name,
                            rhk=result.name,
                            other=result.parent_id.skp_id.employee_id.name,
                            ppk=skp.appraiser_id.name,
                        )
                    )

    def action_approve(self):
        """The PPK approves the submitted SKPs (many at once). Only the PPK of
        each SKP, never one's own: HR is no exception."""
        self._check_state("submitted")
        self.check_access("read")
        own = self._own()
        if own:
            raise UserError(
                self.env._(
                    "Nobody approves their own SKP (%(names)s).",
                    names=", ".join(own.mapped("name")),
                )
            )
        if not self.env.su:
            wrong = self.sudo().filtered(
                lambda s: s.appraiser_id.user_id != self.env.user
            )
            if wrong:
                raise UserError(
                    self.env._(
                        "Only the PPK approves an SKP: %(names)s.",
                        names=", ".join(
                            f"{s.name} ({s.appraiser_id.name or '-'})" for s in wrong
                        ),
                    )
                )
        parents = self.sudo().result_ids.parent_id.skp_id
        unapproved = parents.filtered(lambda s: s.state != "approved")
        if unapproved:
            raise UserError(
                self.env._(
                    "Approve first the SKP the work results intervene in: %(names)s.",
                    names=", ".join(unapproved.mapped("name")),
                )
            )
        self.sudo().write(
            {
                "state": "approved",
                "approved_by": self.env.uid,
                "approved_date": fields.Datetime.now(),
            }
        )
        self.sudo().activity_unlink(["mail.mail_activity_data_todo"])

    def action_open_reset_draft(self):
        """Back to draft asks for a reason (the reason wizard)."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Back to Draft"),
            "res_model": "hr.kinerja.reason",
            "view_mode": "form",
            "target": "new",
            "context": {"default_action": "skp_draft", "default_skp_ids": self.ids},
        }

    def action_reset_draft(self, reason):
        """Back to draft with a reason. A submitted SKP: the employee
        withdraws it or the chain returns it. An approved SKP (a transfer, a
        new job): the chain or HR; what was approved is kept as a revision."""
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for going back to draft."))
        self._check_state("submitted", "approved")
        self._check_own_or_supervised()
        approved = self.filtered(lambda s: s.state == "approved")
        own_approved = approved._own()
        if own_approved and not self.env.su:
            raise UserError(
                self.env._(
                    "Your approved SKP goes back to draft through your PPK or HR."
                )
            )
        approved.sudo()._save_revisions(reason)
        for skp in self:
            skp.sudo().message_post(
                body=self.env._(
                    "Back to draft by %(user)s: %(reason)s",
                    user=self.env.user.name,
                    reason=reason,
                )
            )
        self.sudo().write(
            {
                "state": "draft",
                "submitted_date": False,
                "approved_by": False,
                "approved_date": False,
            }
        )

    def _save_revisions(self, reason):
        Revision = self.env["hr.skp.revision"]
        numbers = {
            group["skp_id"][0]: group["skp_id_count"]
            for group in Revision.read_group(
                [("skp_id", "in", self.ids)], ["skp_id"], ["skp_id"]
            )
        }
        Revision.create(
            [
                {
                    "skp_id": skp.id,
                    "number": numbers.get(skp.id, 0) + 1,
                    "reason": reason,
                    "approved_by": skp.approved_by.id,
                    "approved_date": skp.approved_date,
                    "content": skp._snapshot(),
                }
                for skp in self
            ]
        )

    def _snapshot(self):
        """What was approved, as plain text people read in the history."""
        self.ensure_one()
        lines = []
        for result in self.result_ids:
            kind = dict(result._fields["kind"]._description_selection(self.env))[
                result.kind
            ]
            parent = f" <- {result.parent_id.name}" if result.parent_id else ""
            lines.append(f"[{kind}] {result.name}{parent}")
            for indicator in result.indicator_ids:
                unit = indicator.unit or ""
                lines.append(f"    - {indicator.name}: {indicator.target:g} {unit}")
        return "\n".join(lines)

    @api.model
    def _ensure_skps(self, pairs):
        """SKPs for the (employee id, year) pairs, drafts created when
        missing, in a fixed number of queries. Returns {pair: skp}."""
        pairs = {pair for pair in pairs if pair[0] and pair[1]}
        if not pairs:
            return {}
        Skp = self.sudo()
        existing = {
            (skp.employee_id.id, skp.year): skp
            for skp in Skp.search(
                [
                    ("employee_id", "in", list({emp for emp, _y in pairs})),
                    ("year", "in", list({year for _e, year in pairs})),
                ]
            )
        }
        missing = sorted(pairs - set(existing))
        if missing:
            created = Skp.with_context(
                mail_create_nolog=True, mail_create_nosubscribe=True
            ).create(
                # every defaulted field given: no default_get per record
                [
                    {"employee_id": emp, "year": year, "state": "draft", "note": False}
                    for emp, year in missing
                ]
            )
            existing.update(zip(missing, created, strict=True))
        return existing

    def action_copy_last_year(self):
        """Fill draft SKPs with the work results and indicators of the
        employee's SKP of the year before. A result's intervention follows
        to the supervisor's result of the same name this year, if any."""
        self._check_state("draft")
        self._check_own_or_supervised()
        skps = self.sudo()
        last = {
            (skp.employee_id.id, skp.year): skp
            for skp in skps.search(
                [
                    ("employee_id", "in", skps.employee_id.ids),
                    ("year", "in", list({s.year - 1 for s in skps})),
                ]
            )
        }
        this_year_parents = {
            (r.skp_id.employee_id.id, r.skp_id.year, r.name): r.id
            for r in self.env["hr.skp.result"]
            .sudo()
            .search(
                [
                    ("skp_id.employee_id", "in", skps.appraiser_id.ids),
                    ("skp_id.year", "in", list(set(skps.mapped("year")))),
                ]
            )
        }
        result_vals, sources = [], []
        for skp in skps:
            before = last.get((skp.employee_id.id, skp.year - 1))
            if not before:
                continue
            for result in before.result_ids:
                parent = this_year_parents.get(
                    (skp.appraiser_id.id, skp.year, result.parent_id.name)
                )
                result_vals.append(
                    {
                        "skp_id": skp.id,
                        "name": result.name,
                        "kind": result.kind,
                        "sequence": result.sequence,
                        "perspective": result.perspective,
                        "parent_id": parent or False,
                    }
                )
                sources.append(result)
        if not result_vals:
            raise UserError(
                self.env._("There is no SKP of the year before to copy from.")
            )
        created = self.env["hr.skp.result"].sudo().create(result_vals)
        self.env["hr.skp.indicator"].sudo().create(
            [
                {
                    "result_id": new.id,
                    "name": ind.name,
                    "aspect": ind.aspect,
                    "target": ind.target,
                    "unit": ind.unit,
                    "higher_is_better": ind.higher_is_better,
                }
                for new, old in zip(created, sources, strict=True)
                for ind in old.indicator_ids
            ]
        )
        return True

    @api.constrains("year")
    def _check_year(self):
        for skp in self:
            if not 2000 <= skp.year <= 2100:
                raise ValidationError(
                    self.env._(
                        "%(skp)s: the year %(year)s is not a plausible SKP year.",
                        skp=skp.employee_id.name,
                        year=skp.year,
                    )
                )
