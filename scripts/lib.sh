# Shared helpers of scripts/run.sh and scripts/test.sh (sourced, not run).

hkk_ensure_postgres() {
    if ! command -v pg_ctlcluster >/dev/null 2>&1; then
        echo "Installing PostgreSQL (Debian package)..."
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    local version
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    pg_ctlcluster "$version" main start 2>/dev/null || true
    # Odoo connects over the unix socket as a superuser role named like the OS user.
    local me
    me=$(id -un)
    if ! su postgres -c "psql -tAc \"select 1 from pg_roles where rolname='$me'\"" | grep -q 1; then
        su postgres -c "createuser -s $me"
    fi
}

hkk_ensure_python_deps() {
    # Addon dependencies that come from PyPI (Odoo itself is a prerequisite).
    if ! python3 -c "import odoo.addons.hr_appraisal_oca" 2>/dev/null; then
        pip install -q --no-warn-script-location "odoo-addon-hr-appraisal-oca>=18.0,<18.1"
    fi
    if ! python3 -c "import odoo.addons.report_xlsx" 2>/dev/null; then
        pip install -q --no-warn-script-location "odoo-addon-report-xlsx>=18.0,<18.1"
    fi
    python3 -c "import xlsxwriter" 2>/dev/null || pip install -q xlsxwriter
}

hkk_addons_path() {
    # The repository (our addon) first, then Odoo's addons namespace, which
    # also holds pip-installed OCA addons.
    local odoo_paths
    odoo_paths=$(python3 -c "import odoo.addons; print(','.join(odoo.addons.__path__))")
    echo "$(pwd),$odoo_paths"
}
