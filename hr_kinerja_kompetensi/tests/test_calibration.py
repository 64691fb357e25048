from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_award import AwardCommon


@tagged("post_install", "-at_install")
class TestCalibration(AwardCommon):
    def _warnings(self, rating):
        self.cycle.organization_rating = rating
        return self.cycle._predicate_distribution()[self.unit]["warnings"]

    def test_distribution_warnings_for_each_organization_rating(self):
        # three Baik in the unit
        for appraisal in (
            self.appraisal,
            self.peer_appraisal,
            self.supervisor_appraisal,
        ):
            self._finish(appraisal)
        expected = {
            "istimewa": ["Sangat Baik is expected to be the most frequent"],
            "baik": [
                "Baik: 100% of the unit, the guidance allows at most 70%",
                "at least some Butuh Perbaikan / Kurang",
            ],
            "butuh_perbaikan": [
                "Butuh Perbaikan: 0% of the unit, the guidance expects at least 60%"
            ],
            "kurang": [
                "Kurang/Misconduct: 0% of the unit",
                "Butuh Perbaikan: 0% of the unit, the guidance expects at least 10%",
            ],
            "sangat_kurang": [
                "Sangat Kurang: 0%",
                "Kurang/Misconduct / Butuh Perbaikan: 0%",
            ],
        }
        for rating, fragments in expected.items():
            with self.subTest(rating=rating):
                warnings = self._warnings(rating)
                self.assertEqual(len(warnings), len(fragments), warnings)
                for fragment, warning in zip(fragments, warnings, strict=True):
                    self.assertIn(fragment, warning)
        self.cycle.organization_rating = "baik"
        self.cycle.invalidate_recordset(["distribution_html"])
        self.assertIn(
            "Bidang Uji", self.cycle.with_user(self.user_hr).distribution_html
        )
        self.assertEqual(
            self.cycle.with_user(self.user_hr).distribution_warning_count, 2
        )
        with self.assertRaises(AccessError):
            self.cycle.with_user(self.user_employee).read(["distribution_html"])

    def test_guidance_met_gives_no_warning(self):
        self._finish(self.appraisal, "above", "above")  # Sangat Baik
        self._finish(self.peer_appraisal)  # Baik
        self._finish(self.supervisor_appraisal, "below", "meets")  # Butuh Perbaikan
        # one of each: Baik shares the first place, some Butuh Perbaikan
        self.assertEqual(self._warnings("baik"), [])
        self.assertEqual(len(self._warnings("istimewa")), 0)
        self.cycle.organization_rating = False
        self.assertIn(
            "Set the organisation rating",
            self.cycle._predicate_distribution()[self.unit]["warnings"][0],
        )

    def test_calibration_audit(self):
        self._finish(self.appraisal)
        self._finish(self.peer_appraisal)
        both = self.appraisal | self.peer_appraisal
        wizard = self.env["hr.appraisal.calibrate"].with_user(self.user_hr)
        with self.assertRaisesRegex(
            UserError, "only while the cycle is in calibration"
        ):
            wizard.create(
                {"appraisal_ids": both.ids, "predicate": "sangat_baik", "reason": "x"}
            ).action_apply()
        self.cycle.action_start_calibration()
        with self.assertRaisesRegex(UserError, "Only HR officers"):
            both.with_user(self.user_supervisor)._calibrate("sangat_baik", "x")
        with self.assertRaisesRegex(UserError, "Give the reason"):
            both.with_user(self.user_hr)._calibrate("sangat_baik", "  ")
        self.assertEqual(set(both.mapped("predicate")), {"baik"})
        wizard.create(
            {
                "appraisal_ids": both.ids,
                "predicate": "butuh_perbaikan",
                "reason": "Sebaran unit",
            }
        ).action_apply()
        self.assertEqual(set(both.mapped("predicate")), {"butuh_perbaikan"})
        # the final value is searchable and kept when the ratings are read again
        self.assertEqual(
            self.env["hr.appraisal"].search(
                [
                    ("predicate", "=", "butuh_perbaikan"),
                    ("cycle_id", "=", self.cycle.id),
                ]
            ),
            both,
        )
        logs = (
            self.env["hr.appraisal.predicate.log"]
            .with_user(self.user_hr)
            .search([("cycle_id", "=", self.cycle.id)])
        )
        self.assertEqual(len(logs), 2)
        self.assertEqual(set(logs.mapped("predicate_before")), {"baik"})
        self.assertEqual(set(logs.mapped("predicate_after")), {"butuh_perbaikan"})
        self.assertEqual(logs.user_id, self.user_hr)
        self.assertEqual(set(logs.mapped("reason")), {"Sebaran unit"})
        message = self.appraisal.message_ids[0]
        self.assertIn("from Baik to Butuh Perbaikan", message.body)
        self.assertIn("Sebaran unit", message.body)
        # the employee sees the final predicate, not the log
        self.assertEqual(
            self.appraisal.with_user(self.user_employee).predicate, "butuh_perbaikan"
        )
        with self.assertRaises(AccessError):
            logs.with_user(self.user_employee).read(["reason"])
        with self.assertRaises(AccessError):
            logs.with_user(self.user_hr).write({"reason": "x"})
        with self.assertRaises(AccessError):
            self.appraisal.with_user(self.user_employee).read(["predicate_override"])

    def test_unpublished_change_hides_values_in_chatter(self):
        self.appraisal.write(
            {"work_result_rating": "meets", "behavior_rating": "meets"}
        )
        self.cycle.action_start_calibration()
        self.appraisal.with_user(self.user_hr)._calibrate(
            "sangat_baik", "Kinerja luar biasa"
        )
        body = self.appraisal.message_ids[0].body
        self.assertNotIn("Sangat Baik", body)
        self.assertIn("predicate log", body)
        self.assertFalse(
            self.appraisal.with_user(self.user_employee).read(["predicate"])[0][
                "predicate"
            ]
        )

    def test_reopen_hands_a_changed_predicate_back_to_the_matrix(self):
        self._finish(self.appraisal)  # Baik by the matrix
        self._finish(self.peer_appraisal)  # Baik, never changed
        self.cycle.action_start_calibration()
        self.appraisal.with_user(self.user_hr)._calibrate(
            "butuh_perbaikan", "Sebaran unit"
        )
        both = self.appraisal | self.peer_appraisal
        both.with_user(self.user_hr).action_reopen("Koreksi nilai")
        self.assertEqual(both.mapped("predicate"), ["baik", "baik"])
        self.assertFalse(self.appraisal.predicate_override)
        logs = self.env["hr.appraisal.predicate.log"].search(
            [("cycle_id", "=", self.cycle.id)], order="id"
        )
        rows = [
            (log.appraisal_id, log.source, log.predicate_before, log.predicate_after)
            for log in logs
        ]
        self.assertEqual(
            rows,
            [
                (self.appraisal, "calibration", "baik", "butuh_perbaikan"),
                (self.appraisal, "reopen", "butuh_perbaikan", "baik"),
            ],
        )
        self.assertEqual(logs[1].reason, "Koreksi nilai")
        self.assertEqual(logs[1].user_id, self.user_hr)
        # the chatter says it was cleared, not what it was (unpublished again)
        body = self.appraisal.message_ids[0].body
        self.assertIn("Koreksi nilai", body)
        self.assertIn("cleared", body)
        self.assertNotIn("Butuh Perbaikan", body)
        self.assertNotIn("cleared", self.peer_appraisal.message_ids[0].body)
        # the supervisor's new ratings decide the predicate again
        self.appraisal.with_user(self.user_supervisor).write(
            {"work_result_rating": "above", "behavior_rating": "above"}
        )
        self.assertEqual(self.appraisal.predicate, "sangat_baik")
