"""18.0.2.0.0.

The cycle's list of employees it could not appraise is kept as data and
written out in the reader's language (see _rebuild_generation_issues).

Private notes and 360 comments move to their author-only models (set aside
by pre-migrate): a note's author is the supervisor who appraised (the
employee's manager's user at the time of the upgrade, else whoever last
wrote the appraisal); a comment belongs to its request, whose reviewer is
its author. The old columns are dropped once moved.

Every record rule of the addon now asks the one supervision scope
(``in_my_supervision`` / ``allowed_user_ids``) instead of spelling the chain
out. The rule files are ``noupdate``: an upgrade does not touch records that
exist already, whatever their ``ir.model.data`` flag says. Load these files
again as an install would, so the rules take their new domains; they stay
``noupdate`` for later upgrades. The stored chain users are recomputed, as
they now include the acting appraisers in force.
"""

from odoo import SUPERUSER_ID, api

from odoo.addons.hr_kinerja_kompetensi.upgrade_tools import (
    column_exists,
    reload_rule_files,
)


def _move_notes(cr):
    if not column_exists(cr, "hr_appraisal", "hkk_note_v1"):
        return
    cr.execute(
        """
        INSERT INTO hr_appraisal_note
               (appraisal_id, author_id, body,
                create_uid, create_date, write_uid, write_date)
        SELECT a.id,
               COALESCE(manager.user_id, a.write_uid, a.create_uid),
               a.hkk_note_v1,
               a.write_uid, a.write_date, a.write_uid, a.write_date
          FROM hr_appraisal a
          JOIN hr_employee e ON e.id = a.employee_id
     LEFT JOIN hr_employee manager ON manager.id = e.parent_id
         WHERE a.hkk_note_v1 IS NOT NULL
           AND a.hkk_note_v1 NOT IN ('', '<p><br></p>')
           AND COALESCE(manager.user_id, a.write_uid, a.create_uid) IS NOT NULL
        """
    )
    cr.execute("ALTER TABLE hr_appraisal DROP COLUMN hkk_note_v1")


def _move_comments(cr):
    if not column_exists(cr, "hr_appraisal_feedback", "hkk_comment_v1"):
        return
    cr.execute(
        """
        INSERT INTO hr_appraisal_feedback_comment
               (feedback_id, body, create_uid, create_date, write_uid, write_date)
        SELECT f.id, f.hkk_comment_v1,
               f.write_uid, f.write_date, f.write_uid, f.write_date
          FROM hr_appraisal_feedback f
         WHERE f.hkk_comment_v1 IS NOT NULL AND f.hkk_comment_v1 != ''
        """
    )
    cr.execute("ALTER TABLE hr_appraisal_feedback DROP COLUMN hkk_comment_v1")


def _rebuild_generation_issues(env):
    """The cycle's notice of who was not appraised was a stored text in the
    language of whoever opened the cycle; it is now written when read, from
    the lists of employees. Rebuild the lists of the open cycles and drop
    the old text."""
    for cycle in env["hr.appraisal.cycle"].search(
        [("state", "in", ("open", "calibration"))]
    ):
        cycle._unappraised_employees()
    if column_exists(env.cr, "hr_appraisal_cycle", "generation_issues"):
        env.cr.execute("ALTER TABLE hr_appraisal_cycle DROP COLUMN generation_issues")


def migrate(cr, version):
    if not version:
        return
    _move_notes(cr)
    _move_comments(cr)
    env = api.Environment(cr, SUPERUSER_ID, {})
    _rebuild_generation_issues(env)
    Employee = env["hr.employee"].with_context(active_test=False)
    env.add_to_compute(Employee._fields["allowed_user_ids"], Employee.search([]))
    Employee.flush_model(["allowed_user_ids"])
    reload_rule_files(env)
