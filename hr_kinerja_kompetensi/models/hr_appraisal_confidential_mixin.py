from collections import defaultdict

from odoo import api, models
from odoo.exceptions import UserError

HR_GROUP = "hr_kinerja_kompetensi.group_kinerja_hr_officer"


def check_hr_exception(env, reason, not_hr_message, no_reason_message):
    """Exceptional steps (reopen, close early) are HR's, with a reason."""
    if not env.user.has_group(HR_GROUP):
        raise UserError(not_hr_message)
    if not (reason or "").strip():
        raise UserError(no_reason_message)


def judgement_compute(fname):
    """The compute of a public field kept in the judgement: its value in the
    judgement the user may read (none: empty). One function per field, so
    that computing one (in a form being edited) never resets another."""

    def compute(records):
        for record in records:
            record[fname] = record.visible_judgement_id[fname]

    compute.__name__ = f"_compute_judgement_{fname}"
    compute._depends = lambda model: [f"{model._judgement_one2many}.{fname}"]
    compute._depends_context = ("uid",)
    return compute


def judgement_inverse(fname):
    """The inverse of a public field kept in the judgement: store the value
    there. One function per field, so that the ORM calls it for the fields
    actually written (and never rewrites the others)."""

    def inverse(records):
        # write()/create() of the public model has checked that the user may
        # set this field on these records; the judgement itself is written
        # by nobody directly (no write access), hence sudo.
        # An empty value makes no judgement (creating an appraisal sets
        # hr_appraisal_oca's empty feedback): an appraisal without one has
        # nothing judged.
        Judgement = records.env[records._judgement_model].sudo()
        filled = records.filtered(lambda record: record[fname])
        judgements = filled._judgements_for_write()
        judgements.update(
            (judgement[records._judgement_link].id, judgement)
            for judgement in Judgement.search(
                [(records._judgement_link, "in", (records - filled).ids)]
            )
        )
        # ids, not recordset unions: a union per record is quadratic (90,000
        # levels written at once)
        by_value = defaultdict(list)
        for record in records:
            if record.id in judgements:
                by_value[record[fname]].append(judgements[record.id].id)
        for value, ids in by_value.items():
            Judgement.browse(ids).write({fname: value})
        # The ORM protects the field being written from invalidation while
        # its inverse runs, so the write above does not reach the values
        # other environments (another user, superuser) have in cache: drop
        # them, they are read again from the judgement.
        records.invalidate_recordset([fname], flush=False)

    inverse.__name__ = f"_inverse_judgement_{fname}"
    return inverse


def judgement_search(fname):
    """The search of a public field kept in the judgement: a condition on
    the judgements the user may read. The record rules apply to that
    subquery as to any, so nobody finds a record through a judgement hidden
    from them (the appraisee's unpublished one counts as empty)."""

    def search(records, operator, value):
        link = records._judgement_one2many
        condition = [(fname, operator, value)]
        domain = [(link, "any", condition)]
        Judgement = records.env[records._judgement_model]
        if Judgement.new({}).filtered_domain(condition):
            # an empty value matches: so do the records without a judgement
            # the user reads
            domain = ["|", (link, "not any", []), *domain]
        return domain

    search.__name__ = f"_search_judgement_{fname}"
    return search


class HrAppraisalConfidentialMixin(models.AbstractModel):
    """Fields whose values live in a judgement model behind record rules.

    The supervisor's judgement (ratings, levels, evidence, predicate, JPM,
    the supervisor's feedback) is stored in hr.appraisal.judgement and its
    line models. Their record rules decide who reads it: the supervision
    scope and HR always (never on their own appraisal), the appraisee once
    the appraisal is done. The public names (DOMAIN.md) stay fields of the
    appraisal and its lines, not stored: ``_compute_judgement`` reads them
    from the judgements the user may read (a search, so the rules apply), the
    inverse writes them there after the public model's own checks, and a
    search on them becomes a search on the judgement. Nothing is masked: no
    exit of the ORM (read, export, onchange, grouping, reports, mail) can
    reach a value the rules keep out, and the ORM itself refuses to sort or
    group on a field that is not stored.
    """

    _name = "hr.appraisal.confidential.mixin"
    _description = "Fields kept in the supervisor's judgement"

    # The judgement model, its many2one to these records, and the one2many
    # of these records to it (set by each model)
    _judgement_model = None
    _judgement_link = None
    _judgement_one2many = "judgement_ids"
    # On line models: the many2one to the appraisal, whose judgement holds
    # the line's
    _judgement_parent = None
    # Every field of the judgement's (the attack suite checks each)
    _confidential_fields = ()

    @api.depends(lambda self: [self._judgement_one2many])
    @api.depends_context("uid")
    def _compute_visible_judgement(self):
        """The judgement of each record if the user may read it: a search,
        so the record rules decide (not the one2many's cache, which a
        superuser may have filled)."""
        ids = [record_id for record_id in self._origin.ids if record_id]
        Judgement = self.env[self._judgement_model]
        visible = {
            judgement[self._judgement_link].id: judgement
            for judgement in (
                Judgement.search([(self._judgement_link, "in", ids)])
                if ids
                else Judgement
            )
        }
        for record in self:
            record.visible_judgement_id = visible.get(record._origin.id, Judgement)

    def _judgements_for_write(self):
        """{record id: its judgement, as superuser}, created when missing."""
        Judgement = self.env[self._judgement_model].sudo()
        link = self._judgement_link
        existing = {
            judgement[link].id: judgement
            for judgement in Judgement.search([(link, "in", self.ids)])
        }
        missing = self.browse(record.id for record in self if record.id not in existing)
        if missing:
            created = Judgement.create(missing._judgement_vals_list())
            existing.update(zip(missing.ids, created, strict=True))
        return existing

    def _judgement_vals_list(self):
        """Values of the new judgements of these records."""
        vals_list = [{self._judgement_link: record.id} for record in self]
        if self._judgement_parent:
            parents = self[self._judgement_parent]._judgements_for_write()
            for vals, record in zip(vals_list, self, strict=True):
                vals["judgement_id"] = parents[record[self._judgement_parent].id].id
        return vals_list
