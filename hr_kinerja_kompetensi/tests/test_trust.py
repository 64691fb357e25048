"""Workflow integrity and "nobody judges themself", over the ORM as each
role's user and over JSON-RPC (issue 13, first step)."""

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import CallKwMixin, KinerjaCommon
from .feedback_common import FeedbackCommon


class TrustCommon(KinerjaCommon):
    """The common chain plus an HR officer who is herself appraised: her
    employee reports to the supervisor and has an appraisal in the cycle."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.emp_hr = cls.env["hr.employee"].create(
            cls._employee_vals("HR Officer", cls.user_hr, cls.emp_supervisor)
        )
        cls._setup_standard_and_jobs()
        cls.emp_hr.job_id = cls.job
        cls._open_cycle_with_appraisals()
        cls.hr_appraisal = cls.cycle.appraisal_ids.filtered(
            lambda a: a.employee_id == cls.emp_hr
        )
        # the supervisor has judged both, nothing is published yet
        for appraisal in cls.appraisal | cls.hr_appraisal:
            mine = appraisal.with_user(cls.user_supervisor)
            mine.competency_line_ids.write({"manager_level": 2})
            mine.write(
                {
                    "work_result_rating": "below",
                    "behavior_rating": "meets",
                    "note": "<p>Catatan pribadi atasan</p>",
                }
            )
        (cls.appraisal | cls.hr_appraisal).sudo().kinerja_state = "supervisor"

    @classmethod
    def _peer_request(cls):
        """A 360 request to the peer about the employee's appraisal."""
        return (
            cls.env["hr.appraisal.feedback"]
            .sudo()
            ._request(
                [
                    {
                        "appraisal_id": cls.appraisal.id,
                        "reviewer_id": cls.emp_peer.id,
                        "role": "peer",
                        "date_deadline": "2031-12-15",
                    }
                ]
            )
        )


@tagged("post_install", "-at_install")
class TestWorkflowIntegrity(TrustCommon):
    def assertRefusedAndUnchanged(self, records, vals):  # noqa: N802
        before = records.sudo().read(list(vals))
        with self.assertRaises(UserError):
            records.write(vals)
        self.assertEqual(records.sudo().read(list(vals)), before)

    def test_appraisee_cannot_publish_or_move_her_appraisal(self):
        mine = self.appraisal.with_user(self.user_employee)
        for vals in (
            {"kinerja_state": "done"},
            {"date_published": "2031-12-01"},
            {"objection_deadline": "2032-12-01"},
            {"cycle_id": False},
            {"date_close": "2032-01-31"},
            {"employee_id": self.emp_peer.id},
        ):
            with self.subTest(vals=vals):
                self.assertRefusedAndUnchanged(mine, vals)
        self.assertEqual(self.appraisal.kinerja_state, "supervisor")
        self.assertFalse(self.appraisal.date_published)

    def test_appraisee_writes_only_her_self_assessment(self):
        mine = self.appraisal.with_user(self.user_employee)
        mine.write({"employee_feedback": "<p>Saya sudah berusaha</p>"})
        self.assertIn("berusaha", self.appraisal.employee_feedback)
        line = self.appraisal.competency_line_ids[0]
        mine.write({"competency_line_ids": [(1, line.id, {"self_level": 3})]})
        self.assertEqual(line.self_level, 3)
        for vals in (
            {"work_result_rating": "above"},
            {"note": "<p>x</p>"},
            {"work_result_line_ids": [(0, 0, {"name": "Target", "target": 1})]},
            {"competency_line_ids": [(2, line.id)]},
            {"competency_line_ids": [(1, line.id, {"manager_level": 5})]},
        ):
            with self.subTest(vals=vals):
                with self.assertRaises(UserError):
                    mine.write(vals)
        self.assertEqual(line.manager_level, 2)
        self.assertEqual(self.appraisal.work_result_rating, "below")
        self.assertFalse(self.appraisal.work_result_line_ids)

    def test_nobody_writes_step_fields_directly(self):
        for user in (self.user_supervisor, self.user_atasan, self.user_hr_admin):
            with self.subTest(user=user.login):
                self.assertRefusedAndUnchanged(
                    self.appraisal.with_user(user), {"kinerja_state": "done"}
                )
                self.assertRefusedAndUnchanged(
                    self.appraisal.with_user(user), {"predicate_override": "baik"}
                )
        with self.assertRaises(UserError):
            self.env["hr.appraisal"].with_user(self.user_hr_admin).create(
                {"employee_id": self.emp_peer.id, "kinerja_state": "done"}
            )

    def test_other_workflows_move_only_through_their_steps(self):
        """Cycle, 360 request and award states: HR included, nobody skips
        a step's checks (closing without its reason, a request answered by
        nobody, an award not approved)."""
        cycle = self.cycle.with_user(self.user_hr_admin)
        with self.assertRaisesRegex(UserError, "workflow buttons"):
            cycle.write({"state": "closed"})
        with self.assertRaises(UserError):
            cycle.action_close()  # appraisals are pending: refused, with the list
        self.assertEqual(self.cycle.state, "open")
        request = self._peer_request()
        for user in (self.user_hr_admin, self.user_peer):
            with self.subTest(user=user.login):
                with self.assertRaises(UserError):
                    request.with_user(user).write({"state": "submitted"})
        self.assertEqual(request.state, "requested")
        award_type = self.env.ref("hr_kinerja_kompetensi.award_type_best_performer")
        Award = self.env["hr.employee.award"].with_user(self.user_hr_admin)
        with self.assertRaisesRegex(UserError, "workflow buttons"):
            Award.create(
                {
                    "employee_id": self.emp_peer.id,
                    "award_type_id": award_type.id,
                    "date": "2031-12-31",
                    "state": "awarded",
                }
            )
        own = Award.sudo().create(
            {
                "employee_id": self.emp_hr.id,
                "award_type_id": award_type.id,
                "date": "2031-12-31",
            }
        )
        with self.assertRaisesRegex(UserError, "own award"):
            own.with_user(self.user_hr).action_approve()
        own.with_user(self.user_hr_admin).action_approve()
        self.assertEqual(own.state, "approved")

    def test_placing_fields_are_hr_only(self):
        self.assertRefusedAndUnchanged(
            self.appraisal.with_user(self.user_supervisor), {"date_close": "2032-01-31"}
        )
        self.appraisal.with_user(self.user_hr_admin).date_close = "2032-01-31"
        self.assertEqual(str(self.appraisal.date_close), "2032-01-31")

    def test_steps_still_work_through_their_buttons(self):
        self.appraisal.with_user(self.user_supervisor).action_mark_done()
        self.assertEqual(self.appraisal.kinerja_state, "done")
        self.assertTrue(self.appraisal.date_published)
        self.appraisal.with_user(self.user_hr_admin).action_reopen("Salah input")
        self.assertEqual(self.appraisal.kinerja_state, "supervisor")


