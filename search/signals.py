"""Keep citizens' search in step with every content change, through the one change event.

Events arrive after the change commits; the handler only queues a catch-up for the task
worker (`search.catchup`), so publishing never waits for Korean analysis or the engine.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from modelsearch import index
from modelsearch.conf import get_app_config

from content.events import ContentEvent, subscribe
from search import catchup
from search.tasks import update_admin_index


def on_content_change(event: ContentEvent) -> None:
    catchup.request()


def queue_admin_index_update(instance, **kwargs) -> None:
    """Wagtail's own index (the admin's search, drafts included) updated by the task worker: a
    queued row in the save's transaction instead of Korean analysis of the whole page inside
    it, under the publish's write lock. Copies queued by one publish's two saves run once."""
    if kwargs.get("raw", False) or not auto_updated():
        return
    meta = instance._meta
    update_admin_index.using(backend=settings.BACKGROUND_TASK_BACKEND).enqueue(
        meta.app_label, meta.model_name, str(instance.pk)
    )


def auto_updated() -> bool:
    """Whether any of Wagtail's search backends is kept in step on save: its `AUTO_UPDATE`,
    which a bulk import turns off before rebuilding the index once with `update_index`."""
    backends = get_app_config().get_search_backend_config()
    return any(params.get("AUTO_UPDATE", True) for params in backends.values())


def remove_from_admin_index(instance, **kwargs) -> None:
    index.remove_object(instance)


def connect() -> None:
    subscribe(on_content_change, uid="search-catch-up")
    # Wagtail would index each saved object at once (`search_auto_update`, its documented
    # switch, is read when its search app connects its own handlers, after this app's ready).
    updated = [m for m in index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    for model in updated:  # all read first: a subclass inherits what its parent is given
        model.search_auto_update = False
        post_save.connect(queue_admin_index_update, sender=model)
        post_delete.connect(remove_from_admin_index, sender=model)
