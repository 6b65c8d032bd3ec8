"""Requests run in autocommit: reads never take SQLite's write lock, so a writer holding it
(an import, a publish, the task worker) never stalls the admin, the API or search."""

import contextlib
import sqlite3
import time

import pytest
from django.db import connection
from django.test import Client

from pages.editorial import setup_portal
from tests.factories import UserFactory

# Restores the migrated data (root page, content types) for the tests that follow.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@contextlib.contextmanager
def write_lock_held_elsewhere():
    """Another connection holding SQLite's write lock until the block ends."""
    holder = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


@pytest.fixture
def signed_in():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's database-wide write lock; PostgreSQL locks rows")
    home, _, _ = setup_portal()
    client = Client()
    client.force_login(UserFactory(username="reader", is_superuser=True, is_staff=True))
    return client, home


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/pages/{home}/",
        "/api/v2/pages/",
        "/api/v2/search/?q=가족",
    ],
)
def test_reads_answer_while_another_connection_holds_the_write_lock(signed_in, settings, path):
    """Every admin request used to begin with BEGIN IMMEDIATE: with the lock taken, /admin/
    waited SQLITE_BUSY_TIMEOUT (20 s) and answered 503.

    (Wagtail's page editor is not a pure read: opening it records an editing session, one
    short write of its own.)"""
    # Searches are written to the query log after the response, at most every 10 s; these
    # test settings flush after every request, which would be a write.
    settings.SEARCH_QUERY_LOG_FLUSH_SECONDS = 3600
    client, home = signed_in
    url = path.format(home=home.pk)
    client.get(url)  # first-use work (templates, caches) is not what is measured

    with write_lock_held_elsewhere():
        started = time.monotonic()
        response = client.get(url)
        seconds = time.monotonic() - started

    assert response.status_code == 200, response.content[:500]
    assert seconds < 5
