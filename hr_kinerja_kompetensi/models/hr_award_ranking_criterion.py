from odoo import fields, models

# Ranking criteria of the monthly best performer, in their default order. To
# add one, extend this selection (selection_add) and give its values in
# hr.employee.award._best_performer_values().
CRITERIA = [
    ("predicate", "Predicate"),
    ("work_result", "Work-result achievement (%)"),
    ("jpm", "Job-Person Match (%)"),
    ("feedback_360", "360 score (released aggregate)"),
]


class HrAwardRankingCriterion(models.Model):
    """Ordered criteria of the monthly best performer: the first ranks, the
    next ones break ties."""

    _name = "hr.award.ranking.criterion"
    _description = "Best Performer Ranking Criterion"
    _order = "company_id, sequence, id"
    _rec_name = "criterion"

    sequence = fields.Integer(
        default=10, help="Order of the criteria: later ones break ties."
    )
    criterion = fields.Selection(
        CRITERIA,
        required=True,
        help="What the candidates are compared on. Higher is better; a missing "
        "value ranks last.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "criterion_company_unique",
            "UNIQUE(criterion, company_id)",
            "Each criterion appears once in the ranking of an agency.",
        ),
    ]

    def _criteria_for(self, company):
        """Ordered criterion keys of the company (defaults when none set)."""
        records = self.sudo().search([("company_id", "=", company.id)])
        if records:
            return records.mapped("criterion")
        return [key for key, _label in CRITERIA]
