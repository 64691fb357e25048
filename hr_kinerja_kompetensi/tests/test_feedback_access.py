from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .feedback_common import FeedbackCommon


@tagged("post_install", "-at_install")
class TestFeedbackAnonymity(FeedbackCommon):
    """Anonymity over RPC-style reads, as each role's user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.fb_peer = cls._request_cls(cls.emp_peer)
        cls.fb_peer2 = cls._request_cls(cls.emp_peers[1])
        cls.fb_peer3 = cls._request_cls(cls.emp_peers[2])
        cls.fb_supervisor = cls._request_cls(cls.emp_supervisor, "supervisor")
        cls.fb_self = cls._request_cls(cls.emp_employee, "self")
        cls.all_fb = cls.fb_peer | cls.fb_peer2 | cls.fb_peer3 | cls.fb_supervisor

    @classmethod
    def _request_cls(cls, reviewer, role="peer"):
        return (
            cls.env["hr.appraisal.feedback"]
            .sudo()
            ._request(
                [
                    {
                        "appraisal_id": cls.appraisal.id,
                        "reviewer_id": reviewer.id,
                        "role": role,
                        "date_deadline": "2031-12-15",
                    }
                ]
            )
        )

    def _answer_all(self):
        for feedback in self.all_fb | self.fb_self:
            self._answer(feedback, {self.m01: 4})

    def _feedback_as(self, user):
        return self.env["hr.appraisal.feedback"].with_user(user)

    def test_appraisee_never_sees_reviewers(self):
        self._answer_all()
        Feedback = self._feedback_as(self.user_employee)
        # only their own self-review, never the others
        found = Feedback.search_read(
            [("appraisal_id", "=", self.appraisal.id)], ["reviewer_id"]
        )
        self.assertEqual([r["id"] for r in found], self.fb_self.ids)
        appraisal = self.appraisal.with_user(self.user_employee)
        self.assertEqual(
            appraisal.read(["feedback_ids"])[0]["feedback_ids"], self.fb_self.ids
        )
        web = appraisal.web_read(
            {
                "feedback_ids": {
                    "fields": {"reviewer_id": {"fields": {"display_name": {}}}}
                }
            }
        )
        self.assertEqual([r["id"] for r in web[0]["feedback_ids"]], self.fb_self.ids)
        exported = appraisal.export_data(["feedback_ids/reviewer_id"])["datas"]
        names = {row[0] for row in exported}
        self.assertNotIn("Peer", names)
        self.assertNotIn("Supervisor", names)
        with self.assertRaises(AccessError):
            self.fb_peer.with_user(self.user_employee).read(["reviewer_id"])
        # no raw ratings of the others either
        Line = self.env["hr.appraisal.feedback.line"].with_user(self.user_employee)
        self.assertEqual(set(Line.search([]).feedback_id.ids), set(self.fb_self.ids))
        # searching by reviewer reveals nothing
        self.assertEqual(
            Feedback.search_count([("reviewer_id", "=", self.emp_peer.id)]), 0
        )

    def test_reviewer_sees_only_own_requests_and_ratings(self):
        self._answer_all()
        found = self._feedback_as(self.user_peer).search_read(
            [], ["employee_id", "state"]
        )
        self.assertEqual([r["id"] for r in found], self.fb_peer.ids)
        with self.assertRaises(AccessError):
            self.fb_peer2.with_user(self.user_peer).read(["comment"])
        Line = self.env["hr.appraisal.feedback.line"]
        mine = Line.with_user(self.user_peer).search_read([], ["rating", "feedback_id"])
        self.assertEqual({r["feedback_id"][0] for r in mine}, set(self.fb_peer.ids))
        with self.assertRaises(AccessError):
            self.fb_peer2.line_ids.with_user(self.user_peer).read(["rating"])
        # another peer: the same for them
        other = self.peer_users[1]
        self.assertEqual(
            self._feedback_as(other).search([]), self.fb_peer2.with_user(other)
        )
        exported = (
            self._feedback_as(other)
            .search([])
            .export_data(["reviewer_id", "line_ids/rating"])["datas"]
        )
        self.assertTrue(all(row[0] in ("Peer 2", "") for row in exported))

    def test_supervisor_sees_requests_not_raw_ratings(self):
        self._answer_all()
        Feedback = self._feedback_as(self.user_supervisor)
        found = Feedback.search([("appraisal_id", "=", self.appraisal.id)])
        self.assertEqual(set(found.ids), set((self.all_fb | self.fb_self).ids))
        # the supervisor's own rating lines only
        Line = self.env["hr.appraisal.feedback.line"].with_user(self.user_supervisor)
        self.assertEqual(
            set(Line.search([]).feedback_id.ids), set(self.fb_supervisor.ids)
        )
        exported = found.export_data(["reviewer_id", "line_ids/rating"])["datas"]
        ratings = [row[1] for row in exported if row[1] not in ("", False)]
        self.assertEqual(len(ratings), 1)  # their own single M.01 rating
        with self.assertRaises(AccessError):
            self.fb_peer.line_ids.with_user(self.user_supervisor).read(["rating"])

    def test_comments_readable_by_author_only(self):
        self.fb_peer.with_user(self.user_peer).comment = "Rajin membantu"
        self._answer_all()
        own = self.fb_peer.with_user(self.user_peer).read(["comment"])
        self.assertEqual(own[0]["comment"], "Rajin membantu")
        for user in (self.user_supervisor, self.user_hr, self.user_hr_admin):
            feedback = self.fb_peer.with_user(user)
            self.assertFalse(feedback.read(["comment"])[0]["comment"])
            self.assertFalse(
                feedback.search_read([("id", "=", feedback.id)], ["comment"])[0][
                    "comment"
                ]
            )
            [[exported]] = feedback.export_data(["comment"])["datas"]
            self.assertFalse(exported)
            # kept where only the rules reach it: not searchable at all
            with self.assertRaisesRegex(UserError, "cannot be searched"):
                feedback.search([("comment", "ilike", "Rajin")])
            Comment = self.env["hr.appraisal.feedback.comment"].with_user(user)
            self.assertFalse(Comment.search([]))
            [(bodies,)] = Comment._read_group([], [], ["body:array_agg"])
            self.assertFalse(bodies)
        self.fb_peer.with_user(self.user_hr_admin).action_audit_responses()
        audited = self.fb_peer.with_user(self.user_hr_admin)
        self.assertEqual(audited.read(["comment"])[0]["comment"], "Rajin membantu")

    def test_supervisor_own_appraisal_hidden(self):
        """The supervisor's own appraisal: they never see who reviews them."""
        sup_appraisal = self.cycle.appraisal_ids.filtered(
            lambda a: a.employee_id == self.emp_supervisor
        )
        feedback = self._request(self.emp_peers[3], appraisal=sup_appraisal)
        self.assertFalse(
            self._feedback_as(self.user_supervisor).search([("id", "=", feedback.id)])
        )

    def test_hr_officer_and_admin(self):
        self._answer_all()
        Line = self.env["hr.appraisal.feedback.line"]
        self.assertEqual(
            self._feedback_as(self.user_hr).search_count(
                [("appraisal_id", "=", self.appraisal.id)]
            ),
            5,
        )
        self.assertFalse(Line.with_user(self.user_hr).search([]))
        with self.assertRaisesRegex(UserError, "Only an HR admin"):
            self.fb_peer.with_user(self.user_hr).action_audit_responses()
        # the HR admin reads nothing until the logged access
        admin_lines = Line.with_user(self.user_hr_admin)
        self.assertFalse(admin_lines.search([]))
        action = self.fb_peer.with_user(self.user_hr_admin).action_audit_responses()
        audit = self.env["hr.appraisal.feedback.audit"].search(
            [("feedback_id", "=", self.fb_peer.id)]
        )
        self.assertEqual(audit.user_id, self.user_hr_admin)
        self.assertTrue(audit.date)
        visible = admin_lines.search(action["domain"])
        self.assertEqual(
            visible.feedback_id, self.fb_peer.with_user(self.user_hr_admin)
        )
        self.assertEqual(sorted(visible.filtered("rating").mapped("rating")), [4])
        # the other responses stay closed
        self.assertFalse(admin_lines.search([("feedback_id", "=", self.fb_peer2.id)]))
        # the audit log is not readable by HR officers
        with self.assertRaises(AccessError):
            self.env["hr.appraisal.feedback.audit"].with_user(self.user_hr).search([])

    def test_aggregates_released_together_and_thresholds(self):
        self._answer_all()
        Aggregate = self.env["hr.appraisal.feedback.aggregate"]
        for user in (
            self.user_supervisor,
            self.user_hr,
            self.user_hr_admin,
            self.user_employee,
        ):
            self.assertFalse(Aggregate.with_user(user).search([]))
        self.cycle.with_user(self.user_hr).action_close_feedback_phase()
        sup_view = Aggregate.with_user(self.user_supervisor).search_read(
            [("appraisal_id", "=", self.appraisal.id), ("skill_id", "=", self.m01.id)],
            ["role", "median", "enough", "display_value"],
        )
        by_role = {r["role"]: r for r in sup_view}
        self.assertEqual(by_role["peer"]["median"], 4.0)  # 3 peers: enough
        self.assertEqual(by_role["supervisor"]["median"], 4.0)
        with self.assertRaises(AccessError):
            Aggregate.with_user(self.user_supervisor).search([]).read(["raw_median"])
        # the appraisee: nothing until the appraisal is done
        self.assertFalse(Aggregate.with_user(self.user_employee).search([]))
        line = self.appraisal.competency_line_ids.filtered(
            lambda line_: line_.skill_id == self.m01
        )
        self.assertFalse(
            line.with_user(self.user_employee).read(["feedback_peer_result"])[0][
                "feedback_peer_result"
            ]
        )
        self.assertIn("n=3", line.with_user(self.user_supervisor).feedback_peer_result)
        # peers never read aggregates of a colleague
        self.assertFalse(Aggregate.with_user(self.user_peer).search([]))
        self.assertFalse(
            self.appraisal.with_user(self.user_employee).read(["feedback_score"])[0][
                "feedback_score"
            ]
        )

    def test_below_threshold_shows_not_enough(self):
        for feedback in self.fb_peer | self.fb_peer2 | self.fb_supervisor:
            self._answer(feedback, {self.m01: 5})
        self.cycle.with_user(self.user_hr).action_close_feedback_phase()
        line = self.appraisal.competency_line_ids.filtered(
            lambda line_: line_.skill_id == self.m01
        )
        line = line.with_user(self.user_supervisor)
        self.assertEqual(line.feedback_peer_result, "Not enough responses")
        self.assertFalse(line.feedback_peer_median)
        agg = (
            self.env["hr.appraisal.feedback.aggregate"]
            .with_user(self.user_hr)
            .search(
                [
                    ("role", "=", "peer"),
                    ("skill_id", "=", self.m01.id),
                    ("appraisal_id", "=", self.appraisal.id),
                ]
            )
        )
        self.assertEqual(agg.read(["median", "response_count"])[0]["median"], 0.0)
        self.assertEqual(agg.response_count, 2)
        self.assertEqual(agg.with_user(self.user_hr_admin).raw_median, 5.0)
