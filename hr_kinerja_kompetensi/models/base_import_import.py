from odoo import models

from ..rules import staff_import


class BaseImportImport(models.TransientModel):
    _inherit = "base_import.import"

    def execute_import(self, fields, columns, options, dryrun=False):
        if self.res_model == "hr.employee":
            # The staff import reports the row number of the file (the
            # header is row 1); load() only sees the data rows after the
            # skipped ones. (Blank lines, which the screen drops, are not
            # counted back in.)
            first = options.get("skip", 0) + (2 if options.get("has_headers") else 1)
            self = self.with_context(hr_kinerja_import_first_row=first)
        return super().execute_import(fields, columns, options, dryrun=dryrun)

    def _get_mapping_suggestion(
        self, header, fields_tree, header_types, mapping_fields
    ):
        # SIASN's column titles ("NIP ATASAN", "UNIT KERJA", "GOL AKHIR")
        # name no field label: map them, after a mapping the user saved.
        if self.res_model == "hr.employee" and header.lower() not in mapping_fields:
            name = staff_import.field_for_header(header)
            if name and any(field["name"] == name for field in fields_tree):
                return {"field_path": [name], "distance": 0}
        return super()._get_mapping_suggestion(
            header, fields_tree, header_types, mapping_fields
        )
