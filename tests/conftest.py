import pytest

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
