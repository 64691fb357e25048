from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

PERSPECTIVES = [
    ("penerima_layanan", "Service recipients (Penerima Layanan)"),
    ("proses_bisnis", "Business process (Proses Bisnis)"),
    ("penguatan_internal", "Internal strengthening (Penguatan Internal)"),
    ("anggaran", "Budget (Anggaran)"),
]


class HrSkpResult(models.Model):
    """Rencana Hasil Kerja (RHK): a work result of an SKP. Below JPT a
    primary result intervenes in (*intervensi*) a work result of the
    supervisor's SKP: that is how the agency's goals cascade down."""

    _name = "hr.skp.result"
    _description = "SKP Work Result (RHK)"
    _inherit = ["hr.skp.draft.only.mixin"]
    _order = "skp_id, kind desc, sequence, id"
    _parent_store = True

    skp_id = fields.Many2one(
        "hr.skp",
        string="SKP",
        required=True,
        index=True,
        ondelete="cascade",
        help="The SKP this work result belongs to.",
    )
    employee_id = fields.Many2one(
        related="skp_id.employee_id", store=True, index=True, string="Employee"
    )
    year = fields.Integer(related="skp_id.year", store=True, index=True)
    company_id = fields.Many2one(related="skp_id.company_id", store=True, index=True)
    department_id = fields.Many2one(
        related="skp_id.department_id", store=True, index=True
    )
    state = fields.Selection(related="skp_id.state", string="SKP status")
    sequence = fields.Integer(default=10, help="Order of the work results.")
    name = fields.Char(
        string="Work result",
        required=True,
        help="What the employee will deliver this year, as a result (not an "
        "activity): e.g. 'Meningkatnya mutu layanan pendidikan dasar'.",
    )
    kind = fields.Selection(
        [("utama", "Primary (utama)"), ("tambahan", "Additional (tambahan)")],
        required=True,
        default="utama",
        help="Primary results come from the job and the supervisor's results; "
        "additional ones are extra assignments.",
    )
    parent_id = fields.Many2one(
        "hr.skp.result",
        string="Intervenes in",
        index=True,
        ondelete="restrict",
        help="The supervisor's work result this one contributes to "
        "(intervensi). Required for a primary work result below JPT level "
        "when the SKP is submitted.",
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many(
        "hr.skp.result",
        "parent_id",
        string="Cascaded to",
        help="The subordinates' work results that intervene in this one.",
    )
    perspective = fields.Selection(
        PERSPECTIVES,
        help="For JPT: the perspective of the balanced scorecard this result serves.",
    )
    ekspektasi = fields.Text(
        string="Supervisor's expectation",
        help="What the supervisor expects of this work result (ekspektasi "
        "pimpinan), written by the supervisor.",
    )
    is_own = fields.Boolean(
        string="Mine",
        compute="_compute_is_own",
        help="The work result is in your own SKP.",
    )
    indicator_ids = fields.One2many(
        "hr.skp.indicator",
        "result_id",
        string="Indicators",
        help="How the result is measured: quantity, quality, time or cost, "
        "each with a target.",
    )

    @api.depends_context("uid")
    def _compute_is_own(self):
        for result in self:
            result.is_own = result.sudo().employee_id.user_id == self.env.user

    def _draft_skps(self):
        return self.sudo().skp_id

    @api.model_create_multi
    def create(self, vals_list):
        results = super().create(vals_list)
        if any(vals.get("ekspektasi") for vals in vals_list):
            results._check_ekspektasi_writer()
        return results

    def write(self, vals):
        if "ekspektasi" in vals:
            self._check_ekspektasi_writer()
        return super().write(vals)

    def _check_ekspektasi_writer(self):
        """The expectation is the supervisor's word: the employee does not
        write it on her own work results."""
        if self.env.su:
            return
        own = self.sudo().filtered(lambda r: r.employee_id.user_id == self.env.user)
        if own:
            raise UserError(
                self.env._(
                    "The supervisor's expectation of %(rhk)s is written by the "
                    "supervisor.",
                    rhk=own[0].name,
                )
            )

    @api.constrains("parent_id", "skp_id")
    def _check_parent(self):
        for result in self.sudo():
            parent = result.parent_id
            if not parent:
                continue
            if (
                parent.skp_id == result.skp_id
                or parent.employee_id == result.employee_id
            ):
                raise ValidationError(
                    self.env._(
                        "%(rhk)s cannot intervene in a work result of the same "
                        "employee.",
                        rhk=result.name,
                    )
                )
            if parent.year != result.year:
                raise ValidationError(
                    self.env._(
                        "%(rhk)s (%(year)s) intervenes in a work result of "
                        "another year (%(other)s).",
                        rhk=result.name,
                        year=result.year,
                        other=parent.year,
                    )
                )
        if self._has_cycle():
            raise ValidationError(
                self.env._("Work results cannot intervene in a loop.")
            )

    def unlink(self):
        cascaded = self.sudo().child_ids - self.sudo()
        if cascaded:
            raise UserError(
                self.env._(
                    "%(rhk)s is cascaded to %(names)s: remove those first.",
                    rhk=cascaded[0].parent_id.name,
                    names=", ".join(cascaded.mapped("employee_id.name")),
                )
            )
        return super().unlink()

    def action_open_cascade(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Cascade to Subordinates"),
            "res_model": "hr.skp.cascade",
            "view_mode": "form",
            "target": "new",
            "context": {"default_result_id": self[:1].id},
        }

    @api.model
    def _cascade(
        self, result, employees, name=None, ekspektasi=None, copy_indicators=True
    ):
        """Create the subordinates' draft results in a fixed number of
        queries, whatever the number of employees. Returns the results."""
        result = result.sudo()
        year = result.year
        skps = self.env["hr.skp"]._ensure_skps({(emp.id, year) for emp in employees})
        not_draft = [s for s in skps.values() if s.state != "draft"]
        if not_draft:
            raise UserError(
                self.env._(
                    "These SKPs are not drafts, set them back to draft first: "
                    "%(names)s",
                    names=", ".join(s.name for s in not_draft[:10]),
                )
            )
        created = (
            self.sudo()
            .with_context(tracking_disable=True)
            .create(
                [
                    {
                        "skp_id": skps[(emp.id, year)].id,
                        "name": name or result.name,
                        "kind": "utama",
                        "sequence": result.sequence,
                        "parent_id": result.id,
                        "ekspektasi": ekspektasi or False,
                    }
                    for emp in employees
                ]
            )
        )
        if copy_indicators and result.indicator_ids:
            self.env["hr.skp.indicator"].sudo().create(
                [
                    {
                        "result_id": new.id,
                        "name": ind.name,
                        "aspect": ind.aspect,
                        "target": ind.target,
                        "unit": ind.unit,
                        "higher_is_better": ind.higher_is_better,
                        "sequence": ind.sequence,
                    }
                    for new in created
                    for ind in result.indicator_ids
                ]
            )
        return created
