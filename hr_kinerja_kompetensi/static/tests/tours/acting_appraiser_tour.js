/** @odoo-module **/

import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

// HR assigns an acting appraiser (Plt) for one employee whose supervisor is
// party to a dispute; the appraisal's PPK follows (checked by the test).
registry.category("web_tour.tours").add("hr_kinerja_kompetensi_acting_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Kinerja app",
            trigger: ".o_app[data-menu-xmlid='hr_kinerja_kompetensi.hr_kinerja_menu_root']",
            run: "click",
        },
        {
            content: "Open the appraisals menu",
            trigger: ".o_menu_sections button:contains('Appraisals'), .o_menu_sections a:contains('Appraisals')",
            run: "click",
        },
        {
            content: "Open the acting appraisers",
            trigger: ".dropdown-item:contains('Acting Appraisers')",
            run: "click",
        },
        {
            content: "New assignment",
            trigger: ".o_list_button_add, .o-kanban-button-new",
            run: "click",
        },
        {
            content: "The acting appraiser",
            trigger: ".o_field_widget[name='appraiser_id'] input",
            run: "edit Tour Plt",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Tour Plt')",
            run: "click",
        },
        {
            content: "Because of a dispute",
            trigger: ".o_field_widget[name='reason'] select",
            run: "select \"dispute\"",
        },
        {
            content: "For some employees",
            trigger: ".o_field_widget[name='scope'] label:contains('Some employees')",
            run: "click",
        },
        {
            content: "The employee",
            trigger: ".o_field_widget[name='employee_ids'] input",
            run: "edit Tour Pegawai",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Tour Pegawai')",
            run: "click",
        },
        {
            content: "Until the end of the assessment",
            trigger: ".o_field_widget[name='date_end'] input",
            run: "edit 02/28/2030",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved: the assignment bears the acting appraiser's name",
            trigger: ".o_breadcrumb .active:contains('Tour Plt')",
        },
    ],
});
