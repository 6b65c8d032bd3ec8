"""The 상담사 group exists with exactly the counseling permissions, whatever the setup order."""

import pytest
from django.contrib.auth.models import Group

from counseling.permissions import COUNSELOR_GROUP
from pages.editorial import setup_portal

pytestmark = pytest.mark.django_db

COUNSELING_PERMISSIONS = {"view_case", "answer_case", "export_case"}


def _codenames(group: Group) -> set[str]:
    return set(group.permissions.values_list("codename", flat=True))


def test_migrations_create_the_counselor_group():
    group = Group.objects.get(name=COUNSELOR_GROUP)
    assert COUNSELING_PERMISSIONS | {"access_admin"} <= _codenames(group)


def test_no_other_editorial_group_gets_counseling_permissions():
    setup_portal()

    for group in Group.objects.exclude(name=COUNSELOR_GROUP):
        assert not (_codenames(group) & (COUNSELING_PERMISSIONS | {"view_accesslog"}))


def test_a_new_counseling_section_is_opened_to_counselors_for_faq_drafts(portal):
    from pages.models import SectionKind

    group = Group.objects.get(name=COUNSELOR_GROUP)
    section = portal.section(SectionKind.COUNSELING)

    assert group.page_permissions.filter(page=section, permission__codename="add_page").exists()
