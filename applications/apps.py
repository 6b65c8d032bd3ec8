from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "applications"
    label = "applications"
    verbose_name = "프로그램 신청"
    default_auto_field = "django.db.models.BigAutoField"
