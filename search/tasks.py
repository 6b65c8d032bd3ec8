"""The django-tasks task the database worker (`manage.py db_worker`) runs for search."""

from django_tasks import task


@task()
def catch_up_search() -> int:
    """Index the pages changed since the last run, in batches (see `search.catchup`)."""
    from search.catchup import run

    return run()
