import logging
from collections import defaultdict

from odoo import api, fields, models
from odoo.models import fix_import_export_id_paths

from ..rules import nip as nip_rules
from ..rules import staff_import as rules

_logger = logging.getLogger(__name__)

TEMPLATE_URL = "/hr_kinerja_kompetensi/static/xls/hr_employee_siasn_import.xlsx"
ASN_TYPE_KEYS = ("pns", "pppk", "non_asn")


class HrKinerjaStaffImportMixin(models.AbstractModel):
    """The staff imported from a SIASN-style export through Odoo's import
    screen (base_import), when the file has a NIP column:

    * rows are matched to the employees of the company by NIP: a known NIP
      updates that employee (only what changed), a new one creates one;
    * units (department) and jobs are found by name, or created;
    * the supervisor comes from the "Supervisor NIP" column, set once every
      row is in, so a supervisor may come later in the file;
    * the whole file is checked first (rules.staff_import): a bad row is
      reported with its row number and what is wrong, and then nothing of
      the file is written. The import screen's batches are ignored: the file
      is one transaction (a supervisor in a later batch, a bad row at the
      end, would otherwise leave the first batches imported).
    """

    _name = "hr.kinerja.staff.import.mixin"
    _description = "Staff import from a SIASN export"

    @api.model
    def _staff_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for ASN Staff (SIASN)"),
                "template": TEMPLATE_URL,
            }
        ]

    @api.model
    def load(self, fields, data):
        if "nip" not in fields:
            return super().load(fields, data)
        # refused as a whole, not row by row after the checks
        self.check_access("create")
        self.check_access("write")

        staff_file = _StaffFile(self, fields, data)

        def load_rows(import_fields, rows):
            model = self.with_context(
                _import_limit=None, hr_kinerja_staff_file=staff_file
            )
            return super(HrKinerjaStaffImportMixin, model).load(import_fields, rows)

        return staff_file.run(load_rows)

    @api.model
    def _convert_records(self, records, log=lambda a: None):
        staff_file = self.env.context.get("hr_kinerja_staff_file")
        for dbid, xid, record, info in super()._convert_records(records, log=log):
            if staff_file is not None:
                dbid = staff_file.complete(record, info, dbid, xid)
            yield dbid, xid, record, info

    def _load_records_write(self, values):
        # A file re-imported from the register is mostly unchanged: writing
        # only what differs keeps a monthly re-import of 9,000 staff short
        # (each employee write runs hr's and this addon's write logic, and
        # a changed unit recomputes the supervision chain below).
        if self.env.context.get("hr_kinerja_staff_file"):
            values = {
                name: value
                for name, value in values.items()
                if self._staff_import_changed(name, value)
            }
            if not values:
                return
        super()._load_records_write(values)

    def _staff_import_changed(self, name, value):
        field = self._fields.get(name)
        if not field or not field.store or field.type in ("one2many", "many2many"):
            return True
        return field.convert_to_cache(value, self) != field.convert_to_cache(
            self[name], self
        )


