/** @odoo-module **/

import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("hr_kinerja_kompetensi_employee_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Employees app",
            trigger: ".o_app[data-menu-xmlid='hr.menu_hr_root']",
            run: "click",
        },
        {
            content: "Search the employee",
            trigger: ".o_searchview_input",
            run: "edit Rahmawati Tour",
        },
        {
            trigger: ".o_searchview_input",
            run: "press Enter",
        },
        {
            content: "Open the employee",
            trigger: ".o_kanban_record:contains('Rahmawati Tour')",
            run: "click",
        },
        {
            content: "Open the ASN tab",
            trigger: ".o_notebook .nav-link:contains('ASN')",
            run: "click",
        },
        {
            content: "The NIP is shown",
            trigger: ".o_field_widget[name='nip'] input:value('199203142022212005')",
        },
        {
            content: "TMT CPNS came from the NIP",
            trigger: ".o_field_widget[name='tmt_cpns'] input:value('01/01/2022')",
        },
        {
            content: "The required competencies of the job are listed",
            trigger:
                ".o_field_widget[name='job_competency_ids'] .o_data_row:contains('Integritas')",
        },
        {
            content: "Open the job from the work information",
            trigger: ".o_notebook .nav-link:contains('Work Information')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='job_id'] input",
        },
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Kinerja app",
            trigger: ".o_app[data-menu-xmlid='hr_kinerja_kompetensi.hr_kinerja_menu_root']",
            run: "click",
        },
        {
            content: "Wait for the app's first screen",
            trigger: ".o_breadcrumb:contains('Appraisals')",
        },
        {
            content: "Open Configuration",
            trigger: ".o_main_navbar button:contains('Configuration')",
            run: "click",
        },
        {
            content: "Open Jobs and Standards",
            trigger: ".o-dropdown--menu .dropdown-item:contains('Jobs and Standards')",
            run: "click",
        },
        {
            content: "Wait for the job list",
            trigger: ".o_breadcrumb:contains('Jobs and Standards')",
        },
        {
            content: "Open the job",
            trigger: ".o_data_row td:contains('Guru Tour')",
            run: "click",
        },
        {
            content: "Open the competency standard",
            trigger: ".o_notebook .nav-link:contains('Competency Standard')",
            run: "click",
        },
        {
            content: "Each competency requires level 1 for Ahli Pertama",
            trigger:
                ".o_field_widget[name='competency_ids'] .o_data_row:contains('Integritas'):contains('1')",
        },
    ],
});
