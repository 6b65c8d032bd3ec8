"""The group screens list permissions by name: after migrations they read in Korean."""

import pytest
from django.contrib.auth.models import Permission

from cms.permission_names import name_permissions_in_korean


@pytest.mark.django_db
def test_permissions_read_in_korean_after_migrations():
    names = dict(Permission.objects.values_list("codename", "name"))

    assert names["add_topic"] == "주제 추가"
    assert names["change_agency"] == "기관 변경"
    assert names["publish_page"] == "모든 페이지 게시"
    assert names["access_admin"] == "관리자 화면 접근"
    assert not [name for name in names.values() if name.startswith("Can ")]


@pytest.mark.django_db
def test_renaming_again_changes_nothing(django_assert_num_queries):
    with django_assert_num_queries(1):  # one read, no writes
        name_permissions_in_korean()
