from odoo import fields
from odoo.tests import TransactionCase, tagged

from ..models import labels
from .common import KinerjaCommon


def load_indonesian(env):
    """Activate Indonesian and load this addon's translations into it."""
    env["res.lang"]._activate_lang("id_ID")
    env["ir.module.module"].search(
        [("name", "=", "hr_kinerja_kompetensi")]
    )._update_translations(["id_ID"])


@tagged("post_install", "-at_install")
class TestIndonesian(TransactionCase):
    """The screens in Indonesian: our terms from i18n/id.po and the terms of
    hr_appraisal_oca (which ships no Indonesian) from i18n_extra/id.po."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_indonesian(cls.env)

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

    def test_screen_and_workbook_say_the_same(self):
        """The Indonesian screen (id.po of the selections of models/labels.py)
        and the workbook's fixed Indonesian terms name each value alike."""
        fields = {
            ("hr.appraisal", "kinerja_state"): labels.STEPS,
            ("hr.appraisal", "work_result_rating"): labels.RATINGS,
            ("hr.appraisal", "predicate"): labels.PREDICATES,
            ("hr.appraisal", "jpm_category"): labels.JPM_CATEGORIES,
            ("hr.appraisal.cycle", "organization_rating"): labels.ORGANIZATION_RATINGS,
            ("hr.appraisal.feedback", "role"): labels.FEEDBACK_ROLES,
        }
        env = self.env(context=dict(self.env.context, lang="id_ID"))
        for (model, fname), label_list in fields.items():
            screen = dict(env[model]._fields[fname]._description_selection(env))
            for key, workbook in labels.workbook_labels(label_list).items():
                # the workbook capitalises each word (a header style)
                self.assertEqual(
                    screen[key].casefold(), workbook.casefold(), f"{model}.{key}"
                )


@tagged("post_install", "-at_install")
class TestActivityLanguage(KinerjaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._open_cycle_with_appraisals()
        load_indonesian(cls.env)

    def test_activities_speak_the_assignee_language(self):
        # the officer works in English, the employee and a peer in Indonesian
        (self.user_employee | self.user_peer).lang = "id_ID"
        self.appraisal.activity_ids.unlink()
        self.appraisal._schedule_cycle_activities()
        self.assertEqual(
            {a.user_id: a.summary for a in self.appraisal.activity_ids},
            {
                self.user_employee: "Isi penilaian diri Anda",
                self.user_supervisor: "Assess Employee",
            },
        )
        requests = self.env["hr.appraisal.feedback"]._request(
            [
                {
                    "appraisal_id": self.appraisal.id,
                    "reviewer_id": reviewer.id,
                    "role": role,
                    "date_deadline": "2031-12-15",
                }
                for reviewer, role in (
                    (self.emp_peer, "peer"),
                    (self.emp_supervisor, "supervisor"),
                )
            ]
        )
        self.assertEqual(
            {a.user_id: a.summary for a in requests.activity_ids},
            {
                self.user_peer: "Berikan umpan balik 360",
                self.user_supervisor: "Give 360 feedback",
            },
        )
        # the reminder of the scheduled action too
        requests.sudo().date_deadline = fields.Date.context_today(requests)
        self.env["hr.appraisal.feedback"]._cron_remind_and_expire()
        subjects = {
            message.partner_ids: message.subject
            for message in self.env["mail.message"].search(
                [("message_type", "=", "user_notification")]
            )
        }
        self.assertEqual(
            subjects[self.user_peer.partner_id],
            "Pengingat: umpan balik 360 yang harus diberikan",
        )
        self.assertEqual(
            subjects[self.user_supervisor.partner_id], "Reminder: 360 feedback to give"
        )


@tagged("post_install", "-at_install")
class TestDemoChatter(TransactionCase):
    """The demo's records carry no note written before the translations were
    loaded (it would stay in English on an Indonesian database)."""

    def test_demo_records_have_no_install_time_creation_note(self):
        demo = self.env["ir.model.data"].search(
            [("module", "=", "hr_kinerja_kompetensi"), ("model", "like", "hr.%")]
        )
        thread_models = {
            model
            for model in set(demo.mapped("model"))
            if model in self.env and hasattr(self.env[model], "_creation_message")
        }
        records = [
            self.env[d.model].browse(d.res_id) for d in demo if d.model in thread_models
        ]
        if not any(r.exists() for r in records if r._name == "hr.appraisal.cycle"):
            self.skipTest("demo data not loaded")
        created = [
            r
            for r in records
            if r.exists()
            and self.env["mail.message"].search_count(
                [
                    ("model", "=", r._name),
                    ("res_id", "=", r.id),
                    ("body", "ilike", r._creation_message()),
                ]
            )
        ]
        self.assertFalse(created, "demo records with an install-time creation note")
