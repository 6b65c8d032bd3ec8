"""The task that publishes a release at its time, run by the task worker (`manage.py db_worker`).

Approving a release enqueues it to run at the go-live time; the scheduler's
`publish_releases` (every 15 s) is the backstop when no worker runs or a job is lost.
"""

from django.conf import settings
from django_tasks import task, task_backends


@task()
def publish_due_releases_task() -> int:
    """Publish every release that is due; how many this run published."""
    from .publishing import publish_due_releases

    return len(publish_due_releases())


def enqueue_at(when) -> None:
    """Run `publish_due_releases_task` at `when`, if the background backend can defer jobs."""
    backend = settings.BACKGROUND_TASK_BACKEND
    if not task_backends[backend].supports_defer:
        return  # the scheduler's publish_releases publishes it
    publish_due_releases_task.using(backend=backend, run_after=when).enqueue()
