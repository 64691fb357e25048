from odoo import api, models
from odoo.exceptions import ValidationError


class HrKinerjaBoundsMixin(models.AbstractModel):
    """Sane bounds on the numbers people type, checked before anything is
    written.

    The models' own constraints run after the INSERT of a new record, so a
    year of ``10**12`` ended in a database error (integer out of range) and
    a session of 1,000,000,000,000 JP was accepted. Each model declares
    ``_kinerja_bounds = {field: (lowest, highest[, empty])}`` (``lowest`` None
    where the model's own constraint already explains a value too low;
    ``empty`` the value that means "not filled in"); create() and
    write() refuse a value outside with a message that names the field and
    the range.
    """

    _name = "hr.kinerja.bounds.mixin"
    _description = "Bounds of the numbers typed in"

    _kinerja_bounds = {}

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_kinerja_bounds(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_kinerja_bounds(vals)
        return super().write(vals)

    def _check_kinerja_bounds(self, vals):
        for fname, (lowest, highest, *empty) in self._kinerja_bounds.items():
            value = vals.get(fname)
            if value is None or value is False or isinstance(value, bool):
                continue
            if empty and value == empty[0]:
                continue  # the field's "not filled in" (a level not rated)
            try:
                number = float(value)
            except (TypeError, ValueError):
                continue  # not a number: the field itself refuses it
            if lowest is not None and number < lowest or number > highest:
                label = self._fields[fname]._description_string(self.env)
                if lowest is None:
                    message = self.env._(
                        "%(field)s must be at most %(highest)s (you entered "
                        "%(value)s).",
                        field=label,
                        highest=_plain(highest),
                        value=_plain(number),
                    )
                else:
                    message = self.env._(
                        "%(field)s must be between %(lowest)s and %(highest)s "
                        "(you entered %(value)s).",
                        field=label,
                        lowest=_plain(lowest),
                        highest=_plain(highest),
                        value=_plain(number),
                    )
                raise ValidationError(message)


def _plain(number):
    """A number as people write it here, without thousands separators (a
    year is 2026, not 2,026 or 2.026)."""
    return str(int(number)) if float(number).is_integer() else str(number)
