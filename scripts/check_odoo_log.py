#!/usr/bin/env python3
"""Read the log of an Odoo test run and judge it (used by scripts/test.sh).

Three kinds of log, one judgement of their records:

* an Odoo test run (default). Odoo 18 closes a ``--stop-after-init
  --test-enable`` run with the line ``odoo.tests.result: F failed, E error(s)
  of N tests when loading database 'db'`` (``odoo/service/server.py``, text
  from ``OdooTestResult.__str__``); the counts come from it.
* a pytest-odoo run (``--junit FILE``): the log is the file Odoo wrote while
  pytest ran the tests (``--odoo-extra=logfile=...``); the counts come from
  pytest's JUnit XML report, one ``testcase`` element per test (pytest folds
  the test's subtests into it).
* an install without tests (``--install-only``): no count, only the records.

It reads the counts, the per-module ``odoo.tests.stats`` lines, and every
WARNING/ERROR/CRITICAL record, then prints a short report and, last, one line
``RESULT passed=P failed=F skipped=S`` for the caller. The exit status is 0
only when the run is clean:

* the counts are there (Odoo did not crash while loading; pytest wrote its
  report), and the exit status of Odoo or pytest (``--odoo-rc``) is 0, or 1
  from pytest when tests failed;
* no test failed or errored; with ``--require-tests``, at least one ran;
* no record at WARNING or above comes from the module's loggers
  (``odoo.addons.<module>...``) or names the module or one of its models
  (like OCA's checklog-odoo, limited to what is ours);
* no ERROR/CRITICAL record from any logger, beyond those that report failed
  tests (already counted).
"""

import argparse
import ast
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

RECORD = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) (?P<db>\S+) "
    r"(?P<logger>[\w.\-]+): (?P<msg>.*)$"
)
RESULT = re.compile(
    r"(?P<failed>\d+) failed, (?P<errors>\d+) error\(s\) of (?P<tests>\d+) tests "
    r"when loading database"
)
STATS = re.compile(r"^(?P<module>[\w.]+): (?P<tests>\d+) tests ")
# pytest-odoo imports odoo.tests while it starts, before its fixtures switch
# the test mode on around each test module, so Odoo's "not in test mode"
# guard logs this once, before any database is opened. Odoo's own runner
# imports the framework in test mode and never logs it.
PYTEST_ODOO_STARTUP = re.compile(r"^Importing test framework")
BAD_LEVELS = ("WARNING", "ERROR", "CRITICAL")
# Lines that only restate a test failure, already counted from the result line.
FAILURE_ECHOES = (
    re.compile(r"At least one test failed when loading the modules"),
    RESULT,
)
MAX_SHOWN = 60


def new_model_names(addon_dir):
    """``_name`` values declared by the addon's Python files."""
    names = set()
    for path in pathlib.Path(addon_dir).rglob("*.py"):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError, OSError):
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef):
                continue
            for stmt in node.body:
                if (
                    isinstance(stmt, ast.Assign)
                    and len(stmt.targets) == 1
                    and isinstance(stmt.targets[0], ast.Name)
                    and stmt.targets[0].id == "_name"
                    and isinstance(stmt.value, ast.Constant)
                    and isinstance(stmt.value.value, str)
                ):
                    names.add(stmt.value.value)
    return names


def read_records(path):
    """Yield dicts (level, logger, msg, lines) for each log record."""
    record = None
    with open(path, encoding="utf-8", errors="replace") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            match = RECORD.match(line)
            if match:
                if record:
                    yield record
                record = dict(match.groupdict(), lines=[line])
            elif record:
                record["lines"].append(line)  # traceback or multi-line message
    if record:
        yield record


