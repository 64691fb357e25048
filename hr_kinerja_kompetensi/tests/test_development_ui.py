from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestDevelopmentUi(HttpCase):
    def test_training_needs_to_session_to_teacher_plan_tour(self):
        """HR plans a session from Dinas Pendidikan's biggest gap and marks
        attendance; the teacher (demo user pegawai) sees the JP on her plan."""
        fitri = self.env.ref(
            "hr_kinerja_kompetensi.emp_fitri", raise_if_not_found=False
        )
        if not fitri:
            self.skipTest("needs the Batanghari demo data")
        year = fields.Date.context_today(fitri).year

        def realized():
            plan = self.env["hr.development.plan"].search(
                [("employee_id", "=", fitri.id), ("year", "=", year)]
            )
            return plan.jp_realized

        before = realized()
        self.start_tour(
            "/odoo", "hr_kinerja_kompetensi_training_needs_tour", login="bkpsdm"
        )
        session = self.env["hr.training.session"].search(
            [("attendance_ids.employee_id", "=", fitri.id), ("jp_hours", "=", 8)],
            order="id desc",
            limit=1,
        )
        self.assertEqual(session.skill_ids.code, "T.GURU.02")
        self.assertEqual(session.state, "confirmed")
        self.assertEqual(len(session.attendance_ids), 6)
        self.assertTrue(all(session.attendance_ids.mapped("attended")))
        self.assertEqual(realized(), before + 8)
        self.start_tour("/odoo", "hr_kinerja_kompetensi_my_plan_tour", login="pegawai")
