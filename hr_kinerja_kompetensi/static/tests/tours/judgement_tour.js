/** @odoo-module **/

import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

// A supervisor reviews the predicates of her team before publication, in
// the judgement's own analysis (the appraisee cannot reach it).
registry.category("web_tour.tours").add("hr_kinerja_kompetensi_judgement_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Kinerja app",
            trigger: ".o_app[data-menu-xmlid='hr_kinerja_kompetensi.hr_kinerja_menu_root']",
            run: "click",
        },
        {
            content: "Open the reporting menu",
            trigger: ".o_menu_sections button:contains('Reporting'), .o_menu_sections a:contains('Reporting')",
            run: "click",
        },
        {
            content: "Open the predicates of all steps",
            trigger: ".dropdown-item:contains('Predicates (all steps)')",
            run: "click",
        },
        {
            content: "The pivot counts the team's predicates",
            trigger: ".o_pivot th:contains('Butuh Perbaikan')",
        },
        {
            content: "Switch to the list",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "The employee's row, not published yet",
            trigger: ".o_data_row:contains('Tour Dinilai'):contains('Butuh Perbaikan')",
        },
    ],
});
