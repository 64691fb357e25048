"""18.0.3.0.0: the supervisor's judgement leaves the appraisal and its lines
for models of its own behind record rules (hr.appraisal.judgement,
hr.appraisal.competency.judgement, hr.appraisal.behavior.judgement). Keep
the old columns aside under another name, so that the ORM neither reads nor
drops them before post-migrate has moved every value."""

from odoo.addons.hr_kinerja_kompetensi.upgrade_tools import (
    JUDGEMENT_COLUMNS_V3,
    column_exists,
)


def migrate(cr, version):
    if not version:
        return
    for table, columns in JUDGEMENT_COLUMNS_V3.items():
        for column in columns:
            if column_exists(cr, table, column):
                cr.execute(
                    f'ALTER TABLE "{table}" RENAME COLUMN "{column}" '
                    f'TO "hkk_{column}_v2"'
                )
