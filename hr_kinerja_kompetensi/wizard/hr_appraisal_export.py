import base64

from odoo import fields, models

from ..report.hr_appraisal_export_xlsx import OPTION_KEYS

REPORT_XMLID = "hr_kinerja_kompetensi.action_report_appraisal_export_xlsx"


class HrAppraisalExport(models.TransientModel):
    """The choices of the Excel workbook of a cycle, and its download.

    The workbook itself is the xlsx report of the cycle
    (``report.hr_kinerja_kompetensi.appraisal_export_xlsx``, also in the
    cycle's Print menu with every option on); this wizard passes its choices
    to it and keeps the file for the download and for scripts that call
    ``action_export()`` and read ``file_data`` / ``file_name``.
    """

    _name = "hr.appraisal.export"
    _description = "Excel Export of Appraisals"

    # Selection
    cycle_id = fields.Many2one(
        "hr.appraisal.cycle",
        required=True,
        ondelete="cascade",
        help="The appraisal cycle to export.",
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Departments",
        help="Export only these units and their sub-units. Leave empty for "
        "every unit you may see (the whole agency for HR, your team for a "
        "supervisor).",
    )
    # Options
    include_pending = fields.Boolean(
        string="Include appraisals not done",
        default=True,
        help="Also list the appraisals still in self-assessment or with the "
        "supervisor; their ratings may still change. The summary counts "
        "predicates and JPM of done appraisals only.",
    )
    include_competencies = fields.Boolean(
        string="Competency matrix",
        default=True,
        help="Add the sheet 'Kompetensi': the supervisor's level of every "
        "employee in every competency, gaps highlighted.",
    )
    include_feedback = fields.Boolean(
        string="360 feedback",
        default=True,
        help="Add the sheet '360': per unit and role, how many colleagues were "
        "asked and answered, and the released results. Reviewer names and "
        "individual answers are never exported; a role with fewer answers "
        "than the minimum of the settings shows no result.",
    )
    include_development = fields.Boolean(
        string="Development (JP)",
        default=True,
        help="Add the sheet 'Pengembangan': each employee's training hours "
        "(JP) of the cycle's year against the yearly target, and the JP "
        "columns of the sheet 'Pegawai'.",
    )
    # Result
    # Stored as an attachment, which knows its mimetype from the whole file:
    # a column value is served with a mimetype guessed from its first 1,024
    # bytes, where Odoo's zip checks fail (two WARNINGs with tracebacks per
    # download, and 'application/zip' instead of the spreadsheet type).
    file_data = fields.Binary(string="Workbook", readonly=True)
    file_name = fields.Char(readonly=True)

    def action_export(self):
        """Render the workbook report and show the wizard with its download."""
        self.ensure_one()  # one wizard, one workbook
        content, _format = self.env["ir.actions.report"]._render(
            REPORT_XMLID, self.cycle_id.ids, data=self._report_data()
        )
        self.write(
            {
                "file_data": base64.b64encode(content),
                "file_name": f"{self.cycle_id._export_workbook_name()}.xlsx",
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Export to Excel"),
        }

    def _report_data(self):
        """The choices as the report reads them (plain JSON values)."""
        return {
            "cycle_id": self.cycle_id.id,
            "department_ids": self.department_ids.ids,
            **{key: self[key] for key in OPTION_KEYS},
        }
