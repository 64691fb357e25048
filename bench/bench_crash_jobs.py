#!/usr/bin/env python3
"""Crash test of the background cycle generation or 360 request (hr_kinerja_kompetensi).

1. Builds N employees with bench_cycle.py's builders in a scratch database
   where the addon is installed, COMMITS them, and has an HR officer open a
   cycle: a background job is queued (hr.kinerja.job).
2. Starts a real Odoo server on that database (one cron thread, HTTP on
   127.0.0.1 only), wakes its cron thread, and follows the job in the
   database; once ``--kill-after`` employees are committed it kills that
   server by its own process id (SIGKILL: no cleanup, a batch is cut in the
   middle).
3. Starts the server again, waits for the job to end, stops it (SIGTERM, by
   pid) and checks exact counts with SQL: one appraisal per appraisable
   employee, no duplicate, every competency and behaviour line, every
   activity (the employee's when she has a user, the supervisor's when he
   has one).

With ``--operation feedback`` the generation runs to its end first (no
kill), then the officer starts the cycle's bulk 360 request as a job, and that
job is the one killed mid-batch and resumed; the check is then: as many
requests as the proposals counted before the start, no appraisal asks the
same reviewer twice, one activity per request, and nothing left to propose.

The data stays in the database (use a scratch copy):

    python3 bench/bench_crash_jobs.py --db hkk_crash --employees 5000
    python3 bench/bench_crash_jobs.py --db hkk_crash2 --employees 2000 \
        --operation feedback --batch-size 500
"""

import argparse
import datetime
import os
import signal
import subprocess
import sys
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_DIR = os.path.dirname(BENCH_DIR)
sys.path.insert(0, BENCH_DIR)

import bench_cycle  # noqa: E402  (the builders of the cycle benchmark)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True, help="scratch database, addon in")
    parser.add_argument("--employees", type=int, default=5000)
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument(
        "--kill-after",
        type=int,
        default=None,
        help="kill the server once this many employees are committed "
        "(default: one batch), then half a batch's time later",
    )
    parser.add_argument(
        "--operation",
        choices=("generate", "feedback"),
        default="generate",
        help="the job to crash: the cycle generation or the bulk 360 request",
    )
    parser.add_argument("--http-port", type=int, default=18085)
    parser.add_argument("--data-dir", default="/tmp/hkkjobdata")
    parser.add_argument("--addons-path")
    parser.add_argument("--users-ratio", type=float, default=0.1)
    parser.add_argument("--timeout", type=float, default=900.0)
    parser.add_argument("--log-level", default="warn")
    parser.add_argument(
        "--reuse",
        type=int,
        nargs=2,
        metavar=("CYCLE_ID", "JOB_ID"),
        help="skip the build: crash this committed, still queued job",
    )
    args = parser.parse_args(argv)
    args.kill_after = args.kill_after or args.batch_size
    # what bench_cycle's builders read from args
    args.profile_steps = set()
    args.profile_sql = False
    args.skip_baseline = True
    args.top = 10
    args.stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    return args


class Builder(bench_cycle.CycleBench):
    def build(self):
        self.probes = bench_cycle.MethodProbes(self.env, {})
        self.env = self.env(
            context=dict(self.env.context, tracking_disable=True, mail_notrack=True)
        )
        for step in ("setup", "users", "employees"):
            self.measure(step, getattr(self, f"step_{step}"), profile=False)
        env = self.env
        params = env["ir.config_parameter"].sudo()
        params.set_param("hr_kinerja_kompetensi.job_batch_size", self.args.batch_size)
        params.set_param("hr_kinerja_kompetensi.job_inline_limit", 0)
        officer = (
            env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": "Crash Officer",
                    "login": f"crash_hr_{self.args.stamp}",
                    "company_id": self.company.id,
                    "company_ids": [(6, 0, self.company.ids)],
                    "groups_id": [
                        (4, env.ref("base.group_user").id),
                        (
                            4,
                            env.ref(
                                "hr_kinerja_kompetensi.group_kinerja_hr_officer"
                            ).id,
                        ),
                    ],
                }
            )
        )
        cycle = env["hr.appraisal.cycle"].create(
            {
                "name": f"Crash test {self.args.stamp}",
                "period_type": "monthly",
                "date_start": "2040-01-01",
                "date_end": "2040-01-31",
                "date_self_deadline": "2040-01-20",
                "date_supervisor_deadline": "2040-01-25",
                "company_id": self.company.id,
                "department_ids": self.department.ids,
            }
        )
        cycle.with_user(officer).with_company(self.company).action_open()
        if not cycle.generation_job_id:
            raise SystemExit("the cycle was generated inline: no job to crash")
        self.officer = officer
        return cycle.id, cycle.generation_job_id.id


