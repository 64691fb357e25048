from odoo import api, fields, models

from ..rules import development as rules


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    # Competency development of the current year (HR's view of the employee;
    # employees and supervisors follow it on the plans themselves)
    development_plan_ids = fields.One2many(
        "hr.development.plan",
        "employee_id",
        string="Development plans",
        groups="hr.group_hr_user",
    )
    jp_year_target = fields.Float(
        string="JP target this year",
        compute="_compute_jp_year",
        groups="hr.group_hr_user",
    )
    jp_year_realized = fields.Float(
        string="JP this year",
        compute="_compute_jp_year",
        groups="hr.group_hr_user",
    )
    jp_year_behind = fields.Boolean(
        string="Behind on JP",
        compute="_compute_jp_year",
        groups="hr.group_hr_user",
    )
    appraisal_policy_briefed = fields.Boolean(
        string="Briefed on the appraisal policy",
        compute="_compute_appraisal_policy_briefed",
        search="_search_appraisal_policy_briefed",
        groups="hr.group_hr_user",
        help="Attended a sosialisasi session on the performance-appraisal "
        "policy.",
    )

    @api.depends_context("company")
    def _compute_jp_year(self):
        today = fields.Date.context_today(self)
        plans = {
            plan.employee_id.id: plan
            for plan in self.env["hr.development.plan"]
            .sudo()
            .search([("employee_id", "in", self._origin.ids), ("year", "=", today.year)])
        }
        for employee in self:
            plan = plans.get(employee._origin.id)
            company = employee.company_id or self.env.company
            target = (
                plan.jp_target
                if plan
                else rules.jp_target(
                    employee.asn_type,
                    pns_target=company.kinerja_jp_target_pns,
                    pppk_target=company.kinerja_jp_target_pppk,
                )
            )
            realized = plan.jp_realized if plan else 0.0
            employee.jp_year_target = target
            employee.jp_year_realized = realized
            employee.jp_year_behind = rules.is_behind(realized, target, today)

    def _briefed_employee_ids(self, employee_ids=None):
        domain = [("employee_id", "in", employee_ids)] if employee_ids else []
        return {
            employee.id
            for [employee] in self.env["hr.training.attendance"]
            .sudo()
            ._read_group(
                domain
                + [
                    ("attended", "=", True),
                    ("kind", "=", "sosialisasi"),
                    ("session_id.state", "in", ("confirmed", "done")),
                ],
                ["employee_id"],
            )
        }

    def _compute_appraisal_policy_briefed(self):
        briefed = self._briefed_employee_ids(self._origin.ids)
        for employee in self:
            employee.appraisal_policy_briefed = employee._origin.id in briefed

    def _search_appraisal_policy_briefed(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", list(self._briefed_employee_ids()))]

    def action_open_development_plans(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_kinerja_kompetensi.hr_development_plan_action"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action
