"""One build per edition at a time, and a build whose process died is taken over.

These tests commit (no test transaction), so that builds in other threads — each with its own
database connection, as the print worker and `build_print_editions` have — see each other.
"""

import io
import os
import subprocess
import sys
import threading
import time
from datetime import timedelta

from django.core.management import call_command
from django.db import connections
from django.test import TransactionTestCase
from django.urls import reverse
from django.utils import timezone

from content.models import ChangeKind, ContentChange
from infra.models import Lease
from infra.tasks import holder_of
from report_print.builder import Outcome, build_public_pdf
from report_print.builds import GAVE_UP_REASON, MAX_ATTEMPTS, claim_build, expired_builds, lease_key
from report_print.models import BuildStatus, EditionBuild, EditionPrint
from report_print.tasks import build_edition_pdf
from tests.factories.pages import ReportChapterPageFactory
from tests.factories.users import UserFactory
from tests.ops.helpers import REPO, shared_database_url

from .content import build_edition, table


def typeset_count(edition) -> int:
    return ContentChange.objects.filter(kind=ChangeKind.PDF_BUILT, page_id=edition.pk).count()


def left_by_a_killed_build(edition, *, lease_left: timedelta, attempts: int = 1) -> EditionBuild:
    """What a build leaves when its process is killed mid-way: its record running, and its
    lease held by a process that is gone, until the lease runs out."""
    now = timezone.now()
    Lease.objects.create(
        key=lease_key(edition.pk), holder="killed-worker", expires_at=now + lease_left
    )
    return EditionBuild.objects.create(
        edition=edition,
        status=BuildStatus.RUNNING,
        started_at=now - timedelta(minutes=5),
        attempts=attempts,
    )


