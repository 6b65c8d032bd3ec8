from django.apps import AppConfig


class CounselingConfig(AppConfig):
    name = "pages.counseling"
    label = "counseling"
    verbose_name = "온라인 상담"
    default_auto_field = "django.db.models.BigAutoField"
