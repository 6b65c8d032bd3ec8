"""Publishing only queues the PDF build; the print queue's worker typesets it later."""

from django.core.management import call_command
from django.test import TransactionTestCase, override_settings
from django_tasks_db.models import DBTaskResult

from report_print.models import EditionPrint

from .content import build_edition

DATABASE_QUEUE = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "print": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["print"]},
}


@override_settings(TASKS=DATABASE_QUEUE)
class PrintQueueTests(TransactionTestCase):
    # The worker closes the database connection as a real one does: no test transaction.
    serialized_rollback = True

    def test_publish_queues_the_build_and_the_worker_runs_it(self):
        edition, chapters = build_edition(chapters=1, year=2025)
        chapters[0].save_revision().publish()
        assert DBTaskResult.objects.filter(queue_name="print").exists()
        assert not EditionPrint.objects.filter(edition=edition).exists()

        call_command("run_print_queue")

        assert EditionPrint.objects.filter(edition=edition).exists()
        assert not DBTaskResult.objects.filter(status="READY").exists()
