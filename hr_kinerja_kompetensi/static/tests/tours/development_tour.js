/** @odoo-module **/

import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

const openKinerja = () => [
    stepUtils.showAppsMenuItem(),
    {
        content: "Open the Kinerja app",
        trigger: ".o_app[data-menu-xmlid='hr_kinerja_kompetensi.hr_kinerja_menu_root']",
        run: "click",
    },
    {
        content: "Open the Development menu",
        trigger: ".o_menu_sections [data-menu-xmlid='hr_kinerja_kompetensi.hr_development_menu']",
        run: "click",
    },
];

registry.category("web_tour.tours").add("hr_kinerja_kompetensi_training_needs_tour", {
    url: "/odoo",
    steps: () => [
        ...openKinerja(),
        {
            content: "Open the training-needs analysis",
            trigger: ".dropdown-item[data-menu-xmlid='hr_kinerja_kompetensi.hr_training_need_report_menu']",
            run: "click",
        },
        {
            content: "Start from the plain list of needs",
            trigger: ".o_searchview_facet:contains('Competency') .o_facet_remove",
            run: "click",
        },
        {
            content: "Look at Dinas Pendidikan (with its schools)",
            trigger: ".o_searchview_input",
            run: "edit Dinas Pendidikan",
        },
        {
            content: "Search it as the department",
            trigger: ".o_searchview_autocomplete .o_menu_item:contains('Department')",
            run: "click",
        },
        {
            trigger: ".o_searchview_facet:contains('Dinas Pendidikan')",
        },
        {
            content: "Group the needs by competency",
            trigger: ".o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            trigger: ".o_group_by_menu .o_menu_item:contains('Competency')",
            run: "click",
        },
        {
            content: "The competency most teachers fall short of: 6 below standard",
            trigger: ".o_group_header:contains('Penilaian Hasil Belajar'):contains('6')",
            run: "click",
        },
        {
            content: "Select the teachers who need it",
            trigger: ".o_data_row:contains('Fitri Handayani')",
        },
        {
            trigger: "thead .o_list_record_selector input",
            run: "click",
        },
        {
            content: "Plan a training session for them",
            trigger: ".o_control_panel button[name='action_create_training_session']",
            run: "click",
        },
        {
            content: "The draft session is pre-filled with the teachers",
            trigger: ".o_field_widget[name='attendance_ids'] .o_data_row:contains('Fitri Handayani')",
        },
        {
            content: "Set the JP of the session",
            trigger: ".o_field_widget[name='jp_hours'] input",
            run: "edit 8",
        },
        {
            content: "Confirm the session",
            trigger: "button[name='action_confirm']",
            run: "click",
        },
        {
            content: "Everyone attended",
            trigger: "button[name='action_mark_all_attended']",
            run: "click",
        },
        {
            content: "Each attendee is credited the JP",
            trigger: ".o_field_widget[name='attendance_ids'] .o_data_row:contains('Fitri Handayani') td[name='jp_credited']:contains('8.0')",
        },
    ],
});

registry.category("web_tour.tours").add("hr_kinerja_kompetensi_my_plan_tour", {
    url: "/odoo",
    steps: () => [
        ...openKinerja(),
        {
            content: "Open the development plans",
            trigger: ".dropdown-item[data-menu-xmlid='hr_kinerja_kompetensi.hr_development_plan_menu']",
            run: "click",
        },
        {
            content: "Open my plan of this year",
            trigger: `.o_kanban_record:contains('${new Date().getFullYear()} - Fitri Handayani')`,
            run: "click",
        },
        {
            content: "Go to the training attended",
            trigger: ".o_notebook .nav-link:contains('Training attended')",
            run: "click",
        },
        {
            content: "The session on assessment is there with its JP",
            trigger: ".o_field_widget[name='attendance_ids'] .o_data_row:contains('Penilaian Hasil Belajar') td[name='jp_credited']:contains('8.0')",
        },
    ],
});
