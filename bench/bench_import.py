#!/usr/bin/env python3
"""Benchmark of the staff import from a SIASN-style file (issue 16).

Odoo as a library on an EXISTING database where the addon is installed;
everything is rolled back. It writes an .xlsx of N staff with the template's
columns (NIP, name, birth date, gender, ASN type, grade, job, unit, TMT CPNS,
supervisor's NIP) and imports it as an HR officer through the import screen's
own calls on ``base_import.import``: ``parse_preview`` (the column mapping it
suggests), ``execute_import(dryrun=True)`` (the screen's "Test") and
``execute_import`` (the "Import" button, with the screen's default batch
size of 2,000). Then the same file again (every row matched by NIP, nothing
changed) and a file where a tenth of the staff changed grade, job, unit or
supervisor.

The staff are spread over N/30 units of 15 agencies ("Dinas ... / Unit ..."),
units and jobs do not exist yet (the import creates them), every unit has a
head under the agency's head, and the rows are shuffled: most supervisors
come after some of their staff in the file.

    python3 bench/bench_import.py --db hkk_bench --rows 1000 10000

| step | what |
|---|---|
| preview | parse_preview: the file read, the columns mapped by their titles |
| test | execute_import(dryrun=True): the whole file checked and imported, rolled back |
| import | execute_import: N employees, units and jobs created, supervisors set |
| reimport_same | the same file: all rows matched by NIP, nothing written |
| reimport_changed | a tenth of the rows changed: those employees updated |
"""

import argparse
import datetime
import io
import os
import random
import sys
import time

from bench_common import load_registry  # noqa: E402

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_DIR = os.path.dirname(BENCH_DIR)
sys.path.insert(0, os.path.join(REPO_DIR, "hr_kinerja_kompetensi"))

from rules import nip as nip_rules  # noqa: E402
from rules.staff_import import TEMPLATE_HEADERS  # noqa: E402

