from django.apps import AppConfig


class ReportPrintConfig(AppConfig):
    """The print edition of '희망서울, 행복가족': PDF builds, proofs and distribution lists."""

    name = "report_print"
    verbose_name = "가족보고서 인쇄본"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from content.events import subscribe

        from .triggers import on_content_change

        subscribe(on_content_change, uid="report-print-build")
