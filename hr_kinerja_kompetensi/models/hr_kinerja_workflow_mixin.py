from odoo import api, models
from odoo.exceptions import UserError


class HrKinerjaWorkflowMixin(models.AbstractModel):
    """Fields only a workflow step changes (as OCA queue_job protects its
    fields).

    Each step method checks who may take the step (``check_access`` and its
    own rules) and then writes these fields as superuser. A direct
    ``write()``, or a ``create()`` with another value than the default, is
    refused for every user, HR included: no RPC call skips a step's checks
    (an award marked awarded without approval, a cycle closed without its
    reason, a plan agreed for somebody else).
    """

    _name = "hr.kinerja.workflow.mixin"
    _description = "Workflow fields changed only by their steps"

    _kinerja_step_fields = ("state",)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                for fname in set(vals) & set(self._kinerja_step_fields):
                    default = self._fields[fname].default
                    if vals[fname] != (default(self) if default else False):
                        self._raise_step_field(fname)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._check_write_allowed(vals)
        return super().write(vals)

    def _check_write_allowed(self, vals):
        """Refuse, before anything is written, what the user may not write
        directly: here the step fields; models extend it with the allow-lists
        of their roles."""
        for fname in set(vals) & set(self._kinerja_step_fields):
            self._raise_step_field(fname)
        return True

    def _raise_step_field(self, fname):
        raise UserError(
            self.env._(
                "%(field)s of %(model)s changes only through its workflow "
                "buttons, not directly.",
                field=self._fields[fname]._description_string(self.env),
                model=self._description,
            )
        )
