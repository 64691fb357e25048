from collections import defaultdict

from markupsafe import Markup, escape

from odoo import api, fields, models

from ..rules import distribution as distribution_rules
from .hr_appraisal import PREDICATE_SELECTION
from .hr_appraisal_confidential_mixin import HR_GROUP


class HrAppraisalCycle(models.Model):
    """Predicate distribution per department against the guidance of the
    organisation rating (warnings only, never a block)."""

    _inherit = "hr.appraisal.cycle"

    distribution_html = fields.Html(
        string="Predicate distribution",
        compute="_compute_distribution_html",
        sanitize=False,
        groups=HR_GROUP,
    )
    distribution_warning_count = fields.Integer(
        string="Distribution warnings",
        compute="_compute_distribution_html",
        groups=HR_GROUP,
    )

    @api.depends("appraisal_ids.predicate", "organization_rating")
    def _compute_distribution_html(self):
        for cycle in self:
            distribution = cycle._predicate_distribution()
            cycle.distribution_html = cycle._format_distribution(distribution)
            cycle.distribution_warning_count = sum(
                len(entry["warnings"]) for entry in distribution.values()
            )

    def action_view_calibration_log(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_kinerja_kompetensi.hr_appraisal_predicate_log_action"
        )
        action["domain"] = [("cycle_id", "in", self.ids)]
        return action

    def _predicate_distribution(self):
        """{department: {"counts": {predicate: n}, "warnings": [text]}} of the
        cycle's rated appraisals (one grouped query)."""
        self.ensure_one()
        counts = defaultdict(lambda: defaultdict(int))
        for employee, predicate, count in (
            self.env["hr.appraisal"]
            .sudo()
            ._read_group(
                [("cycle_id", "=", self._origin.id), ("predicate", "!=", False)],
                ["employee_id", "predicate"],
                ["__count"],
            )
        ):
            counts[employee.department_id][predicate] += count
        return {
            department: {
                "counts": department_counts,
                "warnings": [
                    self._distribution_warning_text(code, params)
                    for code, params in distribution_rules.distribution_warnings(
                        self.organization_rating, department_counts
                    )
                ],
            }
            for department, department_counts in counts.items()
        }

    def _distribution_warning_text(self, code, params):
        labels = dict(
            self.env["hr.appraisal"]
            ._fields["predicate"]
            ._description_selection(self.env)
        )
        if code == "no_rating":
            return self.env._(
                "Set the organisation rating to compare with the guidance."
            )
        if code == "most":
            return self.env._(
                "%(predicate)s is expected to be the most frequent predicate.",
                predicate=labels[params["predicate"]],
            )
        if code == "max":
            return self.env._(
                "%(predicate)s: %(share).0f%% of the unit, the guidance allows at "
                "most %(limit)s%%.",
                predicate=labels[params["predicate"]],
                share=params["share"],
                limit=params["limit"],
            )
        if code == "min":
            return self.env._(
                "%(predicates)s: %(share).0f%% of the unit, the guidance expects at "
                "least %(limit)s%%.",
                predicates=" / ".join(labels[p] for p in params["predicates"]),
                share=params["share"],
                limit=params["limit"],
            )
        if code == "some":
            return self.env._(
                "The guidance expects at least some %(predicates)s.",
                predicates=" / ".join(labels[p] for p in params["predicates"]),
            )
        return self.env._(
            "The guidance expects no %(predicate)s.",
            predicate=labels[params["predicate"]],
        )

    def _format_distribution(self, distribution):
        if not distribution:
            return False
        headers = Markup("").join(
            Markup("<th class='text-end'>%s</th>") % label
            for _key, label in self.env["hr.appraisal"]
            ._fields["predicate"]
            ._description_selection(self.env)
        )
        rows = []
        for department in sorted(distribution, key=lambda d: d.display_name or ""):
            entry = distribution[department]
            total = sum(entry["counts"].values())
            cells = Markup("").join(
                Markup("<td class='text-end'>%s (%s%%)</td>")
                % (
                    entry["counts"].get(key, 0),
                    round(entry["counts"].get(key, 0) * 100.0 / total),
                )
                for key, _label in PREDICATE_SELECTION
            )
            warnings = (
                Markup("<ul class='mb-0 text-warning'>%s</ul>")
                % Markup("").join(
                    Markup("<li>%s</li>") % escape(text) for text in entry["warnings"]
                )
                if entry["warnings"]
                else Markup("<span class='text-success'>&#10003;</span>")
            )
            rows.append(
                Markup("<tr><td>%s</td><td class='text-end'>%s</td>%s<td>%s</td></tr>")
                % (
                    department.display_name or self.env._("No department"),
                    total,
                    cells,
                    warnings,
                )
            )
        return Markup(
            "<table class='table table-sm o_hkk_distribution'><thead><tr><th>%s</th>"
            "<th class='text-end'>%s</th>%s<th>%s</th></tr></thead><tbody>%s</tbody>"
            "</table>"
        ) % (
            self.env._("Unit"),
            self.env._("Rated"),
            headers,
            self.env._("Guidance"),
            Markup("").join(rows),
        )
