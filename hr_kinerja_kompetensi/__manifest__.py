# Copyright 2026 Kabupaten Batanghari contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Kinerja & Kompetensi ASN",
    "summary": "Competency-based performance management for Indonesian civil "
    "servants (ASN): NIP, competency dictionary, job standards, appraisals",
    "version": "18.0.1.0.0",
    "category": "Human Resources/Appraisals",
    "website": "https://github.com/OCA/hr",
    "author": "Kabupaten Batanghari, Odoo Community Association (OCA)",
    "maintainers": ["batanghari-bkpsdmd"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "application": True,
    "depends": ["hr", "hr_skills", "hr_appraisal_oca", "mail"],
    "data": [
        "security/hr_kinerja_kompetensi_security.xml",
        "security/ir.model.access.csv",
        "security/hr_kinerja_kompetensi_rules.xml",
        "data/hr_competency_data.xml",
        "data/hr_behavior_value_data.xml",
        "views/hr_employee_views.xml",
        "views/hr_job_competency_views.xml",
        "views/hr_job_views.xml",
        "views/hr_skill_views.xml",
        "views/hr_competency_level_views.xml",
        "views/res_config_settings_views.xml",
        "views/hr_behavior_value_views.xml",
        "wizard/hr_job_competency_fill_views.xml",
        "wizard/hr_kinerja_reason_views.xml",
        "views/hr_appraisal_cycle_views.xml",
        "views/hr_appraisal_views.xml",
        "views/hr_kinerja_menus.xml",
        "report/hr_appraisal_report.xml",
        "report/hr_appraisal_templates.xml",
    ],
    "demo": [
        "demo/hr_competency_teknis_demo.xml",
        "demo/hr_batanghari_demo.xml",
        "demo/hr_appraisal_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "hr_kinerja_kompetensi/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
