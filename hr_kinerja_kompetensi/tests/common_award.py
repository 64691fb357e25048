import datetime

from .common import KinerjaCommon


class AwardCommon(KinerjaCommon):
    """A monthly cycle (January 2031) with the appraisals of the supervisor,
    the employee and the peer, all in one unit."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit = cls.env["hr.department"].create({"name": "Bidang Uji"})
        (cls.emp_supervisor | cls.emp_employee | cls.emp_peer).department_id = cls.unit
        cls._setup_standard_and_jobs()
        cls.cycle = cls._make_cycle(
            name="Januari 2031",
            period_type="monthly",
            date_start="2031-01-01",
            date_end="2031-01-31",
            date_self_deadline="2031-01-25",
            date_supervisor_deadline="2031-01-31",
        )
        cls.cycle.action_open()
        by_employee = {a.employee_id: a for a in cls.cycle.appraisal_ids}
        cls.appraisal = by_employee[cls.emp_employee]
        cls.peer_appraisal = by_employee[cls.emp_peer]
        cls.supervisor_appraisal = by_employee[cls.emp_supervisor]
        cls.best_performer = cls.env.ref(
            "hr_kinerja_kompetensi.award_type_best_performer"
        )

    @classmethod
    def _finish(
        cls, appraisal, work="meets", behavior="meets", level=3, achievement=100
    ):
        """Rate an appraisal and mark it done (as HR)."""
        appraisal.competency_line_ids.write({"manager_level": level})
        appraisal.work_result_line_ids = [
            (0, 0, {"name": "Indikator", "target": 100, "realization": achievement})
        ]
        appraisal.write({"work_result_rating": work, "behavior_rating": behavior})
        appraisal.action_mark_done()
        return appraisal

    @staticmethod
    def _date(text):
        return datetime.date.fromisoformat(text)

    def _count_queries(self, func):
        """Queries run by ``func`` with cold caches (flushed before/after)."""
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        func()
        self.env.flush_all()
        return self.cr.sql_log_count - before
