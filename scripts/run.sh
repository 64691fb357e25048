#!/usr/bin/env bash
# Run the product: PostgreSQL, a database with hr_kinerja_kompetensi and the
# Kabupaten Batanghari demo data, and Odoo serving on http://localhost:8069.
#
#   scripts/run.sh            # create the database the first time, then reuse it
#   scripts/run.sh --reset    # drop and recreate the database
#   HKK_DB=name HKK_PORT=8070 scripts/run.sh
#
# Odoo 18.0 must already be importable by python3 (it is a prerequisite, as
# for any addon); this script installs the addon's other dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
DB=${HKK_DB:-batanghari}
PORT=${HKK_PORT:-8069}

if ! python3 -c "import odoo" 2>/dev/null; then
    echo "Odoo 18.0 is not importable by python3. Install Odoo 18.0 first (see README.md, Prerequisites)." >&2
    exit 1
fi
# shellcheck source=scripts/lib.sh
source "$REPO/scripts/lib.sh"
hkk_ensure_postgres
hkk_ensure_python_deps
ADDONS=$(hkk_addons_path)

if [[ "${1:-}" == "--reset" ]]; then
    dropdb --if-exists "$DB"
fi
installed=$(psql -d "$DB" -tAc "select state from ir_module_module where name='hr_kinerja_kompetensi'" 2>/dev/null || true)
if [[ "$installed" != "installed" ]]; then
    echo "Creating database '$DB' with hr_kinerja_kompetensi and the Batanghari demo data (about 2 minutes)..."
    dropdb --if-exists "$DB"
    python3 -m odoo -d "$DB" --addons-path="$ADDONS" -i hr_kinerja_kompetensi \
        --load-language=id_ID --stop-after-init --http-port="$PORT" --log-level=warn
    # The agency's staff work in Indonesian; admin keeps English to compare.
    python3 -m odoo shell -d "$DB" --addons-path="$ADDONS" --log-level=warn <<'PY' >/dev/null
Users = env["res.users"]
Users.search(
    [("login", "in", ["bkpsdm", "penilai", "pegawai", "kapus", "perawat"])]
).write({"lang": "id_ID"})
Users.search([("login", "=", "admin")]).write({"lang": "en_US"})
env.cr.commit()
PY
fi

cat <<MSG

  Kinerja & Kompetensi is starting on http://localhost:$PORT  (database: $DB)

  Logins to try (password = login; all but admin see Odoo in Indonesian):
    admin     HR admin and system administrator (English)
    bkpsdm    HR officer of BKPSDMD (Dewi Kartika Putri)
    penilai   supervisor: head of SD Negeri 01 Muara Bulian (Abdul Hamid)
    pegawai   employee: a teacher at that school (Fitri Handayani)
    kapus     supervisor: head of Puskesmas Muara Bulian
    perawat   employee: a nurse at that Puskesmas

  Stop with Ctrl-C.
MSG
exec python3 -m odoo -d "$DB" --addons-path="$ADDONS" --db-filter="^${DB}\$" \
    --http-interface=127.0.0.1 --http-port="$PORT"
