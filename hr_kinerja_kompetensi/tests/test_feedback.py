import datetime

from odoo import fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .feedback_common import FeedbackCommon


@tagged("post_install", "-at_install")
class TestFeedback(FeedbackCommon):
    def test_wizard_proposes_supervisor_and_peers_within_limits(self):
        self.company.feedback_peer_max = 3
        wizard = (
            self.env["hr.appraisal.feedback.request"]
            .with_user(self.user_supervisor)
            .create({"appraisal_ids": self.appraisal.ids})
        )
        by_role = {}
        for line in wizard.line_ids:
            by_role.setdefault(line.role, []).append(line.reviewer_id)
        self.assertEqual(by_role["supervisor"], [self.emp_supervisor])
        self.assertEqual(len(by_role["peer"]), 3)
        self.assertTrue(set(by_role["peer"]) <= set(self.emp_peers))
        self.assertNotIn(self.emp_employee, wizard.line_ids.reviewer_id)
        self.assertFalse(wizard.peer_shortage)
        self.company.feedback_peer_min = 3
        wizard.line_ids.filtered(lambda line: line.role == "peer")[:2].unlink()
        self.assertIn("Employee", wizard.peer_shortage)
        wizard.action_send()
        feedbacks = self.Feedback.sudo().search(
            [("appraisal_id", "=", self.appraisal.id)]
        )
        self.assertEqual(len(feedbacks), 2)
        self.assertEqual(len(feedbacks.activity_ids), 2)
        self.assertEqual(
            set(feedbacks.activity_ids.user_id.ids),
            set(feedbacks.reviewer_user_id.ids),
        )

    def test_wizard_refused_to_the_appraisee_and_unrelated(self):
        for user in (self.user_employee, self.user_unrelated):
            with self.assertRaisesRegex(
                UserError, "Only the supervisor|not allowed|access"
            ):
                self.env["hr.appraisal.feedback.request"].with_user(user).create(
                    {"appraisal_ids": self.appraisal.ids}
                ).action_send()

    def test_bulk_request_for_cycle_is_idempotent(self):
        feedbacks = self.cycle.with_user(self.user_hr).action_request_feedback()
        self.assertTrue(feedbacks)
        self.assertEqual(set(feedbacks.cycle_id.ids), set(self.cycle.ids))
        self.assertEqual(
            set(feedbacks.mapped("date_deadline")), {datetime.date(2031, 12, 15)}
        )
        # one activity per request with a reviewer user
        self.assertEqual(
            len(feedbacks.activity_ids), len(feedbacks.filtered("reviewer_user_id"))
        )
        self.assertFalse(self.cycle.with_user(self.user_hr).action_request_feedback())
        with self.assertRaisesRegex(UserError, "Only HR officers"):
            self.cycle.with_user(self.user_supervisor).action_request_feedback()

    def test_submit_and_decline(self):
        feedback = self._request(self.emp_peer)
        self._answer(feedback, {self.m01: 4})
        self.assertEqual(feedback.state, "submitted")
        self.assertFalse(feedback.activity_ids)
        with self.assertRaisesRegex(UserError, "no longer requested"):
            feedback.with_user(self.user_peer).action_submit()
        other = self._request(self.emp_peers[1])
        mine = other.with_user(other.reviewer_user_id)
        with self.assertRaisesRegex(UserError, "reason"):
            mine.action_decline("  ")
        with self.assertRaisesRegex(UserError, "Only the reviewer"):
            other.with_user(self.user_peer).action_decline("Tidak kenal")
        mine.action_decline("Tidak bekerja bersama")
        self.assertEqual(other.state, "declined")
        self.assertEqual(other.decline_reason, "Tidak bekerja bersama")

    def test_submit_needs_a_rating(self):
        feedback = self._request(self.emp_peer)
        feedback.with_user(self.user_peer).action_start()
        with self.assertRaisesRegex(UserError, "Rate at least one"):
            feedback.with_user(self.user_peer).action_submit()
        self.assertEqual(feedback.state, "requested")

    def test_cron_expires_and_reminds(self):
        late = self._request(self.emp_peer)
        soon = self._request(self.emp_peers[1])
        today = fields.Date.context_today(self.Feedback)
        late.sudo().date_deadline = today - datetime.timedelta(days=1)
        soon.sudo().date_deadline = today + datetime.timedelta(days=2)
        expired, reminded = self.Feedback._cron_remind_and_expire()
        self.assertEqual(late.state, "expired")
        self.assertFalse(late.activity_ids)
        self.assertEqual(soon.state, "requested")
        self.assertTrue(soon.reminder_sent)
        self.assertGreaterEqual(expired, 1)
        self.assertGreaterEqual(reminded, 1)
        self.assertEqual(self.Feedback._cron_remind_and_expire(), (0, 0))

    def test_cron_reminds_in_batches(self):
        today = fields.Date.context_today(self.Feedback)
        soon = self.Feedback.browse()
        for reviewer in self.emp_peers[:3]:
            soon |= self._request(reviewer)
        soon.sudo().date_deadline = today + datetime.timedelta(days=1)
        # one reviewer per call; the scheduler calls again while some are left
        counts = [
            self.Feedback._cron_remind_and_expire(batch_size=1)[1] for _call in range(4)
        ]
        self.assertEqual(counts, [1, 1, 1, 0])
        self.assertTrue(all(soon.mapped("reminder_sent")))
        notified = self.env["mail.message"].search(
            [
                ("message_type", "=", "user_notification"),
                ("partner_ids", "in", soon.reviewer_user_id.partner_id.ids),
            ]
        )
        self.assertEqual(notified.partner_ids, soon.reviewer_user_id.partner_id)

    def test_bad_input(self):
        feedback = self._request(self.emp_peer)
        feedback.with_user(self.user_peer).action_start()
        line = feedback.line_ids[0]
        for bad in (6, -1, 7):
            with self.assertRaisesRegex(ValidationError, "between 1 and 5"):
                line.with_user(self.user_peer).rating = bad
        self.assertFalse(line.rating)
        with self.assertRaisesRegex(ValidationError, "already been asked"):
            self._request(self.emp_peer)
        archived = self.emp_peers[2]
        archived.active = False
        with self.assertRaisesRegex(ValidationError, "archived"):
            self._request(archived)
        with self.assertRaisesRegex(ValidationError, "themself"):
            self._request(self.emp_employee, role="peer")
        with self.assertRaisesRegex(ValidationError, "themself"):
            self._request(self.emp_peers[1], role="self")
        self.assertEqual(
            self.Feedback.sudo().search_count(
                [("appraisal_id", "=", self.appraisal.id)]
            ),
            1,
        )
        self._request(self.emp_employee, role="self")

    def test_inserted_requests_match_orm(self):
        """Requests go in by SQL: they must be what create() would give."""
        Feedback = self.env["hr.appraisal.feedback"]
        stored = {
            name
            for name, field in Feedback._fields.items()
            if field.store and field.column_type and name not in models.MAGIC_COLUMNS
        }
        self.assertEqual(
            stored - set(Feedback._INSERTED_FIELDS),
            {
                "appraisal_id",
                "reviewer_id",
                "role",
                "date_deadline",
                # empty on a new request (the comment is not stored here)
                "decline_reason",
                "date_submitted",
            },
            "update _insert_requests (and this list) for the new stored field",
        )
        feedbacks = self._request(self.emp_peer) | self._request(
            self.emp_supervisor, role="supervisor"
        )
        self.assertEqual(self.appraisal.sudo().feedback_ids, feedbacks, "cache reset")
        fnames = list(Feedback._INSERTED_FIELDS)
        snapshot = feedbacks.read(fnames)
        self.assertEqual(snapshot[0]["employee_id"][0], self.emp_employee.id)
        self.assertEqual(snapshot[0]["reviewer_user_id"][0], self.user_peer.id)
        self.assertEqual(feedbacks.create_uid, self.env.user)
        self.env.invalidate_all()
        for fname in fnames:
            if Feedback._fields[fname].compute:
                self.env.add_to_compute(Feedback._fields[fname], feedbacks)
        self.env.flush_all()
        self.assertEqual(feedbacks.read(fnames), snapshot)
        # the same values as create() gives
        created = Feedback.sudo().create(
            {
                "appraisal_id": self.appraisal.id,
                "reviewer_id": self.emp_peers[1].id,
                "role": "peer",
                "date_deadline": "2031-12-15",
            }
        )
        values = created.read(fnames)[0]
        expected = dict(snapshot[0], id=created.id)
        expected["reviewer_user_id"] = self.emp_peers[1].user_id.id
        values["reviewer_user_id"] = values["reviewer_user_id"][0]
        self.assertEqual(values, expected)

    def test_reviewer_activity_values_match_orm(self):
        """The activity's stored values given at create are mail's own."""
        feedback = self._request(self.emp_peer)
        activity = feedback.sudo().activity_ids
        self.assertEqual(activity.user_id, self.user_peer)
        self.assertEqual(activity.summary, "Give 360 feedback")
        fnames = ["res_model", "res_name", "user_tz", "date_done"]
        given = activity.read(fnames)
        self.assertEqual(given[0]["res_name"], "Employee")
        self.env.invalidate_all()
        Activity = self.env["mail.activity"]
        for fname in fnames:
            self.env.add_to_compute(Activity._fields[fname], activity)
        self.env.flush_all()
        self.assertEqual(activity.read(fnames), given)

    def test_reviewer_cannot_change_the_request(self):
        feedback = self._request(self.emp_peer)
        with self.assertRaisesRegex(UserError, "Only HR"):
            feedback.with_user(self.user_peer).write({"role": "other"})
        with self.assertRaisesRegex(UserError, "Only the reviewer"):
            feedback.with_user(self.user_peers_other()).write({"comment": "x"})

    def user_peers_other(self):
        return self.peer_users[1]

    def test_closed_phase_refuses_feedback(self):
        feedback = self._request(self.emp_peer)
        feedback.with_user(self.user_peer).action_start()
        self.cycle.with_user(self.user_hr).action_close_feedback_phase()
        self.assertEqual(feedback.state, "expired")
        with self.assertRaisesRegex(UserError, "closed"):
            self._request(self.emp_peers[1])
        with self.assertRaisesRegex(UserError, "no longer requested|closed"):
            feedback.line_ids[0].with_user(self.user_peer).rating = 3
        with self.assertRaisesRegex(UserError, "already closed"):
            self.cycle.with_user(self.user_hr).action_close_feedback_phase()

    def test_aggregation_on_fixed_data(self):
        """5 peers on M.01: 1, 3, 4, 4, 5 -> median 4, trimmed mean 11/3,
        one outlier (1); 2 subordinates-like 'other' reviewers: not enough;
        the supervisor alone is enough (not anonymous)."""
        self.company.feedback_min_responses = 3
        for reviewer, rating in zip(self.emp_peers, (1, 3, 4, 4, 5), strict=True):
            self._answer(self._request(reviewer), {self.m01: rating, self.m02: 3})
        self._answer(self._request(self.emp_supervisor, "supervisor"), {self.m01: 2})
        for emp in (self.emp_unrelated, self.emp_atasan):
            self._answer(self._request(emp, "other"), {self.m01: 5})
        Aggregate = self.env["hr.appraisal.feedback.aggregate"].sudo()
        self.assertFalse(Aggregate.search([("appraisal_id", "=", self.appraisal.id)]))
        self.assertFalse(self.appraisal.feedback_score)
        self.cycle.with_user(self.user_hr).action_close_feedback_phase()
        aggs = {
            (a.role, a.skill_id): a
            for a in Aggregate.search([("appraisal_id", "=", self.appraisal.id)])
        }
        peer = aggs[("peer", self.m01)]
        self.assertEqual(peer.response_count, 5)
        self.assertTrue(peer.enough)
        self.assertEqual(peer.median, 4.0)
        self.assertAlmostEqual(peer.trimmed_mean, 11 / 3, places=2)
        self.assertEqual(peer.outlier_count, 1)
        self.assertEqual(aggs[("peer", self.m02)].median, 3.0)
        self.assertEqual(aggs[("peer", self.m02)].trimmed_mean, 3.0)
        other = aggs[("other", self.m01)]
        self.assertFalse(other.enough)
        self.assertFalse(other.median)
        self.assertEqual(other.raw_median, 5.0)
        self.assertEqual(other.display_value, "Not enough responses")
        sup = aggs[("supervisor", self.m01)]
        self.assertTrue(sup.enough)
        self.assertEqual(sup.median, 2.0)
        outliers = (
            self.env["hr.appraisal.feedback.line"]
            .sudo()
            .search(
                [
                    ("is_outlier", "=", True),
                    ("feedback_id.appraisal_id", "=", self.appraisal.id),
                ]
            )
        )
        self.assertEqual(outliers.mapped("rating"), [1])
        # overall: mean of enough non-self medians: peer M.01 4, peer M.02 3,
        # supervisor M.01 2 -> 3.0
        self.assertEqual(self.appraisal.feedback_score, 3.0)
        line = self.appraisal.competency_line_ids.filtered(
            lambda line_: line_.skill_id == self.m01
        )
        line = line.with_user(self.user_supervisor)
        self.assertEqual(line.feedback_peer_median, 4.0)
        self.assertIn("4.0 (n=5)", line.feedback_peer_result)
        self.assertEqual(line.feedback_other_result, "Not enough responses")
        self.assertFalse(line.feedback_suggested_level)
        self.company.write(
            {"feedback_weight_peer": 1.0, "feedback_weight_supervisor": 3.0}
        )
        line.invalidate_recordset()
        self.assertEqual(line.feedback_suggested_level, 2.5)
