"""Tasks the worker runs for the API: representations built once per change, off the request."""

from django.conf import settings
from django_tasks import task

# Pages per task: a change shown by thousands of pages is rebuilt in bounded batches, each
# task queueing the next, so other work interleaves and no task runs for long.
BATCH = 200


@task()
def build_representations(page_ids: list[int]) -> int:
    """Store the detail representation of the public pages among the first `BATCH` of
    `page_ids` (current ones are skipped, so a second change coalesces), then queue the rest."""
    from .views import build_detail_representations

    built = build_detail_representations(page_ids[:BATCH])
    if page_ids[BATCH:]:
        enqueue_build(page_ids[BATCH:])
    return built


def enqueue_build(page_ids: list[int]) -> None:
    build_representations.using(backend=settings.BACKGROUND_TASK_BACKEND).enqueue(page_ids)
