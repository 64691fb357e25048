import calendar
from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from ..models.hr_award_ranking_criterion import CRITERIA
from ..rules import awards as award_rules

PENALTY_KINDS = ("ringan", "sedang", "berat")


class HrAwardBestPerformer(models.TransientModel):
    """Propose the monthly best performer of each unit from that month's done
    appraisals."""

    _name = "hr.award.best.performer"
    _description = "Propose Monthly Best Performers"

    month = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        help="Any day of the month to reward: the done appraisals of the monthly "
        "cycles covering that month are ranked.",
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Units",
        help="Units to rank (each separately, with their sub-units' staff "
        "counted in their own unit). Leave empty for every unit.",
    )
    award_type_id = fields.Many2one(
        "hr.award.type",
        string="Award type",
        required=True,
        domain=[("kind", "=", "best_performer")],
        default=lambda self: self.env["hr.award.type"].search(
            [("kind", "=", "best_performer")], limit=1
        ),
        help="The award proposed to each unit's best performer.",
    )
    criteria_description = fields.Text(
        string="Ranking criteria",
        compute="_compute_criteria_description",
        help="Set the order in Configuration > Best Performer Criteria.",
    )
    line_ids = fields.One2many(
        "hr.award.best.performer.line", "wizard_id", string="Candidates"
    )

    @api.depends("month")
    def _compute_criteria_description(self):
        labels = dict(
            self.env["hr.award.ranking.criterion"]
            ._fields["criterion"]
            ._description_selection(self.env)
        )
        criteria = self.env["hr.award.ranking.criterion"]._criteria_for(
            self.env.company
        )
        text = " > ".join(labels.get(c, c) for c in criteria)
        for wizard in self:
            wizard.criteria_description = text

    def _period(self):
        self.ensure_one()
        start = self.month.replace(day=1)
        end = start.replace(day=calendar.monthrange(start.year, start.month)[1])
        return start, end

    def action_compute(self):
        """Rank the candidates of each unit (penalised staff listed, excluded)."""
        for wizard in self:
            wizard.line_ids = [Command.clear()] + [
                Command.create(vals) for vals in wizard._ranked_lines()
            ]
        return self._reopen()

    def action_propose(self):
        """Create one proposed award per selected candidate."""
        self.ensure_one()
        lines = self.line_ids.filtered("selected")
        if not lines:
            raise UserError(self.env._("Select at least one candidate to propose."))
        excluded = lines.filtered("excluded")
        if excluded:
            raise UserError(
                self.env._(
                    "Employees with an active disciplinary penalty cannot be "
                    "proposed: %(names)s",
                    names=", ".join(excluded.mapped("employee_id.name")),
                )
            )
        start, _end = self._period()
        Award = self.env["hr.employee.award"]
        existing = Award.search(
            [
                ("employee_id", "in", lines.employee_id.ids),
                ("award_type_id", "=", self.award_type_id.id),
                ("date", "=", start),
            ]
        )
        if existing:
            raise UserError(
                self.env._(
                    "Already proposed for this month: %(names)s",
                    names=", ".join(existing.mapped("employee_id.name")),
                )
            )
        awards = Award.create(
            [
                {
                    "employee_id": line.employee_id.id,
                    "department_id": line.department_id.id,
                    "award_type_id": self.award_type_id.id,
                    "date": start,
                    "rank": line.rank,
                    "ranking_note": f"{self.criteria_description}\n{line.values_note}",
                    "reason": self.env._(
                        "Best performer of %(unit)s for %(month)s.",
                        unit=line.department_id.name or "-",
                        month=start.strftime("%m/%Y"),
                    ),
                }
                for line in lines
            ]
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_kinerja_kompetensi.hr_employee_award_action"
        )
        action["domain"] = [("id", "in", awards.ids)]
        return action

    # Business methods
    def _ranked_lines(self):
        self.ensure_one()
        start, end = self._period()
        domain = [
            ("company_id", "=", self.env.company.id),
            ("period_type", "=", "monthly"),
            ("kinerja_state", "=", "done"),
            ("cycle_id.date_start", "<=", end),
            ("cycle_id.date_end", ">=", start),
        ]
        if self.department_ids:
            domain.append(
                ("employee_id.department_id", "child_of", self.department_ids.ids)
            )
        appraisals = self.env["hr.appraisal"].search(domain)
        if not appraisals:
            raise UserError(
                self.env._(
                    "No done appraisal of a monthly cycle covers %(month)s.",
                    month=start.strftime("%m/%Y"),
                )
            )
        criteria = self.env["hr.award.ranking.criterion"]._criteria_for(
            self.env.company
        )
        values = self.env["hr.employee.award"]._best_performer_values(appraisals)
        penalties = self.env["hr.employee.penalty"]._penalties_by_employee(
            appraisals.employee_id
        )
        labels = dict(CRITERIA) | dict(
            self.env["hr.award.ranking.criterion"]
            ._fields["criterion"]
            ._description_selection(self.env)
        )
        by_unit = defaultdict(list)
        excluded_lines = []
        for appraisal in appraisals:
            employee = appraisal.employee_id
            candidate = {
                "id": appraisal.id,
                "name": employee.name,
                "values": values[appraisal.id],
                "appraisal": appraisal,
            }
            if award_rules.penalty_overlaps(
                penalties[employee.id], start, end, PENALTY_KINDS
            ):
                excluded_lines.append(candidate)
            else:
                by_unit[employee.department_id].append(candidate)

        def note(candidate):
            return ", ".join(
                f"{labels.get(c, c)}: {self._format_value(c, candidate)}"
                for c in criteria
            )

        vals_list = []
        for department, candidates in by_unit.items():
            for rank, candidate in award_rules.rank(candidates, criteria):
                vals_list.append(
                    {
                        "department_id": department.id,
                        "employee_id": candidate["appraisal"].employee_id.id,
                        "appraisal_id": candidate["id"],
                        "rank": rank,
                        "values_note": note(candidate),
                        "selected": rank == 1,
                    }
                )
        for candidate in excluded_lines:
            employee = candidate["appraisal"].employee_id
            vals_list.append(
                {
                    "department_id": employee.department_id.id,
                    "employee_id": employee.id,
                    "appraisal_id": candidate["id"],
                    "rank": 0,
                    "values_note": note(candidate),
                    "excluded": True,
                    "selected": False,
                }
            )
        return vals_list

    def _format_value(self, criterion, candidate):
        value = candidate["values"].get(criterion)
        if value is None:
            return "-"
        if criterion == "predicate":
            return candidate["appraisal"].predicate and dict(
                candidate["appraisal"]
                ._fields["predicate"]
                ._description_selection(self.env)
            ).get(candidate["appraisal"].predicate)
        return f"{value:.2f}"

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self[:1].id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Monthly Best Performer"),
        }


class HrAwardBestPerformerLine(models.TransientModel):
    _name = "hr.award.best.performer.line"
    _description = "Best performer candidate"
    _order = "department_id, excluded, rank, id"

    wizard_id = fields.Many2one(
        "hr.award.best.performer", required=True, ondelete="cascade"
    )
    department_id = fields.Many2one("hr.department", string="Unit", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    appraisal_id = fields.Many2one("hr.appraisal", readonly=True)
    rank = fields.Integer(readonly=True)
    values_note = fields.Char(string="Values", readonly=True)
    excluded = fields.Boolean(
        string="Excluded (penalty)",
        readonly=True,
        help="An active disciplinary penalty during the month excludes the employee.",
    )
    selected = fields.Boolean(
        string="Propose",
        help="Tick the candidates to propose; the first of each unit is ticked.",
    )
