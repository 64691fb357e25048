from collections import Counter, defaultdict

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

HR_OFFICER = "hr_kinerja_kompetensi.group_kinerja_hr_officer"
# Employees named in a refusal before "and N more"
MAX_LISTED = 30
# One run is one request: about 15 s per 1,000 employees on a small server
# (bench/bench_accounts.py), well inside Odoo's worker time limits (60 s CPU
# by default) at this size. A whole agency goes unit by unit.
MAX_EMPLOYEES_PER_RUN = 2000


class HrKinerjaAccountWizard(models.TransientModel):
    """Accounts for many employees at once (HR officers only).

    Each selected employee without an account gets an internal user: login =
    NIP, Indonesian when the language is installed, the employee group
    (base.group_user) only, linked to the employee. The first sign-in is
    handed out without any password: Odoo's invitation link by email
    (auth_signup) where the employee has a work email, otherwise a one-time
    code (``hr.kinerja.signin.code``, stored hashed) on a list HR prints once.

    Users are created with sudo, after the checks below, because creating
    users is an administrator's right; the officer only ever gives the
    employee group.
    """

    _name = "hr.kinerja.account.wizard"
    _description = "Create Staff Accounts"

    # What HR chooses
    employee_ids = fields.Many2many(
        "hr.employee",
        string="Employees",
        required=True,
        help="Employees who get an account. Each needs a valid NIP (it becomes "
        "the login); those who already have an account are skipped.",
    )
    signin_method = fields.Selection(
        [
            ("email_or_code", "Email where there is one, else a printed code"),
            ("code", "Printed code for everyone"),
        ],
        string="First sign-in",
        required=True,
        default="email_or_code",
        help="How each person receives their first sign-in. By email: Odoo's "
        "invitation link to the work email, where they choose a password. "
        "Printed code: a one-time code on a list you print and hand out; the "
        "person enters NIP and code on the first sign-in page. Choose printed "
        "codes for everyone when no outgoing mail server is set up.",
    )
    validity_days = fields.Integer(
        string="Valid for (days)",
        required=True,
        default=lambda self: self.env.company.kinerja_signin_validity_days,
        help="Days the invitation links and printed codes work. The default "
        "comes from the settings.",
    )
    renew = fields.Boolean(
        string="Renew unused first sign-ins",
        help="Also hand out a new first sign-in to selected employees whose "
        "account has never been used (lost slip, expired link). Their earlier "
        "link or code stops working.",
    )

    # Preview of what the action will do
    count_create = fields.Integer(
        string="Accounts to create", compute="_compute_counts"
    )
    count_renew = fields.Integer(
        string="First sign-ins to renew", compute="_compute_counts"
    )
    count_skip = fields.Integer(string="Skipped", compute="_compute_counts")
    invalid_nip_note = fields.Text(
        string="Employees without a valid NIP", compute="_compute_counts"
    )

    # Result
    state = fields.Selection(
        [("draft", "To do"), ("done", "Done")], default="draft", required=True
    )
    line_ids = fields.One2many(
        "hr.kinerja.account.wizard.line", "wizard_id", string="Results"
    )
    date_expiry = fields.Datetime(string="Valid until", readonly=True)
    count_email = fields.Integer(
        string="Invitation emails queued", compute="_compute_results"
    )
    count_code = fields.Integer(string="Codes to print", compute="_compute_results")
    codes_printed = fields.Boolean(string="Codes printed", readonly=True)

    @api.depends("employee_ids", "renew")
    def _compute_counts(self):
        for wizard in self:
            invalid, plan = wizard._plan()
            outcomes = list(plan.values())
            wizard.count_create = outcomes.count("created")
            wizard.count_renew = outcomes.count("renewed")
            wizard.count_skip = len(outcomes) - wizard.count_create - wizard.count_renew
            wizard.invalid_nip_note = (
                wizard._invalid_nip_message(invalid) if invalid else False
            )

    @api.depends("line_ids.channel")
    def _compute_results(self):
        for wizard in self:
            channels = wizard.line_ids.mapped("channel")
            wizard.count_email = channels.count("email")
            wizard.count_code = channels.count("code")

    @api.constrains("validity_days")
    def _check_validity_days(self):
        for wizard in self:
            if not 1 <= wizard.validity_days <= 90:
                raise ValidationError(
                    self.env._("A first sign-in is valid between 1 and 90 days.")
                )

    def action_create_accounts(self):
        """Create the accounts and hand out the first sign-ins, all or
        nothing: an employee without a valid NIP stops the whole run."""
        self.ensure_one()
        if not self.env.user.has_group(HR_OFFICER):
            raise AccessError(self.env._("Only HR officers create staff accounts."))
        if self.state != "draft":
            raise UserError(self.env._("These accounts were already created."))
        if not self.employee_ids:
            raise UserError(self.env._("Select the employees who get an account."))
        if len(self.employee_ids) > MAX_EMPLOYEES_PER_RUN:
            raise UserError(
                self.env._(
                    "Select at most %(max)s employees per run (you selected "
                    "%(count)s): filter the list by unit and run it for each.",
                    max=MAX_EMPLOYEES_PER_RUN,
                    count=len(self.employee_ids),
                )
            )
        invalid, plan = self._plan()
        if invalid:
            raise UserError(self._invalid_nip_message(invalid))
        employees = self.env["hr.employee"].browse(plan)
        created = employees.filtered(lambda e: plan[e.id] == "created")
        renewed = employees.filtered(lambda e: plan[e.id] == "renewed")
        created._kinerja_link_users(self._create_users(created))
        users = (created | renewed).user_id
        if self.signin_method == "code":
            by_email = self.env["res.users"]
        else:
            by_email = users.filtered("email")
        by_code = users - by_email
        codes, expiry = self.env["hr.kinerja.signin.code"]._issue(
            by_code, self.validity_days
        )
        self._send_invitations(by_email)
        # a code replaces an invitation link sent earlier, and an invitation
        # a code printed earlier
        by_code.partner_id.sudo().signup_type = False
        self.env["hr.kinerja.signin.code"]._revoke(by_email)
        channel = dict.fromkeys(by_email.ids, "email") | dict.fromkeys(
            by_code.ids, "code"
        )
        self.env["hr.kinerja.account.wizard.line"].create(
            [
                {
                    "wizard_id": self.id,
                    "employee_id": employee.id,
                    "user_id": employee.user_id.id,
                    "outcome": plan[employee.id],
                    "channel": channel.get(employee.user_id.id, False),
                    "code": codes.get(employee.user_id.id, False),
                }
                for employee in employees
            ]
        )
        self._log_on_employees(created | renewed, by_email, expiry)
        self.write({"state": "done", "date_expiry": expiry})
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Staff accounts"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_print_codes(self):
        self.ensure_one()
        if not self.line_ids.filtered("code"):
            raise UserError(self._codes_gone_message())
        return self.env.ref(
            "hr_kinerja_kompetensi.hr_kinerja_signin_code_report"
        ).report_action(self)

    def _plan(self):
        """``(invalid, plan)``: the employees without a valid NIP, and for
        every other selected employee (by id) what the action does: an
        outcome key of hr.kinerja.account.wizard.line."""
        self.ensure_one()
        employees = self.employee_ids._origin
        invalid = employees.filtered(lambda e: not e._parse_nip_or_none())
        valid = employees - invalid
        nips = Counter(employee.nip for employee in valid)
        taken = {
            user.login: user
            for user in self.env["res.users"]
            .sudo()
            .with_context(active_test=False)
            .search([("login", "in", list(nips))])
        }
        staff_groups = self._staff_groups()
        plan = {}
        for employee in valid:
            user = employee.user_id.sudo()
            if user:
                if not self.renew or user.login_date or not user.active:
                    plan[employee.id] = "has_user"
                elif user.share or user.groups_id - staff_groups:
                    plan[employee.id] = "rights"
                else:
                    plan[employee.id] = "renewed"
            elif nips[employee.nip] > 1:
                plan[employee.id] = "duplicate_nip"
            elif employee.nip in taken:
                plan[employee.id] = "login_taken"
            else:
                plan[employee.id] = "created"
        return invalid, plan

    @api.model
    def _staff_groups(self):
        """The groups a renewable account may have: what an employee or a
        supervisor gets. Renewing the first sign-in of an account with more
        rights would let HR sign in as, say, an administrator."""
        groups = self.env.ref("base.group_user") | self.env.ref(
            "hr_kinerja_kompetensi.group_kinerja_penilai"
        )
        return groups | groups.trans_implied_ids

    def _create_users(self, employees):
        """One batch of users for ``employees`` (same order). The employee's
        work contact becomes the user's partner when no user has it yet, so
        that no duplicate contact appears; its language and time zone are
        written beforehand, one write per value (given with the user, they
        would be written contact by contact)."""
        # archived users count: a contact keeps at most one user
        employees = employees.sudo().with_context(active_test=False)
        lang = self.env["res.lang"]._get_code("id_ID")
        staff = self.env.ref("base.group_user")
        reused = employees.filtered(
            lambda e: e.work_contact_id and not e.work_contact_id.user_ids
        )
        contacts_by_tz = defaultdict(lambda: self.env["res.partner"].sudo())
        for employee in reused:
            contacts_by_tz[employee.tz] |= employee.work_contact_id
        for tz, contacts in contacts_by_tz.items():
            contacts.write({"tz": tz, **({"lang": lang} if lang else {})})
        vals_list = []
        for employee in employees:
            company = employee.company_id
            vals = {
                "login": employee.nip,
                "company_id": company.id,
                "company_ids": [Command.set(company.ids)],
                # exactly the employee group, whatever the default user
                # template gives
                "groups_id": [Command.set(staff.ids)],
            }
            if employee in reused:
                vals["partner_id"] = employee.work_contact_id.id
            else:
                vals.update(name=employee.name, email=employee.work_email)
                vals.update(tz=employee.tz, **({"lang": lang} if lang else {}))
            vals_list.append(vals)
        return (
            self.env["res.users"]
            .sudo()
            .with_context(
                no_reset_password=True,
                mail_create_nolog=True,
                mail_create_nosubscribe=True,
                mail_notrack=True,
            )
            .create(vals_list)
        )

    def _send_invitations(self, users):
        """Odoo's invitation (auth_signup's signup token), queued by the mail
        queue rather than sent during the request: a thousand SMTP
        round-trips would hold the officer's screen for minutes."""
        if not users:
            return
        users.partner_id.sudo().signup_prepare(signup_type="signup")
        template = self.env.ref(
            "hr_kinerja_kompetensi.mail_template_kinerja_account_invitation"
        )
        template.sudo().with_context(
            kinerja_signin_hours=24 * self.validity_days
        ).send_mail_batch(users.ids)

    def _log_on_employees(self, employees, by_email, expiry):
        """A note in each employee's chatter (one batch): who gets which
        first sign-in, until when. Never the code."""
        expiry_text = fields.Datetime.to_string(
            fields.Datetime.context_timestamp(self, expiry)
        )[:16]
        bodies = {}
        email_ids = set(by_email.ids)
        for employee in employees:
            if employee.user_id.id in email_ids:
                text = self.env._(
                    "Account %(login)s: invitation email sent by %(officer)s, "
                    "valid until %(date)s.",
                    login=employee.user_id.login,
                    officer=self.env.user.name,
                    date=expiry_text,
                )
            else:
                text = self.env._(
                    "Account %(login)s: first sign-in code for the printed "
                    "list issued by %(officer)s, valid until %(date)s.",
                    login=employee.user_id.login,
                    officer=self.env.user.name,
                    date=expiry_text,
                )
            bodies[employee.id] = Markup("<p>%s</p>") % text
        employees.sudo()._message_log_batch(bodies=bodies)

    def _invalid_nip_message(self, employees):
        names = [
            self.env._("%(name)s (NIP %(nip)s)", name=employee.name, nip=employee.nip)
            if employee.nip
            else self.env._("%(name)s (no NIP)", name=employee.name)
            for employee in employees[:MAX_LISTED]
        ]
        if len(employees) > MAX_LISTED:
            names.append(
                self.env._("and %(count)s more", count=len(employees) - MAX_LISTED)
            )
        return self.env._(
            "The login of an account is the NIP: these employees have no valid "
            "NIP. Correct it, or leave them out of the selection; nothing was "
            "created.\n%(employees)s",
            employees="\n".join(names),
        )

    def _codes_gone_message(self):
        return self.env._(
            "The sign-in codes are shown only once and were already printed. "
            "To hand out new ones, run Create accounts again on these "
            "employees with 'Renew unused first sign-ins'."
        )