def junit_counts(path):
    """``{"tests", "failed", "skipped"}`` of a pytest JUnit XML report.

    One test is one ``testcase`` element (classname and name); it counts as
    failed when it holds a ``failure`` or ``error`` (also one in its set-up or
    teardown, or in one of its subtests), skipped when it holds ``skipped``.
    The ``tests`` attribute of the ``testsuite`` is not used: pytest adds every
    subtest to it.
    """
    outcome = {}
    for case in ET.parse(path).getroot().iter("testcase"):
        key = (case.get("classname"), case.get("name"))
        tags = {child.tag for child in case}
        if tags & {"failure", "error"}:
            state = 2
        elif "skipped" in tags:
            state = 1
        else:
            state = 0
        outcome[key] = max(state, outcome.get(key, 0))
    states = list(outcome.values())
    return {
        "tests": len(states),
        "failed": states.count(2),
        "skipped": states.count(1),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("log")
    parser.add_argument("--module", required=True, help="our addon's name")
    parser.add_argument("--addon-dir", help="to learn the addon's model names")
    parser.add_argument("--label", default="odoo")
    parser.add_argument(
        "--odoo-rc", type=int, default=0, help="exit status of Odoo (or of pytest)"
    )
    parser.add_argument("--require-tests", action="store_true")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--junit", metavar="FILE", help="counts from this pytest JUnit XML report"
    )
    mode.add_argument("--install-only", action="store_true", help="a run without tests")
    args = parser.parse_args()

    module = args.module
    own_logger = f"odoo.addons.{module}"
    models = new_model_names(args.addon_dir) if args.addon_dir else set()
    mention = re.compile(
        "|".join(
            [rf"\b{re.escape(module)}\b"]
            + [rf"(?<![\w.]){re.escape(m)}(?![\w])" for m in sorted(models)]
        )
    )

    result = None
    stats = {}
    ours, other_errors, other_warnings, test_failures = [], [], [], []
    for rec in read_records(args.log):
        if rec["logger"] == "odoo.tests.stats":
            match = STATS.match(rec["msg"])
            if match:
                stats[match["module"]] = int(match["tests"])
        if rec["logger"] == "odoo.tests.result":
            match = RESULT.search(rec["msg"])
            if match:
                result = {k: int(v) for k, v in match.groupdict().items()}
        if rec["level"] not in BAD_LEVELS:
            continue
        if any(p.search(rec["msg"]) for p in FAILURE_ECHOES):
            continue
        if (
            args.junit
            and rec["db"] == "?"
            and rec["logger"] == "odoo.tests.common"
            and PYTEST_ODOO_STARTUP.search(rec["msg"])
        ):
            continue
        is_ours = rec["logger"] == own_logger or rec["logger"].startswith(
            own_logger + "."
        )
        from_tests = ".tests." in rec["logger"] + "."
        if rec["level"] != "WARNING" and from_tests:
            # "FAIL: ..."/"ERROR: ..." of a test: counted by the result line,
            # shown when it is ours.
            test_failures.append(rec)
            if is_ours:
                ours.append(rec)
            continue
        if is_ours or mention.search("\n".join(rec["lines"])):
            ours.append(rec)
        elif rec["level"] == "WARNING":
            other_warnings.append(rec)
        else:
            other_errors.append(rec)

    problems = []
    skipped = 0
    runner = "pytest" if args.junit else "Odoo"
    if args.junit:
        try:
            counts = junit_counts(args.junit)
        except (OSError, SyntaxError) as exc:  # ET.ParseError is a SyntaxError
            problems.append(f"no pytest report {args.junit} ({exc})")
            counts = {"tests": 0, "failed": 0, "skipped": 0}
        # pytest has no "errors" apart: an error is a failed test here.
        result = {"tests": counts["tests"], "failed": counts["failed"], "errors": 0}
        skipped = counts["skipped"]
    elif args.install_only:
        result = {"failed": 0, "errors": 0, "tests": 0}
    elif result is None:
        problems.append(
            "no 'N failed, N error(s) of N tests when loading database' line: "
            "Odoo stopped before running the tests (install or update failed?)"
        )
        result = {"failed": 0, "errors": 0, "tests": 0}
    if args.odoo_rc == 124:
        problems.append(f"{runner} was stopped by the time limit (timeout)")
    elif args.junit and args.odoo_rc == 5:
        problems.append("pytest collected no test (exit status 5)")
    elif args.odoo_rc != 0 and not (result["failed"] or result["errors"]):
        problems.append(f"{runner} exited with status {args.odoo_rc}")
    if args.require_tests and result["tests"] == 0 and not args.install_only:
        problems.append(f"0 tests ran for {module}: are they imported and tagged?")
    failed = result["failed"] + result["errors"]
    test_failure_ids = {id(r) for r in test_failures}
    own_bad = [r for r in ours if id(r) not in test_failure_ids]
    if not failed:
        # A test's ERROR line while no test failed is a problem of its own.
        own_bad = ours
        other_errors += [r for r in test_failures if id(r) not in {id(o) for o in ours}]
    if own_bad:
        problems.append(
            f"{len(own_bad)} log record(s) at WARNING or above from {module} "
            "(or naming it or its models)"
        )
    if other_errors:
        problems.append(f"{len(other_errors)} ERROR/CRITICAL log record(s)")

    label = args.label
    print(f"--- {label}: log {args.log}")
    if stats:
        print(
            "tests per module: "
            + ", ".join(f"{m}: {n}" for m, n in sorted(stats.items()))
        )
    if args.junit:
        print(
            f"result (pytest report {args.junit}): {result['tests']} tests, "
            f"{result['failed']} failed, {skipped} skipped"
        )
    elif not args.install_only:
        print(
            f"result: {result['tests']} tests, {result['failed']} failed, "
            f"{result['errors']} error(s)"
        )

    def show(title, records, limit=MAX_SHOWN):
        if not records:
            return
        print(f"{title} ({len(records)}):")
        for rec in records[:limit]:
            lines = rec["lines"]
            shown = (
                lines if len(lines) <= 40 else lines[:20] + ["  [...]"] + lines[-19:]
            )
            print("\n".join("  " + line for line in shown))
        if len(records) > limit:
            print(f"  ... {len(records) - limit} more in {args.log}")

    show(f"records at WARNING+ from {module} or naming it (blocking)", ours)
    show("ERROR/CRITICAL records from other loggers (blocking)", other_errors)
    failures_not_ours = [r for r in test_failures if r not in ours]
    show("test failures reported by other modules", failures_not_ours, limit=30)
    if other_warnings:
        print(
            f"other WARNING records, not blocking ({len(other_warnings)}), first ones:"
        )
        for rec in other_warnings[:10]:
            print("  " + rec["lines"][0][:300])

    # Whatever went wrong besides failed tests counts as one more failure.
    for problem in problems:
        print(f"PROBLEM: {problem}")
    failed_total = failed + (1 if problems else 0)
    passed = max(result["tests"] - failed - skipped, 0)
    print(f"RESULT passed={passed} failed={failed_total} skipped={skipped}")
    return 1 if (failed_total or problems) else 0


if __name__ == "__main__":
    sys.exit(main())
