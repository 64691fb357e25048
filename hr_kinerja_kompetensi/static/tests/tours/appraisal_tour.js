/** @odoo-module **/

import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

const line = (row) =>
    `.o_field_widget[name='competency_line_ids'] .o_data_row:nth-child(${row})`;

registry.category("web_tour.tours").add("hr_kinerja_kompetensi_supervisor_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Kinerja app",
            trigger: ".o_app[data-menu-xmlid='hr_kinerja_kompetensi.hr_kinerja_menu_root']",
            run: "click",
        },
        {
            content: "Open the team member's appraisal",
            trigger: ".o_kanban_record:contains('Tour Pegawai')",
            run: "click",
        },
        {
            content: "Go to the competencies",
            trigger: ".o_notebook .nav-link:contains('Competencies')",
            run: "click",
        },
        {
            content: "Rate the first competency",
            trigger: `${line(1)} td[name='manager_level']`,
            run: "click",
        },
        {
            trigger: `${line(1)} [name='manager_level'] input`,
            run: "edit 3",
        },
        {
            content: "Rate the second competency",
            trigger: `${line(2)} td[name='manager_level']`,
            run: "click",
        },
        {
            trigger: `${line(2)} [name='manager_level'] input`,
            run: "edit 2",
        },
        {
            content: "Go to the work results",
            trigger: ".o_notebook .nav-link:contains('Work results')",
            run: "click",
        },
        {
            content: "Work results meet expectations",
            trigger: ".o_field_widget[name='work_result_rating'] label:contains('Meets expectations')",
            run: "click",
        },
        {
            content: "Go to the behaviour",
            trigger: ".o_notebook .nav-link:contains('Behaviour')",
            run: "click",
        },
        {
            content: "Behaviour above expectations",
            trigger: ".o_field_widget[name='behavior_rating'] label:contains('Above expectations')",
            run: "click",
        },
        {
            content: "The predicate follows the matrix",
            trigger: ".o_field_widget[name='predicate']:contains('Baik')",
        },
        {
            content: "Mark as done (saves first)",
            trigger: "button[name='action_mark_done']",
            run: "click",
        },
        {
            content: "The appraisal is done",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Done')",
        },
    ],
});

registry.category("web_tour.tours").add("hr_kinerja_kompetensi_employee_result_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Kinerja app",
            trigger: ".o_app[data-menu-xmlid='hr_kinerja_kompetensi.hr_kinerja_menu_root']",
            run: "click",
        },
        {
            content: "Open my appraisal",
            trigger: ".o_kanban_record:contains('Tour Pegawai')",
            run: "click",
        },
        {
            content: "I see my published predicate",
            trigger: ".o_field_widget[name='predicate']:contains('Baik')",
        },
        {
            content: "And the JPM of my competencies",
            trigger: ".o_field_widget[name='job_person_match']:contains('83')",
        },
    ],
});
