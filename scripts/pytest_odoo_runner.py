"""pytest plugin: what Odoo 18's own test runner does and pytest-odoo does not.

scripts/test.sh loads it beside pytest-odoo (``-p pytest_odoo_runner`` with
``scripts/`` on ``PYTHONPATH``) to run the addon's Odoo suite with pytest. It
stays inert unless pytest-odoo is active (on the same condition as
pytest-odoo: ``--odoo-database``, ``--odoo-config`` or ``--odoo-dev`` given,
or ``ODOO_RC``/``OPENERP_SERVER`` set).

1. ``odoo.modules.module.current_test``. Odoo 18's suite runner sets it to the
   running test (``odoo/tests/suite.py``); pytest-odoo 2.3 sets it only for
   Odoo 19 and later. Odoo 18 reads it to refuse real SMTP connections and
   mail sending in tests (``ir.mail_server``), to refuse the websocket during
   tours (``bus``), and to check that the HTTP requests of an ``HttpCase`` use
   the test's own cursor (``BaseCase.check_test_cursor``). Without it, a test
   that sends a mail would try to reach an SMTP server.
2. ``--odoo-test-tags SPEC``: the selection of Odoo's ``--test-tags``
   (``odoo.tests.tag_selector.TagsSelector``). pytest-odoo collects every
   TestCase of the given files, whatever its tags; with this option, the tests
   that ``odoo --test-tags SPEC`` would not run (for example a class tagged
   ``-standard``) are deselected, so pytest runs the same tests as Odoo's
   runner. The at_install/post_install position is not selected on: under
   pytest every test runs with the module already installed, as a
   post_install test does.
"""

import os

import pytest


def _active(config):
    return any(
        config.getoption(name, default=None)
        for name in ("--odoo-database", "--odoo-config", "--odoo-dev")
    ) or any(os.environ.get(name) for name in ("ODOO_RC", "OPENERP_SERVER"))


def pytest_addoption(parser):
    parser.addoption(
        "--odoo-test-tags",
        action="store",
        default=None,
        help="Odoo --test-tags specification; the tests it does not select "
        "are deselected (for example /my_module)",
    )


def pytest_collection_modifyitems(config, items):
    spec = config.getoption("--odoo-test-tags")
    if not spec or not _active(config):
        return
    from odoo.tests.tag_selector import TagsSelector

    selector = TagsSelector(spec)
    selected, deselected = [], []
    for item in items:
        cls = getattr(item, "cls", None)
        # The selector reads the tags Odoo's metaclass put on the class and the
        # test method's name, as on the instance Odoo's loader would make.
        if cls is not None and selector.check(cls(item.name)):
            selected.append(item)
        else:
            deselected.append(item)
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = selected


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    if not _active(item.config):
        yield
        return
    from odoo import release
    from odoo.modules import module

    if release.version_info >= (19, 0):  # pytest-odoo does it itself
        yield
        return
    # Set before the class set-up (the first item of a class runs it), as
    # Odoo's suite does; cleared once the test and its teardown are over.
    module.current_test = getattr(item, "instance", None) or True
    try:
        yield
    finally:
        module.current_test = False
