import datetime

from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import KinerjaCommon


@tagged("post_install", "-at_install")
class TestEmployeeAsn(KinerjaCommon):
    def test_nip_fills_gender_birthday_and_tmt(self):
        employee = self.env["hr.employee"].create(
            {"name": "Siti", "asn_type": "pns", "nip": "1988 0421 201403 2 007"}
        )
        self.assertEqual(employee.nip, "198804212014032007", "spaces are removed")
        self.assertEqual(employee.gender, "female")
        self.assertEqual(employee.birthday, datetime.date(1988, 4, 21))
        self.assertEqual(employee.tmt_cpns, datetime.date(2014, 3, 1))

    def test_tmt_can_be_corrected_by_hand(self):
        employee = self.env["hr.employee"].create(
            {"name": "Budi", "asn_type": "pns", "nip": "198001012005011001"}
        )
        employee.tmt_cpns = datetime.date(2005, 1, 17)
        employee.name = "Budi Santoso"
        self.assertEqual(employee.tmt_cpns, datetime.date(2005, 1, 17))

    def test_invalid_nips_are_refused_with_reason(self):
        cases = {
            "19800101200501100": "18 digits",  # 17 digits
            "1980010120050110011": "18 digits",  # 19 digits
            "19800101200501100A": "only the digits",
            "19800230200501 1001": "real birth date",  # 30 February
            "198001012005131001": "real TMT CPNS month",
            "198001012005001001": "real TMT CPNS month",
            "198001012005013001": "Digit 15",
            "198001011997011001": "18th birthday",
            "209901012005011001": "future",
        }
        for nip, reason in cases.items():
            # Odoo's assertRaises rolls back to a savepoint, like a request
            with self.subTest(nip=nip), self.assertRaises(ValidationError) as caught:
                self.env["hr.employee"].create(
                    {"name": "X", "asn_type": "pns", "nip": nip}
                )
            self.assertIn(reason, str(caught.exception))
        self.assertFalse(
            self.env["hr.employee"].search([("name", "=", "X")]),
            "nothing is half-written",
        )

    def test_pppk_marker_is_accepted_for_pppk_only(self):
        pppk = self.env["hr.employee"].create(
            {"name": "Guru PPPK", "asn_type": "pppk", "nip": "199203142022212005"}
        )
        self.assertEqual(pppk.tmt_cpns, datetime.date(2022, 1, 1))
        with self.assertRaisesRegex(ValidationError, "TMT CPNS month"):
            self.env["hr.employee"].create(
                {"name": "PNS", "asn_type": "pns", "nip": "199203142022212006"}
            )

    def test_nip_unique_per_company(self):
        nip = self._make_nip()
        self.env["hr.employee"].create({"name": "A", "asn_type": "pns", "nip": nip})
        self.env["hr.employee"].create(
            {
                "name": "A elsewhere",
                "asn_type": "pns",
                "nip": nip,
                "company_id": self.other_company.id,
            }
        )
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.env["hr.employee"].create(
                    {"name": "B", "asn_type": "pns", "nip": nip}
                )

    def test_golongan_must_match_asn_type(self):
        Employee = self.env["hr.employee"]
        self.assertTrue(
            Employee.create({"name": "P", "asn_type": "pns", "golongan": "pns_3a"})
        )
        self.assertTrue(
            Employee.create({"name": "K", "asn_type": "pppk", "golongan": "pppk_9"})
        )
        for asn_type, golongan in (
            ("pns", "pppk_9"),
            ("pppk", "pns_3a"),
            ("non_asn", "pns_2a"),
        ):
            with (
                self.subTest(asn_type=asn_type),
                self.assertRaisesRegex(
                    ValidationError, "does not exist for the ASN type"
                ),
            ):
                Employee.create(
                    {"name": "Bad", "asn_type": asn_type, "golongan": golongan}
                )

    def test_tmt_before_adulthood_refused_when_set_by_hand(self):
        employee = self.env["hr.employee"].create(
            {"name": "C", "asn_type": "pns", "nip": "199001012015011001"}
        )
        with self.assertRaisesRegex(ValidationError, "18th birthday"):
            employee.tmt_cpns = datetime.date(2007, 1, 1)

    def test_position_kind_follows_job_and_is_overridable(self):
        job = self.env["hr.job"].create(
            {
                "name": "Guru Ahli Muda",
                "position_kind": "fungsional",
                "functional_level": "ahli_muda",
            }
        )
        employee = self.env["hr.employee"].create({"name": "D", "job_id": job.id})
        self.assertEqual(employee.position_kind, "fungsional")
        self.assertEqual(employee.functional_level, "ahli_muda")
        employee.write({"position_kind": "pelaksana", "functional_level": False})
        self.assertEqual(employee.position_kind, "pelaksana")
        with self.assertRaisesRegex(ValidationError, "functional level"):
            employee.write({"functional_level": "ahli_muda"})

    def test_years_of_service_compute_and_search(self):
        Employee = self.env["hr.employee"]
        # the user's today (Asia/Jakarta is a day ahead of UTC after 17:00)
        today = fields.Date.context_today(Employee)
        ten = Employee.create(
            {"name": "Ten", "tmt_cpns": today.replace(year=today.year - 10)}
        )
        almost = Employee.create(
            {
                "name": "Almost",
                "tmt_cpns": today.replace(year=today.year - 10)
                + datetime.timedelta(days=1),
            }
        )
        self.assertEqual(ten.years_of_service, 10)
        self.assertEqual(almost.years_of_service, 9)
        scope = [("id", "in", (ten | almost).ids)]
        self.assertEqual(Employee.search(scope + [("years_of_service", ">=", 10)]), ten)
        self.assertEqual(
            Employee.search(scope + [("years_of_service", "<", 10)]), almost
        )
        self.assertEqual(
            Employee.search(scope + [("years_of_service", "=", 9)]), almost
        )
        self.assertEqual(Employee.search(scope + [("years_of_service", "!=", 9)]), ten)
        self.assertEqual(Employee.search(scope + [("years_of_service", ">", 9)]), ten)
        self.assertEqual(
            Employee.search(scope + [("years_of_service", "<=", 9)]), almost
        )

    def _write_query_counts(self, vals, **create_vals):
        """Queries of the same write on 2 and on 20 new employees."""
        Employee = self.env["hr.employee"]
        few = Employee.create([{"name": f"F{i}", **create_vals} for i in range(2)])
        many = Employee.create([{"name": f"M{i}", **create_vals} for i in range(20)])
        self.env.flush_all()
        self.env.cr.precommit.run()
        counts = []
        for employees in (few, many):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            employees.write(vals)
            self.env.flush_all()
            self.env.cr.precommit.run()  # mail tracking runs here
            counts.append(self.env.cr.sql_log_count - before)
        return few | many, counts

    def test_employee_write_cost_does_not_grow_per_employee(self):
        # hr_appraisal_oca's tracked related field last_appraisal_state used
        # to cost one search per employee on every employee write.
        _employees, counts = self._write_query_counts({"job_title": "Staf"})
        self.assertEqual(counts[0], counts[1], counts)

    def test_allowed_users_are_the_supervision_chain(self):
        # hr_appraisal_oca's field, computed here in one query per level
        self.assertEqual(
            self.emp_employee.allowed_user_ids, self.user_supervisor | self.user_atasan
        )
        self.assertEqual(self.emp_supervisor.allowed_user_ids, self.user_atasan)
        self.assertFalse(self.emp_atasan.allowed_user_ids)
        self.emp_employee.parent_id = self.emp_unrelated
        self.assertEqual(self.emp_employee.allowed_user_ids, self.user_unrelated)

    def test_allowed_users_follow_changes_higher_in_the_chain(self):
        # the supervisor moves under another manager: the employee below
        # them follows, two levels down
        self.emp_supervisor.parent_id = self.emp_unrelated
        self.assertEqual(
            self.emp_employee.allowed_user_ids,
            self.user_supervisor | self.user_unrelated,
        )
        # a manager of the chain gets another user
        new_user = self.user_atasan.copy({"login": "hkk_atasan_2"})
        self.emp_unrelated.user_id = new_user
        self.assertEqual(
            self.emp_employee.allowed_user_ids, self.user_supervisor | new_user
        )

    def test_allowed_users_of_a_batch_with_different_chains(self):
        created = self.env["hr.employee"].create(
            [
                {"name": "Under supervisor", "parent_id": self.emp_supervisor.id},
                {"name": "Under atasan", "parent_id": self.emp_atasan.id},
                {"name": "Under unrelated", "parent_id": self.emp_unrelated.id},
                {"name": "No manager"},
            ]
        )
        self.assertEqual(
            [employee.allowed_user_ids for employee in created],
            [
                self.user_supervisor | self.user_atasan,
                self.user_atasan,
                self.user_unrelated,
                self.env["res.users"],
            ],
        )

    def test_reparenting_costs_no_query_per_employee(self):
        # the chain's users are written in one relation update per batch
        employees, counts = self._write_query_counts(
            {"parent_id": self.emp_unrelated.id}, parent_id=self.emp_supervisor.id
        )
        self.assertEqual(counts[0], counts[1], counts)
        self.env.invalidate_all()
        self.assertEqual(
            {employee.allowed_user_ids for employee in employees},
            {self.user_unrelated},
        )
