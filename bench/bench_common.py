"""What the benchmark scripts share: loading the registry of a database
with this repository's addons, the size-only command line and its main,
and a timed step that counts queries per employee."""

import argparse
import os
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_DIR = os.path.dirname(BENCH_DIR)


def load_registry(args):
    """The registry of ``args.db`` (or of the database name given), with this
    repository before Odoo's addons unless ``args.addons_path`` says
    otherwise."""
    import odoo
    import odoo.modules.registry
    from odoo.tools import config

    db = args if isinstance(args, str) else args.db
    addons_path = getattr(args, "addons_path", None) or ",".join(
        [REPO_DIR, *odoo.addons.__path__]
    )
    log_level = getattr(args, "log_level", None) or "warn"
    config.parse_config(
        ["-d", db, "--addons-path", addons_path, "--log-level", log_level]
    )
    return odoo.modules.registry.Registry(db)


def parse_size_args(description, argv=None):
    """--db, --employees N, --addons-path, --log-level."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--db", required=True)
    parser.add_argument("--employees", type=int, default=1000)
    parser.add_argument("--addons-path")
    parser.add_argument("--log-level", default="warn")
    return parser.parse_args(argv)


def run_rolled_back(run, description):
    """Parse the size arguments, run ``run(env, n)`` as superuser and roll
    everything back."""
    args = parse_size_args(description)
    registry = load_registry(args)
    from odoo import SUPERUSER_ID, api

    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        try:
            run(env, args.employees)
        finally:
            cr.rollback()


class EmployeeStep:
    """A timed step: seconds, queries and queries per employee."""

    def __init__(self, env, name, size, results):
        self.env, self.name, self.size, self.results = env, name, size, results

    def __enter__(self):
        self.env.flush_all()
        self.queries = self.env.cr.sql_log_count
        self.start = time.perf_counter()

    def __exit__(self, *exc):
        self.env.flush_all()
        seconds = time.perf_counter() - self.start
        queries = self.env.cr.sql_log_count - self.queries
        self.results.append((self.name, seconds, queries))
        print(
            f"  {self.name:<18} {seconds:8.2f} s {queries:7d} queries "
            f"{queries / self.size:7.3f} q/employee",
            flush=True,
        )
