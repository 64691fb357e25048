"""18.0.2.0.0: the private note of an appraisal and the comment of a 360
response leave their tables for author-only models (hr.appraisal.note,
hr.appraisal.feedback.comment). Keep the old columns aside under another
name, so that the ORM neither reads nor drops them before post-migrate has
moved every value."""


def _set_aside(cr, table, column, aside):
    cr.execute(
        """
        SELECT 1 FROM information_schema.columns
         WHERE table_name = %s AND column_name = %s
        """,
        [table, column],
    )
    if cr.fetchone():
        cr.execute(f'ALTER TABLE "{table}" RENAME COLUMN "{column}" TO "{aside}"')


def migrate(cr, version):
    if not version:
        return
    _set_aside(cr, "hr_appraisal", "note", "hkk_note_v1")
    _set_aside(cr, "hr_appraisal_feedback", "comment", "hkk_comment_v1")