def build(args):
    registry, addons_path = bench_cycle.load_registry(args)
    from odoo import SUPERUSER_ID, api

    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        builder = Builder(env, args.employees, args, label=f"crash {args.stamp}")
        cycle_id, job_id = builder.build()
        cr.commit()
    args.officer_id = builder.officer.id
    return addons_path, cycle_id, job_id


def start_feedback_job(args, cycle_id):
    """As the officer, start the cycle's bulk 360 request (queued as a job);
    returns the job and the number of requests it must make, counted by
    ``_propose`` on the same committed data before anything is sent."""
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry

    with Registry(args.db).cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        cycle = env["hr.appraisal.cycle"].browse(cycle_id)
        want = len(env["hr.appraisal.feedback.request"]._propose(cycle.appraisal_ids))
        officer = env["res.users"].browse(args.officer_id)
        cycle.with_user(officer).with_company(
            cycle.company_id
        ).action_request_feedback()
        job = cycle.feedback_request_job_id
        if not job:
            raise SystemExit("the 360 request ran inline: no job to crash")
        cr.commit()
        return job.id, want


def feedback_counts(args, cycle_id):
    """What the 360 job left: requests, repeated (appraisal, reviewer) pairs,
    activities on the requests, and proposals still to make (lost ones)."""
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry

    with Registry(args.db).cursor() as cr:
        queries = {
            "requests": "SELECT count(*) FROM hr_appraisal_feedback "
            "WHERE cycle_id = %(c)s",
            "duplicates": """SELECT count(*) FROM (SELECT 1 FROM hr_appraisal_feedback
                WHERE cycle_id = %(c)s GROUP BY appraisal_id, reviewer_id
                HAVING count(*) > 1) d""",
            "activities": """SELECT count(*) FROM mail_activity m
                JOIN hr_appraisal_feedback f ON f.id = m.res_id
                 AND m.res_model = 'hr.appraisal.feedback'
                WHERE f.cycle_id = %(c)s""",
        }
        result = {}
        for name, query in queries.items():
            cr.execute(query, {"c": cycle_id})
            result[name] = cr.fetchone()[0]
        env = api.Environment(cr, SUPERUSER_ID, {})
        cycle = env["hr.appraisal.cycle"].browse(cycle_id)
        result["left_to_propose"] = len(
            env["hr.appraisal.feedback.request"]._propose(cycle.appraisal_ids)
        )
        return result


def start_server(args, addons_path, log_path):
    command = [
        sys.executable,
        "-m",
        "odoo",
        "server",
        "-d",
        args.db,
        "--db-filter",
        f"^{args.db}$",
        "--addons-path",
        addons_path,
        "--data-dir",
        args.data_dir,
        "--http-interface",
        "127.0.0.1",
        "--http-port",
        str(args.http_port),
        "--workers",
        "0",
        "--max-cron-threads",
        "1",
        "--log-level",
        "info",
        "--logfile",
        log_path,
    ]
    return subprocess.Popen(command, cwd=REPO_DIR)  # noqa: S603 (our own argv)


def job_row(cr, job_id):
    cr.execute(
        "SELECT state, coalesce(progress_done, 0), progress_total, "
        "coalesce(result_count, 0), message "
        "FROM hr_kinerja_job WHERE id = %s",
        [job_id],
    )
    return cr.fetchone()


