import datetime
import json
from contextlib import contextmanager

from odoo.tests import TransactionCase, new_test_user

from ..rules import nip as nip_rules


class CallKwMixin:
    """JSON-RPC on /web/dataset/call_kw, as the web client (or a user who
    skips the screens) calls it; for HttpCase classes, after authenticate()."""

    def _call(self, model, method, args, kwargs=None):
        return self.url_open(
            "/web/dataset/call_kw",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {
                        "model": model,
                        "method": method,
                        "args": args,
                        "kwargs": kwargs or {},
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        ).json()


class SavepointRaisesMixin:
    """assertRaisesRegex through Odoo's assertRaises, which rolls back to a
    savepoint like a failed request does: a refused write leaves nothing
    behind, and the tests can check that."""

    @contextmanager
    def assertRaisesRegex(self, exception, regex):  # noqa: N802 (unittest API)
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertRegex(str(caught.exception), regex)


class KinerjaCommon(SavepointRaisesMixin, TransactionCase):
    """One user per role, in a small supervision chain:

    atasan (supervisor's supervisor) -> supervisor -> employee, peer
    plus an HR officer, an HR admin, an unrelated user and a user of another
    company.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.other_company = cls.env["res.company"].create({"name": "Kabupaten Lain"})
        cls._seq = 0

        def user(login, groups, company=None):
            company = company or cls.company
            return new_test_user(
                cls.env,
                login=login,
                groups=groups,
                company_id=company.id,
                company_ids=[(6, 0, company.ids)],
            )

        penilai = "base.group_user,hr_kinerja_kompetensi.group_kinerja_penilai"
        cls.user_atasan = user("hkk_atasan", penilai)
        cls.user_supervisor = user("hkk_supervisor", penilai)
        cls.user_employee = user("hkk_employee", "base.group_user")
        cls.user_peer = user("hkk_peer", "base.group_user")
        cls.user_unrelated = user("hkk_unrelated", penilai)
        cls.user_hr = user(
            "hkk_hr", "base.group_user,hr_kinerja_kompetensi.group_kinerja_hr_officer"
        )
        cls.user_hr_admin = user(
            "hkk_hr_admin",
            "base.group_user,hr_kinerja_kompetensi.group_kinerja_hr_admin",
        )
        cls.user_other_company = user(
            "hkk_other",
            "base.group_user,hr_kinerja_kompetensi.group_kinerja_hr_officer",
            company=cls.other_company,
        )

        Employee = cls.env["hr.employee"]
        cls.emp_atasan = Employee.create(cls._employee_vals("Atasan", cls.user_atasan))
        cls.emp_supervisor = Employee.create(
            cls._employee_vals("Supervisor", cls.user_supervisor, parent=cls.emp_atasan)
        )
        cls.emp_employee, cls.emp_peer = Employee.create(
            [
                cls._employee_vals("Employee", cls.user_employee, cls.emp_supervisor),
                cls._employee_vals("Peer", cls.user_peer, cls.emp_supervisor),
            ]
        )
        cls.emp_unrelated = Employee.create(
            cls._employee_vals("Unrelated", cls.user_unrelated)
        )
        cls.emp_other_company = Employee.create(
            dict(
                cls._employee_vals("Other", cls.user_other_company),
                company_id=cls.other_company.id,
            )
        )

    @classmethod
    def _setup_standard_and_jobs(cls):
        """A job with a 9-competency standard for every test employee."""
        cls.job = cls.env["hr.job"].create(
            {"name": "Analis Kinerja", "position_kind": "administrator"}
        )
        cls.env["hr.job.competency.fill"].create(
            {"job_ids": cls.job.ids}
        ).action_apply()
        (
            cls.emp_atasan
            | cls.emp_supervisor
            | cls.emp_employee
            | cls.emp_peer
            | cls.emp_unrelated
        ).job_id = cls.job

    @classmethod
    def _open_cycle_with_appraisals(cls):
        """Standard, an open cycle, and the employee's and peer's appraisals."""
        cls._setup_standard_and_jobs()
        cls.cycle = cls._make_cycle()
        cls.cycle.action_open()
        by_employee = {a.employee_id: a for a in cls.cycle.appraisal_ids}
        cls.appraisal = by_employee[cls.emp_employee]
        cls.peer_appraisal = by_employee[cls.emp_peer]

    @classmethod
    def _make_cycle(cls, **values):
        return cls.env["hr.appraisal.cycle"].create(
            {
                "name": "Triwulan IV",
                "period_type": "quarterly",
                "date_start": "2031-10-01",
                "date_end": "2031-12-31",
                "date_self_deadline": "2031-12-10",
                "date_supervisor_deadline": "2031-12-20",
                "organization_rating": "baik",
                **values,
            }
        )

    @classmethod
    def _make_nip(cls, birth=datetime.date(1990, 3, 15), tmt=None, gender="male"):
        cls._seq += 1
        tmt = tmt or datetime.date(birth.year + 25, 1, 1)
        return nip_rules.build(birth, tmt, gender, cls._seq)

    @classmethod
    def _employee_vals(cls, name, user=None, parent=None):
        return {
            "name": name,
            "user_id": user.id if user else False,
            "parent_id": parent.id if parent else False,
            "asn_type": "pns",
            "nip": cls._make_nip(),
        }