@tagged("post_install", "-at_install")
class TestJudgementWrittenThroughItsAppraisal(TrustCommon):
    def test_nobody_writes_the_judgement_directly(self):
        """Read-only for every user, HR included: the appraisal and its lines
        write it after their own checks (who may assess, closed cycles)."""
        judgement = self.appraisal.sudo().judgement_ids
        level = self.appraisal.sudo().competency_line_ids.judgement_ids[:1]
        self.assertTrue(judgement and level)
        for user in (
            self.user_employee,
            self.user_supervisor,
            self.user_hr,
            self.user_hr_admin,
        ):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    judgement.with_user(user).write({"work_result_rating": "above"})
                with self.assertRaises(AccessError):
                    level.with_user(user).write({"manager_level": 5})
                with self.assertRaises(AccessError):
                    judgement.with_user(user).unlink()
                with self.assertRaises(AccessError):
                    self.env["hr.appraisal.judgement"].with_user(user).create(
                        {"appraisal_id": self.peer_appraisal.id}
                    )
        self.assertEqual(judgement.work_result_rating, "below")

    def test_the_supervisor_writes_through_the_appraisal(self):
        mine = self.appraisal.with_user(self.user_supervisor)
        mine.write({"work_result_rating": "above", "behavior_rating": "above"})
        first, second = mine.competency_line_ids[:2]
        first.manager_level = 5
        judgement = self.appraisal.sudo().judgement_ids
        self.assertEqual(judgement.predicate, "sangat_baik")
        self.assertEqual(first.sudo().judgement_ids.manager_level, 5)
        self.assertEqual(judgement.write_uid, self.user_supervisor)
        # a level out of range is refused, with nothing written
        with self.assertRaises(ValidationError):
            second.manager_level = 7
        self.assertEqual(second.sudo().judgement_ids.manager_level, 2)
        # the appraisee's own attempt is refused by the appraisal's checks
        with self.assertRaises(UserError):
            first.with_user(self.user_employee).manager_level = 1


