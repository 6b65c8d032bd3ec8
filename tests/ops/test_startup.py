"""Starting the app does no database work: `AppConfig.ready()` only wires (the warm-up runs in
gunicorn's master once the apps are ready, cms/gunicorn.conf.py)."""

import json
import subprocess

from .conftest import production_env
from .helpers import PYTHON, REPO

# Runs in a fresh interpreter: every connection attempt made before the apps are ready, and
# every thread started during setup, is recorded; RuntimeWarnings (Django's "Accessing the
# database during app initialization") are errors.
SETUP = """
import json, threading, warnings
warnings.simplefilter("error", RuntimeWarning)
import django
from django.apps import apps
from django.db.backends.base import base

touched = []
connect = base.BaseDatabaseWrapper.ensure_connection

def ensure_connection(self):
    if not apps.ready:
        touched.append(threading.current_thread().name)
    return connect(self)

base.BaseDatabaseWrapper.ensure_connection = ensure_connection
before = set(threading.enumerate())
django.setup()
started = [thread.name for thread in threading.enumerate() if thread not in before]
from django.core.management import call_command
call_command("check", verbosity=0)
print(json.dumps({"touched": touched, "started": started}))
"""


def test_setup_and_check_touch_no_database_and_start_no_thread(sqlite_copy):
    # PORTAL_WARM_UP=background used to start a warm-up thread from CmsConfig.ready().
    env = production_env(f"sqlite:///{sqlite_copy}", PORTAL_WARM_UP="background")
    result = subprocess.run(  # noqa: S603 - fixed interpreter and script
        [PYTHON, "-c", SETUP], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )

    assert result.returncode == 0, result.stderr[-3000:]
    assert "app initialization" not in result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == {"touched": [], "started": []}
