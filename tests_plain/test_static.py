"""Static checks of the addon's files, run without Odoo.

They catch, before any database is involved, what would make the module fail
to install or break OCA's rules: the manifest, the files it lists, XML syntax,
the access-rights CSV, translations, and the Odoo-free ``rules`` package.
"""

import ast
import csv
import glob
import os
import pathlib
import re
import subprocess
import sys
import tomllib

import polib
import pytest
from lxml import etree

ADDON_NAME = "hr_kinerja_kompetensi"
ADDON_DIR = pathlib.Path(__file__).resolve().parent.parent / ADDON_NAME
MANIFEST_PATH = ADDON_DIR / "__manifest__.py"
ACCESS_CSV = ADDON_DIR / "security" / "ir.model.access.csv"
ACCESS_HEADER = [
    "id",
    "name",
    "model_id:id",
    "group_id:id",
    "perm_read",
    "perm_write",
    "perm_create",
    "perm_unlink",
]
OCA_MANIFEST_KEYS = [
    "name",
    "version",
    "license",
    "author",
    "depends",
    "data",
    "installable",
    "development_status",
    "maintainers",
]
OCA_DEVELOPMENT_STATUS = ["Alpha", "Beta", "Production/Stable", "Mature"]
OCA_LICENSES = [
    "AGPL-3",
    "GPL-2",
    "GPL-2 or any later version",
    "GPL-3",
    "GPL-3 or any later version",
    "LGPL-3",
]
# Folders that are not part of the addon proper (caches and build output).
SKIPPED_DIRS = {"__pycache__", ".hypothesis", ".pytest_cache", "node_modules"}


# ---------------------------------------------------------------- helpers
def rel(path):
    return str(pathlib.Path(path).relative_to(ADDON_DIR))


def addon_files(*suffixes):
    found = []
    for root, dirs, files in os.walk(ADDON_DIR):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
        for name in sorted(files):
            if name.endswith(suffixes):
                found.append(pathlib.Path(root) / name)
    return found


def load_manifest():
    return ast.literal_eval(MANIFEST_PATH.read_text(encoding="utf-8"))


def manifest_or_empty():
    """For parametrisation at collection time: {} when the manifest is broken
    (then ``test_manifest_parses`` reports why)."""
    try:
        manifest = load_manifest()
    except (OSError, SyntaxError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def manifest_files(*keys):
    manifest = manifest_or_empty()
    return [(key, path) for key in keys for path in manifest.get(key) or []]


def read_access_rows():
    with ACCESS_CSV.open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def model_classes():
    """(model name, kind, file) for every ORM class in the addon's Python files.

    kind is "new" (a class with ``_name``, a model the addon defines),
    "abstract" (``models.AbstractModel`` with ``_name``) or "inherit" (only
    ``_inherit``: an extension of a model from another module).
    """
    found = []
    for path in addon_files(".py"):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef):
                continue
            attrs = {}
            for stmt in node.body:
                if (
                    isinstance(stmt, ast.Assign)
                    and len(stmt.targets) == 1
                    and isinstance(stmt.targets[0], ast.Name)
                ):
                    try:
                        attrs[stmt.targets[0].id] = ast.literal_eval(stmt.value)
                    except ValueError:
                        continue
            bases = {ast.unparse(base) for base in node.bases}
            name = attrs.get("_name")
            inherit = attrs.get("_inherit")
            inherits = list(inherit) if isinstance(inherit, list | tuple) else [inherit]
            if isinstance(inherit, list | tuple):
                inherit = inherit[0] if inherit else None
            if isinstance(name, str) and name in inherits:
                # _name repeated in _inherit (to add a mixin): an extension
                found.append((name, "inherit", path))
            elif isinstance(name, str):
                abstract = any(base.endswith("AbstractModel") for base in bases)
                found.append((name, "abstract" if abstract else "new", path))
            elif isinstance(inherit, str):
                found.append((inherit, "inherit", path))
    return found


def model_xmlid(model_name):
    return "model_" + model_name.replace(".", "_")


def xml_records(model):
    """ids of the ``<record model=...>`` of the addon's XML files."""
    ids = set()
    for path in addon_files(".xml"):
        try:
            tree = etree.parse(str(path))
        except etree.XMLSyntaxError:
            continue  # reported by test_xml_parses
        for record in tree.iter("record"):
            if record.get("model") == model and record.get("id"):
                ids.add(record.get("id"))
    return ids


# --------------------------------------------------------------- manifest
def test_manifest_parses():
    manifest = load_manifest()
    assert isinstance(manifest, dict)


def test_manifest_has_oca_keys():
    manifest = load_manifest()
    missing = [key for key in OCA_MANIFEST_KEYS if key not in manifest]
    assert not missing, f"manifest lacks the OCA keys {missing}"
    assert "description" not in manifest, "OCA: use readme/DESCRIPTION.md instead"