@tagged("post_install", "-at_install")
class TestNobodyJudgesThemself(TrustCommon):
    """An HR officer who is appraised is an ordinary appraisee there."""

    def test_hr_reads_her_own_unpublished_judgement_as_empty(self):
        own = self.hr_appraisal.with_user(self.user_hr)
        values = own.read(["predicate", "work_result_rating", "note"])[0]
        self.assertFalse(values["predicate"] or values["work_result_rating"])
        self.assertFalse(values["note"])
        Appraisal = self.env["hr.appraisal"].with_user(self.user_hr)
        self.assertNotIn(own, Appraisal.search([("predicate", "!=", False)]))
        # where the judgement is stored, the rules keep hers out of her reach
        Judgement = self.env["hr.appraisal.judgement"].with_user(self.user_hr)
        self.assertTrue(self.hr_appraisal.sudo().judgement_ids)
        self.assertFalse(Judgement.search([("appraisal_id", "=", own.id)]))
        groups = Judgement.read_group(
            [("appraisal_id", "=", own.id)], ["predicate"], ["predicate"], lazy=False
        )
        self.assertFalse(groups)
        # ... while she still reads those of others, as HR
        other = self.appraisal.with_user(self.user_hr)
        self.assertEqual(other.predicate, "butuh_perbaikan")
        # but not the supervisor's private note: it is its author's alone
        self.assertFalse(other.note)
        self.assertTrue(self.appraisal.with_user(self.user_supervisor).note)

    def test_hr_gets_nothing_of_her_own_through_export_or_onchange(self):
        self.user_hr.groups_id += self.env.ref("base.group_allow_export")
        own = self.hr_appraisal.with_user(self.user_hr)
        rows = own.export_data(
            ["predicate", "competency_line_ids/manager_level", "note"]
        )["datas"]
        self.assertFalse(any(row[0] or row[2] for row in rows))
        self.assertEqual({row[1] for row in rows}, {False})
        via_line = own.competency_line_ids.export_data(["appraisal_id/predicate"])
        self.assertLessEqual({row[0] for row in via_line["datas"]}, {False, ""})
        spec = {"predicate": {}, "note": {}, "work_result_rating": {}}
        probe = own.onchange({"behavior_rating": "above"}, ["behavior_rating"], spec)[
            "value"
        ]
        self.assertFalse(probe.get("predicate") or probe.get("work_result_rating"))
        # the same export of a colleague's appraisal has the values
        other = self.appraisal.with_user(self.user_hr).export_data(["predicate"])
        self.assertEqual(other["datas"], [["Butuh Perbaikan"]])

    def test_hr_cannot_rate_reopen_or_calibrate_herself(self):
        own = self.hr_appraisal.with_user(self.user_hr)
        with self.assertRaises(UserError):
            own.write({"work_result_rating": "above"})
        with self.assertRaises(UserError):
            own.competency_line_ids[:1].write({"manager_level": 5})
        self.assertEqual(self.hr_appraisal.work_result_rating, "below")
        self.hr_appraisal.with_user(self.user_supervisor).action_mark_done()
        with self.assertRaises(UserError):
            own.action_reopen("Saya tidak setuju")
        self.assertEqual(self.hr_appraisal.kinerja_state, "done")
        self.cycle.sudo().state = "calibration"
        with self.assertRaises(UserError):
            own._calibrate("sangat_baik", "Saya pantas")
        self.assertEqual(self.hr_appraisal.predicate, "butuh_perbaikan")
        # another HR officer can
        self.hr_appraisal.with_user(self.user_hr_admin)._calibrate("baik", "Kalibrasi")
        self.assertEqual(self.hr_appraisal.predicate, "baik")

    def test_hr_reads_no_own_talent_review_nor_own_predicate_log_early(self):
        Talent = self.env["hr.employee.talent"]
        talent = Talent.create(
            {"employee_id": self.emp_hr.id, "year": 2031, "potential": "high"}
        )
        self.assertFalse(
            Talent.with_user(self.user_hr).search([("id", "=", talent.id)])
        )
        with self.assertRaises(AccessError):
            talent.with_user(self.user_hr).read(["potential"])
        self.assertTrue(Talent.with_user(self.user_hr_admin).search([]))
        self.cycle.sudo().state = "calibration"
        self.hr_appraisal.with_user(self.user_hr_admin)._calibrate("baik", "Kalibrasi")
        Log = self.env["hr.appraisal.predicate.log"].with_user(self.user_hr)
        self.assertFalse(Log.search([("appraisal_id", "=", self.hr_appraisal.id)]))
        # nor the changed predicate itself (an HR-only field) on her appraisal
        own = self.hr_appraisal.with_user(self.user_hr)
        self.assertFalse(own.read(["predicate_override"])[0]["predicate_override"])
        self.assertEqual(self.hr_appraisal.predicate_override, "baik")

    def test_hr_export_leaves_her_own_row_out(self):
        wizard = (
            self.env["hr.appraisal.export"]
            .with_user(self.user_hr)
            .create({"cycle_id": self.cycle.id, "include_pending": True})
        )
        report = self.env[
            "report.hr_kinerja_kompetensi.appraisal_export_xlsx"
        ].with_user(self.user_hr)
        choices = report._export_choices(wizard._report_data(), self.cycle)
        employees = (
            self.env["hr.appraisal"]
            .search(report._appraisal_domain(choices))
            .employee_id
        )
        self.assertIn(self.emp_employee, employees)
        self.assertNotIn(self.emp_hr, employees)


