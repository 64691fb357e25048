from collections import Counter, defaultdict, namedtuple

from odoo import models
from odoo.exceptions import UserError

from ..models import labels
from ..models.hr_appraisal import PREDICATE_SELECTION
from ..models.hr_appraisal_confidential_mixin import HR_GROUP
from ..rules import distribution
from ..rules.service import golongan_selection

PENILAI_GROUP = "hr_kinerja_kompetensi.group_kinerja_penilai"

# The workbook is handed to BKPSDM and keyed into BKN e-Kinerja: its sheet
# names, headers and labels are Indonesian whatever the user's language.
RATING_LABELS = labels.workbook_labels(labels.RATINGS)
STEP_LABELS = labels.workbook_labels(labels.STEPS)
PREDICATE_LABELS = labels.workbook_labels(labels.PREDICATES)
JPM_CATEGORY_LABELS = labels.workbook_labels(labels.JPM_CATEGORIES)
ORGANIZATION_RATING_LABELS = labels.workbook_labels(labels.ORGANIZATION_RATINGS)
# 360 roles in the order of the sheet '360'
FEEDBACK_ROLE_LABELS = labels.workbook_labels(labels.FEEDBACK_ROLES)
GOLONGAN_LABELS = dict(golongan_selection())
NO_UNIT = "(Tanpa Unit Kerja)"

# One column of a sheet: key of the row value, header, width, format name.
Column = namedtuple("Column", "key header width fmt")
# What to export: the cycle (a record), the units (a recordset, empty for
# all) and the four options of the wizard.
ExportChoices = namedtuple(
    "ExportChoices",
    "cycle departments include_pending include_competencies include_feedback "
    "include_development",
)
# Options of the report data, all True when the report is printed from the
# cycle's Print menu (everything, as HR exports it)
OPTION_KEYS = (
    "include_pending",
    "include_competencies",
    "include_feedback",
    "include_development",
)

# department_id of hr.appraisal is a related field (not stored): it is read
# from the employees, in the same query as their other values.
APPRAISAL_FIELDS = ["employee_id", "kinerja_state"]
# The supervisor's judgement, read from where its record rules decide
JUDGEMENT_FIELDS = [
    "work_result_rating",
    "behavior_rating",
    "predicate",
    "job_person_match",
    "jpm_category",
    "gap_count",
]
EMPLOYEE_FIELDS = ["name", "nip", "golongan", "job_title", "department_id"]


