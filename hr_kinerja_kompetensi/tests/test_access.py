from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import KinerjaCommon


@tagged("post_install", "-at_install")
class TestAppraisalAccess(KinerjaCommon):
    """hr_appraisal_oca alone lets any internal user read, write and delete
    any appraisal; with this addon only the appraisee, the supervision chain
    and HR reach one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.appraisal = (
            cls.env["hr.appraisal"]
            .with_user(cls.user_hr)
            .create(
                {
                    "employee_id": cls.emp_employee.id,
                    "date_close": fields.Date.today(),
                    "manager_feedback": "<p>Needs coaching</p>",
                    "note": "<p>Private remark</p>",
                }
            )
        )

    def _visible_to(self, user):
        return (
            self.env["hr.appraisal"]
            .with_user(user)
            .search([("id", "=", self.appraisal.id)])
        )

    def test_who_can_read(self):
        for user in (
            self.user_employee,
            self.user_supervisor,
            self.user_atasan,
            self.user_hr,
            self.user_hr_admin,
        ):
            with self.subTest(user=user.login):
                self.assertEqual(self._visible_to(user), self.appraisal)
                self.appraisal.with_user(user).read(["employee_id", "state"])
        for user in (self.user_peer, self.user_unrelated, self.user_other_company):
            with self.subTest(user=user.login):
                self.assertFalse(self._visible_to(user))
                with self.assertRaises(AccessError):
                    self.appraisal.with_user(user).read(["manager_feedback", "note"])

    def test_unrelated_cannot_write_or_delete(self):
        for user in (self.user_peer, self.user_unrelated, self.user_other_company):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.appraisal.with_user(user).write({"color": 3})
                with self.assertRaises(AccessError):
                    self.appraisal.with_user(user).unlink()
        self.assertTrue(self.appraisal.exists())

    def test_employee_cannot_create_or_delete_own(self):
        with self.assertRaises(AccessError):
            self.env["hr.appraisal"].with_user(self.user_employee).create(
                {"employee_id": self.emp_employee.id, "date_close": fields.Date.today()}
            )
        with self.assertRaises(AccessError):
            self.appraisal.with_user(self.user_employee).unlink()

    def test_supervisor_creates_for_team_only(self):
        Appraisal = self.env["hr.appraisal"].with_user(self.user_supervisor)
        created = Appraisal.create(
            {"employee_id": self.emp_peer.id, "date_close": fields.Date.today()}
        )
        self.assertEqual(created.employee_id, self.emp_peer)
        for target in (self.emp_supervisor, self.emp_unrelated):
            with self.subTest(target=target.name), self.assertRaises(AccessError):
                Appraisal.create(
                    {"employee_id": target.id, "date_close": fields.Date.today()}
                )
        with self.assertRaises(AccessError):
            created.unlink()

    def test_hr_deletes(self):
        self.appraisal.with_user(self.user_hr).unlink()
        self.assertFalse(self.appraisal.exists())

    def test_employee_cannot_change_templates(self):
        template = (
            self.env["hr.appraisal.template"]
            .with_user(self.user_hr)
            .create({"description": "Template"})
        )
        template.with_user(self.user_employee).read(["description"])
        with self.assertRaises(AccessError):
            template.with_user(self.user_employee).write({"description": "Hacked"})
        with self.assertRaises(AccessError):
            template.with_user(self.user_employee).unlink()


@tagged("post_install", "-at_install")
class TestDictionaryAccess(KinerjaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.integritas = cls.env["hr.skill"].search([("code", "=", "M.01")])
        cls.job = cls.env["hr.job"].create(
            {"name": "Staf", "position_kind": "pelaksana"}
        )
        cls.line = cls.env["hr.job.competency"].create(
            {"job_id": cls.job.id, "skill_id": cls.integritas.id, "required_level": 1}
        )

    def test_everyone_reads_the_dictionary(self):
        for user in (self.user_employee, self.user_supervisor, self.user_hr):
            with self.subTest(user=user.login):
                skill = self.integritas.with_user(user)
                self.assertTrue(skill.definition)
                levels = skill.competency_level_ids
                self.assertEqual(len(levels), 5)
                self.assertTrue(levels.indicator_ids.mapped("name"))
                self.assertEqual(self.line.with_user(user).required_level, 1)

    def test_only_hr_admin_changes_the_dictionary(self):
        for user in (self.user_employee, self.user_supervisor, self.user_hr):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.integritas.with_user(user).write({"name": "Changed"})
                with self.assertRaises(AccessError):
                    self.env["hr.skill"].with_user(user).create(
                        {
                            "name": "New",
                            "code": "M.99",
                            "skill_type_id": self.integritas.skill_type_id.id,
                        }
                    )
                with self.assertRaises(AccessError):
                    self.integritas.competency_level_ids[0].with_user(user).write(
                        {"description": "Changed"}
                    )
                with self.assertRaises(AccessError):
                    self.line.with_user(user).write({"required_level": 5})
        self.integritas.with_user(self.user_hr_admin).write({"definition": "Baru"})
        self.line.with_user(self.user_hr_admin).write({"required_level": 2})
        self.assertEqual(self.line.required_level, 2)

    def test_plain_skills_stay_open_to_employees(self):
        languages = self.env["hr.skill.type"].create({"name": "Bahasa Daerah"})
        skill = (
            self.env["hr.skill"]
            .with_user(self.user_employee)
            .create({"name": "Bahasa Melayu Jambi", "skill_type_id": languages.id})
        )
        self.assertTrue(skill)


@tagged("post_install", "-at_install")
class TestEmployeeFieldAccess(KinerjaCommon):
    def test_colleagues_read_public_asn_identity(self):
        public = (
            self.env["hr.employee.public"]
            .with_user(self.user_peer)
            .browse(self.emp_employee.id)
        )
        self.assertEqual(public.nip, self.emp_employee.nip)
        self.assertEqual(public.asn_type, "pns")

    def test_private_service_dates_need_hr(self):
        employee = self.emp_employee.with_user(self.user_peer)
        with self.assertRaises(AccessError):
            employee.read(["tmt_cpns"])
        with self.assertRaises(AccessError):
            employee.read(["years_of_service"])
        self.assertTrue(self.emp_employee.with_user(self.user_hr).tmt_cpns)

    def test_internal_user_reads_all_employees_without_hr_rights(self):
        # the same check as hr's test_employee_fields_groups, which
        # hr_appraisal_oca alone breaks
        self.env["hr.employee"].with_user(self.user_peer).search([]).read([])

    def test_only_hr_edits_asn_data(self):
        with self.assertRaises(AccessError):
            self.emp_employee.with_user(self.user_supervisor).write(
                {"golongan": "pns_4e"}
            )
        self.emp_employee.with_user(self.user_hr).write({"golongan": "pns_3b"})
        self.assertEqual(self.emp_employee.golongan, "pns_3b")
