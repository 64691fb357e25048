"""Secrets only their author reads, kept where record rules alone decide
(issue 13, point 1): the supervisor's private note (hr.appraisal.note) and
the comment of a 360 response (hr.appraisal.feedback.comment)."""

import json

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import CallKwMixin
from .feedback_common import FeedbackCommon
from .test_trust import TrustCommon

NOTE = "<p>Catatan pribadi atasan</p>"


@tagged("post_install", "-at_install")
class TestPrivateNote(TrustCommon):
    """TrustCommon's supervisor wrote a private note on both appraisals."""

    def test_only_the_author_reads_the_note(self):
        self.assertIn("Catatan", self.appraisal.with_user(self.user_supervisor).note)
        for user in (
            self.user_employee,
            self.user_atasan,
            self.user_hr,
            self.user_hr_admin,
        ):
            with self.subTest(user=user.login):
                appraisal = self.appraisal.with_user(user)
                self.assertFalse(appraisal.read(["note"])[0]["note"])
                self.assertFalse(appraisal.web_read({"note": {}})[0]["note"])
                probe = appraisal.onchange(
                    {"note": "<p>x</p>"}, [], {"note": {}, "employee_id": {}}
                )["value"]
                self.assertNotIn("Catatan", str(probe))
                Note = self.env["hr.appraisal.note"].with_user(user)
                self.assertFalse(Note.search([]))
                [(bodies,)] = Note._read_group([], [], ["body:array_agg"])
                self.assertFalse(bodies)
                note = self.env["hr.appraisal.note"].search(
                    [("appraisal_id", "=", self.appraisal.id)]
                )
                with self.assertRaises(AccessError):
                    note.with_user(user).read(["body"])

    def test_export_and_search_give_nothing_of_it(self):
        self.user_hr.groups_id += self.env.ref("base.group_allow_export")
        rows = self.appraisal.with_user(self.user_hr).export_data(["note"])["datas"]
        self.assertEqual(len(rows), 1)
        self.assertFalse(rows[0][0])
        for user in (self.user_hr, self.user_supervisor):
            Appraisal = self.env["hr.appraisal"].with_user(user)
            with self.subTest(user=user.login):
                with self.assertRaisesRegex(UserError, "cannot be searched"):
                    Appraisal.search([("note", "ilike", "Catatan")])
                with self.assertRaises(ValueError):
                    Appraisal.search([], order="note")
                with self.assertRaises(ValueError):
                    Appraisal.read_group([], ["id:count"], ["note"])

    def test_each_author_keeps_her_own_note(self):
        self.appraisal.with_user(self.user_atasan).write(
            {"note": "<p>Milik atasan</p>"}
        )
        self.assertIn("Catatan", self.appraisal.with_user(self.user_supervisor).note)
        self.assertIn("atasan", self.appraisal.with_user(self.user_atasan).note)
        self.assertEqual(
            self.env["hr.appraisal.note"].search_count(
                [("appraisal_id", "=", self.appraisal.id)]
            ),
            2,
        )
        # many at once, one note each
        both = (self.appraisal | self.peer_appraisal).with_user(self.user_atasan)
        both.write({"note": "<p>Dua sekaligus</p>"})
        self.assertEqual(both.mapped("note"), ["<p>Dua sekaligus</p>"] * 2)

    def test_the_appraisee_cannot_write_a_note_nor_reach_the_model(self):
        mine = self.appraisal.with_user(self.user_employee)
        with self.assertRaises(UserError):
            mine.write({"note": "<p>Saya menulis sendiri</p>"})
        with self.assertRaises(AccessError):
            self.env["hr.appraisal.note"].with_user(self.user_employee).create(
                {"appraisal_id": self.appraisal.id, "body": "<p>x</p>"}
            )
        self.assertEqual(
            self.env["hr.appraisal.note"].search_count(
                [("appraisal_id", "=", self.appraisal.id)]
            ),
            1,
        )


@tagged("post_install", "-at_install")
class TestFeedbackCommentModel(FeedbackCommon):
    def test_comment_lives_behind_the_rules_of_the_ratings(self):
        request = self._request(self.emp_peers[0])
        author = request.reviewer_user_id
        request.with_user(author).comment = "Selalu membantu rekan"
        stored = self.env["hr.appraisal.feedback.comment"].search(
            [("feedback_id", "=", request.id)]
        )
        self.assertEqual(stored.body, "Selalu membantu rekan")
        self.assertEqual(request.with_user(author).comment, "Selalu membantu rekan")
        for user in (self.user_supervisor, self.user_hr, self.user_hr_admin):
            with self.subTest(user=user.login):
                self.assertFalse(request.with_user(user).comment)
                with self.assertRaises(AccessError):
                    stored.with_user(user).read(["body"])
        # nobody but the reviewer writes it, HR included
        for user in (self.user_supervisor, self.user_hr, self.user_hr_admin):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                request.with_user(user).write({"comment": "Palsu"})
        with self.assertRaises(AccessError):
            stored.with_user(author).write({"body": "langsung"})
        self.assertEqual(stored.body, "Selalu membantu rekan")
        # the logged access of an HR admin opens it
        request.with_user(self.user_hr_admin).action_audit_responses()
        self.assertEqual(
            request.with_user(self.user_hr_admin).comment, "Selalu membantu rekan"
        )


@tagged("post_install", "-at_install")
class TestAuthorOnlyOverRpc(CallKwMixin, TrustCommon, HttpCase):
    """The same refusals on /web/dataset/call_kw, as a user would try them."""

    def test_nobody_gets_a_note_or_a_comment_over_rpc(self):
        request = self._peer_request()
        request.with_user(self.user_peer).comment = "Komentar rahasia rekan"
        self.authenticate("hkk_atasan", "hkk_atasan")
        answer = self._call("hr.appraisal", "read", [self.appraisal.ids, ["note"]])
        self.assertFalse(answer["result"][0]["note"])
        with mute_logger("odoo.http"):
            for method, args, kwargs in (
                (
                    "web_read_group",
                    [[("id", "=", request.id)], ["comment:array_agg"], ["reviewer_id"]],
                    {},
                ),
                ("search_read", [[("comment", "ilike", "rahasia")], ["id"]], {}),
                (
                    "search_read",
                    [[("id", "=", request.id)], ["id"]],
                    {"order": "comment"},
                ),
            ):
                with self.subTest(method=method, kwargs=kwargs):
                    answer = self._call("hr.appraisal.feedback", method, args, kwargs)
                    self.assertIn("error", answer)
                    self.assertNotIn("rahasia", json.dumps(answer))
            answer = self._call(
                "hr.appraisal.note",
                "search_read",
                [[("appraisal_id", "=", self.appraisal.id)], ["body"]],
            )
            self.assertEqual(answer.get("result"), [])
