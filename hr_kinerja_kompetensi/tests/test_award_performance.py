import datetime

from odoo.tests import tagged

from .common_award import AwardCommon


@tagged("post_install", "-at_install")
class TestAwardQueryCounts(AwardCommon):
    """The batch operations run the same number of queries for one record as
    for several (no query per employee)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for appraisal in (cls.appraisal, cls.peer_appraisal, cls.supervisor_appraisal):
            cls._finish(appraisal)
        cls.all_three = cls.appraisal | cls.peer_appraisal | cls.supervisor_appraisal

    def test_calibration_queries_do_not_grow(self):
        self.cycle.action_start_calibration()
        self.peer_appraisal._calibrate("kurang", "warm-up")  # caches
        one = self._count_queries(lambda: self.appraisal._calibrate("kurang", "a"))
        three = self._count_queries(lambda: self.all_three._calibrate("baik", "b"))
        # a batch write may split in one more UPDATE when the records' old
        # values differ; nothing is per record
        self.assertLessEqual(three, one + 1)
        self.assertLess(three, 25)

    def test_best_performer_queries_do_not_grow(self):
        wizard = self.env["hr.award.best.performer"].create({"month": "2031-01-10"})
        three = self._count_queries(wizard._ranked_lines)
        (self.peer_appraisal | self.supervisor_appraisal).action_reopen("test")
        one = self._count_queries(wizard._ranked_lines)
        self.assertEqual(one, three)
        self.assertLess(three, 15)

    def test_satyalancana_queries_do_not_grow(self):
        Award = self.env["hr.employee.award"]
        on = datetime.date(2031, 6, 1)
        self.emp_employee.tmt_cpns = datetime.date(2020, 1, 1)
        one = self._count_queries(
            lambda: Award._satyalancana_candidates(self.company, on)
        )
        (self.emp_peer | self.emp_supervisor).tmt_cpns = datetime.date(2020, 1, 1)
        three = self._count_queries(
            lambda: Award._satyalancana_candidates(self.company, on)
        )
        self.assertEqual(one, three)
