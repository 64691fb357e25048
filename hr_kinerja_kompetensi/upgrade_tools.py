"""Helpers of the migration scripts (migrations/<version>/)."""

from odoo.modules.module import get_manifest
from odoo.tools import convert_file


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
