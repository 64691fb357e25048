"""Sane bounds with clear messages on the numbers people type (issue 16,
point 5): a year of 10**12 was a database error, a session of 10**12 JP was
accepted. Refused before anything is written, on create and on write."""

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .development_common import DevelopmentCommon

HUGE = 10**12


@tagged("post_install", "-at_install")
class TestBounds(DevelopmentCommon):
    def _refused_whole(self, model, vals_list, message="must be (between|at most)"):
        Model = self.env[model]
        before = Model.search_count([])
        with self.assertRaisesRegex(ValidationError, message):
            Model.create(vals_list)
        self.assertEqual(Model.search_count([]), before, "nothing half-written")

    def test_years_out_of_range_are_refused_with_a_message(self):
        for year in (HUGE, -1, 1999, 2101):
            with self.subTest(year=year):
                self._refused_whole(
                    "hr.development.plan",
                    [
                        {"employee_id": self.emp_peer.id, "year": 2031},
                        {"employee_id": self.emp_employee.id, "year": year},
                    ],
                )
                self._refused_whole(
                    "hr.employee.talent",
                    [{"employee_id": self.emp_employee.id, "year": year}],
                )
        # the message writes the year as people do, without a separator
        with self.assertRaisesRegex(ValidationError, r"between 2000 and 2100"):
            self.env["hr.employee.talent.grid"].create({"year": HUGE})

    def test_jp_out_of_range_is_refused(self):
        session = self._session(jp=8.0, state="draft")
        for jp in (HUGE, 1000.5):
            with self.subTest(jp=jp):
                with self.assertRaisesRegex(ValidationError, "JP"):
                    session.write({"jp_hours": jp})
                self.assertEqual(session.jp_hours, 8.0)
        with self.assertRaisesRegex(ValidationError, "1000"):
            self._session(jp=HUGE)
        session.write({"jp_hours": 1000})  # the bound itself is allowed
        self.assertEqual(session.jp_hours, 1000)

    def test_levels_and_targets_out_of_range(self):
        self.appraisal.sudo().kinerja_state = "supervisor"  # open again
        line = self.appraisal.competency_line_ids[0]
        with self.assertRaisesRegex(ValidationError, "between 1 and 5"):
            line.write({"manager_level": HUGE})
        self._refused_whole(
            "hr.appraisal.competency",
            [
                {
                    "appraisal_id": self.appraisal.id,
                    "skill_id": line.skill_id.id,
                    "required_level": HUGE,
                }
            ],
        )
        self._refused_whole(
            "hr.appraisal.work.result",
            [
                {
                    "appraisal_id": self.appraisal.id,
                    "name": "Laporan",
                    "target": HUGE,
                    "realization": 1,
                }
            ],
        )