class OneBuildPerEditionTests(TransactionTestCase):
    serialized_rollback = True

    def test_the_worker_and_the_command_at_once_typeset_the_edition_once(self):
        edition, _ = build_edition(chapters=1, year=2024)
        assert typeset_count(edition) == 0
        start = threading.Barrier(2)
        results: dict[str, str] = {}

        def run(name, work):
            try:
                start.wait(timeout=30)
                results[name] = work()
            finally:
                connections.close_all()  # this thread's own connection

        def command() -> str:
            out = io.StringIO()
            call_command("build_print_editions", stdout=out, stderr=out)
            return out.getvalue()

        threads = [
            threading.Thread(
                target=run, args=("worker", lambda: build_edition_pdf.call(edition.pk))
            ),
            threading.Thread(target=run, args=("command", command)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)

        assert set(results) == {"worker", "command"}, results
        assert typeset_count(edition) == 1, results
        built_by_worker = results["worker"] == Outcome.BUILT
        built_by_command = ": 생성 (" in results["command"]
        assert built_by_worker != built_by_command, results
        build = EditionBuild.objects.get(edition=edition)
        assert (build.status, build.rerun) == (BuildStatus.BUILT, False)
        assert holder_of(lease_key(edition.pk)) is None
        assert EditionPrint.objects.get(edition=edition).page_count > 0

    def test_a_request_during_a_build_is_left_to_it_and_makes_it_look_again(self):
        edition, _ = build_edition(chapters=1, year=2024)
        running = claim_build(edition.pk)

        assert build_public_pdf(edition.pk).outcome == Outcome.BUSY
        assert claim_build(edition.pk) is None
        assert not EditionPrint.objects.filter(edition=edition).exists()
        # The running build is told: it looks at the edition again before letting it go.
        assert running.finish(BuildStatus.BUILT) is False
        assert EditionBuild.objects.get(edition=edition).status == BuildStatus.RUNNING
        assert running.finish(BuildStatus.BUILT) is True
        assert EditionBuild.objects.get(edition=edition).status == BuildStatus.BUILT
        assert holder_of(lease_key(edition.pk)) is None

    def test_a_build_longer_than_its_lease_keeps_the_edition(self):
        edition, _ = build_edition(chapters=1, year=2024)
        with self.settings(TASK_LEASE_SECONDS=1):
            running = claim_build(edition.pk)
            time.sleep(2.5)  # typesetting outlasts the lease: renewed in the background

            assert holder_of(lease_key(edition.pk)) == running.holder
            assert expired_builds() == []  # the queue run does not take it for dead
            assert build_public_pdf(edition.pk).outcome == Outcome.BUSY
            assert running.finish(BuildStatus.BUILT) is False  # asked again meanwhile
            assert running.finish(BuildStatus.BUILT) is True
        assert typeset_count(edition) == 0
        assert holder_of(lease_key(edition.pk)) is None


def wait_for(condition, *, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


class KilledBuildTests(TransactionTestCase):
    serialized_rollback = True

    def test_a_build_killed_mid_way_is_built_by_the_next_queue_run(self):
        edition, _ = build_edition(chapters=1, year=2022)
        # A long table: typesetting takes seconds, time enough to kill the build mid-way.
        ReportChapterPageFactory(
            parent=edition, chapter_number=2, body=[("statistics_table", table(2, rows=3000))]
        )
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "DATABASE_URL": shared_database_url(),
            "TASK_LEASE_SECONDS": "2",
        }
        command = [sys.executable, str(REPO / "manage.py"), "build_print_editions"]
        builder = subprocess.Popen(  # noqa: S603 - fixed argv, this interpreter
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        try:
            running = EditionBuild.objects.filter(edition=edition, status=BuildStatus.RUNNING)
            wait_for(
                lambda: running.exists() or builder.poll() is not None,
                timeout=120,
                what="the build to start",
            )
        finally:
            builder.kill()  # SIGKILL: no clean-up, as when the machine or the container dies
            output = builder.communicate(timeout=30)[0]
        assert running.exists(), output
        assert not EditionPrint.objects.filter(edition=edition).exists(), "killed too late"

        lease = Lease.objects.get(key=lease_key(edition.pk))
        wait_for(lambda: timezone.now() > lease.expires_at, timeout=10, what="the lease to run out")
        call_command("run_print_queue")

        build = EditionBuild.objects.get(edition=edition)
        assert (build.status, build.attempts) == (BuildStatus.BUILT, 0)
        assert EditionPrint.objects.get(edition=edition).page_count > 50  # the long table too

    def test_a_build_whose_lease_ran_out_is_retried_by_the_next_queue_run(self):
        edition, _ = build_edition(chapters=1, year=2022)
        left_by_a_killed_build(edition, lease_left=-timedelta(seconds=1))
        self.client.force_login(UserFactory(is_superuser=True))
        status_page = reverse("report_print:status", args=[edition.pk])
        assert "중간에 멈췄습니다" in self.client.get(status_page).content.decode()

        call_command("run_print_queue")

        build = EditionBuild.objects.get(edition=edition)
        assert (build.status, build.attempts) == (BuildStatus.BUILT, 0)
        assert "중간에 멈췄습니다" not in self.client.get(status_page).content.decode()
        assert EditionPrint.objects.get(edition=edition).page_count > 0

    def test_a_build_within_its_lease_is_not_typeset_a_second_time(self):
        edition, _ = build_edition(chapters=1, year=2022)
        left_by_a_killed_build(edition, lease_left=timedelta(minutes=4))

        call_command("run_print_queue")
        call_command("build_print_editions", stdout=io.StringIO())

        build = EditionBuild.objects.get(edition=edition)
        assert (build.status, build.rerun) == (BuildStatus.RUNNING, True)
        assert holder_of(lease_key(edition.pk)) == "killed-worker"
        assert not EditionPrint.objects.filter(edition=edition).exists()

    def test_a_build_that_keeps_dying_is_given_up_with_a_korean_reason(self):
        edition, _ = build_edition(chapters=1, year=2022)
        left_by_a_killed_build(edition, lease_left=-timedelta(seconds=1), attempts=MAX_ATTEMPTS)

        call_command("run_print_queue")

        build = EditionBuild.objects.get(edition=edition)
        assert build.status == BuildStatus.FAILED
        assert build.reason == GAVE_UP_REASON.format(attempts=MAX_ATTEMPTS)
        assert not EditionPrint.objects.filter(edition=edition).exists()
