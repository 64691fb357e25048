import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_award import AwardCommon

D = datetime.date


@tagged("post_install", "-at_install")
class TestObjection(AwardCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        calendar = cls.company.resource_calendar_id
        calendar.tz = "Asia/Jakarta"
        # Two public holidays, entered in local time (UTC+7)
        cls.env["resource.calendar.leaves"].create(
            [
                {
                    "name": "Isra Mikraj",
                    "calendar_id": calendar.id,
                    "company_id": cls.company.id,
                    "date_from": "2031-01-28 17:00:00",
                    "date_to": "2031-01-29 16:59:59",
                },
                {
                    "name": "Hari libur",
                    "calendar_id": False,
                    "company_id": cls.company.id,
                    "date_from": "2031-02-09 17:00:00",
                    "date_to": "2031-02-10 16:59:59",
                },
            ]
        )
        with freeze_time("2031-01-17"):  # a Friday
            cls._finish(cls.appraisal)

    def _file(self, user=None, **values):
        return (
            self.env["hr.appraisal.objection"]
            .with_user(user or self.user_employee)
            .create(
                {
                    "appraisal_id": self.appraisal.id,
                    "reason": "Target tercapai",
                    **values,
                }
            )
        )

    def test_deadlines_skip_weekends_and_holidays(self):
        self.assertEqual(self.appraisal.date_published, D(2031, 1, 17))
        # 14 working days after Fri 17 Jan: two weekends and Wed 29 Jan skipped
        self.assertEqual(self.appraisal.objection_deadline, D(2031, 2, 7))
        with freeze_time("2031-01-31"):
            objection = self._file(predicate_requested="sangat_baik")
        # 7 working days after Fri 31 Jan: a weekend and Mon 10 Feb skipped
        self.assertEqual(objection.date_due, D(2031, 2, 12))
        self.assertEqual(objection.decider_id, self.emp_atasan)
        self.assertEqual(objection.predicate_before, "baik")
        activity = objection.activity_ids
        self.assertEqual(activity.user_id, self.user_atasan)
        self.assertEqual(activity.date_deadline, D(2031, 2, 12))
        Objection = self.env["hr.appraisal.objection"]
        with freeze_time("2031-02-12"):
            self.assertFalse(objection.is_overdue)
            self.assertFalse(Objection.search([("is_overdue", "=", True)]))
        with freeze_time("2031-02-13"):
            objection.invalidate_recordset(["is_overdue"])
            self.assertTrue(objection.is_overdue)
            self.assertEqual(Objection.search([("is_overdue", "=", True)]), objection)
            self.assertFalse(
                Objection.search(
                    [("is_overdue", "=", False), ("id", "=", objection.id)]
                )
            )

    def test_filing_window(self):
        with (
            freeze_time("2031-02-10"),
            self.assertRaisesRegex(
                UserError, "ended on 02/07/2031|ended on 2031-02-07"
            ),
        ):
            self._file()
        self.assertFalse(self.appraisal.objection_ids)
        with freeze_time("2031-02-07"):
            self.assertTrue(self._file())

    def test_objection_button_only_for_whom_may_file(self):
        def can_file(user, appraisal=None):
            appraisal = (appraisal or self.appraisal).with_user(user)
            appraisal.invalidate_recordset(["can_file_objection"])  # a new day
            return appraisal.read(["can_file_objection"])[0]["can_file_objection"]

        with freeze_time("2031-02-07"):  # last day of the window
            self.assertTrue(can_file(self.user_employee))
            self.assertTrue(can_file(self.user_hr))
            self.assertFalse(can_file(self.user_supervisor))
            self.assertFalse(can_file(self.user_atasan))
            # not published yet: nothing to object to, for anybody
            self.assertFalse(can_file(self.user_hr, self.peer_appraisal))
        with freeze_time("2031-02-10"):  # the window has closed
            self.assertFalse(can_file(self.user_employee))
        with freeze_time("2031-01-20"):
            self._file()
            self.assertFalse(can_file(self.user_employee))

    def test_only_the_appraisee_files_a_published_result(self):
        with freeze_time("2031-01-20"):
            with self.assertRaisesRegex(UserError, "Only Employee can object"):
                self._file(self.user_peer)
            with self.assertRaisesRegex(UserError, "not published"):
                self.env["hr.appraisal.objection"].with_user(self.user_peer).create(
                    {"appraisal_id": self.peer_appraisal.id, "reason": "x"}
                )
            objection = self._file()
            with self.assertRaisesRegex(UserError, "already objected"):
                self._file()
        with self.assertRaisesRegex(UserError, "Decide button"):
            objection.with_user(self.user_employee).write({"state": "changed"})
        objection.with_user(self.user_employee).write({"reason": "Bukti tambahan"})

    def test_atasan_decides_others_cannot(self):
        with freeze_time("2031-01-20"):
            objection = self._file()
        for user in (self.user_supervisor, self.user_hr, self.user_employee):
            with (
                self.subTest(user=user.login),
                self.assertRaisesRegex(UserError, "Only the supervisor's supervisor"),
            ):
                objection.with_user(user)._decide("sangat_baik", "x")
        with self.assertRaises(AccessError):
            objection.with_user(self.user_peer).read(["reason"])
        with self.assertRaises(AccessError):
            objection.with_user(self.user_unrelated).read(["reason"])
        self.assertEqual(objection.with_user(self.user_hr).state, "submitted")
        decide = self.env["hr.appraisal.objection.decide"].with_user(self.user_atasan)
        with self.assertRaisesRegex(UserError, "Give the reasons"):
            decide.create(
                {
                    "objection_ids": objection.ids,
                    "decision": "change",
                    "predicate": "sangat_baik",
                    "reason": " ",
                }
            ).action_apply()
        self.assertEqual(self.appraisal.predicate, "baik")
        with freeze_time("2031-01-22"):
            decide.create(
                {
                    "objection_ids": objection.ids,
                    "decision": "change",
                    "predicate": "sangat_baik",
                    "reason": "Bukti diterima",
                }
            ).action_apply()
        self.assertEqual(objection.state, "changed")
        self.assertEqual(objection.predicate_final, "sangat_baik")
        self.assertEqual(objection.decided_by_id, self.user_atasan)
        self.assertEqual(objection.date_decided, D(2031, 1, 22))
        self.assertFalse(
            self.env["mail.activity"].search(
                [("res_model", "=", objection._name), ("res_id", "=", objection.id)]
            )
        )
        self.assertEqual(self.appraisal.predicate, "sangat_baik")
        log = self.appraisal.predicate_log_ids
        self.assertEqual(
            (log.source, log.predicate_before, log.predicate_after, log.user_id),
            ("objection", "baik", "sangat_baik", self.user_atasan),
        )
        self.assertEqual(
            self.appraisal.with_user(self.user_employee).predicate, "sangat_baik"
        )
        with self.assertRaisesRegex(UserError, "already decided"):
            objection.with_user(self.user_atasan)._decide(False, "lagi")

    def test_confirm_keeps_the_predicate(self):
        with freeze_time("2031-01-20"):
            objection = self._file()
        objection.with_user(self.user_atasan)._decide(False, "Penilaian sudah sesuai")
        self.assertEqual(objection.state, "confirmed")
        self.assertEqual(objection.predicate_final, "baik")
        self.assertFalse(self.appraisal.predicate_log_ids)
