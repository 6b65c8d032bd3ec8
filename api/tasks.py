"""Tasks the worker runs for the API: representations built once per publish, off the request."""

from django_tasks import task

# A change shown by thousands of pages: their representations are rebuilt by readers as they
# are asked for (each only its own), not all at once here.
MAX_PAGES_PER_TASK = 200


@task()
def build_representations(page_ids: list[int]) -> int:
    """Store the detail representation of the public pages among `page_ids`; how many."""
    from .views import build_detail_representations

    return build_detail_representations(page_ids[:MAX_PAGES_PER_TASK])
