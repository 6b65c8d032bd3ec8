"""Production settings with one cheap scheduled job, for the several-nodes test's schedulers.

`check` prints one line each time it runs, so the schedulers' logs count its runs; the test
sets its interval (MULTINODE_JOB_INTERVAL, seconds).
"""

from cms.settings.production import *  # noqa: F403
from cms.settings.production import env

SCHEDULED_COMMANDS = [("check", env.int("MULTINODE_JOB_INTERVAL"))]
