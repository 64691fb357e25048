from odoo.tests import TransactionCase, tagged

CODES = ["M.01", "M.02", "M.03", "M.04", "M.05", "M.06", "M.07", "M.08", "SK.01"]


@tagged("post_install", "-at_install")
class TestDictionary(TransactionCase):
    def test_three_families_with_five_levels(self):
        types = self.env["hr.skill.type"].search([("is_competency", "=", True)])
        families = set(types.mapped("competency_family"))
        self.assertEqual(families, {"manajerial", "sosial_kultural", "teknis"})
        for skill_type in types:
            self.assertEqual(
                sorted(skill_type.skill_level_ids.mapped("competency_level")),
                [1, 2, 3, 4, 5],
                skill_type.name,
            )

    def test_nine_core_competencies_fully_described(self):
        skills = self.env["hr.skill"].search([("code", "in", CODES)])
        self.assertEqual(sorted(skills.mapped("code")), sorted(CODES))
        self.assertEqual(
            set(
                skills.filtered(lambda s: s.code.startswith("M.")).mapped(
                    "competency_family"
                )
            ),
            {"manajerial"},
        )
        for skill in skills:
            with self.subTest(code=skill.code):
                self.assertTrue(skill.definition)
                self.assertEqual(
                    skill.competency_level_ids.mapped("level"), [1, 2, 3, 4, 5]
                )
                for level in skill.competency_level_ids:
                    self.assertTrue(level.description)
                    self.assertEqual(len(level.indicator_ids), 3, level.display_name)
                    self.assertTrue(all(level.indicator_ids.mapped("name")))

    def test_is_competency_search(self):
        SkillType = self.env["hr.skill.type"]
        languages = SkillType.create({"name": "Bahasa"})
        self.assertNotIn(languages, SkillType.search([("is_competency", "=", True)]))
        self.assertIn(languages, SkillType.search([("is_competency", "=", False)]))
        self.assertIn(languages, SkillType.search([("is_competency", "!=", True)]))
