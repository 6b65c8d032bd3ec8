"""Hundreds of citizens submitting at once: every accepted question is stored exactly once.

Each worker thread sends its requests through Django's full request stack on its own
database connection, so the inserts really race: on PostgreSQL as separate sessions,
on SQLite as separate connections contending for the one write lock. (A live server
would not do for SQLite: with an in-memory test database it shares one connection
between all request threads.)
"""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client, override_settings

from counseling.models import CounselingCase

from .conftest import SUBMIT_URL, valid_submission

SUBMISSIONS = 200
WORKERS = 16


def _post(n: int) -> tuple[int, dict]:
    payload = valid_submission(title=f"동시 접수 {n:03d}", question=f"질문 번호 {n:03d}")
    try:
        response = Client().post(SUBMIT_URL, payload, content_type="application/json")
        return response.status_code, response.json()
    finally:
        connection.close()


# Committed rows need a transactional test; serialized rollback makes its closing flush
# leave migration data (root page, groups) restorable for the transactional tests after it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@override_settings(COUNSELING_SUBMIT_RATE="")
def test_parallel_submissions_all_land_exactly_once():
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        results = list(pool.map(_post, range(SUBMISSIONS)))

    assert [status for status, _ in results] == [201] * SUBMISSIONS, results
    receipts = [body["receipt_number"] for _, body in results]
    assert len(set(receipts)) == SUBMISSIONS
    stored = CounselingCase.objects.all()
    assert stored.count() == SUBMISSIONS
    assert sorted(case.title for case in stored) == [
        f"동시 접수 {n:03d}" for n in range(SUBMISSIONS)
    ]
    assert set(stored.values_list("receipt_number", flat=True)) == set(receipts)
