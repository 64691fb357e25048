#!/usr/bin/env python3
"""Benchmark of SKP cascading and approval (Odoo 18).

Uses Odoo as a library against an EXISTING database where the addon is
installed; everything is created in one transaction and rolled back.

    python3 bench/bench_skp.py --db hkk_bench --employees 10000

An agency of N employees: one head, sqrt(N) supervisors below her and the
rest of the staff spread over the supervisors. Steps (seconds and SQL
queries each):
  setup     the employees, the head's approved SKP with 3 RHKs x 2 indicators
  cascade1  the head cascades her 3 RHKs to the supervisors (3 calls)
  cascade2  each supervisor cascades her 3 RHKs to her staff (3 calls per
            supervisor): every employee ends with 3 RHKs x 2 indicators
  submit    all the SKPs submitted in one call
  approve   all of them approved in one call (as superuser: the PPK checks
            are the same per-record filters on prefetched fields)
"""

import math
import os
import time

from bench_common import run_rolled_back

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_DIR = os.path.dirname(BENCH_DIR)
YEAR = 2031


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
        print(f"{self.name:<10} {seconds:8.2f} s {queries:8d} queries", flush=True)
        return False


def run(env, n):
    env = env(
        context=dict(
            env.context,
            tracking_disable=True,
            mail_create_nolog=True,
            mail_create_nosubscribe=True,
        )
    )
    results = []
    Employee = env["hr.employee"]
    Result = env["hr.skp.result"]
    n_sup = max(1, int(math.sqrt(n)))
    with Step(env, "setup", results):
        head = Employee.create({"name": "Bench Head", "asn_type": "pns"})
        sups = Employee.create(
            [
                {"name": f"Bench Sup {i}", "parent_id": head.id, "asn_type": "pns"}
                for i in range(n_sup)
            ]
        )
        staff_vals = [
            {
                "name": f"Bench Staff {i}",
                "parent_id": sups[i % n_sup].id,
                "asn_type": "pppk",
            }
            for i in range(n - 1 - n_sup)
        ]
        staff = Employee.create(staff_vals)
        skp = env["hr.skp"].create({"employee_id": head.id, "year": YEAR})
        head_rhks = Result.create(
            [
                {
                    "skp_id": skp.id,
                    "name": f"Sasaran {k}",
                    "indicator_ids": [
                        (0, 0, {"name": "Kuantitas", "target": 100, "unit": "%"}),
                        (0, 0, {"name": "Waktu", "aspect": "waktu", "target": 12}),
                    ],
                }
                for k in range(3)
            ]
        )
        skp.write({"state": "approved"})
        env.cr.execute("ANALYZE")
    with Step(env, "cascade1", results):
        for rhk in head_rhks:
            Result._cascade(rhk, sups)
    sup_rhks = Result.search([("parent_id", "in", head_rhks.ids)])
    env["hr.skp"].search([("employee_id", "in", sups.ids)]).write({"state": "approved"})
    staff_of = {}
    for emp in staff:
        staff_of.setdefault(emp.parent_id.id, []).append(emp.id)
    env.cr.execute("ANALYZE")
    with Step(env, "cascade2", results):
        for rhk in sup_rhks:
            Result._cascade(rhk, Employee.browse(staff_of.get(rhk.employee_id.id, [])))
    staff_skps = env["hr.skp"].search([("employee_id", "in", staff.ids)])
    lines = env["hr.skp.indicator"].search_count([("skp_id", "in", staff_skps.ids)])
    print(f"{len(staff_skps)} staff SKPs, {lines} indicators")
    env.cr.execute("ANALYZE")
    with Step(env, "submit", results):
        staff_skps.action_submit()
    with Step(env, "approve", results):
        staff_skps.action_approve()
    assert set(staff_skps.mapped("state")) == {"approved"}
    return results


if __name__ == "__main__":
    run_rolled_back(run, __doc__.splitlines()[0])
