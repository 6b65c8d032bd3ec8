"""Background work of the print edition (django-tasks, backend `print`)."""

from django_tasks import task

from .builder import build_public_pdf


@task(backend="print", queue_name="print")
def build_edition_pdf(edition_id: int) -> int | None:
    """Typeset the edition's public PDF if its live content changed; returns its page count."""
    record = build_public_pdf(edition_id)
    return record.page_count if record else None
