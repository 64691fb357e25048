#!/usr/bin/env python3
"""Benchmark of the staff accounts wizard (issue 16, point 2).

Odoo as a library on an EXISTING database where the addon is installed;
everything created is rolled back. For N employees without an account (1
head, N/11 supervisors, the rest staff, in 10 units; every other one with a
work email) an HR officer runs *Create user accounts* on all of them:

- preview: the wizard opened on the N employees (its counts: NIP checks,
  logins taken);
- create_accounts: the action: N users in one batch, linked to their
  employees, N/2 invitation emails queued, N/2 one-time codes, the result
  lines and the chatter notes;
- print: the code list rendered (HTML; wkhtmltopdf is not timed).

The action's parts are timed too (users, link, codes, invitations).

    python3 bench/bench_accounts.py --db hkk_bench --employees 1000
"""

import argparse
import datetime
import os
import sys
import time
from collections import defaultdict

from bench_common import EmployeeStep as Step  # noqa: E402
from bench_common import load_registry  # noqa: E402

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_DIR = os.path.dirname(BENCH_DIR)
sys.path.insert(0, os.path.join(REPO_DIR, "hr_kinerja_kompetensi"))

from rules import nip as nip_rules  # noqa: E402


def timed_parts(env, registry):
    """Wrap the action's parts to time them (seconds, queries)."""
    parts = defaultdict(lambda: [0.0, 0])
    targets = [
        ("hr.kinerja.account.wizard", "_create_users", "users"),
        ("hr.employee", "_kinerja_link_users", "link"),
        ("hr.kinerja.signin.code", "_issue", "codes"),
        ("hr.kinerja.account.wizard", "_send_invitations", "invitations"),
        ("hr.kinerja.account.wizard", "_log_on_employees", "notes"),
    ]
    originals = []
    for model, method, label in targets:
        cls = type(env[model])
        original = getattr(cls, method)

        def wrapper(self, *args, _original=original, _label=label, **kwargs):
            start, queries = time.perf_counter(), self.env.cr.sql_log_count
            result = _original(self, *args, **kwargs)
            parts[_label][0] += time.perf_counter() - start
            parts[_label][1] += self.env.cr.sql_log_count - queries
            return result

        setattr(cls, method, wrapper)
        originals.append((cls, method, original))
    return parts, originals


def run(env, registry, size):
    results = []
    env = env(context=dict(env.context, tracking_disable=True))
    units = env["hr.department"].create(
        [{"name": f"Bench Unit {i}"} for i in range(10)]
    )
    today = datetime.date.today()
    Employee = env["hr.employee"].with_context(mail_create_nolog=True)

    def vals(i, parent=False):
        tmt = today.replace(year=today.year - 1 - (i % 30), day=1)
        birth = datetime.date(tmt.year - 25, 1 + i % 12, 1 + i % 28)
        return {
            "name": f"Bench {i}",
            "asn_type": "pns",
            "nip": nip_rules.build(birth, tmt, "male", i % 999 + 1),
            "department_id": units[i % 10].id,
            "parent_id": parent,
            "work_email": f"bench{i}@example.com" if i % 2 else False,
        }

    head = Employee.create(vals(0))
    n_sup = max(1, size // 11)
    sups = Employee.create([vals(i, head.id) for i in range(1, n_sup + 1)])
    staff = Employee.create(
        [vals(i, sups[i % n_sup].id) for i in range(n_sup + 1, size)]
    )
    employees = head | sups | staff
    officer = env["res.users"].create(
        {
            "name": "Bench HR",
            "login": "bench_hr_accounts",
            "groups_id": [
                (4, env.ref("hr_kinerja_kompetensi.group_kinerja_hr_officer").id)
            ],
        }
    )
    env.flush_all()
    env.cr.execute("ANALYZE")
    print(f"  {len(employees)} employees without an account")

    hr_env = env(user=officer.id)
    with Step(hr_env, "preview", size, results):
        wizard = hr_env["hr.kinerja.account.wizard"].create(
            {"employee_ids": [(6, 0, employees.ids)]}
        )
        counts = (wizard.count_create, wizard.count_skip)
    print(f"    to create {counts[0]}, skipped {counts[1]}")
    parts, originals = timed_parts(hr_env, registry)
    try:
        with Step(hr_env, "create_accounts", size, results):
            wizard.action_create_accounts()
    finally:
        for cls, method, original in originals:
            setattr(cls, method, original)
    for label, (seconds, queries) in parts.items():
        print(f"    {label:<14} {seconds:8.2f} s {queries:7d} queries")
    print(
        f"    {len(employees.user_id)} accounts, {wizard.count_email} emails, "
        f"{wizard.count_code} codes"
    )
    with Step(hr_env, "print", size, results):
        html = hr_env["ir.actions.report"]._render_qweb_html(
            "hr_kinerja_kompetensi.report_kinerja_signin_codes", wizard.ids
        )[0]
    print(f"    {len(html) // 1024} KiB of HTML")
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--employees", type=int, nargs="+", default=[1000])
    args = parser.parse_args()
    registry = load_registry(args.db)
    from odoo import SUPERUSER_ID, api

    for size in args.employees:
        print(f"=== N = {size} ===")
        cr = registry.cursor()
        try:
            run(api.Environment(cr, SUPERUSER_ID, {}), registry, size)
        finally:
            cr.rollback()
            cr.close()


if __name__ == "__main__":
    main()