def test_manifest_values():
    manifest = load_manifest()
    assert re.fullmatch(r"18\.0\.\d+\.\d+\.\d+", manifest["version"]), manifest[
        "version"
    ]
    assert manifest["license"] in OCA_LICENSES
    assert isinstance(manifest["author"], str)
    assert "Odoo Community Association (OCA)" in manifest["author"]
    assert manifest["development_status"] in OCA_DEVELOPMENT_STATUS
    assert isinstance(manifest["maintainers"], list) and manifest["maintainers"]
    assert all(isinstance(login, str) for login in manifest["maintainers"])
    assert manifest["installable"] is True
    assert isinstance(manifest["depends"], list) and manifest["depends"]
    for key in ("data", "demo"):
        files = manifest.get(key, [])
        assert isinstance(files, list)
        duplicates = {f for f in files if files.count(f) > 1}
        assert not duplicates, f"{key} lists {sorted(duplicates)} twice"


@pytest.mark.parametrize(
    "key, path", manifest_files("data", "demo"), ids=lambda value: str(value)
)
def test_manifest_file_exists(key, path):
    assert (ADDON_DIR / path).is_file(), f'"{key}" lists {path}, which does not exist'


def test_security_files_load_first():
    data = load_manifest().get("data", [])
    security = [i for i, path in enumerate(data) if path.startswith("security/")]
    others = [i for i, path in enumerate(data) if not path.startswith("security/")]
    if security and others:
        assert max(security) < min(others), "security files load before the rest"


def test_asset_globs_match_files():
    manifest = load_manifest()
    for bundle, entries in (manifest.get("assets") or {}).items():
        for entry in entries:
            path = entry[-1] if isinstance(entry, list | tuple) else entry
            if not path.startswith(ADDON_NAME + "/"):
                continue
            matches = glob.glob(str(ADDON_DIR.parent / path), recursive=True)
            assert matches, f"asset {path!r} of {bundle} matches no file"


def test_readme_fragments():
    readme = ADDON_DIR / "readme"
    for name in ("DESCRIPTION.md", "USAGE.md", "CONFIGURE.md", "CONTRIBUTORS.md"):
        path = readme / name
        assert path.is_file(), f"readme/{name} is missing"
        assert path.read_text(encoding="utf-8").strip(), f"readme/{name} is empty"


def test_pyproject_uses_whool():
    path = ADDON_DIR / "pyproject.toml"
    assert path.is_file(), "the addon needs a pyproject.toml (whool)"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["build-system"]["build-backend"] == "whool.buildapi"


# -------------------------------------------------------------------- XML
@pytest.mark.parametrize("path", addon_files(".xml"), ids=rel)
def test_xml_parses(path):
    etree.parse(str(path))


def test_xml_ids_defined_once():
    """A second definition of an xml id silently overwrites the first."""
    seen, duplicates = {}, []
    for path in addon_files(".xml"):
        try:
            tree = etree.parse(str(path))
        except etree.XMLSyntaxError:
            continue  # reported by test_xml_parses
        for node in tree.iter("record", "template", "menuitem", "act_window"):
            xmlid = node.get("id")
            if not xmlid:
                continue
            if "." not in xmlid or xmlid.startswith(ADDON_NAME + "."):
                xmlid = xmlid.rpartition(".")[2]
            else:
                continue  # extends another module's record
            where = f"{rel(path)}:{node.sourceline}"
            if xmlid in seen:
                duplicates.append(f"{xmlid}: {seen[xmlid]} and {where}")
            else:
                seen[xmlid] = where
    assert not duplicates, "xml ids defined twice:\n" + "\n".join(duplicates)


# --------------------------------------------------------- access rights
def test_access_csv_shape():
    rows = read_access_rows()
    assert rows, "security/ir.model.access.csv is empty"
    assert rows[0] == ACCESS_HEADER
    problems = []
    for number, row in enumerate(rows[1:], start=2):
        if not row:
            continue
        if len(row) != len(ACCESS_HEADER):
            problems.append(f"line {number}: {len(row)} columns")
            continue
        if not row[0] or not row[2]:
            problems.append(f"line {number}: empty id or model_id:id")
        for column, value in zip(ACCESS_HEADER[4:], row[4:], strict=True):
            if value not in ("0", "1"):
                problems.append(f"line {number}: {column}={value!r} (0 or 1)")
    assert not problems, "\n".join(problems)


def test_access_csv_unique_ids():
    ids = [row[0] for row in read_access_rows()[1:] if row]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, f"duplicate ids in ir.model.access.csv: {duplicates}"


