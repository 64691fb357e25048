#!/usr/bin/env python3
"""Benchmark of development-plan generation and JP credit (Odoo 18).

Uses Odoo as a library against an EXISTING database where the addon is
installed; everything is created in one transaction and rolled back.

    python3 bench/bench_development.py --db hkk_bench --employees 10000

Steps (seconds and SQL queries each):
  setup       N employees with a 9-competency job standard, one closed cycle
              and N done appraisals with 9 competency lines (2 below standard)
  generate    hr.appraisal.action_generate_development_plan() on all of them
  regenerate  the same again (idempotent: creates nothing)
  attendance  one session with all N as attendees, all marked attended
  tna         the training-needs analysis grouped by competency
"""

import os
import time

from bench_common import run_rolled_back

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_DIR = os.path.dirname(BENCH_DIR)


class Step:
    def __init__(self, env, name, results):
        self.env, self.name, self.results = env, name, results

    def __enter__(self):
        self.env.flush_all()
        self.env.invalidate_all()
        self.start_q = self.env.cr.sql_log_count
        self.start_t = time.perf_counter()
        return self

    def __exit__(self, *exc):
        if exc[0]:
            return False
        self.env.flush_all()
        seconds = time.perf_counter() - self.start_t
        queries = self.env.cr.sql_log_count - self.start_q
        self.results.append((self.name, seconds, queries))
        print(f"{self.name:<12} {seconds:8.2f} s {queries:8d} queries", flush=True)
        return False


def run(env, n):
    from odoo import Command

    results = []
    env = env(
        context=dict(
            env.context,
            tracking_disable=True,
            mail_create_nolog=True,
            mail_create_nosubscribe=True,
        )
    )
    with Step(env, "setup", results):
        skills = env["hr.skill"].search([("competency_family", "!=", False)], limit=9)
        job = env["hr.job"].create(
            {
                "name": "Bench job",
                "position_kind": "administrator",
                "competency_ids": [
                    Command.create({"skill_id": s.id, "required_level": 3})
                    for s in skills
                ],
            }
        )
        head = env["hr.employee"].create({"name": "Bench head", "job_id": job.id})
        # work contacts in one batch: hr would create them one by one
        partners = env["res.partner"].create([{"name": f"Bench {i}"} for i in range(n)])
        employees = env["hr.employee"].create(
            [
                {
                    "name": f"Bench {i}",
                    "work_contact_id": partners[i].id,
                    "job_id": job.id,
                    "parent_id": head.id,
                    "asn_type": "pppk" if i % 4 == 0 else "pns",
                }
                for i in range(n)
            ]
        )
        cycle = env["hr.appraisal.cycle"].create(
            {
                "name": "Bench cycle",
                "period_type": "quarterly",
                "date_start": "2041-01-01",
                "date_end": "2041-03-31",
                "state": "open",
            }
        )
        appraisals = env["hr.appraisal"].create(
            [
                {
                    "employee_id": employee.id,
                    "cycle_id": cycle.id,
                    "date_close": "2041-03-31",
                    "kinerja_state": "done",
                    "work_result_rating": "meets",
                    "behavior_rating": "meets",
                    "competency_line_ids": [
                        Command.create(
                            {
                                "skill_id": skill.id,
                                "required_level": 3,
                                "manager_level": 1 + (index + i) % 4,
                            }
                        )
                        for index, skill in enumerate(skills)
                    ],
                }
                for i, employee in enumerate(employees)
            ]
        )
    with Step(env, "generate", results):
        appraisals.action_generate_development_plan()
    plans = env["hr.development.plan"].search([("employee_id", "in", employees.ids)])
    lines = len(plans.line_ids)
    with Step(env, "regenerate", results):
        appraisals.action_generate_development_plan()
    assert len(plans.line_ids) == lines, "regeneration duplicated lines"
    with Step(env, "attendance", results):
        session = env["hr.training.session"].create(
            {
                "name": "Bench bimtek",
                "date_start": "2041-05-01",
                "date_end": "2041-05-02",
                "jp_hours": 8,
                "skill_ids": [Command.set(skills[:2].ids)],
                "attendance_ids": [
                    Command.create({"employee_id": e.id}) for e in employees
                ],
            }
        )
        session.action_confirm()
        session.action_mark_all_attended()
    with Step(env, "tna", results):
        env["hr.training.need.report"]._read_group(
            [("employee_id", "in", employees.ids)],
            ["skill_id"],
            ["below_count:sum", "gap_below:avg", "gap:min"],
        )
    realized = set(plans.mapped("jp_realized"))
    print(f"{len(plans)} plans, {lines} lines, realized JP values {sorted(realized)}")
    return results


if __name__ == "__main__":
    run_rolled_back(run, __doc__.splitlines()[0])
