from odoo import api, fields, models


class HrKinerjaSupervisionMixin(models.AbstractModel):
    """``in_my_supervision``: the records the current user supervises, as a
    searchable field that record rules and checks can ask.

    Each model says what that means in ``_supervision_domain()``; hr.employee
    defines the scope itself (the stored chain users, acting appraisers
    included, never oneself) and the other models follow their employee.
    """

    _name = "hr.kinerja.supervision.mixin"
    _description = "In the current user's supervision scope"

    # The path from a record to the user it belongs to (the user's own
    # records are never in her supervision: see _own)
    _own_user_path = "employee_id.user_id"

    in_my_supervision = fields.Boolean(
        string="In my supervision",
        compute="_compute_in_my_supervision",
        search="_search_in_my_supervision",
    )

    @api.model
    def _supervision_domain(self):
        raise NotImplementedError

    def _own(self):
        """Those of these records that are the current user's own (read as
        superuser: whose they are decides, not what the user may read)."""
        uid = self.env.uid
        return (
            self.sudo()
            .filtered(lambda record: record.mapped(self._own_user_path).id == uid)
            .with_env(self.env)
        )

    @api.depends_context("uid")
    def _compute_in_my_supervision(self):
        mine = self._supervised_query(self.ids)
        for record in self:
            record.in_my_supervision = record.id in mine

    def _search_in_my_supervision(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(operator)
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", self._supervised_query())]

    def _supervised_query(self, ids=None):
        """The supervised records (of ``ids`` when given: a set of ids), run
        as superuser: the answer must not depend on which fields or records
        the user may read."""
        Model = self.sudo().with_context(active_test=False)
        if ids is None:
            return Model._search(self._supervision_domain())
        return set(Model.search([("id", "in", ids), *self._supervision_domain()]).ids)