def test_access_csv_models_exist():
    known = {model_xmlid(name) for name, _kind, _path in model_classes()}
    unknown = []
    for row in read_access_rows()[1:]:
        if len(row) < 3 or not row[2]:
            continue
        ref = row[2]
        if "." in ref:  # external model: module.model_xxx
            module, _dot, xmlid = ref.partition(".")
            if module and xmlid.startswith("model_"):
                continue
        elif ref in known:
            continue
        unknown.append(f"{row[0]}: {ref}")
    assert not unknown, (
        "model_id:id matches no _name/_inherit of the addon's Python files and "
        f"has no module prefix: {unknown}"
    )


def test_access_csv_groups_exist():
    groups = xml_records("res.groups")
    unknown = []
    for row in read_access_rows()[1:]:
        if len(row) < 4 or not row[3]:
            continue
        if "." not in row[3] and row[3] not in groups:
            unknown.append(f"{row[0]}: {row[3]}")
    assert not unknown, f"group_id:id is no res.groups record of the addon: {unknown}"


def test_every_new_model_has_access_rules():
    """Odoo warns "The model ... has no access rules" at install otherwise."""
    covered = {row[2] for row in read_access_rows()[1:] if len(row) > 2}
    missing = sorted(
        f"{name} ({rel(path)})"
        for name, kind, path in model_classes()
        if kind == "new" and model_xmlid(name) not in covered
    )
    assert not missing, f"models without any ir.model.access line: {missing}"


# ------------------------------------------------------------------ tests
def test_odoo_tests_are_imported():
    """Odoo only runs the test modules that tests/__init__.py imports."""
    tests_dir = ADDON_DIR / "tests"
    modules = sorted(p.stem for p in tests_dir.glob("test_*.py"))
    if not modules:
        pytest.skip("the addon has no tests/test_*.py yet")
    init = tests_dir / "__init__.py"
    assert init.is_file(), "tests/__init__.py is missing"
    tree = ast.parse(init.read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            imported.update(alias.name for alias in node.names)
            if node.module:
                imported.add(node.module.split(".")[0])
    missing = [m for m in modules if m not in imported]
    assert not missing, f"tests/__init__.py does not import {missing}"


# ------------------------------------------------------------ translations
def po_files():
    # i18n_extra/ holds the Indonesian of hr_appraisal_oca's terms (Odoo loads
    # it after i18n/)
    return [
        path
        for folder in ("i18n", "i18n_extra")
        for pattern in ("*.po", "*.pot")
        for path in sorted((ADDON_DIR / folder).glob(pattern))
    ]


@pytest.mark.parametrize("path", po_files(), ids=rel)
def test_po_parses(path):
    polib.pofile(str(path), check_for_duplicates=True)


@pytest.mark.parametrize("folder", ["i18n", "i18n_extra"])
def test_id_po_is_fully_translated(folder):
    path = ADDON_DIR / folder / "id.po"
    if not path.exists():
        pytest.skip(f"{folder}/id.po not present yet")
    po = polib.pofile(str(path))
    problems = []
    for entry in po:
        if entry.obsolete:
            continue
        label = f"line {entry.linenum}: {entry.msgid[:60]!r}"
        if entry.fuzzy:
            problems.append(f"{label} is fuzzy")
        if entry.msgid_plural:
            if not entry.msgstr_plural or not all(entry.msgstr_plural.values()):
                problems.append(f"{label} has an empty plural msgstr")
        elif not entry.msgstr:
            problems.append(f"{label} is untranslated")
    assert not problems, f"{len(problems)} problem(s) in {folder}/id.po:\n" + (
        "\n".join(problems)
    )


# ---------------------------------------------------- the rules package
RULES_DIR = ADDON_DIR / "rules"


@pytest.mark.parametrize("path", sorted(RULES_DIR.glob("*.py")), ids=rel)
def test_rules_module_imports_no_odoo(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    bad = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [node.module or ""]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top in ("odoo", "openerp", ADDON_NAME, "rules"):
                bad.append(f"line {node.lineno}: import {name}")
    assert not bad, (
        "the rules package imports no odoo and imports its own modules "
        f"relatively: {bad}"
    )


def test_rules_package_imports_without_odoo():
    """Import every module of the package in a clean interpreter."""
    code = (
        "import importlib, pkgutil, sys\n"
        f"sys.path.insert(0, {str(ADDON_DIR)!r})\n"
        "import rules\n"
        "for info in pkgutil.iter_modules(rules.__path__):\n"
        "    importlib.import_module('rules.' + info.name)\n"
        "leaked = sorted(m for m in sys.modules if m == 'odoo' or "
        "m.startswith('odoo.'))\n"
        "assert not leaked, leaked[:5]\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=str(ADDON_DIR.parent),
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