@tagged("post_install", "-at_install")
class TestOrderingOracle(TrustCommon):
    def test_appraisee_cannot_sort_by_the_supervisor_levels(self):
        self.appraisal.competency_line_ids[:3].manager_level = 4
        Line = self.env["hr.appraisal.competency"].with_user(self.user_employee)
        domain = [("appraisal_id", "=", self.appraisal.id)]
        self.assertEqual(len(Line.search(domain)), 9)
        # not stored on the line: sorting by it is refused to everybody
        for order in ("manager_level desc", "gap, id", "id, manager_level"):
            for Model in (Line, Line.sudo()):
                with self.subTest(order=order, su=Model.env.su):
                    with self.assertRaises(ValueError):
                        Model.search(domain, order=order)
        # where it is stored, the rules give the appraisee nothing to sort
        Levels = self.env["hr.appraisal.competency.judgement"]
        self.assertFalse(
            Levels.with_user(self.user_employee).search(
                domain, order="manager_level desc"
            )
        )
        # the supervisor sorts freely
        theirs = (
            Levels.with_user(self.user_supervisor)
            .search(domain, order="manager_level desc, id")
            .line_id
        )
        self.assertEqual(theirs[:3], self.appraisal.competency_line_ids[:3])


@tagged("post_install", "-at_install")
class TestRawCommentsStayWithTheirAuthor(FeedbackCommon):
    def test_grouping_by_comment_gives_nobody_the_peers_words(self):
        requests = self.env["hr.appraisal.feedback"]
        for emp in self.emp_peers[:3]:
            requests |= self._request(emp)
        for request in requests:
            request.with_user(
                request.reviewer_user_id
            ).comment = f"Komentar rahasia {request.reviewer_id.name}"
        domain = [("appraisal_id", "=", self.appraisal.id)]
        # the comment is not stored on the request: the ORM itself refuses to
        # group, aggregate or sort by it, for everybody, the author included
        author = requests[0].reviewer_user_id
        for user in (self.user_supervisor, self.user_hr, self.user_hr_admin, author):
            Feedback = self.env["hr.appraisal.feedback"].with_user(user)
            with self.subTest(user=user.login):
                # the author reaches only her own request
                self.assertEqual(
                    len(Feedback.search(domain)), 1 if user == author else 3
                )
                with self.assertRaises(ValueError):
                    Feedback.read_group(
                        domain, ["comment"], ["reviewer_id", "comment"], lazy=False
                    )
                with self.assertRaises(ValueError):
                    Feedback.web_read_group(
                        domain, ["comment:array_agg"], ["reviewer_id"]
                    )
                with self.assertRaises(ValueError):
                    Feedback.search(domain, order="comment")
                # and where the comments are kept, the rules leave only one's own
                Comment = self.env["hr.appraisal.feedback.comment"].with_user(user)
                [(bodies,)] = Comment._read_group(
                    [("feedback_id", "in", requests.ids)], [], ["body:array_agg"]
                )
                mine = requests.filtered(lambda r, u=user: r.reviewer_user_id == u)
                self.assertEqual(bodies or [], mine.mapped("comment"))


