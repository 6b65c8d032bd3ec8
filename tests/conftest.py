from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.core.management import call_command
from django.db import connection

from pages.models import SectionKind
from pages.portal_tree import ensure_portal_tree
from tests.testdb import kept_database_name, lost_its_migration_data


class Portal:
    """The home page and its six sections, addressed by kind: `portal.section(SectionKind.BLOG)`."""

    def __init__(self, home, sections):
        self.home = home
        self.sections = sections

    def section(self, kind: SectionKind):
        return self.sections[kind]


@pytest.fixture
def portal(db) -> Portal:
    home, sections = ensure_portal_tree()
    return Portal(home, sections)


@pytest.fixture(autouse=True)
def _search_query_log_stays_with_its_test():
    """A test's buffered search counts are not written into the next test's database, nor
    at exit into a test database that is gone."""
    yield
    from search import querylog

    querylog.discard()


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgres` run only when the suite runs on PostgreSQL (DATABASE_URL)."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        return
    skip = pytest.mark.skip(reason="PostgreSQL 전용: DATABASE_URL=postgres://… 로 실행하세요")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


def pytest_configure(config):
    """Compile the Korean catalogs if a .po is newer than its .mo, as `make install` does, so a
    plain `pytest` sees the same admin as `make test`."""
    for po in Path(__file__).resolve().parent.parent.glob("locale/*/LC_MESSAGES/*.po"):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as source:
            catalog = read_po(source)
        with mo.open("wb") as target:
            write_mo(target, catalog)


# A kept test database (`make test`: --reuse-db) must hold the rows migrations create; see
# tests/testdb.py.


@pytest.fixture(scope="session")
def django_db_createdb(request, django_db_blocker) -> bool:
    """Build the test database from the migrations on --create-db, and when the kept one lost
    its migration data (a run killed, or one that ended without restoring it)."""
    if request.config.getvalue("create_db"):
        return True
    if not request.config.getvalue("reuse_db"):
        return False
    with django_db_blocker.unblock():
        return lost_its_migration_data(kept_database_name())


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, django_db_keepdb):
    """On --reuse-db, leave the database as the migrations made it for the next run."""
    yield
    if not django_db_keepdb:
        return
    contents = getattr(connection, "_test_serialized_contents", None)
    with django_db_blocker.unblock():
        if contents and lost_its_migration_data(kept_database_name()):
            call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
            connection.creation.deserialize_db_from_string(contents)