TARGET_IMPORT_S = 300.0  # 10,000 rows in at most 5 minutes
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
AGENCIES = 15
PNS_GRADES = ["II/a", "II/c", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b"]
JOBS = [
    f"{title} {level}"
    for title in ("Guru", "Perawat", "Bidan", "Analis Kebijakan", "Pranata Komputer")
    for level in ("Ahli Pertama", "Ahli Muda", "Ahli Madya", "Terampil", "Mahir")
] + [f"Pengadministrasi {n}" for n in range(1, 31)]


def staff_rows(size, seed=16):
    """The file's rows (template column order) and, per NIP, the supervisor's."""
    rng = random.Random(seed)
    today = datetime.date.today()
    units = max(AGENCIES, size // 30)
    rows, used = [], set()

    def nip(index):
        while True:
            birth = datetime.date(
                1965 + rng.randrange(35), rng.randrange(1, 13), rng.randrange(1, 29)
            )
            tmt = datetime.date(
                min(today.year - 1, birth.year + 19 + rng.randrange(20)),
                rng.randrange(1, 13),
                1,
            )
            gender = rng.choice(("male", "female"))
            value = nip_rules.build(birth, tmt, gender, index % 999 + 1)
            if value not in used:
                used.add(value)
                return value, birth, tmt, gender

    def row(index, unit, job, parent):
        value, birth, tmt, gender = nip(index)
        return [
            value,
            f"Pegawai Bench {index:05d}",
            birth.isoformat(),
            "L" if gender == "male" else "P",
            "PNS",
            rng.choice(PNS_GRADES),
            job,
            unit,
            tmt.isoformat(),
            parent,
        ]

    heads = [
        row(i, f"Dinas Bench {i:02d}", "Kepala Dinas", "") for i in range(AGENCIES)
    ]
    rows.extend(heads)
    unit_heads = []
    for u in range(units - AGENCIES):
        agency = heads[u % AGENCIES]
        unit = f"Dinas Bench {u % AGENCIES:02d} / Unit Bench {u:04d}"
        unit_heads.append(row(len(rows), unit, "Kepala Unit", agency[0]))
        rows.append(unit_heads[-1])
    while len(rows) < size:
        head = unit_heads[len(rows) % len(unit_heads)]
        rows.append(row(len(rows), head[7], rng.choice(JOBS), head[0]))
    rows = rows[:size]
    rng.shuffle(rows)
    return rows


def xlsx_file(rows):
    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = workbook.add_worksheet("Pegawai")
    text = workbook.add_format({"num_format": "@"})
    sheet.write_row(0, 0, TEMPLATE_HEADERS)
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values):
            sheet.write_string(r, c, value, text)
    workbook.close()
    return buffer.getvalue()


class Step:
    def __init__(self, env, name, size, results):
        self.env, self.name, self.size, self.results = env, name, size, results

    def __enter__(self):
        self.env.flush_all()
        self.queries = self.env.cr.sql_log_count
        self.cpu = time.process_time()
        self.start = time.perf_counter()

    def __exit__(self, *exc):
        self.env.flush_all()
        seconds = time.perf_counter() - self.start
        cpu = time.process_time() - self.cpu
        queries = self.env.cr.sql_log_count - self.queries
        self.results.append((self.name, seconds, cpu, queries))
        print(
            f"  {self.name:<17} {seconds:8.2f} s ({cpu:7.2f} s CPU here) "
            f"{queries:7d} queries {queries / self.size:6.2f} q/row",
            flush=True,
        )


def run(env, size, results):
    hr = env["res.users"].create(
        {
            "name": "Bench HR officer",
            "login": "bench_import_hr",
            "groups_id": [
                (6, 0, [env.ref("hr_kinerja_kompetensi.group_kinerja_hr_officer").id])
            ],
        }
    )
    # what the import screen sends: its context and options
    env = env(user=hr.id, context={"lang": "en_US", "tracking_disable": True})
    rows = staff_rows(size)
    Import = env["base_import.import"]

    def execute(content, name, dryrun=False):
        wizard = Import.create(
            {
                "res_model": "hr.employee",
                "file": content,
                "file_name": f"{name}.xlsx",
                "file_type": XLSX,
            }
        )
        preview = wizard.parse_preview(
            {"has_headers": True, "advanced": False, "date_format": "%Y-%m-%d"}
        )
        assert not preview.get("error"), preview.get("error")
        fields = [
            "/".join(preview["matches"][i]) if i in preview["matches"] else False
            for i in range(len(preview["headers"]))
        ]
        options = dict(
            preview["options"],
            limit=2000,
            skip=0,
            has_headers=True,
            import_skip_records=[],
            import_set_empty_fields=[],
            fallback_values={},
            name_create_enabled_fields={},
        )
        result = wizard.execute_import(
            fields, [h.lower() for h in preview["headers"]], options, dryrun=dryrun
        )
        errors = [m for m in result["messages"] if m["type"] == "error"]
        assert not errors, errors[:5]
        return fields, result

    content = xlsx_file(rows)
    with Step(env, "preview", size, results):
        wizard = Import.create(
            {
                "res_model": "hr.employee",
                "file": content,
                "file_name": "staff.xlsx",
                "file_type": XLSX,
            }
        )
        preview = wizard.parse_preview({"has_headers": True, "advanced": False})
    mapped = dict(
        zip(
            preview["headers"],
            ("/".join(m) for m in preview["matches"].values()),
            strict=False,
        )
    )
    print(f"    mapping: {mapped}")
    env.cr.execute("ANALYZE")
    with Step(env, "test", size, results):
        execute(content, "staff", dryrun=True)
    env.cr.execute("ANALYZE")
    with Step(env, "import", size, results):
        _fields, result = execute(content, "staff")
    employees = env["hr.employee"].browse(result["ids"])
    by_nip = {e.nip: e for e in employees}
    wrong = sum(1 for r in rows if (by_nip[r[0]].parent_id.nip or "") != r[9])
    print(
        f"    {len(employees)} employees, {len(employees.department_id)} units, "
        f"{len(employees.job_id)} jobs, {wrong} wrong supervisors"
    )
    env.cr.execute("ANALYZE")
    with Step(env, "reimport_same", size, results):
        _fields, again = execute(content, "staff")
    assert sorted(again["ids"]) == sorted(result["ids"]), "re-import matched by NIP"
    rng = random.Random(1)
    changed = [list(r) for r in rows]
    heads = [r for r in rows if r[6] == "Kepala Unit"]
    for r in rng.sample(changed, len(changed) // 10):
        what = rng.randrange(4)
        if what == 0:
            r[5] = rng.choice(PNS_GRADES)
        elif what == 1:
            r[6] = rng.choice(JOBS)
        elif r[6] not in ("Kepala Dinas", "Kepala Unit"):
            head = rng.choice(heads)
            r[7], r[9] = head[7], head[0]  # moved to another unit
    env.cr.execute("ANALYZE")
    with Step(env, "reimport_changed", size, results):
        _fields, third = execute(xlsx_file(changed), "changed")
    count = env["hr.employee"].search_count([("nip", "in", [r[0] for r in rows])])
    print(f"    {count} employees with these NIPs (no duplicate: {count == size})")
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--rows", type=int, nargs="+", default=[1000])
    args = parser.parse_args()
    registry = load_registry(args.db)
    from odoo import SUPERUSER_ID, api

    for size in args.rows:
        print(f"=== N = {size} rows ===", flush=True)
        results = []
        with registry.cursor() as cr:
            try:
                run(api.Environment(cr, SUPERUSER_ID, {}), size, results)
            finally:
                cr.rollback()
        seconds = dict((name, s) for name, s, _cpu, _q in results).get("import")
        if seconds is not None and size >= 10000:
            ok = seconds <= TARGET_IMPORT_S
            print(
                f"  target: import of {size} rows <= {TARGET_IMPORT_S:.0f} s: "
                f"{'ok' if ok else 'MISSED'}"
            )


if __name__ == "__main__":
    sys.exit(main())
