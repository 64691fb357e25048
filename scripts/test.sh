#!/usr/bin/env bash
# The repository's single test command (CI runs it through .ci/run).
#
#   scripts/test.sh [PYTEST_ARGS...]
#
# Steps:
#   1. odoo-free  pytest on tests_plain/ (the addon's pure-Python rules package
#                 and static checks of its files); PYTEST_ARGS go here.
#   2. linters    ruff check, ruff format --check, pylint-odoo
#                 (.pylintrc-mandatory), oca-checks-odoo-module, oca-checks-po.
#   3. odoo       only when `python3 -c "import odoo"` works, in a throwaway
#                 PostgreSQL database:
#                 a. installs the addon with its dependencies and demo data,
#                    without tests (the install log is judged like a test log);
#                 b. runs the addon's Odoo suite (hr_kinerja_kompetensi/tests)
#                    with pytest through pytest-odoo, with an Odoo HTTP server
#                    in the pytest process for HttpCase and the tours
#                    (headless Chromium); scripts/pytest_odoo_runner.py adds
#                    what Odoo 18's runner does and pytest-odoo does not;
#                 c. updates hr, hr_skills and hr_appraisal_oca with Odoo's
#                    own runner (--test-enable) and runs their tests with our
#                    addon installed. They stay on Odoo's runner: their
#                    at_install tests are written to run while their module
#                    is installed, before the modules that depend on it are
#                    loaded, and pytest-odoo has no such phase (under pytest
#                    every test runs on the fully loaded registry, so
#                    hr_appraisal_oca's test_action_done, for one, meets our
#                    rule that only HR changes an appraisal's date, and fails).
#
# It installs what it needs (PyPI packages; Debian's postgresql and chromium
# for step 3), never Odoo itself. Environment knobs:
#   HKK_ODOO=0              skip step 3 even when Odoo is importable
#   HKK_UPSTREAM=0          skip the upstream hr/hr_skills/hr_appraisal_oca tests
#   HKK_ODOO_TIMEOUT=1800   seconds for the install, and again for our tests
#   HKK_UPSTREAM_TIMEOUT=2700  seconds for the upstream tests
#   HKK_KEEP_DB=1           keep the test database (name printed) for inspection
#   HKK_LOG_DIR=DIR         where logs go (default: a new temporary folder)
#   PYTHON=python3          interpreter to use
# The summary has one line per suite, "LABEL: N passed, N failed (notes)";
# pytest's own summary line is printed above it for the pytest suites.
# Exit status 0 only when every step passed and no suite ran zero tests; the
# last line is "N passed, N failed".
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

ADDON=hr_kinerja_kompetensi
UPSTREAM_MODULES=(hr hr_skills hr_appraisal_oca)
PY="${PYTHON:-python3}"
export PYTHONDONTWRITEBYTECODE=1
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 PIP_ROOT_USER_ACTION=ignore
export DEBIAN_FRONTEND=noninteractive

LOG_DIR="${HKK_LOG_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/hkk-test.XXXXXX")}"
mkdir -p "$LOG_DIR"

SUMMARY=()
TOTAL_PASSED=0
TOTAL_FAILED=0
ODOO_DB=""
ODOO_DATA_DIR=""
APT_UPDATED=0

say() { printf '\n== %s ==\n' "$*"; }
note() { printf '%s\n' "$*"; }

record() { # record LABEL PASSED FAILED [NOTE]
    SUMMARY+=("$(printf '%s: %s passed, %s failed%s' "$1" "$2" "$3" "${4:+   ($4)}")")
    TOTAL_PASSED=$((TOTAL_PASSED + $2))
    TOTAL_FAILED=$((TOTAL_FAILED + $3))
}

record_skip() { # record_skip LABEL REASON
    SUMMARY+=("$1: skipped: $2")
}

