"""The first sign-in over HTTP: the code page and Odoo's invitation link,
and the staff accounts in Indonesian (issue 16, point 2)."""

import re

from odoo.tests import HttpCase, JsonRpcException, tagged
from odoo.tools import mute_logger

from ..rules import signin_code
from .test_i18n import load_indonesian
from .test_staff_accounts import REPORT, StaffAccountsCommon

PAGE = "/kinerja/first-sign-in"
MUTED = (
    "odoo.addons.hr_kinerja_kompetensi.models.hr_kinerja_signin_code",
    "odoo.addons.hr_kinerja_kompetensi.controllers.first_signin",
    "odoo.addons.base.models.res_users",
)


class FirstSigninHttpCommon(StaffAccountsCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._prepare_languages()
        cls.wizard = (
            cls.env["hr.kinerja.account.wizard"]
            .with_user(cls.user_hr)
            .create({"employee_ids": [(6, 0, cls.new_staff.ids)]})
        )
        cls.wizard.action_create_accounts()
        cls.clear = {
            line.employee_id: line.code
            for line in cls.wizard.sudo().line_ids
            if line.code
        }

    @classmethod
    def _prepare_languages(cls):
        """Before the accounts are made (their invitation is rendered then)."""

    def _csrf(self, url):
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def _post(self, employee, code, password="Sandi-Pertama-2031", confirm=None):
        return self.url_open(
            PAGE,
            data={
                "csrf_token": self._csrf(PAGE),
                "nip": employee.nip,
                "code": code,
                "password": password,
                "confirm_password": password if confirm is None else confirm,
            },
            allow_redirects=False,
        )

    def _session_uid(self):
        """The user signed in on the test browser's session, or None."""
        try:
            info = self.make_jsonrpc_request("/web/session/get_session_info")
        except JsonRpcException:  # a public session has no session info
            return None
        return info.get("uid")


@tagged("post_install", "-at_install")
class TestFirstSigninPage(FirstSigninHttpCommon):
    def test_page_is_reachable_from_the_login_page(self):
        self.assertIn(f'href="{PAGE}"', self.url_open("/web/login").text)
        page = self.url_open(PAGE)
        self.assertEqual(page.status_code, 200)
        self.assertIn('name="code"', page.text)

    @mute_logger(*MUTED)
    def test_first_sign_in_with_the_code(self):
        user = self.budi.user_id
        code = signin_code.display(self.clear[self.budi])
        response = self._post(self.budi, code.lower())
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith("/odoo"))
        self.assertEqual(self._session_uid(), user.id)
        user.invalidate_recordset()
        self.assertTrue(user.login_date)
        record = self.Code.sudo().search([("user_id", "=", user.id)])
        self.assertTrue(record.date_used)
        # the password works from now on, the code does not
        self.authenticate(user.login, "Sandi-Pertama-2031")
        self.url_open("/web/session/logout")
        again = self._post(self.budi, code, password="Lain-Lagi-2031")
        self.assertEqual(again.status_code, 200)
        self.assertIn('class="alert alert-danger"', again.text)
        self.assertFalse(self._session_uid())

    @mute_logger(*MUTED)
    def test_wrong_code_counts_and_says_nothing_more(self):
        record = self.Code.sudo().search([("user_id", "=", self.budi.user_id.id)])
        wrong = self._post(self.budi, "AAAA-BBBB-CCCC")
        self.assertEqual(wrong.status_code, 200)
        self.assertIn("do not match a valid first sign-in code", wrong.text)
        self.assertEqual(record.failed_attempts, 1)
        # a NIP without a code gets the same answer
        unknown = self._post(self.emp_peer, "AAAA-BBBB-CCCC")
        self.assertIn("do not match a valid first sign-in code", unknown.text)
        self.assertFalse(self._session_uid())

    @mute_logger(*MUTED)
    def test_different_passwords_keep_the_code(self):
        response = self._post(self.budi, self.clear[self.budi], confirm="lain")
        self.assertIn("The two passwords differ", response.text)
        self.assertFalse(self._session_uid())
        self.assertTrue(self.Code._match(self.budi.nip, self.clear[self.budi]))

    @mute_logger(*MUTED)
    def test_email_invitation_link(self):
        user = self.ani.user_id
        url = user._kinerja_signin_url()
        path = url[url.index("/web/signup") :]
        page = self.url_open(path)
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.ani.nip, page.text)
        token = re.search(r'name="token" value="([^"]+)"', page.text).group(1)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        self.url_open(
            "/web/signup",
            data={
                "csrf_token": csrf,
                "token": token,
                "login": self.ani.nip,
                "name": self.ani.name,
                "password": "Sandi-Ani-2031",
                "confirm_password": "Sandi-Ani-2031",
            },
        )
        self.assertEqual(self._session_uid(), user.id)
        # the link worked once
        self.url_open("/web/session/logout")
        self.assertIn("Invalid signup token", self.url_open(path).text)


@tagged("post_install", "-at_install")
class TestStaffAccountsIndonesian(FirstSigninHttpCommon):
    """New staff work in Indonesian: their invitation, their slip and their
    first sign-in page; the wizard and its help texts too."""

    @classmethod
    def _prepare_languages(cls):
        load_indonesian(cls.env)

    def test_help_texts_of_what_hr_fills(self):
        names = ["employee_ids", "signin_method", "validity_days", "renew"]
        Wizard = self.env["hr.kinerja.account.wizard"]
        english = Wizard.with_context(lang="en_US").fields_get(names, ["help"])
        indonesian = Wizard.with_context(lang="id_ID").fields_get(names, ["help"])
        for name in names:
            with self.subTest(field=name):
                self.assertGreater(len(english[name].get("help", "")), 30)
                self.assertNotEqual(indonesian[name]["help"], english[name]["help"])
        setting = (
            self.env["res.company"]
            .with_context(lang="id_ID")
            .fields_get(["kinerja_signin_validity_days"], ["help", "string"])
        )["kinerja_signin_validity_days"]
        self.assertIn("hari", setting["help"])

    def test_wizard_in_indonesian(self):
        fields = (
            self.env["hr.kinerja.account.wizard"]
            .with_context(lang="id_ID")
            .fields_get(["signin_method", "renew"], ["string", "selection"])
        )
        self.assertEqual(fields["signin_method"]["string"], "Masuk pertama")
        self.assertIn(
            "Kode cetak untuk semua",
            dict(fields["signin_method"]["selection"]).values(),
        )

    def test_invitation_in_indonesian(self):
        mail = self.env["mail.mail"].search(
            [("model", "=", "res.users"), ("res_id", "=", self.ani.user_id.id)]
        )
        self.assertIn("Akun Anda", mail.subject)
        self.assertIn("Pilih kata sandi saya", mail.body_html)

    def test_slip_and_page_in_indonesian(self):
        html = (
            self.env["ir.actions.report"]
            .with_user(self.user_hr)
            ._render_qweb_html(REPORT, self.wizard.ids)[0]
            .decode()
        )
        self.assertIn("Kode Anda", html)
        self.assertIn("/id/kinerja/first-sign-in", html)
        # English when the browser asks for English, Indonesian under /id
        self.opener.cookies.set("frontend_lang", "en_US")
        self.assertIn("Code from the slip", self.url_open(PAGE).text)
        page = self.url_open("/id" + PAGE)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Kode dari slip", page.text)
