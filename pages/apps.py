from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "포털 콘텐츠"
    default_auto_field = "django.db.models.BigAutoField"
