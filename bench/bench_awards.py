#!/usr/bin/env python3
"""Benchmark of awards, talent, calibration and objections (issue 6).

Odoo as a library on an EXISTING database where the addon is installed;
everything created is rolled back. For N employees (1 head, N/11
supervisors, the rest staff, all in 10 units) it creates a monthly and an
annual cycle with done appraisals, then times and counts the queries of:

| step | what |
|---|---|
| best_performer | ranking of every unit for the month (wizard lines) |
| distribution | predicate distribution per unit with warnings (cycle form) |
| satyalancana | employees reaching 10/20/30 years (N/20 with a penalty) |
| talent_create | N talent reviews in one batch (9-box from the annual appraisal) |
| calibrate | N/10 predicates changed in calibration (log + chatter) |
| publish_deadline | objection deadline recomputed for all appraisals |

    python3 bench/bench_awards.py --db hkk_w6 --employees 1000 10000
"""

import argparse
import datetime
import os
import sys

from bench_common import EmployeeStep as Step  # noqa: E402
from bench_common import load_registry  # noqa: E402

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_DIR = os.path.dirname(BENCH_DIR)
sys.path.insert(0, os.path.join(REPO_DIR, "hr_kinerja_kompetensi"))

from rules import nip as nip_rules  # noqa: E402


def run(env, size):
    results = []
    env = env(context=dict(env.context, tracking_disable=True, mail_notrack=True))
    job = env["hr.job"].create({"name": "Bench Job", "position_kind": "pelaksana"})
    env["hr.job.competency.fill"].create({"job_ids": job.ids}).action_apply()
    units = env["hr.department"].create(
        [{"name": f"Bench Unit {i}"} for i in range(10)]
    )
    today = datetime.date.today()
    Employee = env["hr.employee"].with_context(mail_create_nolog=True)

    def vals(i, parent=False):
        tmt = today.replace(year=today.year - (i % 32)) - datetime.timedelta(
            days=i % 300
        )
        birth = datetime.date(tmt.year - 25, 1 + i % 12, 1 + i % 28)
        return {
            "name": f"Bench {i}",
            "asn_type": "pns",
            "nip": nip_rules.build(birth, tmt.replace(day=1), "male", i % 999 + 1),
            "job_id": job.id,
            "department_id": units[i % 10].id,
            "parent_id": parent,
        }

    head = Employee.create(vals(0))
    n_sup = max(1, size // 11)
    sups = Employee.create([vals(i, head.id) for i in range(1, n_sup + 1)])
    staff = Employee.create(
        [vals(i, sups[i % n_sup].id) for i in range(n_sup + 1, size)]
    )
    employees = head | sups | staff
    env["hr.employee.penalty"].create(
        [
            {"employee_id": e.id, "kind": ("ringan", "sedang", "cltn")[k % 3],
             "date_start": today - datetime.timedelta(days=30)}
            for k, e in enumerate(employees[:: 20])
        ]
    )  # fmt: skip
    month = today.replace(day=1)
    cycles = env["hr.appraisal.cycle"].create(
        [
            {"name": "Bench monthly", "period_type": "monthly",
             "date_start": month, "date_end": month + datetime.timedelta(days=27),
             "department_ids": units.ids, "organization_rating": "baik"},
            {"name": "Bench annual", "period_type": "annual",
             "date_start": today.replace(month=1, day=1),
             "date_end": today.replace(month=12, day=31),
             "department_ids": units.ids, "organization_rating": "baik"},
        ]
    )  # fmt: skip
    appraisals = cycles.with_context(kinerja_job_inline=True).action_open()
    ratings = ("above", "meets", "below")
    for r in ratings:
        part = appraisals.filtered(lambda a, r=r: ratings[a.id % 3] == r)
        part.competency_line_ids.write({"manager_level": 2})
        part.write({"work_result_rating": r, "behavior_rating": "meets"})
    # published directly: action_mark_done's skill write-back (hr_skills) is
    # measured by bench_cycle.py and would dominate the setup here
    appraisals.write({"kinerja_state": "done", "state": "3_done"})
    monthly = appraisals.filtered(lambda a: a.period_type == "monthly")
    print(f"  {len(employees)} employees, {len(appraisals)} done appraisals")

    with Step(env, "best_performer", size, results):
        wizard = env["hr.award.best.performer"].create({"month": month})
        lines = wizard._ranked_lines()
    print(f"    {sum(1 for v in lines if v['rank'] == 1)} first places")
    with Step(env, "distribution", size, results):
        cycles[0].invalidate_recordset()
        html = cycles[0].distribution_html
    print(f"    {len(html or '')} characters of table")
    with Step(env, "satyalancana", size, results):
        found = env["hr.employee.award"]._satyalancana_candidates(
            env.company, today + datetime.timedelta(days=90)
        )
    print(f"    {len(found)} candidates")
    with Step(env, "talent_create", size, results):
        talents = env["hr.employee.talent"].create(
            [{"employee_id": e.id, "year": today.year,
              "potential": ("high", "medium", "low")[e.id % 3]} for e in employees]
        )  # fmt: skip
    print(f"    {len(talents.filtered('in_talent_pool'))} in the talent pool")
    cycles[0].state = "calibration"
    with Step(env, "calibrate", size, results):
        monthly[: size // 10]._calibrate("baik", "Bench calibration")
    with Step(env, "publish_deadline", size, results):
        env.add_to_compute(appraisals._fields["objection_deadline"], appraisals)
        appraisals.flush_recordset(["objection_deadline"])
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
            run(api.Environment(cr, SUPERUSER_ID, {}), size)
        finally:
            cr.rollback()
            cr.close()


if __name__ == "__main__":
    main()
