/** @odoo-module **/

import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("hr_kinerja_kompetensi_feedback_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Kinerja app",
            trigger: ".o_app[data-menu-xmlid='hr_kinerja_kompetensi.hr_kinerja_menu_root']",
            run: "click",
        },
        {
            content: "Open Feedback to give",
            trigger: ".o_menu_sections a[data-menu-xmlid='hr_kinerja_kompetensi.hr_appraisal_feedback_menu_mine']",
            run: "click",
        },
        {
            content: "Open the request",
            trigger: ".o_data_row td:contains('Pegawai Dinilai 360')",
            run: "click",
        },
        {
            content: "Start: the competencies and values appear",
            trigger: "button[name='action_start']",
            run: "click",
        },
        {
            content: "Rate the first competency",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:nth-child(1) td[name='rating']",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:nth-child(1) [name='rating'] input",
            run: "edit 4",
        },
        {
            content: "Write a comment",
            trigger: ".o_field_widget[name='comment'] textarea",
            run: "edit Kolaboratif dan tepat waktu",
        },
        {
            content: "Submit (saves first)",
            trigger: "button[name='action_submit']",
            run: "click",
        },
        {
            content: "The feedback is submitted",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Submitted')",
        },
    ],
});
