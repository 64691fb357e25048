#!/usr/bin/env python3
"""Read the log of an Odoo test run and judge it (used by scripts/test.sh).

Odoo 18 closes a ``--stop-after-init --test-enable`` run with the line
``odoo.tests.result: F failed, E error(s) of N tests when loading database 'db'``
(``odoo/service/server.py``, text from ``OdooTestResult.__str__``). This
script reads that line, the per-module ``odoo.tests.stats`` lines, and every
WARNING/ERROR/CRITICAL record, then prints a short report and, last, one line
``RESULT passed=P failed=F`` for the caller. The exit status is 0 only when
the run is clean:

* the result line is there (Odoo did not crash while loading), and the exit
  status of Odoo (``--odoo-rc``) is 0;
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

RECORD = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) (?P<db>\S+) "
    r"(?P<logger>[\w.\-]+): (?P<msg>.*)$"
)
RESULT = re.compile(
    r"(?P<failed>\d+) failed, (?P<errors>\d+) error\(s\) of (?P<tests>\d+) tests "
    r"when loading database"
)
STATS = re.compile(r"^(?P<module>[\w.]+): (?P<tests>\d+) tests ")
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("log")
    parser.add_argument("--module", required=True, help="our addon's name")
    parser.add_argument("--addon-dir", help="to learn the addon's model names")
    parser.add_argument("--label", default="odoo")
    parser.add_argument("--odoo-rc", type=int, default=0)
    parser.add_argument("--require-tests", action="store_true")
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
    if result is None:
        problems.append(
            "no 'N failed, N error(s) of N tests when loading database' line: "
            "Odoo stopped before running the tests (install or update failed?)"
        )
        result = {"failed": 0, "errors": 0, "tests": 0}
    if args.odoo_rc == 124:
        problems.append("Odoo was stopped by the time limit (timeout)")
    elif args.odoo_rc != 0 and not (result["failed"] or result["errors"]):
        problems.append(f"Odoo exited with status {args.odoo_rc}")
    if args.require_tests and result["tests"] == 0:
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
    passed = max(result["tests"] - failed, 0)
    print(f"RESULT passed={passed} failed={failed_total}")
    return 1 if (failed_total or problems) else 0


if __name__ == "__main__":
    sys.exit(main())
