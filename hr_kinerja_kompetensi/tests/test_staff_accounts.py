"""Accounts for the staff in bulk (issue 16, point 2): the accounts wizard,
the first sign-in codes, and who may do what."""

import datetime
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from ..models.hr_kinerja_signin_code import MAX_FAILED_ATTEMPTS
from ..rules import signin_code
from ..wizard import hr_kinerja_account_wizard
from .common import KinerjaCommon

REPORT = "hr_kinerja_kompetensi.report_kinerja_signin_codes"


class StaffAccountsCommon(KinerjaCommon):
    """Three new staff without an account (one with a work email) besides
    the common chain, whose members all have one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("id_ID")
        cls.department = cls.env["hr.department"].create({"name": "SD Negeri 02"})
        Employee = cls.env["hr.employee"]
        cls.new_staff = Employee.create(
            [
                dict(
                    cls._employee_vals(name),
                    department_id=cls.department.id,
                    work_email=email,
                )
                for name, email in (
                    ("Ani Lestari", "ani@batanghari.example"),
                    ("Budi Santoso", False),
                    ("Citra Dewi", False),
                )
            ]
        )
        cls.ani, cls.budi, cls.citra = cls.new_staff
        cls.Code = cls.env["hr.kinerja.signin.code"]

    def _wizard(self, employees, user=None, **values):
        Wizard = self.env["hr.kinerja.account.wizard"].with_user(user or self.user_hr)
        return Wizard.create({"employee_ids": [(6, 0, employees.ids)], **values})

    def _run(self, employees, user=None, **values):
        wizard = self._wizard(employees, user, **values)
        wizard.action_create_accounts()
        return wizard

    def _codes(self, wizard):
        """{employee: clear code} of a run, read before the list is printed."""
        return {
            line.employee_id: line.code for line in wizard.sudo().line_ids if line.code
        }


@tagged("post_install", "-at_install")
class TestStaffAccounts(StaffAccountsCommon):
    def test_accounts_for_many_employees(self):
        Users = self.env["res.users"].with_context(active_test=False)
        users_before = Users.search_count([])
        wizard = self._wizard(self.new_staff | self.emp_employee)
        self.assertEqual(
            (wizard.count_create, wizard.count_renew, wizard.count_skip), (3, 0, 1)
        )
        self.assertFalse(wizard.invalid_nip_note)
        wizard.action_create_accounts()

        self.assertEqual(Users.search_count([]), users_before + 3)
        staff = self.env.ref("base.group_user")
        for employee in self.new_staff:
            user = employee.user_id
            self.assertTrue(user, employee.name)
            self.assertEqual(user.login, employee.nip)
            self.assertEqual(user.lang, "id_ID")
            self.assertEqual(user.groups_id, staff | staff.trans_implied_ids)
            self.assertFalse(user.share)
            self.assertEqual(user.company_id, employee.company_id)
            # the employee's work contact, no duplicate partner
            self.assertEqual(user.partner_id, employee.work_contact_id)
            self.assertEqual(user.name, employee.name)
        self.assertEqual(self.ani.user_id.email, "ani@batanghari.example")
        # the one with an account is skipped and keeps it
        self.assertEqual(self.emp_employee.user_id, self.user_employee)

        outcomes = {line.employee_id: line.outcome for line in wizard.line_ids}
        self.assertEqual(
            outcomes,
            {
                self.ani: "created",
                self.budi: "created",
                self.citra: "created",
                self.emp_employee: "has_user",
            },
        )
        channels = {line.employee_id: line.channel for line in wizard.line_ids}
        self.assertEqual(channels[self.ani], "email")
        self.assertEqual(channels[self.budi], "code")
        self.assertEqual((wizard.count_email, wizard.count_code), (1, 2))
        self.assertEqual(wizard.state, "done")

        # email: Odoo's invitation, queued, with a signup token that works
        mail = self.env["mail.mail"].search(
            [("model", "=", "res.users"), ("res_id", "=", self.ani.user_id.id)]
        )
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.state, "outgoing")
        self.assertIn("/web/signup?", mail.body_html)
        self.assertIn(self.ani.nip, mail.body_html)
        partner = self.ani.user_id.partner_id
        self.assertEqual(partner.sudo().signup_type, "signup")
        token = self.ani.user_id._kinerja_signin_url().split("token=")[1]
        self.assertEqual(
            self.env["res.partner"]._signup_retrieve_info(token)["login"], self.ani.nip
        )
        # no invitation mail for the others, a code each instead
        self.assertFalse(
            self.env["mail.mail"].search(
                [("res_id", "in", (self.budi | self.citra).user_id.ids)]
            )
        )
        codes = self.Code.sudo().search([("user_id", "in", self.new_staff.user_id.ids)])
        self.assertEqual(codes.user_id, (self.budi | self.citra).user_id)
        # a note on each employee, never the code
        clear = self._codes(wizard)
        self.assertEqual(set(clear), {self.budi, self.citra})
        note = self.budi.message_ids[:1].body
        self.assertIn(self.budi.nip, note)
        self.assertNotIn(clear[self.budi], note)

    def test_invalid_nip_refuses_the_whole_run(self):
        no_nip = self.env["hr.employee"].create(
            {"name": "Dedi Non-ASN", "asn_type": "non_asn"}
        )
        # a NIP that no longer passes (imported before the check): a
        # 15th digit that is no gender
        broken = self.env["hr.employee"].create(self._employee_vals("Eka Rusak"))
        self.env.cr.execute(
            "UPDATE hr_employee SET nip = %s WHERE id = %s",
            (broken.nip[:14] + "3" + broken.nip[15:], broken.id),
        )
        broken.invalidate_recordset(["nip"])
        users_before = self.env["res.users"].with_context(active_test=False).search([])
        wizard = self._wizard(self.new_staff | no_nip | broken)
        self.assertIn("Dedi Non-ASN (no NIP)", wizard.invalid_nip_note)
        self.assertIn(f"Eka Rusak (NIP {broken.nip})", wizard.invalid_nip_note)
        with self.assertRaisesRegex(UserError, "Dedi Non-ASN.*\n.*Eka Rusak") as caught:
            wizard.action_create_accounts()
        self.assertNotIn("Budi", str(caught.exception))
        self.assertIn("nothing was created", str(caught.exception))
        # nothing at all was written
        self.assertEqual(
            self.env["res.users"].with_context(active_test=False).search([]),
            users_before,
        )
        self.assertFalse(self.new_staff.user_id)
        self.assertFalse(self.Code.sudo().search([]))
        self.assertFalse(self.env["mail.mail"].search([("model", "=", "res.users")]))
        self.assertEqual(wizard.state, "draft")
        self.assertFalse(wizard.line_ids)

    def test_taken_login_and_twice_selected_nip_are_skipped(self):
        # an archived account already uses Budi's NIP as login
        old = self.env["res.users"].create(
            {"name": "Akun lama", "login": self.budi.nip, "active": False}
        )
        # the same NIP for two employees of two companies (unique per company)
        twin = self.env["hr.employee"].create(
            {
                "name": "Citra (company 2)",
                "asn_type": "pns",
                "nip": self.citra.nip,
                "company_id": self.other_company.id,
            }
        )
        wizard = self.env["hr.kinerja.account.wizard"].create(
            {"employee_ids": [(6, 0, (self.new_staff | twin).ids)]}
        )
        wizard.action_create_accounts()
        outcomes = {line.employee_id: line.outcome for line in wizard.line_ids}
        self.assertEqual(outcomes[self.ani], "created")
        self.assertEqual(outcomes[self.budi], "login_taken")
        self.assertEqual(outcomes[self.citra], "duplicate_nip")
        self.assertEqual(outcomes[twin], "duplicate_nip")
        self.assertFalse((self.budi | self.citra | twin).user_id)
        self.assertFalse(old.active)
        self.assertFalse(old.employee_ids)

    def test_renewing_unused_first_sign_ins(self):
        first = self._run(self.new_staff)
        old_code = self._codes(first)[self.budi]
        # without the option, a second run skips everybody
        again = self._run(self.new_staff)
        self.assertEqual(set(again.line_ids.mapped("outcome")), {"has_user"})
        self.assertEqual(
            self.Code._match(self.budi.nip, old_code).user_id.login, self.budi.nip
        )

        # Citra has signed in since; the admin gave Ani settings rights
        self.env["res.users.log"].with_user(self.citra.user_id).sudo().create({})
        self.ani.user_id.groups_id |= self.env.ref("base.group_system")
        renew = self._run(self.new_staff, renew=True, signin_method="code")
        outcomes = {line.employee_id: line.outcome for line in renew.line_ids}
        self.assertEqual(
            outcomes,
            {self.ani: "rights", self.budi: "renewed", self.citra: "has_user"},
        )
        new_code = self._codes(renew)[self.budi]
        self.assertNotEqual(new_code, old_code)
        self.assertFalse(self.Code._match(self.budi.nip, old_code))
        self.assertTrue(self.Code._match(self.budi.nip, new_code))
        # a code never works for an account that has signed in
        self.assertFalse(
            self.Code._match(self.citra.nip, self._codes(first)[self.citra])
        )
        # Budi has an email now: his renewed first sign-in is an invitation,
        # and the code stops working
        self.budi.user_id.sudo().email = "budi@batanghari.example"
        by_email = self._run(self.budi, renew=True)
        self.assertEqual(by_email.line_ids.channel, "email")
        self.assertFalse(self.Code._match(self.budi.nip, new_code))
        self.assertFalse(
            self.Code.sudo().search([("user_id", "=", self.budi.user_id.id)])
        )

    def test_codes_for_everyone_and_validity(self):
        wizard = self._run(self.new_staff, signin_method="code", validity_days=3)
        self.assertEqual(set(wizard.line_ids.mapped("channel")), {"code"})
        self.assertFalse(self.env["mail.mail"].search([("model", "=", "res.users")]))
        expiry = self.Code.sudo().search([("user_id", "=", self.ani.user_id.id)])
        self.assertAlmostEqual(
            expiry.date_expiry,
            fields.Datetime.now() + datetime.timedelta(days=3),
            delta=datetime.timedelta(minutes=5),
        )
        self.assertEqual(wizard.date_expiry, expiry.date_expiry)
        self.assertEqual(self.ani.user_id.partner_id.sudo().signup_type, False)
        with self.assertRaisesRegex(UserError, "between 1 and 90 days"):
            self._wizard(self.new_staff, validity_days=0)
        self.assertEqual(
            self.env["hr.kinerja.account.wizard"].default_get(["validity_days"]),
            {"validity_days": 7},
        )

    def test_a_run_happens_once(self):
        wizard = self._run(self.new_staff)
        with self.assertRaisesRegex(UserError, "already created"):
            wizard.action_create_accounts()
        with self.assertRaisesRegex(UserError, "Select the employees"):
            self._wizard(self.env["hr.employee"]).action_create_accounts()

    def test_a_run_has_a_size_limit(self):
        with patch.object(hr_kinerja_account_wizard, "MAX_EMPLOYEES_PER_RUN", 2):
            with self.assertRaisesRegex(UserError, "at most 2 employees per run"):
                self._wizard(self.new_staff).action_create_accounts()
        self.assertFalse(self.new_staff.user_id)


@tagged("post_install", "-at_install")
class TestStaffAccountsQueries(StaffAccountsCommon):
    """The batch parts of a run cost the same for one employee as for
    several; only the link to the employee (hr.employee.write, whose
    overrides must all run) is one write per employee."""

    def _count_queries(self, func):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        func()
        self.env.flush_all()
        return self.cr.sql_log_count - before

    def test_batch_parts_do_not_grow(self):
        others = self.env["hr.employee"].create(
            [self._employee_vals(f"Tambahan {i}") for i in range(3)]
        )
        Wizard = self.env["hr.kinerja.account.wizard"]
        for label, employees in (("one", self.budi), ("three", others)):
            wizard = Wizard.create({"employee_ids": [(6, 0, employees.ids)]})
            counts = {"plan": self._count_queries(wizard._plan)}
            created = []
            counts["users"] = self._count_queries(
                lambda w=wizard, e=employees, out=created: out.append(
                    w._create_users(e)
                )
            )
            users = created[0]
            employees._kinerja_link_users(users)
            counts["codes"] = self._count_queries(
                lambda u=users: self.Code._issue(u, 7)
            )
            counts["invitations"] = self._count_queries(
                lambda w=wizard, u=users: w._send_invitations(u)
            )
            setattr(self, label, counts)
        for part, one in self.one.items():
            with self.subTest(part=part):
                self.assertLessEqual(self.three[part], one + 2)


@tagged("post_install", "-at_install")
class TestSigninCodes(StaffAccountsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.wizard = (
            cls.env["hr.kinerja.account.wizard"]
            .with_user(cls.user_hr)
            .create(
                {
                    "employee_ids": [(6, 0, cls.new_staff.ids)],
                    "signin_method": "code",
                }
            )
        )
        cls.wizard.action_create_accounts()
        cls.clear = {line.employee_id: line.code for line in cls.wizard.sudo().line_ids}

    def test_only_a_hash_is_stored(self):
        record = self.Code.sudo().search([("user_id", "=", self.budi.user_id.id)])
        code = self.clear[self.budi]
        self.assertTrue(signin_code.is_well_formed(code))
        self.assertEqual(len(record.code_hash), 64)
        self.assertNotIn(code, record.code_hash)
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT count(*) FROM hr_kinerja_signin_code WHERE code_hash ILIKE %s "
            "OR code_hash = %s",
            (f"%{code}%", record._hash(self.budi.user_id.id, "X")),
        )
        self.assertEqual(self.env.cr.fetchone()[0], 0)
        # the same code does not open another account
        self.assertFalse(self.Code._match(self.citra.nip, code))

    def test_code_typed_back_loosely(self):
        code = signin_code.display(self.clear[self.budi]).lower()
        self.assertEqual(
            self.Code._match(
                f" {self.budi.nip[:8]} {self.budi.nip[8:]} ", code
            ).user_id,
            self.budi.user_id,
        )

    def test_single_use(self):
        record = self.Code._match(self.budi.nip, self.clear[self.budi])
        record._use("kata-sandi-baru-2031")
        self.assertTrue(record.date_used)
        self.assertFalse(self.Code._match(self.budi.nip, self.clear[self.budi]))
        self.env["res.users"].with_user(self.budi.user_id)._check_credentials(
            {"type": "password", "password": "kata-sandi-baru-2031"},
            {"interactive": True},
        )

    def test_expiry(self):
        record = self.Code.sudo().search([("user_id", "=", self.budi.user_id.id)])
        record.date_expiry = fields.Datetime.now() - datetime.timedelta(seconds=1)
        self.assertFalse(self.Code._match(self.budi.nip, self.clear[self.budi]))
        # the vacuum drops it (and keeps the pending ones)
        self.Code._gc_spent_codes()
        self.assertFalse(record.exists())
        self.assertTrue(
            self.Code.sudo().search([("user_id", "=", self.ani.user_id.id)])
        )

    @mute_logger("odoo.addons.hr_kinerja_kompetensi.models.hr_kinerja_signin_code")
    def test_blocked_after_wrong_tries(self):
        record = self.Code.sudo().search([("user_id", "=", self.budi.user_id.id)])
        for _attempt in range(MAX_FAILED_ATTEMPTS):
            self.assertFalse(self.Code._match(self.budi.nip, "AAAA-BBBB-CCCC"))
        self.assertEqual(record.failed_attempts, MAX_FAILED_ATTEMPTS)
        self.assertFalse(self.Code._match(self.budi.nip, self.clear[self.budi]))
        # someone else's code is untouched
        self.assertTrue(self.Code._match(self.citra.nip, self.clear[self.citra]))

    def test_empty_password_keeps_the_code(self):
        record = self.Code._match(self.budi.nip, self.clear[self.budi])
        with self.assertRaisesRegex(UserError, "empty passwords"):
            record._use("   ")
        self.assertTrue(self.Code._match(self.budi.nip, self.clear[self.budi]))

    def test_printed_once(self):
        html = (
            self.env["ir.actions.report"]
            .with_user(self.user_hr)
            ._render_qweb_html(REPORT, self.wizard.ids)[0]
            .decode()
        )
        for employee in self.new_staff:
            self.assertIn(signin_code.display(self.clear[employee]), html)
            self.assertIn(employee.nip, html)
        self.assertIn("/id/kinerja/first-sign-in", html)
        self.assertIn("SD Negeri 02", html)
        # gone from the wizard; the list is not printed again
        self.assertFalse(self.wizard.sudo().line_ids.filtered("code"))
        self.assertTrue(self.wizard.codes_printed)
        with self.assertRaisesRegex(UserError, "shown only once"):
            self.wizard.action_print_codes()
        with self.assertRaisesRegex(UserError, "shown only once"):
            self.env["ir.actions.report"].with_user(self.user_hr)._render_qweb_html(
                REPORT, self.wizard.ids
            )
        # nothing was kept as a file
        self.assertFalse(
            self.env["ir.attachment"]
            .sudo()
            .search([("res_model", "=", "hr.kinerja.account.wizard")])
        )
        # the codes still work
        self.assertTrue(self.Code._match(self.budi.nip, self.clear[self.budi]))

    def test_print_action(self):
        action = self.wizard.action_print_codes()
        self.assertEqual(action["report_name"], REPORT)


@tagged("post_install", "-at_install")
class TestStaffAccountsAccess(StaffAccountsCommon):
    """Only HR officers create accounts; nobody reads the codes; an officer
    reads only the runs she made."""

    def test_employee_and_supervisor_cannot_create_accounts(self):
        for user in (self.user_employee, self.user_supervisor, self.user_atasan):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self._wizard(self.new_staff, user)
        self.assertFalse(self.new_staff.user_id)

    def test_nobody_reads_the_codes(self):
        self._run(self.new_staff, signin_method="code")
        for user in (
            self.user_employee,
            self.user_supervisor,
            self.user_hr,
            self.user_hr_admin,
        ):
            with self.subTest(user=user.login):
                Code = self.Code.with_user(user)
                with self.assertRaises(AccessError):
                    Code.search([])
                with self.assertRaises(AccessError):
                    Code.sudo().search([], limit=1).with_user(user).read(["code_hash"])

    def test_officer_reads_only_own_runs(self):
        wizard = self._run(self.new_staff, signin_method="code")
        colleague = self.user_hr_admin
        with self.assertRaises(AccessError):
            wizard.with_user(colleague).read(["state"])
        with self.assertRaises(AccessError):
            wizard.line_ids.with_user(colleague).read(["code"])
        self.assertFalse(
            self.env["hr.kinerja.account.wizard.line"].with_user(colleague).search([])
        )
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(colleague)._render_qweb_html(
                REPORT, wizard.ids
            )
        # the codes are still there for their officer
        self.assertEqual(len(wizard.line_ids.filtered("code")), 3)

    def test_officer_gives_staff_rights_only(self):
        self._run(self.new_staff)
        staff = self.env.ref("base.group_user")
        self.assertFalse(
            self.new_staff.user_id.groups_id - staff - staff.trans_implied_ids
        )

    def test_other_company_employees_are_out_of_reach(self):
        other = self.env["hr.employee"].create(
            dict(self._employee_vals("Lain"), company_id=self.other_company.id)
        )
        with self.assertRaises(AccessError):
            self._run(other)
        self.assertFalse(other.user_id)
