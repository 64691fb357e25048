"""One supervision scope (hr.employee.in_my_supervision) and acting
appraisers (Plt/Plh), as each role's user and over JSON-RPC (issue 13,
point 4)."""

import datetime

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import CallKwMixin
from .test_trust import TrustCommon


class ScopeCommon(TrustCommon):
    """TrustCommon's chain (atasan > supervisor > employee, peer, HR officer)
    and the unrelated supervisor, who reports to the atasan, as candidate
    acting appraiser."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.emp_unrelated.parent_id = cls.emp_atasan
        cls.today = fields.Date.context_today(cls.env["hr.employee"])
        # covers today (rights) and the 2031 cycle's assessment (the PPK)
        cls.until = datetime.date(2031, 12, 31)
        cls.Acting = cls.env["hr.acting.appraiser"]

    def _acting(self, appraiser, **vals):
        return self.Acting.create(
            {
                "appraiser_id": appraiser.id,
                "kind": "plt",
                "reason": "dispute",
                "scope": "employee",
                "date_start": self.today,
                "date_end": self.until,
                **vals,
            }
        )

    def _scope_of(self, user):
        return (
            self.env["hr.employee"]
            .with_user(user)
            .search([("in_my_supervision", "=", True)])
        )


@tagged("post_install", "-at_install")
class TestOneScope(ScopeCommon):
    def test_scope_is_the_chain_below_and_never_oneself(self):
        chain_below_supervisor = self.emp_employee | self.emp_peer | self.emp_hr
        self.assertEqual(self._scope_of(self.user_supervisor), chain_below_supervisor)
        self.assertEqual(
            self._scope_of(self.user_atasan),
            chain_below_supervisor | self.emp_supervisor | self.emp_unrelated,
        )
        self.assertFalse(self._scope_of(self.user_employee))
        # HR reads everyone, but her scope (what she appraises as a
        # supervisor would) is empty and never holds herself
        self.assertFalse(self._scope_of(self.user_hr))
        # the negation is the complement, the user's own employee included
        others = (
            self.env["hr.employee"]
            .with_user(self.user_supervisor)
            .search(
                [
                    ("in_my_supervision", "=", False),
                    ("id", "in", (self.emp_supervisor | self.emp_employee).ids),
                ]
            )
        )
        self.assertEqual(others, self.emp_supervisor)

    def test_scope_follows_the_chain_when_it_changes(self):
        self.emp_peer.parent_id = self.emp_unrelated
        self.assertNotIn(self.emp_peer, self._scope_of(self.user_supervisor))
        self.assertIn(self.emp_peer, self._scope_of(self.user_unrelated))
        self.assertIn(self.emp_peer, self._scope_of(self.user_atasan))

    def test_the_computed_flag_agrees_with_the_search(self):
        employees = self.emp_employee | self.emp_peer | self.emp_supervisor
        flags = employees.with_user(self.user_supervisor).mapped("in_my_supervision")
        self.assertEqual(flags, [True, True, False])
        appraisals = (self.appraisal | self.hr_appraisal).with_user(
            self.user_supervisor
        )
        self.assertEqual(appraisals.mapped("in_my_supervision"), [True, True])
        self.assertEqual(
            self.appraisal.with_user(self.user_employee).in_my_supervision, False
        )


@tagged("post_install", "-at_install")
class TestActingAppraiser(ScopeCommon):
    def test_the_ppk_is_the_direct_supervisor_without_assignment(self):
        self.assertEqual(self.appraisal.appraiser_id, self.emp_supervisor)
        self.assertEqual(self.appraisal.atasan_ppk_id, self.emp_atasan)
        self.assertFalse(self.appraisal.acting_appraiser_id)

    def test_acting_appraiser_becomes_the_ppk_and_assesses(self):
        acting = self._acting(self.emp_unrelated, employee_ids=self.emp_employee.ids)
        self.assertEqual(self.appraisal.appraiser_id, self.emp_unrelated)
        self.assertEqual(self.appraisal.acting_appraiser_id, acting)
        self.assertEqual(self.appraisal.atasan_ppk_id, self.emp_atasan)
        self.assertEqual(self.peer_appraisal.appraiser_id, self.emp_supervisor)
        self.assertEqual(self._scope_of(self.user_unrelated), self.emp_employee)
        # the acting appraiser reads and assesses the appraisal...
        as_acting = self.appraisal.with_user(self.user_unrelated)
        self.assertEqual(
            as_acting.read(["work_result_rating"])[0]["work_result_rating"], "below"
        )
        as_acting.write({"work_result_rating": "meets"})
        self.assertEqual(self.appraisal.work_result_rating, "meets")
        # ...but nobody else's
        with self.assertRaises(AccessError):
            self.peer_appraisal.with_user(self.user_unrelated).read(["employee_id"])
        # the supervisor in the dispute keeps reading, but no longer assesses
        as_supervisor = self.appraisal.with_user(self.user_supervisor)
        as_supervisor.read(["work_result_rating"])
        for user in (self.user_supervisor, self.user_atasan):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.appraisal.with_user(user).write({"work_result_rating": "above"})
        self.assertEqual(self.appraisal.work_result_rating, "meets")
        # the activities and the to-do filter follow the PPK
        mine = (
            self.env["hr.appraisal"]
            .with_user(self.user_unrelated)
            .search([("appraiser_id.user_id", "=", self.user_unrelated.id)])
        )
        self.assertEqual(mine, self.appraisal)

    def test_the_acting_appraiser_reads_the_rest_of_the_appraisal(self):
        self._acting(self.emp_unrelated, employee_ids=self.emp_employee.ids)
        lines = self.appraisal.competency_line_ids.with_user(self.user_unrelated)
        self.assertEqual(set(lines.mapped("manager_level")), {2})
        self.appraisal.with_user(self.user_unrelated).action_mark_done()
        self.assertEqual(self.appraisal.kinerja_state, "done")

    def test_ending_the_assignment_gives_the_appraisal_back(self):
        acting = self._acting(self.emp_unrelated, employee_ids=self.emp_employee.ids)
        acting.with_user(self.user_hr_admin).unlink()
        self.assertEqual(self.appraisal.appraiser_id, self.emp_supervisor)
        self.assertFalse(self._scope_of(self.user_unrelated))
        with self.assertRaises(AccessError):
            self.appraisal.with_user(self.user_unrelated).read(["employee_id"])
        self.appraisal.with_user(self.user_supervisor).write(
            {"work_result_rating": "above"}
        )

    def test_an_assignment_outside_the_period_changes_nothing(self):
        self._acting(
            self.emp_unrelated,
            employee_ids=self.emp_employee.ids,
            date_end=self.today,
        )
        # in force today (rights), but the 2031 cycle is assessed later
        self.assertEqual(self.appraisal.appraiser_id, self.emp_supervisor)
        self.assertIn(self.emp_employee, self._scope_of(self.user_unrelated))

    def test_the_scope_follows_the_dates_of_the_assignment(self):
        tomorrow = self.today + datetime.timedelta(days=1)
        self._acting(
            self.emp_unrelated,
            employee_ids=self.emp_employee.ids,
            date_start=tomorrow,
            date_end=tomorrow + datetime.timedelta(days=2),
        )
        self.assertFalse(self._scope_of(self.user_unrelated))
        with freeze_time(tomorrow):
            self.Acting._cron_follow_dates()
            self.assertEqual(self._scope_of(self.user_unrelated), self.emp_employee)
        with freeze_time(tomorrow + datetime.timedelta(days=3)):
            self.Acting._cron_follow_dates()
            self.assertFalse(self._scope_of(self.user_unrelated))
            self.assertIn(self.emp_employee, self._scope_of(self.user_supervisor))

    def test_a_published_appraisal_keeps_its_ppk(self):
        self.appraisal.with_user(self.user_supervisor).action_mark_done()
        self._acting(self.emp_unrelated, employee_ids=self.emp_employee.ids)
        self.emp_employee.parent_id = self.emp_atasan
        self.assertEqual(self.appraisal.appraiser_id, self.emp_supervisor)

    def test_unit_assignment_covers_the_unit_but_not_its_head(self):
        unit = self.env["hr.department"].create({"name": "Bidang Kinerja"})
        (self.emp_supervisor | self.emp_employee | self.emp_peer).department_id = unit
        unit.manager_id = self.emp_supervisor
        # hr sets the manager as everybody's parent: keep the chain as it was
        self.emp_supervisor.parent_id = self.emp_atasan
        (self.emp_employee | self.emp_peer).parent_id = self.emp_supervisor
        # the peer is Plh while the head (the supervisor) is on leave
        self._acting(
            self.emp_peer,
            scope="department",
            department_id=unit.id,
            kind="plh",
            reason="leave",
        )
        self.assertEqual(self.appraisal.appraiser_id, self.emp_peer)
        # the Plh stands in for the head: the atasan PPK is the head's supervisor
        self.assertEqual(self.appraisal.atasan_ppk_id, self.emp_atasan)
        # the Plh is not her own appraiser, nor her head's
        self.assertEqual(self.peer_appraisal.appraiser_id, self.emp_supervisor)
        self.assertEqual(self._scope_of(self.user_peer), self.emp_employee)

    def test_objection_goes_to_the_atasan_of_the_acting_ppk(self):
        head = self.env["hr.employee"].create(self._employee_vals("Kepala Dinas"))
        self.emp_unrelated.parent_id = head
        self._acting(self.emp_unrelated, employee_ids=self.emp_employee.ids)
        self.assertEqual(self.appraisal.atasan_ppk_id, head)
        self.appraisal.with_user(self.user_unrelated).action_mark_done()
        objection = (
            self.env["hr.appraisal.objection"]
            .with_user(self.user_employee)
            .create({"appraisal_id": self.appraisal.id, "reason": "Target tercapai"})
        )
        self.assertEqual(objection.decider_id, head)


@tagged("post_install", "-at_install")
class TestActingAppraiserRules(ScopeCommon):
    def test_only_hr_assigns(self):
        for user in (self.user_employee, self.user_supervisor, self.user_atasan):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.Acting.with_user(user).create(
                    {
                        "appraiser_id": self.emp_unrelated.id,
                        "scope": "employee",
                        "employee_ids": self.emp_employee.ids,
                        "date_start": self.today,
                        "date_end": self.until,
                    }
                )
        acting = self.Acting.with_user(self.user_hr_admin).create(
            {
                "appraiser_id": self.emp_unrelated.id,
                "scope": "employee",
                "employee_ids": self.emp_peer.ids,
                "date_start": self.today,
                "date_end": self.until,
            }
        )
        # who the Plt/Plh is, is public inside the agency
        self.assertEqual(
            acting.with_user(self.user_employee).read(["appraiser_id"])[0][
                "appraiser_id"
            ][0],
            self.emp_unrelated.id,
        )
        with self.assertRaises(AccessError):
            acting.with_user(self.user_unrelated).write({"date_end": "2040-01-01"})
        # why (a dispute, a leave) is HR's alone, on every path
        for user in (self.user_employee, self.user_unrelated, self.user_atasan):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    acting.with_user(user).read(["reason"])
                with self.assertRaises(AccessError):
                    self.Acting.with_user(user).search([("reason", "=", "dispute")])
        self.assertEqual(
            acting.with_user(self.user_hr).read(["reason"])[0]["reason"], "vacant"
        )

    def test_hr_does_not_choose_her_own_appraiser(self):
        Acting = self.Acting.with_user(self.user_hr)
        before = self.Acting.search_count([])
        for vals in (
            {"employee_ids": self.emp_hr.ids, "appraiser_id": self.emp_unrelated.id},
            {"employee_ids": self.emp_peer.ids, "appraiser_id": self.emp_hr.id},
        ):
            with (
                self.subTest(vals=vals),
                self.assertRaisesRegex(UserError, "another HR officer"),
            ):
                Acting.create(
                    {
                        "scope": "employee",
                        "date_start": self.today,
                        "date_end": self.until,
                        **vals,
                    }
                )
        self.assertEqual(self.Acting.search_count([]), before)
        self.assertEqual(self.hr_appraisal.appraiser_id, self.emp_supervisor)

    def test_bad_assignments_are_refused_whole(self):
        Acting = self.Acting.with_user(self.user_hr_admin)
        base = {
            "appraiser_id": self.emp_unrelated.id,
            "scope": "employee",
            "employee_ids": self.emp_employee.ids,
            "date_start": self.today,
            "date_end": self.until,
        }
        Acting.create(base)
        before = self.Acting.search_count([])
        for vals, message in (
            ({"date_end": self.today - datetime.timedelta(days=1)}, "ends before"),
            ({"employee_ids": []}, "Choose the employees"),
            ({"scope": "department", "employee_ids": []}, "Choose the unit"),
            ({"employee_ids": self.emp_unrelated.ids}, "own acting appraiser"),
            # a second acting appraiser for the same employee at the same time
            ({"appraiser_id": self.emp_atasan.id}, "already has an acting appraiser"),
        ):
            with self.subTest(message=message):
                with self.assertRaisesRegex(ValidationError, message):
                    Acting.create(
                        [
                            {**base, "employee_ids": self.emp_peer.ids},
                            {**base, **vals},
                        ]
                    )
        self.assertEqual(self.Acting.search_count([]), before)
        self.assertEqual(self.peer_appraisal.appraiser_id, self.emp_supervisor)

    def test_scope_query_cost_is_fixed(self):
        """The rules ask the scope on every search: with no assignment, one
        query for the assignments; the chain itself is a subquery."""
        Appraisal = self.env["hr.appraisal"].with_user(self.user_supervisor)
        Appraisal.search([])  # warm the rule cache
        with self.assertQueryCount(3):
            Appraisal.search([])


@tagged("post_install", "-at_install")
class TestActingAppraiserOverRpc(CallKwMixin, ScopeCommon, HttpCase):
    def test_supervisor_in_dispute_cannot_assess_over_rpc(self):
        self._acting(self.emp_unrelated, employee_ids=self.emp_employee.ids)
        self.authenticate("hkk_supervisor", "hkk_supervisor")
        with mute_logger("odoo.http"):
            answer = self._call(
                "hr.appraisal",
                "write",
                [[self.appraisal.id], {"work_result_rating": "above"}],
            )
            self.assertIn("error", answer)
            # nor write who the PPK is
            answer = self._call(
                "hr.appraisal",
                "write",
                [[self.appraisal.id], {"appraiser_id": self.emp_supervisor.id}],
            )
            self.assertIn("error", answer)
            # nor give herself the appraisal back
            answer = self._call(
                "hr.acting.appraiser",
                "unlink",
                [self.appraisal.acting_appraiser_id.ids],
            )
            self.assertIn("error", answer)
        self.authenticate("hkk_unrelated", "hkk_unrelated")
        answer = self._call(
            "hr.appraisal",
            "search_read",
            [[("in_my_supervision", "=", True)], ["employee_id", "appraiser_id"]],
        )
        self.assertEqual([row["id"] for row in answer["result"]], self.appraisal.ids)
        self.appraisal.invalidate_recordset()
        self.assertEqual(self.appraisal.work_result_rating, "below")
        self.assertEqual(self.appraisal.appraiser_id, self.emp_unrelated)


@tagged("post_install", "-at_install")
class TestActingAppraiserOnTheDocument(ScopeCommon):
    def test_the_evaluation_document_names_the_acting_ppk(self):
        self._acting(self.emp_unrelated, employee_ids=self.emp_employee.ids)
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_unrelated)
            ._render_qweb_html(
                "hr_kinerja_kompetensi.hr_appraisal_report_d11", self.appraisal.ids
            )
        )
        html = html.decode()
        # the PPK and the atasan PPK, by their NIP
        self.assertIn(self.emp_unrelated.nip, html)
        self.assertIn(self.emp_atasan.nip, html)
        self.assertNotIn(self.emp_supervisor.nip, html)
