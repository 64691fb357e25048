"""Odoo-free test suite: shared setup.

The addon's pure-Python ``rules`` package is imported as a top-level package
(``from rules import nip``) by putting the addon folder on ``sys.path``. The
addon itself (``hr_kinerja_kompetensi``) is never imported here: its
``__init__`` imports ``odoo``, which this suite must not need.
"""

import os
import pathlib
import sys

import pytest
from hypothesis import HealthCheck, settings

REPO_ROOT = pathlib.Path(__file__).resolve().parent.parent
ADDON_NAME = "hr_kinerja_kompetensi"
ADDON_DIR = REPO_ROOT / ADDON_NAME

if str(ADDON_DIR) not in sys.path:
    sys.path.insert(0, str(ADDON_DIR))

# Property tests: no per-example deadline (CI machines are slow and shared),
# 200 examples per test; HKK_HYPOTHESIS_PROFILE=thorough runs 5000.
settings.register_profile(
    "hkk",
    deadline=None,
    max_examples=200,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "thorough", parent=settings.get_profile("hkk"), max_examples=5000
)
settings.load_profile(os.environ.get("HKK_HYPOTHESIS_PROFILE", "hkk"))


@pytest.fixture(scope="session")
def addon_dir():
    """Path of the addon folder (``hr_kinerja_kompetensi/``)."""
    return ADDON_DIR


@pytest.fixture(scope="session")
def repo_root():
    return REPO_ROOT
