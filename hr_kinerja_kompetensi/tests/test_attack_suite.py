"""The attack suite of issue 13, generated rather than hand-picked.

Every confidential field (``_confidential_fields`` of any model: the public
fields of the appraisal and its lines, and the judgement models that keep
them behind record rules) and every author-only field (``_author_only_fields``
of any model) is tried through every exit path of the ORM, as every role, and
compared with what the superuser gets through the same path:

* ``SEES``: exactly the superuser's observation;
* ``HIDDEN``: the record is reachable, but nothing of the value comes out
  (empty values, the record absent when filtering, sorting or grouping on the
  field);
* ``NO_ACCESS``: the record itself is out of reach (an AccessError, or
  nothing found).

A field joins the table by being declared on its model. The fixture must give
every declared field a value (an empty one would make HIDDEN vacuous): a
field the fixture cannot fill is listed in ``EMPTY_IN_FIXTURE`` with why.
"""

import datetime

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import html2plaintext

from .test_trust import TrustCommon

SEES, HIDDEN, NO_ACCESS = "sees", "hidden", "no access"
# Exits that the ORM refuses for everybody on a field that is not stored
# (author-only fields live in their own model, behind record rules).
REFUSED = "refused"

EMPTY_IN_FIXTURE = {
    ("hr.appraisal", "feedback_score"): "needs a released 360 phase: checked "
    "by test_feedback_access and the 360 suite",
    ("hr.appraisal", "predicate_override"): "set by calibration, which needs a "
    "done appraisal: checked by test_trust",
    ("hr.appraisal.judgement", "feedback_score"): "as hr.appraisal's",
    ("hr.appraisal.judgement", "predicate_override"): "as hr.appraisal's",
    ("hr.appraisal.judgement", "predicate_changed"): "as predicate_override",
}

# Where the supervisor's judgement is kept, behind record rules
JUDGEMENT_MODELS = (
    "hr.appraisal.judgement",
    "hr.appraisal.competency.judgement",
    "hr.appraisal.behavior.judgement",
)

# Where each author-only field is kept: (model, link to the record, author)
AUTHOR_STORAGE = {
    ("hr.appraisal", "note"): ("hr.appraisal.note", "appraisal_id", "author_id"),
    ("hr.appraisal.feedback", "comment"): (
        "hr.appraisal.feedback.comment",
        "feedback_id",
        "feedback_id.reviewer_user_id",
    ),
}

EXITS = (
    "read",
    "search_read",
    "web_read",
    "export",
    "export_nested",
    "search",
    "order",
    "read_group",
    "web_read_group",
    "onchange",
)


def _flat(value):
    if isinstance(value, dict):
        return [v for key, v in sorted(value.items()) if key != "id"]
    if isinstance(value, list | tuple):
        return [x for item in value for x in _flat(item)]
    return [value]


