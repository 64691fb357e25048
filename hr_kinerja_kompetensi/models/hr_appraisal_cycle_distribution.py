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
                "warnings": self._distribution_warning_texts(department_counts),
            }
            for department, department_counts in counts.items()
        }

    def _distribution_warning_texts(self, counts):
        """The guidance the counts do not follow, in words (never a block)."""
        if not self.organization_rating:
            return [
                self.env._("Set the organisation rating to compare with the guidance.")
            ]
        labels = dict(
            self.env["hr.appraisal"]
            ._fields["predicate"]
            ._description_selection(self.env)
        )
        texts = []
        for warning in distribution_rules.check_distribution(
            self.organization_rating, counts
        ):
            names = " / ".join(labels[p] for p in warning.predicates)
            if warning.kind == "most_frequent":
                text = self.env._(
                    "%(predicate)s is expected to be the most frequent predicate.",
                    predicate=names,
                )
            elif warning.kind == "max_share" and not warning.limit:
                text = self.env._(
                    "The guidance expects no %(predicate)s.", predicate=names
                )
            elif warning.kind == "max_share":
                text = self.env._(
                    "%(predicate)s: %(share).0f%% of the unit, the guidance allows "
                    "at most %(limit)s%%.",
                    predicate=names,
                    share=warning.actual,
                    limit=f"{warning.limit:g}",
                )
            elif warning.kind == "min_share":
                text = self.env._(
                    "%(predicates)s: %(share).0f%% of the unit, the guidance expects "
                    "at least %(limit)s%%.",
                    predicates=names,
                    share=warning.actual,
                    limit=f"{warning.limit:g}",
                )
            else:  # at_least_one
                text = self.env._(
                    "The guidance expects at least some %(predicates)s.",
                    predicates=names,
                )
            texts.append(text)
        return texts

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
