"""Hundreds of citizens submitting at once: every accepted question is stored exactly once."""

import json
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.test import override_settings

from pages.counseling.models import CounselingCase

from .conftest import SUBMIT_URL, valid_submission

SUBMISSIONS = 200
WORKERS = 16


def _post(url: str, n: int) -> tuple[int, dict]:
    payload = valid_submission(title=f"동시 접수 {n:03d}", question=f"질문 번호 {n:03d}")
    request = urllib.request.Request(  # noqa: S310 - the test's own live server
        url,
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
        return response.status, json.loads(response.read())


@pytest.mark.django_db(transaction=True)
@override_settings(COUNSELING_SUBMIT_RATE="")
def test_parallel_submissions_all_land_exactly_once(live_server):
    url = live_server.url + SUBMIT_URL

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        results = list(pool.map(lambda n: _post(url, n), range(SUBMISSIONS)))

    assert [status for status, _ in results] == [201] * SUBMISSIONS
    receipts = [body["receipt_number"] for _, body in results]
    assert len(set(receipts)) == SUBMISSIONS
    stored = CounselingCase.objects.all()
    assert stored.count() == SUBMISSIONS
    assert sorted(case.title for case in stored) == [
        f"동시 접수 {n:03d}" for n in range(SUBMISSIONS)
    ]
    assert set(stored.values_list("receipt_number", flat=True)) == set(receipts)
