from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..rules import development as development_rules
from ..rules import nip as nip_rules
from ..rules.service import full_years_between, golongan_fits, golongan_selection
from ..rules.standard import FUNCTIONAL_LEVELS, POSITION_KINDS

ASN_TYPES = [("pns", "PNS"), ("pppk", "PPPK"), ("non_asn", "Non-ASN")]


class HrEmployee(models.Model):
    _name = "hr.employee"
    _inherit = [
        "hr.employee",
        "hr.kinerja.supervision.mixin",
        "hr.kinerja.staff.import.mixin",
    ]
    _own_user_path = "user_id"

    # ASN identity: public on civil-service documents (mirrored on
    # hr.employee.public), so no group restriction.
    nip = fields.Char(
        string="NIP",
        index="btree_not_null",
        copy=False,
        tracking=True,
        help="Nomor Induk Pegawai: 18 digits = birth date (YYYYMMDD), TMT CPNS "
        "(YYYYMM), gender (1 male, 2 female) and a 3-digit sequence. Spaces "
        "are removed. Gender, birth date and TMT CPNS are filled from it.",
    )
    asn_type = fields.Selection(
        ASN_TYPES,
        string="ASN Type",
        index=True,
        tracking=True,
        help="PNS = permanent civil servant, PPPK = government employee with a "
        "work agreement, Non-ASN = other staff (no NIP, no grade).",
    )
    golongan = fields.Selection(
        golongan_selection(),
        string="Pangkat/Golongan",
        index=True,
        tracking=True,
        help="Rank and grade. PNS use I/a to IV/e with the rank name; PPPK use "
        "grades I to XVII. Only grades of the chosen ASN type are accepted.",
    )
    position_kind = fields.Selection(
        POSITION_KINDS,
        compute="_compute_position_kind",
        store=True,
        readonly=False,
        index=True,
        help="Kind of position, taken from the job; change it here only when "
        "this person's position differs from the job's usual kind.",
    )
    functional_level = fields.Selection(
        FUNCTIONAL_LEVELS,
        compute="_compute_position_kind",
        store=True,
        readonly=False,
        help="Level of a functional position, taken from the job.",
    )
    # Derived from the NIP; private like the birth date itself
    tmt_cpns = fields.Date(
        string="TMT CPNS",
        compute="_compute_from_nip",
        store=True,
        readonly=False,
        groups="hr.group_hr_user",
        help="Start of service as a candidate civil servant. Filled from the "
        "NIP (first day of that month); correct it when the decree (SK) "
        "gives another date.",
    )
    gender = fields.Selection(compute="_compute_from_nip", store=True, readonly=False)
    birthday = fields.Date(compute="_compute_from_nip", store=True, readonly=False)
    years_of_service = fields.Integer(
        compute="_compute_years_of_service",
        search="_search_years_of_service",
        groups="hr.group_hr_user",
        help="Full years since the TMT CPNS, as of today.",
    )
    # The supervisor by NIP, as staff exports (SIASN) give it: a column of the
    # staff import (see hr.kinerja.staff.import.mixin) and of exports.
    parent_nip = fields.Char(
        string="Supervisor NIP",
        compute="_compute_parent_nip",
        inverse="_inverse_parent_nip",
        search="_search_parent_nip",
        groups="hr.group_hr_user",
        help="NIP of the direct supervisor (Pejabat Penilai Kinerja). Typing "
        "a NIP sets the manager to the employee of the same company with that "
        "NIP; empty removes the manager.",
    )
    job_competency_ids = fields.One2many(
        related="job_id.competency_ids",
        string="Required Competencies",
        groups="hr.group_hr_user",
    )

    # hr_appraisal_oca adds these to hr.employee without a group, which makes
    # every employee record unreadable for internal users without HR rights
    # (hr's test_employee_fields_groups). Appraisals are reached through
    # hr.appraisal and its record rules instead.
    appraisal_ids = fields.One2many(groups="hr.group_hr_user")
    # hr_appraisal_oca's employee form also shows it to settings admins.
    # As a related field it inherits tracking from hr.appraisal.state, so mail
    # tracking evaluated it (one search per employee) on every employee
    # create and write; nothing needs it tracked on the employee.
    last_appraisal_state = fields.Selection(
        groups="hr.group_hr_user,base.group_system", tracking=False
    )
    # The users of the whole supervision chain (hr_appraisal_oca's own "User"
    # group reads appraisals through it); see write() for the people below.
    allowed_user_ids = fields.Many2many(groups="hr.group_hr_user")

    # The one supervision scope. Every record rule and every check of the
    # addon that asks "does this user appraise this employee?" searches this
    # field (rules: ('employee_id.in_my_supervision', '=', True)), so the
    # answer is spelled out once, in _supervision_domain().
    in_my_supervision = fields.Boolean(
        help="The employee is below you in the supervision chain, or you are "
        "their acting appraiser (Plt/Plh) today. Never yourself.",
    )

    _sql_constraints = [
        (
            "nip_company_unique",
            "UNIQUE(nip, company_id)",
            "This NIP is already used by another employee of the same company.",
        ),
    ]

    @api.model
    def _supervision_domain(self, user=None):
        """The employees ``user`` supervises, as a domain on hr.employee.

        It asks one stored field, hr_appraisal_oca's ``allowed_user_ids``,
        which this addon computes as the users of the whole chain above the
        employee plus the acting appraiser (Plt/Plh) in force today (see
        _compute_allowed_user_ids; a daily cron follows the dates). Never the
        user's own employee, HR included (nobody judges themself)."""
        user = user or self.env.user
        return [("allowed_user_ids", "in", [user.id]), ("user_id", "!=", user.id)]

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        # The ORM flushes a many2many only when it reads it, not when a query
        # filters on it: the record rules filter on allowed_user_ids, so a
        # chain changed in this transaction must reach the database first.
        if any(
            isinstance(term, list | tuple)
            and isinstance(term[0], str)
            and term[0].split(".")[0] == "allowed_user_ids"
            for term in domain
        ):
            self.flush_model(["allowed_user_ids", "user_id"])
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def _compute_allowed_user_ids(self):
        # hr_appraisal_oca walks the chain record by record (one query per
        # manager and employee: 74 s when 9,000 employees change manager);
        # read the managers level by level and walk the chain in memory.
        # manager ids -> (their manager, their user), one query per level
        hierarchy = {}
        Employee = self.sudo().with_context(active_test=False)
        todo = set(self.parent_id.ids)
        while todo:
            for row in Employee.browse(todo).read(["parent_id", "user_id"], load=None):
                hierarchy[row["id"]] = (row["parent_id"], row["user_id"])
            todo = {
                parent
                for parent, _user in hierarchy.values()
                if parent and parent not in hierarchy
            }
        # the acting appraiser (Plt/Plh) in force today, in a fixed number of
        # queries; the daily cron recomputes the employees whose assignment
        # starts or ends
        today = fields.Date.context_today(self)
        real = self.filtered("id")
        acting = self.env["hr.acting.appraiser"]._acting_for(real, today, today)
        # the ORM reads the old value before writing the new one: in one query
        self.sudo()._origin.fetch(["allowed_user_ids"])
        Users = self.env["res.users"]
        by_users = defaultdict(list)
        for employee in self:
            users, seen = set(), set()
            if assignment := acting.get(employee.id):
                users |= set(assignment.appraiser_user_id.ids)
            current = employee.parent_id.id
            while current and current not in seen:
                seen.add(current)
                parent, user = hierarchy.get(current, (False, False))
                if user:
                    users.add(user)
                current = parent
            by_users[frozenset(users)].append(employee.id)
        if all(self._ids):
            # One relation update for the whole batch: assigning employee by
            # employee makes the ORM run one DELETE and one INSERT per
            # employee (19,000 queries when 9,000 staff change manager).
            # This is what assigning in a compute does (Field.write), with
            # every (records, value) pair at once.
            field = self._fields["allowed_user_ids"]
            self.env.remove_to_compute(field, self)
            field.write_batch(
                [
                    (self.browse(ids), Users.browse(users))
                    for users, ids in by_users.items()
                ]
            )
        else:  # employees being edited in a form: cache only
            for users, ids in by_users.items():
                self.browse(ids).allowed_user_ids = Users.browse(users)

    def _compute_last_appraisal_id(self):
        # hr_appraisal_oca searches once per employee; one grouped query here.
        # The highest id is the most recently created appraisal, as upstream.
        latest = dict(
            self.env["hr.appraisal"]._read_group(
                [("employee_id", "in", self._origin.ids)], ["employee_id"], ["id:max"]
            )
        )
        Appraisal = self.env["hr.appraisal"]
        for employee in self:
            employee.last_appraisal_id = Appraisal.browse(latest.get(employee._origin))

    @api.depends("parent_id.nip")
    def _compute_parent_nip(self):
        for employee in self:
            employee.parent_nip = employee.parent_id.nip

    def _inverse_parent_nip(self):
        wanted = {
            (employee.company_id.id, nip_rules.normalize(employee.parent_nip))
            for employee in self
            if employee.parent_nip
        }
        found = {
            (manager.company_id.id, manager.nip): manager
            for manager in self.with_context(active_test=False).search(
                [
                    ("nip", "in", [nip for _company, nip in wanted]),
                    ("company_id", "in", [company for company, _nip in wanted]),
                ]
            )
        }
        by_manager = defaultdict(list)
        for employee in self:
            key = (employee.company_id.id, nip_rules.normalize(employee.parent_nip))
            if employee.parent_nip and key not in found:
                raise ValidationError(
                    self.env._(
                        "No employee of %(company)s has the supervisor NIP %(nip)s "
                        "given for %(name)s.",
                        company=employee.company_id.name,
                        nip=employee.parent_nip,
                        name=employee.name,
                    )
                )
            by_manager[found.get(key, self.browse())].append(employee)
        for manager, employees in by_manager.items():
            self.concat(*employees).parent_id = manager

    def _search_parent_nip(self, operator, value):
        if isinstance(value, str):
            value = nip_rules.normalize(value)
        return [("parent_id.nip", operator, value)]

    @api.depends("job_id.position_kind", "job_id.functional_level")
    def _compute_position_kind(self):
        for employee in self:
            employee.position_kind = employee.job_id.position_kind
            employee.functional_level = employee.job_id.functional_level

    @api.depends("nip", "asn_type")
    def _compute_from_nip(self):
        # Reading a field's old value inside its own compute is supported by
        # the ORM (see Field.compute_value): without a valid NIP we keep it.
        for employee in self:
            parsed = employee._parse_nip_or_none()
            if parsed:
                employee.tmt_cpns = parsed.tmt_cpns
                employee.gender = parsed.gender
                employee.birthday = parsed.birth_date
            else:
                employee.tmt_cpns = employee.tmt_cpns
                employee.gender = employee.gender
                employee.birthday = employee.birthday

    @api.depends("tmt_cpns")
    def _compute_years_of_service(self):
        today = fields.Date.context_today(self)
        for employee in self:
            employee.years_of_service = full_years_between(employee.tmt_cpns, today)

    def _search_years_of_service(self, operator, value):
        # "n full years" <=> TMT between (today - (n+1) years, today - n years]
        if operator not in ("=", "!=", "<", "<=", ">", ">=") or not isinstance(
            value, int
        ):
            return NotImplemented
        today = fields.Date.context_today(self)

        def anniversary(years):
            return today - relativedelta(years=years)

        if operator in (">=", ">"):
            years = value if operator == ">=" else value + 1
            return [("tmt_cpns", "<=", anniversary(years))]
        if operator in ("<", "<="):
            years = value if operator == "<" else value + 1
            return [("tmt_cpns", ">", anniversary(years))]
        exactly = [
            ("tmt_cpns", "<=", anniversary(value)),
            ("tmt_cpns", ">", anniversary(value + 1)),
        ]
        if operator == "=":
            return exactly
        return ["|", ("tmt_cpns", "=", False), "!", "&", *exactly]

    @api.constrains("nip", "asn_type")
    def _check_nip(self):
        for employee in self:
            if not employee.nip:
                continue
            try:
                nip_rules.parse(employee.nip, pppk=employee.asn_type == "pppk")
            except nip_rules.NipError as error:
                raise ValidationError(
                    self._nip_error_message(employee.nip, employee.name, error.code)
                ) from None

    @api.constrains("tmt_cpns", "birthday")
    def _check_tmt_after_adulthood(self):
        for employee in self.sudo():
            birth, tmt = employee.birthday, employee.tmt_cpns
            adult = birth and birth + relativedelta(years=nip_rules.MIN_AGE_AT_TMT)
            if tmt and adult and tmt < adult.replace(day=1):
                raise ValidationError(self._tmt_error_message(employee.name, tmt))

    @api.constrains("asn_type", "golongan")
    def _check_golongan(self):
        for employee in self:
            if not golongan_fits(employee.asn_type, employee.golongan):
                raise ValidationError(
                    self._golongan_error_message(
                        employee.name, employee.golongan, employee.asn_type
                    )
                )

    @api.constrains("position_kind", "functional_level")
    def _check_functional_level(self):
        for employee in self:
            if employee.functional_level and employee.position_kind != "fungsional":
                raise ValidationError(
                    self.env._(
                        "%(name)s has a functional level but is not in a "
                        "functional position.",
                        name=employee.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("nip"):
                vals["nip"] = nip_rules.normalize(vals["nip"])
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("nip"):
            vals = dict(vals, nip=nip_rules.normalize(vals["nip"]))
        result = super().write(vals)
        # the accounts wizard links its users one by one and recomputes the
        # chains once for all of them (_kinerja_link_users)
        if not self.env.context.get("kinerja_defer_chain"):
            self._kinerja_recompute_chains(
                chain={"parent_id", "user_id", "department_id"} & set(vals),
                users="user_id" in vals,
            )
        return result

    def _kinerja_recompute_chains(self, chain=True, users=True):
        """Mark the supervision chains that depend on these employees for
        recomputation, in one batch."""
        if chain:
            # hr_appraisal_oca recomputes the chain's users only when an
            # employee's own manager changes: the people further below a
            # moved manager, or a manager who got another user, kept the old
            # chain. Recompute them too, in one batch (a recursive field
            # would be computed one employee at a time).
            below = (
                self.sudo()
                .with_context(active_test=False)
                .search([("parent_id", "child_of", self.ids)])
            )
            self.env.add_to_compute(self._fields["allowed_user_ids"], below)
        if users:
            # an acting appraiser got another user: the people they cover too
            assignments = (
                self.env["hr.acting.appraiser"]
                .sudo()
                .search([("appraiser_id", "in", self.ids)])
            )
            self.env.add_to_compute(
                self._fields["allowed_user_ids"], assignments._covered_employees()
            )

    @api.model
    def get_import_templates(self):
        # hr defines it on hr.employee itself, before the staff import mixin
        # in the method order: the ASN staff template comes first here.
        return self._staff_import_templates() + super().get_import_templates()

    def action_open_kinerja_appraisals(self):
        """The employee's appraisal history, as far as the user may see it."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_kinerja_kompetensi.hr_appraisal_action_kinerja"
        )
        action["domain"] = [("employee_id", "=", self.id), ("cycle_id", "!=", False)]
        action["context"] = {"search_default_group_cycle": 0}
        action["view_mode"] = "list,form,graph"
        return action

    def _kinerja_link_users(self, users):
        """Link each employee to the user at the same position of ``users``
        (the accounts wizard). Without mail tracking: the wizard writes one
        note per employee itself."""
        linking = self.with_context(mail_notrack=True, kinerja_defer_chain=True)
        for employee, user in zip(linking, users, strict=True):
            employee.user_id = user
        self._kinerja_recompute_chains()

    def _parse_nip_or_none(self):
        self.ensure_one()
        try:
            return nip_rules.parse(self.nip, pppk=self.asn_type == "pppk")
        except nip_rules.NipError:
            return None

    def _nip_reason(self, code):
        """What a NIP that breaks the rule ``code`` (rules.nip) gets wrong."""
        return {
            "length": self.env._("A NIP has exactly 18 digits."),
            "digits": self.env._("A NIP contains only the digits 0-9."),
            "birth_date": self.env._(
                "Digits 1-8 of the NIP must be a real birth date (YYYYMMDD)."
            ),
            "tmt": self.env._(
                "Digits 9-14 of the NIP must be a real TMT CPNS month (YYYYMM)."
            ),
            "pppk_marker": self.env._(
                "Digits 13-14 of the NIP (21 or 24) mark a PPPK number: set the "
                "ASN type to PPPK."
            ),
            "future": self.env._(
                "The birth date or TMT CPNS in the NIP lies in the future."
            ),
            "gender": self.env._(
                "Digit 15 of the NIP is the gender: 1 (male) or 2 (female)."
            ),
            "too_young": self.env._(
                "The TMT CPNS in the NIP is before the 18th birthday."
            ),
        }[code]

    def _nip_error_message(self, nip, name, code):
        return self.env._(
            "Invalid NIP %(nip)s for %(name)s: %(reason)s",
            nip=nip,
            name=name,
            reason=self._nip_reason(code),
        )

    def _tmt_error_message(self, name, tmt):
        return self.env._(
            "%(name)s: the TMT CPNS (%(tmt)s) is before the 18th birthday.",
            name=name,
            tmt=tmt,
        )

    def _golongan_error_message(self, name, golongan, asn_type):
        return self.env._(
            "%(name)s: the grade %(grade)s does not exist for the ASN "
            "type %(type)s. PNS use I/a-IV/e, PPPK use I-XVII and "
            "non-ASN staff have no grade.",
            name=name,
            grade=dict(golongan_selection())[golongan],
            type=dict(ASN_TYPES).get(asn_type, "-"),
        )

    # Competency development of the current year: HR's view of the employee
    # (employees and supervisors follow it on the plans themselves)
    development_plan_ids = fields.One2many(
        "hr.development.plan",
        "employee_id",
        string="Development plans",
        groups="hr.group_hr_user",
    )
    jp_year_target = fields.Float(
        string="JP target this year",
        compute="_compute_jp_year",
        groups="hr.group_hr_user",
    )
    jp_year_realized = fields.Float(
        string="JP this year",
        compute="_compute_jp_year",
        groups="hr.group_hr_user",
    )
    jp_year_behind = fields.Boolean(
        string="Behind on JP",
        compute="_compute_jp_year",
        groups="hr.group_hr_user",
    )
    appraisal_policy_briefed = fields.Boolean(
        string="Briefed on the appraisal policy",
        compute="_compute_appraisal_policy_briefed",
        search="_search_appraisal_policy_briefed",
        groups="hr.group_hr_user",
        help="Attended a sosialisasi session on the performance-appraisal policy.",
    )

    def _compute_jp_year(self):
        today = fields.Date.context_today(self)
        plans = {
            plan.employee_id.id: plan
            for plan in self.env["hr.development.plan"]
            .sudo()
            .search(
                [("employee_id", "in", self._origin.ids), ("year", "=", today.year)]
            )
        }
        for employee in self:
            plan = plans.get(employee._origin.id)
            company = employee.company_id or self.env.company
            target = (
                plan.jp_target
                if plan
                else development_rules.jp_target(
                    employee.asn_type,
                    pns_target=company.kinerja_jp_target_pns,
                    pppk_target=company.kinerja_jp_target_pppk,
                )
            )
            realized = plan.jp_realized if plan else 0.0
            employee.jp_year_target = target
            employee.jp_year_realized = realized
            employee.jp_year_behind = development_rules.is_behind(
                realized, target, today
            )

    def _briefed_employee_ids(self, employee_ids=None):
        domain = [("employee_id", "in", employee_ids)] if employee_ids else []
        return {
            employee.id
            for [employee] in self.env["hr.training.attendance"]
            .sudo()
            ._read_group(
                domain
                + [
                    ("attended", "=", True),
                    ("kind", "=", "sosialisasi"),
                    ("session_id.state", "in", ("confirmed", "done")),
                ],
                ["employee_id"],
            )
        }

    def _compute_appraisal_policy_briefed(self):
        briefed = self._briefed_employee_ids(self._origin.ids)
        for employee in self:
            employee.appraisal_policy_briefed = employee._origin.id in briefed

    def _search_appraisal_policy_briefed(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        positive = (operator == "=") == value
        return [
            ("id", "in" if positive else "not in", list(self._briefed_employee_ids()))
        ]

    def action_open_development_plans(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_kinerja_kompetensi.hr_development_plan_action"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action