cleanup() {
    local rc=$?
    if [[ -n "$ODOO_DB" ]]; then
        if [[ "${HKK_KEEP_DB:-0}" == 1 ]]; then
            note "kept database $ODOO_DB (HKK_KEEP_DB=1); data dir $ODOO_DATA_DIR"
        else
            dropdb --if-exists "$ODOO_DB" >/dev/null 2>&1 ||
                note "warning: could not drop database $ODOO_DB"
            [[ -n "$ODOO_DATA_DIR" ]] && rm -rf "$ODOO_DATA_DIR"
        fi
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- installs
# pip_ensure SPEC... : install the requirements that the interpreter does not
# already satisfy (checked from the installed distributions' metadata).
pip_ensure() {
    local missing
    missing="$("$PY" - "$@" <<'EOF'
import sys
from importlib import metadata

try:
    from packaging.requirements import Requirement
except ImportError:  # very old pip/setuptools: fall back to "is it installed"
    Requirement = None

for spec in sys.argv[1:]:
    if Requirement is None:
        name, ok = spec.split("[")[0].split("<")[0].split(">")[0].split("=")[0], True
        try:
            metadata.version(name)
        except metadata.PackageNotFoundError:
            ok = False
    else:
        req = Requirement(spec)
        try:
            ok = req.specifier.contains(metadata.version(req.name), prereleases=True)
        except metadata.PackageNotFoundError:
            ok = False
    if not ok:
        print(spec)
EOF
)"
    if [[ -n "$missing" ]]; then
        note "pip install ${missing//$'\n'/ }"
        # shellcheck disable=SC2086
        "$PY" -m pip install --quiet $missing
    fi
}

apt_ensure() { # apt_ensure PACKAGE...
    if [[ $(id -u) -ne 0 ]]; then
        note "need Debian packages $* but not root: install them first"
        return 1
    fi
    if [[ $APT_UPDATED -eq 0 ]]; then
        apt-get update -qq </dev/null
        APT_UPDATED=1
    fi
    note "apt-get install $*"
    apt-get install -y -qq --no-install-recommends "$@" </dev/null >/dev/null
}

# ============================================================ 1. odoo-free
step_odoo_free() {
    say "odoo-free tests (pytest tests_plain/)"
    local junit="$LOG_DIR/odoo-free.junit.xml" log="$LOG_DIR/odoo-free.log" rc=0
    rm -f "$junit"
    # -p no:odoo: pytest-odoo's plugin (installed for step 3) imports odoo as
    # it loads; this suite must neither need nor import it.
    "$PY" -m pytest tests_plain -p no:cacheprovider -p no:odoo -q -rfE \
        --junit-xml="$junit" "$@" 2>&1 | tee "$log" || rc=$?
    if [[ $rc -eq 5 ]]; then
        note "FAIL: pytest collected no test in tests_plain/ (exit status 5)"
        record "odoo-free" 0 1 "no tests collected"
        return
    fi
    local counts
    if counts="$("$PY" - "$junit" <<'EOF'
import sys
import xml.etree.ElementTree as ET

root = ET.parse(sys.argv[1]).getroot()
suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
total = sum(int(s.get("tests", 0)) for s in suites)
failed = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
skipped = sum(int(s.get("skipped", 0)) for s in suites)
print(total - failed - skipped, failed, skipped)
EOF
)"; then
        local passed failed skipped
        read -r passed failed skipped <<<"$counts"
        if [[ $rc -ne 0 && $failed -eq 0 ]]; then
            failed=1 # pytest failed without a failed test (usage or internal error)
        fi
        record "odoo-free" "$passed" "$failed" "${skipped} skipped; log $log"
    else
        note "FAIL: pytest wrote no report (exit status $rc)"
        record "odoo-free" 0 1 "pytest exit status $rc"
    fi
}

# ============================================================== 2. linters
LINT_PASSED=0
LINT_FAILED=0
LINT_FAILED_NAMES=()

run_linter() { # run_linter NAME COMMAND...
    local name="$1" log="$LOG_DIR/lint-$1.log" rc=0
    shift
    printf -- '--- %s: %s\n' "$name" "$*"
    "$@" >"$log" 2>&1 || rc=$?
    if [[ $rc -eq 0 ]]; then
        LINT_PASSED=$((LINT_PASSED + 1))
        note "ok"
    else
        LINT_FAILED=$((LINT_FAILED + 1))
        LINT_FAILED_NAMES+=("$name")
        # Show the findings; long output stays in the log.
        head -n 300 "$log"
        local lines
        lines=$(wc -l <"$log")
        [[ $lines -gt 300 ]] && note "[... $((lines - 300)) more lines in $log]"
        note "FAILED (exit status $rc; log $log)"
    fi
}

