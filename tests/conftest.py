from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from pages.models import SectionKind
from pages.portal_tree import ensure_portal_tree


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
