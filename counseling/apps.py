from django.apps import AppConfig
from django.db.models.signals import post_save


class CounselingConfig(AppConfig):
    name = "counseling"
    label = "counseling"
    verbose_name = "온라인 상담"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from pages.models import SectionPage

        from . import checks  # noqa: F401 - registers the system checks

        post_save.connect(
            _open_counseling_section, sender=SectionPage, dispatch_uid="counseling-section"
        )


def _open_counseling_section(sender, instance, created, raw=False, **kwargs):
    # The 온라인 상담 section is created after migrations (setup_portal, demo content), and
    # counselors need "add" there to edit the FAQ drafts they make.
    from pages.models import SectionKind

    if created and not raw and instance.kind == SectionKind.COUNSELING:
        from .permissions import grant_counseling_section

        grant_counseling_section(instance)
