"""The kept test database of `make test` (pytest --reuse-db) and the rows migrations create.

A transactional test flushes the database when it ends and restores the migrations' rows (root
page, locale, groups) only for the next such test, so a run that ends after one, or is killed,
would leave the next run a database without them. tests/conftest.py rebuilds such a database
at the start of a run and restores the rows at the end of one.
"""

from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections


def kept_database_name() -> str:
    connection = connections[DEFAULT_DB_ALIAS]
    return connection.creation._get_test_db_name()


def lost_its_migration_data(name: str) -> bool:
    """True when the database `name` exists, migrated, but has no root page (left flushed)."""
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor == "sqlite" and not Path(name).exists():
        return False
    # A connection of its own: the default one may point at another database.
    other = type(connection)({**connection.settings_dict, "NAME": name}, DEFAULT_DB_ALIAS)
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM wagtailcore_page WHERE depth = 1")
            return cursor.fetchone()[0] == 0
    except DatabaseError:  # no database or no tables yet: migrate builds them as usual
        return False
    finally:
        other.close()