def wake_cron(cr, db):
    # the cron thread sleeps up to a minute; this is what _trigger() sends
    # (ir.cron._notifydb), on the "postgres" database where cron threads listen
    cr.execute("SELECT pg_notify('cron_trigger', %s)", [db])


def follow(args, cr, notify_cr, job_id, until, server, label):
    """Poll the job every 0.2 s (waking the cron thread) until ``until(row)``."""
    start = time.monotonic()
    last = None
    while time.monotonic() - start < args.timeout:
        wake_cron(notify_cr, args.db)
        row = job_row(cr, job_id)
        if row[:2] != last:
            print(
                f"  {label} {time.monotonic() - start:7.1f} s  {row[0]:<8}"
                f" {row[1]:>7,} / {row[2]:,}",
                flush=True,
            )
            last = row[:2]
        if until(row):
            return row
        if server.poll() is not None:
            raise SystemExit(f"the Odoo server ended by itself ({server.returncode})")
        time.sleep(0.2)
    raise SystemExit(f"timeout: job still {row[0]} after {args.timeout} s")


def counts(cr, cycle_id):
    queries = {
        "appraisals": "SELECT count(*) FROM hr_appraisal WHERE cycle_id = %(c)s",
        "duplicates": """SELECT count(*) FROM (SELECT employee_id FROM hr_appraisal
            WHERE cycle_id = %(c)s GROUP BY employee_id HAVING count(*) > 1) d""",
        "competency_lines": """SELECT count(*) FROM hr_appraisal_competency l
            JOIN hr_appraisal a ON a.id = l.appraisal_id WHERE a.cycle_id = %(c)s""",
        "behavior_lines": """SELECT count(*) FROM hr_appraisal_behavior l
            JOIN hr_appraisal a ON a.id = l.appraisal_id WHERE a.cycle_id = %(c)s""",
        "activities": """SELECT count(*) FROM mail_activity m
            JOIN hr_appraisal a ON a.id = m.res_id AND m.res_model = 'hr.appraisal'
            WHERE a.cycle_id = %(c)s""",
    }
    result = {}
    for name, query in queries.items():
        cr.execute(query, {"c": cycle_id})
        result[name] = cr.fetchone()[0]
    return result


def expected(cr, cycle_id):
    """What a generation must give, from the employees alone."""
    cr.execute(
        """
        WITH scope AS (
            SELECT e.id, e.user_id, p.user_id AS ppk_user_id, e.job_id
              FROM hr_employee e
              JOIN hr_appraisal_cycle c ON c.id = %(c)s
              JOIN hr_employee p ON p.id = e.parent_id
             WHERE e.company_id = c.company_id AND e.active
               AND e.department_id IN (
                   SELECT hr_department_id FROM hr_appraisal_cycle_hr_department_rel
                    WHERE hr_appraisal_cycle_id = %(c)s)
        )
        SELECT count(*),
               count(*) FILTER (WHERE user_id IS NOT NULL)
             + count(*) FILTER (WHERE ppk_user_id IS NOT NULL),
               (SELECT count(*) FROM hr_job_competency jc
                 WHERE jc.job_id = min(scope.job_id))
          FROM scope
        """,
        {"c": cycle_id},
    )
    appraisals, activities, standard = cr.fetchone()
    cr.execute("SELECT count(*) FROM hr_behavior_value WHERE active")
    (values,) = cr.fetchone()
    return {
        "appraisals": appraisals,
        "duplicates": 0,
        "competency_lines": appraisals * standard,
        "behavior_lines": appraisals * values,
        "activities": activities,
    }


