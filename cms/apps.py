from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CmsConfig(AppConfig):
    """Project-wide operations: health checks, middleware, backup and restore commands."""

    name = "cms"
    verbose_name = "포털 운영"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .permission_names import name_permissions_in_korean

        # After every app's migrations: Django creates permissions in post_migrate too.
        post_migrate.connect(name_permissions_in_korean, dispatch_uid="cms-korean-permissions")
        _label_page_permission_field()
        _name_translation_models()


def _label_page_permission_field() -> None:
    """Wagtail 8.0.1's group form leaves its page field unlabelled, so Django shows the
    field name, "Page", untranslated; give it the translatable label it lacks."""
    from django.utils.translation import gettext_lazy
    from wagtail.users.forms import PagePermissionsForm

    PagePermissionsForm.base_fields["page"].label = gettext_lazy("Page")


def _name_translation_models() -> None:
    """Wagtail's Locale and wagtail-localize's Translation set no verbose_name, so the group
    screens show "Locale", "Translation" and "locale 추가" (docs/languages.md)."""
    from wagtail.models import Locale
    from wagtail_localize.models import Translation

    for model, name in ((Locale, "언어"), (Translation, "번역")):
        model._meta.verbose_name = name
        model._meta.verbose_name_plural = name
