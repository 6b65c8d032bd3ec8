"""The django-tasks tasks the database worker (`manage.py db_worker`) runs for search."""

from django.apps import apps
from django_tasks import task
from modelsearch import index


@task()
def catch_up_search() -> int:
    """Index the pages changed since the last run, in batches (see `search.catchup`)."""
    from search.catchup import run

    return run()


@task()
def update_admin_index(app_label: str, model_name: str, pk: str) -> bool:
    """Wagtail's own index (the admin's search, drafts included) for one saved object, as it is
    now. A publish saves the page twice (its revision, then the publish), and each save queues
    this: copies still waiting are dropped first, since this run reads the object after their
    saves committed. Returns whether the object still exists."""
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.ready().filter(
        task_path=update_admin_index.module_path,
        args_kwargs={"args": [app_label, model_name, pk], "kwargs": {}},
    ).delete()
    found = apps.get_model(app_label, model_name)._default_manager.filter(pk=pk).first()
    if found is not None:
        index.insert_or_update_object(found)
    return found is not None
