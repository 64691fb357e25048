from collections import defaultdict

from markupsafe import Markup, escape

from odoo import api, fields, models

from ..rules import talent as talent_rules

# Names shown per cell before "+ n more" (the list view shows them all).
MAX_NAMES = 40


class HrEmployeeTalentGrid(models.TransientModel):
    """The 9-box as a real 3 x 3 grid: potential (rows, high on top) by
    performance (columns, above on the right), with the employees of each box.
    """

    _name = "hr.employee.talent.grid"
    _description = "Talent 9-Box Grid"
    _inherit = ["hr.kinerja.bounds.mixin"]
    _kinerja_bounds = {"year": (2000, 2100)}

    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        help="Year of the talent reviews shown.",
    )
    department_id = fields.Many2one(
        "hr.department",
        help="Show only this department and its sub-units. Leave empty for the "
        "whole agency.",
    )
    grid_html = fields.Html(compute="_compute_grid_html", sanitize=False)

    @api.depends("year", "department_id")
    def _compute_grid_html(self):
        for grid in self:
            grid.grid_html = grid._render_grid()

    def _render_grid(self):
        domain = [("year", "=", self.year), ("box", "!=", False)]
        if self.department_id:
            domain.append(("department_id", "child_of", self.department_id.id))
        by_box = defaultdict(list)
        for talent in self.env["hr.employee.talent"].search_fetch(
            domain, ["employee_id", "box"], order="employee_id"
        ):
            by_box[int(talent.box)].append(talent.employee_id.name)
        selection = self.env["hr.employee.talent"]._fields
        potential_labels = dict(selection["potential"]._description_selection(self.env))
        performance_labels = dict(
            selection["performance"]._description_selection(self.env)
        )
        columns = ("below", "meets", "above")
        header = Markup("").join(
            Markup("<th class='text-center'>%s</th>") % performance_labels[c]
            for c in columns
        )
        rows = []
        for potential in ("high", "medium", "low"):
            cells = []
            for performance in columns:
                box = talent_rules.nine_box(performance, potential)
                names = by_box.get(box, [])
                shown = Markup("<br/>").join(escape(n) for n in names[:MAX_NAMES])
                more = (
                    Markup("<br/><i>%s</i>")
                    % self.env._("+ %(count)s more", count=len(names) - MAX_NAMES)
                    if len(names) > MAX_NAMES
                    else ""
                )
                style = (
                    "table-success"
                    if talent_rules.in_talent_pool(box)
                    else "table-light"
                )
                cells.append(
                    Markup(
                        "<td class='%s align-top' style='width: 30%%'>"
                        "<div class='fw-bold'>%s <span class='badge text-bg-secondary'>"
                        "%s</span></div><div class='small'>%s%s</div></td>"
                    )
                    % (style, box, len(names), shown, more)
                )
            rows.append(
                Markup("<tr><th class='align-middle'>%s</th>%s</tr>")
                % (potential_labels[potential], Markup("").join(cells))
            )
        return Markup(
            "<table class='table table-bordered o_hkk_nine_box_grid'><thead><tr>"
            "<th>%s \\ %s</th>%s</tr></thead><tbody>%s</tbody></table>"
        ) % (
            self.env._("Potential"),
            self.env._("Performance"),
            header,
            Markup("").join(rows),
        )
