import logging

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import KinerjaCommon

_logger = logging.getLogger(__name__)

YEAR = 2031


@tagged("post_install", "-at_install")
class TestSkp(KinerjaCommon):
    """SKP planning: the workflow, the cascade, the bounds and who reaches
    what, each as the role's own user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Skp = cls.env["hr.skp"]
        # the head's SKP is approved: the chain below intervenes in it
        cls.skp_atasan = cls.Skp.create(
            {"employee_id": cls.emp_atasan.id, "year": YEAR}
        )
        cls.rhk_atasan = cls._result(cls.skp_atasan, "Meningkatnya mutu layanan")
        cls.skp_atasan.sudo().write({"state": "approved"})
        cls.skp_supervisor = cls.Skp.create(
            {"employee_id": cls.emp_supervisor.id, "year": YEAR}
        )
        cls.rhk_supervisor = cls._result(
            cls.skp_supervisor, "Meningkatnya mutu sekolah", parent=cls.rhk_atasan
        )

    @classmethod
    def _result(cls, skp, name, parent=None, target=90.0):
        return (
            cls.env["hr.skp.result"]
            .sudo()
            .create(
                {
                    "skp_id": skp.id,
                    "name": name,
                    "parent_id": parent.id if parent else False,
                    "indicator_ids": [
                        (0, 0, {"name": "Siswa tuntas", "target": target, "unit": "%"}),
                        (
                            0,
                            0,
                            {"name": "Tepat waktu", "aspect": "waktu", "target": 12},
                        ),
                    ],
                }
            )
        )

    def _cascade(self, employees, user=None):
        wizard = (
            self.env["hr.skp.cascade"]
            .with_user(user or self.user_supervisor)
            .create(
                {
                    "result_id": self.rhk_supervisor.id,
                    "employee_ids": [(6, 0, employees.ids)],
                    "ekspektasi": "Semua siswa lancar membaca",
                }
            )
        )
        return wizard.action_apply()

    # Workflow
    def test_submit_approve_by_ppk(self):
        skp = self.skp_supervisor.with_user(self.user_supervisor)
        self.assertEqual(skp.appraiser_id, self.emp_atasan)
        skp.action_submit()
        self.assertEqual(skp.state, "submitted")
        skp.with_user(self.user_atasan).action_approve()
        self.assertEqual(skp.state, "approved")
        self.assertEqual(skp.approved_by, self.user_atasan)
        with self.assertRaisesRegex(UserError, "back to draft"):
            self.rhk_supervisor.with_user(self.user_atasan).name = "Changed"

    def test_acting_appraiser_is_ppk(self):
        self.env["hr.acting.appraiser"].create(
            {
                "appraiser_id": self.emp_unrelated.id,
                "scope": "employee",
                "employee_ids": [(6, 0, self.emp_supervisor.ids)],
                "date_start": f"{YEAR}-01-01",
                "date_end": f"{YEAR}-12-31",
            }
        )
        skp = self.skp_supervisor
        self.env.add_to_compute(skp._fields["appraiser_id"], skp)
        self.assertEqual(skp.appraiser_id, self.emp_unrelated)
        self.assertTrue(skp.acting_appraiser_id)

    def test_cascade_then_approve_many(self):
        self.skp_supervisor.sudo().write({"state": "approved"})
        team = self.emp_employee | self.emp_peer
        self._cascade(team)
        skps = self.Skp.search([("employee_id", "in", team.ids), ("year", "=", YEAR)])
        self.assertEqual(len(skps), 2)
        self.assertEqual(set(skps.mapped("state")), {"draft"})
        for skp in skps:
            self.assertEqual(skp.result_ids.parent_id, self.rhk_supervisor)
            self.assertEqual(len(skp.result_ids.indicator_ids), 2)
            self.assertEqual(skp.result_ids.ekspektasi, "Semua siswa lancar membaca")
        self.assertEqual(self.rhk_supervisor.child_ids, skps.result_ids)
        # the employee adjusts and submits her own draft
        mine = skps.filtered(lambda s: s.employee_id == self.emp_employee)
        mine.with_user(self.user_employee).result_ids.indicator_ids[0].target = 80
        with self.assertRaisesRegex(UserError, "written by the supervisor"):
            mine.with_user(self.user_employee).result_ids.ekspektasi = "Mudah saja"
        mine.with_user(self.user_employee).action_submit()
        (skps - mine).with_user(self.user_supervisor).action_submit()
        skps.with_user(self.user_supervisor).action_approve()
        self.assertEqual(set(skps.mapped("state")), {"approved"})

    def test_approve_refused(self):
        skp = self.skp_supervisor
        skp.with_user(self.user_supervisor).action_submit()
        with self.assertRaisesRegex(UserError, "own SKP"):
            skp.with_user(self.user_supervisor).action_approve()
        with self.assertRaisesRegex(UserError, "Only the PPK"):
            skp.with_user(self.user_hr).action_approve()
        self.assertEqual(skp.state, "submitted")
        # HR approves nothing of their own either
        self.emp_unrelated.user_id = self.user_hr
        own = self.Skp.create({"employee_id": self.emp_unrelated.id, "year": YEAR})
        self._result(own, "Tertib administrasi")
        own.sudo().write({"state": "submitted"})
        with self.assertRaisesRegex(UserError, "own SKP"):
            own.with_user(self.user_hr).action_approve()

    def test_approve_waits_for_parent_skp(self):
        self._cascade(self.emp_employee)
        skp = self.Skp.search([("employee_id", "=", self.emp_employee.id)])
        skp.with_user(self.user_employee).action_submit()
        with self.assertRaisesRegex(UserError, "Approve first"):
            skp.with_user(self.user_supervisor).action_approve()

    def test_submit_needs_intervention(self):
        skp = self.Skp.create({"employee_id": self.emp_employee.id, "year": YEAR})
        with self.assertRaisesRegex(UserError, "no primary work result"):
            skp.with_user(self.user_employee).action_submit()
        self._result(skp, "Tanpa induk")
        with self.assertRaisesRegex(UserError, "intervenes in"):
            skp.with_user(self.user_employee).action_submit()
        # intervening in the head's result, not the PPK's, is refused too
        skp.result_ids.sudo().parent_id = self.rhk_atasan
        with self.assertRaisesRegex(UserError, "not of the PPK"):
            skp.with_user(self.user_employee).action_submit()
        self.assertEqual(skp.state, "draft")

    def test_back_to_draft_keeps_revision(self):
        skp = self.skp_supervisor
        skp.with_user(self.user_supervisor).action_submit()
        skp.with_user(self.user_atasan).action_approve()
        with self.assertRaisesRegex(UserError, "reason"):
            skp.with_user(self.user_atasan).action_reset_draft(" ")
        with self.assertRaisesRegex(UserError, "through your PPK"):
            skp.with_user(self.user_supervisor).action_reset_draft("Mutasi")
        wizard = (
            self.env["hr.kinerja.reason"]
            .with_user(self.user_atasan)
            .create(
                {
                    "action": "skp_draft",
                    "skp_ids": [(6, 0, skp.ids)],
                    "reason": "Mutasi",
                }
            )
        )
        wizard.action_confirm()
        self.assertEqual(skp.state, "draft")
        self.assertFalse(skp.approved_by)
        self.assertEqual(skp.revision_ids.number, 1)
        self.assertEqual(skp.revision_ids.approved_by, self.user_atasan)
        self.assertIn("Meningkatnya mutu sekolah", skp.revision_ids.content)
        self.assertIn("Mutasi", skp.revision_ids.reason)

    def test_copy_last_year(self):
        before = self.Skp.create(
            {"employee_id": self.emp_employee.id, "year": YEAR - 1}
        )
        self._result(before, "Meningkatnya mutu sekolah")
        before.result_ids.sudo().parent_id = self._result(
            self.Skp.create({"employee_id": self.emp_supervisor.id, "year": YEAR - 1}),
            "Meningkatnya mutu sekolah",
        )
        skp = self.Skp.create({"employee_id": self.emp_employee.id, "year": YEAR})
        skp.with_user(self.user_employee).action_copy_last_year()
        self.assertEqual(skp.result_ids.name, "Meningkatnya mutu sekolah")
        self.assertEqual(len(skp.result_ids.indicator_ids), 2)
        # the intervention follows to this year's result of the same name
        self.assertEqual(skp.result_ids.parent_id, self.rhk_supervisor)
        empty = self.Skp.create({"employee_id": self.emp_peer.id, "year": YEAR})
        with self.assertRaisesRegex(UserError, "year before"):
            empty.with_user(self.user_peer).action_copy_last_year()

    # Bad input
    def test_bad_input(self):
        rhk = self.rhk_supervisor
        Indicator = self.env["hr.skp.indicator"]
        with self.assertRaisesRegex(ValidationError, "greater than zero"):
            Indicator.create({"result_id": rhk.id, "name": "Nol", "target": 0})
        with self.assertRaisesRegex(ValidationError, "at most 1000000000"):
            Indicator.create({"result_id": rhk.id, "name": "Besar", "target": 10**10})
        with self.assertRaisesRegex(ValidationError, "between 2000 and 2100"):
            self.Skp.create({"employee_id": self.emp_peer.id, "year": 1999})
        other_year = self.Skp.create(
            {"employee_id": self.emp_peer.id, "year": YEAR + 1}
        )
        with self.assertRaisesRegex(ValidationError, "another year"):
            self._result(other_year, "Salah tahun", parent=self.rhk_supervisor)
        with self.assertRaisesRegex(ValidationError, "same employee"):
            self._result(self.skp_supervisor, "Diri sendiri", parent=rhk)
        with self.assertRaisesRegex(UserError, "workflow buttons"):
            self.skp_supervisor.with_user(self.user_supervisor).state = "approved"
        with self.assertRaisesRegex(UserError, "workflow buttons"):
            self.Skp.with_user(self.user_peer).create(
                {"employee_id": self.emp_peer.id, "year": YEAR, "state": "approved"}
            )
        with self.assertRaisesRegex(UserError, "cascaded to"):
            self.rhk_atasan.unlink()
        self.assertEqual(len(rhk.indicator_ids), 2)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.Skp.create({"employee_id": self.emp_supervisor.id, "year": YEAR})

    # Access per role
    def test_access_per_role(self):
        self._cascade(self.emp_employee | self.emp_peer)
        mine = self.Skp.search([("employee_id", "=", self.emp_employee.id)])
        as_employee = self.Skp.with_user(self.user_employee)
        self.assertEqual(as_employee.search([]), mine)
        # she reads her supervisor's results to intervene in, nobody else's
        results = self.env["hr.skp.result"].with_user(self.user_employee).search([])
        self.assertEqual(results, mine.result_ids | self.rhk_supervisor)
        # colleagues read nothing
        for user in (self.user_peer, self.user_unrelated, self.user_other_company):
            with self.assertRaises(AccessError):
                mine.with_user(user).read(["name"])
            with self.assertRaises(AccessError):
                mine.result_ids.indicator_ids.with_user(user).read(["target"])
        with self.assertRaises(AccessError):
            mine.result_ids.with_user(self.user_peer).write({"name": "Diubah"})
        # the employee drafts her own but not her supervisor's
        mine.result_ids.with_user(self.user_employee).name = "Punya saya"
        with self.assertRaises(AccessError):
            self.rhk_supervisor.with_user(self.user_employee).write({"name": "X"})
        # the chain reads; HR reads all
        self.assertIn(mine, self.Skp.with_user(self.user_atasan).search([]))
        self.assertIn(mine, self.Skp.with_user(self.user_hr).search([]))
        with self.assertRaises(AccessError):
            self.env["hr.skp.cascade"].with_user(self.user_employee).create(
                {"result_id": mine.result_ids.id}
            )
        with self.assertRaisesRegex(UserError, "not in your supervision"):
            self._cascade(self.emp_unrelated)

    # Batch
    def test_cascade_queries_do_not_grow(self):
        self.skp_supervisor.sudo().write({"state": "approved"})
        Employee = self.env["hr.employee"]

        def team(size, tag):
            return Employee.create(
                [
                    {
                        "name": f"Guru {tag} {i}",
                        "parent_id": self.emp_supervisor.id,
                        "asn_type": "pppk",
                    }
                    for i in range(size)
                ]
            )

        warm_up, small, large = team(1, "W"), team(5, "A"), team(50, "B")
        self.env.flush_all()
        counts = []
        for employees in (warm_up, small, large):
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self._cascade(employees)
            self.env.flush_all()
            counts.append(self.cr.sql_log_count - before)
        # 10 times the employees, the same queries (the ORM splits very large
        # INSERTs in batches: at most one more here, never one per employee)
        _logger.info("cascade queries for 1, 5, 50 employees: %s", counts)
        self.assertLessEqual(counts[2], counts[1] + 1, f"queries 1/5/50: {counts}")
        self.assertEqual(len(self.rhk_supervisor.child_ids), 56)