class ReportHrAppraisalExportXlsx(models.AbstractModel):
    """Excel workbook of a cycle for BKPSDM, keyed by NIP (report_xlsx).

    Printed from the cycle's Print menu (everything the user may see) or
    rendered by the export wizard with its choices in the report data
    (``cycle_id``, ``department_ids`` and the ``include_*`` options).

    Everything is read as the user who exports (never sudo), so the record
    rules and the confidentiality of the appraisal apply: HR exports the
    whole agency, a supervisor the people below them. Data is read in a
    fixed number of queries (batched search_read / _read_group), then each
    sheet is written by its own method from a column-spec list, row after
    row, by xlsxwriter in ``constant_memory`` mode.
    """

    _name = "report.hr_kinerja_kompetensi.appraisal_export_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Excel Workbook of an Appraisal Cycle"

    def get_workbook_options(self):
        # constant_memory: every row is flushed to a temporary file as soon
        # as the next one starts, so memory stays flat whatever the size.
        return {"constant_memory": True, "in_memory": False}

    def generate_xlsx_report(self, workbook, data, objs):
        self._check_can_export()
        choices = self._export_choices(data or {}, objs)
        collected = self._collect_data(choices)
        if not collected["appraisals"]:
            raise UserError(
                self.env._(
                    "No appraisal of %(cycle)s matches this selection (or you "
                    "may not see it). Choose other departments or include the "
                    "appraisals not done.",
                    cycle=choices.cycle.display_name,
                )
            )
        formats = self._workbook_formats(workbook)
        for name, writer in self._export_sheets(choices):
            writer(workbook, workbook.add_worksheet(name), formats, choices, collected)

    def _export_choices(self, data, cycles):
        """The choices of the report data; without them, everything.

        The data may also come from the report's URL (query strings): only
        an integer cycle, a list of unit ids and boolean options count, the
        rest is ignored (what is read stays under the user's record rules).
        """
        if isinstance(data.get("cycle_id"), int):
            cycles = self.env["hr.appraisal.cycle"].browse(data["cycle_id"])
        if len(cycles) != 1:
            raise UserError(
                self.env._("Print the Excel workbook of one cycle at a time.")
            )
        department_ids = data.get("department_ids")
        if not isinstance(department_ids, list):
            department_ids = []
        return ExportChoices(
            cycle=cycles,
            departments=self.env["hr.department"].browse(
                [i for i in department_ids if isinstance(i, int)]
            ),
            **{key: data.get(key) is not False for key in OPTION_KEYS},
        )

    # Access and selection
    def _is_hr(self):
        return self.env.user.has_group(HR_GROUP)

    def _check_can_export(self):
        if not (self._is_hr() or self.env.user.has_group(PENILAI_GROUP)):
            raise UserError(
                self.env._("Only HR officers and supervisors can export appraisals.")
            )

    def _appraisal_domain(self, choices):
        domain = [("cycle_id", "=", choices.cycle.id)]
        if choices.departments:
            domain.append(("department_id", "child_of", choices.departments.ids))
        if not choices.include_pending:
            domain.append(("kinerja_state", "=", "done"))
        if self._is_hr():
            # HR exports the agency, but not their own row: an HR officer
            # who is appraised reads her own result as any appraisee does
            domain.append(("employee_id.user_id", "!=", self.env.uid))
        else:
            # A supervisor exports the appraisals in their supervision scope
            # (never their own); the record rules restrict them on top of it.
            domain.append(("in_my_supervision", "=", True))
        return domain

    # Reading (a fixed number of queries, as the user)
    def _collect_data(self, choices):
        """Everything the sheets need, as plain values.

        Returns a dict: ``appraisals`` (rows sorted by unit and name, each a
        dict of APPRAISAL_FIELDS plus employee values and ``unit``),
        ``competencies`` ({appraisal id: {skill id: (level, gap)}}) and
        ``skills`` (ordered list of (skill id, header)).
        """
        env = self.env
        rows = env["hr.appraisal"].search_read(
            self._appraisal_domain(choices), APPRAISAL_FIELDS, load=None
        )
        judgements = {
            values["appraisal_id"]: values
            for values in env["hr.appraisal.judgement"].search_read(
                [("appraisal_id", "in", [row["id"] for row in rows])],
                ["appraisal_id", *JUDGEMENT_FIELDS],
                load=None,
            )
        }
        empty = dict.fromkeys(JUDGEMENT_FIELDS, False)
        for row in rows:
            row.update(
                {
                    fname: judgements.get(row["id"], empty)[fname]
                    for fname in JUDGEMENT_FIELDS
                }
            )
        employees = {
            values["id"]: values
            for values in env["hr.employee.public"].search_read(
                [("id", "in", list({row["employee_id"] for row in rows}))],
                EMPLOYEE_FIELDS,
                load=None,
            )
        }
        units = self._names(
            "hr.department", "complete_name", employees.values(), "department_id"
        )
        for row in rows:
            employee = employees.get(row["employee_id"], {})
            row["department_id"] = employee.get("department_id")
            row["name"] = employee.get("name") or ""
            row["nip"] = employee.get("nip") or ""
            row["golongan"] = GOLONGAN_LABELS.get(employee.get("golongan"), "")
            # the job title follows the job (hr.job itself is HR's to read)
            row["position"] = employee.get("job_title") or ""
            row["unit"] = units.get(row["department_id"]) or NO_UNIT
        rows.sort(key=lambda row: (row["unit"], row["name"], row["id"]))
        data = {
            "appraisals": rows,
            "competencies": {},
            "skills": [],
            "feedback": [],
            "development": {},
            "awards": {},
        }
        if not rows:
            return data
        if choices.include_competencies:
            self._collect_competencies(data)
        if choices.include_feedback:
            self._collect_feedback(choices, data)
        if choices.include_development:
            self._collect_development(choices, data)
        self._collect_awards(choices, data)
        return data

    def _names(self, model, fname, rows, key):
        ids = list({row[key] for row in rows if row.get(key)})
        if not ids:
            return {}
        return {
            values["id"]: values[fname]
            for values in self.env[model].search_read([("id", "in", ids)], [fname])
        }

    def _collect_competencies(self, data):
        matrix = defaultdict(dict)
        skill_ids = set()
        groups = self.env["hr.appraisal.competency.judgement"]._read_group(
            [("appraisal_id", "in", [row["id"] for row in data["appraisals"]])],
            ["appraisal_id", "skill_id"],
            ["manager_level:max", "gap:min"],
        )
        for appraisal, skill, level, gap in groups:
            matrix[appraisal.id][skill.id] = (level, gap)
            skill_ids.add(skill.id)
        skills = self.env["hr.skill"].search_read(
            [("id", "in", list(skill_ids))], ["name", "code", "competency_family"]
        )
        family_order = {"manajerial": 0, "sosial_kultural": 1, "teknis": 2}
        skills.sort(
            key=lambda s: (
                family_order.get(s["competency_family"], 3),
                s["code"] or "",
                s["name"],
            )
        )
        data["competencies"] = matrix
        data["skills"] = [
            (s["id"], f"{s['code']} {s['name']}" if s["code"] else s["name"])
            for s in skills
        ]

    def _collect_feedback(self, choices, data):
        """Rows of the sheet '360': one per unit and role.

        Request counts come from the requests the user may read; results
        only from the released aggregates the user may read, and among them
        only those that reached the minimum number of responses (``enough``;
        ``median`` holds nothing otherwise). Reviewers, individual ratings
        and comments are not read at all.
        """
        unit_of = {row["id"]: row["unit"] for row in data["appraisals"]}
        appraisal_domain = [("appraisal_id", "in", list(unit_of))]
        request_counts = defaultdict(Counter)
        for appraisal, role, state, count in self.env[
            "hr.appraisal.feedback"
        ]._read_group(appraisal_domain, ["appraisal_id", "role", "state"], ["__count"]):
            request_counts[(unit_of[appraisal.id], role)][state] += count
        # per (unit, role): appraisals with a result, and the medians' sum
        released = defaultdict(lambda: {"appraisals": set(), "sum": 0.0, "count": 0})
        for appraisal, role, median_sum, count in self.env[
            "hr.appraisal.feedback.aggregate"
        ]._read_group(
            [*appraisal_domain, ("enough", "=", True)],
            ["appraisal_id", "role"],
            ["median:sum", "__count"],
        ):
            result = released[(unit_of[appraisal.id], role)]
            result["appraisals"].add(appraisal.id)
            result["sum"] += median_sum
            result["count"] += count
        minimum = choices.cycle.company_id.feedback_min_responses
        role_order = list(FEEDBACK_ROLE_LABELS)
        rows = []
        for unit, role in sorted(
            request_counts.keys() | released.keys(),
            key=lambda key: (key[0], role_order.index(key[1])),
        ):
            states = request_counts.get((unit, role), Counter())
            total = sum(states.values())
            result = released.get((unit, role))
            values = {
                "unit": unit,
                "role": FEEDBACK_ROLE_LABELS[role],
                "requested": total,
                "submitted": states["submitted"],
                "declined": states["declined"],
                "expired": states["expired"],
                "response_pct": (
                    round(states["submitted"] * 100.0 / total, 2) if total else None
                ),
            }
            if result:
                values["with_result"] = len(result["appraisals"])
                values["median_avg"] = round(result["sum"] / result["count"], 2)
            elif not choices.cycle.feedback_closed:
                values["note"] = "Hasil belum dirilis (fase umpan balik masih terbuka)"
            elif role in ("supervisor", "self"):
                values["note"] = "Belum ada tanggapan"
            else:
                values["note"] = (
                    f"Kurang dari {minimum} tanggapan: hasil tidak ditampilkan"
                )
            rows.append(values)
        data["feedback"] = rows

    def _collect_development(self, choices, data):
        """{employee id: plan values} of the cycle's calendar year."""
        employee_ids = list({row["employee_id"] for row in data["appraisals"]})
        data["development_year"] = choices.cycle.date_end.year
        data["development"] = {
            values["employee_id"]: values
            for values in self.env["hr.development.plan"].search_read(
                [
                    ("employee_id", "in", employee_ids),
                    ("year", "=", data["development_year"]),
                ],
                ["employee_id", "jp_target", "jp_planned", "jp_realized"],
                load=None,
            )
        }

    def _collect_awards(self, choices, data):
        """{employee id: text} of the awards given within the cycle's period."""
        employees = self.env["hr.employee"].browse(
            {row["employee_id"] for row in data["appraisals"]}
        )
        awards = self.env["hr.employee.award"]._awards_by_employee(
            employees, choices.cycle.date_start, choices.cycle.date_end
        )
        data["awards"] = {
            employee_id: "; ".join(
                f"{award.award_type_id.name} ({award.date:%d-%m-%Y})"
                for award in records.sorted("date")
            )
            for employee_id, records in awards.items()
        }

    # Writing
    def _export_sheets(self, choices):
        """(sheet name, writer method) in workbook order."""
        sheets = [
            ("Ringkasan", self._write_summary_sheet),
            ("Pegawai", self._write_employee_sheet),
        ]
        if choices.include_competencies:
            sheets.append(("Kompetensi", self._write_competency_sheet))
        if choices.include_feedback:
            sheets.append(("360", self._write_feedback_sheet))
        if choices.include_development:
            sheets.append(("Pengembangan", self._write_development_sheet))
        return sheets

    @staticmethod
    def _workbook_formats(workbook):
        border = {"border": 1, "border_color": "#BFBFBF"}
        return {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "label": workbook.add_format({"bold": True}),
            "header": workbook.add_format(
                {
                    "bold": True,
                    "bg_color": "#1F4E78",
                    "font_color": "#FFFFFF",
                    "text_wrap": True,
                    "valign": "vcenter",
                    **border,
                }
            ),
            "text": workbook.add_format(border),
            "nip": workbook.add_format({"num_format": "@", **border}),
            "int": workbook.add_format({"num_format": "0", **border}),
            "pct": workbook.add_format({"num_format": "0.00", **border}),
            "warning": workbook.add_format(
                {"font_color": "#9C0006", "text_wrap": True, **border}
            ),
            "total": workbook.add_format({"bold": True, "top": 2}),
            "total_pct": workbook.add_format(
                {"bold": True, "top": 2, "num_format": "0.00"}
            ),
            "gap": workbook.add_format(
                {"bg_color": "#FFC7CE", "font_color": "#9C0006", **border}
            ),
        }

    @staticmethod
    def _write_table(sheet, columns, rows, formats, first_row=0):
        """Header, frozen, with filters and widths; then one row per dict.

        Rows are written strictly in order (constant_memory).
        """
        for col, column in enumerate(columns):
            sheet.set_column(col, col, column.width)
            sheet.write_string(first_row, col, column.header, formats["header"])
        sheet.set_row(first_row, 30)
        sheet.freeze_panes(first_row + 1, 0)
        row_index = first_row
        for row_index, values in enumerate(rows, start=first_row + 1):
            for col, column in enumerate(columns):
                value = values.get(column.key)
                fmt = formats[values.get(f"{column.key}__fmt", column.fmt)]
                if value is None or value is False or value == "":
                    sheet.write_blank(row_index, col, None, fmt)
                elif isinstance(value, str):
                    sheet.write_string(row_index, col, value, fmt)
                else:
                    sheet.write_number(row_index, col, value, fmt)
        sheet.autofilter(first_row, 0, row_index, len(columns) - 1)
        return row_index

    # Sheet "Ringkasan": one row per unit, a total and a chart
    def _summary_columns(self):
        columns = [
            Column("unit", "Unit Kerja", 40, "text"),
            Column("total", "Jumlah Pegawai", 10, "int"),
            Column("done", "Selesai", 9, "int"),
            Column("done_pct", "Selesai (%)", 9, "pct"),
        ]
        columns += [Column(key, label, 11, "int") for key, label in PREDICATE_SELECTION]
        columns += [
            Column(f"{key}_pct", f"{label} (%)", 11, "pct")
            for key, label in PREDICATE_SELECTION
        ]
        columns += [
            Column("jpm_avg", "Rata-rata JPM (%)", 11, "pct"),
            Column("warnings", "Peringatan Distribusi", 60, "warning"),
        ]
        return columns

    def _summary_rows(self, choices, data):
        """One dict per unit, then the total. Predicates and JPM count done
        appraisals only (published results)."""
        rating = choices.cycle.organization_rating
        by_unit = defaultdict(list)
        for row in data["appraisals"]:
            by_unit[row["unit"]].append(row)
        groups = [(unit, by_unit[unit]) for unit in sorted(by_unit)]
        groups.append(("TOTAL", data["appraisals"]))
        result = []
        for unit, rows in groups:
            done = [row for row in rows if row["kinerja_state"] == "done"]
            counts = Counter(row["predicate"] for row in done if row["predicate"])
            rated = sum(counts.values())
            values = {
                "unit": unit,
                "total": len(rows),
                "done": len(done),
                "done_pct": round(len(done) * 100.0 / len(rows), 2),
                "jpm_avg": (
                    round(sum(row["job_person_match"] for row in done) / len(done), 2)
                    if done
                    else None
                ),
                "warnings": "; ".join(
                    self._warning_text(w)
                    for w in distribution.check_distribution(rating, counts)
                ),
            }
            for key, _label in PREDICATE_SELECTION:
                values[key] = counts.get(key, 0)
                values[f"{key}_pct"] = (
                    round(counts.get(key, 0) * 100.0 / rated, 2) if rated else None
                )
            result.append(values)
        return result

    @staticmethod
    def _warning_text(warning):
        names = "/".join(PREDICATE_LABELS[p] for p in warning.predicates)
        if warning.kind == "max_share":
            return f"{names} {warning.actual:g}% melebihi batas {warning.limit:g}%"
        if warning.kind == "min_share":
            return f"{names} {warning.actual:g}% di bawah minimal {warning.limit:g}%"
        if warning.kind == "most_frequent":
            return (
                f"{names} ({warning.actual:g}%) bukan predikat terbanyak, "
                "padahal seharusnya sebagian besar"
            )
        return f"tidak ada pegawai dengan predikat {names}"

    def _write_summary_sheet(self, workbook, sheet, formats, choices, data):
        cycle = choices.cycle
        sheet.write_string(0, 0, "Ringkasan Penilaian Kinerja", formats["title"])
        info = [
            ("Siklus", cycle.name),
            ("Periode", f"{cycle.date_start:%d-%m-%Y} s.d. {cycle.date_end:%d-%m-%Y}"),
            (
                "Predikat Kinerja Organisasi",
                ORGANIZATION_RATING_LABELS.get(cycle.organization_rating, "-"),
            ),
            (
                "Catatan",
                "Predikat dan JPM dihitung dari penilaian yang sudah selesai. "
                "Peringatan distribusi mengikuti SE MenPAN-RB 3/2023 (panduan, "
                "bukan larangan).",
            ),
        ]
        for index, (label, value) in enumerate(info, start=1):
            sheet.write_string(index, 0, label, formats["label"])
            sheet.write_string(index, 1, value)
        columns = self._summary_columns()
        rows = self._summary_rows(choices, data)
        header_row = len(info) + 2
        *units, total = rows
        last_unit_row = self._write_table(sheet, columns, units, formats, header_row)
        total_row = last_unit_row + 1
        for col, column in enumerate(columns):
            value = total.get(column.key)
            fmt = formats["total_pct" if column.fmt == "pct" else "total"]
            if isinstance(value, str):
                sheet.write_string(total_row, col, value, fmt)
            elif value is None:
                sheet.write_blank(total_row, col, None, fmt)
            else:
                sheet.write_number(total_row, col, value, fmt)
        # Chart of the agency's predicate distribution (the total row)
        first_col = [c.key for c in columns].index(PREDICATE_SELECTION[0][0])
        last_col = first_col + len(PREDICATE_SELECTION) - 1
        chart = workbook.add_chart({"type": "column"})
        chart.add_series(
            {
                "name": "Jumlah pegawai",
                "categories": [sheet.name, header_row, first_col, header_row, last_col],
                "values": [sheet.name, total_row, first_col, total_row, last_col],
                "data_labels": {"value": True},
                "fill": {"color": "#2E75B6"},
            }
        )
        chart.set_title({"name": "Distribusi Predikat Kinerja"})
        chart.set_legend({"none": True})
        chart.set_y_axis({"name": "Pegawai"})
        sheet.insert_chart(total_row + 2, 0, chart, {"x_scale": 1.4})

    # Sheet "Pegawai": one row per appraisal, keyed by NIP
    def _employee_columns(self, choices):
        columns = [
            Column("seq", "No", 6, "int"),
            Column("nip", "NIP", 21, "nip"),
            Column("name", "Nama", 32, "text"),
            Column("golongan", "Pangkat/Golongan", 28, "text"),
            Column("position", "Jabatan", 32, "text"),
            Column("unit", "Unit Kerja", 36, "text"),
            Column("step", "Tahap", 16, "text"),
            Column("work_result", "Hasil Kerja", 20, "text"),
            Column("behavior", "Perilaku Kerja", 20, "text"),
            Column("predicate_label", "Predikat Kinerja", 18, "text"),
            Column("job_person_match", "JPM (%)", 10, "pct"),
            Column("jpm_category_label", "Kategori JPM", 16, "text"),
            Column("gap_count", "Jumlah Gap Kompetensi", 12, "int"),
        ]
        if choices.include_development:
            columns += [
                Column("jp_planned", "JP Rencana", 10, "pct"),
                Column("jp_realized", "JP Realisasi", 10, "pct"),
            ]
        columns.append(Column("awards", "Penghargaan dalam Periode", 40, "text"))
        return columns

    @staticmethod
    def _employee_extra_values(data):
        """{employee id: {column key: value}}: JP of the year's development
        plan and the awards of the period."""
        extra = defaultdict(dict)
        for employee_id, plan in data["development"].items():
            extra[employee_id].update(
                jp_planned=plan["jp_planned"], jp_realized=plan["jp_realized"]
            )
        for employee_id, text in data["awards"].items():
            extra[employee_id]["awards"] = text
        return extra

    def _employee_rows(self, data):
        extra = self._employee_extra_values(data)
        for seq, row in enumerate(data["appraisals"], start=1):
            values = dict(
                row,
                seq=seq,
                step=STEP_LABELS.get(row["kinerja_state"], ""),
                work_result=RATING_LABELS.get(row["work_result_rating"], ""),
                behavior=RATING_LABELS.get(row["behavior_rating"], ""),
                predicate_label=PREDICATE_LABELS.get(row["predicate"], ""),
                jpm_category_label=JPM_CATEGORY_LABELS.get(row["jpm_category"], ""),
            )
            if not row["predicate"]:
                # JPM and gaps mean something once the supervisor rated
                values.update(job_person_match=None, gap_count=None)
            values.update(extra.get(row["employee_id"], {}))
            yield values

    def _write_employee_sheet(self, workbook, sheet, formats, choices, data):
        self._write_table(
            sheet, self._employee_columns(choices), self._employee_rows(data), formats
        )

    # Sheet "Kompetensi": employees x competencies, gaps highlighted
    def _competency_columns(self, data):
        columns = [
            Column("nip", "NIP", 21, "nip"),
            Column("name", "Nama", 32, "text"),
            Column("unit", "Unit Kerja", 30, "text"),
        ]
        columns += [
            Column(f"skill_{skill_id}", header, 14, "int")
            for skill_id, header in data["skills"]
        ]
        columns.append(Column("gaps", "Jumlah Gap", 10, "int"))
        return columns

    def _competency_rows(self, data):
        for row in data["appraisals"]:
            values = {"nip": row["nip"], "name": row["name"], "unit": row["unit"]}
            gaps = 0
            for skill_id, (level, gap) in (
                data["competencies"].get(row["id"], {}).items()
            ):
                key = f"skill_{skill_id}"
                values[key] = level or None
                if level and gap < 0:
                    values[f"{key}__fmt"] = "gap"
                    gaps += 1
            values["gaps"] = gaps
            yield values

    def _write_competency_sheet(self, workbook, sheet, formats, choices, data):
        self._write_table(
            sheet, self._competency_columns(data), self._competency_rows(data), formats
        )

    # Sheet "360": per unit and role, counts and released results only
    @staticmethod
    def _feedback_columns():
        return [
            Column("unit", "Unit Kerja", 36, "text"),
            Column("role", "Peran Penilai", 16, "text"),
            Column("requested", "Permintaan", 11, "int"),
            Column("submitted", "Dijawab", 10, "int"),
            Column("declined", "Ditolak", 10, "int"),
            Column("expired", "Kedaluwarsa", 11, "int"),
            Column("response_pct", "Tingkat Respons (%)", 11, "pct"),
            Column("with_result", "Pegawai dengan Hasil", 11, "int"),
            Column("median_avg", "Rata-rata Median (1-5)", 12, "pct"),
            Column("note", "Keterangan", 50, "warning"),
        ]

    def _write_feedback_sheet(self, workbook, sheet, formats, choices, data):
        minimum = choices.cycle.company_id.feedback_min_responses
        sheet.write_string(0, 0, "Umpan Balik 360 derajat", formats["title"])
        sheet.write_string(
            1,
            0,
            "Nama penilai dan jawaban perorangan tidak pernah diekspor. Hasil "
            "rekan kerja, bawahan dan lainnya hanya ditampilkan untuk pegawai "
            f"dengan minimal {minimum} tanggapan.",
        )
        if not data["feedback"]:
            sheet.write_string(3, 0, "Belum ada permintaan umpan balik 360.")
            return
        self._write_table(
            sheet, self._feedback_columns(), data["feedback"], formats, first_row=3
        )

    # Sheet "Pengembangan": JP per employee against the yearly target
    @staticmethod
    def _development_columns():
        return [
            Column("nip", "NIP", 21, "nip"),
            Column("name", "Nama", 32, "text"),
            Column("unit", "Unit Kerja", 36, "text"),
            Column("jp_target", "Target JP", 10, "pct"),
            Column("jp_planned", "JP Rencana", 10, "pct"),
            Column("jp_realized", "JP Realisasi", 10, "pct"),
            Column("jp_pct", "Capaian (%)", 10, "pct"),
            Column("jp_missing", "Kekurangan JP", 11, "pct"),
            Column("note", "Keterangan", 24, "text"),
        ]

    @staticmethod
    def _development_rows(data):
        for row in data["appraisals"]:
            plan = data["development"].get(row["employee_id"])
            values = {"nip": row["nip"], "name": row["name"], "unit": row["unit"]}
            if not plan:
                values["note"] = "Belum ada rencana"
            else:
                target, realized = plan["jp_target"], plan["jp_realized"]
                values.update(
                    jp_target=target,
                    jp_planned=plan["jp_planned"],
                    jp_realized=realized,
                )
                if not target:
                    values["note"] = "Tanpa target JP"
                else:
                    values.update(
                        jp_pct=round(realized * 100.0 / target, 2),
                        jp_missing=max(target - realized, 0.0),
                        note="Tercapai" if realized >= target else "Belum tercapai",
                    )
                    if realized < target:
                        values["jp_missing__fmt"] = "gap"
            yield values

    def _write_development_sheet(self, workbook, sheet, formats, choices, data):
        sheet.write_string(
            0,
            0,
            f"Pengembangan Kompetensi Tahun {data['development_year']}",
            formats["title"],
        )
        sheet.write_string(
            1,
            0,
            "Target: 20 JP setahun untuk PNS, 24 JP untuk PPPK (dapat diubah "
            "per pegawai). JP Realisasi dari pelatihan yang diikuti tahun ini.",
        )
        self._write_table(
            sheet,
            self._development_columns(),
            self._development_rows(data),
            formats,
            first_row=3,
        )
