from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate, post_save


class CounselingConfig(AppConfig):
    name = "pages.counseling"
    label = "counseling"
    verbose_name = "온라인 상담"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from pages.models import SectionPage

        from . import checks  # noqa: F401 - registers the system checks

        post_migrate.connect(_ensure_counselor_group, dispatch_uid="counseling-group")
        post_save.connect(
            _grant_new_counseling_section, sender=SectionPage, dispatch_uid="counseling-section"
        )


def _ensure_counselor_group(sender, **kwargs):
    # post_migrate fires once per app with models; by the last one every permission exists.
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender is not with_models[-1]:
        return
    from .permissions import ensure_counselor_group

    ensure_counselor_group()


def _grant_new_counseling_section(sender, instance, created, raw=False, **kwargs):
    # The 온라인 상담 section is created after migrations (setup_portal, demo content), and
    # counselors need "add" there to edit the FAQ drafts they make.
    from pages.models import SectionKind

    if created and not raw and instance.kind == SectionKind.COUNSELING:
        from .permissions import ensure_counselor_group

        ensure_counselor_group()
