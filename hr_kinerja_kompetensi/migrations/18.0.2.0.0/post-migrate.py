"""18.0.2.0.0: every record rule of the addon now asks the one supervision
scope (``in_my_supervision``) instead of spelling the chain out.

The rule files are ``noupdate``: an upgrade does not touch records that
exist already, whatever their ``ir.model.data`` flag says. Load these files
again as an install would, so the rules take their new domains; they stay
``noupdate`` for later upgrades.
"""

from odoo import SUPERUSER_ID, api
from odoo.tools import convert_file

RULE_FILES = (
    "security/hr_kinerja_kompetensi_rules.xml",
    "security/hr_development_rules.xml",
    "security/hr_award_talent_rules.xml",
    "security/hr_appraisal_feedback_rules.xml",
    "security/hr_appraisal_export_rules.xml",
    "security/hr_employee_skill_rules.xml",
)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    for filename in RULE_FILES:
        convert_file(
            env,
            "hr_kinerja_kompetensi",
            filename,
            {},
            mode="init",
            noupdate=True,
            kind="data",
        )
