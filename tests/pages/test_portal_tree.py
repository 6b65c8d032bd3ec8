from pages.models import HomePage, SectionKind, SectionPage
from pages.portal_tree import ensure_portal_tree


def test_portal_tree_has_home_and_six_sections(portal):
    assert portal.home.get_parent().is_root()
    kinds = set(SectionPage.objects.child_of(portal.home).values_list("kind", flat=True))
    assert kinds == set(SectionKind.values)


def test_portal_tree_is_idempotent(portal):
    ensure_portal_tree()
    assert HomePage.objects.count() == 1
    assert SectionPage.objects.count() == len(SectionKind.values)
