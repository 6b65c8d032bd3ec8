"""The django-tasks task the database worker (`manage.py db_worker`) runs."""

from django_tasks import task


@task()
def deliver_webhook(delivery_id: int) -> str:
    """Send one delivery if it is due and no other worker is sending it."""
    from .delivery import deliver

    return deliver(delivery_id)