def crash_and_resume(args, cr, notify_cr, job_id, addons_path, log_path):
    """Run the job on a server, SIGKILL it (by its pid) half a batch after
    ``--kill-after`` units are committed, restart, follow to the end.
    Returns the job row at the kill, at the end, and the seconds to resume."""
    server = start_server(args, addons_path, log_path)
    print(f"server 1 (pid {server.pid}), log {log_path}")
    follow(
        args, cr, notify_cr, job_id, lambda r: r[1] >= args.kill_after, server, "run 1"
    )
    # half a batch later: the kill cuts a batch in the middle
    time.sleep(max(0.3, 0.0008 * args.batch_size))
    os.kill(server.pid, signal.SIGKILL)
    server.wait()
    time.sleep(1.0)  # PostgreSQL ends the dead server's sessions
    killed = job_row(cr, job_id)
    print(
        f"  KILLED pid {server.pid}: job {killed[0]}, {killed[1]:,} / "
        f"{killed[2]:,} committed, {killed[3]:,} created"
    )
    server = start_server(args, addons_path, log_path)
    print(f"server 2 (pid {server.pid})")
    restart = time.monotonic()
    row = follow_to_end(args, cr, notify_cr, job_id, server, "run 2")
    resume_s = time.monotonic() - restart
    stop_server(server)
    return killed, row, resume_s


def follow_to_end(args, cr, notify_cr, job_id, server, label):
    ended = ("done", "failed")
    return follow(args, cr, notify_cr, job_id, lambda r: r[0] in ended, server, label)


def stop_server(server):
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=60)


def run_to_end(args, cr, notify_cr, job_id, addons_path, log_path):
    server = start_server(args, addons_path, log_path)
    print(f"server 0 (pid {server.pid}): generation to its end, no kill")
    row = follow_to_end(args, cr, notify_cr, job_id, server, "generate")
    stop_server(server)
    if row[0] != "done":
        raise SystemExit(f"the generation failed: {row[4]}")


def report(row, killed, resume_s, got, want, unit):
    print(
        f"job {row[0]} after restart in {resume_s:.1f} s: {row[1]:,} / "
        f"{row[2]:,} {unit}, {row[3]:,} created"
        + (f", failure: {row[4]}" if row[4] else "")
    )
    print(f"{'count':<18}{'expected':>10}{'got':>10}")
    for name in want:
        mark = "" if got[name] == want[name] else "   MISMATCH"
        print(f"{name:<18}{want[name]:>10,}{got[name]:>10,}{mark}")
    ok = (
        row[0] == "done"
        and killed[0] == "running"
        and 0 < killed[1] < killed[2]
        and got == want
    )
    print("CRASH TEST", "PASSED" if ok else "FAILED")
    return 0 if ok else 1


def main(argv=None):
    args = parse_args(argv)
    if args.reuse:
        if args.operation != "generate":
            raise SystemExit("--reuse is for a queued generation job")
        cycle_id, job_id = args.reuse
        import odoo.addons

        addons_path = args.addons_path or ",".join([REPO_DIR, *odoo.addons.__path__])
    else:
        print(f"building {args.employees:,} employees in {args.db} (committed)...")
        started = time.monotonic()
        addons_path, cycle_id, job_id = build(args)
        print(
            f"  built in {time.monotonic() - started:.1f} s: cycle {cycle_id}, "
            f"job {job_id}",
            flush=True,
        )

    import psycopg2

    conn = psycopg2.connect(dbname=args.db)
    conn.autocommit = True
    cr = conn.cursor()
    notify_conn = psycopg2.connect(dbname="postgres")
    notify_conn.autocommit = True
    notify_cr = notify_conn.cursor()
    log_path = f"/tmp/{args.db}-crash-{args.stamp}.log"

    if args.operation == "feedback":
        run_to_end(args, cr, notify_cr, job_id, addons_path, log_path)
        job_id, proposals = start_feedback_job(args, cycle_id)
        print(f"360 request job {job_id} queued: {proposals:,} requests to make")
        killed, row, resume_s = crash_and_resume(
            args, cr, notify_cr, job_id, addons_path, log_path
        )
        got = feedback_counts(args, cycle_id)
        want = {
            "requests": proposals,
            "duplicates": 0,
            "activities": proposals,
            "left_to_propose": 0,
        }
        return report(row, killed, resume_s, got, want, "appraisals")

    killed, row, resume_s = crash_and_resume(
        args, cr, notify_cr, job_id, addons_path, log_path
    )
    return report(
        row, killed, resume_s, counts(cr, cycle_id), expected(cr, cycle_id), "employees"
    )


if __name__ == "__main__":
    sys.exit(main())
