"""The django-tasks tasks the database worker (`manage.py db_worker`) runs."""

from django_tasks import task


@task()
def fan_out_alert(alert_id: int) -> int:
    """Record an alert's deliveries and queue them in batches."""
    from .delivery import fan_out

    return fan_out(alert_id)


@task()
def deliver_batch(alert_id: int, delivery_ids: list[int]) -> dict:
    """Send one batch of an alert's deliveries."""
    from .delivery import deliver

    return deliver(delivery_ids)
