"""search.querylog: the per-process buffer of citizens' queries stays bounded, whatever a
client sends and however long the database refuses the write."""

import logging

import pytest

from search import querylog
from search.models import SearchQueryLog

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _small_buffer(monkeypatch):
    monkeypatch.setattr(querylog, "MAX_PENDING_QUERIES", 3)
    querylog.discard()
    yield
    querylog.discard()


def test_a_client_sending_new_queries_cannot_grow_the_buffer(caplog):
    for n in range(50):
        querylog.log_query(f"검색어{n}", 0)
    querylog.log_query("검색어0", 2)  # one already held is still counted

    assert len(querylog._pending) == 3
    with caplog.at_level(logging.WARNING, logger="search.querylog"):
        querylog.flush()

    hits = dict(SearchQueryLog.objects.values_list("query", "hits"))
    assert hits == {"검색어0": 2, "검색어1": 1, "검색어2": 1}
    assert any("47건" in record.getMessage() for record in caplog.records)
    querylog.log_query("다음", 0)  # room again after the flush
    assert len(querylog._pending) == 1
