from odoo.tests import tagged

from .common import KinerjaCommon

FORM_SPEC = {
    "predicate": {},
    "work_result_rating": {},
    "behavior_rating": {},
    "behavior_suggestion": {},
    "job_person_match": {},
    "note": {},
    "manager_feedback": {},
    "competency_line_ids": {
        "fields": {"skill_id": {}, "self_level": {}, "manager_level": {}, "gap": {}}
    },
    "behavior_line_ids": {"fields": {"value_id": {}, "rating": {}}},
}


@tagged("post_install", "-at_install")
class TestAppraisalConfidential(KinerjaCommon):
    """The appraisee reads the supervisor's judgement only once published."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._open_cycle_with_appraisals()
        supervisor_view = cls.appraisal.with_user(cls.user_supervisor)
        supervisor_view.competency_line_ids.write(
            {"manager_level": 2, "evidence": "Laporan terlambat"}
        )
        supervisor_view.behavior_line_ids.write({"rating": "below"})
        supervisor_view.write(
            {
                "work_result_rating": "below",
                "behavior_rating": "below",
                "manager_feedback": "<p>Perlu pembinaan</p>",
                "note": "<p>Catatan pribadi atasan</p>",
            }
        )
        cls.appraisal.sudo().kinerja_state = "supervisor"

    def _as(self, user):
        return self.appraisal.with_user(user)

    def test_appraisee_reads_nothing_before_publication(self):
        mine = self._as(self.user_employee)
        values = mine.read(["predicate", "work_result_rating", "note", "gap_count"])[0]
        self.assertEqual(
            values,
            {
                "id": mine.id,
                "predicate": False,
                "work_result_rating": False,
                "note": False,
                "gap_count": False,
            },
        )
        web = mine.web_read(FORM_SPEC)[0]
        self.assertFalse(web["predicate"] or web["manager_feedback"])
        self.assertEqual(
            {line["manager_level"] for line in web["competency_line_ids"]}, {False}
        )
        self.assertEqual({line["rating"] for line in web["behavior_line_ids"]}, {False})
        rows = (
            self.env["hr.appraisal.competency"]
            .with_user(self.user_employee)
            .search_read(
                [("appraisal_id", "=", mine.id)], ["manager_level", "evidence"]
            )
        )
        self.assertEqual(len(rows), 9)
        self.assertFalse(any(r["manager_level"] or r["evidence"] for r in rows))

    def test_appraisee_cannot_infer_through_search_group_or_export(self):
        Appraisal = self.env["hr.appraisal"].with_user(self.user_employee)
        mine = [("id", "=", self.appraisal.id)]
        self.assertFalse(Appraisal.search([*mine, ("predicate", "=", "sangat_kurang")]))
        # a search answers on what she reads (nothing judged: empty values),
        # never on the hidden values: her real JPM is 2/3 of the standard
        self.assertAlmostEqual(self.appraisal.sudo().job_person_match, 66.67, 2)
        for condition in (("job_person_match", "<", 70), ("job_person_match", "<", 1)):
            self.assertEqual(Appraisal.search([*mine, condition]), self.appraisal)
        self.assertFalse(Appraisal.search([*mine, ("job_person_match", ">", 60)]))
        self.assertEqual(
            Appraisal.search([*mine, ("predicate", "=", False)]), self.appraisal
        )
        # not stored here: grouping or sorting by it is refused to everybody
        for Model in (Appraisal, Appraisal.sudo()):
            with self.assertRaises(ValueError):
                Model.read_group(mine, ["job_person_match:avg"], ["predicate"])
            with self.assertRaises(ValueError):
                Model.search(mine, order="predicate")
        # where it is stored, the record rules keep her own out
        Judgement = self.env["hr.appraisal.judgement"].with_user(self.user_employee)
        self.assertFalse(Judgement.search([]))
        [group] = Judgement.read_group([], ["predicate:array_agg"], [])
        self.assertEqual((group["__count"], group["predicate"]), (0, []))
        lines = self.env["hr.appraisal.competency"].with_user(self.user_employee)
        self.assertFalse(
            lines.search(
                [("appraisal_id", "=", self.appraisal.id), ("manager_level", "=", 2)]
            )
        )
        # an employee allowed to export still gets no hidden value out
        self.user_employee.groups_id += self.env.ref("base.group_allow_export")
        exported = self._as(self.user_employee).export_data(
            ["predicate", "behavior_rating", "kinerja_state"]
        )["datas"]
        self.assertEqual(exported, [["", "", "Supervisor assessment"]])

    def test_appraisee_gets_nothing_through_export_paths(self):
        """Export follows relations: lines of the appraisal, the appraisal of
        a line, the appraisals of an employee."""
        export = self.env.ref("base.group_allow_export")
        self.user_employee.groups_id += export
        self.user_supervisor.groups_id += export
        paths = [
            "kinerja_state",
            "competency_line_ids/skill_id",
            "competency_line_ids/manager_level",
            "competency_line_ids/gap",
            "behavior_line_ids/rating",
            "behavior_suggestion",
        ]
        mine = self._as(self.user_employee).export_data(paths)["datas"]
        # 9 competency lines, then the 7 behaviour lines from the 2nd row on
        self.assertEqual(len(mine), 15)
        levels_and_gaps = {row[2] for row in mine} | {row[3] for row in mine}
        self.assertLessEqual(levels_and_gaps, {False, ""})  # 0 == False
        self.assertLessEqual({row[4] for row in mine}, {False, ""})
        self.assertFalse(mine[0][5])
        lines = self.appraisal.competency_line_ids.with_user(self.user_employee)
        via_line = lines.export_data(["skill_id", "appraisal_id/predicate"])["datas"]
        self.assertLessEqual({row[1] for row in via_line}, {False, ""})
        # the same export by the supervisor has the values: the mask is the
        # appraisee's only
        theirs = self._as(self.user_supervisor).export_data(paths)["datas"]
        self.assertEqual({row[2] for row in theirs} - {""}, {2})
        self.assertEqual({row[4] for row in theirs} - {""}, {"Below expectations"})

    def test_appraisee_gets_nothing_through_onchange(self):
        """The form's onchange returns values as well (all on its first call)."""
        mine = self._as(self.user_employee)
        first = mine.onchange({}, [], FORM_SPEC)["value"]
        self.assertFalse(first.get("predicate") or first.get("manager_feedback"))
        self.assertFalse(first.get("note") or first.get("job_person_match"))
        line_values = [
            command[2]
            for fname in ("competency_line_ids", "behavior_line_ids")
            for command in first.get(fname, [])
            if len(command) > 2 and isinstance(command[2], dict)
        ]
        self.assertFalse(
            [v for v in line_values if v.get("manager_level") or v.get("rating")]
        )
        # a change of the employee's own level: the answer still hides the rest
        line = mine.competency_line_ids[0]
        changed = mine.onchange(
            {
                "competency_line_ids": [
                    (1, line.id, {"self_level": 4}),
                ]
            },
            ["competency_line_ids"],
            FORM_SPEC,
        )["value"]
        for command in changed.get("competency_line_ids", []):
            if len(command) > 2 and isinstance(command[2], dict):
                self.assertFalse(command[2].get("manager_level"))
                self.assertFalse(command[2].get("gap"))
        # probing: a work-result rating sent by the appraisee gives back a
        # predicate computed with what she reads of the behaviour rating
        # (nothing), not with the supervisor's real one
        probe = mine.onchange(
            {"work_result_rating": "above"}, ["work_result_rating"], FORM_SPEC
        )["value"]
        self.assertFalse(probe.get("predicate"))
        # the same probe by the supervisor is answered (their own data)
        theirs = self._as(self.user_supervisor).onchange(
            {"work_result_rating": "above"}, ["work_result_rating"], FORM_SPEC
        )["value"]
        self.assertEqual(theirs["predicate"], "kurang")

    def test_supervisor_chain_and_hr_see_everything(self):
        for user in (self.user_supervisor, self.user_atasan, self.user_hr):
            with self.subTest(user=user.login):
                values = self._as(user).read(["predicate", "note"])[0]
                self.assertEqual(values["predicate"], "sangat_kurang")
                # ...but the private note, which is its author's alone
                if user == self.user_supervisor:
                    self.assertIn("Catatan", values["note"])
                else:
                    self.assertFalse(values["note"])
                self.assertEqual(
                    set(self._as(user).competency_line_ids.mapped("manager_level")),
                    {2},
                )

    def test_published_result_visible_private_note_never(self):
        self._as(self.user_supervisor).action_mark_done()
        values = self._as(self.user_employee).read(
            ["predicate", "manager_feedback", "note"]
        )[0]
        self.assertEqual(values["predicate"], "sangat_kurang")
        self.assertIn("pembinaan", values["manager_feedback"])
        self.assertFalse(values["note"], "the private note stays private")
        rows = (
            self.env["hr.appraisal.competency"]
            .with_user(self.user_employee)
            .search_read([("appraisal_id", "=", self.appraisal.id)], ["manager_level"])
        )
        self.assertEqual({r["manager_level"] for r in rows}, {2})

    def test_chatter_does_not_leak_ratings(self):
        messages = self._as(self.user_employee).message_ids
        tracked = messages.sudo().tracking_value_ids.field_id.mapped("name")
        self.assertFalse(
            {"predicate", "work_result_rating", "behavior_rating"} & set(tracked)
        )
