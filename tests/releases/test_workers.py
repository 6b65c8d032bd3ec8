"""Two workers reaching a due release at once publish it once.

These tests commit (no test transaction), so each thread works on its own database
connection as two task workers or schedulers do."""

import threading
from datetime import timedelta

from django.db import connections
from django.test import TransactionTestCase
from django.utils import timezone
from wagtail.models import ModelLogEntry, PageLogEntry

from releases.models import ReleaseStatus
from releases.publishing import approve, publish_due_releases, submit

from .content import build_release


class TwoWorkersTests(TransactionTestCase):
    serialized_rollback = True

    def test_two_workers_at_once_publish_the_release_once(self):
        go_live_at = timezone.now() + timedelta(minutes=1)
        content = build_release(go_live_at)
        submit(content.release, content.editor)
        approve(content.release, content.reviewer)
        start = threading.Barrier(2)
        results: dict[str, list] = {}

        def worker(name: str) -> None:
            try:
                start.wait(timeout=30)
                results[name] = publish_due_releases(now=go_live_at)
            finally:
                connections.close_all()  # this thread's own connection

        threads = [threading.Thread(target=worker, args=(name,)) for name in ("a", "b")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)

        assert sorted(len(published) for published in results.values()) == [0, 1]
        content.release.refresh_from_db()
        assert content.release.status == ReleaseStatus.PUBLISHED
        release_logs = ModelLogEntry.objects.for_instance(content.release)
        assert release_logs.filter(action="releases.publish").count() == 1
        for page in content.pages:
            publishes = PageLogEntry.objects.filter(page=page, action="wagtail.publish")
            # The live notice was published once before the release, by the test content.
            expected = 2 if page.pk == content.changed_notice.pk else 1
            assert publishes.count() == expected, page
