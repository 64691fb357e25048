#!/usr/bin/env python3
"""Benchmark of bulk 360-feedback requests for a whole cycle.

Follows bench_cycle.py (Odoo as a library on an EXISTING database with the
addon installed; each size in its own transaction, rolled back): employees in
departments of ~110 with users, an open cycle, then the steps

    request_bulk   hr.appraisal.cycle.action_request_feedback(): reviewers
                   proposed (supervisor + peers) and one request and one mail
                   activity per reviewer, in batch
    release        action_close_feedback_phase() after 20 % of the requests
                   were answered (3 ratings each): expiry + aggregates

    python3 bench/bench_feedback.py --db hkk_bench --employees 1000 10000
"""

import datetime
import json
import os
import sys
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, BENCH_DIR)

import bench_cycle  # noqa: E402

TARGET_REQUEST_S = 60.0
DEPARTMENT_SIZE = 110
PEERS_PER_EMPLOYEE = 4  # + the supervisor: ~5 requests per employee

bench_cycle.PROBED_METHODS.update(
    {
        "hr.appraisal.feedback": [
            "create",
            "_request",
            "_schedule_reviewer_activities",
            "_check_not_asked_yet",
            "_compute_field_value",
            "_validate_fields",
        ],
        "hr.appraisal.feedback.request": ["_propose", "_request_for_appraisals"],
        "hr.appraisal.feedback.aggregate": ["_release_for", "create"],
        "hr.appraisal.feedback.line": ["create", "write"],
    }
)


class FeedbackBench(bench_cycle.CycleBench):
    def run(self):
        self.probes = bench_cycle.MethodProbes(self.env, bench_cycle.PROBED_METHODS)
        try:
            self.measure("setup", self.step_setup)
            self.measure("users", self.step_users)
            self.measure("employees", self.step_employees)
            self.analyze()
            self.measure("generate", self.step_generate)
            self.analyze()
            self.company.feedback_peer_max = PEERS_PER_EMPLOYEE
            self.feedbacks = self.measure("request_bulk", self.step_request)
            self.check_requests()
            again = self.measure("request_again", self.step_request)
            self.check(
                "second bulk request creates nothing", not again, f"{len(again)}"
            )
            self.measure("remind", self.step_remind)
            self.answer_some()
            self.measure("release", self.step_release)
        finally:
            self.probes.restore()
        return {
            "size": self.size,
            "steps": self.steps,
            "checks": self.checks,
            "info": self.info,
            "profiles": self.profiles,
        }

    def step_setup(self):
        super().step_setup()
        count = self.size // DEPARTMENT_SIZE + 1
        self.departments = self.env["hr.department"].create(
            [
                {"name": f"Bidang Bench {i}", "company_id": self.company.id}
                for i in range(count)
            ]
        )

    def _employee_vals(self, index, parent_id):
        vals = super()._employee_vals(index, parent_id)
        vals["department_id"] = self.departments[index // DEPARTMENT_SIZE].id
        return vals

    def step_users(self):
        # every employee needs a user to be a reviewer: create them without
        # chatter logging (setup only, not part of the measured target)
        self.env = self.env(
            context=dict(
                self.env.context,
                tracking_disable=True,
                mail_create_nolog=True,
                mail_create_nosubscribe=True,
                mail_notrack=True,
            )
        )
        super().step_users()
        self.env = self.env(context={})

    def step_request(self):
        return self.cycle.action_request_feedback()

    def check_requests(self):
        count = len(self.feedbacks)
        activities = self.env["mail.activity"].search_count(
            [
                ("res_model", "=", "hr.appraisal.feedback"),
                ("res_id", "in", self.feedbacks.ids),
            ]
        )
        self.info["requests"] = count
        self.info["activities"] = activities
        self.check(
            "one activity per request with a reviewer user",
            activities == len(self.feedbacks.filtered("reviewer_user_id")),
            f"{activities} activities / {count} requests",
        )
        seconds = self.steps["request_bulk"]["seconds"]
        self.check(
            f"bulk request <= {TARGET_REQUEST_S:.0f} s",
            seconds <= TARGET_REQUEST_S,
            f"{seconds} s for {count} requests",
        )

    def answer_some(self):
        answered = self.feedbacks[: len(self.feedbacks) // 5]
        answered._ensure_lines()
        lines = answered.line_ids.filtered("skill_id")
        for index, rating in enumerate((3, 4, 5)):
            lines[index::3].write({"rating": rating})
        answered.write({"state": "submitted"})
        self.env.flush_all()
        self.info["answered"] = len(answered)

    def step_remind(self):
        """One call of the daily scheduled action with every deadline due
        tomorrow: one batch of reminders (REMINDER_BATCH reviewers; the
        scheduler commits and calls again for the rest)."""
        from odoo import fields

        tomorrow = fields.Date.context_today(self.cycle) + datetime.timedelta(days=1)
        self.feedbacks.write({"date_deadline": tomorrow})
        self.env.flush_all()
        self.env.invalidate_all()
        start = time.perf_counter()
        _expired, reminded = self.env["hr.appraisal.feedback"]._cron_remind_and_expire()
        self.info["reminded_in_one_call"] = reminded
        self.info["remind_call_s"] = round(time.perf_counter() - start, 2)

    def step_release(self):
        self.cycle.action_close_feedback_phase()


def main(argv=None):
    args = bench_cycle.parse_args(argv)
    registry, _addons = bench_cycle.load_registry(args)
    args.stamp = int(time.time())
    results = []
    for size in args.employees:
        cr = registry.cursor()
        try:
            from odoo import SUPERUSER_ID, api

            env = api.Environment(cr, SUPERUSER_ID, {})
            result = FeedbackBench(env, size, args).run()
        finally:
            cr.rollback()
            cr.close()
        results.append(result)
        print(f"\n== {size} employees ==")
        for name, step in result["steps"].items():
            print(f"{name:15s} {step['seconds']:8.2f} s {step['queries']:8d} queries")
        for key, value in result["info"].items():
            print(f"  {key}: {value}")
        for check in result["checks"]:
            print(f"  check {check}")
    if not args.no_json:
        os.makedirs(bench_cycle.RESULTS_DIR, exist_ok=True)
        path = os.path.join(bench_cycle.RESULTS_DIR, f"feedback_{args.stamp}.json")
        with open(path, "w") as handle:
            json.dump(results, handle, indent=1, default=str)
        print(f"\nwritten {path}")


if __name__ == "__main__":
    main()
