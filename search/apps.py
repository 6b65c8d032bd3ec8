from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "portal_search"
    verbose_name = "검색"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from pages import extensions
        from search import signals
        from search.indexing import page_korean_text

        signals.connect()
        extensions.plug(korean_text=page_korean_text)
