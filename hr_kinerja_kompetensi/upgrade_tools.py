"""Helpers of the migration scripts (migrations/<version>/)."""

from odoo.modules.module import get_manifest
from odoo.tools import convert_file


def column_exists(cr, table, column):
    cr.execute(
        """
        SELECT 1 FROM information_schema.columns
         WHERE table_name = %s AND column_name = %s
        """,
        [table, column],
    )
    return bool(cr.fetchone())


# 18.0.3.0.0: the columns of the supervisor's judgement set aside by
# pre-migrate (as hkk_<column>_v2) and moved by post-migrate
JUDGEMENT_COLUMNS_V3 = {
    "hr_appraisal": (
        "work_result_rating",
        "behavior_rating",
        "manager_feedback",
        "predicate_override",
    ),
    "hr_appraisal_competency": ("manager_level", "evidence", "recommendation"),
    "hr_appraisal_behavior": ("rating",),
}


def reload_rule_files(env):
    """Load the addon's record-rule files again, as an install would.

    They are ``noupdate``: an upgrade does not touch records that exist
    already, whatever their ``ir.model.data`` flag says, so a rule whose
    domain (or name) changed keeps the old one. The records stay
    ``noupdate`` for later upgrades.
    """
    rule_files = [
        name
        for name in get_manifest("hr_kinerja_kompetensi")["data"]
        if name.startswith("security/") and name.endswith("_rules.xml")
    ]
    for filename in rule_files:
        convert_file(
            env,
            "hr_kinerja_kompetensi",
            filename,
            {},
            mode="init",
            noupdate=True,
            kind="data",
        )
