from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_award import AwardCommon

BOXES = {
    ("above", "high"): "9",
    ("meets", "high"): "8",
    ("above", "medium"): "7",
    ("below", "high"): "6",
    ("meets", "medium"): "5",
    ("above", "low"): "4",
    ("below", "medium"): "3",
    ("meets", "low"): "2",
    ("below", "low"): "1",
}


@tagged("post_install", "-at_install")
class TestTalent(AwardCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.annual = cls._make_cycle(
            name="Tahunan 2031",
            period_type="annual",
            date_start="2031-01-01",
            date_end="2031-12-31",
            date_self_deadline="2031-12-10",
            date_supervisor_deadline="2031-12-20",
        )
        cls.annual.action_open()
        cls.annual_appraisal = cls.annual.appraisal_ids.filtered(
            lambda a: a.employee_id == cls.emp_employee
        )

    def test_all_nine_cells_and_talent_pool(self):
        talent = self.env["hr.employee.talent"].create(
            {"employee_id": self.emp_employee.id, "year": 2031, "potential": "low"}
        )
        self.assertFalse(talent.appraisal_id)  # not done yet
        self.assertFalse(talent.box)
        self._finish(self.annual_appraisal, "meets", "meets")
        self.assertEqual(talent.appraisal_id, self.annual_appraisal)
        for (performance, potential), box in BOXES.items():
            with self.subTest(performance=performance, potential=potential):
                self.annual_appraisal.work_result_rating = performance
                talent.potential = potential
                self.assertEqual(talent.box, box)
                self.assertEqual(talent.in_talent_pool, box in ("7", "8", "9"))
        pool = self.env["hr.employee.talent"].search(
            [("in_talent_pool", "=", True), ("department_id", "child_of", self.unit.id)]
        )
        self.assertFalse(pool)  # last cell: below x low
        talent.potential = "high"
        self.annual_appraisal.work_result_rating = "above"
        by_employee = self.env["hr.employee.talent"]._talent_by_employee(
            self.emp_employee | self.emp_peer, 2031
        )
        self.assertEqual(by_employee, {self.emp_employee.id: talent})
        self.assertEqual(by_employee[self.emp_employee.id].box, "9")
        self.assertEqual(
            self.env["hr.employee.talent"].search(
                [
                    ("in_talent_pool", "=", True),
                    ("department_id", "child_of", self.unit.id),
                ]
            ),
            talent,
        )

    def test_monthly_appraisal_is_not_the_performance_axis(self):
        self._finish(self.appraisal, "above", "above")
        talent = self.env["hr.employee.talent"].create(
            {"employee_id": self.emp_employee.id, "year": 2031, "potential": "high"}
        )
        self.assertFalse(talent.appraisal_id)
        self.assertFalse(talent.box)

    def test_grid_groups_every_box(self):
        groups = (
            self.env["hr.employee.talent"]
            .with_user(self.user_hr)
            .read_group([], ["box"], ["box"])
        )
        # the nine boxes always, in order (then reviews without a box yet)
        self.assertEqual(
            [g["box"] for g in groups][:9], [str(n) for n in range(9, 0, -1)]
        )

    def test_potential_is_hr_only(self):
        talent = self.env["hr.employee.talent"].create(
            {"employee_id": self.emp_peer.id, "year": 2031, "potential": "high"}
        )
        for user in (
            self.user_employee,
            self.user_peer,
            self.user_supervisor,
            self.user_atasan,
        ):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                talent.with_user(user).read(["potential"])
            with self.assertRaises(AccessError):
                self.env["hr.employee.talent"].with_user(user).search_read(
                    [], ["potential"]
                )
        self.assertEqual(talent.with_user(self.user_hr).potential, "high")
        self.assertFalse(
            self.env["hr.employee.talent"].with_user(self.user_other_company).search([])
        )
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaisesRegex(Exception, "employee_year_unique"),
        ):
            self.env["hr.employee.talent"].create(
                {"employee_id": self.emp_peer.id, "year": 2031}
            )

    def test_grid_by_department(self):
        Talent = self.env["hr.employee.talent"]
        self._finish(self.annual_appraisal, "above", "meets")
        peer_annual = self.annual.appraisal_ids.filtered(
            lambda a: a.employee_id == self.emp_peer
        )
        self._finish(peer_annual, "below", "meets")
        self.emp_peer.department_id = self.env["hr.department"].create(
            {"name": "Unit Lain"}
        )
        Talent.create(
            [
                {
                    "employee_id": self.emp_employee.id,
                    "year": 2031,
                    "potential": "high",
                },
                {"employee_id": self.emp_peer.id, "year": 2031, "potential": "low"},
            ]
        )
        Grid = self.env["hr.employee.talent.grid"].with_user(self.user_hr)
        html = Grid.create({"year": 2031, "department_id": self.unit.id}).grid_html
        self.assertEqual(html.count("<td"), 9)
        # box 9 (above x high) is a talent-pool cell with the employee
        self.assertRegex(html, r"table-success[^>]*><div class='fw-bold'>9 .*?Employee")
        self.assertNotIn("Peer", html)  # another department
        html = Grid.create({"year": 2031}).grid_html
        self.assertRegex(html, r"table-light[^>]*><div class='fw-bold'>1 .*?Peer")
        with self.assertRaises(AccessError):
            self.env["hr.employee.talent.grid"].with_user(self.user_supervisor).create(
                {"year": 2031}
            )