class _StaffFile:
    """One staff file on its way in: the cells (normalised), the employees
    they match, the checks, then the writes. Messages follow load()'s
    format; ``record`` is the row number in the file, which is what the
    import screen shows ("Error at row 7")."""

    def __init__(self, model, fields, data):
        self.model = model
        self.env = model.env
        self.company = model.env.company
        self.fields = list(fields)
        self.data = [list(row) for row in data]
        self.column = {name: index for index, name in enumerate(self.fields)}
        # set by base_import.import.execute_import (header row, skipped rows)
        self.first_row = model.env.context.get("hr_kinerja_import_first_row", 1)
        self.messages = []
        self.by_nip = {}
        self.units = {}  # cell text -> department(s), or a _NewUnit
        self._unit_cache = {}  # name keys of a path -> the same

    # ------------------------------------------------------------ running
    def run(self, load_rows):
        self._normalize_cells()
        self._match_employees()
        self._check_rows()
        self._find_units()
        if self.messages:
            self.messages.extend(self._conversion_messages())
            return self._result(False)
        savepoint = self.env.cr.savepoint()
        try:
            self._create_units()
            self._fill_from_nip()
            import_fields, data = self._load_columns()
            result = load_rows(import_fields, data)
            ids = result["ids"]
            self.messages.extend(self._renumbered(result["messages"]))
            if ids is not False:
                self._link_supervisors()
        except Exception:
            savepoint.close(rollback=True)
            raise
        failed = any(message["type"] == "error" for message in self.messages)
        savepoint.close(rollback=failed)
        if failed:
            self.env.registry.reset_changes()
            return self._result(False)
        _logger.info(
            "staff import: %d rows, %d matched by NIP",
            len(self.data),
            sum(1 for row in self.data if self._cell(row, "nip") in self.by_nip),
        )
        return self._result(ids)

    def _result(self, ids):
        return {"ids": ids, "messages": self.messages, "nextrow": 0}

    def _cell(self, row, name):
        index = self.column.get(name)
        return (row[index] or "").strip() if index is not None else None

    def _error(self, index, message):
        self.messages.append(
            {
                "type": "error",
                "message": message,
                "rows": {"from": index, "to": index},
                "record": self.first_row + index,
            }
        )

    def _renumbered(self, messages):
        # load()'s own row messages count from 0 in the data; the screen
        # shows that number as the row. Give them the file's row number too.
        for message in messages:
            if "field" not in message and isinstance(message.get("record"), int):
                message["record"] += self.first_row
        return messages

    # -------------------------------------------------------------- cells
    def _normalize_cells(self):
        convert = {
            "nip": nip_rules.normalize,
            "parent_nip": nip_rules.normalize,
            "asn_type": rules.asn_type_key,
            "golongan": rules.golongan_key,
            "gender": rules.gender_key,
        }
        for name, to_key in convert.items():
            index = self.column.get(name)
            if index is None:
                continue
            for row in self.data:
                # an unknown value stays as typed: the field's own
                # conversion reports it
                row[index] = to_key(row[index]) or row[index]

    def _match_employees(self):
        nips = {self._cell(row, "nip") for row in self.data}
        if "parent_nip" in self.column:
            nips |= {self._cell(row, "parent_nip") for row in self.data}
        nips.discard("")
        employees = self.model.with_context(active_test=False).search_fetch(
            [("nip", "in", list(nips)), ("company_id", "=", self.company.id)],
            ["nip", "name", "asn_type", "parent_id"],
        )
        self.by_nip = {employee.nip: employee for employee in employees}

    def _check_rows(self):
        file_nips = {self._cell(row, "nip") for row in self.data}
        known = {nip for nip in self.by_nip if nip not in file_nips}
        self.rows = [self._staff_row(row) for row in self.data]
        for issue in rules.check_rows(self.rows, known_nips=known):
            self._error(issue.index, self._issue_text(issue, self.rows[issue.index]))

    def _staff_row(self, row):
        nip = self._cell(row, "nip")
        existing = self.by_nip.get(nip)
        name = self._cell(row, "name")
        asn_type = self._cell(row, "asn_type")
        golongan = self._cell(row, "golongan")
        if asn_type is None:  # no such column: the employee's own type
            asn_type = existing.asn_type if existing else None
        elif asn_type not in ASN_TYPE_KEYS:
            # unknown (its conversion reports it) or empty: the grade cannot
            # be judged against it
            asn_type, golongan = asn_type or None, None
        if golongan is not None and golongan not in dict(
            self.model._fields["golongan"].selection
        ):
            golongan = None  # empty, or unknown: reported by its conversion
        return rules.StaffRow(
            nip=nip,
            name=name if name is not None else (existing.name if existing else ""),
            asn_type=asn_type,
            golongan=golongan,
            parent_nip=self._cell(row, "parent_nip"),
            birthday=self._date(row, "birthday"),
            tmt_cpns=self._date(row, "tmt_cpns"),
        )

    def _date(self, row, name):
        try:
            return fields.Date.to_date(self._cell(row, name) or None)
        except ValueError:
            return None  # its conversion reports it

    def _issue_text(self, issue, row):
        _ = self.env._
        Employee = self.model
        name = row.name or "-"
        code = issue.code
        if issue.column == "name":
            return _("The row of NIP %(nip)s has no name.", nip=issue.value or "-")
        if issue.column == "golongan":
            return Employee._golongan_error_message(name, row.golongan, row.asn_type)
        if issue.column == "tmt_cpns":
            return Employee._tmt_error_message(name, issue.value)
        if issue.column == "nip":
            if code == "nip_missing":
                return _(
                    "%(name)s has no NIP: the staff are matched by NIP, so every "
                    "row needs one.",
                    name=name,
                )
            if code == "duplicate":
                return _(
                    "The NIP %(nip)s of %(name)s is already in row %(row)s: each "
                    "employee comes once in the file.",
                    nip=issue.value,
                    name=name,
                    row=self.first_row + issue.other,
                )
            return Employee._nip_error_message(issue.value, name, code)
        # the supervisor's NIP
        if code == "parent_unknown":
            return _(
                "The supervisor NIP %(nip)s of %(name)s is neither in the file nor "
                "the NIP of an employee of %(company)s.",
                nip=issue.value,
                name=name,
                company=self.company.name,
            )
        if code == "parent_self":
            return _(
                "%(name)s cannot be their own supervisor (NIP %(nip)s).",
                name=name,
                nip=issue.value,
            )
        if code == "parent_cycle":
            return self._loop_text(name, issue.value)
        return _(
            "Invalid supervisor NIP %(nip)s for %(name)s: %(reason)s",
            nip=issue.value,
            name=name,
            reason=Employee._nip_reason(code),
        )

    def _conversion_messages(self):
        """The other columns' conversion errors (dates, selections...), so
        one test of the file shows them all; nothing is created."""
        ours = {"parent_nip", "department_id", "job_id"}
        keep = [i for i, name in enumerate(self.fields) if name not in ours]
        paths = [fix_import_export_id_paths(self.fields[i]) for i in keep]
        data = [[row[i] for i in keep] for row in self.data]
        messages = []
        with self.env.cr.savepoint() as savepoint:
            records = self.model._extract_records(paths, data, log=messages.append)
            for _converted in self.model._convert_records(records, log=messages.append):
                pass
            savepoint.rollback()
        return self._renumbered(messages)

    # -------------------------------------------------------------- units
    def _find_units(self):
        """Each unit named in the file: an existing department (by its full
        name "A / B", else by its own name when only one unit has it), or a
        path still to create. A name shared by several units is reported."""
        if "department_id" not in self.column:
            return
        departments = self.env["hr.department"].search_fetch(
            [("company_id", "in", [self.company.id, False])],
            ["name", "complete_name", "parent_id"],
        )
        self._by_path = defaultdict(list)
        self._by_name = defaultdict(list)
        self._children = defaultdict(list)
        for department in departments:
            path = tuple(map(rules.name_key, rules.unit_path(department.complete_name)))
            self._by_path[path].append(department)
            self._by_name[rules.name_key(department.name)].append(department)
            self._children[
                (department.parent_id.id, rules.name_key(department.name))
            ].append(department)
        for index, row in enumerate(self.data):
            text = self._cell(row, "department_id")
            if not text:
                continue
            if text not in self.units:
                self.units[text] = self._find_unit(rules.unit_path(text))
            found = self.units[text]
            if isinstance(found, models.BaseModel) and len(found) > 1:
                self._error(
                    index,
                    self.env._(
                        "The unit %(unit)s of %(name)s matches several units "
                        "(%(units)s): write its full name as Odoo shows it, "
                        "e.g. %(example)s.",
                        unit=text,
                        name=self.rows[index].name or "-",
                        units=", ".join(found.mapped("complete_name")),
                        example=found[0].complete_name,
                    ),
                )

    def _find_unit(self, parts):
        """A department, several (the name is ambiguous), or a _NewUnit to
        create (under an existing or another new unit)."""
        keys = tuple(map(rules.name_key, parts))
        if keys not in self._unit_cache:
            self._unit_cache[keys] = self._search_unit(parts, keys)
        return self._unit_cache[keys]

    def _search_unit(self, parts, keys):
        Department = self.env["hr.department"]
        hits = self._by_path.get(keys) or (
            self._by_name.get(keys[0]) if len(keys) == 1 else None
        )
        if hits:
            return Department.concat(*hits)
        if len(parts) == 1:
            return _NewUnit(parts, parent=None)
        parent = self._find_unit(parts[:-1])
        if isinstance(parent, models.BaseModel):
            if len(parent) > 1:
                return parent
            hits = self._children.get((parent.id, keys[-1]))
            if hits:
                return Department.concat(*hits)
        return _NewUnit(parts, parent=parent)

    def _create_units(self):
        """The new units, one create per depth below an existing unit."""
        new = {
            unit.key: unit
            for found in self.units.values()
            if isinstance(found, _NewUnit)
            for unit in found.chain()
        }
        Department = self.env["hr.department"]
        for depth in sorted({unit.depth for unit in new.values()}):
            level = [unit for unit in new.values() if unit.depth == depth]
            created = Department.create(
                [
                    {
                        "name": unit.parts[-1],
                        "parent_id": unit.parent_id(),
                        "company_id": self.company.id,
                    }
                    for unit in level
                ]
            )
            for unit, department in zip(level, created, strict=True):
                unit.record = department
        for text, found in self.units.items():
            if isinstance(found, _NewUnit):
                self.units[text] = found.record

    # ------------------------------------------------------ columns, jobs
    def _fill_from_nip(self):
        """An empty birth date, gender or TMT CPNS cell means "as in the
        NIP" (the employee form fills them from it too), not "clear it"."""
        derived = {
            "birthday": lambda parsed: fields.Date.to_string(parsed.birth_date),
            "gender": lambda parsed: parsed.gender,
            "tmt_cpns": lambda parsed: fields.Date.to_string(parsed.tmt_cpns),
        }
        columns = [
            (self.column[name], get)
            for name, get in derived.items()
            if name in self.column
        ]
        if not columns:
            return
        for row, staff in zip(self.data, self.rows, strict=True):
            empty = [
                (index, get) for index, get in columns if not (row[index] or "").strip()
            ]
            if empty:
                parsed = nip_rules.parse(staff.nip, pppk=staff.asn_type == "pppk")
                for index, get in empty:
                    row[index] = get(parsed)

    def _load_columns(self):
        """The columns for load(), without the ones this import resolves
        itself: unit, job and the matched employee are given to each
        converted row by complete(), the supervisor is set afterwards."""
        ours = {"parent_nip", "department_id", "job_id"}
        keep = [i for i, name in enumerate(self.fields) if name not in ours]
        import_fields = [self.fields[i] for i in keep]
        data = [[row[i] for i in keep] for row in self.data]
        self.row_values = [{} for _row in self.data]
        unit_ids = []
        if "department_id" in self.column:
            for values, row in zip(self.row_values, self.data, strict=True):
                unit = self.units.get(self._cell(row, "department_id"))
                values["department_id"] = unit.id if unit else False
                unit_ids.append(values["department_id"])
        if "job_id" in self.column:
            texts = [self._cell(row, "job_id") for row in self.data]
            jobs = self._find_jobs(texts, unit_ids)
            for values, job in zip(self.row_values, jobs, strict=True):
                values["job_id"] = job.id
        self.row_ids = None
        if not {"id", ".id"} & set(import_fields):
            self.row_ids = [
                self.by_nip.get(self._cell(row, "nip"), self.model).id
                for row in self.data
            ]
            # _load_records_write compares with these, read in one go
            stored = [
                name
                for name in self.fields
                if name in self.model._fields and self.model._fields[name].store
            ]
            self.model.browse(list(filter(None, self.row_ids))).fetch(stored)
        return import_fields, data

    def complete(self, record, info, dbid, xid):
        """A converted row of load(): its unit and job, and the id of the
        employee it matches by NIP (which load() then updates). Giving them
        here, not as "/.id" columns, spares load() a query per cell."""
        index = info["rows"]["from"]
        record.update(self.row_values[index])
        if not dbid and not xid and self.row_ids:
            dbid = self.row_ids[index]
        return dbid

    def _find_jobs(self, texts, unit_ids):
        """The job of each row: by name (the row's unit's own job first, then
        a job of no unit, then the only job of that name), or a new job of no
        unit (a functional level in its title sets the position kind)."""
        Job = self.env["hr.job"]
        by_name = defaultdict(list)
        for job in Job.search_fetch(
            [("company_id", "in", [self.company.id, False])],
            ["name", "department_id"],
        ):
            by_name[rules.name_key(job.name)].append(job)
        chosen, to_create = [], {}
        for text, unit_id in zip(texts, unit_ids or [False] * len(texts), strict=True):
            key = rules.name_key(text)
            candidates = by_name.get(key, [])
            job = (
                next((j for j in candidates if j.department_id.id == unit_id), None)
                or next((j for j in candidates if not j.department_id), None)
                or (candidates[0] if len(candidates) == 1 else None)
            )
            if not job and key:
                to_create.setdefault(key, " ".join(text.split()))
            chosen.append(job or key)
        if to_create:
            values = []
            for name in to_create.values():
                kind, level = rules.position_from_job_title(name)
                values.append(
                    {
                        "name": name,
                        "company_id": self.company.id,
                        "position_kind": kind,
                        "functional_level": level,
                    }
                )
            created = dict(zip(to_create, Job.create(values), strict=True))
        else:
            created = {}
        return [
            job if isinstance(job, models.BaseModel) else created.get(job, Job)
            for job in chosen
        ]

    # --------------------------------------------------------- supervisors
    def _link_supervisors(self):
        """Each row's supervisor, now that every row is in: one write per
        supervisor, only for the employees whose supervisor changes."""
        if "parent_nip" not in self.column:
            return
        nips = {self._cell(row, "nip") for row in self.data}
        nips |= {self._cell(row, "parent_nip") for row in self.data}
        nips.discard("")
        employees = self.model.with_context(active_test=False).search_fetch(
            [("nip", "in", list(nips)), ("company_id", "=", self.company.id)],
            ["nip", "parent_id"],
        )
        by_nip = {employee.nip: employee for employee in employees}
        moves = defaultdict(list)  # supervisor id -> [(row index, employee)]
        for index, row in enumerate(self.data):
            employee = by_nip.get(self._cell(row, "nip"))
            if not employee:
                continue  # a row the import screen was told to skip
            parent_nip = self._cell(row, "parent_nip")
            supervisor = by_nip.get(parent_nip) if parent_nip else employee.browse()
            if supervisor is None:
                self._error(
                    index,
                    self.env._(
                        "The supervisor NIP %(nip)s of %(name)s belongs to a row "
                        "that was not imported.",
                        nip=parent_nip,
                        name=employee.name,
                    ),
                )
                continue
            if employee.parent_id != supervisor:
                moves[supervisor.id].append((index, employee))
        for supervisor_id, rows in moves.items():
            employee_ids = [employee.id for _index, employee in rows]
            self.model.browse(employee_ids).write({"parent_id": supervisor_id})
        # hr lets a manager chain loop; an appraisal chain cannot. The file's
        # own loops were found before, this finds those through employees
        # already in Odoo (one query, one more per supervisor if found).
        moved = self.model.browse([e.id for rows in moves.values() for _i, e in rows])
        if not moved._has_cycle("parent_id"):
            return
        for rows in moves.values():
            if self.model.browse([e.id for _i, e in rows])._has_cycle("parent_id"):
                for index, employee in rows:
                    self._error(
                        index, self._loop_text(employee.name, employee.parent_id.nip)
                    )

    def _loop_text(self, name, parent_nip):
        return self.env._(
            "The supervisors of %(name)s lead back to %(name)s (supervisor NIP "
            "%(nip)s): a chain of supervisors cannot loop.",
            name=name,
            nip=parent_nip,
        )


class _NewUnit:
    """A unit of the file to create, under an existing or a new unit."""

    def __init__(self, parts, parent):
        self.parts = parts
        self.parent = parent  # hr.department, _NewUnit, or None (top level)
        self.record = None
        self.key = tuple(map(rules.name_key, parts))
        self.depth = parent.depth + 1 if isinstance(parent, _NewUnit) else 0

    def chain(self):
        """This unit and the new units above it."""
        unit = self
        while isinstance(unit, _NewUnit):
            yield unit
            unit = unit.parent

    def parent_id(self):
        if isinstance(self.parent, _NewUnit):
            return self.parent.record.id
        return self.parent.id if self.parent else False