@tagged("post_install", "-at_install")
class TestTrustOverRpc(CallKwMixin, TrustCommon, HttpCase):
    """The refusals hold on /web/dataset/call_kw, as a user would try them."""

    def test_appraisee_cannot_publish_her_appraisal_over_rpc(self):
        self.authenticate("hkk_employee", "hkk_employee")

        def call(method, args, kwargs=None):
            return self._call("hr.appraisal", method, args, kwargs)

        with mute_logger("odoo.http"):  # the refusals are logged as warnings
            answer = call("write", [[self.appraisal.id], {"kinerja_state": "done"}])
            self.assertIn("error", answer)
            self.assertIn("workflow", answer["error"]["data"]["message"])
            answer = call("write", [[self.appraisal.id], {"cycle_id": False}])
            self.assertIn("error", answer)
        answer = call(
            "read", [[self.appraisal.id], ["kinerja_state", "predicate", "note"]]
        )
        self.assertEqual(
            answer["result"][0],
            {
                "id": self.appraisal.id,
                "kinerja_state": "supervisor",
                "predicate": False,
                "note": False,
            },
        )
        self.appraisal.invalidate_recordset()
        self.assertEqual(self.appraisal.kinerja_state, "supervisor")
        self.assertTrue(self.appraisal.cycle_id)

    def test_the_judgement_over_rpc(self):
        """As the appraisee and the appraised HR officer would try it on their
        own unpublished appraisal: the judgement model gives nothing, the
        appraisal's fields read empty, grouping or sorting by them is
        refused, a search answers on what they read."""
        for login, appraisal in (
            ("hkk_employee", self.appraisal),
            ("hkk_hr", self.hr_appraisal),
        ):
            with self.subTest(login=login):
                self.authenticate(login, login)
                mine = [["appraisal_id", "=", appraisal.id]]
                found = self._call(
                    "hr.appraisal.judgement",
                    "search_read",
                    [mine, ["predicate", "work_result_rating"]],
                )
                self.assertEqual(found["result"], [])
                grouped = self._call(
                    "hr.appraisal.judgement",
                    "web_read_group",
                    [mine, ["predicate:array_agg"], ["appraisal_id"]],
                )
                self.assertEqual(grouped["result"]["groups"], [])
                levels = self._call(
                    "hr.appraisal.competency.judgement",
                    "search_read",
                    [mine, ["manager_level"]],
                    {"order": "manager_level desc"},
                )
                self.assertEqual(levels["result"], [])
                read = self._call(
                    "hr.appraisal",
                    "read",
                    [
                        [appraisal.id],
                        ["predicate", "behavior_rating", "manager_feedback"],
                    ],
                )
                self.assertFalse(
                    [v for k, v in read["result"][0].items() if k != "id" and v]
                )
                with mute_logger("odoo.http"):
                    refused = self._call(
                        "hr.appraisal",
                        "web_read_group",
                        [[["id", "=", appraisal.id]], ["id:count"], ["predicate"]],
                    )
                self.assertIn("error", refused)
                found = self._call(
                    "hr.appraisal",
                    "search",
                    [[["id", "=", appraisal.id], ["predicate", "!=", False]]],
                )
                self.assertEqual(found["result"], [])
                self.assertTrue(appraisal.sudo().predicate, "there is one to hide")


@tagged("post_install", "-at_install")
class TestAssessedLevelsStayPrivate(TrustCommon):
    """The levels written back to hr_skills are read by the employee, the
    chain above them and HR, not by a colleague of another unit."""

    def test_written_back_levels_and_their_history(self):
        self.appraisal.with_user(self.user_supervisor).action_mark_done()
        mine = [("employee_id", "=", self.emp_employee.id)]
        Skill = self.env["hr.employee.skill"]
        self.assertEqual(len(Skill.search(mine)), 9)
        language = self.env["hr.skill.type"].create(
            {
                "name": "Bahasa",
                "skill_ids": [(0, 0, {"name": "Inggris"})],
                "skill_level_ids": [(0, 0, {"name": "Dasar", "level_progress": 10})],
            }
        )
        Skill.create(
            {
                "employee_id": self.emp_employee.id,
                "skill_type_id": language.id,
                "skill_id": language.skill_ids.id,
                "skill_level_id": language.skill_level_ids.id,
            }
        )
        Log = self.env["hr.employee.skill.log"]
        for user, competencies in (
            (self.user_employee, 9),
            (self.user_supervisor, 9),
            (self.user_atasan, 9),
            (self.user_hr, 9),
            (self.user_peer, 0),
            (self.user_unrelated, 0),
        ):
            with self.subTest(user=user.login):
                skills = Skill.with_user(user).search(mine)
                self.assertEqual(
                    len(skills.filtered("skill_type_id.competency_family")),
                    competencies,
                )
                # other skill types keep hr_skills' read-for-all
                self.assertIn(language, skills.skill_type_id)
                history = Log.with_user(user).search(mine)
                self.assertEqual(
                    len(history.filtered("skill_type_id.competency_family")),
                    competencies,
                )
                groups = Skill.with_user(user).read_group(
                    mine, ["skill_level_id"], ["skill_level_id"]
                )
                self.assertEqual(
                    sum(g["skill_level_id_count"] for g in groups), competencies + 1
                )
