import itertools

from odoo import api, models
from odoo.exceptions import UserError
from odoo.osv import expression

HR_GROUP = "hr_kinerja_kompetensi.group_kinerja_hr_officer"


def touched_field_names(domain=(), specs=(), order=None):
    """Top-level field names a query reads through: the domain's leaves,
    groupby/aggregate specs ("field:agg", "field.property") and the order
    terms ("field desc, id"), which are an oracle too (lines sorted by a
    hidden level give its ranking even when the values read as empty)."""
    names = [leaf[0] for leaf in domain if isinstance(leaf, list | tuple)]
    names += specs
    names += [term.split()[0] for term in (order or "").split(",") if term.strip()]
    return {name.split(".")[0].split(":")[0] for name in names}


def check_hr_exception(env, reason, not_hr_message, no_reason_message):
    """Exceptional steps (reopen, close early) are HR's, with a reason."""
    if not env.user.has_group(HR_GROUP):
        raise UserError(not_hr_message)
    if not (reason or "").strip():
        raise UserError(no_reason_message)


class HrAppraisalConfidentialMixin(models.AbstractModel):
    """Hide the supervisor's judgement from the appraisee until it is published.

    Record rules decide who reaches an appraisal at all; this mixin decides
    which of its fields the appraisee may read. Until the appraisal is done,
    the appraisee reads the fields of ``_confidential_fields`` as empty (the
    private note is not here: it lives in hr.appraisal.note, behind an
    author-only record rule, where no mask is needed). The mask is
    applied where values leave the ORM for a user: ``_read_format`` (read,
    search_read, web_read and its x2many sub-reads, and so the form's
    onchange answers, which are built with web_read) and exports; searches and
    groupings on those fields leave the user's unpublished appraisals out, so
    their existence reveals nothing either.
    """

    _name = "hr.appraisal.confidential.mixin"
    _description = "Confidentiality of the supervisor's judgement"

    # Field names hidden until published (set by each model)
    _confidential_fields = ()
    # Path from the record to its hr.appraisal ("" on hr.appraisal itself)
    _appraisal_path = ""

    def _hidden_field_names(self):
        return set(self._confidential_fields)

    def _user_sees_everything(self):
        # HR rights are not a way round: an HR officer who is herself
        # appraised reads her own appraisal as any appraisee does.
        return self.env.su

    def _appraisals_of(self, records):
        sudo_records = records.sudo()
        if not self._appraisal_path:
            return {record.id: record for record in sudo_records}
        return {
            record.id: record[self._appraisal_path.rstrip(".")]
            for record in sudo_records
        }

    def _masked_fields_by_id(self, fnames):
        """{record id: field names to blank} for the current user."""
        wanted = self._hidden_field_names() & set(fnames)
        if not wanted or self._user_sees_everything():
            return {}
        user = self.env.user
        masked = {}
        for record_id, appraisal in self._appraisals_of(self).items():
            if appraisal.employee_id.user_id != user:
                continue  # supervisors in the chain see everything
            if appraisal.kinerja_state != "done":
                masked[record_id] = wanted
        return masked

    def _unpublished_own_domain(self):
        """Records the current user must not find through hidden fields."""
        prefix = self._appraisal_path
        return [
            "!",
            "&",
            (f"{prefix}employee_id.user_id", "=", self.env.uid),
            (f"{prefix}kinerja_state", "!=", "done"),
        ]

    def _touches_hidden_fields(self, domain=(), specs=(), order=None):
        return bool(
            touched_field_names(domain, specs, order) & self._hidden_field_names()
        )

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        masked = self._masked_fields_by_id(fnames)
        for values in result:
            for fname in masked.get(values["id"], ()):
                values[fname] = False
        return result

    def _export_rows(self, fields, *, _is_toplevel_call=True):
        # Export walks relations itself (appraisal -> lines, line -> its
        # appraisal, employee -> appraisals) and calls this on each model it
        # reaches, so masking here covers every path, not only direct fields.
        masked = self._masked_fields_by_id([path[0] for path in fields if path])
        if not masked:
            return super()._export_rows(fields, _is_toplevel_call=_is_toplevel_call)
        # A masked record is one of the user's own few unpublished appraisals
        # (or their lines): export those one by one to know which rows are
        # theirs, and the others in runs, keeping the order.
        rows = []
        for hidden, group in itertools.groupby(self, key=lambda r: r.id in masked):
            records = self.browse([record.id for record in group])
            for batch in records if hidden else [records]:
                batch_rows = super(HrAppraisalConfidentialMixin, batch)._export_rows(
                    fields, _is_toplevel_call=_is_toplevel_call
                )
                for index, path in enumerate(fields):
                    if hidden and path and path[0] in masked[batch.id]:
                        for row in batch_rows:
                            row[index] = False
                rows += batch_rows
        return rows

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self._user_sees_everything():
            if self._touches_hidden_fields(domain, order=order):
                domain = expression.AND([domain, self._unpublished_own_domain()])
        return super()._search(domain, offset=offset, limit=limit, order=order)

    @api.model
    def _read_group(
        self,
        domain,
        groupby=(),
        aggregates=(),
        having=(),
        offset=0,
        limit=None,
        order=None,
    ):
        if not self._user_sees_everything() and self._touches_hidden_fields(
            specs=[*groupby, *aggregates], order=order
        ):
            domain = expression.AND([domain, self._unpublished_own_domain()])
        return super()._read_group(
            domain, groupby, aggregates, having, offset, limit, order
        )
