"""tests/testdb.py: a kept test database that lost its migration data is noticed."""

import sqlite3

import pytest
from django.db import connection

from tests.testdb import kept_database_name, lost_its_migration_data

# Each test opens a database through a Django connection of its own.
pytestmark = pytest.mark.django_db
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite database files")


def test_the_database_under_test_has_its_migration_data():
    assert not lost_its_migration_data(kept_database_name())


@sqlite_only
def test_a_flushed_database_has_lost_it(tmp_path):
    flushed = tmp_path / "flushed.sqlite3"
    with sqlite3.connect(flushed) as database:
        database.execute("CREATE TABLE wagtailcore_page (id INTEGER PRIMARY KEY, depth INTEGER)")

    assert lost_its_migration_data(str(flushed))


@sqlite_only
def test_a_missing_or_unmigrated_database_is_left_to_migrate(tmp_path):
    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty).close()

    assert not lost_its_migration_data(str(tmp_path / "missing.sqlite3"))
    assert not lost_its_migration_data(str(empty))
