from odoo import models


class HrAppraisal(models.Model):
    _inherit = "hr.appraisal"

    def action_generate_development_plan(self):
        """Create or complete the development plans of done appraisals."""
        self._check_can_assess()
        plans, skipped = self.env["hr.development.plan"]._generate_from_appraisals(self)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_kinerja_kompetensi.hr_development_plan_action"
        )
        action["domain"] = [("id", "in", plans.ids)]
        action["context"] = {}
        if len(plans) == 1:
            action.update(res_id=plans.id, view_mode="form", views=[(False, "form")])
        if not skipped:
            return action
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "warning",
                "sticky": True,
                "message": self.env._(
                    "Plans already agreed were left unchanged (set them back to "
                    "draft to add lines): %(names)s",
                    names=", ".join(skipped.mapped("name")),
                ),
                "next": action,
            },
        }
