from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestIndonesian(TransactionCase):
    """The screens in Indonesian: our terms from i18n/id.po and the terms of
    hr_appraisal_oca (which ships no Indonesian) from i18n_extra/id.po."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("id_ID")
        cls.env["ir.module.module"].search(
            [("name", "=", "hr_kinerja_kompetensi")]
        )._update_translations(["id_ID"])

    def test_appraisal_labels_in_indonesian(self):
        fields = (
            self.env["hr.appraisal"]
            .with_context(lang="id_ID")
            .fields_get(
                ["predicate", "work_result_rating", "department_id", "date_close"],
                ["string", "selection"],
            )
        )
        # ours
        self.assertEqual(fields["predicate"]["string"], "Predikat")
        self.assertIn(
            ["above", "Di Atas Ekspektasi"],
            [list(option) for option in fields["work_result_rating"]["selection"]],
        )
        # hr_appraisal_oca's, translated by i18n_extra
        self.assertEqual(fields["department_id"]["string"], "Unit Kerja")
        self.assertEqual(fields["date_close"]["string"], "Tanggal Penilaian")
        # English stays English
        english = self.env["hr.appraisal"].with_context(lang="en_US")
        self.assertEqual(
            english.fields_get(["department_id"], ["string"])["department_id"][
                "string"
            ],
            "Department",
        )
