from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "포털 콘텐츠"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from content.events import watch_related_models

        from .snippets import Agency, Audience, BloggerProfile, District, Topic

        # Pages show snippets: editing one changes every page that shows it.
        watch_related_models(Topic, Audience, District, Agency, BloggerProfile)
