/** @odoo-module **/

import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("hr_kinerja_kompetensi_award_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Kinerja app",
            trigger: ".o_app[data-menu-xmlid='hr_kinerja_kompetensi.hr_kinerja_menu_root']",
            run: "click",
        },
        {
            content: "Open the awards menu",
            trigger: ".o_menu_sections button:contains('Awards and Talent')",
            run: "click",
        },
        {
            content: "Start the monthly best performer wizard",
            trigger: ".dropdown-item:contains('Monthly Best Performer')",
            run: "click",
        },
        {
            content: "Rank this month's candidates",
            trigger: ".modal button[name='action_compute']:contains('Rank candidates')",
            run: "click",
        },
        {
            content: "The best performer of the unit is ranked first and ticked",
            trigger: ".modal .o_data_row:contains('Tour Terbaik'):contains('Predicate: Sangat Baik')",
        },
        {
            content: "Propose the selected candidates",
            trigger: ".modal button[name='action_propose']",
            run: "click",
        },
        {
            content: "The proposals are listed",
            trigger: "body:not(:has(.modal)) .o_breadcrumb .active:contains('Awards')",
        },
        {
            content: "Open the proposal",
            trigger: ".o_list_view .o_data_row:contains('Pegawai Berkinerja Terbaik Bulanan'):contains('Tour Terbaik') td[name='employee_id']",
            run: "click",
        },
        {
            content: "Approve the award",
            trigger: ".o_form_view button[name='action_approve']",
            run: "click",
        },
        {
            content: "The award is approved",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Approved')",
        },
    ],
});
