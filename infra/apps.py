from django.apps import AppConfig


class InfraConfig(AppConfig):
    """Runtime infrastructure: task leases (infra/tasks.py) and the leased `db_worker`."""

    name = "infra"
    verbose_name = "실행 기반"
    default_auto_field = "django.db.models.BigAutoField"
