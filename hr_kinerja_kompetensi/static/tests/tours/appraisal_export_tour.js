/** @odoo-module **/

import {download} from "@web/core/network/download";
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

// The browser's own download of the file is not observable from a tour:
// record the file name the server sent back (HTTP 200 with a
// Content-Disposition), around the web client's real download request.
let originalDownload = null;
function recordDownloads() {
    originalDownload = download._download;
    download._download = async (options) => {
        const filename = await originalDownload(options);
        document.body.dataset.hkkDownloaded = filename || "";
        return filename;
    };
}
function restoreDownloads() {
    download._download = originalDownload;
}

registry.category("web_tour.tours").add("hr_kinerja_kompetensi_export_tour", {
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
            content: "Open the Excel export",
            trigger: ".dropdown-item:contains('Export to Excel')",
            run: "click",
        },
        {
            content: "Choose the cycle",
            trigger: ".modal .o_field_widget[name='cycle_id'] input",
            run: "edit Siklus Ekspor Tour",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Siklus Ekspor Tour')",
            run: "click",
        },
        {
            content: "Export",
            trigger: ".modal button[name='action_export']",
            run: "click",
        },
        {
            content: "The workbook is ready to download",
            trigger: ".modal .o_field_widget[name='file_data']:contains('.xlsx')",
            run: recordDownloads,
        },
        {
            content: "Download it",
            trigger: ".modal .o_field_widget[name='file_data'] a.o_form_uri",
            run: "click",
        },
        {
            content: "The server sent the workbook",
            trigger: "body[data-hkk-downloaded$='.xlsx']",
            run: restoreDownloads,
        },
        {
            content: "Close the dialog",
            trigger: ".modal .modal-footer button.btn-secondary",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
    ],
});