step_linters() {
    say "linters"
    local po_files=()
    local folder
    for folder in "$ADDON/i18n" "$ADDON/i18n_extra"; do
        [[ -d "$folder" ]] || continue
        while IFS= read -r -d '' f; do po_files+=("$f"); done < <(
            find "$folder" -maxdepth 1 \( -name '*.po' -o -name '*.pot' \) -print0 | sort -z
        )
    done
    run_linter ruff-check "$PY" -m ruff check --no-fix --output-format=concise .
    run_linter ruff-format "$PY" -m ruff format --check --diff .
    run_linter pylint-odoo "$PY" -m pylint --load-plugins=pylint_odoo \
        --rcfile=.pylintrc-mandatory "$ADDON"
    run_linter oca-checks-odoo-module "$PY" -c \
        'import sys; from oca_pre_commit_hooks.cli import main; sys.exit(main())' "$ADDON"
    if [[ ${#po_files[@]} -gt 0 ]]; then
        # As OCA's pre-commit config: po-pretty-format is left to the fixers.
        run_linter oca-checks-po "$PY" -c \
            'import sys; from oca_pre_commit_hooks.cli_po import main; sys.exit(main())' \
            --disable=po-pretty-format "${po_files[@]}"
    else
        note "--- oca-checks-po: no $ADDON/i18n/*.po[t] file, nothing to check"
        LINT_PASSED=$((LINT_PASSED + 1))
    fi
    local failed_note=""
    [[ $LINT_FAILED -gt 0 ]] && failed_note="failed: ${LINT_FAILED_NAMES[*]}; logs in $LOG_DIR"
    record "linters" "$LINT_PASSED" "$LINT_FAILED" "$failed_note"
}

# ================================================================= 3. odoo
ensure_postgres() {
    if ! command -v pg_lsclusters >/dev/null 2>&1; then
        apt_ensure postgresql
    fi
    local version name port status
    if ! read -r version name port status _rest < <(pg_lsclusters --no-header | head -n 1); then
        version=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -n | tail -n 1)
        note "creating PostgreSQL cluster $version/main"
        pg_createcluster "$version" main >/dev/null
        name=main status=down
        port="$(pg_lsclusters --no-header | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')"
    fi
    export PGPORT="${port:-5432}"
    if [[ "$status" != online* ]]; then
        note "starting PostgreSQL $version/$name"
        pg_ctlcluster "$version" "$name" start
    fi
    local _try
    for _try in $(seq 1 30); do
        pg_isready -q && break
        sleep 1
    done
    pg_isready -q || { note "PostgreSQL does not answer"; return 1; }
    local user
    user="$(id -un)"
    if [[ $(id -u) -eq 0 && "$user" != postgres ]]; then
        if [[ "$(su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname = '$user'\"" </dev/null)" != 1 ]]; then
            note "creating PostgreSQL superuser role $user"
            su postgres -c "createuser -s '$user'" </dev/null
        fi
    fi
}

ensure_chromium() {
    local bin
    for bin in google-chrome chromium chromium-browser google-chrome-stable; do
        command -v "$bin" >/dev/null 2>&1 && return 0
    done
    apt_ensure chromium
}

free_port() {
    "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# run_odoo LABEL LOG TIMEOUT ARGS... : sets ODOO_RC
run_odoo() {
    local label="$1" log="$2" limit="$3"
    shift 3
    local port
    port="$(free_port)"
    note "--- $label: python3 -m odoo $* (timeout ${limit}s, http port $port)"
    note "    log: $log"
    ODOO_RC=0
    timeout --kill-after=60 "$limit" "$PY" -m odoo \
        --addons-path="$ADDONS_PATH" --data-dir="$ODOO_DATA_DIR" \
        --db_port="${PGPORT:-5432}" -d "$ODOO_DB" --db-filter="^${ODOO_DB}\$" \
        --http-interface=127.0.0.1 --http-port="$port" \
        --workers=0 --max-cron-threads=0 --log-level=test \
        --stop-after-init "$@" </dev/null >"$log" 2>&1 || ODOO_RC=$?
    note "    odoo exit status $ODOO_RC"
}

# judge_odoo LOG [check_odoo_log.py ARGS...] : prints the report of
# scripts/check_odoo_log.py on the run's log (its exit status in ODOO_RC) and
# sets JUDGED_PASSED, JUDGED_FAILED and JUDGED_SKIPPED
judge_odoo() {
    local log="$1"
    shift
    local out rc=0
    out="$("$PY" scripts/check_odoo_log.py "$log" --module "$ADDON" \
        --addon-dir "$ADDON" --odoo-rc "$ODOO_RC" "$@")" || rc=$?
    printf '%s\n' "$out" | grep -v '^RESULT '
    local result
    result="$(printf '%s\n' "$out" | grep '^RESULT ' | tail -n 1)"
    if [[ "$result" =~ passed=([0-9]+)\ failed=([0-9]+)\ skipped=([0-9]+) ]]; then
        JUDGED_PASSED="${BASH_REMATCH[1]}" JUDGED_FAILED="${BASH_REMATCH[2]}"
        JUDGED_SKIPPED="${BASH_REMATCH[3]}"
    else
        JUDGED_PASSED=0 JUDGED_FAILED=1 JUDGED_SKIPPED=0
    fi
    if [[ $rc -ne 0 && $JUDGED_FAILED -eq 0 ]]; then
        JUDGED_FAILED=1
    fi
}

# run_pytest_odoo LOG JUNIT OUT TIMEOUT PATH... : runs pytest with pytest-odoo
# on the installed database; sets ODOO_RC (pytest's exit status)
run_pytest_odoo() {
    local log="$1" junit="$2" out="$3" limit="$4"
    shift 4
    local args=(
        -p no:cacheprovider -p pytest_odoo_runner -q -rfE --junit-xml="$junit"
        --odoo-database="$ODOO_DB" --odoo-addons-path="$ADDONS_PATH"
        --odoo-log-level=test --odoo-http --odoo-test-tags="/$ADDON"
        --odoo-extra=data-dir="$ODOO_DATA_DIR" --odoo-extra=db_port="${PGPORT:-5432}"
        --odoo-extra=db-filter="^${ODOO_DB}\$" --odoo-extra=http-interface=127.0.0.1
        --odoo-extra=workers=0 --odoo-extra=max-cron-threads=0
        --odoo-extra=logfile="$log"
    )
    note "--- python3 -m pytest ${args[*]} $* (timeout ${limit}s)"
    note "    odoo log: $log; pytest output: $out"
    rm -f "$junit"
    ODOO_RC=0
    # scripts/ goes on the path for -p pytest_odoo_runner. pytest's output
    # (dots, failures, its summary line) is shown and kept; Odoo's records go
    # to the log file.
    PYTHONPATH="$REPO_ROOT/scripts${PYTHONPATH:+:$PYTHONPATH}" \
        timeout --kill-after=60 "$limit" "$PY" -m pytest "${args[@]}" "$@" \
        </dev/null 2>&1 | tee "$out" || ODOO_RC=${PIPESTATUS[0]}
    note "    pytest exit status $ODOO_RC"
}

step_odoo() {
    local upstream_label
    upstream_label="odoo (upstream $(printf '%s, ' "${UPSTREAM_MODULES[@]}")"
    upstream_label="${upstream_label%, })"
    if [[ "${HKK_ODOO:-1}" == 0 ]]; then
        record_skip "odoo ($ADDON)" "HKK_ODOO=0"
        record_skip "$upstream_label" "HKK_ODOO=0"
        return
    fi
    if ! "$PY" -c "import odoo" >/dev/null 2>&1; then
        say "odoo tests"
        note "odoo is not importable with $PY: Odoo tests skipped"
        record_skip "odoo ($ADDON)" "odoo not importable"
        record_skip "$upstream_label" "odoo not importable"
        return
    fi
    say "odoo tests"
    # Test-time Python packages: Odoo's (tours, freezegun in upstream tests)
    # and pytest-odoo, the runner of our Odoo suite (its plugin imports odoo,
    # so it is installed here, where odoo is importable).
    pip_ensure "websocket-client" "freezegun" "pytest-odoo>=2.3,<3"
    # Python packages the addon declares in its manifest.
    local ext_deps=()
    mapfile -t ext_deps < <("$PY" -c '
import ast, sys
manifest = ast.literal_eval(open(sys.argv[1], encoding="utf-8").read())
for name in manifest.get("external_dependencies", {}).get("python", []):
    print(name)
' "$ADDON/__manifest__.py" 2>/dev/null || true)
    if [[ ${#ext_deps[@]} -gt 0 ]]; then
        pip_ensure "${ext_deps[@]}"
    fi
    if ! "$PY" -c "import odoo.addons.hr_appraisal_oca" >/dev/null 2>&1; then
        if "$PY" -m pip show odoo >/dev/null 2>&1; then
            "$PY" -m pip install --quiet "odoo-addon-hr_appraisal_oca>=18.0,<18.1"
        else # Odoo from a source tree: do not let pip pull another Odoo in
            "$PY" -m pip install --quiet --no-deps "odoo-addon-hr_appraisal_oca>=18.0,<18.1"
        fi
    fi
    if ! "$PY" -c "import odoo.addons.report_xlsx" >/dev/null 2>&1; then
        if "$PY" -m pip show odoo >/dev/null 2>&1; then
            "$PY" -m pip install --quiet "odoo-addon-report_xlsx>=18.0,<18.1"
        else # Odoo from a source tree: do not let pip pull another Odoo in
            "$PY" -m pip install --quiet --no-deps "odoo-addon-report_xlsx>=18.0,<18.1"
        fi
    fi
    local setup_ok=1
    ensure_postgres || setup_ok=0
    ensure_chromium || setup_ok=0
    if [[ $setup_ok -eq 0 ]]; then
        record "odoo ($ADDON)" 0 1 "PostgreSQL or Chromium could not be set up"
        return
    fi

    local odoo_paths
    odoo_paths="$("$PY" -c 'import os, odoo.addons; print(os.pathsep.join(odoo.addons.__path__))')"
    ADDONS_PATH="$REPO_ROOT,$odoo_paths"
    ADDONS_PATH="${ADDONS_PATH//:/,}"
    ODOO_DB="hkk_test_$$"
    ODOO_DATA_DIR="$(mktemp -d "${TMPDIR:-/tmp}/hkk-odoo-data.XXXXXX")"
    note "database $ODOO_DB, addons path $ADDONS_PATH"
    dropdb --if-exists "$ODOO_DB" >/dev/null 2>&1 || true

    # a. Our addon and its dependencies, with demo data, without tests.
    local label="odoo ($ADDON)"
    local log_install="$LOG_DIR/odoo-$ADDON-install.log"
    run_odoo "$label: install" "$log_install" "${HKK_ODOO_TIMEOUT:-1800}" -i "$ADDON"
    judge_odoo "$log_install" --label "$label: install" --install-only
    local install_ok=1
    [[ $JUDGED_FAILED -eq 0 ]] || install_ok=0

    # b. Its Odoo suite with pytest-odoo.
    if [[ $install_ok -eq 0 ]]; then
        record "$label" 0 1 "not run: $ADDON did not install cleanly; log $log_install"
    else
        local log_main="$LOG_DIR/odoo-$ADDON.log" junit="$LOG_DIR/odoo-$ADDON.junit.xml"
        local out_main="$LOG_DIR/odoo-$ADDON.pytest.txt"
        run_pytest_odoo "$log_main" "$junit" "$out_main" "${HKK_ODOO_TIMEOUT:-1800}" \
            "$ADDON/tests"
        judge_odoo "$log_main" --label "$label" --junit "$junit" --require-tests
        record "$label" "$JUDGED_PASSED" "$JUDGED_FAILED" \
            "pytest-odoo; $JUDGED_SKIPPED skipped; log $log_main"
    fi

    # c. The modules we extend must keep passing their own tests with our
    # addon installed (with Odoo's runner: see the header).
    if [[ "${HKK_UPSTREAM:-1}" == 0 ]]; then
        record_skip "$upstream_label" "HKK_UPSTREAM=0"
    elif [[ $install_ok -eq 0 ]]; then
        record "$upstream_label" 0 1 "not run: $ADDON did not install"
    else
        local modules tags log_up="$LOG_DIR/odoo-upstream.log"
        modules="$(IFS=,; echo "${UPSTREAM_MODULES[*]}")"
        tags="$(printf '/%s,' "${UPSTREAM_MODULES[@]}")"
        run_odoo "$upstream_label" "$log_up" "${HKK_UPSTREAM_TIMEOUT:-2700}" \
            --test-enable -u "$modules" --test-tags "${tags%,}"
        judge_odoo "$log_up" --label "$upstream_label" --require-tests
        record "$upstream_label" "$JUDGED_PASSED" "$JUDGED_FAILED" \
            "Odoo's runner; log $log_up"
    fi
}

# ================================================================== main
say "setup"
note "logs: $LOG_DIR"
pip_ensure "pytest>=8" "hypothesis>=6.100" "polib>=1.2" "lxml" \
    "ruff>=0.17,<0.18" "pylint-odoo>=10,<11" "oca-odoo-pre-commit-hooks>=0.2.27,<0.3" \
    "openpyxl" "websocket-client"

step_odoo_free "$@"
step_linters
step_odoo

say "summary"
for line in "${SUMMARY[@]}"; do
    note "$line"
done
note "logs: $LOG_DIR"
note ""
note "$TOTAL_PASSED passed, $TOTAL_FAILED failed"
[[ $TOTAL_FAILED -eq 0 ]]
