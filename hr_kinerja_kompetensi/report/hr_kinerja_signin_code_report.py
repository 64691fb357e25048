from odoo import api, models
from odoo.exceptions import UserError

from ..rules import signin_code


class ReportKinerjaSigninCodes(models.AbstractModel):
    """Values of the first sign-in code list. Rendering the list is the one
    time the clear codes are shown: they are erased from the wizard here,
    in the same transaction (a failed print rolls the erasure back)."""

    _name = "report.hr_kinerja_kompetensi.report_kinerja_signin_codes"
    _description = "First Sign-in Code List"

    @api.model
    def _get_report_values(self, docids, data=None):
        wizards = self.env["hr.kinerja.account.wizard"].browse(docids)
        # as the officer: the record rules let only the wizard's author in
        wizards.check_access("read")
        # in the order HR hands the slips out: unit, then name
        lines = wizards.line_ids.filtered("code").sorted(
            lambda line: (
                line.employee_id.department_id.name or "",
                line.employee_name or "",
            )
        )
        if not lines:
            raise UserError(wizards[:1]._codes_gone_message())
        expiry = {wizard.id: wizard.date_expiry for wizard in wizards}
        base_url = wizards[:1].get_base_url()
        slips = []
        for line in lines:
            lang = line.user_id.sudo().lang or self.env.lang
            slips.append(
                {
                    "name": line.employee_id.name,
                    "nip": line.nip,
                    "department": line.employee_id.department_id.name,
                    "code": signin_code.display(line.code),
                    "expiry": expiry[line.wizard_id.id],
                    "lang": lang,
                    "url": self._first_signin_url(base_url, lang),
                }
            )
        lines.write({"code": False})
        wizards.write({"codes_printed": True})
        return {
            "doc_ids": docids,
            "doc_model": "hr.kinerja.account.wizard",
            "docs": wizards,
            "slips": slips,
            "officer": self.env.user.name,
        }

    @api.model
    def _first_signin_url(self, base_url, lang):
        """The first sign-in page in the person's language: the language
        code in the path (/id/...) makes Odoo's frontend routing serve it in
        that language whatever the browser's."""
        url_code = self.env["res.lang"]._get_data(code=lang).url_code
        prefix = f"/{url_code}" if url_code and lang != "en_US" else ""
        return f"{base_url}{prefix}/kinerja/first-sign-in"