@tagged("post_install", "-at_install")
class TestAttackSuite(TrustCommon):
    """TrustCommon's chain: the supervisor has judged the employee's and the
    HR officer's appraisals (not published). Here also: every confidential
    value filled, an acting appraiser for the employee, a 360 comment."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.context_today(cls.env["hr.employee"])
        cls.emp_unrelated.parent_id = cls.emp_atasan
        cls.env["hr.acting.appraiser"].create(
            {
                "appraiser_id": cls.emp_unrelated.id,
                "scope": "employee",
                "reason": "dispute",
                "employee_ids": cls.emp_employee.ids,
                "date_start": today,
                "date_end": datetime.date(2031, 12, 31),
            }
        )
        for appraisal in cls.appraisal | cls.hr_appraisal:
            judge = appraisal.with_user(appraisal.appraiser_id.user_id)
            judge.competency_line_ids.write(
                {"evidence": "Laporan terlambat", "recommendation": "Coaching"}
            )
            judge.behavior_line_ids.write({"rating": "meets"})
            judge.write(
                {
                    "manager_feedback": "<p>Perlu pembinaan</p>",
                    "note": "<p>Catatan pribadi penilai</p>",
                }
            )
        cls.feedback = cls._peer_request()
        cls.feedback.with_user(cls.user_peer).comment = "Komentar rahasia rekan"
        cls.roles = {
            "appraisee": cls.user_employee,
            "peer": cls.user_peer,
            "supervisor": cls.user_supervisor,
            "atasan": cls.user_atasan,
            "acting appraiser": cls.user_unrelated,
            "HR officer (appraised)": cls.user_hr,
            "HR admin": cls.user_hr_admin,
            "other company": cls.user_other_company,
        }
        for user in cls.roles.values():
            user.groups_id += cls.env.ref("base.group_allow_export")

    # What each role may see ------------------------------------------------
    # What each role may see of the judgement, per appraisal (written out,
    # not derived from the code under test)
    EXPECTED = {
        "employee": {
            "appraisee": HIDDEN,
            "peer": NO_ACCESS,
            "supervisor": SEES,
            "atasan": SEES,
            "acting appraiser": SEES,
            "HR officer (appraised)": SEES,
            "HR admin": SEES,
            "other company": NO_ACCESS,
        },
        "HR officer": {
            "appraisee": NO_ACCESS,
            "peer": NO_ACCESS,
            "supervisor": SEES,
            "atasan": SEES,
            "acting appraiser": NO_ACCESS,
            "HR officer (appraised)": HIDDEN,
            "HR admin": SEES,
            "other company": NO_ACCESS,
        },
    }

    def _expected_confidential(self, role, appraisal, model_name="hr.appraisal"):
        key = "employee" if appraisal == self.appraisal else "HR officer"
        expected = self.EXPECTED[key][role]
        if expected == HIDDEN and model_name in JUDGEMENT_MODELS:
            # where the judgement is kept, the record rules hide the record
            return NO_ACCESS
        return expected

    def _authored(self, record, fname):
        """{user: the text that user wrote in record.fname}, read from the
        model that keeps it."""
        storage, link, author = AUTHOR_STORAGE[(record._name, fname)]
        written = self.env[storage].sudo().search([(link, "=", record.id)])
        return {
            item.mapped(author)[0]: html2plaintext(item.body or "") for item in written
        }

    # The targets -------------------------------------------------------------
    def _confidential_targets(self):
        """(model, field, records) for every declared confidential field."""
        appraisals = self.appraisal | self.hr_appraisal
        for model_name in sorted(self.env.registry):
            Model = self.env[model_name]
            if not getattr(Model, "_confidential_fields", ()) or Model._abstract:
                continue
            if model_name == "hr.appraisal":
                records = appraisals
            else:
                records = Model.sudo().search([("appraisal_id", "in", appraisals.ids)])
            self.assertTrue(records, model_name)
            for fname in Model._confidential_fields:
                yield model_name, fname, records.with_env(self.env)

    def _author_only_targets(self):
        for model_name in sorted(self.env.registry):
            Model = self.env[model_name]
            for fname in getattr(Model, "_author_only_fields", ()):
                if model_name == "hr.appraisal":
                    records = self.appraisal | self.hr_appraisal
                else:
                    records = Model.search([("id", "in", self.feedback.ids)])
                yield model_name, fname, records

    # The exits ---------------------------------------------------------------
    def _observe(self, exit_name, record, fname, user):
        """What ``user`` gets of ``record.fname`` through one exit, as a list
        of plain values; AccessError and refusals propagate."""
        Model = record.env[record._name].with_user(user)
        mine = record.with_user(user)
        truth = record.sudo()[fname]
        if exit_name == "read":
            return _flat(mine.read([fname]))
        if exit_name == "search_read":
            return _flat(Model.search_read([("id", "=", record.id)], [fname]))
        if exit_name == "web_read":
            return _flat(mine.web_read({fname: {}}))
        if exit_name == "export":
            return _flat(mine.export_data([fname])["datas"])
        if exit_name == "export_nested":
            return self._observe_nested(record, fname, user)
        if exit_name == "search":
            value = truth.id if hasattr(truth, "_name") else truth
            return Model.search([("id", "=", record.id), (fname, "=", value)]).ids
        if exit_name == "order":
            return Model.search([("id", "=", record.id)], order=f"{fname} desc").ids
        if exit_name == "read_group":
            groups = Model.read_group(
                [("id", "=", record.id)], [f"{fname}:array_agg"], [], lazy=False
            )
            return [x for g in groups for x in (g.get(fname) or [])]
        if exit_name == "web_read_group":
            groups = Model.web_read_group([("id", "=", record.id)], [], [fname])
            return [g[fname] for g in groups["groups"]]
        if exit_name == "onchange":
            if record._name != "hr.appraisal":
                return None  # no form of its own
            probe = mine.onchange(
                {"behavior_rating": record.sudo().behavior_rating},
                ["behavior_rating"],
                {fname: {}, "behavior_rating": {}},
            )["value"]
            return [probe.get(fname)]
        raise AssertionError(exit_name)

    def _observe_nested(self, record, fname, user):
        if record._name == "hr.appraisal":
            # from a line, along appraisal_id
            line = record.competency_line_ids[:1].with_user(user)
            return _flat(line.export_data([f"appraisal_id/{fname}"])["datas"])
        # from the appraisal (or the line it assesses), along its one2many to
        # this model
        parent = record.line_id if "line_id" in record._fields else record.appraisal_id
        o2m = next(
            name
            for name, field in parent._fields.items()
            if field.type == "one2many" and field.comodel_name == record._name
        )
        parent = parent.with_user(user)
        return _flat(parent.export_data([f"{o2m}/{fname}"])["datas"])

    def _check(self, expected, exit_name, record, fname, user):
        truth_seen = None
        try:
            truth_seen = self._observe(exit_name, record.sudo(), fname, self.env.user)
        except (UserError, ValueError):
            truth_seen = REFUSED
        if truth_seen is None:
            return  # the exit does not apply to this model
        if truth_seen == REFUSED:
            # not stored: refused for everybody, the superuser included
            try:
                self._observe(exit_name, record, fname, user)
            except (UserError, ValueError):  # AccessError is a UserError
                return
            self.fail(f"{exit_name} on {fname} should be refused")
        groups = record._fields[fname].groups
        if groups and not user.has_groups(groups):
            # field groups: the ORM refuses the field itself to this user on
            # every path, whatever the record (what HIDDEN asks, and more)
            try:
                seen = self._observe(exit_name, record, fname, user)
            except AccessError:
                return
            self.assertFalse(
                [v for v in seen if v and v != record.id], f"leaked {seen!r}"
            )
            return
        try:
            seen = self._observe(exit_name, record, fname, user)
        except AccessError:
            self.assertEqual(expected, NO_ACCESS, "refused but should read")
            return
        if expected == SEES:
            self.assertEqual(seen, truth_seen)
        elif exit_name == "search" and expected == HIDDEN and not record.sudo()[fname]:
            # searching for the empty value finds what the user reads as
            # empty: it answers on what she reads, and tells nothing
            return
        else:
            self.assertFalse(
                [value for value in seen if value and value not in (record.id,)]
                if exit_name not in ("search", "order")
                else seen,
                f"{expected}: leaked {seen!r}",
            )

    # The suite -----------------------------------------------------------------
    def test_fixture_fills_every_declared_field(self):
        for model_name, fname, records in self._confidential_targets():
            if (model_name, fname) in EMPTY_IN_FIXTURE:
                continue
            with self.subTest(model=model_name, field=fname):
                values = records.sudo().mapped(fname)
                self.assertTrue(all(values), "fill it, or list it with a reason")

    def test_confidential_fields_through_every_exit_as_every_role(self):
        checked = 0
        for model_name, fname, records in self._confidential_targets():
            for record in records:
                appraisal = (
                    record if model_name == "hr.appraisal" else record.appraisal_id
                )
                for role, user in self.roles.items():
                    expected = self._expected_confidential(role, appraisal, model_name)
                    for exit_name in EXITS:
                        with self.subTest(
                            model=model_name,
                            field=fname,
                            record=appraisal.employee_id.name,
                            role=role,
                            exit=exit_name,
                        ):
                            self._check(expected, exit_name, record, fname, user)
                            checked += 1
        self.assertGreater(checked, 1000)

    def test_author_only_fields_through_every_exit_as_every_role(self):
        """Each author reads her own text and nobody else's; everybody else
        reads none; not stored, so filtering, sorting and grouping on them is
        refused for everybody."""
        checked = 0
        for model_name, fname, records in self._author_only_targets():
            self.assertIn((model_name, fname), AUTHOR_STORAGE, "say where it is kept")
            for record in records:
                authored = self._authored(record, fname)
                self.assertTrue(authored, f"{model_name}.{fname}: fill it")
                for role, user in self.roles.items():
                    for exit_name in EXITS:
                        with self.subTest(
                            model=model_name, field=fname, role=role, exit=exit_name
                        ):
                            self._check_author_only(
                                exit_name, record, fname, user, authored
                            )
                            checked += 1
        self.assertGreater(checked, 200)

    def _check_author_only(self, exit_name, record, fname, user, authored):
        try:
            seen = self._observe(exit_name, record, fname, user)
        except AccessError:
            if exit_name == "export_nested":
                return  # the parent is out of reach: nothing comes out
            try:
                record.with_user(user).check_access("read")
            except AccessError:
                return  # NO_ACCESS: the record itself is out of reach
            raise
        except (UserError, ValueError):
            self.assertIn(
                exit_name, ("search", "order", "read_group", "web_read_group")
            )
            return  # refused: not stored
        if seen is None:
            return
        text = " ".join(str(html2plaintext(str(v))) for v in seen if v)
        for author, body in authored.items():
            if author == user:
                if exit_name in ("read", "search_read", "web_read", "export"):
                    self.assertIn(body, text, "the author reads her own")
            else:
                self.assertNotIn(body, text, f"{user.login} reads {author.login}'s")

    # Workflow fields x roles, for writes --------------------------------------
    def _workflow_records(self):
        """One record of every model that uses hr.kinerja.workflow.mixin."""
        Plan = self.env["hr.development.plan"].sudo()
        Award = self.env["hr.employee.award"].sudo()
        by_model = {
            "hr.appraisal": self.appraisal,
            "hr.appraisal.cycle": self.cycle,
            "hr.appraisal.feedback": self.feedback,
            "hr.development.plan": Plan.create(
                {"employee_id": self.emp_employee.id, "year": 2031}
            ),
            "hr.employee.award": Award.create(
                {
                    "employee_id": self.emp_employee.id,
                    "award_type_id": self.env.ref(
                        "hr_kinerja_kompetensi.award_type_best_performer"
                    ).id,
                    "date": "2031-12-31",
                }
            ),
            "hr.skp": self.env["hr.skp"]
            .sudo()
            .create({"employee_id": self.emp_employee.id, "year": 2031}),
        }
        mixin = self.env["hr.kinerja.workflow.mixin"]
        self.assertEqual(set(by_model), set(mixin._inherit_children))
        return by_model

    def _other_value(self, record, fname):
        field = record._fields[fname]
        current = record.sudo()[fname]
        if field.type == "selection":
            keys = [key for key, _label in field._description_selection(self.env)]
            return next(key for key in keys if key != current)
        if field.type in ("date", "datetime"):
            return "2040-01-01"
        if field.type == "boolean":
            return not current
        if field.type == "many2one":
            Comodel = self.env[field.comodel_name].sudo()
            return Comodel.search([("id", "!=", current.id)], limit=1).id
        raise AssertionError(f"no other value for {field}")

    def test_workflow_fields_are_written_by_nobody_directly(self):
        checked = 0
        for model_name, record in self._workflow_records().items():
            for fname in record._kinerja_step_fields:
                value = self._other_value(record, fname)
                before = record.sudo().read([fname])
                for role, user in self.roles.items():
                    with self.subTest(model=model_name, field=fname, role=role):
                        # AccessError is a UserError
                        with self.assertRaises(UserError):
                            record.with_user(user).write({fname: value})
                        record.invalidate_recordset()
                        self.assertEqual(record.sudo().read([fname]), before)
                        checked += 1
        self.assertGreater(checked, 100)

    # Mail and attachments -------------------------------------------------------
    def test_no_declared_field_reaches_the_chatter(self):
        """Tracking would copy a value into mail.tracking.value, which every
        follower and the appraisee read: no declared field is tracked, and
        the writes of the fixture left no tracking of them."""
        declared = [
            (model_name, fname)
            for model_name, fname, _records in (
                *self._confidential_targets(),
                *self._author_only_targets(),
            )
        ]
        for model_name, fname in declared:
            with self.subTest(model=model_name, field=fname):
                field = self.env[model_name]._fields[fname]
                self.assertFalse(getattr(field, "tracking", None))
        field_ids = [
            self.env["ir.model.fields"]._get(model_name, fname).id
            for model_name, fname in declared
        ]
        self.assertFalse(
            self.env["mail.tracking.value"]
            .sudo()
            .search_count([("field_id", "in", field_ids)])
        )

    def test_messages_and_attachments_follow_the_record(self):
        """What is attached or posted on an appraisal is read by whoever
        reaches the appraisal, and by nobody else."""
        attachment = self.env["ir.attachment"].create(
            {
                "name": "bukti.txt",
                "raw": b"bukti dukung",
                "res_model": "hr.appraisal",
                "res_id": self.appraisal.id,
            }
        )
        message = self.appraisal.message_post(body="Catatan di chatter")
        activity = self.appraisal.activity_schedule(
            "mail.mail_activity_data_todo",
            note="Periksa bukti dukung",
            user_id=self.user_supervisor.id,
        )
        for role, user in self.roles.items():
            expected = self._expected_confidential(role, self.appraisal)
            with self.subTest(role=role):
                Attachment = self.env["ir.attachment"].with_user(user)
                Message = self.env["mail.message"].with_user(user)
                Activity = self.env["mail.activity"].with_user(user)
                found = Attachment.search([("id", "=", attachment.id)])
                posted = Message.search([("id", "=", message.id)])
                scheduled = Activity.search([("id", "=", activity.id)])
                if expected == NO_ACCESS:
                    self.assertFalse(found)
                    self.assertFalse(posted)
                    self.assertFalse(scheduled)
                    with self.assertRaises(AccessError):
                        attachment.with_user(user).read(["raw"])
                    with self.assertRaises(AccessError):
                        activity.with_user(user).read(["note"])
                else:
                    self.assertEqual(found, attachment)
                    self.assertEqual(posted, message)
                    self.assertEqual(scheduled, activity)

    def test_followers_name_no_reviewer(self):
        """Every internal user reads mail.followers (Odoo gives it no record
        rule): so neither the appraisal nor a 360 request has its reviewer
        as follower, and the followers tell nobody who reviews whom."""
        Followers = self.env["mail.followers"].with_user(self.user_unrelated)
        self.assertFalse(
            Followers.search(
                [
                    ("res_model", "in", ("hr.appraisal", "hr.appraisal.feedback")),
                    ("partner_id", "=", self.user_peer.partner_id.id),
                ]
            )
        )
        self.assertNotIn(
            self.user_peer.partner_id,
            (self.appraisal | self.hr_appraisal).message_partner_ids
            | self.feedback.message_partner_ids,
        )

    # Reports ----------------------------------------------------------------------
    def test_the_evaluation_document_as_every_role(self):
        """The printed D.1.1 is one more exit: it shows the judgement to whom
        SEES, nothing of it to whom it is HIDDEN, and is refused otherwise."""
        report = "hr_kinerja_kompetensi.hr_appraisal_report_d11"
        for appraisal in self.appraisal | self.hr_appraisal:
            secrets = [
                "Perlu pembinaan",  # manager_feedback
                dict(
                    appraisal._fields["work_result_rating"]._description_selection(
                        self.env
                    )
                )[appraisal.work_result_rating],
            ]
            for role, user in self.roles.items():
                expected = self._expected_confidential(role, appraisal)
                Report = self.env["ir.actions.report"].with_user(user)
                with self.subTest(appraisal=appraisal.employee_id.name, role=role):
                    # a fresh cache, as a request has: values already read
                    # by the superuser would otherwise skip the access checks
                    self.env.invalidate_all()
                    if expected == NO_ACCESS:
                        # QWeb wraps the AccessError of the record it reads
                        with self.assertRaises(Exception) as refused:
                            Report._render_qweb_html(report, appraisal.ids)
                        error = refused.exception
                        self.assertIsInstance(
                            error
                            if isinstance(error, AccessError)
                            else error.__cause__,
                            AccessError,
                        )
                        continue
                    content, _kind = Report._render_qweb_html(report, appraisal.ids)
                    text = html2plaintext(content.decode())
                    for secret in secrets:
                        if expected == SEES:
                            self.assertIn(secret, text)
                        else:
                            self.assertNotIn(secret, text)
